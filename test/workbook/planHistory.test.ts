// Issue 26 §3: every save of a plan appends a PlanHistory row, never rewriting one; the pane reads a plan's history
// newest first. In the in-memory workbook and through Office.js against the Excel model.
import { Decimal, SupportPlanLine } from "../../src/engine";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import {
  HistoryNotRecorded,
  openPlan,
  PlanToSave,
  readPlanBook,
  readPlanHistory,
  savePlanRecorded,
} from "../../src/workbook/planBook";
import { Workbook } from "../../src/workbook/port";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel } from "../support/excelModel";

const line = (
  service: string,
  quantity: string,
  unit: string,
  unitCost: string,
  frequency: SupportPlanLine["frequency"],
  managedAs: SupportPlanLine["managedAs"],
): SupportPlanLine => ({
  service,
  quantity: new Decimal(quantity),
  unit,
  unitCost: new Decimal(unitCost),
  frequency,
  managedAs,
});
const assistant = (hours: string) => line("Personal assistant", hours, "hour", "19.55", "week", "Direct payment");
const respite = line("Respite in a care home", "1", "week", "550", "year", "Council-managed");
const chair = line("Equipment: riser recliner chair", "1", "item", "650", "once", "Direct payment");

const draft: PlanToSave = {
  planId: null,
  personId: "P002",
  lines: [assistant("10"), respite],
  status: "Draft",
  reason: "",
  signedOffBy: "",
  startDate: "2026-11-24",
  endDate: null,
  reviewDate: null,
  updatedBy: "Sam Reid",
};

/** A first save, then the plan opened and saved again: 10 → 12 hours, respite removed, the chair added. */
async function twoSaves(workbook: Workbook) {
  await setUpWorkbook(workbook);
  const book = await readPlanBook(workbook);
  const first = await savePlanRecorded(workbook, book, draft, new Date(2026, 10, 24, 14, 5));
  const opened = await openPlan(workbook, first.planId);
  const [hours] = opened.lines;
  const second = await savePlanRecorded(
    workbook,
    book,
    {
      ...draft,
      planId: first.planId,
      lines: [{ ...assistant("12"), savedLine: hours.savedLine }, chair],
      status: "Agreed",
      reason: "More help at home instead of respite",
      reviewDate: "2027-05-24",
      updatedBy: "Priya Shah",
    },
    new Date(2026, 11, 1, 9, 30),
  );
  return { first, second };
}

describe("PlanHistory (26 §3)", () => {
  it("two saves leave two rows, read back newest first, with the lines each save changed", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const { first } = await twoSaves(workbook);
    const { rows, problems } = await readPlanHistory(workbook, first.planId);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    // 12 × £19.55 × 52 = £12,199.20 and the chair £650 once: £12,849.20 against £10,640, 20.8% above: Amber.
    expect(rows[0]).toMatchObject({
      planId: "PLAN-0001",
      savedAt: "2026-12-01T09:30",
      savedBy: "Priya Shah",
      status: "Agreed",
      light: "Amber",
      reason: "More help at home instead of respite",
      reviewDate: "2027-05-24",
      linesAdded: "Equipment: riser recliner chair: 1 item once at £650.00 (Direct payment)",
      linesRemoved: "Respite in a care home: 1 week a year at £550.00 (Council-managed)",
      linesChanged:
        "Personal assistant: 10 hours a week at £19.55 (Direct payment) → " +
        "Personal assistant: 12 hours a week at £19.55 (Direct payment)",
    });
    expect(rows[0].annual.toString()).toBe("12849.2");
    expect(rows[0].indicativeAnnual.toString()).toBe("10640");
    expect([rows[0].greenTolerance?.toString(), rows[0].amberTolerance?.toString()]).toEqual(["0.1", "0.5"]);
    // The first save: both lines added. 10 × £19.55 × 52 + £550 = £10,716, 0.7% above £10,640: Green.
    expect(rows[1]).toMatchObject({
      savedAt: "2026-11-24T14:05",
      savedBy: "Sam Reid",
      status: "Draft",
      light: "Green",
      reviewDate: "2027-11-24",
      linesAdded:
        "Personal assistant: 10 hours a week at £19.55 (Direct payment); " +
        "Respite in a care home: 1 week a year at £550.00 (Council-managed)",
      linesRemoved: "",
      linesChanged: "",
    });
    expect(rows[1].annual.toString()).toBe("10716");
    // Another plan has no history yet.
    expect((await readPlanHistory(workbook, "PLAN-0002")).rows).toEqual([]);
  });

  it("a PlanHistory table of the user's without its columns: the plan is saved, and the refusal says so", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    await workbook.addTables([
      { sheet: "My history", name: "PlanHistory", columns: [{ header: "Note", numberFormat: "General" }], rows: [] },
    ]);
    const book = await readPlanBook(workbook);
    const refused: unknown = await savePlanRecorded(workbook, book, draft, new Date(2026, 10, 24, 14, 5)).catch(
      (error: unknown) => error,
    );
    if (!(refused instanceof HistoryNotRecorded)) throw new Error("expected HistoryNotRecorded");
    expect(refused.saved.planId).toBe("PLAN-0001");
    expect(refused.message).toMatch(/^The PlanHistory table is missing the columns "Plan ID", "Saved at", /);
    expect((await openPlan(workbook, "PLAN-0001")).lines).toHaveLength(2);
  });
});

describe("PlanHistory through Office.js (26 §3)", () => {
  it("is appended to, never rewritten: the second save writes no cell of the first row", async () => {
    const model = new ExcelModel();
    model.addSheet("Sheet1");
    const workbook = new OfficeWorkbook(model.run);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    const first = await savePlanRecorded(workbook, book, draft, new Date(2026, 10, 24, 14, 5));
    expect(model.tableValues("PlanHistory")).toHaveLength(1);
    const firstRow = JSON.stringify(model.tableCells("PlanHistory").rows[0]);
    const { top } = model.tablePosition("PlanHistory");

    // Every cell the second save writes (a value or a format, not the nulls that leave a cell as it is).
    const written: { sheet: string; row: number }[] = [];
    const enter = model.enter.bind(model);
    const setFormat = model.setFormat.bind(model);
    jest.spyOn(model, "enter").mockImplementation((sheet, row, column, entry) => {
      if (entry !== null) written.push({ sheet: sheet.name, row });
      enter(sheet, row, column, entry);
    });
    jest.spyOn(model, "setFormat").mockImplementation((sheet, row, column, format) => {
      if (format !== null) written.push({ sheet: sheet.name, row });
      setFormat(sheet, row, column, format);
    });
    const applied = model.applied.length;
    await savePlanRecorded(
      workbook,
      book,
      { ...draft, planId: first.planId, lines: [{ ...assistant("12"), savedLine: 1 }] },
      new Date(2026, 11, 1, 9, 30),
    );
    expect(model.tableValues("PlanHistory")).toHaveLength(2);
    expect(JSON.stringify(model.tableCells("PlanHistory").rows[0])).toBe(firstRow);
    const historyRows = written.filter((cell) => cell.sheet === "Plan history").map((cell) => cell.row);
    expect(historyRows.length).toBeGreaterThan(0);
    // The header is at `top`, the first row at top + 1: only the row below it is written.
    expect(new Set(historyRows)).toEqual(new Set([top + 2]));
    const onHistory = model.applied
      .slice(applied)
      .filter((operation) => operation.write && operation.sheet === "Plan history");
    expect(new Set(onHistory.map((operation) => `${operation.object}.${operation.member}`))).toEqual(
      new Set(["TableRowCollection.add", "Range.numberFormat", "Range.formulas"]),
    );
  });
});
