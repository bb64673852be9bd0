import { Cell } from "./cells";
import { DateSerial, isoFromSerial, readDate } from "./dates";
import { Decimal, toPence } from "./decimal";
import { invalid } from "./errors";

/** Days, both ends included: a reporting period (a financial year, a quarter) or a plan's dates. */
export interface DateSpan {
  readonly from: DateSerial;
  readonly to: DateSerial;
}

/** An annual cost is spread evenly over 365 days, whatever the year: a 366-day year costs 366/365 of it. */
const DAYS_A_YEAR = 365;

/** Reads the period a cost is wanted for; it must end on or after its first day. */
export function readDateSpan(from: Cell, to: Cell): DateSpan {
  const span = { from: readDate(from, "From"), to: readDate(to, "To") };
  if (span.to < span.from) {
    throw invalid(
      `To (${isoFromSerial(span.to)}) is before From (${isoFromSerial(span.from)}): give the period's last day`,
    );
  }
  return span;
}

/** Days two spans share, both ends included; 0 when they do not meet. `end` null means ongoing. */
export function daysInCommon(start: DateSerial, end: DateSerial | null, period: DateSpan): number {
  const first = Math.max(start, period.from);
  const last = end === null ? period.to : Math.min(end, period.to);
  return last < first ? 0 : last - first + 1;
}

/**
 * The part of an annual cost that falls in a period: annual × days ÷ 365, where days are those from
 * the later of start and the period's first day to the earlier of end and its last day, both
 * included. Rounded to the penny once, half-up. `end` null means ongoing; `annual` is read as an
 * amount 0 or more (readAmount).
 */
export function inYearCost(annual: Decimal, start: DateSerial, end: DateSerial | null, period: DateSpan): Decimal {
  if (end !== null && end < start) {
    throw invalid(`End (${isoFromSerial(end)}) is before Start (${isoFromSerial(start)}): give the cost's last day`);
  }
  return toPence(annual.times(daysInCommon(start, end, period)).div(DAYS_A_YEAR));
}
