// Price points are compiled once, when a price table is parsed (priceTable.ts): the exact bounds, rates
// and running totals, and the same figures as exact integers. The decimal derivation (budget.ts) reads
// the first; the fast path (fastBudget.ts) reads the second and rounds with the division below.
import type { PricingMethod } from "./budget";
import { Cell, matchKey } from "./cells";
import { Decimal } from "./decimal";

/** Points, bounds and reductions are counted in ten-thousandths in the integer plan. */
export const TEN_THOUSANDTHS = 1e4;
/** Integers below 2⁵² are exact as floats; the integer plan never relies on a larger one. */
export const SAFE = 2 ** 52;

/** A person's annual amount in the plan's amount units; NaN when the integers cannot say. */
export type AnnualUnits = (points: Cell, careGroup: Cell) => number;

/**
 * How the integer plan counts money: prices in units of their smallest decimal place, amounts (price ×
 * points in ten-thousandths) in `amountUnit`s, and a period's result in pence after one division.
 */
export interface IntegerScale {
  /** One amount unit in £: the prices' smallest decimal place ÷ 10,000. */
  readonly amountUnit: Decimal;
  /** A penny in amount units (a whole number): an annual amount in units ÷ this is the amount in pence. */
  readonly pennyInUnits: number;
  /** The annual amount by each band method, compiled with the plan (one for all methods but band tables). */
  readonly annualUnits: Readonly<Record<PricingMethod, AnnualUnits>>;
}

export interface LinearIntegers extends IntegerScale {
  /** £ per point, in price units. */
  readonly rate: number;
}

export interface BandIntegers extends IntegerScale {
  /** Lower bounds in ten-thousandths of a point. */
  readonly bounds: Float64Array;
  /** rates[careGroup][band] in price units; NaN where the cell is blank. */
  readonly rates: readonly Float64Array[];
  /** runningTotals[careGroup][band]: the marginal amount at the band's bound, in amount units; NaN above a blank. */
  readonly runningTotals: readonly Float64Array[];
  readonly careGroupOf: (cell: Cell) => number | undefined;
}

export interface CategoryIntegers extends IntegerScale {
  /** amounts[careGroup][category] in amount units; NaN where the cell is blank. */
  readonly amounts: readonly Float64Array[];
  readonly careGroupOf: (cell: Cell) => number | undefined;
  readonly categoryOf: (cell: Cell) => number | undefined;
}

/** A cell's number in ten-thousandths, when it has no more than four decimals; NaN otherwise. */
export function tenThousandths(value: number): number {
  const scaled = Math.round(value * TEN_THOUSANDTHS);
  // Below 2³³ distinct four-decimal numbers are distinct floats, so this round trip proves the decimals.
  return scaled / TEN_THOUSANDTHS === value && value < 2 ** 33 ? scaled : NaN;
}

/** An exact decimal as an integer count of `unit`s; NaN when it is not one, is too large or is missing. */
function countOf(value: Decimal | null, unit: Decimal): number {
  if (value === null) return NaN;
  const count = value.div(unit);
  return count.isInteger() && count.lte(SAFE) ? count.toNumber() : NaN;
}

/**
 * The one rounding of a budget on the fast path: `exact` ÷ `per` to the nearest whole number, halves up,
 * for integers below 2⁵². The float quotient is corrected by the exact remainder, so it is never off by one.
 */
export function divideHalfUp(exact: number, per: number): number {
  let quotient = Math.floor(exact / per);
  let remainder = exact - quotient * per;
  // Stryker disable all: equivalent. Below 2⁵³ the float quotient is off by at most one in its last place, and
  // the half-up test below gives the same answer with or without this correction; it keeps `remainder` honest.
  if (remainder < 0) {
    quotient -= 1;
    remainder += per;
  } else if (remainder >= per) {
    quotient += 1;
    remainder -= per;
  }
  // Stryker restore all
  return 2 * remainder >= per ? quotient + 1 : quotient;
}

/** The units for prices with these values; null when they have more than six decimals. */
type Scale = Omit<IntegerScale, "annualUnits">;

function scaleOf(prices: readonly (Decimal | null)[]): Scale | null {
  const decimals = Math.max(0, ...prices.map((price) => (price === null ? 0 : price.decimalPlaces())));
  if (decimals > 6) return null;
  const amountUnit = new Decimal(10).pow(-decimals).div(TEN_THOUSANDTHS);
  return { amountUnit, pennyInUnits: new Decimal(0.01).div(amountUnit).toNumber() };
}

const priceUnitOf = (scale: Scale) => scale.amountUnit.times(TEN_THOUSANDTHS);

