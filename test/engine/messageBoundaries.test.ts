// Messages at their edges: a list of names cut at eight, negative amounts written out, and which cell of a
// tolerance or of the thresholds is wrong, through the engine and through the PB functions, word for word.
import * as PB from "../../src/functions/functions";
import {
  careGroupColumn,
  DEFAULT_TOLERANCE,
  Decimal,
  deriveBudget,
  formatExactPounds,
  formatPercent,
  formatPounds,
  formatQuantity,
  indicativeBudget,
  listForMessage,
  parsePriceTable,
  PriceTable,
  readPlanLines,
  readThresholds,
  readTolerance,
  trafficLight,
} from "../../src/engine";
import { categoryTable } from "../fixtures";
import { thrown } from "../support/excelErrors";
import { failure } from "../support/failure";

describe("a list of names in a message", () => {
  const letters = (count: number) => Array.from({ length: count }, (_, at) => String.fromCharCode(65 + at));

  it("shows up to eight, then says how many more", () => {
    expect(listForMessage(letters(8))).toBe("A, B, C, D, E, F, G, H");
    expect(listForMessage(letters(9))).toBe("A, B, C, D, E, F, G, H and 1 more");
    expect(listForMessage(letters(10))).toBe("A, B, C, D, E, F, G, H and 2 more");
    expect(listForMessage(letters(3), 2)).toBe("A, B and 1 more");
  });

  it("cuts a price table's ten care groups short in its messages", () => {
    const table = parsePriceTable([
      ["Points from", ...letters(10)],
      [0, ...letters(10).map(() => 50)],
    ]) as Exclude<PriceTable, { kind: "linear" }>;
    const blank = failure(() => careGroupColumn(table, null));
    expect([blank.name, blank.kind, blank.message]).toEqual([
      "EngineError",
      "notFound",
      "The price table has a column per care group (A, B, C, D, E, F, G, H and 2 more); give the person's care group",
    ]);
    expect(failure(() => careGroupColumn(table, "Z")).message).toBe(
      'Care group "Z" is not in the price table (it has A, B, C, D, E, F, G, H and 2 more)',
    );
  });
});

describe("amounts written out", () => {
  it("puts the minus sign before the pound sign, thousands grouped", () => {
    expect(formatPounds(new Decimal("-1234.5"))).toBe("-£1,234.50");
    expect(formatPounds(new Decimal("-0.004"))).toBe("-£0.00");
    expect(formatExactPounds(new Decimal("-1234.567"))).toBe("-£1,234.567");
    expect(formatExactPounds(new Decimal("-0.5"))).toBe("-£0.50");
    expect(formatExactPounds(new Decimal("1234.1234567"))).toBe("£1,234.123456…");
    expect(formatQuantity(new Decimal("-1234.5"))).toBe("-1,234.5");
    expect(formatQuantity(new Decimal("1200"))).toBe("1,200");
    expect(formatQuantity(new Decimal("0.25"))).toBe("0.25");
    expect(formatPercent(new Decimal("-0.125"))).toBe("-12.5%");
  });
});

