// Rules about a person's Agreed plans taken together: one Agreed plan per person at a time (two whose dates
// overlap would count the person's care twice in the commitment; which plans overlap is overlaps.ts's rule, the one
// the Finance view names them by), what agreeing a plan means for the person's earlier ones, and the lights of
// Agreed plans kept under the rules they were agreed under, with those whose light would now differ named for review.
import { matchKey } from "./cells";
import { AGREED } from "./commitment";
import { DateSerial, isoFromSerial } from "./dates";
import { Decimal, formatPercent, formatPounds } from "./decimal";
import { DatedPlan, plansOverlap } from "./overlaps";
import { formatDate } from "./supportPlan";
import { Tolerance, TrafficLight, trafficLight } from "./tolerance";

/** Whether a status (as typed in Plans: case and spaces ignored) is Agreed. */
const isAgreedStatus = (status: string): boolean => matchKey(status) === matchKey(AGREED);

/** Whether a plan runs on some known day: it has a start date and does not end before it (else Finance names it). */
const runsOnKnownDays = (plan: DatedPlan): boolean =>
  // Stryker disable next-line ConditionalExpression: equivalent; plansOverlap finds none for a plan without a start.
  plan.start !== null && (plan.end === null || plan.end >= plan.start);

/** What agreeing a plan means for the person's other Agreed plans whose dates overlap it. */
export interface AgreeingOverlaps {
  /** Plans that start before it: each can end the day before it starts (`endOn`). */
  readonly toEnd: readonly (DatedPlan & { readonly endOn: DateSerial })[];
  /** Plans that start on or after its start: ending them would not do; the dates must change. */
  readonly later: readonly DatedPlan[];
}

/**
 * The person's other Agreed plans that the plan about to be agreed would overlap (its start is known: the day it
 * is saved when not typed). Empty lists when it overlaps none. A plan with no start date, or ending before it starts,
 * runs on no known day, as overlaps.ts reads it: it is overlapped by nothing (the Finance view names it apart).
 */
export function agreeingOverlaps(
  plan: DatedPlan & { readonly start: DateSerial },
  others: readonly DatedPlan[],
): AgreeingOverlaps {
  const overlapping = others
    .filter(
      (other) =>
        isAgreedStatus(other.status) &&
        matchKey(other.personId) === matchKey(plan.personId) &&
        matchKey(other.planId) !== matchKey(plan.planId) &&
        runsOnKnownDays(other) &&
        plansOverlap(plan, other),
    )
    .sort((a, b) => a.start! - b.start! || a.planId.localeCompare(b.planId));
  return {
    toEnd: overlapping
      .filter((other) => other.start! < plan.start)
      .map((other) => ({ ...other, endOn: plan.start - 1 })),
    later: overlapping.filter((other) => other.start! >= plan.start),
  };
}

/** "from 1 Apr 2026, ongoing" or "1 Apr 2026 to 30 Sep 2026": when a plan runs, in words. */
export function whenPlanRuns(plan: Pick<DatedPlan, "start" | "end">): string {
  const day = (serial: DateSerial) => formatDate(isoFromSerial(serial));
  const from = plan.start === null ? "with no start date" : `from ${day(plan.start)}`;
  return plan.end === null ? `${from}, ongoing` : `${from} to ${day(plan.end)}`;
}

/** An Agreed plan as saved: its light, and the indicative budget and tolerance it was compared with then. */
export interface AgreedLight {
  readonly planId: string;
  readonly personId: string;
  readonly status: string;
  readonly end: DateSerial | null;
  /** The Traffic light cell as saved. */
  readonly light: string;
  /** Recurring a year plus one-off items, as the light compared. */
  readonly annual: Decimal;
  readonly indicativeAnnual: Decimal;
  /** The tolerance in force when it was saved; null when the row does not record it (saved before it was kept). */
  readonly tolerance: Tolerance | null;
}

/** An Agreed plan whose light would differ were it saved now, and why. */
export interface LightChange {
  readonly planId: string;
  readonly personId: string;
  readonly savedLight: string;
  readonly lightNow: TrafficLight;
  /** What changed since it was saved: the tolerance, the indicative budget, or both. */
  readonly why: string;
}

const toleranceText = (tolerance: Tolerance) =>
  `Green within ${formatPercent(tolerance.green)}, Amber within ${formatPercent(tolerance.amber)}`;
const sameTolerance = (a: Tolerance, b: Tolerance) => a.green.eq(b.green) && a.amber.eq(b.amber);

/**
 * The Agreed plans still in force at `asAt` whose light would differ if they were saved now, under today's tolerance
 * and each person's indicative budget now (`indicativeNow`: null when the person cannot be priced now, and such a
 * plan is left out and named in `unchecked`). A saved row is never changed: this only says which to review.
 */
