import { Button, Divider, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer } from "react";
import { freeSheetName, Workbook } from "../../../workbook/port";
import { PLANS, PRICE_POINTS } from "../../../workbook/schema/tables";
import { proposalSheet, proposalTable } from "../../../workbook/reports/proposals";
import { fittedProposalName } from "../../../workbook/reports/reviewBook";
import { NoticeBar } from "../../NoticeBar";
import { deriveReview, initialReview, reviewReducer } from "../../state/review";
import { reviewController } from "../../state/reviewController";
import { useFirstRead } from "../useFirstRead";
import { FitSummary } from "./FitSummary";
import { FittedTable } from "./FittedTable";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
});

/** Plans left out that are named, the rest counted. */
const NAMED = 5;

export interface ReviewViewProps {
  readonly workbook: Workbook;
  /** Shows the Price what-if, which compares the proposal just made. */
  readonly onOpenWhatIf: () => void;
  /** Called once a proposal has been made, so the Price what-if reads the workbook again. */
  readonly onProposed: () => void;
}

/**
 * The policy officers' RAS review: how well the price points fit what Agreed plans cost (PB.RAS_FIT's figures), the
 * price points fitted to those plans (PB.CALIBRATE's) and what they would gain, proposing the fitted table as
 * ProposedPricePoints for the Price what-if, and the Review sheet of live formulas.
 */
export function ReviewView({ workbook, onOpenWhatIf, onProposed }: ReviewViewProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(reviewReducer, initialReview);
  const controller = useMemo(() => reviewController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.load());
  const view = useMemo(() => deriveReview(state), [state]);
  useEffect(() => {
    if (state.proposed) onProposed();
  }, [state.proposed, onProposed]);

  const { book, busy } = state;
  const summary = view?.summary;
  const notUsed = summary?.notUsed ?? [];
  const bands = book?.current.table.kind === "bands";
  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>RAS review</h1>
      <p className={styles.text}>
        {`How reliable the price points are: each Agreed plan's cost against its person's indicative budget, and ` +
          "price points fitted to those plans, before members decide."}
      </p>
      <div className={styles.actions}>
        <Button
          onClick={() => void controller.load()}
          disabled={busy !== null}
          title="Read Plans, People and the price points again after changing them in the workbook"
        >
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={`${busy}…`} />}
      {state.message && <NoticeBar notice={state.message} />}
      {state.made && <NoticeBar notice={state.made} />}
      {state.proposed && (
        <Button className={styles.button} appearance="primary" onClick={onOpenWhatIf}>
          Open the Price what-if
        </Button>
      )}
      {book && view && summary && (
        <>
          <section className={styles.section} aria-labelledby="review-fit-heading">
            <h2 id="review-fit-heading" className={styles.subheading}>
              1. How well the price points fit
            </h2>
            <p className={styles.note}>
              {`${book.evidence.length} Agreed ${book.evidence.length === 1 ? "plan" : "plans"} in ${PLANS.name}, ` +
                `each plan's annual cost against its person's indicative budget from ${PRICE_POINTS.name}. ` +
                "R² is 1 for a perfect fit; the typical error is the mean of |cost − budget|."}
            </p>
            {notUsed.length > 0 && (
              <NoticeBar
                notice={{
                  intent: "warning",
                  title: `${notUsed.length} ${notUsed.length === 1 ? "plan is" : "plans are"} not used`,
                  text: "No figure counts them:",
                  items: [
                    ...notUsed
                      .slice(0, NAMED)
                      .map((plan) => `${plan.planId} (${plan.personId} ${plan.name}): ${plan.why}.`),
                    ...(notUsed.length > NAMED ? [`and ${notUsed.length - NAMED} more.`] : []),
                  ],
                }}
              />
            )}
            {summary.fit.all.people > 0 ? (
              <FitSummary fit={summary.fit} label="The fit of the current price points by care group" />
            ) : (
              <p className={styles.text}>
                {`No Agreed plan can be used yet: agree plans in Support plan, then Refresh.`}
              </p>
            )}
          </section>
          {summary.fitted && summary.fittedFit && (
            <section className={styles.section} aria-labelledby="review-fitted-heading">
              <Divider />
              <h2 id="review-fitted-heading" className={styles.subheading}>
                2. Price points fitted to the plans
              </h2>
              <p className={styles.note}>
                {"For each care group, the £ a year per point of each band that brings budgets closest to what the " +
                  "plans cost (least squares, no rate below £0), to the penny. Where a band cannot be fitted, the " +
                  "current rate is kept."}
              </p>
              <FittedTable current={view.current} fitted={summary.fitted} />
              {summary.fitted.kept.length > 0 && (
                <NoticeBar
                  notice={{
                    intent: "info",
                    title: "Kept as they are",
                    text: "The plans cannot fit these rates:",
                    items: summary.fitted.kept.map((kept) => `${kept.why}.`),
                  }}
                />
              )}
              <h3 className={styles.subheading}>What the fitted table gains</h3>
              <FitSummary
                fit={summary.fit}
                fitted={summary.fittedFit}
                label="The fit now and with the fitted table, by care group"
              />
              {view.cannotPropose && <p className={styles.note}>{view.cannotPropose}</p>}
              <Button
                className={styles.button}
                appearance="primary"
                disabled={busy !== null || !view.canPropose}
                onClick={() => void controller.propose(state)}
              >
                Propose the fitted table
              </Button>
              {view.canPropose && (
                <p className={styles.note}>
                  {`Creates ${proposalTable(fittedProposalName(book.names))} on a new sheet, ` +
                    `${proposalSheet(fittedProposalName(book.names), book.names.sheets)}, for the Price what-if to ` +
                    "compare person by person, as any proposal. Nothing you already have is changed."}
                </p>
              )}
            </section>
          )}
          <section className={styles.section} aria-labelledby="review-sheet-heading">
            <Divider />
            <h2 id="review-sheet-heading" className={styles.subheading}>
              3. The Review sheet
            </h2>
            <p className={styles.text}>
              {"A sheet of live formulas: every Agreed plan as evidence, the fit by care group and by points band, " +
                "the fitted table beside the current one, and the same points priced for every care group with a " +
                "chart. Excel keeps it up to date as plans are agreed and prices edited."}
            </p>
            {bands ? (
              <p className={styles.note}>{`It will be called ${freeSheetName("Review", book.names.sheets)}.`}</p>
            ) : (
              <p className={styles.note}>
                {`${PRICE_POINTS.name} is a table of categories, not points bands: the sheet and the fitting need ` +
                  "bands. PB.RAS_FIT still measures it in any cell."}
              </p>
            )}
            <Button
              className={styles.button}
              disabled={busy !== null || !bands}
              onClick={() => void controller.writeSheet(state)}
            >
              Write the Review sheet
            </Button>
          </section>
        </>
      )}
    </div>
  );
}
