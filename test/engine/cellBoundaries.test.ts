// Reading one cell at its edges: blanks and dashes, how a key is matched, how a refused cell is quoted (30
// characters and 31), and numbers written as text with £, a sign, thousands and a % sign, word for word.
import {
  anyNumber,
  Cell,
  describeCell,
  fraction,
  isNoValue,
  isNumeric,
  label,
  matchKey,
  parsePriceTable,
  readCell,
  indicativeBudget,
} from "../../src/engine";
import { failure } from "../support/failure";

describe("a cell with no value", () => {
  it("is blank, spaces, or a lone dash with spaces around it", () => {
    expect([null, undefined, "", "  ", "-", " - ", "--", 0, "0"].map((cell) => isNoValue(cell))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it("in a price table, is a band with no value, named when points need it", () => {
    const table = parsePriceTable([
      ["Points from", "£"],
      [0, 50],
      [20, " - "],
    ]);
    expect(failure(() => indicativeBudget(table, { points: 25 }, { period: "annual", method: "band" })).message).toBe(
      "The price table has no value for the band from 20 points (row 3), and 25 points need it",
    );
  });
});

describe("matching and naming", () => {
  it("matches case and spaces aside, a number to its text, TRUE to its text, a blank to nothing", () => {
    expect([" Older People ", 2, true, false, null, undefined].map((cell: Cell) => matchKey(cell))).toEqual([
      "older people",
      "2",
      "true",
      "false",
      "",
      "",
    ]);
    expect(matchKey(true)).toBe(matchKey("TRUE"));
  });

  it("names a cell as typed, trimmed; a number as its text; a blank as nothing", () => {
    expect(["  Basic  ", 2.5, true, null, undefined].map((cell: Cell) => label(cell))).toEqual([
      "Basic",
      "2.5",
      "true",
      "",
      "",
    ]);
  });
});

describe("a refused cell quoted in a message", () => {
  it("quotes text, cut to 29 characters and an ellipsis past 30", () => {
    const thirty = "abcdefghijklmnopqrstuvwxyz0123";
    expect(describeCell(thirty)).toBe(`"${thirty}"`);
    expect(describeCell(`${thirty}4`)).toBe(`"${thirty.slice(0, 29)}…"`);
    expect(describeCell(`  ${thirty}  `)).toBe(`"${thirty}"`);
  });

  it("names a blank, TRUE and FALSE, a number, and what is none of them", () => {
    expect([null, "   ", true, false, -1.5].map((cell: Cell) => describeCell(cell))).toEqual([
      "a blank cell",
      "a blank cell",
      "TRUE",
      "FALSE",
      "-1.5",
    ]);
    expect(describeCell({} as unknown as Cell)).toBe("a value that is not a number or text");
  });
});

describe("a number written as text", () => {
  const number = (cell: Cell) => readCell(anyNumber, cell, "Amount").toString();

  it("takes £, a sign before it, thousands and decimals", () => {
    expect(["£1,250.50", "-£5", "£-5", "+£5", " £0.5 ", "1,234,567", ".5"].map(number)).toEqual([
      "1250.5",
      "-5",
      "-5",
      "5",
      "0.5",
      "1234567",
      "0.5",
    ]);
  });

  it("refuses £ anywhere but the start, a % sign where a plain number is wanted, and TRUE", () => {
    for (const cell of ["1£5", "5£", "10%", "1,23"]) {
      expect(failure(() => number(cell)).message).toBe(`Amount: expected a number; got "${cell}"`);
    }
    expect(failure(() => number(true)).message).toBe("Amount: expected a number; got TRUE");
    expect([isNumeric("10%"), isNumeric(true), isNumeric("45"), isNumeric(45)]).toEqual([false, false, true, true]);
  });

  it("reads a fraction typed as text, or in percent with or without a space before the sign", () => {
    const read = (cell: Cell) => readCell(fraction, cell, "Reduction").toString();
    expect(["0.25", "25%", "25 %", " 12.5% "].map(read)).toEqual(["0.25", "0.25", "0.25", "0.125"]);
    expect(failure(() => read("125%")).message).toBe(
      'Reduction: expected a fraction from 0 to 1 (such as 0.25 or 25%); got "125%"',
    );
  });

  it("refuses points typed as a percentage, saying a number is needed", () => {
    const table = parsePriceTable([
      ["Points from", "£"],
      [0, 50],
    ]);
    expect(
      failure(() => indicativeBudget(table, { points: "10%" }, { period: "annual", method: "band" })).message,
    ).toBe('Points must be a number for a band price table; got "10%" (a category needs a price table of categories)');
  });
});
