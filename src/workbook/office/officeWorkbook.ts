// The workbook port over Office.js. Excel has no transactions: a sync runs its queued commands in order and
// documents no rollback, so what ran before a failing command stays done. So every method reads and checks all that
// Excel could refuse in a first sync and only then writes; editTables writes each edit in a sync of its own, so a
// failure says exactly which edits were written; addTables and addSheet remove what they created if Excel fails.
import {
  a1,
  a1Range,
  CellRange,
  CellValue,
  CellWrite,
  ColumnWrite,
  keyOf,
  KeyRowsChanged,
  keyRowsProblem,
  NewTable,
  PrintLayout,
  RowRef,
  sameName,
  SheetSpec,
  TableChange,
  TableData,
  TableEdit,
  TableRead,
  TEXT_FORMAT,
  Workbook,
  WorkbookNames,
  WorkbookRefusal,
} from "../port";
import { DateSystem, dateSystemOf, fromWorkbook, PROBE_DATE, toWorkbook } from "./dateSystem";
import { entry, sheetNameProblem, tableNameProblem } from "./typing";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
/** Excel.run with options, as Office.js declares it. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: Batch<T>) => Promise<T>;

/**
 * While the user is editing a cell Excel fails a batch at once; with delayForCellEdit it waits until the edit ends
 * (office-js-docs-pr, docs/excel/excel-add-ins-delay-in-cell-edit.md).
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * Excel on the web refuses a response over 5 MB (docs/concepts/resource-limits-and-performance-optimization.md,
 * docs/excel/performance.md), so a table body is read in chunks of at most 5,000 rows and 50,000 cells: about
 * 100 bytes a cell, well over what a number or a name takes.
 */
export const READ_ROWS = 5_000;
export const READ_CELLS = 50_000;

const GENERAL = "General";

// Excel's enums as their string values: this module is also loaded where the Excel global is absent (tests).
const CHART_TYPES = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  xyScatterLines: "XYScatterLines",
} as const;

/** The chunks, first row and row count, in which to read a body of this size. */
export function readChunks(rows: number, columns: number): { start: number; rows: number }[] {
  const size = Math.max(1, Math.min(READ_ROWS, Math.floor(READ_CELLS / Math.max(columns, 1))));
  const chunks: { start: number; rows: number }[] = [];
  for (let start = 0; start < rows; start += size) chunks.push({ start, rows: Math.min(size, rows - start) });
  return chunks;
}

const codeOf = (error: unknown): string =>
  typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";

/** Why Excel refused, in words a user can act on, with Excel's own message. */
function reason(error: unknown): string {
  const excel = error instanceof Error && error.message ? ` ("${error.message}")` : "";
  switch (codeOf(error)) {
    case "AccessDenied":
      return `a sheet or the workbook is protected${excel}`;
    case "InsertDeleteConflict":
      return `a table is filtered, or something beside it is in the way${excel}`;
    case "InvalidOperation":
      return `Excel was busy; if you are editing a cell, press Enter or Esc${excel}`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `the change is too large for Excel on the web at once${excel}`;
    default:
      return excel ? `Excel said${excel}` : "Excel reported an error";
  }
}

const list = (names: readonly string[]) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** A formula in a Text cell would be stored as text: a calculated column must have a number format. */
function checkColumns(table: string, columns: readonly ColumnWrite[]): void {
  const textFormula = columns.find((column) => column.formula && column.numberFormat === TEXT_FORMAT);
  if (textFormula) {
    throw new Error(`Table ${table}: the formula column ${textFormula.header} cannot have the Text format.`);
  }
}

function checkRowWidths(table: string, width: number, rows: readonly (readonly CellWrite[])[], what: string): void {
  const bad = rows.find((row) => row.length !== width);
  if (bad) {
    throw new WorkbookRefusal(`Table ${table}: a row has ${bad.length} values for ${width} columns; ${what}.`);
  }
}

