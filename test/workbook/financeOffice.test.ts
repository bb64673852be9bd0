// Writing the Finance sheet through the Office.js workbook, against test/support/excelModel.ts (a model of Excel
// as Microsoft's documentation describes it): the Budgets table when the workbook has none, then the sheet's
// formulas, formats and native chart; nothing of the user's overwritten — a sheet of theirs called Finance or
// Budgets, a Budgets table of their own, a defined name Budgets.
import { ExcelModel, Operation, Value } from "../support/excelModel";
import { FIXTURE_PLANS, planRow, serial, AS_AT, YEAR_START } from "../support/financeWorkbook";
import { Decimal } from "../../src/engine";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { WorkbookRefusal } from "../../src/workbook/port";
import { financeLayout, financeSheet as financeSheetSpec } from "../../src/workbook/reports/finance";
import { fixed, quoted } from "../../src/workbook/reports/finance/sheetCells";
import { readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import { readFinanceSheetInputs } from "../../src/workbook/reports/finance/sheetInputs";
import { DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from "../../src/workbook/schema/columns";
import { cellsOf, columnWrites, fieldsOf, WorkbookProblem } from "../../src/workbook/schema/rows";
import { PEOPLE, PLAN_LINES, PLANS, SERVICES } from "../../src/workbook/schema/tables";

const DATES = { asAt: AS_AT, yearStart: YEAR_START };
const headersOf = (columns: readonly { header: string }[]) => columns.map((column) => column.header);
const stored = (cells: readonly (string | number | boolean | null)[]): Value[] => cells.map((cell) => cell ?? "");

/**
 * A workbook as a council might have it: Plans, PlanLines, People and Services, and whatever `setUp` adds.
 * `leaveOut`: Plans columns an older workbook lacks.
 */
function councilWorkbook(setUp: (model: ExcelModel) => void = () => undefined, leaveOut: readonly string[] = []) {
  const model = new ExcelModel();
  const table = (name: string, headers: readonly string[], rows: Value[][], formats?: readonly string[]) => {
    model.addSheet(name);
    model.addTable({ sheet: name, name, headers, rows, formats });
  };
  const plans = FIXTURE_PLANS.slice(0, 3);
  const kept = columnWrites(PLANS).flatMap((column, at) => (leaveOut.includes(column.header) ? [] : [{ column, at }]));
  table(
    PLANS.name,
    kept.map(({ column }) => column.header),
    plans.map((plan) => {
      const cells = stored(cellsOf(PLANS, planRow(plan), fieldsOf(PLANS)));
      return kept.map(({ at }) => cells[at]);
    }),
    kept.map(({ column }) => column.numberFormat),
  );
  table(
    PLAN_LINES.name,
    headersOf(columnWrites(PLAN_LINES)),
    plans.flatMap((plan) =>
      plan.lines.map(([service, unit, quantity, unitCost, frequency, managedAs], at) => [
        plan.planId,
        at + 1,
        service,
        unit,
        quantity,
        unitCost,
        frequency,
        1, // staff at once
        managedAs,
        quantity * unitCost * (frequency === "once" ? 1 : 52),
      ]),
    ),
  );
  table(
    PEOPLE.name,
    ["Person ID", "Name", "Care group", "Points", "Indicative budget"],
    [
      ["P001", "Margaret Ellis", "Older people", 36, 6200],
      ["P008", "Tom Lewandowski", "Mental health", 30, 5840],
      ["P021", "Ada Byrne", "Autism", 20, 3000],
    ],
  );
  table(SERVICES.name, headersOf(columnWrites(SERVICES)), [
    ["Personal assistant", "hour", 19.55, "week", "Direct payment"],
  ]);
  setUp(model);
  return { model, workbook: new OfficeWorkbook(model.run) };
}

const writes = (model: ExcelModel): Operation[] => model.applied.filter((operation) => operation.write);

async function write(workbook: OfficeWorkbook) {
  return writeFinanceSheet(workbook, await readFinanceBook(workbook), DATES);
}

/** Every Table[Column] a formula names is a column of that table. */
function unknownColumns(model: ExcelModel, formulas: readonly string[]): string[] {
  return formulas.flatMap((formula) =>
    [...formula.replace(/"[^"]*"/g, "").matchAll(/([A-Za-z]+)\[([^\]@#[]+)\]/g)]
      .filter(([, table, column]) => !model.tableCells(table).headers.some((header) => header === column))
      .map(([reference]) => reference),
  );
}

describe("writing the Finance sheet through Office.js", () => {
  it("adds the Budgets table first, a row per care group for the council to fill in, then the sheet", async () => {
    const { model, workbook } = councilWorkbook();
    expect(await write(workbook)).toEqual({ sheet: "Finance", budgets: { table: "Budgets", sheet: "Budgets" } });
    // Care groups from People, then Plans: none of them has a budget yet.
    expect(model.tableCells("Budgets").headers).toEqual(["Care group", "Annual budget"]);
    expect(model.tableValues("Budgets")).toEqual([
      ["Older people", ""],
      ["Mental health", ""],
      ["Autism", ""],
    ]);
    expect(model.column("Budgets", "Annual budget")[0].format).toBe(MONEY_FORMAT);
    // Payments too, which the outturn block reads: added empty.
    expect(model.sheetNames()).toEqual(["Plans", "PlanLines", "People", "Services", "Payments", "Budgets", "Finance"]);
  });

  it("writes the inputs as dates, the figures as formulas over the tables, with formats, and the chart", async () => {
    const { model, workbook } = councilWorkbook();
    await write(workbook);
    const layout = financeLayout({
      careGroups: ["Older people", "Mental health", "Autism"],
      services: [
        "Personal assistant",
        "Home care (regulated agency)",
        "Equipment: riser recliner chair",
        "Supported community activities",
      ],
    });
    expect(model.cell("Finance", "A1")).toMatchObject({
      value: "Personal budgets: commitment and forecast",
      bold: true,
    });
    // The as-at date and the year's first day are dates (serials with a date format), not text.
    expect(model.cell("Finance", "B5")).toMatchObject({ value: serial(AS_AT), format: DATE_FORMAT });
    expect(model.cell("Finance", "B6")).toMatchObject({ value: serial(YEAR_START), format: DATE_FORMAT });
    expect(model.cell("Finance", "B7").formula).toBe("=DATE(YEAR(B6)+1,MONTH(B6),DAY(B6))-1");
    // A finance officer clicking the Older people direct payments sees a formula over Plans, not a number: the plans
    // flagged as in the commitment under Each plan, at the foot of the sheet.
    const older = layout.fullYear.first + 1;
    const spill = (column: string) => `$${column}$${layout.plans.first + 1}#`;
    expect(model.cell("Finance", `B${older}`)).toMatchObject({
      formula: `=SUMIFS(Plans[Direct payment (annual)],${spill("F")},1,Plans[Care group],$A${older})`,
      format: MONEY_FORMAT,
    });
    expect(model.cell("Finance", `I${older}`)).toMatchObject({
      formula: `=IF(G${older}=0,"",F${older}/G${older})`,
      format: PERCENT_FORMAT,
    });
    // The in-year commitment adds up each plan's in-year amount, PB.IN_YEAR_COST spilled on its own (office-js#3286:
    // SUMPRODUCT over a custom function's result fails in Excel on the web).
    const inYear = layout.inYear.first + 1;
    expect(model.cell("Finance", `B${inYear}`).formula).toBe(
      `=SUMIFS(${spill("I")},${spill("F")},1,Plans[Care group],$A${inYear})`,
    );
    expect(model.cell("Finance", `I${layout.plans.first + 1}`)).toMatchObject({
      formula: "=PB.IN_YEAR_COST(Plans[Direct payment (annual)],Plans[Start date],Plans[End date],$B$9,$B$7)",
      format: MONEY_FORMAT,
    });
    // Every structured reference on the sheet names a column its table has.
    const formulas = Array.from({ length: layout.plans.first + 1 }, (_, row) =>
      Array.from(
        { length: 14 },
        (_, column) => model.cell("Finance", `${String.fromCharCode(65 + column)}${row + 1}`).formula,
      ),
    )
      .flat()
      .filter((formula): formula is string => formula !== undefined);
    expect(formulas.length).toBeGreaterThan(200);
    expect(unknownColumns(model, formulas)).toEqual([]);
    // No custom function inside an aggregate: each PB call is a formula of its own, spilling a row per plan.
    const alone = (formula: string) => formula.startsWith("=PB.IN_YEAR_COST(") && !formula.includes("PB.", 4);
    expect(formulas.filter((formula) => formula.includes("PB.") && !alone(formula))).toEqual([]);
    expect(formulas.filter((formula) => formula.includes("PB."))).toHaveLength(3);
    // The chart: each year's forecast against the budget, clustered columns, from the block below the forecast.
    const source = layout.chartSource;
    expect(model.charts("Finance").filter((chart) => chart.name !== "OutturnAgainstBudget")).toEqual([
      {
        type: "ColumnClustered",
        source: `Finance!A${source.title + 1}:C${source.last + 1}`,
        seriesBy: "Columns",
        name: "ForecastAgainstBudget",
        title: "Forecast commitment against budget",
        position: { start: `E${source.title + 1}`, end: `J${source.title + 16}` },
        categoryAxisTitle: "Financial year",
        valueAxisTitle: "£ a year",
      },
    ]);
    expect(model.columnWidth("Finance", 0)).toBe(44 * 7);
  });

  it("keeps a sheet of the user's called Finance, and one called Budgets, writing beside them", async () => {
    const { model, workbook } = councilWorkbook((m) => {
      m.addSheet("Finance");
      m.addSheet("Budgets");
    });
    await model.run(async (context) => {
      context.workbook.worksheets.getItem("Finance").getRange("A1").values = [["My own notes"]];
      await context.sync();
    });
    expect(await write(workbook)).toEqual({
      sheet: "Finance (2)",
      budgets: { table: "Budgets", sheet: "Budgets (2)" },
    });
    expect(model.cell("Finance", "A1").value).toBe("My own notes");
    expect(model.cell("Finance (2)", "A1").value).toBe("Personal budgets: commitment and forecast");
    expect(model.tableCells("Budgets").sheet).toBe("Budgets (2)");
  });

  it("reads back the inputs of its own sheet as typed over, not a sheet of the user's called Finance", async () => {
    const { model, workbook } = councilWorkbook((m) => m.addSheet("Finance"));
    expect(await readFinanceSheetInputs(workbook)).toBeNull();
    await write(workbook);
    // A finance officer types 5% growth for all care groups over B12, and 1 November as at.
    await model.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Finance (2)");
      sheet.getRange("B12").values = [[0.05]];
      sheet.getRange("B5").values = [[serial("2026-11-01")]];
      await context.sync();
    });
    const inputs = await readFinanceSheetInputs(workbook);
    expect(inputs).toMatchObject({
      sheet: "Finance (2)",
      asAt: { iso: "2026-11-01", cell: "B5" },
      yearStart: { iso: YEAR_START, cell: "B6" },
      problems: [],
    });
    expect([inputs!.all.growth?.value.toString(), inputs!.all.growth?.cell]).toEqual(["0.05", "B12"]);
    expect([inputs!.all.inflation?.value.toString(), inputs!.all.inflation?.cell]).toEqual(["0.04", "C12"]);
  });

  it("uses a Budgets table the user already has, and changes nothing in it", async () => {
    const { model, workbook } = councilWorkbook((m) => {
      m.addSheet("Money");
      m.addTable({
        sheet: "Money",
        name: "budgets",
        headers: ["Care group", "Annual budget", "Note"],
        rows: [["Older people", 65_000, "agreed by members"]],
      });
    });
    const before = JSON.stringify(model.tableCells("budgets"));
    expect(await write(workbook)).toEqual({ sheet: "Finance", budgets: null });
    expect(JSON.stringify(model.tableCells("budgets"))).toBe(before);
    expect(model.sheetNames()).not.toContain("Budgets");
  });

  it.each<[string, (model: ExcelModel) => void, string]>([
    [
      "a defined name called Budgets",
      (m) => m.addDefinedName("Budgets"),
      "The workbook already uses the name Budgets for something other than a table, so the Budgets table cannot " +
        "take it. Rename or delete it in Formulas › Name Manager and try again; nothing was written.",
    ],
    [
      "a Budgets table without the columns the sheet reads",
      (m) => {
        m.addSheet("Money");
        m.addTable({ sheet: "Money", name: "Budgets", headers: ["Group", "Amount"], rows: [["Older people", 1]] });
      },
      'The Budgets table is missing the columns "Care group", "Annual budget".',
    ],
  ])("refuses, writing nothing, beside %s", async (_, setUp, message) => {
    const { model, workbook } = councilWorkbook(setUp);
    const sheets = model.sheetNames();
    const book = await readFinanceBook(workbook);
    const refused = await writeFinanceSheet(workbook, book, DATES).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkbookProblem);
    expect((refused as Error).message).toBe(message);
    expect(model.sheetNames()).toEqual(sheets);
    expect(writes(model)).toEqual([]);
  });

  it("refuses, writing nothing, while Plans lacks the date columns the formulas name", async () => {
    const { model, workbook } = councilWorkbook(undefined, ["Start date", "End date", "Review date"]);
    const refused = await readFinanceBook(workbook).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkbookProblem);
    expect((refused as Error).message).toBe(
      "The Plans table has no Start date, End date columns, which the finance figures need: open any plan in the " +
        "Support plan view and save it, and the columns are added.",
    );
    expect(writes(model)).toEqual([]);
  });

  it("removes the Finance sheet again when Excel fails on its chart, keeping the Budgets table it added", async () => {
    const { model, workbook } = councilWorkbook();
    model.failWhen((operation) => operation.object === "Chart" && operation.member === "setPosition");
    const refused = await write(workbook).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkbookRefusal);
    expect((refused as Error).message).toContain("(Finance) were removed again");
    expect((refused as Error).message).toContain(
      "The Budgets table added before it, on the sheet Budgets, is kept: writing the Finance sheet again uses it.",
    );
    expect(model.sheetNames()).not.toContain("Finance");
    expect(model.tableNames()).toContain("Budgets");
  });
});

