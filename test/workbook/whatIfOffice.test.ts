// The what-if through the Office.js workbook, against test/support/excelModel.ts (a model of Excel as Microsoft's
// documentation describes it): ProposedPricePoints created on a sheet of its own, the What-if sheet written with its
// formulas, formats and both native charts (ChartCollection.add over fixed source blocks, "Columns" as series), and
// nothing of the user's overwritten: a taken sheet name gets "(2)", a taken table or defined name refuses before
// any write.
import { Decimal, parsePriceTable, proposePriceTable } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { a1Range, CellValue, TEXT_FORMAT, Workbook } from "../../src/workbook/port";
import { MONEY_FORMAT } from "../../src/workbook/schema/columns";
import { CHANGE_PERCENT_FORMAT, whatIfLayout } from "../../src/workbook/reports/whatIf";
import {
  createProposedTable,
  readWhatIfBook,
  whatIfSheetInput,
  whatIfSummary,
  writeWhatIfSheet,
} from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel } from "../support/excelModel";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
/** The starter PricePoints: four bands, lower bounds in "Points from". */
const BANDS = { header: "Points from", count: 4 };

async function excel(setUp: (model: ExcelModel) => void = () => undefined) {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  setUp(model);
  const workbook = new OfficeWorkbook(model.run);
  await setUpWorkbook(workbook);
  return { model, workbook };
}

const writes = (model: ExcelModel) => model.applied.filter((operation) => operation.write);

async function propose(workbook: OfficeWorkbook) {
  const book = await readWhatIfBook(workbook);
  const proposal = proposePriceTable(book.current.grid, {
    kind: "percent",
    percent: new Decimal(5),
    careGroup: "Older people",
  });
  return { book, made: await createProposedTable(workbook, book, proposal) };
}

/** Writes the What-if sheet for the workbook's ProposedPricePoints, as read now. */
async function writeSheet(workbook: OfficeWorkbook) {
  const book = await readWhatIfBook(workbook);
  return writeWhatIfSheet(workbook, book, book.proposals[0]);
}

