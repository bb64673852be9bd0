// Agreed plans whose traffic light would differ were they saved today: the tolerance or the price points (or the
// person's assessment) have changed since they were agreed. A saved row is never changed by itself; this names the
// plans for a manager to review, in the Support plan view and the Finance view.
import { Decimal, LightChange, lightsNowDiffering, serialFromIso } from "../../engine";
import { Workbook } from "../port";
import { assess, PlanBook, readPlanBook } from "./book";

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
  const budgets = new Map<string, Decimal | null>();
  const indicativeNow = (personId: string): Decimal | null => {
    const key = personId.toLowerCase();
    if (!budgets.has(key)) {
      const person = people.get(key);
      const assessment = person ? assess(book, person) : null;
      budgets.set(key, assessment && !("problem" in assessment) ? assessment.budget.result : null);
    }
    return budgets.get(key)!;
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
