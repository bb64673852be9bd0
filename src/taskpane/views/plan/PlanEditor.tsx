import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import { PlanBook, timestamp } from "../../../workbook/planBook";
import { dateProblems, DerivedPlan, PlanEdit, PlanEditorAction, PlanEditorState } from "../../state/planEditor";
import { PlanDates } from "./PlanDates";
import { PlanLines } from "./PlanLines";
import { PlanTotals } from "./PlanTotals";
import { SavePanel } from "./SavePanel";
import { TrafficLight } from "./TrafficLight";

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

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
}: {
  state: PlanEditorState & { readonly plan: PlanEdit; readonly book: PlanBook };
  derived: DerivedPlan;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onSave: () => void;
}) {
  const styles = useStyles();
  const { plan, book } = state;
  return (
    <>
      <Divider />
      <h2 className={styles.subheading}>{plan.planId ? `Plan ${plan.planId}` : "New plan"}</h2>
      <PlanLines
        plan={plan}
        checked={derived.checked}
        services={book.services}
        catalogue={state.catalogue}
        dispatch={dispatch}
      />
      {derived.costed && <PlanTotals totals={derived.costed.totals} />}
      {derived.costed && <TrafficLight against={derived.costed.againstBudget} />}
      <PlanDates plan={plan} problems={dateProblems(plan, timestamp(new Date()).slice(0, 10))} dispatch={dispatch} />
      <SavePanel
        plan={plan}
        userName={state.userName}
        reasonNeeded={derived.reasonNeeded}
        signOffNeeded={derived.signOffNeeded}
        signOffWithdrawn={derived.signOffWithdrawn}
        saveMessage={state.saveMessage}
        busy={busy}
        dispatch={dispatch}
        onSave={onSave}
      />
    </>
  );
}
