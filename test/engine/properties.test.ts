// Invariants of the engine over generated inputs (fast-check), each checked against an independent
// reference where one exists (integer pence with BigInt), so a wrong rule or rounding shows up.
import fc from "fast-check";
import {
  Decimal,
  indicativeBudget,
  outcomeCategory,
  parsePriceTable,
  parseScoringSheet,
  planCost,
  PlanLine,
  scoreAnswers,
  trafficLight,
} from "../../src/engine";
import * as PB from "../../src/functions/functions";

const pence = fc.integer({ min: 0, max: 50_000 }); // £0.00 to £500.00
const money = pence.map((p) => p / 100);
const points = fc.integer({ min: 0, max: 2_000 }).map((tenths) => tenths / 10);

/** A band table with strictly ascending integer bounds from `first` and non-negative rates. */
const bandTable = fc
  .tuple(
    fc.integer({ min: 0, max: 10 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), money), { minLength: 1, maxLength: 6 }),
  )
  .map(([first, bands]) => {
    let bound = first;
    return [["Points from", "£"], ...bands.map(([step, rate], index) => [index === 0 ? bound : (bound += step), rate])];
  });

const annual = { period: "annual", method: "marginal" } as const;

describe("engine invariants", () => {
  it("a marginal budget never falls as points rise when rates are non-negative", () => {
    fc.assert(
      fc.property(bandTable, points, points, (table, a, b) => {
        const parsed = parsePriceTable(table);
        const [low, high] = a <= b ? [a, b] : [b, a];
        return indicativeBudget(parsed, { points: low }, annual).lte(
          indicativeBudget(parsed, { points: high }, annual),
        );
      }),
    );
  });

  it("a single band from 0 gives the same budget by every per-point method as a straight line", () => {
    fc.assert(
      fc.property(money, points, (rate, p) => {
        const linear = indicativeBudget(parsePriceTable(rate), { points: p }, annual);
        const table = parsePriceTable([
          ["Points", "£"],
          [0, rate],
        ]);
        return (
          indicativeBudget(table, { points: p }, annual).eq(linear) &&
          indicativeBudget(table, { points: p }, { ...annual, method: "band" }).eq(linear)
        );
      }),
    );
  });

  it("rounds once, half-up, to pence, as an integer-pence reference: annual, and weekly at 52, 52.143 or 50", () => {
    // Weeks in a year as thousandths, so the reference stays in integers: 52.143 is 52,143 ÷ 1,000.
    const weeks = fc.constantFrom(52_000n, 52_143n, 50_000n, 53_000n, 50_500n);
    fc.assert(
      fc.property(
        pence,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        weeks,
        (ratePence, wholePoints, reductionPercent, weeksThousandths) => {
          // exact annual in 1/100 pence: rate (p) × points × (100 − r%)
          const hundredthsOfPence = BigInt(ratePence) * BigInt(wholePoints) * BigInt(100 - reductionPercent);
          const halfUp = (numerator: bigint, denominator: bigint) =>
            (2n * numerator + denominator) / (2n * denominator);
          const expectedAnnual = halfUp(hundredthsOfPence, 100n);
          const expectedWeekly = halfUp(hundredthsOfPence * 1000n, 100n * weeksThousandths);
          const weeksInYear = new Decimal(weeksThousandths.toString()).div(1000);
          const table = parsePriceTable(ratePence / 100);
          const person = { points: wholePoints, reduction: reductionPercent / 100 };
          const toPence = (amount: Decimal) => BigInt(amount.times(100).toFixed(0));
          return (
            toPence(indicativeBudget(table, person, annual)) === expectedAnnual &&
            toPence(indicativeBudget(table, person, { ...annual, period: "weekly", weeksInYear })) === expectedWeekly
          );
        },
      ),
    );
  });

  it("sums scoring-sheet points exactly and never below zero", () => {
    const tenths = fc.integer({ min: -50, max: 100 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tenths, tenths, tenths), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 2 })),
        (rows, picks) => {
          const sheet = parseScoringSheet([
            ["Q", "A", "B", "C"],
            ...rows.map((row, index) => [`Q${index + 1}`, ...row.map((t) => t / 10)]),
          ]);
          const choices = rows.map(() => picks.next().value as number);
          const totalTenths = rows.reduce((sum, row, index) => sum + row[choices[index]], 0);
          const answers = choices.map((choice) => "ABC"[choice]);
          return scoreAnswers(sheet, answers).eq(new Decimal(Math.max(0, totalTenths)).div(10));
        },
      ),
    );
  });

  it("the traffic light is symmetric about the indicative amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (indicativePence, deviationPence) => {
          fc.pre(deviationPence <= indicativePence);
          const indicative = new Decimal(indicativePence).div(100);
          const deviation = new Decimal(deviationPence).div(100);
          return (
            trafficLight(indicative.plus(deviation), indicative) ===
            trafficLight(indicative.minus(deviation), indicative)
          );
        },
      ),
    );
  });

  it("raising any outcome score never lowers the category", () => {
    const order = { Basic: 0, Standard: 1, Enhanced: 2 };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (scores, which) => {
          const index = which % scores.length;
          fc.pre(scores[index] < 3);
          const raised = scores.map((score, position) => (position === index ? score + 1 : score));
          return order[outcomeCategory(raised, null, "need")] >= order[outcomeCategory(scores, null, "need")];
        },
      ),
    );
  });

  it("a plan's cost is the sum of its parts, in any order", () => {
    const line = fc.record({
      quantity: fc.integer({ min: 0, max: 100 }).map((q) => new Decimal(q).div(2)),
      unitCost: pence.map((p) => new Decimal(p).div(100)),
      frequency: fc.constantFrom("week", "month", "year", "once" as const),
    }) as fc.Arbitrary<PlanLine>;
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 10 }),
        fc.array(line, { maxLength: 10 }),
        fc.constantFrom(...["52", "52.143", "50"].map((weeks) => new Decimal(weeks))),
        (first, second, weeks) =>
          planCost([...second, ...first], "annual", weeks).eq(
            planCost(first, "annual", weeks).plus(planCost(second, "annual", weeks)),
          ),
      ),
    );
  });
});

