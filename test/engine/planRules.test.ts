// The rules that keep wrong figures and wrong decisions out of a council's workbook (issue 8): money to
// the penny, sane limits on a line, the tolerance typed in percent, and who may agree a plan.
import fc from "fast-check";
import {
  checkLine,
  costPlan,
  decisionRecord,
  deviationPercent,
  lineAnnualCost,
  Decimal,
  DEFAULT_TOLERANCE,
  planDates,
  planFigures,
  planProblems,
  readTolerancePercentages,
  reasonRequired,
  signOffRequired,
  SupportPlanLine,
  timeLimit,
  toleranceProblems,
} from "../../src/engine";
import { PERSONAL_ASSISTANT_LINE as fields } from "../fixtures";

const WEEKS = new Decimal(52);

describe("money to the penny (8.1)", () => {
  it("refuses a unit cost of 19.555 under the field, and takes 19.56", () => {
    // Before: 19.555 was costed exactly (£10,168.60 for 10 hours a week) but shown and reopened as 19.56.
    expect(checkLine({ ...fields, unitCost: "19.555" })).toEqual({
      line: null,
      problems: { unitCost: 'Unit cost: pounds and pence only (at most 2 decimal places); got "19.555"' },
      notes: {},
    });
    expect(checkLine({ ...fields, unitCost: 19.555 }).problems.unitCost).toMatch(/at most 2 decimal places/);
    expect(checkLine({ ...fields, unitCost: "19.56" }).line?.unitCost.toString()).toBe("19.56");
  });

  it("keeps quantities to two decimal places too, so the workbook holds exactly what was costed", () => {
    expect(checkLine({ ...fields, quantity: "2.25" }).line?.quantity.toString()).toBe("2.25");
    expect(checkLine({ ...fields, quantity: "2.255" }).problems.quantity).toBe(
      'Quantity: at most 2 decimal places (such as 2.25); got "2.255"',
    );
  });

  it("a line within the rules survives the trip through an Excel number unchanged (property)", () => {
    const pence = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(pence(1_000_000), pence(1_000_000), (quantity, unitCost) => {
        const line = checkLine({
          ...fields,
          unit: "item",
          quantity: quantity.toString(),
          unitCost: unitCost.toString(),
        });
        const written = [Number(quantity.toFixed()), Number(unitCost.toFixed())];
        const reread = checkLine({ ...fields, unit: "item", quantity: written[0], unitCost: written[1] });
        return (
          line.line !== null &&
          reread.line !== null &&
          reread.line.quantity.eq(quantity) &&
          reread.line.unitCost.eq(unitCost)
        );
      }),
    );
  });
});

