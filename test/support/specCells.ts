// A sheet spec's cells looked up by A1 address, for tests that write out by hand what each cell should hold.
import { a1, SheetCell } from "../../src/workbook/port";

/** The cells by A1 address ("B7"), each without its address; undefined where nothing is written. */
export function cellsByAddress(
  cells: readonly SheetCell[],
): (address: string) => Omit<SheetCell, "row" | "column"> | undefined {
  const byAddress = new Map(cells.map(({ row, column, ...content }) => [a1({ row, column }), content]));
  return (address) => byAddress.get(address);
}
