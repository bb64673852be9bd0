// The pane's shell: switching views goes through the unsaved-work question, like every other way of
// leaving a plan (8.5); and the views are one registry, so adding one is one entry.
import { initialShell, shellReducer } from "../../src/taskpane/state/shell";
import { VIEWS } from "../../src/taskpane/views/registry";

const start = initialShell("plan");
const editing = shellReducer(start, { type: "unsavedReported", work: ["the plan for Ada Lovelace"] });

describe("the pane's shell", () => {
  it("switches at once when the view being left has nothing unsaved", () => {
    expect(shellReducer(start, { type: "viewRequested", view: "finance" })).toEqual({
      active: "finance",
      pending: null,
      unsaved: [],
    });
  });

  it("asks first when it has: keep stays, discard goes", () => {
    const asked = shellReducer(editing, { type: "viewRequested", view: "finance" });
    expect(asked).toEqual({ active: "plan", pending: "finance", unsaved: ["the plan for Ada Lovelace"] });
    expect(shellReducer(asked, { type: "keepEditing" })).toEqual(editing);
    // The discarded work goes with the view: the view switched to starts with nothing unsaved.
    expect(shellReducer(asked, { type: "discardConfirmed" })).toEqual({
      active: "finance",
      pending: null,
      unsaved: [],
    });
  });

  it("a view reporting the same unsaved work again leaves the state as it was, so the pane is not re-rendered", () => {
    expect(shellReducer(start, { type: "unsavedReported", work: [] })).toBe(start);
    expect(shellReducer(editing, { type: "unsavedReported", work: ["the plan for Ada Lovelace"] })).toBe(editing);
    expect(shellReducer(editing, { type: "unsavedReported", work: [] })).toEqual(start);
    expect(
      shellReducer(editing, { type: "unsavedReported", work: ["the plan for Ada Lovelace", "the tolerance"] }).unsaved,
    ).toEqual(["the plan for Ada Lovelace", "the tolerance"]);
  });

  it("asking for the view already showing changes nothing, and a discard with nothing asked does nothing", () => {
    expect(shellReducer(editing, { type: "viewRequested", view: "plan" })).toBe(editing);
    expect(shellReducer(start, { type: "discardConfirmed" })).toBe(start);
    expect(shellReducer(start, { type: "keepEditing" })).toBe(start);
  });

  it("lists only the views that exist, each once", () => {
    expect(VIEWS.map((view) => [view.id, view.label, view.shortLabel ?? view.label])).toEqual([
      ["plan", "Support plan", "Plan"],
      ["whatif", "Price what-if", "What-if"],
      ["finance", "Finance", "Finance"],
      ["settings", "Settings", "Settings"],
    ]);
    // What a tab shows is part of its name, so a screen reader or speech input finds it by either.
    for (const view of VIEWS) {
      expect(view.label.toLowerCase()).toContain((view.shortLabel ?? view.label).toLowerCase());
    }
  });
});
