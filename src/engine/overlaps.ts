// One Agreed plan per person at a time: which Agreed plans of one person run on some of the same days. The pane
// never saves two such plans; a workbook may still hold them (typed by hand), and the Finance view names them,
// since each is counted in the commitment while the person is counted once.
import { DateSerial } from "./dates";
import { AGREED } from "./commitment";

/** What the rule needs of a plan; a plan with no start date, or ending before it starts, runs on no known day. */
export interface DatedPlan {
  readonly planId: string;
  readonly personId: string;
  readonly status: string;
  readonly start: DateSerial | null;
  /** null: ongoing. */
  readonly end: DateSerial | null;
}

/** A person's Agreed plans that overlap: each shares a day with another of them. In order of start. */
export interface OverlappingPlans<T extends DatedPlan = DatedPlan> {
  readonly personId: string;
  readonly plans: readonly T[];
}

/** Whether two plans share a day: each starts on or before the other's last day (an ongoing plan has none). */
export function plansOverlap(a: DatedPlan, b: DatedPlan): boolean {
  if (a.start === null || b.start === null) return false;
  return (b.end === null || a.start <= b.end) && (a.end === null || b.start <= a.end);
}

/**
 * Every person's Agreed plans whose dates overlap, in groups: plans that overlap one another, or overlap a plan
 * that does (A with B, B with C). People in the order of their first plan given; Person IDs and statuses compared
 * ignoring case.
 */
export function overlappingAgreedPlans<T extends DatedPlan>(plans: readonly T[]): OverlappingPlans<T>[] {
  const dated = plans.filter(
    (plan) =>
      plan.status.toLowerCase() === AGREED.toLowerCase() &&
      plan.start !== null &&
      (plan.end === null || plan.end >= plan.start),
  );
  const byPerson = new Map<string, T[]>();
  for (const plan of dated) {
    const key = plan.personId.trim().toLowerCase();
    byPerson.set(key, [...(byPerson.get(key) ?? []), plan]);
  }
  const found: OverlappingPlans<T>[] = [];
  for (const own of byPerson.values()) {
    const sorted = [...own].sort((a, b) => a.start! - b.start!);
    let group: T[] = [];
    let reach: DateSerial | null = Number.NEGATIVE_INFINITY; // the last day the group runs to; null: ongoing
    for (const plan of sorted) {
      const joins = group.length > 0 && (reach === null || plan.start! <= reach);
      if (!joins) {
        if (group.length > 1) found.push({ personId: group[0].personId, plans: group });
        group = [];
        reach = Number.NEGATIVE_INFINITY;
      }
      group.push(plan);
      reach = reach === null || plan.end === null ? null : Math.max(reach, plan.end);
    }
    if (group.length > 1) found.push({ personId: group[0].personId, plans: group });
  }
  return found;
}