/** Consecutive runs of rows, so that each run is written as one range. */
function runs<T extends { readonly row: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.row - b.row);
  const result: T[][] = [];
  for (const item of sorted) {
    const last = result[result.length - 1];
    if (last && item.row === last[last.length - 1].row + 1) last.push(item);
    else result.push([item]);
  }
  return result;
}

/** Where a table's body is on its sheet, and how wide it is now. */
interface Body {
  readonly sheet: Excel.Worksheet;
  /** The sheet row of the body's first row. */
  readonly top: number;
  readonly left: number;
  readonly width: number;
  /** The workbook's date system: a date is written as its serial there. */
  readonly dates: DateSystem;
}

/** Queues finding the workbook's date system, for the sync it is read after (dateSystem.ts says how). */
function loadDateSystem(context: Excel.RequestContext): () => DateSystem {
  const probe = context.workbook.functions.date(PROBE_DATE.year, PROBE_DATE.month, PROBE_DATE.day).load("value");
  return () => dateSystemOf(probe.value);
}

/**
 * Writes rows of a table's body from `first` on (or into `range`, rows of the body found when Excel runs the write):
 * the given columns (at `positions`) get their number format and then their value or formula; every other cell, and
 * a cell whose value is undefined, gets null, which Excel leaves as it is ("Blank and null values in Excel add-ins").
 * Range.formulas takes constants too, typed as values are, so one array writes both.
 */
function writeRows(
  body: Body,
  first: number | Excel.Range,
  rows: readonly (readonly CellWrite[])[],
  columns: readonly ColumnWrite[],
  positions: readonly number[],
  withFormulas = true,
): void {
  if (rows.length === 0) return;
  const range =
    typeof first === "number"
      ? body.sheet.getRangeByIndexes(body.top + first, body.left, rows.length, body.width)
      : first;
  const kept = (values: readonly CellWrite[], at: number) => values[at] === undefined && !columns[at].formula;
  range.numberFormat = rows.map((values) => {
    const formats: (string | null)[] = new Array<string | null>(body.width).fill(null);
    positions.forEach((position, at) => (formats[position] = kept(values, at) ? null : columns[at].numberFormat));
    return formats;
  });
  range.formulas = rows.map((values) => {
    const cells: (string | number | boolean | null)[] = new Array<null>(body.width).fill(null);
    positions.forEach((position, at) => {
      const column = columns[at];
      if (column.formula) cells[position] = withFormulas ? column.formula : null;
      else if (!kept(values, at))
        cells[position] = entry(toWorkbook(values[at] ?? null, column.numberFormat, body.dates), column.numberFormat);
    });
    return cells;
  });
}

/**
 * Queues a new table at its position on a new sheet: the header and the body's values and formats, then the table
 * and its name ("Create a table" in docs/excel/excel-add-ins-tables.md). Returns what writes its formula columns,
 * to be queued once every new table exists, as structured references name them; each formula is written into every
 * row, whatever the user's "Fill formulas in tables" setting.
 */
function queueTable(sheet: Excel.Worksheet, spec: NewTable, dates: DateSystem): () => void {
  const at = spec.at ?? { row: 0, column: 0 };
  const width = spec.columns.length;
  const positions = spec.columns.map((_, index) => index);
  const header = sheet.getRangeByIndexes(at.row, at.column, 1, width);
  header.formulas = [spec.columns.map((column) => entry(column.header, GENERAL))];
  const body: Body = { sheet, top: at.row + 1, left: at.column, width, dates };
  writeRows(body, 0, spec.rows, spec.columns, positions, false);
  if (spec.rows.length === 0) {
    // A table without rows shows one empty row; formatted, it keeps what the user types there as text.
    sheet.getRangeByIndexes(at.row + 1, at.column, 1, width).numberFormat = [
      spec.columns.map((column) => column.numberFormat),
    ];
  }
  const table = sheet.tables.add(sheet.getRangeByIndexes(at.row, at.column, spec.rows.length + 1, width), true);
  table.name = spec.name;
  return () => {
    spec.columns.forEach((column, index) => {
      if (column.formula && spec.rows.length > 0) {
        sheet.getRangeByIndexes(at.row + 1, at.column + index, spec.rows.length, 1).formulas = spec.rows.map(() => [
          column.formula!,
        ]);
      }
    });
  };
}

