// What the what-if's two charts plot, as the What-if sheet's formulas work them out (reports/whatIf.ts), for the
// committee pack the browser prints: the RAS curves (each care group's budget at 0, at every lower bound of either
// table and at the end, current and proposed) and how many people each band of £ change holds.
import { budgetPricer } from "./fastBudget";
import { PriceTable } from "./priceTable";
import { Repricing } from "./scenario";
import { EngineError } from "./errors";

/** Bands of £ change each side of "No change", as on the sheet. */
export const DISTRIBUTION_BANDS = 5;

/** A band of the distribution: its label as the sheet words it, and how many people's change falls in it. */
export interface ChangeBand {
  readonly label: string;
  readonly people: number;
}

/**
 * People by their change in annual budget: five bands of losses (largest first), "No change", five of gains, each
 * band as wide as the largest change either way ÷ 5, rounded up to the next £10 (£10 at least). A loss of exactly n
 * widths is in the band below it, a gain of exactly n widths in the band it closes, as the sheet's COUNTIFS count.
 */
export function changeDistribution(repricing: Repricing): { width: number; bands: ChangeBand[] } {
  const changes: number[] = [];
  for (let index = 0; index < repricing.current.length; index++) {
    if (Number.isNaN(repricing.current[index])) continue;
    changes.push(Math.round(repricing.proposed[index] * 100) - Math.round(repricing.current[index] * 100));
  }
  const largest = changes.reduce((most, pence) => Math.max(most, Math.abs(pence)), 0);
  const width = Math.max(10, Math.ceil(largest / 100 / DISTRIBUTION_BANDS / 10) * 10);
  const pence = width * 100;
  const count = (test: (change: number) => boolean) => changes.filter(test).length;
  const losses = Array.from({ length: DISTRIBUTION_BANDS }, (_, at): ChangeBand => {
    const n = DISTRIBUTION_BANDS - 1 - at;
    return {
      label: n === 0 ? `Lose up to £${width}` : `Lose £${n * width}–${(n + 1) * width}`,
      people: count((change) => change >= -(n + 1) * pence && change < -n * pence),
    };
  });
  const gains = Array.from({ length: DISTRIBUTION_BANDS }, (_, n): ChangeBand => ({
    label: n === 0 ? `Gain up to £${width}` : `Gain £${n * width}–${(n + 1) * width}`,
    people: count((change) => change > n * pence && change <= (n + 1) * pence),
  }));
  return { width, bands: [...losses, { label: "No change", people: count((change) => change === 0) }, ...gains] };
}

/** One care group's curve: its budget at each of the curves' points, current and proposed (null: not priced). */
export interface CareGroupCurve {
  readonly careGroup: string;
  readonly current: readonly (number | null)[];
  readonly proposed: readonly (number | null)[];
}

/**
 * The RAS curves of two tables of points bands: the points plotted (0, every lower bound of either table, and the end:
 * the cohort's highest points or the highest bound, whichever is more), and each care group's budget at each, as
 * PB.INDICATIVE_BUDGET gives it (annual, marginal). Marginal pricing is straight between bounds, so the lines bend
 * exactly where the tables do. Null for a category table: it has no curve.
 */
export function rasCurves(
  current: PriceTable,
  proposed: PriceTable,
  highestPoints: number,
): { points: number[]; curves: CareGroupCurve[] } | null {
  if (current.kind !== "bands" || proposed.kind !== "bands") return null;
  const bounds = [...current.lowerBounds, ...proposed.lowerBounds].map((bound) => bound.toNumber());
  const end = Math.max(highestPoints, ...bounds);
  const points = [...new Set([0, ...bounds, end])].sort((a, b) => a - b);
  const options = { period: "annual", method: "marginal" } as const;
  const [now, then] = [budgetPricer(current, options), budgetPricer(proposed, options)];
  const at = (price: typeof now, careGroup: string) =>
    points.map((x) => {
      try {
        return price(x, careGroup, null);
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: equivalent; the pricer throws only EngineErrors.
        if (error instanceof EngineError) return null;
        throw error;
      }
    });
  return {
    points,
    curves: current.careGroups.names.map((careGroup) => ({
      careGroup,
      current: at(now, careGroup),
      proposed: at(then, careGroup),
    })),
  };
}
