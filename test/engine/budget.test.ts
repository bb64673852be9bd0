import {
  BudgetOptions,
  Decimal,
  deriveBudget,
  indicativeBudget,
  parsePriceTable,
  PersonCells,
  PricingMethod,
  readBudgetOptions,
} from "../../src/engine";
import { bandTable, categoryTable } from "../fixtures";
import { failure } from "../support/failure";

type Options = { period?: "annual" | "weekly"; method?: PricingMethod; weeksInYear?: string };
const budget = (table: unknown, person: PersonCells, options: Options = {}) => {
  const chosen = {
    period: "annual",
    method: "marginal",
    ...options,
    weeksInYear: new Decimal(options.weeksInYear ?? 52),
  };
  return indicativeBudget(parsePriceTable(table), person, chosen as BudgetOptions).toFixed(2);
};

describe("linear price point", () => {
  it("is points × £ per point", () => {
    // 45 × £50
    expect(budget(50, { points: 45 })).toBe("2250.00");
    expect(budget([[50]], { points: 45 })).toBe("2250.00");
    // 12.5 × £18.40 = 230
    expect(budget([["£18.40"]], { points: "12.5" })).toBe("230.00");
  });

  it("ignores the care group and the band method", () => {
    expect(budget(50, { points: 45, careGroup: "Anyone" }, { method: "step" })).toBe("2250.00");
  });
});

