// The Settings view's state machine and controller, without a browser (issue 21 §3): the tolerance is policy,
// changed only with who and why, each change recorded, Green ≤ Amber ≤ 100%.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { setUpWorkbook } from "../../src/workbook/starter";
import { Decimal } from "../../src/engine";
import {
  initialSettings,
  readSettingsForm,
  readWeeksForm,
  weeksText,
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
    expect(settings.state.boxes).toEqual({ green: "10", amber: "100", weeks: "52", changedBy: "Pat Lee", reason: "" });
    expect(unsavedSettings(settings.state)).toEqual([]);
  });
});

describe("the weeks in a year in the Settings view (26 §4)", () => {
  it("shows 52, refuses 49, 54 and text in the box, and saves 50 with who and why", async () => {
    const settings = await view("Pat Lee");
    expect(settings.state.boxes.weeks).toBe("52");
    expect(settings.state.book?.weeks.weeksInYear?.toString()).toBe("52");
    const before = JSON.stringify(settings.workbook.allTables());
    for (const typed of ["49", "54", "fifty"]) {
      settings.dispatch({ type: "edited", field: "weeks", value: typed });
      expect(readWeeksForm(settings.state)).toMatchObject({
        problems: { weeks: "Weeks in a year: expected a number from 50 to 53, such as 52, 52.143 or 50" },
      });
    }
    settings.dispatch({ type: "edited", field: "weeks", value: "50" });
    expect(unsavedSettings(settings.state)).toEqual(["the weeks in a year you typed"]);
    // Without a reason: refused, focus on the reason, nothing written.
    await settings.controller.saveWeeks(settings.state);
    expect(settings.state.trying).toBe("weeks");
    expect(settings.state.focus?.id).toBe(SETTINGS_FOCUS.reason);
    expect(readWeeksForm(settings.state)).toEqual({
      problems: {
        reason: "Say why the weeks in a year change (the decision or paper it follows): it is recorded with it.",
      },
    });
    expect(JSON.stringify(settings.workbook.allTables())).toBe(before);

    settings.dispatch({ type: "edited", field: "reason", value: "Finance convention" });
    // A tolerance typed and not saved stays typed while the weeks are saved.
    settings.dispatch({ type: "edited", field: "green", value: "15" });
    await settings.controller.saveWeeks(settings.state);
    expect(settings.state.saved).toEqual({
      intent: "success",
      title: "Weeks in a year saved",
      text:
        "50 weeks: £100 a week is £5,000.00 a year, and a weekly figure is the annual ÷ 50. Recorded in " +
        "PlanSettingsHistory: Weeks in a year 52 weeks → 50 weeks, by Pat Lee. Plans already saved keep their " +
        "figures until they are next saved.",
    });
    expect(settings.state.book?.weeks.weeksInYear?.toString()).toBe("50");
    expect(settings.state.boxes).toEqual({ green: "15", amber: "50", weeks: "50", changedBy: "Pat Lee", reason: "" });
    expect(unsavedSettings(settings.state)).toEqual(["the tolerance you typed"]);
    expect(settings.state.book?.changes.map((change) => [change.setting, change.from, change.to])).toEqual([
      ["Weeks in a year", "52 weeks", "50 weeks"],
    ]);
  });

  it("52.143 is accepted as typed, with or without the word weeks", async () => {
    const settings = await view("Pat Lee");
    settings.dispatch({ type: "edited", field: "weeks", value: " 52.143 weeks" });
    settings.dispatch({ type: "edited", field: "reason", value: "365 ÷ 7" });
    expect(readWeeksForm(settings.state)).toMatchObject({ weeksInYear: new Decimal("52.143") });
    await settings.controller.saveWeeks(settings.state);
    expect(settings.state.boxes.weeks).toBe("52.143");
    expect(weeksText(new Decimal("52.143"))).toBe(
      "52.143 weeks: £100 a week is £5,214.30 a year, and a weekly figure is the annual ÷ 52.143.",
    );
  });
});
