// The Settings view's state machine and controller, without a browser (issue 21 §3): the tolerance is policy,
// changed only with who and why, each change recorded, Green ≤ Amber ≤ 100%.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { setUpWorkbook } from "../../src/workbook/starter";
import {
  initialSettings,
  readSettingsForm,
  SettingsAction,
  settingsReducer,
  SETTINGS_FOCUS,
  unsavedSettings,
} from "../../src/taskpane/state/settings";
import { settingsController } from "../../src/taskpane/state/settingsController";

const AT = new Date(2026, 10, 24, 14, 5);

async function view(name = "") {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  let state = initialSettings(name);
  const dispatch = (action: SettingsAction) => (state = settingsReducer(state, action));
  const controller = settingsController(workbook, dispatch, () => AT);
  await controller.read();
  return {
    workbook,
    dispatch,
    controller,
    get state() {
      return state;
    },
  };
}

describe("the Settings view", () => {
  it("shows the workbook's tolerance in percent, and no change recorded yet", async () => {
    const settings = await view();
    expect(settings.state.boxes).toMatchObject({ green: "10", amber: "50" });
    expect(settings.state.book?.changes).toEqual([]);
    expect(unsavedSettings(settings.state)).toEqual([]);
  });

  it("refuses a change without who and why, focusing the first box to fix, writing nothing", async () => {
    const settings = await view();
    settings.dispatch({ type: "edited", field: "amber", value: "100" });
    expect(unsavedSettings(settings.state)).toEqual(["the tolerance you typed"]);
    const before = JSON.stringify(settings.workbook.allTables());
    await settings.controller.save(settings.state);
    expect(settings.state.tried).toBe(true);
    expect(settings.state.focus?.id).toBe(SETTINGS_FOCUS.changedBy);
    expect(readSettingsForm(settings.state)).toEqual({
      problems: {
        changedBy: "Enter your name: a change of policy records who made it.",
        reason: "Say why the tolerance changes (the decision or paper it follows): it is recorded with it.",
      },
    });
    expect(JSON.stringify(settings.workbook.allTables())).toBe(before);
  });

  it("100% is accepted and 100.01% refused with its reason", async () => {
    const settings = await view("Pat Lee");
    settings.dispatch({ type: "edited", field: "reason", value: "Cabinet decision 12/2026" });
    settings.dispatch({ type: "edited", field: "amber", value: "100.01" });
    expect(readSettingsForm(settings.state)).toEqual({
      problems: {
        amber: "Amber: at most 100%: a plan costing more than double its indicative budget is never Amber",
      },
    });
    await settings.controller.save(settings.state);
    expect(settings.state.focus?.id).toBe(SETTINGS_FOCUS.amber);

    settings.dispatch({ type: "edited", field: "amber", value: "100" });
    await settings.controller.save(settings.state);
    expect(settings.state.saved).toEqual({
      intent: "success",
      title: "Tolerance saved",
      text:
        "Green within 10%, Amber within 100%, Red beyond 100%: manager discussion required. Recorded in " +
        "PlanSettingsHistory: Amber tolerance 50% → 100%, by Pat Lee.",
    });
    expect(settings.state.book?.changes).toEqual([
      {
        setting: "Amber tolerance",
        from: 0.5,
        to: 1,
        changedBy: "Pat Lee",
        changedAt: "2026-11-24T14:05",
        reason: "Cabinet decision 12/2026",
      },
    ]);
    // The reason is for this change: the box is emptied, the name kept for the session.
    expect(settings.state.boxes).toEqual({ green: "10", amber: "100", changedBy: "Pat Lee", reason: "" });
    expect(unsavedSettings(settings.state)).toEqual([]);
  });
});