/** Points as a count of ten-thousandths, when they are a number 0 or more with at most four decimals. */
// Stryker disable next-line ConditionalExpression: equivalent; text, TRUE and blanks fail tenThousandths anyway.
const scaledPoints = (points: Cell) => (typeof points === "number" && points >= 0 ? tenThousandths(points) : NaN);

const forEveryMethod = (annual: AnnualUnits) => ({ marginal: annual, band: annual, step: annual });

/**
 * A lookup from a raw cell to its index, remembering the cell each care group or category was last
 * given as, so a column of the same few values matches each once.
 */
function cellLookup(index: ReadonlyMap<string, number>, single: boolean): (cell: Cell) => number | undefined {
  if (single) return () => 0;
  const seen = new Map<Cell, number | undefined>();
  return (cell) => {
    let found = seen.get(cell);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; looking up again finds the same.
    if (found === undefined && !seen.has(cell)) {
      found = index.get(matchKey(cell));
      // Stryker disable next-line all: equivalent; how many cells are remembered changes only the speed.
      if (seen.size < 256) seen.set(cell, found);
    }
    return found;
  };
}

export function linearIntegers(ratePerPoint: Decimal): LinearIntegers | null {
  const scale = scaleOf([ratePerPoint]);
  if (scale === null) return null;
  const rate = countOf(ratePerPoint, priceUnitOf(scale));
  return { ...scale, rate, annualUnits: forEveryMethod((points) => scaledPoints(points) * rate) };
}

/** Care groups as the plan needs them: match key → column, and whether there is only one column. */
interface GroupIndex {
  readonly index: ReadonlyMap<string, number>;
  readonly single: boolean;
}

export function bandIntegers(
  groups: GroupIndex,
  lowerBounds: readonly Decimal[],
  values: readonly (readonly (Decimal | null)[])[],
  exactTotals: readonly (readonly (Decimal | null)[])[],
): BandIntegers | null {
  const scale = scaleOf(values.flat());
  const bounds = Float64Array.from(lowerBounds, (bound) => countOf(bound, new Decimal(1).div(TEN_THOUSANDTHS)));
  if (scale === null || bounds.some(Number.isNaN)) return null;
  const priceUnit = priceUnitOf(scale);
  const rates = values.map((column) => Float64Array.from(column, (value) => countOf(value, priceUnit)));
  const runningTotals = exactTotals.map((column) => Float64Array.from(column, (sum) => countOf(sum, scale.amountUnit)));
  const careGroupOf = cellLookup(groups.index, groups.single);
  const annual =
    (method: PricingMethod): AnnualUnits =>
    (points, careGroup) => {
      const column = careGroupOf(careGroup);
      const scaled = scaledPoints(points);
      if (column === undefined || Number.isNaN(scaled)) return NaN;
      // The band the points fall in: the last whose lower bound they reach.
      let band = -1;
      while (
        // Equivalent mutants: past the last bound reads undefined, which no points reach; the loop stops there anyway.
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent (above).
        band + 1 < bounds.length &&
        bounds[band + 1] <= scaled
      )
        band++;
      if (band < 0) return 0;
      const rate = rates[column][band];
      if (method === "marginal") {
        const atBound = runningTotals[column][band];
        return scaled === bounds[band] ? atBound : atBound + (scaled - bounds[band]) * rate;
      }
      return method === "band" ? scaled * rate : rate * TEN_THOUSANDTHS;
    };
  return {
    ...scale,
    bounds,
    rates,
    runningTotals,
    careGroupOf,
    // Stryker disable next-line StringLiteral: equivalent for "step"; a method neither marginal nor band is a step.
    annualUnits: { marginal: annual("marginal"), band: annual("band"), step: annual("step") },
  };
}

export function categoryIntegers(
  groups: GroupIndex,
  categoryIndex: ReadonlyMap<string, number>,
  exactAmounts: readonly (readonly (Decimal | null)[])[],
): CategoryIntegers | null {
  const scale = scaleOf(exactAmounts.flat());
  if (scale === null) return null;
  const amounts = exactAmounts.map((column) => Float64Array.from(column, (value) => countOf(value, scale.amountUnit)));
  const careGroupOf = cellLookup(groups.index, groups.single);
  const categoryOf = cellLookup(categoryIndex, false);
  const annual: AnnualUnits = (points, careGroup) => {
    const column = careGroupOf(careGroup);
    // Equivalent mutant: no category is named by a number (the table reads one as a bound), so a number finds none.
    // Stryker disable next-line ConditionalExpression: equivalent (above).
    const position = typeof points === "string" ? categoryOf(points) : undefined;
    // Stryker disable next-line ConditionalExpression: equivalent; amounts[column][undefined], like NaN, goes exact.
    return column === undefined || position === undefined ? NaN : amounts[column][position];
  };
  return { ...scale, amounts, careGroupOf, categoryOf, annualUnits: forEveryMethod(annual) };
}
