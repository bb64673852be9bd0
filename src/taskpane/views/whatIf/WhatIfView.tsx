import { Button, Divider, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer } from "react";
import { freeSheetName } from "../../../workbook/port";
import { PEOPLE, PRICE_POINTS, PROPOSED_PRICE_POINTS } from "../../../workbook/schema/tables";
import { NoticeBar } from "../../NoticeBar";
import { deriveWhatIf, initialWhatIf, unsavedWork, whatIfReducer } from "../../state/whatIf";
import { whatIfController } from "../../state/whatIfController";
import { PaneViewProps } from "../registry";
import { useFirstRead } from "../useFirstRead";
import { ChangeChooser } from "./ChangeChooser";
import { ProposalPreview } from "./ProposalPreview";
import { RepricingSummary } from "./RepricingSummary";

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

/** People left out of the summary that are named, the rest counted. */
const NAMED = 5;

/**
 * The policy officers' price what-if: propose a change to the price points (a copy of PricePoints, changed),
 * see what it does to every care group before anything is written, then write the What-if sheet of live formulas.
 */
export function WhatIfView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(whatIfReducer, initialWhatIf);
  const controller = useMemo(() => whatIfController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.load());
  const view = useMemo(() => deriveWhatIf(state), [state]);
  const unsaved = unsavedWork(state).join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);

  const { book, busy } = state;
  const notPriced = view?.summary?.notPriced ?? [];
  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>Price what-if</h1>
      <p className={styles.text}>
        {`Try a change to the price points on everyone in ${PEOPLE.name}, and see what it does to each care ` +
          "group's budgets before anything is agreed."}
      </p>
      <div className={styles.actions}>
        <Button
          onClick={() => void controller.load()}
          disabled={busy !== null}
          title="Read People and the price points again after changing them in the workbook"
        >
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={`${busy}…`} />}
      {state.message && <NoticeBar notice={state.message} />}
      {state.made && <NoticeBar notice={state.made} />}
      {book && book.blankPrices.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Blank prices count as £0",
            text: "",
            items: [
              ...book.blankPrices.slice(0, NAMED),
              ...(book.blankPrices.length > NAMED ? [`and ${book.blankPrices.length - NAMED} more.`] : []),
            ],
          }}
        />
      )}
      {book && view && (
        <>
          <section className={styles.section} aria-labelledby="whatif-propose-heading">
            <h2 id="whatif-propose-heading" className={styles.subheading}>
              1. The proposal
            </h2>
            {book.proposed ? (
              <p className={styles.text}>
                {`${PROPOSED_PRICE_POINTS.name} (on the sheet ${book.proposed.sheet}) is the proposal compared ` +
                  `with ${PRICE_POINTS.name}. Edit its cells in the workbook to try other prices, then Refresh to ` +
                  "see them here."}
              </p>
            ) : book.proposedProblem !== null ? (
              <NoticeBar
                notice={{
                  intent: "error",
                  title: `${PROPOSED_PRICE_POINTS.name} cannot be read`,
                  text:
                    `${book.proposedProblem} Put it right in the workbook, then Refresh. Until then no figures ` +
                    "are shown and the What-if sheet waits.",
                }}
              />
            ) : book.proposedNameHeld ? (
              <NoticeBar
                notice={{
                  intent: "warning",
                  title: `The name ${PROPOSED_PRICE_POINTS.name} is taken`,
                  text:
                    `Something in the workbook that is not a table is called ${PROPOSED_PRICE_POINTS.name}. Rename ` +
                    "or delete it in Formulas › Name Manager, then Refresh, to make a proposal.",
                }}
              />
            ) : (
              <>
                <p className={styles.text}>
                  {`A proposal is a copy of ${PRICE_POINTS.name}, with one change if you like; afterwards you ` +
                    "edit its cells as in any table."}
                </p>
                <ChangeChooser form={state.form} view={view} dispatch={dispatch} />
                {view.problem && view.problem.field === null && (
                  <NoticeBar
                    notice={{ intent: "warning", title: "This change cannot be made", text: view.problem.text }}
                  />
                )}
                {view.proposal && (
                  <ProposalPreview
                    proposal={view.proposal}
                    table={PROPOSED_PRICE_POINTS.name}
                    sheet={freeSheetName(PROPOSED_PRICE_POINTS.sheet, book.names.sheets)}
                    current={PRICE_POINTS.name}
                  />
                )}
                <Button
                  className={styles.button}
                  appearance="primary"
                  disabled={busy !== null || !view.proposal}
                  onClick={() => void controller.create(state)}
                >
                  {`Create ${PROPOSED_PRICE_POINTS.name}`}
                </Button>
              </>
            )}
          </section>
          {view.summary && (
            <section className={styles.section} aria-labelledby="whatif-summary-heading">
              <Divider />
              <h2 id="whatif-summary-heading" className={styles.subheading}>
                {book.proposed ? "Now and as proposed" : "Now and as it would be"}
              </h2>
              <p className={styles.note}>
                Annual indicative budgets, priced as PB.INDICATIVE_BUDGET prices them, summed by care group.
              </p>
              {notPriced.length > 0 && (
                <NoticeBar
                  notice={{
                    intent: "warning",
                    title: `${notPriced.length} ${notPriced.length === 1 ? "person is" : "people are"} left out`,
                    text: "They cannot be priced under both tables, so no figure counts them:",
                    items: [
                      ...notPriced.slice(0, NAMED).map((person) => `${person.personId} ${person.name}: ${person.why}.`),
                      ...(notPriced.length > NAMED ? [`and ${notPriced.length - NAMED} more.`] : []),
                    ],
                  }}
                />
              )}
              <RepricingSummary summary={view.summary} />
            </section>
          )}
          <section className={styles.section} aria-labelledby="whatif-sheet-heading">
            <Divider />
            <h2 id="whatif-sheet-heading" className={styles.subheading}>
              2. The What-if sheet
            </h2>
            <p className={styles.text}>
              {"A sheet of live formulas: the summary by care group, everyone's budget now and as proposed, the " +
                "ten largest losses and gains, the RAS curves and the distribution of change. Excel keeps it up " +
                "to date as the proposal is edited, with or without this pane."}
            </p>
            {book.proposed && (
              <p className={styles.note}>{`It will be called ${freeSheetName("What-if", book.names.sheets)}.`}</p>
            )}
            <Button
              className={styles.button}
              appearance={book.proposed ? "primary" : "secondary"}
              disabled={busy !== null || !book.proposed}
              onClick={() => void controller.writeSheet(state)}
            >
              Write the What-if sheet
            </Button>
            {!book.proposed && (
              <p className={styles.note}>
                {book.proposedProblem === null
                  ? "Create the proposal first."
                  : `Put ${PROPOSED_PRICE_POINTS.name} right first.`}
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
