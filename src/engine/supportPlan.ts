import { anyNumber, Cell, describeCell, isBlank, label, matchKey, readCell, readChoice } from "./cells";
import { Decimal, formatPercent, formatPounds, formatQuantity, ONE, toPence, ZERO } from "./decimal";
import { EngineError, invalid } from "./errors";
import { addMonths, calendarDate, isoFromSerial, serialFromIso } from "./dates";
import { inPeriod } from "./periods";
import { annualCost, Frequency, PlanLine, readFrequency, staffProblem } from "./plan";
import { Tolerance, TOLERANCE_LIMIT, TOO_WIDE, TrafficLight, trafficLight } from "./tolerance";

/** How the money for a line is managed; each has its own finance consequences. */
export type ManagedAs = "Direct payment" | "Council-managed" | "Individual Service Fund";
export const MANAGED_AS: readonly ManagedAs[] = ["Direct payment", "Council-managed", "Individual Service Fund"];

const MANAGED_AS_SPELLINGS: ReadonlyMap<string, ManagedAs> = new Map([
  ["direct payment", "Direct payment"],
  ["dp", "Direct payment"],
  ["council-managed", "Council-managed"],
  ["council managed", "Council-managed"],
  ["managed by the council", "Council-managed"],
  ["individual service fund", "Individual Service Fund"],
  ["isf", "Individual Service Fund"],
]);

export function readManagedAs(cell: Cell, where: string): ManagedAs {
  return readChoice(MANAGED_AS_SPELLINGS, cell, where);
}

export type PlanStatus = "Draft" | "Agreed" | "Needs manager review";
export const PLAN_STATUSES: readonly PlanStatus[] = ["Draft", "Agreed", "Needs manager review"];

/** A support-plan line as the pane and the PlanLines table hold it. */
export interface SupportPlanLine extends PlanLine {
  readonly service: string;
  readonly unit: string;
  readonly managedAs: ManagedAs;
}

/** A line's fields as typed or read from a row, before they are checked. */
export interface LineFields {
  readonly service: Cell;
  readonly quantity: Cell;
  readonly unit: Cell;
  readonly unitCost: Cell;
  readonly frequency: Cell;
  readonly managedAs: Cell;
  /** How many staff at once; absent or blank: 1. */
  readonly staff?: Cell;
}

export type LineField = keyof LineFields;
export type LineProblems = Partial<Record<LineField, string>>;

// Limits of a line. Beyond them a figure is a typing slip, not a plan; each message says why, and never
// quotes the figure, so 1e20 and 99999999999999999999 are told the same thing.

/** The most of anything one line may hold, whatever its unit. */
export const QUANTITY_LIMIT = new Decimal(1_000_000);
/** The most one unit may cost. */
export const UNIT_COST_LIMIT = new Decimal(1_000_000);
/**
 * Quantities and unit costs are kept to two decimal places, so what the workbook holds (an Excel number)
 * is exactly what the plan was costed on, and reopening a plan never changes a figure.
 */
export const LINE_DECIMAL_PLACES = 2;

type Measure = "days" | "months";

/** Units of time: one is `size` days (or months) over `per`, kept as whole numbers so limits are exact. */
const TIME_UNITS: ReadonlyMap<
  string,
  { readonly plural: string; readonly measure: Measure; readonly size: number; readonly per: number }
> = new Map([
  ["minute", { plural: "minutes", measure: "days" as const, size: 1, per: 1440 }],
  ["hour", { plural: "hours", measure: "days" as const, size: 1, per: 24 }],
  ["day", { plural: "days", measure: "days" as const, size: 1, per: 1 }],
  ["night", { plural: "nights", measure: "days" as const, size: 1, per: 1 }],
  ["week", { plural: "weeks", measure: "days" as const, size: 7, per: 1 }],
  ["fortnight", { plural: "fortnights", measure: "days" as const, size: 14, per: 1 }],
  ["month", { plural: "months", measure: "months" as const, size: 1, per: 1 }],
  ["year", { plural: "years", measure: "months" as const, size: 12, per: 1 }],
]);
const UNIT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ...[...TIME_UNITS].flatMap(([unit, { plural }]) => [[unit, unit] as const, [plural, unit] as const]),
  ["min", "minute"],
  ["mins", "minute"],
  ["hr", "hour"],
  ["hrs", "hour"],
]);

