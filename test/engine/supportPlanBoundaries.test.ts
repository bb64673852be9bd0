// A support plan's fields at their edges: each field blank on its own, blanks typed as spaces, numbers in 1e2
// notation, units of time spelled "an hour" or "per hour", every date field's own message, the tolerance boxes
// typed with spaces and a % sign. Each refusal word for word.
import {
  checkLine,
  costPlan,
  Decimal,
  DEFAULT_TOLERANCE,
  lineAnnualCost,
  LineFields,
  planAgainstBudget,
  planDates,
  planProblems,
  PlanStatus,
  readTolerancePercentages,
  reasonRequired,
  timeLimit,
  toleranceProblems,
} from "../../src/engine";
import { PERSONAL_ASSISTANT_LINE as fields } from "../fixtures";

/** The product's default weeks in a year. */
const WEEKS = new Decimal(52);

describe("a line with a field left blank", () => {
  it("is not a line, and says which field is needed", () => {
    const needed: [keyof LineFields, string][] = [
      ["service", "A service is needed"],
      ["unit", "A unit (hour, day, week, item…) is needed"],
      ["quantity", "A quantity is needed"],
      ["unitCost", "A unit cost is needed"],
      ["frequency", "A frequency is needed"],
      ["managedAs", "How it is managed is needed"],
    ];
    for (const [field, message] of needed) {
      for (const blank of ["", "   ", null]) {
        expect(checkLine({ ...fields, [field]: blank })).toEqual({
          line: null,
          problems: { [field]: message },
          notes: {},
        });
      }
    }
  });

  it("checks a quantity without a frequency only against the general limit", () => {
    // 200 hours would be over a week's 168; without a frequency there is no period to hold them.
    expect(checkLine({ ...fields, quantity: "200", frequency: "" }).problems).toEqual({
      frequency: "A frequency is needed",
    });
  });
});

describe("a line with a quantity over a unit of time's limit", () => {
  it("says only that a unit is needed when the unit is left blank", () => {
    // 200 a week is over 168 hours, but with no unit there is no unit of time to hold them.
    expect(checkLine({ ...fields, unit: " ", quantity: "200" }).problems).toEqual({
      unit: "A unit (hour, day, week, item…) is needed",
    });
    expect(checkLine({ ...fields, quantity: "200" }).problems).toEqual({
      quantity:
        "Quantity: a week holds at most 168 hours of one member of staff's time; check the quantity, unit and " +
        "frequency, and for two or more staff at once set Staff at once",
    });
  });
});

describe("numbers typed in a line", () => {
  const quantity = (typed: string) => {
    const checked = checkLine({ ...fields, unit: "meal", quantity: typed });
    return checked.line?.quantity.toString() ?? checked.problems.quantity;
  };

  it("reads 1e2 notation, with spaces around it, a sign and a leading point", () => {
    expect([" 1e2 ", "1.5E+2", ".5e1", "+2e0", "2e-2"].map(quantity)).toEqual(["100", "150", "5", "2", "0.02"]);
  });

  it("gives a number 1e21, which JavaScript writes in that notation, the general limit's message", () => {
    expect(checkLine({ ...fields, unit: "meal", quantity: 1e21 }).problems).toEqual({
      quantity: "Quantity: at most 1,000,000; a larger figure is surely a typing slip",
    });
  });

  it("reads 1e2 notation with two or more figures before the point or after it", () => {
    expect(["12.5e1", "12e1", ".25e1", "1.25E1"].map(quantity)).toEqual(["125", "120", "2.5", "12.5"]);
  });

  it("refuses 1e2 notation with anything before or after it, saying what was expected", () => {
    expect(["x1e2", "£1e2", "1e2x", "1e2 h"].map(quantity)).toEqual([
      'Quantity: expected a quantity, 0 or more; got "x1e2"',
      'Quantity: expected a quantity, 0 or more; got "£1e2"',
      'Quantity: expected a quantity, 0 or more; got "1e2x"',
      'Quantity: expected a quantity, 0 or more; got "1e2 h"',
    ]);
    expect(checkLine({ ...fields, unitCost: "£1e3" }).problems).toEqual({
      unitCost: 'Unit cost: expected an amount in £, 0 or more; got "£1e3"',
    });
  });

  it("refuses a negative one and text, saying what was expected", () => {
    expect(["-1e2", "ten"].map(quantity)).toEqual([
      'Quantity: expected a quantity, 0 or more; got "-1e2"',
      'Quantity: expected a quantity, 0 or more; got "ten"',
    ]);
    expect(checkLine({ ...fields, unitCost: "abc" }).problems).toEqual({
      unitCost: 'Unit cost: expected an amount in £, 0 or more; got "abc"',
    });
  });

  it("costs a line a year to the penny, rounded once", () => {
    // 10 h × £19.55 × 52 = £10,166.00; 2.33 h × £19.55 × 52 = £2,368.678 → £2,368.68
    const line = (quantity: string) => checkLine({ ...fields, quantity }).line!;
    expect([lineAnnualCost(line("10"), WEEKS).toFixed(2), lineAnnualCost(line("2.33"), WEEKS).toString()]).toEqual([
      "10166.00",
      "2368.68",
    ]);
  });
});

