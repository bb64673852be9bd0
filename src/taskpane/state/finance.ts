// The Finance view's state: the as-at date and financial year the figures are measured at, the forecast's rates as
// typed, the tables as last read (with the Finance sheet's own inputs), and what writing the Finance sheet did. One
// reducer with named actions and no effects; the figures are derived from the state by the engine (financeSummary),
// so the pane and the sheet cannot disagree. The work with the workbook is in financeController.ts.
import {
  calendarDate,
  EngineError,
  financialYear,
  financialYearLabel,
  ForecastAssumption,
  ForecastAssumptions,
  formatDate,
  isoFromSerial,
  matchKey,
  readForecastRate,
  serialFromIso,
  yearStartFor,
} from "../../engine";
import { DEFAULT_ASSUMPTIONS } from "../../workbook/reports/finance";
import {
  FinanceBook,
  FinanceDates,
  financeFigures,
  FinanceFigures,
  FinanceWritten,
  ForecastRow,
} from "../../workbook/reports/financeBook";
import { DateProblems, readDates, serialOrNull, yearStartOrDefault } from "./financeDates";
import {
  AssumptionInputs,
  FinanceInputs,
  FORECAST_RATES,
  ForecastRate,
  inPercent,
  inputsFromSheet,
  RATE_NAMES,
  sameInputs,
  sheetDifferences,
} from "./financeInputs";
import { Notice } from "./planEditor";

export { FORECAST_RATES, RATE_NAMES } from "./financeInputs";
export type { AssumptionInputs, ForecastRate, RateInputs } from "./financeInputs";

export interface FinanceState {
  /** ISO dates as the date boxes give them; "" while a box is cleared (a blank year is 1 April's). */
  readonly dates: FinanceDates;
  readonly assumptions: AssumptionInputs;
  /** The inputs as last taken from a Finance sheet (or the starting ones): what "changed here" is measured from. */
  readonly adopted: FinanceInputs;
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
  /** A rate typed for all care groups (careGroup null) or for one. */
  | {
      readonly type: "rateChanged";
      readonly careGroup: string | null;
      readonly rate: ForecastRate;
      readonly value: string;
    }
  /** The Finance sheet's inputs put in the boxes, over what was typed there. */
  | { readonly type: "sheetInputsUsed" }
  | { readonly type: "readStarted" }
  | { readonly type: "read"; readonly book: FinanceBook }
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "writeStarted" }
  | { readonly type: "written"; readonly written: FinanceWritten; readonly book: FinanceBook }
  | { readonly type: "writeFailed"; readonly message: Notice };

/** As at `today`, in the financial year it falls in (April to March), with the sheet's starting rates, reading. */
export function initialFinanceState(today: string): FinanceState {
  const inputs: FinanceInputs = {
    dates: { asAt: today, yearStart: isoFromSerial(yearStartFor(serialFromIso(today))) },
    assumptions: {
      all: {
        growth: inPercent(DEFAULT_ASSUMPTIONS.all.growth),
        inflation: inPercent(DEFAULT_ASSUMPTIONS.all.inflation),
      },
      own: [],
    },
  };
  return { ...inputs, adopted: inputs, book: null, busy: "Reading the workbook", message: null, written: null };
}

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

/** A rate typed for all care groups or for one; a care group with both boxes blank follows all again. */
function withRate(inputs: AssumptionInputs, careGroup: string | null, rate: ForecastRate, value: string) {
  if (careGroup === null) return { ...inputs, all: { ...inputs.all, [rate]: value } };
  const key = matchKey(careGroup);
  const before = inputs.own.find((entry) => matchKey(entry.careGroup) === key);
  const changed = { ...(before ?? { careGroup, growth: "", inflation: "" }), [rate]: value };
  const others = inputs.own.filter((entry) => entry !== before);
  const blank = FORECAST_RATES.every((each) => changed[each].trim() === "");
  return { ...inputs, own: blank ? others : [...others, changed] };
}

const inputsOf = (state: FinanceState): FinanceInputs => ({ dates: state.dates, assumptions: state.assumptions });

/**
 * The tables read again. When the workbook has a Finance sheet of the add-in's, the boxes take its inputs, unless
 * they hold changes of the user's since they last took them (then the view says which inputs differ).
 */
function withBook(state: FinanceState, book: FinanceBook): FinanceState {
  if (!book.sheet || !sameInputs(inputsOf(state), state.adopted)) return { ...state, book };
  const inputs = inputsFromSheet(book.sheet, inputsOf(state));
  return { ...state, ...inputs, adopted: inputs, book };
}

export function financeReducer(state: FinanceState, action: FinanceAction): FinanceState {
  switch (action.type) {
    case "asAtChanged":
      return { ...state, dates: withAsAt(state.dates, action.asAt), written: null };
    case "yearStartChanged":
      return { ...state, dates: { ...state.dates, yearStart: action.yearStart }, written: null };
    case "rateChanged":
      return {
        ...state,
        assumptions: withRate(state.assumptions, action.careGroup, action.rate, action.value),
        written: null,
      };
    case "sheetInputsUsed": {
      if (!state.book?.sheet) return state;
      const inputs = inputsFromSheet(state.book.sheet, inputsOf(state));
      return { ...state, ...inputs, adopted: inputs, written: null };
    }
    case "readStarted":
      return { ...state, busy: "Reading the workbook", written: null };
    case "read":
      return { ...withBook(state, action.book), busy: null, message: null };
    case "readFailed":
      return { ...state, busy: null, message: action.message };
    case "writeStarted":
      return { ...state, busy: "Writing the Finance sheet", written: null };
    case "written":
      return {
        // The sheet just written holds the boxes' inputs: they are its inputs now.
        ...withBook({ ...state, adopted: inputsOf(state) }, action.book),
        busy: null,
        written: writtenNotice(action.written, state.dates),
      };
    case "writeFailed":
      return { ...state, busy: null, written: action.message };
  }
}

