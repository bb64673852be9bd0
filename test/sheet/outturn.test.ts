// The Finance sheet's outturn block calculated by a real spreadsheet engine (HyperFormula, with the PB functions as
// functions.json declares them) and by the preview's in-memory workbook, over the finance fixture's plans and a ledger
// of payments: the hand-worked totals, every figure equal to the engine's (what the pane shows), and a payment added
// moving spend to date and the outturn by its amount.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { Outturn } from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { financeLayout } from "../../src/workbook/reports/finance";
import { readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import { OutturnLayout } from "../../src/workbook/reports/outturn";
import { outturnFigures, readOutturnBook } from "../../src/workbook/reports/outturnBook";
import { AS_AT, financeWorkbook, FIXTURE_PLANS, YEAR_START } from "../support/financeWorkbook";
import { registerPBFunctions } from "../support/hyperformula";
import { addPayments, FIXTURE_PAYMENTS, outturnInHyperFormula } from "../support/outturnWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";

const DATES = { asAt: AS_AT, yearStart: YEAR_START };
const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
let functions: FunctionLibrary;

beforeAll(async () => {
  functions = await pbFunctionLibrary();
  await registerPBFunctions();
});

/** The Finance sheet's outturn block: where the sheet puts it, below the forecast's chart. */
async function blockLayout(workbook: MemoryWorkbook): Promise<OutturnLayout> {
  const book = await readFinanceBook(workbook);
  expect(book.careGroups).toEqual(CARE_GROUPS);
  return financeLayout(book).outturn;
}

type Read = (row: number, column: number) => unknown;
const fromHyperFormula =
  (hf: HyperFormula): Read =>
  (row, column) => {
    const value = hf.getCellValue({ sheet: hf.getSheetId("Finance")!, row, col: column });
    return value instanceof DetailedCellError ? value.value : value;
  };
const fromMemory =
  (workbook: MemoryWorkbook): Read =>
  (row, column) => {
    const cell = workbook
      .sheetViews()
      .find((view) => view.name === "Finance")!
      .cell(row, column);
    return cell.error ? cell.error.code : cell.value;
  };

/** A money cell to the penny, an error as its code. */
const pounds = (value: unknown) => (typeof value === "number" ? value.toFixed(2) : value);

/** The by-care-group table: care group, budget, actual, remaining, outturn, variance. */
function summary(read: Read, layout: OutturnLayout) {
  return Array.from({ length: layout.summary.last - layout.summary.first + 1 }, (_, index) => {
    const row = layout.summary.first + index;
    return [read(row, 0), ...[1, 2, 3, 4, 5].map((column) => pounds(read(row, column)))];
  });
}

/** The engine's figures in the same shape. */
const engineSummary = (figures: Outturn) =>
  figures.rows.map((row) => [
    row.careGroup,
    ...[row.budget, row.actual, row.remaining, row.outturn, row.variance].map((value) => value.toFixed(2)),
  ]);

/** Each month: label, cumulative budget, actual, projected; budget, actual, forecast. */
function months(read: Read, layout: OutturnLayout) {
  return Array.from({ length: 12 }, (_, index) => {
    const row = layout.months.first + index;
    return [read(row, 0), ...[1, 2, 3, 4, 5, 6].map((column) => pounds(read(row, column)))];
  });
}
const engineMonths = (figures: Outturn) =>
  figures.months.map((month) => [
    month.label,
    month.cumulativeBudget.toFixed(2),
    month.cumulativeActual?.toFixed(2) ?? "#N/A",
    month.cumulativeProjected.toFixed(2),
    month.budget.toFixed(2),
    month.actual.toFixed(2),
    month.forecast.toFixed(2),
  ]);

async function withLedger() {
  const workbook = await financeWorkbook(functions);
  await addPayments(workbook, FIXTURE_PAYMENTS);
  await writeFinanceSheet(workbook, await readFinanceBook(workbook), DATES);
  return workbook;
}

describe("the Finance sheet's outturn block, calculated", () => {
  it("gives the hand-computed outturn in HyperFormula and in the preview, as the engine works it out", async () => {
    const workbook = await withLedger();
    const layout = await blockLayout(workbook);
    const figures = outturnFigures(await readOutturnBook(workbook), DATES);
    const expected = [
      // Spent: 593.02 × 6 + 284.22 × 6 = 5,263.44. Still committed from 2 October, 181 days: PLAN-0001 7,116.20 ×
      // 181 ÷ 365 = 3,528.86 and 3,705 × 181 ÷ 365 = 1,837.27; PLAN-0002 (15 November to 14 February, 92 days)
      // 8,892 × 92 ÷ 365 = 2,241.27 and 1,144 × 92 ÷ 365 = 288.35: 7,895.75. Outturn 13,159.19 of 65,000.
      ["Older people", "65000.00", "5263.44", "7895.75", "13159.19", "51840.81"],
      ["Physical disability", "35000.00", "0.00", "0.00", "0.00", "35000.00"],
      // 1,694.33 × 7 = 11,860.31; 20,332 × 181 ÷ 365 = 10,082.44 and 4,680 × 181 ÷ 365 = 2,320.77: 12,403.21.
      ["Learning disability", "50000.00", "11860.31", "12403.21", "24263.52", "25736.48"],
      // 2,541.48 + 921.48 + 519.99 − 50 = 3,932.95; PLAN-0004 4,004 × 181 ÷ 365 = 1,985.55 and 2,080 × 181 ÷ 365 =
      // 1,031.45: 3,017.00 (PLAN-0003 ended on 30 September).
      ["Mental health", "30000.00", "3932.95", "3017.00", "6949.95", "23050.05"],
      ["Other care groups", "0.00", "0.00", "0.00", "0.00", "0.00"],
      // A Draft plan's invoice and a one-off for someone with no plan: 200 + 120.
      ["Not matched to an Agreed plan", "0.00", "320.00", "0.00", "320.00", "-320.00"],
      ["All care groups", "180000.00", "21376.70", "23315.96", "44692.66", "135307.34"],
    ];
    expect(engineSummary(figures)).toEqual(expected);

    const hf = outturnInHyperFormula(workbook, layout);
    for (const read of [fromHyperFormula(hf), fromMemory(workbook)]) {
      expect(summary(read, layout)).toEqual(expected);
      expect(months(read, layout)).toEqual(engineMonths(figures));
      // The year's last month ends at the projected outturn and the whole budget.
      expect(months(read, layout)[11]).toEqual([
        "Mar 2027",
        "180000.00",
        "#N/A",
        "44692.66",
        ...engineMonths(figures)[11].slice(4),
      ]);
      // Variance %: 135,307.34 ÷ 180,000
      expect(read(layout.summary.last, 6)).toBeCloseTo(135_307.34 / 180_000, 10);
      // The remaining commitment counts from 2 October 2026; nothing is left out; 2 payments (£320) unmatched.
      expect(read(layout.remainingFrom.row, layout.remainingFrom.column)).toBe(46_297);
      expect([read(layout.leftOut.row, 1), read(layout.leftOut.row, 2)]).toEqual([0, "None"]);
      expect([read(layout.unmatched.row, 1), read(layout.unmatched.row, 2)]).toEqual([2, 320]);
    }
    hf.destroy();
  });

  it("moves actual spend and the outturn by a payment added, in its plan's care group and its month", async () => {
    const workbook = await withLedger();
    const layout = await blockLayout(workbook);
    await addPayments(workbook, [["2026-09-30", "P013", "PLAN-0007", "100.00", "Direct payment"]]);
    const figures = outturnFigures(await readOutturnBook(workbook), DATES);
    const learning = layout.summary.first + 2;
    const all = layout.summary.last;
    const september = layout.months.first + 5;
    const hf = outturnInHyperFormula(workbook, layout);
    for (const read of [fromHyperFormula(hf), fromMemory(workbook)]) {
      expect(summary(read, layout)).toEqual(engineSummary(figures));
      // 11,860.31 + 100 spent; outturn 24,263.52 + 100; all care groups 21,376.70 + 100 and 44,692.66 + 100.
      expect([pounds(read(learning, 2)), pounds(read(learning, 4))]).toEqual(["11960.31", "24363.52"]);
      expect([pounds(read(all, 2)), pounds(read(all, 4))]).toEqual(["21476.70", "44792.66"]);
      // September's spend: 593.02 + 284.22 + 423.58 + 307.16 + 173.33 − 50 + 1,694.33 + 200 = 3,625.64, and 100 more.
      expect(pounds(read(september, 5))).toBe("3725.64");
      expect(months(read, layout)).toEqual(engineMonths(figures));
    }
    hf.destroy();
  });

  it("works with one plan and one payment: a spill reference to a one-row table's column is that cell", async () => {
    // Excel refers to a dynamic array of one cell through its spill reference ($A$170#) as that cell; the preview
    // gave #REF! until it did the same (the browser test found it, with one saved plan).
    const workbook = await financeWorkbook(functions, FIXTURE_PLANS.slice(0, 1));
    await addPayments(workbook, [["2026-04-28", "P001", "PLAN-0001", "593.02", "Direct payment"]]);
    await writeFinanceSheet(workbook, await readFinanceBook(workbook), DATES);
    const layout = await blockLayout(workbook);
    const figures = outturnFigures(await readOutturnBook(workbook), DATES);
    const all = layout.summary.last;
    for (const read of [fromHyperFormula(outturnInHyperFormula(workbook, layout)), fromMemory(workbook)]) {
      expect(summary(read, layout)).toEqual(engineSummary(figures));
      // 593.02 spent; 7,116.20 × 181 ÷ 365 = 3,528.86 and 3,705 × 181 ÷ 365 = 1,837.27 still committed.
      expect([2, 3, 4].map((column) => pounds(read(all, column)))).toEqual(["593.02", "5366.13", "5959.15"]);
    }
  });

  it("leaves out and names an Agreed plan without a start date, and counts the rest", async () => {
    const workbook = await withLedger();
    const layout = await blockLayout(workbook);
    const plans = workbook.allTables().find((table) => table.name === "Plans")!;
    const start = plans.headers.indexOf("Start date");
    // PLAN-0004's start date blanked: its remaining commitment goes, and it is named; its payments still count.
    workbook.setCell("Plans", 4, start, null);
    const figures = outturnFigures(await readOutturnBook(workbook), DATES);
    expect(figures.leftOut).toEqual([{ planId: "PLAN-0004", reason: "no start date" }]);
    const mental = layout.summary.first + 3;
    for (const read of [fromHyperFormula(outturnInHyperFormula(workbook, layout)), fromMemory(workbook)]) {
      expect(summary(read, layout)).toEqual(engineSummary(figures));
      expect([pounds(read(mental, 2)), pounds(read(mental, 3))]).toEqual(["3932.95", "0.00"]);
      expect([read(layout.leftOut.row, 1), read(layout.leftOut.row, 2)]).toEqual([1, "PLAN-0004"]);
    }
  });
});
