// Price points exactly on a band's lower bound, a ten-thousandth of a point either side, and a cent either side,
// by every band method: spilled, one row at a time and by the exact decimal path, against figures worked out by
// hand. The bound is where the methods part: at 20 points the marginal method has just filled the first band,
// while the band and step methods have moved up to the second band's rate.
import * as PB from "../../src/functions/functions";
import { indicativeBudget, parsePriceTable, penceNumber, PricingMethod } from "../../src/engine";
import { bandTable } from "../fixtures";
import { cells } from "../support/excelErrors";
import { failure } from "../support/failure";

type Row = [points: number, marginal: number, band: number, step: number];

// Older people in the fixture: 0–20 at £50 a point, 20–40 at £80, from 40 at £120.
// marginal: points × 50 up to 20, then 1,000 + (points − 20) × 80, then 2,600 + (points − 40) × 120.
// band: points × the rate of the band reached. step: the rate of the band reached is the budget.
const OLDER_PEOPLE: Row[] = [
  [0, 0, 0, 50],
  [0.0001, 0.01, 0.01, 50], // 0.005 → 0.01, half-up
  [0.01, 0.5, 0.5, 50],
  [19.99, 999.5, 999.5, 50],
  [19.9999, 1000, 1000, 50], // 19.9999 × 50 = 999.995 → 1,000.00
  [20, 1000, 1600, 80],
  [20.0001, 1000.01, 1600.01, 80], // 1,000.008 and 1,600.008
  [20.01, 1000.8, 1600.8, 80],
  [39.99, 2599.2, 3199.2, 80],
  [39.9999, 2599.99, 3199.99, 80], // 1,000 + 19.9999 × 80 = 2,599.992; 39.9999 × 80 = 3,199.992
  [40, 2600, 4800, 120],
  [40.0001, 2600.01, 4800.01, 120], // 2,600.012 and 4,800.012
  [40.01, 2601.2, 4801.2, 120],
];

// One RAS for everyone whose first band starts at 10 points: below it nothing is earned.
const FROM_TEN = [
  ["Points from", "Everyone"],
  [10, 50],
  [20, 80],
];
const EVERYONE: Row[] = [
  [9.99, 0, 0, 0],
  [9.9999, 0, 0, 0],
  [10, 0, 500, 50],
  [10.0001, 0.01, 500.01, 50], // 0.005 and 500.005
  [10.01, 0.5, 500.5, 50],
  [19.9999, 500, 1000, 50], // 9.9999 × 50 = 499.995; 19.9999 × 50 = 999.995
  [20, 500, 1600, 80],
  [20.0001, 500.01, 1600.01, 80],
];

const METHODS: PricingMethod[] = ["marginal", "band", "step"];

describe.each([
  ["the Older people column of a table per care group", bandTable, "Older people", OLDER_PEOPLE],
  ["a table for everyone whose first band starts above 0", FROM_TEN, null, EVERYONE],
] as const)("price points on and beside every lower bound: %s", (_name, table, careGroup, rows) => {
  it.each(METHODS)("the %s method, spilled, one row at a time and by the exact path", (method) => {
    const expected = rows.map(([points, ...byMethod]) => [points, byMethod[METHODS.indexOf(method)]]);
    const points = rows.map(([value]) => [value]);
    const group = careGroup === null ? undefined : [[careGroup]];
    const budgets = (column: number[][]): unknown[] => {
      const spilled: unknown[][] = PB.indicativeBudget(
        column,
        table as unknown[][],
        group,
        undefined,
        "annual",
        method,
      );
      return spilled.map(([budget]) => budget);
    };
    const spilled = budgets(points);
    expect(rows.map(([value], at) => [value, spilled[at]])).toEqual(expected);
    const oneRow = rows.map(([value]) => [value, budgets([[value]])[0]]);
    expect(oneRow).toEqual(expected);
    const parsed = parsePriceTable(table);
    const exact = rows.map(([value]) => [
      value,
      penceNumber(indicativeBudget(parsed, { points: value, careGroup }, { period: "annual", method })),
    ]);
    expect(exact).toEqual(expected);
  });
});

describe("points below 0", () => {
  it("refuses points below 0, saying what was expected", () => {
    expect(cells(PB.indicativeBudget([[-0.0001], [0]], bandTable, [["Older people"]]))).toEqual([
      ["#VALUE! Points: expected a number of points, 0 or more; got -0.0001"],
      [0],
    ]);
  });
});

