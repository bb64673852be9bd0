// The projected outturn of a financial year: what has actually been paid so far (the Payments table, from the year's
// first day to the as-at date), plus what Agreed plans still commit from the day after the as-at date to the year's
// end (by PB.IN_YEAR_COST's rule, to the penny per plan and way of managing), against the budget — by care group and
// in all, and month by month. In-year monitoring under personal budgets (the Audit Commission's paragraph 48).
// The Finance sheet's outturn block works out the same figures with Excel's own functions and PB.IN_YEAR_COST.
import { matchKey } from "./cells";
import {
  ALL_CARE_GROUPS,
  BudgetRecord,
  budgetsOfYear,
  CommitmentPeriod,
  LeftOutPlan,
  leftOutReason,
  OTHER_CARE_GROUPS,
} from "./commitment";
import { addMonths, calendarDate, DateSerial } from "./dates";
import { Decimal, formatPercent, toPence, ZERO } from "./decimal";
import { listForMessage } from "./errors";
import { DateSpan, inYearCost } from "./inYearCost";
import { PaymentKind } from "./payments";
import { MANAGED_AS, ManagedAs } from "./supportPlan";

/** A plan as the outturn reads it from Plans. */
export interface OutturnPlan {
  readonly planId: string;
  readonly personId: string;
  readonly careGroup: string;
  readonly status: string;
  /** null when the row has none: the plan is left out of the remaining commitment, and named. */
  readonly start: DateSerial | null;
  /** null: ongoing. */
  readonly end: DateSerial | null;
  readonly managed: Readonly<Record<ManagedAs, Decimal>>;
  readonly oneOff: Decimal;
  /** Why the row's dates or amounts cannot be read, when they cannot: the plan still names a care group. */
  readonly unreadable?: string;
}

/** A payment as Payments holds it; its kind is null when the cell cannot be read (it still counts as spend). */
export interface LedgerPayment {
  readonly date: DateSerial;
  readonly personId: string;
  readonly planId: string;
  readonly amount: Decimal;
  readonly kind: PaymentKind | null;
  readonly reference: string;
}

/** A share of the year's budget for a calendar month (1 is January), as a BudgetProfile table gives it. */
export interface ProfileShare {
  readonly month: number;
  readonly share: Decimal;
}

/** The row of payments counted as spend but matched to no Agreed plan: listed apart, and in All care groups. */
export const NOT_MATCHED = "Not matched to an Agreed plan";
export const AGREED_STATUS = "Agreed";

export interface OutturnRow {
  readonly careGroup: string;
  readonly budget: Decimal;
  /** Payments from the year's first day to the as-at date. */
  readonly actual: Decimal;
  /** What Agreed plans commit from the day after the as-at date to the year's end. */
  readonly remaining: Decimal;
  /** Actual + remaining. */
  readonly outturn: Decimal;
  /** Budget − outturn: below 0 the year is projected to overspend. */
  readonly variance: Decimal;
  /** Variance ÷ budget; null without a budget. */
  readonly variancePercent: Decimal | null;
}

export interface OutturnMonth {
  /** The month's first and last day (the year's twelve months from its first day). */
  readonly from: DateSerial;
  readonly to: DateSerial;
  /** "Apr 2026". */
  readonly label: string;
  readonly budget: Decimal;
  /** Payments in the month up to the as-at date. */
  readonly actual: Decimal;
  /** What Agreed plans commit in the month after the as-at date. */
  readonly forecast: Decimal;
  readonly cumulativeBudget: Decimal;
  /** Payments from the year's first day to the month's end or the as-at date; null for a month after the as-at date. */
  readonly cumulativeActual: Decimal | null;
  /** Actual to the month's end (or the as-at date) and what is committed after the as-at date to the month's end. */
  readonly cumulativeProjected: Decimal;
}

export interface UnmatchedPayment {
  readonly payment: LedgerPayment;
  readonly reason: string;
}

