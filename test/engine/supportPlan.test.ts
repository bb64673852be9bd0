import fc from "fast-check";
import {
  checkLine,
  Decimal,
  DEFAULT_TOLERANCE,
  MANAGED_AS,
  planAgainstBudget,
  planProblems,
  planTotals,
  SupportPlanLine,
} from "../../src/engine";
import { PERSONAL_ASSISTANT_LINE as fields } from "../fixtures";

const line = (
  quantity: string,
  unitCost: string,
  frequency: SupportPlanLine["frequency"],
  managedAs: SupportPlanLine["managedAs"],
): SupportPlanLine => ({
  service: "s",
  unit: "u",
  quantity: new Decimal(quantity),
  unitCost: new Decimal(unitCost),
  frequency,
  managedAs,
});

describe("checking a plan line", () => {
  it("accepts a complete line and the usual spellings", () => {
    const checked = checkLine({
      ...fields,
      quantity: " 2.5 ",
      unitCost: "£1,019.55",
      frequency: "weekly",
      managedAs: "isf",
    });
    expect(checked.line).toMatchObject({
      service: "Personal assistant",
      frequency: "week",
      managedAs: "Individual Service Fund",
    });
    expect(checked.line?.quantity.toString()).toBe("2.5");
    expect(checked.line?.unitCost.toString()).toBe("1019.55");
    expect(checkLine({ ...fields, quantity: "1", frequency: "one-off", managedAs: "DP" })).toMatchObject({
      line: { frequency: "once", managedAs: "Direct payment" },
    });
    expect(checkLine({ ...fields, managedAs: "council managed" })).toMatchObject({
      line: { managedAs: "Council-managed" },
    });
  });

  it("gives each bad field its own message", () => {
    const checked = checkLine({
      service: " ",
      quantity: "two",
      unit: "hour",
      unitCost: "",
      frequency: "fortnightly",
      managedAs: "cash",
    });
    expect(checked.line).toBeNull();
    expect(checked.problems).toEqual({
      service: "A service is needed",
      quantity: 'Quantity: expected a quantity, 0 or more; got "two"',
      unitCost: "A unit cost is needed",
      frequency: expect.stringContaining('"fortnightly"'),
      managedAs: expect.stringContaining('"cash"'),
    });
  });

  it("refuses a negative quantity or unit cost", () => {
    expect(checkLine({ ...fields, quantity: "-1", unitCost: "-5" })).toEqual({
      line: null,
      problems: { quantity: expect.stringContaining("0 or more"), unitCost: expect.stringContaining("0 or more") },
      notes: {},
    });
  });
});

