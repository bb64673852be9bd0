// The PB functions as Excel calls them: ranges as arrays of rows, omitted arguments as undefined here (Excel
// sends null; the functions treat both alike), failures as CustomFunctions.Error with #VALUE! or #N/A and a message.
import * as PB from "../../src/functions/functions";
import { bandTable, categoryTable, scoringSheet } from "../fixtures";
import { cells, thrown } from "../support/excelErrors";

describe("PB.RAS_POINTS", () => {
  it("gives one total per row of answers, spilling a column", () => {
    const answers = [
      ["C", "B", "D", "A"],
      ["D", "C", "B", "B"],
      ["A", "A", "A", "C"],
    ];
    expect(PB.rasPoints(answers, scoringSheet)).toEqual([[20.5], [18.5], [0]]);
  });

  it("takes a single column with one cell per question as one person", () => {
    expect(PB.rasPoints([["C"], ["B"], ["D"], ["A"]], scoringSheet)).toEqual([[20.5]]);
    expect(PB.rasPoints([["C", "B", "D", "A"]], scoringSheet)).toEqual([[20.5]]);
  });

  it("matches answers by question id when ids are given, from a row or a column", () => {
    const ids = [["Informal care", "Personal care", "Social & community", "Eating & food"]];
    expect(PB.rasPoints([["B", "D", "C", "A"]], scoringSheet, ids)).toEqual([[15]]);
    expect(
      PB.rasPoints(
        [["B", "D", "C", "A"]],
        scoringSheet,
        ids[0].map((id) => [id]),
      ),
    ).toEqual([[15]]);
  });

  it("puts a bad row's error in that row only", () => {
    const answers = [
      ["C", "B", "D", "A"],
      ["C", "", "D", "A"],
      ["C", "B", "Z", "A"],
      ["C", "D", "D", "A"],
    ];
    expect(cells(PB.rasPoints(answers, scoringSheet))).toEqual([
      [20.5],
      ["#N/A Question Eating & food is unanswered"],
      ['#N/A Answer "Z" to question Social & community is not an answer code of the scoring sheet (codes: A, B, C, D)'],
      ['#N/A Answer "D" is not allowed for question Eating & food (allowed: A, B, C)'],
    ]);
  });

  it("gives #VALUE! for the wrong number of answers", () => {
    expect(cells(PB.rasPoints([["C", "B", "D"]], scoringSheet))).toEqual([
      ["#VALUE! Expected 4 answers, one per question in the scoring sheet; got 3"],
    ]);
    expect(cells(PB.rasPoints([["C"], ["B"]], scoringSheet))[0][0]).toMatch(/^#VALUE! Expected 4 answers/);
  });

  it("gives #N/A for an unknown question id and #VALUE! for a malformed scoring sheet", () => {
    expect(thrown(() => PB.rasPoints([["A", "A", "A", "A"]], scoringSheet, [["Q1", "Q2", "Q3", "Q4"]]))).toMatchObject({
      code: "#N/A",
    });
    expect(thrown(() => PB.rasPoints([["A"]], [["Question", "A"]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("needs a header row") as string,
    });
    expect(
      thrown(() =>
        PB.rasPoints(
          [["A"]],
          [
            ["Q", "A"],
            ["Mobility", "lots"],
          ],
        ),
      ),
    ).toMatchObject({ code: "#VALUE!" });
  });
});

describe("PB.INDICATIVE_BUDGET", () => {
  it("gives a single value for a single cell", () => {
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]])).toEqual([[3200]]);
    expect(PB.indicativeBudget([[45]], [[50]])).toEqual([[2250]]);
  });

  it("spills one budget per row, with per-row care groups and reductions", () => {
    const points = [[45], [45], [10], [30]];
    const groups = [["Older people"], ["Learning disability"], ["Mental health"], ["Physical disability"]];
    const reductions = [[0], [0.1], [""], [0.5]];
    // 3200; 4150 × 0.9 = 3735; 10 × 40 = 400; 2100 × 0.5 = 1050
    expect(PB.indicativeBudget(points, bandTable, groups, reductions)).toEqual([[3200], [3735], [400], [1050]]);
  });

  it("broadcasts one care group, reduction or period to every row", () => {
    // 45 → 3200, 20 → 1000, 50 → 20×50 + 20×80 + 10×120 = 3800; weekly ÷ 52: 61.538…, 19.230…, 73.076…
    expect(PB.indicativeBudget([[45], [20], [50]], bandTable, [["Older people"]], undefined, "weekly")).toEqual([
      [61.54],
      [19.23],
      [73.08],
    ]);
  });

  it("compares care groups for the same points when the care groups are the column", () => {
    const groups = [["Older people"], ["Physical disability"], ["Learning disability"], ["Mental health"]];
    // 45 points: 3200; 20×60 + 20×90 + 5×130 = 3650; 4150; 20×40 + 20×60 + 5×90 = 2450
    expect(PB.indicativeBudget([[45]], bandTable, groups)).toEqual([[3200], [3650], [4150], [2450]]);
  });

  it("applies the method to band tables", () => {
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], undefined, null, "band")).toEqual([[5400]]);
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], undefined, "annual", "step")).toEqual([[120]]);
  });

  it("takes the weeks in a year last, for a weekly budget: 52, 52.143 or 50 (26 §4)", () => {
    const weekly = (weeks: unknown) =>
      PB.indicativeBudget([[45], [20]], bandTable, [["Older people"]], undefined, "weekly", null, weeks);
    // £3,200 and £1,000 a year: ÷ 52 = 61.538…, 19.230…; ÷ 52.143 = 61.369…, 19.178…; ÷ 50 = 64, 20.
    expect(weekly(null)).toEqual([[61.54], [19.23]]);
    expect(weekly(52)).toEqual([[61.54], [19.23]]);
    expect(weekly(52.143)).toEqual([[61.37], [19.18]]);
    expect(weekly("50")).toEqual([[64], [20]]);
    // An annual budget is the same whatever the weeks, and a bad figure is refused even then.
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], undefined, "annual", null, 50)).toEqual([[3200]]);
    expect(thrown(() => weekly(49))).toMatchObject({
      code: "#VALUE!",
      message: "Weeks in year: expected a number from 50 to 53; got 49",
    });
    expect(
      thrown(() => PB.indicativeBudget([[45]], bandTable, [["Older people"]], undefined, null, null, 54)),
    ).toMatchObject({ code: "#VALUE!", message: "Weeks in year: expected a number from 50 to 53; got 54" });
    expect(thrown(() => weekly("a year"))).toMatchObject({
      code: "#VALUE!",
      message: 'Weeks in year: expected a number from 50 to 53; got "a year"',
    });
    // Category tables too: Enhanced £15,600 a year ÷ 50 = £312.
    expect(
      PB.indicativeBudget([["Enhanced"]], categoryTable, [["Older people"]], undefined, "weekly", undefined, 50),
    ).toEqual([[312]]);
  });

  it("takes a category for a category table", () => {
    expect(
      PB.indicativeBudget([["Basic"], ["Enhanced"]], categoryTable, [["Older people"]], undefined, "weekly"),
    ).toEqual([[50], [300]]);
  });

  it("keeps a bad row's error in its own cell", () => {
    const points = [[45], [-3], ["Enhanced"], [""], [45]];
    const groups = [["Older people"], ["Older people"], ["Older people"], ["Older people"], ["Children"]];
    expect(cells(PB.indicativeBudget(points, bandTable, groups))).toEqual([
      [3200],
      ["#VALUE! Points: expected a number of points, 0 or more; got -3"],
      [
        '#VALUE! Points must be a number for a band price table; got "Enhanced" ' +
          "(a category needs a price table of categories)",
      ],
      ["#N/A Points are blank: give the person's RAS points"],
      [
        '#N/A Care group "Children" is not in the price table ' +
          "(it has Older people, Physical disability, Learning disability, Mental health)",
      ],
    ]);
  });

  it("passes an error value from the sheet through, for one person and in a spilled column", () => {
    const sheetError = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(PB.indicativeBudget([[sheetError]], bandTable, [["Older people"]])).toEqual([[sheetError]]);
    expect(PB.indicativeBudget([[45]], bandTable, [[sheetError]])).toEqual([[sheetError]]);
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], [[sheetError]])).toEqual([[sheetError]]);
    expect(PB.indicativeBudget([[45], [45]], bandTable, [["Older people"]], [[0], [sheetError]])).toEqual([
      [3200],
      [sheetError],
    ]);
  });

  it("fails the whole call for a bad table, period, method or mismatched columns", () => {
    expect(
      thrown(() =>
        PB.indicativeBudget(
          [[45]],
          [
            ["P", "£"],
            [20, 1],
            [10, 2],
          ],
        ),
      ),
    ).toMatchObject({ code: "#VALUE!" });
    expect(thrown(() => PB.indicativeBudget([[45]], [[50]], undefined, undefined, "monthly"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("Period") as string,
    });
    expect(thrown(() => PB.indicativeBudget([[45]], [[50]], undefined, undefined, undefined, "curve"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("Method") as string,
    });
    expect(
      thrown(() =>
        PB.indicativeBudget([[45], [46]], bandTable, [["Older people"], ["Older people"], ["Older people"]]),
      ),
    ).toMatchObject({
      code: "#VALUE!",
      message: "Care group is 3×1 cells but Points is 2×1: give one value for everyone or one per person",
    });
  });
});