/** The most of each measure a period holds: a week 7 days, a month 31 days, a year 366 days or 12 months. */
const PERIOD_HOLDS: Readonly<Record<Exclude<Frequency, "once">, Record<Measure, Decimal>>> = {
  week: { days: new Decimal(7), months: new Decimal(7).div(28) },
  month: { days: new Decimal(31), months: new Decimal(1) },
  year: { days: new Decimal(366), months: new Decimal(12) },
};

/**
 * The most units of time a line paid so often can hold, or undefined when its unit is not a unit of time (or is
 * not given: a blank unit has its own message).
 */
export function timeLimit(unit: string | undefined, frequency: Frequency): { limit: Decimal; why: string } | undefined {
  const name = UNIT_SPELLINGS.get(matchKey(unit).replace(/^(?:a|an|one|1|per)\s+/, ""));
  // Stryker disable next-line ConditionalExpression: equivalent; TIME_UNITS.get(undefined) is undefined too.
  const time = name === undefined ? undefined : TIME_UNITS.get(name);
  if (!time || frequency === "once") return undefined;
  const limit = PERIOD_HOLDS[frequency][time.measure]
    .times(time.per)
    .div(time.size)
    .toDecimalPlaces(LINE_DECIMAL_PLACES, Decimal.ROUND_DOWN);
  return { limit, why: `a ${frequency} holds at most ${formatQuantity(limit)} ${limit.eq(1) ? name : time.plural}` };
}

/** A number as typed or as a cell holds it, including 1e20-style notation, so a huge one meets its limit. */
function typedNumber(cell: Cell, what: string, expected: string): Decimal {
  if (typeof cell === "string" && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)e[+-]?\d+\s*$/i.test(cell)) {
    return new Decimal(cell.trim());
  }
  const parsed = anyNumber.safeParse(cell);
  if (!parsed.success) throw invalid(`${what}: ${expected}; got ${describeCell(cell)}`);
  return parsed.data;
}

/** A quantity for a line: 0 or more, to two decimal places, at most what its unit and frequency allow. */
function lineQuantity(cell: Cell, unit: string | undefined, frequency: Frequency | undefined): Decimal {
  const expected = "expected a quantity, 0 or more";
  const value = typedNumber(cell, "Quantity", expected);
  if (value.isNegative()) throw invalid(`Quantity: ${expected}; got ${describeCell(cell)}`);
  if (value.gt(QUANTITY_LIMIT)) {
    throw invalid(`Quantity: at most ${formatQuantity(QUANTITY_LIMIT)}; a larger figure is surely a typing slip`);
  }
  if (value.decimalPlaces() > LINE_DECIMAL_PLACES) {
    throw invalid(`Quantity: at most ${LINE_DECIMAL_PLACES} decimal places (such as 2.25); got ${describeCell(cell)}`);
  }
  const time = frequency === undefined ? undefined : timeLimit(unit, frequency);
  if (time && value.gt(time.limit)) {
    throw invalid(
      `Quantity: ${time.why} of one member of staff's time; check the quantity, unit and frequency, ` +
        "and for two or more staff at once set Staff at once",
    );
  }
  return value;
}

/** Staff at once for a line: blank is 1; otherwise a whole number from 1 to the limit. */
function lineStaff(cell: Cell): Decimal {
  if (isBlank(cell)) return ONE;
  const value = typedNumber(cell, "Staff at once", "expected a whole number of staff at once");
  const problem = staffProblem(value);
  if (problem) throw invalid(`Staff at once: ${problem}; got ${describeCell(cell)}`);
  return value;
}

