// Agreed plans whose traffic light would differ were they saved today: the tolerance or the price points (or the
// person's assessment) have changed since they were agreed. A saved row is never changed by itself; this names the
// plans for a manager to review, in the Support plan view and the Finance view.
import {
  budgetPricer,
  Decimal,
  EngineError,
  LightChange,
  lightsNowDiffering,
  lightsUnderProposal,
  PriceTable,
  ProposedLightChange,
  serialFromIso,
} from "../../engine";
import { Workbook } from "../port";
import { personPoints, PlanBook, readPlanBook } from "./book";

/** What the review finds: the plans whose light would differ, with whose they are, and what could not be checked. */
export interface LightReview {
  readonly changed: readonly (LightChange & { readonly name: string })[];
  /** Agreed plans left out of the check, each saying why. */
  readonly unchecked: readonly string[];
  /** Set while the workbook's tolerance cannot be used: nothing can be checked. */
  readonly problem: string | null;
}

/**
 * Each person's indicative budget under a price table, as assess() gives it (annual, marginal, to the penny) from the
 * compiled price plan's integers, without the derivation in words: a council's thousands of Agreed plans are checked
 * in milliseconds. Null for a person not in People or who cannot be priced.
 */
function indicativeUnder(book: PlanBook, table: PriceTable): (personId: string) => Decimal | null {
  const people = new Map(book.people.map((person) => [person.id.toLowerCase(), person]));
  const price = budgetPricer(table, { period: "annual", method: "marginal" });
  return (personId) => {
    const person = people.get(personId.toLowerCase());
    if (!person) return null;
    try {
      // Points as a number, as Excel passes the People column to PB.INDICATIVE_BUDGET.
      return new Decimal(price(personPoints(book, person).toNumber(), person.careGroup, null));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return null;
    }
  };
}

const nameOf = (book: PlanBook) => {
  const people = new Map(book.people.map((person) => [person.id.toLowerCase(), person.name]));
  return (personId: string) => people.get(personId.toLowerCase()) ?? "";
};

/** The review of a workbook already read, at a day (ISO): plans ended before it are left out. */
export function lightReview(book: PlanBook, asAt: string): LightReview {
  const tolerance = book.tolerance.tolerance;
  if (!tolerance) return { changed: [], unchecked: [], problem: book.tolerance.problem };
  const name = nameOf(book);
  const indicativeNow = indicativeUnder(book, book.priceTable);
  const found = lightsNowDiffering(book.agreed.plans, indicativeNow, tolerance, serialFromIso(asAt));
  return {
    changed: found.changed.map((change) => ({
      ...change,
      name: name(change.personId),
    })),
    unchecked: [
      ...book.agreed.unread.map((why) => `${why}.`),
      ...found.unchecked.map(({ planId, why }) => `${planId}: ${why}.`),
    ],
    problem: null,
  };
}

/** What a proposal would do to Agreed plans' lights, with whose each plan is. */
export interface ProposalLightReview {
  readonly changed: readonly (ProposedLightChange & { readonly name: string })[];
  /** Agreed plans left out of the check, each saying why. */
  readonly unchecked: readonly string[];
  /** Set while the workbook's tolerance cannot be used: nothing can be checked. */
  readonly problem: string | null;
}

/**
 * The Agreed plans in force at a day (ISO) whose light a proposal's price points would change, under today's
 * tolerance: the rule of lightReview (lightsNowDiffering), run with today's price points and with the proposal's.
 */
export function proposalLightReview(book: PlanBook, proposed: PriceTable, asAt: string): ProposalLightReview {
  const tolerance = book.tolerance.tolerance;
  if (!tolerance) return { changed: [], unchecked: [], problem: book.tolerance.problem };
  const name = nameOf(book);
  const found = lightsUnderProposal(
    book.agreed.plans,
    indicativeUnder(book, book.priceTable),
    indicativeUnder(book, proposed),
    tolerance,
    serialFromIso(asAt),
  );
  return {
    changed: found.changed.map((change) => ({ ...change, name: name(change.personId) })),
    unchecked: [
      ...book.agreed.unread.map((why) => `${why}.`),
      ...found.unchecked.map(({ planId, why }) => `${planId}: ${why}.`),
    ],
    problem: null,
  };
}

/** Reads the workbook and reviews its Agreed plans' lights at a day (ISO): the Finance view's reader. */
export async function readLightReview(workbook: Workbook, asAt: string): Promise<LightReview> {
  return lightReview(await readPlanBook(workbook), asAt);
}
