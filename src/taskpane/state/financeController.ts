// The Finance view's work with the workbook: each operation reads or writes through the Workbook port and ends
// in one action. Errors reach the user as the plan editor's do (noticeOf).
import { Workbook } from "../../workbook/port";
import { readFinanceBook, writeFinanceSheet } from "../../workbook/reports/financeBook";
import { canWrite, FinanceAction, FinanceState, financeSummary } from "./finance";
import { noticeOf } from "./planController";

export interface FinanceController {
  /** Reads the tables the figures come from (when the view opens, and on Refresh). */
  read(): Promise<void>;
  /**
   * Writes the Finance sheet at the state's dates (a blank year as 1 April's) and rates (and the Budgets table when
   * missing), then reads again. Does nothing while the state cannot be written (canWrite).
   */
  write(state: FinanceState): Promise<void>;
}

export function financeController(workbook: Workbook, dispatch: (action: FinanceAction) => void): FinanceController {
  return {
    async read() {
      dispatch({ type: "readStarted" });
      try {
        dispatch({ type: "read", book: await readFinanceBook(workbook) });
      } catch (error) {
        dispatch({ type: "readFailed", message: noticeOf(error, "The workbook needs attention") });
      }
    },
    async write(state) {
      const summary = financeSummary(state);
      if (!state.book || !summary.assumptions || !summary.dates || !canWrite(state, summary)) return;
      dispatch({ type: "writeStarted" });
      try {
        const written = await writeFinanceSheet(workbook, state.book, summary.dates, summary.assumptions);
        dispatch({ type: "written", written, book: await readFinanceBook(workbook) });
      } catch (error) {
        dispatch({ type: "writeFailed", message: noticeOf(error, "The Finance sheet was not written") });
      }
    },
  };
}
