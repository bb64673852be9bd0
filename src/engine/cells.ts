// zod/mini: the same schemas as zod, as functions, so a bundle carries only the parts it uses.
import * as z from "zod/mini";
import { Decimal } from "./decimal";
import { EngineError, FailureKind, invalid } from "./errors";

/**
 * One spreadsheet cell as it reaches the engine. Blank cells arrive as "" or null, but Excel for Windows
 * and Mac pass a blank cell to a custom function as 0 (docs/functions.md, "Blank cells"), so a 0 where 0
 * cannot be meant is named as a possible blank in messages, and tables mark "no value" with a dash.
 */
export type Cell = string | number | boolean | null | undefined;
/** A rectangular range of cells, row by row. */
export type Grid = readonly (readonly Cell[])[];

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** A table cell that holds no value: blank, or a lone dash "-", which works alike on every Excel. */
export function isNoValue(cell: Cell): boolean {
  return isBlank(cell) || (typeof cell === "string" && cell.trim() === "-");
}

/** For a message about a refused 0: it may be a blank cell, as Excel desktop passes blanks. */
export function blankAsZero(cell: Cell): string {
  return cell === 0 ? " (a blank cell reaches the functions as 0 in Excel for Windows and Mac: fill it in)" : "";
}

/**
 * The form in which codes, care groups, categories and option names are compared: case and
 * surrounding spaces ignored, and a number equal to its text form (2 matches "2").
 */
export function matchKey(cell: Cell): string {
  if (typeof cell === "string") return cell.trim().toLowerCase();
  if (cell === null || cell === undefined) return "";
  return String(cell).toLowerCase();
}

/** A cell's text as the user typed it, for naming things in results and messages. */
export function label(cell: Cell): string {
  return typeof cell === "string" ? cell.trim() : cell === null || cell === undefined ? "" : String(cell);
}

/** How a refused cell is quoted in a message. */
export function describeCell(cell: Cell): string {
  if (isBlank(cell)) return "a blank cell";
  if (typeof cell === "string") {
    const text = cell.trim();
    return `"${text.length > 30 ? text.slice(0, 29) + "…" : text}"`;
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  return "a value that is not a number or text";
}

const NUMBER_TEXT = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;

/**
 * The exact decimal a cell holds: a number, or text that is plainly a number ("45", "£1,250.50",
 * and "10%" where a fraction is wanted). Anything else is undefined.
 */
function cellDecimal(cell: Cell, allowPercent: boolean): Decimal | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? new Decimal(cell) : undefined;
  if (typeof cell !== "string") return undefined;
  let text = cell.trim().replace(/^([+-]?)£/, "$1");
  const percent = allowPercent && text.endsWith("%");
  if (percent) text = text.slice(0, -1).trimEnd();
  if (!NUMBER_TEXT.test(text)) return undefined;
  const value = new Decimal(text.replace(/,/g, ""));
  return percent ? value.div(100) : value;
}

/** Whether a cell holds a number, or text that is plainly one. */
export function isNumeric(cell: Cell): boolean {
  return cellDecimal(cell, false) !== undefined;
}

export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);
/** A range as Excel passes it: rows of plain cell values. */
export const gridSchema = z.array(z.array(cellSchema)).check(z.minLength(1));

/**
 * Checks that a table-shaped argument really is a range of plain cells before anything reads it;
 * an error value in it (a #N/A from another formula, say) is reported with its position.
 */
export function readGrid(value: unknown, what: string): Grid {
  const parsed = gridSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.path.length === 2) {
    const [row, column] = issue.path as number[];
    throw invalid(
      `${what} has an error or a value that is not a number or text in row ${row + 1}, column ${column + 1}`,
    );
  }
  throw invalid(`${what} must be a range of cells`);
}

/** A cell that must hold a number; `expected` is the whole rule, said to the user if it is broken. */
function decimalCell(expected: string, accepts: (value: Decimal) => boolean, allowPercent = false) {
  return z.pipe(
    z.custom<Cell>(),
    z.transform((cell: Cell, context) => {
      const value = cellDecimal(cell, allowPercent);
      if (value === undefined || !accepts(value)) {
        // Stryker disable next-line StringLiteral: equivalent; only the issue's message reaches anyone.
        context.issues.push({ code: "custom", message: expected, input: cell });
        return z.NEVER;
      }
      return value;
    }),
  );
}

const atLeastZero = (value: Decimal) => value.gte(0);

export const anyNumber = decimalCell("expected a number", () => true);
export const pointsNumber = decimalCell("expected a number of points, 0 or more", atLeastZero);
export const moneyAmount = decimalCell("expected an amount in £, 0 or more", atLeastZero);
export const quantity = decimalCell("expected a quantity, 0 or more", atLeastZero);
export const nonNegativeNumber = decimalCell("expected a number, 0 or more", atLeastZero);
export const fraction = decimalCell(
  "expected a fraction from 0 to 1 (such as 0.25 or 25%)",
  (value) => value.gte(0) && value.lte(1),
  true,
);
export const fractionLimit = decimalCell("expected a fraction, 0 or more (such as 0.1 or 10%)", atLeastZero, true);
export const wholeScore = decimalCell(
  "expected a whole number from 0 to 3",
  (value) => value.isInteger() && value.gte(0) && value.lte(3),
);

/**
 * Reads one cell with a schema. `where` says which cell (row, column, what it is for); a refusal
 * becomes an EngineError that names it, the rule, and what the cell held.
 */
export function readCell<T>(
  schema: z.ZodMiniType<T>,
  cell: Cell,
  where: string | (() => string),
  kind: FailureKind = "invalid",
): T {
  const parsed = schema.safeParse(cell);
  if (parsed.success) return parsed.data;
  const place = typeof where === "string" ? where : where();
  throw new EngineError(kind, `${place}: ${parsed.error.issues[0].message}; got ${describeCell(cell)}`);
}

/** Rows of a table with their 1-based row numbers in the range, leaving out rows with nothing in them. */
export function filledRows(grid: Grid): { row: readonly Cell[]; rowNumber: number }[] {
  const rows: { row: readonly Cell[]; rowNumber: number }[] = [];
  grid.forEach((row, index) => {
    if (!row.every(isBlank)) rows.push({ row, rowNumber: index + 1 });
  });
  return rows;
}

/** 0-based indices of the columns that hold anything at all. */
export function filledColumns(grid: Grid): number[] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const columns: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent at `<=`; a column past the widest row is blank.
  for (let column = 0; column < width; column++) {
    if (grid.some((row) => !isBlank(row[column]))) columns.push(column);
  }
  return columns;
}

/** The cells of a range that must be a list: one row or one column. */
export function listCells(grid: Grid, what: string): Cell[] {
  if (grid.length === 1) return [...grid[0]];
  // Stryker disable next-line MethodExpression: equivalent at `some`; a range from Excel is rectangular.
  if (grid.every((row) => row.length === 1)) return grid.map((row) => row[0]);
  throw invalid(`${what} must be a single row or a single column; got ${grid.length} rows × ${grid[0].length} columns`);
}

/** Reads a named option (a period, method or frequency) from its accepted spellings. */
export function readChoice<T>(spellings: ReadonlyMap<string, T>, cell: Cell, what: string): T {
  const choice = spellings.get(matchKey(cell));
  if (choice !== undefined) return choice;
  const accepted = [...new Set(spellings.keys())].join(", ");
  throw invalid(`${what} must be one of: ${accepted}; got ${describeCell(cell)}${blankAsZero(cell)}`);
}
