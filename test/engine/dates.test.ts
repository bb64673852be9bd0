import fc from "fast-check";
import { addMonths, calendarDate, Cell, dateSerial, isoFromSerial, readDate, serialFromIso } from "../../src/engine";
import { failure } from "../support/failure";

// 2008-01-01 is 39,448 (Microsoft's EDATE page); 18 years on, with 5 leap days (2008 … 2024),
// 2026-01-01 is 39,448 + 18 × 365 + 5 = 46,023, and 2026-04-01 is 46,023 + 31 + 28 + 31 = 46,113.
const APRIL_2026 = 46_113;

describe("Excel date serials (1900 date system)", () => {
  it("numbers days as Excel does, including its 29 February 1900", () => {
    const days: [string, number][] = [
      ["1900-01-01", 1],
      ["1900-02-28", 59],
      ["1900-02-29", 60], // Excel's fictitious day
      ["1900-03-01", 61],
      ["1970-01-01", 25_569],
      ["2008-01-01", 39_448],
      ["2026-04-01", APRIL_2026],
      ["2028-02-29", 46_812], // 46,113 + 365 (to 2027-04-01) + 306 (April to January) + 28
      ["9999-12-31", 2_958_465],
    ];
    for (const [iso, serial] of days) {
      expect([iso, serialFromIso(iso)]).toEqual([iso, serial]);
      expect([serial, isoFromSerial(serial)]).toEqual([serial, iso]);
    }
    expect(calendarDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(dateSerial({ year: 2026, month: 4, day: 1 })).toBe(APRIL_2026);
  });

  it("goes from serial to calendar and back, anywhere in 1900–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
        return dateSerial(calendarDate(serial)) === serial && serialFromIso(isoFromSerial(serial)) === serial;
      }),
    );
  });

  it("gives every month of 1900–9999 its Gregorian number of days (and February 1900 Excel's 29)", () => {
    const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 || year === 1900;
    const length = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const wrong: string[] = [];
    for (let year = 1900; year <= 9999; year++) {
      for (let month = 1; month <= 12; month++) {
        const first = dateSerial({ year, month, day: 1 });
        const next =
          month === 12 && year === 9999
            ? 2_958_466
            : dateSerial({ year: year + Math.floor(month / 12), month: (month % 12) + 1, day: 1 });
        const days = month === 2 && leap(year) ? 29 : length[month - 1];
        if (next - first !== days) wrong.push(`${year}-${month}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("ignores the time of day in a serial", () => {
    expect(isoFromSerial(APRIL_2026 + 0.75)).toBe("2026-04-01");
    expect(readDate(APRIL_2026 + 0.999, "Start")).toBe(APRIL_2026);
  });

  it("refuses a day that is not in the calendar or outside 1900–9999", () => {
    expect(failure(() => dateSerial({ year: 2026, month: 2, day: 29 })).message).toBe(
      "2026-2-29 is not a day of the calendar from 1900 to 9999",
    );
    expect(failure(() => isoFromSerial(0)).message).toBe("0 is not an Excel date from 1900-01-01 to 9999-12-31");
    expect(failure(() => isoFromSerial(2_958_466)).message).toMatch(/^2958466 is not an Excel date/);
    expect(failure(() => serialFromIso("2026-4-1")).message).toBe(
      "Not a date: expected a date (an Excel date, or ISO text such as 2026-04-01) from 1900-01-01 to 9999-12-31; " +
        'got "2026-4-1"',
    );
  });
});

describe("reading a date argument", () => {
  it("takes a serial or ISO text", () => {
    expect(readDate(APRIL_2026, "From")).toBe(APRIL_2026);
    expect(readDate(" 2026-04-01 ", "From")).toBe(APRIL_2026);
  });

  it("says which argument and what was expected, #VALUE! for a wrong value and #N/A for a blank", () => {
    const refused: [Cell, string][] = [
      ["01/04/2026", '"01/04/2026"'],
      ["2026-02-29", '"2026-02-29"'], // 2026 is not a leap year
      ["2026-04-01T09:00", '"2026-04-01T09:00"'],
      ["46113", '"46113"'], // a number typed as text is not a date
      [true, "TRUE"],
      [0, "0"],
      [-1, "-1"],
      [0.5, "0.5"], // a time of day with no date
      [2_958_466, "2958466"],
    ];
    for (const [cell, shown] of refused) {
      const error = failure(() => readDate(cell, "Start"));
      expect([error.kind, error.message]).toEqual([
        "invalid",
        "Start: expected a date (an Excel date, or ISO text such as 2026-04-01) from 1900-01-01 to 9999-12-31; " +
          `got ${shown}`,
      ]);
    }
    for (const blank of [null, "", "  "]) {
      const error = failure(() => readDate(blank, "Start"));
      expect([error.kind, error.message]).toEqual(["notFound", "Start is blank: give a date"]);
    }
  });
});

describe("addMonths (Excel's EDATE)", () => {
  const edate = (iso: string, months: number) => isoFromSerial(addMonths(serialFromIso(iso), months));

  it("keeps the day of the month, or clamps it to the end of a shorter month", () => {
    expect(edate("2011-01-15", 1)).toBe("2011-02-15"); // Microsoft's examples: 15-Jan-11 + 1, − 1, + 2
    expect(edate("2011-01-15", -1)).toBe("2010-12-15");
    expect(edate("2011-01-15", 2)).toBe("2011-03-15");
    expect(edate("2006-01-31", 5)).toBe("2006-06-30"); // ECMA-376's example: June has 30 days
    expect(edate("2026-01-31", 1)).toBe("2026-02-28");
    expect(edate("2028-01-31", 1)).toBe("2028-02-29"); // a leap year
    expect(edate("2026-03-31", -1)).toBe("2026-02-28");
    expect(edate("2026-04-01", 12)).toBe("2027-04-01"); // a plan's review date a year on
    expect(edate("2028-02-29", 12)).toBe("2029-02-28");
    expect(edate("2026-12-15", 1)).toBe("2027-01-15");
    expect(edate("2026-01-15", -13)).toBe("2024-12-15");
    expect(edate("1900-01-31", 1)).toBe("1900-02-29"); // Excel's calendar
  });

  it("drops a fraction of a month and the time of day, as EDATE does", () => {
    expect(addMonths(APRIL_2026 + 0.5, 1.9)).toBe(serialFromIso("2026-05-01"));
    expect(addMonths(APRIL_2026, -1.9)).toBe(serialFromIso("2026-03-01"));
  });

  it("refuses a result outside 1900–9999 and a number of months that is not a number", () => {
    expect(failure(() => addMonths(1, -1)).message).toBe("1900-01-01 plus -1 months is outside 1900 to 9999");
    expect(failure(() => addMonths(2_958_465, 1)).message).toBe("9999-12-31 plus 1 months is outside 1900 to 9999");
    expect(failure(() => addMonths(APRIL_2026, NaN)).message).toBe("A number of months must be a number; got NaN");
  });
});
