// The what-if on the in-memory (calculating) workbook, the one the browser preview shows: the proposal is made as
// a table beside the user's own, the What-if sheet is written once, and its live formulas give the figures the
// engine gives for the same tables, before and after a proposed price is edited in a cell. Nothing of the user's
// is overwritten.
import { changeDistribution, Decimal, LossCap, lossCap, proposePriceTable, rasCurves } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { a1, SheetSpec } from "../../src/workbook/port";
import { capCells, PROTECTION_AT } from "../../src/workbook/reports/protectionBlock";
import { whatIfLayout, whatIfSheet } from "../../src/workbook/reports/whatIf";
import {
  createProposedTable,
  readWhatIfBook,
  whatIfSummary,
  writeWhatIfSheet,
} from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { expectedWhatIf, sheetWhatIf, Shown } from "../support/whatIfSheet";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
/** The starter PricePoints: four bands, lower bounds in "Points from". */
const BANDS = { header: "Points from", count: 4 };
const layout = whatIfLayout({ careGroups: CARE_GROUPS, bands: BANDS });

async function setUp(before: (workbook: MemoryWorkbook) => void = () => undefined) {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
  before(workbook);
  await setUpWorkbook(workbook);
  return workbook;
}

/** Older people's rates up 5%, as the pane's first example does. */
async function proposeOlderPeoplePlus5(workbook: MemoryWorkbook) {
  const book = await readWhatIfBook(workbook);
  const proposal = proposePriceTable(book.current.grid, {
    kind: "percent",
    percent: new Decimal(5),
    careGroup: "Older people",
  });
  return { book, proposal, made: await createProposedTable(workbook, book, proposal) };
}

/** Writes the What-if sheet for the workbook's proposal of this table (ProposedPricePoints unless said). */
async function writeSheetFor(workbook: MemoryWorkbook, table = "ProposedPricePoints", cap: LossCap | null = null) {
  const book = await readWhatIfBook(workbook);
  return writeWhatIfSheet(
    workbook,
    book,
    book.proposals.find((proposal) => proposal.table === table)!,
    cap,
  );
}

/** A calculated sheet's cell as the tests compare it: an error as its code, a blank as "". */
const reader = (workbook: MemoryWorkbook, name: string) => {
  const sheet = workbook.sheetViews().find((view) => view.name === name)!;
  return (row: number, column: number): Shown => sheet.cell(row, column).value ?? "";
};

async function expected(workbook: MemoryWorkbook, proposed = "ProposedPricePoints", cap: LossCap | null = null) {
  const table = async (name: string) => {
    const data = (await workbook.readTable(name))!;
    return [data.headers, ...data.rows];
  };
  return expectedWhatIf(
    (await workbook.readTable("People"))!,
    await table("PricePoints"),
    await table(proposed),
    layout,
    CARE_GROUPS,
    cap,
  );
}

