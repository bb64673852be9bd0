import { Button, Divider, Field, Input, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer } from "react";
import { proposalLabel, reportSheet } from "../../../workbook/reports/proposals";
import { PEOPLE, PRICE_POINTS, PROPOSED_PRICE_POINTS } from "../../../workbook/schema/tables";
import { NoticeBar } from "../../NoticeBar";
import { initialWhatIf, NEW_PROPOSAL, unsavedWork, whatIfReducer } from "../../state/whatIf";
import { whatIfController } from "../../state/whatIfController";
import { deriveScenarios, deriveWhatIf } from "../../state/whatIfDerived";
import { PaneViewProps } from "../registry";
import { useFirstRead } from "../useFirstRead";
import { ChangeChooser } from "./ChangeChooser";
import { CommitteePack } from "./CommitteePack";
import { LightChanges } from "./LightChanges";
import { ProposalPreview } from "./ProposalPreview";
import { ProtectionSection } from "./ProtectionSection";
import { RepricingSummary } from "./RepricingSummary";
import { ScenarioTable } from "./ScenarioTable";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

/** People left out of the summary that are named, the rest counted. */
const NAMED = 5;

/**
 * The policy officers' price what-if: proposals side by side (ProposedPricePoints and others named
 * ProposedPricePoints_<name>), each a copy of PricePoints changed; what one does to every care group, with a cap on
 * any one person's loss in the first year and the Agreed plans whose light would change, before anything is
 * written; then the What-if sheet of live formulas.
 */
