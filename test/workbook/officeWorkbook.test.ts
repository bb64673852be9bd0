// The Office.js workbook against office-addin-mock: what it loads, what it writes, and that a bad edit
// is refused before anything is written. (office-addin-manifest's index pulls in ESM that Jest cannot
// require; package.json maps it to its CommonJS OfficeApp module, which is all office-addin-mock uses.)
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";

interface Written {
  rows: [number, unknown][];
  deleted: number[];
  added: unknown[][][];
}

/** A mock table whose writes are recorded in `written`. */
function table(name: string, headers: string[], values: unknown[][], written: Written) {
  return {
    name,
    isNullObject: false,
    rows: {
      count: values.length,
      getItemAt: (row: number) => ({ delete: () => written.deleted.push(row) }),
      add: (_index: unknown, rows: unknown[][]) => written.added.push(rows),
    },
    columns: { count: headers.length },
    header: { values: [headers] },
    // A table with no rows still shows one empty body row.
    body: { values: values.length > 0 ? values : [headers.map(() => "")] },
    getHeaderRowRange() {
      return this.header;
    },
    getDataBodyRange() {
      const body = this.body as { values: unknown; getRow?: unknown };
      body.getRow = (row: number) => {
        const target = {};
        written.rows.push([row, target]);
        return target;
      };
      return body;
    },
  };
}

/** office-addin-mock cannot navigate into arrays ("items/name"); loading the items whole stands in for it. */
function collection<T>(items: T[]) {
  return {
    items,
    load(this: OfficeMockObject, property: string) {
      expect(property).toBe("items/name");
      return OfficeMockObject.prototype.load.call(this, "items");
    },
  };
}

function mockExcel() {
  const written: Written = { rows: [], deleted: [], added: [] };
  const data = {
    workbook: {
      worksheets: collection([{ name: "Sheet1" }, { name: "Plans" }]),
      tables: {
        ...collection([{ name: "Plans" }, { name: "Empty" }]),
        Plans: table("Plans", ["Plan ID", "Status"], [["PLAN-0001", "Draft"], ["PLAN-0002", "Agreed"], ["PLAN-0003", "Draft"]], written),
        Empty: table("Empty", ["Plan ID", "Status"], [], written),
        missing: { isNullObject: true, name: "", rows: { count: 0 }, columns: { count: 0 } },
        getItemOrNullObject(name: string) {
          const found = (this as unknown as Record<string, OfficeMockObject>)[name] ?? (this as unknown as Record<string, OfficeMockObject>).missing;
          found.load("isNullObject"); // Office fills isNullObject at every sync; the mock needs it loaded.
          return found;
        },
      },
    },
  };
  const context = new OfficeMockObject(data) as unknown as Excel.RequestContext & OfficeMockObject;
  const workbook = new OfficeWorkbook((batch) => batch(context));
  return { workbook, context, written };
}

