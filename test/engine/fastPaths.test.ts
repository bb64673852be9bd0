// The fast paths (floats filtered by an error bound; points in integer millionths) must equal the
// decimal engine on every input: the same number to the penny, or the same error with the same message.
import fc from "fast-check";
import {
  answerScorer,
  BandPriceTable,
  budgetPricer,
  Cell,
  Decimal,
  deriveBudget,
  indicativeBudget,
  parsePriceTable,
  parseScoringSheet,
  penceNumber,
  PricingMethod,
  scoreAnswers,
} from "../../src/engine";

type Result = { value: number } | { error: string };
const outcome = (run: () => number): Result => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const CARE_GROUPS = ["Older people", "Learning disability", "Mental health"];
const rate = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map((p) => p / 100), // £0.00–£1,000.00
  fc.integer({ min: 0, max: 1_000_000 }).map((p) => p / 1000), // tenths of pence
  fc.constantFrom(2.01, 0.01, 19.55, 1e-7, 123456.789),
);
const maybeBlank = fc.oneof(
  { weight: 9, arbitrary: rate.map((r): Cell => r) },
  { weight: 1, arbitrary: fc.constant<Cell>(null) },
);

const bandTable = fc
  .tuple(
    fc.integer({ min: 0, max: 10 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.array(maybeBlank, { minLength: 3, maxLength: 3 })), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.boolean(),
  )
  .map(([first, bands, fractionalBounds]) => {
    let bound = first;
    const rows = bands.map(([step, values], index) => [
      index === 0 ? bound : (bound += fractionalBounds ? step + 0.5 : step),
      ...values,
    ]);
    return [["Points from", ...CARE_GROUPS], ...rows];
  });
const categoryTable = fc.array(maybeBlank, { minLength: 9, maxLength: 9 }).map((values) => [
  ["Category", ...CARE_GROUPS],
  ["Basic", ...values.slice(0, 3)],
  ["Standard", ...values.slice(3, 6)],
  ["Enhanced", ...values.slice(6, 9)],
]);
const priceTable = fc.oneof(
  bandTable,
  bandTable,
  categoryTable,
  rate,
  bandTable.map((table) => table.map((row) => row.slice(0, 2))),
);

const points = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4_000 }).map((tenths): Cell => tenths / 10) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 500, noNaN: true }).map((p): Cell => p) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Cell>(
      "45",
      " 12.5 ",
      "Basic",
      "standard ",
      "ENHANCED",
      "Premium",
      "",
      null,
      -3,
      true,
      12.34567,
      1e12,
    ),
  },
);
const careGroup = fc.constantFrom<Cell>(...CARE_GROUPS, "older PEOPLE ", "Children", "", null);
const reduction = fc.constantFrom<Cell>(
  null,
  "",
  0,
  0.1,
  0.25,
  0.5,
  1,
  0.333,
  0.33333,
  0.9999999,
  "10%",
  1.5,
  -0.1,
  "none",
  false,
);
const method = fc.constantFrom<PricingMethod>("marginal", "band", "step");
const period = fc.constantFrom("annual" as const, "weekly" as const);
/** Weeks in a year a council may count; 52.5 and 52.143 make the weekly divisor a fraction. */
const weeksInYear = fc.constantFrom(...["52", "52.143", "50", "53", "52.5"].map((weeks) => new Decimal(weeks)));