describe("a unit of time with a word before it", () => {
  it('reads "an hour", "per hour", "1  hour" and "a day" as the unit itself', () => {
    const limit = (unit: string) => timeLimit(unit, "week")?.limit.toString();
    expect(["an hour", "per hour", "1  hour", "one hour", "a day"].map(limit)).toEqual([
      "168",
      "168",
      "168",
      "168",
      "7",
    ]);
    // Only a word before the unit is dropped: text that spells a unit once a word is taken from inside it is not one.
    expect(["ho1 ur", "wee a k", "da per y"].map(limit)).toEqual([undefined, undefined, undefined]);
    expect(checkLine({ ...fields, unit: "an hour", quantity: "168.01" }).problems.quantity).toBe(
      "Quantity: a week holds at most 168 hours of one member of staff's time; check the quantity, unit and " +
        "frequency, and for two or more staff at once set Staff at once",
    );
  });
});

describe("a frequency or a way of managing the money not known", () => {
  it("names the field and lists what it may be", () => {
    expect(checkLine({ ...fields, frequency: "daily" }).problems).toEqual({
      frequency:
        'Frequency must be one of: week, weekly, month, monthly, year, annual, yearly, once, one-off; got "daily"',
    });
    expect(checkLine({ ...fields, managedAs: "cash" }).problems).toEqual({
      managedAs:
        "How it is managed must be one of: direct payment, dp, council-managed, council managed, " +
        'managed by the council, individual service fund, isf; got "cash"',
    });
  });
});

describe("the difference from the indicative budget in words", () => {
  it("gives a Red plan's deviation as a figure, not as 'just over' amber", () => {
    // (1,600 − 1,000) ÷ 1,000 = 60%; (250 − 1,000) ÷ 1,000 = −75%.
    const against = (plan: number) => planAgainstBudget(new Decimal(plan), new Decimal(1000), DEFAULT_TOLERANCE);
    expect([against(1600), against(250)].map(({ light, difference }) => [light, difference])).toEqual([
      ["Red", "60% above the indicative budget"],
      ["Red", "75% below the indicative budget"],
    ]);
  });

  it("says the indicative budget is £0 when it is, whatever the plan costs", () => {
    const against = (plan: number) => planAgainstBudget(new Decimal(plan), new Decimal(0), DEFAULT_TOLERANCE);
    expect([against(0), against(120)].map(({ light, difference }) => [light, difference])).toEqual([
      ["Green", "the indicative budget is £0"],
      ["Red", "the indicative budget is £0"],
    ]);
  });

  it("gives a Green plan on a limit finer than four places as 'at most' the limit", () => {
    // Green up to 9.99995%: £1,099,999.50 against £1,000,000 is 9.99995% above, Green (inclusive). Shown to
    // 1, 2, 3 or 4 places (10%, 10%, 10%, 10%) it would read over the limit, so the words say "at most".
    const tolerance = { green: new Decimal("0.0999995"), amber: new Decimal("0.5") };
    const against = (plan: string) => planAgainstBudget(new Decimal(plan), new Decimal(1_000_000), tolerance);
    expect([against("1099999.50"), against("900000.50")].map(({ light, difference }) => [light, difference])).toEqual([
      ["Green", "at most 9.99995% above the indicative budget"],
      ["Green", "at most 9.99995% below the indicative budget"],
    ]);
    // A penny more is Amber, 9.999951% above: shown to one place, 10%, which is over the limit as the light is.
    expect([against("1099999.51").light, against("1099999.51").difference]).toEqual([
      "Amber",
      "10% above the indicative budget",
    ]);
  });
});