describe("limits of a line (8.4)", () => {
  it("a week holds 168 hours, a month 744 (31 days), a year 8,784 (366 days)", () => {
    expect(checkLine({ ...fields, quantity: "168" }).line).not.toBeNull();
    expect(checkLine({ ...fields, quantity: "168.01" }).problems.quantity).toBe(
      "Quantity: a week holds at most 168 hours of one member of staff's time; check the quantity, unit and " +
        "frequency, and for two or more staff at once set Staff at once",
    );
    expect(checkLine({ ...fields, quantity: "745", frequency: "month" }).problems.quantity).toMatch(
      /^Quantity: a month holds at most 744 hours of one/,
    );
    expect(checkLine({ ...fields, quantity: "8785", frequency: "year" }).problems.quantity).toMatch(
      /^Quantity: a year holds at most 8,784 hours of one/,
    );
  });

  it("days and nights, weeks and months, by their own length; plurals and short forms count", () => {
    const limit = (unit: string, frequency: "week" | "month" | "year") => timeLimit(unit, frequency)?.limit.toString();
    expect([limit("day", "week"), limit("nights", "month"), limit("days", "year")]).toEqual(["7", "31", "366"]);
    // A month holds 31 ÷ 7 = 4.428… weeks, kept to 4.42 (quantities have two decimal places); a year 52.28….
    expect([limit("week", "week"), limit("weeks", "month"), limit("week", "year")]).toEqual(["1", "4.42", "52.28"]);
    expect([limit("month", "year"), limit("year", "year"), limit("hrs", "week"), limit("mins", "week")]).toEqual([
      "12",
      "1",
      "168",
      "10080",
    ]);
    expect(checkLine({ ...fields, unit: "week", quantity: "2" }).problems.quantity).toBe(
      "Quantity: a week holds at most 1 week of one member of staff's time; check the quantity, unit and " +
        "frequency, and for two or more staff at once set Staff at once",
    );
  });

  it("units that are not time, and one-off lines, have only the general limit", () => {
    expect(timeLimit("meal", "week")).toBeUndefined();
    expect(timeLimit("hour", "once")).toBeUndefined();
    expect(checkLine({ ...fields, unit: "meal", quantity: "1000000" }).line).not.toBeNull();
    expect(checkLine({ ...fields, unit: "hour", frequency: "once", quantity: "500" }).line).not.toBeNull();
  });

  it("1e20 and 99999999999999999999 get the same message, typed or as a number", () => {
    const message = (quantity: string | number) => checkLine({ ...fields, unit: "meal", quantity }).problems.quantity;
    const expected = "Quantity: at most 1,000,000; a larger figure is surely a typing slip";
    expect([message("1e20"), message("99999999999999999999"), message(1e20), message("1,000,000.01")]).toEqual([
      expected,
      expected,
      expected,
      expected,
    ]);
    // Over 168 hours too, but the general limit is the plainer message.
    expect(checkLine({ ...fields, quantity: "1E20" }).problems.quantity).toBe(expected);
  });

  it("a unit cost over £1,000,000 is refused; text and Infinity are not numbers", () => {
    expect(checkLine({ ...fields, unitCost: "1000000.01" }).problems.unitCost).toBe(
      "Unit cost: at most £1,000,000.00 a unit; a larger figure is surely a typing slip",
    );
    expect(checkLine({ ...fields, unitCost: "2e7" }).problems.unitCost).toMatch(/^Unit cost: at most £1,000,000.00/);
    expect(checkLine({ ...fields, quantity: "Infinity" }).problems.quantity).toBe(
      'Quantity: expected a quantity, 0 or more; got "Infinity"',
    );
  });

  it("a quantity of 0 is allowed but flagged", () => {
    const checked = checkLine({ ...fields, quantity: "0" });
    expect(checked.line?.quantity.toString()).toBe("0");
    expect(checked.problems).toEqual({});
    expect(checked.notes).toEqual({ quantity: "Quantity is 0: this line costs nothing" });
  });

  it("a unit cost of £0 is allowed but flagged, as a quantity of 0 is (21 §10)", () => {
    // Before: a unit cost of 0 had no note.
    const checked = checkLine({ ...fields, unitCost: "0" });
    expect(checked.line?.unitCost.toString()).toBe("0");
    expect(checked.problems).toEqual({});
    expect(checked.notes).toEqual({ unitCost: "Unit cost is £0: this line costs nothing" });
  });
});

describe("staff at once (21 §11)", () => {
  it("two carers at once for a live-in week, or 2 × 168 hours: the time limit is each one's", () => {
    // Before: 2 weeks a week was refused ("a week holds at most 1 week") and nothing could say 2 staff.
    const liveIn = { ...fields, service: "Live-in care", unit: "week", quantity: "1", unitCost: "1370" };
    const double = checkLine({ ...liveIn, staff: "2" });
    // 1 week × £1,370 × 2 staff × 52 = £142,480
    expect(double.line?.staff?.toString()).toBe("2");
    expect(lineAnnualCost(double.line!, WEEKS).toFixed(2)).toBe("142480.00");
    const hours = checkLine({ ...fields, quantity: "168", staff: 2 });
    // 168 h × £19.55 × 2 × 52 = £341,577.60
    expect(lineAnnualCost(hours.line!, WEEKS).toFixed(2)).toBe("341577.60");
    expect(checkLine({ ...fields, quantity: "168.01", staff: "2" }).problems.quantity).toMatch(
      /^Quantity: a week holds at most 168 hours of one member of staff's time;/,
    );
  });

  it("blank is one member of staff; 0, 1.5, 11 and text are refused under the field", () => {
    expect(checkLine({ ...fields, staff: "" }).line?.staff?.toString()).toBe("1");
    expect(checkLine(fields).line?.staff?.toString()).toBe("1");
    expect(checkLine({ ...fields, staff: "10" }).line?.staff?.toString()).toBe("10");
    const refused = (staff: string | number) => checkLine({ ...fields, staff }).problems.staff;
    expect([refused("0"), refused("1.5"), refused(11), refused("two")]).toEqual([
      'Staff at once: expected a whole number of staff at once, 1 to 10; got "0"',
      'Staff at once: expected a whole number of staff at once, 1 to 10; got "1.5"',
      "Staff at once: expected a whole number of staff at once, 1 to 10; got 11",
      'Staff at once: expected a whole number of staff at once; got "two"',
    ]);
    expect(checkLine({ ...fields, staff: "0" }).line).toBeNull();
  });
});

