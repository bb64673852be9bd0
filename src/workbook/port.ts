// The one narrow interface through which the pane reads and writes the workbook. Two implementations:
// office/officeWorkbook.ts (Excel, through Office.js) and memory/memoryWorkbook.ts (tests and the browser
// preview). Everything above it (the table schema, the plan book, the reports) is pure and shared.

/** A cell value as a table holds it. A formula is written only through a column's or a sheet cell's `formula`. */
export type CellValue = string | number | boolean | null;

/**
 * A cell as an edit writes it: a value, or undefined to leave the cell as it is (a column the edit writes, in a
 * row where only some of its columns change).
 */
export type CellWrite = CellValue | undefined;

/** An Excel error value as Range.values reads it ("#N/A", "#VALUE!"…). */
const ERROR_VALUE =
  /^#(?:N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Whether a cell as read shows one of Excel's error values (text that merely starts with "#" does not). */
export const isErrorValue = (cell: unknown): cell is string => typeof cell === "string" && ERROR_VALUE.test(cell);

/** Excel's number format for a column whose cells are text: what is written stays text (no 00123 → 123). */
export const TEXT_FORMAT = "@";

/** A column as the add-in writes it. */
export interface ColumnWrite {
  readonly header: string;
  /** Excel number format code; TEXT_FORMAT keeps written strings as text. */
  readonly numberFormat: string;
  /**
   * A calculated column: this formula (with structured references such as [@Points]) is written into every
   * row the add-in writes, explicitly, whatever the user's "Fill formulas in tables" setting.
   */
  readonly formula?: string;
}

/** A named table's header row and body, as calculated values, with the sheet it is on. */
export interface TableData {
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Where the header row's first cell is on the sheet, so a cell can be named as Excel names it ("C5"). */
  readonly at?: CellAddress;
}

/**
 * What readTable gives for each cell: its calculated value, or (as Range.formulas) what it holds — a formula as its
 * text ("=…"), a value as itself, an empty cell as null.
 */
export type TableRead = "values" | "formulas";

/** A table to create: on a new sheet of its own, or at a position of a sheet being added (SheetSpec.tables). */
export interface NewTable {
  readonly sheet: string;
  readonly name: string;
  readonly columns: readonly ColumnWrite[];
  /** One value per column; the cells of formula columns are ignored (null). */
  readonly rows: readonly (readonly CellValue[])[];
  /** Top-left cell of the header row, 0-based; A1 when omitted. */
  readonly at?: CellAddress;
}

/** A row of a table by its index in the rows readTable returned, with the value that identifies it. */
export interface RowRef {
  readonly row: number;
  /** The row must still hold this text in this column (compared ignoring case), or nothing is written. */
  readonly key: { readonly header: string; readonly value: string };
}

/**
 * What a caller read of the rows holding a key (a plan's ID in its Plan ID column), for a precondition of an edit:
 * the edit is written only if, when it is checked, exactly these rows hold the key (compared as `keyOf` compares)
 * and each still holds, under `columns`, the values it was read with (as readTable gave them). No rows: the key is
 * new and no row may hold it yet, which claims it (a new plan's ID). Rows added, removed or changed by someone else
 * since the read stop the edit, where a RowRef alone sees only a row that moved.
 */
export interface KeyRows {
  readonly header: string;
  readonly value: string;
  /** Headers of the columns compared; a column the table lacks reads as blank (null). */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly row: number; readonly values: readonly CellValue[] }[];
}

/**
 * Changes to one table. Only `columns` are written: every other column keeps what it holds (a user's own
 * columns, their formulas included, are never touched). A column the table lacks is added at its right, so
 * an older workbook gains the add-in's new columns on its next save.
 */
export interface TableEdit {
  readonly table: string;
  readonly columns: readonly ColumnWrite[];
  /** Values aligned with `columns`; undefined leaves that cell of the row as it is. */
  readonly update?: readonly (RowRef & { readonly values: readonly CellWrite[] })[];
  readonly delete?: readonly RowRef[];
  /**
   * Values aligned with `columns`; other columns of appended rows are left to Excel: blank, or filled by a user's
   * calculated column only while the user's "Fill formulas in tables" option is on. Undefined is a blank cell.
   */
  readonly append?: readonly (readonly CellWrite[])[];
  /** Rows that must be as the caller read them, checked with every other precondition before the first write. */
  readonly expect?: readonly KeyRows[];
}

/** 0-based row and column on a sheet. */
export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

/** A block of cells on a sheet, 0-based. */
export interface CellRange extends CellAddress {
  readonly rows: number;
  readonly columns: number;
}

/** One cell of a generated sheet: a value or a formula (A1 or structured references, as Excel takes them). */
export interface SheetCell extends CellAddress {
  readonly value?: CellValue;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
}

