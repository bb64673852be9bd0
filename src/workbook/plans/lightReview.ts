// Agreed plans whose traffic light would differ were they saved today: the tolerance or the price points (or the
// person's assessment) have changed since they were agreed. A saved row is never changed by itself; this names the
// plans for a manager to review, in the Support plan view and the Finance view.
import { budgetPricer, Decimal, EngineError, LightChange, lightsNowDiffering, serialFromIso } from "../../engine";
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

/** The review of a workbook already read, at a day (ISO): plans ended before it are left out. */
export function lightReview(book: PlanBook, asAt: string): LightReview {
  const tolerance = book.tolerance.tolerance;
  if (!tolerance) return { changed: [], unchecked: [], problem: book.tolerance.problem };
  const people = new Map(book.people.map((person) => [person.id.toLowerCase(), person]));
  // The budget as assess() gives it (annual, marginal, to the penny) from the compiled price plan's integers,
  // without the derivation in words: a council's thousands of Agreed plans are checked in milliseconds.
  const price = budgetPricer(book.priceTable, { period: "annual", method: "marginal" });
  const indicativeNow = (personId: string): Decimal | null => {
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
  const found = lightsNowDiffering(book.agreed.plans, indicativeNow, tolerance, serialFromIso(asAt));
  return {
    changed: found.changed.map((change) => ({
      ...change,
      name: people.get(change.personId.toLowerCase())?.name ?? "",
    })),
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
