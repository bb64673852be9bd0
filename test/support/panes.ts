// Support-plan panes without React, for tests of colleagues at work in one workbook: each holds its state in the
// editor's reducer and does its work through the plan controller, over whatever workbook it is given.
import { planController } from "../../src/taskpane/state/planController";
import {
  initialState,
  planEditorReducer,
  PlanEditorAction,
  PlanEditorState,
} from "../../src/taskpane/state/planEditor";
import { Workbook } from "../../src/workbook/port";

export interface Pane {
  readonly state: PlanEditorState;
  readonly dispatch: (action: PlanEditorAction) => void;
  readonly controller: ReturnType<typeof planController>;
}

/** A pane of the user `name`, whose clock says `at`. */
export function pane(workbook: Workbook, name: string, at: () => Date): Pane {
  let state = initialState(name);
  const dispatch = (action: PlanEditorAction) => {
    state = planEditorReducer(state, action);
  };
  return {
    get state() {
      return state;
    },
    dispatch,
    controller: planController(workbook, dispatch, at),
  };
}

/** A catalogue service added as a line, as the user does it. */
export function addService(target: Pane, service: string): void {
  target.dispatch({ type: "catalogueChosen", service });
  target.dispatch({ type: "catalogueLineAdded" });
}
