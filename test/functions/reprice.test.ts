// PB.REPRICE as Excel calls it: ranges as arrays of rows, a malformed table as one #VALUE! for the call.
import * as PB from "../../src/functions/functions";
import { bandTable, categoryTable, REPRICE_HEADER as HEADER } from "../fixtures";
import { thrown } from "../support/excelErrors";

// Older people up 10% in every band; Learning disability's top band cut from £150 to £140 a point.
const proposedTable = [
  ["Points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
  [0, 55, 60, 70, 40],
  [20, 88, 90, 100, 60],
  [40, 132, 130, 140, 90],
];
const sheetError = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);

describe("PB.REPRICE", () => {
  it("spills the summary by care group from columns of points, care groups and reductions", () => {
    const points = [[45], [30], [45], [10], [25], [""], [45]];
    const careGroups = [
      ["Older people"], // 3,200 → 3,520
      ["Older people"], // (1,000 + 800) × 0.75 = 1,350 → (1,100 + 880) × 0.75 = 1,485
      ["Learning disability"], // 1,400 + 2,000 + 750 = 4,150 → 1,400 + 2,000 + 700 = 4,100
      ["Learning disability"], // 700 both
      ["Mental health"], // 800 + 300 = 1,100 both
      ["Older people"], // blank points: not priced
      [sheetError], // an error from the sheet: not priced
    ];
    const reductions = [[0], [0.25], [""], [0], [0], [0], [0]];
    expect(PB.reprice(points, bandTable, proposedTable, careGroups, reductions)).toEqual([
      HEADER,
      // 3,200 + 1,350 = 4,550 → 3,520 + 1,485 = 5,005: +455 ÷ 4,550 = 0.1
      ["Older people", 2, 4550, 5005, 455, 0.1, 2, 0, 0],
      // 4,850 → 4,800: −50 ÷ 4,850 = −0.010309… → −0.0103
      ["Learning disability", 2, 4850, 4800, -50, -0.0103, 0, 1, 1],
      ["Mental health", 1, 1100, 1100, 0, 0, 0, 0, 1],
      // 4,550 + 4,850 + 1,100 = 10,500 → 5,005 + 4,800 + 1,100 = 10,905: +405 ÷ 10,500 = 0.038571… → 0.0386
      ["Total", 5, 10500, 10905, 405, 0.0386, 2, 1, 2],
      ["Not priced", 2, "", "", "", "", "", "", ""],
    ]);
  });

  it("takes one care group and one reduction for everyone, and a single person", () => {
    // 45, 20, 10 points, Older people, 10% off: 2,880, 900, 450 → 3,168, 990, 495
    expect(PB.reprice([[45], [20], [10]], bandTable, proposedTable, [["Older people"]], [[0.1]])).toEqual([
      HEADER,
      // 4,230 → 4,653: +423 ÷ 4,230 = 0.1
      ["Older people", 3, 4230, 4653, 423, 0.1, 3, 0, 0],
      ["Total", 3, 4230, 4653, 423, 0.1, 3, 0, 0],
    ]);
    expect(PB.reprice([[45]], bandTable, proposedTable, [["Mental health"]])[1]).toEqual([
      "Mental health",
      1,
      2450, // 800 + 1,200 + 450
      2450,
      0,
      0,
      0,
      0,
      1,
    ]);
  });

  it("compares two straight lines as one row named All", () => {
    // 10 × £50 = 500 → 10 × £50.5 = 505; 3 × £50 = 150 → 151.5: 650 → 656.5, +6.5 ÷ 650 = 0.01
    expect(PB.reprice([[10], [3]], [[50]], [[50.5]])).toEqual([
      HEADER,
      ["All", 2, 650, 656.5, 6.5, 0.01, 2, 0, 0],
      ["Total", 2, 650, 656.5, 6.5, 0.01, 2, 0, 0],
    ]);
  });

  it("rounds Change % half-up at the 4th place", () => {
    // 100 × £8 = 800 → 100 × £8.01 = 801: +1 ÷ 800 = 0.00125 → 0.0013 (half-even would give 0.0012)
    expect(PB.reprice([[100]], [[8]], [[8.01]])[2]).toEqual(["Total", 1, 800, 801, 1, 0.0013, 1, 0, 0]);
  });

  it("re-prices categories against a category table", () => {
    const proposedCategories = [
      ["Category", "Older people", "Learning disability"],
      ["Basic", 2700, 3900],
      ["Standard", 7800, 10000],
      ["Enhanced", 15600, 20000],
    ];
    const categories = [["Basic"], ["Enhanced"], ["Standard"], ["Enhanced"], ["Premium"]];
    const careGroups = [["Older people"], ["Older people"], ["Learning disability"], ["Learning disability"], [""]];
    expect(PB.reprice(categories, categoryTable, proposedCategories, careGroups)).toEqual([
      HEADER,
      // 2,600 + 15,600 = 18,200 → 2,700 + 15,600 = 18,300: +100 ÷ 18,200 = 0.005494… → 0.0055
      ["Older people", 2, 18200, 18300, 100, 0.0055, 1, 0, 1],
      // 10,400 → 10,000: −400 ÷ 10,400 = −0.038461… → −0.0385
      ["Learning disability", 1, 10400, 10000, -400, -0.0385, 0, 1, 0],
      // 28,600 → 28,300: −300 ÷ 28,600 = −0.010489… → −0.0105
      ["Total", 3, 28600, 28300, -300, -0.0105, 1, 1, 1],
      // Enhanced has no current amount for Learning disability; "Premium" is no category
      ["Not priced", 2, "", "", "", "", "", "", ""],
    ]);
  });

  it("prices with the method asked for", () => {
    // band: 45 × £120 = 5,400 → 45 × £132 = 5,940; +540 ÷ 5,400 = 0.1
    expect(PB.reprice([[45]], bandTable, proposedTable, [["Older people"]], undefined, "band")[2]).toEqual([
      "Total",
      1,
      5400,
      5940,
      540,
      0.1,
      1,
      0,
      0,
    ]);
  });

  it("leaves out anyone with an error value from the sheet, even where the table ignores the care group", () => {
    const oneColumn = [
      ["Points from", "£ per point"],
      [0, 10],
    ];
    const summary = PB.reprice([[10], [sheetError], [20]], oneColumn, [[11]], [["x"], ["y"], [sheetError]]);
    expect(summary).toEqual([
      HEADER,
      ["All", 1, 100, 110, 10, 0.1, 1, 0, 0],
      ["Total", 1, 100, 110, 10, 0.1, 1, 0, 0],
      ["Not priced", 2, "", "", "", "", "", "", ""],
    ]);
    expect(PB.reprice([[10]], oneColumn, [[11]], undefined, [[sheetError]])).toEqual([
      HEADER,
      ["Total", 0, 0, 0, 0, "", 0, 0, 0],
      ["Not priced", 1, "", "", "", "", "", "", ""],
    ]);
  });

  it("fails the whole call for a malformed table, saying which, as INDICATIVE_BUDGET does", () => {
    const backwards = [
      ["Points from", "£"],
      [20, 1],
      [10, 2],
    ];
    const rule = "The price table's points lower bounds must rise strictly: row 3 has 10 after 20 in row 2";
    expect(thrown(() => PB.reprice([[45]], backwards, [[50]]))).toEqual({
      code: "#VALUE!",
      message: `Current table: ${rule}`,
    });
    expect(thrown(() => PB.reprice([[45]], [[50]], backwards))).toEqual({
      code: "#VALUE!",
      message: `Proposed table: ${rule}`,
    });
    const negative = thrown(() => PB.reprice([[45]], [[50]], [[-1]]));
    expect(negative.code).toBe("#VALUE!");
    expect(negative.message).toMatch(/^Proposed table: .*£ per point: expected an amount in £, 0 or more; got -1$/);
  });

  it("fails the whole call for an unknown method, points that are not a column, or columns of other lengths", () => {
    expect(thrown(() => PB.reprice([[45]], [[50]], [[50]], undefined, undefined, "curve"))).toEqual({
      code: "#VALUE!",
      message: 'Method must be one of: marginal, band, step; got "curve"',
    });
    expect(thrown(() => PB.reprice([[45, 30]], [[50]], [[50]]))).toEqual({
      code: "#VALUE!",
      message: "Points must be a single column, one person a row; got 1 rows × 2 columns",
    });
    expect(thrown(() => PB.reprice([[45], [30]], bandTable, proposedTable, [["Older people"], ["x"], ["y"]]))).toEqual({
      code: "#VALUE!",
      message: "Care group is 3×1 cells but Points is 2×1: give one value for everyone or a column with one per person",
    });
    expect(thrown(() => PB.reprice([[45], [30]], [[50]], [[50]], undefined, [[0, 0.1]]))).toEqual({
      code: "#VALUE!",
      message: "Reduction is 1×2 cells but Points is 2×1: give one value for everyone or a column with one per person",
    });
  });
});