/**
 * What leaving the view would lose, in words (empty when nothing): forecast rates typed that differ from the ones
 * last taken from a Finance sheet (or the starting ones) and have not gone into one. The dates are quick to set
 * again, so they are not.
 */
export function unsavedWork(state: FinanceState): string[] {
  if (state.written?.intent === "success") return [];
  const typed = !sameInputs(
    { dates: state.adopted.dates, assumptions: state.assumptions },
    { dates: state.adopted.dates, assumptions: state.adopted.assumptions },
  );
  return typed ? ["the forecast rates you typed"] : [];
}

/** What writing the sheet created, in words. */
function writtenNotice(written: FinanceWritten, dates: FinanceDates): Notice {
  const start = yearStartOrDefault(dates)!;
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

/** A rate box's problem: which box (careGroup null: all care groups) and what was expected. */
export interface RateProblem {
  readonly careGroup: string | null;
  readonly rate: ForecastRate;
  readonly message: string;
}

/** The rates as typed, read: the assumptions, or every box's problem. */
export function readAssumptions(
  inputs: AssumptionInputs,
): { assumptions: ForecastAssumptions; problems: [] } | { assumptions: null; problems: RateProblem[] } {
  const problems: RateProblem[] = [];
  const read = (careGroup: string | null, rate: ForecastRate, typed: string) => {
    try {
      return readForecastRate(typed, careGroup === null ? RATE_NAMES[rate] : `${RATE_NAMES[rate]}, ${careGroup}`);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push({ careGroup, rate, message: error.message });
      return undefined;
    }
  };
  const [growth, inflation] = FORECAST_RATES.map((rate) => read(null, rate, inputs.all[rate]));
  const own = new Map<string, Partial<ForecastAssumption>>();
  for (const entry of inputs.own) {
    const rates: Partial<Record<ForecastRate, ForecastAssumption[ForecastRate]>> = {};
    for (const rate of FORECAST_RATES) {
      if (entry[rate].trim() === "") continue;
      const value = read(entry.careGroup, rate, entry[rate]);
      if (value) rates[rate] = value;
    }
    own.set(matchKey(entry.careGroup), rates);
  }
  if (problems.length > 0 || !growth || !inflation) return { assumptions: null, problems };
  return { assumptions: { all: { growth, inflation }, own }, problems: [] };
}

/** The figures at the chosen dates and rates, or why they cannot be worked out. */
export interface FinanceSummary {
  /** Every figure but the forecast; null while the dates are wrong or the tables unread. */
  readonly figures: Omit<FinanceFigures, "forecast"> | null;
  /** The forecast by the rates typed; null while a rate box has a problem. */
  readonly forecast: readonly ForecastRow[] | null;
  /** Each date box's problem, in words, or null. */
  readonly problems: DateProblems;
  readonly rateProblems: readonly RateProblem[];
  /** The rates to write, or null while a box has a problem. */
  readonly assumptions: ForecastAssumptions | null;
  /** The dates to write: the year's first day filled in when left blank; null while a date box has a problem. */
  readonly dates: FinanceDates | null;
  /** The financial year shown: "2026/27", its first and last days (ISO), and whether it is the blank box's 1 April. */
  readonly year: {
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly byDefault: boolean;
  } | null;
  /** Each input the boxes hold that differs from the Finance sheet's, in words; empty when they agree. */
  readonly differences: readonly string[];
}

const NO_PROBLEMS: DateProblems = { asAt: null, yearStart: null };

export function financeSummary(state: FinanceState): FinanceSummary {
  const { assumptions, problems: rateProblems } = readAssumptions(state.assumptions);
  const start = yearStartOrDefault(state.dates);
  const year =
    start === null
      ? null
      : {
          label: financialYearLabel(start),
          from: isoFromSerial(financialYear(start).from),
          to: isoFromSerial(financialYear(start).to),
          byDefault: state.dates.yearStart.trim() === "",
        };
  const sheet = state.book?.sheet;
  const differences = sheet ? sheetDifferences(inputsOf(state), sheet, state.book.careGroups) : [];
  const none = { figures: null, forecast: null, rateProblems, assumptions, year, differences };
  const read = readDates(state.dates);
  if (read.problems) return { ...none, problems: read.problems, dates: null };
  if (!state.book) return { ...none, problems: NO_PROBLEMS, dates: read.dates };
  // With a rate box wrong the forecast is left out, not worked out at other rates.
  const { forecast, ...figures } = financeFigures(state.book, read.dates, assumptions ?? DEFAULT_ASSUMPTIONS);
  return {
    figures,
    forecast: assumptions ? forecast : null,
    problems: NO_PROBLEMS,
    rateProblems,
    assumptions,
    dates: read.dates,
    year,
    differences,
  };
}

/** Whether the sheet can be written now: the tables read, the dates and every rate right, nothing under way. */
export function canWrite(state: FinanceState, summary = financeSummary(state)): boolean {
  return state.busy === null && summary.figures !== null && summary.assumptions !== null;
}
