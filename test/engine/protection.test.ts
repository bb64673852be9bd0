// Transitional protection (issue 25 §4): a cap on any one person's loss in the first year, as a percentage of the
// current budget or £ a year, and what it costs; hand-worked, then against a plain decimal.js reference.
import fc from "fast-check";
import {
  capPence,
  capText,
  changeDistribution,
  Decimal,
  firstYearPence,
  largestChanges,
  lossCap,
  parsePriceTable,
  protectLosses,
  rasCurves,
  Repricing,
} from "../../src/engine";

const percent = (text: string) => lossCap("percent", new Decimal(text));
const pounds = (text: string) => lossCap("amount", new Decimal(text));

/** Only what protectLosses and largestChanges read of a repricing: everyone's budgets, NaN where not priced. */
const repricingOf = (pairs: readonly (readonly [number, number])[]): Repricing =>
  ({
    current: Float64Array.from(pairs.map(([now]) => now)),
    proposed: Float64Array.from(pairs.map(([, then]) => then)),
  }) as Repricing;

describe("a cap on one person's loss", () => {
  it("takes a percentage of the current budget, rounded half-up to the penny once", () => {
    // 5% of £10,000.10 is £500.005: £500.01.
    expect(capPence(1_000_010, percent("0.05"))).toBe(50_001);
    // 5% of £10,000.09 is £500.0045: £500.00.
    expect(capPence(1_000_009, percent("0.05"))).toBe(50_000);
    // 2.25% of £6,200 is £139.50 exactly.
    expect(capPence(620_000, percent("0.0225"))).toBe(13_950);
    expect(capPence(620_000, pounds("250.5"))).toBe(25_050);
  });

  it("leaves the proposed budget when the loss is within the cap, and stops the loss at the cap beyond it", () => {
    const cap = pounds("500");
    // Loses exactly £500: as proposed.
    expect(firstYearPence(620_000, 570_000, cap)).toBe(570_000);
    // Loses £500.01: stopped at £5,700.
    expect(firstYearPence(620_000, 569_999, cap)).toBe(570_000);
    // A gain is never capped; nor is no change.
    expect(firstYearPence(620_000, 700_000, cap)).toBe(700_000);
    expect(firstYearPence(620_000, 620_000, pounds("0"))).toBe(620_000);
    // A cap of 0 keeps everyone who would lose at today's budget.
    expect(firstYearPence(620_000, 100, percent("0"))).toBe(620_000);
    // 100% lets the whole budget go.
    expect(firstYearPence(620_000, 0, percent("1"))).toBe(0);
  });

  it("refuses a cap the sheet would not take, saying what is expected", () => {
    expect(() => percent("1.0001")).toThrow(
      "A cap as a percentage is from 0% to 100% of the current budget; got 100.01%",
    );
    expect(() => percent("-0.01")).toThrow("from 0% to 100% of the current budget; got -1%");
    expect(() => percent("0.02255")).toThrow(
      "A cap as a percentage has at most 2 decimal places, such as 2.25%; got 2.255%",
    );
    expect(() => pounds("-1")).toThrow("A cap in £ a year is 0 or more; got -£1.00");
    expect(() => pounds("10.005")).toThrow("A cap in £ a year is whole pence, such as 500 or 250.50; got £10.005");
    expect(capText(percent("0.05"))).toBe("5% of the current budget");
    expect(capText(pounds("1200"))).toBe("£1,200.00 a year");
  });
});

