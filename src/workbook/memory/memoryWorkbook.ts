import {
  ChartSpec,
  CellValue,
  ColumnWrite,
  NewTable,
  RowRef,
  sameName,
  SheetCell,
  SheetSpec,
  TableData,
  TableEdit,
  Workbook,
  WorkbookNames,
  WorkbookRefusal,
} from "../port";

interface MemoryTable {
  readonly sheet: string;
  readonly name: string;
  readonly columns: ColumnWrite[];
  /** Cells as written: a formula column's cells hold its formula text. */
  readonly rows: CellValue[][];
}

interface MemorySheet {
  readonly name: string;
  readonly cells: SheetCell[];
  readonly charts: ChartSpec[];
}

/** A table as the preview shows it: its sheet, columns with their number formats, and cells. */
export type MemoryTableView = TableData & { readonly columns: readonly ColumnWrite[] };

/** Runs a change now, as a promise: a refusal becomes a rejection, as Excel's would. */
const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

const sameKey = (cell: CellValue, value: string) => typeof cell === "string" && sameName(cell.trim(), value.trim());

/**
 * A workbook held in memory, for tests and the browser preview. It does not calculate: a formula cell reads
 * back as its formula text. Every precondition of a batch is checked before any change, as the Office
 * implementation checks them before its first write.
 */
export class MemoryWorkbook implements Workbook {
  private readonly sheets: MemorySheet[] = [];
  private readonly tables: MemoryTable[] = [];
  private readonly definedNames: string[] = [];
  private readonly listeners = new Set<() => void>();

  /** A sheet with nothing on it, as a user might already have. */
  addEmptySheet(name: string): void {
    this.checkSheetFree(name);
    this.sheets.push({ name, cells: [], charts: [] });
    this.changed();
  }

  /** A defined name (Formulas › Name Manager), as a user might already have. */
  addDefinedName(name: string): void {
    this.definedNames.push(name);
  }

  /** Calls back after every change, so a view of the workbook can redraw. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every table with the sheet it is on and its columns, in the order they were made. */
  allTables(): MemoryTableView[] {
    return this.tables.map((table) => ({ ...this.data(table), columns: [...table.columns] }));
  }

  /** Every sheet with its loose cells and charts, in the order they were made. */
  allSheets(): { name: string; cells: readonly SheetCell[]; charts: readonly ChartSpec[] }[] {
    return this.sheets.map((sheet) => ({ name: sheet.name, cells: [...sheet.cells], charts: [...sheet.charts] }));
  }

  names(): Promise<WorkbookNames> {
    return settle(() => ({
      sheets: this.sheets.map((sheet) => sheet.name),
      tables: this.tables.map((table) => table.name),
      definedNames: [...this.definedNames],
    }));
  }

  readTable(name: string): Promise<TableData | null> {
    return settle(() => {
      const table = this.find(name);
      return table ? this.data(table) : null;
    });
  }

  addTables(tables: readonly NewTable[]): Promise<void> {
    return settle(() => {
      tables.forEach((table) => this.checkSheetFree(table.sheet));
      this.checkTables(tables);
      for (const table of tables) {
        this.sheets.push({ name: table.sheet, cells: [], charts: [] });
        this.tables.push(this.tableOf(table));
      }
      this.changed();
    });
  }

  addSheet(sheet: SheetSpec): Promise<void> {
    return settle(() => {
      this.checkSheetFree(sheet.name);
      const tables = (sheet.tables ?? []).map((table) => ({ ...table, sheet: sheet.name }));
      this.checkTables(tables);
      this.sheets.push({ name: sheet.name, cells: [...sheet.cells], charts: [...(sheet.charts ?? [])] });
      tables.forEach((table) => this.tables.push(this.tableOf(table)));
      this.changed();
    });
  }

  editTables(edits: readonly TableEdit[]): Promise<void> {
    return settle(() => {
      const planned = edits.map((edit) => {
        const table = this.find(edit.table);
        if (!table) throw new WorkbookRefusal(`The workbook has no table called ${edit.table}; nothing was written.`);
        const width = edit.columns.length;
        const fits = (values: readonly CellValue[]) => {
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
        edit.update?.forEach((update) => (present(update), fits(update.values)));
        edit.delete?.forEach(present);
        edit.append?.forEach(fits);
        return { table, edit };
      });
      for (const { table, edit } of planned) {
        const positions = edit.columns.map((column) => this.columnFor(table, column));
        const write = (row: CellValue[], values: readonly CellValue[]) =>
          positions.forEach((position, at) => (row[position] = edit.columns[at].formula ?? values[at]));
        edit.update?.forEach((update) => write(table.rows[update.row], update.values));
        // Highest first, so each index still points at the row it meant.
        [...new Set(edit.delete?.map((ref) => ref.row))]
          .sort((a, b) => b - a)
          .forEach((row) => table.rows.splice(row, 1));
        edit.append?.forEach((values) => {
          const row = table.columns.map((column) => column.formula ?? null);
          write(row, values);
          table.rows.push(row);
        });
      }
      this.changed();
    });
  }

  private data(table: MemoryTable): TableData {
    return {
      name: table.name,
      sheet: table.sheet,
      headers: table.columns.map((column) => column.header),
      rows: table.rows.map((row) => [...row]),
    };
  }

  private tableOf(table: NewTable): MemoryTable {
    return {
      sheet: table.sheet,
      name: table.name,
      columns: table.columns.map((column) => ({ ...column })),
      rows: table.rows.map((row) => table.columns.map((column, at) => column.formula ?? row[at])),
    };
  }

  /** The column an edit writes, added at the table's right if the table lacks it. */
  private columnFor(table: MemoryTable, column: ColumnWrite): number {
    const found = table.columns.findIndex((existing) => sameName(existing.header, column.header));
    if (found >= 0) return found;
    table.columns.push({ ...column });
    table.rows.forEach((row) => row.push(column.formula ?? null));
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
