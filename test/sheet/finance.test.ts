// The Finance sheet's formulas calculated by a real spreadsheet engine (HyperFormula, with the PB functions as
// functions.json declares them) and by the preview's in-memory workbook, over a workbook of saved plans: every
// figure equals one worked out by hand (test/support/financeByHand.ts), as the pane's figures do.
// HyperFormula has no structured references: each table is on a sheet of its own from A1, so they become the A1
// ranges Excel resolves them to. Its array arithmetic is switched on (useArrayArithmetic), as Excel's SUMPRODUCT
// always works on arrays.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { commitmentPeriod, Decimal, ForecastAssumptions, matchKey } from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { a1, CellValue, SheetSpec } from "../../src/workbook/port";
import { Block, financeLayout, FinanceLayout, financeSheet, PLAN_COLUMNS } from "../../src/workbook/reports/finance";
import { writeAssumptions, writeForecast } from "../../src/workbook/reports/finance/forecast";
import { writeLeftOutNote, writePlans } from "../../src/workbook/reports/finance/perPlan";
import { Cells } from "../../src/workbook/reports/finance/sheetCells";
import { columnWrite } from "../../src/workbook/schema/columns";
import { columnWrites } from "../../src/workbook/schema/rows";
import { BUDGET_YEAR, BUDGETS } from "../../src/workbook/schema/tables";
import { financeFigures, readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import {
  FIXTURE_BY_HAND,
  FinanceByHand,
  handCells,
  NEXT_YEAR_BY_HAND,
  NO_PLAN,
  servicesUnused,
  withRows,
} from "../support/financeByHand";
import { comparable, expectedCells, ExpectedCell, expectedPlanCells, Kind, shownCells } from "../support/financeCells";
import {
  AS_AT,
  financeWorkbook,
  FIXTURE_PLANS,
  FixturePlan,
  savePlans,
  serial,
  YEAR_START,
} from "../support/financeWorkbook";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { cellsByAddress } from "../support/specCells";
import { structuredToA1, TableShape } from "../support/structuredReferences";

const DATES = { asAt: AS_AT, yearStart: YEAR_START };
let functions: FunctionLibrary;

beforeAll(async () => {
  functions = await pbFunctionLibrary();
  await registerPBFunctions();
});

/** The workbook's tables and sheets in HyperFormula, structured references turned into A1 ranges. */
function inHyperFormula(workbook: MemoryWorkbook): HyperFormula {
  const tables = workbook.allTables();
  const shapes = new Map<string, TableShape>(
    tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
  );
  // A spill reference ($F$120#) is the block the per-plan formulas spill: a row per row of Plans.
  const plans = Math.max(1, tables.find((table) => table.name === "Plans")!.rows.length);
  const spilled = (formula: string) =>
    formula.replace(/\$([A-Z]+)\$(\d+)#/g, (_, column: string, row: string) => {
      return `$${column}$${row}:$${column}$${Number(row) + plans - 1}`;
    });
  const translated = (cell: CellValue, at?: { table: string; row: number }) =>
    typeof cell === "string" && cell.startsWith("=") ? spilled(structuredToA1(cell, shapes, at)) : cell;
  const sheets: Record<string, CellValue[][]> = {};
  for (const table of tables) {
    sheets[table.sheet] = [
      [...table.headers],
      ...table.rows.map((row, index) => row.map((cell) => translated(cell, { table: table.name, row: index + 2 }))),
    ];
  }
  for (const sheet of workbook.allSheets().filter((candidate) => !(candidate.name in sheets))) {
    const grid: CellValue[][] = [];
    for (const cell of sheet.cells) {
      (grid[cell.row] ??= [])[cell.column] = translated(cell.formula ?? cell.value ?? null);
    }
    sheets[sheet.name] = Array.from(grid, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}

const position = (address: string) => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, column };
};

/** A Finance sheet cell as HyperFormula shows it: an error as its code. */
const fromHyperFormula = (hf: HyperFormula, sheet: string) => (address: string) => {
  const { row, column } = position(address);
  const value = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col: column });
  return value instanceof DetailedCellError ? value.value : value;
};

/** The same cell as the preview's in-memory workbook shows it. */
const fromMemory = (workbook: MemoryWorkbook, sheet: string) => (address: string) => {
  const { row, column } = position(address);
  return workbook
    .sheetViews()
    .find((view) => view.name === sheet)!
    .cell(row, column).value;
};

/** A figure of the sheet by block and column, for the hand-computed checks. */
const figure = (read: (address: string) => unknown, row: number, column: number, kind: Kind = "money") =>
  comparable(kind, read(a1({ row, column })));

async function withSheet(plans = FIXTURE_PLANS, assumptions?: ForecastAssumptions) {
  const workbook = await financeWorkbook(functions, plans);
  const book = await readFinanceBook(workbook);
  const written = await writeFinanceSheet(workbook, book, DATES, assumptions);
  const layout = financeLayout(book);
  return { workbook, book, written, layout };
}

/** The engine's figures (the pane's) for the workbook as it is now, cell by cell, with each plan's row. */
async function engineCells(
  workbook: MemoryWorkbook,
  layout: FinanceLayout,
  assumptions?: ForecastAssumptions,
  dates = DATES,
): Promise<ExpectedCell[]> {
  const book = await readFinanceBook(workbook);
  const period = commitmentPeriod(serial(dates.asAt), serial(dates.yearStart));
  // An empty Plans table shows one blank row, which the per-plan block spills too.
  const rows = book.plans.length > 0 ? book.plans : [null];
  return [
    ...expectedCells(financeFigures(book, dates, assumptions), layout),
    ...expectedPlanCells(rows, period, layout, book.weeks.weeksInYear),
  ];
}

/** The sheet in both calculating engines, and the pane, show every figure worked out by hand. */
async function expectByHand(
  byHand: FinanceByHand,
  workbook: MemoryWorkbook,
  layout: FinanceLayout,
  reads: ((address: string) => unknown)[],
  assumptions?: ForecastAssumptions,
) {
  const expected = handCells(layout, byHand);
  for (const read of reads) expect(shownCells(expected, read)).toEqual(expected);
  expect(await engineCells(workbook, layout, assumptions)).toEqual(expected);
}

// The care groups' rows, in the Budgets table's order: Older people, Physical disability, Learning disability,
// Mental health, then Other care groups and All care groups.
const [OLDER, PHYSICAL, LEARNING, MENTAL, , ALL] = [0, 1, 2, 3, 4, 5];
// Columns of the commitment blocks: B direct payment, C council-managed, D ISF, E one-off items, F total;
// then, in the full-year block, G budget, H variance, I % committed.
const [DP, CM, ISF, ONE_OFF, TOTAL, BUDGET, VARIANCE, COMMITTED] = [1, 2, 3, 4, 5, 6, 7, 8];