export interface Outturn {
  readonly period: CommitmentPeriod;
  /** The day the remaining commitment counts from: the day after the as-at date, or the year's first day. */
  readonly remainingFrom: DateSerial;
  /** A row per care group given, then Other care groups, Not matched to an Agreed plan, All care groups. */
  readonly rows: readonly OutturnRow[];
  readonly months: readonly OutturnMonth[];
  /** Payments in the year to date matched to no Agreed plan, in the table's order. */
  readonly unmatched: readonly UnmatchedPayment[];
  /** Agreed plans left out of the remaining commitment. */
  readonly leftOut: readonly LeftOutPlan[];
  readonly notes: readonly string[];
}

const sum = (amounts: readonly Decimal[]) => amounts.reduce((total, amount) => total.plus(amount), ZERO);
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isAgreed = (plan: Pick<OutturnPlan, "status">) => sameText(plan.status.trim(), AGREED_STATUS);
const inSpan = (day: DateSerial, span: DateSpan) => day >= span.from && day <= span.to;

/** Why an Agreed plan cannot be counted in the remaining commitment, or null when it can: the commitment's rule. */
export const planProblem = leftOutReason;

type DatedPlan = OutturnPlan & { start: DateSerial };

/**
 * What a plan commits in a span of days: each way of managing by PB.IN_YEAR_COST's rule (annual × days ÷ 365, to
 * the penny), and its one-off items in full when it starts in the span.
 */