describe("PB.PLAN_TOLERANCE", () => {
  it("spills a traffic light per row, a blank plan cost as #N/A in its own row", () => {
    // Against 1,000: 1,100 is 10% over (Green, inclusive); 1,500 is 50% over (Amber); 499.99 is 50.001% under (Red).
    expect(cells(PB.planTolerance([[1100], [1500], [499.99], [""]], [[1000]]))).toEqual([
      ["Green"],
      ["Amber"],
      ["Red"],
      ["#N/A Plan cost is blank"],
    ]);
  });

  it("takes custom limits and refuses negative amounts", () => {
    expect(PB.planTolerance([[1250]], [[1000]], [[0.25]])).toEqual([["Green"]]);
    expect(cells(PB.planTolerance([[-1]], [[1000]]))).toEqual([
      ["#VALUE! Plan cost: expected an amount in £, 0 or more; got -1"],
    ]);
    expect(thrown(() => PB.planTolerance([[1]], [[1]], [[0.5, 0.1]]))).toMatchObject({ code: "#VALUE!" });
  });

  it("refuses a limit over 100%, as the pane does: the sheet never lights Amber what the pane cannot (21 §3)", () => {
    // PlanSettings[Value] holding 1,000% (a slip for 10%): £2,500 against £1,000 must not read Amber.
    expect(thrown(() => PB.planTolerance([[2500]], [[1000]], [[0.1], [10]]))).toMatchObject({
      code: "#VALUE!",
      message:
        "Tolerance, amber limit (second cell): at most 100%: a plan costing more than double its indicative " +
        "budget is never Amber; got 1,000%",
    });
    expect(PB.planTolerance([[2000]], [[1000]], [[0.1], [1]])).toEqual([["Amber"]]);
  });
});

