// Finding the add-in's tables in a workbook and the rows of one plan in them, quickly: a plan's rows are
// found by scanning one column, never by reading and checking every row of a large table.
import { Cell, EngineError, matchKey } from "../../engine";
import { TableData, Workbook } from "../port";
import { headerIndex, WorkbookProblem } from "../schema/rows";

/** A table the pane needs, or a message saying how to add it. */
export async function requireTable(workbook: Workbook, name: string): Promise<TableData> {
  const table = await workbook.readTable(name);
  if (!table) {
    throw new WorkbookProblem(`The workbook has no ${name} table. Use "Set up workbook" to add the missing tables.`);
  }
  return table;
}

/** Runs an engine parse, naming the table in its message. */
export function inTable<T>(table: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof EngineError) throw new WorkbookProblem(`${table} table: ${error.message}`);
    throw error;
  }
}

/** A table as the grid the engine parses: its header row, then its body. */
export const asGrid = (table: TableData): Cell[][] => [table.headers as Cell[], ...(table.rows as Cell[][])];

/** Indices of the rows whose cell under `header` matches `value` (ignoring case and spaces). */
export function rowsWhere(table: TableData, header: string, value: string): number[] {
  const column = headerIndex(table).get(matchKey(header));
  if (column === undefined) return [];
  const wanted = matchKey(value);
  const found: number[] = [];
  table.rows.forEach((row, index) => {
    if (matchKey(row[column]) === wanted) found.push(index);
  });
  return found;
}