export function committedIn(plan: DatedPlan, span: DateSpan): Decimal {
  if (span.to < span.from) return ZERO;
  const recurring = MANAGED_AS.map((way) => inYearCost(plan.managed[way], plan.start, plan.end, span));
  return sum(recurring).plus(inSpan(plan.start, span) ? plan.oneOff : ZERO);
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The year's twelve months, from its first day: 1 April to 30 April, … 1 March to 31 March. */
export function yearMonths(year: DateSpan): { from: DateSerial; to: DateSerial; label: string }[] {
  return Array.from({ length: 12 }, (_, at) => {
    const from = addMonths(year.from, at);
    const { year: calendarYear, month } = calendarDate(from);
    return {
      from,
      // The twelfth month ends on the year's last day.
      to: addMonths(year.from, at + 1) - 1,
      label: `${MONTH_NAMES[month - 1]} ${calendarYear}`,
    };
  });
}

/** Where a payment counts: its plan's care group (first of those listed), or why it matches no Agreed plan. */
interface Matching {
  readonly classify: (payment: LedgerPayment) => { group: string } | { reason: string };
  readonly spread: readonly string[];
}

function matching(plans: readonly OutturnPlan[], careGroups: readonly string[]): Matching {
  const byPlan = new Map<string, OutturnPlan[]>();
  const agreedByPerson = new Map<string, OutturnPlan[]>();
  for (const plan of plans) {
    byPlan.set(matchKey(plan.planId), [...(byPlan.get(matchKey(plan.planId)) ?? []), plan]);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; a payment without a person is refused.
    if (isAgreed(plan) && plan.personId !== "") {
      agreedByPerson.set(matchKey(plan.personId), [...(agreedByPerson.get(matchKey(plan.personId)) ?? []), plan]);
    }
  }
  /** The first care group listed that one of the plans is in; else the other care groups. */
  const groupOf = (found: readonly OutturnPlan[]) =>
    careGroups.find((listed) => found.some((plan) => sameText(plan.careGroup, listed))) ?? OTHER_CARE_GROUPS;
  const spread = [...agreedByPerson]
    .filter(
      ([, found]) => careGroups.filter((listed) => found.some((plan) => sameText(plan.careGroup, listed))).length > 1,
    )
    .map(([, found]) => found[0].personId);
  return {
    spread,
    classify: (payment) => {
      if (payment.planId !== "") {
        const named = byPlan.get(matchKey(payment.planId)) ?? [];
        const agreed = named.filter(isAgreed);
        if (agreed.length > 0) return { group: groupOf(agreed) };
        if (named.length === 0) return { reason: `${payment.planId} is not in Plans` };
        return { reason: `${payment.planId} is ${named[0].status.trim() || "without a status"}, not Agreed` };
      }
      if (payment.personId === "") return { reason: "it names neither a plan nor a person" };
      const agreed = agreedByPerson.get(matchKey(payment.personId));
      if (!agreed) return { reason: `${payment.personId} has no Agreed plan` };
      return { group: groupOf(agreed) };
    },
  };
}

/** The cumulative budget at each month's end: by the BudgetProfile's shares, or by days. */
function cumulativeBudgets(
  budget: Decimal,
  year: DateSpan,
  months: readonly { from: DateSerial; to: DateSerial }[],
  profile: readonly ProfileShare[] | null,
): Decimal[] {
  const yearDays = year.to - year.from + 1;
  let share = ZERO;
  return months.map((month) => {
    if (profile === null) return toPence(budget.times(month.to - year.from + 1).div(yearDays));
    const { month: calendarMonth } = calendarDate(month.from);
    share = share.plus(sum(profile.filter((entry) => entry.month === calendarMonth).map((entry) => entry.share)));
    return toPence(budget.times(share));
  });
}

/** What a BudgetProfile leaves to be said: months missing or given twice, shares not adding up to 100%. */
export function profileNotes(profile: readonly ProfileShare[]): string[] {
  const notes: string[] = [];
  const missing = MONTH_NAMES.filter((_, at) => !profile.some((entry) => entry.month === at + 1));
  const twice = MONTH_NAMES.filter((_, at) => profile.filter((entry) => entry.month === at + 1).length > 1);
  if (missing.length > 0)
    notes.push(`The BudgetProfile table has no share for ${listForMessage(missing, 12)}: each counts as 0%.`);
  if (twice.length > 0)
    notes.push(`The BudgetProfile table gives ${listForMessage(twice, 12)} more than once: the shares are added.`);
  const total = sum(profile.map((entry) => entry.share));
  if (!total.eq(1)) {
    notes.push(
      `The BudgetProfile table's shares add up to ${formatPercent(total)}, not 100%: ` +
        "the monthly budget adds up to that share of the year's.",
    );
  }
  return notes;
}

export interface OutturnInput {
  readonly plans: readonly OutturnPlan[];
  readonly payments: readonly LedgerPayment[];
  readonly budgets: readonly BudgetRecord[];
  /** The care groups shown one a row; plans in any other count in Other care groups. */
  readonly careGroups: readonly string[];
  /** A BudgetProfile's shares, or null to spread the budget by the days in each month. */
  readonly profile?: readonly ProfileShare[] | null;
}

/** The projected outturn at the period's as-at date. */
export function outturn(input: OutturnInput, period: CommitmentPeriod): Outturn {
  const { plans, payments, careGroups } = input;
  const { year, asAt } = period;
  const budgets = budgetsOfYear(input.budgets, year.from);
  const remainingFrom = Math.max(asAt + 1, year.from);
  const remainingSpan: DateSpan = { from: remainingFrom, to: year.to };
  const toDate: DateSpan = { from: year.from, to: asAt };

  const agreed = plans.filter(isAgreed);
  const leftOut = agreed.flatMap((plan) => {
    const problem = planProblem(plan);
    return problem === null ? [] : [{ planId: plan.planId, reason: problem }];
  });
  const counted = agreed.filter((plan): plan is DatedPlan => planProblem(plan) === null);

  const { classify, spread } = matching(plans, careGroups);
  const yearToDate = payments.filter((payment) => inSpan(payment.date, toDate));
  const unmatched: UnmatchedPayment[] = [];
  const actualBy = new Map<string, Decimal>();
  const add = (group: string, amount: Decimal) => actualBy.set(group, (actualBy.get(group) ?? ZERO).plus(amount));
  for (const payment of yearToDate) {
    const found = classify(payment);
    if ("group" in found) add(found.group, payment.amount);
    else {
      add(NOT_MATCHED, payment.amount);
      unmatched.push({ payment, reason: found.reason });
    }
  }
  const groupOfPlan = (plan: OutturnPlan) =>
    careGroups.find((listed) => sameText(plan.careGroup, listed)) ?? OTHER_CARE_GROUPS;
  const remainingBy = new Map<string, Decimal>();
  for (const plan of counted) {
    const group = groupOfPlan(plan);
    remainingBy.set(group, (remainingBy.get(group) ?? ZERO).plus(committedIn(plan, remainingSpan)));
  }

  const listedBudget = (group: string) =>
    sum(budgets.filter((budget) => sameText(budget.careGroup, group)).map((budget) => budget.annualBudget ?? ZERO));
  const allBudget = sum(budgets.map((budget) => budget.annualBudget ?? ZERO));
  const budgetOf = (group: string) =>
    group === NOT_MATCHED
      ? ZERO
      : group === OTHER_CARE_GROUPS
        ? allBudget.minus(sum(careGroups.map(listedBudget)))
        : listedBudget(group);
  const rowOf = (careGroup: string, budget: Decimal, actual: Decimal, remaining: Decimal): OutturnRow => {
    const projected = actual.plus(remaining);
    const variance = budget.minus(projected);
    return {
      careGroup,
      budget,
      actual,
      remaining,
      outturn: projected,
      variance,
      variancePercent: budget.isZero() ? null : variance.div(budget),
    };
  };
  const groupRows = [...careGroups, OTHER_CARE_GROUPS, NOT_MATCHED].map((group) =>
    rowOf(group, budgetOf(group), actualBy.get(group) ?? ZERO, remainingBy.get(group) ?? ZERO),
  );
  const rows = [
    ...groupRows,
    rowOf(
      ALL_CARE_GROUPS,
      allBudget,
      sum(groupRows.map((row) => row.actual)),
      sum(groupRows.map((row) => row.remaining)),
    ),
  ];

  const spans = yearMonths(year);
  const budgetsToDate = cumulativeBudgets(allBudget, year, spans, input.profile ?? null);
  const actualTo = (day: DateSerial) =>
    sum(yearToDate.filter((payment) => payment.date <= day).map((payment) => payment.amount));
  const committedTo = (day: DateSerial) =>
    sum(counted.map((plan) => committedIn(plan, { from: remainingFrom, to: day })));
  const months: OutturnMonth[] = [];
  spans.forEach((span, at) => {
    const previous = months[at - 1];
    const actualToEnd = actualTo(Math.min(span.to, asAt));
    const committed = committedTo(span.to);
    const cumulativeProjected = actualToEnd.plus(committed);
    const actual = actualToEnd.minus(previous ? actualTo(Math.min(previous.to, asAt)) : ZERO);
    months.push({
      ...span,
      budget: budgetsToDate[at].minus(at > 0 ? budgetsToDate[at - 1] : ZERO),
      // Stryker disable next-line ConditionalExpression: equivalent; a month after the as-at date has no spend to date.
      actual: span.from > asAt ? ZERO : actual,
      forecast: committed.minus(previous ? committedTo(previous.to) : ZERO),
      cumulativeBudget: budgetsToDate[at],
      cumulativeActual: span.from > asAt ? null : actualToEnd,
      cumulativeProjected,
    });
  });

  const notes: string[] = [];
  const later = payments.filter((payment) => payment.date > asAt && payment.date <= year.to).length;
  if (later > 0) {
    notes.push(
      `${later} payment${later > 1 ? "s are" : " is"} dated after the as-at date: not counted as spend to date ` +
        "(the remaining commitment covers that time).",
    );
  }
  if (spread.length > 0) {
    notes.push(
      `${listForMessage(spread)} ${spread.length > 1 ? "have" : "has"} Agreed plans in more than one care group: ` +
        "payments naming no plan count in the first of them listed; give such payments their Plan ID.",
    );
  }
  if (input.profile) notes.push(...profileNotes(input.profile));
  return { period, remainingFrom, rows, months, unmatched, leftOut, notes };
}
