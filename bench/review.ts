// The RAS review's functions at cohort scale (issue 25): PB.RAS_FIT and PB.CALIBRATE over 50,000 people, one plan
// each. CALIBRATE is timed on noisy costs (real plans never fit a table exactly) and checked on noise-free ones: a
// whole-pence table with every band populated must come back to the penny. RAS_FIT's All row is checked against
// the same figures worked out plainly in decimal.js.
import "../test/support/customFunctionsRuntime";
import { performance } from "perf_hooks";
import Decimal from "decimal.js";
import * as PB from "../src/functions/functions";

export const REVIEW_PEOPLE = 50_000;

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const BOUNDS = [0, 10, 20, 30, 40, 60, 80, 100];
/** £ a year per point within each band, per care group: whole pence. */
const RATES = [
  [150, 160, 170, 140],
  [175.5, 187.25, 199.99, 162.1],
  [200, 215, 230, 190],
  [230.75, 247.5, 265, 215.35],
  [260, 280, 300, 240],
  [290.4, 315.15, 340.8, 270],
  [320, 350, 380, 300],
  [355.55, 390, 425.25, 330.3],
];
const priceTable = [["Points from", ...CARE_GROUPS], ...BOUNDS.map((bound, band) => [bound, ...RATES[band]])];

/** Whole points 0–120 and four care groups; costs made by the table, and the same with up to ±£2,000 of noise. */
function evidence(size: number) {
  let seed = 20261127;
  const random = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 1 | seed) + 0x6d2b79f5) | 0) >>> 0) / 4294967296;
  const points: number[] = [];
  const groups: number[] = [];
  const made: number[] = [];
  const noisy: number[] = [];
  for (let row = 0; row < size; row++) {
    const p = Math.floor(random() * 121);
    const group = Math.floor(random() * 4);
    let amount = new Decimal(0);
    BOUNDS.forEach((bound, band) => {
      const top = band + 1 < BOUNDS.length ? Math.min(p, BOUNDS[band + 1]) : p;
      if (top > bound) amount = amount.plus(new Decimal(top - bound).times(RATES[band][group]));
    });
    const pence = amount.times(100).toNumber();
    points.push(p);
    groups.push(group);
    made.push(pence / 100);
    noisy.push(Math.max(0, pence + Math.round((random() - 0.5) * 400_000)) / 100);
  }
  return { points, groups, made, noisy };
}

/** Best of a few runs, in ms. */
function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const column = (values: readonly unknown[]) => values.map((value) => [value]);

/** RAS_FIT's All row plainly in decimal.js: R², MAE, median ratio, shares, each rounded once. */
function referenceAll(costs: readonly number[], budgets: readonly number[]): unknown[] {
  const n = costs.length;
  const c = costs.map((cost) => new Decimal(cost));
  const b = budgets.map((budget) => new Decimal(budget));
  const sum = (values: Decimal[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));
  const mean = sum(c).div(n);
  const total = sum(c.map((cost) => cost.minus(mean).pow(2)));
  const residual = sum(c.map((cost, at) => cost.minus(b[at]).pow(2)));
  const round = (value: Decimal, places: number) => value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
  const ratios = c
    .map((cost, at) => ({ cost, budget: b[at] }))
    .filter(({ budget }) => budget.gt(0))
    .map(({ cost, budget }) => cost.div(budget))
    .sort((x, y) => x.comparedTo(y));
  const middle = (ratios.length - 1) >> 1;
  const median = ratios.length % 2 ? ratios[middle] : ratios[middle].plus(ratios[middle + 1]).div(2);
  const within = (limit: number) => c.filter((cost, at) => cost.minus(b[at]).abs().lte(b[at].times(limit))).length / n;
  return [
    "All",
    n,
    round(new Decimal(1).minus(residual.div(total)), 4),
    round(sum(c.map((cost, at) => cost.minus(b[at]).abs())).div(n), 2),
    round(median, 4),
    round(new Decimal(within(0.1)), 4),
    round(new Decimal(within(0.5)), 4),
  ];
}

export function measureReview(size = REVIEW_PEOPLE) {
  const data = evidence(size);
  const careGroups = column(data.groups.map((group) => CARE_GROUPS[group]));
  const points = column(data.points);
  const bounds = [BOUNDS];

  let fitted: unknown[][] = [];
  const calibrateMs = best(5, () => (fitted = PB.calibrate(points, column(data.noisy), bounds, careGroups)));
  const recovered = PB.calibrate(points, column(data.made), bounds, careGroups);
  const order = (recovered[0] as string[]).slice(1).map((name) => CARE_GROUPS.indexOf(name));
  const recoveredExactly =
    order.every((group) => group >= 0) &&
    BOUNDS.every((_, band) => order.every((group, at) => recovered[band + 1][at + 1] === RATES[band][group]));

  let fit: unknown[][] = [];
  const rasFitMs = best(5, () => (fit = PB.rasFit(points, column(data.noisy), priceTable, careGroups)));
  const budgets = PB.indicativeBudget(points, priceTable, careGroups, undefined, undefined, undefined).map(
    (row) => row[0] as number,
  );
  const all = fit.find((row) => row[0] === "All");
  const rasFitExact = JSON.stringify(all) === JSON.stringify(referenceAll(data.noisy, budgets));
  return {
    people: size,
    calibrateMs,
    calibrateRecoversTable: recoveredExactly,
    rasFitMs,
    rasFitExact,
    // The fit from noisy costs, Older people's column (the groups come in the order the cohort first names them).
    fittedOlderPeople: fitted.slice(1).map((row) => row[(fitted[0] as string[]).indexOf(CARE_GROUPS[0])]),
    fitAll: all,
  };
}
