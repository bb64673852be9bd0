import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { ColumnWrite, NewTable, TEXT_FORMAT } from "../../src/workbook/port";

const id: ColumnWrite = { header: "Id", numberFormat: TEXT_FORMAT };
const amount: ColumnWrite = { header: "Amount", numberFormat: "General" };
const lines: NewTable = {
  sheet: "Lines",
  name: "Lines",
  columns: [id, amount],
  rows: [
    ["a", 1],
    ["b", 2],
    ["c", 3],
    ["d", 4],
  ],
};
const ref = (row: number, value: string) => ({ row, key: { header: "Id", value } });
const table = (name: string, columns: ColumnWrite[], rows: NewTable["rows"] = []): NewTable => ({
  sheet: name,
  name,
  columns,
  rows,
});

async function workbookWithTable() {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await workbook.addTables([lines]);
  return workbook;
}

describe("the in-memory workbook", () => {
  it("refuses a sheet, table or defined name it already has, whatever the case, and then changes nothing", async () => {
    const workbook = await workbookWithTable();
    workbook.addEmptySheet("Notes");
    workbook.addDefinedName("Scoring");
    const before = JSON.stringify(workbook.allTables());
    await expect(workbook.addTables([table("New", [id]), { ...table("Other", [id]), sheet: "notes" }])).rejects.toThrow(
      'A sheet called "notes" already exists',
    );
    await expect(workbook.addTables([{ ...table("LINES", [id]), sheet: "Elsewhere" }])).rejects.toThrow(
      'The name "LINES" is already used in the workbook.',
    );
    await expect(workbook.addTables([table("scoring", [id])])).rejects.toThrow(
      'The name "scoring" is already used in the workbook.',
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
    expect(await workbook.names()).toEqual({
      sheets: ["Lines", "Notes"],
      tables: ["Lines"],
      definedNames: ["Scoring"],
    });
  });

  it("applies updates, then deletes (highest first), then appends, each edit in order", async () => {
    const workbook = await workbookWithTable();
    await workbook.editTables([
      {
        table: "lines",
        columns: [id, amount],
        update: [{ ...ref(3, "d"), values: ["d", 40] }],
        delete: [ref(0, "a"), ref(2, "C")],
        append: [["e", 5]],
      },
    ]);
    expect((await workbook.readTable("Lines"))?.rows).toEqual([
      ["b", 2],
      ["d", 40],
      ["e", 5],
    ]);
  });

  it("writes only the edit's columns, adds a column the table lacks, and keeps the user's own", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const note: ColumnWrite = { header: "Note", numberFormat: TEXT_FORMAT };
    await workbook.addTables([table("Lines", [id, note, amount], [["a", "=UPPER(A2)", 1]])]);
    const flag: ColumnWrite = { header: "Flag", numberFormat: TEXT_FORMAT };
    await workbook.editTables([
      {
        table: "Lines",
        columns: [amount, flag],
        update: [{ ...ref(0, "a"), values: [10, "yes"] }],
        append: [[20, "no"]],
      },
    ]);
    const read = await workbook.readTable("Lines");
    expect(read?.headers).toEqual(["Id", "Note", "Amount", "Flag"]);
    expect(read?.rows).toEqual([
      ["a", "=UPPER(A2)", 10, "yes"],
      [null, null, 20, "no"],
    ]);
  });

  it("deletes a row named twice only once", async () => {
    const workbook = await workbookWithTable();
    await workbook.editTables([{ table: "Lines", columns: [], delete: [ref(1, "b"), ref(1, "b")] }]);
    expect((await workbook.readTable("Lines"))?.rows.map((row) => row[0])).toEqual(["a", "c", "d"]);
  });

  it("checks every edit of a batch before it changes anything", async () => {
    const workbook = await workbookWithTable();
    await workbook.addTables([table("Other", [id], [["x"]])]);
    const before = JSON.stringify(workbook.allTables());
    const good = { table: "Other", columns: [id], append: [["y"]] };
    const stale = { table: "Lines", columns: [], delete: [ref(4, "e")] };
    await expect(workbook.editTables([good, stale])).rejects.toThrow(
      "The Lines table changed since it was read (row 5 no longer holds e); " +
        "nothing was written. Refresh and try again.",
    );
    await expect(workbook.editTables([good, { table: "Lines", columns: [], delete: [ref(0, "b")] }])).rejects.toThrow(
      "row 1 no longer holds b",
    );
    await expect(
      workbook.editTables([
        good,
        { table: "Lines", columns: [id, amount], update: [{ ...ref(0, "a"), values: ["a"] }] },
      ]),
    ).rejects.toThrow("Table Lines: 1 values do not fit 2 columns.");
    await expect(workbook.editTables([good, { table: "Missing", columns: [id], append: [["z"]] }])).rejects.toThrow(
      "The workbook has no table called Missing; nothing was written.",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("adds a sheet of cells, tables and charts", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await workbook.addSheet({
      name: "What-if",
      cells: [{ row: 0, column: 0, value: "Summary", bold: true }],
      tables: [{ ...table("Inputs", [id]), at: { row: 2, column: 0 } }],
      charts: [
        {
          name: "Curve",
          title: "RAS curve",
          type: "line",
          source: { row: 2, column: 0, rows: 1, columns: 1 },
          at: { row: 0, column: 4, rows: 10, columns: 6 },
        },
      ],
    });
    expect(workbook.allSheets()).toEqual([
      {
        name: "What-if",
        cells: [{ row: 0, column: 0, value: "Summary", bold: true }],
        charts: [expect.objectContaining({ name: "Curve" })],
      },
    ]);
    expect((await workbook.readTable("Inputs"))?.sheet).toBe("What-if");
    await expect(workbook.addSheet({ name: "what-if", cells: [] })).rejects.toThrow(
      'A sheet called "what-if" already exists.',
    );
  });

  it("tells a view when it changes, and reads back copies a caller cannot alter", async () => {
    const workbook = await workbookWithTable();
    const seen: number[] = [];
    const stop = workbook.onChange(() => seen.push(1));
    await workbook.editTables([{ table: "Lines", columns: [id, amount], append: [["e", 5]] }]);
    stop();
    await workbook.editTables([{ table: "Lines", columns: [id, amount], append: [["f", 6]] }]);
    expect(seen).toHaveLength(1);
    const read = await workbook.readTable("Lines");
    (read!.rows[0] as unknown[])[1] = 999;
    expect((await workbook.readTable("Lines"))!.rows[0]).toEqual(["a", 1]);
    expect(await workbook.readTable("Nope")).toBeNull();
  });
});