describe("band table", () => {
  it("marginal: each band's rate for the points within it (the issue's example)", () => {
    // 20 × 50 + 20 × 80 + 5 × 120
    expect(budget(bandTable, { points: 45, careGroup: "Older people" })).toBe("3200.00");
    // 20 × 70 + 20 × 100 + 5 × 150
    expect(budget(bandTable, { points: 45, careGroup: "Learning disability" })).toBe("4150.00");
    // 20 × 60 + 10 × 90
    expect(budget(bandTable, { points: 30, careGroup: "physical DISABILITY " })).toBe("2100.00");
    // exactly on a bound: 20 × 50
    expect(budget(bandTable, { points: 20, careGroup: "Older people" })).toBe("1000.00");
    expect(budget(bandTable, { points: 0, careGroup: "Older people" })).toBe("0.00");
  });

  it("marginal: points below the first bound earn nothing", () => {
    const table = [
      ["Points", "£"],
      [10, 50],
      [30, 100],
    ];
    // (30 - 10) × 50 + (45 - 30) × 100
    expect(budget(table, { points: 45 })).toBe("2500.00");
    expect(budget(table, { points: 8 })).toBe("0.00");
  });

  it("band: all points at the rate of the band the total falls in", () => {
    // 45 × 120
    expect(budget(bandTable, { points: 45, careGroup: "Older people" }, { method: "band" })).toBe("5400.00");
    // 19.5 × 50
    expect(budget(bandTable, { points: 19.5, careGroup: "Older people" }, { method: "band" })).toBe("975.00");
    // 20 is in the band from 20: 20 × 80
    expect(budget(bandTable, { points: 20, careGroup: "Older people" }, { method: "band" })).toBe("1600.00");
  });

  it("step: the band's value is the budget; below the first bound is £0", () => {
    const steps = [
      ["Points", "Budget"],
      [10, 1000],
      [20, 2500],
      [40, 6000],
    ];
    expect(budget(steps, { points: 45 }, { method: "step" })).toBe("6000.00");
    expect(budget(steps, { points: 39.99 }, { method: "step" })).toBe("2500.00");
    expect(budget(steps, { points: 9 }, { method: "step" })).toBe("0.00");
  });

  it("derives the budget in steps: points at each band's rate, or the step method's band budget", () => {
    const steps = (method: PricingMethod) => {
      const person = { points: 25, careGroup: "Older people" };
      const derivation = deriveBudget(parsePriceTable(bandTable), person, { period: "annual", method });
      if (derivation.tableKind !== "bands") throw new Error("expected a band table's derivation");
      return derivation.steps.map((step) =>
        step.kind === "perPoint"
          ? [step.kind, step.points.toString(), step.rate.toString(), step.amount.toString(), step.band.from.toString()]
          : [step.kind, step.amount.toString(), step.band.from.toString()],
      );
    };
    // Marginal: 20 × £50 in the band from 0, then 5 × £80 in the band from 20; band: all 25 at £80.
    expect(steps("marginal")).toEqual([
      ["perPoint", "20", "50", "1000", "0"],
      ["perPoint", "5", "80", "400", "20"],
    ]);
    expect(steps("band")).toEqual([["perPoint", "25", "80", "2000", "20"]]);
    // Step: the band from 20's value, £80, is the budget.
    expect(steps("step")).toEqual([["fixed", "80", "20"]]);
  });

  it("a table with one value column is a single RAS for everyone and ignores the care group", () => {
    const single = [
      ["Points from", "£ per point"],
      [0, 50],
      [20, 80],
    ];
    // 20 × 50 + 5 × 80
    expect(budget(single, { points: 25, careGroup: "Not a group" })).toBe("1400.00");
  });

  it("reads a blank price as £0 a point, as Excel gives a blank cell to the functions", () => {
    for (const blank of ["", null, undefined]) {
      const gaps = [
        ["Points", "Older people", "Mental health"],
        [0, 50, 40],
        [20, 80, blank],
      ];
      // 20 × 40 + 5 × £0
      expect(budget(gaps, { points: 25, careGroup: "Mental health" })).toBe("800.00");
    }
  });

  it('takes a dash "-" as no value, used only when the calculation needs it', () => {
    const dashed = [
      ["Points", "Older people", "Mental health"],
      [0, 50, 40],
      [20, 80, "-"],
    ];
    // 15 × 40; the band from 20 has no value for Mental health
    expect(budget(dashed, { points: 15, careGroup: "Mental health" })).toBe("600.00");
    expect(failure(() => budget(dashed, { points: 25, careGroup: "Mental health" })).message).toBe(
      "The price table has no value for the band from 20 points (row 3) for care group Mental health, " +
        "and 25 points need it",
    );
  });

  it("says a care group of 0 may be a blank cell", () => {
    expect(failure(() => budget(bandTable, { points: 45, careGroup: 0 })).message).toBe(
      "Care group 0 is not in the price table (it has Older people, Physical disability, Learning disability, " +
        "Mental health) (a blank cell reaches the functions as 0 in Excel for Windows and Mac: fill it in)",
    );
  });

  it("needs a known care group when the table has a column per care group", () => {
    expect(failure(() => budget(bandTable, { points: 45 }))).toMatchObject({
      kind: "notFound",
      message:
        "The price table has a column per care group " +
        "(Older people, Physical disability, Learning disability, Mental health); give the person's care group",
    });
    expect(failure(() => budget(bandTable, { points: 45, careGroup: "Children" }))).toMatchObject({
      kind: "notFound",
      message:
        'Care group "Children" is not in the price table ' +
        "(it has Older people, Physical disability, Learning disability, Mental health)",
    });
  });
});

describe("category table", () => {
  it("gives the category's amount for the care group", () => {
    expect(budget(categoryTable, { points: "Standard", careGroup: "Older people" })).toBe("7800.00");
    expect(budget(categoryTable, { points: " enhanced", careGroup: "older people" })).toBe("15600.00");
  });

  it("refuses an unknown category (#N/A) and a blank amount (#VALUE!)", () => {
    expect(failure(() => budget(categoryTable, { points: "Premium", careGroup: "Older people" }))).toMatchObject({
      kind: "notFound",
      message: 'Category "Premium" is not in the price table (it has Basic, Standard, Enhanced)',
    });
    expect(
      failure(() => budget(categoryTable, { points: "Enhanced", careGroup: "Learning disability" })),
    ).toMatchObject({
      kind: "invalid",
      message: "The price table has no amount for category Enhanced (row 4) for care group Learning disability",
    });
  });
});

