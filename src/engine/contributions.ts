// What people contribute to the council's commitment (26 §5): each committed plan's person pays the smaller of the
// plan's cost a year and their weekly charge × the weeks in a year (charge.ts), rounded to the penny per plan as the
// plan shows it; by care group, the full-year commitment (gross), what people contribute, and the net commitment.
// The Finance sheet adds up the same per-plan amounts with SUMIFS over its Each plan block.
import { annualCharge, chargeSplit } from "./charge";
import { Commitment, grouping, PlanRecord, planStanding } from "./commitment";
import { Decimal, ZERO } from "./decimal";

/** One row of the contributions: a care group, the other care groups, or all of them. */
export interface ContributionRow {
  readonly careGroup: string;
  /** The full-year commitment: the commitment's own total for the row. */
  readonly gross: Decimal;
  /** What the people with committed plans pay towards them a year. */
  readonly contributions: Decimal;
  /** Gross less contributions: what the council itself is committed to. */
  readonly net: Decimal;
}

/** What a plan's person pays towards it a year: its cost a year split by their weekly charge × the weeks in a year. */
export function planContribution(plan: Pick<PlanRecord, "annual" | "weeklyCharge">, weeksInYear: Decimal): Decimal {
  const charge = plan.weeklyCharge ?? ZERO;
  return chargeSplit(plan.annual, annualCharge(charge, weeksInYear)).contribution;
}

/**
 * The commitment's rows (care groups given, the others, all) with what people contribute to the committed plans a
 * year. `careGroups` must be those the commitment was worked out for.
 */
export function contributions(
  plans: readonly PlanRecord[],
  commitment: Commitment,
  careGroups: readonly string[],
  weeksInYear: Decimal,
): ContributionRow[] {
  const committed = plans.filter((plan) => planStanding(plan, commitment.period) === "committed");
  return grouping(careGroups).map(({ name, covers }, at) => {
    const own = committed.filter((plan) => covers(plan.careGroup));
    const paid = own.reduce((sum, plan) => sum.plus(planContribution(plan, weeksInYear)), ZERO);
    const gross = commitment.rows[at].fullYear.total;
    return {
      careGroup: name,
      gross,
      contributions: paid,
      net: gross.minus(paid),
    };
  });
}
