// The exact whole-number arithmetic the RAS fit and calibration use refuses a number that has grown past 900
// significant digits, where Whole's precision could start to round: never a silently rounded figure.
import { checked, Whole } from "../../src/engine/exact";

describe("a whole number kept exact", () => {
  it("is returned at 900 significant digits and refused at 901, counting its trailing zeros", () => {
    const at900 = new Whole(10).pow(899); // 1 and 899 zeros
    expect(checked(at900)).toBe(at900);
    expect(() => checked(new Whole(10).pow(900))).toThrow(
      new RangeError("A whole number grew beyond exact arithmetic"),
    );
  });
});
