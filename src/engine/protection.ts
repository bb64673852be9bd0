// Transitional protection: in the first year of new price points nobody loses more than a cap, a percentage of their
// current budget or £ a year; the council pays the difference (the protection's cost). One rule, in whole pence, for
// the pane and the What-if sheet, whose formulas do the same arithmetic (reports/whatIf.ts):
//   cap (pence)   = current (pence) × percent, rounded half-up to the penny once; or the £ cap in pence;
//   first year    = the proposed budget, or current − cap when the proposal takes more than the cap;
//   protection    = first year − proposed (never below 0: a gain is never capped).
import { formatExactPounds, formatPercent, Decimal } from "./decimal";
import { invalid } from "./errors";
import { Repricing } from "./scenario";

/** A cap on any one person's loss in the first year. */
export type LossCap =
  /** A fraction of the current budget: 0.05 is 5%. From 0 to 1, at most 4 places (2 of a percent). */
  | { readonly kind: "percent"; readonly fraction: Decimal }
  /** £ a year, whole pence, 0 or more. */
  | { readonly kind: "amount"; readonly amount: Decimal };

/** Checks a cap as typed, saying what is expected; the sheet's formulas refuse the same caps. */
export function lossCap(kind: LossCap["kind"], value: Decimal): LossCap {
  if (kind === "percent") {
    if (value.lt(0) || value.gt(1)) {
      throw invalid(`A cap as a percentage is from 0% to 100% of the current budget; got ${formatPercent(value)}`);
    }
    if (value.decimalPlaces() > 4) {
      throw invalid(
        `A cap as a percentage has at most 2 decimal places, such as 2.25%; got ${value.times(100).toString()}%`,
      );
    }
    return { kind, fraction: value };
  }
  if (value.lt(0)) throw invalid(`A cap in £ a year is 0 or more; got ${formatExactPounds(value)}`);
  if (value.decimalPlaces() > 2) {
    throw invalid(`A cap in £ a year is whole pence, such as 500 or 250.50; got ${formatExactPounds(value)}`);
  }
  return { kind, amount: value };
}

/** The cap in words: "5% of the current budget", "£500 a year". */
export function capText(cap: LossCap): string {
  return cap.kind === "percent"
    ? `${formatPercent(cap.fraction)} of the current budget`
    : `${formatExactPounds(cap.amount)} a year`;
}

/**
 * The most a person whose current budget is `currentPence` may lose in the first year, in pence. A percentage cap
 * is current × basis points ÷ 10,000, rounded half-up once: integers throughout (a budget of £90 million is well
 * inside what a double holds exactly), so the sheet's ROUND of the same product gives the same penny.
 */
export function capPence(currentPence: number, cap: LossCap): number {
  if (cap.kind === "amount") return cap.amount.times(100).toNumber();
  const basisPoints = cap.fraction.times(10_000).toNumber();
  return Math.floor((currentPence * basisPoints + 5_000) / 10_000);
}

/** A person's first-year budget in pence: the proposed one, or current − cap when the proposal takes more. */
export function firstYearPence(currentPence: number, proposedPence: number, cap: LossCap): number {
  const floor = currentPence - capPence(currentPence, cap);
  // Stryker disable next-line EqualityOperator: equivalent at <=; at the floor both are the same figure.
  return proposedPence < floor ? floor : proposedPence;
}

/** The protection over a cohort, £ to the penny, summed in whole pence. */
export interface Protection {
  readonly cap: LossCap;
  /** Per person, in cohort order, £; NaN where the person could not be priced (as in the repricing). */
  readonly firstYear: Float64Array;
  /** People whose first-year budget is above the proposed one. */
  readonly people: number;
  /** What the protection costs in the first year: Σ (first year − proposed). */
  readonly cost: number;
  /** Σ first-year budgets of everyone priced, and its change on Σ current. */
  readonly firstYearTotal: number;
  readonly firstYearChange: number;
  /** The largest loss anyone still has in the first year (a negative change; 0 when nobody loses). */
  readonly largestLoss: number;
}

/** Applies the cap to everyone priced under both tables (repriceCohort's people; the others stay left out). */
export function protectLosses(repricing: Repricing, cap: LossCap): Protection {
  const firstYear = new Float64Array(repricing.current.length);
  let people = 0;
  let cost = 0;
  let total = 0;
  let current = 0;
  let largestLoss = 0;
  for (let index = 0; index < firstYear.length; index++) {
    if (Number.isNaN(repricing.current[index])) {
      firstYear[index] = NaN;
      continue;
    }
    const now = Math.round(repricing.current[index] * 100);
    const proposed = Math.round(repricing.proposed[index] * 100);
    const first = firstYearPence(now, proposed, cap);
    firstYear[index] = first / 100;
    if (first > proposed) {
      people++;
      cost += first - proposed;
    }
    total += first;
    current += now;
    // Stryker disable next-line EqualityOperator: equivalent at <=; an equal loss sets the same figure.
    if (first - now < largestLoss) largestLoss = first - now;
  }
  return {
    cap,
    firstYear,
    people,
    cost: cost / 100,
    firstYearTotal: total / 100,
    firstYearChange: (total - current) / 100,
    largestLoss: largestLoss / 100,
  };
}