describe("the what-if on the in-memory workbook", () => {
  it("makes ProposedPricePoints beside PricePoints, with the change applied and nothing else", async () => {
    const workbook = await setUp();
    const { made } = await proposeOlderPeoplePlus5(workbook);
    expect(made).toEqual({ table: "ProposedPricePoints", sheet: "ProposedPricePoints" });
    const proposed = (await workbook.readTable("ProposedPricePoints"))!;
    expect(proposed.headers).toEqual(["Points from", ...CARE_GROUPS]);
    // 150, 200, 260, 320 × 1.05
    expect(proposed.rows).toEqual([
      [0, 157.5, 160, 170, 140],
      [20, 210, 215, 230, 190],
      [40, 273, 280, 300, 240],
      [60, 336, 350, 380, 300],
    ]);
    expect((await workbook.readTable("PricePoints"))!.rows[0]).toEqual([0, 150, 160, 170, 140]);
  });

  it("sums up in the pane before any sheet exists, as PB.REPRICE will, naming who is not priced and why", async () => {
    const workbook = await setUp();
    const book = await readWhatIfBook(workbook);
    const { table } = proposePriceTable(book.current.grid, {
      kind: "percent",
      percent: new Decimal(5),
      careGroup: "Older people",
    });
    const { repricing, notPriced } = whatIfSummary(book, table);
    // Older people priced: P001 36, P002 54, P003 10, P010 83, P011 30, P014 32, P018 51 points (P020 is not).
    // Current: 6,200 + 10,640 + 1,500 + 19,560 + 5,000 + 5,400 + 9,860 = 58,160; every rate 5% up, so every
    // budget is 5% up: 58,160 × 1.05 = 61,068 (+2,908).
    expect(repricing.byCareGroup[0]).toMatchObject({
      careGroup: "Older people",
      people: 7,
      current: 58160,
      proposed: 61068,
      change: 2908,
      changeFraction: 0.05,
      betterOff: 7,
    });
    expect(repricing.total).toMatchObject({ people: 19, change: 2908 });
    expect(notPriced).toEqual([
      {
        personId: "P020",
        name: "Irene Walsh",
        why: "their Points show #N/A: Question Home and living is unanswered",
      },
    ]);
  });

  it("writes the What-if sheet: its formulas give the engine's figures, before and after an edited price", async () => {
    const workbook = await setUp();
    await proposeOlderPeoplePlus5(workbook);
    expect(await writeSheetFor(workbook)).toEqual({ sheet: "What-if" });
    const first = sheetWhatIf(reader(workbook, "What-if"), layout, 20);
    expect(first).toEqual(await expected(workbook));
    // Hand-checked: the summary's Older people row and Total; the largest gain is P010's (83 points:
    // 20×150 + 20×200 + 20×260 + 23×320 = 19,560, 5% of which is 978); P020 cannot be priced.
    expect(first.summary[1]).toEqual(["Older people", 7, 58160, 61068, 2908, 0.05, 7, 0, 0]);
    expect(first.summary[5]).toEqual(["Total", 19, 170435, 173343, 2908, 0.0171, 7, 0, 12]);
    expect(first.gains[0]).toEqual(["P010", "Harold Jenkins", "Older people", 978, 10]);
    expect(first.losses[0]).toEqual(["", "", "", "", ""]);
    expect(first.everyone[19].slice(0, 5)).toEqual(["P020", "Irene Walsh", "Older people", "#N/A", "#N/A"]);

    // Physical disability's first band £160 → £170 a point: everyone in the group with 20 points or more gains
    // 20 × £10 = £200 (P004, P005, P012, P017: a four-way tie); Learning disability's band from 40 points
    // £300 → £280: P006 (63 points) and P013 (82) lose 20 × £20 = £400 each, P016 (46) loses 6 × £20 = £120.
    workbook.setCell("ProposedPricePoints", 1, 2, 170);
    workbook.setCell("ProposedPricePoints", 3, 3, 280);
    const second = sheetWhatIf(reader(workbook, "What-if"), layout, 20);
    expect(second).toEqual(await expected(workbook));
    expect(second.losses.slice(0, 4)).toEqual([
      ["P006", "Daniel Hughes", "Learning disability", -400, 6],
      ["P013", "Liam O'Connor", "Learning disability", -400, 13],
      ["P016", "Sophie Turner", "Learning disability", -120, 16],
      ["", "", "", "", ""],
    ]);
    expect(second.gains.map((row) => row[0])).toEqual([
      "P010",
      "P002",
      "P018",
      "P001",
      "P014",
      "P011",
      "P004",
      "P005",
      "P012",
      "P017",
    ]);
    // 52,080 − 920 = 51,160 for Learning disability; Physical disability 32,615 + 800 = 33,415
    expect(second.summary[3]).toEqual(["Learning disability", 4, 52080, 51160, -920, -0.0177, 0, 3, 1]);
    expect(second.summary[2]).toEqual(["Physical disability", 4, 32615, 33415, 800, 0.0245, 4, 0, 0]);
  });

  it("holds every change to the penny: all care groups 3% down takes P002 from £10,640 to £10,320.80", async () => {
    const workbook = await setUp();
    const book = await readWhatIfBook(workbook);
    await createProposedTable(
      workbook,
      book,
      proposePriceTable(book.current.grid, { kind: "percent", percent: new Decimal(-3), careGroup: null }),
    );
    await writeSheetFor(workbook);
    const read = reader(workbook, "What-if");
    const change = (person: number) => read(layout.everyone.row + 1 + person, 6);
    // P002 Arthur Khan, 54 points: 20 × 150 + 20 × 200 + 14 × 260 = 10,640; × 0.97 = 10,320.80. Subtracted in
    // floating point the change is −319.2000000000007; the sheet holds −319.2.
    expect(change(1)).toBe(-319.2);
    // Every person's change is a whole number of pence (P020, not priced, shows an error).
    const changes = Array.from({ length: 19 }, (_, person) => change(person) as number);
    expect(changes.filter((amount) => Math.round(amount * 100) / 100 !== amount)).toEqual([]);
    // P001's change, −186 (6,200 × 3%), is −186 exactly
    expect(change(0)).toBe(-186);
  });

  it("says in A3 who is not priced from the spilled summary itself, and when the summary is an error", async () => {
    const workbook = await setUp();
    const { book } = await proposeOlderPeoplePlus5(workbook);
    // A sheet written when PricePoints had three care groups: a fourth since then makes the summary one row longer.
    const threeGroups = CARE_GROUPS.slice(0, 3);
    await workbook.addSheet(
      whatIfSheet({
        name: "What-if",
        proposed: "ProposedPricePoints",
        careGroups: threeGroups,
        bands: BANDS,
        people: 20,
      }),
    );
    const read = reader(workbook, "What-if");
    expect([read(5, 0), read(9, 0), read(10, 0), read(11, 0)]).toEqual([
      "Care group",
      "Mental health",
      "Total",
      "Not priced",
    ]);
    const priced =
      "1 of 20 people in People cannot be priced: their rows under Everyone show an error (select it to see why) " +
      "and no total counts them.";
    expect(read(2, 0)).toBe(priced);
    expect(book.cohort).toHaveLength(20);

    // A proposed rate that is not a number: PB.REPRICE is an error, and A3 says so instead of "Everyone is priced".
    workbook.setCell("ProposedPricePoints", 2, 1, "abc");
    expect(read(5, 0)).toBe("#VALUE!");
    expect(read(2, 0)).toBe(
      "The summary by care group (A6) shows an error, so nothing on this sheet can be worked out: select A6 to see " +
        "why, and put right the table it names.",
    );
    workbook.setCell("ProposedPricePoints", 2, 1, 210);
    expect(read(2, 0)).toBe(priced);
  });

  it("never overwrites: a user's What-if sheet keeps its name and the new one gets (2)", async () => {
    const workbook = await setUp((book) => book.addEmptySheet("What-if"));
    await proposeOlderPeoplePlus5(workbook);
    expect(await writeSheetFor(workbook)).toEqual({ sheet: "What-if (2)" });
    expect((await workbook.names()).sheets).toEqual(expect.arrayContaining(["What-if", "What-if (2)"]));
    expect(workbook.allSheets().find((sheet) => sheet.name === "What-if")!.cells).toEqual([]);
  });

  it("puts the proposal on a sheet of its own, ProposedPricePoints (2) when that sheet name is taken", async () => {
    const workbook = await setUp((book) => book.addEmptySheet("ProposedPricePoints"));
    const { made } = await proposeOlderPeoplePlus5(workbook);
    expect(made).toEqual({ table: "ProposedPricePoints", sheet: "ProposedPricePoints (2)" });
  });

  it("refuses a proposal, changing nothing, when a defined name or a table already holds the name", async () => {
    const workbook = await setUp((book) => book.addDefinedName("ProposedPricePoints"));
    const book = await readWhatIfBook(workbook);
    expect(book.proposals).toEqual([]);
    const sheets = (await workbook.names()).sheets;
    await expect(
      createProposedTable(workbook, book, proposePriceTable(book.current.grid, { kind: "copy" })),
    ).rejects.toThrow(
      "The workbook already has something called ProposedPricePoints, so no proposal was made and nothing was " +
        "changed. Give this proposal a name of its own to keep both, or Refresh to use that one.",
    );
    expect((await workbook.names()).sheets).toEqual(sheets);

    const again = await setUp();
    const { book: before } = await proposeOlderPeoplePlus5(again);
    await expect(
      createProposedTable(again, before, proposePriceTable(before.current.grid, { kind: "copy" })),
    ).rejects.toThrow("already has something called ProposedPricePoints");
    // The first proposal is kept as it was, and read back as the workbook's proposal.
    expect((await readWhatIfBook(again)).proposals[0].read?.grid[1]).toEqual([0, 157.5, 160, 170, 140]);
  });

  it("will not write the sheet for a proposal the workbook no longer has", async () => {
    const workbook = await setUp();
    const { book } = await proposeOlderPeoplePlus5(workbook);
    const gone = { name: "Gone", table: "ProposedPricePoints_Gone", sheet: "Proposal Gone", read: null, problem: null };
    await expect(writeWhatIfSheet(workbook, book, gone)).rejects.toThrow(
      "The What-if sheet compares ProposedPricePoints_Gone with PricePoints, and the workbook no longer has it: " +
        "Refresh, then create the proposal again if it was deleted. Nothing was changed.",
    );
    expect((await workbook.names()).sheets).not.toContain("What-if");
  });

  it("says plainly when People or PricePoints is missing, or People lacks a column the sheet reads", async () => {
    const empty = new MemoryWorkbook({ formulas: formulaEngine });
    await expect(readWhatIfBook(empty)).rejects.toThrow(
      "The workbook has no People and PricePoints tables: the what-if prices the people in People with the price " +
        'points in PricePoints. Use "Set up workbook" in Support plan to add what is missing; nothing you already ' +
        "have is changed.",
    );
    const noPoints = new MemoryWorkbook({ formulas: formulaEngine });
    await noPoints.addTables([
      {
        name: "People",
        sheet: "People",
        columns: ["Person ID", "Name", "Care group"].map((header) => ({ header, numberFormat: "@" })),
        rows: [["P1", "Ann", "Older people"]],
      },
      {
        name: "PricePoints",
        sheet: "PricePoints",
        columns: ["Points from", "Older people"].map((header) => ({ header, numberFormat: "General" })),
        rows: [[0, 100]],
      },
    ]);
    await expect(readWhatIfBook(noPoints)).rejects.toThrow('The People table is missing the column "Points".');
  });

  it("builds the sheet from the spec the Office workbook writes: live formulas, charts over fixed blocks", async () => {
    const workbook = await setUp();
    await proposeOlderPeoplePlus5(workbook);
    await writeSheetFor(workbook);
    const sheet = workbook.allSheets().find((candidate) => candidate.name === "What-if")!;
    const formulas = sheet.cells.flatMap((cell) => (cell.formula ? [cell.formula] : []));
    expect(formulas).toContain(
      "=PB.REPRICE(People[Points],PricePoints[#All],ProposedPricePoints[#All],People[Care group])",
    );
    expect(formulas).toContain("=PB.INDICATIVE_BUDGET(People[Points],ProposedPricePoints[#All],People[Care group])");
    const charts = sheet.charts;
    expect(charts.map((chart) => [chart.name, chart.type, chart.source])).toEqual([
      ["RAS curves", "xyScatterLines", layout.curve],
      ["Change distribution", "columnClustered", layout.distribution],
    ]);
    // Each chart's categories are live formulas over the data, so the charts follow it, and show what is worked out
    // here by hand. The RAS curves are plotted at 0 points, at each lower bound of either table (the starter's 20, 40
    // and 60; the proposal moves none) and at the cohort's highest points, 83 (P010, every answer D), above the
    // highest bound; the rows left, of 4 bands × 2 + 2 + 4 spare, are #N/A. The distribution's bands are £200 wide:
    // the largest change is Older people's top budget, 19,560 × 5% = 978, which in five bands is 195.60, up to the
    // next £10.
    const written = new Map(sheet.cells.map((cell) => [`${cell.row},${cell.column}`, cell]));
    const read = reader(workbook, "What-if");
    const categories = ({ row, column, rows }: { row: number; column: number; rows: number }) =>
      Array.from({ length: rows - 1 }, (_, at) => [
        written.get(`${row + 1 + at},${column}`)?.formula === undefined ? "value" : "formula",
        read(row + 1 + at, column),
      ]);
    expect(categories(layout.curve)).toEqual([
      ["value", 0],
      ...[20, 40, 60, 83].map((value) => ["formula", value]),
      ...Array.from({ length: 9 }, () => ["formula", "#N/A"]),
    ]);
    expect(categories(layout.distribution)).toEqual([
      ["formula", "Lose £800–1000"],
      ["formula", "Lose £600–800"],
      ["formula", "Lose £400–600"],
      ["formula", "Lose £200–400"],
      ["formula", "Lose up to £200"],
      ["value", "No change"],
      ["formula", "Gain up to £200"],
      ["formula", "Gain £200–400"],
      ["formula", "Gain £400–600"],
      ["formula", "Gain £600–800"],
      ["formula", "Gain £800–1000"],
    ]);
  });
});

