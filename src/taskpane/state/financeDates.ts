// The Finance view's two date boxes read: the as-at date, and the financial year's first day, which left blank is
// 1 April of the year the as-at date falls in (April to March, as its hint says). A problem is said under the box
// that holds it: a missing as-at date under As at; a year that ends before the as-at date under the year's box.
import {
  commitmentPeriod,
  DateSerial,
  EngineError,
  FINANCIAL_YEAR_FIRST_MONTH,
  isoFromSerial,
  serialFromIso,
  yearStartFor,
} from "../../engine";
import { FinanceDates } from "../../workbook/reports/financeBook";

/** An ISO date's serial, or null when the box holds none. */
export const serialOrNull = (iso: string): DateSerial | null => {
  try {
    return serialFromIso(iso);
  } catch (error) {
    if (error instanceof EngineError) return null;
    throw error;
  }
};

/** The year's first day: as typed, or 1 April of the as-at date's year when blank; null while neither can be read. */
export function yearStartOrDefault(dates: FinanceDates): DateSerial | null {
  if (dates.yearStart.trim() !== "") return serialOrNull(dates.yearStart);
  const asAt = serialOrNull(dates.asAt);
  return asAt === null ? null : yearStartFor(asAt, FINANCIAL_YEAR_FIRST_MONTH);
}

/** Each box's problem, or null. */
export interface DateProblems {
  readonly asAt: string | null;
  readonly yearStart: string | null;
}

/** The dates the figures are worked out at (a blank year filled in), or each box's problem. */
export function readDates(dates: FinanceDates): { dates: FinanceDates; problems: null } | { problems: DateProblems } {
  const asAt = serialOrNull(dates.asAt);
  const start = yearStartOrDefault(dates);
  if (asAt === null) {
    return {
      problems: {
        asAt: "Give the as-at date, such as 2026-10-01.",
        yearStart:
          start === null && dates.yearStart.trim() !== ""
            ? "Give the financial year's first day, such as 2026-04-01, or leave it blank for 1 April."
            : null,
      },
    };
  }
  if (start === null) {
    return {
      problems: {
        asAt: null,
        yearStart: "Give the financial year's first day, such as 2026-04-01, or leave it blank for 1 April.",
      },
    };
  }
  try {
    commitmentPeriod(asAt, start);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { problems: { asAt: null, yearStart: `${error.message}.` } };
  }
  return { dates: { asAt: dates.asAt, yearStart: isoFromSerial(start) }, problems: null };
}
