// The finance fixture's workbook with a ledger of payments in 2026/27 to the as-at date (1 October 2026), for the
// outturn tests; and the workbook in HyperFormula, whose lack of structured and spill references is made up for by
// turning them into the A1 ranges Excel resolves them to now.
import { HyperFormula, RawCellContent } from "hyperformula";
import { Decimal, PaymentKind } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { CellValue, Workbook } from "../../src/workbook/port";
import { OutturnLayout } from "../../src/workbook/reports/outturn";
import { fieldsOf, tableEdit } from "../../src/workbook/schema/rows";
import { PAYMENTS, PLANS } from "../../src/workbook/schema/tables";
import { structuredToA1, TableShape } from "./structuredReferences";

export type FixturePayment = [date: string, personId: string, planId: string, amount: string, kind: PaymentKind];

const months = ["04-28", "05-26", "06-23", "07-21", "08-18", "09-15"];
/** Payments of the finance fixture's plans (test/support/financeWorkbook.ts), with the figures they give by hand. */
export const FIXTURE_PAYMENTS: readonly FixturePayment[] = [
  ["2026-03-31", "P001", "PLAN-0001", "593.02", "Direct payment"], // 2025/26: not counted
  // PLAN-0001 (Older people): a twelfth of £7,116.20 a month, 593.02 × 6 = 3,558.12 …
  ...months.map((day): FixturePayment => [`2026-${day}`, "P001", "PLAN-0001", "593.02", "Direct payment"]),
  // … and its home care invoiced four-weekly, naming no plan (P001's Agreed plan): 284.22 × 6 = 1,705.32
  ...["04-29", "05-27", "06-24", "07-22", "08-19", "09-16"].map((day): FixturePayment => [
    `2026-${day}`,
    "P001",
    "",
    "284.22",
    "Council-managed invoice",
  ]),
  // PLAN-0003 (Mental health, ended 30 September): 423.58 × 6 = 2,541.48
  ...months.map((day): FixturePayment => [`2026-${day}`, "P008", "PLAN-0003", "423.58", "Direct payment"]),
  // PLAN-0004 (Mental health, from 1 July): ISF 307.16 × 3 = 921.48; taxis 173.33 × 3 = 519.99; a refund of 50
  ...["07-29", "08-26", "09-23"].map((day): FixturePayment => [
    `2026-${day}`,
    "P009",
    "PLAN-0004",
    "307.16",
    "Individual Service Fund",
  ]),
  ...["07-01", "08-01", "09-01"].map((day): FixturePayment => [
    `2026-${day}`,
    "P009",
    "PLAN-0004",
    "173.33",
    "Direct payment",
  ]),
  ["2026-09-10", "P009", "", "-50.00", "Refund"],
  // PLAN-0007 (Learning disability): 1,694.33 × 7 = 11,860.31, the last on the as-at date itself
  ...[...months, "10-01"].map((day): FixturePayment => [
    `2026-${day}`,
    "P013",
    "PLAN-0007",
    "1694.33",
    "Direct payment",
  ]),
  // Matched to no Agreed plan: a Draft plan's invoice (200) and a one-off for someone with no plan (120)
  ["2026-09-20", "P006", "PLAN-0005", "200.00", "Council-managed invoice"],
  ["2026-08-05", "P011", "", "120.00", "One-off"],
  ["2026-10-02", "P001", "PLAN-0001", "593.02", "Direct payment"], // after the as-at date: not spend to date
];

/** Appends payments to the Payments table, as an import writes them. */
export async function addPayments(workbook: Workbook, payments: readonly FixturePayment[]): Promise<void> {
  const table = await workbook.readTable(PAYMENTS.name);
  const rows = payments.map(([date, personId, planId, amount, kind], at) => ({
    date,
    personId,
    planId,
    amount: new Decimal(amount),
    kind,
    reference: `REF-${table!.rows.length + at + 1}`,
  }));
  await workbook.editTables([tableEdit(PAYMENTS, table!, fieldsOf(PAYMENTS), { append: rows })]);
}

/**
 * The workbook's tables, each on its sheet from A1, and its other sheets, in HyperFormula (array arithmetic on, as
 * Excel's formulas spill). Structured references become A1 ranges; a spill reference at the outturn block's foot
 * becomes the rows it spills: one per row of Plans, or of Payments.
 */
export function outturnInHyperFormula(workbook: MemoryWorkbook, layout: OutturnLayout): HyperFormula {
  const tables = workbook.allTables();
  const shapes = new Map<string, TableShape>(
    tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
  );
  const rowsOf = (name: string) => Math.max(1, tables.find((table) => table.name === name)!.rows.length);
  const columnIndex = (letters: string) =>
    [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const spills = (formula: string) =>
    formula.replace(/\$([A-Z]+)\$(\d+)#/g, (reference, letters: string, digits: string) => {
      if (Number(digits) - 1 !== layout.foot.first) throw new Error(`Unexpected spill reference ${reference}`);
      const rows = columnIndex(letters) < layout.foot.paymentsColumn ? rowsOf(PLANS.name) : rowsOf(PAYMENTS.name);
      return `$${letters}$${digits}:$${letters}$${Number(digits) + rows - 1}`;
    });
  const translated = (cell: CellValue, at?: { table: string; row: number }) =>
    typeof cell === "string" && cell.startsWith("=") ? structuredToA1(spills(cell), shapes, at) : cell;
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const table of tables) {
    sheets[table.sheet] = [
      [...table.headers],
      ...table.rows.map((row, index) => row.map((cell) => translated(cell, { table: table.name, row: index + 2 }))),
    ];
  }
  for (const sheet of workbook.allSheets().filter((candidate) => !(candidate.name in sheets))) {
    const grid: RawCellContent[][] = [];
    for (const cell of sheet.cells)
      (grid[cell.row] ??= [])[cell.column] = translated(cell.formula ?? cell.value ?? null);
    sheets[sheet.name] = Array.from(grid, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}
