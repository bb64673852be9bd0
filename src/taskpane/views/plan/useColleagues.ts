import { useEffect, useRef } from "react";
import { PlanController } from "../../state/planController";
import { PlanEditorState } from "../../state/planEditor";
import { Workbook } from "../../../workbook/port";
import { PLAN_LINES, PLANS } from "../../../workbook/schema/tables";

/** How long after a colleague's change the pane checks it: a save raises an event for each table it writes. */
const SETTLE_MS = 400;

/**
 * Watches the plan tables once the workbook has been read (Table.onChanged where Excel has it): a colleague's change
 * (Remote; the pane's own saves are Local) has the controller check what it bears on and say so, after the changes of
 * one save have all arrived and not while the pane is itself busy (it checks again after). Where the workbook cannot
 * tell of changes, or registering fails, nothing is watched: each save reads the tables again anyway.
 */
export function useColleagues(workbook: Workbook, controller: PlanController, state: PlanEditorState): void {
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const read = state.book !== null;
  useEffect(() => {
    if (!read || !workbook.watchTables) return;
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const now = latest.current;
      if (now.busy || now.saving) timer = setTimeout(check, SETTLE_MS);
      else void controller.colleagueChanged(now);
    };
    workbook
      .watchTables([PLANS.name, PLAN_LINES.name], (change) => {
        if (change.source !== "Remote") return;
        clearTimeout(timer);
        timer = setTimeout(check, SETTLE_MS);
      })
      .then(
        (stopWatching) => (stopped ? void stopWatching() : (stop = stopWatching)),
        () => undefined,
      );
    return () => {
      stopped = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [workbook, controller, read]);
}
