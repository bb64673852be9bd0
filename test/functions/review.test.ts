// PB.RAS_FIT and PB.CALIBRATE as Excel calls them: ranges as arrays of rows, an omitted optional argument as null,
// error values and rich values in a person's cells (left out), malformed arguments as one error for the call.
import * as PB from "../../src/functions/functions";
import { bandTable } from "../fixtures";
import { cells, thrown } from "../support/excelErrors";

const HEADER = [
  "Care group",
  "People",
  "R²",
  "Mean absolute error",
  "Median cost ÷ budget",
  "Within 10%",
  "Within 50%",
];
const sheetError = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
const linkedDataType = { type: "Entity", text: "Stock" };

describe("PB.RAS_FIT", () => {
  it("fits a price table to a cohort's costs by care group, leaving out people with errors in their cells", () => {
    // Older people: 45 → 3,200 against 3,000; 10 → 500 against 600. Mental health: 25 → 1,100 against 1,100.
    const points = [[45], [10], [25], [sheetError], [20], [30]];
    const costs = [[3000], [600], [1100], [900], [linkedDataType], [sheetError]];
    const careGroups = [
      ["Older people"],
      ["Older people"],
      ["Mental health"],
      ["Older people"],
      ["Older people"],
      [""],
    ];
    expect(PB.rasFit(points, costs, bandTable, careGroups)).toEqual([
      HEADER,
      // Spread 2 × 9,360,000 − 12,960,000 = 5,760,000; residuals 2 × (40,000 + 10,000): R² = 5,660,000 ÷ 5,760,000
      // = 0.98263…; MAE (200 + 100) ÷ 2; ratios 0.9375 and 1.2: median 1.06875 → 1.0688; 6.25% Green, 20% Amber.
      ["Older people", 2, 0.9826, 150, 1.0688, 0.5, 1],
      ["Mental health", 1, "", 0, 1, 1, 1],
      // Spread 3 × 10,570,000 − 22,090,000 = 9,620,000; residuals 3 × 50,000: R² = 9,470,000 ÷ 9,620,000 = 0.98440…
      ["All", 3, 0.9844, 100, 1, 0.6667, 1],
      ["Not used", 3, "", "", "", "", ""],
    ]);
  });

  it("takes one care group for everyone, a straight line without one, and blank cells as Excel passes them", () => {
    expect(PB.rasFit([[10], [20]], [[1000], [1800]], bandTable, [["Mental health"]])[1]).toEqual([
      // 10 → 400, 20 → 800: MAE (600 + 1,000) ÷ 2; ratios 2.5 and 2.25: median 2.375; neither within 50%
      "Mental health",
      2,
      // spread 2 × 4,240,000 − 7,840,000 = 640,000; residuals 2 × 1,360,000: R² = (640,000 − 2,720,000) ÷ 640,000
      -3.25,
      800,
      2.375,
      0,
      0,
    ]);
    // A blank cost reaches the function as null (on the web) or 0 (Excel for Windows): null is not used, 0 is £0.
    expect(PB.rasFit([[10], [10]], [[null], [1000]], [[100]], undefined)).toEqual([
      HEADER,
      ["All", 1, "", 0, 1, 1, 1],
      ["Not used", 1, "", "", "", "", ""],
    ]);
    // £0 and £1,000 against 1,000 each: spread 2 × 1,000,000 − 1,000,000; residuals 2 × 1,000,000: R² −1.
    expect(PB.rasFit([[10], [10]], [[0], [1000]], [[100]], undefined)[1]).toEqual(["All", 2, -1, 500, 0.5, 0.5, 0.5]);
  });

  it("fails the whole call for a malformed table, a missing care group, or ranges of the wrong shape", () => {
    expect(thrown(() => PB.rasFit([[45]], [[100]], bandTable, undefined))).toEqual({
      code: "#N/A",
      message:
        "The price table has a column per care group (Older people, Physical disability, Learning disability, " +
        "Mental health): give careGroup, each person's care group",
    });
    expect(thrown(() => PB.rasFit([[45]], [[100]], bandTable.slice(1), undefined)).code).toBe("#VALUE!");
    expect(thrown(() => PB.rasFit([[45, 1]], [[100]], [[50]]))).toEqual({
      code: "#VALUE!",
      message: "Points must be a single column, one person a row; got 1 rows × 2 columns",
    });
    expect(thrown(() => PB.rasFit([[45], [30]], [[100]], [[50]]))).toEqual({
      code: "#VALUE!",
      message: "Costs is 1×1 cells but Points is 2×1: give one cost a person, a column as long as Points",
    });
    expect(thrown(() => PB.rasFit([[45], [30]], [[100], [1]], [[50]], [["a"], ["b"], ["c"]]))).toEqual({
      code: "#VALUE!",
      message: "Care group is 3×1 cells but Points is 2×1: give one value for everyone or a column with one per person",
    });
  });
});

describe("PB.CALIBRATE", () => {
  it("spills a price table in PricePoints' shape, with #N/A and a message where a band cannot be fitted", () => {
    const points = [[10], [30], [10], [30], [25]];
    const costs = [[500], [1800], [400], [1400], [sheetError]];
    const careGroups = [["Older people"], ["Older people"], ["Mental health"], ["Mental health"], ["Older people"]];
    expect(cells(PB.calibrate(points, costs, [[0, 20, 40]], careGroups))).toEqual([
      ["Points from", "Older people", "Mental health"],
      // Older people: 10 → 500 at £50; 30 → 1,000 + 10 × 80. Mental health: £40, then (1,400 − 800) ÷ 10.
      [0, 50, 40],
      [20, 80, 60],
      [
        40,
        "#N/A Band from 40 points: nobody in Older people scores above 40 points, so its rate cannot be fitted",
        "#N/A Band from 40 points: nobody in Mental health scores above 40 points, so its rate cannot be fitted",
      ],
    ]);
  });

  it("fits one column for everyone without care groups, from bounds in a column", () => {
    expect(PB.calibrate([[10], [30]], [[500], [1800]], [[0], [20]])).toEqual([
      ["Points from", "All"],
      [0, 50],
      [20, 80],
    ]);
  });

  it("fails the whole call for bounds that cannot be read, or for nobody usable", () => {
    expect(thrown(() => PB.calibrate([[10]], [[500]], [[0, 20, 10]]))).toEqual({
      code: "#VALUE!",
      message: "Bounds must rise strictly: cell 3 has 10 after 20 in cell 2",
    });
    expect(
      thrown(() =>
        PB.calibrate(
          [[10]],
          [[500]],
          [
            [0, 20],
            [40, 60],
          ],
        ),
      ),
    ).toEqual({
      code: "#VALUE!",
      message: "Bounds must be a single row or a single column; got 2 rows × 2 columns",
    });
    expect(thrown(() => PB.calibrate([[10]], [[500]], [[0, sheetError]]))).toEqual({
      code: "#VALUE!",
      message: "Bounds, row 1, column 2: the error #N/A; correct that cell, or the formula it comes from",
    });
    expect(thrown(() => PB.calibrate([[sheetError]], [[500]], [[0]]))).toEqual({
      code: "#N/A",
      message: "None of the 1 person can be used; the first, row 1: Points (row 1) holds the error #N/A",
    });
  });
});