describe("the tolerance typed in percent (8.2)", () => {
  const read = (green: string, amber: string) => readTolerancePercentages({ green, amber });

  it('reads "10" and "50" as 10% and 50%, as "10%" and "50 %" are', () => {
    // Before: "10" was saved as 1,000%, so a plan 1,049% over budget showed Amber.
    for (const [green, amber] of [
      ["10", "50"],
      ["10%", "50 %"],
      [" 10 ", "50"],
    ]) {
      expect(read(green, amber)).toEqual({ tolerance: { green: new Decimal("0.1"), amber: new Decimal("0.5") } });
    }
    expect(read("0.1", "2.5")).toEqual({ tolerance: { green: new Decimal("0.001"), amber: new Decimal("0.025") } });
  });

  const wide = (name: string) =>
    `${name}: at most 100%: a plan costing more than double its indicative budget is never Amber`;

  it("Green ≤ Amber ≤ 100% (21 §3): 100% accepted, 100.01% refused with its reason; negatives and text by box", () => {
    // Before: anything up to 1,000% was accepted, so a plan eleven times its budget could be Amber.
    expect(read("10", "100")).toEqual({ tolerance: { green: new Decimal("0.1"), amber: new Decimal(1) } });
    expect(read("100", "100")).toEqual({ tolerance: { green: new Decimal(1), amber: new Decimal(1) } });
    expect(read("10", "100.01")).toEqual({ problems: { amber: wide("Amber") } });
    expect(read("10", "1000")).toEqual({ problems: { amber: wide("Amber") } });
    // Equal limits are one limit (no Amber band), as PB.PLAN_TOLERANCE takes; green above amber is refused.
    expect(read("50", "50")).toEqual({ tolerance: { green: new Decimal("0.5"), amber: new Decimal("0.5") } });
    expect(read("60", "50")).toEqual({
      problems: { amber: "Amber must not be below green (60%): a plan is Green up to green, Amber up to amber" },
    });
    expect(read("-5", "50")).toEqual({ problems: { green: "Green: expected a percentage, 0% or more" } });
    expect(read("ten", "")).toEqual({
      problems: {
        green: 'Green: expected a percentage, such as 10 or 10%; got "ten"',
        amber: "Amber: a percentage is needed",
      },
    });
    expect(read("0", "0")).toEqual({ tolerance: { green: new Decimal(0), amber: new Decimal(0) } });
  });

  it("the same rules check fractions read from the workbook", () => {
    // 1 is 100%, the most allowed; 1.0001 is 100.01%.
    expect(toleranceProblems(new Decimal("1.0001"), new Decimal(10))).toEqual({
      green: wide("Green"),
      amber: wide("Amber"),
    });
    expect(toleranceProblems(new Decimal(1), new Decimal("0.9"))).toEqual({
      amber: "Amber must not be below green (100%): a plan is Green up to green, Amber up to amber",
    });
    expect(toleranceProblems(new Decimal("0.1"), new Decimal("0.5"))).toEqual({});
    expect(toleranceProblems(new Decimal("0.1"), new Decimal(1))).toEqual({});
  });
});

