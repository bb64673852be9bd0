import {
  blankAsZero,
  Cell,
  describeCell,
  filledColumns,
  filledRows,
  Grid,
  isBlank,
  isNoValue,
  isNumeric,
  label,
  matchKey,
  moneyAmount,
  pointsNumber,
  readCell,
  readGrid,
} from "./cells";
import { Decimal, ZERO } from "./decimal";
import { invalid, listForMessage, notFound } from "./errors";
import {
  BandIntegers,
  bandIntegers,
  CategoryIntegers,
  categoryIntegers,
  LinearIntegers,
  linearIntegers,
} from "./pricePlan";

/** Names of the value columns of a price table, one per care group (or one for everyone). */
export interface CareGroups {
  readonly names: readonly string[];
  /** Care group (by match key) → value column. */
  readonly index: ReadonlyMap<string, number>;
}

// A parsed price table is its compiled pricing plan: the exact figures budget.ts derives budgets from, and
// (in `integers`, see pricePlan.ts) the same figures as exact integers for the fast path. Null `integers`
// means the table's numbers are too fine or too large for them, and every budget takes the exact path.

/** A straight-line RAS: the same £ per point for everyone. */
export interface LinearPriceTable {
  readonly kind: "linear";
  readonly ratePerPoint: Decimal;
  readonly integers: LinearIntegers | null;
}

/** Points bands: strictly ascending lower bounds, and per care group a value for each band. */
export interface BandPriceTable {
  readonly kind: "bands";
  readonly careGroups: CareGroups;
  readonly lowerBounds: readonly Decimal[];
  /** values[careGroup][band]: £ per point (marginal and band methods) or the budget (step); null where blank. */
  readonly values: readonly (readonly (Decimal | null)[])[];
  /** runningTotals[careGroup][band]: the marginal amount at the band's lower bound; null above a blank band. */
  readonly runningTotals: readonly (readonly (Decimal | null)[])[];
  /** The row of the range each band came from, for messages. */
  readonly rowNumbers: readonly number[];
  readonly integers: BandIntegers | null;
}

/** An outcomes-based RAS (Coventry-style): category name → indicative amount, per care group. */
export interface CategoryPriceTable {
  readonly kind: "categories";
  readonly careGroups: CareGroups;
  readonly categories: readonly string[];
  /** Category (by match key) → row of `amounts`. */
  readonly categoryIndex: ReadonlyMap<string, number>;
  /** amounts[careGroup][category]; null where the cell is blank. */
  readonly amounts: readonly (readonly (Decimal | null)[])[];
  readonly rowNumbers: readonly number[];
  readonly integers: CategoryIntegers | null;
}

/** Price points turning points (or a category) into an annual £ amount. */
export type PriceTable = LinearPriceTable | BandPriceTable | CategoryPriceTable;

const TABLE_SHAPE =
  "The price table must be one £-per-point number, or a range with a header row " +
  "(a label, then one care group per column) and rows that start with a points lower bound or a category name";

/**
 * Parses price points: a single number (£ per point) or a table with a header row of care groups
 * whose first column holds either points lower bounds (a band table) or category names.
 */
export function parsePriceTable(value: unknown): PriceTable {
  if (typeof value === "number" || typeof value === "string") return linearTable(value);
  const grid = readGrid(value, "The price table");
  if (grid.length === 1 && grid[0].length === 1) return linearTable(grid[0][0]);
  return tableOfRows(grid);
}

function linearTable(cell: Cell): LinearPriceTable {
  const ratePerPoint = readCell(moneyAmount, cell, `${TABLE_SHAPE}. As one number, £ per point`);
  return { kind: "linear", ratePerPoint, integers: linearIntegers(ratePerPoint) };
}

/** The marginal amount at each band's lower bound: the full bands below it, each at its own rate. */
function runningTotalsOf(lowerBounds: readonly Decimal[], rates: readonly (Decimal | null)[]): (Decimal | null)[] {
  let sum: Decimal | null = ZERO;
  return rates.map((rate, band) => {
    const atBound = sum;
    if (band + 1 < lowerBounds.length) {
      sum = sum === null || rate === null ? null : sum.plus(lowerBounds[band + 1].minus(lowerBounds[band]).times(rate));
    }
    return atBound;
  });
}