/** A unit cost: pounds and pence, 0 or more, at most the unit-cost limit. */
function lineUnitCost(cell: Cell): Decimal {
  const expected = "expected an amount in £, 0 or more";
  const value = typedNumber(cell, "Unit cost", expected);
  if (value.isNegative()) throw invalid(`Unit cost: ${expected}; got ${describeCell(cell)}`);
  if (value.gt(UNIT_COST_LIMIT)) {
    throw invalid(
      `Unit cost: at most ${formatPounds(UNIT_COST_LIMIT)} a unit; a larger figure is surely a typing slip`,
    );
  }
  if (value.decimalPlaces() > LINE_DECIMAL_PLACES) {
    throw invalid(`Unit cost: pounds and pence only (at most 2 decimal places); got ${describeCell(cell)}`);
  }
  return value;
}

/** A line checked: the line when every field is right, each wrong field's message, and notes worth a look. */
export interface CheckedLine {
  readonly line: SupportPlanLine | null;
  readonly problems: LineProblems;
  /** Allowed but worth a second look, such as a quantity of 0. */
  readonly notes: LineProblems;
}

/** Checks every field of a line, so each field can show its own message. */
export function checkLine(fields: LineFields): CheckedLine {
  const problems: LineProblems = {};
  const read = <T>(field: LineField, what: string, parse: () => T): T | undefined => {
    if (isBlank(fields[field])) {
      problems[field] = `${what} is needed`;
      return undefined;
    }
    try {
      return parse();
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; each field's reader throws only EngineErrors
      // (a number in 1e2 notation is given to Decimal only once its pattern is checked), so only a defect is thrown on.
      if (!(error instanceof EngineError)) throw error;
      problems[field] = error.message;
      return undefined;
    }
  };
  const service = read("service", "A service", () => label(fields.service));
  const unit = read("unit", "A unit (hour, day, week, item…)", () => label(fields.unit));
  const frequency = read("frequency", "A frequency", () => readFrequency(fields.frequency, "Frequency"));
  const quantity = read("quantity", "A quantity", () => lineQuantity(fields.quantity, unit, frequency));
  const unitCost = read("unitCost", "A unit cost", () => lineUnitCost(fields.unitCost));
  const managedAs = read("managedAs", "How it is managed", () => readManagedAs(fields.managedAs, "How it is managed"));
  let staff: Decimal | undefined;
  try {
    staff = lineStaff(fields.staff);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; lineStaff throws only EngineErrors, as above.
    if (!(error instanceof EngineError)) throw error;
    problems.staff = error.message;
  }
  const notes: LineProblems = {};
  if (quantity?.isZero()) notes.quantity = "Quantity is 0: this line costs nothing";
  if (unitCost?.isZero()) notes.unitCost = "Unit cost is £0: this line costs nothing";
  if (
    service === undefined ||
    unit === undefined ||
    quantity === undefined ||
    unitCost === undefined ||
    frequency === undefined ||
    managedAs === undefined ||
    staff === undefined
  ) {
    return { line: null, problems, notes };
  }
  return { line: { service, unit, quantity, unitCost, frequency, managedAs, staff }, problems, notes };
}

/** A line's annual cost as PlanLines holds it: exact, rounded to pence once. */
export function lineAnnualCost(line: PlanLine, weeksInYear: Decimal): Decimal {
  return toPence(annualCost(line, weeksInYear));
}

/** Recurring cost a year and one-off cost, kept apart. */
export interface CostSplit {
  readonly recurringAnnual: Decimal;
  readonly oneOff: Decimal;
}

