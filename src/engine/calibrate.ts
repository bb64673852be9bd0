// Fitting price points to evidence (PB.CALIBRATE): for each care group, the marginal £ a year per point of each
// points band that makes the indicative budgets closest to what agreed plans cost, by least squares with no rate
// below 0. People with the same points share one entry, so a cohort of 50,000 is a few hundred sums; the sums and
// the least squares are exact (nnls.ts), and each rate is rounded to the penny once, half-up.
import { Cell, listCells, pointsNumber, readCell } from "./cells";
import { Decimal } from "./decimal";
import { EngineError, invalid, notFound } from "./errors";
import {
  CareGroupsInOrder,
  costAmount,
  EvidenceMember,
  pointsOfKey,
  readCost,
  readPointsKey,
  whyLeftOut,
} from "./evidence";
import { gcd, roundedQuotient, Whole, WHOLE_ZERO, WholeSum } from "./exact";
import { Fractions, nonNegativeLeastSquares } from "./nnls";
import { SummaryCell } from "./scenario";

/** More bands than any price table has; the exact arithmetic stays quick well within it. */
export const MOST_BANDS = 30;

/** The header of the first column of a fitted table, as PricePoints has it. */
export const POINTS_FROM = "Points from";

/** Reads band lower bounds: a row or a column of points, 0 or more, rising strictly. */
export function readBounds(cells: readonly Cell[]): Decimal[] {
  if (cells.length > MOST_BANDS) {
    throw invalid(`Bounds has ${cells.length} cells: give at most ${MOST_BANDS} band lower bounds`);
  }
  const bounds = cells.map((cell, at) => readCell(pointsNumber, cell, `Bounds, cell ${at + 1}`));
  bounds.forEach((bound, at) => {
    if (at > 0 && !bound.gt(bounds[at - 1])) {
      throw invalid(
        `Bounds must rise strictly: cell ${at + 1} has ${bound.toString()} after ${bounds[at - 1].toString()} ` +
          `in cell ${at}`,
      );
    }
  });
  return bounds;
}

/** Reads the bounds argument: a range that is one row or one column. */
export function readBoundsRange(grid: readonly (readonly Cell[])[]): Decimal[] {
  return readBounds(listCells(grid, "Bounds"));
}

/** One care group's fitted rates. */
export interface FittedGroup {
  readonly careGroup: string;
  /** People whose points and cost were used. */
  readonly people: number;
  /** Per band, £ a year per point to the penny; null where the band cannot be fitted. */
  readonly rates: readonly (Decimal | null)[];
  /** Per band, why it cannot be fitted (null where it can). */
  readonly problems: readonly (string | null)[];
  /** The least-squares rates before rounding, exactly (£ a point); null when the group cannot be fitted at all. */
  readonly exact: Fractions | null;
}

/** A fitted price table: one column per care group, in the order they first appear (or "All"). */
export interface Calibration {
  readonly bounds: readonly Decimal[];
  readonly groups: readonly FittedGroup[];
  /** People left out (by position), and why. */
  readonly leftOut: ReadonlyMap<number, string>;
}

/** People with the same points in a group: how many, and their costs' sum (whole pence, plus any exact rest). */
interface SamePoints {
  count: number;
  readonly pence: WholeSum;
  exact: Decimal | null;
}

/** A point-weighted sum per band, built from the people scoring inside it. */
interface BandSums {
  /** People scoring inside the band (above its lower bound, up to the next one). */
  people: Whole;
  /** Σ t, Σ t², Σ cost, Σ cost × t, over them, t being their points above the band's lower bound. */
  t: Whole;
  tt: Whole;
  cost: Whole;
  costT: Whole;
  /** Up to two different t: enough to tell whether the bands' rates can be told apart. */
  readonly distinct: Decimal[];
}

