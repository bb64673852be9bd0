// A model of the part of Excel's object model the add-in uses, behaving as Microsoft's documentation says Excel
// does, so that the Office.js workbook can be tested where no Excel runs. Each behaviour names its source:
//
// - Proxy objects and the request queue: "Application-specific API model" (office-js-docs-pr
//   docs/develop/application-specific-api-model.md): a property is readable only after load() and
//   context.sync(); method calls and property writes are queued and applied, in order, at sync; getItem() of a
//   missing item fails with ItemNotFound, getItemOrNullObject() gives an object whose isNullObject Office fills
//   at each sync. The queued commands "are dispatched to the Office application and run"; nothing documents a
//   rollback, so an operation that fails stops the batch and what the batch did before it stays done (issue 12).
//   run() syncs implicitly at its end, but the docs say to sync explicitly; the model refuses a batch left unsynced.
// - Writing is typing: the Range.values JSDoc in @types/office-js ("If the returned value starts with a plus
//   ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; ISO dates YYYY-MM-DD are
//   stored as dates), OfficeDev/office-js#229 (writing "2018-12-31" gives a date serial and a m/d/yyyy format),
//   #1559 (values are parsed in the en-US locale), office-js-docs-pr#1730 ("$120" written to a table becomes a
//   currency amount), Microsoft's "Keeping leading zeros and large numbers" (00123 typed becomes 123 unless
//   the cell is formatted as Text "@" or the entry starts with an apostrophe), office-js#6687 (an apostrophe
//   entry stays text, read back without its apostrophe).
// - null in a written 2-D array leaves that cell as it is; "" clears it ("Blank and null values in Excel
//   add-ins", docs/excel/excel-add-ins-blank-null-values.md).
// - Tables: a table with no data rows still shows one empty row in its body; rows.count is 0 and rows.add
//   fills that row first (the docs' "Create a table" sample adds rows to a header-only table and the picture
//   shows them right under the header). rows.add and TableRow.delete are refused with InsertDeleteConflict while
//   the table is filtered (TableRowCollection.deleteRows JSDoc; office-js#994). A formula typed into a table
//   column becomes a calculated column, filled into every row and into rows added later, only while the user's
//   "Fill formulas in tables to create calculated columns" AutoCorrect option is on (Microsoft support, "Use
//   calculated columns in an Excel table"; issue 12). Table names share one name space with defined names.
// - Protection: a protected sheet refuses every change to its cells, tables and charts; a workbook whose
//   structure is protected refuses new and deleted sheets (WorksheetProtection, WorkbookProtection).
// - Cell-edit mode: while the user edits a cell a batch fails with InvalidOperation, unless Excel.run was given
//   { delayForCellEdit: true }, which makes it wait until the edit ends (docs/excel/excel-add-ins-delay-in-cell-
//   edit.md, Excel.RunOptions).
// - Co-authoring: a co-author's saved change reaches this copy of the workbook when Excel merges it, between an
//   add-in's syncs; what the add-in read before is not updated ("Coauthoring in Excel add-ins",
//   docs/excel/co-authoring-in-excel-add-ins.md). mergeBeforeSync puts one just before a chosen sync.
// - Page layout (Worksheet.pageLayout, horizontalPageBreaks; ExcelApi 1.9, "Control worksheet display settings",
//   docs/excel/excel-add-ins-worksheet-display.md, and the PageLayout and PageLayoutZoomOptions references): a new
//   sheet prints on Letter, portrait, at 100%, with Excel's Normal margins (0.75" top and bottom, 0.7" sides, 0.3"
//   header and footer) and no print area; the zoom is set as a whole object ("x.zoom = {...}", reading it unloaded
//   fails), its scale from 10 to 400; the paper one of Excel.PaperType; setPrintTitleRows takes whole rows ("$1:$3");
//   a fit to pages wide or tall is a whole number (0 as many as it takes); a page break is added before the top-left
//   cell of the range given. A protected sheet refuses them all.
// - Excel on the web limits each request and each response to 5 MB (docs/concepts/resource-limits-and-
//   performance-optimization.md, docs/excel/performance.md); the model refuses a sync past either.
//
// - Events: Table.onChanged handlers are registered at a sync and told of each change to their table a task after
//   the sync that made it: "Local" for the add-in's own writes ("Event triggers" in docs/excel/excel-add-ins-
//   events.md), "Remote" for a co-author's change merged in (coauthor, mergeBeforeSync); removed with
//   Excel.run({ previousObjects: result.context }), the context they were added in ("Remove an event handler").
//
// What it does not model: calculation (a formula's value is whatever `calculate` says), styles other than number
// formats and bold, undo, other events, other locales, merged cells, ranges that move when rows are inserted above
// them after they were got (the add-in gets each range after the changes that precede it).

export type Value = string | number | boolean;

/** One cell as Excel holds it. A blank cell holds "". */
export interface Cell {
  value: Value;
  formula?: string;
  format: string;
  quotePrefix?: boolean;
  bold?: boolean;
}

/** An Office.js error: its code is one of Excel.ErrorCodes. */
export class ExcelError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a queued operation does, for failure injection and for checking the order of writes. */
export interface Operation {
  readonly object: string;
  readonly member: string;
  /** The sheet and the table (if any) the operation changes or reads. */
  readonly sheet?: string;
  readonly table?: string;
  readonly write: boolean;
}

interface SheetState {
  name: string;
  cells: Map<string, Cell>;
  protected: boolean;
  charts: ChartState[];
  columnWidths: Map<number, number>;
  pageLayout: PageLayoutState;
}

/** How a sheet prints, as Worksheet.pageLayout and horizontalPageBreaks hold it. */
export interface PageLayoutState {
  paperSize: string;
  orientation: string;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  printGridlines: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** The print area's address ("A1:I94"), or null for none. */
  printArea: string | null;
  /** The title rows ("$1:$2"), or null for none. */
  printTitleRows: string | null;
  centerFooter: string;
  /** Each manual page break's top-left cell ("A25"), in the order added. */
  horizontalBreaks: string[];
}

/** A new sheet's page layout: Excel's defaults (Letter in the US build's model; Normal margins, in points). */
const defaultPageLayout = (): PageLayoutState => ({
  paperSize: "Letter",
  orientation: "Portrait",
  margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
  centerHorizontally: false,
  printGridlines: false,
  zoom: { scale: 100 },
  printArea: null,
  printTitleRows: null,
  centerFooter: "",
  horizontalBreaks: [],
});

/** Excel.PaperType's values. */
const PAPER_TYPES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
]);

interface TableState {
  name: string;
  sheet: SheetState;
  /** The header row's position. */
  top: number;
  left: number;
  width: number;
  /** Data rows; 0 leaves one empty body row showing. */
  rowCount: number;
  /** Calculated columns (by index in the table) and their formula. */
  calculated: Map<number, string>;
  filtered: boolean;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  name?: string;
  title?: string;
  position?: { start: string; end?: string };
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  /** ChartAxis.numberFormat of the value axis. */
  valueAxisFormat?: string;
  /** ChartAxis.tickLabelSpacing of the category axis. */
  tickLabelSpacing?: number;
  /** ChartDataLabels.showValue. */
  showValue?: boolean;
  /** Each series' formats set, by index (ChartSeriesCollection.getItemAt). */
  series?: SeriesState[];
}

/** What was set on one chart series. */
export interface SeriesState {
  lineColor?: string;
  lineStyle?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  fill?: string;
}

/** Excel.ChartLineStyle's values. */
const LINE_STYLES = new Set([
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Grey25",
  "Grey50",
  "Grey75",
  "Automatic",
  "RoundDot",
]);
/** A colour as Excel's chart formats take it: "#RRGGBB" or an HTML colour name ("ChartFill.setSolidColor"). */
function checkColour(colour: string): void {
  if (!/^#[0-9a-f]{6}$/i.test(colour) && !/^[a-z]+$/i.test(colour)) {
    throw new ExcelError("InvalidArgument", `${colour} is not a colour: give "#RRGGBB" or an HTML colour name.`);
  }
}