describe("proposals side by side, and a cap on losses (25 §4)", () => {
  /** ProposedPricePoints (Older people +5%), then every rate 10% down as a proposal of its own, named Freeze. */
  async function twoProposals() {
    const workbook = await setUp();
    await proposeOlderPeoplePlus5(workbook);
    const book = await readWhatIfBook(workbook);
    const down = proposePriceTable(book.current.grid, { kind: "percent", percent: new Decimal(-10), careGroup: null });
    return { workbook, book, down, made: await createProposedTable(workbook, book, down, "Freeze") };
  }

  it("makes a named proposal beside ProposedPricePoints, never over it or any name the workbook has", async () => {
    const { workbook, book, down, made } = await twoProposals();
    expect(made).toEqual({ table: "ProposedPricePoints_Freeze", sheet: "Proposal Freeze" });
    const read = await readWhatIfBook(workbook);
    expect(read.proposals.map((proposal) => [proposal.name, proposal.table, proposal.sheet])).toEqual([
      [null, "ProposedPricePoints", "ProposedPricePoints"],
      ["Freeze", "ProposedPricePoints_Freeze", "Proposal Freeze"],
    ]);
    // 150 × 0.9 = 135; the first proposal is as it was.
    expect(read.proposals[1].read!.grid[1]).toEqual([0, 135, 144, 153, 126]);
    expect(read.proposals[0].read!.grid[1]).toEqual([0, 157.5, 160, 170, 140]);
    const refused = (name: string) => createProposedTable(workbook, book, down, name);
    await expect(refused("freeze")).rejects.toThrow(
      "The workbook already has something called ProposedPricePoints_freeze: choose another name. No proposal was " +
        "made and nothing was changed.",
    );
    const rule =
      "A proposal's name is letters, digits and underscores, starting with a letter, at most 12 characters (such as " +
      "Freeze or Plus5_2027), as it becomes part of a table name; got";
    await expect(refused("Plus 5")).rejects.toThrow(`${rule} "Plus 5"`);
    await expect(refused("2027")).rejects.toThrow(`${rule} "2027"`);
    await expect(refused("A23456789012X")).rejects.toThrow(`${rule} "A23456789012X"`);
    await expect(refused(" ")).rejects.toThrow(
      "Give the proposal a name: ProposedPricePoints is taken, so this one needs its own.",
    );
    expect(await createProposedTable(workbook, book, down, "A23456789012")).toEqual({
      table: "ProposedPricePoints_A23456789012",
      sheet: "Proposal A23456789012",
    });
    expect((await readWhatIfBook(workbook)).proposals).toHaveLength(3);
  });

  it("writes a named proposal's What-if sheet with a cap: each first year, the protection's cost, live", async () => {
    const { workbook } = await twoProposals();
    const fivePercent = lossCap("percent", new Decimal("0.05"));
    expect(await writeSheetFor(workbook, "ProposedPricePoints_Freeze", fivePercent)).toEqual({
      sheet: "What-if Freeze",
    });
    const read = reader(workbook, "What-if Freeze");
    const figures = sheetWhatIf(read, layout, 20);
    expect(figures).toEqual(await expected(workbook, "ProposedPricePoints_Freeze", fivePercent));
    // Every rate 10% down takes 10% off every budget; the cap keeps each loss to 5%: 19 people protected, at 5% of
    // £170,435.00 = £8,521.75; the first year's budgets £161,913.25.
    expect(figures.protection).toEqual(["%", 500, 0, 19, 8521.75, 161913.25, -8521.75]);
    // P001: £6,200 now, £5,580 proposed, £5,890 in the first year: protection £310.
    expect(figures.everyone[0].slice(4)).toEqual([6200, 5580, -620, 1, 5890, 310]);

    // The cap typed on the sheet: £500 a year instead. Everyone whose 10% is over £500 (a budget over £5,000) keeps
    // all but £500; the sheet follows, as the engine does.
    const cap = capCells(layout.cap);
    workbook.setCell("What-if Freeze", cap.percent.row, cap.percent.column, null);
    workbook.setCell("What-if Freeze", cap.amount.row, cap.amount.column, 500);
    const fiveHundred = lossCap("amount", new Decimal(500));
    const then = sheetWhatIf(read, layout, 20);
    expect(then).toEqual(await expected(workbook, "ProposedPricePoints_Freeze", fiveHundred));
    expect(then.everyone[0].slice(8)).toEqual([5700, 120]);

    // Both cells filled: no first-year figure at all, and the block says why.
    workbook.setCell("What-if Freeze", cap.percent.row, cap.percent.column, 0.05);
    const both = sheetWhatIf(read, layout, 20);
    expect(both.protection.slice(0, 1)).toEqual(["#N/A"]);
    expect(both.everyone[0].slice(8)).toEqual(["#N/A", "#N/A"]);
    expect(read(layout.protection.row + PROTECTION_AT.note, layout.protection.column)).toBe(
      "Give a cap as a % (0% to 100%, 2 places at most) or as £ a year (whole pence), not both: until then the " +
        "first year shows #N/A.",
    );
    // A percentage with three places is refused as the pane refuses it.
    workbook.setCell("What-if Freeze", cap.amount.row, cap.amount.column, null);
    workbook.setCell("What-if Freeze", cap.percent.row, cap.percent.column, 0.02255);
    expect(sheetWhatIf(read, layout, 20).protection[0]).toBe("#N/A");
    // No cap: the first year is as proposed.
    workbook.setCell("What-if Freeze", cap.percent.row, cap.percent.column, null);
    expect(sheetWhatIf(read, layout, 20)).toEqual(await expected(workbook, "ProposedPricePoints_Freeze"));
  });
});

