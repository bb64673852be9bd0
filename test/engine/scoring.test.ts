import { Decimal, parseScoringSheet, questionOrder, scoreAnswers } from "../../src/engine";
import { scoringSheet } from "../fixtures";
import { failure } from "../support/failure";

const sheet = parseScoringSheet(scoringSheet);
const points = (answers: unknown[], order?: number[]) => scoreAnswers(sheet, answers as never, order).toString();

describe("scoring sheet", () => {
  it("adds the points of each answer in question order", () => {
    // C (10) + B (3) + D (7.5) + A (0)
    expect(points(["C", "B", "D", "A"])).toBe("20.5");
    // D (15) + C (6) + B (2.5) + B (-5): the informal-care question removes points
    expect(points(["D", "C", "B", "B"])).toBe("18.5");
  });

  it("counts a total below zero as zero", () => {
    // 0 + 0 + 0 - 10
    expect(points(["A", "A", "A", "C"])).toBe("0");
  });

  it("sums exactly: 0.1 + 0.2 is 0.3", () => {
    const tenths = parseScoringSheet([
      ["Q", "x", "y"],
      ["one", 0.1, 0],
      ["two", 0.2, 0],
    ]);
    expect(scoreAnswers(tenths, ["x", "x"]).toString()).toBe("0.3");
  });

  it("matches answer codes ignoring case and surrounding spaces, and a number to its text form", () => {
    expect(points([" c ", "b", "D", "a"])).toBe("20.5");
    const numbered = parseScoringSheet([
      ["Q", "0", "1", "2"],
      ["Mobility", 0, 4, 8],
    ]);
    expect(scoreAnswers(numbered, [2]).toString()).toBe("8");
    const numberHeader = parseScoringSheet([
      ["Q", 0, 1, 2],
      ["Mobility", 0, 4, 8],
    ]);
    expect(scoreAnswers(numberHeader, ["2"]).toString()).toBe("8");
  });

  it('takes a dash "-" as a disallowed answer, like a blank cell, since Excel desktop passes blanks as 0', () => {
    const dashed = parseScoringSheet(scoringSheet.map((row) => row.map((cell) => (cell === "" ? "-" : cell))));
    expect(scoreAnswers(dashed, ["C", "B", "D", "A"]).toString()).toBe("20.5");
    expect(failure(() => scoreAnswers(dashed, ["A", "D", "A", "A"])).message).toBe(
      'Answer "D" is not allowed for question Eating & food (allowed: A, B, C)',
    );
  });

  it("takes numeric answer codes 0, 1, 2… or 1, 2, 3… in a header row of numbers", () => {
    const fromOne = parseScoringSheet([
      ["Q", 1, 2, 3],
      ["Mobility", 0, 4, 8],
    ]);
    expect(scoreAnswers(fromOne, [3]).toString()).toBe("8");
  });

  it("ignores rows and columns with nothing in them, so a range drawn too large still works", () => {
    const padded = [...scoringSheet.map((row) => [...row, ""]), ["", "", "", "", "", ""]];
    expect(scoreAnswers(parseScoringSheet(padded), ["C", "B", "D", "A"]).toString()).toBe("20.5");
  });

  it("matches answers by question id when the columns are in another order", () => {
    const order = questionOrder(sheet, ["Informal care", "personal care", "Social & community", "Eating & food"]);
    // Informal care B (-5), Personal care D (15), Social C (5), Eating A (0)
    expect(points(["B", "D", "C", "A"], order)).toBe("15");
  });

  it.each([
    [["A", "B", "C"], "invalid", "Expected 4 answers, one per question in the scoring sheet; got 3"],
    [["A", "", "C", "A"], "notFound", "Question Eating & food is unanswered"],
    [
      ["A", "A", "Z", "A"],
      "notFound",
      'Answer "Z" to question Social & community is not an answer code of the scoring sheet (codes: A, B, C, D)',
    ],
    [["A", "D", "A", "A"], "notFound", 'Answer "D" is not allowed for question Eating & food (allowed: A, B, C)'],
    [
      // Excel for Windows passes a blank answer cell as 0
      ["A", 0, "A", "A"],
      "notFound",
      "Answer 0 to question Eating & food is not an answer code of the scoring sheet (codes: A, B, C, D) " +
        "(a blank cell reaches the functions as 0 in Excel for Windows and Mac: fill it in)",
    ],
  ])("refuses answers %j", (answers, kind, message) => {
    const error = failure(() => points(answers));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it("refuses question ids that are unknown, repeated or incomplete", () => {
    expect(
      failure(() => questionOrder(sheet, ["Personal care", "Mobility", "Eating & food", "Informal care"])),
    ).toMatchObject({
      kind: "notFound",
      message: expect.stringContaining('Question "Mobility" is not in the scoring sheet') as string,
    });
    expect(
      failure(() => questionOrder(sheet, ["Personal care", "Personal care", "Eating & food", "Informal care"])).kind,
    ).toBe("invalid");
    expect(failure(() => questionOrder(sheet, ["Personal care", "Eating & food", "Informal care"]))).toMatchObject({
      kind: "notFound",
      message: "Question Social & community is unanswered: it is not among the question ids given",
    });
  });

  it.each([
    ["no header row", [["Personal care", 0, 5, 10]], "without its header row. Use Scoring[#All]"],
    ["only a header row", [["Question", "A", "B"]], "needs a header row"],
    [
      // Scoring without [#All]: the first question's points stand where the answer codes belong
      "its first question where the header belongs (a bare table name)",
      [
        ["Personal care", 0, 3, 7, 12],
        ["Eating and drinking", 0, 2, 5, 8],
      ],
      "it looks like a table's body without its header row. Use Scoring[#All] (the table with its header row)",
    ],
    [
      "a duplicate question id",
      [
        ["Q", "A", "B"],
        ["Mobility", 0, 1],
        [" mobility", 0, 2],
      ],
      'question "mobility" twice (rows 2 and 3)',
    ],
    [
      "a duplicate answer code",
      [
        ["Q", "A", "a"],
        ["Mobility", 0, 1],
      ],
      'answer code "a" twice (columns 2 and 3)',
    ],
    [
      "non-numeric points",
      [
        ["Q", "A", "B"],
        ["Mobility", 0, "five"],
      ],
      'Scoring sheet row 2 (question Mobility), answer B: points: expected a number; got "five"',
    ],
    [
      "a blank answer code over points",
      [
        ["Q", "A", ""],
        ["Mobility", 0, 3],
      ],
      "no answer code in column 3",
    ],
    [
      "points without a question id",
      [
        ["Q", "A"],
        ["", 3],
      ],
      "row 2 has points but no question id",
    ],
  ])("refuses a scoring sheet with %s", (_, grid, message) => {
    const error = failure(() => parseScoringSheet(grid));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain(message);
  });

  it("keeps points exact as decimals", () => {
    expect(scoreAnswers(sheet, ["A", "A", "B", "A"])).toEqual(new Decimal("2.5"));
  });
});
