// Dates at the edges of Excel's calendar and of a period: each limit on both sides, refusals word for word.
import * as PB from "../../src/functions/functions";
import {
  addMonths,
  CalendarDate,
  dateSerial,
  Decimal,
  inYearCost,
  isoFromSerial,
  isIsoDate,
  readDate,
  readDateSpan,
  serialFromIso,
} from "../../src/engine";
import { cells, thrown } from "../support/excelErrors";
import { failure } from "../support/failure";

const day = serialFromIso;

describe("dateSerial at the edges of Excel's calendar", () => {
  it("numbers the 29th of every month of 1900 as Excel does: only February's is its fictitious day 60", () => {
    // 1 January 1900 is 1; 1 March 1900 is 61 (after Excel's 29 February, 60).
    const twentyNinths = [1, 2, 3, 12].map((month) => dateSerial({ year: 1900, month, day: 29 }));
    // 1 March is 61, so its 29th is 89; Excel's 1900 has 366 days, so 31 December is 366 and the 29th 364.
    expect(twentyNinths).toEqual([29, 60, 89, 364]);
  });

  it("takes the first and the last day of 1900–9999", () => {
    expect(dateSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
    expect(dateSerial({ year: 9999, month: 12, day: 31 })).toBe(2_958_465);
  });

  it("refuses a day outside the calendar, each limit on its own, saying which day", () => {
    const refused: [CalendarDate, string][] = [
      [{ year: 1899, month: 12, day: 31 }, "1899-12-31"],
      [{ year: 10_000, month: 1, day: 1 }, "10000-1-1"],
      [{ year: 2026, month: 0, day: 1 }, "2026-0-1"],
      [{ year: 2026, month: 13, day: 1 }, "2026-13-1"],
      [{ year: 2026, month: 4, day: 0 }, "2026-4-0"],
      [{ year: 2026, month: 4, day: 31 }, "2026-4-31"],
      [{ year: 2026.5, month: 4, day: 1 }, "2026.5-4-1"],
      [{ year: 2026, month: 4.5, day: 1 }, "2026-4.5-1"],
      [{ year: 2026, month: 4, day: 1.5 }, "2026-4-1.5"],
    ];
    for (const [date, shown] of refused) {
      expect(failure(() => dateSerial(date)).message).toBe(`${shown} is not a day of the calendar from 1900 to 9999`);
    }
  });
});

describe("reading a date typed as ISO text, at each limit", () => {
  it("takes the first and last day of a month and of 1900–9999", () => {
    expect(readDate("1900-01-01", "Start")).toBe(1);
    expect(readDate("9999-12-31", "Start")).toBe(2_958_465);
    expect([readDate("2026-04-30", "Start"), readDate("2026-12-01", "Start")]).toEqual([
      day("2026-04-01") + 29,
      day("2026-11-30") + 1,
    ]);
  });

  it("tells a day that exists from one that does not", () => {
    expect(["2028-02-29", "2026-02-29", "2026-04-01", "2026-4-1"].map(isIsoDate)).toEqual([true, false, true, false]);
  });

  it("refuses a year, month or day just outside, as a date that is not one, naming the argument", () => {
    for (const text of ["1899-12-31", "2026-00-10", "2026-13-01", "2026-04-00", "2026-04-31"]) {
      expect(failure(() => readDate(text, "Start")).message).toBe(
        "Start: expected a date (an Excel date, or ISO text such as 2026-04-01) from 1900-01-01 to 9999-12-31; " +
          `got "${text}"`,
      );
    }
  });
});

describe("addMonths (EDATE) at the ends of 1900–9999", () => {
  const edate = (iso: string, months: number) => isoFromSerial(addMonths(day(iso), months));

  it("reaches into 9999 and into 1900, clamping to the shorter month", () => {
    expect(edate("9999-01-31", 1)).toBe("9999-02-28");
    expect(edate("9998-12-31", 12)).toBe("9999-12-31");
    expect(edate("1900-03-31", -2)).toBe("1900-01-31");
    expect(edate("1901-01-01", -12)).toBe("1900-01-01");
  });

  it("refuses a month beyond them, saying which", () => {
    expect(failure(() => addMonths(day("9999-12-01"), 1)).message).toBe(
      "9999-12-01 plus 1 months is outside 1900 to 9999",
    );
    expect(failure(() => addMonths(day("1900-01-31"), -1)).message).toBe(
      "1900-01-31 plus -1 months is outside 1900 to 9999",
    );
  });
});

describe("a period of one day", () => {
  it("is accepted when it ends the day it starts, and costs a 365th of the annual amount, to the penny", () => {
    const oneDay = readDateSpan("2026-04-01", "2026-04-01");
    expect(oneDay).toEqual({ from: day("2026-04-01"), to: day("2026-04-01") });
    // 36,500 ÷ 365 = 100; 1,000 ÷ 365 = 2.7397… → 2.74; 1.82 ÷ 365 = 0.004986… → 0.00; 1.83 ÷ 365 = 0.005013… → 0.01
    const cost = (annual: string) => inYearCost(new Decimal(annual), day("2026-01-01"), null, oneDay).toFixed(2);
    expect(["36500", "1000", "1.82", "1.83"].map(cost)).toEqual(["100.00", "2.74", "0.00", "0.01"]);
    expect(PB.inYearCost([[36_500], [1000]], [["2026-01-01"]], [[""]], "2026-04-01", "2026-04-01")).toEqual([
      [100],
      [2.74],
    ]);
  });

  it("counts a plan that starts or ends on that day, and not one that ends the day before", () => {
    const oneDay = readDateSpan("2026-04-01", "2026-04-01");
    expect(
      cells(
        PB.inYearCost(
          [[36_500], [36_500], [36_500], [36_500]],
          [["2026-04-01"], ["2025-04-01"], ["2025-04-01"], ["2026-04-02"]],
          [[""], ["2026-04-01"], ["2026-03-31"], [""]],
          "2026-04-01",
          "2026-04-01",
        ),
      ),
    ).toEqual([[100], [100], [0], [0]]);
    expect(inYearCost(new Decimal(36_500), day("2026-04-01"), day("2026-04-01"), oneDay).toFixed(2)).toBe("100.00");
  });

  it("refuses a period ending the day before it starts, and a plan ending the day before it starts", () => {
    expect(failure(() => readDateSpan("2026-04-01", "2026-03-31")).message).toBe(
      "To (2026-03-31) is before From (2026-04-01): give the period's last day",
    );
    expect(thrown(() => PB.inYearCost([[1000]], [["2026-04-01"]], [[""]], "2026-04-01", "2026-03-31"))).toMatchObject({
      code: "#VALUE!",
      message: "To (2026-03-31) is before From (2026-04-01): give the period's last day",
    });
    const year = readDateSpan("2026-04-01", "2027-03-31");
    expect(failure(() => inYearCost(new Decimal(1000), day("2026-04-01"), day("2026-03-31"), year)).message).toBe(
      "End (2026-03-31) is before Start (2026-04-01): give the cost's last day",
    );
  });
});
