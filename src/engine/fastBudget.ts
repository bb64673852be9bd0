import { Cell } from "./cells";
import { penceNumber } from "./decimal";
import { BudgetOptions, indicativeBudget, PricingMethod } from "./budget";
import { divideHalfUp, SAFE, TEN_THOUSANDTHS, tenThousandths } from "./pricePlan";
import { PriceTable } from "./priceTable";

/** One person's indicative budget in £, rounded to pence: the number Excel shows. */
export type BudgetPricer = (points: Cell, careGroup: Cell, reduction: Cell) => number;

/** A person's annual amount in the plan's amount units; NaN when the integers cannot say. */
type AnnualUnits = (points: Cell, careGroup: Cell) => number;

const CANNOT_SAY: AnnualUnits = () => NaN;

/** Points as a count of ten-thousandths, when they are a number 0 or more with at most four decimals. */
const scaledPoints = (points: Cell) => (typeof points === "number" && points >= 0 ? tenThousandths(points) : NaN);

/** The annual amount from the compiled plan's integers, by the table's kind and the band method. */
function annualUnits(table: PriceTable, method: PricingMethod): AnnualUnits {
  switch (table.kind) {
    case "linear": {
      const plan = table.integers;
      if (plan === null) return CANNOT_SAY;
      return (points) => scaledPoints(points) * plan.rate;
    }
    case "categories": {
      const plan = table.integers;
      if (plan === null) return CANNOT_SAY;
      return (points, careGroup) => {
        const column = plan.careGroupOf(careGroup);
        const position = typeof points === "string" ? plan.categoryOf(points) : undefined;
        return column === undefined || position === undefined ? NaN : plan.amounts[column][position];
      };
    }
    case "bands": {
      const plan = table.integers;
      if (plan === null) return CANNOT_SAY;
      const { bounds, rates, runningTotals } = plan;
      return (points, careGroup) => {
        const column = plan.careGroupOf(careGroup);
        const scaled = scaledPoints(points);
        if (column === undefined || Number.isNaN(scaled)) return NaN;
        // The band the points fall in: the last whose lower bound they reach.
        let band = -1;
        while (band + 1 < bounds.length && bounds[band + 1] <= scaled) band++;
        if (band < 0) return 0;
        const rate = rates[column][band];
        if (method === "marginal") {
          const atBound = runningTotals[column][band];
          return scaled === bounds[band] ? atBound : atBound + (scaled - bounds[band]) * rate;
        }
        return method === "band" ? scaled * rate : rate * TEN_THOUSANDTHS;
      };
    }
  }
}

/**
 * Prices people exactly as the decimal engine does, to the penny, from the integers of the compiled
 * plan: amount × (1 − reduction), then one half-up division into pence. A row the integers cannot hold,
 * or a bad row, goes to the decimal engine, which also gives errors their messages. Property tests check
 * the two agree on every row.
 */
export function budgetPricer(table: PriceTable, options: BudgetOptions): BudgetPricer {
  const decimalPrice: BudgetPricer = (points, careGroup, reduction) =>
    penceNumber(indicativeBudget(table, { points, careGroup, reduction }, options));
  const plan = table.integers;
  if (plan === null) return decimalPrice;
  const amount = annualUnits(table, options.method);
  const perPenny = plan.perPenny[options.period];
  const perPennyReduced = plan.perPennyReduced[options.period];

  return (points, careGroup, reduction) => {
    const annual = amount(points, careGroup);
    if (!(annual <= SAFE)) return decimalPrice(points, careGroup, reduction);
    if (reduction === null || reduction === undefined || reduction === "" || reduction === 0) {
      return divideHalfUp(annual, perPenny) / 100;
    }
    const taken = typeof reduction === "number" && reduction >= 0 && reduction <= 1 ? tenThousandths(reduction) : NaN;
    const reduced = annual * (TEN_THOUSANDTHS - taken);
    if (!(reduced <= SAFE)) return decimalPrice(points, careGroup, reduction);
    return divideHalfUp(reduced, perPennyReduced) / 100;
  };
}
