// Blank cells as Excel for Windows passes them to a custom function, as 0 (OfficeDev/office-js#4702 for a
// single cell, #5262 for a range), calculated in a real spreadsheet engine: where a 0 could be a real value,
// only the workbook can tell a blank from a 0, so these are the guards docs/functions.md tells councils to use.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { bandTable, scoringSheet } from "../fixtures";
import { registerPBFunctions } from "../support/hyperformula";

/** A scoring sheet whose answer codes are the numbers 0–3, so a blank answer passed as 0 is a real code. */
const numberedScoring = [
  ["Question", 0, 1, 2, 3],
  ["Personal care", 0, 5, 10, 15],
  ["Eating & food", 0, 3, 6, 9],
];

describe("blank cells passed as 0, in a spreadsheet engine", () => {
  let hf: HyperFormula;
  const at = (row: number, col: number): unknown => {
    const value = hf.getCellValue({ sheet: hf.getSheetId("People")!, row, col });
    return value instanceof DetailedCellError ? `${value.value} ${value.message}` : value;
  };

  beforeAll(async () => {
    await registerPBFunctions({ blanksAs: 0 });
    hf = HyperFormula.buildFromSheets(
      {
        Scoring: scoringSheet,
        Numbered: numberedScoring,
        Prices: [...bandTable.slice(0, 2), [20, 80, "-", 100, null]],
        People: [
          // Personal care answered, Eating & food blank, Social & community and Informal care answered
          ["C", null, "D", "A", "=PB.RAS_POINTS(A1:D1, Scoring!$A$1:$E$5)"],
          ["C", null, "D", "A", '=PB.RAS_POINTS(IF(ISBLANK(A2:D2), "", A2:D2), Scoring!$A$1:$E$5)'],
          [2, null, null, null, "=PB.RAS_POINTS(A3:B3, Numbered!$A$1:$E$3)"],
          [2, null, null, null, '=PB.RAS_POINTS(IF(ISBLANK(A4:B4), "", A4:B4), Numbered!$A$1:$E$3)'],
          // A blank Points cell (B), unguarded and guarded, and a price table with a dash and a blank
          ["Older people", null, null, null, "=PB.INDICATIVE_BUDGET(B5, Prices!$A$1:$E$3, A5)"],
          ["Older people", null, null, null, '=PB.INDICATIVE_BUDGET(IF(ISBLANK(B6), "", B6), Prices!$A$1:$E$3, A6)'],
          ["Physical disability", 25, null, null, "=PB.INDICATIVE_BUDGET(B7, Prices!$A$1:$E$3, A7)"],
          ["Mental health", 25, null, null, "=PB.INDICATIVE_BUDGET(B8, Prices!$A$1:$E$3, A8)"],
          // A blank period cell (C) means annual
          ["Older people", 25, null, null, "=PB.INDICATIVE_BUDGET(B9, Prices!$A$1:$E$3, A9, 0, C9)"],
        ],
      },
      { licenseKey: "gpl-v3", useArrayArithmetic: true },
    );
  });

  afterAll(() => hf.destroy());

  it("a blank answer with letter codes is no answer code, and the message says it may be a blank", () => {
    expect(at(0, 4)).toBe(
      "#N/A Answer 0 to question Eating & food is not an answer code of the scoring sheet (codes: A, B, C, D) " +
        "(a blank cell reaches the functions as 0 in Excel for Windows and Mac: fill it in)",
    );
    expect(at(1, 4)).toBe("#N/A Question Eating & food is unanswered");
  });

  it("a blank answer where 0 is an answer code counts as 0 unless guarded", () => {
    // 10 for Personal care answer 2, and answer 0 to Eating & food scores 0: the blank reads as an answer
    expect(at(2, 4)).toBe(10);
    expect(at(3, 4)).toBe("#N/A Question Eating & food is unanswered");
  });

  it("blank points read as 0 points unless guarded", () => {
    expect(at(4, 4)).toBe(0);
    expect(at(5, 4)).toBe("#N/A Points are blank: give the person's RAS points");
  });

  it("a dash in the price table is no value on every Excel; a blank there is £0 a point", () => {
    expect(at(6, 4)).toBe(
      "#VALUE! The price table has no value for the band from 20 points (row 3) for care group " +
        "Physical disability, and 25 points need it",
    );
    // 20 × £40 + 5 × £0: the blank Mental health cell from 20 points is read as £0
    expect(at(7, 4)).toBe(800);
  });

  it("a blank period cell means annual", () => {
    // 20 × £50 + 5 × £80
    expect(at(8, 4)).toBe(1400);
  });
});
