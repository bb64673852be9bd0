// The fitted table as a proposal: a copy of the current price points with each rate the evidence could fit replaced
// by the fitted one (PB.CALIBRATE's), and every other rate kept, saying why. It is reviewed like any proposal: as
// ProposedPricePoints, in the What-if.
import { filledColumns, filledRows, Grid, matchKey } from "./cells";
import { Calibration } from "./calibrate";
import { invalid } from "./errors";
import { parsePriceTable } from "./priceTable";
import { ProposedCell, Proposal } from "./proposal";

/** A rate of the current table the proposal keeps, and why the evidence could not replace it. */
export interface KeptRate {
  readonly careGroup: string | null;
  /** "band from 20 points"; null when the whole care group is kept. */
  readonly band: string | null;
  readonly why: string;
}

export interface FittedProposal {
  readonly proposal: Proposal;
  readonly kept: readonly KeptRate[];
}

/**
 * The proposal a calibration makes of the current price table (a band table with the calibration's bounds): for each
 * of its care groups (matched by name; a table with one column takes the fit for everyone), each band's fitted rate
 * where there is one. A blank price stays blank: the evidence does not add a price the council does not offer.
 */
export function proposeFittedTable(current: Grid, calibration: Calibration): FittedProposal {
  const table = parsePriceTable(current);
  if (table.kind !== "bands") {
    throw invalid("Fitting price points needs a table of points bands; this price table is not one");
  }
  const { lowerBounds, careGroups, values } = table;
  if (
    lowerBounds.length !== calibration.bounds.length ||
    lowerBounds.some((bound, band) => !bound.eq(calibration.bounds[band]))
  ) {
    throw invalid("The fitted table's bands are not the price table's: fit with the price table's lower bounds");
  }
  const rows = filledRows(current)
    .slice(1)
    .map(({ rowNumber }) => rowNumber - 1);
  const columns = filledColumns(current).slice(1);
  const single = careGroups.names.length === 1;
  const changed: ProposedCell[] = [];
  const kept: KeptRate[] = [];
  careGroups.names.forEach((name, group) => {
    const careGroup = single ? null : name;
    const fitted = single
      ? calibration.groups[0]
      : calibration.groups.find((candidate) => matchKey(candidate.careGroup) === matchKey(name));
    if (fitted === undefined || fitted.exact === null) {
      kept.push({
        careGroup,
        band: null,
        why: fitted?.problems[0] ?? `No Agreed plan is in ${name}, so its rates are kept`,
      });
      return;
    }
    lowerBounds.forEach((bound, band) => {
      const from = values[group][band];
      const to = fitted.rates[band];
      const where = `band from ${bound.toString()} points`;
      if (from === null) return;
      if (to === null) kept.push({ careGroup, band: where, why: fitted.problems[band]! });
      else if (!to.eq(from))
        changed.push({ row: rows[band], column: columns[group], band: where, careGroup, from, to });
    });
  });
  const grid = current.map((row) => [...row]);
  for (const cell of changed) grid[cell.row][cell.column] = cell.to.toNumber();
  return { proposal: { grid, changed, table: parsePriceTable(grid) }, kept };
}