describe("spilled calls", () => {
  const groups = ["Older people", "Learning disability"];
  const table = [
    ["Points from", ...groups],
    [0, 50, 70],
    [20, 80, 100],
    [40, 120, 150],
  ];

  it("a spilled INDICATIVE_BUDGET equals the per-row calls, bad rows included", () => {
    const person = fc.tuple(
      fc.oneof(points, fc.constant(-1), fc.constant("Enhanced")),
      fc.constantFrom(...groups, "Children"),
      fc.constantFrom(0, 0.1, 0.25, 2),
    );
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 30 }),
        fc.constantFrom("annual", "weekly"),
        (people, period) => {
          const spilled = PB.indicativeBudget(
            people.map(([p]) => [p]),
            table,
            people.map(([, g]) => [g]),
            people.map(([, , r]) => [r]),
            period,
          );
          const perRow = people.map(
            ([p, g, r]) => PB.indicativeBudget([[p]], table, [[g]], [[r]], period)[0] as unknown[],
          );
          expect(spilled).toEqual(perRow);
        },
      ),
    );
  });

  it("a spilled RAS_POINTS equals the per-row calls", () => {
    const sheet = [
      ["Q", "A", "B"],
      ["Q1", 0, 5],
      ["Q2", 1.5, -2],
      ["Q3", 0, ""],
    ];
    const answer = fc.constantFrom("A", "B", "", "Z");
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer, answer), { minLength: 2, maxLength: 20 }), (rows) => {
        expect(PB.rasPoints(rows, sheet)).toEqual(rows.map((row) => PB.rasPoints([row], sheet)[0] as unknown[]));
      }),
    );
  });
});
