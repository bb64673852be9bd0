import { formatExactPounds, formatPercent, formatPounds, formatQuantity, ONE, WEEKS_PER_YEAR } from "./decimal";
import { Band, BudgetDerivation, BudgetStep } from "./budget";

function describeBand(band: Band): string {
  return band.to === null
    ? `band from ${formatQuantity(band.from)}`
    : `band ${formatQuantity(band.from)}–${formatQuantity(band.to)}`;
}

function pointsWord(points: { toString(): string }): string {
  return points.toString() === "1" ? "point" : "points";
}

function describeStep(step: BudgetStep): string {
  if (step.kind === "fixed") {
    return step.category !== null
      ? `category ${step.category} gives ${formatExactPounds(step.amount)}`
      : `the ${describeBand(step.band!)} gives ${formatExactPounds(step.amount)}`;
  }
  const where = step.band ? ` (${describeBand(step.band)})` : "";
  return `${formatQuantity(step.points)} ${pointsWord(step.points)} × ${formatExactPounds(step.rate)}${where} = ${formatExactPounds(step.amount)}`;
}

function describePricing(derivation: BudgetDerivation): string {
  const { tableKind, method, points, steps, firstBound, annual } = derivation;
  const perYear = `${formatExactPounds(annual)} a year`;
  if (tableKind === "categories") return `Outcomes-based RAS: ${describeStep(steps[0])} a year.`;
  const pointsText = `${formatQuantity(points!)} ${pointsWord(points!)}`;
  if (tableKind === "linear")
    return `Straight-line RAS, the same £ per point for everyone: ${describeStep(steps[0])} a year.`;
  if (steps.length === 0) {
    return `Price points in bands (${method} method): ${pointsText} are below the first band (from ${formatQuantity(firstBound!)}) and earn nothing, so ${perYear}.`;
  }
  if (method === "marginal") {
    const below = firstBound!.gt(0) ? ` (the first ${formatQuantity(firstBound!)} earn nothing)` : "";
    const total = steps.length > 1 ? `; total ${perYear}` : " a year";
    return `Price points in bands (marginal method), ${pointsText}${below}: ${steps.map(describeStep).join("; ")}${total}.`;
  }
  const step = steps[0];
  return method === "band"
    ? `Price points in bands (band method): ${pointsText} fall in the ${describeBand(step.band!)}, all at its rate: ${describeStep(step)} a year.`
    : `Price points in bands (step method): ${pointsText} fall in the ${describeBand(step.band!)}, which gives ${perYear}.`;
}

function describeReduction(derivation: BudgetDerivation): string {
  const { reduction, annual, reduced } = derivation;
  if (reduction.isZero()) return "No reduction.";
  return `Less a ${formatPercent(reduction)} reduction: ${formatExactPounds(annual)} × ${formatPercent(ONE.minus(reduction))} = ${formatExactPounds(reduced)}.`;
}

function describePeriod(derivation: BudgetDerivation): string {
  const { period, reduced, exact, result } = derivation;
  if (period === "annual") return `Indicative budget a year: ${formatPounds(result)}`;
  const weekly = exact.eq(result) ? formatPounds(result) : `${formatExactPounds(exact)}, rounded to the penny`;
  return `Weekly: ${formatExactPounds(reduced)} ÷ ${WEEKS_PER_YEAR} = ${weekly}. Indicative budget a week: ${formatPounds(result)}`;
}

/**
 * The derivation of an indicative budget in words: care group, each band used with its points and
 * rate, the reduction, the period conversion, and last the result in pounds and pence.
 */
export function explainBudget(derivation: BudgetDerivation): string {
  const group = derivation.careGroup === null ? [] : [`Care group: ${derivation.careGroup}.`];
  return [...group, describePricing(derivation), describeReduction(derivation), describePeriod(derivation)].join(" ");
}
