// PB.DP_SURPLUS's handler: Excel-shaped arguments in, the engine's rule per row out.
import { Cell, dpSurplusOf, penceNumber, readWeeksAllowed, readWeeksInYear } from "../engine";
import { cellAt, commonShape, eachCell, Matrix, Outcome, personCell } from "./ranges";

/** The surplus of each account: balance and annual are one value or a column; the weeks are one value each. */
export function dpSurplus(balance: Matrix, annual: Matrix, weeksAllowed: Cell, weeksInYear: Cell): Outcome<number>[][] {
  const inYear = readWeeksInYear(personCell(weeksInYear, "Weeks in year"));
  const allowed = readWeeksAllowed(personCell(weeksAllowed, "Weeks allowed"), inYear);
  const shape = commonShape([
    { matrix: balance, what: "Balance" },
    { matrix: annual, what: "Annual" },
  ]);
  const rowOf = (row: number) => (shape.rows > 1 ? row : -1);
  return eachCell(shape, (row, column) => {
    const at = rowOf(row);
    const amount = personCell(cellAt(balance, row, column), "Balance", at);
    const yearly = personCell(cellAt(annual, row, column), "Annual", at);
    return penceNumber(dpSurplusOf(amount, yearly, allowed, inYear, at));
  });
}
