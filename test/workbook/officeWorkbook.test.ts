// The Office.js workbook against test/support/excelModel.ts, a model of Excel that behaves as Microsoft's
// documentation says Excel does (proxies readable after load and sync, a queue applied in order at sync and no
// transactions, writing as typing, tables, filters, protection, defined names, cell-edit mode, 5 MB payloads).
// Each behaviour relied on is named with its source there; the refusals here are checked before any write.
import { ExcelModel, Operation, Value } from "../support/excelModel";
import { OfficeWorkbook, READ_CELLS, READ_ROWS, readChunks } from "../../src/workbook/office/officeWorkbook";
import {
  ColumnWrite,
  KeyRows,
  KeyRowsChanged,
  NewTable,
  TableEdit,
  TEXT_FORMAT,
  WorkbookRefusal,
} from "../../src/workbook/port";
import { DATE_FORMAT, DATE_TIME_FORMAT, dateTime, MONEY_FORMAT } from "../../src/workbook/schema/columns";
import { setUpWorkbook } from "../../src/workbook/starter";
import { PlanToSave, readPlanBook, savePlan } from "../../src/workbook/planBook";
import { PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { columnWrites } from "../../src/workbook/schema/rows";
import { Decimal } from "../../src/engine";

function excel(setUp: (model: ExcelModel) => void = () => undefined) {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  setUp(model);
  return { model, workbook: new OfficeWorkbook(model.run) };
}

const writes = (model: ExcelModel): Operation[] => model.applied.filter((operation) => operation.write);

/** Runs something that must be refused, and gives the refusal's message. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookRefusal) return error.message;
    throw error;
  }
  throw new Error("expected a WorkbookRefusal");
}

const text = (header: string): ColumnWrite => ({ header, numberFormat: TEXT_FORMAT });
const general = (header: string): ColumnWrite => ({ header, numberFormat: "General" });
const money = (header: string): ColumnWrite => ({ header, numberFormat: MONEY_FORMAT });

/** A Plans table (Plan ID, Status, Cost) and a Lines table (Plan ID, Line, Amount, and the user's own Note). */
function plansAndLines(model: ExcelModel) {
  model.addSheet("Plans");
  model.addTable({
    sheet: "Plans",
    name: "Plans",
    headers: ["Plan ID", "Status", "Cost"],
    rows: Array.from({ length: 12 }, (_, i) => [`PLAN-${String(i + 1).padStart(4, "0")}`, "Draft", 100 * (i + 1)]),
    formats: [TEXT_FORMAT, TEXT_FORMAT, MONEY_FORMAT],
  });
  model.addSheet("Lines");
  model.addTable({
    sheet: "Lines",
    name: "Lines",
    headers: ["Plan ID", "Line", "Amount", "Note"],
    rows: [
      ["PLAN-0001", 1, 10, "keep me"],
      ["PLAN-0002", 1, 20, ""],
      ["PLAN-0001", 2, 30, "and me"],
    ],
    formats: [TEXT_FORMAT, "General", MONEY_FORMAT, "General"],
  });
}

const lineColumns = [text("Plan ID"), general("Line"), money("Amount")];
const planColumns = [text("Plan ID"), text("Status"), money("Cost")];
const lineRef = (row: number, value = "PLAN-0001") => ({ row, key: { header: "Plan ID", value } });

describe("the Office.js workbook: reading", () => {
  it("lists sheets, tables and defined names in one sync", async () => {
    const { model, workbook } = excel((m) => (plansAndLines(m), m.addDefinedName("TaxRate")));
    expect(await workbook.names()).toEqual({
      sheets: ["Sheet1", "Plans", "Lines"],
      tables: ["Plans", "Lines"],
      definedNames: ["TaxRate"],
    });
    expect(model.syncs).toBe(1);
  });

  it("reads a table by its own name, whatever the case asked: one sync for its shape, one for its body", async () => {
    const { model, workbook } = excel(plansAndLines);
    expect(await workbook.readTable("lines")).toEqual({
      name: "Lines",
      sheet: "Lines",
      headers: ["Plan ID", "Line", "Amount", "Note"],
      rows: model.tableValues("Lines"),
      at: { row: 0, column: 0 },
    });
    expect(model.syncs).toBe(2);
  });

  it("reads what cells hold if asked (Range.formulas): a formula as text, a value, an empty cell null", async () => {
    const { workbook } = excel((m) =>
      m.addTable({
        sheet: "Sheet1",
        name: "People",
        at: { row: 2, column: 1 },
        headers: ["Person ID", "Points", "Budget"],
        rows: [
          ["P1", 10, ""],
          ["P2", 20, 500],
        ],
        calculated: { Points: '=IF(TRUE,"",[@Budget])' },
      }),
    );
    expect(await workbook.readTable("People", "formulas")).toEqual({
      name: "People",
      sheet: "Sheet1",
      headers: ["Person ID", "Points", "Budget"],
      rows: [
        ["P1", '=IF(TRUE,"",[@Budget])', null],
        ["P2", '=IF(TRUE,"",[@Budget])', 500],
      ],
      // B3: the header row's first cell
      at: { row: 2, column: 1 },
    });
  });

  it("reads a table with no rows as no rows, not the empty row Excel shows in its body, in one sync", async () => {
    const { model, workbook } = excel((m) => m.addTable({ sheet: "Sheet1", name: "Empty", headers: ["Id"] }));
    expect(await workbook.readTable("Empty")).toEqual({
      name: "Empty",
      sheet: "Sheet1",
      headers: ["Id"],
      rows: [],
      at: { row: 0, column: 0 },
    });
    expect(model.syncs).toBe(1);
  });

  it("reads a table the workbook lacks as null, in one sync", async () => {
    const { model, workbook } = excel();
    expect(await workbook.readTable("Nowhere")).toBeNull();
    expect(model.syncs).toBe(1);
  });

  it("chunks a body by 5,000 rows and 50,000 cells", () => {
    expect([READ_ROWS, READ_CELLS]).toEqual([5_000, 50_000]);
    // 15,000 rows of 9 columns: 5,000 rows is 45,000 cells, under 50,000, so three chunks of 5,000.
    expect(readChunks(15_000, 9)).toEqual([
      { start: 0, rows: 5_000 },
      { start: 5_000, rows: 5_000 },
      { start: 10_000, rows: 5_000 },
    ]);
    // 20 columns: 50,000 ÷ 20 = 2,500 rows a chunk; 6,000 rows are 2,500 + 2,500 + 1,000.
    expect(readChunks(6_000, 20).map((chunk) => chunk.rows)).toEqual([2_500, 2_500, 1_000]);
    expect(readChunks(0, 9)).toEqual([]);
  });

  it("reads a 15,000-row table of over 5 MB in chunks, each response under Excel on the web's limit", async () => {
    const note = "A user's own note on this line, long enough to make the table large. ".repeat(5);
    const rows: Value[][] = Array.from({ length: 15_000 }, (_, i) => [`PLAN-${i}`, i % 7, 28.5, note]);
    const { model, workbook } = excel((m) => {
      m.addTable({ sheet: "Sheet1", name: "Big", headers: ["Plan ID", "Line", "Amount", "Note"] });
      m.seedRows("Big", rows);
    });
    // The body alone is over 5 MB: 15,000 rows of a ~355-character note.
    expect(JSON.stringify(rows).length).toBeGreaterThan(5 * 1024 * 1024);
    const table = await workbook.readTable("Big");
    expect(table?.rows).toEqual(rows);
    // One sync for the shape, then 15,000 ÷ 5,000 = 3 chunks.
    expect(model.syncs).toBe(4);
  });
});

describe("the Office.js workbook: writing is typing", () => {
  // Each of these, typed into a General cell, would become a number, a date, a boolean or a formula.
  const tricky = ["00123", "2026-04-01", "£12", "10%", "TRUE", "=1+1", "- see notes", "'Tis", "1/4/2026"];

  it("adds tables whose text stays text, in Text and General columns alike, and whose dates are serials", async () => {
    const { model, workbook } = excel();
    // 1 April 2026 is serial 46113 (excelModel.test.ts shows the arithmetic).
    const spec: NewTable = {
      sheet: "Data",
      name: "Data",
      columns: [text("Id"), general("Label"), { header: "Start", numberFormat: DATE_FORMAT }, money("Cost")],
      rows: tricky.map((value, i) => [value, value, 46113 + i, 10 * i]),
    };
    await workbook.addTables([spec]);
    const { headers, rows } = model.tableCells("Data");
    expect(headers).toEqual(["Id", "Label", "Start", "Cost"]);
    expect(rows.map((row) => row.map((cell) => cell.value))).toEqual(spec.rows);
    expect(rows.every((row) => row.every((cell) => cell.formula === undefined))).toBe(true);
    expect(rows[0].map((cell) => cell.format)).toEqual([TEXT_FORMAT, "General", DATE_FORMAT, MONEY_FORMAT]);
    // Read back as they are: text as text, the date as its serial (the schema turns it into "2026-04-01").
    expect((await workbook.readTable("Data"))?.rows).toEqual(spec.rows);
  });

  it("updates and appends rows whose text stays text and whose date-time is a serial with its format", async () => {
    const { model, workbook } = excel(plansAndLines);
    const updatedAt = { header: "Updated at", numberFormat: DATE_TIME_FORMAT };
    // 24 November 2026 14:05 is 46350 + 845/1440 (excelModel.test.ts).
    const stamp = 46350 + 845 / 1440;
    await workbook.editTables([
      {
        table: "Plans",
        columns: [text("Plan ID"), general("Status"), updatedAt],
        update: [{ ...lineRef(0), values: ["PLAN-0001", "'Tis", stamp] }],
        append: tricky.map((value) => [`PLAN-${value}`, value, stamp]),
      },
    ]);
    const status = model.column("Plans", "Status").map((cell) => cell.value);
    expect(status[0]).toBe("'Tis");
    expect(status.slice(12)).toEqual(tricky);
    const updated = model.column("Plans", "Updated at");
    const written = [0, ...tricky.map((_, i) => 12 + i)];
    expect(written.map((row) => [updated[row].value, updated[row].format])).toEqual(
      written.map(() => [stamp, DATE_TIME_FORMAT]),
    );
    expect(updated.slice(1, 12).map((cell) => cell.value)).toEqual(Array(11).fill(""));
    // Read back, the serial is the stamp the pane shows, not "Last saved 46350.58…".
    const read = await workbook.readTable("Plans");
    expect(dateTime("Updated at").read(read!.rows[0][3] as number)).toBe("2026-11-24T14:05");
  });

  it("writes only its own columns: a user's note and a user's formula column keep what they hold", async () => {
    const { model, workbook } = excel((m) => {
      m.addSheet("Lines");
      m.addTable({
        sheet: "Lines",
        name: "Lines",
        headers: ["Plan ID", "Amount", "Note", "Double"],
        rows: [
          ["PLAN-0001", 10, "keep me", 0],
          ["PLAN-0001", 20, "and me", 0],
        ],
        calculated: { Double: "=[@Amount]*2" },
      });
    });
    await workbook.editTables([
      {
        table: "Lines",
        columns: [text("Plan ID"), money("Amount")],
        update: [
          { ...lineRef(0), values: ["PLAN-0001", 11] },
          { ...lineRef(1), values: ["PLAN-0001", 21] },
        ],
      },
    ]);
    expect(model.column("Lines", "Amount").map((cell) => cell.value)).toEqual([11, 21]);
    expect(model.column("Lines", "Note").map((cell) => cell.value)).toEqual(["keep me", "and me"]);
    expect(model.column("Lines", "Double").map((cell) => cell.formula)).toEqual(["=[@Amount]*2", "=[@Amount]*2"]);
  });

  it("leaves a cell of a row it updates as it is where the edit gives undefined", async () => {
    const { model, workbook } = excel((m) => {
      m.addSheet("Lines");
      m.addTable({
        sheet: "Lines",
        name: "Lines",
        headers: ["Plan ID", "Amount", "Note"],
        rows: [
          ["PLAN-0001", 10, "one"],
          ["PLAN-0002", 20, "two"],
        ],
      });
    });
    await workbook.editTables([
      {
        table: "Lines",
        columns: [text("Plan ID"), money("Amount"), text("Note")],
        update: [
          { ...lineRef(0), values: [undefined, 15, undefined] },
          { ...lineRef(1, "PLAN-0002"), values: ["PLAN-0002", 25, ""] },
        ],
      },
    ]);
    expect(model.tableValues("Lines")).toEqual([
      ["PLAN-0001", 15, "one"],
      ["PLAN-0002", 25, ""],
    ]);
  });

  it.each([
    [true, "=[@Amount]*2"],
    [false, undefined],
  ])(
    "appends rows that the user's calculated column fills as Excel fills a new row (Fill formulas %s)",
    async (fill, formula) => {
      const { model, workbook } = excel((m) => {
        m.fillFormulas = fill;
        m.addTable({
          sheet: "Sheet1",
          name: "Lines",
          headers: ["Plan ID", "Amount", "Double"],
          rows: [["PLAN-0001", 10, 0]],
          calculated: { Double: "=[@Amount]*2" },
        });
      });
      await workbook.editTables([{ table: "Lines", columns: [text("Plan ID"), money("Amount")], append: [["P2", 5]] }]);
      expect(model.tableValues("Lines")[1].slice(0, 2)).toEqual(["P2", 5]);
      expect(model.column("Lines", "Double")[1].formula).toBe(formula);
    },
  );
});

describe("the Office.js workbook: editing tables", () => {
  it("writes the edits in the caller's order, one sync each after one checking sync", async () => {
    const { model, workbook } = excel(plansAndLines);
    await workbook.editTables([
      {
        table: "Lines",
        columns: lineColumns,
        update: [{ ...lineRef(0), values: ["PLAN-0001", 1, 11] }],
        delete: [lineRef(2)],
        append: [["PLAN-0001", 3, 40]],
      },
      { table: "plans", columns: planColumns, update: [{ ...lineRef(0), values: ["PLAN-0001", "Agreed", 81] }] },
    ]);
    expect(model.syncs).toBe(3);
    expect(model.tableValues("Lines")).toEqual([
      ["PLAN-0001", 1, 11, "keep me"],
      ["PLAN-0002", 1, 20, ""],
      ["PLAN-0001", 3, 40, ""],
    ]);
    expect(model.tableValues("Plans")[0]).toEqual(["PLAN-0001", "Agreed", 81]);
    // Every write to Lines comes before the first write to Plans: the plan row, the marker of a save, is last.
    const tables = writes(model).map((operation) => operation.table);
    expect(tables.lastIndexOf("Lines")).toBeLessThan(tables.indexOf("Plans"));
  });

  it("updates, then deletes highest row first (row 10 before row 2), then appends, in one edit", async () => {
    const { model, workbook } = excel(plansAndLines);
    const ref = (row: number) => ({
      row,
      key: { header: "Plan ID", value: `PLAN-${String(row + 1).padStart(4, "0")}` },
    });
    await workbook.editTables([
      {
        table: "Plans",
        columns: planColumns,
        update: [{ ...ref(0), values: ["PLAN-0001", "Agreed", 1] }],
        delete: [ref(2), ref(10), ref(2)],
        append: [["PLAN-0013", "Draft", 1300]],
      },
    ]);
    const ids = model.tableValues("Plans").map((row) => row[0]);
    expect(ids).toEqual([
      "PLAN-0001",
      "PLAN-0002",
      ...[4, 5, 6, 7, 8, 9, 10, 12, 13].map((n) => `PLAN-${String(n).padStart(4, "0")}`),
    ]);
    const members = writes(model).map((operation) => `${operation.object}.${operation.member}`);
    expect(members.filter((member) => member.startsWith("Table"))).toEqual([
      "TableRow.delete",
      "TableRow.delete",
      "TableRowCollection.add",
    ]);
    expect(members.indexOf("Range.formulas")).toBeLessThan(members.indexOf("TableRow.delete"));
  });

  it("adds a column the table lacks at its right, its formula in every row, and writes its rows", async () => {
    const { model, workbook } = excel(plansAndLines);
    const withReview: TableEdit = {
      table: "Lines",
      columns: [
        ...lineColumns,
        { header: "Review", numberFormat: DATE_FORMAT },
        { ...money("Twice"), formula: "=[@Amount]*2" },
      ],
      update: [{ ...lineRef(2), values: ["PLAN-0001", 2, 30, 46113, null] }],
      append: [["PLAN-0003", 1, 5, 46114, null]],
    };
    await workbook.editTables([withReview]);
    const { headers, rows } = model.tableCells("Lines");
    expect(headers).toEqual(["Plan ID", "Line", "Amount", "Note", "Review", "Twice"]);
    expect(rows.map((row) => row[4].value)).toEqual(["", "", 46113, 46114]);
    expect(rows.map((row) => row[5].formula)).toEqual(Array(4).fill("=[@Amount]*2"));
    expect(rows[3][4].format).toBe(DATE_FORMAT);
  });

  it("writes a formula column into every row it updates, so Refresh repairs rows missing their formula", async () => {
    const { model, workbook } = excel((m) =>
      m.addTable({
        sheet: "Sheet1",
        name: "People",
        headers: ["Person ID", "Points"],
        rows: [
          ["P1", 0],
          ["P2", 0],
        ],
        calculated: { Points: '=[@[Person ID]]&""' },
      }),
    );
    // The user added P3 with "Fill formulas" off: its Points cell has no formula.
    model.addRowAsUser("People", ["P3", null]);
    expect(model.column("People", "Points")[2].formula).toBeUndefined();
    const points = { header: "Points", numberFormat: "General", formula: '=[@[Person ID]]&""' };
    await workbook.editTables([
      {
        table: "People",
        columns: [points],
        update: [{ row: 2, key: { header: "Person ID", value: "p3" }, values: [null] }],
      },
    ]);
    expect(model.column("People", "Points").map((cell) => cell.formula)).toEqual(Array(3).fill('=[@[Person ID]]&""'));
  });

  it("appends to a table with no rows from the row under its header, leaving no empty row", async () => {
    const { model, workbook } = excel((m) => m.addTable({ sheet: "Sheet1", name: "Empty", headers: ["Id", "Amount"] }));
    await workbook.editTables([
      {
        table: "Empty",
        columns: [text("Id"), money("Amount")],
        append: [
          ["a", 1],
          ["b", 2],
        ],
      },
    ]);
    expect(model.tableValues("Empty")).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect((await workbook.readTable("Empty"))?.rows).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("waits while the user edits a cell instead of failing, and writes once the edit ends", async () => {
    const { model, workbook } = excel(plansAndLines);
    model.startEditing();
    const saving = workbook.editTables([
      { table: "Plans", columns: planColumns, update: [{ ...lineRef(0), values: ["PLAN-0001", "Agreed", 1] }] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(model.tableValues("Plans")[0][1]).toBe("Draft");
    model.stopEditing();
    await saving;
    expect(model.tableValues("Plans")[0][1]).toBe("Agreed");
  });
});

describe("the Office.js workbook: refusing before the first write", () => {
  const lines = (edit: Partial<TableEdit> = {}): TableEdit => ({
    table: "Lines",
    columns: lineColumns,
    update: [{ ...lineRef(0), values: ["PLAN-0001", 1, 11] }],
    ...edit,
  });
  const plans: TableEdit = {
    table: "Plans",
    columns: planColumns,
    update: [{ ...lineRef(0), values: ["PLAN-0001", "Agreed", 1] }],
  };

  it.each<[string, (model: ExcelModel) => void, TableEdit[], string]>([
    ["a missing table", () => undefined, [lines(), { ...plans, table: "Nowhere" }], "no table called Nowhere"],
    [
      "a row that no longer holds its key",
      () => undefined,
      [lines({ delete: [lineRef(1)] }), plans],
      "row 2 no longer holds PLAN-0001",
    ],
    ["a row past the end", () => undefined, [lines(), { ...plans, delete: [lineRef(12)] }], "row 13 no longer holds"],
    [
      "a key column the table lacks",
      () => undefined,
      [lines({ delete: [{ row: 0, key: { header: "Ref", value: "x" } }] })],
      "row 1 no longer holds x",
    ],
    ["a filtered table", (m) => m.filterTable("Plans"), [lines(), plans], "The Plans table is filtered"],
    ["a protected sheet", (m) => m.protectSheet("Plans"), [lines(), plans], 'The "Plans" sheet is protected'],
    [
      "a row that does not fit",
      () => undefined,
      [lines({ append: [["PLAN-0001", 1]] }), plans],
      "a row has 2 values for 3 columns",
    ],
  ])("refuses %s and writes nothing", async (_, setUp, edits, message) => {
    const { model, workbook } = excel((m) => (plansAndLines(m), setUp(m)));
    const before = [model.tableValues("Lines"), model.tableValues("Plans")];
    const said = await refusal(workbook.editTables(edits));
    expect(said).toContain(message);
    expect(said).toContain("nothing was written");
    expect(writes(model)).toEqual([]);
    expect([model.tableValues("Lines"), model.tableValues("Plans")]).toEqual(before);
  });
});

describe("the Office.js workbook: rows an edit expects (KeyRows)", () => {
  const expectLines = (value: string, rows: KeyRows["rows"]): KeyRows => ({
    header: "plan id",
    value,
    columns: ["Line", "Amount"],
    rows,
  });
  const asRead = expectLines("PLAN-0001", [
    { row: 0, values: [1, 10] },
    { row: 2, values: [2, 30] },
  ]);

  it("claims an ID no row holds in one more sync, and refuses it once a row holds it, writing nothing", async () => {
    const { model, workbook } = excel(plansAndLines);
    const claim: TableEdit = {
      table: "Lines",
      columns: lineColumns,
      append: [["PLAN-0013", 1, 50]],
      expect: [expectLines("plan-0013", [])],
    };
    await workbook.editTables([claim]);
    expect(model.syncs).toBe(3);
    expect(model.tableValues("Lines")[3]).toEqual(["PLAN-0013", 1, 50, ""]);
    const before = model.applied.length;
    const refused = workbook.editTables([claim]);
    await expect(refused).rejects.toThrow(
      new KeyRowsChanged("plan-0013 is already in the Lines table (row 4); nothing was written.", "Lines", {
        header: "plan id",
        value: "plan-0013",
      }),
    );
    expect(model.applied.slice(before).filter((operation) => operation.write)).toEqual([]);
    expect(model.tableValues("Lines")).toHaveLength(4);
  });

  it("refuses a save over a plan whose lines a co-author added to or changed since they were read", async () => {
    const { model, workbook } = excel(plansAndLines);
    const save: TableEdit = {
      table: "Lines",
      columns: lineColumns,
      update: [{ ...lineRef(0), values: ["PLAN-0001", 1, 11] }],
      expect: [asRead],
    };
    // As read, the save is written.
    await workbook.editTables([save]);
    expect(model.tableValues("Lines")[0]).toEqual(["PLAN-0001", 1, 11, "keep me"]);
    const lines = excel(plansAndLines);
    lines.model.addRowAsUser("Lines", ["PLAN-0001", 3, 5, "a colleague's"]);
    expect(await refusal(lines.workbook.editTables([save]))).toBe(
      "The Lines table's rows for PLAN-0001 changed since they were read (row 4 now holds it); nothing was " +
        "written. Refresh and try again.",
    );
    const changed = excel((m) => {
      plansAndLines(m);
      m.cell("Lines", "C4").value = 31;
    });
    expect(await refusal(changed.workbook.editTables([save]))).toContain("(row 3 changed)");
    expect(writes(lines.model)).toEqual([]);
    expect(writes(changed.model)).toEqual([]);
  });

  it("compares dates as readTable gives them, in a 1904 workbook too", async () => {
    const { model, workbook } = excel((m) => {
      m.use1904DateSystem = true;
      m.addSheet("Plans");
      m.addTable({
        sheet: "Plans",
        name: "Plans",
        headers: ["Plan ID", "Start date"],
        rows: [["PLAN-0001", 46296 - 1462]],
        formats: [TEXT_FORMAT, DATE_FORMAT],
      });
    });
    const read = await workbook.readTable("Plans");
    expect(read?.rows).toEqual([["PLAN-0001", 46296]]);
    const expected = (start: number): KeyRows => ({
      header: "Plan ID",
      value: "PLAN-0001",
      columns: ["Start date"],
      rows: [{ row: 0, values: [start] }],
    });
    const edit = (start: number): TableEdit => ({
      table: "Plans",
      columns: [text("Plan ID")],
      update: [{ ...lineRef(0), values: ["PLAN-0001"] }],
      expect: [expected(start)],
    });
    expect(await refusal(workbook.editTables([edit(46296 - 1462)]))).toContain("(row 1 changed)");
    await workbook.editTables([edit(46296)]);
    expect(model.tableValues("Plans")).toEqual([["PLAN-0001", 46296 - 1462]]);
  });
});

describe("the Office.js workbook: Excel failing while it is read", () => {
  it("says so, and that nothing was written or created", async () => {
    const { model, workbook } = excel(plansAndLines);
    model.failWhen((operation) => operation.object === "AutoFilter", "GeneralException", "Try later");
    expect(await refusal(workbook.editTables([{ table: "Plans", columns: planColumns, delete: [lineRef(0)] }]))).toBe(
      'Excel could not read the tables to change: Excel said ("Try later"); nothing was written.',
    );
    model.failWhen((operation) => operation.object === "WorkbookProtection", "GeneralException", "Try later");
    expect(await refusal(workbook.addTables([{ sheet: "New", name: "New", columns: [text("Id")], rows: [] }]))).toBe(
      'Excel could not list the workbook\'s names: Excel said ("Try later"); nothing was created.',
    );
    expect(writes(model)).toEqual([]);
  });
});

describe("the Office.js workbook: a failure part-way", () => {
  const save: TableEdit[] = [
    {
      table: "Lines",
      columns: lineColumns,
      update: [{ ...lineRef(0), values: ["PLAN-0001", 1, 11] }],
      delete: [lineRef(2)],
      append: [["PLAN-0001", 3, 40]],
    },
    { table: "Plans", columns: planColumns, update: [{ ...lineRef(0), values: ["PLAN-0001", "Agreed", 81] }] },
  ];

  it("says the earlier edit was written in full and the plan row may be partly changed", async () => {
    const { model, workbook } = excel(plansAndLines);
    model.failWhen((operation) => operation.table === "Plans" && operation.write, "GeneralException", "Disk full");
    const said = await refusal(workbook.editTables(save));
    expect(said).toBe(
      'Excel stopped part-way through writing: Excel said ("Disk full"). The Lines table was written in full; ' +
        "the Plans table may be partly changed. Refresh to see what the workbook now holds, then try again.",
    );
    expect(model.tableValues("Lines")[2]).toEqual(["PLAN-0001", 3, 40, ""]);
    expect(model.tableValues("Plans")[0]).toEqual(["PLAN-0001", "Draft", 100]);
  });

  it("says which table may be partly changed and that the plan row was not, when the lines fail", async () => {
    const { model, workbook } = excel(plansAndLines);
    model.failWhen((operation) => operation.member === "delete", "InsertDeleteConflict", "Cannot shift cells.");
    const said = await refusal(workbook.editTables(save));
    expect(said).toContain("a table is filtered, or something beside it is in the way");
    expect(said).toContain("The Lines table may be partly changed; the Plans table was not changed.");
    // The update before the delete was written: Excel has no transactions.
    expect(model.tableValues("Lines")[0][2]).toBe(11);
    expect(model.tableValues("Plans")[0][1]).toBe("Draft");
  });
});

describe("the Office.js workbook: adding tables and sheets", () => {
  const scoring: NewTable = {
    sheet: "Scoring",
    name: "Scoring",
    columns: [text("Question"), general("A"), general("B")],
    rows: [
      ["Personal care", 0, 3],
      ["Getting about", 0, 2],
    ],
  };
  const people: NewTable = {
    sheet: "People",
    name: "People",
    columns: [
      text("Person ID"),
      text("Personal care"),
      {
        header: "Points",
        numberFormat: "General",
        formula: "=COUNTA(People[@[Person ID]:[Personal care]])+ROWS(Scoring[#All])",
      },
    ],
    rows: [
      ["00123", "B", null],
      ["00124", "A", null],
    ],
  };

  it("adds each table on a new sheet, its formula written into every row whatever Fill formulas says", async () => {
    const { model, workbook } = excel();
    await workbook.addTables([scoring, people]);
    expect(model.sheetNames()).toEqual(["Sheet1", "Scoring", "People"]);
    expect(model.tableNames()).toEqual(["Scoring", "People"]);
    expect(model.tableValues("People").map((row) => row.slice(0, 2))).toEqual([
      ["00123", "B"],
      ["00124", "A"],
    ]);
    expect(model.column("People", "Points").map((cell) => cell.formula)).toEqual(
      Array(2).fill(people.columns[2].formula),
    );
    expect(model.column("People", "Person ID")[0].format).toBe(TEXT_FORMAT);
    // One sync to check every name, one to create.
    expect(model.syncs).toBe(2);
  });

  it("adds a table with no rows whose empty row is formatted, so an ID typed there stays text", async () => {
    const { model, workbook } = excel();
    await workbook.addTables([{ sheet: "Plans", name: "Plans", columns: planColumns, rows: [] }]);
    expect(model.tablePosition("Plans").rowCount).toBe(0);
    model.addRowAsUser("Plans", ["00123", "Draft", 5]);
    expect(model.tableValues("Plans")).toEqual([["00123", "Draft", 5]]);
  });

  it.each<[string, (model: ExcelModel) => void, NewTable[], string]>([
    [
      "a table name a defined name holds",
      (m) => m.addDefinedName("scoring"),
      [people, scoring],
      'The name "Scoring" is already used',
    ],
    [
      "a table name a table holds",
      (m) => m.addTable({ sheet: "Sheet1", name: "PEOPLE", headers: ["x"] }),
      [scoring, people],
      'The name "People"',
    ],
    ["a sheet name taken", (m) => m.addSheet("people"), [scoring, people], 'A sheet called "People" already exists'],
    ["the same sheet twice", () => undefined, [scoring, { ...people, sheet: "scoring" }], 'A sheet called "scoring"'],
    [
      "a name Excel refuses",
      () => undefined,
      [scoring, { ...people, name: "My people" }],
      '"My people" cannot name a table',
    ],
    ["a sheet name Excel refuses", () => undefined, [scoring, { ...people, sheet: "People: all" }], "cannot hold"],
    ["a protected workbook structure", (m) => (m.workbookProtected = true), [scoring], "structure is protected"],
  ])("refuses %s before creating anything", async (_, setUp, tables, message) => {
    const { model, workbook } = excel(setUp);
    const [sheets, tableNames] = [model.sheetNames(), model.tableNames()];
    const said = await refusal(workbook.addTables(tables));
    expect(said).toContain(message);
    expect(said).toContain("nothing was created");
    expect([model.sheetNames(), model.tableNames()]).toEqual([sheets, tableNames]);
    expect(model.syncs).toBe(1);
  });

  it("removes the sheets it created when Excel fails part-way, and says so", async () => {
    const { model, workbook } = excel();
    model.failWhen(
      (operation) => operation.table === "People" && operation.member === "formulas",
      "GeneralException",
      "Oops",
    );
    const said = await refusal(workbook.addTables([scoring, people]));
    expect(said).toBe(
      'Excel stopped part-way: Excel said ("Oops"). The sheets it had added (Scoring and People) were removed again, ' +
        "so the workbook is as it was. Try again.",
    );
    expect(model.sheetNames()).toEqual(["Sheet1"]);
    expect(model.tableNames()).toEqual([]);
  });

  it("says which sheets may be left when removing them fails too", async () => {
    const { model, workbook } = excel();
    model.failWhen(
      (operation) => operation.object === "Table" && operation.member === "name",
      "GeneralException",
      "No",
    );
    model.failWhen((operation) => operation.object === "Worksheet" && operation.member === "delete");
    const said = await refusal(workbook.addTables([scoring, people]));
    expect(said).toContain('Some of the sheets "Scoring" and "People" may have been added and could not be removed');
    expect(model.sheetNames()).toEqual(["Sheet1", "Scoring"]);
  });

  const report = {
    name: "What-if",
    cells: [
      { row: 0, column: 0, value: "- of which direct payments", bold: true },
      { row: 0, column: 1, value: "2026-27" },
      { row: 1, column: 0, value: "Total" },
      { row: 1, column: 1, formula: "=SUM(Rates[Rate])", numberFormat: MONEY_FORMAT },
    ],
    tables: [
      {
        sheet: "ignored",
        name: "Rates",
        columns: [general("Points"), money("Rate"), { ...money("Twice"), formula: "=[@Rate]*2" }],
        rows: [
          [0, 150, null],
          [20, 200, null],
        ],
        at: { row: 3, column: 0 },
      },
    ],
    charts: [
      {
        name: "Curve",
        title: "Rate by points",
        type: "xyScatterLines" as const,
        source: { row: 3, column: 0, rows: 3, columns: 2 },
        at: { row: 8, column: 0, rows: 12, columns: 6 },
        xAxisTitle: "Points",
        yAxisTitle: "£ a year",
      },
    ],
    columnWidths: [30, 12],
  };

  it("adds a report sheet: text as text, formulas, formats, a table at its place and a chart by columns", async () => {
    const { model, workbook } = excel();
    await workbook.addSheet(report);
    expect(model.cell("What-if", "A1")).toMatchObject({ value: "- of which direct payments", bold: true });
    expect(model.cell("What-if", "A1").formula).toBeUndefined();
    expect(model.cell("What-if", "B1").value).toBe("2026-27");
    expect(model.cell("What-if", "B2")).toMatchObject({ formula: "=SUM(Rates[Rate])", format: MONEY_FORMAT });
    expect(model.tableCells("Rates")).toMatchObject({ sheet: "What-if", headers: ["Points", "Rate", "Twice"] });
    expect(model.tablePosition("Rates")).toEqual({ top: 3, left: 0, width: 3, rowCount: 2 });
    expect(model.column("Rates", "Twice").map((cell) => cell.formula)).toEqual(["=[@Rate]*2", "=[@Rate]*2"]);
    expect(model.charts("What-if")).toEqual([
      {
        type: "XYScatterLines",
        source: "'What-if'!A4:B6",
        seriesBy: "Columns",
        name: "Curve",
        title: "Rate by points",
        position: { start: "A9", end: "F20" },
        categoryAxisTitle: "Points",
        valueAxisTitle: "£ a year",
      },
    ]);
    expect([model.columnWidth("What-if", 0), model.columnWidth("What-if", 1)]).toEqual([210, 84]);
    expect(model.syncs).toBe(2);
  });

  it.each<[string, (model: ExcelModel) => void, string]>([
    ["its name taken", (m) => m.addSheet("WHAT-IF"), 'A sheet called "What-if" already exists'],
    ["a table name a defined name holds", (m) => m.addDefinedName("Rates"), 'The name "Rates" is already used'],
  ])("refuses a report sheet with %s before creating anything", async (_, setUp, message) => {
    const { model, workbook } = excel(setUp);
    const sheets = model.sheetNames();
    expect(await refusal(workbook.addSheet(report))).toContain(message);
    expect(model.sheetNames()).toEqual(sheets);
    expect(writes(model)).toEqual([]);
  });

  it("removes the report sheet when its chart fails", async () => {
    const { model, workbook } = excel();
    model.failWhen((operation) => operation.object === "Chart" && operation.member === "setPosition");
    expect(await refusal(workbook.addSheet(report))).toContain("The sheets it had added (What-if) were removed again");
    expect(model.sheetNames()).toEqual(["Sheet1"]);
    expect(model.tableNames()).toEqual([]);
  });
});

describe("the Office.js workbook: a save's syncs as the workbook grows", () => {
  /** A set-up workbook with `plans` saved plans sharing `lines` lines, and a save of one more plan. */
  async function saveIn(plans: number, lines: number) {
    const { model, workbook } = excel();
    await setUpWorkbook(workbook);
    const planRow = (n: number): Value[] =>
      columnWrites(PLANS).map(({ header }) =>
        header === "Plan ID" ? `PLAN-${String(n).padStart(4, "0")}` : header === "Person ID" ? "P001" : "",
      );
    model.seedRows(
      "Plans",
      Array.from({ length: plans }, (_, i) => planRow(i + 1)),
    );
    model.seedRows(
      "PlanLines",
      Array.from({ length: lines }, (_, i) => [
        `PLAN-${String(Math.floor((i * plans) / lines) + 1).padStart(4, "0")}`,
        i + 1,
        "Meals",
        "meal",
        7,
        4.6,
        "week",
        "Direct payment",
        1674.4,
      ]),
    );
    const book = await readPlanBook(workbook);
    const draft: PlanToSave = {
      planId: null,
      personId: "P001",
      lines: [
        {
          service: "Meals",
          unit: "meal",
          quantity: new Decimal(7),
          unitCost: new Decimal("4.6"),
          frequency: "week",
          managedAs: "Direct payment",
        },
      ],
      status: "Draft",
      reason: "",
      signedOffBy: "",
      startDate: null,
      endDate: null,
      reviewDate: null,
      updatedBy: "Test",
    };
    const before = model.syncs;
    const saved = await savePlan(workbook, book, draft, new Date(2026, 10, 24, 14, 5));
    return { syncs: model.syncs - before, saved, model };
  }

  it("saves with a fixed number of edit syncs; only reading grows, by one sync per chunk", async () => {
    const small = await saveIn(10, 20);
    const large = await saveIn(2_000, 15_000);
    expect(small.saved.planId).toBe("PLAN-0011");
    expect(large.saved.planId).toBe("PLAN-2001");
    // Small: Plans (1 + 1 chunk) + PlanLines (1 + 1 chunk) + the edit (1 check + 1 for the Plan ID and Person ID
    // columns its rows are checked by + 2 edits) + both tables read back, to check no one else's save of the same
    // moment took its ID (2 + 2) = 12.
    expect(small.syncs).toBe(12);
    // Large: 2,000 plans of 26 columns are two chunks (50,000 ÷ 26 = 1,923 rows a chunk); 15,000 lines of 10 columns
    // are 3 chunks of 5,000; the edit is the same 4. (1 + 2) + (1 + 3) + 4 = 11, then read back: Plans (1 + 2) and
    // the 15,001 lines (1 + 4 chunks), 19 in all.
    expect([columnWrites(PLANS).length, columnWrites(PLAN_LINES).length]).toEqual([26, 10]);
    expect(large.syncs).toBe(19);
    const saved = large.model.tableValues("PlanLines");
    expect(saved).toHaveLength(15_001);
    expect(saved[15_000].slice(0, 3)).toEqual(["PLAN-2001", 1, "Meals"]);
  });
});