describe("writing the Finance sheet after the workbook changed, or Excel failed", () => {
  const refused = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: Error) => error,
    );

  it("refuses, writing nothing, when a table it reads was renamed since the figures were read", async () => {
    const again = "nothing was written. Refresh, and set up the workbook if need be.";
    for (const [tables, message] of [
      [["People"], `The workbook no longer has the People table; ${again}`],
      [["PlanLines", "People"], `The workbook no longer has the PlanLines, People tables; ${again}`],
    ] as const) {
      const { model, workbook } = councilWorkbook();
      const book = await readFinanceBook(workbook);
      for (const table of tables) model.renameTable(model.table(table), `Old${table}`);
      const error = await refused(writeFinanceSheet(workbook, book, DATES));
      expect([error?.constructor, error?.message]).toEqual([WorkbookProblem, message]);
      expect(writes(model)).toEqual([]);
    }
  });

  it("refuses, writing nothing, without an as-at date or a year's first day, naming which", async () => {
    const { model, workbook } = councilWorkbook();
    const book = await readFinanceBook(workbook);
    const message = async (dates: { asAt: string; yearStart: string }) =>
      (await refused(writeFinanceSheet(workbook, book, dates)))?.message;
    expect(await message({ asAt: "", yearStart: YEAR_START })).toBe("As at is blank: give a date");
    expect(await message({ asAt: AS_AT, yearStart: "" })).toBe("Financial year starts is blank: give a date");
    expect(writes(model)).toEqual([]);
  });

  it("writes beside a filtered Plans table that has every column the sheet reads, changing nothing in it", async () => {
    // Excel refuses to change a filtered table: a Plans table with its Weekly charge column needs no change.
    const { model, workbook } = councilWorkbook((m) => m.filterTable("Plans"));
    const before = JSON.stringify(model.tableCells("Plans"));
    expect(await write(workbook)).toEqual({ sheet: "Finance", budgets: { table: "Budgets", sheet: "Budgets" } });
    expect(JSON.stringify(model.tableCells("Plans"))).toBe(before);
  });

  it("formats the rows under Each plan for the plans Plans has and 200 more, as money", async () => {
    const { model, workbook } = councilWorkbook();
    const book = await readFinanceBook(workbook);
    await writeFinanceSheet(workbook, book, DATES);
    const layout = financeLayout(book);
    // 203 rows from the formulas' row (3 plans + 200): the last formatted is 202 rows below it.
    const inYear = (below: number) => model.cell("Finance", `I${layout.plans.first + 1 + below}`).format;
    expect([inYear(0), inYear(202)]).toEqual([MONEY_FORMAT, MONEY_FORMAT]);
    expect(inYear(203)).not.toBe(MONEY_FORMAT);
  });

  it("passes on Excel's refusal as it is when the workbook already had its Budgets table", async () => {
    const { model, workbook } = councilWorkbook((m) => {
      m.addSheet("Money");
      m.addTable({ sheet: "Money", name: "Budgets", headers: ["Care group", "Annual budget"], rows: [] });
    });
    model.failWhen((operation) => operation.object === "Chart" && operation.member === "setPosition");
    const error = await refused(write(workbook));
    expect(error).toBeInstanceOf(WorkbookRefusal);
    expect(error?.message).toMatch(
      /^Excel stopped part-way: .+\. The sheets it had added \(Finance\) were removed again, so the workbook is as it was\. Try again\.$/,
    );
  });
});

