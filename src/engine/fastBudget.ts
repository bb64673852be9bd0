import { Cell, matchKey } from "./cells";
import { Decimal, penceNumber, ZERO } from "./decimal";
import { BudgetOptions, budgetOptions, indicativeBudget } from "./budget";
import { PriceTable } from "./priceTable";

/** One person's indicative budget in £, rounded to pence: the number Excel shows. */
export type BudgetPricer = (points: Cell, careGroup: Cell, reduction: Cell) => number;

// The fast path is the decimal engine's arithmetic done on integers: points, bounds and reductions in
// ten-thousandths, prices in units of their own smallest decimal place. Every integer stays below
// 2⁵², where a float holds integers exactly, or the row goes to the decimal engine instead.
const TEN_THOUSANDTHS = 1e4;
const SAFE = 2 ** 52;

/** A cell's number in ten-thousandths, when it has no more than four decimals; NaN otherwise. */
function tenThousandths(value: number): number {
  const scaled = Math.round(value * TEN_THOUSANDTHS);
  // Below 2³³ distinct four-decimal numbers are distinct floats, so this round trip proves the decimals.
  return scaled / TEN_THOUSANDTHS === value && value < 2 ** 33 ? scaled : NaN;
}

/** An exact decimal as an integer count of `unit`s; NaN when it is not one or is too large. */
function countOf(value: Decimal | null, unit: Decimal): number {
  if (value === null) return NaN;
  const count = value.div(unit);
  return count.isInteger() && count.lte(SAFE) ? count.toNumber() : NaN;
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
 * A person's annual amount as an integer in units of `amountUnit` £ (NaN when the integer path
 * cannot say: text points, a blank price, an unknown care group, a number too large).
 */
interface IntegerPricing {
  readonly amountUnit: Decimal;
  readonly amount: (points: Cell, careGroup: Cell) => number;
}

function integerPricing(table: PriceTable, method: BudgetOptions["method"]): IntegerPricing {
  const prices =
    table.kind === "linear"
      ? [table.ratePerPoint]
      : table.kind === "bands"
        ? table.values.flat()
        : table.amounts.flat();
  const priceDecimals = Math.max(0, ...prices.map((price) => (price === null ? 0 : price.decimalPlaces())));
  const priceUnit = new Decimal(10).pow(-priceDecimals);
  const amountUnit = priceUnit.div(TEN_THOUSANDTHS);
  const price = (value: Decimal | null) => countOf(value, priceUnit);
  const none = { amountUnit, amount: () => NaN };
  if (priceDecimals > 6) return none;

  if (table.kind === "linear") {
    const rate = price(table.ratePerPoint);
    return {
      amountUnit,
      amount: (points) => (typeof points === "number" && points >= 0 ? tenThousandths(points) * rate : NaN),
    };
  }
  const single = table.careGroups.names.length === 1;
  const groupOf = rawLookup(table.careGroups.index);
  const columnOf = (careGroup: Cell) => (single ? 0 : groupOf(careGroup));

  if (table.kind === "categories") {
    const amounts = table.amounts.map((column) => Float64Array.from(column, (value) => countOf(value, amountUnit)));
    const categoryOf = rawLookup(table.categoryIndex);
    return {
      amountUnit,
      amount: (points, careGroup) => {
        const column = columnOf(careGroup);
        const position = typeof points === "string" ? categoryOf(points) : undefined;
        return column === undefined || position === undefined ? NaN : amounts[column][position];
      },
    };
  }

  const bounds = Float64Array.from(table.lowerBounds, (bound) => countOf(bound, new Decimal(1).div(TEN_THOUSANDTHS)));
  if (bounds.some(Number.isNaN)) return none;
  const rates = table.values.map((column) => Float64Array.from(column, price));
  // Marginal: the amount at each band's lower bound, in amount units (NaN above a blank band).
  const cumulative = table.values.map((column) => {
    let sum: Decimal | null = ZERO;
    return Float64Array.from(column, (value, band) => {
      const here = sum === null ? NaN : countOf(sum, amountUnit);
      if (band + 1 < bounds.length)
        sum =
          sum === null || value === null
            ? null
            : sum.plus(table.lowerBounds[band + 1].minus(table.lowerBounds[band]).times(value));
      return here;
    });
  });
  return {
    amountUnit,
    amount: (points, careGroup) => {
      const column = columnOf(careGroup);
      if (typeof points !== "number" || !(points >= 0) || column === undefined) return NaN;
      const scaled = tenThousandths(points);
      if (Number.isNaN(scaled)) return NaN;
      // The band the points fall in: the last whose lower bound they reach.
      let band = -1;
      while (band + 1 < bounds.length && bounds[band + 1] <= scaled) band++;
      if (band < 0) return 0;
      const rate = rates[column][band];
      if (method === "marginal")
        return scaled === bounds[band]
          ? cumulative[column][band]
          : cumulative[column][band] + (scaled - bounds[band]) * rate;
      return method === "band" ? scaled * rate : rate * TEN_THOUSANDTHS;
    },
  };
}

/**
 * Prices people exactly as the decimal engine does, to the penny, in integer arithmetic: amount ×
 * (1 − reduction), then one half-up division into pence. A row the integers cannot hold, or a bad
 * row, goes to the decimal engine, which also gives errors their messages. Property tests check the
 * two agree on every row.
 */
export function budgetPricer(table: PriceTable, given: BudgetOptions): BudgetPricer {
  const options = budgetOptions(given);
  const cached = pricers.get(table)?.get(options);
  if (cached) return cached;
  const { amountUnit, amount } = integerPricing(table, options.method);
  const weeks = options.period === "weekly" ? 52 : 1;
  // Units of one penny: an amount unit, and an amount unit times a ten-thousandth of reduction.
  const penniesPerUnit = amountUnit.times(100);
  const divisor = countOf(new Decimal(weeks), penniesPerUnit);
  const reducedDivisor = countOf(new Decimal(weeks).times(TEN_THOUSANDTHS), penniesPerUnit);
  const decimalPrice: BudgetPricer = (points, careGroup, reduction) =>
    penceNumber(indicativeBudget(table, { points, careGroup, reduction }, options));

  const pricer: BudgetPricer = (points, careGroup, reduction) => {
    const annual = amount(points, careGroup);
    if (!(annual <= SAFE)) return decimalPrice(points, careGroup, reduction);
    let exact = annual;
    let per = divisor;
    if (!(reduction === null || reduction === undefined || reduction === "" || reduction === 0)) {
      const taken = typeof reduction === "number" && reduction >= 0 && reduction <= 1 ? tenThousandths(reduction) : NaN;
      exact = annual * (TEN_THOUSANDTHS - taken);
      per = reducedDivisor;
      if (!(exact <= SAFE)) return decimalPrice(points, careGroup, reduction);
    }
    if (!(per <= SAFE)) return decimalPrice(points, careGroup, reduction);
    // Integer division with remainder, corrected for the float quotient, then half-up.
    let pence = Math.floor(exact / per);
    let remainder = exact - pence * per;
    if (remainder < 0) ((pence -= 1), (remainder += per));
    else if (remainder >= per) ((pence += 1), (remainder -= per));
    if (2 * remainder >= per) pence += 1;
    return pence / 100;
  };
  const byOptions = pricers.get(table) ?? new Map<BudgetOptions, BudgetPricer>();
  byOptions.set(options, pricer);
  pricers.set(table, byOptions);
  return pricer;
}

/** Pricers by table and by options object (readBudgetOptions gives one object per combination). */
const pricers = new WeakMap<PriceTable, Map<BudgetOptions, BudgetPricer>>();
