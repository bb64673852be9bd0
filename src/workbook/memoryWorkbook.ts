import { CellValue, NewTable, sameName, TableData, TableEdit, Workbook } from "./workbook";

interface MemoryTable {
  sheet: string;
  name: string;
  headers: string[];
  rows: CellValue[][];
  formats: Readonly<Record<string, string>>;
}

/**
 * A workbook held in memory, for tests and the browser preview. It does not calculate: a formula cell
 * reads back as its formula text. Edits are checked in full before any is applied, so a failed batch
 * changes nothing, as with Excel's one sync.
 */
export class MemoryWorkbook implements Workbook {
  private readonly sheets: string[] = [];
  private readonly tables: MemoryTable[] = [];
  private readonly listeners = new Set<() => void>();

  /** A sheet with no table on it, as a user might already have. */
  addSheet(name: string): void {
    if (this.sheets.some((sheet) => sameName(sheet, name))) throw new Error(`A sheet called "${name}" already exists`);
    this.sheets.push(name);
    this.changed();
  }

  /** Calls back after every change, so a view of the workbook can redraw. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every table with the sheet it is on and its columns' number formats, in the order they were made. */
  allTables(): (TableData & { sheet: string; formats: Readonly<Record<string, string>> })[] {
    return this.tables.map((table) => ({
      ...table,
      headers: [...table.headers],
      rows: table.rows.map((row) => [...row]),
    }));
  }

  async names(): Promise<{ sheets: string[]; tables: string[] }> {
    return { sheets: [...this.sheets], tables: this.tables.map((table) => table.name) };
  }

  async readTable(name: string): Promise<TableData | null> {
    const table = this.find(name);
    return table ? { name: table.name, headers: [...table.headers], rows: table.rows.map((row) => [...row]) } : null;
  }

  async addTables(tables: readonly NewTable[]): Promise<void> {
    for (const table of tables) {
      if (this.sheets.some((sheet) => sameName(sheet, table.sheet)))
        throw new Error(`A sheet called "${table.sheet}" already exists`);
      if (this.find(table.name)) throw new Error(`A table called "${table.name}" already exists`);
      if (table.rows.some((row) => row.length !== table.headers.length))
        throw new Error(`Table ${table.name}: a row does not fit its headers`);
    }
    for (const table of tables) {
      this.sheets.push(table.sheet);
      this.tables.push({
        sheet: table.sheet,
        name: table.name,
        headers: [...table.headers],
        rows: table.rows.map((row) => [...row]),
        formats: { ...table.formats },
      });
    }
    this.changed();
  }

  async editTables(edits: readonly TableEdit[]): Promise<void> {
    const planned = edits.map((edit) => {
      const table = this.find(edit.table);
      if (!table) throw new Error(`The workbook has no table called ${edit.table}`);
      const width = table.headers.length;
      const rowsIn = (values: readonly CellValue[]) => {
        if (values.length !== width)
          throw new Error(`Table ${table.name}: a row of ${values.length} values does not fit its ${width} columns`);
      };
      const rowIndex = (row: number) => {
        if (!Number.isInteger(row) || row < 0 || row >= table.rows.length)
          throw new Error(`Table ${table.name} has no row ${row + 1}`);
      };
      edit.update?.forEach(({ row, values }) => (rowIndex(row), rowsIn(values)));
      edit.delete?.forEach(rowIndex);
      edit.append?.forEach(rowsIn);
      return { table, edit };
    });
    for (const { table, edit } of planned) {
      edit.update?.forEach(({ row, values }) => (table.rows[row] = [...values]));
      // Highest first, so each index still points at the row it meant.
      [...new Set(edit.delete)].sort((a, b) => b - a).forEach((row) => table.rows.splice(row, 1));
      edit.append?.forEach((values) => table.rows.push([...values]));
    }
    this.changed();
  }

  private find(name: string): MemoryTable | undefined {
    return this.tables.find((table) => sameName(table.name, name));
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