describe("the Finance sheet, calculated", () => {
  it("gives the hand-computed commitment in every cell, in HyperFormula, in the preview and in the pane", async () => {
    const { workbook, written, layout } = await withSheet();
    expect(written).toEqual({ sheet: "Finance", budgets: null });
    const hf = inHyperFormula(workbook);
    const sheet = fromHyperFormula(hf, "Finance");
    const full = (group: number, column: number, kind?: Kind) =>
      figure(sheet, layout.fullYear.first + group, column, kind);
    const inYear = (group: number, column: number) => figure(sheet, layout.inYear.first + group, column);

    // Full year, Agreed plans in force on 1 October 2026 (PLAN-0003 ended on 30 September; 0005 and 0006 wait).
    // Older people: direct payment 7 × 19.55 × 52 = 7,116.20; council-managed 2.5 × 28.50 × 52 + 6 × 28.50 × 52
    // = 3,705 + 8,892 = 12,597; ISF 1 × 22 × 52 = 1,144; one-off 650; 21,507.20 of 65,000: 43,492.80 left, 33.09%.
    expect([DP, CM, ISF, ONE_OFF, TOTAL, BUDGET, VARIANCE].map((column) => full(OLDER, column))).toEqual([
      "7116.20",
      "12597.00",
      "1144.00",
      "650.00",
      "21507.20",
      "65000.00",
      "43492.80",
    ]);
    expect(full(OLDER, COMMITTED, "ratio")).toBe("0.330880"); // 21,507.20 ÷ 65,000 = 0.3308800
    // Learning disability: PLAN-0007, 20 × 19.55 × 52 = 20,332 + 2 × 45 × 52 = 4,680 = 25,012 of 50,000.
    expect(full(LEARNING, TOTAL)).toBe("25012.00");
    // Mental health: PLAN-0004, 2 × 20 × 52 = 2,080 + 3.5 × 22 × 52 = 4,004 = 6,084 of 30,000.
    expect(full(MENTAL, TOTAL)).toBe("6084.00");
    expect(full(PHYSICAL, TOTAL)).toBe("0.00");
    // All: 21,507.20 + 25,012 + 6,084 = 52,603.20 of 180,000.
    expect([full(ALL, TOTAL), full(ALL, BUDGET), full(ALL, VARIANCE)]).toEqual(["52603.20", "180000.00", "127396.80"]);

    // In year, 1 October to 31 March, 182 days; PLAN-0002 runs 15 November to 14 February, 92 days:
    // Older people: 7,116.20 × 182 ÷ 365 = 3,548.3518… → 3,548.35; 3,705 × 182 ÷ 365 = 1,847.4246… → 1,847.42,
    // plus 8,892 × 92 ÷ 365 = 2,241.2712… → 2,241.27: 4,088.69; 1,144 × 92 ÷ 365 = 288.3507… → 288.35;
    // the chair was bought in 2025: 0. Total 7,925.39.
    expect([DP, CM, ISF, ONE_OFF, TOTAL].map((column) => inYear(OLDER, column))).toEqual([
      "3548.35",
      "4088.69",
      "288.35",
      "0.00",
      "7925.39",
    ]);
    // Learning disability: 20,332 × 182 ÷ 365 = 10,138.1479… → 10,138.15; 4,680 × 182 ÷ 365 = 2,333.5890… →
    // 2,333.59. Mental health: 2,080 × 182 ÷ 365 = 1,037.1507… → 1,037.15; 4,004 × 182 ÷ 365 = 1,996.5151… →
    // 1,996.52. All: 7,925.39 + 12,471.74 + 3,033.67 = 23,430.80.
    expect([inYear(LEARNING, TOTAL), inYear(MENTAL, TOTAL), inYear(ALL, TOTAL)]).toEqual([
      "12471.74",
      "3033.67",
      "23430.80",
    ]);

    // Pipeline: PLAN-0005 (Draft) 3 × 45 × 52 = 7,020; PLAN-0006 (review) 10 × 19.55 × 52 = 10,166.
    const pipeline = (group: number, column: number, kind?: Kind) =>
      figure(sheet, layout.pipeline.first + group, column, kind);
    expect([pipeline(LEARNING, 1, "count"), pipeline(LEARNING, 2), pipeline(PHYSICAL, 2), pipeline(ALL, 2)]).toEqual([
      1,
      "7020.00",
      "10166.00",
      "17186.00",
    ]);

    // Spending, largest first: personal assistants 7,116.20 + 20,332 = 27,448.20 (52.18% of 52,603.20), home
    // care 12,597, supported activities 1,144 + 4,004 = 5,148, day centre 4,680, taxis 2,080, the chair 650.
    const services = Array.from({ length: 6 }, (_, index) => [
      figure(sheet, layout.services.first + index, 0, "text"),
      figure(sheet, layout.services.first + index, 1),
    ]);
    expect(services).toEqual([
      ["Personal assistant", "27448.20"],
      ["Home care (regulated agency)", "12597.00"],
      ["Supported community activities", "5148.00"],
      ["Day centre", "4680.00"],
      ["Transport: taxi", "2080.00"],
      ["Equipment: riser recliner chair", "650.00"],
    ]);
    expect(figure(sheet, layout.services.first, 2, "ratio")).toBe("0.521797"); // 27,448.20 ÷ 52,603.20 = 0.5217971…
    expect(figure(sheet, layout.services.last, 1)).toBe("52603.20");

    // The RAS against plans: the starter cohort's indicative budgets (Older people 58,160 for seven, one still
    // being assessed) beside Agreed plans' own: 6,200 + 10,640 = 16,840 against plans costing 21,507.20.
    const indicative = (group: number, column: number, kind?: Kind) =>
      figure(sheet, layout.indicative.first + group, column, kind);
    const kinds: Kind[] = ["count", "count", "money", "count", "money", "money"];
    expect(kinds.map((kind, index) => indicative(OLDER, index + 1, kind))).toEqual([
      8,
      1,
      "58160.00",
      2,
      "16840.00",
      "21507.20",
    ]);
    expect(indicative(ALL, 3)).toBe("170435.00"); // 58,160 + 32,615 + 52,080 + 27,580

    // Forecast, Older people: recurring 7,116.20 + 12,597 + 1,144 = 20,857.20 × 1.0608 a year (2% more people,
    // 4% dearer): 22,125.3177… → 22,125.32; × 1.12529664 = 23,470.5370… → 23,470.54; × 1.193714675712 =
    // 24,897.5457… → 24,897.55.
    const forecast = [1, 2, 3, 4].map((column) => figure(sheet, layout.forecast.first + OLDER, column));
    expect(forecast).toEqual(["20857.20", "22125.32", "23470.54", "24897.55"]);
    expect(figure(sheet, layout.forecast.header, 2, "text")).toBe("2027/28");

    // Every cell, in HyperFormula, in the preview's calculation and in the pane, as worked out by hand.
    await expectByHand(FIXTURE_BY_HAND, workbook, layout, [sheet, fromMemory(workbook, "Finance")]);
    expect(figure(sheet, layout.check.row, layout.check.column, "count")).toBe(0);
    for (const read of [sheet, fromMemory(workbook, "Finance")]) {
      expect(read(a1(layout.leftOutNote))).toBe("Every plan in Plans can be used: none is left out of the figures.");
    }
    hf.destroy();
  });

  it("moves with a plan's end date and a budget, in both engines and the pane, as worked out by hand", async () => {
    const { workbook, layout } = await withSheet();
    const hf = inHyperFormula(workbook);
    const sheet = fromHyperFormula(hf, "Finance");
    const plansSheet = hf.getSheetId("Plans")!;
    const endColumn = workbook
      .allTables()
      .find((table) => table.name === "Plans")!
      .headers.indexOf("End date");
    const budgetsSheet = hf.getSheetId("Budgets")!;
    const change = (plansRow: number, end: number, budget: number) => {
      hf.setCellContents({ sheet: plansSheet, row: plansRow, col: endColumn }, end);
      hf.setCellContents({ sheet: budgetsSheet, row: 1, col: 1 }, budget);
      workbook.setCell("Plans", plansRow, endColumn, end);
      workbook.setCell("Budgets", 1, 1, budget);
    };

    // PLAN-0001 now ends on 31 December: 1 October to 31 December is 92 days. 7,116.20 × 92 ÷ 365 = 1,793.6723…
    // → 1,793.67; 3,705 × 92 ÷ 365 = 933.8630… → 933.86, with PLAN-0002's 2,241.27: 3,175.13; ISF 288.35:
    // 5,257.15 in all. Its full year still counts (it is in force at the as-at date). The Older people budget
    // falls to 20,000: 20,000 − 21,507.20 = −1,507.20, 107.536% committed.
    change(1, serial("2026-12-31"), 20_000);
    const inYear = (column: number) => figure(sheet, layout.inYear.first + OLDER, column);
    const full = (column: number, kind?: Kind) => figure(sheet, layout.fullYear.first + OLDER, column, kind);
    expect([inYear(DP), inYear(CM), inYear(TOTAL)]).toEqual(["1793.67", "3175.13", "5257.15"]);
    expect([full(TOTAL), full(VARIANCE), full(COMMITTED, "ratio")]).toEqual(["21507.20", "-1507.20", "1.075360"]);
    // All care groups: budgets 135,000, 82,396.80 left, 52,603.20 ÷ 135,000 = 0.389653; in the year direct payments
    // 1,793.67 + 10,138.15 + 1,037.15 = 12,968.97, council-managed 3,175.13 + 2,333.59 = 5,508.72: 20,762.56. With the
    // pipeline, 21,507.20 of 20,000 (1.075360) and 69,789.20 of 135,000 (0.516957). PLAN-0001's own row: 1,793.67
    // and 933.86, 2,727.53 in all.
    const endingInDecember = withRows(FIXTURE_BY_HAND, {
      fullYear: {
        0: ["7116.20", "12597.00", "1144.00", "650.00", "21507.20", "20000.00", "-1507.20", "1.075360"],
        5: ["29528.20", "17277.00", "5148.00", "650.00", "52603.20", "135000.00", "82396.80", "0.389653"],
      },
      inYear: {
        0: ["1793.67", "3175.13", "288.35", "0.00", "5257.15"],
        5: ["12968.97", "5508.72", "2284.87", "0.00", "20762.56"],
      },
      pipeline: { 0: [0, "0.00", "21507.20", "1.075360"], 5: [2, "17186.00", "69789.20", "0.516957"] },
      forecast: {
        0: ["20857.20", "22125.32", "23470.54", "24897.55", "20000.00"],
        5: ["51953.20", "55111.96", "58462.76", "62017.30", "135000.00"],
      },
      plans: {
        0: ["PLAN-0001", "P001", "Older people", "Agreed", 0, 1, 0, 0, "1793.67", "933.86", "0.00", "0.00", "2727.53"],
      },
    });
    await expectByHand(endingInDecember, workbook, layout, [sheet, fromMemory(workbook, "Finance")]);

    // Ending on 15 September, before the as-at date, it leaves the commitment: Older people is PLAN-0002 alone,
    // 8,892 + 1,144 = 10,036, one person.
    change(1, serial("2026-09-15"), 20_000);
    expect([full(TOTAL), full(VARIANCE)]).toEqual(["10036.00", "9964.00"]);
    expect(figure(sheet, layout.people.first + OLDER, 5, "count")).toBe(1);
    // Older people: 10,036 of 20,000, 0.501800; in the year 2,241.27 + 288.35 = 2,529.62; PLAN-0002's own indicative
    // budget 10,640: 10,036 ÷ 10,640 − 1 = −0.056767; the forecast 10,036 × 1.0608 = 10,646.1888 → 10,646.19,
    // × 1.12529664 = 11,293.4771… → 11,293.48, × 1.193714675712 = 11,980.1204… → 11,980.12. All care groups: direct
    // payments 20,332 + 2,080 = 22,412, council-managed 8,892 + 4,680 = 13,572, ISF 5,148: 41,132 of 135,000
    // (93,868 left, 0.304681); in the year 10,138.15 + 1,037.15 = 11,175.30 and 2,241.27 + 2,333.59 = 4,574.86:
    // 18,035.03; with the pipeline 58,318 (0.431985); plans' own indicative budgets 10,640 + 22,360 + 8,760 = 41,760
    // (−0.015038); forecast years 10,646.19 + 26,532.73 + 6,453.91 = 43,632.83, 46,285.70, 49,099.87. PLAN-0001's
    // own row counts nowhere and has nothing from 1 October.
    const ranked = [
      ["Personal assistant", "20332.00", "0.494311", "20332.00", "0.00", "0.00"], // 20,332 ÷ 41,132
      ["Home care (regulated agency)", "8892.00", "0.216182", "0.00", "8892.00", "0.00"],
      ["Supported community activities", "5148.00", "0.125158", "0.00", "0.00", "5148.00"],
      ["Day centre", "4680.00", "0.113780", "0.00", "4680.00", "0.00"],
      ["Transport: taxi", "2080.00", "0.050569", "2080.00", "0.00", "0.00"],
    ];
    const endedBefore = withRows(FIXTURE_BY_HAND, {
      people: { 0: [0, 1, 1, 0, 1], 5: [2, 2, 2, 0, 3] },
      fullYear: {
        0: ["0.00", "8892.00", "1144.00", "0.00", "10036.00", "20000.00", "9964.00", "0.501800"],
        5: ["22412.00", "13572.00", "5148.00", "0.00", "41132.00", "135000.00", "93868.00", "0.304681"],
      },
      inYear: {
        0: ["0.00", "2241.27", "288.35", "0.00", "2529.62"],
        5: ["11175.30", "4574.86", "2284.87", "0.00", "18035.03"],
      },
      pipeline: { 0: [0, "0.00", "10036.00", "0.501800"], 5: [2, "17186.00", "58318.00", "0.431985"] },
      indicative: {
        0: [8, 1, "58160.00", 1, "10640.00", "10036.00", "-0.056767"],
        5: [20, 1, "170435.00", 3, "41760.00", "41132.00", "-0.015038"],
      },
      forecast: {
        0: ["10036.00", "10646.19", "11293.48", "11980.12", "20000.00"],
        5: ["41132.00", "43632.83", "46285.70", "49099.87", "135000.00"],
      },
      plans: {
        0: ["PLAN-0001", "P001", "Older people", "Agreed", 0, 0, 0, 0, "0.00", "0.00", "0.00", "0.00", "0.00"],
      },
    });
    await expectByHand(
      {
        ...endedBefore,
        services: [
          ...ranked,
          ...servicesUnused(ranked, "0.000000"),
          ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
        ],
        servicesTotal: "41132.00",
      },
      workbook,
      layout,
      [sheet, fromMemory(workbook, "Finance")],
    );
    hf.destroy();
  });

  it("grows each care group by its own forecast rates where given, the rest by all care groups'", async () => {
    const assumptions: ForecastAssumptions = {
      all: { growth: new Decimal("0.01"), inflation: new Decimal("0.03") },
      own: new Map([
        ["older people", { growth: new Decimal("0.035") }],
        ["mental health", { inflation: new Decimal("0.05") }],
      ]),
    };
    const { workbook, layout } = await withSheet(FIXTURE_PLANS, assumptions);
    const hf = inHyperFormula(workbook);
    const sheet = fromHyperFormula(hf, "Finance");
    const rates = (row: number) =>
      [1, 2].map((column) => figure(sheet, layout.assumptions.first + row, column, "ratio"));
    // All care groups, then Older people (its own growth), Physical disability, Learning disability, Mental health.
    expect([0, 1, 2, 3, 4].map(rates)).toEqual([
      ["0.010000", "0.030000"],
      ["0.035000", "0.030000"],
      ["0.010000", "0.030000"],
      ["0.010000", "0.030000"],
      ["0.010000", "0.050000"],
    ]);
    const years = (group: number) => [2, 3, 4].map((column) => figure(sheet, layout.forecast.first + group, column));
    // Older people: 20,857.20 × 1.035 × 1.03 = × 1.06605: 22,234.8180… → 22,234.82; × 1.1364626025 =
    // 23,703.4277… → 23,703.43; × 1.211525957395125 = 25,269.0391… → 25,269.04.
    expect(years(OLDER)).toEqual(["22234.82", "23703.43", "25269.04"]);
    // Mental health: 6,084 × 1.01 × 1.05 = × 1.0605: 6,452.082 → 6,452.08; × 1.12466025 = 6,842.4329… →
    // 6,842.43; × 1.192702195125 = 7,256.4001… → 7,256.40.
    expect(years(MENTAL)).toEqual(["6452.08", "6842.43", "7256.40"]);
    // Learning disability follows all: 25,012 × 1.0403 = 26,019.9836 → 26,019.98; × 1.08222409 = 27,068.5889… →
    // 27,068.59; × 1.125837720827 = 28,159.4530… → 28,159.45.
    expect(years(LEARNING)).toEqual(["26019.98", "27068.59", "28159.45"]);
    // All care groups add the groups' years: 22,234.82 + 0 + 26,019.98 + 6,452.08 = 54,706.88.
    expect(figure(sheet, layout.forecast.first + ALL, 2)).toBe("54706.88");
    // The next years of All: 23,703.43 + 27,068.59 + 6,842.43 = 57,614.45; 25,269.04 + 28,159.45 + 7,256.40 =
    // 60,684.89. Nothing else on the sheet moves.
    const ownRates = withRows(FIXTURE_BY_HAND, {
      forecast: {
        0: ["20857.20", "22234.82", "23703.43", "25269.04", "65000.00"],
        2: ["25012.00", "26019.98", "27068.59", "28159.45", "50000.00"],
        3: ["6084.00", "6452.08", "6842.43", "7256.40", "30000.00"],
        5: ["51953.20", "54706.88", "57614.45", "60684.89", "180000.00"],
      },
    });
    await expectByHand(ownRates, workbook, layout, [sheet, fromMemory(workbook, "Finance")], assumptions);
    hf.destroy();
  });

  it("counts a plan saved later in a care group it does not list in Other care groups", async () => {
    const { workbook, layout } = await withSheet();
    await savePlans(workbook, [
      { ...FIXTURE_PLANS[3], planId: "PLAN-0008", personId: "P021", name: "Ada Byrne", careGroup: "Autism" },
    ]);
    const read = fromMemory(workbook, "Finance");
    // 2,080 + 4,004 = 6,084 a year, in Other care groups and in All (52,603.20 + 6,084 = 58,687.20).
    expect(figure(read, layout.fullYear.first + 4, TOTAL)).toBe("6084.00");
    expect(figure(read, layout.fullYear.first + ALL, TOTAL)).toBe("58687.20");
    // Other care groups is PLAN-0008 alone, as PLAN-0004 is in Mental health: in the year 1,037.15 + 1,996.52 =
    // 3,033.67; no budget; its own indicative budget 8,760 (−0.305479); the forecast grows 6,084 by all care groups'
    // rates. All: direct payments 29,528.20 + 2,080 = 31,608.20, ISF 5,148 + 4,004 = 9,152: 58,687.20 of 180,000
    // (121,312.80 left, 0.326040); in the year 26,464.47; with the pipeline 75,873.20 (0.421518); plans' indicative
    // budgets 56,720 (58,687.20 ÷ 56,720 − 1 = 0.034683); forecast 58,037.20 this year, then 55,111.96 + 6,453.91 =
    // 61,565.87, 65,309.06 and 69,279.86. Spending, of 58,687.20: activities 9,152 and taxis 4,160 now. PLAN-0008's
    // own row is PLAN-0004's.
    const ranked = [
      ["Personal assistant", "27448.20", "0.467703", "27448.20", "0.00", "0.00"],
      ["Home care (regulated agency)", "12597.00", "0.214646", "0.00", "12597.00", "0.00"],
      ["Supported community activities", "9152.00", "0.155945", "0.00", "0.00", "9152.00"],
      ["Day centre", "4680.00", "0.079745", "0.00", "4680.00", "0.00"],
      ["Transport: taxi", "4160.00", "0.070884", "4160.00", "0.00", "0.00"],
      ["Equipment: riser recliner chair", "650.00", "0.011076", "650.00", "0.00", "0.00"],
    ];
    const withAutism = withRows(FIXTURE_BY_HAND, {
      people: { 4: [1, 0, 1, 0, 1], 5: [4, 3, 3, 1, 5] },
      fullYear: {
        4: ["2080.00", "0.00", "4004.00", "0.00", "6084.00", "0.00", "-6084.00", ""],
        5: ["31608.20", "17277.00", "9152.00", "650.00", "58687.20", "180000.00", "121312.80", "0.326040"],
      },
      inYear: {
        4: ["1037.15", "0.00", "1996.52", "0.00", "3033.67"],
        5: ["15760.80", "6422.28", "4281.39", "0.00", "26464.47"],
      },
      pipeline: { 4: [0, "0.00", "6084.00", ""], 5: [2, "17186.00", "75873.20", "0.421518"] },
      indicative: {
        4: [0, 0, "0.00", 1, "8760.00", "6084.00", "-0.305479"],
        5: [20, 1, "170435.00", 5, "56720.00", "58687.20", "0.034683"],
      },
      forecast: {
        4: ["6084.00", "6453.91", "6846.30", "7262.56", "0.00"],
        5: ["58037.20", "61565.87", "65309.06", "69279.86", "180000.00"],
      },
    });
    const expected = handCells(layout, {
      ...withAutism,
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ["PLAN-0008", "P021", "Autism", "Agreed", 0, 1, 0, 0, "1037.15", "0.00", "1996.52", "0.00", "3033.67"],
      ],
      services: [
        ...ranked,
        ...servicesUnused(ranked, "0.000000"),
        ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
      ],
      servicesTotal: "58687.20",
    });
    expect(shownCells(expected, read)).toEqual(expected);
    // The pane, for the sheet's four care groups, the same.
    const book = await readFinanceBook(workbook);
    const period = commitmentPeriod(serial(AS_AT), serial(YEAR_START));
    expect([
      ...expectedCells(financeFigures({ ...book, careGroups: book.careGroups.slice(0, 4) }, DATES), layout),
      ...expectedPlanCells(book.plans, period, layout),
    ]).toEqual(expected);
  });

  it("commits nothing, without errors, before any plan is saved", async () => {
    const { workbook, layout } = await withSheet([]);
    const read = fromMemory(workbook, "Finance");
    expect([TOTAL, BUDGET].map((column) => figure(read, layout.fullYear.first + ALL, column))).toEqual([
      "0.00",
      "180000.00",
    ]);
    expect(figure(read, layout.inYear.first + ALL, TOTAL)).toBe("0.00");
    // Every budget left whole (0% committed); no share of nothing; the cohort's indicative budgets as before.
    const zeros = (columns: number) => Array.from({ length: columns }, () => "0.00");
    const budget = (amount: string, committed: string) => [...zeros(5), amount, amount, committed];
    const before = (people: number, notPriced: number, indicative: string) => [
      people,
      notPriced,
      indicative,
      0,
      "0.00",
      "0.00",
      "",
    ];
    const forecast = (amount: string) => [...zeros(4), amount];
    const nothing: FinanceByHand = {
      people: Array.from({ length: 6 }, () => [0, 0, 0, 0, 0]),
      fullYear: [
        budget("65000.00", "0.000000"),
        budget("35000.00", "0.000000"),
        budget("50000.00", "0.000000"),
        budget("30000.00", "0.000000"),
        budget("0.00", ""),
        budget("180000.00", "0.000000"),
      ],
      inYear: Array.from({ length: 6 }, () => zeros(5)),
      pipeline: [0, 0, 0, 0, 1, 0].map((other) => [0, "0.00", "0.00", other ? "" : "0.000000"]),
      startingLater: Array.from({ length: 6 }, () => [0, "0.00"]),
      services: [...servicesUnused([], ""), ["Other services", "0.00", "", "0.00", "0.00", "0.00"]],
      servicesTotal: "0.00",
      indicative: [
        before(8, 1, "58160.00"),
        before(4, 0, "32615.00"),
        before(4, 0, "52080.00"),
        before(4, 0, "27580.00"),
        before(0, 0, "0.00"),
        before(20, 1, "170435.00"),
      ],
      forecast: ["65000.00", "35000.00", "50000.00", "30000.00", "0.00", "180000.00"].map(forecast),
      // The empty Plans table's one blank row.
      plans: [NO_PLAN],
    };
    await expectByHand(nothing, workbook, layout, [read]);
  });
});

