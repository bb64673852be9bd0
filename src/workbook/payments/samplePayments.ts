// Sample payments for Agreed plans, as a council's ledger would hold them, for "Set up workbook": direct payments
// monthly, council-managed care and Individual Service Funds invoiced four-weekly in arrears, one-off items when the
// plan starts, for the months of the current financial year up to today's. Today is given, never read from a clock.
import {
  addMonths,
  calendarDate,
  DateSerial,
  Decimal,
  isoFromSerial,
  OutturnPlan,
  PaymentRecord,
  planProblem,
  toPence,
  yearStartFor,
} from "../../engine";

const FOUR_WEEKS = 28;

/** Sample payments for the Agreed plans, from the first day of today's financial year to today, in date order. */
export function samplePayments(plans: readonly OutturnPlan[], today: DateSerial): PaymentRecord[] {
  const yearStart = yearStartFor(today);
  const payments: PaymentRecord[] = [];
  const running = (plan: OutturnPlan, day: DateSerial) =>
    day >= plan.start! && (plan.end === null || day <= plan.end) && day >= yearStart && day <= today;
  for (const plan of plans) {
    if (plan.status.trim().toLowerCase() !== "agreed" || planProblem(plan) !== null) continue;
    const base = { personId: plan.personId, planId: plan.planId };
    const direct = plan.managed["Direct payment"];
    if (direct.gt(0)) {
      // Paid monthly in advance, on the 1st (or the day the plan starts): a twelfth of the year's direct payment.
      const monthly = toPence(direct.div(12));
      for (let month = yearStart; month <= today; month = addMonths(month, 1)) {
        const day = Math.max(month, plan.start!);
        if (day >= addMonths(month, 1) || !running(plan, day)) continue;
        const { year, month: number } = calendarDate(month);
        const reference = `DP-${plan.planId}-${year}-${String(number).padStart(2, "0")}`;
        payments.push({ ...base, date: day, amount: monthly, kind: "Direct payment", reference });
      }
    }
    const invoiced = [
      { amount: plan.managed["Council-managed"], kind: "Council-managed invoice", prefix: "INV" },
      { amount: plan.managed["Individual Service Fund"], kind: "Individual Service Fund", prefix: "ISF" },
    ] as const;
    for (const { amount, kind, prefix } of invoiced) {
      if (!amount.gt(0)) continue;
      // Invoiced four-weekly in arrears: 28 days of the year's cost, the day after each 28 days of care.
      const fourWeeks = toPence(amount.times(FOUR_WEEKS).div(365));
      const first = Math.max(plan.start!, yearStart);
      for (let period = 1; ; period++) {
        const day = first + FOUR_WEEKS * period;
        if (day > today || (plan.end !== null && day - FOUR_WEEKS > plan.end)) break;
        payments.push({ ...base, date: day, amount: fourWeeks, kind, reference: `${prefix}-${plan.planId}-${period}` });
      }
    }
    if (plan.oneOff.gt(0) && running(plan, plan.start!)) {
      payments.push({
        ...base,
        date: plan.start!,
        amount: new Decimal(plan.oneOff),
        kind: "One-off",
        reference: `OO-${plan.planId}`,
      });
    }
  }
  return payments.sort((a, b) => a.date - b.date);
}

/** A payment as the Payments table's declared columns write it. */
export const paymentRow = (payment: PaymentRecord) => ({ ...payment, date: isoFromSerial(payment.date) });