describe("reduction and period", () => {
  it("rounds to pence once, at the end, half-up: 0.5 × £2.01 = £1.01", () => {
    expect(budget(2.01, { points: 1, reduction: 0.5 })).toBe("1.01");
    expect(budget(2.01, { points: 1, reduction: "50%" })).toBe("1.01");
  });

  it("takes the reduction off the amount", () => {
    // 3200 × (1 - 0.1)
    expect(budget(bandTable, { points: 45, careGroup: "Older people", reduction: 0.1 })).toBe("2880.00");
    expect(budget(bandTable, { points: 45, careGroup: "Older people", reduction: "" })).toBe("3200.00");
    expect(budget(bandTable, { points: 45, careGroup: "Older people", reduction: 1 })).toBe("0.00");
  });

  it("converts annual to weekly by dividing by 52", () => {
    // 3200 / 52 = 61.538…
    expect(budget(bandTable, { points: 45, careGroup: "Older people" }, { period: "weekly" })).toBe("61.54");
  });

  it("divides by the weeks in a year given: 52, 52.143 (365 ÷ 7) or 50, rounding once (26 §4)", () => {
    const person = { points: 45, careGroup: "Older people" };
    // £3,200 a year: ÷ 52 = 61.538… → £61.54; ÷ 52.143 = 61.369… → £61.37; ÷ 50 = £64
    expect(budget(bandTable, person, { period: "weekly", weeksInYear: "52" })).toBe("61.54");
    expect(budget(bandTable, person, { period: "weekly", weeksInYear: "52.143" })).toBe("61.37");
    expect(budget(bandTable, person, { period: "weekly", weeksInYear: "50" })).toBe("64.00");
    // An annual amount is the same whatever the weeks.
    expect(budget(bandTable, person, { weeksInYear: "50" })).toBe("3200.00");
    // Reading's example: £5,000 a year over 50 weeks is £100 a week.
    expect(budget(5000, { points: 1 }, { period: "weekly", weeksInYear: "50" })).toBe("100.00");
  });

  it("reads the weeks in a year: 50 to 53, blank 52; 49, 54 and text refused with a message", () => {
    const weeks = (cell: unknown) => readBudgetOptions("weekly", null, cell as never).weeksInYear!.toString();
    expect([weeks(null), weeks(""), weeks(50), weeks(52.143), weeks("53"), weeks(53)]).toEqual([
      "52",
      "52",
      "50",
      "52.143",
      "53",
      "53",
    ]);
    expect(failure(() => readBudgetOptions("weekly", null, 49))).toMatchObject({
      kind: "invalid",
      message: "Weeks in year: expected a number from 50 to 53; got 49",
    });
    expect(failure(() => readBudgetOptions("weekly", null, 53.001)).message).toBe(
      "Weeks in year: expected a number from 50 to 53; got 53.001",
    );
    expect(failure(() => readBudgetOptions("annual", null, 54)).message).toBe(
      "Weeks in year: expected a number from 50 to 53; got 54",
    );
    expect(failure(() => readBudgetOptions("weekly", null, "fifty")).message).toBe(
      'Weeks in year: expected a number from 50 to 53; got "fifty"',
    );
    expect(failure(() => readBudgetOptions("weekly", null, 0)).message).toMatch(
      /^Weeks in year: expected a number from 50 to 53; got 0 \(a blank cell reaches the functions as 0/,
    );
  });

  it("rounds the weekly figure from the exact annual amount, not from a rounded one", () => {
    // 26.2574 / 52 = 0.50495 → £0.50; rounding the annual amount first (26.26 / 52 = 0.505) would give £0.51
    expect(budget(26.2574, { points: 1 }, { period: "weekly" })).toBe("0.50");
  });

  it("reads the period and method, blank meaning annual and marginal", () => {
    expect(readBudgetOptions("", null, null)).toEqual({
      period: "annual",
      method: "marginal",
      weeksInYear: new Decimal(52),
    });
    expect(readBudgetOptions(" Weekly ", "BAND", null)).toEqual({
      period: "weekly",
      method: "band",
      weeksInYear: new Decimal(52),
    });
    expect(failure(() => readBudgetOptions("fortnightly", null, null))).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("Period must be one of: annual") as string,
    });
    expect(failure(() => readBudgetOptions(null, "curve", null))).toMatchObject({
      kind: "invalid",
      message: 'Method must be one of: marginal, band, step; got "curve"',
    });
  });
});