export function WhatIfView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(whatIfReducer, initialWhatIf);
  const controller = useMemo(() => whatIfController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.load());
  // The proposals' measures change with the workbook and the cap only, not with each key typed in the form.
  const { book, cap, asAt } = state;
  const scenarios = useMemo(() => deriveScenarios({ ...initialWhatIf, book, cap, asAt }), [book, cap, asAt]);
  const view = useMemo(() => deriveWhatIf(state, scenarios), [state, scenarios]);
  const unsaved = unsavedWork(state).join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);

  const { busy } = state;
  const whatIf = book?.whatIf;
  const notPriced = view?.summary?.notPriced ?? [];
  const shown = view?.shown ?? null;
  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>Price what-if</h1>
      <p className={styles.text}>
        {`Try changes to the price points on everyone in ${PEOPLE.name}, side by side, and see what each does to ` +
          "every care group's budgets, to people's first year and to Agreed plans before anything is agreed."}
      </p>
      <div className={styles.actions}>
        <Button
          onClick={() => void controller.load()}
          disabled={busy !== null}
          title="Read People, the price points and the proposals again after changing them in the workbook"
        >
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={`${busy}…`} />}
      {state.message && <NoticeBar notice={state.message} />}
      {state.made && <NoticeBar notice={state.made} />}
      {whatIf && whatIf.blankPrices.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Blank prices count as £0",
            text: "",
            items: [
              ...whatIf.blankPrices.slice(0, NAMED),
              ...(whatIf.blankPrices.length > NAMED ? [`and ${whatIf.blankPrices.length - NAMED} more.`] : []),
            ],
          }}
        />
      )}
      {book && whatIf && view && (
        <>
          <section className={styles.section} aria-labelledby="whatif-propose-heading">
            <h2 id="whatif-propose-heading" className={styles.subheading}>
              1. The proposals
            </h2>
            {view.proposals.length > 0 && (
              <Field label="Proposal shown">
                <Select
                  id="whatif-proposal"
                  className={styles.control}
                  value={shown?.table ?? NEW_PROPOSAL}
                  onChange={(_, data) => dispatch({ type: "proposalShown", table: data.value })}
                >
                  {view.proposals.map((proposal) => (
                    <option key={proposal.table} value={proposal.table}>
                      {proposalLabel(proposal.name) + (proposal.problem === null ? "" : " (cannot be read)")}
                    </option>
                  ))}
                  <option value={NEW_PROPOSAL}>A new proposal…</option>
                </Select>
              </Field>
            )}
            {shown ? (
              shown.problem === null ? (
                <p className={styles.text}>
                  {`${shown.table} (on the sheet ${shown.sheet}) is compared with ${PRICE_POINTS.name}. Edit its ` +
                    "cells in the workbook to try other prices, then Refresh to see them here."}
                </p>
              ) : (
                <NoticeBar
                  notice={{
                    intent: "error",
                    title: `${shown.table} cannot be read`,
                    text:
                      `${shown.problem} Put it right in the workbook, then Refresh. Until then no figures are ` +
                      "shown for it and its What-if sheet waits.",
                  }}
                />
              )
            ) : (
              <>
                <p className={styles.text}>
                  {`A proposal is a copy of ${PRICE_POINTS.name}, with one change if you like; afterwards you ` +
                    "edit its cells as in any table. Keep as many as you like, each named, to compare."}
                </p>
                <Field
                  label={view.name.required ? "Name of the proposal" : "Name of the proposal (optional)"}
                  {...(view.name.problem !== null && (view.name.required || state.form.name.trim() !== "")
                    ? state.form.name.trim() === ""
                      ? { hint: view.name.problem }
                      : { validationMessage: view.name.problem, validationState: "error" as const }
                    : {
                        hint:
                          `Letters, digits and underscores, such as Freeze. Made as ` +
                          `${view.name.table ?? PROPOSED_PRICE_POINTS.name}.`,
                      })}
                >
                  <Input
                    id="whatif-name"
                    className={styles.control}
                    value={state.form.name}
                    onChange={(_, data) => dispatch({ type: "nameEdited", text: data.value })}
                  />
                </Field>
                <ChangeChooser form={state.form} view={view} dispatch={dispatch} />
                {view.problem && view.problem.field === null && (
                  <NoticeBar
                    notice={{ intent: "warning", title: "This change cannot be made", text: view.problem.text }}
                  />
                )}
                {view.proposal && view.name.table && view.name.sheet && (
                  <ProposalPreview
                    proposal={view.proposal}
                    table={view.name.table}
                    sheet={view.name.sheet}
                    current={PRICE_POINTS.name}
                  />
                )}
                <Button
                  className={styles.button}
                  appearance="primary"
                  disabled={busy !== null || !view.proposal || view.name.problem !== null}
                  onClick={() => void controller.create(state)}
                >
                  {`Create ${view.name.table ?? "the proposal"}`}
                </Button>
              </>
            )}
          </section>
          {view.scenarios.length > 1 && (
            <section className={styles.section} aria-labelledby="whatif-side-heading">
              <Divider />
              <h2 id="whatif-side-heading" className={styles.subheading}>
                Side by side
              </h2>
              <ScenarioTable
                scenarios={view.scenarios}
                cap={view.cap}
                current={view.currentFit}
                now={view.scenarios[0].summary.repricing.total.current}
              />
            </section>
          )}
          {view.summary && (
            <section className={styles.section} aria-labelledby="whatif-summary-heading">
              <Divider />
              <h2 id="whatif-summary-heading" className={styles.subheading}>
                {shown ? `Now and as proposed: ${proposalLabel(shown.name)}` : "Now and as it would be"}
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
          <section className={styles.section} aria-labelledby="whatif-cap-heading">
            <Divider />
            <h2 id="whatif-cap-heading" className={styles.subheading}>
              Transitional protection
            </h2>
            <ProtectionSection
              form={state.cap}
              problem={view.capProblem}
              protection={view.scenario?.protection ?? null}
              dispatch={dispatch}
            />
          </section>
          {view.scenario && (
            <section className={styles.section} aria-labelledby="whatif-lights-heading">
              <Divider />
              <h2 id="whatif-lights-heading" className={styles.subheading}>
                Agreed plans whose light would change
              </h2>
              <LightChanges review={view.scenario.lights} why={book.plansProblem} />
            </section>
          )}
          <section className={styles.section} aria-labelledby="whatif-sheet-heading">
            <Divider />
            <h2 id="whatif-sheet-heading" className={styles.subheading}>
              2. The What-if sheet
            </h2>
            <p className={styles.text}>
              {"A sheet of live formulas for the proposal shown: the summary by care group, everyone's budget now, " +
                "as proposed and in the first year under the cap, the cap's cost, the ten largest losses and " +
                "gains, the RAS curves and the distribution of change. Excel keeps it up to date as the proposal " +
                "or the cap is edited, with or without this pane."}
            </p>
            {shown && shown.problem === null && (
              <p className={styles.note}>
                {`It will be called ${reportSheet("What-if", shown.name, whatIf.names.sheets)}` +
                  (view.cap ? ", with the cap above in its cap cells." : ".")}
              </p>
            )}
            <Button
              className={styles.button}
              appearance={shown ? "primary" : "secondary"}
              disabled={busy !== null || !shown || shown.problem !== null || view.capProblem !== null}
              onClick={() => void controller.writeSheet(state)}
            >
              Write the What-if sheet
            </Button>
            {(!shown || shown.problem !== null) && (
              <p className={styles.note}>{!shown ? "Create the proposal first." : `Put ${shown.table} right first.`}</p>
            )}
          </section>
          <section className={styles.section} aria-labelledby="whatif-pack-heading">
            <Divider />
            <h2 id="whatif-pack-heading" className={styles.subheading}>
              3. The committee pack
            </h2>
            <p className={styles.text}>
              {"For members: the proposal shown, its summary by care group, the cap on losses and its cost, the " +
                "proposals side by side, the RAS curves and the distribution of change, the largest losses and " +
                "gains, and how well it fits what Agreed plans cost."}
            </p>
            {shown && shown.problem === null && (
              <p className={styles.note}>
                {`As a sheet of live formulas laid out for A4, ` +
                  `${reportSheet("Committee pack", shown.name, whatIf.names.sheets)}, to print from Excel; or as a ` +
                  "page printed now, to paper or PDF."}
              </p>
            )}
            <div className={styles.actions}>
              <Button
                className={styles.button}
                disabled={busy !== null || !shown || shown.problem !== null || view.capProblem !== null}
                onClick={() => void controller.writePack(state)}
              >
                Write the Committee pack sheet
              </Button>
              <Button
                className={styles.button}
                disabled={!shown || !view.scenario}
                onClick={() => window.print()}
                title="Opens the print dialog: print, or choose Save as PDF"
              >
                Print the committee pack
              </Button>
            </div>
            <p className={styles.note}>
              In Excel on Mac the pane cannot open the print dialog: print the Committee pack sheet from Excel instead.
            </p>
          </section>
          {shown && view.scenario && (
            <CommitteePack
              book={book}
              scenario={view.scenario}
              scenarios={view.scenarios}
              cap={view.cap}
              currentFit={view.currentFit}
              asAt={state.asAt}
            />
          )}
        </>
      )}
    </div>
  );
}