export interface PlanTotals {
  /** Recurring a year plus one-off items in full: what PB.PLAN_COST gives, and what the light compares. */
  readonly annual: Decimal;
  /** The annual figure ÷ the weeks in a year, as PB.PLAN_COST(lines, "weekly", weeksInYear). */
  readonly weekly: Decimal;
  /** The weeks in a year the plan was costed with: a weekly line costs this many times a year. */
  readonly weeksInYear: Decimal;
  readonly recurringAnnual: Decimal;
  readonly oneOff: Decimal;
  readonly byManagement: Readonly<Record<ManagedAs, CostSplit>>;
}

function split(lines: readonly SupportPlanLine[], weeksInYear: Decimal): CostSplit {
  const cost = (frequency: (f: Frequency) => boolean) =>
    lines
      .filter((line) => frequency(line.frequency))
      .reduce((sum, line) => sum.plus(annualCost(line, weeksInYear)), ZERO);
  return { recurringAnnual: cost((f) => f !== "once"), oneOff: cost((f) => f === "once") };
}

/** Exact totals of a plan, split by how each line is managed, one-off items apart. */
export function planTotals(lines: readonly SupportPlanLine[], weeksInYear: Decimal): PlanTotals {
  const all = split(lines, weeksInYear);
  const annual = all.recurringAnnual.plus(all.oneOff);
  const byManagement = Object.fromEntries(
    MANAGED_AS.map((managedAs) => [
      managedAs,
      split(
        lines.filter((line) => line.managedAs === managedAs),
        weeksInYear,
      ),
    ]),
  ) as Record<ManagedAs, CostSplit>;
  return { ...all, annual, weekly: inPeriod(annual, "weekly", weeksInYear), weeksInYear, byManagement };
}

export interface PlanAgainstBudget {
  readonly light: TrafficLight;
  /** (plan − indicative) ÷ indicative; undefined when the indicative amount is 0. */
  readonly deviation: Decimal | undefined;
  /** The deviation in words ("35.4% below the indicative budget"), never reading as another light's. */
  readonly difference: string;
  readonly meaning: string;
}

/** The light a deviation of this size (a fraction, 0 or more) gets: inclusive limits, as trafficLight. */
function lightOfDeviation(size: Decimal, tolerance: Tolerance): TrafficLight {
  if (size.lte(tolerance.green)) return "Green";
  return size.lte(tolerance.amber) ? "Amber" : "Red";
}

/** Decimal places of a percentage the pane shows at most; beyond them a figure on a limit says "just over". */
const MOST_PERCENT_PLACES = 4;

/**
 * The size of a deviation in percent, with as many decimal places (one, up to four) as it takes for the figure
 * shown to fall on the same side of each limit as the light: £6,820.01 against £6,200 is Amber, 10.0002% above,
 * never "10%". Closer still to a limit than four places show, it is "just over 10%".
 */
export function deviationPercent(deviation: Decimal, light: TrafficLight, tolerance: Tolerance): string {
  const size = deviation.abs();
  for (let places = 1; places <= MOST_PERCENT_PLACES; places++) {
    const shown = size.toDecimalPlaces(places + 2);
    if (lightOfDeviation(shown, tolerance) === light) return formatPercent(shown);
  }
  // A deviation a hair beyond a limit rounds back onto it; one on a limit of many decimal places may round past it.
  if (light === "Green") return `at most ${formatPercent(tolerance.green)}`;
  return `just over ${formatPercent(light === "Red" ? tolerance.amber : tolerance.green)}`;
}

const MEANINGS: Readonly<Record<TrafficLight, string>> = {
  Green: "Within tolerance: the plan can go ahead.",
  Amber: "Outside the green tolerance: check the plan and record why it differs.",
  Red: "Beyond tolerance: manager discussion required before the plan is agreed.",
};

