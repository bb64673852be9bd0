// The pane's shell: switching views goes through the unsaved-work question, like every other way of
// leaving a plan (8.5); and the views are one registry, so adding one is one entry.
import { ShellState, shellReducer } from "../../src/taskpane/state/shell";
import { VIEWS } from "../../src/taskpane/views/registry";

const start: ShellState = { active: "plan", pending: null };

describe("the pane's shell", () => {
  it("switches at once when the view being left has nothing unsaved", () => {
    expect(shellReducer(start, { type: "viewRequested", view: "finance", unsaved: false })).toEqual({
      active: "finance",
      pending: null,
    });
  });

  it("asks first when it has: keep stays, discard goes", () => {
    const asked = shellReducer(start, { type: "viewRequested", view: "finance", unsaved: true });
    expect(asked).toEqual({ active: "plan", pending: "finance" });
    expect(shellReducer(asked, { type: "keepEditing" })).toEqual(start);
    expect(shellReducer(asked, { type: "discardConfirmed" })).toEqual({ active: "finance", pending: null });
  });

  it("asking for the view already showing changes nothing, and a discard with nothing asked does nothing", () => {
    expect(shellReducer(start, { type: "viewRequested", view: "plan", unsaved: true })).toEqual(start);
    expect(shellReducer(start, { type: "discardConfirmed" })).toBe(start);
  });

  it("lists only the views that exist, each once", () => {
    expect(VIEWS.map((view) => [view.id, view.label])).toEqual([
      ["plan", "Support plan"],
      ["whatif", "Price what-if"],
      ["finance", "Finance"],
    ]);
  });
});
