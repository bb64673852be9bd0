// PB.RAS_FIT's engine: a price table against what agreed plans cost, hand-worked on small cohorts, every column.
import fc from "fast-check";
import {
  Decimal,
  EvidenceMember,
  fitRas,
  indicativeBudget,
  parsePriceTable,
  rasFitTable,
  trafficLight,
} from "../../src/engine";
import { bandTable } from "../fixtures";

const HEADER = [
  "Care group",
  "People",
  "R²",
  "Mean absolute error",
  "Median cost ÷ budget",
  "Within 10%",
  "Within 50%",
];
const table = parsePriceTable(bandTable);

describe("the fit of a price table to agreed plans", () => {
  // Budgets from bandTable (marginal): Older people 45 → 20×50 + 20×80 + 5×120 = 3,200; 30 → 1,000 + 10×80 = 1,800;
  // 10 → 500. Learning disability 45 → 1,400 + 2,000 + 750 = 4,150; 10 → 700. Mental health 25 → 800 + 300 = 1,100.
  const cohort: EvidenceMember[] = [
    { points: 45, cost: 3000, careGroup: "Older people" }, // −200: 6.25%, Green; 0.9375
    { points: 30, cost: 2400, careGroup: "older people " }, // +600: 33.3%, Amber; 1.3333…
    { points: 10, cost: 500, careGroup: "Older people" }, // 0; 1
    { points: 45, cost: 4150.5, careGroup: "Learning disability" }, // +0.50; 1.000120…
    { points: 10, cost: 1400, careGroup: "Learning disability" }, // +700: 100%, Red; 2
    { points: 25, cost: "1,100", careGroup: "Mental health" }, // 0; 1
    { points: 20, cost: "", careGroup: "Older people" }, // not used: no cost
    { points: 20, cost: 900, careGroup: "Children" }, // not used: not a care group of the table
    { points: 20, cost: 900, careGroup: "Older people", problem: "Points (row 9) holds the error #N/A" },
    { points: -1, cost: 900, careGroup: "Older people" }, // not used: negative points
    { points: 20, cost: -5, careGroup: "Older people" }, // not used: a negative cost
  ];

  it("spills the header, a row per care group in the table's order, All and Not used", () => {
    expect(rasFitTable(fitRas(cohort, table))).toEqual([
      HEADER,
      // Costs 3,000, 2,400, 500 against 3,200, 1,800, 500. nΣc² − (Σc)² = 45,030,000 − 34,810,000 = 10,220,000;
      // nΣ(c − b)² = 3 × 400,000; R² = 9,020,000 ÷ 10,220,000 = 0.88258… MAE (200 + 600 + 0) ÷ 3 = 266.666…
      // Ratios 0.9375, 1, 1.3333: median 1. Within 10%: 2 of 3; within 50%: all.
      ["Older people", 3, 0.8826, 266.67, 1, 0.6667, 1],
      // R² = 26,340,999 ÷ 30,261,001 = 0.87046…; MAE (0.50 + 700) ÷ 2 = 350.25; median (1.000120… + 2) ÷ 2 = 1.50006…
      ["Learning disability", 2, 0.8705, 350.25, 1.5001, 0.5, 0.5],
      // One person: every cost the same, so no R²; a perfect fit otherwise.
      ["Mental health", 1, "", 0, 1, 1, 1],
      // R² = 22,037,711 ÷ 24,411,045 = 0.90277…; MAE 1,500.50 ÷ 6 = 250.0833…; ratios 0.9375, 1, 1, 1.00012, 1.3333,
      // 2: median (1 + 1.00012…) ÷ 2 = 1.00006…; within 10%: 4 of 6; within 50%: 5 of 6.
      ["All", 6, 0.9028, 250.08, 1.0001, 0.6667, 0.8333],
      ["Not used", 5, "", "", "", "", ""],
    ]);
  });

  it("says why each person left out is not used, and gives the others' budgets as INDICATIVE_BUDGET does", () => {
    const fit = fitRas(cohort, table);
    expect([...fit.notUsed]).toEqual([
      [6, "Cost is blank: give the annual cost of the person's agreed plan"],
      [
        7,
        'Care group "Children" is not in the price table ' +
          "(it has Older people, Physical disability, Learning disability, Mental health)",
      ],
      [8, "Points (row 9) holds the error #N/A"],
      [9, "Points: expected a number of points, 0 or more; got -1"],
      [10, "Cost: expected an amount in £, 0 or more; got -5"],
    ]);
    expect([...fit.budgets]).toEqual([3200, 1800, 500, 4150, 700, 1100, NaN, NaN, NaN, NaN, NaN]);
  });

  it("has no Not used row when everyone is used, and a single All row for a table for everyone", () => {
    const straightLine = parsePriceTable(100);
    // 10 × £100 = 1,000 against 1,100 (10%: Green, inclusive); 20 → 2,000 against 1,000 (50%: Amber, inclusive).
    expect(
      rasFitTable(
        fitRas(
          [
            { points: 10, cost: 1100, careGroup: "Older people" },
            { points: 20, cost: 1000, careGroup: "Mental health" },
          ],
          straightLine,
        ),
      ),
    ).toEqual([
      HEADER,
      // nΣc² − (Σc)² = 2 × 2,210,000 − 4,410,000 = 10,000; nΣ(c − b)² = 2 × 1,010,000: R² = (10,000 − 2,020,000)
      // ÷ 10,000: a table far worse than the mean cost. MAE (100 + 1,000) ÷ 2.
      // Ratios 1.1 and 0.5: median 0.8.
      ["All", 2, -201, 550, 0.8, 0.5, 1],
    ]);
  });

  it("gives a band table with one care group a single All row, as a table for everyone", () => {
    const olderPeople = parsePriceTable([
      ["Points from", "Older people"],
      [0, 50],
      [20, 80],
    ]);
    // 10 → 500 against 550 (10%: Green); 25 → 1,000 + 5 × 80 = 1,400 against 2,100 (50%: Amber).
    // nΣc² − (Σc)² = 2 × 4,712,500 − 7,022,500 = 2,402,500; nΣ(c − b)² = 2 × 492,500: R² = 1,417,500 ÷ 2,402,500
    // = 0.59001…; MAE (50 + 700) ÷ 2 = 375; ratios 1.1 and 1.5: median 1.3.
    expect(
      rasFitTable(
        fitRas(
          [
            { points: 10, cost: 550, careGroup: "Older people" },
            { points: 25, cost: 2100, careGroup: "Older people" },
          ],
          olderPeople,
        ),
      ),
    ).toEqual([HEADER, ["All", 2, 0.59, 375, 1.3, 0.5, 1]]);
  });

  it("gives an All row of nobody, every figure blank, when nobody can be used", () => {
    expect(rasFitTable(fitRas([{ points: "", cost: 1000 }], parsePriceTable(100)))).toEqual([
      HEADER,
      ["All", 0, "", "", "", "", ""],
      ["Not used", 1, "", "", "", "", ""],
    ]);
  });

  it("gives no R² when every cost is the same, and leaves a budget of 0 out of the ratio only", () => {
    const fit = fitRas(
      [
        { points: 0, cost: 1000, careGroup: "Mental health" }, // budget 0: Red (not within), no ratio
        { points: 25, cost: 1000, careGroup: "Mental health" }, // 1,100: 9.09%, Green; ratio 0.9090…
        { points: 0, cost: 0, careGroup: "Mental health" }, // budget 0 and cost 0: Green, no ratio
      ],
      table,
    );
    expect(rasFitTable(fit).slice(1)).toEqual([
      // Costs 1,000, 1,000, 0: spread 3 × 2,000,000 − 4,000,000 = 2,000,000; residuals 1,000,000 + 10,000 + 0.
      // R² = (2,000,000 − 3,030,000) ÷ 2,000,000 = −0.515. MAE 1,100 ÷ 3 = 366.666…
      ["Mental health", 3, -0.515, 366.67, 0.9091, 0.6667, 0.6667],
      ["All", 3, -0.515, 366.67, 0.9091, 0.6667, 0.6667],
    ]);
    const equal = fitRas(
      [
        { points: 45, cost: 1000, careGroup: "Older people" },
        { points: 10, cost: 1000, careGroup: "Older people" },
      ],
      table,
    );
    expect(equal.all.rSquared).toBeNull();
    // 1,000 ÷ 3,200 = 0.3125 and 1,000 ÷ 500 = 2: (0.3125 + 2) ÷ 2 = 1.15625, half-up.
    expect(equal.all.medianRatio).toBe(1.1563);
  });

  it("rounds R² half away from zero at the fourth place, once", () => {
    // Costs 0 and 2 against budgets b: spread 2 × 4 − 4 = 4; R² = (4 − 2Σ(c − b)²) ÷ 4.
    const straightLine = parsePriceTable(1);
    const r2 = (points: [number, number], costs: [number, number]) =>
      fitRas(
        points.map((p, at) => ({ points: p, cost: costs[at] })),
        straightLine,
      ).all.rSquared;
    expect(r2([0, 2], [0, 2])).toBe(1);
    // c = 0, 2; b = 0.01, 2: residual 0.0001; R² = (4 − 0.0002) ÷ 4 = 0.99995 → 1 (half up, away from zero)
    expect(r2([0.01, 2], [0, 2])).toBe(1);
    // b = 0.02, 2: residual 0.0004; R² = (4 − 0.0008) ÷ 4 = 0.9998
    expect(r2([0.02, 2], [0, 2])).toBe(0.9998);
  });

  it("works out a cost in fractions of a penny exactly", () => {
    const fit = fitRas(
      [
        { points: 10, cost: 1000.005 },
        { points: 10, cost: "999.995" },
      ],
      parsePriceTable(100),
    );
    // Both 0.005 from £1,000: MAE 0.005 → 0.01 (half-up); ratios 1.000005 and 0.999995: median 1. Spread
    // 2 × 2,000,000.00005 − 4,000,000 = 0.0001, residuals 2 × 0.000025: R² = (0.0001 − 0.0001) ÷ 0.0001 = 0.
    expect([fit.all.meanAbsoluteError, fit.all.medianRatio, fit.all.within10, fit.all.rSquared]).toEqual([
      0.01, 1, 1, 0,
    ]);
  });
});

