// The preview's COUNTIFS and SUMIFS criteria as Excel reads them ("COUNTIFS function", support.microsoft.com):
// text ignoring case, with wildcards; "<=" and its kin meet numbers only, never a blank cell; "=" alone meets blank
// cells; a criterion that is an empty cell is 0. And a spilled block read through its spill reference by formulas
// above and left of it (the Finance sheet's per-plan block, below the totals that add it up).
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { SheetCell } from "../../src/workbook/port";

const grid = (rows: (string | number | boolean | null)[][], column = 0): SheetCell[] =>
  rows.flatMap((cells, row) => cells.map((value, at) => ({ row, column: column + at, value })));

/** A:C hold status, start and amount; E1 is empty; the formulas go down column G. */
async function calculated(formulas: string[]) {
  const memory = new MemoryWorkbook({ formulas: formulaEngine });
  await memory.addSheet({
    name: "Data",
    cells: [
      ...grid([
        ["Agreed", 46_113, 3650],
        ["Draft", 46_200, 1000],
        ["agreed", null, 500],
        ["AGREED", "2026-04-01", 100],
        ["Agreed ", 0, 10],
        ["Needs manager review", "46300", 1],
      ]),
      ...formulas.map((formula, row) => ({ row, column: 6, formula })),
    ],
  });
  const sheet = memory.sheetViews()[0];
  return formulas.map((_, row) => sheet.cell(row, 6).value);
}

describe("criteria, as Excel reads them", () => {
  it("compares text ignoring case, with * ? and ~ as wildcards", async () => {
    expect(
      await calculated([
        '=COUNTIFS(A1:A6,"agreed")', // Agreed, agreed, AGREED: "Agreed " has a space
        '=SUMIFS(C1:C6,A1:A6,"AGREED")', // 3650 + 500 + 100
        '=COUNTIFS(A1:A6,"agreed*")', // and "Agreed "
        '=COUNTIFS(A1:A6,"?raft")',
        '=COUNTIFS(A1:A6,"<>agreed")', // Draft, "Agreed ", Needs manager review
        '=COUNTIFS(A1:A6,">c")', // Draft, Needs manager review
      ]),
    ).toEqual([3, 4250, 4, 1, 3, 2]);
  });

  it('meets numbers only with "<=" and its kin: never a blank cell or text', async () => {
    expect(
      await calculated([
        // 46113 and 0; not the blank start, the ISO text or the number typed as text
        '=SUMIFS(C1:C6,B1:B6,"<="&46200,A1:A6,"<>Draft")',
        '=COUNTIFS(B1:B6,">=0")', // 46113, 46200, 0
        '=COUNTIFS(B1:B6,"<>46113")', // every other cell, the blank one too
        "=COUNTIFS(B1:B6,46300)", // the number typed as text "46300" is that number
      ]),
    ).toEqual([3660, 3, 5, 1]);
  });

  it('meets blank cells with "=" and "", others with "<>", and takes an empty cell as 0', async () => {
    expect(
      await calculated([
        '=COUNTIFS(B1:B6,"=")',
        '=COUNTIFS(B1:B6,"")',
        '=COUNTIFS(B1:B6,"<>")',
        "=COUNTIFS(B1:B6,E1)", // E1 is empty: 0, which the row holding 0 meets
      ]),
    ).toEqual([1, 1, 5, 1]);
  });
});

describe("criteria given as arrays, one result a cell", () => {
  it("match as single criteria do: text ignoring case, numbers typed as text, operators and wildcards", async () => {
    expect(
      await calculated([
        // Each status against all: Agreed, agreed and AGREED are one; "Agreed " (a space) is its own.
        "=SUMPRODUCT(COUNTIFS(A1:A6,A1:A6))", // 3 × 3 + 1 + 1 + 1
        '=SUMPRODUCT(COUNTIFS(B1:B6,B1:B6&""))', // 46113, 46200, "", the ISO text, 0, "46300": each once
        '=SUMPRODUCT(COUNTIFS(B1:B6,{">=46200","=","*-04-*"}))', // 46200; the blank; the ISO text
        '=SUMPRODUCT(SUMIFS(C1:C6,A1:A6,{"agreed","draft"},B1:B6,">0"))', // 3650 + 1000
      ]),
    ).toEqual([12, 6, 3, 4650]);
  });
});

describe("a spilled block read through its spill reference", () => {
  it("is read by formulas above and left of it, and by what reads them, without a circle", async () => {
    const memory = new MemoryWorkbook({ formulas: formulaEngine });
    await memory.addSheet({
      name: "Report",
      cells: [
        // B1 adds up the block C10# spills; A2 reads B1: both above and left of the block's last cell.
        { row: 0, column: 1, formula: "=SUM(C10#)" },
        { row: 1, column: 0, formula: "=B1+1" },
        { row: 9, column: 2, formula: "=SEQUENCE(3)*10" },
      ],
    });
    const sheet = () => memory.sheetViews()[0];
    // B1 first: A2, above and left of the block, must not be worked out while B1 is under way.
    expect(sheet().cell(0, 1).value).toBe(60);
    expect(sheet().cell(1, 0).value).toBe(61);
  });

  it("of one cell (a table of one row) is that cell; a blocked spill is none", async () => {
    const memory = new MemoryWorkbook({ formulas: formulaEngine });
    await memory.addSheet({
      name: "Report",
      cells: [
        { row: 0, column: 1, formula: "=SUM(C10#)" },
        { row: 9, column: 2, formula: "=SEQUENCE(1)*10" },
        { row: 0, column: 4, formula: "=SUM(F10#)" },
        { row: 9, column: 5, formula: "=SEQUENCE(2)" },
        { row: 10, column: 5, value: "in the way" },
      ],
    });
    const sheet = memory.sheetViews()[0];
    expect(sheet.cell(0, 1).value).toBe(10);
    expect(sheet.cell(0, 4).error?.code).toBe("#REF!");
  });
});
