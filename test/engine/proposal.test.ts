// Proposing a change to the price points: a copy of the current table with one change, every figure worked out
// by hand below, and the budgets the proposed table gives checked against the same arithmetic.
import fc from "fast-check";
import {
  changeToConfirm,
  Decimal,
  Grid,
  indicativeBudget,
  parsePriceTable,
  PriceChange,
  proposalBands,
  proposalCareGroups,
  proposePriceTable,
} from "../../src/engine";
import { categoryTable } from "../fixtures";

const annual = { period: "annual", method: "marginal" } as const;

/** The starter workbook's PricePoints: marginal £ a point by band, four care groups. */
const starter = [
  ["Points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
  [0, 150, 160, 170, 140],
  [20, 200, 215, 230, 190],
  [40, 260, 280, 300, 240],
  [60, 320, 350, 380, 300],
];

const budget = (table: ReturnType<typeof proposePriceTable>["table"], points: number, careGroup: string) =>
  indicativeBudget(table, { points, careGroup }, annual).toNumber();

const changedCells = (change: PriceChange, grid: Grid = starter) =>
  proposePriceTable(grid, change).changed.map((cell) => [
    cell.careGroup,
    cell.band,
    cell.from.toString(),
    cell.to.toString(),
  ]);

describe("proposing a change to the price points", () => {
  it("copies the table as it is when no change is chosen", () => {
    const proposal = proposePriceTable(starter, { kind: "copy" });
    expect(proposal.grid).toEqual(starter);
    expect(proposal.changed).toEqual([]);
  });

  it("raises one care group by a percentage, leaving the others alone", () => {
    const proposal = proposePriceTable(starter, {
      kind: "percent",
      percent: new Decimal(5),
      careGroup: "older PEOPLE",
    });
    // 150 × 1.05 = 157.5; 200 × 1.05 = 210; 260 × 1.05 = 273; 320 × 1.05 = 336
    expect(proposal.grid.map((row) => row[1])).toEqual(["Older people", 157.5, 210, 273, 336]);
    expect(proposal.grid.map((row) => row.slice(2))).toEqual(starter.map((row) => row.slice(2)));
    expect(changedCells({ kind: "percent", percent: new Decimal(5), careGroup: "Older people" })).toEqual([
      ["Older people", "band from 0 points", "150", "157.5"],
      ["Older people", "band from 20 points", "200", "210"],
      ["Older people", "band from 40 points", "260", "273"],
      ["Older people", "band from 60 points", "320", "336"],
    ]);
    // 36 points: 20 × 150 + 16 × 200 = 6,200 → 20 × 157.5 + 16 × 210 = 3,150 + 3,360 = 6,510 (5% more)
    expect(budget(proposal.table, 36, "Older people")).toBe(6510);
    // Mental health untouched: 20 × 140 + 16 × 190 = 5,840
    expect(budget(proposal.table, 36, "Mental health")).toBe(5840);
  });

  it("rounds each rate to the penny, half-up, when a percentage of every group makes fractions of a penny", () => {
    // The 1.57% uplift councils apply: 150 × 1.0157 = 152.355 → 152.36 (a half rounds up);
    // 160 × 1.0157 = 162.512 → 162.51; 170 × 1.0157 = 172.669 → 172.67; 140 × 1.0157 = 142.198 → 142.20
    const proposal = proposePriceTable(starter, { kind: "percent", percent: new Decimal("1.57"), careGroup: null });
    expect(proposal.grid[1]).toEqual([0, 152.36, 162.51, 172.67, 142.2]);
    // 60 × 1.0157 … 380 × 1.0157 = 385.966 → 385.97
    expect(proposal.grid[4]).toEqual([60, 325.02, 355.5, 385.97, 304.71]);
    expect(proposal.changed).toHaveLength(16);
  });

  it("lowers by a percentage too, and refuses less than −100%", () => {
    const proposal = proposePriceTable(starter, { kind: "percent", percent: new Decimal(-10), careGroup: null });
    // 150 × 0.9 = 135; 215 × 0.9 = 193.5
    expect([proposal.grid[1][1], proposal.grid[2][2]]).toEqual([135, 193.5]);
    expect(() => proposePriceTable(starter, { kind: "percent", percent: new Decimal(-101), careGroup: null })).toThrow(
      "A percentage change cannot be below −100%",
    );
  });

  it("adds £ a point to one group's every band", () => {
    const proposal = proposePriceTable(starter, {
      kind: "perPoint",
      amount: new Decimal("2.5"),
      careGroup: "Mental health",
    });
    expect(proposal.grid.map((row) => row[4])).toEqual(["Mental health", 142.5, 192.5, 242.5, 302.5]);
    // 23.5 points: 20 × 140 + 3.5 × 190 = 2,800 + 665 = 3,465 → 20 × 142.5 + 3.5 × 192.5 = 2,850 + 673.75
    // = 3,523.75: £2.50 more for each of the 23.5 points (58.75)
    expect(budget(proposal.table, 23.5, "Mental health")).toBe(3523.75);
    expect(budget(proposal.table, 23.5, "Older people")).toBe(3000 + 3.5 * 200);
  });

  it("takes £ a point away from every group, but never below £0", () => {
    const lower = proposePriceTable(starter, { kind: "perPoint", amount: new Decimal(-40), careGroup: null });
    expect(lower.grid[1]).toEqual([0, 110, 120, 130, 100]);
    expect(() => proposePriceTable(starter, { kind: "perPoint", amount: new Decimal(-145), careGroup: null })).toThrow(
      "The change would make Mental health, band from 0 points £-5.00: a price cannot be below £0",
    );
  });

  it("refuses £ a point that is not whole pence, and a percentage with more than 2 decimal places", () => {
    // £0.005 a point would make every rate gain half a penny, rounded to a whole one: refused, not rounded.
    expect(() =>
      proposePriceTable(starter, { kind: "perPoint", amount: new Decimal("0.005"), careGroup: null }),
    ).toThrow("£ a point must be whole pence, such as 2.50; got £0.005");
    expect(() =>
      proposePriceTable(starter, { kind: "perPoint", amount: new Decimal("-1.234"), careGroup: null }),
    ).toThrow("£ a point must be whole pence, such as 2.50; got -£1.234");
    expect(() =>
      proposePriceTable(starter, { kind: "percent", percent: new Decimal("2.555"), careGroup: null }),
    ).toThrow("A percentage has at most 2 decimal places, such as 2.25; got 2.555%");
    // Whole pence and 2 places are fine: 150 + 0.01; 150 × 1.0255 = 153.825 → 153.83
    expect(
      proposePriceTable(starter, { kind: "perPoint", amount: new Decimal("0.01"), careGroup: null }).grid[1][1],
    ).toBe(150.01);
    expect(
      proposePriceTable(starter, { kind: "percent", percent: new Decimal("2.55"), careGroup: null }).grid[1][1],
    ).toBe(153.83);
  });

  it("names the change to confirm when a rate would move by more than ±50%, and none at 50% exactly", () => {
    const confirm = (change: PriceChange) => {
      const found = changeToConfirm(proposePriceTable(starter, change));
      return (
        found && [
          found.cell.careGroup,
          found.cell.band,
          found.cell.from.toString(),
          found.cell.to.toString(),
          found.fraction?.toString() ?? null,
        ]
      );
    };
    const percent = (value: string, careGroup: string | null = null): PriceChange => ({
      kind: "percent",
      percent: new Decimal(value),
      careGroup,
    });
    // 150 × 1.5 = 225: exactly 50%, nothing to confirm; −50%: 150 → 75
    expect(confirm(percent("50"))).toBeNull();
    expect(confirm(percent("-50"))).toBeNull();
    // 150 × 1.5001 = 225.015 → 225.02: 75.02 ÷ 150 = 0.50013…, beyond
    expect(confirm(percent("50.01", "Older people"))).toEqual([
      "Older people",
      "band from 0 points",
      "150",
      "225.02",
      "0.5001333333333333333333333333333333333333",
    ]);
    // +1,000%: every rate × 11, the first of the largest named: 150 → 1,650
    expect(confirm(percent("1000"))).toEqual(["Older people", "band from 0 points", "150", "1650", "10"]);
    expect(confirm(percent("-60", "Mental health"))).toEqual([
      "Mental health",
      "band from 0 points",
      "140",
      "56",
      "-0.6",
    ]);
    // £ a point: +£70 on Mental health's £140 is 50% exactly; +£71 is 50.71% (the other bands move less)
    const perPoint = (amount: number): PriceChange => ({
      kind: "perPoint",
      amount: new Decimal(amount),
      careGroup: "Mental health",
    });
    expect(confirm(perPoint(70))).toBeNull();
    expect(confirm(perPoint(71))).toEqual([
      "Mental health",
      "band from 0 points",
      "140",
      "211",
      "0.5071428571428571428571428571428571428571",
    ]);
    // A moved bound is no price change; a rate raised from £0 is beyond any percentage (no fraction to give)
    expect(confirm({ kind: "moveBound", band: 1, to: new Decimal(39) })).toBeNull();
    const fromNothing = [starter[0], [0, 0, 160, 170, 140], ...starter.slice(2)];
    const raised = changeToConfirm(
      proposePriceTable(fromNothing, { kind: "perPoint", amount: new Decimal(1), careGroup: "Older people" }),
    );
    expect([raised?.cell.from.toString(), raised?.cell.to.toString(), raised?.fraction]).toEqual(["0", "1", null]);
  });

  it("names the largest change to confirm: a rate raised from £0 before any percentage, then the largest", () => {
    // Only the changed cells matter: column 0 is a lower bound, not a rate.
    const cell = (band: string, from: number, to: number, column = 1) =>
      ({ row: 1, column, band, careGroup: "Older people", from: new Decimal(from), to: new Decimal(to) }) as const;
    const largest = (...changed: ReturnType<typeof cell>[]) => {
      const found = changeToConfirm({ grid: [], changed, table: parsePriceTable(starter) });
      return found && [found.cell.band, found.fraction?.toString() ?? null];
    };
    // +60%, then +90%: the +90%; then −95% (larger, as a size); a bound moved 10 → 100 is no rate.
    expect(largest(cell("A", 100, 160), cell("B", 100, 190))).toEqual(["B", "0.9"]);
    expect(largest(cell("A", 100, 160), cell("B", 100, 190), cell("C", 100, 5))).toEqual(["C", "-0.95"]);
    expect(largest(cell("A", 100, 160), cell("bound", 10, 100, 0))).toEqual(["A", "0.6"]);
    // +90%, then a rate raised from £0: the £0 one; the £0 one first, then +90%: still the £0 one.
    expect(largest(cell("B", 100, 190), cell("Z", 0, 5))).toEqual(["Z", null]);
    expect(largest(cell("Z", 0, 5), cell("B", 100, 190))).toEqual(["Z", null]);
  });

  it("moves a band's lower bound, between the bands beside it", () => {
    const proposal = proposePriceTable(starter, { kind: "moveBound", band: 1, to: new Decimal(25) });
    expect(proposal.grid.map((row) => row[0])).toEqual(["Points from", 0, 25, 40, 60]);
    expect(changedCells({ kind: "moveBound", band: 1, to: new Decimal(25) })).toEqual([
      [null, "band from 20 points", "20", "25"],
    ]);
    // 36 points: 25 × 150 + 11 × 200 = 3,750 + 2,200 = 5,950 (was 6,200: the cheaper band is 5 points longer)
    expect(budget(proposal.table, 36, "Older people")).toBe(5950);
    // 45 points: 25 × 150 + 15 × 200 + 5 × 260 = 3,750 + 3,000 + 1,300 = 8,050 (was 3,000 + 4,000 + 1,300 = 8,300)
    expect(budget(proposal.table, 45, "Older people")).toBe(8050);
    expect(() => proposePriceTable(starter, { kind: "moveBound", band: 1, to: new Decimal(40) })).toThrow(
      "The lower bound of the band from 20 points must stay above 0 and below 40 points, between the bands " +
        "beside it; got 40",
    );
    expect(() => proposePriceTable(starter, { kind: "moveBound", band: 3, to: new Decimal(40) })).toThrow(
      "must stay above 40 points",
    );
    expect(() => proposePriceTable(starter, { kind: "moveBound", band: 4, to: new Decimal(70) })).toThrow(
      "The price table has bands 1 to 4; there is no band 5",
    );
    expect(() => proposePriceTable(starter, { kind: "moveBound", band: 0, to: new Decimal(-1) })).toThrow(
      "A lower bound must be 0 points or more; got -1",
    );
  });

  it("moves the first band up: points below it earn nothing", () => {
    const proposal = proposePriceTable(starter, { kind: "moveBound", band: 0, to: new Decimal(5) });
    // 36 points: (20 − 5) × 150 + 16 × 200 = 2,250 + 3,200 = 5,450; 4 points: nothing
    expect([budget(proposal.table, 36, "Older people"), budget(proposal.table, 4, "Older people")]).toEqual([5450, 0]);
  });

  it("leaves a cell with no value as it is, and names the group and band of a refused one", () => {
    const withDash = starter.map((row, index) => (index === 4 ? [...row.slice(0, 4), "-"] : [...row]));
    const proposal = proposePriceTable(withDash, { kind: "percent", percent: new Decimal(10), careGroup: null });
    expect(proposal.grid[4]).toEqual([60, 352, 385, 418, "-"]);
    expect(() =>
      proposePriceTable(starter, { kind: "percent", percent: new Decimal(5), careGroup: "Children" }),
    ).toThrow(
      "Care group Children is not in the price table (it has Older people, Physical disability, Learning " +
        "disability, Mental health)",
    );
  });

  it("changes a category table's amounts by a percentage, but has no £ a point or bounds there", () => {
    const proposal = proposePriceTable(categoryTable, {
      kind: "percent",
      percent: new Decimal(2),
      careGroup: "Learning disability",
    });
    // 3,900 × 1.02 = 3,978; 10,400 × 1.02 = 10,608; Enhanced has no amount for the group ("-") and keeps its dash
    expect(proposal.grid.map((row) => row[2])).toEqual(["Learning disability", 3978, 10608, "-"]);
    expect(
      changedCells({ kind: "percent", percent: new Decimal(2), careGroup: "Learning disability" }, categoryTable)[0],
    ).toEqual(["Learning disability", "category Basic", "3900", "3978"]);
    expect(() =>
      proposePriceTable(categoryTable, { kind: "perPoint", amount: new Decimal(1), careGroup: null }),
    ).toThrow("A category table holds amounts, not £ a point: change it by a percentage instead");
    expect(() => proposePriceTable(categoryTable, { kind: "moveBound", band: 0, to: new Decimal(1) })).toThrow(
      "Only a table of points bands has lower bounds to move",
    );
  });

  it("applies a change of one group to a table with one column for everyone, whatever group is named", () => {
    const single = [
      ["Points from", "£ a point"],
      [0, 100],
      [30, 150],
    ];
    const proposal = proposePriceTable(single, { kind: "perPoint", amount: new Decimal(10), careGroup: "Anyone" });
    expect(proposal.grid).toEqual([
      ["Points from", "£ a point"],
      [0, 110],
      [30, 160],
    ]);
    expect(proposal.changed.map((cell) => cell.careGroup)).toEqual([null, null]);
    expect(proposalCareGroups(single)).toEqual([]);
  });

  it("lists the care groups and bands to choose from", () => {
    expect(proposalCareGroups(starter)).toEqual([
      "Older people",
      "Physical disability",
      "Learning disability",
      "Mental health",
    ]);
    expect(proposalBands(starter).map(String)).toEqual(["0", "20", "40", "60"]);
    expect(proposalBands(categoryTable)).toEqual([]);
  });

  it("refuses a table the engine cannot read, with the engine's message", () => {
    expect(() =>
      proposePriceTable(
        [
          ["Points from", "Older people"],
          [20, 1],
          [10, 2],
        ],
        { kind: "copy" },
      ),
    ).toThrow("The price table's points lower bounds must rise strictly: row 3 has 10 after 20 in row 2");
  });

  it("a percentage raises every budget of the group by that percentage, to within the rounding of the rates", () => {
    // Property: with rates rounded to the penny, each band's rate is within half a penny of rate × factor, so a
    // budget of p points is within p × £0.005 of the current budget × factor (plus its own half-penny rounding).
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 8000 }).map((hundredths) => hundredths / 100),
        fc.constantFrom("Older people", "Physical disability", "Learning disability", "Mental health"),
        (percent, points, careGroup) => {
          const { table } = proposePriceTable(starter, { kind: "percent", percent: new Decimal(percent), careGroup });
          const current = new Decimal(budget(proposePriceTable(starter, { kind: "copy" }).table, points, careGroup));
          const expected = current.times(new Decimal(percent).div(100).plus(1));
          const proposed = new Decimal(budget(table, points, careGroup));
          return proposed.minus(expected).abs().lte(new Decimal(points).times("0.005").plus("0.005"));
        },
      ),
    );
  });
});