describe("what people contribute, on the Finance sheet and in the engine (26 §5)", () => {
  // Margaret Ellis (PLAN-0001, Older people, £11,471.20 a year) pays £56.20 a week; Grace Okafor (PLAN-0004, Mental
  // health, £6,084 a year, £117 a week) £150 a week, more than her care costs (Essex's case); Daniel Hughes's Draft
  // plan (PLAN-0005) has a charge too, but is not in the commitment.
  const charged = FIXTURE_PLANS.map((plan) =>
    plan.planId === "PLAN-0001"
      ? { ...plan, weeklyCharge: 56.2 }
      : plan.planId === "PLAN-0004"
        ? { ...plan, weeklyCharge: 150 }
        : plan.planId === "PLAN-0005"
          ? { ...plan, weeklyCharge: 20 }
          : plan,
  );
  const CONTRIBUTE = 2;
  const NET = 3;

  it("adds up each committed plan's contribution by care group, and the net, over 52 then 50 weeks", async () => {
    const { workbook, layout } = await withSheet(charged);
    const hf = inHyperFormula(workbook);
    const engines = { hyperFormula: fromHyperFormula(hf, "Finance"), preview: fromMemory(workbook, "Finance") };
    const row = (group: number) => layout.contributions.first + group;
    const everyFigureAsTheEngine = async () => {
      const expected = await engineCells(workbook, layout);
      for (const read of Object.values(engines)) expect(shownCells(expected, read)).toEqual(expected);
    };
    await everyFigureAsTheEngine();
    for (const read of Object.values(engines)) {
      // 52 weeks: Margaret pays £56.20 × 52 = £2,922.40 of £11,471.20; Grace £6,084 (her £7,800 a year is more):
      // the council pays nothing for her plan. Older people: £21,507.20 gross, £18,584.80 net; all: £9,006.40 paid,
      // £52,603.20 − £9,006.40 = £43,596.80 net.
      expect(figure(read, row(OLDER), 1)).toBe("21507.20");
      expect([CONTRIBUTE, NET].map((column) => figure(read, row(OLDER), column))).toEqual(["2922.40", "18584.80"]);
      expect([CONTRIBUTE, NET].map((column) => figure(read, row(MENTAL), column))).toEqual(["6084.00", "0.00"]);
      expect([CONTRIBUTE, NET].map((column) => figure(read, row(LEARNING), column))).toEqual(["0.00", "25012.00"]);
      expect([1, CONTRIBUTE, NET].map((column) => figure(read, row(ALL), column))).toEqual([
        "52603.20",
        "9006.40",
        "43596.80",
      ]);
      expect(read(a1(layout.inputs.weeksInYear))).toBe(52);
    }

    // PlanSettings' weeks in a year set to 50: the sheet follows (£56.20 × 50 = £2,810), and so does the engine.
    const settings = workbook.allTables().find((table) => table.name === "PlanSettings")!;
    const weeksAt = { sheet: hf.getSheetId(settings.sheet)!, row: 1, col: settings.headers.indexOf("Weeks in a year") };
    const setWeeks = (weeks: number) => {
      hf.setCellContents(weeksAt, weeks);
      workbook.setCell(settings.sheet, weeksAt.row, weeksAt.col, weeks);
    };
    setWeeks(50);
    await everyFigureAsTheEngine();
    for (const read of Object.values(engines)) {
      expect([figure(read, row(OLDER), CONTRIBUTE), figure(read, row(ALL), CONTRIBUTE)]).toEqual([
        "2810.00",
        "8894.00",
      ]);
      expect(figure(read, row(ALL), NET)).toBe("43709.20");
    }

    hf.destroy();

    // 54 is no weeks in a year: the sheet's contributions are #N/A, and the engine gives none, saying why. (In the
    // preview's calculation only: HyperFormula fails inside SUMIFS when a spilled column becomes one error.)
    workbook.setCell(settings.sheet, weeksAt.row, weeksAt.col, 54);
    const expected = await engineCells(workbook, layout);
    expect(shownCells(expected, engines.preview)).toEqual(expected);
    const wrong = await readFinanceBook(workbook);
    expect(financeFigures(wrong, DATES).contributions).toBeNull();
    expect(wrong.weeks.problem).toMatch(/^The PlanSettings table's Weeks in a year cannot be used: row 1: expected/);
    expect(engines.preview(a1({ row: row(ALL), column: CONTRIBUTE }))).toBe("#N/A");
    expect(engines.preview(a1(layout.inputs.weeksInYear))).toBe("#N/A");
  });

  it("a workbook whose Plans and PlanSettings lack the columns gains them blank: no charge, 52 weeks", async () => {
    // As an older workbook: its tables without the two columns the sheet reads.
    const source = await financeWorkbook(functions, charged);
    const dropped: Record<string, string> = { Plans: "Weekly charge", PlanSettings: "Weeks in a year" };
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
    await workbook.addTables(
      source.allTables().map((table) => {
        const keep = (_: unknown, at: number) => table.headers[at] !== dropped[table.name];
        const rows = table.rows.map((cells) => cells.filter(keep));
        return { name: table.name, sheet: table.sheet, columns: table.columns.filter(keep), rows };
      }),
    );
    const book = await readFinanceBook(workbook);
    expect(book.plans.every((plan) => plan.weeklyCharge?.isZero())).toBe(true);
    await writeFinanceSheet(workbook, book, DATES);
    const tables = workbook.allTables();
    expect(tables.find((table) => table.name === "Plans")!.headers.at(-1)).toBe("Weekly charge");
    expect(tables.find((table) => table.name === "PlanSettings")!.headers.at(-1)).toBe("Weeks in a year");
    const layout = financeLayout(book);
    const hf = inHyperFormula(workbook);
    const expected = await engineCells(workbook, layout);
    for (const read of [fromHyperFormula(hf, "Finance"), fromMemory(workbook, "Finance")]) {
      expect(shownCells(expected, read)).toEqual(expected);
    }
    hf.destroy();
  });
});

/** Both engines' reading of the sheet, and that each, and the pane, show every figure worked out by hand. */
async function bothEngines(workbook: MemoryWorkbook, layout: FinanceLayout, byHand: FinanceByHand, dates = DATES) {
  const hf = inHyperFormula(workbook);
  const engines = { hyperFormula: fromHyperFormula(hf, "Finance"), preview: fromMemory(workbook, "Finance") };
  const expected = handCells(layout, byHand);
  for (const read of Object.values(engines)) expect(shownCells(expected, read)).toEqual(expected);
  expect(await engineCells(workbook, layout, undefined, dates)).toEqual(expected);
  return { hf, ...engines };
}

/** Every money column of a by-care-group block: "All care groups" is the sum of the rows above it, to the penny. */
function expectTotalsAddUp(read: (address: string) => unknown, block: Block, columns: readonly number[]) {
  for (const column of columns) {
    let above = 0;
    for (let row = block.first; row < block.last; row++) above += read(a1({ row, column })) as number;
    expect(figure(read, block.last, column)).toBe(above.toFixed(2));
  }
}

const planFigure = (layout: FinanceLayout, index: number, column: number) => ({
  row: layout.plans.first + index,
  column,
});

describe("the Finance sheet's rules for which plans count", () => {
  it("leaves out a plan without a start date, and one ending before it starts, naming both", async () => {
    const { workbook, layout, book } = await withSheet([
      ...FIXTURE_PLANS,
      // A Draft plan whose start date was blanked, and an Agreed plan ending before it starts.
      { ...FIXTURE_PLANS[5], planId: "PLAN-0008", personId: "P003", name: "Joan Whitfield", start: null },
      {
        ...FIXTURE_PLANS[1],
        planId: "PLAN-0009",
        personId: "P011",
        name: "Ellen Murphy",
        start: "2026-06-01",
        end: "2026-05-31",
      },
    ]);
    // Every figure as without the two plans; their own rows flagged as left out, and nothing else.
    const { hf, ...engines } = await bothEngines(workbook, layout, {
      ...FIXTURE_BY_HAND,
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ["PLAN-0008", "P003", "Physical disability", "Needs manager review", 1, 0, 0, 0],
        ["PLAN-0009", "P011", "Older people", "Agreed", 1, 0, 0, 0],
      ],
    });
    for (const read of Object.values(engines)) {
      // Every figure as without the two plans: Older people 21,507.20 a year and 7,925.39 in year; all care groups
      // 52,603.20 and 23,430.80; the pipeline PLAN-0005 and PLAN-0006 alone, 17,186.
      expect(figure(read, layout.fullYear.first + OLDER, TOTAL)).toBe("21507.20");
      expect(figure(read, layout.inYear.first + OLDER, TOTAL)).toBe("7925.39");
      expect([TOTAL].map((column) => figure(read, layout.inYear.first + ALL, column))).toEqual(["23430.80"]);
      expect(figure(read, layout.fullYear.first + ALL, TOTAL)).toBe("52603.20");
      expect(figure(read, layout.pipeline.first + ALL, 2)).toBe("17186.00");
      // A3 says how many and which, in words a finance officer reads.
      expect(read(a1(layout.leftOutNote))).toBe(
        "2 plans are left out of every figure: PLAN-0008, PLAN-0009. Each needs a start date, an end date (if " +
          "any) on or after it, and amounts that are numbers, 0 or more; its row under Each plan, at the foot of " +
          "this sheet, shows it, and the Finance view says why.",
      );
      // Their rows under Each plan: flagged, and their in-year amounts the function's error saying why.
      for (const index of [7, 8]) {
        expect(read(a1(planFigure(layout, index, PLAN_COLUMNS.leftOut)))).toBe(1);
        expect(read(a1(planFigure(layout, index, PLAN_COLUMNS.inYearTotal)))).toMatch(/^#(N\/A|VALUE!)/);
      }
    }
    expect(financeFigures(book, DATES).leftOut).toEqual([
      "PLAN-0008: no start date.",
      "PLAN-0009: it ends (2026-05-31) before it starts (2026-06-01).",
    ]);
    hf.destroy();
  });

  it("leaves out a plan whose start is 0 or text, or whose end is text, in both engines as in the pane", async () => {
    const extra = (planId: string): FixturePlan => ({
      ...FIXTURE_PLANS[1],
      planId,
      personId: "P011",
      name: "Ellen Murphy",
      start: "2026-06-01",
      end: null, // so that no end before a start that is text leaves it out instead
    });
    const { workbook, layout } = await withSheet([
      ...FIXTURE_PLANS,
      extra("PLAN-0008"),
      extra("PLAN-0009"),
      extra("PLAN-0010"),
    ]);
    // Typed over in Plans: a start of 0 (before Excel's first day), a start and an end that are words, not dates.
    const plans = (await workbook.readTable("Plans"))!;
    const typed: Record<string, [string, string | number]> = {
      "PLAN-0008": ["Start date", 0],
      "PLAN-0009": ["Start date", "soon"],
      "PLAN-0010": ["End date", "open"],
    };
    await workbook.editTables(
      Object.entries(typed).map(([planId, [header, value]]) => ({
        table: "Plans",
        columns: [{ header, numberFormat: "General" }],
        update: [
          {
            row: plans.rows.findIndex((row) => row[plans.headers.indexOf("Plan ID")] === planId),
            key: { header: "Plan ID", value: planId },
            values: [value],
          },
        ],
      })),
    );
    // Every figure as without the three plans; their rows flagged as left out, and nothing else.
    const { hf } = await bothEngines(workbook, layout, {
      ...FIXTURE_BY_HAND,
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ...["PLAN-0008", "PLAN-0009", "PLAN-0010"].map((planId) => [
          planId,
          "P011",
          "Older people",
          "Agreed",
          1,
          0,
          0,
          0,
        ]),
      ],
    });
    hf.destroy();
  });

  it("counts the year it is for: an Agreed plan starting 1 May 2027 is shown apart from 2026/27", async () => {
    // PLAN-0008, Kwame Mensah (Mental health), Agreed from 1 May 2027: supported community activities 6 h × £22 × 52
    // = 6,864 (an ISF) and a carer's break, £300 a year (direct payment): £7,164 a year.
    const { workbook, layout } = await withSheet([
      ...FIXTURE_PLANS,
      {
        planId: "PLAN-0008",
        personId: "P015",
        name: "Kwame Mensah",
        careGroup: "Mental health",
        status: "Agreed",
        start: "2027-05-01",
        end: null,
        indicative: 5910,
        lines: [
          ["Supported community activities", "hour", 6, 22, "week", "Individual Service Fund"],
          ["Carer's break", "break", 1, 300, "year", "Direct payment"],
        ],
      },
    ]);
    // Every figure of 2026/27 as without it; Agreed, starting later: one person, £7,164 a year, in Mental health and in
    // all. Its own row: starting later, and nothing in the year.
    const { hf, ...engines } = await bothEngines(workbook, layout, {
      ...withRows(FIXTURE_BY_HAND, { startingLater: { 3: [1, "7164.00"], 5: [1, "7164.00"] } }),
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ["PLAN-0008", "P015", "Mental health", "Agreed", 0, 0, 1, 0, "0.00", "0.00", "0.00", "0.00", "0.00"],
      ],
    });
    for (const read of Object.values(engines)) {
      // Mental health stays at PLAN-0004's 6,084 of 30,000 (20.28%), not 13,248 (44.16%); in year 3,033.67.
      const mental = (column: number, kind?: Kind) => figure(read, layout.fullYear.first + MENTAL, column, kind);
      expect([mental(TOTAL), mental(COMMITTED, "ratio")]).toEqual(["6084.00", "0.202800"]);
      expect(figure(read, layout.inYear.first + MENTAL, TOTAL)).toBe("3033.67");
      // Agreed, starting later: one person, £7,164 a year, in Mental health and in all.
      const later = (group: number) => [
        figure(read, layout.startingLater.first + group, 1, "count"),
        figure(read, layout.startingLater.first + group, 2),
      ];
      expect([later(MENTAL), later(OLDER), later(ALL)]).toEqual([
        [1, "7164.00"],
        [0, "0.00"],
        [1, "7164.00"],
      ]);
      expect(read(a1(planFigure(layout, 7, PLAN_COLUMNS.startingLater)))).toBe(1);
      expect(read(a1(planFigure(layout, 7, PLAN_COLUMNS.committed)))).toBe(0);
    }
    hf.destroy();
  });

  it("rounds once per plan and part: a plan's in-year is the sum of its parts, each total the sum above", async () => {
    // PLAN-0008, Joan Whitfield (Older people), Agreed from 1 April 2026: a personal assistant ½ h × £19.55 × 52 =
    // 508.30 (direct payment) and home care 2½ h × £28.50 × 52 = 3,705 (council-managed). From 1 October, 182 days:
    // 508.30 × 182 ÷ 365 = 253.4537… → 253.45 and 3,705 × 182 ÷ 365 = 1,847.4246… → 1,847.42, so 2,100.87 in year,
    // where its plan cost, 4,213.30 × 182 ÷ 365 = 2,100.8778…, would round to 2,100.88.
    const { workbook, layout } = await withSheet([
      ...FIXTURE_PLANS,
      {
        planId: "PLAN-0008",
        personId: "P003",
        name: "Joan Whitfield",
        careGroup: "Older people",
        status: "Agreed",
        start: "2026-04-01",
        end: null,
        indicative: 2760,
        lines: [
          ["Personal assistant", "hour", 0.5, 19.55, "week", "Direct payment"],
          ["Home care (regulated agency)", "hour", 2.5, 28.5, "week", "Council-managed"],
        ],
      },
    ]);
    // Older people, a year: direct payments 7,116.20 + 508.30 = 7,624.50 (P001, P003), council-managed 12,597 + 3,705
    // = 16,302 (P001, P002, P003): 25,720.50 of 65,000 (39,279.50 left, 0.395700), three people; their indicative
    // budgets 6,200 + 10,640 + 2,760 = 19,600 (25,720.50 ÷ 19,600 − 1 = 0.312270); recurring 25,070.50 × 1.0608 =
    // 26,594.7860… → 26,594.79, × 1.12529664 = 28,211.7533… → 28,211.75, × 1.193714675712 = 29,927.0187… →
    // 29,927.02. All care groups: 30,036.50, 20,982, 5,148, 650: 56,816.50 of 180,000 (123,183.50, 0.315647), five
    // people (four by direct payment, four council-managed); with the pipeline 74,002.50 (0.411125); indicative
    // 50,720 (0.120199); recurring 56,166.50, then 26,594.79 + 26,532.73 + 6,453.91 = 59,581.43, 63,203.97 and
    // 67,046.77. Spending, of 56,816.50: personal assistants 27,956.50 (0.492049), home care 16,302 (0.286924).
    const ranked = [
      ["Personal assistant", "27956.50", "0.492049", "27956.50", "0.00", "0.00"],
      ["Home care (regulated agency)", "16302.00", "0.286924", "0.00", "16302.00", "0.00"],
      ["Supported community activities", "5148.00", "0.090607", "0.00", "0.00", "5148.00"],
      ["Day centre", "4680.00", "0.082370", "0.00", "4680.00", "0.00"],
      ["Transport: taxi", "2080.00", "0.036609", "2080.00", "0.00", "0.00"],
      ["Equipment: riser recliner chair", "650.00", "0.011440", "650.00", "0.00", "0.00"],
    ];
    const byHand = withRows(FIXTURE_BY_HAND, {
      people: { 0: [2, 3, 1, 1, 3], 5: [4, 4, 2, 1, 5] },
      fullYear: {
        0: ["7624.50", "16302.00", "1144.00", "650.00", "25720.50", "65000.00", "39279.50", "0.395700"],
        5: ["30036.50", "20982.00", "5148.00", "650.00", "56816.50", "180000.00", "123183.50", "0.315647"],
      },
      inYear: {
        0: ["3801.80", "5936.11", "288.35", "0.00", "10026.26"],
        5: ["14977.10", "8269.70", "2284.87", "0.00", "25531.67"],
      },
      pipeline: { 0: [0, "0.00", "25720.50", "0.395700"], 5: [2, "17186.00", "74002.50", "0.411125"] },
      indicative: {
        0: [8, 1, "58160.00", 3, "19600.00", "25720.50", "0.312270"],
        5: [20, 1, "170435.00", 5, "50720.00", "56816.50", "0.120199"],
      },
      forecast: {
        0: ["25070.50", "26594.79", "28211.75", "29927.02", "65000.00"],
        5: ["56166.50", "59581.43", "63203.97", "67046.77", "180000.00"],
      },
    });
    const { hf, ...engines } = await bothEngines(workbook, layout, {
      ...byHand,
      services: [
        ...ranked,
        ...servicesUnused(ranked, "0.000000"),
        ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
      ],
      servicesTotal: "56816.50",
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ["PLAN-0008", "P003", "Older people", "Agreed", 0, 1, 0, 0, "253.45", "1847.42", "0.00", "0.00", "2100.87"],
      ],
    });
    for (const read of Object.values(engines)) {
      const parts = [0, 1, 2, 3, 4].map((at) => figure(read, layout.plans.first + 7, PLAN_COLUMNS.inYear + at));
      expect(parts).toEqual(["253.45", "1847.42", "0.00", "0.00", "2100.87"]);
      // Older people: 3,548.35 + 253.45 = 3,801.80; 4,088.69 + 1,847.42 = 5,936.11; 288.35; 10,026.26 in all.
      const older = [DP, CM, ISF, ONE_OFF, TOTAL].map((column) => figure(read, layout.inYear.first + OLDER, column));
      expect(older).toEqual(["3801.80", "5936.11", "288.35", "0.00", "10026.26"]);
      // All care groups: 23,430.80 + 2,100.87 = 25,531.67, the sum of the rows above it and of every plan's in year.
      expect(figure(read, layout.inYear.first + ALL, TOTAL)).toBe("25531.67");
      expectTotalsAddUp(read, layout.inYear, [DP, CM, ISF, ONE_OFF, TOTAL]);
      expectTotalsAddUp(read, layout.fullYear, [DP, CM, ISF, ONE_OFF, TOTAL, BUDGET, VARIANCE]);
      expectTotalsAddUp(read, layout.pipeline, [2, 3]);
      let committed = 0;
      for (let index = 0; index < 8; index++) {
        if (read(a1(planFigure(layout, index, PLAN_COLUMNS.committed))) === 1)
          committed += read(a1(planFigure(layout, index, PLAN_COLUMNS.inYearTotal))) as number;
      }
      expect(committed.toFixed(2)).toBe("25531.67");
    }
    hf.destroy();
  });

  it("counts people, not plans: a second Agreed plan of Margaret Ellis leaves two people in Older people", async () => {
    // PLAN-0008, Margaret Ellis again (typed by hand, overlapping PLAN-0001), from 1 September 2026: meals 7 a week
    // × £4.60 × 52 = 1,674.40 by direct payment. Older people's direct payments: 7,116.20 + 1,674.40 = 8,790.60,
    // still one person; two people in all in the group, four in all care groups.
    const { workbook, layout } = await withSheet([
      ...FIXTURE_PLANS,
      {
        ...FIXTURE_PLANS[0],
        planId: "PLAN-0008",
        start: "2026-09-01",
        lines: [["Meals", "meal", 7, 4.6, "week", "Direct payment"]],
      },
    ]);
    // Older people: 23,181.60 a year of 65,000 (41,818.40 left, 0.356640); in the year 1,674.40 × 182 ÷ 365 =
    // 834.9129… → 834.91 more by direct payment: 4,383.26, and 8,760.30 in all; both plans' indicative budgets,
    // 6,200 twice and 10,640: 23,040 (23,181.60 ÷ 23,040 − 1 = 0.006146); recurring 22,531.60 × 1.0608 =
    // 23,901.5212… → 23,901.52, 25,354.7336… → 25,354.73, 26,896.3014… → 26,896.30. All care groups: 54,277.60 of
    // 180,000 (125,722.40, 0.301542); in the year 15,558.56 by direct payment, 24,265.71 in all; with the pipeline
    // 71,463.60 (0.397020); indicative 54,160 (0.002171); recurring 53,627.60, then 56,888.16, 60,346.95 and
    // 64,016.05. Meals join the spending, of 54,277.60, between taxis and the chair.
    const ranked = [
      ["Personal assistant", "27448.20", "0.505700", "27448.20", "0.00", "0.00"],
      ["Home care (regulated agency)", "12597.00", "0.232085", "0.00", "12597.00", "0.00"],
      ["Supported community activities", "5148.00", "0.094846", "0.00", "0.00", "5148.00"],
      ["Day centre", "4680.00", "0.086223", "0.00", "4680.00", "0.00"],
      ["Transport: taxi", "2080.00", "0.038322", "2080.00", "0.00", "0.00"],
      ["Meals", "1674.40", "0.030849", "1674.40", "0.00", "0.00"],
      ["Equipment: riser recliner chair", "650.00", "0.011975", "650.00", "0.00", "0.00"],
    ];
    const byHand = withRows(FIXTURE_BY_HAND, {
      fullYear: {
        0: ["8790.60", "12597.00", "1144.00", "650.00", "23181.60", "65000.00", "41818.40", "0.356640"],
        5: ["31202.60", "17277.00", "5148.00", "650.00", "54277.60", "180000.00", "125722.40", "0.301542"],
      },
      inYear: {
        0: ["4383.26", "4088.69", "288.35", "0.00", "8760.30"],
        5: ["15558.56", "6422.28", "2284.87", "0.00", "24265.71"],
      },
      pipeline: { 0: [0, "0.00", "23181.60", "0.356640"], 5: [2, "17186.00", "71463.60", "0.397020"] },
      indicative: {
        0: [8, 1, "58160.00", 2, "23040.00", "23181.60", "0.006146"],
        5: [20, 1, "170435.00", 4, "54160.00", "54277.60", "0.002171"],
      },
      forecast: {
        0: ["22531.60", "23901.52", "25354.73", "26896.30", "65000.00"],
        5: ["53627.60", "56888.16", "60346.95", "64016.05", "180000.00"],
      },
    });
    const { hf, ...engines } = await bothEngines(workbook, layout, {
      ...byHand,
      services: [
        ...ranked,
        ...servicesUnused(ranked, "0.000000"),
        ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
      ],
      servicesTotal: "54277.60",
      plans: [
        ...FIXTURE_BY_HAND.plans,
        ["PLAN-0008", "P001", "Older people", "Agreed", 0, 1, 0, 0, "834.91", "0.00", "0.00", "0.00", "834.91"],
      ],
    });
    for (const read of Object.values(engines)) {
      const people = (group: number, column: number) => figure(read, layout.people.first + group, column, "count");
      expect([people(OLDER, DP), people(OLDER, 5), people(ALL, 5)]).toEqual([1, 2, 4]);
      expect(figure(read, layout.fullYear.first + OLDER, DP)).toBe("8790.60");
      expect(figure(read, layout.indicative.first + OLDER, 4, "count")).toBe(2);
    }
    hf.destroy();
  });

  it("counts a person with plans in two care groups once in all care groups, in each part they have", async () => {
    // Margaret Ellis (P001) gains two plans of meals by direct payment only: PLAN-0008 in Older people and PLAN-0009
    // in Mental health. Older people still has two people (her and PLAN-0002's), one by direct payment, two
    // council-managed; Mental health has two, both by direct payment. All care groups still has four people, three
    // by direct payment, three council-managed (her PLAN-0001 counts her whole, not as one of her three plans) and
    // one with one-off items (her chair): 4 people, not 2 + 0 + 1 + 2 + 0 = 5, the sum of the rows.
    const meals = (planId: string, careGroup: string): FixturePlan => ({
      ...FIXTURE_PLANS[0],
      planId,
      careGroup,
      start: "2026-09-01",
      lines: [["Meals", "meal", 7, 4.6, "week", "Direct payment"]],
    });
    const { workbook, layout } = await withSheet([
      ...FIXTURE_PLANS,
      meals("PLAN-0008", "Older people"),
      meals("PLAN-0009", "Mental health"),
    ]);
    const hf = inHyperFormula(workbook);
    for (const read of [fromHyperFormula(hf, "Finance"), fromMemory(workbook, "Finance")]) {
      const people = (group: number) =>
        [DP, CM, ISF, ONE_OFF, 5].map((column) => figure(read, layout.people.first + group, column, "count"));
      expect([people(OLDER), people(MENTAL), people(ALL)]).toEqual([
        [1, 2, 1, 1, 2],
        [2, 0, 1, 0, 2],
        [3, 3, 2, 1, 4],
      ]);
    }
    hf.destroy();
  });

  it("titles the commitment blocks and heads their columns word for word, titles and totals in bold", async () => {
    const { workbook, layout } = await withSheet();
    const cells = workbook.allSheets().find((sheet) => sheet.name === "Finance")!.cells;
    const at = (row: number, column: number) => {
      const cell = cells.find((candidate) => candidate.row === row && candidate.column === column);
      return { value: cell?.value, bold: cell?.bold ?? false };
    };
    const title = (value: string) => ({ value, bold: true });
    const headings = (block: Block) =>
      Array.from({ length: 9 }, (_, column) => at(block.header, column).value).filter((value) => value !== undefined);
    const parts = ["Direct payment", "Council-managed", "Individual Service Fund", "One-off items"];
    expect(at(layout.sections.commitment, 0)).toEqual(
      title(
        "Commitment in the year: Agreed plans started by its last day and not ended before the in-year commitment " +
          "counts from",
      ),
    );
    expect(at(layout.people.title, 0)).toEqual(
      title("People with Agreed plans, each counted once, by how money is managed"),
    );
    expect(headings(layout.people)).toEqual(["Care group", ...parts, "All people"]);
    expect(at(layout.fullYear.title, 0)).toEqual(title("Full-year commitment: what those plans cost a year"));
    expect(headings(layout.fullYear)).toEqual([
      "Care group",
      ...parts,
      "Full-year commitment",
      "Budget",
      "Variance (budget − commitment)",
      "% of budget committed",
    ]);
    expect(at(layout.check.row, 0)).toEqual({
      value: "Check: plans whose parts do not add up to their plan cost (0 when right)",
      bold: false,
    });
    expect(at(layout.sections.inYear, 0)).toEqual(title("In-year commitment: from the as-at date to the year's end"));
    expect(at(layout.inYear.title, 0)).toEqual(
      title("Each plan's in-year amount (Each plan, below: PB.IN_YEAR_COST, to the penny per plan and part), added up"),
    );
    expect(headings(layout.inYear)).toEqual(["Care group", ...parts, "In-year commitment"]);
    expect(at(layout.pipeline.title, 0)).toEqual(
      title("Pipeline: plans not yet agreed (Draft or Needs manager review) running in the year"),
    );
    expect(at(layout.startingLater.title, 0)).toEqual(
      title("Agreed, starting later: plans starting after the year's last day, in no figure of this year"),
    );
    expect(at(layout.contributions.title, 0)).toEqual(
      title(
        "What people contribute: each committed plan's person pays the smaller of its cost and their weekly charge " +
          "a year (the charge × the weeks in a year); the council is committed to the rest",
      ),
    );
    expect(at(layout.people.last, 0)).toEqual(title("All care groups"));
  });

  it("takes the budget for the year shown when Budgets has a Financial year column", async () => {
    const workbook = await financeWorkbook(functions);
    const budgets = (await workbook.readTable("Budgets"))!;
    const columns = [...columnWrites(BUDGETS), columnWrite(BUDGET_YEAR)];
    await workbook.editTables([
      {
        table: "Budgets",
        columns,
        update: budgets.rows.map((row, index) => ({
          row: index,
          key: { header: "Care group", value: String(row[0]) },
          values: [row[0], row[1], "2026/27"],
        })),
        // Older people's budget for the next year, and £1,000 for Mental health every year (its year left blank).
        append: [
          ["Older people", 70_000, "2027/28"],
          ["Mental health", 1000, null],
        ],
      },
    ]);
    const book = await readFinanceBook(workbook);
    await writeFinanceSheet(workbook, book, DATES);
    const layout = financeLayout(book);
    // 2026/27: Mental health 31,000, 24,916 left, 6,084 ÷ 31,000 = 0.196258 (with its pipeline, none, the same); all
    // 181,000, 128,396.80 left, 0.290625, with the pipeline 69,789.20 ÷ 181,000 = 0.385576.
    const thisYear = withRows(FIXTURE_BY_HAND, {
      fullYear: {
        3: ["2080.00", "0.00", "4004.00", "0.00", "6084.00", "31000.00", "24916.00", "0.196258"],
        5: ["29528.20", "17277.00", "5148.00", "650.00", "52603.20", "181000.00", "128396.80", "0.290625"],
      },
      pipeline: { 3: [0, "0.00", "6084.00", "0.196258"], 5: [2, "17186.00", "69789.20", "0.385576"] },
      forecast: {
        3: ["6084.00", "6453.91", "6846.30", "7262.56", "31000.00"],
        5: ["51953.20", "55111.96", "58462.76", "62017.30", "181000.00"],
      },
    });
    let { hf, ...engines } = await bothEngines(workbook, layout, thisYear);
    for (const read of Object.values(engines)) {
      // 2026/27: Older people 65,000, not 135,000; Mental health 30,000 + 1,000; all 65,000 + 35,000 + 50,000 +
      // 31,000 = 181,000.
      const budget = (group: number) => figure(read, layout.fullYear.first + group, BUDGET);
      expect([budget(OLDER), budget(MENTAL), budget(ALL)]).toEqual(["65000.00", "31000.00", "181000.00"]);
    }
    hf.destroy();

    // The sheet's inputs moved to 2027/28, as at 1 October 2027: Older people 70,000, Mental health 1,000 alone.
    workbook.setCell("Finance", layout.inputs.asAt.row, 1, serial("2027-10-01"));
    workbook.setCell("Finance", layout.inputs.yearStart.row, 1, serial("2027-04-01"));
    ({ hf, ...engines } = await bothEngines(workbook, layout, NEXT_YEAR_BY_HAND, {
      asAt: "2027-10-01",
      yearStart: "2027-04-01",
    }));
    for (const read of Object.values(engines)) {
      const budget = (group: number) => figure(read, layout.fullYear.first + group, BUDGET);
      expect([budget(OLDER), budget(MENTAL), budget(ALL)]).toEqual(["70000.00", "1000.00", "71000.00"]);
      expect(read(a1(layout.inputs.yearLabel))).toBe("2027/28");
    }
    hf.destroy();
  });

  it("leaves out a Budgets row below 0 or typed as text in both engines, as the pane does and names", async () => {
    const workbook = await financeWorkbook(functions);
    await workbook.editTables([
      {
        table: "Budgets",
        columns: columnWrites(BUDGETS),
        append: [
          ["Older people", -500],
          ["Mental health", "TBC"], // to be confirmed
        ],
      },
    ]);
    const book = await readFinanceBook(workbook);
    const leftOut = (row: number, amount: string) =>
      `Budgets table row ${row} is left out (the Finance sheet skips it too): Annual budget holds ${amount}, not an ` +
      "amount in £.";
    expect(book.warnings).toEqual([leftOut(5, "-500"), leftOut(6, '"TBC"')]);
    await writeFinanceSheet(workbook, book, DATES);
    const layout = financeLayout(book);
    // Every figure as without the two rows: the starter's budgets, 180,000 in all.
    const { hf, ...engines } = await bothEngines(workbook, layout, FIXTURE_BY_HAND);
    const outturn = layout.outturn;
    for (const read of Object.values(engines)) {
      const budgets = Array.from({ length: outturn.summary.last - outturn.summary.first + 1 }, (_, at) =>
        figure(read, outturn.summary.first + at, outturn.at.column + 1),
      );
      // The outturn's by care group: the four groups, Other care groups, Not matched to an Agreed plan, all.
      expect(budgets).toEqual(["65000.00", "35000.00", "50000.00", "30000.00", "0.00", "0.00", "180000.00"]);
    }
    hf.destroy();
  });
});