describe("who may agree a plan (8.3)", () => {
  const plan = { lines: [{}], reason: "", signedOffBy: "", updatedBy: "Sam Reid" };
  const problems = (status: "Draft" | "Agreed" | "Needs manager review", light: "Green" | "Amber" | "Red", more = {}) =>
    planProblems({ ...plan, status, light, ...more }).map((problem) => problem.field);

  it("a Red plan is agreed only with a manager's name and a reason", () => {
    expect(problems("Agreed", "Red")).toEqual(["reason", "signedOffBy"]);
    expect(problems("Agreed", "Red", { reason: "Carer breakdown" })).toEqual(["signedOffBy"]);
    expect(problems("Agreed", "Red", { reason: "Carer breakdown", signedOffBy: "Alex Moss" })).toEqual([]);
    expect(signOffRequired("Agreed", "Red")).toBe(
      "A Red plan can be agreed only with a manager's sign-off: enter the manager's name.",
    );
  });

  it("an Amber plan is agreed only with a reason; a Green one freely; a Draft or a review is not agreed", () => {
    expect(problems("Agreed", "Amber")).toEqual(["reason"]);
    expect(reasonRequired("Agreed", "Amber")).toBe(
      "An Amber plan can be agreed only with a reason: say why it differs from the indicative budget.",
    );
    expect(problems("Agreed", "Green")).toEqual([]);
    expect(problems("Draft", "Red")).toEqual([]);
    expect(problems("Needs manager review", "Red")).toEqual(["reason"]);
    expect(problems("Needs manager review", "Red", { reason: "Over budget" })).toEqual([]);
  });

  it("records the reason as given, and a sign-off only for an Agreed plan, with the day it was given", () => {
    const agreed = { status: "Agreed" as const, reason: " Carer breakdown ", signedOffBy: " Alex Moss " };
    expect(decisionRecord(agreed, null, "2026-11-24")).toEqual({
      reason: "Carer breakdown",
      signedOffBy: "Alex Moss",
      signedOffOn: "2026-11-24",
    });
    expect(
      decisionRecord({ status: "Draft", reason: "Waiting for a quote", signedOffBy: "Alex Moss" }, null, "2026-11-24"),
    ).toEqual({ reason: "Waiting for a quote", signedOffBy: "", signedOffOn: null });
    // The sign-off already saved keeps its day; another manager's is given today.
    const saved = { signedOffBy: "alex moss", signedOffOn: "2026-10-01" };
    expect(decisionRecord(agreed, saved, "2026-11-24").signedOffOn).toBe("2026-10-01");
    expect(decisionRecord({ ...agreed, signedOffBy: "Jo Khan" }, saved, "2026-11-24").signedOffOn).toBe("2026-11-24");
  });
});

