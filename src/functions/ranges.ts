import { Cell, EngineError, invalid } from "../engine";

/** A range as Excel passes it to a matrix parameter: rows of cells (a single cell is [[value]]). */
export type Matrix = Cell[][];

/**
 * An error value from the sheet in a person's cells (a #N/A from another formula, say). It passes
 * through to that person's result unchanged, as Excel's own functions pass errors on.
 */
export class SheetError {
  constructor(readonly value: object) {}
}

/** One result cell: a value, the engine's reason that this row failed, or an error passed on from the sheet. */
export type Outcome<T> = T | EngineError | SheetError;

/** Stops a person's calculation at the first error value among their cells. */
export function passSheetErrors(cells: readonly unknown[]): void {
  for (const cell of cells) passSheetError(cell);
}

/** Whether a cell holds an error value from the sheet (Excel passes errors as objects, other cells as plain values). */
export function isSheetError(cell: unknown): cell is object {
  return typeof cell === "object" && cell !== null;
}

/** Stops a person's calculation if this cell is an error value from the sheet. */
export function passSheetError(cell: unknown): void {
  if (isSheetError(cell)) throw new SheetError(cell);
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
        `${what} is ${shape.rows}×${shape.columns} cells but ${common.what} is ${common.shape.rows}×${common.shape.columns}: ` +
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
  const results: Outcome<T>[][] = new Array(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const cells: Outcome<T>[] = new Array(shape.columns);
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
  return Array.isArray(value) ? value.map((row: unknown) => (Array.isArray(row) ? [...row] : row)) : value;
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
