import { outcomeCategory, readThresholds } from "../../src/engine";
import { failure } from "../support/failure";

const category = (scores: unknown[], thresholds?: unknown) =>
  outcomeCategory(scores as never, readThresholds(thresholds ?? null), "level of need");

describe("outcome and carer categories", () => {
  it.each([
    [[0, 1, 1, 1], "Basic"], // total 3 < 4
    [[1, 1, 1, 1], "Standard"], // total 4 = n: an average of 1
    [[3, 2, 1, 1], "Standard"], // total 7 < 8
    [[2, 2, 2, 2], "Enhanced"], // total 8 = 2n: an average of 2
    [[3, 3, 3, 3], "Enhanced"],
    [["2", " 3", 0, 1], "Standard"], // numbers typed as text count; total 6
  ])("scores %j with default thresholds (n, 2n) give %s", (scores, expected) => {
    expect(category(scores)).toBe(expected);
  });

  it("uses the thresholds given on the total", () => {
    expect(category([1, 1, 1, 1], [[5, 9]])).toBe("Basic");
    expect(category([2, 1, 1, 1], [[5, 9]])).toBe("Standard");
    expect(category([3, 3, 2, 1], [[5], [9]])).toBe("Enhanced");
  });

  it("refuses blank, out-of-range and fractional scores", () => {
    expect(failure(() => category([1, "", 1, 1]))).toMatchObject({
      kind: "notFound",
      message: "Outcome 2 (level of need) is not scored",
    });
    expect(failure(() => category([1, 4, 1, 1]))).toMatchObject({
      kind: "invalid",
      message: "Outcome 2 (level of need): expected a whole number from 0 to 3; got 4",
    });
    expect(failure(() => category([1, 1, 1.5, 1]))).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("got 1.5"),
    });
    expect(failure(() => category([1, 1, 1, -1]))).toMatchObject({ kind: "invalid" });
  });

  it("refuses bad thresholds", () => {
    expect(failure(() => readThresholds([[9, 5]]))).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("must not be above"),
    });
    expect(failure(() => readThresholds([[5]]))).toMatchObject({
      kind: "invalid",
      message: "The thresholds must be two cells (standard from, enhanced from); got 1",
    });
    expect(failure(() => readThresholds([["five", 9]]))).toMatchObject({ kind: "invalid" });
  });
});