/** What setting up checks before creating anything: names taken and whether sheets may be added. */
interface Taken {
  readonly names: WorkbookNames;
  readonly structureProtected: boolean;
  readonly dates: DateSystem;
}

/**
 * A sheet's print settings (Worksheet.pageLayout, ExcelApi 1.9; "Control worksheet display settings",
 * docs/excel/excel-add-ins-worksheet-display.md): paper, orientation, margins, the scale or the fit to one page wide,
 * one print area, the title rows and a manual page break before each part (PageBreakCollection.add: "before the
 * top-left cell of the range").
 */
function queuePrintLayout(sheet: Excel.Worksheet, print: PrintLayout): void {
  const layout = sheet.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = print.orientation;
  if (print.margins) {
    layout.topMargin = print.margins.top;
    layout.bottomMargin = print.margins.bottom;
    layout.leftMargin = print.margins.left;
    layout.rightMargin = print.margins.right;
    layout.headerMargin = print.margins.header;
    layout.footerMargin = print.margins.footer;
  }
  layout.centerHorizontally = true;
  layout.printGridlines = false;
  // Set as a whole object, as the docs require ("x.zoom = {...}"): a scale, or one page wide and as many tall.
  layout.zoom = { ...print.zoom };
  layout.setPrintArea(a1Range(print.area));
  // Whole rows, as setPrintTitleRows requires ("$1:$2").
  layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  if (print.centerFooter) layout.headersFooters.defaultForAllPages.centerFooter = print.centerFooter;
  for (const row of print.breaksBefore ?? []) {
    sheet.horizontalPageBreaks.add(a1Range({ ...print.area, row, rows: 1 }));
  }
}

/** The workbook's sheet, table and defined names, loaded for one sync. */
function loadNames(context: Excel.RequestContext): () => WorkbookNames {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const definedNames = context.workbook.names.load("items/name");
  return () => ({
    sheets: sheets.items.map((sheet) => sheet.name),
    tables: tables.items.map((table) => table.name),
    definedNames: definedNames.items.map((name) => name.name),
  });
}

/** The names, and whether the workbook's structure is protected (no sheet can then be added): one sync. */
async function readTaken(context: Excel.RequestContext): Promise<Taken> {
  const names = loadNames(context);
  const protection = context.workbook.protection.load("protected");
  const dates = loadDateSystem(context);
  try {
    await context.sync();
  } catch (error) {
    throw new WorkbookRefusal(`Excel could not list the workbook's names: ${reason(error)}; nothing was created.`);
  }
  return { names: names(), structureProtected: protection.protected, dates: dates() };
}

/**
 * Refuses, before anything is created, new sheets and tables whose names Excel would refuse or the workbook
 * already uses (tables share one name space with defined names), or a workbook whose structure is protected.
 */
function checkNew(taken: Taken, sheets: readonly string[], tables: readonly NewTable[]): void {
  const nothing = "nothing was created";
  if (taken.structureProtected) {
    throw new WorkbookRefusal(
      `The workbook's structure is protected, so no sheet can be added. Unprotect it (Review › Protect Workbook) ` +
        `and try again; ${nothing}.`,
    );
  }
  sheets.forEach((sheet, index) => {
    const problem = sheetNameProblem(sheet);
    if (problem) throw new WorkbookRefusal(`"${sheet}" cannot name a sheet: ${problem}; ${nothing}.`);
    if ([...taken.names.sheets, ...sheets.slice(0, index)].some((other) => sameName(other, sheet))) {
      throw new WorkbookRefusal(`A sheet called "${sheet}" already exists; ${nothing}.`);
    }
  });
  tables.forEach((table, index) => {
    const problem = tableNameProblem(table.name);
    if (problem) throw new WorkbookRefusal(`"${table.name}" cannot name a table: ${problem}; ${nothing}.`);
    const names = [...taken.names.tables, ...taken.names.definedNames, ...tables.slice(0, index).map((t) => t.name)];
    if (names.some((other) => sameName(other, table.name))) {
      throw new WorkbookRefusal(
        `The name "${table.name}" is already used in the workbook (by a table, or in Formulas › Name Manager); ` +
          `${nothing}.`,
      );
    }
    checkColumns(table.name, table.columns);
    checkRowWidths(table.name, table.columns.length, table.rows, nothing);
  });
}