describe("reading back the inputs of the add-in's Finance sheet", () => {
  const TITLE = "Personal budgets: commitment and forecast";
  const LAST_DAY = 2_958_465; // 9999-12-31

  /** A workbook of sheets, each given as its rows from A1 (columns A–C). */
  async function sheets(book: Record<string, Value[][]>) {
    const model = new ExcelModel();
    for (const name of Object.keys(book)) model.addSheet(name);
    await model.run(async (context) => {
      for (const [name, rows] of Object.entries(book)) {
        const range = context.workbook.worksheets.getItem(name).getRangeByIndexes(0, 0, rows.length, 3);
        range.values = rows.map((row) => [...row, "", "", ""].slice(0, 3));
      }
      await context.sync();
    });
    return readFinanceSheetInputs(new OfficeWorkbook(model.run));
  }

  /** A Finance sheet: the title, the two dates, then the assumptions from row 5 (rates in B and C). */
  const financeSheet = (asAt: Value, yearStart: Value, assumptions: Value[][] = []): Value[][] => [
    [TITLE],
    ["As at", asAt],
    ["Financial year starts", yearStart],
    [],
    ["Forecast assumptions, a year", "Growth in people", "Price inflation"],
    ...assumptions,
  ];
  const rate = (value: string, cell: string) => ({ value: new Decimal(value), cell });

  it("reads the highest-numbered Finance sheet whose A1 is the add-in's title, by number not by name", async () => {
    const dated = (day: string) => financeSheet(serial(day), serial(YEAR_START));
    const read = await sheets({
      Finance: dated("2026-06-01"),
      "Finance (12)": dated("2026-12-01"),
      "Finance (3)": dated("2026-03-01"),
      "Finance (20)": [["My own notes"]],
    });
    expect([read?.sheet, read?.asAt]).toEqual(["Finance (12)", { iso: "2026-12-01", cell: "B2" }]);
    expect((await sheets({ Finance: dated("2026-06-01"), "finance (2) ": dated("2026-07-01") }))?.sheet).toBe(
      "finance (2) ",
    );
  });

  it.each(["Summary", "Old Finance (3)", "Finance (3) old", "Finance 3"])(
    "does not read a sheet called %s, even with the title in A1",
    async (name) => {
      expect(await sheets({ [name]: financeSheet(serial(AS_AT), serial(YEAR_START)) })).toBeNull();
    },
  );

  it("takes a date from the first day Excel has to its last, its time of day dropped", async () => {
    expect(await sheets({ Finance: financeSheet(1, LAST_DAY + 0.75) })).toMatchObject({
      asAt: { iso: "1900-01-01", cell: "B2" },
      yearStart: { iso: "9999-12-31", cell: "B3" },
      problems: [],
    });
  });

  it.each<[Value, string]>([
    [0.5, "0.5"],
    [LAST_DAY + 1, "2958466"],
    ["next Monday", '"next Monday"'],
    [true, "TRUE"],
    ["", "a blank cell"],
  ])("names the cell that holds %p instead of a date", async (value, described) => {
    expect(await sheets({ Finance: financeSheet(value, value) })).toMatchObject({
      asAt: null,
      yearStart: null,
      problems: [
        `The Finance sheet's As at (B2) holds ${described}, not a date.`,
        `The Finance sheet's Financial year starts (B3) holds ${described}, not a date.`,
      ],
    });
  });

  it("leaves out, without a problem, an input whose label is not in column A", async () => {
    const read = await sheets({ Finance: [[TITLE], ["Financial year starts", serial(YEAR_START)]] });
    expect(read).toEqual({
      sheet: "Finance",
      asAt: null,
      yearStart: { iso: YEAR_START, cell: "B2" },
      all: { growth: null, inflation: null },
      own: [],
      problems: [],
    });
  });

  it("reads the rates only below the assumptions' title, not an All care groups row above it", async () => {
    const above = [[TITLE], ["All care groups", 0.9, 0.9], ["Forecast assumptions, a year"]];
    expect((await sheets({ Finance: above }))?.all).toEqual({ growth: null, inflation: null });
    const noTitle = [[TITLE], [], ["All care groups", 0.9, 0.9]];
    expect((await sheets({ Finance: noTitle }))?.all).toEqual({ growth: null, inflation: null });
  });

  it("keeps a care group's own rates where they differ from all care groups', up to the first blank", async () => {
    const read = await sheets({
      Finance: financeSheet(serial(AS_AT), serial(YEAR_START), [
        ["All care groups", 0.05, 0.04],
        ["Older people", 0.05, 0.06],
        ["Autism", 0.07, 0.04],
        ["Mental health", 0.05, 0.04],
        ["Learning disability", 0.1, 0.1],
        ["Physical support", "", ""],
        ["Sensory support", 0.2, 0.2],
      ]),
    });
    expect(read?.all).toEqual({ growth: rate("0.05", "B6"), inflation: rate("0.04", "C6") });
    expect(read?.own).toEqual([
      { careGroup: "Older people", growth: undefined, inflation: rate("0.06", "C7") },
      { careGroup: "Autism", growth: rate("0.07", "B8"), inflation: undefined },
      { careGroup: "Learning disability", growth: rate("0.1", "B10"), inflation: rate("0.1", "C10") },
    ]);
    expect(read?.problems).toEqual([]);
  });

  it("names each rate cell not a number, keeping a care group's rate where all care groups' is not one", async () => {
    const read = await sheets({
      Finance: financeSheet(serial(AS_AT), serial(YEAR_START), [
        ["All care groups", "five", "none"],
        ["Older people", 0.05, "lots"],
        ["Autism", "few", 0.04],
      ]),
    });
    expect(read?.all).toEqual({ growth: null, inflation: null });
    expect(read?.own).toEqual([
      { careGroup: "Older people", growth: rate("0.05", "B7"), inflation: undefined },
      { careGroup: "Autism", growth: undefined, inflation: rate("0.04", "C8") },
    ]);
    expect(read?.problems).toEqual([
      `The Finance sheet's All care groups' growth in people (B6) holds "five", not a rate.`,
      `The Finance sheet's All care groups' price inflation (C6) holds "none", not a rate.`,
      `The Finance sheet's Older people price inflation (C7) holds "lots", not a rate.`,
      `The Finance sheet's Autism growth in people (B8) holds "few", not a rate.`,
    ]);
  });

  it("reads care groups down to the last row it reads (200)", async () => {
    const groups = Array.from({ length: 194 }, (_, at): Value[] => [`Group ${at + 1}`, 0.01, 0.04]);
    const read = await sheets({
      Finance: financeSheet(serial(AS_AT), serial(YEAR_START), [["All care groups", 0.05, 0.04], ...groups]),
    });
    expect(read?.own).toHaveLength(194);
    expect(read?.own[193]).toEqual({ careGroup: "Group 194", growth: rate("0.01", "B200"), inflation: undefined });
  });
});