describe("sign-off by someone else (21 §5)", () => {
  const red = { lines: [{}], status: "Agreed" as const, light: "Red" as const, reason: "Carer breakdown" };
  const mine = (
    signedOffBy: string,
    updatedBy: string,
    saved: { status: "Agreed" | "Needs manager review" | "Draft"; signedOffBy: string } | null = null,
  ) => planProblems({ ...red, signedOffBy, updatedBy, saved });
  const self =
    "A plan is signed off by a manager other than the person saving it (Sam Reid): enter the manager's name.";

  it("a Red plan's sign-off is refused when it is the saver's own name, ignoring case and spaces", () => {
    // Before: "Sam Reid" could sign off Sam Reid's own Red plan.
    expect(mine("Sam Reid", "Sam Reid")).toEqual([{ field: "signedOffBy", message: self }]);
    expect(mine(" sam  REID", "Sam Reid")).toEqual([{ field: "signedOffBy", message: self }]);
    expect(mine("SamReid", "Sam Reid")).toEqual([{ field: "signedOffBy", message: self }]);
    expect(mine("Sam Reed", "Sam Reid")).toEqual([]);
    expect(mine("Alex Moss", "Sam Reid")).toEqual([]);
  });

  it("the manager who signed a plan off may save it again: the saved sign-off is not a new one", () => {
    expect(mine("Alex Moss", "Alex Moss", { status: "Agreed", signedOffBy: "Alex Moss" })).toEqual([]);
    expect(mine("Alex Moss", "Alex Moss", { status: "Agreed", signedOffBy: "Jo Khan" })).toEqual([
      {
        field: "signedOffBy",
        message:
          "A plan is signed off by a manager other than the person saving it (Alex Moss): enter the manager's name.",
      },
    ]);
  });

  it("a plan saved as needing manager review is agreed only with a sign-off, whatever its light", () => {
    expect(signOffRequired("Agreed", "Green", "Needs manager review")).toBe(
      "A plan that needed manager review can be agreed only with a manager's sign-off: enter the manager's name.",
    );
    expect(signOffRequired("Agreed", "Green", "Draft")).toBeNull();
    expect(signOffRequired("Needs manager review", "Red", "Needs manager review")).toBeNull();
    const reviewed = { lines: [{}], status: "Agreed" as const, light: "Green" as const, reason: "" };
    expect(
      planProblems({
        ...reviewed,
        signedOffBy: "",
        updatedBy: "Sam Reid",
        saved: { status: "Needs manager review", signedOffBy: "" },
      }).map((problem) => problem.field),
    ).toEqual(["signedOffBy"]);
    expect(
      planProblems({
        ...reviewed,
        signedOffBy: "Alex Moss",
        updatedBy: "Sam Reid",
        saved: { status: "Needs manager review", signedOffBy: "" },
      }),
    ).toEqual([]);
  });
});

describe("a costed plan", () => {
  const line = (quantity: string, unitCost: string, frequency: SupportPlanLine["frequency"]): SupportPlanLine => ({
    service: "s",
    unit: "u",
    quantity: new Decimal(quantity),
    unitCost: new Decimal(unitCost),
    frequency,
    managedAs: "Direct payment",
  });

  it("the percentage shown never reads as another light's (21 §8)", () => {
    // £6,820.01 against £6,200: 620.01 ÷ 6,200 = 10.000161…% above, Amber. Before: "10% above", beside Amber.
    const against = costPlan(
      [line("1", "6820.01", "year")],
      new Decimal(6200),
      DEFAULT_TOLERANCE,
      WEEKS,
    ).againstBudget!;
    expect(against.light).toBe("Amber");
    expect(against.difference).toBe("10.0002% above the indicative budget");
    // Exactly 10% is Green and reads 10%; 10.01% reads 10.01%; 35.42% reads as before, to one place.
    const shown = (cost: string) =>
      costPlan([line("1", cost, "year")], new Decimal(6200), DEFAULT_TOLERANCE, WEEKS).againstBudget;
    expect([shown("6820")?.light, shown("6820")?.difference]).toEqual(["Green", "10% above the indicative budget"]);
    expect(shown("6820.62")?.difference).toBe("10.01% above the indicative budget");
    expect(shown("4006.60")?.difference).toBe("35.4% below the indicative budget");
    expect(shown("6200")?.difference).toBe("exactly the indicative budget");
    // Closer to a limit than four places show: "just over".
    expect(deviationPercent(new Decimal("0.5000000001"), "Red", DEFAULT_TOLERANCE)).toBe("just over 50%");
    expect(deviationPercent(new Decimal("-0.100000001"), "Amber", DEFAULT_TOLERANCE)).toBe("just over 10%");
  });

  it("an empty plan has no light yet: it is not Red", () => {
    expect(costPlan([], new Decimal(6200), DEFAULT_TOLERANCE, WEEKS).againstBudget).toBeNull();
    expect(costPlan([line("1", "45", "week")], new Decimal(6200), DEFAULT_TOLERANCE, WEEKS).againstBudget?.light).toBe(
      "Red",
    );
  });

  it("records each figure rounded to pence once, from the exact totals", () => {
    // 2.33 h × £19.55 × 52 = £2,368.678 and 1 × £0.01 × 12 = £0.12: annual £2,368.798 → £2,368.80;
    // weekly 2,368.798 ÷ 52 = 45.5538… → £45.55. Against £2,400: 1.3% below → Green.
    const figures = planFigures(
      [line("2.33", "19.55", "week"), line("1", "0.01", "month")],
      new Decimal(2400),
      DEFAULT_TOLERANCE,
      WEEKS,
    );
    const shown = [figures.annual, figures.weekly, figures.oneOff, figures.byManagement["Direct payment"]];
    expect(shown.map((amount) => amount.toFixed(2))).toEqual(["2368.80", "45.55", "0.00", "2368.80"]);
    expect(figures.light).toBe("Green");
  });

  it("records the figures over the weeks in a year given: 52.143 and 50 (26 §4)", () => {
    const lines = [line("2.33", "19.55", "week"), line("1", "0.01", "month")];
    const at = (weeks: string) => {
      const figures = planFigures(lines, new Decimal(2400), DEFAULT_TOLERANCE, new Decimal(weeks));
      return [figures.annual, figures.weekly, figures.byManagement["Direct payment"]].map((amount) =>
        amount.toFixed(2),
      );
    };
    // 2.33 × £19.55 = £45.5515 a week × 52.143 = £2,375.1918645, + £0.12 = £2,375.3118645 → £2,375.31;
    // ÷ 52.143 = 45.5538… → £45.55
    expect(at("52.143")).toEqual(["2375.31", "45.55", "2375.31"]);
    // £45.5515 × 50 = £2,277.575, + £0.12 = £2,277.695 → £2,277.70 (half-up); ÷ 50 = 45.5539 → £45.55
    expect(at("50")).toEqual(["2277.70", "45.55", "2277.70"]);
  });
});

