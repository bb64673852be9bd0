// The what-if view's work with the workbook: each operation reads or writes through the Workbook port and ends in
// one action. Errors reach the user as the support-plan view's do (noticeOf): a problem with the workbook as its own
// message, anything unexpected as "Something went wrong", and the pane stays as it was.
import { Workbook } from "../../workbook/port";
import { readScenarioBook, ScenarioBook, writeCommitteePack } from "../../workbook/reports/scenarioBook";
import { createProposedTable, ProposalInBook, writeWhatIfSheet } from "../../workbook/reports/whatIfBook";
import { WorkbookProblem } from "../../workbook/schema/rows";
import { noticeOf } from "./planController";
import { WhatIfAction, WhatIfState } from "./whatIf";
import { deriveWhatIf } from "./whatIfDerived";

export interface WhatIfController {
  /** Reads People, the price tables and the proposals, and the Agreed plans (when the view opens, and on Refresh). */
  load(): Promise<void>;
  /** Creates a proposal's table from the change the user chose, under the name given. */
  create(state: WhatIfState): Promise<void>;
  /** Writes the What-if sheet of live formulas for the proposal shown, with the cap on losses. */
  writeSheet(state: WhatIfState): Promise<void>;
  /** Writes the Committee pack for the proposal shown, with the cap on losses, laid out to print on A4. */
  writePack(state: WhatIfState): Promise<void>;
}

/** Today as an ISO date, in the pane's own time zone. */
const localToday = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

export function whatIfController(
  workbook: Workbook,
  dispatch: (action: WhatIfAction) => void,
  today: () => string = localToday,
): WhatIfController {
  async function run(label: string, title: string, work: () => Promise<WhatIfAction>, reading = false) {
    dispatch({ type: "workStarted", label });
    try {
      dispatch(await work());
    } catch (error) {
      const message = noticeOf(error, title);
      dispatch(reading ? { type: "readFailed", message } : { type: "workFailed", message });
    }
  }

  /** The workbook read again, with the proposal shown as it is now (it may have been edited or deleted since). */
  async function shownAgain(state: WhatIfState): Promise<{ book: ScenarioBook; proposal: ProposalInBook }> {
    const view = deriveWhatIf(state);
    if (!view?.shown) throw new WorkbookProblem("Choose a proposal in the workbook first.");
    if (view.capProblem) throw new WorkbookProblem(`The cap on losses: ${view.capProblem.text}`);
    const book = await readScenarioBook(workbook);
    const proposal = book.whatIf.proposals.find((candidate) => candidate.table === view.shown!.table);
    if (!proposal) {
      throw new WorkbookProblem(`The workbook no longer has ${view.shown.table}: Refresh. Nothing was written.`);
    }
    return { book, proposal };
  }

  /** A sheet not written because the proposal cannot be read now: the figures withdrawn, and why. */
  const unreadable = (book: ScenarioBook, proposal: ProposalInBook, title: string): WhatIfAction => ({
    type: "loaded",
    book,
    asAt: today(),
    message: {
      intent: "warning",
      title,
      text: `${proposal.problem} Put it right in the workbook and Refresh; nothing was written.`,
    },
  });

  return {
    load: () =>
      run(
        "Reading the workbook",
        "The what-if needs the workbook's tables",
        async () => ({ type: "loaded", book: await readScenarioBook(workbook), asAt: today() }),
        true,
      ),

    create: (state) =>
      run("Creating the proposal", "The proposal was not created", async () => {
        const view = deriveWhatIf(state);
        if (!state.book || !view?.proposal) throw new WorkbookProblem(view?.problem?.text ?? "Choose a change first.");
        if (view.name.problem) throw new WorkbookProblem(view.name.problem);
        const name = state.form.name.trim();
        const made = await createProposedTable(workbook, state.book.whatIf, view.proposal, name === "" ? null : name);
        return {
          type: "proposalCreated",
          made,
          book: await readScenarioBook(workbook),
          changed: view.proposal.changed.length,
        };
      }),

    writeSheet: (state) =>
      run("Writing the What-if sheet", "The What-if sheet was not written", async () => {
        const { book, proposal } = await shownAgain(state);
        if (proposal.problem !== null) return unreadable(book, proposal, "The What-if sheet was not written");
        const made = await writeWhatIfSheet(workbook, book.whatIf, proposal, deriveWhatIf(state)?.cap ?? null);
        return { type: "sheetWritten", made, book: await readScenarioBook(workbook) };
      }),

    writePack: (state) =>
      run("Writing the Committee pack", "The Committee pack was not written", async () => {
        const { book, proposal } = await shownAgain(state);
        if (proposal.problem !== null) return unreadable(book, proposal, "The Committee pack was not written");
        const made = await writeCommitteePack(workbook, book, proposal, deriveWhatIf(state)?.cap ?? null);
        return { type: "packWritten", made, book: await readScenarioBook(workbook) };
      }),
  };
}
