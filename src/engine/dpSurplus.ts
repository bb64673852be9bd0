// Direct-payment surpluses: money building up unspent in people's direct-payment accounts. Councils let a person
// keep a contingency of a few weeks' payments (commonly 4 to 12) and recover the rest (the Audit Commission's
// paragraph 49: policies for underspends and clawback; paragraph 47: one council found 5.6% of budgets unspent).
import { anyNumber, Cell, describeCell, isBlank, readCell } from "./cells";
import { Decimal, toPence, ZERO } from "./decimal";
import { invalid, notFound } from "./errors";
import { readAmount } from "./tolerance";

/** The contingency a person may keep when the council has not said: 8 weeks of their direct payment. */
export const DEFAULT_WEEKS_ALLOWED = 8;

/** The contingency in weeks: from 0 to the weeks in the year; blank is 8. */
export function readWeeksAllowed(cell: Cell, weeksInYear: Decimal): Decimal {
  if (isBlank(cell)) return new Decimal(DEFAULT_WEEKS_ALLOWED);
  const expected =
    `Weeks allowed: expected a number of weeks from 0 to ${weeksInYear.toString()} (the weeks in the year); ` +
    `got ${describeCell(cell)}`;
  let weeks: Decimal;
  try {
    weeks = readCell(anyNumber, cell, "Weeks allowed");
  } catch {
    throw invalid(expected);
  }
  if (weeks.lt(0) || weeks.gt(weeksInYear)) throw invalid(expected);
  return weeks;
}

/** A reported balance: any amount in £, below 0 when the account is overdrawn. Blank is #N/A. */
export function readBalance(cell: Cell, what = "Balance"): Decimal {
  if (isBlank(cell)) throw notFound(`${what} is blank: give the account's balance`);
  try {
    return readCell(anyNumber, cell, what);
  } catch {
    throw invalid(`${what}: expected an amount in £ (below 0 when overdrawn); got ${describeCell(cell)}`);
  }
}

/** The contingency itself: annual × weeks allowed ÷ weeks in year, exactly. */
export function contingency(annual: Decimal, weeksAllowed: Decimal, weeksInYear: Decimal): Decimal {
  return annual.times(weeksAllowed).div(weeksInYear);
}

/**
 * The part of a balance above the contingency: max(0, balance − annual × weeksAllowed ÷ weeksInYear), rounded to
 * the penny once, half-up. An overdrawn account has none.
 */
export function dpSurplus(balance: Decimal, annual: Decimal, weeksAllowed: Decimal, weeksInYear: Decimal): Decimal {
  return toPence(Decimal.max(ZERO, balance.minus(contingency(annual, weeksAllowed, weeksInYear))));
}

/** PB.DP_SURPLUS's rule for one row of cells. */
export function dpSurplusOf(balance: Cell, annual: Cell, weeksAllowed: Decimal, weeksInYear: Decimal, row = -1) {
  const place = (what: string) => (row < 0 ? what : `${what} (row ${row + 1})`);
  return dpSurplus(
    readBalance(balance, place("Balance")),
    readAmount(annual, place("Annual")),
    weeksAllowed,
    weeksInYear,
  );
}
