// The price what-if view as a state machine: one reducer, named actions, no effects (the workbook work is in
// whatIfController.ts). What the pane shows — the change as it will be created and the current-against-proposed
// summary — is derived from this state by the engine (deriveWhatIf), before anything is written.
import {
  anyNumber,
  changeToConfirm,
  CONFIRM_CHANGE_BEYOND,
  Decimal,
  EngineError,
  formatPercent,
  formatPounds,
  PriceChange,
  Proposal,
  proposalBands,
  proposalCareGroups,
  proposePriceTable,
  readCell,
} from "../../engine";
import { Made, WhatIfBook, whatIfSummary, WhatIfSummary } from "../../workbook/reports/whatIfBook";
import { PRICE_POINTS, PROPOSED_PRICE_POINTS } from "../../workbook/schema/tables";
import { Notice } from "./planEditor";

export type ChangeKind = PriceChange["kind"];

/** The change as typed in the pane, before it is read. */
export interface ChangeForm {
  readonly kind: ChangeKind;
  /** A care group's name, or "" for all. */
  readonly careGroup: string;
  /** The percentage or the £ a point, as typed. */
  readonly amount: string;
  /** Which band's lower bound moves (0 is the first). */
  readonly band: number;
  /** The band's new lower bound, as typed. */
  readonly bound: string;
  /** A change of a rate beyond ±50% is meant (asked for each change anew). */
  readonly confirmed: boolean;
}

export const NO_CHANGE: ChangeForm = { kind: "copy", careGroup: "", amount: "", band: 1, bound: "", confirmed: false };

export interface WhatIfState {
  /** The workbook as last read; null until it has been read (or when it cannot be). */
  readonly book: WhatIfBook | null;
  /** Work under way, said in words. */
  readonly busy: string | null;
  /** About the workbook as a whole: missing tables, a failure. */
  readonly message: Notice | null;
  readonly form: ChangeForm;
  /** What the pane last created, said once it is done. */
  readonly made: Notice | null;
  /** The What-if sheet the pane wrote, when it has. */
  readonly sheet: string | null;
}

export type WhatIfAction =
  | { readonly type: "workStarted"; readonly label: string }
  /** The workbook as read now; with a message when the work asked for could not be done on it. */
  | { readonly type: "loaded"; readonly book: WhatIfBook; readonly message?: Notice }
  /** Reading failed: nothing read before is shown as current any more. */
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "workFailed"; readonly message: Notice }
  | { readonly type: "changeKindChosen"; readonly kind: ChangeKind }
  | { readonly type: "careGroupChosen"; readonly careGroup: string }
  | { readonly type: "amountEdited"; readonly text: string }
  | { readonly type: "bandChosen"; readonly band: number }
  | { readonly type: "boundEdited"; readonly text: string }
  | { readonly type: "largeChangeConfirmed"; readonly confirmed: boolean }
  | { readonly type: "proposalCreated"; readonly book: WhatIfBook; readonly made: Made; readonly changed: number }
  | { readonly type: "sheetWritten"; readonly book: WhatIfBook; readonly made: Made };

export const initialWhatIf: WhatIfState = {
  book: null,
  busy: "Reading the workbook",
  message: null,
  form: NO_CHANGE,
  made: null,
  sheet: null,
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function whatIfReducer(state: WhatIfState, action: WhatIfAction): WhatIfState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, made: null };
    case "loaded":
      return { ...state, book: action.book, busy: null, message: action.message ?? null };
    case "readFailed":
      return { ...state, book: null, busy: null, message: action.message };
    case "workFailed":
      return { ...state, busy: null, message: action.message };
    // Any other change to the form asks again for a large change to be confirmed.
    case "changeKindChosen":
      return { ...state, form: { ...state.form, kind: action.kind, confirmed: false } };
    case "careGroupChosen":
      return { ...state, form: { ...state.form, careGroup: action.careGroup, confirmed: false } };
    case "amountEdited":
      return { ...state, form: { ...state.form, amount: action.text, confirmed: false } };
    case "bandChosen":
      return { ...state, form: { ...state.form, band: action.band, confirmed: false } };
    case "boundEdited":
      return { ...state, form: { ...state.form, bound: action.text, confirmed: false } };
    case "largeChangeConfirmed":
      return { ...state, form: { ...state.form, confirmed: action.confirmed } };
    case "proposalCreated": {
      const { table, sheet } = action.made;
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        form: NO_CHANGE,
        made: {
          intent: "success",
          title: `Created ${table}`,
          text:
            `${table} is on the sheet ${sheet}: a copy of ${PRICE_POINTS.name} with ` +
            `${action.changed === 0 ? "no change yet" : `${plural(action.changed, "value")} changed`}. ` +
            "Edit its cells to try other prices, then write the What-if sheet, which follows every edit.",
        },
      };
    }
    case "sheetWritten":
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        sheet: action.made.sheet,
        made: {
          intent: "success",
          title: `Wrote the sheet ${action.made.sheet}`,
          text:
            "The summary by care group, everyone's budget now and as proposed, the ten largest losses and gains, " +
            `the RAS curves and the distribution of change, as live formulas: edit ${PROPOSED_PRICE_POINTS.name} ` +
            "and they recalculate, with or without this pane open.",
        },
      };
  }
}

