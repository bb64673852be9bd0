import { Cell, isBlank, readChoice } from "./cells";
import { Decimal } from "./decimal";

/** The period a money result is given for. Price tables and plans hold annual £. */
export type Period = "annual" | "weekly";

/** Weeks in a year: a weekly amount is the annual amount ÷ 52, and a weekly line costs 52 times a year. */
export const WEEKS_PER_YEAR = 52;

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

/** What an annual amount is divided by to give the period's amount: 52 for weekly, 1 for annual. */
export function periodDivisor(period: Period): number {
  return period === "weekly" ? WEEKS_PER_YEAR : 1;
}

/** An annual amount in the period asked for, exactly: weekly is annual ÷ 52. */
export function inPeriod(annual: Decimal, period: Period): Decimal {
  return annual.div(periodDivisor(period));
}
