// What the commitment is spent on, and the RAS beside it (the Audit Commission's paragraphs 45–53): the lines of
// the plans in the commitment, by service; and the cohort's indicative budgets against what those plans commit.
import { CommitmentPeriod, distinctPeople, grouping, isCommitted, PlanRecord, sameText } from "./commitment";
import { Decimal, ZERO } from "./decimal";
import { MANAGED_AS, ManagedAs } from "./supportPlan";

const sum = (amounts: readonly Decimal[]) => amounts.reduce((total, amount) => total.plus(amount), ZERO);
const ratio = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.div(whole));

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
  /** Of all the committed plans' lines; null when they cost nothing. */
  readonly share: Decimal | null;
}

export const OTHER_SERVICES = "Other services";

/**
 * What people spend their budgets on: the lines of the plans in the commitment (isCommitted), by service, largest
 * first (equal totals in the order given), then every other service together.
 */
export function spendByService(
  lines: readonly LineRecord[],
  plans: readonly PlanRecord[],
  services: readonly string[],
  period: CommitmentPeriod,
): { services: ServiceSpend[]; other: ServiceSpend; total: Decimal } {
  const committedIds = new Set(
    plans.filter((plan) => isCommitted(plan, period)).map((plan) => plan.planId.toLowerCase()),
  );
  const committedLines = lines.filter((line) => committedIds.has(line.planId.toLowerCase()));
  const total = sum(committedLines.map((line) => line.annualCost));
  const spendOf = (service: string, covers: (line: LineRecord) => boolean): ServiceSpend => {
    const own = committedLines.filter(covers);
    const managed = Object.fromEntries(
      MANAGED_AS.map((way) => [way, sum(own.filter((line) => line.managedAs === way).map((line) => line.annualCost))]),
    ) as Record<ManagedAs, Decimal>;
    const serviceTotal = sum(own.map((line) => line.annualCost));
    return { service, total: serviceTotal, managed, share: ratio(serviceTotal, total) };
  };
  const listed = services.map((service) => spendOf(service, (line) => sameText(line.service, service)));
  const other = spendOf(OTHER_SERVICES, (line) => !services.some((service) => sameText(line.service, service)));
  // Array sort is stable: services with equal totals keep the order given (commitmentBoundaries.test.ts).
  const ranked = [...listed].sort((a, b) => b.total.comparedTo(a.total));
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
  /** People with plans in the commitment, each counted once. */
  readonly agreedPeople: number;
  /** The indicative budgets those plans were saved with. */
  readonly agreedIndicative: Decimal;
  /** What those plans cost a year, one-off items in full. */
  readonly agreedCost: Decimal;
  /** Plans' cost ÷ their indicative budgets − 1; null without indicative budgets. */
  readonly difference: Decimal | null;
}

/** The RAS's own commitment (the cohort's indicative budgets) beside what the committed plans actually commit. */
export function indicativeAgainstPlanned(
  people: readonly PersonIndicative[],
  plans: readonly PlanRecord[],
  careGroups: readonly string[],
  period: CommitmentPeriod,
): IndicativeAgainstPlanned[] {
  const committed = plans.filter((plan) => isCommitted(plan, period));
  return grouping(careGroups).map(({ name, covers }) => {
    const cohort = people.filter((person) => covers(person.careGroup));
    const priced = cohort.filter((person) => person.indicative !== null);
    const own = committed.filter((plan) => covers(plan.careGroup));
    const agreedIndicative = sum(own.map((plan) => plan.indicativeAnnual));
    const agreedCost = sum(own.map((plan) => plan.annual));
    const difference = ratio(agreedCost, agreedIndicative);
    return {
      careGroup: name,
      people: cohort.length,
      notPriced: cohort.length - priced.length,
      cohortIndicative: sum(priced.map((person) => person.indicative!)),
      agreedPeople: distinctPeople(own),
      agreedIndicative,
      agreedCost,
      difference: difference === null ? null : difference.minus(1),
    };
  });
}
