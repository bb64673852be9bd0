// What the council has committed to personal budgets in a financial year (the Audit Commission's "monitoring and
// forecasting", paragraph 53): Agreed plans running in the rest of the year, by care group and by how the money is
// managed, one-off items apart, a year and in the year; Agreed plans starting after the year apart; the pipeline of
// plans not yet agreed; and the plans no figure can use, named. The Finance sheet calculates the same figures with
// Excel's own functions over a per-plan block of PB.IN_YEAR_COST, so the pane and the sheet agree to the penny.
//
// Rounding: each plan's in-year amount is rounded to the penny once per part (PB.IN_YEAR_COST's rule); every
// other figure is a sum of pence, so every total is exactly the sum of the figures it adds up.
import { addMonths, calendarDate, dateSerial, DateSerial, isoFromSerial } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { invalid, listForMessage } from "./errors";
import { DateSpan, inYearCost } from "./inYearCost";
import { MANAGED_AS, ManagedAs } from "./supportPlan";

/** The parts a commitment is split into: each way of managing the money a year, and one-off items apart. */
export type CommitmentPart = ManagedAs | "One-off items";
export const COMMITMENT_PARTS: readonly CommitmentPart[] = [...MANAGED_AS, "One-off items"];

/** Plans in the commitment; the rest of the statuses are the pipeline. */
export const AGREED = "Agreed";
/** Plans not yet agreed: the pipeline, shown apart from the commitment. */
export const PIPELINE_STATUSES: readonly string[] = ["Draft", "Needs manager review"];

/** Rows of a by-care-group report beside the care groups themselves. */
export const OTHER_CARE_GROUPS = "Other care groups";
export const ALL_CARE_GROUPS = "All care groups";

/** A plan as the Plans table holds it, read. */
export interface PlanRecord {
  readonly planId: string;
  readonly personId: string;
  readonly careGroup: string;
  readonly status: string;
  /** null when the row has none: the plan is left out of every figure (leftOutReason). */
  readonly start: DateSerial | null;
  /** null: ongoing. */
  readonly end: DateSerial | null;
  /** Recurring cost a year, by how it is managed (one-off items not included). */
  readonly managed: Readonly<Record<ManagedAs, Decimal>>;
  /** One-off items, in full. */
  readonly oneOff: Decimal;
  /** The person's indicative budget a year when the plan was saved. */
  readonly indicativeAnnual: Decimal;
  /** Recurring a year plus one-off items: the plan cost the traffic light compared. */
  readonly annual: Decimal;
  /** The person's assessed charge a week (26 §5); absent or null: none. */
  readonly weeklyCharge?: Decimal | null;
  /** Why the row cannot be read (a date or an amount that is not one), its amounts then 0: it is left out. */
  readonly unreadable?: string;
}

/** A plan no figure can use, and why, in words that follow its ID ("PLAN-0009: no start date"). */
export interface LeftOutPlan {
  readonly planId: string;
  readonly reason: string;
}

/** The dates a commitment is measured at: the as-at date and the financial year it falls in. */
export interface CommitmentPeriod {
  readonly asAt: DateSerial;
  readonly year: DateSpan;
  /** From the later of the as-at date and the year's first day, to the year's last day. */
  readonly remaining: DateSpan;
}

/** The first month of the financial year when none is given: April, as English councils' years run. */
export const FINANCIAL_YEAR_FIRST_MONTH = 4;

/** The financial year that starts on a day: twelve months, to the day before the same day a year later. */
export function financialYear(start: DateSerial): DateSpan {
  return { from: start, to: addMonths(start, 12) - 1 };
}

/** The first day of the financial year a day falls in, for years starting on the 1st of `firstMonth`. */
export function yearStartFor(day: DateSerial, firstMonth = FINANCIAL_YEAR_FIRST_MONTH): DateSerial {
  const { year, month } = calendarDate(day);
  return dateSerial({ year: month >= firstMonth ? year : year - 1, month: firstMonth, day: 1 });
}

