import FormulaError from "fast-formula-parser/formulas/error";
import {
  CellAddress,
  CellRange,
  CellValue,
  CellWrite,
  ChartSpec,
  ColumnWrite,
  keyOf,
  KeyRows,
  KeyRowsChanged,
  keyRowsProblem,
  NewTable,
  PrintLayout,
  RowRef,
  sameName,
  SheetCell,
  SheetSpec,
  TableChange,
  TableData,
  TableRead,
  TableEdit,
  Workbook,
  WorkbookNames,
  WorkbookRefusal,
} from "../port";
import { Calculation, CellSource, Entry, FormulaEngine, isFormula, Value } from "./calculation";
import { FunctionLibrary } from "./customFunctions";
import { TableShape } from "./references";
import { TableWatchers } from "./tableWatchers";

export type { Entry } from "./calculation";

interface LooseCell {
  entry: Entry;
  numberFormat?: string;
  bold?: boolean;
}

interface MemorySheet {
  readonly name: string;
  readonly index: number;
  /** Cells outside tables, by row × COLUMNS + column. */
  readonly cells: Map<number, LooseCell>;
  /** Which of them hold formulas. */
  readonly formulas: Set<number>;
  readonly tables: MemoryTable[];
  readonly charts: ChartSpec[];
  readonly columnWidths: readonly number[];
  /** How it prints, as the add-in set it (the pageLayout Excel would keep with the sheet). */
  readonly print?: PrintLayout;
}

interface MemoryTable {
  readonly sheet: MemorySheet;
  readonly name: string;
  /** The header row's first cell. */
  readonly at: CellAddress;
  readonly columns: ColumnWrite[];
  /** Cells as written: a calculated column's cells hold its formula. */
  readonly rows: Entry[][];
}

/** A table as written (formulas as their text, "=…"), with its sheet and its columns' number formats. */
export type MemoryTableView = TableData & { readonly columns: readonly ColumnWrite[] };

/** A cell as the preview shows it: its calculated value, what was written there, and how to format it. */
export interface CellView {
  /** As Range.values reads it: a number, text, a logical value, "" when blank, or an error's code ("#N/A"). */
  readonly value: CellValue;
  readonly error?: { readonly code: string; readonly message: string };
  /** The formula written in the cell, structured references and all. */
  readonly formula?: string;
  readonly numberFormat: string;
  readonly bold: boolean;
  /** The table whose header row or data the cell is in. */
  readonly table?: string;
  readonly header: boolean;
  /** The cell shows part of the array another cell's formula spilled. */
  readonly spilled: boolean;
}

/** A sheet as the preview shows it: its used block from A1, its tables and charts. Cells are calculated when read. */
export interface SheetView {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  readonly tables: readonly { readonly name: string; readonly range: CellRange }[];
  readonly charts: readonly ChartSpec[];
  readonly columnWidths: readonly number[];
  /** How it prints, when the add-in set it. */
  readonly print?: PrintLayout;
  cell(row: number, column: number): CellView;
}

/** What setCell writes: a value, or a formula as typed ("=SUM(A1:A3)", structured references allowed). */
export type CellContent = CellValue | { readonly formula: string };

/**
 * What Excel refuses of a print layout (PageLayoutZoomOptions.scale from 10 to 400; margins not negative), and what
 * would print nothing sensible: title rows or a page break outside the print area.
 */
