// Blank price cells, named as Excel names them. A blank price is £0 to the PB functions (Excel gives them a blank cell
// as 0) and so to the pane, which prices as they do; it is flagged, as it may not be what was meant.
import { blankPriceCells, PriceTable } from "../engine";
import { a1, TableData } from "./port";

/** "PricePoints C5 is blank: Excel gives it to the functions as £0 a point — type 0 or a price." for each. */
export function blankPriceWarnings(data: TableData, kind: PriceTable["kind"]): string[] {
  const at = data.at ?? { row: 0, column: 0 };
  const amount = kind === "bands" ? "£0 a point" : "£0";
  return blankPriceCells([data.headers, ...data.rows]).map(
    ({ row, column }) =>
      `${data.name} ${a1({ row: at.row + row, column: at.column + column })} is blank: Excel gives it to the ` +
      `functions as ${amount} — type 0 or a price.`,
  );
}
