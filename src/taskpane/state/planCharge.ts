// The person's charge in the plan editor (26 §5): the box as typed, read by the engine's rule (readWeeklyCharge), and
// the plan's cost split between the person and the council by the engine's rule (planCharge), as the pane shows it,
// the save writes it and the Finance view adds it up.
import {
  Decimal,
  EngineError,
  formatPounds,
  PlanCharge,
  planCharge,
  PlanTotals,
  readWeeklyCharge,
  toPence,
} from "../../engine";

/** The charge box read: the weekly charge (null: none) or why it cannot be used. */
export interface TypedCharge {
  readonly weeklyCharge: Decimal | null;
  readonly problem: string | null;
}

export function readTypedCharge(typed: string): TypedCharge {
  try {
    return { weeklyCharge: readWeeklyCharge(typed.trim()), problem: null };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { weeklyCharge: null, problem: error.message };
  }
}

/** A costed plan's figures, to the penny as they are saved, split by the charge; null without one. */
export function chargeOfPlan(totals: PlanTotals, weeklyCharge: Decimal | null): PlanCharge | null {
  if (weeklyCharge === null) return null;
  const figures = { annual: toPence(totals.annual), weekly: toPence(totals.weekly) };
  return planCharge(figures, weeklyCharge, totals.weeksInYear);
}

/** "£7,409.00 a year (£142.48 a week)": what the council pays. */
export const councilCostText = (charge: PlanCharge) =>
  `${formatPounds(charge.annual.council)} a year (${formatPounds(charge.weekly.council)} a week)`;

/** "£2,366.00 a year (£45.50 a week)": what the person pays towards the plan. */
export const contributionText = (charge: PlanCharge) =>
  `${formatPounds(charge.annual.contribution)} a year (${formatPounds(charge.weekly.contribution)} a week)`;