function checkPrint(print: PrintLayout): void {
  const { area, titleRows, zoom, margins, breaksBefore = [] } = print;
  const refuse = (why: string) => {
    throw new WorkbookRefusal(`The sheet's print layout cannot be set: ${why}. Nothing was added.`);
  };
  if ("scale" in zoom) {
    const { scale } = zoom;
    if (!Number.isInteger(scale) || scale < 10 || scale > 400) refuse(`a scale of ${scale}% (10% to 400%)`);
  }
  if (Object.values(margins ?? {}).some((margin) => !(margin >= 0))) refuse("a negative margin");
  if (area.rows < 1 || area.columns < 1 || area.row < 0 || area.column < 0) refuse("an empty print area");
  const inside = (row: number) => row >= area.row && row < area.row + area.rows;
  if (!inside(titleRows.first) || !inside(titleRows.last) || titleRows.last < titleRows.first) {
    refuse("title rows outside the print area");
  }
  const outside = breaksBefore.find((row) => !inside(row) || row === area.row);
  if (outside !== undefined) refuse(`a page break before row ${outside + 1}, not inside the print area`);
}

/** Runs a change now, as a promise: a refusal becomes a rejection, as Excel's would. */
const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

const sameKey = (cell: Entry, value: string) => typeof cell === "string" && sameName(cell.trim(), value.trim());

const COLUMNS = 16_384;
const ALL_ROWS = 1_048_576;
const GENERAL = "General";

/** The value Range.values would read: an error as its code. */
const cellValue = (value: Value): CellValue => (value instanceof FormulaError ? value.error : value);

const entryOf = (content: CellContent | undefined, formula?: string): Entry =>
  formula !== undefined ? { formula } : (content ?? null);

/** Fetches the formula engine's module (a dynamic import), for a page that should not wait for it to start. */
export interface FormulaEngineLoader {
  readonly load: () => Promise<FormulaEngine>;
}

/**
 * A workbook held in memory, for tests and the browser preview. It calculates as Excel would (see
 * calculation.ts): readTable returns the values Excel's Range.values would. Every precondition of a batch is
 * checked before any change, as the Office implementation checks them before its first write.
 */
export class MemoryWorkbook implements Workbook {
  private readonly sheets: MemorySheet[] = [];
  private readonly tables: MemoryTable[] = [];
  private readonly definedNames: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly watching = new TableWatchers();
  private readonly calculation: Calculation;

  private readonly formulas: FormulaEngine | FormulaEngineLoader;
  /** Settles once formulas calculate; made when the first formula is calculated or a table of them read. */
  private engineArrival: Promise<void> | undefined;

  /**
   * `formulas`: the formula engine (formulaEngine.ts), or how to fetch it (the browser preview's dynamic import),
   * which is done when the first formula needs it: until it arrives formulas show #BUSY! and readTable waits for
   * it. `functions`: the add-in's custom functions (customFunctionLibrary); without them PB formulas show #NAME?.
   */
  constructor(options: {
    readonly formulas: FormulaEngine | FormulaEngineLoader;
    readonly functions?: FunctionLibrary;
  }) {
    this.formulas = options.formulas;
    // A fetch that fails is reported by the read of a table that waits for it; a formula only asks again.
    const wanted = () => void this.prepareFormulas();
    this.calculation = new Calculation(this.cellSource(), options.functions, wanted);
    if (typeof this.formulas === "function") this.calculation.useEngine(this.formulas);
  }

  /**
   * Fetches and starts the formula engine now, ahead of the first formula (the preview does this once it has
   * drawn and is idle). A failure here is kept quiet: the first read that needs the engine fetches it again and
   * reports what went wrong.
   */
  prepareFormulas(): Promise<void> {
    return this.engineArrived().catch(() => undefined);
  }

  /** The engine, fetched once. */
  private engineArrived(): Promise<void> {
    const { formulas } = this;
    if (typeof formulas === "function") return Promise.resolve();
    this.engineArrival ??= formulas.load().then(
      (engine) => {
        this.calculation.useEngine(engine);
        this.changed();
      },
      (error: unknown) => {
        this.engineArrival = undefined; // the next formula read tries again
        throw error;
      },
    );
    return this.engineArrival;
  }

  /** A sheet with nothing on it, as a user might already have. */
  addEmptySheet(name: string): void {
    this.checkSheetFree(name);
    this.newSheet({ name, cells: [] });
    this.calculation.namesAdded();
    this.changed();
  }