describe("the committee pack's charts and the What-if sheet's, one rule", () => {
  it("bands people and plots the curves as the sheet does, before and after a price and a bound change", async () => {
    const workbook = await setUp();
    await proposeOlderPeoplePlus5(workbook);
    await writeSheetFor(workbook);
    const read = reader(workbook, "What-if");
    const pane = async () => {
      const book = await readWhatIfBook(workbook);
      const proposed = book.proposals[0].read!.table;
      const { repricing } = whatIfSummary(book, proposed);
      const highest = Math.max(
        ...book.cohort.flatMap((person) => (typeof person.points === "number" ? [person.points] : [])),
      );
      return { distribution: changeDistribution(repricing), curves: rasCurves(book.current.table, proposed, highest)! };
    };
    const compare = async () => {
      const sheet = sheetWhatIf(read, layout, 20);
      const { distribution, curves } = await pane();
      expect(sheet.distribution.slice(1, 12)).toEqual(distribution.bands.map((band) => [band.label, band.people]));
      expect(sheet.distribution[12][1]).toBe(distribution.width);
      const plotted = sheet.curve.slice(1).filter((row) => row[0] !== "#N/A");
      expect(plotted.map((row) => row[0])).toEqual(curves.points);
      expect(plotted.map((row) => row.slice(1))).toEqual(
        curves.points.map((_, at) => curves.curves.flatMap((curve) => [curve.current[at], curve.proposed[at]])),
      );
      return plotted.map((row) => row[0]);
    };
    // At 0, the bounds 20, 40 and 60, and the cohort's highest points, 83 (P010).
    expect(await compare()).toEqual([0, 20, 40, 60, 83]);
    // Mental health's band from 20 points £190 → £150, and Older people's band from 20 moved to 25.
    workbook.setCell("ProposedPricePoints", 2, 4, 150);
    workbook.setCell("ProposedPricePoints", 2, 0, 25);
    expect(await compare()).toEqual([0, 20, 25, 40, 60, 83]);
    // The proposal's last band from 90 points instead of 60, above anyone's points: the curves run on to the
    // highest lower bound, 90, where the proposed one bends, not to 83.
    workbook.setCell("ProposedPricePoints", 4, 0, 90);
    expect(await compare()).toEqual([0, 20, 25, 40, 60, 90]);
  });
});

