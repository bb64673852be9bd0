// The Finance view's state: the as-at date and financial year the figures are measured at, the tables as last
// read, and what writing the Finance sheet did. One reducer with named actions and no effects; the figures are
// derived from the state by the engine (financeSummary), so the pane and the sheet cannot disagree. The work
// with the workbook is in financeController.ts.
import {
  calendarDate,
  EngineError,
  financialYear,
  financialYearLabel,
  formatDate,
  isoFromSerial,
  serialFromIso,
  yearStartFor,
} from "../../engine";
import {
  FinanceBook,
  FinanceDates,
  financeFigures,
  FinanceFigures,
  FinanceWritten,
} from "../../workbook/reports/financeBook";
import { Notice } from "./planEditor";

export interface FinanceState {
  /** ISO dates as the date boxes give them; "" while a box is cleared. */
  readonly dates: FinanceDates;
  /** The tables as last read; null until they have been. */
  readonly book: FinanceBook | null;
  /** Reading or writing under way, in words; null when idle. */
  readonly busy: string | null;
  /** About reading the workbook, shown at the top. */
  readonly message: Notice | null;
  /** What writing the sheet did, or why it could not, shown beside the button. */
  readonly written: Notice | null;
}

export type FinanceAction =
  | { readonly type: "asAtChanged"; readonly asAt: string }
  | { readonly type: "yearStartChanged"; readonly yearStart: string }
  | { readonly type: "readStarted" }
  | { readonly type: "read"; readonly book: FinanceBook }
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "writeStarted" }
  | { readonly type: "written"; readonly written: FinanceWritten; readonly book: FinanceBook }
  | { readonly type: "writeFailed"; readonly message: Notice };

/** As at `today`, in the financial year it falls in (April to March). */
export function initialFinanceState(today: string): FinanceState {
  return {
    dates: { asAt: today, yearStart: isoFromSerial(yearStartFor(serialFromIso(today))) },
    book: null,
    busy: "Reading the workbook",
    message: null,
    written: null,
  };
}

const serialOrNull = (iso: string): number | null => {
  try {
    return serialFromIso(iso);
  } catch (error) {
    if (error instanceof EngineError) return null;
    throw error;
  }
};

/**
 * A new as-at date. When it falls outside the financial year shown, the year moves to the one it falls in,
 * keeping the year's first month (a council whose year runs January to December stays so).
 */
function withAsAt(dates: FinanceDates, asAt: string): FinanceDates {
  const [day, start] = [serialOrNull(asAt), serialOrNull(dates.yearStart)];
  if (day === null || start === null) return { ...dates, asAt };
  const year = financialYear(start);
  if (day >= year.from && day <= year.to) return { ...dates, asAt };
  return { asAt, yearStart: isoFromSerial(yearStartFor(day, calendarDate(start).month)) };
}

export function financeReducer(state: FinanceState, action: FinanceAction): FinanceState {
  switch (action.type) {
    case "asAtChanged":
      return { ...state, dates: withAsAt(state.dates, action.asAt), written: null };
    case "yearStartChanged":
      return { ...state, dates: { ...state.dates, yearStart: action.yearStart }, written: null };
    case "readStarted":
      return { ...state, busy: "Reading the workbook", written: null };
    case "read":
      return { ...state, book: action.book, busy: null, message: null };
    case "readFailed":
      return { ...state, busy: null, message: action.message };
    case "writeStarted":
      return { ...state, busy: "Writing the Finance sheet", written: null };
    case "written":
      return { ...state, book: action.book, busy: null, written: writtenNotice(action.written, state.dates) };
    case "writeFailed":
      return { ...state, busy: null, written: action.message };
  }
}

/** What writing the sheet created, in words. */
function writtenNotice(written: FinanceWritten, dates: FinanceDates): Notice {
  const start = serialFromIso(dates.yearStart);
  const budgets = written.budgets
    ? ` It also added a ${written.budgets.table} table on the sheet ${written.budgets.sheet}, a row per care ` +
      "group: type each group's annual budget there, and the Finance sheet follows."
    : "";
  return {
    intent: "success",
    title: `Created the sheet ${written.sheet}`,
    text:
      `Commitment as at ${formatDate(dates.asAt)} in ${financialYearLabel(start)}, by care group, with the pipeline, ` +
      "spending by service, indicative budgets against plans and the forecast, all live formulas over the tables." +
      budgets,
  };
}

/** The figures at the chosen dates, or why they cannot be worked out. */
export interface FinanceSummary {
  readonly figures: FinanceFigures | null;
  /** The dates' problem, in words, or null. */
  readonly problem: string | null;
  /** The financial year shown: "2026/27", and its first and last days (ISO). */
  readonly year: { readonly label: string; readonly from: string; readonly to: string } | null;
}

export function financeSummary(state: FinanceState): FinanceSummary {
  const [asAt, start] = [serialOrNull(state.dates.asAt), serialOrNull(state.dates.yearStart)];
  if (asAt === null) return { figures: null, problem: "Give the as-at date, such as 2026-10-01.", year: null };
  if (start === null) return { figures: null, problem: "Give the financial year's first day.", year: null };
  const span = financialYear(start);
  const year = { label: financialYearLabel(start), from: isoFromSerial(span.from), to: isoFromSerial(span.to) };
  if (!state.book) return { figures: null, problem: null, year };
  try {
    return { figures: financeFigures(state.book, state.dates), problem: null, year };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { figures: null, problem: `${error.message}.`, year };
  }
}