  /** A defined name (Formulas › Name Manager), as a user might already have. */
  addDefinedName(name: string): void {
    this.definedNames.push(name);
  }

  /**
   * The same workbook as a colleague co-authoring it has it: what they change is told to this workbook's watchers as
   * "Remote", as Excel tells of a co-author's change merged in, and what this workbook's own user changes is "Remote"
   * to theirs. The browser preview and the tests play a colleague's save with it.
   */
  colleague(): Workbook {
    const session = this.watching.newSession();
    const as = <T>(work: () => T) => this.watching.as(session, work);
    return {
      names: () => this.names(),
      readTable: (name, read) => this.readTable(name, read),
      readCells: (sheet, range) => this.readCells(sheet, range),
      addTables: (tables) => as(() => this.addTables(tables)),
      addSheet: (sheet) => as(() => this.addSheet(sheet)),
      editTables: (edits) => as(() => this.editTables(edits)),
      watchTables: (tables, listener) => as(() => this.watchTables(tables, listener)),
    };
  }

  /** Tells of changes to those of these tables the workbook has, a task after each, as Excel raises an event. */
  watchTables(tables: readonly string[], listener: (change: TableChange) => void): Promise<() => Promise<void>> {
    return Promise.resolve(
      this.watching.watch(
        tables.filter((name) => this.find(name)),
        listener,
      ),
    );
  }

  /** Calls back after every change, so a view of the workbook can redraw. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Writes one cell, as a user typing in it would: a value, or a formula. Whatever depends on the cell is
   * calculated again when next read. A table's header row is not written here (it names the columns).
   */
  setCell(sheetName: string, row: number, column: number, content: CellContent): void {
    const sheet = this.sheets.find((candidate) => sameName(candidate.name, sheetName));
    if (!sheet) throw new WorkbookRefusal(`The workbook has no sheet called ${sheetName}; nothing was written.`);
    const inSheet = row >= 0 && row < ALL_ROWS && column >= 0 && column < COLUMNS;
    if (!Number.isInteger(row) || !Number.isInteger(column) || !inSheet) {
      throw new WorkbookRefusal(`There is no cell at row ${row + 1}, column ${column + 1}.`);
    }
    const entry: Entry = typeof content === "object" && content !== null ? { formula: content.formula } : content;
    const table = this.tableAt(sheet, row, column);
    if (table && row === table.at.row) {
      throw new WorkbookRefusal(
        `That cell heads a column of table ${table.name}; the preview does not rename columns.`,
      );
    }
    if (table) {
      const index = row - table.at.row - 1;
      // Typing in an empty table's blank row gives it its first row, as in Excel.
      if (index === table.rows.length) {
        table.rows.push(table.columns.map((tableColumn) => entryOf(null, tableColumn.formula)));
        this.moved(table, index, table.at.column, table.columns.length);
        this.calculation.tableResized(table.name);
      }
      table.rows[index][column - table.at.column] = entry;
      this.watching.changed([table.name]);
    } else {
      const key = row * COLUMNS + column;
      const cell = sheet.cells.get(key);
      if (cell) cell.entry = entry;
      else if (entry !== null) sheet.cells.set(key, { entry });
      if (isFormula(entry)) sheet.formulas.add(key);
      else sheet.formulas.delete(key);
    }
    this.calculation.written(sheet.index, row, column);
    this.changed();
  }

  /** Every table as written (formulas as their "=…" text), with its sheet and columns, in the order made. */
  allTables(): MemoryTableView[] {
    return this.tables.map((table) => ({
      name: table.name,
      sheet: table.sheet.name,
      headers: table.columns.map((column) => column.header),
      rows: table.rows.map((row) => row.map((entry) => (isFormula(entry) ? entry.formula : entry))),
      columns: [...table.columns],
    }));
  }