/** "2026/27" for a year from April 2026, "2027" for a calendar year, as the sheet's label formula gives. */
export function financialYearLabel(start: DateSerial): string {
  const { year, month } = calendarDate(start);
  return month === 1 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** The as-at date within a financial year; an as-at date after the year's end is refused. */
export function commitmentPeriod(asAt: DateSerial, yearStart: DateSerial): CommitmentPeriod {
  const year = financialYear(yearStart);
  if (asAt > year.to) {
    throw invalid(
      `The as-at date (${isoFromSerial(asAt)}) is after the financial year's last day (${isoFromSerial(year.to)}): ` +
        "choose a later financial year",
    );
  }
  return { asAt, year, remaining: { from: Math.max(asAt, year.from), to: year.to } };
}

/**
 * Why a plan is left out of every figure, or null when it is not: a row that cannot be read, a plan without a start
 * date, or one ending before it starts (which runs on no day).
 */
export function leftOutReason(plan: Pick<PlanRecord, "start" | "end" | "unreadable">): string | null {
  if (plan.unreadable !== undefined) return plan.unreadable;
  if (plan.start === null) return "no start date";
  if (plan.end !== null && plan.end < plan.start) {
    return `it ends (${isoFromSerial(plan.end)}) before it starts (${isoFromSerial(plan.start)})`;
  }
  return null;
}

export const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isAgreed = (plan: Pick<PlanRecord, "status">) => sameText(plan.status, AGREED);
const inPipeline = (plan: Pick<PlanRecord, "status">) =>
  PIPELINE_STATUSES.some((status) => sameText(plan.status, status));

/**
 * Where a plan stands in the year's figures. A plan counts in a year while it runs in the rest of it (from the
 * later of the as-at date and the year's first day): started by the year's last day and not ended before then.
 * "committed": Agreed and running; "startingLater": Agreed, starting after the year's last day (shown apart, in
 * no figure of this year); "pipeline": Draft or awaiting review, and running; "leftOut": no usable dates; "none":
 * ended, or of another status.
 */
export type PlanStanding = "committed" | "startingLater" | "pipeline" | "leftOut" | "none";

export function planStanding(plan: PlanRecord, period: CommitmentPeriod): PlanStanding {
  if (leftOutReason(plan) !== null) return "leftOut";
  const later = plan.start! > period.year.to;
  const running = !later && (plan.end === null || plan.end >= period.remaining.from);
  if (isAgreed(plan)) return later ? "startingLater" : running ? "committed" : "none";
  return inPipeline(plan) && running ? "pipeline" : "none";
}

/** Whether a plan is in the year's commitment: Agreed and running in the rest of the year. */
export const isCommitted = (plan: PlanRecord, period: CommitmentPeriod) => planStanding(plan, period) === "committed";

/** How many people these plans are for, each counted once (Person IDs compared ignoring case, as COUNTIFS does). */
export function distinctPeople(plans: readonly Pick<PlanRecord, "personId">[]): number {
  return new Set(plans.map((plan) => plan.personId.toLowerCase())).size;
}

type Parts<T> = Readonly<Record<CommitmentPart | "total", T>>;

/** One row of the commitment: a care group, the other care groups, or all of them. */
export interface CareGroupCommitment {
  readonly careGroup: string;
  /** People with an amount managed each way (or one-off items); total: people with an Agreed plan. Each once. */
  readonly people: Parts<number>;
  /** The cost a year of the plans in the commitment; total = the four parts. */
  readonly fullYear: Parts<Decimal>;
  /** The part of it that falls from the as-at date to the year's end; total = the four parts. */
  readonly inYear: Parts<Decimal>;
  /** The Budgets table's budgets for the row's care groups and the year; 0 when it has none. */
  readonly budget: Decimal;
  /** Budget − full-year commitment: below 0 the council is over-committed. */
  readonly variance: Decimal;
  /** Full-year commitment ÷ budget; null without a budget above 0. */
  readonly committed: Decimal | null;
}

/** Plans not yet agreed and running in the year, by care group. */
export interface PipelineRow {
  readonly careGroup: string;
  readonly plans: number;
  readonly fullYear: Decimal;
  /** (Commitment + pipeline) ÷ budget: how far the budget would be committed if every plan were agreed. */
  readonly committedIfAgreed: Decimal | null;
}

/** Agreed plans starting after the year's last day, by care group: in no figure of this year. */
export interface StartingLaterRow {
  readonly careGroup: string;
  readonly people: number;
  /** Their plan cost a year, one-off items in full. */
  readonly fullYear: Decimal;
}

export interface Commitment {
  readonly period: CommitmentPeriod;
  /** One row per care group given, then the other care groups, then all. */
  readonly rows: readonly CareGroupCommitment[];
  readonly pipeline: readonly PipelineRow[];
  readonly startingLater: readonly StartingLaterRow[];
  /** Plans left out of every figure, in the order given. */
  readonly leftOut: readonly LeftOutPlan[];
}

/**
 * A budget per care group, as the Budgets table holds it. `annualBudget` null: left blank. `financialYear` null:
 * for every year (the table has no Financial year column, or the cell is blank); else the year's label ("2026/27").
 */
export interface BudgetRecord {
  readonly careGroup: string;
  readonly annualBudget: Decimal | null;
  readonly financialYear: string | null;
}

/** Each part's figure and their total. */
function parts<T>(of: (part: CommitmentPart) => T, total: (values: T[]) => T): Parts<T> {
  const values = COMMITMENT_PARTS.map(of);
  const byPart = Object.fromEntries(COMMITMENT_PARTS.map((part, at) => [part, values[at]]));
  return { ...(byPart as Record<CommitmentPart, T>), total: total(values) };
}

const sum = (amounts: readonly Decimal[]) => amounts.reduce((total, amount) => total.plus(amount), ZERO);
const ratio = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.div(whole));

