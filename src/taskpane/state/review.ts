// The RAS review as a state machine: one reducer, named actions, no effects (the workbook work is in
// reviewController.ts). What the pane shows — the fit of the current price points, the fitted table and what it
// gains — is derived from the state by the engine (reviewSummary), with the same rules as the Review sheet's
// PB.RAS_FIT and PB.CALIBRATE. Nothing is typed in this view, so it never has unsaved work.
import { Made, PriceTableInBook } from "../../workbook/reports/whatIfBook";
import { ReviewBook, reviewSummary, ReviewSummary } from "../../workbook/reports/reviewBook";
import { Notice } from "./planEditor";

export interface ReviewState {
  /** The workbook as last read; null until it has been read (or when it cannot be). */
  readonly book: ReviewBook | null;
  /** Work under way, said in words. */
  readonly busy: string | null;
  /** About the workbook as a whole: missing tables, a failure. */
  readonly message: Notice | null;
  /** What the pane last made, said once it is done. */
  readonly made: Notice | null;
  /** The proposal the pane has just made from the fitted table, so the view can lead to the What-if. */
  readonly proposed: Made | null;
}

export type ReviewAction =
  | { readonly type: "workStarted"; readonly label: string }
  | { readonly type: "loaded"; readonly book: ReviewBook }
  | { readonly type: "workFailed"; readonly message: Notice }
  | {
      readonly type: "fittedProposed";
      readonly book: ReviewBook;
      readonly made: Made;
      readonly changed: number;
      readonly kept: number;
    }
  | { readonly type: "sheetWritten"; readonly book: ReviewBook; readonly made: Made };

export const initialReview: ReviewState = {
  book: null,
  busy: "Reading the workbook",
  message: null,
  made: null,
  proposed: null,
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, made: null, proposed: null };
    case "loaded":
      return { ...state, book: action.book, busy: null, message: null };
    case "workFailed":
      return { ...state, busy: null, message: action.message };
    case "fittedProposed": {
      const { table, sheet } = action.made;
      const kept = action.kept === 0 ? "" : ", keeping the current rates where the evidence cannot fit them";
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        proposed: action.made,
        made: {
          intent: "success",
          title: `Created ${table}`,
          text:
            `${table} is on the sheet ${sheet}: the current price points with ` +
            `${plural(action.changed, "rate")} fitted to the Agreed plans${kept}. The Price what-if now compares it ` +
            "with the current price points, person by person.",
        },
      };
    }
    case "sheetWritten":
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        made: {
          intent: "success",
          title: `Wrote the sheet ${action.made.sheet}`,
          text:
            "The evidence, the fit by care group and by points band, the fitted table beside the current one and " +
            "the equity between care groups, as live formulas: agree a plan or edit a price and they recalculate, " +
            "with or without this pane open.",
        },
      };
  }
}

/** What the view shows, derived from the state by the engine. */
export interface ReviewView {
  readonly summary: ReviewSummary;
  readonly current: PriceTableInBook;
  /** The fitted table can be proposed: there is one and it changes something. */
  readonly canPropose: boolean;
  /** Why it cannot, when it cannot; null when it can. */
  readonly cannotPropose: string | null;
}

export function deriveReview(state: ReviewState): ReviewView | null {
  const { book } = state;
  if (!book) return null;
  const summary = reviewSummary(book);
  const cannotPropose =
    summary.fitted === null
      ? "There is no fitted table to propose: it needs Agreed plans and price points in bands."
      : summary.fitted.proposal.changed.length === 0
        ? "The fitted table is the current one: there is nothing to propose."
        : null;
  return { summary, current: book.current, canPropose: cannotPropose === null, cannotPropose };
}
