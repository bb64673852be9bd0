import {
  a1,
  a1Range,
  CellValue,
  ColumnWrite,
  NewTable,
  RowRef,
  sameName,
  SheetSpec,
  TableData,
  TableEdit,
  Workbook,
  WorkbookNames,
  WorkbookRefusal,
} from "../port";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel writes "" for a blank; a value read back as "" is a blank, as the engine expects. */
const toExcel = (value: CellValue): string | number | boolean => value ?? "";

// Excel's enums as their string values: this module is also loaded where the Excel global is absent (tests).
const CHART_TYPES = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  xyScatterLines: "XYScatterLines",
} as const;

/**
 * Writes a table's header and body at a range's top-left: values first (structured references only parse once
 * the table and its name exist), then the table, then each formula column filled explicitly in every row,
 * whatever the user's "Fill formulas in tables" setting.
 */
function writeTable(sheet: Excel.Worksheet, spec: NewTable): void {
  const at = spec.at ?? { row: 0, column: 0 };
  const rows = spec.rows.length;
  const range = sheet.getRangeByIndexes(at.row, at.column, rows + 1, spec.columns.length);
  spec.columns.forEach((column, index) => {
    if (rows > 0) {
      sheet.getRangeByIndexes(at.row + 1, at.column + index, rows, 1).numberFormat = spec.rows.map(() => [
        column.numberFormat,
      ]);
    }
  });
  range.values = [
    spec.columns.map((column) => column.header),
    ...spec.rows.map((row) => row.map((cell, index) => (spec.columns[index].formula ? "" : toExcel(cell)))),
  ];
  const table = sheet.tables.add(range, true);
  table.name = spec.name;
  spec.columns.forEach((column, index) => {
    if (column.formula && rows > 0) {
      sheet.getRangeByIndexes(at.row + 1, at.column + index, rows, 1).formulas = spec.rows.map(() => [column.formula!]);
    }
  });
}

/**
 * The workbook interface over Office.js. Each method is one Excel.run. Excel has no transactions: editTables
 * loads and checks every precondition in a first sync and only then queues the writes, in the caller's
 * order, for a single second sync.
 */
export class OfficeWorkbook implements Workbook {
  constructor(private readonly run: Run = (batch) => Excel.run(batch)) {}