describe("the fit's properties", () => {
  const pence = fc.integer({ min: 0, max: 2_000_000 });
  const person = fc.record({
    points: fc.integer({ min: 0, max: 900 }).map((tenths) => tenths / 10),
    cost: pence.map((p) => p / 100),
    careGroup: fc.constantFrom("Older people", "Physical disability", "Learning disability", "Mental health"),
  });

  it("counts within 10% and 50% exactly as the tolerance's Green and Amber, and sums MAE in whole pence", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), (people) => {
        const fit = fitRas(people, table);
        const lights = people.map((p) =>
          trafficLight(new Decimal(p.cost), indicativeBudget(table, p, { period: "annual", method: "marginal" })),
        );
        const share = (count: number) => Number(new Decimal(count).div(people.length).toDecimalPlaces(4).toFixed(4));
        const green = lights.filter((light) => light === "Green").length;
        const amber = lights.filter((light) => light === "Amber").length;
        expect([fit.all.within10, fit.all.within50]).toEqual([share(green), share(green + amber)]);
        const deviation = people.reduce(
          (sum, p, at) => sum + Math.abs(Math.round(p.cost * 100) - Math.round(fit.budgets[at] * 100)),
          0,
        );
        expect(fit.all.meanAbsoluteError).toBe(
          Number(
            new Decimal(deviation)
              .div(100 * people.length)
              .toDecimalPlaces(2)
              .toFixed(2),
          ),
        );
      }),
    );
  });

  it("gives R² of 1 and a median of 1 when every cost is its budget, and R² at most 1 always", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 2, maxLength: 40 }), (people) => {
        const exact = people.map((p) => ({
          ...p,
          cost: indicativeBudget(table, p, { period: "annual", method: "marginal" }).toNumber(),
        }));
        const fit = fitRas(exact, table);
        const costs = new Set(exact.map((p) => p.cost));
        expect(fit.all.rSquared).toBe(costs.size === 1 ? null : 1);
        expect(fit.all.meanAbsoluteError).toBe(0);
        if (exact.some((p) => p.cost > 0)) expect(fit.all.medianRatio).toBe(1);
        const r2 = fitRas(people, table).all.rSquared;
        if (r2 !== null) expect(r2).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("takes the median by exact ratios, whatever the order of the people", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 30 }), (people) => {
        const forwards = fitRas(people, table).all.medianRatio;
        const backwards = fitRas([...people].reverse(), table).all.medianRatio;
        expect(backwards).toEqual(forwards);
        const ratios = people
          .map((p, at) => ({ p, budget: indicativeBudget(table, p, { period: "annual", method: "marginal" }), at }))
          .filter(({ budget }) => budget.gt(0))
          .map(({ p, budget }) => new Decimal(p.cost).div(budget))
          .sort((a, b) => a.comparedTo(b));
        if (ratios.length === 0) return expect(forwards).toBeNull();
        const middle = (ratios.length - 1) >> 1;
        const median = ratios.length % 2 === 1 ? ratios[middle] : ratios[middle].plus(ratios[middle + 1]).div(2);
        expect(forwards).toBe(Number(median.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4)));
      }),
    );
  });
});
