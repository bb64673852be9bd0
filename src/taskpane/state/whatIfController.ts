// The what-if view's work with the workbook: each operation reads or writes through the Workbook port and ends in
// one action. Errors reach the user as the support-plan view's do (noticeOf): a problem with the workbook as its own
// message, anything unexpected as "Something went wrong", and the pane stays as it was.
import { Workbook } from "../../workbook/port";
import { createProposedTable, readWhatIfBook, writeWhatIfSheet } from "../../workbook/reports/whatIfBook";
import { WorkbookProblem } from "../../workbook/schema/rows";
import { noticeOf } from "./planController";
import { deriveWhatIf, WhatIfAction, WhatIfState } from "./whatIf";

export interface WhatIfController {
  /** Reads People and the price tables (when the view opens, and on Refresh). */
  load(): Promise<void>;
  /** Creates ProposedPricePoints from the change the user chose. */
  create(state: WhatIfState): Promise<void>;
  /** Writes the What-if sheet of live formulas. */
  writeSheet(state: WhatIfState): Promise<void>;
}

export function whatIfController(workbook: Workbook, dispatch: (action: WhatIfAction) => void): WhatIfController {
  async function run(label: string, title: string, work: () => Promise<WhatIfAction>, reading = false) {
    dispatch({ type: "workStarted", label });
    try {
      dispatch(await work());
    } catch (error) {
      const message = noticeOf(error, title);
      dispatch(reading ? { type: "readFailed", message } : { type: "workFailed", message });
    }
  }

  return {
    load: () =>
      run(
        "Reading the workbook",
        "The what-if needs the workbook's tables",
        async () => ({ type: "loaded", book: await readWhatIfBook(workbook) }),
        true,
      ),

    create: (state) =>
      run("Creating the proposal", "The proposal was not created", async () => {
        const view = deriveWhatIf(state);
        if (!state.book || !view?.proposal) throw new WorkbookProblem(view?.problem?.text ?? "Choose a change first.");
        const made = await createProposedTable(workbook, state.book, view.proposal);
        return {
          type: "proposalCreated",
          made,
          book: await readWhatIfBook(workbook),
          changed: view.proposal.changed.length,
        };
      }),

    writeSheet: (state) =>
      run("Writing the What-if sheet", "The What-if sheet was not written", async () => {
        if (!state.book) throw new WorkbookProblem("The workbook has not been read yet: Refresh.");
        // Read again first: a proposal edited since it was read may no longer be readable.
        const book = await readWhatIfBook(workbook);
        if (book.proposedProblem !== null) {
          const text = `${book.proposedProblem} Put it right in the workbook and Refresh; nothing was written.`;
          return {
            type: "loaded",
            book,
            message: { intent: "warning", title: "The What-if sheet was not written", text },
          };
        }
        const made = await writeWhatIfSheet(workbook, book);
        return { type: "sheetWritten", made, book: await readWhatIfBook(workbook) };
      }),
  };
}
