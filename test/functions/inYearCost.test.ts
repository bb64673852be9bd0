// PB.IN_YEAR_COST as Excel calls it: annual, start and end as ranges (one plan a row), from and to as single
// values; a bad plan shows its own error, a bad period fails the whole call.
import * as PB from "../../src/functions/functions";
import { cells, thrown } from "../support/excelErrors";

const EXPECTED_DATE = "expected a date (an Excel date, or ISO text such as 2026-04-01) from 1900-01-01 to 9999-12-31";

// 2026-04-01 is serial 46,113 (2008-01-01 is 39,448; + 18 × 365 + 5 leap days + 31 + 28 + 31); the
// financial year 2026/27 runs to 2027-03-31, serial 46,113 + 364 = 46,477: 365 days.
const FROM = 46_113;
const TO = 46_477;
const OCTOBER_2026 = FROM + 30 + 31 + 30 + 31 + 31 + 30; // 46,296
const sheetError = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "from another formula");

describe("PB.IN_YEAR_COST", () => {
  it("gives the part of each plan's annual cost in the year, one per row", () => {
    const annual = [[36_500], [36_500], [10_000], [36_500], [36_500], [1_000]];
    const start = [["2025-06-01"], [OCTOBER_2026], ["2026-05-15"], ["2025-04-01"], ["2027-04-01"], [FROM + 0.75]];
    const end = [[""], [null], ["2026-06-14"], ["2026-03-31"], [""], [FROM + 29.5]];
    expect(PB.inYearCost(annual, start, end, FROM, TO)).toEqual([
      [36_500], // ongoing all year: 365 days, exactly the annual amount
      [18_200], // from 1 October: 182 days; 36,500 × 182 ÷ 365
      [849.32], // 15 May to 14 June: 31 days; 10,000 × 31 ÷ 365 = 849.3150…
      [0], // ended the day before the year began
      [0], // starts the day after it ends
      [82.19], // times of day ignored: 1 to 30 April, 30 days; 1,000 × 30 ÷ 365 = 82.1917…
    ]);
  });

  it("takes the period as serials or ISO text, with one plan or one value for every plan", () => {
    expect(PB.inYearCost([[36_500]], [["2026-10-01"]], [[""]], "2026-04-01", "2027-03-31")).toEqual([[18_200]]);
    // a quarter, April to June: 30 + 31 + 30 = 91 days of each; 3,650 × 91 ÷ 365 = 910, 7,300 × 91 ÷ 365 = 1,820
    expect(PB.inYearCost([[3_650], [7_300]], [[FROM]], [[""]], FROM, "2026-06-30")).toEqual([[910], [1_820]]);
  });

  it("gives 366/365 of the annual amount for a year with 29 February in it", () => {
    // 2027-04-01 to 2028-03-31 holds 2028-02-29: 366 days; 36,500 × 366 ÷ 365 = 36,600
    expect(PB.inYearCost([[36_500]], [["2027-04-01"]], [[""]], "2027-04-01", "2028-03-31")).toEqual([[36_600]]);
  });

  it("puts each plan's error in its own row, with its message", () => {
    const annual = [[""], [1_000], [-5], [1_000], [1_000], [1_000], [sheetError], ["lots"]];
    const start = [[FROM], [""], [FROM], [FROM], ["1 April 2026"], [FROM], [FROM], [FROM]];
    const end = [[""], [""], [""], [FROM - 1], [""], [true], [""], [""]];
    const results = PB.inYearCost(annual, start, end, FROM, TO);
    expect(results[6][0]).toEqual(sheetError); // passed through: the same error, with its message
    expect(cells(results)).toEqual([
      ["#N/A Annual is blank"],
      ["#N/A Start is blank: give a date"],
      ["#VALUE! Annual: expected an amount in £, 0 or more; got -5"],
      ["#VALUE! End (2026-03-31) is before Start (2026-04-01): give the cost's last day"],
      [`#VALUE! Start: ${EXPECTED_DATE}; got "1 April 2026"`],
      [`#VALUE! End: ${EXPECTED_DATE}; got TRUE`],
      ["#N/A from another formula"],
      ['#VALUE! Annual: expected an amount in £, 0 or more; got "lots"'],
    ]);
  });

  it("fails the whole call for a period that is missing, not a date, or backwards", () => {
    expect(thrown(() => PB.inYearCost([[1_000]], [[FROM]], [[""]], TO, FROM))).toEqual({
      code: "#VALUE!",
      message: "To (2026-04-01) is before From (2027-03-31): give the period's last day",
    });
    expect(thrown(() => PB.inYearCost([[1_000]], [[FROM]], [[""]], null, TO))).toEqual({
      code: "#N/A",
      message: "From is blank: give a date",
    });
    expect(thrown(() => PB.inYearCost([[1_000]], [[FROM]], [[""]], FROM, "31/03/2027"))).toEqual({
      code: "#VALUE!",
      message: `To: ${EXPECTED_DATE}; got "31/03/2027"`,
    });
    expect(thrown(() => PB.inYearCost([[1_000], [2_000]], [[FROM], [FROM], [FROM]], [[""]], FROM, TO))).toEqual({
      code: "#VALUE!",
      message: "Start is 3×1 cells but Annual is 2×1: give one value for everyone or one per person",
    });
  });
});