describe("the what-if through the Office.js workbook", () => {
  it("creates ProposedPricePoints on its own sheet: the current table's copy, changed, prices as money", async () => {
    const { model, workbook } = await excel();
    const { made } = await propose(workbook);
    expect(made).toEqual({ table: "ProposedPricePoints", sheet: "ProposedPricePoints" });
    const table = model.tableCells("ProposedPricePoints");
    expect(table.sheet).toBe("ProposedPricePoints");
    expect(table.headers).toEqual(["Points from", ...CARE_GROUPS]);
    // Older people's 150, 200, 260, 320 × 1.05; the other groups as they were
    expect(model.tableValues("ProposedPricePoints")).toEqual([
      [0, 157.5, 160, 170, 140],
      [20, 210, 215, 230, 190],
      [40, 273, 280, 300, 240],
      [60, 336, 350, 380, 300],
    ]);
    expect(table.rows[0].map((cell) => cell.format)).toEqual(["General", ...CARE_GROUPS.map(() => MONEY_FORMAT)]);
    expect(model.tableValues("PricePoints")[0]).toEqual([0, 150, 160, 170, 140]);
  });

  it("writes the What-if sheet: summary, everyone, rankings and both charts over their fixed blocks", async () => {
    const { model, workbook } = await excel();
    await propose(workbook);
    const book = await readWhatIfBook(workbook);
    const before = model.syncs;
    expect(await writeWhatIfSheet(workbook, book, book.proposals[0])).toEqual({ sheet: "What-if" });
    const layout = whatIfLayout({ careGroups: CARE_GROUPS, bands: BANDS });
    const cell = (address: string) => model.cell("What-if", address);
    expect(cell("A6").formula).toBe(
      "=PB.REPRICE(People[Points],PricePoints[#All],ProposedPricePoints[#All],People[Care group])",
    );
    // The summary's money and percentage columns are formatted where it spills (rows 7 to 12).
    expect([cell("C7").format, cell("E12").format, cell("F7").format]).toEqual([
      MONEY_FORMAT,
      MONEY_FORMAT,
      CHANGE_PERCENT_FORMAT,
    ]);
    // Everyone, from row 16: spilled over People's columns; the change is one spill minus the other, to the penny.
    expect(["A16", "E16", "F16", "G16", "H16"].map((address) => cell(address).formula)).toEqual([
      '=People[Person ID]&""',
      "=PB.INDICATIVE_BUDGET(People[Points],PricePoints[#All],People[Care group])",
      "=PB.INDICATIVE_BUDGET(People[Points],ProposedPricePoints[#All],People[Care group])",
      "=ROUND($F$16#-$E$16#,2)",
      "=SEQUENCE(ROWS(People[Person ID]))",
    ]);
    expect(cell("G16").format).toBe(MONEY_FORMAT);
    expect(cell("A1")).toMatchObject({ value: "Price what-if: the proposed price points against the current ones" });
    expect(cell("A1").bold).toBe(true);
    expect(model.charts("What-if")).toEqual([
      {
        type: "XYScatterLines",
        source: `'What-if'!${a1Range(layout.curve)}`,
        seriesBy: "Columns",
        name: "RAS curves",
        title: "RAS curves, current and proposed",
        position: { start: "Q1", end: "Y18" },
        categoryAxisTitle: "Points",
        valueAxisTitle: "Annual £",
        // £ with thousands separators, not "5.69k"; one colour per care group, current solid, proposed dashed.
        valueAxisFormat: "£#,##0",
        series: [
          ["#005A9E", "Continuous"],
          ["#005A9E", "Dash"],
          ["#C50F1F", "Continuous"],
          ["#C50F1F", "Dash"],
          ["#107C10", "Continuous"],
          ["#107C10", "Dash"],
          ["#8764B8", "Continuous"],
          ["#8764B8", "Dash"],
        ].map(([colour, lineStyle]) => ({
          lineColor: colour,
          lineStyle,
          markerBackgroundColor: colour,
          markerForegroundColor: colour,
        })),
      },
      {
        type: "ColumnClustered",
        source: `'What-if'!${a1Range(layout.distribution)}`,
        seriesBy: "Columns",
        name: "Change distribution",
        title: "People by change in annual budget",
        position: { start: "Q20", end: "Y37" },
        categoryAxisTitle: "Change in annual budget",
        valueAxisTitle: "People",
        // Every band named on its axis, and each bar's count on it.
        valueAxisFormat: "#,##0",
        tickLabelSpacing: 1,
        showValue: true,
        series: [{ fill: "#005A9E" }],
      },
    ]);
    // The curve's source: points at 0, each lower bound of either table and the end (2 × 4 bands + 2 + 4 spare
    // rows), and a spilled budget per care group and table.
    expect(a1Range(layout.curve)).toBe("AA3:AI17");
    expect(cell("AA4").value).toBe(0);
    expect(cell("AD1").formula).toBe(
      '=MAX(MAXIFS(PricePoints[Points from],PricePoints[Points from],">=0"),' +
        'MAXIFS(ProposedPricePoints[Points from],ProposedPricePoints[Points from],">=0"))',
    );
    expect(cell("AA5").formula).toBe(
      "=IF(AA4>=MAX($AB$1,$AD$1),NA(),MIN(MAX($AB$1,$AD$1)," +
        'IF(COUNTIFS(PricePoints[Points from],">"&AA4)=0,MAX($AB$1,$AD$1),' +
        'MINIFS(PricePoints[Points from],PricePoints[Points from],">"&AA4)),' +
        'IF(COUNTIFS(ProposedPricePoints[Points from],">"&AA4)=0,MAX($AB$1,$AD$1),' +
        'MINIFS(ProposedPricePoints[Points from],ProposedPricePoints[Points from],">"&AA4))))',
    );
    expect(cell("AB4").formula).toBe("=PB.INDICATIVE_BUDGET($AA$4:$AA$17,PricePoints[#All],$AB$2)");
    expect(cell("AB2").value).toBe("Older people");
    // One sync to read the names, one for addSheet's checks and one that writes it all.
    expect(model.syncs - before).toBe(3);
  });

  it("gives the sheet the name What-if (2) when a user's What-if sheet is there, and leaves theirs alone", async () => {
    const { model, workbook } = await excel((m) => m.addSheet("What-if"));
    await model.run(async (context) => {
      context.workbook.worksheets.getItem("What-if").getRange("A1").values = [["my own notes"]];
      await context.sync();
    });
    await propose(workbook);
    expect(await writeSheet(workbook)).toEqual({ sheet: "What-if (2)" });
    expect(model.cell("What-if", "A1").value).toBe("my own notes");
    expect(model.charts("What-if")).toEqual([]);
    expect(model.charts("What-if (2)").map((chart) => chart.name)).toEqual(["RAS curves", "Change distribution"]);
  });

  it.each<[string, (model: ExcelModel) => void]>([
    ["a defined name", (m) => m.addDefinedName("ProposedPricePoints")],
    [
      "a user's own table",
      (m) => {
        m.addSheet("Ideas");
        m.addTable({ sheet: "Ideas", name: "ProposedPricePoints", headers: ["Points from", "All"], rows: [[0, 99]] });
      },
    ],
  ])("refuses to make the proposal, writing nothing, when %s is called ProposedPricePoints", async (_, setUp) => {
    const { model, workbook } = await excel(setUp);
    const book = await readWhatIfBook(workbook);
    const written = writes(model).length;
    await expect(
      createProposedTable(workbook, book, proposePriceTable(book.current.grid, { kind: "copy" })),
    ).rejects.toThrow("The workbook already has something called ProposedPricePoints");
    expect(writes(model).length).toBe(written);
  });

  it("writes a large cohort's sheet in one request under Excel on the web's 5 MB limit", async () => {
    const { model, workbook } = await excel();
    // 50,000 people: the sheet's formulas are the same; only the per-person formats grow (capped at 2,000 rows).
    const people = model.tableValues("People");
    const row = people[1];
    model.seedRows(
      "People",
      Array.from({ length: 50_000 - 20 }, (_, at) => [`Q${at}`, ...row.slice(1)]),
    );
    const { book } = await propose(workbook);
    expect(book.cohort).toHaveLength(50_000);
    await writeSheet(workbook);
    expect(model.cell("What-if", "E2015").format).toBe(MONEY_FORMAT);
    expect(model.cell("What-if", "E2016").format).toBe("General");
  });
});