describe("plan totals", () => {
  const plan = [
    line("10", "19.55", "week", "Direct payment"), // 10 × 19.55 × 52 = 10,166
    line("2", "45", "week", "Council-managed"), // 2 × 45 × 52 = 4,680
    line("3", "22", "week", "Individual Service Fund"), // 3 × 22 × 52 = 3,432
    line("1", "650", "once", "Direct payment"), // 650, once
  ];

  it("splits recurring and one-off costs, and by how each line is managed", () => {
    const totals = planTotals(plan, new Decimal(52));
    expect(totals.recurringAnnual.toString()).toBe("18278"); // 10,166 + 4,680 + 3,432
    expect(totals.oneOff.toString()).toBe("650");
    expect(totals.annual.toString()).toBe("18928"); // as PB.PLAN_COST
    expect(totals.weekly.toFixed(6)).toBe("364.000000"); // 18,928 ÷ 52 = 364 exactly
    expect(totals.byManagement["Direct payment"].recurringAnnual.toString()).toBe("10166");
    expect(totals.byManagement["Direct payment"].oneOff.toString()).toBe("650");
    expect(totals.byManagement["Council-managed"].recurringAnnual.toString()).toBe("4680");
    expect(totals.byManagement["Individual Service Fund"].recurringAnnual.toString()).toBe("3432");
    expect(totals.byManagement["Individual Service Fund"].oneOff.toString()).toBe("0");
  });

  it("counts weekly lines over the weeks in a year given, and gives the week's figure over them (26 §4)", () => {
    // Recurring £351.50 a week (195.50 + 90 + 66), and £650 once.
    const at = (weeks: string) => {
      const totals = planTotals(plan, new Decimal(weeks));
      return [totals.recurringAnnual, totals.annual, totals.weekly, totals.weeksInYear].map((x) => x.toString());
    };
    // 351.5 × 50 = 17,575, + 650 = 18,225; ÷ 50 = 364.5
    expect(at("50")).toEqual(["17575", "18225", "364.5", "50"]);
    // 351.5 × 52.143 = 18,328.2645, + 650 = 18,978.2645; ÷ 52.143 = 363.965…
    const totals = planTotals(plan, new Decimal("52.143"));
    expect([totals.recurringAnnual.toString(), totals.annual.toString()]).toEqual(["18328.2645", "18978.2645"]);
    expect(totals.weekly.toFixed(4)).toBe("363.9657");
    expect(totals.byManagement["Direct payment"].recurringAnnual.toString()).toBe("10193.9565"); // 195.5 × 52.143
  });

  it("an empty plan costs nothing", () => {
    expect(planTotals([], new Decimal(52)).annual.toString()).toBe("0");
  });

  it("the splits always add up to the totals exactly (property)", () => {
    const anyLine = fc.record({
      quantity: fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 10).toString()),
      unitCost: fc.integer({ min: 0, max: 500_000 }).map((p) => (p / 100).toString()),
      frequency: fc.constantFrom("week" as const, "month" as const, "year" as const, "once" as const),
      managedAs: fc.constantFrom(...MANAGED_AS),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 12 }), (drafts) => {
        const totals = planTotals(
          drafts.map((d) => line(d.quantity, d.unitCost, d.frequency, d.managedAs)),
          new Decimal(52),
        );
        const sum = (pick: (split: { recurringAnnual: Decimal; oneOff: Decimal }) => Decimal) =>
          MANAGED_AS.reduce((total, managedAs) => total.plus(pick(totals.byManagement[managedAs])), new Decimal(0));
        return (
          sum((split) => split.recurringAnnual).eq(totals.recurringAnnual) &&
          sum((split) => split.oneOff).eq(totals.oneOff) &&
          totals.recurringAnnual.plus(totals.oneOff).eq(totals.annual)
        );
      }),
    );
  });
});

describe("plan against the indicative budget", () => {
  const against = (plan: string, indicative = "1000") =>
    planAgainstBudget(new Decimal(plan), new Decimal(indicative), DEFAULT_TOLERANCE);

  it("is Green within 10%, Amber within 50%, Red beyond, boundaries inclusive, both sides", () => {
    expect(
      ["1100", "900", "1100.01", "899.99", "1500", "500", "1500.01", "499.99"].map((plan) => against(plan).light),
    ).toEqual(["Green", "Green", "Amber", "Amber", "Amber", "Amber", "Red", "Red"]);
  });

  it("gives the signed deviation and says what the light means", () => {
    const result = against("700");
    expect(result.deviation?.toString()).toBe("-0.3");
    expect(against("1600").meaning).toBe("Beyond tolerance: manager discussion required before the plan is agreed.");
  });

  it("against an indicative amount of 0: only a plan of 0 is Green, and there is no deviation", () => {
    expect(against("0", "0")).toMatchObject({ light: "Green", deviation: undefined });
    expect(against("0.01", "0").light).toBe("Red");
  });
});

describe("what stops a plan being saved", () => {
  const ready = {
    lines: [{}],
    status: "Draft" as const,
    reason: "",
    signedOffBy: "",
    updatedBy: "Sam Reid",
    light: "Green" as const,
  };

  it("nothing, for a plan with lines, a status and a name", () => {
    expect(planProblems(ready)).toEqual([]);
  });

  it("no lines, a review without a reason, no name", () => {
    expect(
      planProblems({ ...ready, lines: [], status: "Needs manager review", reason: "  ", updatedBy: "", light: null }),
    ).toEqual([
      { field: "lines", message: "Add at least one line to the plan." },
      { field: "reason", message: "Say why the plan needs manager review." },
      { field: "updatedBy", message: "Enter your name, so colleagues know who last changed the plan." },
    ]);
  });
});