describe("which cell of a tolerance or of the thresholds is wrong", () => {
  it("names the tolerance's first or second cell", () => {
    expect(failure(() => readTolerance([["x", 0.5]])).message).toBe(
      'Tolerance, green limit (first cell): expected a fraction, 0 or more (such as 0.1 or 10%); got "x"',
    );
    expect(thrown(() => PB.planTolerance([[1100]], [[1000]], [[0.1], ["y"]]))).toMatchObject({
      code: "#VALUE!",
      message: 'Tolerance, amber limit (second cell): expected a fraction, 0 or more (such as 0.1 or 10%); got "y"',
    });
    expect(failure(() => readTolerance([["x"]])).message).toBe(
      'Tolerance: expected a fraction, 0 or more (such as 0.1 or 10%); got "x"',
    );
  });

  it("names the tolerance when it is not one row or one column, or not cells at all", () => {
    expect(
      failure(() =>
        readTolerance([
          [0.1, 0.2],
          [0.3, 0.4],
        ]),
      ).message,
    ).toBe("The tolerance must be a single row or a single column; got 2 rows × 2 columns");
    expect(failure(() => readTolerance({})).message).toBe("The tolerance must be a range of cells");
    expect([readTolerance(null), readTolerance(undefined)]).toEqual([DEFAULT_TOLERANCE, DEFAULT_TOLERANCE]);
  });

  it("names the thresholds' first or second cell, and the thresholds when they are not a row or a column", () => {
    expect(failure(() => readThresholds([["x", 2]])).message).toBe(
      'Thresholds, standard from (first cell): expected a number, 0 or more; got "x"',
    );
    expect(thrown(() => PB.outcomeCategory([[1, 2, 3]], [[3, "x"]]))).toMatchObject({
      code: "#VALUE!",
      message: 'Thresholds, enhanced from (second cell): expected a number, 0 or more; got "x"',
    });
    expect(
      failure(() =>
        readThresholds([
          [1, 2],
          [3, 4],
        ]),
      ).message,
    ).toBe("The thresholds must be a single row or a single column; got 2 rows × 2 columns");
    expect(failure(() => readThresholds("x")).message).toBe("The thresholds must be a range of cells");
    expect([readThresholds(null), readThresholds(undefined)]).toEqual([null, null]);
  });
});

describe("a plan against an indicative amount of 0", () => {
  it("is Green only when it costs nothing too", () => {
    expect([trafficLight(new Decimal(0), new Decimal(0)), trafficLight(new Decimal("0.01"), new Decimal(0))]).toEqual([
      "Green",
      "Red",
    ]);
  });
});

describe("a price table's refusals of a person's points or category", () => {
  const annual = { period: "annual", method: "marginal" } as const;
  const said = (table: unknown, points: unknown, careGroup?: string) =>
    failure(() => indicativeBudget(parsePriceTable(table), { points: points as never, careGroup }, annual)).message;

  it("says which kind of table needs a number, and what a category needs", () => {
    expect(said(2, "Basic")).toBe(
      'Points must be a number for a £-per-point price table; got "Basic" ' +
        "(a category needs a price table of categories)",
    );
    expect(
      said(
        [
          ["Points from", "£"],
          [0, 50],
        ],
        true,
      ),
    ).toBe("Points: expected a number of points, 0 or more; got TRUE");
  });

  it("names the band or the category with no value, with its care group only when the table has several", () => {
    const blankBand = [
      ["Points from", "£"],
      [0, 50],
      [20, "-"],
    ];
    expect(said(blankBand, 25)).toBe(
      "The price table has no value for the band from 20 points (row 3), and 25 points need it",
    );
    expect(said(categoryTable, "Enhanced", "Learning disability")).toBe(
      "The price table has no amount for category Enhanced (row 4) for care group Learning disability",
    );
    expect(
      said(
        [
          ["Category", "£"],
          ["Basic", "-"],
        ],
        "Basic",
      ),
    ).toBe("The price table has no amount for category Basic (row 2)");
  });

  it("records a step method's band as its budget, a fixed step", () => {
    const derivation = deriveBudget(parsePriceTable(blankFree), { points: 20 }, { period: "annual", method: "step" });
    expect(derivation.tableKind === "bands" && derivation.steps).toEqual([
      { kind: "fixed", amount: new Decimal(80), band: { from: new Decimal(20), to: null } },
    ]);
    const band = deriveBudget(parsePriceTable(blankFree), { points: 20 }, { period: "annual", method: "band" });
    expect(band.tableKind === "bands" && band.steps.map((step) => step.kind)).toEqual(["perPoint"]);
  });
});

const blankFree = [
  ["Points from", "£"],
  [0, 50],
  [20, 80],
];

describe("plan lines of the wrong width", () => {
  it("says how many columns there are, one or several", () => {
    expect(failure(() => readPlanLines([[1]])).message).toBe(
      "The plan lines must be 3 columns (quantity, unit cost, frequency) or 4 (and staff at once); got 1 column",
    );
    expect(failure(() => readPlanLines([[1, 2, 3, 4, 5]])).message).toBe(
      "The plan lines must be 3 columns (quantity, unit cost, frequency) or 4 (and staff at once); got 5 columns",
    );
    expect(failure(() => readPlanLines("A1:C3")).message).toBe("The plan lines must be a range of cells");
  });
});