describe("reading the finance figures' tables through Office.js", () => {
  /** The council's workbook with People replaced by a table of these columns and rows. */
  const withPeople = (headers: readonly string[], rows: Value[][]) =>
    councilWorkbook((m) => {
      m.deleteSheet(m.sheet(PEOPLE.sheet));
      m.addSheet(PEOPLE.sheet);
      m.addTable({ sheet: PEOPLE.sheet, name: PEOPLE.name, headers, rows });
    });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "no problem",
      (error: Error) => error.message,
    );

  it("names the one table missing, or each of several", async () => {
    const renamed = (...tables: string[]) =>
      councilWorkbook((m) => tables.forEach((table) => m.renameTable(m.table(table), `Old${table}`))).workbook;
    const help = 'Use "Set up workbook" in the Support plan view to add what is missing; nothing you have is changed.';
    expect(await refusal(readFinanceBook(renamed("People")))).toBe(`The workbook has no People table. ${help}`);
    expect(await refusal(readFinanceBook(renamed("PlanLines", "People")))).toBe(
      `The workbook has no PlanLines, People tables. ${help}`,
    );
  });

  it("names a PlanLines row it cannot read, by its row, as left out of the spending by service", async () => {
    const { workbook } = councilWorkbook((m) =>
      m.seedRows(PLAN_LINES.name, [["PLAN-0003", 2, "Day centre", "day", 1, 45, "week", 1, "Council-managed", -5]]),
    );
    // The three plans have six lines; the seventh is the one added.
    expect((await readFinanceBook(workbook)).warnings).toEqual([
      "PlanLines table row 7 is left out of the spending by service: Annual cost: expected an amount in £, 0 or " +
        "more; got -5.",
    ]);
  });

  it("takes each person with a care group, trimmed; an indicative budget only while a number, 0 or more", async () => {
    const { workbook } = withPeople(
      ["Person ID", "Care group", "Indicative budget"],
      [
        ["P001", " Older people ", 6200],
        ["P002", "Autism", 0],
        ["P003", "Autism", -1],
        ["P004", "Mental health", "6200"], // text: an assessment in progress, not a budget
        ["P005", "", 4000], // no care group yet: not counted
      ],
    );
    const people = (await readFinanceBook(workbook)).people;
    expect(people.map(({ careGroup, indicative }) => [careGroup, indicative?.toFixed(2) ?? null])).toEqual([
      ["Older people", "6200.00"],
      ["Autism", "0.00"],
      ["Autism", null],
      ["Mental health", null],
    ]);
  });

  it("refuses, naming it, a People table without the Indicative budget column", async () => {
    const { workbook } = withPeople(["Person ID", "Care group"], [["P001", "Older people"]]);
    expect(await refusal(readFinanceBook(workbook))).toBe(
      'The People table is missing the column "Indicative budget".',
    );
  });

  it("puts the price table's care groups first when several; one for everyone, or unreadable, adds none", async () => {
    const priced = (headers: string[], rows: Value[][]) =>
      councilWorkbook((m) => {
        m.addSheet("PricePoints");
        m.addTable({ sheet: "PricePoints", name: "PricePoints", headers, rows });
      }).workbook;
    // People's care groups, then Plans' (Older people and Mental health are both).
    const fromTables = ["Older people", "Mental health", "Autism"];
    const several = priced(["Points", "Physical disability", "Autism"], [[0, 100, 120]]);
    expect((await readFinanceBook(several)).careGroups).toEqual([
      "Physical disability",
      "Autism",
      ...fromTables.slice(0, 2),
    ]);
    const everyone = priced(["Points", "Everyone"], [[0, 100]]);
    expect((await readFinanceBook(everyone)).careGroups).toEqual(fromTables);
    // A single £ a point for everyone (a linear RAS) names no care group either.
    const linear = priced(["150"], []);
    expect((await readFinanceBook(linear)).careGroups).toEqual(fromTables);
    // A first column mixing points and names: the Support plan view says what is wrong; the figures still read.
    const unreadable = priced(
      ["Points", "Physical disability", "Autism"],
      [
        [0, 100, 120],
        ["high", 200, 220],
      ],
    );
    expect((await readFinanceBook(unreadable)).careGroups).toEqual(fromTables);
  });

  it("takes the services from PlanLines alone when the workbook has no Services table", async () => {
    const { workbook } = councilWorkbook((m) => m.deleteSheet(m.sheet(SERVICES.sheet)));
    expect((await readFinanceBook(workbook)).services).toEqual([
      "Personal assistant",
      "Home care (regulated agency)",
      "Equipment: riser recliner chair",
      "Supported community activities",
    ]);
  });

  it("knows whether the workbook has a Budgets table: not before the sheet adds one, then so", async () => {
    const { workbook } = councilWorkbook();
    expect((await readFinanceBook(workbook)).hasBudgets).toBe(false);
    await write(workbook);
    expect((await readFinanceBook(workbook)).hasBudgets).toBe(true);
  });
});

