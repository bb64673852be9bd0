// The Excel model itself, checked against what Microsoft's documentation says Excel does (each source is named
// in excelModel.ts), so that the Office.js workbook's tests stand on a model that behaves as Excel would.
import { ExcelError, ExcelModel } from "./excelModel";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

function workbook() {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  const run = <T>(batch: Batch<T>, delayForCellEdit = false) => model.run({ delayForCellEdit }, batch);
  return { model, run };
}

/** Types one entry into A1 of Sheet1, formatted first when a format is given, and returns the cell. */
async function typed(entry: unknown, numberFormat?: string) {
  const { model, run } = workbook();
  await run(async (context) => {
    const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    if (numberFormat) cell.numberFormat = [[numberFormat]];
    cell.values = [[entry]];
    await context.sync();
  });
  return model.cell("Sheet1", "A1");
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelError) return error.code;
    throw error;
  }
  throw new Error("expected Excel to refuse");
}

describe("the Excel model", () => {
  it("gives a property only once it was loaded and synced", async () => {
    const { run } = workbook();
    await run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      expect(() => sheets.items).toThrow('call the load method on the containing object and call "context.sync()"');
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    });
  });

  // Serials are days since 30 December 1899: 1 January 2025 is 45658 (Excel's own), so 1 January 2026 is 45658 + 365
  // = 46023, 1 April 2026 is 46023 + 31 + 28 + 31 = 46113, and 24 November 2026 is 46023 + 304 (January to October)
  // + 23 = 46350; 14:05 is 845 of the day's 1440 minutes.
  it.each([
    ["00123", 123, "General"],
    ["1,234.5", 1234.5, "#,##0"],
    ["£12", 12, "£#,##0.00"],
    ["10%", 0.1, "0%"],
    ["(5)", -5, "General"],
    ["TRUE", true, "General"],
    ["2026-04-01", 46113, "m/d/yyyy"],
    ["4/1/2026", 46113, "m/d/yyyy"],
    ["2026-11-24T14:05", 46350 + 845 / 1440, "m/d/yyyy h:mm"],
    ["Plan", "Plan", "General"],
    ["'00123", "00123", "General"],
  ])("types %j into a General cell as %j, formatted %j", async (entry, value, format) => {
    const cell = await typed(entry);
    expect(cell.value).toBe(value);
    expect(cell.format).toBe(format);
    expect(cell.formula).toBeUndefined();
  });

  it(
    "formats a chart's series by index, and refuses what Excel refuses: a series it lacks, an unknown line style, " +
      "tick label spacing on a scatter chart's x axis",
    async () => {
      const chart = (type: string) => (context: Excel.RequestContext) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        return sheet.charts.add(type as Excel.ChartType, sheet.getRange("A1:C5"), "Columns");
      };
      const { model, run } = workbook();
      await run(async (context) => {
        const added = chart("XYScatterLines")(context);
        added.series.getItemAt(1).format.line.color = "#C50F1F";
        added.series.getItemAt(1).format.line.lineStyle = "Dash";
        added.axes.valueAxis.numberFormat = "£#,##0";
        await context.sync();
      });
      expect(model.charts("Sheet1")[0]).toMatchObject({
        valueAxisFormat: "£#,##0",
        series: [undefined, { lineColor: "#C50F1F", lineStyle: "Dash" }],
      });
      // A1:C5 by columns: x values and two series, 0 and 1.
      const refused = (work: (added: Excel.Chart) => void) =>
        codeOf(
          workbook().run(async (context) => {
            work(chart("XYScatterLines")(context));
            await context.sync();
          }),
        );
      await expect(refused((added) => (added.series.getItemAt(2).format.line.color = "#C50F1F"))).resolves.toBe(
        "ItemNotFound",
      );
      await expect(
        refused((added) => (added.series.getItemAt(0).format.line.lineStyle = "Dashed" as Excel.ChartLineStyle)),
      ).resolves.toBe("InvalidArgument");
      await expect(refused((added) => (added.axes.categoryAxis.tickLabelSpacing = 1))).resolves.toBe("InvalidArgument");
      await expect(
        refused((added) => added.series.getItemAt(0).format.fill.setSolidColor("not a colour!")),
      ).resolves.toBe("InvalidArgument");
    },
  );

  it("takes an entry starting with =, + or - that is not a number as a formula", async () => {
    expect((await typed("=1+1")).formula).toBe("=1+1");
    expect((await typed("- see notes")).formula).toBe("=- see notes");
    expect((await typed("-5")).value).toBe(-5);
  });

  it.each([
    ["00123", "00123"],
    ["2026-04-01", "2026-04-01"],
    ["=1+1", "=1+1"],
    [5, "5"],
    ["'Tis", "Tis"],
  ])("keeps %j typed into a Text cell as the text %j", async (entry, value) => {
    const cell = await typed(entry, "@");
    expect(cell.value).toBe(value);
    expect(cell.formula).toBeUndefined();
  });

  it("leaves a cell given null as it is, and clears one given an empty string", async () => {
    const { model, run } = workbook();
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["a", "b"]];
      await context.sync();
      range.values = [[null, ""]];
      await context.sync();
    });
    expect([model.cell("Sheet1", "A1").value, model.cell("Sheet1", "B1").value]).toEqual(["a", ""]);
  });

  it("applies a sync's operations in order, and keeps those before one that fails", async () => {
    const { model, run } = workbook();
    model.failWhen((operation) => operation.member === "values" && model.cell("Sheet1", "A1").value === "first");
    const sync = run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["first"]];
      sheet.getRange("A2").values = [["second"]];
      sheet.getRange("A3").values = [["third"]];
      await context.sync();
    });
    expect(await codeOf(sync)).toBe("GeneralException");
    expect(["A1", "A2", "A3"].map((a) => model.cell("Sheet1", a).value)).toEqual(["first", "", ""]);
  });

  it("fails getItem of a missing table with ItemNotFound, and fills isNullObject at the sync", async () => {
    const { run } = workbook();
    expect(
      await codeOf(
        run(async (context) => {
          context.workbook.tables.getItem("Nowhere").load("name");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Nowhere");
      expect(() => table.isNullObject).toThrow("call the load method");
      await context.sync();
      expect(table.isNullObject).toBe(true);
    });
  });

  it("fails a batch while a cell is being edited, unless Excel.run was told to wait", async () => {
    const { model, run } = workbook();
    model.startEditing();
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      return context.sync();
    };
    expect(await codeOf(run(write))).toBe("InvalidOperation");
    const waiting = run(write, true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(model.cell("Sheet1", "A1").value).toBe("");
    model.stopEditing();
    await waiting;
    expect(model.cell("Sheet1", "A1").value).toBe(1);
  });

  it("refuses a response over Excel on the web's 5 MB", async () => {
    const { model, run } = workbook();
    model.addTable({ sheet: "Sheet1", name: "Big", headers: ["Text"], rows: [] });
    model.seedRows(
      "Big",
      Array.from({ length: 6_000 }, () => ["x".repeat(1_000)]),
    );
    const read = run(async (context) => {
      context.workbook.tables.getItem("Big").getDataBodyRange().load("values");
      await context.sync();
    });
    expect(await codeOf(read)).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("shows one empty body row in a table with no rows, counts no rows, and fills that row first", async () => {
    const { model, run } = workbook();
    model.addTable({ sheet: "Sheet1", name: "Empty", headers: ["Id", "Amount"] });
    await run(async (context) => {
      const table = context.workbook.tables.getItem("Empty");
      const rows = table.rows.load("count");
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      expect([rows.count, body.values]).toEqual([0, [["", ""]]]);
      table.rows.add(undefined, [["a", 1]]);
      await context.sync();
    });
    expect(model.tableValues("Empty")).toEqual([["a", 1]]);
    expect(model.tablePosition("Empty")).toEqual({ top: 0, left: 0, width: 2, rowCount: 1 });
  });

  it("refuses to add or delete rows of a filtered table", async () => {
    const { model, run } = workbook();
    model.addTable({ sheet: "Sheet1", name: "Lines", headers: ["Id"], rows: [["a"], ["b"]] });
    model.filterTable("Lines");
    const add = run(async (context) => {
      context.workbook.tables.getItem("Lines").rows.add();
      await context.sync();
    });
    const remove = run(async (context) => {
      context.workbook.tables.getItem("Lines").rows.getItemAt(0).delete();
      await context.sync();
    });
    expect([await codeOf(add), await codeOf(remove)]).toEqual(["InsertDeleteConflict", "InsertDeleteConflict"]);
  });

  it.each([
    [true, '=[@Id]&"!"'],
    [false, ""],
  ])(
    "with Fill formulas %s, fills a formula typed into a table column into the rest and new rows",
    async (fill, filled) => {
      const { model, run } = workbook();
      model.fillFormulas = fill;
      model.addTable({
        sheet: "Sheet1",
        name: "Lines",
        headers: ["Id", "Shout"],
        rows: [
          ["a", ""],
          ["b", ""],
        ],
      });
      await run(async (context) => {
        const table = context.workbook.tables.getItem("Lines");
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").formulas = [['=[@Id]&"!"']];
        table.rows.add();
        await context.sync();
      });
      expect(model.column("Lines", "Shout").map((cell) => cell.formula ?? "")).toEqual(['=[@Id]&"!"', filled, filled]);
    },
  );

  it("refuses changes on a protected sheet, and new sheets in a workbook whose structure is protected", async () => {
    const { model, run } = workbook();
    model.protectSheet("Sheet1");
    const write = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(await codeOf(write)).toBe("AccessDenied");
    model.workbookProtected = true;
    const add = run(async (context) => {
      context.workbook.worksheets.add("More");
      await context.sync();
    });
    expect(await codeOf(add)).toBe("AccessDenied");
    expect(model.sheetNames()).toEqual(["Sheet1"]);
  });

  it("refuses a table name a defined name holds: one name space", async () => {
    const { model, run } = workbook();
    model.addDefinedName("Scoring");
    const make = run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["Question"]];
      sheet.tables.add(sheet.getRange("A1"), true).name = "scoring";
      await context.sync();
    });
    expect(await codeOf(make)).toBe("InvalidArgument");
    expect(model.tableNames()).toEqual(["Table1"]);
  });
});
