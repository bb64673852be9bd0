// What the price what-if view shows, derived from its state by the engine before anything is written: the workbook's
// proposals measured side by side, the one shown (or the one being made, as the form describes it), the cap on
// losses with its cost, and the Agreed plans whose light would change.
import {
  changeToConfirm,
  CONFIRM_CHANGE_BEYOND,
  EngineError,
  formatPercent,
  formatPounds,
  LossCap,
  Proposal,
  proposalBands,
  proposalCareGroups,
  proposePriceTable,
  RasFit,
} from "../../engine";
import { nameTaken } from "../../workbook/port";
import { proposalNameProblem, proposalSheet, proposalTable } from "../../workbook/reports/proposals";
import { currentFit, measureScenario, Scenario, workbookScenarios } from "../../workbook/reports/scenarioBook";
import { ProposalInBook, WhatIfSummary } from "../../workbook/reports/whatIfBook";
import { PROPOSED_PRICE_POINTS } from "../../workbook/schema/tables";
import { capOf, changeOf, FieldProblem, NEW_PROPOSAL, WhatIfState } from "./whatIf";

/** What the new proposal will be called, and whether the name typed can be used. */
export interface NewProposalName {
  /** A name of its own is needed: ProposedPricePoints is taken (by a proposal, or a defined name). */
  readonly required: boolean;
  /** The table and sheet it would be made as; null while the name cannot be used. */
  readonly table: string | null;
  readonly sheet: string | null;
  /** Why the name typed cannot be used; null when it can. */
  readonly problem: string | null;
}

/** What the view shows, derived from the state by the engine. */
export interface WhatIfView {
  /** The care groups and bands to choose from (none for a table with one column, or a category table). */
  readonly careGroups: readonly string[];
  readonly bands: readonly string[];
  /** The workbook's proposals, ProposedPricePoints first. */
  readonly proposals: readonly ProposalInBook[];
  /** The workbook's proposal the view shows; null while it shows the one being made. */
  readonly shown: ProposalInBook | null;
  readonly name: NewProposalName;
  /** The proposal the form describes, as it would be created; null when it is refused (or one is shown instead). */
  readonly proposal: Proposal | null;
  /** Why the form's change cannot be made: a field that cannot be read, or a change the table cannot take. */
  readonly problem: FieldProblem | { readonly field: null; readonly text: string; readonly missing: false } | null;
  /** The form's change moves a rate beyond ±50%: it is made only once confirmed (form.confirmed). */
  readonly largeChange: string | null;
  /** The proposal shown (or being made), measured; null when it cannot be (unreadable, or a change refused). */
  readonly scenario: Scenario | null;
  /** Current against proposed for it: scenario.summary. */
  readonly summary: WhatIfSummary | null;
  /** Every readable proposal in the workbook measured alike, side by side. */
  readonly scenarios: readonly Scenario[];
  /** The cap on losses (null for none, or while it cannot be read), and why it cannot be read. */
  readonly cap: LossCap | null;
  readonly capProblem: FieldProblem | null;
  /** The current price points' fit against Agreed plans; null without Agreed plans to read. */
  readonly currentFit: RasFit | null;
}

/** What a rate's change beyond ±50% does, said to the user: which rate, from and to, by how much. */
function largeChangeText(proposal: Proposal): string | null {
  const large = changeToConfirm(proposal);
  if (!large) return null;
  const { cell, fraction } = large;
  const by = fraction === null ? "" : ` (${fraction.gt(0) ? "+" : ""}${formatPercent(fraction.toDecimalPlaces(4))})`;
  return (
    `This changes ${cell.careGroup ? `${cell.careGroup}, ` : ""}${cell.band} from ${formatPounds(cell.from)} to ` +
    `${formatPounds(cell.to)}${by}: more than ${formatPercent(CONFIRM_CHANGE_BEYOND)} up or down.`
  );
}

/** The workbook's proposals measured (what the side-by-side needs): derived from the book, the cap and the day only. */
export function deriveScenarios(state: WhatIfState): Scenario[] {
  if (!state.book) return [];
  const cap = capOf(state.cap);
  return workbookScenarios(state.book, "cap" in cap ? cap.cap : null, state.asAt);
}

/** The name the new proposal is made under: ProposedPricePoints while free and none is typed, else the one typed. */
function newName(state: WhatIfState): NewProposalName & { typed: string | null } {
  const names = state.book!.whatIf.names;
  const required = nameTaken(names, PROPOSED_PRICE_POINTS.name);
  const typed = state.form.name.trim();
  if (!required && typed === "") {
    return {
      required,
      typed: null,
      table: PROPOSED_PRICE_POINTS.name,
      sheet: proposalSheet(null, names.sheets),
      problem: null,
    };
  }
  const problem = proposalNameProblem(typed, names);
  return {
    required,
    typed,
    table: problem ? null : proposalTable(typed),
    sheet: problem ? null : proposalSheet(typed, names.sheets),
    problem,
  };
}

/** `scenarios`: deriveScenarios(state), which the view keeps while only the form changes. */
export function deriveWhatIf(state: WhatIfState, scenarios = deriveScenarios(state)): WhatIfView | null {
  const { book } = state;
  if (!book) return null;
  const { current, proposals } = book.whatIf;
  const cap = capOf(state.cap);
  const base = {
    careGroups: proposalCareGroups(current.grid),
    bands: proposalBands(current.grid).map((bound) => bound.toString()),
    proposals,
    scenarios,
    cap: "cap" in cap ? cap.cap : null,
    capProblem: "problem" in cap ? cap.problem : null,
    currentFit: currentFit(book),
  };
  const shown =
    state.shown === NEW_PROPOSAL
      ? null
      : (proposals.find((proposal) => proposal.table === state.shown) ?? (state.shown === null ? proposals[0] : null));
  const { typed, ...name } = newName(state);
  const none = { proposal: null, problem: null, largeChange: null, scenario: null, summary: null };
  if (shown) {
    // No figures from a proposal that cannot be read: they would be last time's.
    const scenario = scenarios.find((measured) => measured.proposal.table === shown.table) ?? null;
    return { ...base, ...none, shown, name, scenario, summary: scenario?.summary ?? null };
  }
  const refused = (problem: WhatIfView["problem"], largeChange: string | null = null): WhatIfView => ({
    ...base,
    ...none,
    shown: null,
    name,
    problem,
    largeChange,
  });
  const read = changeOf(state.form);
  if ("problem" in read) return refused(read.problem);
  try {
    const proposal = proposePriceTable(current.grid, read.change);
    const largeChange = largeChangeText(proposal);
    if (largeChange && !state.form.confirmed) {
      return refused(
        { field: "amount", text: `${largeChange} Tick the box below if that is meant.`, missing: false },
        largeChange,
      );
    }
    const being = {
      name: typed,
      table: name.table ?? proposalTable(null),
      sheet: name.sheet ?? "",
      read: null,
      problem: null,
    };
    const scenario = measureScenario(book, being, proposal.table, base.cap, state.asAt);
    return { ...base, shown: null, name, proposal, problem: null, largeChange, scenario, summary: scenario.summary };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const field = state.form.kind === "moveBound" ? "bound" : state.form.kind === "copy" ? null : "amount";
    return refused({ field, text: `${error.message}.`, missing: false });
  }
}
