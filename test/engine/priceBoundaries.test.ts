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
