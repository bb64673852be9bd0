import { Decimal, readAmount, readTolerance, trafficLight } from "../../src/engine";
import { failure } from "../support/failure";

const light = (plan: string | number, indicative: string | number, tolerance?: unknown) =>
  trafficLight(
    new Decimal(plan),
    new Decimal(indicative),
    tolerance === undefined ? undefined : readTolerance(tolerance),
  );

describe("plan tolerance", () => {
  it.each([
    [1000, 1000, "Green"],
    [1100, 1000, "Green"], // exactly 10% over: boundaries are inclusive
    [900, 1000, "Green"], // exactly 10% under
    [1100.01, 1000, "Amber"],
    [1500, 1000, "Amber"], // exactly 50% over
    [500, 1000, "Amber"], // exactly 50% under
    [1500.01, 1000, "Red"],
    [499.99, 1000, "Red"], // far below counts too
    [0, 1000, "Red"],
  ])("plan £%s against £%s is %s by default (10%% / 50%%)", (plan, indicative, expected) => {
    expect(light(plan, indicative)).toBe(expected);
  });

  it("computes the deviation exactly: 1.1 against 1 is exactly 10%", () => {
    expect(light(1.1, 1)).toBe("Green");
    expect(light(0.9, 1)).toBe("Green");
    expect(light(1.1, 1, [[0.0999]])).toBe("Red");
  });

  it("indicative £0: a £0 plan is Green, anything else Red", () => {
    expect(light(0, 0)).toBe("Green");
    expect(light(0.01, 0)).toBe("Red");
  });

  it("takes two limits (green, amber) from a row or a column", () => {
    expect(light(1150, 1000, [[0.2, 0.3]])).toBe("Green");
    expect(light(1250, 1000, [[0.2], [0.3]])).toBe("Amber");
    expect(light(1350, 1000, [["20%", "30%"]])).toBe("Red");
  });

  it("takes limits up to 100% exactly: a plan double its budget is Amber, a penny more Red", () => {
    expect(light(2000, 1000, [[0.1, 1]])).toBe("Amber");
    expect(light(2000.01, 1000, [[0.1, 1]])).toBe("Red");
    expect(light(0, 1000, [[1]])).toBe("Green");
  });

  it("takes one limit t: Green within t, otherwise Red", () => {
    expect(light(1250, 1000, [[0.25]])).toBe("Green");
    expect(light(1251, 1000, [[0.25]])).toBe("Red");
    expect(light(500, 1000, [[0.25]])).toBe("Red");
  });

  it.each([
    [[[0.5, 0.1]], "green limit (0.5) must not be above its amber limit (0.1)"],
    [[[0.1, 0.2, 0.3]], "one limit or two cells"],
    [[[-0.1]], "Tolerance: expected a fraction, 0 or more (such as 0.1 or 10%); got -0.1"],
    // At most 100%, as the pane's Settings allow (21 §3): a plan more than double its budget is never Amber.
    [
      [[0.1, 1.0001]],
      "Tolerance, amber limit (second cell): at most 100%: a plan costing more than double its indicative budget " +
        "is never Amber; got 100.01%",
    ],
    [
      [["1000%"]],
      "Tolerance: at most 100%: a plan costing more than double its indicative budget is never Amber; got 1,000%",
    ],
    [[["ten"]], 'got "ten"'],
    [
      [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      "must be a single row or a single column",
    ],
  ])("refuses the tolerance %j", (tolerance, message) => {
    expect(failure(() => readTolerance(tolerance))).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining(message),
    });
  });

  it("refuses negative amounts and reports blank ones as missing", () => {
    expect(failure(() => readAmount(-5, "Plan cost"))).toMatchObject({
      kind: "invalid",
      message: "Plan cost: expected an amount in £, 0 or more; got -5",
    });
    expect(failure(() => readAmount("", "Indicative amount"))).toMatchObject({
      kind: "notFound",
      message: "Indicative amount is blank",
    });
  });
});