describe("a plan's dates (10 §1)", () => {
  const none = { startDate: null, endDate: null, reviewDate: null };

  it("starts the day it is first saved and is reviewed 12 months on, by default; blank end is ongoing", () => {
    expect(planDates(none, "2026-11-24")).toEqual({
      dates: { startDate: "2026-11-24", endDate: null, reviewDate: "2027-11-24" },
    });
    // 12 months after 29 February 2028 is 28 February 2029, as Excel's EDATE gives.
    expect(planDates({ ...none, startDate: "2028-02-29" }, "2026-11-24")).toEqual({
      dates: { startDate: "2028-02-29", endDate: null, reviewDate: "2029-02-28" },
    });
  });

  it("refuses an end or a review before the start, and a date that is not one", () => {
    expect(
      planDates({ startDate: "2026-04-01", endDate: "2026-03-31", reviewDate: "2026-04-01" }, "2026-11-24"),
    ).toEqual({
      problems: { endDate: "The end date must not be before the start date (1 Apr 2026)" },
    });
    expect(planDates({ ...none, startDate: "2026-04-01", reviewDate: "2026-03-31" }, "2026-11-24")).toEqual({
      problems: { reviewDate: "The review date must not be before the start date (1 Apr 2026)" },
    });
    expect(
      planDates({ startDate: "2026-04-01", endDate: "2026-03-31", reviewDate: "2026-03-31" }, "2026-11-24"),
    ).toEqual({
      problems: {
        endDate: "The end date must not be before the start date (1 Apr 2026)",
        reviewDate: "The review date must not be before the start date (1 Apr 2026)",
      },
    });
    expect(planDates({ ...none, startDate: "2026-04-01", reviewDate: "2026-02-30" }, "2026-11-24")).toEqual({
      problems: { reviewDate: 'Review date: expected a date such as 2026-04-01; got "2026-02-30"' },
    });
    // The same day is fine: a plan may end, or be reviewed, the day it starts.
    expect(planDates({ startDate: "2026-04-01", endDate: "2026-04-01", reviewDate: null }, "2026-11-24")).toMatchObject(
      {
        dates: { endDate: "2026-04-01", reviewDate: "2027-04-01" },
      },
    );
    expect(planDates({ ...none, startDate: "2026-04-01", reviewDate: "2026-04-01" }, "2026-11-24")).toEqual({
      dates: { startDate: "2026-04-01", endDate: null, reviewDate: "2026-04-01" },
    });
  });
});
