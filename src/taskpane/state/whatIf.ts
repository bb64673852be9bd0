// The price what-if view as a state machine: one reducer, named actions, no effects (the workbook work is in
// whatIfController.ts). What the pane shows — the proposals side by side, the change as it will be created, the
// current-against-proposed summary, the cap on losses and the Agreed plans whose light would change — is derived from
// this state by the engine (whatIfDerived.ts), before anything is written.
import { anyNumber, Decimal, EngineError, LossCap, lossCap, PriceChange, readCell } from "../../engine";
import { ScenarioBook } from "../../workbook/reports/scenarioBook";
import { Made } from "../../workbook/reports/whatIfBook";
import { PRICE_POINTS } from "../../workbook/schema/tables";
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
  /** The new proposal's own name, as typed ("" for ProposedPricePoints while that is free). */
  readonly name: string;
}

export const NO_CHANGE: ChangeForm = {
  kind: "copy",
  careGroup: "",
  amount: "",
  band: 1,
  bound: "",
  confirmed: false,
  name: "",
};

/** The cap on one person's loss in the first year, as typed: none, a percentage or £ a year. */
export interface CapForm {
  readonly kind: "none" | LossCap["kind"];
  readonly amount: string;
}

export const NO_CAP: CapForm = { kind: "none", amount: "" };

/** `shown` when the view shows the proposal being made rather than one in the workbook. */
export const NEW_PROPOSAL = "";

export interface WhatIfState {
  /** The workbook as last read; null until it has been read (or when it cannot be). */
  readonly book: ScenarioBook | null;
  /** Work under way, said in words. */
  readonly busy: string | null;
  /** About the workbook as a whole: missing tables, a failure. */
  readonly message: Notice | null;
  readonly form: ChangeForm;
  /** What the pane last created, said once it is done. */
  readonly made: Notice | null;
  /** The What-if sheet the pane wrote, when it has. */
  readonly sheet: string | null;
  /**
   * Which proposal the view shows: a table of the workbook's, NEW_PROPOSAL for the one being made, or null for the
   * first in the workbook (the one being made when there is none).
   */
  readonly shown: string | null;
  readonly cap: CapForm;
  /** The day Agreed plans' lights are checked at (ISO): today, as of the last read. */
  readonly asAt: string;
}

export type WhatIfAction =
  | { readonly type: "workStarted"; readonly label: string }
  /** The workbook as read now; with a message when the work asked for could not be done on it. */
  | { readonly type: "loaded"; readonly book: ScenarioBook; readonly asAt: string; readonly message?: Notice }
  /** Reading failed: nothing read before is shown as current any more. */
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "workFailed"; readonly message: Notice }
  | { readonly type: "changeKindChosen"; readonly kind: ChangeKind }
  | { readonly type: "careGroupChosen"; readonly careGroup: string }
  | { readonly type: "amountEdited"; readonly text: string }
  | { readonly type: "bandChosen"; readonly band: number }
  | { readonly type: "boundEdited"; readonly text: string }
  | { readonly type: "largeChangeConfirmed"; readonly confirmed: boolean }
  | { readonly type: "nameEdited"; readonly text: string }
  /** A proposal of the workbook's chosen to show (its table), or NEW_PROPOSAL. */
  | { readonly type: "proposalShown"; readonly table: string }
  | { readonly type: "capKindChosen"; readonly kind: CapForm["kind"] }
  | { readonly type: "capEdited"; readonly text: string }
  | { readonly type: "proposalCreated"; readonly book: ScenarioBook; readonly made: Made; readonly changed: number }
  | { readonly type: "sheetWritten"; readonly book: ScenarioBook; readonly made: Made }
  | { readonly type: "packWritten"; readonly book: ScenarioBook; readonly made: Made };

export const initialWhatIf: WhatIfState = {
  book: null,
  busy: "Reading the workbook",
  message: null,
  form: NO_CHANGE,
  made: null,
  sheet: null,
  shown: null,
  cap: NO_CAP,
  asAt: "",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function whatIfReducer(state: WhatIfState, action: WhatIfAction): WhatIfState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, made: null };
    case "loaded":
      return { ...state, book: action.book, asAt: action.asAt, busy: null, message: action.message ?? null };
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
    case "nameEdited":
      return { ...state, form: { ...state.form, name: action.text } };
    case "proposalShown":
      return { ...state, shown: action.table };
    case "capKindChosen":
      return { ...state, cap: { ...state.cap, kind: action.kind } };
    case "capEdited":
      return { ...state, cap: { ...state.cap, amount: action.text } };
    case "proposalCreated": {
      const { table, sheet } = action.made;
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        form: NO_CHANGE,
        shown: table ?? null,
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
            "The summary by care group, everyone's budget now, as proposed and in the first year under the cap on " +
            "losses, the cost of that protection, the ten largest losses and gains, the RAS curves and the " +
            "distribution of change, as live formulas: edit the proposal or the cap and they recalculate, with or " +
            "without this pane open.",
        },
      };
    case "packWritten":
      return {
        ...state,
        book: action.book,
        busy: null,
        message: null,
        made: {
          intent: "success",
          title: `Wrote the sheet ${action.made.sheet}`,
          text:
            "The committee pack as live formulas, laid out to print on A4: the summary, the cap and its cost, the " +
            "charts, the largest losses and gains and the fit against Agreed plans, a part a page, with the title " +
            "on every page. Print it from Excel (File › Print).",
        },
      };
  }
}

/** What leaving the view now would lose: a change typed for a new proposal but not yet created. */
export function unsavedWork(state: WhatIfState): string[] {
  const typed = JSON.stringify(state.form) !== JSON.stringify(NO_CHANGE);
  const proposals = state.book?.whatIf.proposals ?? [];
  const makingOne = state.shown === NEW_PROPOSAL || (state.shown === null && proposals.length === 0);
  return typed && makingOne ? ["the price change you chose, not yet created"] : [];
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

/** The cap the form describes (null for none), or why it cannot be read. */
export function capOf(form: CapForm): { cap: LossCap | null } | { problem: FieldProblem } {
  if (form.kind === "none") return { cap: null };
  const percent = form.kind === "percent";
  const what = percent ? "a percentage of the current budget" : "£ a year";
  if (form.amount.trim() === "") {
    return { problem: { field: "amount", text: `Give ${what}, such as ${percent ? "5" : "500"}.`, missing: true } };
  }
  try {
    const typed = typedNumber(form.amount.replace(/£/g, ""), percent ? "The cap" : "The cap in £ a year", percent);
    return { cap: lossCap(form.kind, percent ? typed.div(100) : typed) };
  } catch (error) {
    if (error instanceof EngineError)
      return { problem: { field: "amount", text: `${error.message}.`, missing: false } };
    throw error;
  }
}
