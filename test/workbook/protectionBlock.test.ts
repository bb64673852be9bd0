// Transitional protection's block as the report sheets write it (What-if, Committee pack): the two cells a cap is
// typed in, the totals block and the per-person formulas, each cell written out by hand here. The figures these
// formulas give are checked in HyperFormula and the preview by test/sheet/whatIf.test.ts.
import { Decimal, LossCap } from "../../src/engine";
import { SheetCell } from "../../src/workbook/port";
import { protectionBlock } from "../../src/workbook/reports/protectionBlock";
import { Cells } from "../../src/workbook/reports/specCells";

const MONEY = "£#,##0.00";
const COLUMNS = { current: "C20#", proposed: "D20#", firstYear: "E20#", protection: "F20#" };

/** The block with its cap cells at A1:C2 and its totals from row 6 (0-based 5), sorted by row then column. */
function written(cap: LossCap | null) {
  const cells = new Cells();
  const formulas = protectionBlock(
    cells,
    { row: 0, column: 0 },
    { row: 5, column: 0, rows: 9, columns: 3 },
    cap,
    COLUMNS,
  );
  const sorted = cells.cells().sort((a, b) => a.row - b.row || a.column - b.column);
  return { cells: sorted, formulas };
}

const at = (cells: readonly SheetCell[], row: number, column: number) =>
  cells.find((cell) => cell.row === row && cell.column === column);

describe("transitional protection's block", () => {
  it("labels the two cap cells in bold, formats them, and writes a cap typed as £ in the £ cell only", () => {
    const { cells } = written({ kind: "amount", amount: new Decimal(500) });
    expect(cells.filter((cell) => cell.row < 2)).toEqual([
      { row: 0, column: 0, value: "Cap, % of current budget", bold: true },
      { row: 0, column: 2, numberFormat: "0.00%" },
      { row: 1, column: 0, value: "or cap in £ a year", bold: true },
      { row: 1, column: 2, numberFormat: MONEY, value: 500 },
    ]);
    const percent = written({ kind: "percent", fraction: new Decimal("0.05") }).cells;
    expect([at(percent, 0, 2), at(percent, 1, 2)]).toEqual([
      { row: 0, column: 2, numberFormat: "0.00%", value: 0.05 },
      { row: 1, column: 2, numberFormat: MONEY },
    ]);
    const none = written(null).cells;
    expect([at(none, 0, 2), at(none, 1, 2)]).toEqual([
      { row: 0, column: 2, numberFormat: "0.00%" },
      { row: 1, column: 2, numberFormat: MONEY },
    ]);
  });

  it("writes the totals block: its title, its labels, and each figure's formula two columns right", () => {
    const { cells } = written(null);
    const label = (row: number, value: string) => ({ row, column: 0, value });
    const figure = (row: number, formula: string, numberFormat?: string) =>
      numberFormat ? { row, column: 2, formula, numberFormat } : { row, column: 2, formula };
    const notWhole = (cell: string, times: number) => `ABS(${cell}*${times}-ROUND(${cell}*${times},0))>0.000001`;
    expect(cells.filter((cell) => cell.row >= 5)).toEqual([
      {
        row: 5,
        column: 0,
        value: "Transitional protection: a cap on any one person's loss in the first year",
        bold: true,
      },
      label(6, "Cap in use (%, £ or none)"),
      figure(
        6,
        '=IF(AND(ISBLANK($C$1),ISBLANK($C$2)),"none",' +
          `IF(AND(ISNUMBER($C$1),ISBLANK($C$2)),IF(OR($C$1<0,$C$1>1,${notWhole("$C$1", 10000)}),NA(),"%"),` +
          `IF(AND(ISNUMBER($C$2),ISBLANK($C$1)),IF(OR($C$2<0,${notWhole("$C$2", 100)}),NA(),"£"),NA())))`,
      ),
      label(7, "Working: the % cap in basis points"),
      figure(7, '=IF($C$7="%",ROUND($C$1*10000,0),0)'),
      label(8, "Working: the £ cap in pence"),
      figure(8, '=IF($C$7="£",ROUND($C$2*100,0),0)'),
      label(9, "People protected"),
      figure(9, '=COUNTIFS(F20#,">0.005")'),
      label(10, "Cost of protection, first year"),
      figure(10, '=SUMIFS(F20#,F20#,">0")', MONEY),
      label(11, "Budgets in the first year"),
      figure(11, '=SUMIFS(E20#,E20#,">=0")', MONEY),
      label(12, "Change on current, first year"),
      figure(12, '=ROUND($C$12-SUMIFS(C20#,C20#,">=0",E20#,">=0"),2)', MONEY),
      {
        row: 13,
        column: 0,
        formula:
          '=IF(ISNA($C$7),"Give a cap as a % (0% to 100%, 2 places at most) or as £ a year (whole pence), not both: ' +
          'until then the first year shows #N/A.",IF($C$7="none","No cap: everyone\'s first year is as proposed. ' +
          'Type a % or £ a year in C1 or C2 to cap losses.","Nobody loses more than the cap in the first year; the ' +
          "council pays the difference, the protection's cost.\"))",
      },
    ]);
  });

  it("gives each person's first year as proposed, or current less the cap when that is more, in whole pence", () => {
    const { formulas } = written(null);
    const current = "ROUND(C20#*100,0)";
    const proposed = "ROUND(D20#*100,0)";
    const floor = `(${current}-ROUND(${current}*$C$8/10000,0)-$C$9)`;
    expect(formulas).toEqual({
      firstYear: `=(${proposed}+(${floor}-${proposed})*(${floor}>${proposed})*($C$7<>"none"))/100`,
      protection: "=ROUND(E20#-D20#,2)",
    });
  });
});
