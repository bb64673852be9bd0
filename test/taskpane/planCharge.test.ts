// The person's charge in the plan editor (issue 26 §5), without a browser: the box read by the engine's rule, the
// plan's cost split between the person and the council beside its gross cost, the charge saved in Plans' Weekly
// charge column and opened again; and the plan's weekly figures over the workbook's weeks in a year (§4).
import { Decimal } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { saveWeeksInYear } from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { planController } from "../../src/taskpane/state/planController";
import {
  FOCUS,
  initialState,
  planEditorReducer,
  PlanEditorAction,
  planUnsaved,
} from "../../src/taskpane/state/planEditor";
import { contributionText, councilCostText } from "../../src/taskpane/state/planCharge";
import { derivePlan, prepareSave } from "../../src/taskpane/state/planSaving";

const AT = new Date(2026, 10, 24, 14, 5);

async function editor(weeks?: number) {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  if (weeks !== undefined) {
    await saveWeeksInYear(workbook, new Decimal(weeks), { changedBy: "Pat Lee", reason: "Policy" }, "2026-11-01T09:00");
  }
  let state = initialState("Sam Reid");
  const dispatch = (action: PlanEditorAction) => (state = planEditorReducer(state, action));
  const controller = planController(workbook, dispatch, () => AT);
  await controller.load();
  dispatch({ type: "personPicked", personId: "P001", discard: false });
  // A day at the day centre a week: £45.
  dispatch({ type: "catalogueChosen", service: "Day centre" });
  dispatch({ type: "catalogueLineAdded" });
  const charge = (value: string) => dispatch({ type: "planFieldEdited", field: "weeklyCharge", value });
  return {
    workbook,
    controller,
    charge,
    dispatch,
    get state() {
      return state;
    },
  };
}

async function plansRows(workbook: MemoryWorkbook) {
  const data = (await workbook.readTable("Plans"))!;
  return data.rows.map((row) => Object.fromEntries(data.headers.map((header, column) => [header, row[column]])));
}

describe("the person's charge in the plan editor (26 §5)", () => {
  it("a charge above the plan's cost (Essex's case): the person pays the cost, the council nothing", async () => {
    const pane = await editor();
    pane.charge("56.20");
    const split = derivePlan(pane.state).charge.split!;
    // £45 a week, £2,340 a year; a charge of £56.20 a week (£2,922.40 a year) is more: they pay it all.
    expect(contributionText(split)).toBe("£2,340.00 a year (£45.00 a week)");
    expect(councilCostText(split)).toBe("£0.00 a year (£0.00 a week)");
  });

  it("a charge below the cost: the person pays the charge, the council the rest; blank is no charge", async () => {
    const pane = await editor();
    expect(derivePlan(pane.state).charge).toEqual({ weeklyCharge: null, problem: null, split: null });
    pane.charge("£20");
    const split = derivePlan(pane.state).charge.split!;
    // £20 × 52 = £1,040 a year; the council pays £2,340 − £1,040 = £1,300 (£25 a week).
    expect(contributionText(split)).toBe("£1,040.00 a year (£20.00 a week)");
    expect(councilCostText(split)).toBe("£1,300.00 a year (£25.00 a week)");
  });

  it("a charge that is not an amount is refused under the box and stops the save, in the pane's order", async () => {
    const pane = await editor();
    pane.charge("twenty");
    expect(derivePlan(pane.state).charge.problem).toBe(
      'Weekly charge: expected an amount in £, 0 or more; got "twenty"',
    );
    pane.dispatch({ type: "planFieldEdited", field: "endDate", value: "2020-01-01" });
    const refused = prepareSave(pane.state, "2026-11-24");
    expect("problems" in refused && refused.problems.map((problem) => problem.focus)).toEqual([
      FOCUS.weeklyCharge,
      FOCUS.endDate,
    ]);
    pane.charge("20.005");
    expect(derivePlan(pane.state).charge.problem).toBe(
      'Weekly charge: pounds and pence only (at most 2 decimal places); got "20.005"',
    );
  });

  it("is saved in Plans' Weekly charge column, in the save message, and opened again; blank clears it", async () => {
    const pane = await editor();
    pane.charge("20");
    await pane.controller.save(pane.state);
    expect(pane.state.saveMessage?.text).toBe(
      "£2,340.00 a year (£45.00 a week), Red, Draft. Cost to the council £1,300.00 a year (£25.00 a week).",
    );
    const [row] = await plansRows(pane.workbook);
    expect([row["Plan cost (annual)"], row["Weekly charge"]]).toEqual([2340, 20]);
    expect(planUnsaved(pane.state)).toBe(false);

    await pane.controller.request(pane.state, { kind: "openPlan", planId: "PLAN-0001" });
    expect(pane.state.plan?.weeklyCharge).toBe("20.00");
    expect(planUnsaved(pane.state)).toBe(false);

    pane.charge("");
    expect(planUnsaved(pane.state)).toBe(true);
    await pane.controller.save(pane.state);
    expect((await plansRows(pane.workbook))[0]["Weekly charge"]).toBeNull();
    expect(pane.state.saveMessage?.text).toBe("£2,340.00 a year (£45.00 a week), Red, Draft.");
  });

  it("an older Plans table without the column opens plans with no charge, and gains it on the next save", async () => {
    const pane = await editor();
    await pane.controller.save(pane.state);
    // As a workbook from before the column: its Plans table has none.
    const plans = (await pane.workbook.readTable("Plans"))!;
    const without = plans.headers.indexOf("Weekly charge");
    const older = new MemoryWorkbook({ formulas: formulaEngine });
    await older.addTables(
      pane.workbook
        .allTables()
        .filter((table) => table.name !== "Plans")
        .map((table) => ({
          name: table.name,
          sheet: table.sheet,
          columns: table.headers.map((header) => ({ header, numberFormat: "General" })),
          rows: table.rows,
        })),
    );
    await older.addTables([
      {
        name: "Plans",
        sheet: "Plans",
        columns: plans.headers.filter((_, at) => at !== without).map((header) => ({ header, numberFormat: "General" })),
        rows: plans.rows.map((row) => row.filter((_, at) => at !== without)),
      },
    ]);
    let state = initialState("Sam Reid");
    const controller = planController(
      older,
      (action) => (state = planEditorReducer(state, action)),
      () => AT,
    );
    await controller.load();
    await controller.request(state, { kind: "openPlan", planId: "PLAN-0001" });
    expect(state.plan?.weeklyCharge).toBe("");
    state = planEditorReducer(state, { type: "planFieldEdited", field: "weeklyCharge", value: "10" });
    await controller.save(state);
    const saved = (await older.readTable("Plans"))!;
    expect(saved.headers.at(-1)).toBe("Weekly charge");
    expect(saved.rows[0].at(-1)).toBe(10);
  });
});

describe("a plan's weekly figures over the workbook's weeks in a year (26 §4)", () => {
  it("at 50 weeks a £45 weekly line is £2,250 a year and £45 a week; a £20 charge is £1,000 a year", async () => {
    const pane = await editor(50);
    const derived = derivePlan(pane.state);
    expect([derived.costed?.totals.annual.toString(), derived.costed?.totals.weekly.toString()]).toEqual([
      "2250",
      "45",
    ]);
    pane.charge("20");
    expect(councilCostText(derivePlan(pane.state).charge.split!)).toBe("£1,250.00 a year (£25.00 a week)");
    await pane.controller.save(pane.state);
    const [row] = await plansRows(pane.workbook);
    expect([row["Plan cost (annual)"], row["Plan cost (weekly)"]]).toEqual([2250, 45]);
  });
});
