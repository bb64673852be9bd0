import { Divider, makeStyles, tokens, useAnnounce } from "@fluentui/react-components";
import { ReactNode, useEffect, useRef } from "react";
import { PlanBook, timestamp } from "../../../workbook/planBook";
import { PlanEdit, PlanEditorAction, PlanEditorState } from "../../state/planEditor";
import { dateProblems, DerivedPlan } from "../../state/planSaving";
import { Button } from "@fluentui/react-components";
import { PersonCopyPanel } from "./PersonCopyPanel";
import { PlanChargeField } from "./PlanChargeField";
import { PlanDates } from "./PlanDates";
import { PlanHistoryList } from "./PlanHistoryList";
import { PlanWords } from "./PlanWords";
import { PlanLines } from "./PlanLines";
import { PlanTotals } from "./PlanTotals";
import { SavePanel } from "./SavePanel";
import { TrafficLight } from "./TrafficLight";

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  uncosted: { margin: 0, color: tokens.colorNeutralForeground2 },
  copy: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal", height: "auto" },
});

/** "1 line not costed yet", "2 lines not costed yet". */
const notCosted = (count: number) => `${count} line${count === 1 ? "" : "s"} not costed yet`;

/**
 * The plan being built for the person picked: its lines, totals by way of managing, the traffic light against
 * the indicative budget, its dates, and saving it. Its own chunk (PlanView loads it when a person is picked).
 */
export function PlanEditor({
  state,
  derived,
  busy,
  dispatch,
  onSave,
  onEndEarlier,
  colleague,
  onMakeCopy,
  onAddCopySheet,
}: {
  state: PlanEditorState & { readonly plan: PlanEdit; readonly book: PlanBook };
  derived: DerivedPlan;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onSave: () => void;
  /** The user chose to end the person's earlier Agreed plans and save. */
  onEndEarlier: (planIds: readonly string[]) => void;
  /** What a colleague saved, said before the Save button. */
  colleague?: ReactNode;
  /** Makes the person's copy of the plan as saved, and adds it as a sheet. */
  onMakeCopy: () => void;
  onAddCopySheet: () => void;
}) {
  const styles = useStyles();
  const { plan, book } = state;
  // A sign-off withdrawn by a change of lines is said out loud, as it happens (the box that says so may be far off).
  const { announce } = useAnnounce();
  const withdrawn = derived.signOffWithdrawn;
  const lastWithdrawn = useRef(withdrawn);
  useEffect(() => {
    if (withdrawn && withdrawn !== lastWithdrawn.current) {
      announce(`The lines changed since ${withdrawn} signed this plan off, so the sign-off is withdrawn.`, {
        polite: true,
      });
    }
    lastWithdrawn.current = withdrawn;
  }, [withdrawn, announce]);
  return (
    <>
      <Divider />
      <h2 className={styles.subheading}>{plan.planId ? `Plan ${plan.planId}` : "New plan"}</h2>
      <PlanLines
        plan={plan}
        checked={derived.checked}
        services={book.services}
        weeksInYear={book.weeks.weeksInYear}
        catalogue={state.catalogue}
        dispatch={dispatch}
      />
      <PlanChargeField plan={plan} charge={derived.charge} dispatch={dispatch} />
      {derived.uncosted > 0 ? (
        <p id="plan-uncosted" className={styles.uncosted}>
          {`${notCosted(derived.uncosted)}: the plan has no total and no traffic light until every line is costed.`}
        </p>
      ) : (
        <>
          {derived.costed && <PlanTotals totals={derived.costed.totals} charge={derived.charge.split} />}
          {derived.costed && <TrafficLight against={derived.costed.againstBudget} />}
        </>
      )}
      <PlanDates plan={plan} problems={dateProblems(plan, timestamp(new Date()).slice(0, 10))} dispatch={dispatch} />
      <PlanWords plan={plan} dispatch={dispatch} />
      <SavePanel
        plan={plan}
        userName={state.userName}
        reasonNeeded={derived.reasonNeeded}
        signOffNeeded={derived.signOffNeeded}
        signOffWithdrawn={derived.signOffWithdrawn}
        problems={derived.decisionProblems}
        saveMessage={state.saveMessage}
        overlap={state.overlap}
        busy={busy}
        dispatch={dispatch}
        onSave={onSave}
        onEndEarlier={onEndEarlier}
        colleague={colleague}
      />
      {plan.planId && (
        <>
          <Divider />
          {derived.unsaved ? (
            <p className={styles.uncosted}>Save the plan to make the person&apos;s copy of it.</p>
          ) : (
            <Button className={styles.copy} onClick={onMakeCopy} disabled={busy}>
              {state.copy ? "Make the person's copy again" : "Make the person's copy"}
            </Button>
          )}
          {state.copy && (
            <PersonCopyPanel copy={state.copy} busy={busy} dispatch={dispatch} onAddSheet={onAddCopySheet} />
          )}
          {state.history && <PlanHistoryList history={state.history} />}
        </>
      )}
    </>
  );
}