/** How one series of a chart is drawn, as Excel.ChartSeries formats it. */
export interface ChartSeriesStyle {
  /** "#RRGGBB": a line's colour and its markers' (ChartLineFormat.color), a column's fill (ChartFill.setSolidColor). */
  readonly color: string;
  /** A line's style (ChartLineFormat.lineStyle, Excel.ChartLineStyle): solid ("Continuous") or dashed ("Dash"). */
  readonly lineStyle?: "Continuous" | "Dash";
}

/**
 * A native Excel chart over a block of the same sheet: its first row names the series, its first column
 * holds the categories (x values), each further column is one series.
 */
export interface ChartSpec {
  readonly name: string;
  readonly title: string;
  readonly type: "line" | "columnClustered" | "barClustered" | "xyScatterLines";
  readonly source: CellRange;
  /** Where the chart sits, in cells. */
  readonly at: CellRange;
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  /** Each series' style, in the order of the source's series columns; Excel's own where absent. */
  readonly series?: readonly ChartSeriesStyle[];
  /** The value axis's number format (ChartAxis.numberFormat), e.g. "£#,##0" rather than Excel's "5.69k". */
  readonly valueAxisFormat?: string;
  /** Every category named on its axis, none skipped for room (ChartAxis.tickLabelSpacing 1). */
  readonly everyCategoryLabelled?: boolean;
  /** Each point's value shown on it (ChartDataLabels.showValue). */
  readonly valueLabels?: boolean;
}

/**
 * How a sheet prints, as Worksheet.pageLayout and Worksheet.horizontalPageBreaks set it (ExcelApi 1.9): the paper,
 * one print area, the rows repeated at the top of every page, its size on the page, and where pages break.
 */
export interface PrintLayout {
  readonly paper: "A4";
  readonly orientation: "Portrait" | "Landscape";
  /** The print area: one block of the sheet. */
  readonly area: CellRange;
  /** Rows printed at the top of every page (PageLayout.setPrintTitleRows), 0-based, first to last. */
  readonly titleRows: { readonly first: number; readonly last: number };
  /**
   * Its size on the page (PageLayoutZoomOptions, set as one object): a scale in percent, 10 to 400, or one page wide
   * and as many tall as it takes (verticalFitToPages 0, as Microsoft's sample sets it). Both are documented; the fit
   * is reported not to take in Excel for Windows unless the Page Layout tab is showing (office-js#1860). So the
   * committee pack uses a scale worked out from its columns' widths; the person's copy keeps the fit, which where it
   * takes never cuts a line, and the README says how to set it by hand where it does not.
   */
  readonly zoom: { readonly scale: number } | { readonly horizontalFitToPages: 1; readonly verticalFitToPages: 0 };
  /** Manual page breaks, each before this row (0-based), across the print area's columns; none when absent. */
  readonly breaksBefore?: readonly number[];
  /** Margins in points (1/72 inch); Excel's Normal margins when absent. */
  readonly margins?: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  /** The footer in the middle of every page, in Excel's header and footer codes ("&P of &N"). */
  readonly centerFooter?: string;
}

/** A sheet the add-in writes once (a report of live formulas); Excel recalculates it from then on. */
export interface SheetSpec {
  readonly name: string;
  readonly cells: readonly SheetCell[];
  readonly tables?: readonly NewTable[];
  readonly charts?: readonly ChartSpec[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  /** How the sheet prints; Excel's defaults where absent. */
  readonly print?: PrintLayout;
}

/** What the workbook already has, so nothing of the user's is overwritten. */
export interface WorkbookNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  /** Defined names share the workbook's name space with tables: a table cannot take one. */
  readonly definedNames: readonly string[];
}

/**
 * Something the workbook refused or that changed under us; the message says what happened, whether
 * anything was written, and how to retry.
 */
export class WorkbookRefusal extends Error {
  override readonly name = "WorkbookRefusal";
}

/**
 * A change to a table, as Excel tells of it (Table.onChanged, ExcelApi 1.7): "Remote" when a co-author's change was
 * merged in, "Local" when the user or an add-in here made it (Excel.EventSource; "Events and coauthoring" in
 * docs/excel/excel-add-ins-events.md).
 */
export interface TableChange {
  readonly table: string;
  readonly source: "Local" | "Remote";
}

/** A KeyRows precondition failed: the rows holding the key are not as they were read. Nothing was written. */
export class KeyRowsChanged extends WorkbookRefusal {
  constructor(
    message: string,
    readonly table: string,
    readonly key: { readonly header: string; readonly value: string },
  ) {
    super(message);
  }
}

/**
 * The workbook. Excel has no transactions, so what is guaranteed is what is checked first: a WorkbookRefusal
 * raised by a check means nothing was changed; one raised by Excel failing part-way says what was written.
 */
