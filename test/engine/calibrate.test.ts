// PB.CALIBRATE's engine: price points fitted to evidence by exact non-negative least squares. Hand-worked fits,
// every message, and properties against an independent BigInt reference: a whole-pence table that made the costs
// is recovered to the penny; with noise the fit's sum of squares is no worse than the true table's; no rate below 0.
import fc from "fast-check";
import {
  calibrate,
  calibrationTable,
  Decimal,
  EngineError,
  EvidenceMember,
  indicativeBudget,
  parsePriceTable,
  readBounds,
} from "../../src/engine";

const bounds = (...values: number[]) => readBounds(values);
const fitted = (members: EvidenceMember[], lower: number[], byCareGroup = false) =>
  calibrationTable(calibrate(members, bounds(...lower), byCareGroup)).map((row) =>
    row.map((cell) => (cell instanceof EngineError ? `#N/A ${cell.message}` : cell)),
  );

describe("fitting price points to evidence", () => {
  it("recovers the table that made the costs (£50 a point to 20, £80 above)", () => {
    // 10 → 500; 20 → 1,000; 30 → 1,000 + 800; 40 → 1,000 + 1,600
    const members = [10, 20, 30, 40].map((points) => ({ points, cost: [500, 1000, 1800, 2600][points / 10 - 1] }));
    expect(fitted(members, [0, 20])).toEqual([
      ["Points from", "All"],
      [0, 50],
      [20, 80],
    ]);
  });

  it("fits one band by least squares, rounded to the penny once", () => {
    // rate = Σ cost × points ÷ Σ points² = (10,000 + 30,000) ÷ (100 + 400) = 80
    expect(
      fitted(
        [
          { points: 10, cost: 1000 },
          { points: 20, cost: 1500 },
        ],
        [0],
      ),
    ).toEqual([
      ["Points from", "All"],
      [0, 80],
    ]);
    // (3 × 1 + 3 × 2) ÷ (9 + 9) = 0.5; (3 × 1 + 6 × 1) ÷ (9 + 36) = 0.2; 3 ÷ 9 = 0.333… → 0.33
    expect(
      fitted(
        [
          { points: 3, cost: 1 },
          { points: 3, cost: 2 },
        ],
        [0],
      )[1][1],
    ).toBe(0.5);
    expect(
      fitted(
        [
          { points: 3, cost: 1 },
          { points: 6, cost: 1 },
        ],
        [0],
      )[1][1],
    ).toBe(0.2);
    expect(
      fitted(
        [
          { points: 3, cost: 1 },
          { points: 3, cost: 1 },
        ],
        [0],
      )[1][1],
    ).toBe(0.33);
    // 1 ÷ 200 = 0.005 exactly: half a penny rounds up
    expect(
      fitted(
        [
          { points: 100, cost: 0.25 },
          { points: 100, cost: 0.75 },
        ],
        [0],
      )[1][1],
    ).toBe(0.01);
  });

  it("holds a rate at 0 rather than let it fall below (non-negative least squares)", () => {
    // Unconstrained, band 10+ would be −20 a point. Held at 0, band 0–10 alone: (10,000 + 8,000 + 8,000) ÷ 300.
    expect(
      fitted(
        [
          { points: 10, cost: 1000 },
          { points: 20, cost: 800 },
          { points: 20, cost: 800 },
        ],
        [0, 10],
      ),
    ).toEqual([
      ["Points from", "All"],
      [0, 86.67],
      [10, 0],
    ]);
  });

  it("fits each care group on its own, in the order they first appear", () => {
    const members: EvidenceMember[] = [
      { points: 10, cost: 600, careGroup: "Mental health" },
      { points: 10, cost: 500, careGroup: "Older people" },
      { points: 30, cost: 1800, careGroup: "older people" },
      { points: 30, cost: 2200, careGroup: "Mental health" },
    ];
    expect(fitted(members, [0, 20], true)).toEqual([
      ["Points from", "Mental health", "Older people"],
      // Mental health: 10 → 600 at £60; 30 → 20 × 60 + 10 × 100 = 2,200. Older people: £50, then 1,800 − 1,000.
      [0, 60, 50],
      [20, 100, 80],
    ]);
  });

  it("gives #N/A, naming the band, for a band nobody scores above and one the points cannot tell apart", () => {
    const members = [10, 15, 35].map((points) => ({ points, cost: points * 100 }));
    expect(fitted(members, [0, 20, 40])).toEqual([
      ["Points from", "All"],
      [0, 100],
      [20, 100],
      [40, "#N/A Band from 40 points: nobody scores above 40 points, so its rate cannot be fitted"],
    ]);
    // Everyone above 20 scores 50: bands 20–40 and 40+ always come together (20 and 10 points), so only their
    // sum 20r₁ + 10r₂ is known. Band 0–20 is known from the person at 10.
    const together = [10, 50, 50].map((points, at) => ({ points, cost: [500, 3000, 3100][at] }));
    const cannot = (band: number, group = "") =>
      `#N/A Band from ${band} points: the points people${group} score cannot tell its rate from the other bands' ` +
      "(more people scoring inside it, at different points, would), so it cannot be fitted";
    expect(fitted(together, [0, 20, 40])).toEqual([
      ["Points from", "All"],
      [0, 50],
      [20, cannot(20)],
      [40, cannot(40)],
    ]);
    // Two people at different points inside 20–40 tell all three apart, even with nobody inside 0–20.
    const apart = [30, 35, 50].map((points) => ({ points, cost: points * 100, careGroup: "Mental health" }));
    expect(fitted(apart, [0, 20, 40], true)).toEqual([
      ["Points from", "Mental health"],
      [0, 100],
      [20, 100],
      [40, 100],
    ]);
    expect(fitted([...together.map((m) => ({ ...m, careGroup: "LD" }))], [0, 20, 40], true)[2][1]).toBe(
      cannot(20, " in LD"),
    );
  });

  it("leaves a person at or below the first bound out of every band", () => {
    // Bounds from 20: 30 → 10 points in it, 40 → 20; rate = (10 × 1,000 + 20 × 2,000) ÷ (100 + 400) = 100. The person
    // at 10 points (below) and the one at 20 (on the bound) score nothing in any band, whatever they cost.
    const members = [
      { points: 10, cost: 0 },
      { points: 20, cost: 900 },
      { points: 30, cost: 1000 },
      { points: 40, cost: 2000 },
    ];
    expect(fitted(members, [20])).toEqual([
      ["Points from", "All"],
      [20, 100],
    ]);
  });

  it("needs at least 2 people in a group, and says so for every band of its column", () => {
    const members: EvidenceMember[] = [
      { points: 10, cost: 500, careGroup: "Older people" },
      { points: 20, cost: 1000, careGroup: "Older people" },
      { points: 10, cost: 700, careGroup: "Mental health" },
      { points: 12, cost: "", careGroup: "Mental health" }, // left out: no cost
    ];
    const few =
      "#N/A Mental health has only 1 person whose points and cost can be used: fitting price points needs at least 2";
    expect(fitted(members, [0, 20], true)).toEqual([
      ["Points from", "Older people", "Mental health"],
      [0, 50, few],
      [
        20,
        "#N/A Band from 20 points: nobody in Older people scores above 20 points, so its rate cannot be fitted",
        few,
      ],
    ]);
    expect(fitted([members[0], members[3]], [0])[1][1]).toBe(
      "#N/A Only 1 person whose points and cost can be used: fitting price points needs at least 2",
    );
  });

  it("leaves out, and says why, anyone whose points, cost or care group cannot be read", () => {
    const result = calibrate(
      [
        { points: 10, cost: 500, careGroup: "A" },
        { points: "", cost: 500, careGroup: "A" },
        { points: "ten", cost: 500, careGroup: "A" },
        { points: 10, cost: "-", careGroup: "A" },
        { points: 10, cost: 500, careGroup: "" },
        { points: 10, cost: 500, careGroup: "A", problem: "Cost (row 6) holds the error #N/A" },
        { points: "20", cost: "£1,000", careGroup: "a" },
        { points: -0.5, cost: 500, careGroup: "A" },
        { points: 10, cost: -0.01, careGroup: "A" },
      ],
      bounds(0),
      true,
    );
    expect([...result.leftOut]).toEqual([
      [1, "Points are blank: give the person's RAS points"],
      [2, 'Points: expected a number of points, 0 or more; got "ten"'],
      [3, "Cost is blank: give the annual cost of the person's agreed plan"],
      [4, "Care group is blank: give the person's care group"],
      [5, "Cost (row 6) holds the error #N/A"],
      [7, "Points: expected a number of points, 0 or more; got -0.5"],
      [8, "Cost: expected an amount in £, 0 or more; got -0.01"],
    ]);
    expect(calibrationTable(result)).toEqual([
      ["Points from", "A"],
      [0, 50],
    ]);
  });

  it("refuses bounds that do not rise, are not points, or are too many, and evidence with nobody usable", () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as EngineError).message;
      }
      return "no error";
    };
    expect(refusal(() => readBounds([0, 20, 20]))).toBe("Bounds must rise strictly: cell 3 has 20 after 20 in cell 2");
    expect(refusal(() => readBounds([0, -5]))).toBe("Bounds, cell 2: expected a number of points, 0 or more; got -5");
    expect(refusal(() => readBounds([0, ""]))).toBe(
      "Bounds, cell 2: expected a number of points, 0 or more; got a blank cell",
    );
    expect(readBounds(Array.from({ length: 30 }, (_, at) => at))).toHaveLength(30);
    expect(refusal(() => readBounds(Array.from({ length: 31 }, (_, at) => at)))).toBe(
      "Bounds has 31 cells: give at most 30 band lower bounds",
    );
    expect(refusal(() => calibrate([], bounds(0), false))).toBe("There is nobody to use: give one row per person");
    expect(refusal(() => calibrate([{ points: 1, cost: "x" }], bounds(0), false))).toBe(
      'None of the 1 person can be used; the first, row 1: Cost: expected an amount in £, 0 or more; got "x"',
    );
    expect(
      refusal(() =>
        calibrate(
          [
            { points: 1, cost: "x" },
            { points: 2, cost: -1 },
          ],
          bounds(0),
          false,
        ),
      ),
    ).toBe('None of the 2 people can be used; the first, row 1: Cost: expected an amount in £, 0 or more; got "x"');
    expect(refusal(() => calibrate([{ points: 1, cost: 1 }], [], false))).toBe(
      "Bounds is empty: give the band lower bounds, such as {0,20,40,60}",
    );
  });
});

