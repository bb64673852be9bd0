// A policy officer's proposed price points: a copy of the current table with, optionally, one change applied —
// every rate of one care group (or of all) raised or lowered by a percentage or by £ a point, or a band's lower
// bound moved. Exact decimals throughout; a changed rate is rounded to the penny, half-up, once, so the price
// the table shows is the price the budgets use.
import { Cell, filledColumns, filledRows, Grid, matchKey } from "./cells";
import { Decimal, formatExactPounds, toPence } from "./decimal";
import { invalid, listForMessage } from "./errors";
import { BandPriceTable, CategoryPriceTable, parsePriceTable, PriceTable } from "./priceTable";

/** Which care group's rates a change applies to: one by name, or every one (null). */
export type CareGroupChoice = string | null;

/** The change a proposal applies to the copy of the current table. */
export type PriceChange =
  | { readonly kind: "copy" }
  /** Every rate (or category amount) × (1 + percent ÷ 100); −100 or more. */
  | { readonly kind: "percent"; readonly percent: Decimal; readonly careGroup: CareGroupChoice }
  /** £ added to every rate a point of a band table (negative lowers it; a rate cannot go below £0). */
  | { readonly kind: "perPoint"; readonly amount: Decimal; readonly careGroup: CareGroupChoice }
  /** A band's lower bound moved (band 0 is the table's first row); it must stay between its neighbours. */
  | { readonly kind: "moveBound"; readonly band: number; readonly to: Decimal };

/** One cell of the proposed table that differs from the current one. */
export interface ProposedCell {
  /** Position in the grid (0 is the header row) and column. */
  readonly row: number;
  readonly column: number;
  /** The row in the domain's words: "band from 20 points", "category Basic". */
  readonly band: string;
  /** The care group whose column it is; null for a lower bound, or a table with one column for everyone. */
  readonly careGroup: string | null;
  readonly from: Decimal;
  readonly to: Decimal;
}

export interface Proposal {
  /** The proposed table's cells: the current table's header row and body, with the changed cells as numbers. */
  readonly grid: readonly (readonly Cell[])[];
  readonly changed: readonly ProposedCell[];
  /** The proposed table, parsed (so every budget it gives is priced as PB.INDICATIVE_BUDGET prices it). */
  readonly table: PriceTable;
}

/** Where each band (or category) row and each care-group column of a table's grid is. */
interface Layout {
  readonly table: BandPriceTable | CategoryPriceTable;
  /** Grid row index of each body row, in the table's band (or category) order. */
  readonly rows: readonly number[];
  /** Grid column of each care group, in the table's care-group order. */
  readonly columns: readonly number[];
}

function layoutOf(grid: Grid): Layout {
  const table = parsePriceTable(grid);
  if (table.kind === "linear") {
    throw invalid("The price table is a single £-per-point number: a proposal needs a table with a header row");
  }
  return {
    table,
    // The parser read the same rows and columns: the header is the first filled row and column 0 the labels.
    rows: filledRows(grid)
      .slice(1)
      .map(({ rowNumber }) => rowNumber - 1),
    columns: filledColumns(grid).slice(1),
  };
}

const bandName = (layout: Layout, position: number): string =>
  layout.table.kind === "bands"
    ? `band from ${layout.table.lowerBounds[position].toString()} points`
    : `category ${layout.table.categories[position]}`;

/** The care-group columns a change applies to, by position in the table's care groups. */
function chosenGroups(table: BandPriceTable | CategoryPriceTable, careGroup: CareGroupChoice): number[] {
  const { names, index } = table.careGroups;
  if (careGroup === null || names.length === 1) return names.map((_, group) => group);
  const group = index.get(matchKey(careGroup));
  if (group === undefined) {
    throw invalid(`Care group ${careGroup} is not in the price table (it has ${listForMessage(names)})`);
  }
  return [group];
}

/** The new value of every priced cell of the chosen groups; cells with no value ("-" or blank) stay as they are. */
function changeValues(layout: Layout, careGroup: CareGroupChoice, change: (value: Decimal) => Decimal): ProposedCell[] {
  const { table } = layout;
  const values = table.kind === "bands" ? table.values : table.amounts;
  const single = table.careGroups.names.length === 1;
  return chosenGroups(table, careGroup).flatMap((group) =>
    values[group].flatMap((from, position) => {
      if (from === null) return [];
      const to = change(from);
      const where = `${single ? "" : `${table.careGroups.names[group]}, `}${bandName(layout, position)}`;
      if (to.lt(0)) throw invalid(`The change would make ${where} £${to.toFixed(2)}: a price cannot be below £0`);
      return to.eq(from)
        ? []
        : [
            {
              row: layout.rows[position],
              column: layout.columns[group],
              band: bandName(layout, position),
              careGroup: single ? null : table.careGroups.names[group],
              from,
              to,
            },
          ];
    }),
  );
}