  names(): Promise<WorkbookNames> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      const definedNames = context.workbook.names.load("items/name");
      await context.sync();
      return {
        sheets: sheets.items.map((sheet) => sheet.name),
        tables: tables.items.map((table) => table.name),
        definedNames: definedNames.items.map((name) => name.name),
      };
    });
  }

  readTable(name: string): Promise<TableData | null> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      await context.sync();
      if (table.isNullObject) return null;
      const sheet = table.worksheet.load("name");
      const header = table.getHeaderRowRange().load("values");
      const rows = table.rows.load("count");
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      return {
        name: table.name,
        sheet: sheet.name,
        headers: header.values[0].map(String),
        // A table with no rows still shows one empty body row; it is not data.
        rows: rows.count === 0 ? [] : (body.values as CellValue[][]),
      };
    });
  }

  addTables(tables: readonly NewTable[]): Promise<void> {
    return this.run(async (context) => {
      for (const spec of tables) writeTable(context.workbook.worksheets.add(spec.sheet), spec);
      await context.sync();
    });
  }

  addSheet(spec: SheetSpec): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.add(spec.name);
      for (const cell of spec.cells) {
        const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
        if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
        if (cell.formula) range.formulas = [[cell.formula]];
        else range.values = [[toExcel(cell.value ?? null)]];
        if (cell.bold) range.format.font.bold = true;
      }
      spec.tables?.forEach((table) => writeTable(sheet, table));
      spec.columnWidths?.forEach((width, column) => {
        // Excel measures column width in points; a character of the default font is about 7 points.
        sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width * 7;
      });
      for (const chartSpec of spec.charts ?? []) {
        const chart = sheet.charts.add(
          CHART_TYPES[chartSpec.type],
          sheet.getRange(a1Range(chartSpec.source)),
          "Columns",
        );
        chart.name = chartSpec.name;
        chart.title.text = chartSpec.title;
        const end = {
          row: chartSpec.at.row + chartSpec.at.rows - 1,
          column: chartSpec.at.column + chartSpec.at.columns - 1,
        };
        chart.setPosition(a1(chartSpec.at), a1(end));
        if (chartSpec.xAxisTitle) chart.axes.categoryAxis.title.text = chartSpec.xAxisTitle;
        if (chartSpec.yAxisTitle) chart.axes.valueAxis.title.text = chartSpec.yAxisTitle;
      }
      await context.sync();
    });
  }

  editTables(edits: readonly TableEdit[]): Promise<void> {
    return this.run(async (context) => {
      const checks = edits.map((edit) => {
        const table = context.workbook.tables.getItemOrNullObject(edit.table);
        const header = table.columns.load("items/name");
        const rows = table.rows.load("count");
        const keyHeaders = [...new Set([...(edit.update ?? []), ...(edit.delete ?? [])].map((ref) => ref.key.header))];
        const keys = new Map(
          keyHeaders.map((key) => [
            key.toLowerCase(),
            table.columns.getItemOrNullObject(key).getDataBodyRange().load("values"),
          ]),
        );
        return { edit, table, header, rows, keys };
      });
      await context.sync();
      for (const { edit, table, rows, keys } of checks) {
        if (table.isNullObject)
          throw new WorkbookRefusal(`The workbook has no table called ${edit.table}; nothing was written.`);
        const stale = (ref: RowRef) => {
          const column = keys.get(ref.key.header.toLowerCase());
          const cell: unknown = ref.row < rows.count ? column?.values[ref.row]?.[0] : undefined;
          return !(typeof cell === "string" && sameName(cell.trim(), ref.key.value.trim()));
        };
        const changed = [...(edit.update ?? []), ...(edit.delete ?? [])].find(stale);
        if (changed) {
          throw new WorkbookRefusal(
            `The ${edit.table} table changed since it was read (row ${changed.row + 1} no longer holds ` +
              `${changed.key.value}); nothing was written. Refresh and try again.`,
          );
        }
        const width = edit.columns.length;
        if (
          [...(edit.update ?? []).map((update) => update.values), ...(edit.append ?? [])].some(
            (v) => v.length !== width,
          )
        ) {
          throw new WorkbookRefusal(
            `Table ${edit.table}: a row does not fit its ${width} columns; nothing was written.`,
          );
        }
      }
      for (const { edit, table, header, rows } of checks) {
        const headers = header.items.map((column) => column.name);
        const positions = edit.columns.map((column) => {
          const found = headers.findIndex((existing: string) => sameName(existing, column.header));
          if (found >= 0) return found;
          table.columns.add(undefined, undefined, column.header);
          headers.push(column.header);
          return headers.length - 1;
        });
        const body = table.getDataBodyRange();
        const write = (row: number, values: readonly CellValue[]) =>
          edit.columns.forEach((column, at) => writeCell(body.getCell(row, positions[at]), column, values[at]));
        edit.update?.forEach((update) => write(update.row, update.values));
        // Highest first, so each index still points at the row it meant.
        [...new Set(edit.delete?.map((ref) => ref.row))]
          .sort((a, b) => b - a)
          .forEach((row) => table.rows.getItemAt(row).delete());
        const remaining = rows.count - new Set(edit.delete?.map((ref) => ref.row)).size;
        edit.append?.forEach((values, index) => {
          // An empty row first, so the user's calculated columns fill it as Excel fills a typed row.
          table.rows.add(undefined, undefined);
          write(remaining + index, values);
        });
      }
      await context.sync();
    });
  }
}

/** One cell of a declared column: its number format before its value, so text stays text. */
function writeCell(cell: Excel.Range, column: ColumnWrite, value: CellValue): void {
  cell.numberFormat = [[column.numberFormat]];
  if (column.formula) cell.formulas = [[column.formula]];
  else cell.values = [[toExcel(value)]];
}