// An independent reference in whole pence and BigInt: the model's unrounded budget is Σ points-in-band × rate.
const big = (value: { toFixed(): string }) => BigInt(value.toFixed());
function pointsInBands(points: number, lower: readonly number[]): number[] {
  return lower.map((bound, k) => {
    const top = k + 1 < lower.length ? Math.min(points, lower[k + 1]) : points;
    return Math.max(0, top - bound);
  });
}
/** Σ(cost − budget)² for rates as fractions (numerators over one denominator, in pence a point), × denominator². */
function sumOfSquares(
  people: readonly { points: number; pence: number }[],
  lower: readonly number[],
  numerators: readonly bigint[],
  denominator: bigint,
): { value: bigint; scale: bigint } {
  let sum = BigInt(0);
  for (const { points, pence } of people) {
    const budget = pointsInBands(points, lower).reduce((total, x, k) => total + BigInt(x) * numerators[k], BigInt(0));
    const residual = BigInt(pence) * denominator - budget;
    sum += residual * residual;
  }
  return { value: sum, scale: denominator * denominator };
}
const lessOrEqual = (a: { value: bigint; scale: bigint }, b: { value: bigint; scale: bigint }) =>
  a.value * b.scale <= b.value * a.scale;

/** A band table with integer bounds from 0 and whole-pence rates, and people inside every band. */
const generated = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 0, maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 5, maxLength: 5 }),
    extra: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 25 }),
    inside: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ widths, rates, extra, inside }) => {
    const lower = [0];
    for (const width of widths) lower.push(lower[lower.length - 1] + width);
    const table = lower.map((bound, k) => [bound, rates[k] / 100]);
    // Somebody strictly inside each band (whole points, so widths of 1 are reached at their top).
    const insideEach = lower.map((bound, k) => {
      const width = k + 1 < lower.length ? lower[k + 1] - bound : 10;
      return bound + Math.max(1, Math.ceil(inside[k] * width));
    });
    return { lower, table, points: [...insideEach, ...extra] };
  });

