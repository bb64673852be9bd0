// Dates as Excel holds them: whole-day serial numbers in the 1900 date system. Functions take dates
// as arguments (never a hidden "today"); a cell may hold a serial or ISO text such as "2026-04-01".
import * as z from "zod/mini";
import { Cell, isBlank, readCell } from "./cells";
import { invalid, notFound } from "./errors";

/** A day as Excel numbers it (1900 date system): 1 is 1900-01-01, 2958465 is 9999-12-31. */
export type DateSerial = number;

/** A day of the calendar; month is 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_465;
// Excel counts a 29 February 1900 that never was, as serial 60 (kept for Lotus 1-2-3's sake), so its
// serials from 1 March 1900 on are days since 30 December 1899, and the ones before are one fewer:
// https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year
const LEAP_DAY_1900 = 60;
/** The serial of 1970-01-01, from which JavaScript's UTC clock counts. */
const SERIAL_OF_1970 = 25_569;
const MS_PER_DAY = 86_400_000;

/** Days in a month of Excel's calendar (where February 1900 has 29). */
function daysInMonth(year: number, month: number): number {
  if (year === 1900 && month === 2) return 29;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The serial of a calendar day; the day must exist in Excel's calendar, from 1900 to 9999. */
export function dateSerial({ year, month, day }: CalendarDate): DateSerial {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) throw invalid(`${year}-${month}-${day} is not a day of the calendar from 1900 to 9999`);
  if (year === 1900 && month === 2 && day === 29) return LEAP_DAY_1900;
  const days = Date.UTC(year, month - 1, day) / MS_PER_DAY + SERIAL_OF_1970;
  return days <= LEAP_DAY_1900 ? days - 1 : days;
}

/** A date serial's whole day (its fraction, a time of day, ignored), or undefined outside 1900–9999. */
export function wholeDay(serial: number): DateSerial | undefined {
  const day = Math.floor(serial);
  return day >= FIRST_SERIAL && day <= LAST_SERIAL ? day : undefined;
}

function checkedDay(serial: DateSerial): DateSerial {
  const day = wholeDay(serial);
  if (day === undefined) throw invalid(`${serial} is not an Excel date from 1900-01-01 to 9999-12-31`);
  return day;
}

/** The calendar day of a serial (a time of day ignored). */
export function calendarDate(serial: DateSerial): CalendarDate {
  const day = checkedDay(serial);
  if (day === LEAP_DAY_1900) return { year: 1900, month: 2, day: 29 };
  // Stryker disable next-line EqualityOperator: equivalent at `<=`; day 60 has returned above.
  const date = new Date(((day < LEAP_DAY_1900 ? day + 1 : day) - SERIAL_OF_1970) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "2026-04-01" for the serial of 1 April 2026. */
export function isoFromSerial(serial: DateSerial): string {
  const { year, month, day } = calendarDate(serial);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoSerial(text: string): DateSerial | undefined {
  const parts = ISO_DATE.exec(text.trim());
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(Number);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dateSerial({ year, month, day });
}

const EXPECTED_DATE = "expected a date (an Excel date, or ISO text such as 2026-04-01) from 1900-01-01 to 9999-12-31";

/** Whether text is an ISO date such as "2026-04-01" of a day that exists. */
export function isIsoDate(text: string): boolean {
  return isoSerial(text) !== undefined;
}

/** The serial of ISO text such as "2026-04-01" (year-month-day, nothing else). */
export function serialFromIso(text: string): DateSerial {
  const serial = isoSerial(text);
  if (serial === undefined) throw invalid(`Not a date: ${EXPECTED_DATE}; got "${text}"`);
  return serial;
}

const dateCell = z.pipe(
  z.custom<Cell>(),
  z.transform((cell: Cell, context) => {
    const serial = typeof cell === "number" ? wholeDay(cell) : typeof cell === "string" ? isoSerial(cell) : undefined;
    if (serial === undefined) {
      // Stryker disable next-line StringLiteral: equivalent; only the issue's message reaches anyone.
      context.issues.push({ code: "custom", message: EXPECTED_DATE, input: cell });
      return z.NEVER;
    }
    return serial;
  }),
);

/**
 * Reads a date argument: an Excel date serial (its time of day ignored) or ISO text "2026-04-01".
 * A blank is #N/A (not given yet); anything else is #VALUE! naming the argument.
 */
export function readDate(cell: Cell, what: string): DateSerial {
  if (isBlank(cell)) throw notFound(`${what} is blank: give a date`);
  return readCell(dateCell, cell, what);
}

/**
 * The same day of the month `months` later (earlier when negative), or that month's last day when it
 * is shorter, as Excel's EDATE: a fraction of a month is dropped, and 31 January + 1 month is 28 (or
 * 29) February. https://support.microsoft.com/en-us/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5
 */
export function addMonths(serial: DateSerial, months: number): DateSerial {
  if (!Number.isFinite(months)) throw invalid(`A number of months must be a number; got ${months}`);
  const { year, month, day } = calendarDate(serial);
  const monthIndex = year * 12 + month - 1 + Math.trunc(months);
  const target = { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
  if (target.year < 1900 || target.year > 9999) {
    throw invalid(`${isoFromSerial(serial)} plus ${Math.trunc(months)} months is outside 1900 to 9999`);
  }
  return dateSerial({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}