describe("the Finance sheet's layout", () => {
  it("puts each block below the last, one blank row apart, and the outturn below the forecast's chart", () => {
    // Two care groups (so four rows a block: the two, Other care groups, All care groups) and three services.
    const layout = financeLayout({ careGroups: ["Older people", "Autism"], services: ["PA", "Day care", "Meals"] });
    expect(layout).toMatchObject({
      assumptions: { title: 10, header: 10, first: 11, last: 13 }, // all care groups, then each
      sections: { commitment: 16, inYear: 40 },
      people: { title: 17, header: 18, first: 19, last: 22 },
      fullYear: { title: 24, header: 25, first: 26, last: 29 },
      check: { row: 31, column: 1 },
      contributions: { title: 33, header: 34, first: 35, last: 38 },
      inYear: { title: 41, header: 42, first: 43, last: 46 },
      pipeline: { title: 48, header: 49, first: 50, last: 53 },
      startingLater: { title: 55, header: 56, first: 57, last: 60 },
      serviceTotals: { title: 62, header: 63, first: 64, last: 66 },
      services: { title: 68, header: 69, first: 70, last: 74 },
      indicative: { title: 76, header: 77, first: 78, last: 81 },
      forecast: { title: 83, header: 84, first: 85, last: 88 },
      // This year and three more, under the chart's title; the chart's 16 rows reach row 106.
      chartSource: { title: 90, header: 90, first: 91, last: 94 },
      outturn: { at: { row: 107, column: 0 }, months: { header: 121 }, foot: { header: 139, first: 140 } },
      // Each plan's figures at the outturn's foot, titled in the row above its headings.
      plans: { title: 138, header: 139, first: 140, last: 140 },
    });
  });

  // Two care groups and three services, as above: services ranked in rows 70-72 (Excel's 71-73), Other services in 73,
  // All services in 74; the indicative block's care groups in 78-80, All care groups in 81.
  // Built in each test, not when the file loads, so mutation testing sees which test reached the spec.
  const spec = () =>
    financeSheetSpec({
      name: "Finance",
      asAt: serial(AS_AT),
      yearStart: serial(YEAR_START),
      careGroups: ["Older people", "Autism"],
      services: ["PA", "Day care", "Meals"],
    });
  const row = (at: number, sheet = spec()) =>
    sheet.cells.filter((cell) => cell.row === at).sort((a, b) => a.column - b.column);
  const headings = (at: number, names: string[]) =>
    names.map((value, column) => ({ row: at, column, value, bold: true }));
  const money = "£#,##0.00";
  const inCommitment = "COUNTIFS(Plans[Plan ID],PlanLines[Plan ID],$F$141#,1)";
  const byWay = (way: string) =>
    `=ROUND(SUMPRODUCT(PlanLines[Annual cost]*(PlanLines[Managed as]="${way}")*${inCommitment}),2)`;

  it("titles the spending blocks and heads their columns in bold", () => {
    const ways = ["Direct payment", "Council-managed", "Individual Service Fund"];
    const title = (at: number, value: string) => [{ row: at, column: 0, value, bold: true }];
    expect(row(62)).toEqual(
      title(62, "Agreed plans' lines by service, in the catalogue's order, with each one's rank"),
    );
    expect(row(63)).toEqual(headings(63, ["Service", "Annual commitment", ...ways, "Rank"]));
    expect(row(68)).toEqual(
      title(68, "What people spend their budgets on: Agreed plans' lines by service, largest first"),
    );
    expect(row(69)).toEqual(headings(69, ["Service", "Annual commitment", "Share", ...ways]));
    expect(row(76)).toEqual(title(76, "Indicative budgets against plans: what the RAS commits, what plans commit"));
  });

  it("puts Other services as all less those ranked, and All services in bold", () => {
    expect(row(73).slice(0, 2)).toEqual([
      { row: 73, column: 0, value: "Other services" },
      { row: 73, column: 1, formula: "=ROUND(B75-SUM(B71:B73),2)", numberFormat: money },
    ]);
    expect(row(74)).toEqual([
      { row: 74, column: 0, value: "All services", bold: true },
      {
        row: 74,
        column: 1,
        formula: `=ROUND(SUMPRODUCT(PlanLines[Annual cost]*${inCommitment}),2)`,
        numberFormat: money,
        bold: true,
      },
      { row: 74, column: 2, formula: '=IF($B$75=0,"",B75/$B$75)', numberFormat: "0.0%", bold: true },
      { row: 74, column: 3, formula: byWay("Direct payment"), numberFormat: money, bold: true },
      { row: 74, column: 4, formula: byWay("Council-managed"), numberFormat: money, bold: true },
      { row: 74, column: 5, formula: byWay("Individual Service Fund"), numberFormat: money, bold: true },
    ]);
    // With no services listed, Other services is all of them.
    const none = financeSheetSpec({ name: "Finance", asAt: 1, yearStart: 1, careGroups: [], services: [] });
    const other = none.cells.find((cell) => cell.value === "Other services")!.row;
    expect(row(other, none)[1]).toEqual({ row: other, column: 1, formula: `=B${other + 2}`, numberFormat: money });
  });

  it("adds up the care groups above in the All care groups row, in bold, where a figure is a sum", () => {
    expect(row(81).filter((cell) => [0, 5, 6].includes(cell.column))).toEqual([
      { row: 81, column: 0, value: "All care groups", bold: true },
      { row: 81, column: 5, formula: "=SUM(F79:F81)", numberFormat: money, bold: true },
      { row: 81, column: 6, formula: "=SUM(G79:G81)", numberFormat: money, bold: true },
    ]);
    expect(row(80)[0]).toEqual({ row: 80, column: 0, value: "Other care groups" });
  });

  it("writes absolute references past column Z, and text with quotes as an Excel string", () => {
    expect([fixed(0, 0), fixed(9, 27)]).toEqual(["$A$1", "$AB$10"]);
    expect(quoted('Meals "on wheels"')).toBe('"Meals ""on wheels"""');
  });
});
