// The cells the report sheets built as one SheetSpec share: absolute references, escaped structured references,
// and a sheet's cells with the format-only ones first, so a spilled formula finds its cells ready.
import { Cells, columnOf, fixed, fixedRange, quoted } from "../../src/workbook/reports/specCells";

describe("the report sheets' cells", () => {
  it("writes absolute references, past column Z too", () => {
    expect(fixed({ row: 0, column: 0 })).toBe("$A$1");
    expect(fixed({ row: 9, column: 27 })).toBe("$AB$10");
    expect(fixedRange({ row: 2, column: 1, rows: 12, columns: 3 })).toBe("$B$3:$D$14");
  });

  it("escapes a structured reference's brackets, # and apostrophes, and a text's quotes, as Excel requires", () => {
    expect(columnOf("Plans", "Annual cost")).toBe("Plans[Annual cost]");
    expect(quoted('Meals "on wheels"')).toBe('"Meals ""on wheels"""');
    expect(columnOf("Rates", "Rate [£]# it's")).toBe("Rates[Rate '[£']'# it''s]");
  });

  it("puts cells with only a format first, and merges a format and a formula given to one cell", () => {
    const cells = new Cells();
    cells.title(0, 0, "Title");
    cells.formats({ row: 1, column: 0, rows: 2, columns: 1 }, "0.00");
    cells.formula(1, 0, "=1+1");
    cells.value(4, 0, 4, { numberFormat: "0" });
    expect(cells.cells()).toEqual([
      { row: 2, column: 0, numberFormat: "0.00" },
      { row: 0, column: 0, value: "Title", bold: true },
      { row: 1, column: 0, numberFormat: "0.00", formula: "=1+1" },
      { row: 4, column: 0, value: 4, numberFormat: "0" },
    ]);
  });
});