export function lightsNowDiffering(
  plans: readonly AgreedLight[],
  indicativeNow: (personId: string) => Decimal | null,
  toleranceNow: Tolerance,
  asAt: DateSerial,
): { changed: LightChange[]; unchecked: { planId: string; why: string }[] } {
  const changed: LightChange[] = [];
  const unchecked: { planId: string; why: string }[] = [];
  for (const plan of plans) {
    if (!isAgreedStatus(plan.status) || (plan.end !== null && plan.end < asAt)) continue;
    const indicative = indicativeNow(plan.personId);
    if (indicative === null) {
      unchecked.push({ planId: plan.planId, why: `${plan.personId}'s indicative budget cannot be worked out now` });
      continue;
    }
    const lightNow = trafficLight(plan.annual, indicative, toleranceNow);
    if (matchKey(plan.light) === matchKey(lightNow)) continue;
    const reasons: string[] = [];
    if (plan.tolerance === null) reasons.push(`the tolerance is now ${toleranceText(toleranceNow)}`);
    else if (!sameTolerance(plan.tolerance, toleranceNow)) {
      reasons.push(`the tolerance is now ${toleranceText(toleranceNow)} (was ${toleranceText(plan.tolerance)})`);
    }
    if (!indicative.eq(plan.indicativeAnnual)) {
      reasons.push(
        `the indicative budget is now ${formatPounds(indicative)} (was ${formatPounds(plan.indicativeAnnual)})`,
      );
    }
    if (reasons.length === 0) reasons.push("the saved light does not match its figures");
    changed.push({
      planId: plan.planId,
      personId: plan.personId,
      savedLight: plan.light,
      lightNow,
      why: reasons.join("; "),
    });
  }
  return { changed, unchecked };
}

/** An Agreed plan whose light would change were a proposal's price points adopted. */
export interface ProposedLightChange {
  readonly planId: string;
  readonly personId: string;
  /** Its light under today's rules (the saved light, unless today's rules already give another). */
  readonly lightNow: TrafficLight;
  readonly lightProposed: TrafficLight;
}

const LIGHTS: readonly TrafficLight[] = ["Green", "Amber", "Red"];
/** A saved light the rule found equal to one it gives (ignoring case and spaces), named as the rule names it. */
const savedLight = (light: string): TrafficLight => LIGHTS.find((named) => matchKey(named) === matchKey(light))!;

/**
 * The Agreed plans still in force at `asAt` whose light under a proposal's price points (`indicativeProposed`) would
 * differ from their light under today's (`indicativeNow`), both under today's tolerance: Green → Amber, Amber → Red,
 * and back. Each side is lightsNowDiffering's rule, so a plan's light under either is the one the Support plan view
 * would give it; a plan either side cannot price is left out and named in `unchecked`, once.
 */
export function lightsUnderProposal(
  plans: readonly AgreedLight[],
  indicativeNow: (personId: string) => Decimal | null,
  indicativeProposed: (personId: string) => Decimal | null,
  toleranceNow: Tolerance,
  asAt: DateSerial,
): { changed: ProposedLightChange[]; unchecked: { planId: string; why: string }[] } {
  const today = lightsNowDiffering(plans, indicativeNow, toleranceNow, asAt);
  const proposed = lightsNowDiffering(plans, indicativeProposed, toleranceNow, asAt);
  const key = (plan: { planId: string; personId: string }) =>
    `${matchKey(plan.planId)}\u0000${matchKey(plan.personId)}`;
  const lightToday = new Map(today.changed.map((change) => [key(change), change.lightNow]));
  const lightProposed = new Map(proposed.changed.map((change) => [key(change), change.lightNow]));
  const unchecked = new Map([...today.unchecked, ...proposed.unchecked].map((plan) => [matchKey(plan.planId), plan]));
  const changed: ProposedLightChange[] = [];
  for (const plan of plans) {
    const at = key(plan);
    if (unchecked.has(matchKey(plan.planId))) continue;
    // Stryker disable next-line ConditionalExpression: equivalent; a plan neither side lists keeps its saved light.
    if (!lightToday.has(at) && !lightProposed.has(at)) continue;
    // Where a side did not list the plan, its light is the saved one (as typed: Green, GREEN…).
    const lightNow = lightToday.get(at) ?? savedLight(plan.light);
    const then = lightProposed.get(at) ?? savedLight(plan.light);
    if (matchKey(lightNow) !== matchKey(then)) {
      changed.push({ planId: plan.planId, personId: plan.personId, lightNow, lightProposed: then });
    }
  }
  return { changed, unchecked: [...unchecked.values()] };
}
