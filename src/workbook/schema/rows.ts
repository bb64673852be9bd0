// Reading and writing the rows of a declared table. Columns are found by header text (ignoring case), so a
// user may reorder them or add their own; only the declared columns are ever written.
import { Cell, EngineError, matchKey } from "../../engine";
import { CellValue, CellWrite, ColumnWrite, RowRef, TableData, TableEdit } from "../port";
import { Column, columnWrite } from "./columns";
import { TableSpec } from "./tables";

/** Something in the workbook stops the pane working; the message says what and where. */
export class WorkbookProblem extends Error {
  override readonly name = "WorkbookProblem";
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a spec of any row type
type AnySpec = TableSpec<any>;
type Fields<S extends AnySpec> = keyof S["columns"] & string;

type ValueOf<S extends AnySpec, K extends Fields<S>> = S["columns"][K] extends Column<infer T> ? T : never;
/** Fields a row may leave out: columns added later (schema `later`), whose values may be undefined. */
type Optional<S extends AnySpec> = {
  [K in Fields<S>]: undefined extends ValueOf<S, K> ? K : never;
}[Fields<S>];

/** The typed row a table spec declares; a column added later may be left out. */
export type RowOf<S extends AnySpec> = {
  -readonly [K in Exclude<Fields<S>, Optional<S>>]: ValueOf<S, K>;
} & {
  -readonly [K in Optional<S>]?: ValueOf<S, K>;
};

/** Some fields of a table's typed row. */
export type PickRow<S extends AnySpec, K extends Fields<S>> = Pick<RowOf<S>, K & keyof RowOf<S>>;
/** A typed row's cell under a field, whatever the row's type. */
const fieldOf = (value: object, field: string): unknown => (value as Record<string, unknown>)[field];

const columnOf = <S extends AnySpec>(spec: S, field: Fields<S>) => spec.columns[field] as Column<unknown>;
/** Every field of a declared table, in column order. */
export const fieldsOf = <S extends AnySpec>(spec: S) => Object.keys(spec.columns) as Fields<S>[];

/** Where each column of a table is, by header. */
export function headerIndex(data: TableData): ReadonlyMap<string, number> {
  return new Map(data.headers.map((header, column) => [matchKey(header), column]));
}

/** Fails, naming every missing column at once, unless the table has each column the fields need. */
export function requireColumns<S extends AnySpec>(
  spec: S,
  data: TableData,
  fields: readonly Fields<S>[] = fieldsOf(spec),
) {
  const index = headerIndex(data);
  const missing = fields
    .map((field) => columnOf(spec, field))
    .filter((column) => !column.addedLater && !index.has(matchKey(column.header)))
    .map((column) => `"${column.header}"`);
  if (missing.length > 0) {
    const plural = missing.length > 1 ? "s" : "";
    throw new WorkbookProblem(`The ${data.name} table is missing the column${plural} ${missing.join(", ")}.`);
  }
}

/** A body row read into typed values, with its index in the table (for updating it in place). */
export interface ReadRow<R> {
  readonly index: number;
  readonly value: R;
}

/** A row that could not be read: its index in the table and what is wrong, naming the column. */
export interface RowProblem {
  readonly index: number;
  readonly message: string;
}

/**
 * Reads the given fields of every row that has anything in them. A row with a cell that cannot be read is
 * left out, and `problems` says which row, which column and what was expected.
 */
export function readRows<S extends AnySpec, K extends Fields<S> = Fields<S>>(
  spec: S,
  data: TableData,
  fields: readonly K[] = fieldsOf(spec) as K[],
): { rows: ReadRow<PickRow<S, K>>[]; problems: RowProblem[] } {
  requireColumns(spec, data, fields);
  const index = headerIndex(data);
  const positions = fields.map((field) => index.get(matchKey(columnOf(spec, field).header)));
  const rows: ReadRow<PickRow<S, K>>[] = [];
  const problems: RowProblem[] = [];
  data.rows.forEach((row, rowIndex) => {
    const cells: Cell[] = positions.map((position) => (position === undefined ? null : row[position]));
    if (cells.every((cell) => cell === null || cell === "")) return;
    try {
      const value = Object.fromEntries(fields.map((field, at) => [field, columnOf(spec, field).read(cells[at])]));
      rows.push({ index: rowIndex, value: value as PickRow<S, K> });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push({ index: rowIndex, message: error.message });
    }
  });
  return { rows, problems };
}

/** The columns a write of these fields covers. */
export function columnWrites<S extends AnySpec>(spec: S, fields: readonly Fields<S>[] = fieldsOf(spec)): ColumnWrite[] {
  return fields.map((field) => columnWrite(columnOf(spec, field)));
}

/** A typed row as the cells of the given fields; a field left out (a column added later) is a blank cell. */
export function cellsOf<S extends AnySpec, K extends Fields<S>>(
  spec: S,
  value: PickRow<S, K>,
  fields: readonly K[],
): CellValue[] {
  return fields.map((field) => columnOf(spec, field).write(fieldOf(value, field)) ?? null);
}

/** An edit of a declared table that writes only the given fields of the rows it updates and appends. */
export function tableEdit<S extends AnySpec, K extends Fields<S>>(
  spec: S,
  data: TableData,
  fields: readonly K[],
  changes: {
    readonly update?: readonly (RowRef & { readonly value: PickRow<S, K> })[];
    /** Rows of which only some fields change: a field left out of `value` is left as it is. */
    readonly amend?: readonly (RowRef & { readonly value: Partial<PickRow<S, K>> })[];
    readonly delete?: readonly RowRef[];
    readonly append?: readonly PickRow<S, K>[];
  },
): TableEdit {
  const amended = (value: Partial<PickRow<S, K>>): CellWrite[] =>
    fields.map((field) => (field in value ? columnOf(spec, field).write(fieldOf(value, field)) : undefined));
  return {
    table: data.name,
    columns: columnWrites(spec, fields),
    // An updated row is amended in every field: one not given (a column added later) is left as it is.
    update: [...(changes.update ?? []), ...(changes.amend ?? [])].map(({ value, ...ref }) => ({
      ...ref,
      values: amended(value),
    })),
    delete: changes.delete,
    append: changes.append?.map((value) => cellsOf(spec, value, fields)),
  };
}