/**
 * After Excel failed part-way through creating sheets, removes those of them it did create (best effort), and
 * says what happened.
 */
async function removeCreated(context: Excel.RequestContext, sheets: readonly string[], error: unknown) {
  let removed: string[];
  try {
    const found = sheets.map((name) => ({ name, sheet: context.workbook.worksheets.getItemOrNullObject(name) }));
    await context.sync();
    const existing = found.filter(({ sheet }) => !sheet.isNullObject);
    existing.forEach(({ sheet }) => sheet.delete());
    await context.sync();
    removed = existing.map(({ name }) => name);
  } catch {
    return new WorkbookRefusal(
      `Excel stopped part-way: ${reason(error)}. Some of the sheets ${list(sheets.map((s) => `"${s}"`))} may ` +
        "have been added and could not be removed; delete any you find (right-click its tab › Delete), then try again.",
    );
  }
  const undone =
    removed.length > 0
      ? `The sheets it had added (${list(removed)}) were removed again, so the`
      : "Nothing was added: the";
  return new WorkbookRefusal(`Excel stopped part-way: ${reason(error)}. ${undone} workbook is as it was. Try again.`);
}

/** One edit with everything loaded to check it. */
interface Loaded {
  readonly edit: TableEdit;
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly filter: Excel.AutoFilter;
  readonly header: Excel.Range;
  readonly rows: Excel.TableRowCollection;
  /** Each row an update or delete names, as it is now. */
  readonly named: ReadonlyMap<number, Excel.Range>;
}

const refsOf = (edit: TableEdit): RowRef[] => [...(edit.update ?? []), ...(edit.delete ?? [])];
/** Every row an edit names: its RowRefs' and the rows its KeyRows expect. */
const namedRows = (edit: TableEdit): number[] => [
  ...refsOf(edit).map((ref) => ref.row),
  ...(edit.expect ?? []).flatMap((expected) => expected.rows.map((read) => read.row)),
];

/** Queues the loads that check one edit: the table (getItem fails the sync with ItemNotFound when it is missing). */
function loadEdit(context: Excel.RequestContext, edit: TableEdit): Loaded {
  const table = context.workbook.tables.getItem(edit.table).load("name");
  const sheet = table.worksheet.load("name");
  const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
  // Only the rows the edit names are read, so the check costs the same in a table of any size; with their formats,
  // for a 1904 workbook's dates to be compared as readTable gives them.
  const named = new Map(
    [...new Set(namedRows(edit))].map((row) => [
      row,
      header.getOffsetRange(row + 1, 0).load(edit.expect ? ["values", "numberFormat"] : "values"),
    ]),
  );
  return {
    edit,
    table,
    sheet,
    protection: sheet.protection.load("protected"),
    filter: table.autoFilter.load("isDataFiltered"),
    header,
    rows: table.rows.load("count"),
    named,
  };
}

