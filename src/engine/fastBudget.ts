import { Cell } from "./cells";
import { penceNumber } from "./decimal";
import { BudgetOptions, indicativeBudget } from "./budget";
import { divideHalfUp, SAFE, TEN_THOUSANDTHS, tenThousandths } from "./pricePlan";
import { PriceTable } from "./priceTable";

/** One person's indicative budget in £, rounded to pence: the number Excel shows. */
export type BudgetPricer = (points: Cell, careGroup: Cell, reduction: Cell) => number;

/**
 * Prices people exactly as the decimal engine does, to the penny, from the integers of the compiled
 * plan: amount × (1 − reduction), then one half-up division into pence. A weekly amount divides by the weeks in a
 * year as a fraction of whole numbers (52.143 is 52,143 ÷ 1,000: the amount is multiplied by 1,000 and divided by
 * 52,143 times a penny). A row the integers cannot hold, or a bad row, goes to the decimal engine, which also gives
 * errors their messages. Property tests check the two agree on every row.
 */
export function budgetPricer(table: PriceTable, options: BudgetOptions): BudgetPricer {
  const plan = table.integers;
  const decimal: BudgetPricer = (points, careGroup, reduction) =>
    penceNumber(indicativeBudget(table, { points, careGroup, reduction }, options));
  if (plan === null) return decimal;
  // The period's divisor as numerator ÷ denominator: 1 ÷ 1 for annual.
  const [numerator, denominator] =
    options.period === "weekly" ? options.weeksInYear.toFraction().map((part) => part.toNumber()) : [1, 1];
  const perPenny = plan.pennyInUnits * numerator;
  const perPennyReduced = perPenny * TEN_THOUSANDTHS;
  // Equivalent mutants of `<= SAFE` here and below: at SAFE itself both paths are exact, so `<` changes only the path.
  // Stryker disable next-line EqualityOperator: equivalent (above).
  if (!(perPennyReduced <= SAFE && Number.isInteger(perPennyReduced))) return decimal;
  const annualUnits = plan.annualUnits[options.method];
  return (points, careGroup, reduction) => {
    const annual = annualUnits(points, careGroup) * denominator;
    // Stryker disable next-line EqualityOperator: equivalent (above).
    if (annual <= SAFE) {
      // A blank or 0 reduction skips a multiplication; `""` or `0` going on gives the same pence (or the decimal path).
      // Stryker disable next-line ConditionalExpression: equivalent (above).
      if (reduction === null || reduction === undefined || reduction === "" || reduction === 0) {
        return divideHalfUp(annual, perPenny) / 100;
      }
      const taken =
        // Equivalent mutants: a reduction of 0 has returned above; text fails tenThousandths's check (NaN, exact path).
        // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent (above).
        typeof reduction === "number" && reduction >= 0 && reduction <= 1 ? tenThousandths(reduction) : NaN;
      const reduced = annual * (TEN_THOUSANDTHS - taken);
      // Stryker disable next-line EqualityOperator: equivalent (above).
      if (reduced <= SAFE) return divideHalfUp(reduced, perPennyReduced) / 100;
    }
    return decimal(points, careGroup, reduction);
  };
}
