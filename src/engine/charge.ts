// The person's charge: after a financial assessment (Care Act 2014, s.17) a person may pay an assessed charge towards
// their care, a weekly amount. They never pay more than their care costs: over any period they pay the smaller of
// the plan's cost and their charge, and the council the rest. Essex's worked example: a service costing £23.92 a
// week with an assessed charge of £56.20 a week, the person pays £23.92 and the council nothing.
//
// Both amounts must be for the same period (a week, or a year: annualCharge). Everything here is exact; the caller
// rounds a figure it shows or writes to the penny once.
import { Cell, describeCell, isBlank, moneyAmount, readCell } from "./cells";
import { Decimal, formatPounds, toPence } from "./decimal";
import { invalid } from "./errors";
import { weeklyToAnnual } from "./periods";

/** What the person pays towards a plan over a period: the smaller of its cost and their charge over that period. */
export function contribution(planCost: Decimal, charge: Decimal): Decimal {
  return Decimal.min(planCost, charge);
}

/** What the plan costs the council over the period: its cost less what the person pays towards it. */
export function councilCost(planCost: Decimal, charge: Decimal): Decimal {
  return planCost.minus(contribution(planCost, charge));
}

/** A weekly charge over a year: the charge × the weeks in a year, the same weeks a weekly line costs. */
export function annualCharge(weeklyCharge: Decimal, weeksInYear: Decimal): Decimal {
  return weeklyToAnnual(weeklyCharge, weeksInYear);
}

/** A plan's gross cost over a period, what the person pays and what the council pays. */
export interface ChargeSplit {
  readonly gross: Decimal;
  readonly contribution: Decimal;
  readonly council: Decimal;
}

/**
 * A plan's cost over a period, in pounds and pence as Plans holds it, split by a charge over the same period: what
 * the person pays rounded to the penny once, and the council the rest, so the two always add up to the cost.
 */
export function chargeSplit(planCost: Decimal, charge: Decimal): ChargeSplit {
  const paid = toPence(contribution(planCost, charge));
  return { gross: planCost, contribution: paid, council: planCost.minus(paid) };
}

/** A plan's cost split by the person's charge, a year and a week. */
export interface PlanCharge {
  readonly weeklyCharge: Decimal;
  readonly annual: ChargeSplit;
  readonly weekly: ChargeSplit;
}

/**
 * A plan's figures (a year and a week, to the penny, as saved) split by a weekly charge: a year against the charge ×
 * the weeks in a year, a week against the charge itself. What the pane shows, the Plans row records the charge for,
 * and the Finance view and sheet add up.
 */
export function planCharge(
  figures: { readonly annual: Decimal; readonly weekly: Decimal },
  weeklyCharge: Decimal,
  weeksInYear: Decimal,
): PlanCharge {
  return {
    weeklyCharge,
    annual: chargeSplit(figures.annual, annualCharge(weeklyCharge, weeksInYear)),
    weekly: chargeSplit(figures.weekly, weeklyCharge),
  };
}

/** The most a weekly charge may be; more is surely a typing slip. */
export const WEEKLY_CHARGE_LIMIT = new Decimal(100_000);

/**
 * An assessed weekly charge as typed or as a cell holds it: blank is none (null); otherwise pounds and pence, 0 or
 * more (an assessed nil charge is £0), at most the limit.
 */
export function readWeeklyCharge(cell: Cell, what = "Weekly charge"): Decimal | null {
  if (isBlank(cell)) return null;
  const amount = readCell(moneyAmount, cell, what);
  if (amount.decimalPlaces() > 2) {
    throw invalid(`${what}: pounds and pence only (at most 2 decimal places); got ${describeCell(cell)}`);
  }
  if (amount.gt(WEEKLY_CHARGE_LIMIT)) {
    throw invalid(
      `${what}: at most ${formatPounds(WEEKLY_CHARGE_LIMIT)} a week; a larger figure is surely a typing slip`,
    );
  }
  return amount;
}
