// Which rows the fast paths price by themselves. fastPaths.test.ts shows they give the decimal engine's answer on
// every input; this shows they do not get it by handing ordinary rows to the decimal engine, which is what keeps a
// 50,000-row cohort within the benchmark's targets (README, Performance). The decimal engine reads the price table
// (or scoring sheet) each time it prices a row; the fast path read what it needs once, when it was made. So a table
// that counts its reads after that says which path a row took.
import {
  answerScorer,
  BudgetOptions,
  budgetPricer,
  Cell,
  Decimal,
  indicativeBudget,
  parsePriceTable,
  parseScoringSheet,
  penceNumber,
  PriceTable,
} from "../../src/engine";
import { bandTable, categoryTable } from "../fixtures";

/** The value, and how many of its properties were read since `counting()`. */
function watched<T extends object>(value: T) {
  let reads = 0;
  const proxy = new Proxy(value, {
    get: (target, key, receiver): unknown => {
      reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, counting: () => (reads = 0), reads: () => reads };
}

type Row = [points: Cell, careGroup: Cell, reduction: Cell];

/** Each row's budget by the pricer, with whether it took the decimal engine, and the decimal engine's own. */
function priced(table: unknown, rows: Row[], options: BudgetOptions) {
  const parsed = parsePriceTable(table);
  const { proxy, counting, reads } = watched<PriceTable>(parsed);
  const pricer = budgetPricer(proxy, options);
  return rows.map(([points, careGroup, reduction]) => {
    counting();
    const budget = pricer(points, careGroup, reduction);
    const exact = penceNumber(indicativeBudget(parsed, { points, careGroup, reduction }, options));
    return { budget, exact, decimalPath: reads() > 0 };
  });
}

const fast = (results: ReturnType<typeof priced>) => results.map(({ decimalPath }) => !decimalPath);
const equal = (results: ReturnType<typeof priced>) => results.every(({ budget, exact }) => budget === exact);

describe("the fast budget path takes every ordinary row itself", () => {
  const ordinary: Row[] = [
    [0, "Older people", null],
    [20, "Older people", null],
    [45, "older people ", ""], // another spelling of the care group, and a blank reduction
    [45, "Older people", 0],
    [12.3456, "Mental health", 0.1], // four decimals of a point; a reduction of 10%
    [45, "Learning disability", 0.25],
    [45, "Physical disability", 1],
    [45, "Older people", 0.3333],
    [4000, "Learning disability", null],
  ];

  it.each(["marginal", "band", "step"] as const)("a band table by the %s method, a year or a week", (method) => {
    for (const period of ["annual", "weekly"] as const) {
      const results = priced(bandTable, ordinary, { period, method, weeksInYear: new Decimal(52) });
      expect(fast(results)).toEqual(ordinary.map(() => true));
      expect(equal(results)).toBe(true);
    }
  });

  it("a category table and a single £-per-point rate, and prices of up to six decimal places", () => {
    const categories: Row[] = [
      ["Basic", "Older people", null],
      ["standard", "Learning disability", 0.1],
      ["Enhanced", "older people", ""],
    ];
    const annual = { period: "annual", method: "marginal" } as const;
    expect(fast(priced(categoryTable, categories, annual))).toEqual([true, true, true]);
    const linear: Row[] = [
      [45, null, null],
      [0.0001, null, 0.5],
    ];
    expect(fast(priced(2.01, linear, annual))).toEqual([true, true]);
    expect(fast(priced(0.000001, linear, annual))).toEqual([true, true]);
    const sixDecimals = [
      ["Points from", "£"],
      [0, 1.123456],
      [10, 2],
    ];
    expect(fast(priced(sixDecimals, [[15, null, null]], annual))).toEqual([true]);
    // Below the first band, and exactly on a bound whose own band has no value ("-"; a blank is £0): the marginal
    // method needs only the total at the bound, 10 × £50.
    const gaps = [
      ["Points from", "£"],
      [10, 50],
      [20, "-"],
    ];
    const gapRows: Row[] = [
      [5, null, null],
      [20, null, null],
    ];
    const results = priced(gaps, gapRows, annual);
    expect(results.map(({ budget, decimalPath }) => [budget, decimalPath])).toEqual([
      [0, false],
      [500, false],
    ]);
    // 2³³ − 1 points at £0.01 a point: 85,899,345.91, still on the integers.
    expect(fast(priced(0.01, [[2 ** 33 - 1, null, null]], annual))).toEqual([true]);
  });

  it("hands the decimal engine only what the integers cannot hold or what is wrong, which it refuses", () => {
    const annual = { period: "annual", method: "marginal" } as const;
    const unusual: Row[] = [
      [12.34567, "Older people", null], // five decimals of a point
      [45, "Older people", 0.33333], // a reduction of five decimals
      [45, "Older people", "10%"], // a reduction typed as text
      [2 ** 33, "Older people", null], // past where four decimals prove themselves as floats
      ["45", "Older people", null], // points typed as text
    ];
    const results = priced(bandTable, unusual, annual);
    expect(fast(results)).toEqual(unusual.map(() => false));
    expect(equal(results)).toBe(true);
    const pricer = budgetPricer(parsePriceTable(bandTable), annual);
    expect(() => pricer(-1, "Older people", null)).toThrow("Points: expected a number of points, 0 or more; got -1");
    // A reduction outside 0 to 1 is the decimal engine's to refuse, not a bigger or a negative budget.
    for (const reduction of [-0.1, 1.5]) {
      expect(() => pricer(45, "Older people", reduction)).toThrow(
        `Reduction: expected a fraction from 0 to 1 (such as 0.25 or 25%); got ${reduction}`,
      );
    }
    expect(() => pricer(45, "Children", null)).toThrow(
      'Care group "Children" is not in the price table (it has Older people, Physical disability, ' +
        "Learning disability, Mental health)",
    );
    // 2³³ points, where four decimals no longer prove themselves as floats, even at £0.01 a point.
    expect(fast(priced(0.01, [[2 ** 33, null, null]], annual))).toEqual([false]);
    // Prices of seven decimal places, or a bound of five: every row of the table takes the decimal engine.
    const row: Row[] = [[15, null, null]];
    expect(fast(priced(0.0000001, row, annual))).toEqual([false]);
    const finePrice = [
      ["Points from", "£"],
      [0, 1.0000001],
    ];
    expect(fast(priced(finePrice, row, annual))).toEqual([false]);
    const fineBound = [
      ["Points from", "£"],
      [0, 50],
      [10.00001, 80],
    ];
    // 10.00001 × 50 + 4.99999 × 80 = 500.0005 + 399.9992 = 899.9997 → 900.00
    const fine = priced(fineBound, row, annual);
    expect(fine.map(({ budget, decimalPath }) => [budget, decimalPath])).toEqual([[900, true]]);
    // A week of 52.143 weeks with prices of six decimal places: a penny is 10⁸ price units × 52,143 × 10⁴ for the
    // reduction, past 2⁵², so every row takes the decimal engine; with 52 weeks (5.2 × 10¹³) the integers hold it.
    // 10 × £1.123456 + 5 × £2 = £21.23456 a year; ÷ 52.143 = £0.40724… → £0.41; ÷ 52 = £0.40836… → £0.41.
    const sixDecimals = [
      ["Points from", "£"],
      [0, 1.123456],
      [10, 2],
    ];
    for (const [weeks, decimalPath] of [
      ["52.143", true],
      ["52", false],
    ] as const) {
      const weekly = { period: "weekly", method: "marginal", weeksInYear: new Decimal(weeks) } as const;
      expect(priced(sixDecimals, row, weekly).map((result) => [result.budget, result.decimalPath])).toEqual([
        [0.41, decimalPath],
      ]);
    }
    const fineCategory = [
      ["Category", "£"],
      ["Basic", 0.0000001],
    ];
    expect(fast(priced(fineCategory, [["Basic", null, null]], annual))).toEqual([false]);
  });
});

describe("the fast scoring path takes every ordinary row itself", () => {
  const sheet = [
    ["Question", "A", "B", "C", 1],
    ["Q1", 0, 5, 10.5, 1],
    ["Q2", -2.25, 3, 6, 2],
  ];

  /** Each row's points, and whether the decimal path read the sheet for it. */
  function scored(rows: Cell[][], order?: number[], on: Cell[][] = sheet) {
    const { proxy, counting, reads } = watched(parseScoringSheet(on));
    const score = answerScorer(proxy);
    return rows.map((answers) => {
      counting();
      const points = score(answers, order);
      return [points, reads() > 0];
    });
  }

  it("scores answers written as the header writes them, numeric codes as numbers too, in any question order", () => {
    expect(
      scored([
        ["A", "B"], // 0 + 3
        ["C", "C"], // 10.5 + 6
        [1, 1], // 1 + 2
        ["1", "A"], // 1 − 2.25
        ["A", "A"], // −2.25 is no points at all
      ]),
    ).toEqual([
      [3, false],
      [16.5, false],
      [3, false],
      [0, false],
      [0, false],
    ]);
    expect(scored([["B", "C"]], [1, 0])).toEqual([[13.5, false]]); // Q2's B, then Q1's C: 3 + 10.5
  });

  it("hands the decimal path every row of a sheet with points of seven decimals, or beyond ±2³¹ millionths", () => {
    const one = (points: number) => [
      ["Question", "A", "B"],
      ["Q1", points, 2],
    ];
    expect(scored([["B"]], undefined, one(0.0000005))).toEqual([[2, true]]);
    // 2³¹ millionths of a point is 2,147.483648 points: the integers still hold it; a millionth more, not.
    expect(scored([["A"]], undefined, one(2147.483648))).toEqual([[2147.483648, false]]);
    expect(scored([["A"]], undefined, one(2147.483649))).toEqual([[2147.483649, true]]);
  });

  it("hands the decimal path another spelling of a code, a blank or the wrong number of answers", () => {
    const results = scored([
      ["a", "B"],
      [" B ", "B"],
    ]);
    expect(results).toEqual([
      [3, true],
      [8, true],
    ]);
    expect(() => scored([["A", ""]])).toThrow("Question Q2 is unanswered");
    expect(() => scored([["A"]])).toThrow("Expected 2 answers, one per question in the scoring sheet; got 1");
  });
});