describe("who may agree a plan, with names typed as spaces", () => {
  const plan = { lines: [{}], reason: "Carer breakdown", signedOffBy: "Alex Moss", updatedBy: "Sam Reid" };

  it("takes a reason, a manager or a name of only spaces as none", () => {
    const problems = (more: object) => planProblems({ ...plan, status: "Agreed", light: "Red", ...more });
    expect(problems({ reason: "   " })).toEqual([
      {
        field: "reason",
        message: "A Red plan can be agreed only with a reason: say why it differs from the indicative budget.",
      },
    ]);
    expect(problems({ signedOffBy: "  " })).toEqual([
      {
        field: "signedOffBy",
        message: "A Red plan can be agreed only with a manager's sign-off: enter the manager's name.",
      },
    ]);
    expect(problems({ updatedBy: " \t " })).toEqual([
      { field: "updatedBy", message: "Enter your name, so colleagues know who last changed the plan." },
    ]);
    expect(problems({})).toEqual([]);
  });

  it("refuses the saver's own sign-off only on an Agreed plan, naming the saver as typed, spaces trimmed", () => {
    const problems = (more: { status: PlanStatus; signedOffBy: string; updatedBy?: string }) =>
      planProblems({ ...plan, light: "Red", ...more });
    // A Draft or a plan for review records no sign-off, so the saver's name left in the box stops nothing.
    expect(problems({ status: "Draft", signedOffBy: "Sam Reid" })).toEqual([]);
    expect(problems({ status: "Needs manager review", signedOffBy: "sam reid" })).toEqual([]);
    expect(problems({ status: "Agreed", signedOffBy: "sam reid", updatedBy: "  Sam Reid  " })).toEqual([
      {
        field: "signedOffBy",
        message:
          "A plan is signed off by a manager other than the person saving it (Sam Reid): enter the manager's name.",
      },
    ]);
  });

  it("takes names that differ only in case as one person's, however a letter's capital is written", () => {
    const self = (signedOffBy: string, updatedBy: string) =>
      planProblems({ ...plan, status: "Agreed", light: "Red", signedOffBy, updatedBy }).map(({ message }) => message);
    const refused = (saver: string) => [
      `A plan is signed off by a manager other than the person saving it (${saver}): enter the manager's name.`,
    ];
    // The capitals of "ß" are "SS"; the Ångström sign "\u212B" is a capital whose small letter is "å".
    expect(self("JO STRAUSS", "Jo Strauß")).toEqual(refused("Jo Strauß"));
    expect(self("Jo Strauß", "jo strauss")).toEqual(refused("jo strauss"));
    expect(self("\u212Bsa Lind", "Åsa Lind")).toEqual(refused("Åsa Lind"));
    expect(self("ÅSA LIND", "\u212Bsa Lind")).toEqual(refused("\u212Bsa Lind"));
    // Other letters are other people.
    expect(self("Jo Straus", "Jo Strauß")).toEqual([]);
    expect(self("Asa Lind", "Åsa Lind")).toEqual([]);
  });

  it("asks an Agreed Green plan with neither a sign-off nor a name only for the name", () => {
    // No sign-off is needed; a blank sign-off is not the blank saver's own.
    expect(planProblems({ ...plan, status: "Agreed", light: "Green", signedOffBy: " ", updatedBy: "" })).toEqual([
      { field: "updatedBy", message: "Enter your name, so colleagues know who last changed the plan." },
    ]);
  });

  it("names the light in the reason asked for", () => {
    expect([
      reasonRequired("Agreed", "Red"),
      reasonRequired("Agreed", "Amber"),
      reasonRequired("Draft", "Red"),
    ]).toEqual([
      "A Red plan can be agreed only with a reason: say why it differs from the indicative budget.",
      "An Amber plan can be agreed only with a reason: say why it differs from the indicative budget.",
      null,
    ]);
  });

  it("gives no light to a plan with lines while the indicative budget is not known", () => {
    const line = checkLine(fields).line!;
    expect(costPlan([line], null, DEFAULT_TOLERANCE, WEEKS).againstBudget).toBeNull();
    expect(costPlan([line], new Decimal(10_166), DEFAULT_TOLERANCE, WEEKS).againstBudget?.light).toBe("Green");
  });
});

