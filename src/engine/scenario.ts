import { BudgetOptions } from "./budget";
import { Cell, label, matchKey } from "./cells";
import { EngineError } from "./errors";
import { budgetPricer } from "./fastBudget";
import { PriceTable } from "./priceTable";

/** One person of a cohort, as their cells hold them. */
export interface CohortMember {
  readonly points: Cell;
  readonly careGroup: Cell;
  readonly reduction?: Cell;
}

/** Totals for a care group (or the whole cohort), in £ to the penny, summed exactly in whole pence. */
export interface RepricingTotals {
  readonly careGroup: string;
  readonly people: number;
  readonly current: number;
  readonly proposed: number;
  readonly change: number;
}

/** A what-if: every person's budget under the current and the proposed price points. */
export interface Repricing {
  /** Per person, in cohort order, £ to the penny; NaN where the person could not be priced. */
  readonly current: Float64Array;
  readonly proposed: Float64Array;
  /** Why a person could not be priced (by position in the cohort); they are left out of the totals. */
  readonly problems: ReadonlyMap<number, string>;
  readonly byCareGroup: readonly RepricingTotals[];
  readonly total: RepricingTotals;
}

const NO_CARE_GROUP = "No care group";

/**
 * Re-prices a whole cohort for a policy what-if: each person's indicative budget under the current
 * and the proposed price tables (the same exact pricing as PB.INDICATIVE_BUDGET), and totals by care
 * group. Totals are sums of whole pence, so they add up exactly to the people in them.
 */
export function repriceCohort(
  cohort: readonly CohortMember[],
  currentTable: PriceTable,
  proposedTable: PriceTable,
  options: BudgetOptions,
): Repricing {
  const priceCurrent = budgetPricer(currentTable, options);
  const priceProposed = budgetPricer(proposedTable, options);
  const current = new Float64Array(cohort.length);
  const proposed = new Float64Array(cohort.length);
  const problems = new Map<number, string>();
  type Running = { careGroup: string; people: number; current: number; proposed: number };
  const groups = new Map<string, Running>();
  const byCell = new Map<Cell, Running>();
  const groupOf = (careGroup: Cell): Running => {
    let group = byCell.get(careGroup);
    if (!group) {
      const key = matchKey(careGroup);
      group = groups.get(key) ?? { careGroup: label(careGroup) || NO_CARE_GROUP, people: 0, current: 0, proposed: 0 };
      groups.set(key, group);
      if (byCell.size < 256) byCell.set(careGroup, group);
    }
    return group;
  };
  const all: Running = { careGroup: "All", people: 0, current: 0, proposed: 0 };
  for (let index = 0; index < cohort.length; index++) {
    const { points, careGroup, reduction = null } = cohort[index];
    try {
      current[index] = priceCurrent(points, careGroup, reduction);
      proposed[index] = priceProposed(points, careGroup, reduction);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      current[index] = proposed[index] = NaN;
      problems.set(index, error.message);
      continue;
    }
    // Whole pence: exact integers however many people are added.
    const currentPence = Math.round(current[index] * 100);
    const proposedPence = Math.round(proposed[index] * 100);
    const group = groupOf(careGroup);
    group.people++;
    group.current += currentPence;
    group.proposed += proposedPence;
    all.people++;
    all.current += currentPence;
    all.proposed += proposedPence;
  }
  const inPounds = (totals: Running): RepricingTotals => ({
    careGroup: totals.careGroup,
    people: totals.people,
    current: totals.current / 100,
    proposed: totals.proposed / 100,
    change: (totals.proposed - totals.current) / 100,
  });
  return { current, proposed, problems, byCareGroup: [...groups.values()].map(inPounds), total: inPounds(all) };
}
