import { parsePriceTable, repriceCohort } from "../../src/engine";

const annual = { period: "annual", method: "marginal" } as const;
const current = parsePriceTable([
  ["Points from", "£ per point"],
  [0, 50],
  [20, 80],
  [40, 120],
]);
const proposed = parsePriceTable([
  ["Points from", "£ per point"],
  [0, 55],
  [20, 88],
  [40, 132],
]); // a 10% uplift

describe("re-pricing a cohort", () => {
  const cohort = [
    { points: 45, careGroup: "Older people" }, // 20×50 + 20×80 + 5×120 = 3,200 → 20×55 + 20×88 + 5×132 = 3,520
    { points: 10, careGroup: "Learning disability" }, // 10×50 = 500 → 10×55 = 550
    { points: 30, careGroup: " older people", reduction: 0.1 }, // (1,000 + 800) × 0.9 = 1,620 → (1,100 + 880) × 0.9 = 1,782
    { points: "lots", careGroup: "Older people" }, // refused, and left out of the totals
    { points: 0.5, careGroup: null, reduction: 0.5 }, // 0.5 × 50 × 0.5 = 12.50 → 0.5 × 55 × 0.5 = 13.75
  ];

  it("prices each person under both tables, exactly as PB.INDICATIVE_BUDGET", () => {
    const result = repriceCohort(cohort, current, proposed, annual);
    expect([...result.current]).toEqual([3200, 500, 1620, NaN, 12.5]);
    expect([...result.proposed]).toEqual([3520, 550, 1782, NaN, 13.75]);
    expect([...result.problems]).toEqual([
      [3, 'Points must be a number for a band price table; got "lots" (a category needs a price table of categories)'],
    ]);
  });

  it("totals by care group, matching care groups as the functions do", () => {
    const result = repriceCohort(cohort, current, proposed, annual);
    expect(result.byCareGroup).toEqual([
      { careGroup: "Older people", people: 2, current: 4820, proposed: 5302, change: 482 },
      { careGroup: "Learning disability", people: 1, current: 500, proposed: 550, change: 50 },
      { careGroup: "No care group", people: 1, current: 12.5, proposed: 13.75, change: 1.25 },
    ]);
    expect(result.total).toEqual({ careGroup: "All", people: 4, current: 5332.5, proposed: 5865.75, change: 533.25 });
  });

  it("adds pence exactly however many people there are: 0.1 + 0.2 pounds is 0.3", () => {
    const penny = parsePriceTable(0.1);
    const people = Array.from({ length: 30_000 }, (_, index) => ({
      points: index % 2 === 0 ? 1 : 2,
      careGroup: "Everyone",
    }));
    const { total } = repriceCohort(people, penny, penny, annual);
    expect(total.current).toBe(4500); // 15,000 × £0.10 + 15,000 × £0.20
    expect(total.change).toBe(0);
  });

  it("gives weekly figures when asked", () => {
    const { total } = repriceCohort([{ points: 45, careGroup: "x" }], current, proposed, {
      ...annual,
      period: "weekly",
    });
    expect(total).toMatchObject({ current: 61.54, proposed: 67.69 }); // 3,200 ÷ 52 = 61.538…; 3,520 ÷ 52 = 67.692…
  });
});