describe("the Office.js workbook", () => {
  it("lists the sheets and tables", async () => {
    const { workbook } = mockExcel();
    expect(await workbook.names()).toEqual({ sheets: ["Sheet1", "Plans"], tables: ["Plans", "Empty"] });
  });

  it("reads a table's headers and rows, an empty table as no rows, and a missing one as null", async () => {
    const { workbook } = mockExcel();
    expect(await workbook.readTable("Plans")).toEqual({
      name: "Plans",
      headers: ["Plan ID", "Status"],
      rows: [
        ["PLAN-0001", "Draft"],
        ["PLAN-0002", "Agreed"],
        ["PLAN-0003", "Draft"],
      ],
    });
    expect(await workbook.readTable("Empty")).toEqual({ name: "Empty", headers: ["Plan ID", "Status"], rows: [] });
    expect(await workbook.readTable("Nowhere")).toBeNull();
  });

  it("applies updates to body rows, deletes highest first, appends, with typed formulas kept as text", async () => {
    const { workbook, written } = mockExcel();
    await workbook.editTables([
      { table: "Plans", update: [{ row: 2, values: ["PLAN-0003", "=HYPERLINK(\"x\")"] }], delete: [0, 1], append: [["PLAN-0004", null]] },
    ]);
    expect(written.rows).toEqual([[2, { values: [["PLAN-0003", "'=HYPERLINK(\"x\")"]] }]]);
    expect(written.deleted).toEqual([1, 0]);
    expect(written.added).toEqual([[["PLAN-0004", ""]]]);
  });

  it("refuses a bad batch before writing anything: unknown table, row out of range, wrong width", async () => {
    const { workbook, written } = mockExcel();
    const good = { table: "Plans", append: [["PLAN-0004", "Draft"]] };
    await expect(workbook.editTables([good, { table: "Nowhere", append: [["x", "y"]] }])).rejects.toThrow("The workbook has no table called Nowhere");
    await expect(workbook.editTables([good, { table: "Plans", delete: [3] }])).rejects.toThrow("Table Plans has no row 4");
    await expect(workbook.editTables([good, { table: "Plans", update: [{ row: 0, values: ["only one"] }] }])).rejects.toThrow("does not fit its 2 columns");
    expect(written).toEqual({ rows: [], deleted: [], added: [] });
  });

  it("adds each table on a new sheet: values first, then formulas once the table has its name, then formats", async () => {
    const { workbook, context } = mockExcel();
    const steps: string[] = [];
    const sheets: Record<string, unknown>[] = [];
    (context.workbook.worksheets as unknown as { add: (name: string) => unknown }).add = (sheetName: string) => {
      const range: Record<string, unknown> = {};
      const body: Record<string, unknown> = {};
      const columnBodies: Record<string, Record<string, unknown>> = {};
      const created: Record<string, unknown> = {
        getDataBodyRange: () => body,
        columns: { getItem: (header: string) => ({ getDataBodyRange: () => (columnBodies[header] = {}) }) },
        getRange: () => ({ format: { autofitColumns: () => steps.push("autofit") } }),
      };
      const sheet = {
        sheetName,
        range,
        body,
        columnBodies,
        created,
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
          steps.push(`range ${row},${column} ${rows}×${columns}`);
          return range;
        },
        tables: {
          add: (over: unknown, hasHeaders: boolean) => {
            steps.push(`table over ${over === range ? "the range" : "something else"}, headers ${hasHeaders}`);
            return created;
          },
        },
      };
      sheets.push(sheet);
      return sheet;
    };
    await workbook.addTables([
      {
        sheet: "People (2)",
        name: "People",
        headers: ["Person ID", "Answer", "Points"],
        rows: [
          ["P001", null, "=PB.RAS_POINTS(People[@[Answer]:[Answer]],Scoring[#All])"],
          ["P002", "B", "=PB.RAS_POINTS(People[@[Answer]:[Answer]],Scoring[#All])"],
        ],
        formats: { Points: "0.0" },
      },
    ]);
    const [sheet] = sheets as { sheetName: string; range: unknown; body: unknown; created: { name: string }; columnBodies: Record<string, unknown> }[];
    expect(sheet.sheetName).toBe("People (2)");
    expect(steps).toEqual(["range 0,0 3×3", "table over the range, headers true", "autofit"]);
    expect(sheet.range).toEqual({
      values: [
        ["Person ID", "Answer", "Points"],
        ["P001", "", ""],
        ["P002", "B", ""],
      ],
    });
    expect(sheet.created.name).toBe("People");
    expect(sheet.body).toEqual({
      formulas: [
        ["P001", "", "=PB.RAS_POINTS(People[@[Answer]:[Answer]],Scoring[#All])"],
        ["P002", "B", "=PB.RAS_POINTS(People[@[Answer]:[Answer]],Scoring[#All])"],
      ],
    });
    expect(sheet.columnBodies).toEqual({ Points: { numberFormat: [["0.0"], ["0.0"]] } });
  });
});
