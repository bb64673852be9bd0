// How reliable a price table is (PB.RAS_FIT): each person's indicative budget, priced exactly as
// PB.INDICATIVE_BUDGET prices it, against what their agreed plan costs, summed up by care group. Every figure is
// worked out exactly in whole pence (sums of squares too) and rounded once: the mean absolute error to the penny,
// R², the median of cost ÷ budget and the shares within the tolerance's limits to 4 decimal places, half-up.
import { Cell } from "./cells";
import { EvidenceMember, readCost, whyLeftOut } from "./evidence";
import { addProduct, roundedQuotient, Whole, WholeSum } from "./exact";
import { budgetPricer } from "./fastBudget";
import { invalid } from "./errors";
import { careGroupColumn, PriceTable } from "./priceTable";
import { SummaryCell } from "./scenario";

/** The header row of PB.RAS_FIT. */
export const RAS_FIT_HEADER = [
  "Care group",
  "People",
  "R²",
  "Mean absolute error",
  "Median cost ÷ budget",
  "Within 10%",
  "Within 50%",
] as const;

/** A row of the fit: one care group, or everyone. Null where there is nothing to show. */
export interface FitRow {
  readonly careGroup: string;
  readonly people: number;
  /** 1 − Σ(cost − budget)² ÷ Σ(cost − mean cost)², to 4 places; null when every cost is the same. */
  readonly rSquared: number | null;
  /** Σ|cost − budget| ÷ people, £ to the penny. */
  readonly meanAbsoluteError: number | null;
  /** The median of cost ÷ budget over people with a budget above 0, to 4 places. */
  readonly medianRatio: number | null;
  /** Shares of people within 10% and 50% of their budget (the tolerance's Green and Amber), to 4 places. */
  readonly within10: number | null;
  readonly within50: number | null;
}

export interface RasFit {
  /** Care groups of the price table with anyone used, in its column order (none for a table for everyone). */
  readonly byCareGroup: readonly FitRow[];
  /** Everyone used, named "All". */
  readonly all: FitRow;
  /** People left out (by position), and why. */
  readonly notUsed: ReadonlyMap<number, string>;
  /** Each person's indicative budget a year in £, as PB.INDICATIVE_BUDGET gives it; NaN when not used. */
  readonly budgets: Float64Array;
}

/** 2^49: a difference in pence below this, times 10, is still exact in a plain number. */
const SAFE_DIFFERENCE = 2 ** 49;

/** The people the fit uses: budget and cost in pence (a cost that is not whole pence is kept exactly apart). */
interface Used {
  readonly group: Int32Array;
  readonly budget: Float64Array;
  /** Whole pence; NaN where the cost is kept in `exact`. */
  readonly cost: Float64Array;
  readonly exact: Map<number, Whole>;
}

const costOf = (used: Used, index: number): Whole => used.exact.get(index) ?? new Whole(used.cost[index]);

/** |cost − budget| ≤ limit × budget (limit 1 ÷ `parts`), exactly: the tolerance's rule, with a budget of 0. */
function within(used: Used, index: number, parts: number): boolean {
  const budget = used.budget[index];
  const cost = used.cost[index];
  // Stryker disable next-line all: equivalent below 2⁴⁹ pence (£5 trillion) apart: a mutant here sends a person to the
  // exact test below, which gives the same answer, or lets doubles test a difference that they still hold exactly.
  if (!Number.isNaN(cost) && Math.abs(cost - budget) < SAFE_DIFFERENCE)
    return parts * Math.abs(cost - budget) <= budget;
  return costOf(used, index).minus(budget).abs().times(parts).lte(budget);
}

/** cost ÷ budget of one person against another's, exactly. */
function compareRatios(used: Used, a: number, b: number): number {
  return costOf(used, a).times(used.budget[b]).comparedTo(costOf(used, b).times(used.budget[a]));
}

/** The median of cost ÷ budget over these people (budgets above 0), to 4 places; null for nobody. */
function medianRatio(used: Used, people: readonly number[]): number | null {
  const count = people.length;
  if (count === 0) return null;
  const approximate = Float64Array.from(people, (index) =>
    used.exact.has(index)
      ? used.exact.get(index)!.toNumber() / used.budget[index]
      : used.cost[index] / used.budget[index],
  );
  const sorted = Float64Array.from(approximate).sort();
  // The k-th smallest exactly: ratios closer than any rounding of theirs are ordered by exact arithmetic.
  const kth = (k: number): number => {
    const near = sorted[k];
    const slack = Math.abs(near) * 1e-12;
    const candidates = people.filter((_, at) => Math.abs(approximate[at] - near) <= slack);
    let below = 0;
    for (const ratio of approximate) if (ratio < near - slack) below++;
    candidates.sort((a, b) => compareRatios(used, a, b));
    return candidates[k - below];
  };
  const middle = (count - 1) >> 1;
  const low = kth(middle);
  if (count % 2 === 1) return roundedQuotient(costOf(used, low), new Whole(used.budget[low]), 4);
  const high = kth(middle + 1);
  // (c₁ ÷ b₁ + c₂ ÷ b₂) ÷ 2 = (c₁b₂ + c₂b₁) ÷ 2b₁b₂
  const [b1, b2] = [used.budget[low], used.budget[high]];
  return roundedQuotient(
    costOf(used, low).times(b2).plus(costOf(used, high).times(b1)),
    new Whole(b1).times(b2).times(2),
    4,
  );
}