describe("protection over a cohort", () => {
  it("counts who is protected, what it costs and the first year's total, hand-worked", () => {
    const cohort = repricingOf([
      [6200, 5890], // loses £310 (5%): 5% of £6,200 is £310, so not protected
      [6200, 5000], // loses £1,200: kept at £5,890, protection £890
      [10000.1, 9000], // loses £1,000.10: the cap is £500.01, so £9,500.09, protection £500.09
      [4000, 4400], // gains £400
      [NaN, NaN], // not priced: left out
      [0, 0],
    ]);
    const protection = protectLosses(cohort, percent("0.05"));
    expect(protection.people).toBe(2);
    expect(protection.cost).toBe(1390.09);
    expect(Array.from(protection.firstYear)).toEqual([5890, 5890, 9500.09, 4400, NaN, 0]);
    // Σ current £26,400.10; Σ first year £25,680.09.
    expect(protection.firstYearTotal).toBe(25680.09);
    expect(protection.firstYearChange).toBe(-720.01);
    expect(protection.largestLoss).toBe(-500.01);
  });

  it("agrees with a plain decimal.js reference on any cohort and cap", () => {
    const budget = fc.integer({ min: 0, max: 20_000_000 }).map((pence) => pence / 100);
    const capArbitrary = fc.oneof(
      fc
        .integer({ min: 0, max: 10_000 })
        .map((basisPoints) => percent(new Decimal(basisPoints).div(10_000).toString())),
      fc.integer({ min: 0, max: 500_000 }).map((pence) => pounds(new Decimal(pence).div(100).toString())),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(budget, budget), { maxLength: 40 }), capArbitrary, (pairs, cap) => {
        const protection = protectLosses(repricingOf(pairs), cap);
        let cost = new Decimal(0);
        let people = 0;
        pairs.forEach(([now, then], index) => {
          const current = new Decimal(now);
          const limit =
            cap.kind === "amount" ? cap.amount : current.times(cap.fraction).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          const first = Decimal.max(new Decimal(then), current.minus(limit));
          expect(protection.firstYear[index]).toBe(first.toNumber());
          if (first.gt(then)) people++;
          cost = cost.plus(first.minus(then));
          // Nobody loses more than the cap; nobody gets more than the proposal unless losing.
          expect(current.minus(first).lte(limit)).toBe(true);
        });
        expect(protection.people).toBe(people);
        expect(protection.cost).toBe(cost.toNumber());
      }),
    );
  });
});

describe("the largest losses and gains", () => {
  it("ranks by change in pence, people with the same change in cohort order, leaving out the unpriced", () => {
    const cohort = repricingOf([
      [100, 90], // −10
      [100, 80], // −20
      [NaN, NaN],
      [50, 40], // −10
      [70, 70],
      [10, 25.5], // +15.50
      [0, 15.5], // +15.50
      [100, 130], // +30, the largest gain, last in the cohort
    ]);
    expect(largestChanges(cohort, "losses", 10)).toEqual([
      { index: 1, change: -20 },
      { index: 0, change: -10 },
      { index: 3, change: -10 },
    ]);
    expect(largestChanges(cohort, "losses", 2).map(({ index }) => index)).toEqual([1, 0]);
    expect(largestChanges(cohort, "gains", 10)).toEqual([
      { index: 7, change: 30 },
      { index: 5, change: 15.5 },
      { index: 6, change: 15.5 },
    ]);
  });
});

describe("the what-if's charts, as the committee pack draws them", () => {
  it("bands people by change as the What-if sheet's COUNTIFS do, a loss of exactly a width in the band above", () => {
    // Largest change £978: bands of CEILING(978 ÷ 5, 10) = £200.
    const cohort = repricingOf([
      [1000, 800], // −200: exactly one width, "Lose up to £200"
      [1000, 799.99], // −200.01: "Lose £200–400"
      [1000, 1000], // no change
      [1000, 1200], // +200: "Gain up to £200"
      [1000, 1200.01], // +200.01: "Gain £200–400"
      [1000, 1978], // +978: "Gain £800–1000"
      [NaN, NaN],
    ]);
    const { width, bands } = changeDistribution(cohort);
    expect(width).toBe(200);
    expect(bands.map((band) => `${band.label}: ${band.people}`)).toEqual([
      "Lose £800–1000: 0",
      "Lose £600–800: 0",
      "Lose £400–600: 0",
      "Lose £200–400: 1",
      "Lose up to £200: 1",
      "No change: 1",
      "Gain up to £200: 1",
      "Gain £200–400: 1",
      "Gain £400–600: 0",
      "Gain £600–800: 0",
      "Gain £800–1000: 1",
    ]);
    // Small changes: bands of £10 at least.
    expect(changeDistribution(repricingOf([[100, 101]])).width).toBe(10);
  });

  it("plots each care group at 0, every lower bound of either table and the end", () => {
    const table = (rows: (number | string)[][]) =>
      parsePriceTable([["Points from", "Older people", "Mental health"], ...rows]);
    const current = table([
      [0, 150, 140],
      [20, 200, 190],
    ]);
    const proposed = table([
      [0, 150, 140],
      [25, 220, 190],
    ]);
    const curves = rasCurves(current, proposed, 30)!;
    expect(curves.points).toEqual([0, 20, 25, 30]);
    // Older people now: 20 × 150 = 3,000 at 20; + 5 × 200 at 25; + 10 × 200 at 30. Proposed: 25 × 150 = 3,750 at
    // 25, + 5 × 220 at 30.
    expect(curves.curves[0]).toEqual({
      careGroup: "Older people",
      current: [0, 3000, 4000, 5000],
      proposed: [0, 3000, 3750, 4850],
    });
    expect(curves.curves.map((curve) => curve.careGroup)).toEqual(["Older people", "Mental health"]);
  });
});
