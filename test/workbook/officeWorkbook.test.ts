// The Office.js workbook against office-addin-mock: what it loads (and only after a sync), what it
// writes and in what order, and that a bad edit is refused before anything is written.
//
// The mock covers the reads: an OfficeMockObject answers a property with an error string until it is
// loaded and synced, so a read before its sync fails here as it would in Excel. The writes go to
// recording objects the mock data's functions hand out (office-addin-mock has no per-argument
// methods such as getRow(i) or add(name)); every write and every sync lands, in order, in one log.
// (office-addin-manifest's index requires ESM Jest cannot load: package.json maps it to the package's CommonJS OfficeApp module.)
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { CellValue, NewTable } from "../../src/workbook/workbook";

type Log = unknown[][];

/** An object that logs each property written to it, as [`${label}.${property}`, value]. */
function recording<T extends object>(label: string, log: Log, target: T): T {
  return new Proxy(target, {
    set(object, property, value) {
      log.push([`${label}.${String(property)}`, value]);
      return Reflect.set(object, property, value);
    },
  });
}

/** A collection whose items have names. The mock cannot load "items/name" (it does not navigate into arrays), so the load is checked and the items loaded whole. */
function named(names: string[]) {
  return {
    items: names.map((name) => ({ name })),
    load(this: OfficeMockObject, property: string) {
      if (property !== "items/name") throw new Error(`unexpected load of ${property}`);
      return OfficeMockObject.prototype.load.call(this, "items");
    },
  };
}

/** Mock data for an existing table: its header row, body rows (Excel shows one blank row when there are none), and recorded writes. */
function existingTable(name: string, headers: string[], rows: CellValue[][], log: Log) {
  return {
    name,
    isNullObject: false,
    header: { values: [headers] },
    body: {
      values: rows.length > 0 ? rows : [headers.map(() => "")],
      getRow: (index: number) => recording(`${name} row ${index}`, log, {}),
    },
    rows: {
      count: rows.length,
      getItemAt: (index: number) => ({ delete: () => log.push([`${name} delete row`, index]) }),
      add: (index: unknown, values: unknown) => log.push([`${name} rows.add`, index, values]),
    },
    columns: { count: headers.length },
    getHeaderRowRange(this: OfficeMockObject & { header: OfficeMockObject }) {
      return this.header;
    },
    getDataBodyRange(this: OfficeMockObject & { body: OfficeMockObject }) {
      return this.body;
    },
  };
}

const plansHeaders = ["Plan ID", "Status", "Cost"];
/** Twelve rows, so a delete order that sorts indices as text (10 before 2) shows. */
const plansRows: CellValue[][] = Array.from({ length: 12 }, (_, i) => [
  `PLAN-${String(i + 1).padStart(4, "0")}`,
  i % 2 === 0 ? "Draft" : "Agreed",
  100 * (i + 1),
]);
const linesRows: CellValue[][] = [
  ["L1", 10.5],
  ["L2", null],
];

/** A context over a workbook with sheets Sheet1 and Plans and tables Plans, Lines and Empty. Table lookups ignore case, as Excel's do. */
function mockExcel() {
  const log: Log = [];
  const data = {
    workbook: {
      worksheets: {
        ...named(["Sheet1", "Plans"]),
        add: (sheetName: string) => newSheet(sheetName, log),
      },
      tables: {
        ...named(["Plans", "Lines", "Empty"]),
        byName: {
          plans: existingTable("Plans", plansHeaders, plansRows, log),
          lines: existingTable("Lines", ["Line ID", "Amount"], linesRows, log),
          empty: existingTable("Empty", ["Plan ID", "Status"], [], log),
        },
        missing: { isNullObject: true, name: "", rows: { count: 0 }, columns: { count: 0 } },
        getItemOrNullObject(
          this: OfficeMockObject &
            Record<"byName", Record<string, OfficeMockObject>> &
            Record<"missing", OfficeMockObject>,
          name: string,
        ) {
          const table = this.byName[name.toLowerCase()] ?? this.missing;
          // Excel fills isNullObject at every sync; the mock answers it only once loaded.
          table.load("isNullObject");
          return table;
        },
      },
    },
  };
  const context = new OfficeMockObject(data) as OfficeMockObject &
    Record<
      "workbook",
      OfficeMockObject &
        Record<
          "tables",
          OfficeMockObject &
            Record<"byName", Record<string, OfficeMockObject & Record<"body", OfficeMockObject & { values: unknown }>>>
        >
    >;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    log.push(["sync"]);
    await sync();
  };
  const workbook = new OfficeWorkbook((batch) => batch(context as unknown as Excel.RequestContext));
  return { workbook, log, context };
}

