import { CellValue, NewTable, TableData, TableEdit, Workbook } from "./workbook";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel writes "" for a blank; a value read back as "" is a blank, as the engine expects. */
const toExcel = (value: CellValue): string | number | boolean => value ?? "";

const isFormula = (value: CellValue): boolean => typeof value === "string" && value.startsWith("=");

/**
 * A value written as a value: text Excel would take for a formula (=, +, -, @ first) gets the quote
 * prefix, so a service typed as "=HYPERLINK(…)" stays text.
 */
const asValue = (value: CellValue): string | number | boolean =>
  typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : toExcel(value);

/**
 * The workbook interface over Office.js. Each method is one Excel.run. Excel has no transactions, so
 * editTables checks every table, row and width in a first sync and only then queues all the writes
 * for a single second sync.
 */
export class OfficeWorkbook implements Workbook {
  constructor(private readonly run: Run = (batch) => Excel.run(batch)) {}

  names(): Promise<{ sheets: string[]; tables: string[] }> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      return { sheets: sheets.items.map((sheet) => sheet.name), tables: tables.items.map((table) => table.name) };
    });
  }

  readTable(name: string): Promise<TableData | null> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      await context.sync();
      if (table.isNullObject) return null;
      const header = table.getHeaderRowRange().load("values");
      const rows = table.rows.load("count");
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      return {
        name: table.name,
        headers: header.values[0].map(String),
        // A table with no rows still shows one empty body row; it is not data.
        rows: rows.count === 0 ? [] : (body.values as CellValue[][]),
      };
    });
  }

  addTables(tables: readonly NewTable[]): Promise<void> {
    return this.run(async (context) => {
      for (const spec of tables) {
        const sheet = context.workbook.worksheets.add(spec.sheet);
        const range = sheet.getRangeByIndexes(0, 0, spec.rows.length + 1, spec.headers.length);
        // Values first: structured references only parse once the table (and its name) exists.
        range.values = [
          spec.headers.map(asValue),
          ...spec.rows.map((row) => row.map((cell) => (isFormula(cell) ? "" : asValue(cell)))),
        ];
        const table = sheet.tables.add(range, true);
        table.name = spec.name;
        if (spec.rows.some((row) => row.some(isFormula))) {
          table.getDataBodyRange().formulas = spec.rows.map((row) =>
            row.map((cell) => (isFormula(cell) ? toExcel(cell) : asValue(cell))),
          );
        }
        const bodyRows = Math.max(spec.rows.length, 1);
        Object.entries(spec.formats ?? {}).forEach(([header, format]) => {
          table.columns.getItem(header).getDataBodyRange().numberFormat = Array.from({ length: bodyRows }, () => [
            format,
          ]);
        });
        table.getRange().format.autofitColumns();
      }
      await context.sync();
    });
  }

  editTables(edits: readonly TableEdit[]): Promise<void> {
    return this.run(async (context) => {
      const checks = edits.map((edit) => {
        const table = context.workbook.tables.getItemOrNullObject(edit.table);
        const rows = table.rows.load("count");
        const columns = table.columns.load("count");
        return { edit, table, rows, columns };
      });
      await context.sync();
      for (const { edit, table, rows, columns } of checks) {
        if (table.isNullObject) throw new Error(`The workbook has no table called ${edit.table}`);
        const rowIndices = [...(edit.update ?? []).map((update) => update.row), ...(edit.delete ?? [])];
        const outside = rowIndices.find((row) => !Number.isInteger(row) || row < 0 || row >= rows.count);
        if (outside !== undefined) throw new Error(`Table ${edit.table} has no row ${outside + 1}`);
        const values = [...(edit.update ?? []).map((update) => update.values), ...(edit.append ?? [])];
        if (values.some((row) => row.length !== columns.count))
          throw new Error(`Table ${edit.table}: a row does not fit its ${columns.count} columns`);
      }
      for (const { edit, table } of checks) {
        const body = table.getDataBodyRange();
        edit.update?.forEach(({ row, values }) => (body.getRow(row).values = [values.map(asValue)]));
        // Highest first, so each index still points at the row it meant.
        [...new Set(edit.delete)].sort((a, b) => b - a).forEach((row) => table.rows.getItemAt(row).delete());
        if (edit.append && edit.append.length > 0)
          table.rows.add(
            undefined,
            edit.append.map((row) => row.map(asValue)),
          );
      }
      await context.sync();
    });
  }
}
