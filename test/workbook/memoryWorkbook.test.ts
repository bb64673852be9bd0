import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { ColumnWrite, KeyRows, KeyRowsChanged, NewTable, TEXT_FORMAT } from "../../src/workbook/port";

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

  describe("an edit's expected rows (KeyRows)", () => {
    const plan = (value: string, rows: KeyRows["rows"]): KeyRows => ({
      header: "id",
      value,
      columns: ["Amount"],
      rows,
    });
    const held = (workbook: MemoryWorkbook) => workbook.allTables()[0].rows;

    it("claims a key no row holds, then refuses the same claim, naming the row that took it", async () => {
      const workbook = await workbookWithTable();
      const claim = { table: "Lines", columns: [id, amount], append: [["e", 5]], expect: [plan("E", [])] };
      await workbook.editTables([claim]);
      const before = JSON.stringify(workbook.allTables());
      const refused = workbook.editTables([claim]);
      await expect(refused).rejects.toThrow(
        new KeyRowsChanged("E is already in the Lines table (row 5); nothing was written.", "Lines", {
          header: "id",
          value: "E",
        }),
      );
      await expect(refused).rejects.toMatchObject({ table: "Lines", key: { header: "id", value: "E" } });
      expect(JSON.stringify(workbook.allTables())).toBe(before);
    });

    it("refuses when someone added, removed or changed a row holding the key since it was read", async () => {
      const workbook = await workbookWithTable();
      await workbook.editTables([{ table: "Lines", columns: [id, amount], append: [["a", 5]] }]);
      // Read: "a" in rows 0 and 4, with amounts 1 and 5.
      const asRead = plan("a", [
        { row: 0, values: [1] },
        { row: 4, values: [5] },
      ]);
      const write = (expected: KeyRows) => ({
        table: "Lines",
        columns: [amount],
        update: [{ ...ref(0, "a"), values: [10] }],
        expect: [expected],
      });
      await workbook.editTables([{ table: "Lines", columns: [id, amount], append: [["A ", 6]] }]);
      await expect(workbook.editTables([write(asRead)])).rejects.toThrow(
        "The Lines table's rows for a changed since they were read (row 6 now holds it); nothing was written. " +
          "Refresh and try again.",
      );
      await workbook.editTables([{ table: "Lines", columns: [], delete: [ref(5, "A ")] }]);
      await workbook.editTables([{ table: "Lines", columns: [amount], update: [{ ...ref(4, "a"), values: [7] }] }]);
      await expect(workbook.editTables([write(asRead)])).rejects.toThrow("(row 5 changed)");
      await workbook.editTables([{ table: "Lines", columns: [], delete: [ref(4, "a")] }]);
      await expect(workbook.editTables([write(asRead)])).rejects.toThrow("(row 5 no longer holds it)");
      expect(held(workbook).map((row) => row[1])).toEqual([1, 2, 3, 4]);
      // As now read, the edit is written.
      await workbook.editTables([write(plan("a", [{ row: 0, values: [1] }]))]);
      expect(held(workbook).map((row) => row[1])).toEqual([10, 2, 3, 4]);
    });

    it("compares values as read: a formula by its value, a blank or missing cell as blank", async () => {
      const workbook = await workbookWithTable();
      const doubled: ColumnWrite = { header: "Doubled", numberFormat: "General", formula: "=[@Amount]*2" };
      await workbook.editTables([{ table: "Lines", columns: [doubled], update: [{ ...ref(1, "b"), values: [null] }] }]);
      const expected = (values: KeyRows["rows"][number]["values"]): KeyRows => ({
        header: "Id",
        value: "b",
        columns: ["Doubled", "Amount", "Not a column"],
        rows: [{ row: 1, values }],
      });
      await expect(
        workbook.editTables([{ table: "Lines", columns: [], expect: [expected([4, 2, ""])] }]),
      ).resolves.toBeUndefined();
      await expect(
        workbook.editTables([{ table: "Lines", columns: [], expect: [expected([2, 2, null])] }]),
      ).rejects.toThrow("(row 2 changed)");
    });
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