/** A new worksheet (from worksheets.add) whose range, table and column bodies record what is written to them. */
function newSheet(sheetName: string, log: Log) {
  log.push(["worksheets.add", sheetName]);
  let range: object | undefined;
  return {
    getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
      log.push([`${sheetName}.getRangeByIndexes`, row, column, rows, columns]);
      range = recording(`${sheetName} range`, log, {});
      return range;
    },
    tables: {
      add: (over: unknown, hasHeaders: boolean) => {
        log.push([`${sheetName}.tables.add`, over !== undefined && over === range ? "that range" : over, hasHeaders]);
        const body = recording(`${sheetName} table body`, log, {});
        return recording(`${sheetName} table`, log, {
          getDataBodyRange: () => body,
          columns: {
            getItem: (header: string) => ({
              getDataBodyRange: () => recording(`${sheetName} column ${header} body`, log, {}),
            }),
          },
          getRange: () => ({ format: { autofitColumns: () => log.push([`${sheetName} table autofitColumns`]) } }),
        });
      },
    },
  };
}

describe("the Office.js workbook", () => {
  it("lists the sheet and table names, loaded as items/name", async () => {
    const { workbook, log } = mockExcel();
    expect(await workbook.names()).toEqual({ sheets: ["Sheet1", "Plans"], tables: ["Plans", "Lines", "Empty"] });
    expect(log).toEqual([["sync"]]);
  });

  it("reads a table's headers and rows under the table's own name, whatever the case asked for", async () => {
    const { workbook } = mockExcel();
    expect(await workbook.readTable("plans")).toEqual({ name: "Plans", headers: plansHeaders, rows: plansRows });
    expect(await workbook.readTable("Lines")).toEqual({
      name: "Lines",
      headers: ["Line ID", "Amount"],
      rows: linesRows,
    });
  });

  it("reads an empty table as no rows, not the one blank row Excel shows in its body", async () => {
    const { workbook, context } = mockExcel();
    const result = await workbook.readTable("Empty");
    expect(result).toEqual({ name: "Empty", headers: ["Plan ID", "Status"], rows: [] });
    // The body did hold the blank row: rows.count, not the body, decided.
    expect(context.workbook.tables.byName.empty.body.values).toEqual([["", ""]]);
  });

  it("reads a table the workbook does not have as null", async () => {
    const { workbook, log } = mockExcel();
    expect(await workbook.readTable("Nowhere")).toBeNull();
    expect(log).toEqual([["sync"]]);
  });

  it("adds each table on a new sheet: values, then the table and its name, then formulas, formats, autofit; one sync", async () => {
    const { workbook, log } = mockExcel();
    const points = "=PB.RAS_POINTS(People[@[Answer]:[Answer]],Scoring[#All])";
    const people: NewTable = {
      sheet: "People",
      name: "People",
      headers: ["Person ID", "Answer", "Note", "Points"],
      rows: [
        ["P001", null, "+ carer", points],
        ["P002", "B", "ok", points],
      ],
      formats: { Points: "0.0" },
    };
    const scoring: NewTable = {
      sheet: "Scoring sheet",
      name: "Scoring",
      headers: ["Question", "Answer", "Points"],
      rows: [],
      formats: { Points: "0" },
    };
    await workbook.addTables([people, scoring]);
    expect(log).toEqual([
      ["worksheets.add", "People"],
      ["People.getRangeByIndexes", 0, 0, 3, 4],
      // Formula cells are blank until the table, and so its structured references, exist; text that
      // Excel would take for a formula keeps a quote prefix.
      [
        "People range.values",
        [
          ["Person ID", "Answer", "Note", "Points"],
          ["P001", "", "'+ carer", ""],
          ["P002", "B", "ok", ""],
        ],
      ],
      ["People.tables.add", "that range", true],
      ["People table.name", "People"],
      [
        "People table body.formulas",
        [
          ["P001", "", "'+ carer", points],
          ["P002", "B", "ok", points],
        ],
      ],
      ["People column Points body.numberFormat", [["0.0"], ["0.0"]]],
      ["People table autofitColumns"],
      ["worksheets.add", "Scoring sheet"],
      ["Scoring sheet.getRangeByIndexes", 0, 0, 1, 3],
      ["Scoring sheet range.values", [["Question", "Answer", "Points"]]],
      ["Scoring sheet.tables.add", "that range", true],
      ["Scoring sheet table.name", "Scoring"],
      // No formulas to write; an empty table still has one body row to format.
      ["Scoring sheet column Points body.numberFormat", [["0"]]],
      ["Scoring sheet table autofitColumns"],
      ["sync"],
    ]);
  });

  it("edits in one batch after one checking sync: updates as values, deletes highest index first, then appends", async () => {
    const { workbook, log } = mockExcel();
    await workbook.editTables([
      {
        table: "plans",
        update: [
          { row: 11, values: ["PLAN-0012", '=HYPERLINK("x")', null] },
          { row: 1, values: ["PLAN-0002", "Agreed", -5] },
        ],
        delete: [2, 10, 9],
        append: [
          ["PLAN-0013", "+1", 7],
          ["PLAN-0014", "Draft", true],
        ],
      },
      { table: "Lines", update: [{ row: 1, values: ["L2", 3] }], append: [] },
    ]);
    expect(log).toEqual([
      ["sync"],
      ["Plans row 11.values", [["PLAN-0012", '\'=HYPERLINK("x")', ""]]],
      ["Plans row 1.values", [["PLAN-0002", "Agreed", -5]]],
      ["Plans delete row", 10],
      ["Plans delete row", 9],
      ["Plans delete row", 2],
      [
        "Plans rows.add",
        undefined,
        [
          ["PLAN-0013", "'+1", 7],
          ["PLAN-0014", "Draft", true],
        ],
      ],
      ["Lines row 1.values", [["L2", 3]]],
      ["sync"],
    ]);
  });

  const good = {
    table: "Plans",
    update: [{ row: 0, values: ["PLAN-0001", "Agreed", 1] }],
    delete: [3],
    append: [["PLAN-0013", "Draft", 2]],
  };
  it.each([
    [
      "a table the workbook does not have",
      { table: "Nowhere", append: [["x"]] },
      "The workbook has no table called Nowhere",
    ],
    ["a delete past the last row", { table: "Lines", delete: [2] }, "Table Lines has no row 3"],
    [
      "an update before the first row",
      { table: "Lines", update: [{ row: -1, values: ["L0", 0] }] },
      "Table Lines has no row 0",
    ],
    ["a row index that is not a whole number", { table: "Lines", delete: [0.5] }, "Table Lines has no row 1.5"],
    ["a delete from an empty table", { table: "Empty", delete: [0] }, "Table Empty has no row 1"],
    [
      "an update of the wrong width",
      { table: "Lines", update: [{ row: 0, values: ["L1"] }] },
      "Table Lines: a row does not fit its 2 columns",
    ],
    [
      "an append of the wrong width",
      { table: "Lines", append: [["L3", 1, "extra"]] },
      "Table Lines: a row does not fit its 2 columns",
    ],
  ])("refuses a batch with %s before writing anything, even the good edits before it", async (_, bad, message) => {
    const { workbook, log, context } = mockExcel();
    await expect(workbook.editTables([good, bad])).rejects.toThrow(message);
    // Only the checking sync: no update, delete or append was queued, and no second sync.
    expect(log).toEqual([["sync"]]);
    // Nor was anything written to the body of the good edit's table: it reads back as it was.
    const body = context.workbook.tables.byName.plans.body;
    body.load("values");
    await context.sync();
    expect(body.values).toEqual(plansRows);
  });
});
