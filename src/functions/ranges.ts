import { Cell, EngineError, invalid } from "../engine";

/** A range as Excel passes it to a matrix parameter: rows of cells (a single cell is [[value]]). */
export type Matrix = Cell[][];

// What Excel passes in a cell of an `any` argument, besides numbers, text, booleans and blanks:
// - an error value (#N/A, #REF!…), because functions.json sets allowErrorForDataTypeAny: a
//   CustomFunctions.Error whose code is the error, or, with data types on, an error cell value
//   { type: "Error", basicValue: "#N/A" } (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors,
//   custom-functions-json#allowerrorfordatatypeany, custom-functions-data-types-concepts);
// - a rich value (a linked data type, entity, image, formatted number…), because functions.json sets
//   allowCustomDataForDataTypeAny: an object with a `type` (custom-functions-data-types-concepts). The
//   functions take plain values only, so a rich value is refused by name, never handed back as a result.

/**
 * An error value from the sheet in a person's cells (a #N/A from another formula, say). It passes
 * through to that person's result, as Excel's own functions pass errors on.
 */
export class SheetError extends Error {
  constructor(
    /** The error as Excel shows it: "#N/A", "#REF!"… */
    readonly code: string,
    /** Where it was, for the message when Excel cannot give this error back from a custom function. */
    readonly where: string,
    /** The message Excel gave with it, if any. */
    readonly detail?: string,
  ) {
    super(`${where} holds the error ${code}`);
    this.name = "SheetError";
  }
}

/** One result cell: a value, the engine's reason that this row failed, or an error passed on from the sheet. */
export type Outcome<T> = T | EngineError | SheetError;

type ExcelObject = { code?: unknown; type?: unknown; basicValue?: unknown; message?: unknown };

/** The error code of an error value as Excel passes it, or undefined for any other object. */
function errorCode(value: ExcelObject): string | undefined {
  if (typeof value.code === "string" && value.code.startsWith("#")) return value.code;
  if (value.type === "Error") return typeof value.basicValue === "string" ? value.basicValue : "#VALUE!";
  return undefined;
}

/** How a rich value is named in a message. */
function richValue(value: ExcelObject): string {
  const type = typeof value.type === "string" ? ` (an Excel data type: ${value.type})` : "";
  return `a rich value${type}, such as a linked data type, entity or image`;
}

/** Names a person's cell in a message: "Points", or "Points (row 3)" in a spilled call. */
function placed(what: string, row: number): string {
  return row < 0 ? what : `${what} (row ${row + 1})`;
}

/**
 * A cell of a person's own values (points, care group, answers…) as the engine reads it: an error value
 * stops that person's calculation and passes through; a rich value is refused with a message naming the
 * cell, and `row` (0-based) when the call spills over several rows. Plain cells cost one type check.
 */
export function personCell(cell: unknown, what: string, row = -1): Cell {
  if (typeof cell !== "object" || cell === null) return cell as Cell;
  const value = cell as ExcelObject;
  if (value.type === "Empty") return null;
  const name = placed(what, row);
  const code = errorCode(value);
  if (code !== undefined) {
    throw new SheetError(code, name, typeof value.message === "string" ? value.message : undefined);
  }
  throw invalid(`${name}: ${richValue(value)}; rich values are not supported here, give the plain value`);
}

/** A person's row of cells (answers, scores), each checked as personCell does; `what` names cell i. */
export function personCells(cells: readonly unknown[], what: (index: number) => string, row = -1): Cell[] {
  let plain = cells as Cell[];
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (typeof cell !== "object" || cell === null) continue;
    if (plain === cells) plain = [...(cells as Cell[])];
    plain[index] = personCell(cell, what(index), row);
  }
  return plain;
}

/**
 * An option argument given once for the whole call (period, method). Excel desktop passes a blank cell
 * as 0, which is never an option, so 0 counts as blank, like an omitted argument.
 */
export function optionCell(cell: unknown, what: string): Cell {
  const plain = personCell(cell, what);
  return plain === 0 ? null : plain;
}

/**
 * A table-shaped argument (price table, scoring sheet, plan lines, limits) with only plain cells: an
 * error value or a rich value in it is refused with its row and column, since the table's meaning
 * depends on every cell. Anything that is not a range is left to the engine's own check.
 */
export function plainTable(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  let table = value as unknown[];
  value.forEach((row: unknown, rowIndex) => {
    if (!Array.isArray(row)) return;
    row.forEach((cell: unknown, columnIndex) => {
      if (typeof cell !== "object" || cell === null) return;
      const object = cell as ExcelObject;
      const place = `row ${rowIndex + 1}, column ${columnIndex + 1}`;
      const code = errorCode(object);
      if (code !== undefined) {
        throw invalid(`${what}, ${place}: the error ${code}; correct that cell, or the formula it comes from`);
      }
      if (object.type !== "Empty") {
        throw invalid(`${what}, ${place}: ${richValue(object)}; rich values are not supported here`);
      }
      // An empty cell value is a blank: read it as one, in a copy, leaving the caller's range as it was.
      if (table === value) table = copyOf(value) as unknown[];
      (table[rowIndex] as unknown[])[columnIndex] = null;
    });
  });
  return table;
}

