// PB.RAS_FIT and PB.CALIBRATE: the evidence a RAS is reviewed against (points and costs, one person a row, and
// their care groups) read from Excel-shaped ranges; a person whose cells hold an error is left out, not the call.
import {
  calibrate,
  calibrationTable,
  EngineError,
  EvidenceMember,
  fitRas,
  invalid,
  listForMessage,
  notFound,
  rasFitTable,
  readBoundsRange,
  readGrid,
  SummaryCell,
} from "../engine";
import { perPersonColumn, priceTableOf } from "./handlers";
import { Matrix, Outcome, personCell, plainTable, SheetError } from "./ranges";

/** Points and costs, one person a row, with their care groups (null: not given). */
function evidenceOf(points: Matrix, costs: Matrix, careGroup: Matrix | null): EvidenceMember[] {
  if (points.some((row) => row.length !== 1)) {
    throw invalid(
      `Points must be a single column, one person a row; got ${points.length} rows × ${points[0].length} columns`,
    );
  }
  const people = points.length;
  if (costs.length !== people || costs.some((row) => row.length !== 1)) {
    throw invalid(
      `Costs is ${costs.length}×${costs[0]?.length ?? 0} cells but Points is ${people}×1: give one cost a person, ` +
        "a column as long as Points",
    );
  }
  const careGroupAt = perPersonColumn(careGroup, "Care group", people);
  const members = new Array<EvidenceMember>(people);
  for (let row = 0; row < people; row++) {
    try {
      members[row] = {
        points: personCell(points[row][0], "Points", row),
        cost: personCell(costs[row][0], "Cost", row),
        careGroup: personCell(careGroupAt(row), "Care group", row),
      };
    } catch (error) {
      // An error or a rich value in a person's cells: they are left out, and the rest are used.
      if (!(error instanceof EngineError || error instanceof SheetError)) throw error;
      members[row] = { points: null, cost: null, problem: error.message };
    }
  }
  return members;
}

/** PB.RAS_FIT: the price table against the evidence, by the table's care groups and for all. */
export function rasFit(points: Matrix, costs: Matrix, priceTable: Matrix, careGroup: Matrix | null): SummaryCell[][] {
  const table = priceTableOf(priceTable);
  if (careGroup === null && table.kind !== "linear" && table.careGroups.names.length > 1) {
    throw notFound(
      `The price table has a column per care group (${listForMessage(table.careGroups.names)}): ` +
        "give careGroup, each person's care group",
    );
  }
  return rasFitTable(fitRas(evidenceOf(points, costs, careGroup), table));
}

/** PB.CALIBRATE: price points fitted to the evidence, per care group in the order they first appear, or for all. */
export function calibrateTable(
  points: Matrix,
  costs: Matrix,
  bounds: Matrix,
  careGroup: Matrix | null,
): Outcome<SummaryCell>[][] {
  const lower = readBoundsRange(readGrid(plainTable(bounds, "Bounds"), "Bounds"));
  return calibrationTable(calibrate(evidenceOf(points, costs, careGroup), lower, careGroup !== null));
}
