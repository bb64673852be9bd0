import { Cell, matchKey } from "./cells";
import { Decimal, penceNumber, ZERO } from "./decimal";
import { BudgetOptions, indicativeBudget } from "./budget";
import { PriceTable } from "./priceTable";

/** One person's indicative budget in £, rounded to pence: the number Excel shows. */
export type BudgetPricer = (points: Cell, careGroup: Cell, reduction: Cell) => number;

/**
 * Relative error allowed for a handful of float operations on inputs that are themselves within
 * 2⁻⁵³ of their decimals: 2⁻⁴⁵ leaves a margin of 256 over the unit round-off.
 */
const RELATIVE_ERROR = 2 ** -45;
const LARGEST_SAFE_PENCE = 2 ** 50;

/** A care group's column of a band or category table, as floats. NaN marks a value the table leaves blank. */
interface ColumnPrices {
  readonly values: Float64Array;
  /** Marginal: the annual amount at each band's lower bound (NaN when a blank band lies below it). */
  readonly cumulative: Float64Array;
}

function asFloat(value: Decimal | null): number {
  return value === null ? NaN : Number(value.toString());
}

function columnPrices(values: readonly (Decimal | null)[], bounds: readonly Decimal[]): ColumnPrices {
  const cumulative = new Float64Array(values.length);
  let sum: Decimal | null = ZERO;
  values.forEach((value, band) => {
    cumulative[band] = asFloat(sum);
    if (band + 1 < bounds.length) sum = sum === null || value === null ? null : sum.plus(bounds[band + 1].minus(bounds[band]).times(value));
  });
  return { values: Float64Array.from(values, asFloat), cumulative };
}

/** Remembers the raw cell each care group or category was last given as, so a column of them matches once. */
function rawLookup(index: ReadonlyMap<string, number>): (cell: Cell) => number | undefined {
  const seen = new Map<Cell, number | undefined>();
  return (cell) => {
    let found = seen.get(cell);
    if (found === undefined && !seen.has(cell)) {
      found = index.get(matchKey(cell));
      if (seen.size < 256) seen.set(cell, found);
    }
    return found;
  };
}

/**
 * The annual amount in floats for one person, and the size of the terms it was built from (for the
 * error bound); NaN when the fast path cannot say (text points, a blank price, an unknown group).
 */
type FloatPricing = (points: Cell, careGroup: Cell) => { amount: number; magnitude: number } | null;

function floatPricing(table: PriceTable, options: BudgetOptions): FloatPricing {
  if (table.kind === "linear") {
    const rate = asFloat(table.ratePerPoint);
    return (points) => (typeof points === "number" && points >= 0 ? { amount: points * rate, magnitude: points * rate } : null);
  }
  const single = table.careGroups.names.length === 1;
  const groupOf = rawLookup(table.careGroups.index);
  const columnOf = (careGroup: Cell) => (single ? 0 : groupOf(careGroup));

  if (table.kind === "categories") {
    const amounts = table.amounts.map((column) => Float64Array.from(column, asFloat));
    const categoryOf = rawLookup(table.categoryIndex);
    return (points, careGroup) => {
      const column = columnOf(careGroup);
      const position = typeof points === "string" ? categoryOf(points) : undefined;
      if (column === undefined || position === undefined) return null;
      const amount = amounts[column][position];
      return amount >= 0 ? { amount, magnitude: amount } : null;
    };
  }

  const bounds = Float64Array.from(table.lowerBounds, asFloat);
  const columns = table.values.map((values) => columnPrices(values, table.lowerBounds));
  const method = options.method;
  return (points, careGroup) => {
    const column = columnOf(careGroup);
    if (typeof points !== "number" || !(points >= 0) || column === undefined) return null;
    // The band the points fall in: the last whose lower bound they reach.
    let band = -1;
    while (band + 1 < bounds.length && bounds[band + 1] <= points) band++;
    if (band < 0) return { amount: 0, magnitude: 0 };
    const { values, cumulative } = columns[column];
    const value = values[band];
    let amount: number;
    let magnitude: number;
    if (method === "marginal") {
      amount = cumulative[band] + (points - bounds[band]) * value;
      magnitude = cumulative[band] + points * value;
    } else {
      amount = method === "band" ? points * value : value;
      magnitude = amount;
    }
    return amount >= 0 ? { amount, magnitude } : null;
  };
}

/**
 * Prices people as the decimal engine does, to the penny, but in floats: a float result is kept only
 * when its error bound cannot reach a half-penny boundary, so the rounding it gives is the exact
 * one. Anything else (a tie such as 0.5 × £2.01, text cells, a bad row) goes to the decimal engine,
 * which also gives the errors their messages. Property tests check the two agree on every row.
 */
export function budgetPricer(table: PriceTable, options: BudgetOptions): BudgetPricer {
  const cached = pricers.get(table)?.get(`${options.period}|${options.method}`);
  if (cached) return cached;
  const pricing = floatPricing(table, options);
  const penceFactor = options.period === "weekly" ? 100 / 52 : 100;
  const decimalPrice: BudgetPricer = (points, careGroup, reduction) => penceNumber(indicativeBudget(table, { points, careGroup, reduction }, options));
  const pricer: BudgetPricer = (points, careGroup, reduction) => {
    const keep = reduction === null || reduction === undefined || reduction === "" ? 1 : typeof reduction === "number" && reduction >= 0 && reduction <= 1 ? 1 - reduction : NaN;
    const priced = keep === keep ? pricing(points, careGroup) : null;
    if (priced === null) return decimalPrice(points, careGroup, reduction);
    const pence = priced.amount * keep * penceFactor;
    const margin = priced.magnitude * penceFactor * RELATIVE_ERROR;
    // Half-up: floor(pence + 0.5). Kept only when pence + 0.5 is further than the error bound from an integer.
    const rounded = Math.floor(pence + 0.5);
    const above = pence + 0.5 - rounded;
    if (!(above > margin && 1 - above > margin) || pence > LARGEST_SAFE_PENCE) return decimalPrice(points, careGroup, reduction);
    return rounded / 100;
  };
  const byOptions = pricers.get(table) ?? new Map<string, BudgetPricer>();
  byOptions.set(`${options.period}|${options.method}`, pricer);
  pricers.set(table, byOptions);
  return pricer;
}

const pricers = new WeakMap<PriceTable, Map<string, BudgetPricer>>();