describe("the what-if with an outcomes-based (category) price table", () => {
  it("prices categories, and draws each category's amount as columns instead of a curve over points", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
    const text = (header: string) => ({ header, numberFormat: "@" });
    await workbook.addTables([
      {
        name: "People",
        sheet: "People",
        columns: ["Person ID", "Name", "Care group", "Points"].map(text),
        rows: [
          ["C1", "Ann", "Older people", "Basic"],
          ["C2", "Bob", "Learning disability", "Standard"],
          ["C3", "Cat", "Older people", "Enhanced"],
        ],
      },
      {
        name: "PricePoints",
        sheet: "PricePoints",
        columns: [
          text("Category"),
          ...["Older people", "Learning disability"].map((header) => ({ header, numberFormat: "£#,##0.00" })),
        ],
        rows: [
          ["Basic", 2600, 3900],
          ["Standard", 7800, 10400],
          ["Enhanced", 15600, 20800],
        ],
      },
    ]);
    const book = await readWhatIfBook(workbook);
    const proposal = proposePriceTable(book.current.grid, {
      kind: "percent",
      percent: new Decimal(10),
      careGroup: null,
    });
    await createProposedTable(workbook, book, proposal);
    expect(await writeSheetFor(workbook)).toEqual({ sheet: "What-if" });
    const groups = ["Older people", "Learning disability"];
    const layout = whatIfLayout({ careGroups: groups, categories: ["Basic", "Standard", "Enhanced"] });
    const read = reader(workbook, "What-if");
    // Ann 2,600 + Cat 15,600 = 18,200 → × 1.1 = 20,020; Bob 10,400 → 11,440
    expect([0, 1, 2, 3].map((row) => [0, 1, 2, 3, 4].map((column) => read(layout.summary.row + row, column)))).toEqual([
      ["Care group", "People", "Current", "Proposed", "Change"],
      ["Older people", 2, 18200, 20020, 1820],
      ["Learning disability", 1, 10400, 11440, 1040],
      ["Total", 3, 28600, 31460, 2860],
    ]);
    const curve = layout.curve;
    expect(
      [1, 2, 3].map((row) => [0, 1, 2, 3, 4].map((column) => read(curve.row + row, curve.column + column))),
    ).toEqual([
      ["Basic", 2600, 2860, 3900, 4290],
      ["Standard", 7800, 8580, 10400, 11440],
      ["Enhanced", 15600, 17160, 20800, 22880],
    ]);
    const chart = workbook.allSheets().find((sheet) => sheet.name === "What-if")!.charts[0];
    expect([chart.type, chart.xAxisTitle]).toEqual(["columnClustered", "Category"]);
    // The categories stay text in the per-person block.
    expect(read(layout.everyone.row + 1, 3)).toBe("Basic");
  });
});