interface Address {
  sheet: SheetState;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const GENERAL = "General";
const TEXT = "@";
const CHART_TYPES = new Set(["Line", "ColumnClustered", "BarClustered", "XYScatterLines", "Pie", "Area"]);

const key = (row: number, column: number) => `${row},${column}`;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const blank = (): Cell => ({ value: "", format: GENERAL });

/** "A1"-style column letters of a 0-based column. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function parseA1(text: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(text.trim());
  if (!match) throw new ExcelError("InvalidArgument", `The address ${text} is not valid.`);
  const column = [...match[1].toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

function parseRangeAddress(sheet: SheetState, text: string): Address {
  const [start, end = start] = text.replace(/^.*!/, "").split(":");
  const a = parseA1(start);
  const b = parseA1(end);
  return { sheet, row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

function addressText(address: Address): string {
  const end = `${columnLetters(address.column + address.columns - 1)}${address.row + address.rows}`;
  const sheet = /^[A-Za-z0-9_]+$/.test(address.sheet.name) ? address.sheet.name : `'${address.sheet.name}'`;
  return `${sheet}!${columnLetters(address.column)}${address.row + 1}:${end}`;
}

// Excel's 1900 date system from 1 March 1900: a serial is the days since 30 December 1899.
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function dateSerial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return (time - EPOCH) / DAY;
}

const timeFraction = (hours = "0", minutes = "0", seconds = "0") =>
  Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60
    ? (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) / 86_400
    : null;

/** A typed entry that Excel reads as a date or time, with the format Excel gives a General cell for it. */
function parseDate(text: string): { value: number; format: string } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const named = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ,]+(\d{4}|\d{2})$/.exec(text);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  let day: number | null = null;
  let fraction: number | null = 0;
  if (iso)
    [day, fraction] = [
      dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])),
      timeFraction(iso[4], iso[5], iso[6]),
    ];
  else if (us)
    [day, fraction] = [dateSerial(year(us[3]), Number(us[1]), Number(us[2])), timeFraction(us[4], us[5], us[6])];
  else if (named && MONTHS.includes(named[2].toLowerCase())) {
    day = dateSerial(year(named[3]), MONTHS.indexOf(named[2].toLowerCase()) + 1, Number(named[1]));
  } else if (time) {
    const value = timeFraction(time[1], time[2], time[3]);
    return value === null ? null : { value, format: "h:mm" };
  }
  if (day === null || fraction === null) return null;
  const withTime = (iso?.[4] ?? us?.[4]) !== undefined;
  return { value: day + fraction, format: withTime ? "m/d/yyyy h:mm" : "m/d/yyyy" };
}

