import { Cell, isBlank, label, moneyAmount, quantity, readCell, readChoice } from "./cells";
import { Decimal, ZERO } from "./decimal";
import { EngineError } from "./errors";
import { inPeriod } from "./periods";
import { annualCost, Frequency, PlanLine, readFrequency } from "./plan";
import { Tolerance, TrafficLight, trafficLight } from "./tolerance";

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
}

export type LineProblems = Partial<Record<keyof LineFields, string>>;

/** Checks every field of a line, so each field can show its own message. */
export function checkLine(fields: LineFields): { line: SupportPlanLine } | { problems: LineProblems } {
  const problems: LineProblems = {};
  const read = <T>(field: keyof LineFields, what: string, parse: () => T): T | undefined => {
    if (isBlank(fields[field])) {
      problems[field] = `${what} is needed`;
      return undefined;
    }
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems[field] = error.message;
      return undefined;
    }
  };
  const service = read("service", "A service", () => label(fields.service));
  const unit = read("unit", "A unit (hour, day, week, item…)", () => label(fields.unit));
  const lineQuantity = read("quantity", "A quantity", () => readCell(quantity, fields.quantity, "Quantity"));
  const unitCost = read("unitCost", "A unit cost", () => readCell(moneyAmount, fields.unitCost, "Unit cost"));
  const frequency = read("frequency", "A frequency", () => readFrequency(fields.frequency, "Frequency"));
  const managedAs = read("managedAs", "How it is managed", () => readManagedAs(fields.managedAs, "How it is managed"));
  if (
    service === undefined ||
    unit === undefined ||
    lineQuantity === undefined ||
    unitCost === undefined ||
    frequency === undefined ||
    managedAs === undefined
  ) {
    return { problems };
  }
  return { line: { service, unit, quantity: lineQuantity, unitCost, frequency, managedAs } };
}

/** Recurring cost a year and one-off cost, kept apart. */
export interface CostSplit {
  readonly recurringAnnual: Decimal;
  readonly oneOff: Decimal;
}

export interface PlanTotals {
  /** Recurring a year plus one-off items in full: what PB.PLAN_COST gives, and what the light compares. */
  readonly annual: Decimal;
  /** The annual figure ÷ 52, as PB.PLAN_COST(lines, "weekly"). */
  readonly weekly: Decimal;
  readonly recurringAnnual: Decimal;
  readonly oneOff: Decimal;
  readonly byManagement: Readonly<Record<ManagedAs, CostSplit>>;
}

function split(lines: readonly SupportPlanLine[]): CostSplit {
  const cost = (frequency: (f: Frequency) => boolean) =>
    lines.filter((line) => frequency(line.frequency)).reduce((sum, line) => sum.plus(annualCost(line)), ZERO);
  return { recurringAnnual: cost((f) => f !== "once"), oneOff: cost((f) => f === "once") };
}

/** Exact totals of a plan, split by how each line is managed, one-off items apart. */
export function planTotals(lines: readonly SupportPlanLine[]): PlanTotals {
  const all = split(lines);
  const annual = all.recurringAnnual.plus(all.oneOff);
  const byManagement = Object.fromEntries(
    MANAGED_AS.map((managedAs) => [managedAs, split(lines.filter((line) => line.managedAs === managedAs))]),
  ) as Record<ManagedAs, CostSplit>;
  return { ...all, annual, weekly: inPeriod(annual, "weekly"), byManagement };
}

export interface PlanAgainstBudget {
  readonly light: TrafficLight;
  /** (plan − indicative) ÷ indicative; undefined when the indicative amount is 0. */
  readonly deviation: Decimal | undefined;
  readonly meaning: string;
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
  return { light, deviation, meaning: MEANINGS[light] };
}

/** Why a plan cannot be saved yet, in plain words; empty when it can. */
export function planProblems(plan: {
  lines: readonly unknown[];
  status: PlanStatus;
  reason: string;
  updatedBy: string;
}): string[] {
  const problems: string[] = [];
  if (plan.lines.length === 0) problems.push("Add at least one line to the plan.");
  if (plan.status === "Needs manager review" && plan.reason.trim() === "") {
    problems.push("Say why the plan needs manager review.");
  }
  if (plan.updatedBy.trim() === "") problems.push("Enter your name, so colleagues know who last changed the plan.");
  return problems;
}