function tableOfRows(grid: Grid): BandPriceTable | CategoryPriceTable {
  const rows = filledRows(grid);
  const columns = filledColumns(grid);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; no rows means no columns either.
  if (rows.length < 1 || columns.length < 2 || columns[0] !== 0) throw invalid(TABLE_SHAPE);
  const [header, ...body] = rows;
  const valueColumns = columns.slice(1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; there are value columns here.
  if (valueColumns.length > 0 && valueColumns.every((column) => typeof header.row[column] === "number")) {
    throw invalid(
      "The price table's first row holds numbers where its header belongs (a label, then one care group per " +
        "column): it looks like a table's body without its header row. Use PricePoints[#All] (the table with " +
        "its header row) rather than PricePoints, or a range that includes the header row",
    );
  }
  if (body.length === 0) throw invalid(TABLE_SHAPE);
  const careGroups = readCareGroups(header.row, valueColumns);

  const firstCells = body.map(({ row }) => row[0]);
  const blankAt = firstCells.findIndex(isBlank);
  if (blankAt >= 0) {
    throw invalid(
      `Price table row ${body[blankAt].rowNumber} has amounts but no points lower bound or category name ` +
        "in its first column",
    );
  }
  const numberAt = firstCells.findIndex(isNumeric);
  const textAt = firstCells.findIndex((cell) => !isNumeric(cell));
  if (numberAt >= 0 && textAt >= 0) {
    throw invalid(
      `The price table's first column mixes numbers (row ${body[numberAt].rowNumber}) ` +
        `and names (row ${body[textAt].rowNumber}): ` +
        "use points lower bounds for a band table or category names for a category table, not both",
    );
  }

  const rowNumbers = body.map(({ rowNumber }) => rowNumber);
  const readValues = (describeRow: (position: number) => string) =>
    valueColumns.map((column, group) =>
      body.map(({ row }, position) => {
        const cell = row[column];
        // A blank price is £0 (a point, or for the category): what Excel for Windows and Mac, and Excel on the web in
        // a range, give a custom function for a blank cell, so the pane prices it as the PB formulas do. "-" is
        // no value, on every Excel.
        if (isBlank(cell)) return ZERO;
        if (isNoValue(cell)) return null;
        return readCell(
          moneyAmount,
          cell,
          () =>
            `Price table row ${rowNumbers[position]} (${describeRow(position)}), care group ${careGroups.names[group]}`,
        );
      }),
    );

  if (textAt < 0) {
    const lowerBounds = body.map(({ row, rowNumber }) =>
      readCell(pointsNumber, row[0], `Price table row ${rowNumber}: the points lower bound`),
    );
    lowerBounds.forEach((bound, position) => {
      if (position > 0 && !bound.gt(lowerBounds[position - 1])) {
        throw invalid(
          `The price table's points lower bounds must rise strictly: row ${rowNumbers[position]} ` +
            `has ${bound.toString()} after ${lowerBounds[position - 1].toString()} in row ${rowNumbers[position - 1]}`,
        );
      }
    });
    const values = readValues((position) => `band from ${lowerBounds[position].toString()} points`);
    const runningTotals = values.map((rates) => runningTotalsOf(lowerBounds, rates));
    return {
      kind: "bands",
      careGroups,
      lowerBounds,
      values,
      runningTotals,
      rowNumbers,
      integers: bandIntegers(groupIndex(careGroups), lowerBounds, values, runningTotals),
    };
  }

  const categories = firstCells.map(label);
  const categoryIndex = new Map<string, number>();
  firstCells.forEach((cell, position) => {
    const key = matchKey(cell);
    const earlier = categoryIndex.get(key);
    if (earlier !== undefined) {
      throw invalid(
        `The price table has category ${describeCell(cell)} twice ` +
          `(rows ${rowNumbers[earlier]} and ${rowNumbers[position]})`,
      );
    }
    categoryIndex.set(key, position);
  });
  const amounts = readValues((position) => `category ${categories[position]}`);
  return {
    kind: "categories",
    careGroups,
    categories,
    categoryIndex,
    amounts,
    rowNumbers,
    integers: categoryIntegers(groupIndex(careGroups), categoryIndex, amounts),
  };
}

const groupIndex = ({ names, index }: CareGroups) => ({ index, single: names.length === 1 });

function readCareGroups(header: readonly Cell[], valueColumns: readonly number[]): CareGroups {
  if (valueColumns.length === 1) {
    const name = label(header[valueColumns[0]]);
    return { names: [name === "" ? "everyone" : name], index: new Map() };
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  for (const column of valueColumns) {
    const cell = header[column];
    if (isBlank(cell)) throw invalid(`The price table's header row has no care group name in column ${column + 1}`);
    const key = matchKey(cell);
    const earlier = index.get(key);
    if (earlier !== undefined) {
      throw invalid(
        `The price table's header has care group ${describeCell(cell)} twice ` +
          `(columns ${valueColumns[earlier] + 1} and ${column + 1})`,
      );
    }
    index.set(key, names.length);
    names.push(label(cell));
  }
  return { names, index };
}

/**
 * The value column for a person's care group. A table with one value column is a single RAS for
 * everyone and ignores the care group; otherwise it must name one of the table's groups.
 */
export function careGroupColumn(table: BandPriceTable | CategoryPriceTable, careGroup: Cell): number {
  const { names, index } = table.careGroups;
  if (names.length === 1) return 0;
  if (isBlank(careGroup)) {
    throw notFound(
      `The price table has a column per care group (${listForMessage(names)}); give the person's care group`,
    );
  }
  const column = index.get(matchKey(careGroup));
  if (column === undefined) {
    throw notFound(
      `Care group ${describeCell(careGroup)} is not in the price table (it has ${listForMessage(names)})` +
        blankAsZero(careGroup),
    );
  }
  return column;
}

/**
 * The blank price cells of a price table with a header row, by position in the grid given (0 is the header row):
 * each is read as £0, as Excel gives it to the functions, which may not be what was meant.
 */
export function blankPriceCells(grid: Grid): { readonly row: number; readonly column: number }[] {
  const rows = filledRows(grid);
  const columns = filledColumns(grid);
  // A table starts in the grid's first column; a header alone, or bounds alone, have no price cells below.
  if (columns[0] !== 0) return [];
  return rows
    .slice(1)
    .flatMap(({ row, rowNumber }) =>
      columns.slice(1).flatMap((column) => (isBlank(row[column]) ? [{ row: rowNumber - 1, column }] : [])),
    );
}
