// PB.DP_SURPLUS as Excel calls it: balance and annual as ranges (one account a row), the weeks as single values;
// omitted optionals arrive as null. Every rule of issue 24 and its message, with hand-worked figures.
import * as PB from "../../src/functions/functions";
import { cells, thrown } from "../support/excelErrors";

const surplus = (...args: Parameters<typeof PB.dpSurplus>) => cells(PB.dpSurplus(...args));
const sheetError = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "from another formula");

describe("PB.DP_SURPLUS", () => {
  it("gives the balance above 8 weeks of the annual direct payment, by default, over 52 weeks", () => {
    // £10,400 ÷ 52 × 8 = £1,600 allowed; £3,000 − £1,600 = £1,400
    expect(surplus([[3000]], [[10400]], null, null)).toEqual([[1400]]);
    // 12 weeks: £10,400 ÷ 52 × 12 = £2,400; £3,000 − £2,400 = £600
    expect(surplus([[3000]], [[10400]], 12, null)).toEqual([[600]]);
    // Overdrawn: no surplus
    expect(surplus([[-50]], [[10400]], null, null)).toEqual([[0]]);
    // A balance within the contingency, and exactly at it: none
    expect(surplus([[1000]], [[10400]], null, null)).toEqual([[0]]);
    expect(surplus([[1600]], [[10400]], null, null)).toEqual([[0]]);
    expect(surplus([[1600.01]], [[10400]], null, null)).toEqual([[0.01]]);
  });

  it("counts weeks in the year as given, 50 to 53, and rounds once, half-up", () => {
    // 50 weeks: £10,400 ÷ 50 × 8 = £1,664; £3,000 − £1,664 = £1,336
    expect(surplus([[3000]], [[10400]], 8, 50)).toEqual([[1336]]);
    // 53 weeks: £10,400 × 8 ÷ 53 = £1,569.8113…; £3,000 − that = £1,430.1886… → £1,430.19
    expect(surplus([[3000]], [[10400]], 8, 53)).toEqual([[1430.19]]);
    // 52.143 weeks (365 ÷ 7, as some councils count): £10,400 × 8 ÷ 52.143 = £1,595.6121…; → £1,404.39
    expect(surplus([[3000]], [[10400]], 8, 52.143)).toEqual([[1404.39]]);
    // Half a penny exactly: £1,000.005 − 0 weeks → £1,000.01, half-up
    expect(surplus([[1000.005]], [[10400]], 0, null)).toEqual([[1000.01]]);
    // No contingency at all, and the whole year's: 0 weeks keeps nothing; 52 of 52 keeps the annual amount
    expect(surplus([[3000]], [[10400]], 0, null)).toEqual([[3000]]);
    expect(surplus([[12000]], [[10400]], 52, 52)).toEqual([[1600]]);
  });

  it("spills one result per account, each row failing alone", () => {
    const balance = [[3000], [-50], [""], ["lots"], [2500], [sheetError], [true], ["£2,000.50"]];
    const annual = [[10400], [10400], [10400], [10400], [-1], [5200], [5200], ["5200"]];
    expect(surplus(balance, annual, null, null)).toEqual([
      [1400],
      [0],
      ["#N/A Balance (row 3) is blank: give the account's balance"],
      ['#VALUE! Balance (row 4): expected an amount in £ (below 0 when overdrawn); got "lots"'],
      ["#VALUE! Annual (row 5): expected an amount in £, 0 or more; got -1"],
      ["#N/A from another formula"],
      ["#VALUE! Balance (row 7): expected an amount in £ (below 0 when overdrawn); got TRUE"],
      // £2,000.50 − £5,200 ÷ 52 × 8 (£800) = £1,200.50
      [1200.5],
    ]);
    // One annual amount for every account
    expect(surplus([[3000], [1000]], [[5200]], null, null)).toEqual([[2200], [200]]);
    expect(surplus([[3000]], [[""]], null, null)).toEqual([["#N/A Annual is blank"]]);
  });

  it("refuses weeks out of range, or text, for the whole call", () => {
    expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], 53, null))).toEqual({
      code: "#VALUE!",
      message: "Weeks allowed: expected a number of weeks from 0 to 52 (the weeks in the year); got 53",
    });
    expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], -1, null)).message).toBe(
      "Weeks allowed: expected a number of weeks from 0 to 52 (the weeks in the year); got -1",
    );
    // 53 allowed of 53 is fine; 12 of 50 too
    expect(surplus([[3000]], [[10400]], 53, 53)).toEqual([[0]]);
    expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], "eight", null)).message).toBe(
      'Weeks allowed: expected a number of weeks from 0 to 52 (the weeks in the year); got "eight"',
    );
    for (const weeks of [49, 54, 49.99, 53.01]) {
      expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], null, weeks))).toEqual({
        code: "#VALUE!",
        message: `Weeks in year: expected a number from 50 to 53; got ${weeks}`,
      });
    }
    expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], null, "52 weeks")).message).toBe(
      'Weeks in year: expected a number from 50 to 53; got "52 weeks"',
    );
    // Excel for Windows passes a blank cell as 0: no year has 0 weeks, and the message says why it may be 0
    expect(thrown(() => PB.dpSurplus([[3000]], [[10400]], null, 0)).message).toBe(
      "Weeks in year: expected a number from 50 to 53; got 0 (a blank cell reaches the functions as 0 in Excel " +
        "for Windows and Mac: fill it in)",
    );
    // A blank weeks cell as Excel on the web passes it ("" or null) takes the default
    expect(surplus([[3000]], [[10400]], "", "")).toEqual([[1400]]);
  });

  it("refuses ranges of different shapes", () => {
    expect(thrown(() => PB.dpSurplus([[1], [2]], [[1], [2], [3]], null, null)).message).toBe(
      "Annual is 3×1 cells but Balance is 2×1: give one value for everyone or one per person",
    );
  });
});
