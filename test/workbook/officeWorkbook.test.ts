// The Office.js workbook against office-addin-mock: what it loads (and only after a sync), what it
// writes and in what order, and that a bad edit is refused before anything is written.
//
// The mock covers the reads: an OfficeMockObject answers a property with an error string until it is
// loaded and synced, so a read before its sync fails here as it would in Excel. The writes go to
// recording objects the mock data's functions hand out (office-addin-mock has no per-argument
// methods such as getRow(i) or add(name)); every write and every sync lands, in order, in one log.
// (office-addin-manifest's index requires ESM Jest cannot load: package.json maps it to the package's CommonJS OfficeApp module.)
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { CellValue, NewTable } from "../../src/workbook/port";

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
    worksheet: { name: `${name} sheet` },
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
      names: named(["TaxRate"]),
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
    expect(await workbook.names()).toEqual({
      sheets: ["Sheet1", "Plans"],
      tables: ["Plans", "Lines", "Empty"],
      definedNames: ["TaxRate"],
    });
    expect(log).toEqual([["sync"]]);
  });

  it("reads a table's headers and rows under the table's own name, whatever the case asked for", async () => {
    const { workbook } = mockExcel();
    expect(await workbook.readTable("plans")).toEqual({
      name: "Plans",
      sheet: "Plans sheet",
      headers: plansHeaders,
      rows: plansRows,
    });
    expect(await workbook.readTable("Lines")).toEqual({
      name: "Lines",
      sheet: "Lines sheet",
      headers: ["Line ID", "Amount"],
      rows: linesRows,
    });
  });

  it("reads an empty table as no rows, not the one blank row Excel shows in its body", async () => {
    const { workbook, context } = mockExcel();
    const result = await workbook.readTable("Empty");
    expect(result).toEqual({ name: "Empty", sheet: "Empty sheet", headers: ["Plan ID", "Status"], rows: [] });
    // The body did hold the blank row: rows.count, not the body, decided.
    expect(context.workbook.tables.byName.empty.body.values).toEqual([["", ""]]);
  });

  it("reads a table the workbook does not have as null", async () => {
    const { workbook, log } = mockExcel();
    expect(await workbook.readTable("Nowhere")).toBeNull();
    expect(log).toEqual([["sync"]]);
  });

  // Writing (addTables, addSheet, editTables) is tested against test/support's Excel model, which behaves as
  // Microsoft's documentation says Excel does; office-addin-mock alone records calls but not their effects.
});