/** The plan's annual cost against the annual indicative budget, with what the light means. */
export function planAgainstBudget(
  annualPlanCost: Decimal,
  indicativeAnnual: Decimal,
  tolerance: Tolerance,
): PlanAgainstBudget {
  const light = trafficLight(annualPlanCost, indicativeAnnual, tolerance);
  const deviation = indicativeAnnual.isZero()
    ? undefined
    : annualPlanCost.minus(indicativeAnnual).div(indicativeAnnual);
  const difference =
    deviation === undefined
      ? "the indicative budget is £0"
      : deviation.isZero()
        ? "exactly the indicative budget"
        : `${deviationPercent(deviation, light, tolerance)} ${deviation.isNegative() ? "below" : "above"} ` +
          "the indicative budget";
  return { light, deviation, difference, meaning: MEANINGS[light] };
}

/** A plan priced against a person's indicative budget. */
export interface CostedPlan {
  readonly totals: PlanTotals;
  /** Null until the plan has a line: an empty new plan is not yet Red, it is not yet anything. */
  readonly againstBudget: PlanAgainstBudget | null;
}

export function costPlan(
  lines: readonly SupportPlanLine[],
  indicativeAnnual: Decimal | null,
  tolerance: Tolerance,
  weeksInYear: Decimal,
): CostedPlan {
  const totals = planTotals(lines, weeksInYear);
  const againstBudget =
    lines.length === 0 || indicativeAnnual === null
      ? null
      : planAgainstBudget(totals.annual, indicativeAnnual, tolerance);
  return { totals, againstBudget };
}

/** The figures a saved plan records, each rounded to pence once from the exact totals. */
export interface PlanFigures {
  readonly indicativeAnnual: Decimal;
  readonly annual: Decimal;
  readonly weekly: Decimal;
  readonly oneOff: Decimal;
  /**
   * Recurring cost a year by how it is managed, one-off items apart (in oneOff), so the ways of managing and the
   * one-off items add up to the annual cost: what the Finance sheet's commitment and in-year figures read.
   */
  readonly byManagement: Readonly<Record<ManagedAs, Decimal>>;
  readonly light: TrafficLight;
}

export function planFigures(
  lines: readonly SupportPlanLine[],
  indicativeAnnual: Decimal,
  tolerance: Tolerance,
  weeksInYear: Decimal,
): PlanFigures {
  const totals = planTotals(lines, weeksInYear);
  const byManagement = Object.fromEntries(
    MANAGED_AS.map((managedAs) => [managedAs, toPence(totals.byManagement[managedAs].recurringAnnual)]),
  ) as Record<ManagedAs, Decimal>;
  return {
    indicativeAnnual: toPence(indicativeAnnual),
    annual: toPence(totals.annual),
    weekly: toPence(totals.weekly),
    oneOff: toPence(totals.oneOff),
    byManagement,
    light: trafficLight(totals.annual, indicativeAnnual, tolerance),
  };
}

// Governance (Coventry's tolerance and the report's risk panels): how far a plan may be agreed depends on
// its light. These are the only places the rules are written; the pane asks them which fields are needed.

/** Why a reason must be given for this status and light, or null when it may be left blank. */
export function reasonRequired(status: PlanStatus, light: TrafficLight | null): string | null {
  if (status === "Needs manager review") return "Say why the plan needs manager review.";
  if (status === "Agreed" && (light === "Amber" || light === "Red")) {
    const plan = light === "Amber" ? "An Amber plan" : "A Red plan";
    return `${plan} can be agreed only with a reason: say why it differs from the indicative budget.`;
  }
  return null;
}

/**
 * Why a manager must sign the plan off for this status and light, or null when no sign-off is needed: a Red plan
 * agreed, and a plan saved as needing manager review that is now agreed (`savedStatus`: as the workbook holds it).
 */
export function signOffRequired(
  status: PlanStatus,
  light: TrafficLight | null,
  savedStatus: PlanStatus | null = null,
): string | null {
  if (status !== "Agreed") return null;
  if (light === "Red") return "A Red plan can be agreed only with a manager's sign-off: enter the manager's name.";
  if (savedStatus === "Needs manager review") {
    return "A plan that needed manager review can be agreed only with a manager's sign-off: enter the manager's name.";
  }
  return null;
}