// The forecast's blocks written on their own, into blocks placed by hand (only those the forecast reads), cell by
// cell: headings word for word, what is bold, and each formula of the chart's source.
describe("the forecast's sheet spec", () => {
  const careGroups = ["Older people", "Mental health"];
  const cellsOf = (cells: Cells) => cellsByAddress(cells.all());
  const MONEY = "£#,##0.00";
  const PERCENT = "0.0%";

  it("writes the assumptions: all care groups' rates, a group's own rate, the rest following all by formula", () => {
    const cells = new Cells();
    // Rows 3 to 6: All care groups, then the two care groups; no header row of its own (the title heads it).
    const block: Block = { title: 2, header: 2, first: 3, last: 5 };
    const assumptions: ForecastAssumptions = {
      all: { growth: new Decimal("0.03"), inflation: new Decimal("0.02") },
      own: new Map([[matchKey("Older people"), { growth: new Decimal("0.05") }]]),
    };
    writeAssumptions(cells, block, careGroups, assumptions);
    expect(cells.all().map(({ row, column, ...content }) => [a1({ row, column }), content])).toEqual([
      ["A3", { value: "Forecast assumptions, a year", bold: true }],
      ["B3", { value: "Growth in people", bold: true }],
      ["C3", { value: "Price inflation", bold: true }],
      ["A4", { value: "All care groups" }],
      ["B4", { value: 0.03, numberFormat: PERCENT }],
      ["C4", { value: 0.02, numberFormat: PERCENT }],
      ["A5", { value: "Older people" }],
      ["B5", { value: 0.05, numberFormat: PERCENT }],
      ["C5", { formula: "=$C$4", numberFormat: PERCENT }],
      ["A6", { value: "Mental health" }],
      ["B6", { formula: "=$B$4", numberFormat: PERCENT }],
      ["C6", { formula: "=$C$4", numberFormat: PERCENT }],
      // The note, in the row under the block.
      ["A7", { value: "A care group follows All care groups until you type its own rate over the formula." }],
    ]);
  });

  it("titles the forecast, heads its years with their labels and Budget, and feeds the chart all care groups'", () => {
    const cells = new Cells();
    // Only the blocks the forecast reads: the full-year commitment (rows 12 to 16), the forecast (21 to 26: two
    // care groups, Other, All in row 26) and the chart's source (31 to 35: a heading row, then this year and three).
    const layout = {
      assumptions: { title: 2, header: 2, first: 3, last: 5 },
      fullYear: { title: 10, header: 11, first: 12, last: 15 },
      forecast: { title: 20, header: 21, first: 22, last: 25 },
      chartSource: { title: 30, header: 30, first: 31, last: 34 },
    } as unknown as FinanceLayout;
    const chart = writeForecast(cells, layout, careGroups, "$B$6");
    const cell = cellsOf(cells);
    expect(cell("A21")).toEqual({
      value: "Medium-term forecast: recurring commitment grown by the assumptions; budget held at this year's",
      bold: true,
    });
    // Year n after the one starting in B6: "2026/27" from April, "2027" for a calendar year.
    const label = (n: number) =>
      `=IF(MONTH($B$6)=1,""&(YEAR($B$6)+${n}),(YEAR($B$6)+${n})&"/"&RIGHT((YEAR($B$6)+${n})+1,2))`;
    expect(["A22", "B22", "C22", "D22", "E22", "F22"].map(cell)).toEqual([
      { value: "Care group", bold: true },
      { formula: label(0), bold: true },
      { formula: label(1), bold: true },
      { formula: label(2), bold: true },
      { formula: label(3), bold: true },
      { value: "Budget", bold: true },
    ]);
    // The chart's source: each year's label, all care groups' forecast (row 26) and the budget held flat (F26).
    expect(["A31", "B31", "C31"].map(cell)).toEqual([
      { value: "Financial year", bold: true },
      { value: "Forecast commitment", bold: true },
      { value: "Budget", bold: true },
    ]);
    expect([32, 33, 34, 35].map((row) => [cell(`A${row}`), cell(`B${row}`), cell(`C${row}`)])).toEqual([
      [{ formula: "=B22" }, { formula: "=B26", numberFormat: MONEY }, { formula: "=F26", numberFormat: MONEY }],
      [{ formula: "=C22" }, { formula: "=C26", numberFormat: MONEY }, { formula: "=F26", numberFormat: MONEY }],
      [{ formula: "=D22" }, { formula: "=D26", numberFormat: MONEY }, { formula: "=F26", numberFormat: MONEY }],
      [{ formula: "=E22" }, { formula: "=E26", numberFormat: MONEY }, { formula: "=F26", numberFormat: MONEY }],
    ]);
    expect(chart.source).toEqual({ row: 30, column: 0, rows: 5, columns: 3 });
  });
});