function movedBound(layout: Layout, band: number, to: Decimal): ProposedCell[] {
  const { table } = layout;
  if (table.kind !== "bands") throw invalid("Only a table of points bands has lower bounds to move");
  const bounds = table.lowerBounds;
  if (!Number.isInteger(band) || band < 0 || band >= bounds.length) {
    throw invalid(`The price table has bands 1 to ${bounds.length}; there is no band ${band + 1}`);
  }
  if (to.lt(0)) throw invalid(`A lower bound must be 0 points or more; got ${to.toString()}`);
  // Equivalent mutants: bounds[-1] and bounds[length] are undefined, which the check below takes as no band there.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (above).
  const below = band > 0 ? bounds[band - 1] : null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent (above).
  const above = band + 1 < bounds.length ? bounds[band + 1] : null;
  if ((below && !to.gt(below)) || (above && !to.lt(above))) {
    const limits = [below && `above ${below.toString()}`, above && `below ${above.toString()}`].filter(Boolean);
    throw invalid(
      `The lower bound of the band from ${bounds[band].toString()} points must stay ${limits.join(" and ")} ` +
        `points, between the bands beside it; got ${to.toString()}`,
    );
  }
  if (to.eq(bounds[band])) return [];
  return [
    {
      row: layout.rows[band],
      column: 0,
      band: `band from ${bounds[band].toString()} points`,
      careGroup: null,
      from: bounds[band],
      to,
    },
  ];
}

/**
 * The proposed price table: a copy of the current table's grid (header row and body, as the workbook holds it)
 * with the change applied. Refuses, saying why, a change the table cannot take (an unknown care group, a price
 * below £0, a bound out of order) or a current table that is not a price table at all.
 */
export function proposePriceTable(current: Grid, change: PriceChange): Proposal {
  const layout = layoutOf(current);
  let changed: ProposedCell[] = [];
  // A copy ("copy") changes no cell.
  switch (change.kind) {
    case "percent": {
      if (change.percent.lt(-100)) throw invalid("A percentage change cannot be below −100%");
      if (change.percent.decimalPlaces() > 2) {
        throw invalid(`A percentage has at most 2 decimal places, such as 2.25; got ${change.percent.toString()}%`);
      }
      const factor = change.percent.div(100).plus(1);
      changed = changeValues(layout, change.careGroup, (value) => toPence(value.times(factor)));
      break;
    }
    case "perPoint":
      if (layout.table.kind !== "bands") {
        throw invalid("A category table holds amounts, not £ a point: change it by a percentage instead");
      }
      // A fraction of a penny would be rounded away in every rate (£0.005 a point: each rate £0.01 more).
      if (change.amount.decimalPlaces() > 2) {
        throw invalid(`£ a point must be whole pence, such as 2.50; got ${formatExactPounds(change.amount)}`);
      }
      changed = changeValues(layout, change.careGroup, (value) => toPence(value.plus(change.amount)));
      break;
    case "moveBound":
      changed = movedBound(layout, change.band, change.to);
      break;
  }
  const grid = current.map((row) => [...row]);
  for (const cell of changed) grid[cell.row][cell.column] = Number(cell.to.toString());
  return { grid, changed, table: parsePriceTable(grid) };
}

/** The care groups a price table prices separately, for choosing one: none when one column serves everyone. */
export function proposalCareGroups(current: Grid): readonly string[] {
  const { table } = layoutOf(current);
  return table.careGroups.names.length > 1 ? table.careGroups.names : [];
}

/** The lower bounds of a band table's bands, in order (empty for a category table), for choosing one to move. */
export function proposalBands(current: Grid): readonly Decimal[] {
  const { table } = layoutOf(current);
  return table.kind === "bands" ? table.lowerBounds : [];
}

/**
 * Beyond this change to a rate, up or down, a proposal is more than a price review usually makes (a slip: 1,000%
 * typed for 10%), so the pane asks for it to be confirmed, as the forecast refuses rates beyond ±50% a year.
 */
export const CONFIRM_CHANGE_BEYOND = new Decimal("0.5");

/** A changed rate and its change as a fraction of what it was (null when it was £0). */
export interface RateChange {
  readonly cell: ProposedCell;
  readonly fraction: Decimal | null;
}

/**
 * The rate whose change is largest (the first such in the table), when that change is beyond ±50% of what the
 * rate was, or a rate of £0 is raised; null when every change is within. Lower bounds are not rates.
 */
export function changeToConfirm(proposal: Proposal): RateChange | null {
  let largest: RateChange | null = null;
  for (const cell of proposal.changed) {
    if (cell.column === 0) continue;
    const fraction = cell.from.isZero() ? null : cell.to.minus(cell.from).div(cell.from);
    if (fraction !== null && fraction.abs().lte(CONFIRM_CHANGE_BEYOND)) continue;
    const larger =
      largest === null ||
      (largest.fraction !== null && (fraction === null || fraction.abs().gt(largest.fraction.abs())));
    if (larger) largest = { cell, fraction };
  }
  return largest;
}
