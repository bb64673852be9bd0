// The pane's shell: which view is showing, what the showing view has unsaved, and a switch waiting for the
// user to keep or discard that work.

export interface ShellState {
  readonly active: string;
  /** The view asked for while the active one has unsaved work. */
  readonly pending: string | null;
  /** The active view's unsaved work, in words, as it last reported it. */
  readonly unsaved: readonly string[];
}

export type ShellAction =
  | { readonly type: "viewRequested"; readonly view: string }
  | { readonly type: "unsavedReported"; readonly work: readonly string[] }
  | { readonly type: "keepEditing" }
  | { readonly type: "discardConfirmed" };

export const initialShell = (active: string): ShellState => ({ active, pending: null, unsaved: [] });

const sameWork = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

export function shellReducer(state: ShellState, action: ShellAction): ShellState {
  switch (action.type) {
    case "viewRequested":
      if (action.view === state.active) return state.pending === null ? state : { ...state, pending: null };
      return state.unsaved.length > 0 ? { ...state, pending: action.view } : initialShell(action.view);
    case "unsavedReported":
      // The same work again is the same state: views report on every change, and a new state would
      // re-render the whole pane (its tabs included) for nothing.
      return sameWork(state.unsaved, action.work) ? state : { ...state, unsaved: action.work };
    case "keepEditing":
      return state.pending === null ? state : { ...state, pending: null };
    case "discardConfirmed":
      return state.pending === null ? state : initialShell(state.pending);
  }
}
