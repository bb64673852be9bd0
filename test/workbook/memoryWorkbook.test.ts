import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function workbookWithTable() {
  const workbook = new MemoryWorkbook();
  await workbook.addTables([
    {
      sheet: "Lines",
      name: "Lines",
      headers: ["Id", "Amount"],
      rows: [
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["d", 4],
      ],
    },
  ]);
  return workbook;
}

describe("the in-memory workbook", () => {
  it("refuses a sheet or table name it already has, whatever the case, and then changes nothing", async () => {
    const workbook = await workbookWithTable();
    workbook.addSheet("Notes");
    const before = JSON.stringify(workbook.allTables());
    await expect(
      workbook.addTables([
        { sheet: "New", name: "New", headers: ["x"], rows: [] },
        { sheet: "notes", name: "Other", headers: ["x"], rows: [] },
      ]),
    ).rejects.toThrow('A sheet called "notes" already exists');
    await expect(workbook.addTables([{ sheet: "Elsewhere", name: "LINES", headers: ["x"], rows: [] }])).rejects.toThrow(
      'A table called "LINES" already exists',
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
    expect((await workbook.names()).sheets).toEqual(["Lines", "Notes"]);
  });

  it("applies updates, then deletes (highest first), then appends", async () => {
    const workbook = await workbookWithTable();
    await workbook.editTables([
      { table: "lines", update: [{ row: 3, values: ["d", 40] }], delete: [0, 2], append: [["e", 5]] },
    ]);
    expect((await workbook.readTable("Lines"))?.rows).toEqual([
      ["b", 2],
      ["d", 40],
      ["e", 5],
    ]);
  });

  it("deletes a row named twice only once", async () => {
    const workbook = await workbookWithTable();
    await workbook.editTables([{ table: "Lines", delete: [1, 1] }]);
    expect((await workbook.readTable("Lines"))?.rows.map((row) => row[0])).toEqual(["a", "c", "d"]);
  });

  it("applies a batch all or nothing: one bad edit and no table changes", async () => {
    const workbook = await workbookWithTable();
    await workbook.addTables([{ sheet: "Other", name: "Other", headers: ["x"], rows: [[1]] }]);
    const before = JSON.stringify(workbook.allTables());
    const good = { table: "Other", append: [[2]] };
    await expect(workbook.editTables([good, { table: "Lines", delete: [4] }])).rejects.toThrow(
      "Table Lines has no row 5",
    );
    await expect(workbook.editTables([good, { table: "Lines", update: [{ row: 0, values: ["a"] }] }])).rejects.toThrow(
      "does not fit its 2 columns",
    );
    await expect(workbook.editTables([good, { table: "Missing", append: [[1]] }])).rejects.toThrow(
      "no table called Missing",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("tells a view when it changes, and reads back copies a caller cannot alter", async () => {
    const workbook = await workbookWithTable();
    const seen: number[] = [];
    const stop = workbook.onChange(() => seen.push(1));
    await workbook.editTables([{ table: "Lines", append: [["e", 5]] }]);
    stop();
    await workbook.editTables([{ table: "Lines", append: [["f", 6]] }]);
    expect(seen).toHaveLength(1);
    const read = await workbook.readTable("Lines");
    (read!.rows[0] as unknown[])[1] = 999;
    expect((await workbook.readTable("Lines"))!.rows[0]).toEqual(["a", 1]);
    expect(await workbook.readTable("Nope")).toBeNull();
  });
});
