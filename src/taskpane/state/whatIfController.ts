// The what-if view's work with the workbook: each operation reads or writes through the Workbook port and ends in
// one action. A problem with the workbook is shown as its own message; anything unexpected as "Something went
// wrong", and the pane stays as it was.
import { EngineError } from "../../engine";
import { Workbook, WorkbookRefusal } from "../../workbook/port";
import { createProposedTable, readWhatIfBook, writeWhatIfSheet } from "../../workbook/reports/whatIfBook";
import { WorkbookProblem } from "../../workbook/schema/rows";
import { deriveWhatIf, Notice, WhatIfAction, WhatIfState } from "./whatIf";

export interface WhatIfController {
  /** Reads People and the price tables (when the view opens, and on Refresh). */
  load(): Promise<void>;
  /** Creates ProposedPricePoints from the change the user chose. */
  create(state: WhatIfState): Promise<void>;
  /** Writes the What-if sheet of live formulas. */
  writeSheet(state: WhatIfState): Promise<void>;
}

/** How an error is told to the user: what the workbook needs, or plainly that something went wrong. */
export function noticeOf(error: unknown, title: string): Notice {
  if (error instanceof WorkbookProblem || error instanceof WorkbookRefusal || error instanceof EngineError) {
    return { intent: "warning", title, text: error.message };
  }
  console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    intent: "error",
    title: "Something went wrong",
    text: `${message}. Nothing more was changed; try again, or Refresh.`,
  };
}

export function whatIfController(workbook: Workbook, dispatch: (action: WhatIfAction) => void): WhatIfController {
  async function run(label: string, title: string, work: () => Promise<WhatIfAction>) {
    dispatch({ type: "workStarted", label });
    try {
      dispatch(await work());
    } catch (error) {
      dispatch({ type: "workFailed", message: noticeOf(error, title) });
    }
  }

  return {
    load: () =>
      run("Reading the workbook", "The what-if needs the workbook's tables", async () => ({
        type: "loaded",
        book: await readWhatIfBook(workbook),
      })),

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
        const made = await writeWhatIfSheet(workbook, state.book);
        return { type: "sheetWritten", made, book: await readWhatIfBook(workbook) };
      }),
  };
}