// The per-plan block written on its own, below inputs placed by hand (year end B7, counting from B9, weeks in a year
// B10): its title, headings and first row's formulas word for word, and which cells are formatted as money.
describe("the per-plan block's sheet spec", () => {
  const layout = {
    plans: { title: 40, header: 41, first: 42, last: 42 },
    inputs: { yearEnd: { row: 6, column: 1 }, from: { row: 8, column: 1 }, weeksInYear: { row: 9, column: 1 } },
    leftOutNote: { row: 2, column: 0 },
  } as unknown as FinanceLayout;
  const MONEY = "£#,##0.00";
  /** The cells, by A1 address, each without its address. */
  const written = (plans: number) => {
    const cells = new Cells();
    writePlans(cells, layout, plans);
    writeLeftOutNote(cells, layout);
    return new Map(cells.all().map(({ row, column, ...content }) => [a1({ row, column }), content]));
  };
  const columns = "ABCDEFGHIJKLMNO".split("");

  it("titles the block and heads its columns in bold, word for word", () => {
    const cell = written(3);
    expect(cell.get("A41")).toEqual({
      value:
        "Each plan: what it counts as in the year (1 = yes) and its in-year amount; every total above adds these up",
      bold: true,
    });
    expect(columns.map((column) => cell.get(`${column}42`))).toEqual(
      [
        "Plan ID",
        "Person ID",
        "Care group",
        "Status",
        "Left out (1)",
        "In the commitment (1)",
        "Agreed, starting later (1)",
        "In the pipeline (1)",
        "In year: Direct payment",
        "In year: Council-managed",
        "In year: Individual Service Fund",
        "In year: One-off items",
        "In year: total",
        "Parts less plan cost",
        "Contribution a year",
      ].map((value) => ({ value, bold: true })),
    );
    // A3, the note on plans left out, is bold.
    expect(cell.get("A3")).toMatchObject({ formula: expect.stringMatching(/^=IF\(SUM\(\$E\$43#\)=0,/), bold: true });
  });

  it("spills each column from the first row, the amounts formatted as money and the flags not", () => {
    const cell = written(3);
    const start = "Plans[Start date]";
    const end = "Plans[End date]";
    const status = "Plans[Status]";
    const amount = (column: string) => `(Plans[${column}]<0)+(Plans[${column}]>1000000000000)`;
    // Left out: a plan (an ID or a status) with no start date, a start or end that is not a date (below 1, or text,
    // which Excel orders above 31 December 9999), an end before its start, or an amount that is not £0 to £1 trillion.
    const unusable = [
      `(${start}="")`,
      `(${start}<1)`,
      `(${start}>2958465)`,
      `(${end}<>"")*(${end}<1)`,
      `(${end}>2958465)`,
      `(${end}<>"")*(${end}<${start})`,
      ...[
        "Plan cost (annual)",
        "Indicative budget (annual)",
        "Direct payment (annual)",
        "Council-managed (annual)",
        "Individual Service Fund (annual)",
        "One-off items",
        "Weekly charge",
      ].map(amount),
    ].join("+");
    const running = `(${start}<=$B$7)*((${end}="")+(${end}>=$B$9)>0)`;
    const inYear = (part: string) => `=PB.IN_YEAR_COST(Plans[${part}],${start},${end},$B$9,$B$7)`;
    const charged = "Plans[Weekly charge]*$B$10";
    expect(columns.map((column) => cell.get(`${column}43`))).toEqual([
      { formula: '=Plans[Plan ID]&""' },
      { formula: '=Plans[Person ID]&""' },
      { formula: '=Plans[Care group]&""' },
      { formula: `=${status}&""` },
      { formula: `=((Plans[Plan ID]<>"")+(${status}<>"")>0)*(${unusable}>0)` },
      { formula: `=(${status}="Agreed")*${running}*(1-$E$43#)` },
      { formula: `=(${status}="Agreed")*(${start}>$B$7)*(1-$E$43#)` },
      { formula: `=((${status}="Draft")+(${status}="Needs manager review"))*${running}*(1-$E$43#)` },
      { formula: inYear("Direct payment (annual)"), numberFormat: MONEY },
      { formula: inYear("Council-managed (annual)"), numberFormat: MONEY },
      { formula: inYear("Individual Service Fund (annual)"), numberFormat: MONEY },
      // One-off items count in full for a plan starting from the day counted from to the year's end.
      { formula: `=(${start}>=$B$9)*(${start}<=$B$7)*Plans[One-off items]`, numberFormat: MONEY },
      { formula: "=$I$43#+$J$43#+$K$43#+$L$43#", numberFormat: MONEY },
      {
        formula:
          "=Plans[Direct payment (annual)]+Plans[Council-managed (annual)]+Plans[Individual Service Fund (annual)]" +
          "+Plans[One-off items]-Plans[Plan cost (annual)]",
        numberFormat: MONEY,
      },
      // The smaller of the charge a year and the plan's cost, to the penny.
      {
        formula: `=ROUND(${charged}-(${charged}>Plans[Plan cost (annual)])*(${charged}-Plans[Plan cost (annual)]),2)`,
        numberFormat: MONEY,
      },
    ]);
  });

  it("formats the money columns of the rows the spill fills, and 200 more for plans saved later", () => {
    // 3 plans: the formulas' row 43 and 202 rows below it, rows 44 to 245, in columns I to O; nothing below.
    const cell = written(3);
    const money = columns.slice(8);
    for (const row of [44, 245]) {
      expect(columns.map((column) => cell.get(`${column}${row}`))).toEqual([
        ...columns.slice(0, 8).map(() => undefined),
        ...money.map(() => ({ numberFormat: MONEY })),
      ]);
    }
    expect(columns.map((column) => cell.get(`${column}246`))).toEqual(columns.map(() => undefined));
    expect([...cell.values()].filter((content) => Object.keys(content).join() === "numberFormat")).toHaveLength(
      202 * 7,
    );
  });
});

// The sheet's spec itself, built without a workbook: its heading and inputs word for word, and what each of the
// workbook's facts (a Financial year column, a BudgetProfile table, a PlanSettings table, the plans saved) changes.
describe("the Finance sheet's spec: its heading, its inputs and the workbook's facts", () => {
  const OPTIONS = {
    name: "Finance",
    asAt: serial(AS_AT),
    yearStart: serial(YEAR_START),
    careGroups: ["Older people"],
    services: [],
  };
  const cellOf = (spec: SheetSpec) => (row: number, column: number) =>
    spec.cells.find((cell) => cell.row === row && cell.column === column);
  const layout = financeLayout(OPTIONS);

  it("writes the title, the note and the inputs' labels word for word, the title and Inputs in bold", () => {
    const spec = financeSheet(OPTIONS);
    const cell = cellOf(spec);
    const text = (row: number) => ({ value: cell(row, 0)?.value, bold: cell(row, 0)?.bold ?? false });
    expect(text(0)).toEqual({ value: "Personal budgets: commitment and forecast", bold: true });
    expect(text(1)).toEqual({
      value:
        "Written once by the Personal Budgets add-in; Excel keeps it up to date. Every figure is a formula over the " +
        "Plans, PlanLines, People and Budgets tables. Change the inputs in column B.",
      bold: false,
    });
    expect(text(3)).toEqual({ value: "Inputs", bold: true });
    // Rows 5 to 10, beside their cells in column B.
    expect([4, 5, 6, 7, 8, 9].map((row) => text(row))).toEqual(
      [
        "As at",
        "Financial year starts",
        "Financial year ends",
        "Financial year",
        "In-year commitment counts from",
        "Weeks in a year (from PlanSettings)",
      ].map((value) => ({ value, bold: false })),
    );
    // Without a PlanSettings table the weeks in a year are 52, as the pane counts them.
    expect(cell(9, 1)).toEqual({ row: 9, column: 1, value: 52 });
    // Column A wide for the labels, then 13 columns of figures.
    expect(spec.columnWidths).toEqual([44, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17]);
    // The forecast's chart, then the outturn's.
    expect(spec.charts?.map((chart) => chart.title)).toEqual([
      "Forecast commitment against budget",
      "Cumulative spend and forecast against the budget",
    ]);
  });

  it("takes the budget by the year shown, in the commitment and the outturn, only with a Financial year column", () => {
    const fullYearBudget = (spec: SheetSpec) => cellOf(spec)(layout.fullYear.first, 6)?.formula;
    const outturnBudget = (spec: SheetSpec) =>
      cellOf(spec)(layout.outturn.summary.first, layout.outturn.at.column + 1)?.formula;
    for (const spec of [financeSheet(OPTIONS), financeSheet({ ...OPTIONS, budgetYears: false })]) {
      expect(fullYearBudget(spec)).not.toContain("Budgets[Financial year]");
      expect(outturnBudget(spec)).not.toContain("Budgets[Financial year]");
    }
    // The Financial year input is B8: Budgets rows for its year, and blank ones.
    const byYear = financeSheet({ ...OPTIONS, budgetYears: true });
    expect(fullYearBudget(byYear)).toContain("Budgets[Financial year],$B$8)+SUMIFS(");
    expect(outturnBudget(byYear)).toContain("Budgets[Financial year],$B$8)+SUMIFS(");
  });

  it("shows BudgetProfile's shares beside the months only with the table", () => {
    const hasShares = (spec: SheetSpec) => spec.cells.some((cell) => cell.value === "BudgetProfile share");
    expect(hasShares(financeSheet(OPTIONS))).toBe(false);
    expect(hasShares(financeSheet({ ...OPTIONS, budgetProfile: false }))).toBe(false);
    expect(hasShares(financeSheet({ ...OPTIONS, budgetProfile: true }))).toBe(true);
  });

  it("formats a row of each plan for the plans saved and 200 more, from the per-plan block's first row", () => {
    const inYear = (spec: SheetSpec, row: number) => cellOf(spec)(layout.plans.first + row, PLAN_COLUMNS.inYear);
    // No plans: the formulas' row and 199 below it (200 rows); 3 plans: 203 rows.
    expect(inYear(financeSheet(OPTIONS), 199)?.numberFormat).toBe("£#,##0.00");
    expect(inYear(financeSheet(OPTIONS), 200)).toBeUndefined();
    const three = financeSheet({ ...OPTIONS, plans: 3 });
    expect(inYear(three, 202)?.numberFormat).toBe("£#,##0.00");
    expect(inYear(three, 203)).toBeUndefined();
  });
});