/** Everything Excel could refuse about one edit, checked before the first write. */
function checkEdit({ table, sheet, protection, filter }: Loaded): void {
  const nothing = "nothing was written";
  if (protection.protected) {
    throw new WorkbookRefusal(
      `The "${sheet.name}" sheet is protected, so Excel would refuse changes to the ${table.name} table. Unprotect ` +
        `it (Review › Unprotect Sheet) and try again; ${nothing}.`,
    );
  }
  // A filtered table refuses row inserts and deletes (TableRowCollection.deleteRows JSDoc; office-js#994), and
  // writing by position into one with hidden rows misplaces values (office-js#224).
  if (filter.isDataFiltered) {
    throw new WorkbookRefusal(
      `The ${table.name} table is filtered, and Excel cannot safely change a filtered table. Clear its filter ` +
        `(Data › Clear) and try again; ${nothing}.`,
    );
  }
}

/** Each row an edit names still holds its key (checked after its KeyRows, which say more of what changed). */
function checkRows({ edit, table, header, rows, named }: Loaded): void {
  const headers = (header.values[0] as unknown[]).map(String);
  const stale = refsOf(edit).find((ref) => {
    const column = headers.findIndex((existing) => sameName(existing, ref.key.header));
    const cell: unknown = ref.row < rows.count ? named.get(ref.row)?.values[0][column] : undefined;
    return !(typeof cell === "string" && sameName(cell.trim(), ref.key.value.trim()));
  });
  if (stale) {
    throw new WorkbookRefusal(
      `The ${table.name} table changed since it was read (row ${stale.row + 1} no longer holds ` +
        `${stale.key.value}); nothing was written. Refresh and try again.`,
    );
  }
}

/**
 * Queues reading, for each KeyRows an edit expects, its key's column of the table's body as it is when this sync runs
 * (a co-author's rows merged in since the first sync included): a column of IDs of a council's PlanLines (15,000
 * rows, about 0.3 MB) is well inside Excel on the web's 5 MB response. Returns what checks them.
 */
function loadKeys({ edit, table, header, named }: Loaded): (dates: DateSystem) => void {
  const headers = (header.values[0] as unknown[]).map(String);
  const column = (name: string) => headers.findIndex((existing) => sameName(existing, name));
  const body = table.getDataBodyRange();
  // A table with no rows shows one empty body row: blank, it holds no key.
  const keyColumns = new Map(
    [...new Set((edit.expect ?? []).map((expected) => column(expected.header)))]
      .filter((at) => at >= 0)
      .map((at) => [at, body.getColumn(at).load("values")]),
  );
  return (dates) => {
    for (const expected of edit.expect ?? []) {
      const cells = (keyColumns.get(column(expected.header))?.values ?? []) as CellValue[][];
      const wanted = keyOf(expected.value);
      const holding = cells.flatMap(([cell], row) => (keyOf(cell) === wanted ? [row] : []));
      const valueAt = (row: number, name: string): CellValue => {
        const at = column(name);
        const range = named.get(row);
        if (at < 0 || !range) return null;
        return fromWorkbook(range.values[0][at] as CellValue, (range.numberFormat as string[][])[0][at], dates);
      };
      const problem = keyRowsProblem(table.name, expected, holding, valueAt);
      if (problem) throw new KeyRowsChanged(problem, table.name, { header: expected.header, value: expected.value });
    }
  };
}

/**
 * Queues one edit's writes: missing columns added at the table's right (a formula column filled into every row),
 * then updates, then deletes (highest row first, so each index still points at the row it meant), then appends.
 * Only the edit's columns are written; a user's own columns, calculated or not, are left to Excel.
 */
