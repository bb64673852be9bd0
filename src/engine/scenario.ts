import { BudgetOptions } from "./budget";
import { Cell, matchKey } from "./cells";
import { Decimal } from "./decimal";
import { EngineError } from "./errors";
import { budgetPricer } from "./fastBudget";
import { PriceTable } from "./priceTable";

/** One person of a cohort, as their cells hold them. */
export interface CohortMember {
  readonly points: Cell;
  readonly careGroup: Cell;
  readonly reduction?: Cell;
  /** Why they cannot be priced whatever the tables say, found before pricing (an error value in their cells). */
  readonly problem?: string;
}

/** Totals for a care group (or the whole cohort), £ to the penny, summed exactly in whole pence. */
export interface RepricingTotals {
  readonly careGroup: string;
  readonly people: number;
  readonly current: number;
  readonly proposed: number;
  /** Proposed − current. */
  readonly change: number;
  /** Change ÷ current as a fraction rounded half-up to 4 places (0.05 is 5%); null when current is 0. */
  readonly changeFraction: number | null;
  /** People whose proposed budget (to the penny) is above, below or equal to their current one. */
  readonly betterOff: number;
  readonly worseOff: number;
  readonly unchanged: number;
}

/** A what-if: every person's budget under the current and the proposed price points. */
export interface Repricing {
  /** Per person, in cohort order, £ to the penny; NaN where the person could not be priced. */
  readonly current: Float64Array;
  readonly proposed: Float64Array;
  /** Why a person could not be priced (by position in the cohort); they are left out of every total. */
  readonly problems: ReadonlyMap<number, string>;
  /**
   * Care groups with at least one priced person, in the order of the current table's care-group
   * columns; one group named "All" when that table has a single value column or is a straight line.
   */
  readonly byCareGroup: readonly RepricingTotals[];
  /** Everyone priced, named "Total". */
  readonly total: RepricingTotals;
}

/** Running totals in whole pence: exact integers however many people are added. */
class Running {
  people = 0;
  current = 0;
  proposed = 0;
  betterOff = 0;
  worseOff = 0;
  unchanged = 0;

  add(currentPence: number, proposedPence: number): void {
    this.people++;
    this.current += currentPence;
    this.proposed += proposedPence;
    if (proposedPence > currentPence) this.betterOff++;
    else if (proposedPence < currentPence) this.worseOff++;
    else this.unchanged++;
  }

  inPounds(careGroup: string): RepricingTotals {
    const change = this.proposed - this.current;
    return {
      careGroup,
      people: this.people,
      current: this.current / 100,
      proposed: this.proposed / 100,
      change: change / 100,
      changeFraction: this.current === 0 ? null : changeFraction(change, this.current),
      betterOff: this.betterOff,
      worseOff: this.worseOff,
      unchanged: this.unchanged,
    };
  }
}

/** Change ÷ current from whole pence, exact until the one rounding to 4 places (halves away from zero). */
function changeFraction(changePence: number, currentPence: number): number {
  return Number(new Decimal(changePence).div(currentPence).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4));
}

/** The current table's care-group names and a person's column, matched as the functions match them. */
function careGroupsOf(table: PriceTable): { names: readonly string[]; columnOf: (careGroup: Cell) => number } {
  if (table.kind === "linear" || table.careGroups.names.length === 1) return { names: ["All"], columnOf: () => 0 };
  const { names, index } = table.careGroups;
  // A column of care groups repeats a few values: remember the raw cells so each is matched once.
  const seen = new Map<Cell, number>();
  return {
    names,
    columnOf: (careGroup) => {
      let column = seen.get(careGroup);
      // Stryker disable next-line ConditionalExpression: equivalent; looking up again finds the same column.
      if (column === undefined) {
        // Only people the current table priced get here, so their care group is one of its columns.
        column = index.get(matchKey(careGroup))!;
        // Stryker disable next-line all: equivalent; how many care groups are remembered changes only the speed.
        if (seen.size < 256) seen.set(careGroup, column);
      }
      return column;
    },
  };
}

/**
 * Re-prices a whole cohort for a policy what-if: each person's indicative budget under the current
 * and the proposed price tables (the same exact pricing as PB.INDICATIVE_BUDGET), and totals by the
 * current table's care groups. A person either table cannot price is left out of every total.
 */