describe("the What-if sheet's spec, word for word", () => {
  const spec = (categories?: string[]) =>
    whatIfSheet({
      name: "What-if",
      proposed: "ProposedPricePoints",
      careGroups: ["Older people", "Mental health"],
      ...(categories ? { categories } : { bands: { header: "Points from", count: 4 } }),
      people: 3,
    });

  it("titles the sheet, says what it recalculates and sets its column widths", () => {
    const sheet = spec();
    const at = (row: number, column: number) => sheet.cells.find((cell) => cell.row === row && cell.column === column);
    expect(at(0, 0)).toMatchObject({
      value: "Price what-if: the proposed price points against the current ones",
      bold: true,
    });
    expect(at(1, 0)?.value).toBe(
      "Live formulas: edit a price or a band in the ProposedPricePoints table and everything here recalculates. " +
        "Current: PricePoints; people: People. Annual £.",
    );
    expect(sheet.columnWidths).toEqual([24, 22, 22, 14, 14, 14, 14, 14, 14, 14, 12, 22, 22, 14, 14, 3]);
    const titles = sheet.cells.filter((cell) => cell.bold).map((cell) => cell.value);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Summary by care group",
        "Ten largest losses (worse off as proposed)",
        "Ten largest gains (better off as proposed)",
        "Distribution of change",
        "Largest change either way",
        "Band width",
      ]),
    );
  });

  it("draws the RAS curves solid for the current table and dashed as proposed, a colour per care group", () => {
    const [curves, distribution] = spec().charts ?? [];
    expect(curves).toMatchObject({
      title: "RAS curves, current and proposed",
      type: "xyScatterLines",
      xAxisTitle: "Points",
      yAxisTitle: "Annual £",
      everyCategoryLabelled: false,
      series: [
        { color: "#005A9E", lineStyle: "Continuous" },
        { color: "#005A9E", lineStyle: "Dash" },
        { color: "#C50F1F", lineStyle: "Continuous" },
        { color: "#C50F1F", lineStyle: "Dash" },
      ],
    });
    expect(distribution).toMatchObject({
      name: "Change distribution",
      title: "People by change in annual budget",
      type: "columnClustered",
      xAxisTitle: "Change in annual budget",
      yAxisTitle: "People",
      series: [{ color: "#005A9E" }],
      valueAxisFormat: "#,##0",
      everyCategoryLabelled: true,
      valueLabels: true,
    });
  });

  it("draws a category table's budgets as columns, the proposed a lighter shade of the current", () => {
    const [curves] = spec(["Low", "Medium", "High"]).charts ?? [];
    expect(curves).toMatchObject({
      title: "Indicative budget by category, current and proposed",
      type: "columnClustered",
      xAxisTitle: "Category",
      everyCategoryLabelled: true,
      series: [{ color: "#005A9E" }, { color: "#62ABF5" }, { color: "#C50F1F" }, { color: "#EE6F7C" }],
    });
  });

  // The layout of spec(), worked out by hand from whatIfLayout's rules: the summary A6:I10 (a header, two care
  // groups, Total, Not priced); the per-person block's headers on row 13 (the summary's 5 rows + 2 below it), its
  // three people on rows 14-16; the losses K6:O16 and the gains K19:O29 (a header and ten ranks, two rows apart);
  // the cap's cells in K1:M2 and the protection's totals from K32 (the gains' end + 2). The curve's data AA3:AE17
  // (a header and 2 × 4 bands + 2 + 4 spare points; Points, then each care group current and proposed), the
  // distribution's AA22:AB33 (a header and 11 bands) four rows below it, the two charts in Q1:Y18 and Q20:Y37.
  // For three categories the curve's data is AA3:AE6 and the distribution's AA11:AB22.

  /** A cell named as Excel names it ("AB3"), 0-based. */
  const cellOf = (name: string) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(name)!;
    const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(digits) - 1, column };
  };
  /** The cells of a block written as Excel names it ("E14:G16"), row by row. */
  const addresses = (block: string) => {
    const [from, to] = [...block.split(":"), block].slice(0, 2).map(cellOf);
    return Array.from({ length: to.row - from.row + 1 }, (_, row) =>
      Array.from({ length: to.column - from.column + 1 }, (_, column) =>
        a1({ row: from.row + row, column: from.column + column }),
      ),
    ).flat();
  };
  /** Each formatted cell's format, by address. */
  const formatsOf = (sheet: SheetSpec) =>
    Object.fromEntries(sheet.cells.flatMap((cell) => (cell.numberFormat ? [[a1(cell), cell.numberFormat]] : [])));
  /** The formats expected: each format's blocks. */
  const formatted = (blocks: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(blocks).flatMap(([format, ranges]) => ranges.flatMap(addresses).map((cell) => [cell, format])),
    );
  const MONEY = "£#,##0.00";
  const PERCENT = "0.00%";

  it("formats each block's money to the penny and the summary's Change % as a percentage, cell by cell", () => {
    expect(formatsOf(spec())).toEqual(
      formatted({
        [MONEY]: [
          // The summary's Current, Proposed and Change under its header, for both care groups, Total and Not priced.
          "C7:E10",
          // Each person's Current, Proposed, Change, First year and Protection (not Row in People, H).
          "E14:G16",
          "I14:J16",
          // Each ranked list's Change.
          "N7:N16",
          "N20:N29",
          // The cap in £ a year, and the protection's cost, first-year budgets and change.
          "M2",
          "M37:M39",
          // The curves' budgets (not their points, AA), and the distribution's largest change and band width.
          "AB4:AE17",
          "AB19:AB20",
        ],
        [PERCENT]: ["F7:F10", "M1"],
      }),
    );
    // Three categories: three rows of budgets, and the distribution moved up to follow them.
    const categories = formatsOf(spec(["Low", "Medium", "High"]));
    const columns = (letters: RegExp) => Object.keys(categories).filter((cell) => letters.test(cell));
    expect(columns(/^A[A-E]\d/).sort()).toEqual([...addresses("AB4:AE6"), ...addresses("AB8:AB9")].sort());
  });

  it("formats the per-person rows People has when written, one at least and 2,000 at most", () => {
    const personRows = (people: number) => {
      const sheet = whatIfSheet({
        name: "What-if",
        proposed: "ProposedPricePoints",
        careGroups: ["Older people"],
        bands: { header: "Points from", count: 4 },
        people,
      });
      // The rows of the per-person block's Current (E) formatted: from 13 for one care group (the summary A6:I9).
      const rows = Object.keys(formatsOf(sheet)).flatMap((cell) =>
        /^E\d+$/.test(cell) ? [Number(cell.slice(1))] : [],
      );
      return rows.filter((row) => row >= 13).sort((one, other) => one - other);
    };
    expect(personRows(0)).toEqual([13]);
    expect(personRows(1)).toEqual([13]);
    expect(personRows(3)).toEqual([13, 14, 15]);
    expect(personRows(2_000)).toEqual(personRows(2_001));
    expect(personRows(2_001)).toEqual(Array.from({ length: 2_000 }, (_, at) => 13 + at));
  });

  it("titles each block and heads its columns in bold at their cells, none written over, nothing else bold", () => {
    const titles = (sheet: SheetSpec) =>
      Object.fromEntries(sheet.cells.flatMap((cell) => (cell.bold ? [[a1(cell), [cell.value, cell.formula]]] : [])));
    /** Column headings from the first one's cell rightwards. */
    const headed = (first: string, headers: string[]) => {
      const { row, column } = cellOf(first);
      return Object.fromEntries(headers.map((header, at) => [a1({ row, column: column + at }), header]));
    };
    const ranked = ["Person ID", "Name", "Care group", "Change", "Row in People"];
    const expected = (curve: Record<string, string>, distribution: number) =>
      Object.fromEntries(
        Object.entries({
          A1: "Price what-if: the proposed price points against the current ones",
          K1: "Cap, % of current budget",
          K2: "or cap in £ a year",
          A5: "Summary by care group",
          K5: "Ten largest losses (worse off as proposed)",
          ...headed("K6", ranked),
          A12: "Everyone in People: annual budget now, as proposed and in the first year under the cap",
          ...headed("A13", [
            "Person ID",
            "Name",
            "Care group",
            "Points",
            "Current",
            "Proposed",
            "Change",
            "Row in People",
            "First year",
            "Protection",
          ]),
          K18: "Ten largest gains (better off as proposed)",
          ...headed("K19", ranked),
          K32: "Transitional protection: a cap on any one person's loss in the first year",
          // The curve's: its care groups' names in AB2:AE2 are not titles (the formulas read them).
          AA2: "Care group",
          ...headed("AB3", [
            "Older people (current)",
            "Older people (proposed)",
            "Mental health (current)",
            "Mental health (proposed)",
          ]),
          ...curve,
          // The distribution's, from four rows above its header row.
          [`AA${distribution - 4}`]: "Distribution of change",
          [`AA${distribution - 3}`]: "Largest change either way",
          [`AA${distribution - 2}`]: "Band width",
          [`AA${distribution}`]: "Change in annual budget",
          [`AB${distribution}`]: "People",
        }).map(([cell, text]) => [cell, [text, undefined]]),
      );
    expect(titles(spec())).toEqual(
      expected({ AA1: "Highest points in People", AC1: "Highest lower bound", AA3: "Points" }, 22),
    );
    expect(titles(spec(["Low", "Medium", "High"]))).toEqual(
      expected({ AA1: "Amount for each category", AA3: "Category" }, 11),
    );
  });

  it("writes where the RAS curves end beside its labels: the highest points and either table's highest bound", () => {
    const cells = new Map(spec().cells.map((cell) => [a1(cell), cell]));
    // Labels in AA1 and AC1 (the titles' test); each figure in the cell right of its label, and the curves' data
    // reads them from there. Bounds are read as numbers 0 or more, so a bound typed as text is skipped.
    expect(["AB1", "AD1"].map((cell) => cells.get(cell)?.formula)).toEqual([
      '=MAXIFS(People[Points],People[Points],">=0")',
      '=MAX(MAXIFS(PricePoints[Points from],PricePoints[Points from],">=0"),' +
        'MAXIFS(ProposedPricePoints[Points from],ProposedPricePoints[Points from],">=0"))',
    ]);
    expect(cells.get("AA5")?.formula).toMatch(/^=IF\(AA4>=MAX\(\$AB\$1,\$AD\$1\),NA\(\),MIN\(MAX\(\$AB\$1,\$AD\$1\),/);
  });

  it("finds each ranked person after the one above with the same change; the first of a list reads no heading", () => {
    const cells = new Map(spec().cells.map((cell) => [a1(cell), cell.formula]));
    // Row in People (O) of the first loss (row 7), the second (8) and the first gain (20): the first person (after
    // row 0) whose change, G14#, is the list's change in N to half a penny; on a later row after the row above's
    // person when its change is the same (a tie), else from the start again. Never from the headings in row 6 or 19.
    const person = (change: string, after: string) =>
      `=IF(${change}="","",MINIFS($H$14#,$G$14#,">"&(${change}-0.005),$G$14#,"<"&(${change}+0.005),` +
      `$H$14#,">"&${after}))`;
    expect(["O7", "O8", "O20"].map((cell) => cells.get(cell))).toEqual([
      person("N7", "0"),
      person("N8", "IF(N8=N7,O7,0)"),
      person("N20", "0"),
    ]);
  });

  it("counts people by band of change in formulas as a person would write them, and writes nothing below", () => {
    // Everything in AA:AB from the distribution's title down, row by row: each band's label and count read the
    // band width in AB20 and each person's change, G14# (proposed − current). The first band each side is "up to"
    // one width and its inner bound half a penny from 0; one width is $AB$20, not 1*$AB$20.
    const written = spec()
      .cells.filter((cell) => cell.column >= 26 && cell.column <= 27 && cell.row >= 17)
      .sort((one, other) => one.row - other.row || one.column - other.column)
      .map((cell) => [a1(cell), cell.formula ?? cell.value]);
    const lose = (from: string, to: string) => [
      `="Lose £"&${from}&"–"&${to}`,
      `=COUNTIFS($G$14#,">"&(-${to}-0.005),$G$14#,"<"&(-${from}-0.005))`,
    ];
    const gain = (from: string, to: string) => [
      `="Gain £"&${from}&"–"&${to}`,
      `=COUNTIFS($G$14#,">"&(${from}+0.005),$G$14#,"<"&(${to}+0.005))`,
    ];
    const bands = [
      lose("4*$AB$20", "5*$AB$20"),
      lose("3*$AB$20", "4*$AB$20"),
      lose("2*$AB$20", "3*$AB$20"),
      lose("$AB$20", "2*$AB$20"),
      ['="Lose up to £"&$AB$20', '=COUNTIFS($G$14#,">"&(-$AB$20-0.005),$G$14#,"<-0.005")'],
      ["No change", '=COUNTIFS($G$14#,">-0.005",$G$14#,"<0.005")'],
      ['="Gain up to £"&$AB$20', '=COUNTIFS($G$14#,">0.005",$G$14#,"<"&($AB$20+0.005))'],
      gain("$AB$20", "2*$AB$20"),
      gain("2*$AB$20", "3*$AB$20"),
      gain("3*$AB$20", "4*$AB$20"),
      gain("4*$AB$20", "5*$AB$20"),
    ];
    expect(written).toEqual([
      ["AA18", "Distribution of change"],
      ["AA19", "Largest change either way"],
      ["AB19", '=MAX(ABS(MINIFS($G$14#,$G$14#,"<0")),MAXIFS($G$14#,$G$14#,">0"))'],
      ["AA20", "Band width"],
      ["AB20", "=MAX(10,CEILING($AB$19/5,10))"],
      ["AA22", "Change in annual budget"],
      ["AB22", "People"],
      ...bands.flatMap(([label, count], at) => [
        [`AA${23 + at}`, label],
        [`AB${23 + at}`, count],
      ]),
    ]);
  });

  it("builds the sheet for a price table of neither kind (one £ per point): one care group, no bounds column", () => {
    // whatIfSheetInput gives neither bands nor categories for a one-number table: its care group is Everyone.
    const sheet = whatIfSheet({
      name: "What-if",
      proposed: "ProposedPricePoints",
      careGroups: ["Everyone"],
      people: 1,
    });
    const cells = new Map(sheet.cells.map((cell) => [a1(cell), cell]));
    // The curve's data: a header and 2 × 0 bands + 2 + 4 spare points, Points then Everyone current and proposed;
    // the distribution four rows below it.
    expect((sheet.charts ?? []).map((chart) => chart.source)).toEqual([
      { row: 2, column: 26, rows: 7, columns: 3 },
      { row: 13, column: 26, rows: 12, columns: 2 },
    ]);
    // A structured reference with no column names the table's data (Table[]): no column is named that the table
    // does not have, and the highest bound is 0 when it holds none.
    expect(cells.get("AD1")?.formula).toBe(
      '=MAX(MAXIFS(PricePoints[],PricePoints[],">=0"),MAXIFS(ProposedPricePoints[],ProposedPricePoints[],">=0"))',
    );
  });

  it("puts the charts beside the ranked lists, the curves over the distribution, each drawn from its data", () => {
    const at = (sheet: SheetSpec) => (sheet.charts ?? []).map((chart) => [chart.name, chart.at, chart.source]);
    const charts = { row: 0, column: 16, rows: 18, columns: 9 };
    const distribution = { row: 19, column: 16, rows: 18, columns: 9 };
    expect(at(spec())).toEqual([
      ["RAS curves", charts, { row: 2, column: 26, rows: 15, columns: 5 }],
      ["Change distribution", distribution, { row: 21, column: 26, rows: 12, columns: 2 }],
    ]);
    expect(at(spec(["Low", "Medium", "High"]))).toEqual([
      ["RAS curves", charts, { row: 2, column: 26, rows: 4, columns: 5 }],
      ["Change distribution", distribution, { row: 10, column: 26, rows: 12, columns: 2 }],
    ]);
  });
});