/** One row's figures from its people. */
function fitRow(careGroup: string, used: Used, people: readonly number[]): FitRow {
  const count = people.length;
  if (count === 0) {
    return {
      careGroup,
      people: 0,
      rSquared: null,
      meanAbsoluteError: null,
      medianRatio: null,
      within10: null,
      within50: null,
    };
  }
  const costs = new WholeSum();
  const squares = new WholeSum();
  const residuals = new WholeSum();
  const deviations = new WholeSum();
  let within10 = 0;
  let within50 = 0;
  const priced: number[] = [];
  for (const index of people) {
    const budget = used.budget[index];
    const cost = used.cost[index];
    if (Number.isNaN(cost)) {
      const exact = used.exact.get(index)!;
      const difference = exact.minus(budget);
      costs.addWhole(exact);
      squares.addWhole(exact.pow(2));
      residuals.addWhole(difference.pow(2));
      deviations.addWhole(difference.abs());
    } else {
      const difference = cost - budget;
      costs.add(cost);
      addProduct(squares, cost, cost);
      addProduct(residuals, difference, difference);
      deviations.add(Math.abs(difference));
    }
    if (within(used, index, 10)) within10++;
    if (within(used, index, 2)) within50++;
    if (budget > 0) priced.push(index);
  }
  // Σ(c − mean)² × n = nΣc² − (Σc)²: zero only when every cost is the same.
  const spread = squares.value.times(count).minus(costs.value.pow(2));
  return {
    careGroup,
    people: count,
    rSquared: spread.isZero() ? null : roundedQuotient(spread.minus(residuals.value.times(count)), spread, 4),
    meanAbsoluteError: roundedQuotient(deviations.value, new Whole(count).times(100), 2),
    medianRatio: medianRatio(used, priced),
    within10: roundedQuotient(new Whole(within10), new Whole(count), 4),
    within50: roundedQuotient(new Whole(within50), new Whole(count), 4),
  };
}

/**
 * Measures a price table against evidence: each person's annual indicative budget (marginal, no reduction, as
 * PB.INDICATIVE_BUDGET(points, table, careGroup) gives it) against their cost, by the table's care groups and for
 * everyone. A person whose points, cost or care group cannot be read, or whom the table cannot price, is left out.
 */
export function fitRas(members: readonly EvidenceMember[], table: PriceTable): RasFit {
  // Stryker disable next-line StringLiteral: equivalent; any period but "weekly" prices a year.
  const price = budgetPricer(table, { period: "annual", method: "marginal" });
  const groups = table.kind === "linear" || table.careGroups.names.length === 1 ? null : table.careGroups.names;
  const size = members.length;
  const used: Used = {
    group: new Int32Array(size).fill(-1),
    budget: new Float64Array(size),
    cost: new Float64Array(size),
    exact: new Map(),
  };
  const budgets = new Float64Array(size).fill(NaN);
  const notUsed = new Map<number, string>();
  // Care groups repeat: remember each cell's column.
  const columns = new Map<Cell, number>();
  for (let index = 0; index < size; index++) {
    const { points, cost, careGroup = null, problem } = members[index];
    try {
      if (problem !== undefined) throw invalid(problem);
      const budget = price(points, careGroup, null);
      const read = readCost(cost);
      let column = 0;
      // Equivalent mutants: groups is null for a linear table, and a one-column table's care group is column 0 anyway.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent (above).
      if (groups !== null && table.kind !== "linear") {
        column = columns.get(careGroup) ?? careGroupColumn(table, careGroup);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; a cache changes only the speed.
        if (columns.size < 256) columns.set(careGroup, column);
      }
      used.group[index] = column;
      used.budget[index] = Math.round(budget * 100);
      if (read.exact === undefined) used.cost[index] = read.pence;
      else {
        used.cost[index] = NaN;
        used.exact.set(index, new Whole(read.exact).times(100));
      }
      budgets[index] = budget;
    } catch (error) {
      notUsed.set(index, whyLeftOut(error));
    }
  }
  const everyone: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent; without groups nobody is added to any list, all empty.
  const byGroup: number[][] = (groups ?? []).map(() => []);
  for (let index = 0; index < size; index++) {
    const group = used.group[index];
    if (group < 0) continue;
    everyone.push(index);
    if (groups !== null) byGroup[group].push(index);
  }
  return {
    byCareGroup: byGroup.flatMap((people, column) =>
      people.length > 0 ? [fitRow(groups![column], used, people)] : [],
    ),
    all: fitRow("All", used, everyone),
    notUsed,
    budgets,
  };
}

function tableRow(row: FitRow): SummaryCell[] {
  const shown = (value: number | null) => value ?? "";
  return [
    row.careGroup,
    row.people,
    shown(row.rSquared),
    shown(row.meanAbsoluteError),
    shown(row.medianRatio),
    shown(row.within10),
    shown(row.within50),
  ];
}

/** PB.RAS_FIT's table: the header, a row per care group with anyone used, All, and "Not used" when anyone is. */
export function rasFitTable(fit: RasFit): SummaryCell[][] {
  const rows: SummaryCell[][] = [[...RAS_FIT_HEADER], ...fit.byCareGroup.map(tableRow), tableRow(fit.all)];
  if (fit.notUsed.size > 0) rows.push(["Not used", fit.notUsed.size, ...RAS_FIT_HEADER.slice(2).map(() => "")]);
  return rows;
}