export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

function shapeOf(matrix: Matrix): Shape {
  return { rows: matrix.length, columns: matrix[0]?.length ?? 0 };
}

const isSingle = (shape: Shape) => shape.rows === 1 && shape.columns === 1;

/** Whether a range is a single cell. */
export const isOneCell = (matrix: Matrix) => matrix.length === 1 && matrix[0].length === 1;

/**
 * The shape of the results when several per-person arguments are given: each is one value for
 * everyone or a range, and every range must have the same shape.
 */
export function commonShape(args: readonly { readonly matrix: Matrix | null; readonly what: string }[]): Shape {
  let common: { shape: Shape; what: string } | null = null;
  for (const { matrix, what } of args) {
    if (matrix === null) continue;
    const shape = shapeOf(matrix);
    if (shape.rows === 0 || shape.columns === 0) throw invalid(`${what} is an empty range`);
    if (isSingle(shape)) continue;
    if (common && (common.shape.rows !== shape.rows || common.shape.columns !== shape.columns)) {
      throw invalid(
        `${what} is ${shape.rows}×${shape.columns} cells but ` +
          `${common.what} is ${common.shape.rows}×${common.shape.columns}: ` +
          "give one value for everyone or one per person",
      );
    }
    common ??= { shape, what };
  }
  return common?.shape ?? { rows: 1, columns: 1 };
}

/** Reads a per-person argument at a result position: its own cell, or its single value for everyone. */
export function cellAt(matrix: Matrix | null, row: number, column: number): Cell {
  if (matrix === null) return null;
  return matrix.length === 1 && matrix[0].length === 1 ? matrix[0][0] : matrix[row][column];
}

/**
 * People in a range where each row is one person: a single column (of more than one cell) is one
 * person unless `singleColumnIsOnePerson` is false.
 */
export function peopleOf(matrix: Matrix, singleColumnIsOnePerson: boolean): Cell[][] {
  if (singleColumnIsOnePerson && matrix.length > 1 && matrix.every((row) => row.length === 1)) {
    return [matrix.map((row) => row[0])];
  }
  return matrix;
}

/** Runs one row's calculation, keeping a domain failure as that row's result so the other rows still compute. */
export function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return compute();
  } catch (error) {
    return failureOf(error);
  }
}

function failureOf(error: unknown): EngineError | SheetError {
  if (error instanceof EngineError || error instanceof SheetError) return error;
  throw error;
}

/** Computes a result for every position of a shape, each failing on its own. Plain loops: this runs per row. */
export function eachCell<T>(shape: Shape, compute: (row: number, column: number) => T): Outcome<T>[][] {
  const results = new Array<Outcome<T>[]>(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const cells = new Array<Outcome<T>>(shape.columns);
    for (let column = 0; column < shape.columns; column++) {
      try {
        cells[column] = compute(row, column);
      } catch (error) {
        cells[column] = failureOf(error);
      }
    }
    results[row] = cells;
  }
  return results;
}

/** Whether two ranges hold the same cells: the same object, or the same values in the same shape. */
function sameCells(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let row = 0; row < a.length; row++) {
    const left: unknown = a[row];
    const right: unknown = b[row];
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    for (let column = 0; column < left.length; column++) if (left[column] !== right[column]) return false;
  }
  return true;
}

/** A copy of a range, so a caller changing its arrays later cannot change what was remembered. */
function copyOf(value: unknown): unknown {
  return Array.isArray(value)
    ? value.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : row))
    : value;
}

/**
 * Remembers what a parser made of a range, keyed by the range's content, so a column of formulas
 * that each pass their own copy of the same price table or scoring sheet parses it once. Comparing
 * cells is far cheaper than parsing (or serialising) them. Failures are remembered too.
 */
export function memoByContent<T>(parse: (value: unknown) => T, capacity = 16): (value: unknown) => T {
  const remembered: { value: unknown; parsed: Outcome<T> }[] = [];
  return (value) => {
    let found = -1;
    for (let entry = 0; entry < remembered.length && found < 0; entry++)
      if (sameCells(remembered[entry].value, value)) found = entry;
    if (found < 0) {
      remembered.unshift({ value: copyOf(value), parsed: attempt(() => parse(value)) });
      if (remembered.length > capacity) remembered.pop();
      found = 0;
    }
    const { parsed } = remembered[found];
    if (parsed instanceof EngineError || parsed instanceof SheetError) throw parsed;
    return parsed;
  };
}