/** The band a person's points fall in: the last whose lower bound is below them; -1 at or below the first. */
function bandOf(bounds: readonly Decimal[], points: Decimal): number {
  let low = 0;
  let high = bounds.length - 1;
  if (!points.gt(bounds[0])) return -1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (points.gt(bounds[middle])) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Whole numbers from decimals, all scaled by one power of ten. */
function wholeNumbers(values: readonly Decimal[]): { scaled: Whole[]; places: number } {
  const places = Math.max(0, ...values.map((value) => value.decimalPlaces()));
  const factor = new Whole(10).pow(places);
  return { scaled: values.map((value) => new Whole(value).times(factor)), places };
}

/**
 * Which bands' rates the data determine: band k's is determined when it is the same for every table that fits the
 * people's points equally well, that is when e_k lies in the span of the rows people's points give. Each band needs
 * at most two different points within it to show all it can.
 */
function determinedBands(bounds: readonly Decimal[], sums: readonly BandSums[]): boolean[] {
  const size = bounds.length;
  const widths = bounds.map((bound, k) => (k + 1 < size ? bounds[k + 1].minus(bound) : null));
  const rows: Decimal[][] = [];
  sums.forEach((band, j) =>
    band.distinct.forEach((t) => rows.push(bounds.map((_, k) => (k < j ? widths[k]! : k === j ? t : new Decimal(0))))),
  );
  const { scaled } = wholeNumbers(rows.flat());
  const matrix = rows.map((_, r) => scaled.slice(r * size, (r + 1) * size));
  // Reduced echelon form, fraction-free: each pivot column ends with one non-zero, in its own row.
  // Stryker disable next-line ArrayDeclaration: equivalent; an entry that is not a pivot matches no column below.
  const pivots: { column: number; row: Whole[] }[] = [];
  let next = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; past the last row no pivot is found.
  for (let column = 0; column < size && next < matrix.length; column++) {
    const found = matrix.findIndex((row, at) => at >= next && !row[column].isZero());
    if (found < 0) continue;
    [matrix[next], matrix[found]] = [matrix[found], matrix[next]];
    const pivot = matrix[next];
    matrix.forEach((row, at) => {
      if (at === next || row[column].isZero()) return;
      const factor = row[column];
      // Only where the zeros fall matters: each row divided by its entries' common factor stays small.
      const eliminated = row.map((cell, k) => cell.times(pivot[column]).minus(pivot[k].times(factor)));
      const common = eliminated.reduce((divisor, cell) => gcd(divisor, cell), WHOLE_ZERO);
      matrix[at] = common.isZero() ? eliminated : eliminated.map((cell) => cell.divToInt(common));
    });
    pivots.push({ column, row: matrix[next] });
    next++;
  }
  const free = bounds.map((_, k) => !pivots.some((pivot) => pivot.column === k));
  return bounds.map((_, k) => {
    const pivot = pivots.find((candidate) => candidate.column === k);
    return pivot !== undefined && pivot.row.every((cell, column) => !free[column] || cell.isZero());
  });
}

/** The normal equations of the marginal model from the band sums (see calibrate), in whole numbers. */
function normalEquations(bounds: readonly Decimal[], sums: readonly BandSums[]) {
  const size = bounds.length;
  const width = (k: Decimal | undefined, bound: Decimal) => (k === undefined ? null : new Whole(k.minus(bound)));
  const widths = bounds.map((bound, k) => width(bounds[k + 1], bound));
  // People above band k (scoring through it, to its top): they count its full width.
  // Stryker disable next-line ArrayDeclaration: equivalent; the loop below writes every entry before it is read.
  const above: Whole[] = new Array<Whole>(size);
  // Stryker disable next-line ArrayDeclaration: equivalent; as above.
  const costAbove: Whole[] = new Array<Whole>(size);
  let people = WHOLE_ZERO;
  let cost = WHOLE_ZERO;
  for (let k = size - 1; k >= 0; k--) {
    above[k] = people;
    costAbove[k] = cost;
    people = people.plus(sums[k].people);
    cost = cost.plus(sums[k].cost);
  }
  // Stryker disable next-line ArrayDeclaration: equivalent; the loop below writes every entry of a.
  const a: Whole[][] = bounds.map(() => new Array<Whole>(size).fill(WHOLE_ZERO));
  // Stryker disable next-line ArrayDeclaration: equivalent; the loop below writes every v[k].
  const v: Whole[] = new Array<Whole>(size).fill(WHOLE_ZERO);
  for (let k = 0; k < size; k++) {
    // A person in band j has w_i points in each band i below j and t in band j: A = Σ x xᵀ, v = Σ cost × x.
    a[k][k] = sums[k].tt.plus(k + 1 < size ? widths[k]!.pow(2).times(above[k]) : WHOLE_ZERO);
    for (let i = 0; i < k; i++) {
      const through = k + 1 < size ? widths[i]!.times(widths[k]!).times(above[k]) : WHOLE_ZERO;
      a[i][k] = a[k][i] = widths[i]!.times(sums[k].t).plus(through);
    }
    v[k] = sums[k].costT.plus(k + 1 < size ? widths[k]!.times(costAbove[k]) : WHOLE_ZERO);
  }
  // One power of ten for all: the solution is unchanged, and every entry becomes a whole number.
  const { scaled } = wholeNumbers([...a.flat(), ...v]);
  return { a: a.map((_, i) => scaled.slice(i * size, (i + 1) * size)), v: scaled.slice(size * size) };
}

const fewPeople = (careGroup: string | null, people: number) =>
  `${careGroup === null ? "Only" : `${careGroup} has only`} ${people} ${people === 1 ? "person" : "people"} whose ` +
  "points and cost can be used: fitting price points needs at least 2";

/** Fits one group: its people by points, into band sums, then least squares. */
function fitGroup(
  careGroup: string,
  named: boolean,
  bounds: readonly Decimal[],
  byPoints: ReadonlyMap<number | string, SamePoints>,
): FittedGroup {
  let people = 0;
  for (const same of byPoints.values()) people += same.count;
  if (people < 2) {
    const why = fewPeople(named ? careGroup : null, people);
    return { careGroup, people, rates: bounds.map(() => null), problems: bounds.map(() => why), exact: null };
  }
  const sums: BandSums[] = bounds.map(() => ({
    people: WHOLE_ZERO,
    t: WHOLE_ZERO,
    tt: WHOLE_ZERO,
    cost: WHOLE_ZERO,
    costT: WHOLE_ZERO,
    distinct: [],
  }));
  for (const [key, same] of byPoints) {
    const points = pointsOfKey(key);
    const band = bandOf(bounds, points);
    if (band < 0) continue; // no points above the first bound: no band to fit from them
    const t = new Whole(points.minus(bounds[band]));
    const cost = new Whole(same.pence.value).div(100).plus(same.exact ?? 0);
    const sum = sums[band];
    sum.people = sum.people.plus(same.count);
    sum.t = sum.t.plus(t.times(same.count));
    sum.tt = sum.tt.plus(t.pow(2).times(same.count));
    sum.cost = sum.cost.plus(cost);
    sum.costT = sum.costT.plus(cost.times(t));
    // Stryker disable next-line all: equivalent; only whether a band has two different points counts (determinedBands):
    // a point seen again, or a third, adds a row the first two already span.
    if (sum.distinct.length < 2 && !sum.distinct.some((seen) => seen.eq(t))) sum.distinct.push(t);
  }
  const exact = nonNegativeLeastSquares(normalEquations(bounds, sums));
  const determined = determinedBands(bounds, sums);
  const where = named ? ` in ${careGroup}` : "";
  const problems = bounds.map((bound, k) => {
    if (sums.slice(k).every((band) => band.people.isZero())) {
      return (
        `Band from ${bound.toString()} points: nobody${where} scores above ${bound.toString()} points, so its rate ` +
        "cannot be fitted"
      );
    }
    if (!determined[k]) {
      return (
        `Band from ${bound.toString()} points: the points people${where} score cannot tell its rate from the ` +
        "other bands' (more people scoring inside it, at different points, would), so it cannot be fitted"
      );
    }
    return null;
  });
  const rates = exact.numerators.map((numerator, k) =>
    problems[k] === null ? new Decimal(roundedQuotient(numerator, exact.denominator, 2)) : null,
  );
  return { careGroup, people, rates, problems, exact };
}

/**
 * Fits a price table to evidence: per care group (in the order they first appear, or one group "All" when
 * `byCareGroup` is false), the marginal £ a year per point of each band from `bounds` that minimises
 * Σ(cost − budget)² with no rate below 0, each rounded to the penny once, half-up. A person whose points, cost or
 * care group cannot be read is left out.
 */
export function calibrate(
  members: readonly EvidenceMember[],
  bounds: readonly Decimal[],
  byCareGroup: boolean,
): Calibration {
  if (bounds.length === 0) throw invalid("Bounds is empty: give the band lower bounds, such as {0,20,40,60}");
  const careGroups = new CareGroupsInOrder();
  const groups: Map<number | string, SamePoints>[] = [];
  const leftOut = new Map<number, string>();
  members.forEach((member, index) => {
    try {
      if (member.problem !== undefined) throw invalid(member.problem);
      const key = readPointsKey(member.points);
      const cost = readCost(member.cost);
      const group = byCareGroup ? careGroups.positionOf(member.careGroup ?? null) : 0;
      groups[group] ??= new Map();
      let same = groups[group].get(key);
      if (same === undefined) groups[group].set(key, (same = { count: 0, pence: new WholeSum(), exact: null }));
      same.count++;
      // Stryker disable next-line ConditionalExpression: equivalent; whole pence added as an exact amount sum the same.
      if (cost.exact === undefined) same.pence.add(cost.pence);
      else same.exact = (same.exact ?? new Decimal(0)).plus(costAmount(cost));
    } catch (error) {
      leftOut.set(index, whyLeftOut(error));
    }
  });
  if (leftOut.size === members.length) throw noneUsable(members.length, leftOut);
  const names = byCareGroup ? careGroups.names : ["All"];
  return {
    bounds,
    groups: names.map((name, at) => fitGroup(name, byCareGroup, bounds, groups[at] ?? new Map())),
    leftOut,
  };
}

/** Nobody's evidence can be used: the whole result would be empty, so it is one error saying why. */
export function noneUsable(people: number, leftOut: ReadonlyMap<number, string>): EngineError {
  if (people === 0) return notFound("There is nobody to use: give one row per person");
  const [first, why] = [...leftOut][0];
  return notFound(
    `None of the ${people} ${people === 1 ? "person" : "people"} can be used; the first, row ${first + 1}: ${why}`,
  );
}

/** PB.CALIBRATE's table: "Points from" and the care groups, then a row per band; a band not fitted is #N/A. */
export function calibrationTable(calibration: Calibration): (SummaryCell | EngineError)[][] {
  return [
    [POINTS_FROM, ...calibration.groups.map((group) => group.careGroup)],
    ...calibration.bounds.map((bound, k) => [
      bound.toNumber(),
      ...calibration.groups.map((group) => group.rates[k]?.toNumber() ?? notFound(group.problems[k]!)),
    ]),
  ];
}
