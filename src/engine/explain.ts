import { formatExactPounds, formatPercent, formatPounds, formatQuantity, ONE } from "./decimal";
import { Band, BandDerivation, BandStep, BudgetDerivation } from "./budget";

function describeBand(band: Band): string {
  return band.to === null
    ? `band from ${formatQuantity(band.from)}`
    : `band ${formatQuantity(band.from)}–${formatQuantity(band.to)}`;
}

/** The word for one point or for several: "1 point is", "2 points are". */
function forPoints(points: { toString(): string }, one: string, several: string): string {
  return points.toString() === "1" ? one : several;
}

function pointsWord(points: { toString(): string }): string {
  return forPoints(points, "point", "points");
}

function describeStep(step: BandStep): string {
  const band = describeBand(step.band);
  // Stryker disable next-line all: unreachable; the step method, whose steps are fixed, is worded in describeBands.
  if (step.kind === "fixed") return `the ${band} gives ${formatExactPounds(step.amount)}`;
  const points = `${formatQuantity(step.points)} ${pointsWord(step.points)}`;
  return `${points} × ${formatExactPounds(step.rate)} (${band}) = ${formatExactPounds(step.amount)}`;
}

function describeBands(derivation: BandDerivation): string {
  const { method, points, steps, firstBound, annual } = derivation;
  const perYear = `${formatExactPounds(annual)} a year`;
  const pointsText = `${formatQuantity(points)} ${pointsWord(points)}`;
  const heading = `Price points in bands (${method} method)`;
  if (steps.length === 0) {
    const first = formatQuantity(firstBound);
    const are = `${forPoints(points, "is", "are")} below the first band (from ${first})`;
    return `${heading}: ${pointsText} ${are} and ${forPoints(points, "earns", "earn")} nothing, so ${perYear}.`;
  }
  if (method === "marginal") {
    const below = firstBound.gt(0) ? ` (the first ${formatQuantity(firstBound)} earn nothing)` : "";
    const total = steps.length > 1 ? `; total ${perYear}` : " a year";
    return `${heading}, ${pointsText}${below}: ${steps.map(describeStep).join("; ")}${total}.`;
  }
  const step = steps[0];
  const reached = `${pointsText} ${forPoints(points, "falls", "fall")} in the ${describeBand(step.band)}`;
  return method === "band"
    ? `${heading}: ${reached}, all at its rate: ${describeStep(step)} a year.`
    : `${heading}: ${reached}, which gives ${perYear}.`;
}

function describePricing(derivation: BudgetDerivation): string {
  switch (derivation.tableKind) {
    case "linear": {
      const { points, rate, annual } = derivation;
      const product = `${formatQuantity(points)} ${pointsWord(points)} × ${formatExactPounds(rate)}`;
      return `Straight-line RAS, the same £ per point for everyone: ${product} = ${formatExactPounds(annual)} a year.`;
    }
    case "categories": {
      const { category, annual } = derivation;
      return `Outcomes-based RAS: category ${category} gives ${formatExactPounds(annual)} a year.`;
    }
    case "bands":
      return describeBands(derivation);
  }
}

function describeReduction(derivation: BudgetDerivation): string {
  const { reduction, annual, reduced } = derivation;
  if (reduction.isZero()) return "No reduction.";
  const kept = formatPercent(ONE.minus(reduction));
  return (
    `Less a ${formatPercent(reduction)} reduction: ` +
    `${formatExactPounds(annual)} × ${kept} = ${formatExactPounds(reduced)}.`
  );
}

function describePeriod(derivation: BudgetDerivation): string {
  const { reduced, weeksInYear, exact, result } = derivation;
  // A derivation has weeks in a year only for a weekly budget.
  if (weeksInYear === null) return `Indicative budget a year: ${formatPounds(result)}`;
  const weekly = exact.eq(result) ? formatPounds(result) : `${formatExactPounds(exact)}, rounded to the penny`;
  return (
    `Weekly: ${formatExactPounds(reduced)} ÷ ${formatQuantity(weeksInYear)} = ${weekly}. ` +
    `Indicative budget a week: ${formatPounds(result)}`
  );
}

/**
 * The derivation of an indicative budget in words: care group, each band used with its points and
 * rate, the reduction, the period conversion, and last the result in pounds and pence.
 */
export function explainBudget(derivation: BudgetDerivation): string {
  const group = derivation.careGroup === null ? [] : [`Care group: ${derivation.careGroup}.`];
  const parts = [describePricing(derivation), describeReduction(derivation), describePeriod(derivation)];
  return [...group, ...parts].join(" ");
}
