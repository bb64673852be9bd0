import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { setUpWorkbook } from "../../src/workbook/starter";

const tableOf = (workbook: MemoryWorkbook, name: string) => workbook.allTables().find((table) => table.name === name)!;

describe("Set up workbook", () => {
  it("creates every table on an empty workbook, with the sample data", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const report = await setUpWorkbook(workbook);
    expect(report.created.map((created) => created.table)).toEqual([
      "Scoring",
      "PricePoints",
      "People",
      "Services",
      "Plans",
      "PlanLines",
      "PlanSettings",
      "Budgets",
      "Payments",
    ]);
    expect(report.kept).toEqual([]);
    expect(tableOf(workbook, "Scoring").rows).toHaveLength(12);
    expect(tableOf(workbook, "PricePoints").headers).toEqual([
      "Points from",
      "Older people",
      "Physical disability",
      "Learning disability",
      "Mental health",
    ]);
    expect(tableOf(workbook, "People").rows).toHaveLength(20);
    expect(tableOf(workbook, "Services").rows).toHaveLength(15);
    expect(tableOf(workbook, "Plans").rows).toEqual([]);
    // The weeks in a year in a column of their own, so PlanSettings[Value] stays the two limits (26 §4).
    expect(tableOf(workbook, "PlanSettings").headers).toEqual(["Setting", "Value", "Weeks in a year"]);
    expect(tableOf(workbook, "PlanSettings").rows).toEqual([
      ["Green tolerance", 0.1, 52],
      ["Amber tolerance", 0.5, null],
    ]);
    // Sample budgets beside the starter cohort's indicative budgets (see starter.ts).
    expect(tableOf(workbook, "Budgets").rows).toEqual([
      ["Older people", 65_000],
      ["Physical disability", 35_000],
      ["Learning disability", 50_000],
      ["Mental health", 30_000],
    ]);
  });

  it("gives People live PB formulas with structured references", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const people = tableOf(workbook, "People");
    const first = Object.fromEntries(people.headers.map((header, column) => [header, people.rows[0][column]]));
    expect(first.Points).toBe(
      "=PB.RAS_POINTS(People[@[Personal care]:[Support from family and friends]],Scoring[#All])",
    );
    expect(first["Indicative budget"]).toBe("=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])");
    // The answer columns run from the first question to the last, in the scoring sheet's order.
    const questions = tableOf(workbook, "Scoring").rows.map((row) => row[0]);
    expect(people.headers.slice(3, 15)).toEqual(questions);
  });

  it("run again, creates nothing and changes nothing", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const before = JSON.stringify(workbook.allTables());
    const report = await setUpWorkbook(workbook);
    expect(report.created).toEqual([]);
    expect(report.kept).toHaveLength(9);
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("never reuses a sheet the user has, and keeps the user's own tables as they are", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    workbook.addEmptySheet("People");
    await workbook.addTables([
      {
        sheet: "Our catalogue",
        name: "services",
        columns: ["Service", "Unit", "Unit cost", "Frequency", "Managed as"].map((header) => ({
          header,
          numberFormat: "General",
        })),
        rows: [["Gardening", "hour", 15, "week", "Direct payment"]],
      },
    ]);
    const report = await setUpWorkbook(workbook);
    expect(report.created).toContainEqual({ table: "People", sheet: "People (2)" });
    expect(report.kept).toEqual(["Services"]);
    expect(tableOf(workbook, "services").rows).toEqual([["Gardening", "hour", 15, "week", "Direct payment"]]);
    const { sheets } = await workbook.names();
    expect(sheets.filter((sheet) => sheet.startsWith("People"))).toEqual(["People", "People (2)"]);
  });

  it("refuses, changing nothing, when a defined name holds a starter table's name", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    workbook.addDefinedName("scoring");
    await expect(setUpWorkbook(workbook)).rejects.toThrow(
      "The workbook already uses the name Scoring for something other than a table, so the starter tables cannot " +
        "take them. Rename or delete it in Formulas › Name Manager, then set up again; nothing was changed.",
    );
    expect(workbook.allTables()).toEqual([]);
    // Once the name is gone, set-up makes every table on its own sheet, with no "(2)".
    expect((await workbook.names()).sheets).toEqual([]);
  });

  it("declares text columns as text, money as £ and dates as dates, so Excel keeps what is written", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const formats = (name: string) =>
      Object.fromEntries(tableOf(workbook, name).columns.map((column) => [column.header, column.numberFormat]));
    expect(formats("People")).toMatchObject({ "Person ID": "@", Name: "@", "Indicative budget": "£#,##0.00" });
    expect(formats("Plans")).toMatchObject({
      "Plan ID": "@",
      "Start date": "d mmm yyyy",
      "Plan cost (annual)": "£#,##0.00",
      "Updated at": "d mmm yyyy hh:mm",
    });
    expect(tableOf(workbook, "PlanLines").headers).toEqual([
      "Plan ID",
      "Line",
      "Service",
      "Unit",
      "Quantity",
      "Unit cost",
      "Frequency",
      "Staff at once",
      "Managed as",
      "Annual cost",
    ]);
    expect(formats("Plans")).toMatchObject({
      "Green tolerance": "0.0%",
      "Amber tolerance": "0.0%",
      "Signed off on": "d mmm yyyy",
    });
  });
});