/**
 * Whether two names are the same person's, as typed: case and spaces ignored ("Sam Reid", "samreid "). Case is
 * folded through the capitals, so a letter whose capital is two ("ß", "SS") or that is written two ways as a capital
 * (the Ångström sign) still matches: "JO STRAUSS" is "Jo Strauß".
 */
export function samePerson(a: string, b: string): boolean {
  const key = (name: string) => name.replace(/\s/g, "").toUpperCase().toLowerCase();
  return key(a) === key(b);
}

/** The sign-off a plan was last saved with: who, and on what day (ISO; null when not recorded). */
export interface SavedSignOff {
  readonly signedOffBy: string;
  readonly signedOffOn: string | null;
}

/**
 * What the Plans table records of the decision: the reason as given, and the sign-off of an Agreed plan with the
 * day it was given: the saved day while the sign-off is the one saved, else `today` (ISO).
 */
export function decisionRecord(
  plan: { status: PlanStatus; reason: string; signedOffBy: string },
  saved: SavedSignOff | null = null,
  today: string | null = null,
): { reason: string; signedOffBy: string; signedOffOn: string | null } {
  const signedOffBy = plan.status === "Agreed" ? plan.signedOffBy.trim() : "";
  const kept = saved !== null && samePerson(saved.signedOffBy, signedOffBy);
  const signedOffOn = signedOffBy === "" ? null : kept ? (saved.signedOffOn ?? today) : today;
  return { reason: plan.reason.trim(), signedOffBy, signedOffOn };
}

/** A field of a plan that can stop it being saved. */
export type PlanField = "lines" | "reason" | "signedOffBy" | "updatedBy";

export interface PlanProblem {
  readonly field: PlanField;
  readonly message: string;
}

/** A plan as it is about to be saved, with its light (null before it can be priced). */
export interface PlanForSaving {
  readonly lines: readonly unknown[];
  readonly status: PlanStatus;
  readonly reason: string;
  readonly signedOffBy: string;
  readonly updatedBy: string;
  readonly light: TrafficLight | null;
  /** The status and sign-off the plan was last saved with; null (or absent) for a plan not yet saved. */
  readonly saved?: { readonly status: PlanStatus; readonly signedOffBy: string } | null;
}

/** Why a plan cannot be saved yet, in plain words and by field; empty when it can. */
export function planProblems(plan: PlanForSaving): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.lines.length === 0) problems.push({ field: "lines", message: "Add at least one line to the plan." });
  const reason = reasonRequired(plan.status, plan.light);
  if (reason && plan.reason.trim() === "") problems.push({ field: "reason", message: reason });
  const signOff = signOffRequired(plan.status, plan.light, plan.saved?.status ?? null);
  const signedOffBy = plan.signedOffBy.trim();
  if (signOff && signedOffBy === "") problems.push({ field: "signedOffBy", message: signOff });
  // A sign-off is someone else's: given now to an Agreed plan (not the one already saved) by the person saving,
  // it is refused. A Draft records no sign-off, so a name left in the box is no one's.
  const newSignOff =
    plan.status === "Agreed" && signedOffBy !== "" && !(plan.saved && samePerson(plan.saved.signedOffBy, signedOffBy));
  if (newSignOff && samePerson(signedOffBy, plan.updatedBy)) {
    problems.push({
      field: "signedOffBy",
      message:
        `A plan is signed off by a manager other than the person saving it (${plan.updatedBy.trim()}): ` +
        "enter the manager's name.",
    });
  }
  if (plan.updatedBy.trim() === "") {
    problems.push({ field: "updatedBy", message: "Enter your name, so colleagues know who last changed the plan." });
  }
  return problems;
}

// When a plan runs (issue 10): a start date (by default the day the plan is first saved), an end date
// (blank: ongoing) and a review date (by default 12 months after the start), as ISO dates.