describe("refused input", () => {
  it.each([
    ["negative points", { points: -1 }, "Points: expected a number of points, 0 or more; got -1"],
    [
      "text points against a band table",
      { points: "Enhanced" },
      'Points must be a number for a band price table; got "Enhanced"',
    ],
    [
      "a reduction above 1",
      { points: 45, reduction: 1.5 },
      "Reduction: expected a fraction from 0 to 1 (such as 0.25 or 25%); got 1.5",
    ],
    ["a negative reduction", { points: 45, reduction: -0.1 }, "Reduction: expected a fraction from 0 to 1"],
  ])("%s (#VALUE!)", (_, person, message) => {
    const error = failure(() => budget(bandTable, { careGroup: "Older people", ...person }));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain(message);
  });

  it("blank points are missing (#N/A), not zero", () => {
    expect(failure(() => budget(bandTable, { points: "", careGroup: "Older people" }))).toMatchObject({
      kind: "notFound",
    });
  });

  it.each([
    [
      "bounds not strictly ascending",
      [
        ["P", "£"],
        [0, 50],
        [20, 80],
        [20, 90],
      ],
      "must rise strictly: row 4 has 20 after 20 in row 3",
    ],
    [
      "a negative price",
      [
        ["P", "£"],
        [0, 50],
        [20, -80],
      ],
      "Price table row 3 (band from 20 points), care group £: expected an amount in £, 0 or more; got -80",
    ],
    [
      "a non-numeric price",
      [
        ["P", "A", "B"],
        [0, 50, "n/a"],
      ],
      'Price table row 2 (band from 0 points), care group B: expected an amount in £, 0 or more; got "n/a"',
    ],
    [
      "a negative lower bound",
      [
        ["P", "£"],
        [-5, 50],
      ],
      "Price table row 2: the points lower bound: expected a number of points, 0 or more; got -5",
    ],
    [
      "numbers and names mixed in the first column",
      [
        ["P", "£"],
        [0, 50],
        ["Enhanced", 80],
      ],
      "mixes numbers (row 2) and names (row 3)",
    ],
    [
      "a duplicate care group",
      [
        ["P", "OP", " op"],
        [0, 50, 60],
      ],
      'care group "op" twice (columns 2 and 3)',
    ],
    [
      "a duplicate category",
      [
        ["C", "£"],
        ["Basic", 50],
        ["basic", 60],
      ],
      'category "basic" twice (rows 2 and 3)',
    ],
    ["a single text cell", [["fifty"]], 'As one number, £ per point: expected an amount in £, 0 or more; got "fifty"'],
    ["a negative rate", -50, "expected an amount in £, 0 or more; got -50"],
    ["no rows under the header", [["P", "£"]], "must be one £-per-point number, or a range with a header row"],
    [
      // PricePoints without [#All]: Excel passes the table's body, so its first band stands where the header belongs
      "no header row (a bare table name)",
      [
        [0, 150, 160],
        [20, 200, 215],
      ],
      "it looks like a table's body without its header row. Use PricePoints[#All] (the table with its header row)",
    ],
    [
      "no header row, category names first",
      [
        ["Basic", 2600, 3900],
        ["Standard", 7800, 10400],
      ],
      "Use PricePoints[#All]",
    ],
    ["one band and no header row", [[0, 150, 160]], "Use PricePoints[#All]"],
  ])("refuses a price table with %s (#VALUE!)", (_, table, message) => {
    const error = failure(() => parsePriceTable(table));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain(message);
  });
});
