// What the report sheets built as one SheetSpec (What-if, Review, Committee pack) share: their cells by address and
// the A1 and structured references their formulas are written with.
import { a1, CellAddress, CellRange, SheetCell } from "../port";

/** An absolute A1 reference ($A$1) to a 0-based cell. */
// Stryker disable next-line Regex: equivalent without ^ or $; a1 gives only letters then digits.
export const fixed = (cell: CellAddress) => a1(cell).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** An Excel string literal: the text in double quotes, each of its own doubled. */
export const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** An absolute A1 reference to a block. */
export const fixedRange = (range: CellRange) =>
  `${fixed(range)}:${fixed({ row: range.row + range.rows - 1, column: range.column + range.columns - 1 })}`;

/** A structured reference to a column, its header escaped as Excel requires ('[, '], '# and ''). */
export const columnOf = (table: string, header: string) => `${table}[${header.replace(/['[\]#]/g, "'$&")}]`;

/**
 * A sheet's cells by address: a format given to a block first and the formula written into one of its cells later
 * are one cell. Cells with only a format come first, so a spilled formula finds its cells ready.
 */
export class Cells {
  private readonly byAddress = new Map<string, SheetCell>();

  private add(cell: SheetCell) {
    const key = a1(cell);
    this.byAddress.set(key, { ...this.byAddress.get(key), ...cell });
  }

  readonly formula = (row: number, column: number, formula: string, more: Partial<SheetCell> = {}) =>
    this.add({ row, column, formula, ...more });

  /** Text or a number, written as a value: workbook text is never taken for a formula. */
  readonly value = (row: number, column: number, value: string | number, more: Partial<SheetCell> = {}) =>
    this.add({ row, column, value, ...more });

  readonly title = (row: number, column: number, text: string) => this.value(row, column, text, { bold: true });

  readonly formats = (range: CellRange, numberFormat: string) => {
    for (let row = range.row; row < range.row + range.rows; row++)
      for (let column = range.column; column < range.column + range.columns; column++)
        this.add({ row, column, numberFormat });
  };

  cells(): SheetCell[] {
    const all = [...this.byAddress.values()];
    const written = (cell: SheetCell) => cell.formula !== undefined || cell.value !== undefined;
    return [...all.filter((cell) => !written(cell)), ...all.filter(written)];
  }
}