describe("a price table whose first column cannot be read", () => {
  it("refuses a blank lower bound in the first row of the body, naming the row", () => {
    const table = [bandTable[0], ["", 50, 60, 70, 40], bandTable[2]];
    expect(failure(() => parsePriceTable(table)).message).toBe(
      "Price table row 2 has amounts but no points lower bound or category name in its first column",
    );
  });

  it("refuses a first column that starts with a name and then has numbers, naming a row of each", () => {
    const table = [bandTable[0], ["Basic", 50, 60, 70, 40], bandTable[2]];
    expect(failure(() => parsePriceTable(table)).message).toBe(
      "The price table's first column mixes numbers (row 3) and names (row 2): use points lower bounds for a " +
        "band table or category names for a category table, not both",
    );
  });
});

describe("a price table's shape", () => {
  const SHAPE =
    "The price table must be one £-per-point number, or a range with a header row (a label, then one care group " +
    "per column) and rows that start with a points lower bound or a category name";

  it("takes one number, as a cell, as text or as a range of one cell, as £ per point", () => {
    for (const table of [2.5, "2.5", [[2.5]], [["£2.50"]]]) {
      const parsed = parsePriceTable(table);
      expect(parsed.kind === "linear" && parsed.ratePerPoint.toString()).toBe("2.5");
    }
    expect(failure(() => parsePriceTable("abc")).message).toBe(
      `${SHAPE}. As one number, £ per point: expected an amount in £, 0 or more; got "abc"`,
    );
    expect(failure(() => parsePriceTable({})).message).toBe("The price table must be a range of cells");
  });

  it("refuses a range without a first column, without a value column or without a body", () => {
    const refused = [
      [
        ["", "A", "B"],
        ["", 1, 2],
      ],
      [["Points from"], [0]],
      [["Points from", "A"]],
      [[null, null]],
    ];
    for (const table of refused) expect(failure(() => parsePriceTable(table)).message).toBe(SHAPE);
  });

  it("takes a header naming one care group by a number among others, as a header", () => {
    const table = parsePriceTable([
      ["Points from", 2026, "Older people"],
      [0, 50, 60],
    ]);
    expect(table.kind === "bands" && table.careGroups.names).toEqual(["2026", "Older people"]);
  });

  it("refuses a first row of numbers only, as a body without its header", () => {
    expect(
      failure(() =>
        parsePriceTable([
          [0, 50, 60],
          [20, 80, 90],
        ]),
      ).message,
    ).toBe(
      "The price table's first row holds numbers where its header belongs (a label, then one care group per " +
        "column): it looks like a table's body without its header row. Use PricePoints[#All] (the table with its " +
        "header row) rather than PricePoints, or a range that includes the header row",
    );
  });

  it("names a single value column as headed, or everyone when its header is blank", () => {
    const bad = (header: string) =>
      failure(() =>
        parsePriceTable([
          ["Points from", header],
          [0, "x"],
        ]),
      ).message;
    expect([bad(""), bad(" All adults ")]).toEqual([
      'Price table row 2 (band from 0 points), care group everyone: expected an amount in £, 0 or more; got "x"',
      'Price table row 2 (band from 0 points), care group All adults: expected an amount in £, 0 or more; got "x"',
    ]);
    expect(
      failure(() =>
        parsePriceTable([
          ["Category", "A", "B"],
          ["Basic", "x", 1],
        ]),
      ).message,
    ).toBe('Price table row 2 (category Basic), care group A: expected an amount in £, 0 or more; got "x"');
  });

  it("names the band of no value that points need by the marginal method, however far below it is", () => {
    const table = parsePriceTable([
      ["Points from", "A", "B"],
      [0, 50, "-"],
      [10, "-", 70],
      [20, 80, 90],
    ]);
    const marginal = (careGroup: string) =>
      failure(() => indicativeBudget(table, { points: 25, careGroup }, { period: "annual", method: "marginal" }))
        .message;
    expect([marginal("A"), marginal("B")]).toEqual([
      "The price table has no value for the band from 10 points (row 3) for care group A, and 25 points need it",
      "The price table has no value for the band from 0 points (row 2) for care group B, and 25 points need it",
    ]);
    // The band method needs only the band reached.
    expect(
      indicativeBudget(table, { points: 25, careGroup: "B" }, { period: "annual", method: "band" }).toString(),
    ).toBe("2250");
  });

  it("reads a blank price as £0, as Excel gives a blank cell to a function, and a dash as no value", () => {
    const table = (cell: unknown) =>
      parsePriceTable([
        ["Points from", "£"],
        [0, 50],
        [10, cell],
        [20, 80],
      ]);
    const marginal = (cell: unknown) =>
      indicativeBudget(table(cell), { points: 25 }, { period: "annual", method: "marginal" }).toString();
    // 10 × 50 + 10 × 0 + 5 × 80 = 900.
    expect([marginal(null), marginal(""), marginal("  ")]).toEqual(["900", "900", "900"]);
    expect(failure(() => marginal("-")).message).toBe(
      "The price table has no value for the band from 10 points (row 3), and 25 points need it",
    );
  });
});
