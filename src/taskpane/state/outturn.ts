// The Finance view's outturn and direct-payment surplus sections: their state as a reducer with named actions and no
// effects. The as-at date and year are the Finance view's own (given to the summary); the figures are derived from
// the tables as last read by the engine (outturnFigures, dpFigures), so the pane and the Finance sheet's outturn
// block cannot disagree. The work with the workbook is in outturnController.ts.
import {
  DEFAULT_WEEKS_ALLOWED,
  DEFAULT_WEEKS_IN_YEAR,
  DpAccounts,
  EngineError,
  Outturn,
  readWeeksAllowed,
  Decimal,
} from "../../engine";
import { dpFigures, OutturnBook, OutturnDates, outturnFigures } from "../../workbook/reports/outturnBook";
import { Notice } from "./planEditor";

export interface OutturnState {
  readonly book: OutturnBook | null;
  /** Reading or adding under way, in words; null when idle. */
  readonly busy: string | null;
  /** Why the tables could not be read, when they could not. */
  readonly message: Notice | null;
  /** What adding the DPBalances table did. */
  readonly added: Notice | null;
  /** The contingency people may keep, in weeks of their direct payment, as typed. */
  readonly weeksAllowed: string;
}

export type OutturnAction =
  | { readonly type: "readStarted" }
  | { readonly type: "read"; readonly book: OutturnBook }
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "weeksAllowedChanged"; readonly weeksAllowed: string }
  | { readonly type: "balancesAdded"; readonly message: Notice };

export const initialOutturnState: OutturnState = {
  book: null,
  busy: "Reading payments",
  message: null,
  added: null,
  weeksAllowed: String(DEFAULT_WEEKS_ALLOWED),
};

export function outturnReducer(state: OutturnState, action: OutturnAction): OutturnState {
  switch (action.type) {
    case "readStarted":
      return { ...state, busy: "Reading payments" };
    case "read":
      return {
        ...state,
        book: action.book,
        busy: null,
        message: state.message?.intent === "success" ? state.message : null,
      };
    case "readFailed":
      return { ...state, busy: null, message: action.message };
    case "weeksAllowedChanged":
      return { ...state, weeksAllowed: action.weeksAllowed };
    case "balancesAdded":
      return { ...state, added: action.message };
  }
}

export interface OutturnSummary {
  /** null while the dates are wrong or the tables unread. */
  readonly outturn: Outturn | null;
  /** null without a readable contingency, or while the tables are unread. */
  readonly accounts: DpAccounts | null;
  /** The dates' problem, in words. */
  readonly problem: string | null;
  /** The contingency box's problem, in words. */
  readonly weeksProblem: string | null;
  /** The workbook's weeks in a year the contingency is counted over; null while they cannot be used. */
  readonly weeksInYear: Decimal | null;
}

export function outturnSummary(state: OutturnState, dates: OutturnDates): OutturnSummary {
  // The workbook's weeks in a year (26 §4); 52 until the tables are read.
  const weeksInYear = state.book ? state.book.weeks.weeksInYear : new Decimal(DEFAULT_WEEKS_IN_YEAR);
  let weeks: Decimal | null = null;
  let weeksProblem: string | null = null;
  try {
    const typed = state.weeksAllowed.trim() === "" ? "x" : state.weeksAllowed.trim();
    weeks = readWeeksAllowed(typed, weeksInYear ?? new Decimal(DEFAULT_WEEKS_IN_YEAR));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    weeksProblem = `${error.message.replace(/; got .*$/, "")}, such as 8`;
  }
  if (!state.book) return { outturn: null, accounts: null, problem: null, weeksProblem, weeksInYear };
  try {
    const outturn = outturnFigures(state.book, dates);
    if (weeksInYear === null) {
      // Said under the contingency's box: no surplus can be counted until the weeks are fixed in Settings.
      return { outturn, accounts: null, problem: null, weeksProblem: state.book.weeks.problem, weeksInYear };
    }
    const accounts = weeks === null ? null : dpFigures(state.book, dates.asAt, weeks, weeksInYear);
    return { outturn, accounts, problem: null, weeksProblem, weeksInYear };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { outturn: null, accounts: null, problem: `${error.message}.`, weeksProblem, weeksInYear };
  }
}