describe("a plan's dates typed as spaces or not as dates", () => {
  it("takes a date of only spaces as left blank", () => {
    expect(planDates({ startDate: "  ", endDate: " ", reviewDate: "\t" }, "2026-11-24")).toEqual({
      dates: { startDate: "2026-11-24", endDate: null, reviewDate: "2027-11-24" },
    });
  });

  it("names each date that is not one", () => {
    expect(planDates({ startDate: "2026-02-30", endDate: "31/03/2027", reviewDate: "soon" }, "2026-11-24")).toEqual({
      problems: {
        startDate: 'Start date: expected a date such as 2026-04-01; got "2026-02-30"',
        endDate: 'End date: expected a date such as 2026-04-01; got "31/03/2027"',
        reviewDate: 'Review date: expected a date such as 2026-04-01; got "soon"',
      },
    });
  });
});

describe("the tolerance boxes", () => {
  it("read a percentage with spaces around it and a % sign at the end only", () => {
    expect(readTolerancePercentages({ green: "  10 %  ", amber: "50%" })).toEqual({
      tolerance: { green: new Decimal(0.1), amber: new Decimal(0.5) },
    });
    expect(readTolerancePercentages({ green: "1%0", amber: "50" })).toEqual({
      problems: { green: 'Green: expected a percentage, such as 10 or 10%; got "1%0"' },
    });
  });

  it("say only what is wrong with the box that is wrong", () => {
    expect(readTolerancePercentages({ green: "", amber: "50" })).toEqual({
      problems: { green: "Green: a percentage is needed" },
    });
    expect(readTolerancePercentages({ green: "10", amber: " " })).toEqual({
      problems: { amber: "Amber: a percentage is needed" },
    });
    // Green is beyond its limit: that is its problem, not that amber is below it.
    expect(toleranceProblems(new Decimal(20), new Decimal(0.5))).toEqual({
      green: "Green: at most 100%: a plan costing more than double its indicative budget is never Amber",
    });
    // 100% is the widest either may be; a ten-thousandth more is refused.
    expect(toleranceProblems(new Decimal(1), new Decimal(1))).toEqual({});
    expect(toleranceProblems(new Decimal(1), new Decimal("1.0001"))).toEqual({
      amber: "Amber: at most 100%: a plan costing more than double its indicative budget is never Amber",
    });
    expect(toleranceProblems(new Decimal(0.5), new Decimal(-0.1))).toEqual({
      amber: "Amber: expected a percentage, 0% or more",
    });
  });
});