function queueEdit({ edit, table, sheet, header, rows }: Loaded, dates: DateSystem): void {
  const headers = (header.values[0] as unknown[]).map(String);
  const count = rows.count;
  const top = header.rowIndex + 1;
  const positions = edit.columns.map((column) => {
    const found = headers.findIndex((existing) => sameName(existing, column.header));
    if (found >= 0) return found;
    table.columns.add(undefined, undefined, column.header);
    headers.push(column.header);
    const added = headers.length - 1;
    if (count > 0) {
      const cells = sheet.getRangeByIndexes(top, header.columnIndex + added, count, 1);
      cells.numberFormat = Array.from({ length: count }, () => [column.numberFormat]);
      if (column.formula) cells.formulas = Array.from({ length: count }, () => [column.formula!]);
    }
    return added;
  });
  const body: Body = { sheet, top, left: header.columnIndex, width: headers.length, dates };
  for (const run of runs(edit.update ?? [])) {
    writeRows(
      body,
      run[0].row,
      run.map((update) => update.values),
      edit.columns,
      positions,
    );
  }
  const deleted = [...new Set(edit.delete?.map((ref) => ref.row))].sort((a, b) => b - a);
  deleted.forEach((row) => table.rows.getItemAt(row).delete());
  const appended = edit.append ?? [];
  if (appended.length === 0) return;
  // Empty rows first, so the user's own calculated columns fill them as Excel fills a row the user adds.
  appended.forEach(() => table.rows.add());
  // Written where they were added: the table's last rows when Excel runs this, below any row a co-author's save merged
  // in since the table was read (where counting from the read would write over theirs).
  const last = table.getDataBodyRange().getLastRow();
  const added =
    appended.length === 1 ? last : last.getOffsetRange(1 - appended.length, 0).getResizedRange(appended.length - 1, 0);
  writeRows(body, added, appended, edit.columns, positions);
}

/** What the user reads when Excel fails part-way through a list of edits. */
function partWay(error: unknown, done: readonly string[], failed: string, notDone: readonly string[]) {
  const were = (names: readonly string[]) => (names.length > 1 ? "were" : "was");
  const tables = (names: readonly string[]) => `the ${list(names)} table${names.length > 1 ? "s" : ""}`;
  let text = `Excel stopped part-way through writing: ${reason(error)}. `;
  if (done.length > 0) text += `${tables(done).replace("the", "The")} ${were(done)} written in full; the `;
  else text += "The ";
  text += `${failed} table may be partly changed`;
  text += notDone.length > 0 ? `; ${tables(notDone)} ${were(notDone)} not changed.` : ".";
  return new WorkbookRefusal(`${text} Refresh to see what the workbook now holds, then try again.`);
}

/** The Workbook port over Office.js: each method is one Excel.run. */
export class OfficeWorkbook implements Workbook {
  constructor(private readonly excel: ExcelRun = (options, batch) => Excel.run(options, batch)) {}

  private run<T>(batch: Batch<T>): Promise<T> {
    return this.excel(RUN_OPTIONS, batch);
  }

  names(): Promise<WorkbookNames> {
    return this.run(async (context) => {
      const names = loadNames(context);
      await context.sync();
      return names();
    });
  }

