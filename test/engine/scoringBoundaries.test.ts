// A scoring sheet and its answers at their edges: headers of numeric answer codes that are codes and those that
// are points, shapes that are not a sheet, questions that allow no answer, and answers labelled by question id.
// Each refusal word for word.
import { parseScoringSheet, questionOrder, scoreAnswers } from "../../src/engine";
import { failure } from "../support/failure";

const HEADERLESS =
  "The scoring sheet's first row holds points where its header belongs (a label, then the answer codes): it " +
  "looks like a table's body without its header row. Use Scoring[#All] (the table with its header row) rather " +
  "than Scoring, or a range that includes the header row";
const SHAPE =
  "The scoring sheet needs a header row (a label, then one answer code per column) and a row per question " +
  "(question id, then the points for each answer)";

describe("a scoring sheet's header", () => {
  const withHeader = (codes: unknown[]) => [
    ["Question", ...codes],
    ["Q1", ...codes.map((_, at) => at * 5)],
  ];

  it("takes numeric answer codes counting up from 0 or from 1, and codes of numbers and letters", () => {
    for (const codes of [
      [0, 1, 2, 3],
      [1, 2, 3],
      [1, "B"],
    ]) {
      const sheet = parseScoringSheet(withHeader(codes));
      expect([...sheet.answerCodes.values()]).toEqual(codes.map(String));
    }
  });

  it("refuses numbers that do not count up from 0 or 1 as points where the header belongs", () => {
    for (const codes of [
      [0, 2, 5],
      [2, 3, 4],
      [1, 3],
    ]) {
      expect(failure(() => parseScoringSheet(withHeader(codes))).message).toBe(HEADERLESS);
    }
  });
});

describe("a range that is not a scoring sheet", () => {
  it("is refused, saying what a sheet needs", () => {
    const refused = [
      [["Question"], ["Q1"]], // no answer column
      [
        ["", "A", "B"],
        ["", 5, 10],
      ], // nothing in the first column
      [[null, null]], // nothing at all
      [["Question", "A"]], // no question
    ];
    for (const grid of refused) expect(failure(() => parseScoringSheet(grid)).message).toBe(SHAPE);
    expect(failure(() => parseScoringSheet("A1:E5")).message).toBe("The scoring sheet must be a range of cells");
  });

  it("refuses a question that allows no answer, naming its row", () => {
    const sheet = [
      ["Question", "A", "B"],
      ["Q1", 0, 5],
      ["Q2", "-", ""],
    ];
    expect(failure(() => parseScoringSheet(sheet)).message).toBe(
      "Scoring sheet row 3 (question Q2) allows no answer: no cell has points",
    );
  });
});

describe("answers labelled by question id", () => {
  const sheet = parseScoringSheet([
    ["Question", "A", "B"],
    ["Q1", 0, 5],
    ["Q2", 1, 2],
  ]);

  it("scores answers in the order of their ids", () => {
    expect(scoreAnswers(sheet, ["A", "B"], questionOrder(sheet, ["Q2", "Q1"])).toString()).toBe("6");
  });

  it("refuses a blank id, an unknown one, one given twice, and the wrong number of answers, saying which", () => {
    expect(failure(() => questionOrder(sheet, ["Q1", " "])).message).toBe(
      "The question ids have a blank in position 2",
    );
    expect(failure(() => questionOrder(sheet, ["Q1", "Q9"])).message).toBe(
      'Question "Q9" is not in the scoring sheet (it has Q1, Q2)',
    );
    expect(failure(() => questionOrder(sheet, ["Q1", "q1 "])).message).toBe(
      'Question "q1" appears twice in the question ids',
    );
    expect(failure(() => scoreAnswers(sheet, ["A"], [1, 0])).message).toBe(
      "Expected 2 answers, one per question id; got 1",
    );
  });
});