/** What leaving the view now would lose: a change typed but not yet created. */
export function unsavedWork(state: WhatIfState): string[] {
  const typed = JSON.stringify(state.form) !== JSON.stringify(NO_CHANGE);
  const canCreate = state.book?.proposed === null && state.book.proposedProblem === null;
  return typed && canCreate ? ["the price change you chose, not yet created"] : [];
}

/** A form field whose text cannot be read, with what was expected. */
export interface FieldProblem {
  readonly field: "amount" | "bound";
  readonly text: string;
  /** Nothing typed yet: a prompt rather than an error. */
  readonly missing: boolean;
}

/** An amount typed in the pane, read exactly ("5", "-2.5", "£2.50", "1,200"; "5%" where a percentage is asked). */
function typedNumber(text: string, what: string, percent: boolean): Decimal {
  const typed = percent ? text.trim().replace(/%$/, "") : text.trim();
  return readCell(anyNumber, typed, what);
}

/** The change the form describes, or the first field that cannot be read. */
export function changeOf(form: ChangeForm): { change: PriceChange } | { problem: FieldProblem } {
  const careGroup = form.careGroup === "" ? null : form.careGroup;
  const read = (field: FieldProblem["field"], text: string, what: string, example: string, percent = false) => {
    if (text.trim() === "") throw new FieldError({ field, text: `Give ${what}, such as ${example}.`, missing: true });
    try {
      return typedNumber(text, what[0].toUpperCase() + what.slice(1), percent);
    } catch (error) {
      if (error instanceof EngineError) throw new FieldError({ field, text: `${error.message}.`, missing: false });
      throw error;
    }
  };
  try {
    switch (form.kind) {
      case "copy":
        return { change: { kind: "copy" } };
      case "percent":
        return {
          change: {
            kind: "percent",
            percent: read("amount", form.amount, "a percentage", "5 or -2.5", true),
            careGroup,
          },
        };
      case "perPoint":
        return {
          change: { kind: "perPoint", amount: read("amount", form.amount, "£ a point", "2.50 or -1"), careGroup },
        };
      case "moveBound":
        return {
          change: { kind: "moveBound", band: form.band, to: read("bound", form.bound, "the new lower bound", "25") },
        };
    }
  } catch (error) {
    if (error instanceof FieldError) return { problem: error.problem };
    throw error;
  }
}

class FieldError extends Error {
  constructor(readonly problem: FieldProblem) {
    super(problem.text);
  }
}

/** What the view shows, derived from the state by the engine. */
export interface WhatIfView {
  /** The care groups and bands to choose from (none for a table with one column, or a category table). */
  readonly careGroups: readonly string[];
  readonly bands: readonly string[];
  /** The workbook already has a proposal: it is what the summary compares, and no other can be made. */
  readonly proposalInWorkbook: boolean;
  /** The proposal the form describes, as it would be created; null when there is one already or it is refused. */
  readonly proposal: Proposal | null;
  /** Why the form's change cannot be made: a field that cannot be read, or a change the table cannot take. */
  readonly problem: FieldProblem | { readonly field: null; readonly text: string; readonly missing: false } | null;
  /** Current against proposed (the workbook's proposal, or the one the form describes). */
  readonly summary: WhatIfSummary | null;
  /** The form's change moves a rate beyond ±50%: it is made only once confirmed (form.confirmed). */
  readonly largeChange: string | null;
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

export function deriveWhatIf(state: WhatIfState): WhatIfView | null {
  const { book } = state;
  if (!book) return null;
  const careGroups = proposalCareGroups(book.current.grid);
  const bands = proposalBands(book.current.grid).map((bound) => bound.toString());
  if (book.proposed || book.proposedProblem !== null) {
    return {
      careGroups,
      bands,
      proposalInWorkbook: true,
      proposal: null,
      problem: null,
      // No figures from a proposal that cannot be read: they would be last time's.
      summary: book.proposed && whatIfSummary(book, book.proposed.table),
      largeChange: null,
    };
  }
  const read = changeOf(state.form);
  if ("problem" in read) {
    return {
      careGroups,
      bands,
      proposalInWorkbook: false,
      proposal: null,
      problem: read.problem,
      summary: null,
      largeChange: null,
    };
  }
  try {
    const proposal = proposePriceTable(book.current.grid, read.change);
    const largeChange = largeChangeText(proposal);
    if (largeChange && !state.form.confirmed) {
      return {
        careGroups,
        bands,
        proposalInWorkbook: false,
        proposal: null,
        problem: { field: "amount", text: `${largeChange} Tick the box below if that is meant.`, missing: false },
        summary: null,
        largeChange,
      };
    }
    return {
      careGroups,
      bands,
      proposalInWorkbook: false,
      proposal,
      problem: null,
      summary: whatIfSummary(book, proposal.table),
      largeChange,
    };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const field = state.form.kind === "moveBound" ? "bound" : state.form.kind === "copy" ? null : "amount";
    return {
      careGroups,
      bands,
      proposalInWorkbook: false,
      proposal: null,
      problem: { field, text: `${error.message}.`, missing: false },
      summary: null,
      largeChange: null,
    };
  }
}