export function repriceCohort(
  cohort: readonly CohortMember[],
  currentTable: PriceTable,
  proposedTable: PriceTable,
  options: BudgetOptions,
): Repricing {
  const priceCurrent = budgetPricer(currentTable, options);
  const priceProposed = budgetPricer(proposedTable, options);
  const groups = careGroupsOf(currentTable);
  const running = groups.names.map(() => new Running());
  const all = new Running();
  const current = new Float64Array(cohort.length);
  const proposed = new Float64Array(cohort.length);
  const problems = new Map<number, string>();
  const notPriced = (index: number, why: string) => {
    current[index] = proposed[index] = NaN;
    problems.set(index, why);
  };
  for (let index = 0; index < cohort.length; index++) {
    const { points, careGroup, reduction = null, problem } = cohort[index];
    if (problem !== undefined) {
      notPriced(index, problem);
      continue;
    }
    try {
      current[index] = priceCurrent(points, careGroup, reduction);
      proposed[index] = priceProposed(points, careGroup, reduction);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; the pricer throws only EngineErrors.
      if (!(error instanceof EngineError)) throw error;
      notPriced(index, error.message);
      continue;
    }
    const currentPence = Math.round(current[index] * 100);
    const proposedPence = Math.round(proposed[index] * 100);
    running[groups.columnOf(careGroup)].add(currentPence, proposedPence);
    all.add(currentPence, proposedPence);
  }
  return {
    current,
    proposed,
    problems,
    byCareGroup: running.flatMap((group, column) => (group.people > 0 ? [group.inPounds(groups.names[column])] : [])),
    total: all.inPounds("Total"),
  };
}

/** The header row of PB.REPRICE's summary. */
export const REPRICING_HEADER = [
  "Care group",
  "People",
  "Current",
  "Proposed",
  "Change",
  "Change %",
  "Better off",
  "Worse off",
  "Unchanged",
] as const;

/** A summary cell: a number, a name, or "" (nothing to show). */
export type SummaryCell = string | number;

function summaryRow(totals: RepricingTotals): SummaryCell[] {
  return [
    totals.careGroup,
    totals.people,
    totals.current,
    totals.proposed,
    totals.change,
    totals.changeFraction ?? "",
    totals.betterOff,
    totals.worseOff,
    totals.unchanged,
  ];
}

/**
 * PB.REPRICE's table: the header, a row per care group with someone priced, Total, and, only when
 * someone could not be priced, "Not priced" with their number under People.
 */
export function repricingSummary(repricing: Repricing): SummaryCell[][] {
  const rows: SummaryCell[][] = [[...REPRICING_HEADER], ...repricing.byCareGroup.map(summaryRow)];
  rows.push(summaryRow(repricing.total));
  if (repricing.problems.size > 0) {
    rows.push(["Not priced", repricing.problems.size, ...REPRICING_HEADER.slice(2).map(() => "")]);
  }
  return rows;
}

/** A person's change under a proposal: their position in the cohort and proposed − current, £ to the penny. */
export interface PersonChange {
  readonly index: number;
  readonly change: number;
}

/**
 * The largest losses (most negative first) or gains (most positive first), at most `count`, as the What-if sheet
 * ranks them: by change in whole pence, people with the same change in cohort order. People not priced and people
 * whose budget does not change are not ranked.
 */
export function largestChanges(repricing: Repricing, kind: "losses" | "gains", count: number): PersonChange[] {
  const changed: { index: number; pence: number }[] = [];
  // A person not priced has NaN budgets, so neither comparison below holds: they are not ranked.
  // Stryker disable next-line EqualityOperator: equivalent; past the end reads undefined, whose change is NaN too.
  for (let index = 0; index < repricing.current.length; index++) {
    const pence = Math.round(repricing.proposed[index] * 100) - Math.round(repricing.current[index] * 100);
    if (kind === "losses" ? pence < 0 : pence > 0) changed.push({ index, pence });
  }
  const direction = kind === "losses" ? 1 : -1;
  // Array sort is stable: equal changes keep the cohort's order.
  changed.sort((a, b) => direction * (a.pence - b.pence));
  return changed.slice(0, count).map(({ index, pence }) => ({ index, change: pence / 100 }));
}
