import { anyNumber, blankAsZero, Cell, describeCell, isBlank, readCell, readChoice } from "./cells";
import { Decimal } from "./decimal";
import { invalid } from "./errors";

/** The period a money result is given for. Price tables and plans hold annual £. */
export type Period = "annual" | "weekly";

/**
 * Weeks in a year when the council has not said otherwise: a weekly amount is the annual amount ÷ 52, and a weekly
 * line costs 52 times a year. Councils also count 52.143 (365 ÷ 7) or 50 (Reading: £100 a week is £5,000 a year);
 * the workbook's own figure is its PlanSettings' Weeks in a year, and every conversion takes it as an argument.
 */
export const DEFAULT_WEEKS_IN_YEAR = 52;
/** Weeks in a year a council may count: any number within these, both included. */
export const WEEKS_IN_YEAR_RANGE = { from: 50, to: 53 } as const;

const PERIOD_SPELLINGS: ReadonlyMap<string, Period> = new Map([
  ["annual", "annual"],
  ["annually", "annual"],
  ["yearly", "annual"],
  ["year", "annual"],
  ["weekly", "weekly"],
  ["week", "weekly"],
]);

/** Reads a period argument; blank means annual. */
export function readPeriod(cell: Cell): Period {
  return isBlank(cell) ? "annual" : readChoice(PERIOD_SPELLINGS, cell, "Period");
}

/** Why a number cannot be the weeks in a year, or null when it can: from 50 to 53. */
export function weeksInYearProblem(weeks: Decimal): string | null {
  const { from, to } = WEEKS_IN_YEAR_RANGE;
  return weeks.gte(from) && weeks.lte(to) ? null : `expected a number from ${from} to ${to}`;
}

/** Weeks in a year: a number from 50 to 53; blank is 52. A 0 is refused, saying it may be a blank cell. */
export function readWeeksInYear(cell: Cell, what = "Weeks in year"): Decimal {
  if (isBlank(cell)) return new Decimal(DEFAULT_WEEKS_IN_YEAR);
  const refused = () =>
    invalid(`${what}: ${weeksInYearProblem(new Decimal(0))}; got ${describeCell(cell)}${blankAsZero(cell)}`);
  let weeks: Decimal;
  try {
    weeks = readCell(anyNumber, cell, what);
  } catch {
    throw refused();
  }
  if (weeksInYearProblem(weeks) !== null) throw refused();
  return weeks;
}

/** What an annual amount is divided by to give the period's amount: the weeks in a year for weekly, 1 for annual. */
export function periodDivisor(period: Period, weeksInYear: Decimal): Decimal {
  return period === "weekly" ? weeksInYear : new Decimal(1);
}

/** An annual amount in the period asked for, exactly: weekly is annual ÷ weeks in a year. */
export function inPeriod(annual: Decimal, period: Period, weeksInYear: Decimal): Decimal {
  return annual.div(periodDivisor(period, weeksInYear));
}

/** A weekly amount a year, exactly: weekly × weeks in a year. */
export function weeklyToAnnual(weekly: Decimal, weeksInYear: Decimal): Decimal {
  return weekly.times(weeksInYear);
}
