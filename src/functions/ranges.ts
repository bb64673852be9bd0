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
  const error = cells.find((cell) => typeof cell === "object" && cell !== null);
  if (error) throw new SheetError(error as object);
}

export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

function shapeOf(matrix: Matrix): Shape {
  return { rows: matrix.length, columns: matrix[0]?.length ?? 0 };
}

const isSingle = (shape: Shape) => shape.rows === 1 && shape.columns === 1;

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
    if (error instanceof EngineError || error instanceof SheetError) return error;
    throw error;
  }
}

/** Computes a result for every position of a shape, each failing on its own. */
export function eachCell<T>(shape: Shape, compute: (row: number, column: number) => T): Outcome<T>[][] {
  return Array.from({ length: shape.rows }, (_, row) => Array.from({ length: shape.columns }, (_, column) => attempt(() => compute(row, column))));
}

/**
 * Remembers what a parser made of a range, keyed by the range's content, so a column of formulas
 * that each pass the same price table or scoring sheet parses it once. Failures are remembered too.
 */
export function memoByContent<T>(parse: (value: unknown) => T, capacity = 16): (value: unknown) => T {
  const cache = new Map<string, Outcome<T>>();
  return (value) => {
    const key = JSON.stringify(value);
    let parsed = cache.get(key);
    if (parsed === undefined) {
      parsed = attempt(() => parse(value));
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      cache.set(key, parsed);
    }
    if (parsed instanceof EngineError || parsed instanceof SheetError) throw parsed;
    return parsed;
  };
}
