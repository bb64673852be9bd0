// COUNTIFS and SUMIFS given a range as a criterion, in the preview's calculation: one result per criterion cell,
// as Excel gives (=SUMPRODUCT(COUNTIF(range1,range2)) counts each of range2's values in range1:
// exceljet.net/formulas/count-total-matches-in-two-ranges). The Finance sheet joins PlanLines to Plans so.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { SheetCell } from "../../src/workbook/port";

const grid = (rows: (string | number | null)[][], column = 0): SheetCell[] =>
  rows.flatMap((cells, row) => cells.map((value, at) => ({ row, column: column + at, value })));

async function workbook(formulas: string[]) {
  const memory = new MemoryWorkbook({ formulas: formulaEngine });
  // Plans in A:C (id, status, end), lines in E:G (plan id, service, annual cost); formulas from I1 down.
  await memory.addSheet({
    name: "Data",
    cells: [
      ...grid([
        ["P1", "Agreed", null],
        ["P2", "Draft", null],
        ["P3", "Agreed", 46_300],
      ]),
      ...grid(
        [
          ["P1", "Home care", 100],
          ["P1", "Meals", 50],
          ["P2", "Home care", 1000],
          ["P3", "Home care", 10],
        ],
        4,
      ),
      ...formulas.map((formula, row) => ({ row, column: 8, formula })),
    ],
  });
  const sheet = memory.sheetViews()[0];
  return formulas.map((_, row) => sheet.cell(row, 8).value);
}

describe("criteria given as ranges", () => {
  it("give one COUNTIFS a cell, so SUMPRODUCT joins each line to its plan", async () => {
    expect(
      await workbook([
        // Lines of Agreed plans: 100 + 50 + 10 = 160; of Home care: 100 + 10 = 110
        '=SUMPRODUCT(G1:G4*COUNTIFS(A1:A3,E1:E4,B1:B3,"Agreed"))',
        '=SUMPRODUCT(G1:G4*(F1:F4="Home care")*COUNTIFS(A1:A3,E1:E4,B1:B3,"Agreed"))',
        // Agreed and ongoing ("=": a blank end): P1's 100 + 50
        '=SUMPRODUCT(G1:G4*COUNTIFS(A1:A3,E1:E4,B1:B3,"Agreed",C1:C3,"="))',
        // A single criterion stays a single count
        '=COUNTIFS(B1:B3,"Agreed")',
      ]),
    ).toEqual([160, 110, 150, 2]);
  });

  it("give one SUMIFS a cell", async () => {
    // Each plan's Home care: P1 100, P2 1,000, P3 10; of Agreed plans 110
    expect(await workbook(['=SUMPRODUCT((B1:B3="Agreed")*SUMIFS(G1:G4,E1:E4,A1:A3,F1:F4,"Home care"))'])).toEqual([
      110,
    ]);
  });

  it("ignore case in text, as Excel's criteria do", async () => {
    // P1's lines by its id typed in lower case: 100 + 50; Agreed plans by "agreed": 2
    expect(
      await workbook([
        '=SUMIFS(G1:G4,E1:E4,"p1")',
        '=COUNTIFS(B1:B3,"agreed")',
        '=SUMPRODUCT(COUNTIFS(A1:A3,{"p1";"P3"}))',
      ]),
    ).toEqual([150, 2, 2]);
  });
});