  /** One sync for the table's shape, then one a chunk of its body: the count grows only with the chunks. */
  readTable(name: string, read: TableRead = "values"): Promise<TableData | null> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItem(name).load("name");
      const sheet = table.worksheet.load("name");
      const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
      const rows = table.rows.load("count");
      const dateSystem = loadDateSystem(context);
      try {
        await context.sync();
      } catch (error) {
        if (codeOf(error) === "ItemNotFound") return null;
        throw error;
      }
      const headers = (header.values[0] as unknown[]).map(String);
      // A 1904 workbook's dates are read with their cells' formats, to be given as 1900 serials.
      const dates = dateSystem();
      // A table with no rows still shows one empty body row; rows.count (0) says it is not data.
      const body: CellValue[][] = [];
      for (const chunk of readChunks(rows.count, headers.length)) {
        const range = sheet
          .getRangeByIndexes(header.rowIndex + 1 + chunk.start, header.columnIndex, chunk.rows, headers.length)
          .load(dates === 1904 ? [read, "numberFormat"] : read);
        await context.sync();
        // Range.formulas gives an empty cell as "".
        const cells =
          read === "values"
            ? (range.values as CellValue[][])
            : (range.formulas as CellValue[][]).map((row) => row.map((cell) => (cell === "" ? null : cell)));
        const formats = dates === 1904 ? (range.numberFormat as string[][]) : null;
        body.push(...cells.map((row, r) => row.map((cell, c) => fromWorkbook(cell, formats?.[r][c], dates))));
      }
      const at = { row: header.rowIndex, column: header.columnIndex };
      return { name: table.name, sheet: sheet.name, headers, rows: body, at };
    });
  }

  /** One sync to find the sheet, one for the block's values. */
  readCells(sheetName: string, range: CellRange): Promise<CellValue[][] | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return null;
      const cells = sheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns).load("values");
      await context.sync();
      return cells.values as CellValue[][];
    });
  }

  addTables(tables: readonly NewTable[]): Promise<void> {
    if (tables.length === 0) return Promise.resolve();
    return this.run(async (context) => {
      const taken = await readTaken(context);
      checkNew(
        taken,
        tables.map((table) => table.sheet),
        tables,
      );
      const formulaColumns = tables.map((spec) =>
        queueTable(context.workbook.worksheets.add(spec.sheet), spec, taken.dates),
      );
      formulaColumns.forEach((queue) => queue());
      try {
        await context.sync();
      } catch (error) {
        throw await removeCreated(
          context,
          tables.map((table) => table.sheet),
          error,
        );
      }
    });
  }

  addSheet(spec: SheetSpec): Promise<void> {
    return this.run(async (context) => {
      const tables = (spec.tables ?? []).map((table) => ({ ...table, sheet: spec.name }));
      const taken = await readTaken(context);
      checkNew(taken, [spec.name], tables);
      const sheet = context.workbook.worksheets.add(spec.name);
      const formulaColumns = tables.map((table) => queueTable(sheet, table, taken.dates));
      formulaColumns.forEach((queue) => queue());
      // Cells after the tables, so that their formulas may name them.
      for (const cell of spec.cells) {
        const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
        if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
        range.formulas = [
          [cell.formula ?? entry(toWorkbook(cell.value ?? null, cell.numberFormat, taken.dates), cell.numberFormat)],
        ];
        if (cell.bold) range.format.font.bold = true;
      }
      spec.columnWidths?.forEach((width, column) => {
        // Excel measures column width in points; a character of the default font is about 7 points.
        sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width * 7;
      });
      for (const chart of spec.charts ?? []) {
        // ChartCollection.add(type, source, seriesBy): each column of the source a series ("Create and customize
        // charts", docs/excel/excel-add-ins-charts.md); setPosition covers the cells from start to end.
        const { source, at } = chart;
        const added = sheet.charts.add(
          CHART_TYPES[chart.type],
          sheet.getRangeByIndexes(source.row, source.column, source.rows, source.columns),
          "Columns",
        );
        added.name = chart.name;
        added.title.text = chart.title;
        added.setPosition(a1(at), a1({ row: at.row + at.rows - 1, column: at.column + at.columns - 1 }));
        if (chart.xAxisTitle) added.axes.categoryAxis.title.text = chart.xAxisTitle;
        if (chart.yAxisTitle) added.axes.valueAxis.title.text = chart.yAxisTitle;
        if (chart.valueAxisFormat) added.axes.valueAxis.numberFormat = chart.valueAxisFormat;
        // Excel skips category labels it has no room for; 1 names every one.
        if (chart.everyCategoryLabelled) added.axes.categoryAxis.tickLabelSpacing = 1;
        if (chart.valueLabels) added.dataLabels.showValue = true;
        const lines = chart.type === "line" || chart.type === "xyScatterLines";
        chart.series?.forEach((style, index) => {
          const series = added.series.getItemAt(index);
          if (lines) {
            series.format.line.color = style.color;
            if (style.lineStyle) series.format.line.lineStyle = style.lineStyle;
            series.markerBackgroundColor = style.color;
            series.markerForegroundColor = style.color;
          } else {
            series.format.fill.setSolidColor(style.color);
          }
        });
      }
      if (spec.print) queuePrintLayout(sheet, spec.print);
      try {
        await context.sync();
      } catch (error) {
        throw await removeCreated(context, [spec.name], error);
      }
    });
  }

  /**
   * One sync to read and check every edit before anything is written (ItemNotFound, protection, filters, each
   * row's key) and, when an edit expects rows (KeyRows), one for their keys' columns; then one sync
   * per edit, in the caller's order: each is sent only once the one before it was written in full. The number of
   * edit syncs does not grow with the tables.
   */
  async editTables(edits: readonly TableEdit[]): Promise<void> {
    if (edits.length === 0) return;
    edits.forEach((edit, index) => {
      checkColumns(edit.table, edit.columns);
      checkRowWidths(
        edit.table,
        edit.columns.length,
        [...(edit.update ?? []).map((update) => update.values), ...(edit.append ?? [])],
        "nothing was written",
      );
      if (edits.slice(0, index).some((other) => sameName(other.table, edit.table))) {
        throw new Error(`Table ${edit.table}: give each table's changes in one edit.`);
      }
      const bad = refsOf(edit).find((ref) => !Number.isInteger(ref.row) || ref.row < 0);
      if (bad) throw new Error(`Table ${edit.table}: ${bad.row} is not a row index.`);
    });
    await this.run(async (context) => {
      const loaded = edits.map((edit) => loadEdit(context, edit));
      const dates = loadDateSystem(context);
      try {
        await context.sync();
      } catch (error) {
        throw await this.unreadable(context, edits, error);
      }
      loaded.forEach(checkEdit);
      if (edits.some((edit) => edit.expect && edit.expect.length > 0)) {
        const keys = loaded.map(loadKeys);
        await context.sync();
        keys.forEach((check) => check(dates()));
      }
      loaded.forEach(checkRows);
      const done: string[] = [];
      for (const [index, edit] of loaded.entries()) {
        queueEdit(edit, dates());
        try {
          await context.sync();
        } catch (error) {
          const rest = loaded.slice(index + 1).map((later) => later.table.name);
          throw partWay(error, done, edit.table.name, rest);
        }
        done.push(edit.table.name);
      }
    });
  }

  /**
   * Table.onChanged (ExcelApi 1.7) on each of the tables the workbook has, registered in one Excel.run; each event's
   * source says whether a co-author's change was merged in ("Remote") or the change was made here ("Local"). The
   * handlers are removed in the context they were added in, as Office requires ("Remove an event handler",
   * docs/excel/excel-add-ins-events.md). Excel on the web is reported not to raise some changes (a value picked from
   * a data validation list: office-js#3888, #4066), so the pane never relies on an event alone: every save reads again.
   */
  async watchTables(tables: readonly string[], listener: (change: TableChange) => void): Promise<() => Promise<void>> {
    const handlers = await this.run(async (context) => {
      const found = tables.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
      await context.sync();
      const added = found
        .filter(({ table }) => !table.isNullObject)
        .map(({ name, table }) =>
          table.onChanged.add((event) => {
            listener({ table: name, source: event.source === "Remote" ? "Remote" : "Local" });
            return Promise.resolve();
          }),
        );
      await context.sync();
      return added;
    });
    return async () => {
      for (const handler of handlers) {
        await this.excel({ ...RUN_OPTIONS, previousObjects: handler.context }, async (context) => {
          handler.remove();
          await context.sync();
        });
      }
    };
  }

  /** Why the first sync of editTables failed: a missing table, or whatever Excel said. Nothing was written. */
  private async unreadable(context: Excel.RequestContext, edits: readonly TableEdit[], error: unknown) {
    if (codeOf(error) !== "ItemNotFound") {
      return new WorkbookRefusal(`Excel could not read the tables to change: ${reason(error)}; nothing was written.`);
    }
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const missing = edits
      .map((edit) => edit.table)
      .filter((name) => !tables.items.some((table) => sameName(table.name, name)));
    return new WorkbookRefusal(
      `The workbook has no table called ${list(missing.length > 0 ? missing : edits.map((e) => e.table))}; ` +
        "nothing was written.",
    );
  }
}
