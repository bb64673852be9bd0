// The inputs of the Finance sheet the add-in wrote, as a finance officer may have typed over them: the as-at date,
// the financial year's first day and the forecast's rates. The pane reads them, so the view and the sheet work from
// the same inputs. A sheet is the add-in's when it is called Finance or "Finance (2)" and so on and its A1 holds
// the sheet's title; of several, the one written last (the highest number) is read.
import {
  ALL_CARE_GROUPS,
  Decimal,
  describeCell,
  isBlank,
  isoFromSerial,
  label,
  matchKey,
  wholeDay,
} from "../../../engine";
import { a1, CellValue, sameName, Workbook } from "../../port";
import { FINANCE_TITLE, INPUT_LABELS } from "../finance";
import { ASSUMPTION_TITLE } from "./forecast";

/** Rows read from the top of the sheet: the inputs and the assumptions, with room for many care groups. */
const ROWS_READ = 200;

/** A rate as the sheet holds it: a fraction (0.05), with the cell it is in. */
export interface SheetRate {
  readonly value: Decimal;
  readonly cell: string;
}

export interface FinanceSheetInputs {
  /** The sheet's name: "Finance", "Finance (2)"… */
  readonly sheet: string;
  /** ISO dates with their cells ("B5"); null when the cell does not hold a date (see problems). */
  readonly asAt: { readonly iso: string; readonly cell: string } | null;
  readonly yearStart: { readonly iso: string; readonly cell: string } | null;
  /** All care groups' rates; null when a cell does not hold a number. */
  readonly all: { readonly growth: SheetRate | null; readonly inflation: SheetRate | null };
  /** A care group's own rates, where they differ from all care groups'. */
  readonly own: readonly {
    readonly careGroup: string;
    readonly growth?: SheetRate;
    readonly inflation?: SheetRate;
  }[];
  /** Inputs the sheet holds that are not a date or a rate, each saying which cell. */
  readonly problems: readonly string[];
}

/** The number a sheet's "Finance (2)" carries, 1 for "Finance"; undefined for any other name. */
function financeNumber(name: string): number | undefined {
  if (sameName(name, "Finance")) return 1;
  const match = /^finance \((\d+)\)$/i.exec(name.trim());
  return match ? Number(match[1]) : undefined;
}

/** The inputs of the add-in's latest Finance sheet, or null when the workbook has none. */
export async function readFinanceSheetInputs(workbook: Workbook): Promise<FinanceSheetInputs | null> {
  const { sheets } = await workbook.names();
  const candidates = sheets
    .map((name) => ({ name, number: financeNumber(name) }))
    .filter((candidate): candidate is { name: string; number: number } => candidate.number !== undefined)
    .sort((a, b) => b.number - a.number);
  for (const { name } of candidates) {
    const cells = await workbook.readCells(name, { row: 0, column: 0, rows: ROWS_READ, columns: 3 });
    if (cells && label(cells[0][0]) === FINANCE_TITLE) return inputsOf(name, cells);
  }
  return null;
}

/** The inputs found by their labels in column A. */
function inputsOf(sheet: string, cells: readonly (readonly CellValue[])[]): FinanceSheetInputs {
  const problems: string[] = [];
  const rowOf = (text: string, from = 0) =>
    cells.findIndex((row, at) => at >= from && matchKey(row[0]) === matchKey(text));
  const cellName = (row: number, column: number) => a1({ row, column });
  const date = (name: string) => {
    const row = rowOf(name);
    // Stryker disable next-line EqualityOperator: equivalent at `<= 0`; row 0 holds the sheet's title, never a label.
    if (row < 0) return null;
    const value = cells[row][1];
    const day = typeof value === "number" ? wholeDay(value) : undefined;
    if (day !== undefined) return { iso: isoFromSerial(day), cell: cellName(row, 1) };
    problems.push(`The ${sheet} sheet's ${name} (${cellName(row, 1)}) holds ${describeCell(value)}, not a date.`);
    return null;
  };
  const rate = (row: number, column: number, what: string): SheetRate | null => {
    const value = cells[row][column];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; Number.isFinite is false for
    // anything but a number, so the type test can go or become "or" (a text rate is still refused, tested).
    if (typeof value === "number" && Number.isFinite(value)) {
      return { value: new Decimal(value).toDecimalPlaces(10), cell: cellName(row, column) };
    }
    problems.push(`The ${sheet} sheet's ${what} (${cellName(row, column)}) holds ${describeCell(value)}, not a rate.`);
    return null;
  };
  const asAt = date(INPUT_LABELS.asAt);
  const yearStart = date(INPUT_LABELS.yearStart);
  const title = rowOf(ASSUMPTION_TITLE);
  // Stryker disable next-line EqualityOperator: equivalent at `<= 0` (row 0 holds the sheet's title), as below.
  const allRow = title < 0 ? -1 : rowOf(ALL_CARE_GROUPS, title + 1);
  // Stryker disable next-line EqualityOperator: equivalent at `<= 0`; the row is below the assumptions' title.
  if (allRow < 0) return { sheet, asAt, yearStart, all: { growth: null, inflation: null }, own: [], problems };
  const all = {
    growth: rate(allRow, 1, `${ALL_CARE_GROUPS}' growth in people`),
    inflation: rate(allRow, 2, `${ALL_CARE_GROUPS}' price inflation`),
  };
  const own: FinanceSheetInputs["own"][number][] = [];
  for (let row = allRow + 1; row < cells.length && !isBlank(cells[row][1]); row++) {
    const careGroup = label(cells[row][0]);
    const growth = rate(row, 1, `${careGroup} growth in people`);
    const inflation = rate(row, 2, `${careGroup} price inflation`);
    const differs = (mine: SheetRate | null, theirs: SheetRate | null) =>
      mine !== null && (theirs === null || !mine.value.equals(theirs.value)) ? mine : undefined;
    const entry = { careGroup, growth: differs(growth, all.growth), inflation: differs(inflation, all.inflation) };
    if (entry.growth || entry.inflation) own.push(entry);
  }
  return { sheet, asAt, yearStart, all, own, problems };
}