const BANDED: CellValue[][] = [
  ["Points from", "Older people"],
  [0, 100],
  [20, 200],
];

/** Adds PricePoints (bands unless given) and People, of plain values. */
async function addSmallTables(workbook: Workbook, people: CellValue[][], pricePoints: CellValue[][]) {
  const general = (header: CellValue) => ({ header: String(header), numberFormat: "General" });
  await workbook.addTables([
    { name: "PricePoints", sheet: "PricePoints", columns: pricePoints[0].map(general), rows: pricePoints.slice(1) },
    {
      name: "People",
      sheet: "People",
      columns: ["Person ID", "Name", "Care group", "Points"].map(general),
      rows: people,
    },
  ]);
}

/** A workbook of plain values through the Office.js model. */
async function smallExcel(people: CellValue[][], pricePoints: CellValue[][] = BANDED) {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  const workbook = new OfficeWorkbook(model.run);
  await addSmallTables(workbook, people, pricePoints);
  return { model, workbook };
}

/** The same in the in-memory workbook, which reads a blank cell as null where Excel reads "". */
async function smallMemory(people: CellValue[][], pricePoints: CellValue[][] = BANDED) {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await addSmallTables(workbook, people, pricePoints);
  return workbook;
}

describe("reading People and the price tables through the Office.js workbook", () => {
  it("names the one table missing, or both", async () => {
    const { workbook } = await smallExcel([]);
    const noPeople = new OfficeWorkbook(new ExcelModel().run);
    await expect(readWhatIfBook(noPeople)).rejects.toThrow(
      "The workbook has no People and PricePoints tables: the what-if prices the people in People with the price " +
        'points in PricePoints. Use "Set up workbook" in Support plan to add what is missing; nothing you already ' +
        "have is changed.",
    );
    jest.spyOn(workbook, "names").mockResolvedValue({ tables: ["PricePoints"], sheets: [], names: [] } as never);
    await expect(readWhatIfBook(workbook)).rejects.toThrow(
      "The workbook has no People table: the what-if prices the people in People with the price points in " +
        'PricePoints. Use "Set up workbook" in Support plan to add what is missing; nothing you already have is ' +
        "changed.",
    );
  });

  it("asks for a refresh when People goes missing while it is read; a proposal gone by then is left out", async () => {
    const { workbook } = await smallExcel([["P1", "Ann", "Older people", 30]]);
    await createProposedTable(workbook, await readWhatIfBook(workbook), {
      grid: [
        ["Points from", "Older people"],
        [0, 110],
        [20, 220],
      ],
    } as never);
    const readTable = workbook.readTable.bind(workbook);
    const gone = jest.spyOn(workbook, "readTable");
    gone.mockImplementation(async (name) => (name === "ProposedPricePoints" ? null : readTable(name)));
    expect((await readWhatIfBook(workbook)).proposals).toEqual([]);
    gone.mockImplementation(async (name) => (name === "People" ? null : readTable(name)));
    await expect(readWhatIfBook(workbook)).rejects.toThrow("People or PricePoints went missing: refresh.");
  });

  it("names a person with a blank Person ID or Name as blank text, whichever workbook reads it", async () => {
    const people = [
      ["P1", "Ann", "Older people", 30],
      [null, null, "Older people", 10],
    ];
    const named = [
      { personId: "P1", name: "Ann" },
      { personId: "", name: "" },
    ];
    expect((await readWhatIfBook((await smallExcel(people)).workbook)).people).toEqual(named);
    expect((await readWhatIfBook(await smallMemory(people))).people).toEqual(named);
  });

  it("prices in the pane as the sheet does, marginally: each band's points at its own rate", async () => {
    const { workbook } = await smallExcel([["P1", "Ann", "Older people", 30]]);
    const book = await readWhatIfBook(workbook);
    // 20 points at £100 and 10 at £200 is £4,000 (not 30 at £200, £6,000); doubled, £8,000.
    const doubled = parsePriceTable([
      ["Points from", "Older people"],
      [0, 200],
      [20, 400],
    ]);
    const { repricing } = whatIfSummary(book, doubled);
    expect([repricing.current[0], repricing.proposed[0]]).toEqual([4000, 8000]);
  });

  it("makes a proposal named with spaces under its name trimmed; a category table keeps its text", async () => {
    const { model, workbook } = await smallExcel([["P1", "Ann", "Older people", 30]]);
    const book = await readWhatIfBook(workbook);
    const made = await createProposedTable(workbook, book, { grid: book.current.grid } as never, " Lower ");
    expect(made).toEqual({ table: "ProposedPricePoints_Lower", sheet: "Proposal Lower" });
    expect(model.tableCells("ProposedPricePoints_Lower").rows[0].map((cell) => cell.format)).toEqual([
      "General",
      MONEY_FORMAT,
    ]);
    // The bounds column General in the in-memory workbook too (it keeps a format as written).
    const memory = await smallMemory([["P1", "Ann", "Older people", 30]]);
    await createProposedTable(memory, await readWhatIfBook(memory), { grid: book.current.grid } as never);
    const sheet = memory.sheetViews().find((view) => view.name === "ProposedPricePoints")!;
    expect([sheet.cell(1, 0).numberFormat, sheet.cell(1, 1).numberFormat]).toEqual(["General", MONEY_FORMAT]);

    const categories = await smallExcel(
      [["P1", "Ann", "Older people", "Basic"]],
      [
        ["Category", "Older people"],
        ["Basic", 2600],
      ],
    );
    const categoryBook = await readWhatIfBook(categories.workbook);
    await createProposedTable(categories.workbook, categoryBook, { grid: categoryBook.current.grid } as never);
    expect(categories.model.tableCells("ProposedPricePoints").rows[0].map((cell) => cell.format)).toEqual([
      TEXT_FORMAT,
      MONEY_FORMAT,
    ]);
  });

  it("builds the What-if sheet for one £ per point for Everyone, with neither bands nor categories", async () => {
    const { workbook } = await smallExcel([["P1", "Ann", "Older people", 30]]);
    const book = await readWhatIfBook(workbook);
    const linear = { ...book, current: { ...book.current, table: parsePriceTable([[150]]) } };
    const input = whatIfSheetInput(
      linear,
      "What-if",
      book.proposals[0] ?? ({ table: "ProposedPricePoints" } as never),
      null,
    );
    expect(input).toStrictEqual({
      name: "What-if",
      proposed: "ProposedPricePoints",
      careGroups: ["Everyone"],
      people: 1,
      cap: null,
    });
    const banded = whatIfSheetInput(book, "What-if", { table: "ProposedPricePoints" } as never, null);
    expect(banded).toStrictEqual({
      name: "What-if",
      proposed: "ProposedPricePoints",
      careGroups: ["Older people"],
      bands: { header: "Points from", count: 2 },
      people: 1,
      cap: null,
    });
  });
});

describe("saying why a person's points are an error", () => {
  it("shows the error alone when there is no Scoring table, or one that cannot be read, to say why", async () => {
    const people = [["P1", "Ann", "Older people", "#N/A"]];
    const noScoring = await readWhatIfBook((await smallExcel(people)).workbook);
    expect(noScoring.cohort).toEqual([{ points: null, careGroup: null, problem: "their Points cell shows #N/A" }]);

    const { workbook } = await smallExcel(people);
    await workbook.addTables([
      { name: "Scoring", sheet: "Scoring", columns: [{ header: "Notes", numberFormat: "General" }], rows: [["x"]] },
    ]);
    const unreadable = await readWhatIfBook(workbook);
    expect(unreadable.cohort).toEqual([{ points: null, careGroup: null, problem: "their Points cell shows #N/A" }]);
  });
});