/** Which rows a care-group row covers: each care group given, every other one, and all. */
export function grouping(careGroups: readonly string[]): { name: string; covers: (careGroup: string) => boolean }[] {
  const listed = (careGroup: string) => careGroups.some((listedGroup) => sameText(listedGroup, careGroup));
  return [
    ...careGroups.map((name) => ({ name, covers: (careGroup: string) => sameText(careGroup, name) })),
    { name: OTHER_CARE_GROUPS, covers: (careGroup: string) => !listed(careGroup) },
    { name: ALL_CARE_GROUPS, covers: () => true },
  ];
}

/** An amount a plan has in one part of the commitment. */
const partOf = (plan: PlanRecord, part: CommitmentPart) =>
  part === "One-off items" ? plan.oneOff : plan.managed[part];

/**
 * A committed plan's in-year amount in one part: recurring cost by PB.IN_YEAR_COST's rule (rounded to the penny
 * per plan and part), and one-off items in full when the plan starts in the rest of the year (a plan that started
 * earlier has had its one-off items already).
 */
export function inYearPart(plan: PlanRecord, part: CommitmentPart, period: CommitmentPeriod): Decimal {
  const start = plan.start!;
  // A committed plan has started by the year's last day: only whether it started in the rest of the year decides.
  if (part === "One-off items") return start >= period.remaining.from ? plan.oneOff : ZERO;
  return inYearCost(plan.managed[part], start, plan.end, period.remaining);
}

/** The Budgets rows for the financial year starting `yearStart`: rows of that year and rows for every year. */
export function budgetsOfYear(budgets: readonly BudgetRecord[], yearStart: DateSerial): BudgetRecord[] {
  const label = financialYearLabel(yearStart);
  return budgets.filter((budget) => budget.financialYear === null || sameText(budget.financialYear, label));
}

/** Budgets by care-group row for the year; blanks add 0. */
function budgetFor(budgets: readonly BudgetRecord[], covers: (careGroup: string) => boolean, yearStart: DateSerial) {
  return sum(
    budgetsOfYear(budgets, yearStart)
      .filter((budget) => covers(budget.careGroup))
      .map((budget) => budget.annualBudget ?? ZERO),
  );
}

/**
 * The commitment by care group at the as-at date, for its financial year. `careGroups` are the rows wanted (the
 * sheet's); every other care group goes in "Other care groups", and "All care groups" is every plan. A plan with no
 * usable dates is left out of every figure and named (leftOut); the rest are still counted.
 */