/** A typed entry that Excel reads as a number: 00123, 1,234.5, -5, (5), £12, $1,200.00, 10%, 1e3. */
function parseNumber(text: string): { value: number; format?: string } | null {
  let rest = text.trim();
  let negative = false;
  let format: string | undefined;
  if (/^\(.*\)$/.test(rest)) [negative, rest] = [true, rest.slice(1, -1).trim()];
  if (/^[+-]/.test(rest)) [negative, rest] = [rest.startsWith("-") !== negative, rest.slice(1).trim()];
  if (/^[£$€]/.test(rest)) [format, rest] = [`${rest[0]}#,##0.00`, rest.slice(1).trim()];
  const percent = rest.endsWith("%");
  if (percent) [format, rest] = ["0%", rest.slice(0, -1).trim()];
  if (!/\d/.test(rest) || !/^(\d{1,3}(,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?$/.test(rest)) return null;
  if (rest.includes(",") && !format) format = "#,##0";
  const magnitude = Number(rest.replace(/,/g, "")) / (percent ? 100 : 1);
  return { value: negative ? -magnitude : magnitude, format };
}

export type Calculate = (formula: string, at: { sheet: string; row: number; column: number }) => Value;

export class ExcelModel {
  /** The user's "Fill formulas in tables to create calculated columns" AutoCorrect option (off here by default). */
  fillFormulas = false;
  /**
   * The workbook's date system (Workbook.use1904DateSystem; File › Options › Advanced › "Use 1904 date system"):
   * its serials count days from 1 January 1904, each 1,462 less than the 1900 system's for the same date. A date
   * typed into a cell, and Excel's DATE function, give the workbook's own serial.
   */
  use1904DateSystem = false;
  /** Excel on the web's 5 MB limit on each request and response. */
  webPayloadLimit = true;
  workbookProtected = false;
  readonly definedNames: string[] = [];
  /** A formula's value, as calculation would give it. */
  calculate: Calculate = () => 0;
  /** Every sync, the failed ones included. */
  syncs = 0;
  /** Every operation applied, in order. */
  readonly applied: Operation[] = [];

  private readonly sheets: SheetState[] = [];
  private readonly tables: TableState[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];
  private readonly failures: { when: (operation: Operation) => boolean; code: string; message: string }[] = [];
  private merges: { at: number; change: () => void; tables: readonly string[] }[] = [];
  /** Table.onChanged handlers registered, by the table they watch. */
  private readonly tableHandlers = new Set<{ table: TableState; handler: (args: unknown) => Promise<unknown> }>();

  /** Excel.run as the add-in calls it: with or without options. */
  readonly run = <T>(
    optionsOrBatch:
      { delayForCellEdit?: boolean; previousObjects?: unknown } | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const [options, batch] =
      typeof optionsOrBatch === "function" ? [{}, optionsOrBatch] : [optionsOrBatch, maybeBatch!];
    // RunOptions.previousObjects: a context made before (an event handler's, to remove it), used again.
    const context =
      "previousObjects" in options && options.previousObjects instanceof Context
        ? options.previousObjects
        : new Context(this, "delayForCellEdit" in options && options.delayForCellEdit === true);
    return batch(context as unknown as Excel.RequestContext).then((result) => {
      if (context.pending() > 0) {
        throw new Error(`The batch ended with ${context.pending()} operations queued but never synced.`);
      }
      return result;
    });
  };

  // ----- Setting up a workbook as a user might have it -----

  addSheet(name: string): void {
    this.checkSheetName(name);
    this.sheets.push({
      name,
      cells: new Map(),
      protected: false,
      charts: [],
      columnWidths: new Map(),
      pageLayout: defaultPageLayout(),
    });
  }

  /** A table as a user might have made it: values as stored (not typed), formats per column, formulas per column. */
  addTable(spec: {
    sheet: string;
    name: string;
    headers: readonly string[];
    rows?: readonly (readonly Value[])[];
    at?: { row: number; column: number };
    formats?: readonly string[];
    /** A calculated column the user made while "Fill formulas" was on: its formula is in every row. */
    calculated?: Readonly<Record<string, string>>;
  }): void {
    const sheet = this.sheet(spec.sheet);
    const at = spec.at ?? { row: 0, column: 0 };
    const rows = spec.rows ?? [];
    const table: TableState = {
      name: spec.name,
      sheet,
      top: at.row,
      left: at.column,
      width: spec.headers.length,
      rowCount: rows.length,
      calculated: new Map(),
      filtered: false,
    };
    this.checkTableName(table.name, table);
    spec.headers.forEach((header, c) =>
      sheet.cells.set(key(at.row, at.column + c), { value: header, format: GENERAL }),
    );
    rows.forEach((row, r) =>
      row.forEach((value, c) =>
        sheet.cells.set(key(at.row + 1 + r, at.column + c), { value, format: spec.formats?.[c] ?? GENERAL }),
      ),
    );
    this.tables.push(table);
    for (const [header, formula] of Object.entries(spec.calculated ?? {})) {
      const c = spec.headers.findIndex((h) => same(h, header));
      table.calculated.set(c, formula);
      for (let r = 0; r < rows.length; r++) this.setFormula(sheet, at.row + 1 + r, at.column + c, formula);
    }
  }

  /** Rows added to a table as stored, quickly (no typing, nothing below the table moved): a big workbook. */
  seedRows(name: string, rows: readonly (readonly Value[])[]): void {
    const table = this.table(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const at = key(table.top + 1 + table.rowCount + r, table.left + c);
        const above = this.cellAt(table.sheet, table.top + 1 + Math.max(table.rowCount - 1, 0), table.left + c);
        table.sheet.cells.set(at, { value, format: above.format });
      }),
    );
    table.rowCount += rows.length;
  }

  /** The user types a row just below a table, which Excel takes into the table; null leaves a cell to Excel. */
  addRowAsUser(name: string, values: readonly (Value | null)[]): void {
    this.addTableRows(this.table(name), [values]);
  }

  addDefinedName(name: string): void {
    this.definedNames.push(name);
  }

  protectSheet(name: string): void {
    this.sheet(name).protected = true;
  }

  /** The user filters a table (Data › Filter). */
  filterTable(name: string): void {
    this.table(name).filtered = true;
  }

  /** The user starts typing in a cell. */
  startEditing(): void {
    this.editing = true;
  }

  /** The user presses Enter or Esc. */
  stopEditing(): void {
    this.editing = false;
    this.editEnded.splice(0).forEach((resume) => resume());
  }

  /**
   * A co-author's change, merged in just before the `nth` sync from now (1: the next) applies its queue, as Excel
   * merges a co-author's saved changes between an add-in's syncs ("Coauthoring in Excel add-ins": coauthors see each
   * other's changes once saved, and a value an add-in read is not updated with them).
   */
  mergeBeforeSync(nth: number, change: () => void, tables: readonly string[] = []): void {
    this.merges.push({ at: this.syncs + nth, change, tables });
  }

  /**
   * A co-author's change merged in now, to these tables: their Table.onChanged handlers are told, with source
   * "Remote" ("Events and coauthoring", docs/excel/excel-add-ins-events.md).
   */
  coauthor(tables: readonly string[], change: () => void): void {
    change();
    this.tablesChanged(tables, "Remote");
  }

  /** @internal Runs the co-authors' changes due at this sync. */
  mergeDue(): void {
    const due = this.merges.filter((merge) => merge.at === this.syncs);
    this.merges = this.merges.filter((merge) => merge.at !== this.syncs);
    due.forEach((merge) => this.coauthor(merge.tables, merge.change));
  }

  /** @internal A Table.onChanged handler registered (at the sync its add was queued for). */
  addTableHandler(table: TableState, handler: (args: unknown) => Promise<unknown>): () => void {
    const registered = { table, handler };
    this.tableHandlers.add(registered);
    return () => this.tableHandlers.delete(registered);
  }

  /**
   * @internal The tables' handlers are told of a change, each a task later (Excel raises an event after the change
   * it tells of), with the TableChangedEventArgs the add-in reads.
   */
  tablesChanged(tables: readonly string[], source: "Local" | "Remote"): void {
    for (const registered of this.tableHandlers) {
      if (!tables.some((name) => same(name, registered.table.name))) continue;
      const args = { type: "TableChanged", source, changeType: "RangeEdited", tableId: registered.table.name };
      setTimeout(() => void registered.handler(args), 0);
    }
  }

  /** The next operation matching `when` fails with this error code, after the batch's earlier operations applied. */
  failWhen(
    when: (operation: Operation) => boolean,
    code = "GeneralException",
    message = "Excel could not do this.",
  ): void {
    this.failures.push({ when, code, message });
  }

  // ----- Reading the workbook back -----

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  tableNames(): string[] {
    return this.tables.map((table) => table.name);
  }

  /** A table's header row and body rows, as cells (a table with no rows: no rows). */
  tableCells(name: string): { sheet: string; headers: string[]; rows: Cell[][]; calculated: Map<string, string> } {
    const table = this.table(name);
    const headers = this.headersOf(table);
    const rows = Array.from({ length: table.rowCount }, (_, r) =>
      Array.from({ length: table.width }, (_, c) => this.cellAt(table.sheet, table.top + 1 + r, table.left + c)),
    );
    const calculated = new Map([...table.calculated].map(([c, formula]) => [headers[c], formula]));
    return { sheet: table.sheet.name, headers, rows, calculated };
  }

  /** A table's body values, as Range.values would read them. */
  tableValues(name: string): Value[][] {
    return this.tableCells(name).rows.map((row) => row.map((cell) => cell.value));
  }

  /** A table's column as cells, by header. */
  column(name: string, header: string): Cell[] {
    const { headers, rows } = this.tableCells(name);
    const c = headers.findIndex((h) => same(h, header));
    if (c < 0) throw new Error(`${name} has no column ${header}`);
    return rows.map((row) => row[c]);
  }

  /** The table's position: its header row and first column. */
  tablePosition(name: string): { top: number; left: number; width: number; rowCount: number } {
    const { top, left, width, rowCount } = this.table(name);
    return { top, left, width, rowCount };
  }

  cell(sheet: string, a1: string): Cell {
    const { row, column } = parseA1(a1);
    return this.cellAt(this.sheet(sheet), row, column);
  }

  /** What was set of a sheet's page layout. */
  pageLayout(sheet: string): PageLayoutState {
    return this.sheet(sheet).pageLayout;
  }

  charts(sheet: string): ChartState[] {
    return this.sheet(sheet).charts;
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheet(sheet).columnWidths.get(column);
  }

  // ----- What the proxies call -----

  /** @internal */
  waitForSync(delayForCellEdit: boolean): Promise<void> {
    if (!this.editing) return Promise.resolve();
    if (!delayForCellEdit) {
      return Promise.reject(
        new ExcelError("InvalidOperation", "The request cannot be processed while a cell is being edited."),
      );
    }
    return new Promise((resume) => this.editEnded.push(resume));
  }

  /** @internal Applies one operation, or fails as an injected failure says. */
  apply(operation: Operation, work: () => void): void {
    void operation.object; // described as it was before the work
    const failure = this.failures.findIndex((candidate) => candidate.when(operation));
    if (failure >= 0) {
      const [{ code, message }] = this.failures.splice(failure, 1);
      throw new ExcelError(code, message);
    }
    work();
    this.applied.push(operation);
  }

  /** @internal */
  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new ExcelError("ItemNotFound", `The requested resource doesn't exist: sheet ${name}.`);
    return sheet;
  }

  /** @internal */
  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => same(sheet.name, name));
  }

  /** @internal */
  allSheets(): SheetState[] {
    return [...this.sheets];
  }

  /** @internal */
  table(name: string): TableState {
    const table = this.findTable(name);
    if (!table) throw new ExcelError("ItemNotFound", `The requested resource doesn't exist: table ${name}.`);
    return table;
  }

  /** @internal */
  findTable(name: string): TableState | undefined {
    return this.tables.find((table) => same(table.name, name));
  }

  /** @internal */
  allTables(sheet?: SheetState): TableState[] {
    return this.tables.filter((table) => !sheet || table.sheet === sheet);
  }

  /** @internal */
  tableAt(address: Address): TableState | undefined {
    return this.tables.find(
      (table) =>
        table.sheet === address.sheet &&
        address.row <= table.top + Math.max(table.rowCount, 1) &&
        address.row + address.rows - 1 >= table.top &&
        address.column <= table.left + table.width - 1 &&
        address.column + address.columns - 1 >= table.left,
    );
  }

  /** @internal */
  headersOf(table: TableState): string[] {
    return Array.from({ length: table.width }, (_, c) =>
      String(this.cellAt(table.sheet, table.top, table.left + c).value),
    );
  }

  /** @internal */
  cellAt(sheet: SheetState, row: number, column: number): Cell {
    return sheet.cells.get(key(row, column)) ?? blank();
  }

  private cellFor(sheet: SheetState, row: number, column: number): Cell {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) sheet.cells.set(key(row, column), (cell = blank()));
    return cell;
  }

  /** @internal A sheet's cells may change (not protected). */
  checkWritable(sheet: SheetState): void {
    if (sheet.protected) {
      throw new ExcelError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
      );
    }
  }

  /** @internal The workbook's structure may change (sheets added or deleted). */
  checkStructure(): void {
    if (this.workbookProtected) throw new ExcelError("AccessDenied", "The workbook's structure is protected.");
  }

  /** @internal Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], not taken. */
  checkSheetName(name: string): void {
    if (
      name.trim() === "" ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      /^'|'$/.test(name) ||
      same(name, "History")
    ) {
      throw new ExcelError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (this.findSheet(name)) throw new ExcelError("ItemAlreadyExists", `A sheet called ${name} already exists.`);
  }

  /** @internal Excel's rules for a table name, and its one name space shared with defined names. */
  checkTableName(name: string, table: TableState): void {
    const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc](\d*|[RrCc]?\d*)$/.test(name);
    if (name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || looksLikeCell) {
      throw new ExcelError("InvalidArgument", `"${name}" is not a valid table name.`);
    }
    const taken =
      this.tables.some((other) => other !== table && same(other.name, name)) ||
      this.definedNames.some((defined) => same(defined, name));
    if (taken) throw new ExcelError("InvalidArgument", `The name ${name} is already in use in this workbook.`);
  }

  /** @internal Types an entry into a cell, as Excel parses what is typed. null leaves the cell as it is. */
  enter(sheet: SheetState, row: number, column: number, entry: unknown): void {
    if (entry === null || entry === undefined) return;
    const cell = this.cellFor(sheet, row, column);
    delete cell.formula;
    cell.quotePrefix = false;
    if (typeof entry === "number" || typeof entry === "boolean") {
      // A number or TRUE typed into a Text cell is kept as the text typed.
      cell.value =
        cell.format === TEXT ? (typeof entry === "boolean" ? String(entry).toUpperCase() : String(entry)) : entry;
    } else if (typeof entry !== "string") {
      throw new ExcelError("InvalidArgument", `Cannot write ${JSON.stringify(entry)} to a cell.`);
    } else if (entry === "") {
      cell.value = "";
    } else if (entry.startsWith("'")) {
      [cell.value, cell.quotePrefix] = [entry.slice(1), true];
    } else if (cell.format === TEXT) {
      cell.value = entry;
    } else if (/^=./.test(entry) || (/^[+-]./.test(entry) && parseNumber(entry) === null)) {
      this.setFormula(sheet, row, column, entry.startsWith("=") ? entry : `=${entry}`);
    } else if (/^(true|false)$/i.test(entry.trim())) {
      cell.value = entry.trim().toLowerCase() === "true";
    } else {
      const date = parseDate(entry.trim());
      const parsed = parseNumber(entry) ?? (date && { ...date, value: this.workbookSerial(date.value) });
      if (parsed) {
        cell.value = parsed.value;
        if (parsed.format && cell.format === GENERAL) cell.format = parsed.format;
      } else {
        cell.value = entry;
      }
    }
    this.afterEntry(sheet, row, column);
  }

  /** A 1900 serial as this workbook's date system counts the same date. */
  workbookSerial(serial1900: number): number {
    return this.use1904DateSystem ? serial1900 - 1462 : serial1900;
  }

  private setFormula(sheet: SheetState, row: number, column: number, formula: string): void {
    this.checkReferences(sheet, row, column, formula);
    const cell = this.cellFor(sheet, row, column);
    [cell.formula, cell.quotePrefix] = [formula, false];
    cell.value = this.calculate(formula, { sheet: sheet.name, row, column });
  }

  /** A formula naming a table the workbook lacks, or a this-row reference outside a table, is refused as typed. */
  private checkReferences(sheet: SheetState, row: number, column: number, formula: string): void {
    const text = formula.replace(/"[^"]*"/g, "");
    for (const [, name] of text.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\[/g)) {
      if (!this.findTable(name)) {
        throw new ExcelError("InvalidArgument", `There's a problem with this formula: no table called ${name}.`);
      }
    }
    const inTable = this.tableAt({ sheet, row, column, rows: 1, columns: 1 });
    if (/(^|[^A-Za-z0-9_.\]])\[@/.test(text) && !inTable) {
      throw new ExcelError("InvalidArgument", "There's a problem with this formula: [@…] outside a table.");
    }
  }

  /** A formula typed into a table column fills the column, as a calculated column, while "Fill formulas" is on. */
  private afterEntry(sheet: SheetState, row: number, column: number): void {
    const table = this.tableAt({ sheet, row, column, rows: 1, columns: 1 });
    if (!table || row <= table.top || table.rowCount === 0) return;
    const c = column - table.left;
    const cell = this.cellAt(sheet, row, column);
    if (!cell.formula || !this.fillFormulas || table.calculated.get(c) === cell.formula) return;
    const others = Array.from({ length: table.rowCount }, (_, r) => table.top + 1 + r).filter((r) => r !== row);
    const fillable = others.every((r) => {
      const other = this.cellAt(sheet, r, column);
      return other.formula === cell.formula || (other.formula === undefined && other.value === "");
    });
    if (!fillable) return;
    table.calculated.set(c, cell.formula);
    others.forEach((r) => this.setFormula(sheet, r, column, cell.formula!));
  }

  /** @internal */
  setFormat(sheet: SheetState, row: number, column: number, format: unknown): void {
    if (format === null || format === undefined) return;
    if (typeof format !== "string") throw new ExcelError("InvalidArgument", "A number format is text.");
    this.cellFor(sheet, row, column).format = format === "" ? GENERAL : format;
  }

  /** @internal */
  setBold(sheet: SheetState, row: number, column: number, bold: boolean): void {
    this.cellFor(sheet, row, column).bold = bold;
  }

  /** @internal Moves cells in columns [from, to) of rows from `row` on, down or up `by` rows, onto emptied cells. */
  shiftRows(sheet: SheetState, row: number, from: number, to: number, by: number): void {
    const moved = [...sheet.cells].filter(([at]) => {
      const [r, c] = at.split(",").map(Number);
      return r >= row && c >= from && c < to;
    });
    moved.forEach(([at]) => sheet.cells.delete(at));
    for (const [at, cell] of moved) {
      const [r, c] = at.split(",").map(Number);
      sheet.cells.set(key(r + by, c), cell);
    }
  }

  /** @internal Moves cells in rows [from, to) at or right of `column` right by one. */
  shiftColumns(sheet: SheetState, column: number, from: number, to: number): void {
    const moved = [...sheet.cells].filter(([at]) => {
      const [r, c] = at.split(",").map(Number);
      return c >= column && r >= from && r < to;
    });
    moved.forEach(([at]) => sheet.cells.delete(at));
    for (const [at, cell] of moved) {
      const [r, c] = at.split(",").map(Number);
      sheet.cells.set(key(r, c + 1), cell);
    }
  }

  /** @internal TableRowCollection.add: fills the empty row of a table with no rows first, then inserts below. */
  addTableRows(table: TableState, values: readonly (readonly unknown[])[] | null): void {
    if (table.filtered) {
      throw new ExcelError("InsertDeleteConflict", "This operation isn't allowed while the table is filtered.");
    }
    this.checkWritable(table.sheet);
    const count = values?.length ?? 1;
    if (values?.some((row) => row.length !== table.width)) {
      throw new ExcelError("InvalidArgument", "The number of values doesn't match the table's columns.");
    }
    for (let i = 0; i < count; i++) {
      const row = table.top + 1 + table.rowCount;
      if (table.rowCount > 0) this.shiftRows(table.sheet, row, table.left, table.left + table.width, 1);
      table.rowCount++;
      for (let c = 0; c < table.width; c++) {
        const above = row > table.top + 1 ? this.cellAt(table.sheet, row - 1, table.left + c) : undefined;
        const format = above?.format ?? this.cellAt(table.sheet, row, table.left + c).format;
        table.sheet.cells.set(key(row, table.left + c), { ...blank(), format });
        const value = values?.[i][c];
        const formula = table.calculated.get(c);
        if (value !== null && value !== undefined) this.enter(table.sheet, row, table.left + c, value);
        else if (formula && this.fillFormulas) this.setFormula(table.sheet, row, table.left + c, formula);
      }
    }
  }

  /** @internal TableRow.delete. */
  deleteTableRow(table: TableState, index: number): void {
    if (table.filtered) {
      throw new ExcelError("InsertDeleteConflict", "This operation isn't allowed while the table is filtered.");
    }
    this.checkWritable(table.sheet);
    if (!Number.isInteger(index) || index < 0 || index >= table.rowCount) {
      throw new ExcelError("InvalidArgument", `The table has no row ${index}.`);
    }
    const row = table.top + 1 + index;
    if (table.rowCount === 1) {
      for (let c = 0; c < table.width; c++) {
        const cell = this.cellFor(table.sheet, row, table.left + c);
        [cell.value, cell.quotePrefix] = ["", false];
        delete cell.formula;
      }
    } else {
      for (let c = 0; c < table.width; c++) table.sheet.cells.delete(key(row, table.left + c));
      this.shiftRows(table.sheet, row + 1, table.left, table.left + table.width, -1);
    }
    table.rowCount--;
  }

  /** @internal TableColumnCollection.add at the table's right. */
  addTableColumn(table: TableState, values: readonly (readonly unknown[])[] | null, name: string | null): void {
    this.checkWritable(table.sheet);
    const headers = this.headersOf(table);
    let header = name ?? `Column${table.width + 1}`;
    for (let n = 2; headers.some((h) => same(h, header)); n++) header = `${name ?? "Column"}${n}`;
    const column = table.left + table.width;
    this.shiftColumns(table.sheet, column, table.top, table.top + 1 + Math.max(table.rowCount, 1));
    table.width++;
    table.sheet.cells.set(key(table.top, column), { value: header, format: GENERAL });
    values?.slice(1).forEach((row, r) => this.enter(table.sheet, table.top + 1 + r, column, row[0]));
  }

  /** @internal TableCollection.add over a range whose first row holds the headers. */
  createTable(address: Address, hasHeaders: boolean): TableState {
    this.checkWritable(address.sheet);
    if (!hasHeaders) throw new Error("The model makes tables from ranges with headers only.");
    if (this.tableAt(address)) {
      throw new ExcelError("InvalidArgument", "A table can't overlap another table.");
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table: TableState = {
      name: `Table${n}`,
      sheet: address.sheet,
      top: address.row,
      left: address.column,
      width: address.columns,
      rowCount: address.rows - 1,
      calculated: new Map(),
      filtered: false,
    };
    // Headers are text: a blank header becomes ColumnN, and numbers their text.
    const seen: string[] = [];
    for (let c = 0; c < table.width; c++) {
      const cell = this.cellFor(table.sheet, table.top, table.left + c);
      let header = cell.value === "" ? `Column${c + 1}` : String(cell.value);
      for (let k = 2; seen.some((h) => same(h, header)); k++) header = `${String(cell.value)}${k}`;
      [cell.value, cell.formula] = [header, undefined];
      seen.push(header);
    }
    this.tables.push(table);
    return table;
  }

  /** @internal */
  renameTable(table: TableState, name: string): void {
    this.checkTableName(name, table);
    table.name = name;
  }

  /** @internal */
  addSheetState(name: string): SheetState {
    this.checkStructure();
    this.checkSheetName(name);
    const sheet: SheetState = {
      name,
      cells: new Map(),
      protected: false,
      charts: [],
      columnWidths: new Map(),
      pageLayout: defaultPageLayout(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** @internal */
  deleteSheet(sheet: SheetState): void {
    this.checkStructure();
    if (this.sheets.length === 1) throw new ExcelError("InvalidOperation", "A workbook must keep at least one sheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.tables.splice(0, this.tables.length, ...this.tables.filter((table) => table.sheet !== sheet));
  }

  /** @internal */
  checkPayload(bytes: number, what: "request" | "response"): void {
    if (this.webPayloadLimit && bytes > PAYLOAD_LIMIT) {
      throw new ExcelError(
        what === "request" ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded",
        `The ${what} payload of ${bytes} bytes is over Excel on the web's 5 MB limit.`,
      );
    }
  }

  /** @internal */
  checkAddress(address: Address): Address {
    const inGrid =
      address.row >= 0 &&
      address.column >= 0 &&
      address.rows >= 1 &&
      address.columns >= 1 &&
      address.row + address.rows <= MAX_ROWS &&
      address.column + address.columns <= MAX_COLUMNS;
    if (!inGrid) throw new ExcelError("InvalidArgument", "The range is outside the worksheet grid.");
    return address;
  }
}

// ----- The request context and its queue -----

class Context {
  readonly workbook: WorkbookProxy;
  private queue: { operation: Operation; work: () => void }[] = [];
  private onSuccess: (() => void)[] = [];
  private responseBytes = 0;
  private requestBytes = 0;

  constructor(
    readonly model: ExcelModel,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(operation: Operation, work: () => void, requestBytes = 0): void {
    this.queue.push({ operation, work });
    this.requestBytes += requestBytes;
  }

  /** Runs after this sync succeeds: how loaded values reach the proxies. */
  whenSynced(commit: () => void, responseBytes = 0): void {
    this.onSuccess.push(commit);
    this.responseBytes += responseBytes;
  }

  async sync(): Promise<void> {
    this.model.syncs++;
    const [queue, requestBytes] = [this.queue, this.requestBytes];
    [this.queue, this.requestBytes] = [[], 0];
    try {
      await this.model.waitForSync(this.delayForCellEdit);
      this.model.mergeDue();
      this.model.checkPayload(requestBytes, "request");
      const changed = new Set<string>();
      for (const { operation, work } of queue) {
        this.model.apply(operation, work);
        if (operation.write && operation.table) changed.add(operation.table);
      }
      this.model.checkPayload(this.responseBytes, "response");
      this.onSuccess.forEach((commit) => commit());
      // The add-in's own changes are told to its handlers as Local ("Event triggers": add-in code changing the
      // workbook triggers them).
      this.model.tablesChanged([...changed], "Local");
    } finally {
      // A failed sync returns nothing: what it loaded never reaches the proxies.
      [this.onSuccess, this.responseBytes] = [[], 0];
    }
  }
}

const bytesOf = (value: unknown) => JSON.stringify(value ?? null).length;

/** A proxy object: properties readable after load() and sync(); writes and calls queued for the next sync. */
abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly context: Context,
    private readonly resolver: () => T,
  ) {}

  protected get model(): ExcelModel {
    return this.context.model;
  }

  /** @internal The Excel object this proxy stands for, as the queue has made it so far. */
  target(): T {
    return this.resolver();
  }

  protected abstract describe(target: T): { object: string; sheet?: string; table?: string };

  protected abstract read(target: T, property: string): unknown;

  protected value<V>(property: string): V {
    if (!this.loaded.has(property)) {
      throw new ExcelError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method ` +
          `on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(property) as V;
  }

  load(properties: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : properties.split(",")).map((name) => name.trim());
    this.context.enqueue(this.operation("load", false), () => {
      // Loading a null object's properties is allowed; they are simply not there.
      if (this.isNull()) return;
      const target = this.target();
      const snapshot = names.map((name) => [name, this.read(target, name)] as const);
      this.context.whenSynced(() => snapshot.forEach(([name, value]) => this.commit(name, value)), bytesOf(snapshot));
    });
    return this;
  }

  /** @internal A loaded value reaching the proxy after its sync. */
  commit(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  /** @internal Whether this proxy stands for a *OrNullObject method's null object. */
  isNull(): boolean {
    return false;
  }

  /** Filled at each sync for an object from a *OrNullObject method. */
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }

  /** Queues a change to the Excel object. */
  protected change(member: string, work: (target: T) => void, requestBytes = 0): void {
    this.context.enqueue(this.operation(member, true), () => work(this.target()), requestBytes);
  }

  /** Queues a method that makes or finds another object; the returned proxy stands for its result. */
  protected make<U, P>(member: string, find: (target: T) => U, proxy: (resolver: () => U) => P, write = false): P {
    let made: { value: U } | undefined;
    this.context.enqueue(this.operation(member, write), () => (made = { value: find(this.target()) }));
    return proxy(() => {
      if (!made) throw new ExcelError("InvalidObjectPath", `The object from ${member}() was never made.`);
      return made.value;
    });
  }

  /** getItemOrNullObject: isNullObject is filled at each sync; anything asked of a null object fails. */
  protected makeOrNull<U, P extends ClientObject<U>>(
    member: string,
    find: (target: T) => U | undefined,
    proxy: (resolver: () => U) => P,
  ): P {
    let found: { value: U | undefined } | undefined;
    const result = proxy(() => {
      if (!found) throw new ExcelError("InvalidObjectPath", `The object from ${member}() was never made.`);
      if (found.value === undefined) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
      return found.value;
    });
    this.context.enqueue(this.operation(member, false), () => {
      const value = find(this.target());
      found = { value };
      this.context.whenSynced(() => result.commit("isNullObject", value === undefined));
    });
    result.isNull = () => found !== undefined && found.value === undefined;
    return result;
  }

  private operation(member: string, write: boolean): Operation {
    // Described lazily: the target exists only once the queue reaches it.
    const describe = () => {
      try {
        return this.describe(this.target());
      } catch {
        return { object: this.constructor.name.replace(/Proxy$/, "") };
      }
    };
    return new LazyOperation(describe, member, write);
  }
}

class LazyOperation implements Operation {
  private described?: { object: string; sheet?: string; table?: string };
  constructor(
    private readonly describe: () => { object: string; sheet?: string; table?: string },
    readonly member: string,
    readonly write: boolean,
  ) {}
  private get info() {
    return (this.described ??= this.describe());
  }
  get object() {
    return this.info.object;
  }
  get sheet() {
    return this.info.sheet;
  }
  get table() {
    return this.info.table;
  }
}

// ----- The objects -----

class WorkbookProxy extends ClientObject<ExcelModel> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly functions: FunctionsProxy;
  constructor(context: Context) {
    super(context, () => context.model);
    this.worksheets = new WorksheetCollectionProxy(context, () => context.model);
    this.tables = new TableCollectionProxy(context, () => undefined);
    this.names = new NamedItemCollectionProxy(context, () => context.model);
    this.protection = new WorkbookProtectionProxy(context, () => context.model);
    this.functions = new FunctionsProxy(context);
  }
  /** Workbook.use1904DateSystem, in Office.js's preview APIs: loadable here, as the workbook's state. */
  get use1904DateSystem(): boolean {
    return this.value("use1904DateSystem");
  }
  protected describe() {
    return { object: "Workbook" };
  }
  protected read(model: ExcelModel, property: string) {
    if (property !== "use1904DateSystem") throw new Error(`unmodelled property ${property}`);
    return model.use1904DateSystem;
  }
}

/** Workbook.functions (ExcelApi 1.2): Excel's worksheet functions called from script; DATE only is modelled. */
class FunctionsProxy {
  constructor(private readonly context: Context) {}
  /** DATE(year, month, day): the workbook's serial for the date, in its date system. */
  date(year: number, month: number, day: number): FunctionResultProxy {
    return new FunctionResultProxy(this.context, () => {
      const serial = dateSerial(year, month, day);
      if (serial === null) throw new Error("unmodelled: DATE of a day that does not exist");
      return this.context.model.workbookSerial(serial);
    });
  }
}

/** FunctionResult: its value readable once loaded and synced (a wrapper, as ClientObject has a value method). */
class FunctionResultProxy {
  private readonly result: FunctionResultLoader;
  constructor(context: Context, resolve: () => number) {
    this.result = new FunctionResultLoader(context, resolve);
  }
  load(properties: string): this {
    this.result.load(properties);
    return this;
  }
  get value(): number {
    return this.result.loadedValue();
  }
}

class FunctionResultLoader extends ClientObject<number> {
  loadedValue(): number {
    return this.value("value");
  }
  protected describe() {
    return { object: "FunctionResult" };
  }
  protected read(result: number, property: string) {
    if (property !== "value") throw new Error(`unmodelled property ${property}`);
    return result;
  }
}

class WorkbookProtectionProxy extends ClientObject<ExcelModel> {
  get protected(): boolean {
    return this.value("protected");
  }
  protected describe() {
    return { object: "WorkbookProtection" };
  }
  protected read(model: ExcelModel, property: string) {
    if (property !== "protected") throw new Error(`unmodelled property ${property}`);
    return model.workbookProtected;
  }
}

/** Loads "items/name" only: what the add-in loads of a collection. */
abstract class NamedCollection<T, I> extends ClientObject<T> {
  protected abstract names(target: T): { name: string; item: I }[];
  protected abstract itemProxy(item: I): ClientObject<I> & { readonly name: string };
  get items(): (ClientObject<I> & { readonly name: string })[] {
    return this.value("items");
  }
  protected read(target: T, property: string) {
    if (property !== "items/name") throw new Error(`unmodelled property ${property}`);
    return this.names(target);
  }
  override commit(property: string, value: unknown): void {
    super.commit(property, value);
    // items/name arrives as proxies whose name is loaded.
    const items = (value as { name: string; item: I }[]).map(({ name, item }) => {
      const proxy = this.itemProxy(item);
      proxy.commit("name", name);
      return proxy;
    });
    super.commit("items", items);
  }
}

class NamedItemCollectionProxy extends NamedCollection<ExcelModel, string> {
  protected describe() {
    return { object: "NamedItemCollection" };
  }
  protected names(model: ExcelModel) {
    return model.definedNames.map((name) => ({ name, item: name }));
  }
  protected itemProxy(name: string) {
    return new NamedItemProxy(this.context, () => name);
  }
}

class NamedItemProxy extends ClientObject<string> {
  get name(): string {
    return this.value("name");
  }
  protected describe() {
    return { object: "NamedItem" };
  }
  protected read(name: string) {
    return name;
  }
}

class WorksheetCollectionProxy extends NamedCollection<ExcelModel, SheetState> {
  protected describe() {
    return { object: "WorksheetCollection" };
  }
  protected names(model: ExcelModel) {
    return model.allSheets().map((sheet) => ({ name: sheet.name, item: sheet }));
  }
  protected itemProxy(sheet: SheetState) {
    return new WorksheetProxy(this.context, () => sheet);
  }
  add(name: string): WorksheetProxy {
    return this.make(
      "add",
      (model) => model.addSheetState(name),
      (resolve) => new WorksheetProxy(this.context, resolve),
      true,
    );
  }
  getItem(name: string): WorksheetProxy {
    return this.make(
      "getItem",
      (model) => model.sheet(name),
      (resolve) => new WorksheetProxy(this.context, resolve),
    );
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return this.makeOrNull(
      "getItemOrNullObject",
      (model) => model.findSheet(name),
      (r) => new WorksheetProxy(this.context, r),
    );
  }
}

class WorksheetProxy extends ClientObject<SheetState> {
  get name(): string {
    return this.value("name");
  }
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.context, () => this.target());
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => this.target());
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, () => this.target());
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, () => this.target());
  }
  get horizontalPageBreaks(): { add(range: string | RangeProxy): void } {
    return {
      add: (range) =>
        this.change("horizontalPageBreaks.add", (sheet) => {
          this.model.checkWritable(sheet);
          const address = typeof range === "string" ? parseRangeAddress(sheet, range) : range.target();
          sheet.pageLayout.horizontalBreaks.push(`${columnLetters(address.column)}${address.row + 1}`);
        }),
    };
  }
  protected describe(sheet: SheetState) {
    return { object: "Worksheet", sheet: sheet.name };
  }
  protected read(sheet: SheetState, property: string) {
    if (property !== "name") throw new Error(`unmodelled property ${property}`);
    return sheet.name;
  }
  getRange(address: string): RangeProxy {
    return this.make(
      "getRange",
      (sheet) => this.model.checkAddress(parseRangeAddress(sheet, address)),
      (r) => new RangeProxy(this.context, r),
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return this.make(
      "getRangeByIndexes",
      (sheet) => this.model.checkAddress({ sheet, row, column, rows, columns }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  delete(): void {
    this.change("delete", (sheet) => this.model.deleteSheet(sheet));
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9), as its JSDoc says: every property written is queued; setPrintTitleRows takes
 * whole rows ("The range must span the entire row"); zoom is set only as one object ("use x.zoom = {...} instead of
 * x.zoom.scale = ..."), a scale 10 to 400; orientation and paperSize among Excel.PageOrientation's and
 * Excel.PaperType's values.
 */
class PageLayoutProxy extends ClientObject<SheetState> {
  protected describe(sheet: SheetState) {
    return { object: "PageLayout", sheet: sheet.name };
  }
  protected read(sheet: SheetState, property: string) {
    if (property !== "zoom") throw new Error(`unmodelled property ${property}`);
    return { ...sheet.pageLayout.zoom };
  }
  private set<K extends keyof PageLayoutState>(member: K, value: PageLayoutState[K], check?: () => void) {
    this.change(member, (sheet) => {
      this.model.checkWritable(sheet);
      check?.();
      sheet.pageLayout[member] = value;
    });
  }
  private margin(which: keyof PageLayoutState["margins"], points: number) {
    this.change(`${which}Margin`, (sheet) => {
      this.model.checkWritable(sheet);
      if (!(points >= 0)) throw new ExcelError("InvalidArgument", `${points} is not a margin.`);
      sheet.pageLayout.margins[which] = points;
    });
  }
  set paperSize(paper: string) {
    this.set("paperSize", paper, () => {
      if (!PAPER_TYPES.has(paper)) throw new ExcelError("InvalidArgument", `${paper} is not a paper size.`);
    });
  }
  set orientation(orientation: string) {
    this.set("orientation", orientation, () => {
      if (orientation !== "Portrait" && orientation !== "Landscape") {
        throw new ExcelError("InvalidArgument", `${orientation} is not an orientation.`);
      }
    });
  }
  set topMargin(points: number) {
    this.margin("top", points);
  }
  set bottomMargin(points: number) {
    this.margin("bottom", points);
  }
  set leftMargin(points: number) {
    this.margin("left", points);
  }
  set rightMargin(points: number) {
    this.margin("right", points);
  }
  set headerMargin(points: number) {
    this.margin("header", points);
  }
  set footerMargin(points: number) {
    this.margin("footer", points);
  }
  set centerHorizontally(center: boolean) {
    this.set("centerHorizontally", center);
  }
  set printGridlines(print: boolean) {
    this.set("printGridlines", print);
  }
  get zoom(): PageLayoutState["zoom"] {
    return this.value("zoom");
  }
  set zoom(zoom: PageLayoutState["zoom"]) {
    this.set("zoom", { ...zoom }, () => {
      const { scale, horizontalFitToPages, verticalFitToPages } = zoom;
      if (scale !== undefined && !(Number.isInteger(scale) && scale >= 10 && scale <= 400)) {
        throw new ExcelError("InvalidArgument", `The print scale must be from 10 to 400; got ${scale}.`);
      }
      // A number of pages wide or tall is a whole number; 0 is "automatic" (as many as it takes).
      for (const pages of [horizontalFitToPages, verticalFitToPages]) {
        if (pages !== undefined && !(Number.isInteger(pages) && pages >= 0)) {
          throw new ExcelError("InvalidArgument", `The pages to fit to must be a whole number; got ${pages}.`);
        }
      }
    });
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const set = (text: string) => this.set("centerFooter", text);
    return {
      defaultForAllPages: {
        set centerFooter(text: string) {
          set(text);
        },
        get centerFooter(): string {
          throw new Error("unmodelled read");
        },
      },
    };
  }
  setPrintArea(area: string): void {
    this.change("setPrintArea", (sheet) => {
      this.model.checkWritable(sheet);
      area.split(",").forEach((part) => parseRangeAddress(sheet, part));
      sheet.pageLayout.printArea = area;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.change("setPrintTitleRows", (sheet) => {
      this.model.checkWritable(sheet);
      const whole = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!whole || Number(whole[1]) < 1 || Number(whole[2]) < Number(whole[1])) {
        throw new ExcelError("InvalidArgument", `Print title rows must be whole rows, such as $1:$3; got ${rows}.`);
      }
      sheet.pageLayout.printTitleRows = rows;
    });
  }
}

class WorksheetProtectionProxy extends ClientObject<SheetState> {
  get protected(): boolean {
    return this.value("protected");
  }
  protected describe(sheet: SheetState) {
    return { object: "WorksheetProtection", sheet: sheet.name };
  }
  protected read(sheet: SheetState, property: string) {
    if (property !== "protected") throw new Error(`unmodelled property ${property}`);
    return sheet.protected;
  }
}

/** The workbook's tables (target undefined) or one sheet's. */
class TableCollectionProxy extends NamedCollection<SheetState | undefined, TableState> {
  protected describe(sheet: SheetState | undefined) {
    return { object: "TableCollection", sheet: sheet?.name };
  }
  protected names(sheet: SheetState | undefined) {
    return this.model.allTables(sheet).map((table) => ({ name: table.name, item: table }));
  }
  protected itemProxy(table: TableState) {
    return new TableProxy(this.context, () => table);
  }
  getItem(name: string): TableProxy {
    return this.make(
      "getItem",
      () => this.model.table(name),
      (r) => new TableProxy(this.context, r),
    );
  }
  getItemOrNullObject(name: string): TableProxy {
    return this.makeOrNull(
      "getItemOrNullObject",
      () => this.model.findTable(name),
      (r) => new TableProxy(this.context, r),
    );
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return this.make(
      "add",
      (sheet) => {
        const range =
          typeof address === "string"
            ? parseRangeAddress(sheet ?? this.model.sheet(address.split("!")[0].replace(/'/g, "")), address)
            : address.target();
        return this.model.createTable(range, hasHeaders);
      },
      (r) => new TableProxy(this.context, r),
      true,
    );
  }
}

class TableProxy extends ClientObject<TableState> {
  get name(): string {
    return this.value("name");
  }
  set name(name: string) {
    this.change("name", (table) => this.model.renameTable(table, name));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }
  get rows(): TableRowCollectionProxy {
    return new TableRowCollectionProxy(this.context, () => this.target());
  }
  get columns(): TableColumnCollectionProxy {
    return new TableColumnCollectionProxy(this.context, () => this.target());
  }
  get autoFilter(): AutoFilterProxy {
    return new AutoFilterProxy(this.context, () => this.target());
  }
  /** Table.onChanged (ExcelApi 1.7): a handler is registered, and removed, at the sync its call is queued for. */
  get onChanged() {
    const context = this.context;
    return {
      add: (handler: (args: unknown) => Promise<unknown>) => {
        let remove: (() => void) | undefined;
        this.context.enqueue(this.eventOperation("onChanged.add"), () => {
          remove = this.model.addTableHandler(this.target(), handler);
        });
        return {
          context,
          remove: () => context.enqueue(this.eventOperation("onChanged.remove"), () => remove?.()),
        };
      },
    };
  }
  private eventOperation(member: string): Operation {
    return { object: "Table", member, write: false };
  }
  protected describe(table: TableState) {
    return { object: "Table", sheet: table.sheet.name, table: table.name };
  }
  protected read(table: TableState, property: string) {
    if (property !== "name") throw new Error(`unmodelled property ${property}`);
    return table.name;
  }
  getHeaderRowRange(): RangeProxy {
    return this.make(
      "getHeaderRowRange",
      (t) => ({ sheet: t.sheet, row: t.top, column: t.left, rows: 1, columns: t.width }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  /** A table with no rows still has one (empty) body row. */
  getDataBodyRange(): RangeProxy {
    return this.make(
      "getDataBodyRange",
      (t) => ({ sheet: t.sheet, row: t.top + 1, column: t.left, rows: Math.max(t.rowCount, 1), columns: t.width }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  getRange(): RangeProxy {
    return this.make(
      "getRange",
      (t) => ({ sheet: t.sheet, row: t.top, column: t.left, rows: 1 + Math.max(t.rowCount, 1), columns: t.width }),
      (r) => new RangeProxy(this.context, r),
    );
  }
}

class AutoFilterProxy extends ClientObject<TableState> {
  get isDataFiltered(): boolean {
    return this.value("isDataFiltered");
  }
  protected describe(table: TableState) {
    return { object: "AutoFilter", sheet: table.sheet.name, table: table.name };
  }
  protected read(table: TableState, property: string) {
    if (property !== "isDataFiltered") throw new Error(`unmodelled property ${property}`);
    return table.filtered;
  }
}

class TableRowCollectionProxy extends ClientObject<TableState> {
  get count(): number {
    return this.value("count");
  }
  protected describe(table: TableState) {
    return { object: "TableRowCollection", sheet: table.sheet.name, table: table.name };
  }
  protected read(table: TableState, property: string) {
    if (property !== "count") throw new Error(`unmodelled property ${property}`);
    return table.rowCount;
  }
  add(index?: number | null, values?: unknown): void {
    if (index !== undefined && index !== null && index !== -1) throw new Error("The model adds rows at the end only.");
    const rows =
      values === undefined || values === null ? null : Array.isArray(values) ? (values as unknown[][]) : [[values]];
    this.change("add", (table) => this.model.addTableRows(table, rows), bytesOf(rows));
  }
  getItemAt(index: number): TableRowProxy {
    return this.make(
      "getItemAt",
      (table) => ({ table, index }),
      (r) => new TableRowProxy(this.context, r),
    );
  }
}

class TableRowProxy extends ClientObject<{ table: TableState; index: number }> {
  protected describe({ table }: { table: TableState }) {
    return { object: "TableRow", sheet: table.sheet.name, table: table.name };
  }
  protected read(): unknown {
    throw new Error("unmodelled");
  }
  delete(): void {
    this.change("delete", ({ table, index }) => this.model.deleteTableRow(table, index));
  }
}

class TableColumnCollectionProxy extends NamedCollection<TableState, { table: TableState; index: number }> {
  protected describe(table: TableState) {
    return { object: "TableColumnCollection", sheet: table.sheet.name, table: table.name };
  }
  protected names(table: TableState) {
    return this.model.headersOf(table).map((name, index) => ({ name, item: { table, index } }));
  }
  protected itemProxy(item: { table: TableState; index: number }) {
    return new TableColumnProxy(this.context, () => item);
  }
  getItemOrNullObject(name: string): TableColumnProxy {
    return this.makeOrNull(
      "getItemOrNullObject",
      (table) => {
        const index = this.model.headersOf(table).findIndex((header) => same(header, name));
        return index < 0 ? undefined : { table, index };
      },
      (r) => new TableColumnProxy(this.context, r),
    );
  }
  add(index?: number | null, values?: unknown, name?: string): void {
    if (index !== undefined && index !== null && index !== -1)
      throw new Error("The model adds columns at the end only.");
    const rows = values === undefined || values === null ? null : (values as unknown[][]);
    this.change("add", (table) => this.model.addTableColumn(table, rows, name ?? null), bytesOf(rows));
  }
}

class TableColumnProxy extends ClientObject<{ table: TableState; index: number }> {
  get name(): string {
    return this.value("name");
  }
  protected describe({ table }: { table: TableState }) {
    return { object: "TableColumn", sheet: table.sheet.name, table: table.name };
  }
  protected read({ table, index }: { table: TableState; index: number }, property: string) {
    if (property !== "name") throw new Error(`unmodelled property ${property}`);
    return this.model.headersOf(table)[index];
  }
  getDataBodyRange(): RangeProxy {
    return this.make(
      "getDataBodyRange",
      ({ table, index }) => ({
        sheet: table.sheet,
        row: table.top + 1,
        column: table.left + index,
        rows: Math.max(table.rowCount, 1),
        columns: 1,
      }),
      (r) => new RangeProxy(this.context, r),
    );
  }
}

class RangeProxy extends ClientObject<Address> {
  get values(): Value[][] {
    return this.value("values");
  }
  set values(values: unknown[][]) {
    this.change(
      "values",
      (address) => this.fill(address, values, (r, c, v) => this.model.enter(address.sheet, r, c, v)),
      bytesOf(values),
    );
  }
  get formulas(): Value[][] {
    return this.value("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.change(
      "formulas",
      (address) => this.fill(address, formulas, (r, c, v) => this.model.enter(address.sheet, r, c, v)),
      bytesOf(formulas),
    );
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.change(
      "numberFormat",
      (address) => this.fill(address, formats, (r, c, v) => this.model.setFormat(address.sheet, r, c, v)),
      bytesOf(formats),
    );
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  get address(): string {
    return this.value("address");
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this.target());
  }
  protected describe(address: Address) {
    return { object: "Range", sheet: address.sheet.name, table: this.model.tableAt(address)?.name };
  }
  protected read(address: Address, property: string) {
    const grid = <V>(cell: (c: Cell) => V) =>
      Array.from({ length: address.rows }, (_, r) =>
        Array.from({ length: address.columns }, (_, c) =>
          cell(this.model.cellAt(address.sheet, address.row + r, address.column + c)),
        ),
      );
    if (address.rows * address.columns > 5_000_000) {
      throw new ExcelError("ResponsePayloadSizeLimitExceeded", "A range read is limited to 5,000,000 cells.");
    }
    switch (property) {
      case "values":
        return grid((cell) => cell.value);
      case "formulas":
        return grid((cell) => cell.formula ?? cell.value);
      case "numberFormat":
        return grid((cell) => cell.format);
      case "rowIndex":
        return address.row;
      case "columnIndex":
        return address.column;
      case "rowCount":
        return address.rows;
      case "columnCount":
        return address.columns;
      case "address":
        return addressText(address);
      default:
        throw new Error(`unmodelled property ${property}`);
    }
  }
  /** Writes a 2-D array the size of the range (or one value to every cell); null leaves a cell as it is. */
  private fill(address: Address, input: unknown, write: (row: number, column: number, value: unknown) => void) {
    this.model.checkWritable(address.sheet);
    const grid = Array.isArray(input) ? (input as unknown[][]) : null;
    if (
      grid &&
      (grid.length !== address.rows || grid.some((row) => !Array.isArray(row) || row.length !== address.columns))
    ) {
      throw new ExcelError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    for (let r = 0; r < address.rows; r++) {
      for (let c = 0; c < address.columns; c++) write(address.row + r, address.column + c, grid ? grid[r][c] : input);
    }
  }
  getCell(row: number, column: number): RangeProxy {
    return this.make(
      "getCell",
      (a) =>
        this.model.checkAddress({ sheet: a.sheet, row: a.row + row, column: a.column + column, rows: 1, columns: 1 }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  /** Range.getColumn (ExcelApi 1.1): one column of the range, by its index in it, found when the queue reaches it. */
  getColumn(column: number): RangeProxy {
    return this.make(
      "getColumn",
      (a) => this.model.checkAddress({ ...a, column: a.column + column, columns: 1 }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  /** Range.getLastRow (ExcelApi 1.1): the range's last row, found when the queue reaches it. */
  getLastRow(): RangeProxy {
    return this.make(
      "getLastRow",
      (a) => ({ ...a, row: a.row + a.rows - 1, rows: 1 }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  getOffsetRange(rows: number, columns: number): RangeProxy {
    return this.make(
      "getOffsetRange",
      (a) => this.model.checkAddress({ ...a, row: a.row + rows, column: a.column + columns }),
      (r) => new RangeProxy(this.context, r),
    );
  }
  getResizedRange(rows: number, columns: number): RangeProxy {
    return this.make(
      "getResizedRange",
      (a) => this.model.checkAddress({ ...a, rows: a.rows + rows, columns: a.columns + columns }),
      (r) => new RangeProxy(this.context, r),
    );
  }
}

class RangeFormatProxy extends ClientObject<Address> {
  get font(): { bold: boolean } {
    const set = (bold: boolean) =>
      this.change("font.bold", (a) => {
        this.model.checkWritable(a.sheet);
        for (let r = 0; r < a.rows; r++)
          for (let c = 0; c < a.columns; c++) this.model.setBold(a.sheet, a.row + r, a.column + c, bold);
      });
    return {
      set bold(bold: boolean) {
        set(bold);
      },
      get bold(): boolean {
        throw new Error("unmodelled read of font.bold");
      },
    };
  }
  set columnWidth(width: number) {
    this.change("columnWidth", (a) => {
      this.model.checkWritable(a.sheet);
      for (let c = 0; c < a.columns; c++) a.sheet.columnWidths.set(a.column + c, width);
    });
  }
  protected describe(address: Address) {
    return { object: "RangeFormat", sheet: address.sheet.name };
  }
  protected read(): unknown {
    throw new Error("unmodelled");
  }
}

class ChartCollectionProxy extends ClientObject<SheetState> {
  protected describe(sheet: SheetState) {
    return { object: "ChartCollection", sheet: sheet.name };
  }
  protected read(): unknown {
    throw new Error("unmodelled");
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    return this.make(
      "add",
      (sheet) => {
        this.model.checkWritable(sheet);
        if (!CHART_TYPES.has(type)) throw new ExcelError("InvalidArgument", `${type} is not a chart type.`);
        if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy)) {
          throw new ExcelError("InvalidArgument", `${seriesBy} is not a way to take series.`);
        }
        const chart: ChartState = { type, source: addressText(source.target()), seriesBy: seriesBy ?? "Auto" };
        sheet.charts.push(chart);
        return { sheet, chart };
      },
      (r) => new ChartProxy(this.context, r),
      true,
    );
  }
}

class ChartProxy extends ClientObject<{ sheet: SheetState; chart: ChartState }> {
  set name(name: string) {
    this.change("name", ({ chart }) => (chart.name = name));
  }
  get title(): { text: string } {
    const set = (text: string) => this.change("title.text", ({ chart }) => (chart.title = text));
    return writeOnly((text) => set(text));
  }
  get axes(): { categoryAxis: AxisProxy; valueAxis: AxisProxy } {
    const change = (member: string, work: (chart: ChartState) => void) =>
      this.change(`axes.${member}`, ({ chart }) => work(chart));
    const axis = (which: "categoryAxis" | "valueAxis"): AxisProxy => ({
      title: writeOnly((text) =>
        change(
          `${which}.title`,
          (chart) => (chart[which === "categoryAxis" ? "categoryAxisTitle" : "valueAxisTitle"] = text),
        ),
      ),
      set numberFormat(format: string) {
        change(`${which}.numberFormat`, (chart) => {
          if (which !== "valueAxis") throw new Error("unmodelled: a category axis's number format");
          chart.valueAxisFormat = format;
        });
      },
      set tickLabelSpacing(spacing: number) {
        change(`${which}.tickLabelSpacing`, (chart) => {
          // ChartAxis.tickLabelSpacing: category axes only, 1 to 31,999; a scatter chart's x axis holds values.
          if (which !== "categoryAxis" || chart.type.startsWith("XYScatter")) {
            throw new ExcelError("InvalidArgument", "Tick label spacing applies to a category axis only.");
          }
          if (!Number.isInteger(spacing) || spacing < 1 || spacing > 31_999) {
            throw new ExcelError("InvalidArgument", `${spacing} is not a tick label spacing (1 to 31,999).`);
          }
          chart.tickLabelSpacing = spacing;
        });
      },
    });
    return { categoryAxis: axis("categoryAxis"), valueAxis: axis("valueAxis") };
  }
  get dataLabels(): { showValue: boolean } {
    const change = (show: boolean) => this.change("dataLabels.showValue", ({ chart }) => (chart.showValue = show));
    return {
      set showValue(show: boolean) {
        change(show);
      },
      get showValue(): boolean {
        throw new Error("unmodelled read");
      },
    };
  }
  get series(): { getItemAt(index: number): SeriesProxy } {
    return {
      getItemAt: (index: number) => {
        const at = (work: (series: SeriesState, chart: ChartState) => void) => (member: string) =>
          this.change(`series.getItemAt(${index}).${member}`, ({ sheet, chart }) => {
            // Series by columns: one per column of the source after the first (the categories, or x values).
            const source = parseRangeAddress(sheet, chart.source);
            const count = (chart.seriesBy === "Rows" ? source.rows : source.columns) - 1;
            if (!Number.isInteger(index) || index < 0 || index >= count) {
              throw new ExcelError("ItemNotFound", `The chart has ${count} series; there is no series ${index}.`);
            }
            chart.series ??= [];
            work((chart.series[index] ??= {}), chart);
          });
        const set = (field: keyof SeriesState, colour: boolean) => (value: string) =>
          at((series) => {
            if (colour) checkColour(value);
            series[field] = value;
          })(field);
        const line = {
          set color(value: string) {
            set("lineColor", true)(value);
          },
          set lineStyle(value: string) {
            at((series) => {
              if (!LINE_STYLES.has(value)) throw new ExcelError("InvalidArgument", `${value} is not a line style.`);
              series.lineStyle = value;
            })("format.line.lineStyle");
          },
        };
        return {
          format: {
            line,
            fill: { setSolidColor: (value: string) => set("fill", true)(value) },
          },
          set markerBackgroundColor(value: string) {
            set("markerBackgroundColor", true)(value);
          },
          set markerForegroundColor(value: string) {
            set("markerForegroundColor", true)(value);
          },
        };
      },
    };
  }
  protected describe({ sheet }: { sheet: SheetState }) {
    return { object: "Chart", sheet: sheet.name };
  }
  protected read(): unknown {
    throw new Error("unmodelled");
  }
  setPosition(start: string | RangeProxy, end?: string | RangeProxy): void {
    const a1 = (at: string | RangeProxy) =>
      typeof at === "string" ? at : addressText(at.target()).replace(/^.*!/, "");
    this.change("setPosition", ({ chart }) => {
      const position = { start: a1(start), end: end === undefined ? undefined : a1(end) };
      parseA1(position.start.split(":")[0]);
      chart.position = position;
    });
  }
}

interface AxisProxy {
  title: { text: string };
  numberFormat: string;
  tickLabelSpacing: number;
}

interface SeriesProxy {
  format: { line: { color: string; lineStyle: string }; fill: { setSolidColor(colour: string): void } };
  markerBackgroundColor: string;
  markerForegroundColor: string;
}

function writeOnly(set: (text: string) => void): { text: string } {
  return {
    set text(text: string) {
      set(text);
    },
    get text(): string {
      throw new Error("unmodelled read");
    },
  };
}
