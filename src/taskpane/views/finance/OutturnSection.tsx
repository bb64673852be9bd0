import { makeStyles, Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer } from "react";
import { Workbook } from "../../../workbook/port";
import { OutturnDates } from "../../../workbook/reports/outturnBook";
import { NoticeBar } from "../../NoticeBar";
import { initialOutturnState, outturnReducer, outturnSummary } from "../../state/outturn";
import { outturnController } from "../../state/outturnController";
import { DpSurpluses } from "./DpSurpluses";
import { OutturnFigures } from "./OutturnFigures";
import { PaymentsImport } from "./PaymentsImport";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
});

/**
 * The Finance view's outturn, payments import and direct-payment surpluses, at the view's dates: a part with its own
 * state, reading the tables when the view reads them (`readWith` changes) and after each import.
 */
export function OutturnSection({
  workbook,
  dates,
  readWith,
}: {
  workbook: Workbook;
  dates: OutturnDates;
  /** Anything that changes when the Finance view reads the workbook again (its tables as read). */
  readWith: unknown;
}) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(outturnReducer, initialOutturnState);
  const controller = useMemo(() => outturnController(workbook, dispatch), [workbook]);
  useEffect(() => void controller.read(), [controller, readWith]);
  const reread = useCallback(() => void controller.read(), [controller]);
  const summary = useMemo(() => outturnSummary(state, dates), [state, dates]);
  const notes = summary.outturn
    ? [
        ...state.book!.warnings,
        ...summary.outturn.leftOut.map(({ planId, reason }) => `${planId} is left out of the commitment: ${reason}.`),
        ...summary.outturn.notes,
      ]
    : [];
  return (
    <div id="finance-outturn" className={styles.part}>
      {state.busy && <Spinner size="tiny" labelPosition="after" label={`${state.busy}…`} />}
      {state.message && <NoticeBar notice={state.message} />}
      {notes.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "The outturn leaves things out",
            text: "",
            items: [...notes.slice(0, 5), ...(notes.length > 5 ? [`…and ${notes.length - 5} more.`] : [])],
          }}
        />
      )}
      {summary.outturn && <OutturnFigures outturn={summary.outturn} />}
      <PaymentsImport workbook={workbook} onImported={reread} />
      {state.book && (
        <DpSurpluses
          accounts={summary.accounts}
          hasBalances={state.book.hasBalances}
          weeksAllowed={state.weeksAllowed}
          weeksProblem={summary.weeksProblem}
          weeksInYear={summary.weeksInYear}
          dispatch={dispatch}
          onAddBalances={() => void controller.addBalances()}
          busy={state.busy !== null}
        />
      )}
      {state.added && <NoticeBar notice={state.added} />}
    </div>
  );
}