  /** Every sheet with its loose cells as written and its charts, in the order made. */
  allSheets(): { name: string; cells: readonly SheetCell[]; charts: readonly ChartSpec[]; print?: PrintLayout }[] {
    return this.sheets.map((sheet) => ({
      name: sheet.name,
      cells: [...sheet.cells].map(([key, cell]) => ({
        row: Math.floor(key / COLUMNS),
        column: key % COLUMNS,
        ...(isFormula(cell.entry) ? { formula: cell.entry.formula } : { value: cell.entry }),
        ...(cell.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }),
        ...(cell.bold === undefined ? {} : { bold: cell.bold }),
      })),
      charts: [...sheet.charts],
      ...(sheet.print ? { print: sheet.print } : {}),
    }));
  }

  /** Every sheet as the preview shows it, calculated. */
  sheetViews(): SheetView[] {
    return this.sheets.map((sheet) => this.sheetView(sheet));
  }

  names(): Promise<WorkbookNames> {
    return settle(() => ({
      sheets: this.sheets.map((sheet) => sheet.name),
      tables: this.tables.map((table) => table.name),
      definedNames: [...this.definedNames],
    }));
  }

  readTable(name: string, read: TableRead = "values"): Promise<TableData | null> {
    // As Excel returns a formula's value once it is calculated, a table of formulas is read once they calculate.
    const table = this.find(name);
    if (read === "values" && !this.calculation.ready && table?.rows.some((row) => row.some(isFormula))) {
      return this.engineArrived().then(() => this.readTable(name));
    }
    return settle(() => {
      if (!table) return null;
      const { index } = table.sheet;
      const cell = (entry: Entry, row: number, column: number): CellValue => {
        if (!isFormula(entry)) return read === "formulas" && entry === "" ? null : entry;
        if (read === "formulas") return entry.formula;
        return cellValue(this.calculation.value(index, table.at.row + 1 + row, table.at.column + column));
      };
      return {
        name: table.name,
        sheet: table.sheet.name,
        headers: table.columns.map((column) => column.header),
        rows: table.rows.map((cells, row) => cells.map((entry, column) => cell(entry, row, column))),
        at: table.at,
      };
    });
  }

  readCells(sheetName: string, range: CellRange): Promise<CellValue[][] | null> {
    const sheet = this.sheets.find((candidate) => sameName(candidate.name, sheetName));
    if (sheet && !this.calculation.ready) return this.engineArrived().then(() => this.readCells(sheetName, range));
    return settle(() => {
      if (!sheet) return null;
      return Array.from({ length: range.rows }, (_, row) =>
        Array.from({ length: range.columns }, (_, column) => {
          const value = cellValue(this.calculation.value(sheet.index, range.row + row, range.column + column));
          return value ?? "";
        }),
      );
    });
  }

  addTables(tables: readonly NewTable[]): Promise<void> {
    return settle(() => {
      tables.forEach((table) => this.checkSheetFree(table.sheet));
      this.checkTables(tables);
      for (const table of tables)
        this.tables.push(this.tableOf(table, this.newSheet({ name: table.sheet, cells: [] })));
      this.calculation.namesAdded();
      this.changed();
    });
  }

  addSheet(spec: SheetSpec): Promise<void> {
    return settle(() => {
      this.checkSheetFree(spec.name);
      this.checkTables(spec.tables ?? []);
      if (spec.print) checkPrint(spec.print);
      const sheet = this.newSheet(spec);
      (spec.tables ?? []).forEach((table) => this.tables.push(this.tableOf(table, sheet)));
      this.calculation.namesAdded();
      this.changed();
    });
  }

  editTables(edits: readonly TableEdit[]): Promise<void> {
    return settle(() => {
      const planned = edits.map((edit) => {
        const table = this.find(edit.table);
        if (!table) throw new WorkbookRefusal(`The workbook has no table called ${edit.table}; nothing was written.`);
        const width = edit.columns.length;
        const fits = (values: readonly CellWrite[]) => {
          if (values.length !== width) {
            throw new WorkbookRefusal(`Table ${table.name}: ${values.length} values do not fit ${width} columns.`);
          }
        };
        const present = (ref: RowRef) => {
          const row = table.rows[ref.row];
          const keyColumn = table.columns.findIndex((column) => sameName(column.header, ref.key.header));
          if (
            !Number.isInteger(ref.row) ||
            row === undefined ||
            keyColumn < 0 ||
            !sameKey(row[keyColumn], ref.key.value)
          ) {
            throw new WorkbookRefusal(
              `The ${table.name} table changed since it was read (row ${ref.row + 1} no longer holds ` +
                `${ref.key.value}); nothing was written. Refresh and try again.`,
            );
          }
        };
        // The rows expected first: they say more of what changed than a row that no longer holds its key.
        edit.expect?.forEach((expected) => this.checkKeyRows(table, expected));
        return { table, edit, present, fits };
      });
      for (const { edit, present, fits } of planned) {
        edit.update?.forEach((update) => (present(update), fits(update.values)));
        edit.delete?.forEach(present);
        edit.append?.forEach(fits);
      }
      for (const { table, edit } of planned) this.apply(table, edit);
      this.watching.changed([...new Set(planned.map(({ table }) => table.name))]);
      this.changed();
    });
  }

  /** Refuses, with KeyRowsChanged, unless the rows holding the key are as the caller read them. */
  private checkKeyRows(table: MemoryTable, expected: KeyRows): void {
    const column = (header: string) => table.columns.findIndex((candidate) => sameName(candidate.header, header));
    const keyColumn = column(expected.header);
    const wanted = keyOf(expected.value);
    const holding: number[] = [];
    if (keyColumn >= 0) {
      table.rows.forEach((_, row) => {
        if (keyOf(this.valueAt(table, row, keyColumn)) === wanted) holding.push(row);
      });
    }
    const valueAt = (row: number, header: string) => {
      const at = column(header);
      return at < 0 ? null : this.valueAt(table, row, at);
    };
    const problem = keyRowsProblem(table.name, expected, holding, valueAt);
    if (problem) throw new KeyRowsChanged(problem, table.name, { header: expected.header, value: expected.value });
  }

  /** A table cell's value as readTable gives it. */
  private valueAt(table: MemoryTable, row: number, column: number): CellValue {
    const entry = table.rows[row][column];
    if (!isFormula(entry)) return entry;
    return cellValue(this.calculation.value(table.sheet.index, table.at.row + 1 + row, table.at.column + column));
  }

  /** One edit, and what it means for the calculation: written cells, moved rows, a table of another size. */
  private apply(table: MemoryTable, edit: TableEdit): void {
    const { index } = table.sheet;
    const width = table.columns.length;
    const positions = edit.columns.map((column) => this.columnFor(table, column));
    if (table.columns.length > width) {
      this.moved(table, -1, table.at.column + width, table.columns.length - width);
    }
    const write = (row: Entry[], values: readonly CellWrite[]) =>
      positions.forEach((position, at) => {
        const value = values[at];
        if (value !== undefined || edit.columns[at].formula) row[position] = entryOf(value, edit.columns[at].formula);
      });
    edit.update?.forEach((update) => {
      write(table.rows[update.row], update.values);
      for (const position of positions) {
        this.calculation.written(index, table.at.row + 1 + update.row, table.at.column + position);
      }
    });
    // Highest first, so each index still points at the row it meant.
    const deleted = [...new Set(edit.delete?.map((ref) => ref.row))].sort((a, b) => b - a);
    deleted.forEach((row) => table.rows.splice(row, 1));
    const appendedFrom = table.rows.length;
    edit.append?.forEach((values) => {
      const row: Entry[] = table.columns.map((column) => entryOf(null, column.formula));
      write(row, values);
      table.rows.push(row);
    });
    const firstMoved = deleted.length > 0 ? deleted[deleted.length - 1] : appendedFrom;
    if (deleted.length > 0 || (edit.append?.length ?? 0) > 0 || table.columns.length > width) {
      this.moved(table, firstMoved, table.at.column, table.columns.length);
      this.calculation.tableResized(table.name);
    }
  }

  /** Cells of a table from a data row (-1: its header) down, and below it on the sheet, changed place or appeared. */
  private moved(table: MemoryTable, fromRow: number, column: number, columns: number): void {
    const row = table.at.row + 1 + fromRow;
    this.calculation.moved({ sheet: table.sheet.index, row, column, rows: ALL_ROWS - row, columns });
  }

  private sheetView(sheet: MemorySheet): SheetView {
    // Shown as written: a table's header and its rows (not the blank row an empty table keeps for formulas).
    const tables = sheet.tables.map((table) => ({
      name: table.name,
      range: { ...table.at, rows: table.rows.length + 1, columns: table.columns.length },
    }));
    const extent = this.extent(sheet, [...this.calculation.spills(sheet.index), ...tables.map(({ range }) => range)]);
    return {
      name: sheet.name,
      rows: extent.rows,
      columns: extent.columns,
      tables,
      charts: [...sheet.charts],
      columnWidths: sheet.columnWidths,
      ...(sheet.print ? { print: sheet.print } : {}),
      cell: (row, column) => this.cellView(sheet, row, column),
    };
  }

  private cellView(sheet: MemorySheet, row: number, column: number): CellView {
    const value = this.calculation.value(sheet.index, row, column);
    const table = this.tableAt(sheet, row, column);
    const header = table !== undefined && row === table.at.row;
    const loose = table ? undefined : sheet.cells.get(row * COLUMNS + column);
    const entry = table ? this.tableEntry(table, row, column) : loose?.entry;
    return {
      value: value === null ? "" : cellValue(value),
      ...(value instanceof FormulaError ? { error: { code: value.error, message: value.message } } : {}),
      ...(isFormula(entry) ? { formula: entry.formula } : {}),
      numberFormat:
        (table && !header ? table.columns[column - table.at.column].numberFormat : loose?.numberFormat) ?? GENERAL,
      bold: header || (loose?.bold ?? false),
      ...(table ? { table: table.name } : {}),
      header,
      spilled: this.calculation.spilledFrom(sheet.index, row, column) !== undefined,
    };
  }

  /** The calculation's view of the cells. */
  private cellSource(): CellSource {
    const sheetAt = (index: number) => this.sheets[index];
    return {
      sheetIndex: (name) => this.sheets.find((sheet) => sameName(sheet.name, name))?.index,
      sheetName: (index) => sheetAt(index).name,
      entry: (index, row, column) => {
        const sheet = sheetAt(index);
        const table = this.tableAt(sheet, row, column);
        if (table) return this.tableEntry(table, row, column);
        return sheet.cells.get(row * COLUMNS + column)?.entry ?? undefined;
      },
      tableAt: (index, row, column) => {
        const table = this.tableAt(sheetAt(index), row, column);
        return table && this.shapeOf(table);
      },
      table: (name) => {
        const table = this.find(name);
        return table && this.shapeOf(table);
      },
      spillCandidates: (index) => this.formulaCells(sheetAt(index)),
      extent: (index) => this.extent(sheetAt(index)),
    };
  }

  private shapeOf(table: MemoryTable): TableShape {
    return {
      name: table.name,
      sheet: table.sheet.name,
      at: table.at,
      headers: table.columns.map((column) => column.header),
      rows: table.rows.length,
    };
  }

  /** The block a table fills: its header row and data rows (an empty table keeps one blank row, as Excel's do). */
  private rangeOf(table: MemoryTable): CellRange {
    return { ...table.at, rows: Math.max(table.rows.length, 1) + 1, columns: table.columns.length };
  }

  private tableAt(sheet: MemorySheet, row: number, column: number): MemoryTable | undefined {
    // This runs for every cell a formula reads: no allocation.
    for (const table of sheet.tables) {
      const { at } = table;
      if (
        row >= at.row &&
        row <= at.row + Math.max(table.rows.length, 1) &&
        column >= at.column &&
        column < at.column + table.columns.length
      ) {
        return table;
      }
    }
    return undefined;
  }

  private tableEntry(table: MemoryTable, row: number, column: number): Entry | undefined {
    if (row === table.at.row) return table.columns[column - table.at.column].header;
    return table.rows[row - table.at.row - 1]?.[column - table.at.column] ?? undefined;
  }

  private formulaCells(sheet: MemorySheet): CellAddress[] {
    return [...sheet.formulas].map((key) => ({ row: Math.floor(key / COLUMNS), column: key % COLUMNS }));
  }

  /** How far a sheet's cells and these blocks (its tables, if not given) reach from A1. */
  private extent(sheet: MemorySheet, blocks?: readonly CellRange[]): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    const reach = (range: CellRange) => {
      rows = Math.max(rows, range.row + range.rows);
      columns = Math.max(columns, range.column + range.columns);
    };
    for (const key of sheet.cells.keys())
      reach({ row: Math.floor(key / COLUMNS), column: key % COLUMNS, rows: 1, columns: 1 });
    (blocks ?? sheet.tables.map((table) => this.rangeOf(table))).forEach(reach);
    return { rows, columns };
  }

  private newSheet(spec: SheetSpec): MemorySheet {
    const cells = new Map(
      spec.cells.map((cell): [number, LooseCell] => [
        cell.row * COLUMNS + cell.column,
        { entry: entryOf(cell.value, cell.formula), numberFormat: cell.numberFormat, bold: cell.bold },
      ]),
    );
    const sheet: MemorySheet = {
      name: spec.name,
      index: this.sheets.length,
      cells,
      formulas: new Set([...cells].filter(([, cell]) => isFormula(cell.entry)).map(([key]) => key)),
      tables: [],
      charts: [...(spec.charts ?? [])],
      columnWidths: [...(spec.columnWidths ?? [])],
      ...(spec.print ? { print: spec.print } : {}),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private tableOf(table: NewTable, sheet: MemorySheet): MemoryTable {
    const made: MemoryTable = {
      sheet,
      name: table.name,
      at: table.at ?? { row: 0, column: 0 },
      columns: table.columns.map((column) => ({ ...column })),
      rows: table.rows.map((row) => table.columns.map((column, at) => entryOf(row[at], column.formula))),
    };
    sheet.tables.push(made);
    return made;
  }

  /** The column an edit writes, added at the table's right if the table lacks it. */
  private columnFor(table: MemoryTable, column: ColumnWrite): number {
    const found = table.columns.findIndex((existing) => sameName(existing.header, column.header));
    if (found >= 0) return found;
    table.columns.push({ ...column });
    table.rows.forEach((row) => row.push(entryOf(null, column.formula)));
    return table.columns.length - 1;
  }

  private checkSheetFree(name: string): void {
    if (this.sheets.some((sheet) => sameName(sheet.name, name))) {
      throw new WorkbookRefusal(`A sheet called "${name}" already exists.`);
    }
  }

  private checkTables(tables: readonly NewTable[]): void {
    for (const table of tables) {
      if (this.find(table.name) || this.definedNames.some((name) => sameName(name, table.name))) {
        throw new WorkbookRefusal(`The name "${table.name}" is already used in the workbook.`);
      }
      if (table.rows.some((row) => row.length !== table.columns.length)) {
        throw new WorkbookRefusal(`Table ${table.name}: a row does not fit its columns.`);
      }
    }
  }

  private find(name: string): MemoryTable | undefined {
    return this.tables.find((table) => sameName(table.name, name));
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