export type DateField = "startDate" | "endDate" | "reviewDate";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 Apr 2026", as the Plans table's date format shows it. */
export function formatDate(iso: string): string {
  const { year, month, day } = calendarDate(serialFromIso(iso));
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The dates a plan is saved with, defaults filled in; or each date's problem. `today` is an ISO date. */
export function planDates(
  dates: Readonly<Record<DateField, string | null>>,
  today: string,
):
  | { dates: Record<DateField, string | null> & { startDate: string; reviewDate: string } }
  | { problems: Partial<Record<DateField, string>> } {
  const problems: Partial<Record<DateField, string>> = {};
  const names: Record<DateField, string> = { startDate: "Start date", endDate: "End date", reviewDate: "Review date" };
  const serial = (field: DateField): number | null => {
    const value = dates[field];
    if (value === null || value.trim() === "") return null;
    try {
      return serialFromIso(value);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; serialFromIso throws only EngineErrors.
      if (!(error instanceof EngineError)) throw error;
      problems[field] = `${names[field]}: expected a date such as 2026-04-01; got "${value}"`;
      return null;
    }
  };
  const start = serial("startDate") ?? serialFromIso(today);
  const end = serial("endDate");
  const review = serial("reviewDate") ?? addMonths(start, 12);
  const startText = formatDate(isoFromSerial(start));
  if (end !== null && end < start) problems.endDate = `The end date must not be before the start date (${startText})`;
  if (review < start) problems.reviewDate = `The review date must not be before the start date (${startText})`;
  if (Object.keys(problems).length > 0) return { problems };
  return {
    dates: {
      startDate: isoFromSerial(start),
      endDate: end === null ? null : isoFromSerial(end),
      reviewDate: isoFromSerial(review),
    },
  };
}

// The workbook's tolerance as policy officers set it: in percentages, so "10" is 10% (never 1,000%).

export type ToleranceField = "green" | "amber";

/** What is wrong with a pair of limits (fractions of the indicative budget), by field; empty when right. */
export function toleranceProblems(green: Decimal, amber: Decimal): Partial<Record<ToleranceField, string>> {
  const problems: Partial<Record<ToleranceField, string>> = {};
  const check = (field: ToleranceField, name: string, value: Decimal) => {
    if (value.isNegative()) problems[field] = `${name}: expected a percentage, 0% or more`;
    else if (value.gt(TOLERANCE_LIMIT)) problems[field] = `${name}: ${TOO_WIDE}`;
  };
  check("green", "Green", green);
  check("amber", "Amber", amber);
  if (!problems.green && !problems.amber && green.gt(amber)) {
    problems.amber =
      `Amber must not be below green (${formatPercent(green)}): ` + "a plan is Green up to green, Amber up to amber";
  }
  return problems;
}

/**
 * Reads the limits typed in the pane's percentage boxes: "10", "10%" and "10 %" are all 10%, since the
 * box is in percent. Gives the tolerance to save, or each box's problem.
 */
export function readTolerancePercentages(
  typed: Readonly<Record<ToleranceField, string>>,
): { tolerance: Tolerance } | { problems: Partial<Record<ToleranceField, string>> } {
  const problems: Partial<Record<ToleranceField, string>> = {};
  const read = (field: ToleranceField, name: string): Decimal | undefined => {
    const text = typed[field].trim().replace(/\s*%$/, "");
    if (text === "") {
      problems[field] = `${name}: a percentage is needed`;
      return undefined;
    }
    try {
      return readCell(anyNumber, text, name).div(100);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; readCell throws only EngineErrors.
      if (!(error instanceof EngineError)) throw error;
      problems[field] = `${name}: expected a percentage, such as 10 or 10%; got ${describeCell(typed[field])}`;
      return undefined;
    }
  };
  const green = read("green", "Green");
  const amber = read("amber", "Amber");
  if (green === undefined || amber === undefined) return { problems };
  const found = toleranceProblems(green, amber);
  return Object.keys(found).length > 0 ? { problems: found } : { tolerance: { green, amber } };
}
