// The one narrow interface through which the pane reads and writes the workbook. Two implementations:
// officeWorkbook.ts (Excel, through Office.js) and memoryWorkbook.ts (tests and the browser preview).

/** A cell value as a table holds it. Only addTables writes formulas (text that begins with "="). */
export type CellValue = string | number | boolean | null;

/** A named table's header row and body, as calculated values. */
export interface TableData {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A table to create on a new sheet. */
export interface NewTable {
  readonly sheet: string;
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Number format per column ("£#,##0.00", "0%"…), where one helps the reader. */
  readonly formats?: Readonly<Record<string, string>>;
}

/** Changes to one table's body rows, by index into the rows readTable returned. */
export interface TableEdit {
  readonly table: string;
  readonly update?: readonly { readonly row: number; readonly values: readonly CellValue[] }[];
  readonly delete?: readonly number[];
  readonly append?: readonly (readonly CellValue[])[];
}

export interface Workbook {
  /** The sheets and named tables the workbook has, so nothing of the user's is overwritten. */
  names(): Promise<{ sheets: string[]; tables: string[] }>;
  /** A named table, or null when the workbook has none by that name. */
  readTable(name: string): Promise<TableData | null>;
  /** Creates each table on a new sheet of its own, in one batch. */
  addTables(tables: readonly NewTable[]): Promise<void>;
  /** Applies every edit in one batch: all of them or, on failure, none. Writes values, never formulas. */
  editTables(edits: readonly TableEdit[]): Promise<void>;
}

/** The same name as Excel compares sheet and table names: ignoring case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
