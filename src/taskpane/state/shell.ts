// The pane's shell: which view is showing, and a switch waiting for the user to keep or discard the unsaved
// work of the view they are leaving.

export interface ShellState {
  readonly active: string;
  /** The view asked for while the active one has unsaved work. */
  readonly pending: string | null;
}

export type ShellAction =
  | { readonly type: "viewRequested"; readonly view: string; readonly unsaved: boolean }
  | { readonly type: "keepEditing" }
  | { readonly type: "discardConfirmed" };

export function shellReducer(state: ShellState, action: ShellAction): ShellState {
  switch (action.type) {
    case "viewRequested":
      if (action.view === state.active) return { ...state, pending: null };
      return action.unsaved ? { ...state, pending: action.view } : { active: action.view, pending: null };
    case "keepEditing":
      return { ...state, pending: null };
    case "discardConfirmed":
      return state.pending === null ? state : { active: state.pending, pending: null };
  }
}
