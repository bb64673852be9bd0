// The price table's blank price cells, which the functions read as £0 (Excel gives them a blank cell as 0), found by
// their place in the grid so the pane and the sheets can name them.
import { blankPriceCells } from "../../src/engine";

describe("the blank price cells of a price table", () => {
  it("are found by their place in the table: not the header, not a row or column with nothing in it", () => {
    const grid = [
      ["Points from", "Older people", "Mental health", null],
      [0, 150, null, null],
      [null, null, null, null],
      [20, "-", "", null],
    ];
    // "-" is no value (not blank); the empty row and column are not part of the table.
    expect(blankPriceCells(grid)).toEqual([
      { row: 1, column: 2 },
      { row: 3, column: 2 },
    ]);
  });

  it("are counted from the grid's first row, the header below a blank one", () => {
    const grid = [
      [null, null, null],
      ["Points from", "Older people", "Mental health"],
      [0, 150, null],
    ];
    expect(blankPriceCells(grid)).toEqual([{ row: 2, column: 2 }]);
  });

  it("are looked for from a header, one row and two columns; not in less, nor where the first column is empty", () => {
    expect(
      blankPriceCells([
        ["Points from", "£"],
        [0, null],
      ]),
    ).toEqual([{ row: 1, column: 1 }]);
    expect(blankPriceCells([["Points from", "£"]])).toEqual([]);
    // A blank header cell above prices, or a blank lower bound, is not a blank price.
    expect(
      blankPriceCells([
        ["Points from", null],
        [0, 5],
        [null, 6],
      ]),
    ).toEqual([]);
    expect(blankPriceCells([["Points from"], [0], [null]])).toEqual([]);
    expect(
      blankPriceCells([
        [null, "Points from", "£"],
        [null, 0, ""],
      ]),
    ).toEqual([]);
  });
});
