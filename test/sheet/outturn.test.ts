// The Finance sheet's outturn block calculated by a real spreadsheet engine (HyperFormula, with the PB functions as
// functions.json declares them) and by the preview's in-memory workbook, over the finance fixture's plans and a ledger
// of payments: the hand-worked totals, every figure equal to the engine's (what the pane shows), and a payment added
// moving spend to date and the outturn by its amount.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { Decimal, Outturn } from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { financeLayout } from "../../src/workbook/reports/finance";
import { readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import { CellValue, NewTable } from "../../src/workbook/port";
import { OutturnLayout, outturnBlock, outturnLayout } from "../../src/workbook/reports/outturn";
import {
  addBalancesTable,
  dpFigures,
  emptyTable,
  hasBudgetProfile,
  outturnFigures,
  outturnTablesToAdd,
  readOutturnBook,
} from "../../src/workbook/reports/outturnBook";
import { fieldsOf, tableEdit, WorkbookProblem } from "../../src/workbook/schema/rows";
import { BUDGET_PROFILE, PAYMENTS, PEOPLE, PLANS } from "../../src/workbook/schema/tables";
import { MissingTables } from "../../src/workbook/plans/book";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { AS_AT, financeWorkbook, FIXTURE_PLANS, YEAR_START } from "../support/financeWorkbook";
import { registerPBFunctions } from "../support/hyperformula";
import { addPayments, FIXTURE_PAYMENTS, outturnInHyperFormula } from "../support/outturnWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { cellsByAddress } from "../support/specCells";

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

  it("spreads the budget by a BudgetProfile table's shares, and by days while it has none", async () => {
    const workbook = await financeWorkbook(functions);
    await addPayments(workbook, FIXTURE_PAYMENTS);
    await workbook.addTables([emptyTable(BUDGET_PROFILE)]);
    await writeFinanceSheet(workbook, await readFinanceBook(workbook), DATES);
    const layout = await blockLayout(workbook);
    const byDays = engineMonths(outturnFigures(await readOutturnBook(workbook), DATES));
    // An empty table: the budget by the days in each month, as without it (April's 30 days of 365: 14,794.52).
    expect(byDays[0].slice(0, 2)).toEqual(["Apr 2026", "14794.52"]);
    for (const read of [fromHyperFormula(outturnInHyperFormula(workbook, layout)), fromMemory(workbook)]) {
      expect(months(read, layout)).toEqual(byDays);
    }

    // A quarter of the year's £180,000 in each of April, July, October and January.
    const table = (await workbook.readTable(BUDGET_PROFILE.name))!;
    const quarters = [4, 7, 10, 1].map((month) => ({ month: new Decimal(month), share: 0.25 }));
    await workbook.editTables([tableEdit(BUDGET_PROFILE, table, fieldsOf(BUDGET_PROFILE), { append: quarters })]);
    const figures = outturnFigures(await readOutturnBook(workbook), DATES);
    // Cumulative budget and budget, April to March.
    const expected = [
      [45_000, 45_000],
      [45_000, 0],
      [45_000, 0],
      [90_000, 45_000],
      [90_000, 0],
      [90_000, 0],
      [135_000, 45_000],
      [135_000, 0],
      [135_000, 0],
      [180_000, 45_000],
      [180_000, 0],
      [180_000, 0],
    ];
    expect(engineMonths(figures).map((month) => [month[1], month[4]])).toEqual(
      expected.map((pair) => pair.map((amount) => amount.toFixed(2))),
    );
    for (const read of [fromHyperFormula(outturnInHyperFormula(workbook, layout)), fromMemory(workbook)]) {
      expect(months(read, layout)).toEqual(engineMonths(figures));
      // Each month's share beside it: April's a quarter, May's none.
      const share = layout.at.column + 10;
      expect([read(layout.months.first, share), read(layout.months.first + 1, share)]).toEqual([0.25, 0]);
    }
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

// The block's spec itself, with a small layout: the block from B3 with two care groups, the inputs in row 1 (as-at
// date B1, the year's first and last days D1 and E1, its label F1), the foot under the block (no footColumn). Every
// expectation is written out from what the sheet should show, so a text, a format, a place or a formula changed is
// noticed even where the calculated figures would not move.
describe("the outturn block's sheet spec", () => {
  const INPUTS = {
    asAt: { row: 0, column: 1 },
    yearStart: { row: 0, column: 3 },
    yearEnd: { row: 0, column: 4 },
    yearLabel: { row: 0, column: 5 },
  };
  const block = (budgetProfile: boolean, careGroups = ["Older people", "Mental health"]) =>
    outturnBlock({ at: { row: 2, column: 1 }, inputs: INPUTS, budgetYears: false, careGroups, budgetProfile });
  const MONEY = "£#,##0.00";
  const DATE = "d mmm yyyy";
  const PERCENT = "0.0%";
  const BUDGET_ALL = `(SUMIFS(Budgets[Annual budget],Budgets[Annual budget],">=0"))`;

  it("puts the block's parts where the layout says, worked out by hand", () => {
    // From B3 with two care groups: the summary's header in row 9 and its five rows (two care groups, Other care
    // groups, Not matched, All care groups) in rows 10 to 14; the months' heading two rows below, in row 17, its
    // twelve months in rows 18 to 29; the chart beside them from row 16 for 16 rows (to row 31) comes down further,
    // so the foot's header is 3 rows below that: row 35 (31 + 3 + 1), its spills from row 36.
    const layout = outturnLayout({ at: { row: 2, column: 1 }, careGroups: ["Older people", "Mental health"] });
    expect(layout).toEqual({
      at: { row: 2, column: 1 },
      remainingFrom: { row: 4, column: 2 },
      leftOut: { row: 5, column: 1 },
      unmatched: { row: 6, column: 1 },
      summary: { header: 8, first: 9, last: 13 },
      months: { header: 16, first: 17, last: 28 },
      // Per plan from B; per payment 18 columns on (5 of the plan's flags, 12 months, a gap): T; the list after the
      // payment's 2 flags, 2 care groups, Other and Not matched, and a gap: AA.
      foot: { header: 34, first: 35, column: 1, paymentsColumn: 19, listColumn: 26 },
      lastRow: 35,
    });
    // The Finance sheet puts the foot in a column of its own (right of its per-plan block).
    expect(outturnLayout({ at: { row: 2, column: 1 }, careGroups: ["Older people"], footColumn: 20 }).foot).toEqual({
      header: 33,
      first: 34,
      column: 20,
      paymentsColumn: 38,
      listColumn: 44,
    });
  });

  it("writes the title, the explanations and the by-care-group headings, bold where they head something", () => {
    const cell = cellsByAddress(block(false).cells);
    expect(cell("B3")).toEqual({
      value: "Projected outturn: spend to date and what Agreed plans still commit, against the budget",
      bold: true,
    });
    expect(cell("B4")).toEqual({
      value:
        "Actual spend: the Payments table from the year's first day to the as-at date (refunds and recovered " +
        "surpluses are negative). Remaining commitment: Agreed plans from the day after the as-at date to the " +
        "year's end, by PB.IN_YEAR_COST over each plan's dates (each plan's figures are at the foot of this block).",
    });
    // The day after the as-at date, or the year's first day when the as-at date is before the year.
    expect(cell("B5")).toEqual({ value: "Remaining commitment counts from" });
    expect(cell("C5")).toEqual({ formula: "=MAX($B$1+1,$D$1)", numberFormat: DATE });
    expect(cell("B6")).toEqual({
      value: "Agreed plans left out (no start date, ending before it, an amount not a number)",
    });
    expect(cell("C6")).toEqual({ formula: "=SUM($E$36#)", numberFormat: "0" });
    expect(cell("D6")).toEqual({ formula: '=IF(SUM($E$36#)=0,"None",TEXTJOIN(", ",1,FILTER($B$36#,$E$36#)))' });
    expect(cell("B7")).toEqual({
      value: "Payments to date matched to no Agreed plan: how many, and their total (listed at the foot)",
    });
    expect(cell("C7")).toEqual({ formula: "=SUMPRODUCT($Y$36#*$T$36#)", numberFormat: "0" });
    expect(cell("D7")).toEqual({
      formula: "=ROUND(SUMIFS(Payments[Amount],$T$36#,1,$Y$36#,1),2)",
      numberFormat: MONEY,
    });

    const headings = ["Care group", "Budget", "Actual spend to date", "Remaining commitment", "Projected outturn"];
    expect(["B9", "C9", "D9", "E9", "F9", "G9", "H9", "I9"].map(cell)).toEqual([
      ...headings.map((value) => ({ value, bold: true })),
      { value: "Variance (budget − outturn)", bold: true },
      { value: "Variance %", bold: true },
      undefined,
    ]);
    // Only the All care groups row is bold: its name, its five amounts and its variance %.
    const style = (address: string) => {
      const { value, bold, numberFormat } = cell(address)!;
      return { value, bold, numberFormat };
    };
    expect(["B10", "C10", "G10", "H10"].map(style)).toEqual([
      { value: "Older people", bold: undefined, numberFormat: undefined },
      { value: undefined, bold: undefined, numberFormat: MONEY },
      { value: undefined, bold: undefined, numberFormat: MONEY },
      { value: undefined, bold: undefined, numberFormat: PERCENT },
    ]);
    expect(["B13", "H13"].map(style)).toEqual([
      { value: "Not matched to an Agreed plan", bold: undefined, numberFormat: undefined },
      { value: undefined, bold: undefined, numberFormat: PERCENT },
    ]);
    expect(["B14", "C14", "D14", "E14", "F14", "G14", "H14"].map(style)).toEqual([
      { value: "All care groups", bold: true, numberFormat: undefined },
      ...[MONEY, MONEY, MONEY, MONEY, MONEY, PERCENT].map((numberFormat) => ({
        value: undefined,
        bold: true,
        numberFormat,
      })),
    ]);
  });

  it("writes the months' title and headings, April's formulas and March's, and the chart over them", () => {
    const { cells, charts } = block(false);
    const cell = cellsByAddress(cells);
    expect(cell("B16")).toEqual({
      value:
        "Month by month, all care groups: the budget spread by the days in each month; actual spend; the " +
        "commitment to come. #N/A: a month after the as-at date, which the chart leaves out.",
      bold: true,
    });
    const headings = ["Month", "Cumulative budget", "Cumulative actual", "Cumulative projected", "Budget", "Actual"];
    expect(["B17", "C17", "D17", "E17", "F17", "G17", "H17", "I17", "J17", "K17", "L17"].map(cell)).toEqual([
      ...headings.map((value) => ({ value, bold: true })),
      { value: "Forecast", bold: true },
      { value: "Month starts", bold: true },
      { value: "Month ends", bold: true },
      { value: "Committed after the as-at date, to the month's end", bold: true },
      // No BudgetProfile table: no column of its shares.
      undefined,
    ]);

    // April (the year's first month), in row 18: spend from the year's first day, and in the month, to the month's
    // end or the as-at date; the commitment of counted plans (foot column F) to the month's end (foot column G).
    const paid = (from: string, row: number) =>
      `SUMIFS(Payments[Amount],Payments[Payment date],">="&${from},Payments[Payment date],"<"&(MIN(J${row},$B$1)+1))`;
    expect(["B18", "C18", "D18", "E18", "F18", "G18", "H18", "I18", "J18", "K18", "L18"].map(cell)).toEqual([
      { formula: '=MID("JanFebMarAprMayJunJulAugSepOctNovDec",MONTH(I18)*3-2,3)&" "&YEAR(I18)' },
      { formula: `=ROUND(${BUDGET_ALL}*(J18-$D$1+1)/($E$1-$D$1+1),2)`, numberFormat: MONEY },
      { formula: `=IF(I18>$B$1,NA(),ROUND(${paid("$D$1", 18)},2))`, numberFormat: MONEY },
      { formula: `=ROUND(${paid("$D$1", 18)}+SUMIFS($G$36#,$F$36#,1),2)`, numberFormat: MONEY },
      { formula: "=C18", numberFormat: MONEY },
      { formula: `=ROUND(${paid("I18", 18)},2)`, numberFormat: MONEY },
      { formula: "=ROUND(SUMIFS($G$36#,$F$36#,1),2)", numberFormat: MONEY },
      { formula: "=EDATE($D$1,0)", numberFormat: DATE },
      { formula: "=EDATE($D$1,1)-1", numberFormat: DATE },
      { formula: "=ROUND(SUMIFS($G$36#,$F$36#,1),2)", numberFormat: MONEY },
      undefined,
    ]);
    // March (the last), in row 29: it ends on the year's last day as the sheet gives it; its budget and forecast
    // are the differences from February's cumulative figures; foot column R is the commitment to the year's end.
    expect(["F29", "H29", "I29", "J29", "K29"].map(cell)).toEqual([
      { formula: "=ROUND(C29-C28,2)", numberFormat: MONEY },
      { formula: "=ROUND(SUMIFS($R$36#,$F$36#,1)-SUMIFS($Q$36#,$F$36#,1),2)", numberFormat: MONEY },
      { formula: "=EDATE($D$1,11)", numberFormat: DATE },
      { formula: "=$E$1", numberFormat: DATE },
      { formula: "=ROUND(SUMIFS($R$36#,$F$36#,1),2)", numberFormat: MONEY },
    ]);
    // Twelve months, no thirteenth.
    expect(["B30", "C30", "J30"].map(cell)).toEqual([undefined, undefined, undefined]);

    // The chart: the months' headings and their first four columns (Month and the three cumulative lines), beside
    // the table from its title's row, one column clear of it (N, after the 11 columns B to L and a gap).
    expect(charts).toEqual([
      {
        name: "OutturnAgainstBudget",
        title: "Cumulative spend and forecast against the budget",
        type: "line",
        source: { row: 16, column: 1, rows: 13, columns: 4 },
        at: { row: 15, column: 13, rows: 16, columns: 8 },
        xAxisTitle: "Month",
        yAxisTitle: "£ from the year's first day",
      },
    ]);
  });

  it("writes the foot: each plan's flags and commitment, each payment's flags, the unmatched payments' list", () => {
    const cell = cellsByAddress(block(false).cells);
    expect(cell("B34")).toEqual({
      value:
        "What the figures above add up: each row of Plans (1 = yes; its commitment from the day the remaining " +
        "commitment counts from, to each month's end) and each row of Payments (1 = yes), spilled",
      bold: true,
    });
    // A plan is left out when its start date is blank, before Excel's first day or after its last (or text, which
    // compares above every number), it ends before it starts or after Excel's last day, or an amount is blank,
    // below 0 or above a trillion pounds (or text).
    const amount = (column: string) => `(Plans[${column}]="")+(Plans[${column}]<0)+(Plans[${column}]>1000000000000)`;
    const unusable =
      '(Plans[Start date]="")+(Plans[Start date]<1)+(Plans[Start date]>2958465)+' +
      '(Plans[End date]<>"")*(Plans[End date]<Plans[Start date])+(Plans[End date]>2958465)+' +
      ["Direct payment (annual)", "Council-managed (annual)", "Individual Service Fund (annual)", "One-off items"]
        .map(amount)
        .join("+");
    expect(["B35", "C35", "D35", "E35", "F35"].map(cell)).toEqual([
      { value: "Plan ID", bold: true },
      { value: "Care group", bold: true },
      { value: "Status", bold: true },
      { value: "Agreed, left out (1)", bold: true },
      { value: "Agreed, counted (1)", bold: true },
    ]);
    expect(["B36", "C36", "D36", "E36", "F36"].map(cell)).toEqual([
      { formula: '=Plans[Plan ID]&""' },
      { formula: '=Plans[Care group]&""' },
      { formula: '=Plans[Status]&""' },
      { formula: `=(Plans[Status]="Agreed")*((${unusable})>0)` },
      { formula: `=(Plans[Status]="Agreed")*(1-((${unusable})>0))` },
    ]);
    // Each month's commitment: April's (column G) to 30 April, March's (R) to the year's last day.
    const committed = (monthEnd: string) =>
      "=(" +
      ["Direct payment (annual)", "Council-managed (annual)", "Individual Service Fund (annual)"]
        .map(
          (column) => `PB.IN_YEAR_COST(Plans[${column}],Plans[Start date],Plans[End date],$C$5,MAX(${monthEnd},$C$5))`,
        )
        .join("+") +
      `)*(${monthEnd}>=$C$5)+(Plans[Start date]>=$C$5)*(Plans[Start date]<=${monthEnd})*Plans[One-off items]`;
    expect(["G35", "G36", "R35", "R36", "S35", "S36"].map(cell)).toEqual([
      { formula: '="To the end of "&$B$18', bold: true },
      { formula: committed("(EDATE($D$1,1)-1)"), numberFormat: MONEY },
      { formula: '="To the end of "&$B$29', bold: true },
      { formula: committed("$E$1"), numberFormat: MONEY },
      undefined,
      undefined,
    ]);

    // Each payment: in the year to date; matched to an Agreed plan by its plan ID, or (naming none) by its person's.
    expect(["T35", "U35", "V35", "W35", "X35", "Y35", "Z35"].map(cell)).toEqual([
      { value: "In the year to date (1)", bold: true },
      { value: "Matched to an Agreed plan (1)", bold: true },
      { value: "Older people", bold: true },
      { value: "Mental health", bold: true },
      { value: "Other care groups", bold: true },
      { value: "Not matched to an Agreed plan", bold: true },
      undefined,
    ]);
    expect(["T36", "U36"].map(cell)).toEqual([
      { formula: "=(Payments[Payment date]>=$D$1)*(Payments[Payment date]<$B$1+1)" },
      {
        formula:
          '=(Payments[Plan ID]<>"")*(COUNTIFS(Plans[Plan ID],Payments[Plan ID],Plans[Status],"Agreed")>0)' +
          '+(Payments[Plan ID]="")*(COUNTIFS(Plans[Person ID],Payments[Person ID],Plans[Status],"Agreed")>0)',
      },
    ]);

    // The payments to date matched to no Agreed plan, listed from AA36 (not matched, column Y, and to date, T).
    expect(cell("AA34")).toEqual({ value: "Payments to date matched to no Agreed plan", bold: true });
    expect(["AA35", "AB35", "AC35", "AD35", "AE35", "AF35", "AG35"].map(cell)).toEqual([
      ...["Payment date", "Person ID", "Plan ID", "Amount", "Kind", "Reference"].map((value) => ({
        value,
        bold: true,
      })),
      undefined,
    ]);
    expect(["AA36", "AD36"].map(cell)).toEqual([
      {
        formula: '=IF(SUMPRODUCT($Y$36#*$T$36#)=0,"None",FILTER(Payments[[Payment date]:[Reference]],$Y$36#*$T$36#))',
        numberFormat: DATE,
      },
      { numberFormat: MONEY },
    ]);
    // 200 rows of the list formatted ahead of the spill (36 to 235): dates in AA, amounts in AD, nothing else.
    for (let row = 37; row <= 235; row++) {
      expect([cell(`AA${row}`), cell(`AD${row}`)]).toEqual([{ numberFormat: DATE }, { numberFormat: MONEY }]);
      expect([cell(`AB${row}`), cell(`X${row}`)]).toEqual([undefined, undefined]);
    }
    expect([cell("AA236"), cell("AD236")]).toEqual([undefined, undefined]);
  });

  it("with a BudgetProfile table, says so and spreads the budget by its shares while it has any", () => {
    const cell = cellsByAddress(block(true).cells);
    expect(cell("B16")).toEqual({
      value:
        "Month by month, all care groups: the budget spread by the days in each month (or by the BudgetProfile " +
        "table's shares, while it has any); actual spend; the commitment to come. #N/A: a month after the as-at " +
        "date, which the chart leaves out.",
      bold: true,
    });
    expect(["K17", "L17", "M17"].map(cell)).toEqual([
      { value: "Committed after the as-at date, to the month's end", bold: true },
      { value: "BudgetProfile share", bold: true },
      undefined,
    ]);
    // Each month's share: the rows of BudgetProfile for its month number (April 4); the cumulative budget the
    // shares to date (L18 to the month's row) of the whole budget, or by days while the table has no share.
    const byDays = (row: number) => `ROUND(${BUDGET_ALL}*(J${row}-$D$1+1)/($E$1-$D$1+1),2)`;
    expect(["L18", "C18", "L29", "C29", "L30"].map(cell)).toEqual([
      { formula: "=SUMIFS(BudgetProfile[Share],BudgetProfile[Month],MONTH(I18))", numberFormat: PERCENT },
      {
        formula: `=IF(COUNT(BudgetProfile[Share])=0,${byDays(18)},ROUND(${BUDGET_ALL}*SUM(L$18:L18),2))`,
        numberFormat: MONEY,
      },
      { formula: "=SUMIFS(BudgetProfile[Share],BudgetProfile[Month],MONTH(I29))", numberFormat: PERCENT },
      {
        formula: `=IF(COUNT(BudgetProfile[Share])=0,${byDays(29)},ROUND(${BUDGET_ALL}*SUM(L$18:L29),2))`,
        numberFormat: MONEY,
      },
      undefined,
    ]);
    // The months' other columns are as without the table.
    const without = cellsByAddress(block(false).cells);
    expect(["F18", "F29", "J29", "K29"].map(cell)).toEqual(["F18", "F29", "J29", "K29"].map(without));
  });

  it("with no care groups listed, counts every budget and every plan in Other care groups", () => {
    const cell = cellsByAddress(block(false, []).cells);
    // Other care groups in row 10: the whole budget, and every counted plan's commitment to the year's end (the
    // last month's column of the foot, R, counted where column F is 1; the foot from row 34 with the chart's rows).
    expect(cell("B10")?.value).toBe("Other care groups");
    expect(cell("C10")?.formula).toBe(`=ROUND(${BUDGET_ALL},2)`);
    expect(cell("E10")?.formula).toBe("=ROUND(SUMIFS($R$34#,$F$34#,1),2)");
    expect(cell("B12")?.value).toBe("All care groups");
    expect(cell("C12")?.formula).toBe(cell("C10")?.formula);
    expect(cell("E12")?.formula).toBe(cell("E10")?.formula);
  });
});

// What the pane reads for the outturn: which tables it needs, what it makes of those missing, and the care groups it
// lists; and the tables the Finance sheet adds for the outturn block.
describe("the outturn book: reading the tables, and adding those the outturn needs", () => {
  const SET_UP = 'Use "Set up workbook" in the Support plan view to add what is missing; nothing you have is changed.';
  const memory = () => new MemoryWorkbook({ formulas: formulaEngine, functions });
  /** A People table of only the columns given, one row a person. */
  const people = (headers: string[], rows: CellValue[][]): NewTable => ({
    name: PEOPLE.name,
    sheet: PEOPLE.sheet,
    columns: headers.map((header) => ({ header, numberFormat: "@" })),
    rows,
  });

  it("needs the Plans and People tables, naming each one missing", async () => {
    await expect(readOutturnBook(memory())).rejects.toThrow(
      new MissingTables(`The workbook has no Plans, People tables. ${SET_UP}`),
    );
    await expect(readOutturnBook(memory())).rejects.toBeInstanceOf(MissingTables);
    const noPeople = memory();
    await noPeople.addTables([emptyTable(PLANS)]);
    await expect(readOutturnBook(noPeople)).rejects.toThrow(`The workbook has no People table. ${SET_UP}`);
  });

  it("without Payments, Budgets, DPBalances or BudgetProfile: no spend, budget or balances; by days", async () => {
    const workbook = memory();
    await workbook.addTables([emptyTable(PLANS), people(["Person ID", "Care group"], [["P001", "Older people"]])]);
    const book = await readOutturnBook(workbook);
    expect(book).toMatchObject({
      plans: [],
      payments: [],
      budgets: [],
      balances: [],
      profile: null,
      careGroups: ["Older people"],
      hasPayments: false,
      hasBalances: false,
      warnings: [],
    });
  });

  it("lists care groups from Budgets, then People, then Plans, once whatever the case, none blank", async () => {
    const workbook = await financeWorkbook(functions);
    const table = (name: string) => workbook.allTables().find((found) => found.name === name)!;
    const column = (name: string, header: string) => table(name).headers.indexOf(header);
    // People rows 1 to 3: Carers typed with spaces round it, a blank care group, CARERS in capitals.
    workbook.setCell("People", 1, column("People", "Care group"), "  Carers ");
    workbook.setCell("People", 2, column("People", "Care group"), null);
    workbook.setCell("People", 3, column("People", "Care group"), "CARERS");
    // PLAN-0001 in "OLDER PEOPLE", the Budgets table's Older people; PLAN-0002 with no care group.
    workbook.setCell("Plans", 1, column("Plans", "Care group"), "OLDER PEOPLE");
    workbook.setCell("Plans", 2, column("Plans", "Care group"), null);
    const book = await readOutturnBook(workbook);
    expect(book.careGroups).toEqual([...CARE_GROUPS, "Carers"]);
    expect(book.hasPayments).toBe(true);
    expect(book.hasBalances).toBe(false);
  });

  it("a People table without a Care group column gives no care groups of its own", async () => {
    const workbook = memory();
    await workbook.addTables([emptyTable(PLANS), people(["Person ID"], [["P001"]])]);
    expect((await readOutturnBook(workbook)).careGroups).toEqual([]);
  });

  it("reads the DPBalances table once added, on a sheet of a free name, and will not add a second", async () => {
    const workbook = await financeWorkbook(functions);
    // A sheet of the user's already called DP balances: the table goes on DP balances (2).
    workbook.addEmptySheet("DP balances");
    expect(await addBalancesTable(workbook)).toBe("DP balances (2)");
    const book = await readOutturnBook(workbook);
    expect([book.hasBalances, book.balances, book.warnings]).toEqual([true, [], []]);
    await expect(addBalancesTable(workbook)).rejects.toThrow(
      new WorkbookProblem(
        "The workbook already has something called DPBalances; nothing was added. Refresh to read it, or rename it " +
          "in Formulas › Name Manager if it is not the balances table.",
      ),
    );
  });

  it("names the date that cannot be read: the as-at date, or the financial year's start", async () => {
    const book = await readOutturnBook(await financeWorkbook(functions));
    expect(() => outturnFigures(book, { asAt: "", yearStart: YEAR_START })).toThrow("As at is blank: give a date");
    expect(() => outturnFigures(book, { asAt: AS_AT, yearStart: " " })).toThrow(
      "Financial year starts is blank: give a date",
    );
    expect(() => dpFigures(book, "", new Decimal(4), new Decimal(52))).toThrow("As at is blank: give a date");
  });

  it("adds an empty Payments table for the sheet where there is none, on a sheet of a free name", () => {
    const names = (tables: string[], definedNames: string[] = []) => ({ sheets: [], tables, definedNames });
    const taken = ["Plans", "payments"];
    expect(outturnTablesToAdd(names(["Plans"]), taken)).toEqual([emptyTable(PAYMENTS, "Payments (2)")]);
    expect(taken).toEqual(["Plans", "payments", "Payments (2)"]);
    expect(outturnTablesToAdd(names(["Plans", "PAYMENTS"]), taken)).toEqual([]);
    // A defined name Payments: the table cannot take it, and nothing is written.
    expect(() => outturnTablesToAdd(names(["Plans"], ["payments"]), taken)).toThrow(
      new WorkbookProblem(
        "The workbook already uses the name Payments for something other than a table, so the Payments table " +
          "cannot take it. Rename or delete it in Formulas › Name Manager and try again; nothing was written.",
      ),
    );
  });

  it("knows a workbook with a BudgetProfile table among others, whatever its case", () => {
    const names = (tables: string[]) => ({ sheets: [], tables, definedNames: [] });
    expect(hasBudgetProfile(names(["Plans", "budgetprofile", "People"]))).toBe(true);
    expect(hasBudgetProfile(names(["Plans", "People"]))).toBe(false);
  });
});