export function commitment(
  plans: readonly PlanRecord[],
  budgets: readonly BudgetRecord[],
  careGroups: readonly string[],
  period: CommitmentPeriod,
): Commitment {
  const standing = plans.map((plan) => ({ plan, standing: planStanding(plan, period) }));
  const withStanding = (wanted: PlanStanding) =>
    standing.filter((entry) => entry.standing === wanted).map((entry) => entry.plan);
  const [committed, pipeline, later] = [
    withStanding("committed"),
    withStanding("pipeline"),
    withStanding("startingLater"),
  ];
  const groups = grouping(careGroups);
  const rows = groups.map(({ name, covers }): CareGroupCommitment => {
    const own = committed.filter((plan) => covers(plan.careGroup));
    const amounts = (of: (plan: PlanRecord, part: CommitmentPart) => Decimal) =>
      parts((part) => sum(own.map((plan) => of(plan, part))), sum);
    const fullYear = amounts(partOf);
    const budget = budgetFor(budgets, covers, period.year.from);
    return {
      careGroup: name,
      people: parts(
        (part) => distinctPeople(own.filter((plan) => partOf(plan, part).gt(0))),
        () => distinctPeople(own),
      ),
      fullYear,
      inYear: amounts((plan, part) => inYearPart(plan, part, period)),
      budget,
      variance: budget.minus(fullYear.total),
      committed: ratio(fullYear.total, budget),
    };
  });
  const pipelineRows = groups.map(({ name, covers }, at): PipelineRow => {
    const own = pipeline.filter((plan) => covers(plan.careGroup));
    const fullYear = sum(own.map((plan) => plan.annual));
    return {
      careGroup: name,
      plans: own.length,
      fullYear,
      committedIfAgreed: ratio(rows[at].fullYear.total.plus(fullYear), rows[at].budget),
    };
  });
  const startingLater = groups.map(({ name, covers }): StartingLaterRow => {
    const own = later.filter((plan) => covers(plan.careGroup));
    return { careGroup: name, people: distinctPeople(own), fullYear: sum(own.map((plan) => plan.annual)) };
  });
  const leftOut = withStanding("leftOut").map((plan) => ({ planId: plan.planId, reason: leftOutReason(plan)! }));
  return { period, rows, pipeline: pipelineRows, startingLater, leftOut };
}

/** How far a plan's parts, each rounded to the penny, may be from its plan cost, also rounded. */
const ROUNDING = new Decimal("0.025");

/** What the figures leave aside, in words, for the pane to show beside them (left-out plans are named apart). */
export function commitmentNotes(plans: readonly PlanRecord[], period: CommitmentPeriod): string[] {
  const usable = plans.filter((plan) => leftOutReason(plan) === null);
  const notes: string[] = [];
  const running = (plan: PlanRecord) =>
    plan.start! <= period.year.to && (plan.end === null || plan.end >= period.remaining.from);
  const others = usable.filter((plan) => !isAgreed(plan) && !inPipeline(plan) && running(plan));
  if (others.length > 0) {
    notes.push(
      `${listForMessage(others.map((plan) => `${plan.planId} (${plan.status || "no status"})`))} ` +
        `${others.length > 1 ? "have" : "has"} neither an Agreed nor a pipeline status, so ` +
        `${others.length > 1 ? "they are" : "it is"} in neither figure.`,
    );
  }
  // Each part and the plan cost are rounded to the penny on their own: up to 2p apart is rounding.
  const unbalanced = usable.filter((plan) =>
    sum([...MANAGED_AS.map((way) => plan.managed[way]), plan.oneOff])
      .minus(plan.annual)
      .abs()
      .gt(ROUNDING),
  );
  if (unbalanced.length > 0) {
    notes.push(
      `In ${listForMessage(unbalanced.map((plan) => plan.planId))}, the amounts by way of managing and the one-off ` +
        "items do not add up to the plan cost (an earlier version counted one-off items in both): open and save " +
        `${unbalanced.length > 1 ? "each" : "it"} again.`,
    );
  }
  return notes;
}