describe("PB.CARER_CATEGORY and PB.OUTCOME_CATEGORY", () => {
  it("give one category per row, a single column being one person", () => {
    const carers = [
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [3, 2, 2, 1],
    ];
    expect(PB.carerCategory(carers)).toEqual([["Basic"], ["Standard"], ["Enhanced"]]);
    expect(PB.outcomeCategory([[2], [2], [2], [2]])).toEqual([["Enhanced"]]);
    expect(PB.outcomeCategory([[1, 1, 1, 1]], [[5, 9]])).toEqual([["Basic"]]);
  });

  it("say which kind of score is wrong", () => {
    expect(cells(PB.carerCategory([[1, 5, 1, 1]]))).toEqual([
      ["#VALUE! Outcome 2 (impact of caring): expected a whole number from 0 to 3; got 5"],
    ]);
    expect(cells(PB.outcomeCategory([[1, 1, "", 1]]))).toEqual([["#N/A Outcome 3 (level of need) is not scored"]]);
  });
});

describe("PB.PLAN_COST", () => {
  it("costs the lines annually or weekly", () => {
    const lines = [
      [10, 28.5, "week"],
      ["", "", ""],
      [1, 350, "once"],
    ];
    // 14,820 + 350
    expect(PB.planCost(lines)).toBe(15170);
    // 15,170 / 52 = 291.730…
    expect(PB.planCost(lines, "weekly")).toBe(291.73);
    expect(thrown(() => PB.planCost([[1, 10, "fortnightly"]]))).toMatchObject({ code: "#VALUE!" });
  });

  it("takes the weeks in a year last: a weekly line costs that many times a year (26 §4)", () => {
    const lines = [
      [10, 28.5, "week"],
      [1, 350, "once"],
    ];
    // £285 a week: × 52 = 14,820; × 52.143 = 14,860.755; × 50 = 14,250; plus £350 once.
    expect([PB.planCost(lines, null, 52), PB.planCost(lines, null, 52.143), PB.planCost(lines, null, 50)]).toEqual([
      15170, 15210.76, 14600,
    ]);
    // ÷ the same weeks for a week: 15,170 ÷ 52 = 291.73; 15,210.755 ÷ 52.143 = 291.712…; 14,600 ÷ 50 = 292.
    expect([
      PB.planCost(lines, "weekly", 52),
      PB.planCost(lines, "weekly", 52.143),
      PB.planCost(lines, "weekly", "50"),
    ]).toEqual([291.73, 291.71, 292]);
    // Reading's example: £100 a week is £5,000 a year over 50 weeks.
    expect(PB.planCost([[1, 100, "week"]], "annual", 50)).toBe(5000);
    expect(thrown(() => PB.planCost(lines, "weekly", 49))).toMatchObject({
      code: "#VALUE!",
      message: "Weeks in year: expected a number from 50 to 53; got 49",
    });
    expect(thrown(() => PB.planCost(lines, null, 54))).toMatchObject({
      code: "#VALUE!",
      message: "Weeks in year: expected a number from 50 to 53; got 54",
    });
    expect(thrown(() => PB.planCost(lines, null, "fifty"))).toMatchObject({
      code: "#VALUE!",
      message: 'Weeks in year: expected a number from 50 to 53; got "fifty"',
    });
    // A blank cell, as Excel for Windows passes it (0), is refused, as by PB.DP_SURPLUS, not taken as 52.
    expect(thrown(() => PB.planCost(lines, null, 0)).message).toMatch(
      /^Weeks in year: expected a number from 50 to 53; got 0 \(a blank cell reaches the functions as 0/,
    );
  });
});

describe("PB.RAS_EXPLAIN", () => {
  it("explains with the same arguments as INDICATIVE_BUDGET and ends with the result", () => {
    const [[text]] = PB.rasExplain([[45]], bandTable, [["Older people"]]);
    expect(text).toMatch(/^Care group: Older people\. .*£3,200\.00$/);
    expect(cells(PB.rasExplain([["Premium"]], categoryTable, [["Older people"]]))[0][0]).toMatch(
      /^#N\/A Category "Premium"/,
    );
  });

  it("divides by the weeks in a year given last, and says so (26 §4)", () => {
    const [[text]] = PB.rasExplain([[45]], bandTable, [["Older people"]], [[0.1]], "weekly", null, 50);
    expect(text).toMatch(/Weekly: £2,880\.00 ÷ 50 = £57\.60\. Indicative budget a week: £57\.60$/);
    expect(
      thrown(() => PB.rasExplain([[45]], bandTable, [["Older people"]], undefined, "weekly", null, 53.5)),
    ).toMatchObject({ code: "#VALUE!", message: "Weeks in year: expected a number from 50 to 53; got 53.5" });
  });
});
