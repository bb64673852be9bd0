// The RAS review's work with the workbook: each operation reads or writes through the Workbook port and ends in one
// action. Errors reach the user as the other views' do (noticeOf): a problem with the workbook as its own message,
// anything unexpected as "Something went wrong", and the pane stays as it was.
import { Workbook } from "../../workbook/port";
import { proposeFittedPricePoints, readReviewBook, writeReviewSheet } from "../../workbook/reports/reviewBook";
import { WorkbookProblem } from "../../workbook/schema/rows";
import { noticeOf } from "./planController";
import { deriveReview, ReviewAction, ReviewState } from "./review";

export interface ReviewController {
  /** Reads Plans, People and the price points (when the view opens, and on Refresh). */
  load(): Promise<void>;
  /** Creates ProposedPricePoints from the fitted table, through the What-if's own machinery. */
  propose(state: ReviewState): Promise<void>;
  /** Writes the Review sheet of live formulas. */
  writeSheet(state: ReviewState): Promise<void>;
}

export function reviewController(workbook: Workbook, dispatch: (action: ReviewAction) => void): ReviewController {
  async function run(label: string, title: string, work: () => Promise<ReviewAction>) {
    dispatch({ type: "workStarted", label });
    try {
      dispatch(await work());
    } catch (error) {
      dispatch({ type: "workFailed", message: noticeOf(error, title) });
    }
  }

  return {
    load: () =>
      run("Reading the workbook", "The RAS review needs the workbook's tables", async () => ({
        type: "loaded",
        book: await readReviewBook(workbook),
      })),

    propose: (state) =>
      run("Proposing the fitted table", "The fitted table was not proposed", async () => {
        const view = deriveReview(state);
        const fitted = view?.summary.fitted;
        if (!view?.canPropose || !fitted) throw new WorkbookProblem(view?.cannotPropose ?? "Refresh first.");
        const made = await proposeFittedPricePoints(workbook, fitted);
        return {
          type: "fittedProposed",
          made,
          book: await readReviewBook(workbook),
          changed: fitted.proposal.changed.length,
          kept: fitted.kept.length,
        };
      }),

    writeSheet: (state) =>
      run("Writing the Review sheet", "The Review sheet was not written", async () => {
        if (!state.book) throw new WorkbookProblem("The workbook has not been read yet: Refresh.");
        const made = await writeReviewSheet(workbook, state.book);
        return { type: "sheetWritten", made, book: await readReviewBook(workbook) };
      }),
  };
}
