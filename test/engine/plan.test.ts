import { Decimal, planCost, readPlanLines } from "../../src/engine";
import { failure } from "../support/failure";

const cost = (lines: unknown, period: "annual" | "weekly" = "annual", weeksInYear = "52") =>
  planCost(readPlanLines(lines), period, new Decimal(weeksInYear)).toFixed(2);

describe("plan cost", () => {
  const plan = [
    [10, 28.5, "week"], // home care, 10 hours a week: 10 × 28.50 × 52 = 14,820
    [2, 45, "Weekly"], // day centre, 2 days a week: 2 × 45 × 52 = 4,680
    [1, 550, "year"], // a week's respite a year: 550
    [4, 20, "month"], // taxi returns, 4 a month: 4 × 20 × 12 = 960
    [1, 350, "one-off"], // equipment, once: 350 in full
  ];

  it("sums quantity × unit cost × times a year, one-off items in full", () => {
    // 14,820 + 4,680 + 550 + 960 + 350
    expect(cost(plan)).toBe("21360.00");
  });

  it("gives a weekly figure as annual ÷ 52", () => {
    // 21,360 / 52 = 410.769…
    expect(cost(plan, "weekly")).toBe("410.77");
  });

  it("costs a weekly line weeks-in-a-year times a year, and divides by them for a week: 52, 52.143, 50 (26 §4)", () => {
    // Recurring weekly: 10 × £28.50 + 2 × £45 = £375 a week; the rest £550 + £960 + £350 = £1,860 a year.
    expect([cost(plan, "annual", "52"), cost(plan, "weekly", "52")]).toEqual(["21360.00", "410.77"]);
    // 375 × 52.143 = 19,553.625, + 1,860 = 21,413.625 → £21,413.63; ÷ 52.143 = 410.671… → £410.67
    expect([cost(plan, "annual", "52.143"), cost(plan, "weekly", "52.143")]).toEqual(["21413.63", "410.67"]);
    // 375 × 50 = 18,750, + 1,860 = £20,610; ÷ 50 = £412.20
    expect([cost(plan, "annual", "50"), cost(plan, "weekly", "50")]).toEqual(["20610.00", "412.20"]);
    // Reading's example: £100 a week is £5,000 a year over 50 weeks, and back.
    expect([cost([[1, 100, "week"]], "annual", "50"), cost([[1, 100, "week"]], "weekly", "50")]).toEqual([
      "5000.00",
      "100.00",
    ]);
  });

  it("accepts the frequency spellings in use", () => {
    const spellings = ["week", "weekly", "month", "monthly", "year", "annual", "yearly", "once", "one-off", " ONCE "];
    const lines = spellings.map((frequency) => [1, 1, frequency]);
    // 52 + 52 + 12 + 12 + 1 + 1 + 1 + 1 + 1 + 1
    expect(cost(lines)).toBe("134.00");
  });

  it("a fourth column says how many staff at once; blank is one (21 §11)", () => {
    // Live-in care, two carers: 1 week × £1,370 × 2 × 52 = £142,480; a day centre day, blank staff: £45 × 52 = £2,340.
    expect(
      cost([
        [1, 1370, "week", 2],
        [1, 45, "week", ""],
        [1, 45, "week", null],
      ]),
    ).toBe("147160.00");
    // 168 hours × £19.55 × 2 × 52 = £341,577.60; weekly ÷ 52 = £6,568.80
    expect(cost([[168, 19.55, "week", 2]], "weekly")).toBe("6568.80");
  });

  it("skips fully blank rows", () => {
    expect(
      cost([
        [1, 10, "week"],
        ["", "", ""],
        [null, null, null],
        [2, 5, "once"],
      ]),
    ).toBe("530.00");
    expect(cost([["", "", ""]])).toBe("0.00");
  });

  it.each([
    [[[1, "", "week"]], "Plan line row 1 is partly blank: it has no unit cost"],
    [
      [
        [1, 10, "week"],
        ["", 10, ""],
      ],
      "Plan line row 2 is partly blank: it has no quantity or frequency",
    ],
    [[[-1, 10, "week"]], "Plan line row 1, quantity: expected a quantity, 0 or more; got -1"],
    [[[1, -10, "week"]], "Plan line row 1, unit cost: expected an amount in £, 0 or more; got -10"],
    [
      [[1, 10, "fortnightly"]],
      "Plan line row 1, frequency must be one of: week, weekly, month, monthly, year, annual, yearly, once, " +
        'one-off; got "fortnightly"',
    ],
    [
      [["Quantity", "Unit cost", "Frequency"]],
      'Plan line row 1, quantity: expected a quantity, 0 or more; got "Quantity"',
    ],
    [
      [[1, 10]],
      "The plan lines must be 3 columns (quantity, unit cost, frequency) or 4 (and staff at once); got 2 columns",
    ],
    [
      [[1, 10, "week", 0]],
      "Plan line row 1, staff at once: expected a whole number of staff at once, 1 to 10; got 0 (a blank cell " +
        "reaches the functions as 0 in Excel for Windows and Mac: fill it in)",
    ],
    [
      [[1, 10, "week", 1.5]],
      "Plan line row 1, staff at once: expected a whole number of staff at once, 1 to 10; got 1.5",
    ],
    [[["", "", "", 2]], "Plan line row 1 is partly blank: it has no quantity or unit cost or frequency"],
  ])("refuses %j", (lines, message) => {
    expect(failure(() => cost(lines))).toMatchObject({ kind: "invalid", message });
  });
});