describe("fitting's properties", () => {
  it("recovers, to the penny, a whole-pence table from the costs it made, every band populated", () => {
    fc.assert(
      fc.property(generated, fc.boolean(), ({ lower, table, points }, twoGroups) => {
        const priceTable = parsePriceTable([["Points from", "£"], ...table]);
        const costOf = (p: number) =>
          indicativeBudget(priceTable, { points: p }, { period: "annual", method: "marginal" }).toNumber();
        // With two groups, each has everyone's costs again: each must recover the table on its own.
        const members = (twoGroups ? ["A", "B"] : ["A"]).flatMap((careGroup) =>
          points.map((p) => ({ points: p, cost: costOf(p), careGroup })),
        );
        const result = calibrate(members, bounds(...lower), twoGroups);
        for (const group of result.groups)
          expect(group.rates.map((rate) => rate?.toNumber())).toEqual(table.map(([, rate]) => rate));
      }),
    );
  });

  it("with noise, fits no worse than the true table; each rate within ½p of the exact optimum, none below 0", () => {
    fc.assert(
      fc.property(
        generated,
        fc.array(fc.integer({ min: -20_000, max: 20_000 }), { minLength: 30, maxLength: 30 }),
        ({ lower, table, points }, noise) => {
          const priceTable = parsePriceTable([["Points from", "£"], ...table]);
          const people = points.map((p, at) => {
            const made = indicativeBudget(priceTable, { points: p }, { period: "annual", method: "marginal" });
            return { points: p, pence: Math.max(0, Math.round(made.toNumber() * 100) + noise[at]) };
          });
          const result = calibrate(
            people.map(({ points: p, pence }) => ({ points: p, cost: pence / 100 })),
            bounds(...lower),
            false,
          );
          const { exact, rates } = result.groups[0];
          // The exact optimum, in £ a point → pence a point: numerators × 100 over the denominator.
          const numerators = exact!.numerators.map((n) => big(n) * BigInt(100));
          const denominator = big(exact!.denominator);
          const optimum = sumOfSquares(people, lower, numerators, denominator);
          const truth = sumOfSquares(
            people,
            lower,
            table.map(([, rate]) => BigInt(Math.round(rate * 100))),
            BigInt(1),
          );
          expect(lessOrEqual(optimum, truth)).toBe(true);
          numerators.forEach((n) => expect(n >= BigInt(0)).toBe(true));
          rates.forEach((rate, k) => {
            if (rate === null) return;
            expect(rate.gte(0)).toBe(true);
            // |rate × 100 × denominator − numerator| ≤ denominator ÷ 2
            const difference = big(rate.times(100)) * denominator - numerators[k];
            expect(BigInt(2) * (difference < 0 ? -difference : difference) <= denominator).toBe(true);
            const roundedTable = sumOfSquares(
              people,
              lower,
              rates.map((r) => BigInt((r ?? new Decimal(0)).times(100).toFixed())),
              BigInt(1),
            );
            expect(lessOrEqual(optimum, roundedTable)).toBe(true);
          });
        },
      ),
    );
  });

  it("gives the same table whatever the order of the people", () => {
    fc.assert(
      fc.property(
        generated,
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 30, maxLength: 30 }),
        ({ lower, points }, pence) => {
          const members = points.map((p, at) => ({ points: p, cost: pence[at] / 100, careGroup: at % 3 ? "A" : "B" }));
          const forwards = calibrationTable(calibrate(members, bounds(...lower), true));
          const backwards = calibrationTable(calibrate([...members].reverse(), bounds(...lower), true));
          const byGroup = (rows: typeof forwards) =>
            rows[0].slice(1).map((group, column) => [group, ...rows.slice(1).map((row) => row[column + 1])]);
          const sort = (columns: unknown[][]) => [...columns].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
          expect(sort(byGroup(backwards))).toEqual(sort(byGroup(forwards)));
        },
      ),
    );
  });
});
