// What the council has committed to personal budgets, in the year and in future (the Audit Commission's
// "monitoring and forecasting", paragraph 53): Agreed plans by care group and by how the money is managed,
// one-off items apart; the in-year commitment from the as-at date to the year's end; the pipeline of plans
// not yet agreed; what people spend their budgets on; the RAS's indicative budgets against what plans commit;
// and the medium-term forecast. The Finance sheet calculates the same figures with Excel's own functions and
// PB.IN_YEAR_COST, so the pane and the sheet agree to the penny.
import { anyNumber, describeCell, matchKey, readCell } from "./cells";
import { addMonths, calendarDate, dateSerial, DateSerial, isoFromSerial } from "./dates";
import { Decimal, formatPercent, ONE, toPence, ZERO } from "./decimal";
import { EngineError, invalid, listForMessage } from "./errors";
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

/** A plan as the Plans table holds it, read and checked. */
export interface PlanRecord {
  readonly planId: string;
  readonly careGroup: string;
  readonly status: string;
  /** null when the row has none: the in-year figures cannot be worked out (the sheet's show #N/A). */
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

/** A plan counts at the as-at date unless it ended before it. */
export function inForce(plan: Pick<PlanRecord, "end">, asAt: DateSerial): boolean {
  return plan.end === null || plan.end >= asAt;
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isAgreed = (plan: Pick<PlanRecord, "status">) => sameText(plan.status, AGREED);
const inPipeline = (plan: Pick<PlanRecord, "status">) =>
  PIPELINE_STATUSES.some((status) => sameText(plan.status, status));

type Parts<T> = Readonly<Record<CommitmentPart | "total", T>>;

/** One row of the commitment: a care group, the other care groups, or all of them. */
export interface CareGroupCommitment {
  readonly careGroup: string;
  /** People with an amount managed each way (or one-off items); total: people with an Agreed plan. */
  readonly people: Parts<number>;
  /** The cost a year of the Agreed plans in force; total = the four parts. */
  readonly fullYear: Parts<Decimal>;
  /**
   * The part of it that falls from the as-at date to the year's end. The recurring parts and the total are null
   * while a plan's dates cannot be read; the one-off items (plans starting in that time) are known even then.
   */
  readonly inYear: Parts<Decimal | null>;
  /** The Budgets table's budgets for the row's care groups; 0 when it has none. */
  readonly budget: Decimal;
  /** Budget − full-year commitment: below 0 the council is over-committed. */
  readonly variance: Decimal;
  /** Full-year commitment ÷ budget; null without a budget above 0. */
  readonly committed: Decimal | null;
}

/** Plans not yet agreed, by care group. */
export interface PipelineRow {
  readonly careGroup: string;
  readonly plans: number;
  readonly fullYear: Decimal;
  /** (Commitment + pipeline) ÷ budget: how far the budget would be committed if every plan were agreed. */
  readonly committedIfAgreed: Decimal | null;
}

export interface Commitment {
  readonly period: CommitmentPeriod;
  /** One row per care group given, then the other care groups, then all. */
  readonly rows: readonly CareGroupCommitment[];
  readonly pipeline: readonly PipelineRow[];
}

/** A budget per care group, as the Budgets table holds it; null when a row's budget is left blank. */
export interface BudgetRecord {
  readonly careGroup: string;
  readonly annualBudget: Decimal | null;
}

/** Each part's figure and their total. */
function parts<T>(of: (part: CommitmentPart) => T, total: (values: T[]) => T): Parts<T> {
  const values = COMMITMENT_PARTS.map(of);
  const byPart = Object.fromEntries(COMMITMENT_PARTS.map((part, at) => [part, values[at]]));
  return { ...(byPart as Record<CommitmentPart, T>), total: total(values) };
}

/** How far a plan's parts, each rounded to the penny, may be from its plan cost, also rounded. */
const ROUNDING = new Decimal("0.025");

const sum = (amounts: readonly Decimal[]) => amounts.reduce((total, amount) => total.plus(amount), ZERO);
const ratio = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.div(whole));

/** Which rows a care-group row covers. */
function grouping(careGroups: readonly string[]): { name: string; covers: (careGroup: string) => boolean }[] {
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
 * The plan's in-year commitment in one part: recurring cost by PB.IN_YEAR_COST's rule (rounded to the penny
 * per plan, as the spilled function gives it), and one-off items in full when the plan starts in the rest of
 * the year (a plan that started earlier has had its one-off items already).
 */
function inYearPart(plan: PlanRecord & { start: DateSerial }, part: CommitmentPart, period: CommitmentPeriod): Decimal {
  if (part === "One-off items") {
    const { from, to } = period.remaining;
    return plan.start >= from && plan.start <= to ? plan.oneOff : ZERO;
  }
  return inYearCost(plan.managed[part], plan.start, plan.end, period.remaining);
}

const dated = (plan: PlanRecord): plan is PlanRecord & { start: DateSerial } => plan.start !== null;

/** The in-year parts of these plans; while some plan of the table is undated, only the one-off items are known. */
function inYearOf(plans: readonly PlanRecord[], period: CommitmentPeriod, known: boolean): Parts<Decimal | null> {
  const figures = COMMITMENT_PARTS.map((part) =>
    known || part === "One-off items" ? sum(plans.filter(dated).map((plan) => inYearPart(plan, part, period))) : null,
  );
  const byPart = Object.fromEntries(COMMITMENT_PARTS.map((part, at) => [part, figures[at]]));
  return { ...(byPart as Record<CommitmentPart, Decimal | null>), total: known ? sum(figures as Decimal[]) : null };
}

/** Budgets by care-group row: the listed group's, the rest of the table's, or the whole table's; blanks add 0. */
function budgetFor(budgets: readonly BudgetRecord[], covers: (careGroup: string) => boolean): Decimal {
  return sum(budgets.filter((budget) => covers(budget.careGroup)).map((budget) => budget.annualBudget ?? ZERO));
}

/**
 * The commitment by care group at the as-at date. `careGroups` are the rows wanted (the sheet's); every other
 * care group goes in "Other care groups", and "All care groups" is every plan. The in-year recurring figures are
 * null when a plan has no start date or `inYearAvailable` is false (a row of Plans could not be read):
 * PB.IN_YEAR_COST over the Plans table then gives an error, so the sheet's figures show one.
 */
export function commitment(
  plans: readonly PlanRecord[],
  budgets: readonly BudgetRecord[],
  careGroups: readonly string[],
  period: CommitmentPeriod,
  inYearAvailable = true,
): Commitment {
  const counted = plans.filter((plan) => inForce(plan, period.asAt));
  const agreed = counted.filter(isAgreed);
  const pipeline = counted.filter(inPipeline);
  const datedPlans = inYearAvailable && plans.every(dated);
  const rows = grouping(careGroups).map(({ name, covers }): CareGroupCommitment => {
    const own = agreed.filter((plan) => covers(plan.careGroup));
    const amounts = (of: (plan: PlanRecord, part: CommitmentPart) => Decimal) =>
      parts((part) => sum(own.map((plan) => of(plan, part))), sum);
    const fullYear = amounts(partOf);
    const budget = budgetFor(budgets, covers);
    return {
      careGroup: name,
      people: parts(
        (part) => own.filter((plan) => partOf(plan, part).gt(0)).length,
        () => own.length,
      ),
      fullYear,
      inYear: inYearOf(own, period, datedPlans),
      budget,
      variance: budget.minus(fullYear.total),
      committed: ratio(fullYear.total, budget),
    };
  });
  const pipelineRows = grouping(careGroups).map(({ name, covers }, at): PipelineRow => {
    const own = pipeline.filter((plan) => covers(plan.careGroup));
    const fullYear = sum(own.map((plan) => plan.annual));
    return {
      careGroup: name,
      plans: own.length,
      fullYear,
      committedIfAgreed: ratio(rows[at].fullYear.total.plus(fullYear), rows[at].budget),
    };
  });
  return { period, rows, pipeline: pipelineRows };
}

/** What the figures leave aside or cannot work out, in words, for the pane to show beside them. */
export function commitmentNotes(plans: readonly PlanRecord[], period: CommitmentPeriod): string[] {
  const counted = plans.filter((plan) => inForce(plan, period.asAt));
  const notes: string[] = [];
  const others = counted.filter((plan) => !isAgreed(plan) && !inPipeline(plan));
  if (others.length > 0) {
    notes.push(
      `${listForMessage(others.map((plan) => `${plan.planId} (${plan.status || "no status"})`))} ` +
        `${others.length > 1 ? "have" : "has"} neither an Agreed nor a pipeline status, so ` +
        `${others.length > 1 ? "they are" : "it is"} in neither figure.`,
    );
  }
  // Each part and the plan cost are rounded to the penny on their own: up to 2p apart is rounding.
  const unbalanced = plans.filter((plan) =>
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

/** The medium-term assumptions for a care group: a year's growth in the number of people, and in prices. */
export interface ForecastAssumption {
  readonly growth: Decimal;
  readonly inflation: Decimal;
}

/** The forecast's rates for all care groups, and a care group's own where it has them. */
export interface ForecastAssumptions {
  readonly all: ForecastAssumption;
  /** By the care group's matchKey; a rate a care group does not have follows all care groups'. */
  readonly own: ReadonlyMap<string, Partial<ForecastAssumption>>;
}

/** A care group's rates (null: the care groups not listed, which follow all care groups'). */
export function assumptionFor(assumptions: ForecastAssumptions, careGroup: string | null): ForecastAssumption {
  const own = careGroup === null ? undefined : assumptions.own.get(matchKey(careGroup));
  return {
    growth: own?.growth ?? assumptions.all.growth,
    inflation: own?.inflation ?? assumptions.all.inflation,
  };
}

/** A change of more than half in a year, up or down, is surely a typing slip (2.5% typed as 25, or 0.025). */
export const FORECAST_RATE_LIMIT = new Decimal("0.5");

/**
 * Reads a forecast rate typed in percent, as the pane's boxes take it: "2", "2.5%" and "-1" are 2%, 2.5% and
 * −1% a year. At most two decimal places of a percent; within ±50%. Throws an EngineError naming the box.
 */
export function readForecastRate(typed: string, name: string): Decimal {
  const text = typed.trim().replace(/\s*%$/, "");
  const expected = `${name}: expected a percentage a year, such as 2.5 or -1`;
  if (text === "") throw invalid(`${name}: a percentage a year is needed, such as 2.5`);
  let percent: Decimal;
  try {
    percent = readCell(anyNumber, text, name);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw invalid(`${expected}; got ${describeCell(typed)}`);
  }
  if (percent.decimalPlaces() > 2) {
    throw invalid(`${name}: at most 2 decimal places of a percent (such as 2.25); got ${describeCell(typed)}`);
  }
  const rate = percent.div(100);
  if (rate.abs().gt(FORECAST_RATE_LIMIT)) {
    const limit = formatPercent(FORECAST_RATE_LIMIT);
    throw invalid(`${name}: from -${limit} to ${limit} a year; got ${describeCell(typed)}`);
  }
  return rate;
}

/** How many financial years after this one the forecast covers. */
export const FORECAST_YEARS = 3;

/**
 * The recurring commitment in each of the next years: this year's full-year recurring commitment, grown each
 * year by the growth in people and by price inflation, rounded to the penny once per year.
 */
export function forecast(recurring: Decimal, assumption: ForecastAssumption, years = FORECAST_YEARS): Decimal[] {
  const factor = ONE.plus(assumption.growth).times(ONE.plus(assumption.inflation));
  return Array.from({ length: years }, (_, at) => toPence(recurring.times(factor.pow(at + 1))));
}

/** The recurring part of a commitment row: every way of managing, one-off items left out. */
export function recurringOf(row: CareGroupCommitment): Decimal {
  return sum(MANAGED_AS.map((way) => row.fullYear[way]));
}

/** A line of a plan as PlanLines holds it. */
export interface LineRecord {
  readonly planId: string;
  readonly service: string;
  readonly managedAs: ManagedAs;
  /** The line's cost a year (a one-off item's in full), rounded to pence. */
  readonly annualCost: Decimal;
}

export interface ServiceSpend {
  readonly service: string;
  readonly total: Decimal;
  readonly managed: Readonly<Record<ManagedAs, Decimal>>;
  /** Of all Agreed plans' lines; null when they cost nothing. */
  readonly share: Decimal | null;
}

export const OTHER_SERVICES = "Other services";

/**
 * What people spend their budgets on: the lines of Agreed plans in force, by service, largest first (equal
 * totals in the order given), then every other service together.
 */
export function spendByService(
  lines: readonly LineRecord[],
  plans: readonly PlanRecord[],
  services: readonly string[],
  asAt: DateSerial,
): { services: ServiceSpend[]; other: ServiceSpend; total: Decimal } {
  const agreedIds = new Set(
    plans.filter((plan) => isAgreed(plan) && inForce(plan, asAt)).map((plan) => plan.planId.toLowerCase()),
  );
  const agreedLines = lines.filter((line) => agreedIds.has(line.planId.toLowerCase()));
  const total = sum(agreedLines.map((line) => line.annualCost));
  const spendOf = (service: string, covers: (line: LineRecord) => boolean): ServiceSpend => {
    const own = agreedLines.filter(covers);
    const managed = Object.fromEntries(
      MANAGED_AS.map((way) => [way, sum(own.filter((line) => line.managedAs === way).map((line) => line.annualCost))]),
    ) as Record<ManagedAs, Decimal>;
    const serviceTotal = sum(own.map((line) => line.annualCost));
    return { service, total: serviceTotal, managed, share: ratio(serviceTotal, total) };
  };
  const listed = services.map((service) => spendOf(service, (line) => sameText(line.service, service)));
  const other = spendOf(OTHER_SERVICES, (line) => !services.some((service) => sameText(line.service, service)));
  const ranked = listed
    .map((spend, at) => ({ spend, at }))
    .sort((a, b) => b.spend.total.comparedTo(a.spend.total) || a.at - b.at)
    .map(({ spend }) => spend);
  return { services: ranked, other, total };
}

/** A person of the cohort with their indicative budget, or null while it cannot be priced. */
export interface PersonIndicative {
  readonly careGroup: string;
  readonly indicative: Decimal | null;
}

export interface IndicativeAgainstPlanned {
  readonly careGroup: string;
  readonly people: number;
  /** People whose indicative budget cannot be worked out yet (an assessment in progress). */
  readonly notPriced: number;
  /** The cohort's indicative budgets: what the RAS commits the council to. */
  readonly cohortIndicative: Decimal;
  readonly agreedPlans: number;
  /** The indicative budgets of the people with Agreed plans, when the plans were saved. */
  readonly agreedIndicative: Decimal;
  /** What those plans cost a year, one-off items in full. */
  readonly agreedCost: Decimal;
  /** Plans' cost ÷ their indicative budgets − 1; null without indicative budgets. */
  readonly difference: Decimal | null;
}

/** The RAS's own commitment (the cohort's indicative budgets) beside what Agreed plans actually commit. */
export function indicativeAgainstPlanned(
  people: readonly PersonIndicative[],
  plans: readonly PlanRecord[],
  careGroups: readonly string[],
  asAt: DateSerial,
): IndicativeAgainstPlanned[] {
  const agreed = plans.filter((plan) => isAgreed(plan) && inForce(plan, asAt));
  return grouping(careGroups).map(({ name, covers }) => {
    const cohort = people.filter((person) => covers(person.careGroup));
    const priced = cohort.filter((person) => person.indicative !== null);
    const own = agreed.filter((plan) => covers(plan.careGroup));
    const agreedIndicative = sum(own.map((plan) => plan.indicativeAnnual));
    const agreedCost = sum(own.map((plan) => plan.annual));
    const difference = ratio(agreedCost, agreedIndicative);
    return {
      careGroup: name,
      people: cohort.length,
      notPriced: cohort.length - priced.length,
      cohortIndicative: sum(priced.map((person) => person.indicative!)),
      agreedPlans: own.length,
      agreedIndicative,
      agreedCost,
      difference: difference === null ? null : difference.minus(1),
    };
  });
}