describe("the fast budget path", () => {
  it("equals the decimal engine to the penny, or fails with the same message, on every input", () => {
    fc.assert(
      fc.property(
        priceTable,
        fc.array(fc.tuple(points, careGroup, reduction), { minLength: 1, maxLength: 20 }),
        method,
        period,
        weeksInYear,
        (table, people, pricingMethod, pricingPeriod, weeks) => {
          const parsed = outcome(() => (parsePriceTable(table), 0));
          if ("error" in parsed) return true; // a malformed table never reaches either path
          const priceTableValue = parsePriceTable(table);
          const options = { period: pricingPeriod, method: pricingMethod, weeksInYear: weeks };
          const fast = budgetPricer(priceTableValue, options);
          // Every lower bound itself and a ten-thousandth of a point either side, where the band methods part.
          const bounds = priceTableValue.kind === "bands" ? priceTableValue.lowerBounds : [];
          const onBounds = bounds.flatMap((bound) => [-1, 0, 1].map((step) => bound.plus(step / 10_000).toNumber()));
          const everyone = [...people, ...onBounds.map((p): [Cell, Cell, Cell] => [p, people[0][1], people[0][2]])];
          return everyone.every(([p, group, fraction]) => {
            const expected = outcome(() =>
              penceNumber(
                indicativeBudget(priceTableValue, { points: p, careGroup: group, reduction: fraction }, options),
              ),
            );
            expect(outcome(() => fast(p, group, fraction))).toEqual(expected);
            return true;
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gets exact half-penny ties right by handing them to the decimal engine", () => {
    const pricer = budgetPricer(parsePriceTable(2.01), { period: "annual", method: "marginal" });
    expect(pricer(1, null, 0.5)).toBe(1.01); // 0.5 × £2.01 = £1.005 → £1.01 (a float product says 1.0049999…)
    const weekly = budgetPricer(
      parsePriceTable([
        ["Points", "£"],
        [0, 0.26],
      ]),
      { period: "weekly", method: "marginal", weeksInYear: new Decimal(52) },
    );
    expect(weekly(1, null, null)).toBe(0.01); // £0.26 ÷ 52 = £0.005 → £0.01
    // £52.143 a year over 52.143 weeks is £1 a week exactly; £0.26 over 52 weeks, £0.005 → £0.01, over 52.5 less.
    const at = (weeks: string, rate: number) =>
      budgetPricer(parsePriceTable(rate), { period: "weekly", method: "marginal", weeksInYear: new Decimal(weeks) });
    expect(at("52.143", 52.143)(1, null, null)).toBe(1);
    expect(at("52.143", 52.143)(1, null, 0.5)).toBe(0.5);
    expect(at("52.5", 0.26)(1, null, null)).toBe(0); // 0.26 ÷ 52.5 = 0.00495… → £0.00
    expect(at("50", 0.25)(1, null, null)).toBe(0.01); // 0.25 ÷ 50 = 0.005 → £0.01
    // 0.05 × £0.10 = £0.005 → £0.01
    expect(budgetPricer(parsePriceTable(0.1), { period: "annual", method: "band" })(0.05, null, null)).toBe(0.01);
  });
});

describe("the compiled price plan", () => {
  const pointsWithin = fc.integer({ min: 0, max: 3_000_000 }).map((tenThousandths) => tenThousandths / 10_000);

  it("holds the same bounds, rates and running totals for both paths, and both price from them alike", () => {
    fc.assert(
      fc.property(
        bandTable,
        fc.array(fc.tuple(pointsWithin, careGroup), { minLength: 1, maxLength: 10 }),
        (rows, people) => {
          const parsed = outcome(() => (parsePriceTable(rows), 0));
          if ("error" in parsed) return true;
          const table = parsePriceTable(rows) as BandPriceTable;
          const integers = table.integers;
          if (integers === null) return true; // too fine for integers: every row takes the exact path
          const priceUnit = integers.amountUnit.times(10_000);
          const inUnits = (value: Decimal | null, unit: Decimal) => (value === null ? NaN : value.div(unit).toNumber());
          // The integer plan is the exact plan counted in units: bounds in ten-thousandths of a point,
          // rates in price units, running totals in amount units (NaN exactly where the exact plan has none).
          expect(Array.from(integers.bounds)).toEqual(table.lowerBounds.map((bound) => bound.times(10_000).toNumber()));
          table.values.forEach((rates, group) => {
            expect(Array.from(integers.rates[group])).toEqual(rates.map((rate) => inUnits(rate, priceUnit)));
            expect(Array.from(integers.runningTotals[group])).toEqual(
              table.runningTotals[group].map((total) => inUnits(total, integers.amountUnit)),
            );
          });
          const options = { period: "annual", method: "marginal" } as const;
          const fast = budgetPricer(table, options);
          for (const [points, group] of people) {
            const exact = outcome(() => {
              const derivation = deriveBudget(table, { points, careGroup: group }, options);
              if (derivation.tableKind !== "bands") throw new Error("a band table gives a band derivation");
              // The exact path's annual amount is the running total at the band reached plus the points within it.
              const reached = derivation.steps.at(-1);
              const total = derivation.steps.reduce((sum, step) => sum.plus(step.amount), new Decimal(0));
              expect(derivation.annual.eq(total)).toBe(true);
              if (reached && derivation.steps.length > 1) {
                const band = table.lowerBounds.findIndex((bound) => bound.eq(reached.band.from));
                const column = derivation.careGroup === null ? 0 : CARE_GROUPS.indexOf(derivation.careGroup);
                expect(derivation.annual.eq(table.runningTotals[column][band]!.plus(reached.amount))).toBe(true);
              }
              return penceNumber(derivation.result);
            });
            expect(outcome(() => fast(points, group, null))).toEqual(exact);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

const codes = ["A", "B", "C", "D"];
const scoringSheet = fc
  .array(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: -20, max: 40 }).map((n): Cell => n) },
        { weight: 3, arbitrary: fc.integer({ min: -200, max: 400 }).map((n): Cell => n / 10) },
        { weight: 1, arbitrary: fc.constantFrom<Cell>(null, 0.1, 0.2, 1e-7, 12.3456789) },
      ),
      { minLength: 4, maxLength: 4 },
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((rows) => [["Question", ...codes], ...rows.map((row, index) => [`Q${index + 1}`, ...row])]);
const answer = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Cell>(...codes) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("a", " B ", "E", "", null, 2) },
);

describe("the fast scoring path", () => {
  it("equals scoreAnswers exactly, or fails with the same message, on every input", () => {
    fc.assert(
      fc.property(scoringSheet, fc.array(answer, { minLength: 0, maxLength: 15 }), (sheet, answers) => {
        const parsed = outcome(() => (parseScoringSheet(sheet), 0));
        if ("error" in parsed) return true;
        const scoring = parseScoringSheet(sheet);
        const expected = outcome(() => Number(scoreAnswers(scoring, answers).toString()));
        expect(outcome(() => answerScorer(scoring)(answers))).toEqual(expected);
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("sums decimals exactly: 0.1 + 0.2 is 0.3", () => {
    const score = answerScorer(
      parseScoringSheet([
        ["Q", "A", "B"],
        ["Q1", 0.1, 1],
        ["Q2", 0.2, 2],
      ]),
    );
    expect(score(["A", "A"])).toBe(0.3);
    expect(score(["a", "A"])).toBe(0.3); // another spelling of a code takes the decimal path, same answer
  });

  it("matches numeric answer codes written as numbers or text", () => {
    const score = answerScorer(
      parseScoringSheet([
        ["Q", 0, 1, 2],
        ["Q1", 0, 5, 9],
        ["Q2", 0, 3, 6],
      ]),
    );
    expect(score([2, "1"])).toBe(12);
  });
});
