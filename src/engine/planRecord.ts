// What a plan's history and its reviews need from its lines and dates: a line in words, which lines a save added,
// removed and changed, and which plans are due a review by a day.
import { Decimal, formatPounds, formatQuantity } from "./decimal";
import { serialFromIso } from "./dates";
import { SupportPlanLine } from "./supportPlan";

const HOW_OFTEN: Readonly<Record<SupportPlanLine["frequency"], string>> = {
  week: "a week",
  month: "a month",
  year: "a year",
  once: "once",
};

/** A unit as many of it: "hours" for a one-word unit such as "hour"; other units ("hour (night)") as written. */
const unitsOf = (unit: string, quantity: Decimal) =>
  quantity.eq(1) || !/^[a-z]+$/i.test(unit) || /s$/i.test(unit) ? unit : `${unit}s`;

/** "10 hours a week", "1 item once", "2 hours a week, 2 staff at once": how much of a service, how often. */
export function lineInWords(line: Pick<SupportPlanLine, "quantity" | "unit" | "frequency" | "staff">): string {
  const staff = line.staff && !line.staff.eq(1) ? `, ${formatQuantity(line.staff)} staff at once` : "";
  return `${formatQuantity(line.quantity)} ${unitsOf(line.unit, line.quantity)} ${HOW_OFTEN[line.frequency]}${staff}`;
}

/** A line as the history records it: "Home care: 10 hours a week at £28.50 (Council-managed)". */
export function lineRecord(line: SupportPlanLine): string {
  return `${line.service}: ${lineInWords(line)} at ${formatPounds(line.unitCost)} (${line.managedAs})`;
}

/** A line as it was before a save: its Line number in PlanLines, and the line (or its cells in words). */
export interface LineBefore {
  readonly line: number | null;
  /** The line read and checked; a row that cannot be read is compared by its text. */
  readonly record: string;
}

/** A line as sent to be saved: the Line number it came from (null: new), and the line. */
export interface LineSent {
  readonly savedLine: number | null;
  readonly line: SupportPlanLine;
}

/** Which lines a save added, removed and changed, each in words. */
export interface LineChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/**
 * The lines a save added (new lines), removed (rows of the plan no line was sent back to) and changed (a line sent
 * back to its row with something different), matching lines by Line number first come, first served, as the save
 * writes them back.
 */
export function lineChanges(before: readonly LineBefore[], sent: readonly LineSent[]): LineChanges {
  const free = new Map<number | null, LineBefore[]>();
  for (const row of before) free.set(row.line, [...(free.get(row.line) ?? []), row]);
  const added: string[] = [];
  const changed: string[] = [];
  for (const { savedLine, line } of sent) {
    const was = savedLine === null ? undefined : free.get(savedLine)?.shift();
    const now = lineRecord(line);
    if (!was) added.push(now);
    else if (was.record !== now) changed.push(`${was.record} → ${now}`);
  }
  const removed = [...free.values()].flat().map((row) => row.record);
  return { added, removed, changed };
}

/** A saved plan as the reviews-due list needs it. */
export interface PlanToReview {
  readonly planId: string;
  readonly name: string;
  readonly status: string;
  readonly light: string;
  /** ISO dates; null when the plan has none. */
  readonly reviewDate: string | null;
  readonly endDate: string | null;
}

/** A plan due a review, with how many days until it is due (below 0: overdue by that many). */
export type ReviewDue<P extends PlanToReview = PlanToReview> = P & {
  readonly reviewDate: string;
  readonly days: number;
};

/**
 * The plans whose review date has passed or falls within `days` days of `today` (ISO), soonest first (the most
 * overdue at the top; a tie by plan ID). A plan that ended before today needs no review; one without a review date is
 * not listed.
 */
export function reviewsDue<P extends PlanToReview>(plans: readonly P[], today: string, days: number): ReviewDue<P>[] {
  const now = serialFromIso(today);
  return plans
    .flatMap((plan) => {
      if (plan.reviewDate === null) return [];
      if (plan.endDate !== null && serialFromIso(plan.endDate) < now) return [];
      const until = serialFromIso(plan.reviewDate) - now;
      return until <= days ? [{ ...plan, reviewDate: plan.reviewDate, days: until }] : [];
    })
    .sort((a, b) => a.days - b.days || a.planId.localeCompare(b.planId));
}

/** "overdue by 3 days", "due today", "due in 1 day". */
export function reviewWhen(days: number): string {
  const count = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  if (days < 0) return `overdue by ${count(-days)}`;
  return days === 0 ? "due today" : `due in ${count(days)}`;
}