export interface Workbook {
  names(): Promise<WorkbookNames>;
  /**
   * A named table (cells as calculated values, dates as serial numbers, or what they hold: TableRead), or null when
   * the workbook has none.
   */
  readTable(name: string, read?: TableRead): Promise<TableData | null>;
  /**
   * A block of a sheet's cells as calculated values (dates as serial numbers, a blank cell as ""), or null when the
   * workbook has no sheet of that name: a report's own inputs (the Finance sheet's dates and rates).
   */
  readCells(sheet: string, range: CellRange): Promise<CellValue[][] | null>;
  /**
   * Creates each table on a new sheet of its own. Every sheet, table and defined name is checked before anything
   * is created; if Excel still fails part-way, the sheets this call added are removed again (best effort) and the
   * refusal says whether any is left.
   */
  addTables(tables: readonly NewTable[]): Promise<void>;
  /** Adds a sheet of cells, tables and charts, checked and, on a failure part-way, removed as addTables does. */
  addSheet(sheet: SheetSpec): Promise<void>;
  /**
   * Writes the edits in the order given. Every precondition Excel could refuse (a missing table or row, a row
   * that no longer holds its key, a filtered table, a protected sheet), and each edit's `expect`, is checked for
   * all of them before the first write. Each edit is then written only once the one before it was written in full;
   * if Excel still fails part-way, the edit it failed in may be partly written, the later ones are not written, and the
   * refusal says which. So callers put the edit that marks the work as done last.
   */
  editTables(edits: readonly TableEdit[]): Promise<void>;
  /**
   * Tells `listener` of each change to these tables (those the workbook has) from when the promise settles until the
   * function it gives is called. Optional: a workbook that cannot tell leaves a pane to find changes when it next
   * reads, as every save does.
   */
  watchTables?(tables: readonly string[], listener: (change: TableChange) => void): Promise<() => Promise<void>>;
}

/** The same name as Excel compares sheet, table and defined names: ignoring case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A key cell as keys are compared: text trimmed, ignoring case (as the engine's matchKey); blank is "". */
export function keyOf(cell: CellValue | undefined): string {
  if (typeof cell === "string") return cell.trim().toLowerCase();
  if (cell === null || cell === undefined) return "";
  return String(cell).toLowerCase();
}

/**
 * Why rows holding a key are not as they were read, or null when they are: `holding`, the rows that hold it now;
 * `valueAt`, a cell now (null where the table lacks the column). Both implementations check KeyRows with this.
 */
export function keyRowsProblem(
  table: string,
  expected: KeyRows,
  holding: readonly number[],
  valueAt: (row: number, header: string) => CellValue,
): string | null {
  const wanted = new Set(expected.rows.map((read) => read.row));
  const added = holding.filter((row) => !wanted.has(row));
  const now = new Set(holding);
  const gone = expected.rows.filter((read) => !now.has(read.row));
  const changed = expected.rows.filter(
    (read) =>
      now.has(read.row) && expected.columns.some((header, at) => !sameCell(valueAt(read.row, header), read.values[at])),
  );
  const rows = (list: readonly number[]) => `row${list.length > 1 ? "s" : ""} ${list.map((row) => row + 1).join(", ")}`;
  const nothing = "nothing was written";
  if (expected.rows.length === 0 && added.length > 0) {
    return `${expected.value} is already in the ${table} table (${rows(added)}); ${nothing}.`;
  }
  const what = [
    added.length > 0 ? `${rows(added)} now hold${added.length > 1 ? "" : "s"} it` : "",
    gone.length > 0 ? `${rows(gone.map((read) => read.row))} no longer hold${gone.length > 1 ? "" : "s"} it` : "",
    changed.length > 0 ? `${rows(changed.map((read) => read.row))} changed` : "",
  ].filter((part) => part !== "");
  if (what.length === 0) return null;
  return (
    `The ${table} table's rows for ${expected.value} changed since they were read (${what.join("; ")}); ` +
    `${nothing}. Refresh and try again.`
  );
}

/** Cells as read compare equal: the same value, a blank cell as "" or null alike. */
const sameCell = (a: CellValue, b: CellValue) => a === b || ((a === null || a === "") && (b === null || b === ""));

/** Whether a name is taken by a table or a defined name (they share one name space). */
export function nameTaken(names: WorkbookNames, name: string): boolean {
  return [...names.tables, ...names.definedNames].some((taken) => sameName(taken, name));
}

/** A sheet name not yet taken: the one wanted, or "People (2)" and so on. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted} (${n})`;
    if (!taken.some((sheet) => sameName(sheet, name))) return name;
  }
}

/** "A1"-style address of a 0-based cell. */
export function a1(address: CellAddress): string {
  let letters = "";
  for (let n = address.column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${address.row + 1}`;
}

/** "A1:C3"-style address of a block of cells. */
export function a1Range(range: CellRange): string {
  const end = { row: range.row + range.rows - 1, column: range.column + range.columns - 1 };
  return `${a1(range)}:${a1(end)}`;
}
