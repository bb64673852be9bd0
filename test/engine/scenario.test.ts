import fc from "fast-check";
import { CohortMember, Decimal, parsePriceTable, repriceCohort, repricingSummary } from "../../src/engine";
import * as PB from "../../src/functions/functions";
import { bandTable, categoryTable, REPRICE_HEADER as HEADER } from "../fixtures";

const annual = { period: "annual", method: "marginal" } as const;

const current = parsePriceTable(bandTable);
// Older people up 10% in every band; Learning disability's top band cut from £150 to £140 a point;
// Physical disability and Mental health as they are.
const proposed = parsePriceTable([
  ["Points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
  [0, 55, 60, 70, 40],
  [20, 88, 90, 100, 60],
  [40, 132, 130, 140, 90],
]);

describe("re-pricing a cohort", () => {
  const cohort: CohortMember[] = [
    { points: 45, careGroup: "Older people" }, // 20×50 + 20×80 + 5×120 = 3,200 → 20×55 + 20×88 + 5×132 = 3,520
    // (1,000 + 800) × 0.9 = 1,620 → (1,100 + 880) × 0.9 = 1,782
    { points: 30, careGroup: " older people", reduction: 0.1 },
    { points: 45, careGroup: "Learning disability" }, // 1,400 + 2,000 + 5×150 = 4,150 → 1,400 + 2,000 + 5×140 = 4,100
    { points: 10, careGroup: "Learning disability" }, // 10×70 = 700 both: unchanged
    { points: "", careGroup: "Older people" }, // not priced: no points
    { points: 25, careGroup: "Mental health" }, // 20×40 + 5×60 = 1,100 both: unchanged
    { points: 20, careGroup: "Children" }, // not priced: not a care group of the tables
    { points: -3, careGroup: "Mental health" }, // not priced: negative points
    { points: 20, careGroup: "Older people", problem: "An error value from the sheet" }, // not priced
  ];

  it("prices each person under both tables, exactly as PB.INDICATIVE_BUDGET", () => {
    const result = repriceCohort(cohort, current, proposed, annual);
    expect([...result.current]).toEqual([3200, 1620, 4150, 700, NaN, 1100, NaN, NaN, NaN]);
    expect([...result.proposed]).toEqual([3520, 1782, 4100, 700, NaN, 1100, NaN, NaN, NaN]);
    expect([...result.problems]).toEqual([
      [4, "Points are blank: give the person's RAS points"],
      [
        6,
        'Care group "Children" is not in the price table ' +
          "(it has Older people, Physical disability, Learning disability, Mental health)",
      ],
      [7, "Points: expected a number of points, 0 or more; got -3"],
      [8, "An error value from the sheet"],
    ]);
  });

  it("totals by the current table's care groups, in its column order, leaving out a group with nobody", () => {
    const result = repriceCohort(cohort, current, proposed, annual);
    expect(result.byCareGroup).toEqual([
      // 3,200 + 1,620 = 4,820 → 3,520 + 1,782 = 5,302; +482 ÷ 4,820 = 0.1
      {
        careGroup: "Older people",
        people: 2,
        current: 4820,
        proposed: 5302,
        change: 482,
        changeFraction: 0.1,
        betterOff: 2,
        worseOff: 0,
        unchanged: 0,
      },
      // 4,150 + 700 = 4,850 → 4,100 + 700 = 4,800; −50 ÷ 4,850 = −0.010309… → −0.0103
      {
        careGroup: "Learning disability",
        people: 2,
        current: 4850,
        proposed: 4800,
        change: -50,
        changeFraction: -0.0103,
        betterOff: 0,
        worseOff: 1,
        unchanged: 1,
      },
      {
        careGroup: "Mental health",
        people: 1,
        current: 1100,
        proposed: 1100,
        change: 0,
        changeFraction: 0,
        betterOff: 0,
        worseOff: 0,
        unchanged: 1,
      },
    ]);
    // 4,820 + 4,850 + 1,100 = 10,770 → 5,302 + 4,800 + 1,100 = 11,202; +432 ÷ 10,770 = 0.040111… → 0.0401
    expect(result.total).toEqual({
      careGroup: "Total",
      people: 5,
      current: 10770,
      proposed: 11202,
      change: 432,
      changeFraction: 0.0401,
      betterOff: 2,
      worseOff: 1,
      unchanged: 2,
    });
  });

  it("summarises as PB.REPRICE spills it: header, care groups, Total, Not priced", () => {
    expect(repricingSummary(repriceCohort(cohort, current, proposed, annual))).toEqual([
      HEADER,
      ["Older people", 2, 4820, 5302, 482, 0.1, 2, 0, 0],
      ["Learning disability", 2, 4850, 4800, -50, -0.0103, 0, 1, 1],
      ["Mental health", 1, 1100, 1100, 0, 0, 0, 0, 1],
      ["Total", 5, 10770, 11202, 432, 0.0401, 2, 1, 2],
      ["Not priced", 4, "", "", "", "", "", "", ""],
    ]);
  });

  it("gives one row named All for a straight line, and rounds Change % half-up at the 4th place", () => {
    const people = [{ points: 100, careGroup: "Anyone" }]; // 100 × £8 = 800
    const up = repricingSummary(repriceCohort(people, parsePriceTable(8), parsePriceTable(8.01), annual));
    // 100 × £8.01 = 801: +1 ÷ 800 = 0.00125 → 0.0013 (half-up; half-even would give 0.0012)
    expect(up).toEqual([HEADER, ["All", 1, 800, 801, 1, 0.0013, 1, 0, 0], ["Total", 1, 800, 801, 1, 0.0013, 1, 0, 0]]);
    // 100 × £7.99 = 799: −1 ÷ 800 = −0.00125 → −0.0013 (halves away from zero, as Excel's ROUND)
    const down = repricingSummary(repriceCohort(people, parsePriceTable(8), parsePriceTable(7.99), annual));
    expect(down[2]).toEqual(["Total", 1, 800, 799, -1, -0.0013, 0, 1, 0]);
  });

  it("gives one row named All for a table with a single value column, whatever care groups people have", () => {
    const single = parsePriceTable([
      ["Points from", "£ per point"],
      [0, 50],
      [20, 80],
    ]);
    const people = [
      { points: 10, careGroup: "Older people" }, // 10 × £50 = 500 under both: unchanged
      { points: 30, careGroup: null }, // 20×50 + 10×80 = 1,800 → 20×50 + 10×100 = 2,000
    ];
    const raised = parsePriceTable([
      ["Points from", "£ per point"],
      [0, 50],
      [20, 100],
    ]);
    // 500 + 1,800 = 2,300 → 500 + 2,000 = 2,500: +200 ÷ 2,300 = 0.086956… → 0.087
    expect(repricingSummary(repriceCohort(people, single, raised, annual))).toEqual([
      HEADER,
      ["All", 2, 2300, 2500, 200, 0.087, 1, 0, 1],
      ["Total", 2, 2300, 2500, 200, 0.087, 1, 0, 1],
    ]);
  });

  it("re-prices a category table, and leaves out a person whose category has no amount", () => {
    const proposedCategories = parsePriceTable([
      ["Category", "Older people", "Learning disability"],
      ["Basic", 2700, 3900],
      ["Standard", 7800, 10000],
      ["Enhanced", 15600, 20000],
    ]);
    const people = [
      { points: "Basic", careGroup: "Older people" }, // 2,600 → 2,700
      { points: "Enhanced", careGroup: "Older people" }, // 15,600 both
      { points: "Standard", careGroup: "Learning disability" }, // 10,400 → 10,000
      { points: "Enhanced", careGroup: "Learning disability" }, // no current amount: not priced
    ];
    const result = repriceCohort(people, parsePriceTable(categoryTable), proposedCategories, annual);
    expect(result.problems.get(3)).toBe(
      "The price table has no amount for category Enhanced (row 4) for care group Learning disability",
    );
    // Older people 18,200 → 18,300: +100 ÷ 18,200 = 0.005494… → 0.0055;
    // Learning disability 10,400 → 10,000: −400 ÷ 10,400 = −0.038461… → −0.0385
    // Total 28,600 → 28,300: −300 ÷ 28,600 = −0.010489… → −0.0105
    expect(repricingSummary(result)).toEqual([
      HEADER,
      ["Older people", 2, 18200, 18300, 100, 0.0055, 1, 0, 1],
      ["Learning disability", 1, 10400, 10000, -400, -0.0385, 0, 1, 0],
      ["Total", 3, 28600, 28300, -300, -0.0105, 1, 1, 1],
      ["Not priced", 1, "", "", "", "", "", "", ""],
    ]);
  });

  it("leaves Change % blank when the current total is 0", () => {
    const steps = (value: number) =>
      parsePriceTable([
        ["Points from", "Budget"],
        [10, value],
      ]);
    // 5 points is below the first band's 10: £0 under both step tables
    const people = [{ points: 5, careGroup: null }];
    const step = { period: "annual", method: "step" } as const;
    expect(repricingSummary(repriceCohort(people, steps(1000), steps(1200), step))[2]).toEqual([
      "Total",
      1,
      0,
      0,
      0,
      "",
      0,
      0,
      1,
    ]);
    // Nobody priced at all: no care-group rows, a Total of zeros
    expect(repricingSummary(repriceCohort([{ points: "", careGroup: null }], current, proposed, annual))).toEqual([
      HEADER,
      ["Total", 0, 0, 0, 0, "", 0, 0, 0],
      ["Not priced", 1, "", "", "", "", "", "", ""],
    ]);
  });

  it("adds pence exactly however many people there are: 0.1 + 0.2 pounds is 0.3", () => {
    const penny = parsePriceTable(0.1);
    const people = Array.from({ length: 30_000 }, (_, index) => ({
      points: index % 2 === 0 ? 1 : 2,
      careGroup: "Everyone",
    }));
    const { total } = repriceCohort(people, penny, parsePriceTable(0.2), annual);
    expect(total.current).toBe(4500); // 15,000 × £0.10 + 15,000 × £0.20
    expect(total.proposed).toBe(9000); // twice as much
    expect(total.changeFraction).toBe(1);
  });

  it("gives weekly figures when asked", () => {
    const { total } = repriceCohort([{ points: 45, careGroup: "Older people" }], current, proposed, {
      ...annual,
      period: "weekly",
      weeksInYear: new Decimal(52),
    });
    expect(total).toMatchObject({ current: 61.54, proposed: 67.69 }); // 3,200 ÷ 52 = 61.538…; 3,520 ÷ 52 = 67.692…
  });
});

describe("re-pricing: properties", () => {
  const rate = fc.integer({ min: 0, max: 30_000 }).map((pence) => pence / 100);
  const table = fc
    .array(fc.tuple(rate, rate), { minLength: 3, maxLength: 3 })
    .map((rates) => [
      ["Points from", "Older people", "Mental health"],
      ...rates.map(([older, mental], band) => [band * 15, older, mental]),
    ]);
  const person = fc.record({
    points: fc.oneof(
      fc.integer({ min: 0, max: 900 }).map((tenths) => tenths / 10),
      fc.constant(-1),
      fc.constant(""),
    ),
    careGroup: fc.constantFrom("Older people", "Mental health", "mental health ", "Children"),
    reduction: fc.constantFrom(0, 0.1, 0.25, 0.333),
  });
  const pence = (value: unknown) => Math.round((value as number) * 100);
  /** change ÷ current to 4 places, halves away from zero, in integers: an independent reference
   * (+ 0 because a small fall rounds to 0, not −0, in a cell). */
  const fraction = (change: number, current: number) =>
    (Math.sign(change) * Math.floor((2 * Math.abs(change) * 10_000 + current) / (2 * current))) / 10_000 + 0;

  it("REPRICE's rows are the sums of the people's PB.INDICATIVE_BUDGET results, in whole pence", () => {
    fc.assert(
      fc.property(table, table, fc.array(person, { minLength: 1, maxLength: 40 }), (now, then, people) => {
        const column = (key: keyof (typeof people)[number]) => people.map((p) => [p[key]]);
        const budgets = (priceTable: unknown[][]): unknown[] =>
          PB.indicativeBudget(column("points"), priceTable, column("careGroup"), column("reduction")).map(
            (row: unknown[]) => row[0],
          );
        const [before, after] = [budgets(now), budgets(then)];
        const priced = people.map((_, row) => typeof before[row] === "number" && typeof after[row] === "number");
        const expectedRow = (name: string, inRow: (careGroup: string) => boolean) => {
          const rows = people.flatMap((p, row) => (priced[row] && inRow(p.careGroup) ? [row] : []));
          const current = rows.reduce((sum, row) => sum + pence(before[row]), 0);
          const proposed = rows.reduce((sum, row) => sum + pence(after[row]), 0);
          const betterOff = rows.filter((row) => pence(after[row]) > pence(before[row])).length;
          const worseOff = rows.filter((row) => pence(after[row]) < pence(before[row])).length;
          const change = proposed - current;
          return [
            name,
            rows.length,
            current / 100,
            proposed / 100,
            change / 100,
            current === 0 ? "" : fraction(change, current),
            betterOff,
            worseOff,
            rows.length - betterOff - worseOff,
          ];
        };
        const groups = [
          expectedRow("Older people", (group) => group === "Older people"),
          expectedRow("Mental health", (group) => group.trim().toLowerCase() === "mental health"),
        ].filter((row) => row[1] !== 0);
        const notPriced = priced.filter((ok) => !ok).length;
        expect(PB.reprice(column("points"), now, then, column("careGroup"), column("reduction"))).toEqual([
          HEADER,
          ...groups,
          expectedRow("Total", () => true),
          ...(notPriced > 0 ? [["Not priced", notPriced, "", "", "", "", "", "", ""]] : []),
        ]);
      }),
    );
  });
});
