// The Committee pack (issue 25 §4): the What-if's parts laid out to print on A4, as live formulas. On the in-memory
// workbook its figures are the engine's (PB.REPRICE's summary, the cap's cost, the largest losses, PB.RAS_FIT of both
// tables against the Agreed plans), before and after the cap is typed on the sheet; through the Office.js workbook,
// against the Excel model, its print settings are set as Excel's PageLayout takes them.
import {
  Decimal,
  fitRas,
  largestChanges,
  lossCap,
  proposePriceTable,
  protectLosses,
  rasFitTable,
  repricingSummary,
} from "../../src/engine";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { committeePackSheet, packLayout, packScale, PACK_WIDTHS } from "../../src/workbook/reports/committeePack";
import { capCells, PROTECTION_AT } from "../../src/workbook/reports/protectionBlock";
import { readScenarioBook, workbookScenarios, writeCommitteePack } from "../../src/workbook/reports/scenarioBook";
import { createProposedTable, readWhatIfBook, whatIfSummary } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel } from "../support/excelModel";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { reviewWorkbook } from "../support/reviewWorkbook";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const BANDS = { header: "Points from", count: 4 };
const layout = packLayout({ careGroups: CARE_GROUPS, bands: BANDS });
const fivePercent = lossCap("percent", new Decimal("0.05"));

/** The review's workbook (Agreed plans) with every rate 10% down as ProposedPricePoints_Freeze. */
async function withFreeze() {
  const workbook = await reviewWorkbook(await pbFunctionLibrary());
  const first = await readWhatIfBook(workbook);
  const down = proposePriceTable(first.current.grid, { kind: "percent", percent: new Decimal(-10), careGroup: null });
  await createProposedTable(workbook, first, down, "Freeze");
  return { workbook, book: await readScenarioBook(workbook) };
}

const reader = (workbook: MemoryWorkbook, name: string) => {
  const sheet = workbook.sheetViews().find((view) => view.name === name)!;
  return (row: number, column: number) => sheet.cell(row, column).value ?? "";
};
const block = (read: (row: number, column: number) => unknown, row: number, rows: number, columns: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(row + r, c)));

describe("the Committee pack on the in-memory workbook", () => {
  it("prints the engine's figures: summary, the cap and its cost, the largest losses, both tables' fit", async () => {
    const { workbook, book } = await withFreeze();
    const proposal = book.whatIf.proposals[0];
    expect(await writeCommitteePack(workbook, book, proposal, fivePercent)).toEqual({
      sheet: "Committee pack Freeze",
    });
    const read = reader(workbook, "Committee pack Freeze");
    expect(read(0, 0)).toBe("Committee pack: Freeze against the current price points (PricePoints)");
    const { repricing } = whatIfSummary(book.whatIf, proposal.read!.table);
    // The summary, as PB.REPRICE gives it (header, four care groups, Total, Not priced).
    expect(block(read, layout.summary.row, 7, 9)).toEqual(repricingSummary(repricing));
    // The cap: 19 people protected at £8,521.75 (5% of £170,435.00), as protectLosses says.
    const protection = protectLosses(repricing, fivePercent);
    const figure = (at: keyof typeof PROTECTION_AT) => read(layout.protection.row + PROTECTION_AT[at], 2);
    expect([figure("people"), figure("cost"), figure("firstYear")]).toEqual([
      protection.people,
      protection.cost,
      protection.firstYearTotal,
    ]);
    expect([protection.people, protection.cost]).toEqual([19, 8521.75]);
    // The ten largest losses, as largestChanges ranks them: Liam O'Connor's £2,236 first.
    const losses = largestChanges(repricing, "losses", 10).map(({ index, change }) => [
      book.whatIf.people[index].personId,
      change,
    ]);
    expect(block(read, layout.losses.row + 1, 10, 4).map((row) => [row[0], row[3]])).toEqual(losses);
    expect(losses[0]).toEqual(["P013", -2236]);
    // The fit of both tables against the twenty Agreed plans: PB.RAS_FIT's tables, R² 0.9414 now and 0.8782.
    const evidence = book.evidence!.evidence;
    expect(block(read, layout.fit.row, 7, 7)).toEqual(rasFitTable(fitRas(evidence, book.whatIf.current.table)));
    expect(block(read, layout.proposedFit.row, 7, 7)).toEqual(rasFitTable(fitRas(evidence, proposal.read!.table)));
    expect([read(layout.fit.row + 5, 2), read(layout.proposedFit.row + 5, 2)]).toEqual([0.9414, 0.8782]);

    // The cap typed on the pack: £1,000 a year. Only budgets over £10,000 lose more than that.
    const cells = capCells(layout.cap);
    workbook.setCell("Committee pack Freeze", cells.percent.row, cells.percent.column, null);
    workbook.setCell("Committee pack Freeze", cells.amount.row, cells.amount.column, 1000);
    const thousand = protectLosses(repricing, lossCap("amount", new Decimal(1000)));
    expect([figure("inUse"), figure("people"), figure("cost")]).toEqual(["£", thousand.people, thousand.cost]);
  });

  it("is laid out for A4 landscape: one print area, the title on every page, a page for each part", async () => {
    const { workbook, book } = await withFreeze();
    await writeCommitteePack(workbook, book, book.whatIf.proposals[0], null);
    const sheet = workbook.allSheets().find((candidate) => candidate.name === "Committee pack Freeze")!;
    // Columns A to I are 125 characters, 875 points: 88% fits them in A4 landscape's 770 points between margins.
    expect(PACK_WIDTHS.reduce((sum, width) => sum + width, 0)).toBe(125);
    expect(packScale()).toBe(88);
    expect(sheet.print).toEqual({
      paper: "A4",
      orientation: "Landscape",
      area: { row: 0, column: 0, rows: layout.proposedFit.row + layout.proposedFit.rows, columns: 9 },
      titleRows: { first: 0, last: 1 },
      breaksBefore: layout.pages,
      zoom: { scale: 88 },
      margins: { top: 36, bottom: 43.2, left: 36, right: 36, header: 18, footer: 21.6 },
      centerFooter: "Freeze: page &P of &N",
    });
    // Each page starts with its title; the charts sit on page 2, inside the print area's columns.
    const read = reader(workbook, "Committee pack Freeze");
    expect(layout.pages.map((row) => read(row, 0))).toEqual([
      "The RAS curves and the distribution of change",
      "Who gains and who loses most",
      "How well each fits what Agreed plans cost (Plans)",
    ]);
    expect(read(layout.losses.row - 1, 0)).toBe("Ten largest losses (worse off as proposed)");
    for (const chart of sheet.charts) {
      expect(chart.at.row).toBeGreaterThan(layout.pages[0]);
      expect(chart.at.row + chart.at.rows).toBeLessThanOrEqual(layout.pages[1]);
      expect(chart.at.column + chart.at.columns).toBeLessThanOrEqual(9);
    }
    // Nothing the pack reads sits in the print area's columns beyond row 2's status line: the data is right of I.
    expect(layout.everyone.column).toBeGreaterThan(9);
    expect(layout.evidence.column).toBeGreaterThan(layout.curve.column);
  });

  it("refuses a print layout Excel would refuse, adding nothing", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const spec = committeePackSheet({
      name: "Pack",
      proposed: "ProposedPricePoints",
      label: "ProposedPricePoints",
      careGroups: CARE_GROUPS,
      bands: BANDS,
      people: 20,
      plans: null,
    });
    await expect(workbook.addSheet({ ...spec, print: { ...spec.print!, zoom: { scale: 401 } } })).rejects.toThrow(
      "The sheet's print layout cannot be set: a scale of 401% (10% to 400%). Nothing was added.",
    );
    await expect(workbook.addSheet({ ...spec, print: { ...spec.print!, breaksBefore: [500] } })).rejects.toThrow(
      "a page break before row 501, not inside the print area",
    );
    expect((await workbook.names()).sheets).toEqual([]);
  });
});

describe("the Committee pack through the Office.js workbook", () => {
  async function excel() {
    const model = new ExcelModel();
    model.addSheet("Sheet1");
    const workbook = new OfficeWorkbook(model.run);
    await setUpWorkbook(workbook);
    const first = await readWhatIfBook(workbook);
    await createProposedTable(workbook, first, proposePriceTable(first.current.grid, { kind: "copy" }));
    return { model, workbook, book: await readScenarioBook(workbook) };
  }

  it("sets Excel's page layout in the same request: A4 landscape, print area, title rows, breaks, footer", async () => {
    const { model, workbook, book } = await excel();
    expect(model.pageLayout("Sheet1")).toMatchObject({ paperSize: "Letter", orientation: "Portrait", printArea: null });
    const before = model.syncs;
    expect(await writeCommitteePack(workbook, book, book.whatIf.proposals[0], fivePercent)).toEqual({
      sheet: "Committee pack",
    });
    const last = layout.proposedFit.row + layout.proposedFit.rows;
    expect(model.pageLayout("Committee pack")).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      margins: { top: 36, bottom: 43.2, left: 36, right: 36, header: 18, footer: 21.6 },
      centerHorizontally: true,
      printGridlines: false,
      zoom: { scale: 88 },
      printArea: `A1:I${last}`,
      printTitleRows: "$1:$2",
      centerFooter: "ProposedPricePoints: page &P of &N",
      horizontalBreaks: layout.pages.map((row) => `A${row + 1}`),
    });
    // The cap typed in the pane is in its cell, as a fraction shown as a percentage.
    const cells = capCells(layout.cap);
    expect(model.cell("Committee pack", `C${cells.percent.row + 1}`)).toMatchObject({ value: 0.05, format: "0.00%" });
    expect(model.charts("Committee pack").map((chart) => chart.position)).toEqual([
      { start: `A${layout.charts.curve.row + 1}`, end: `C${layout.charts.curve.row + 20}` },
      { start: `D${layout.charts.curve.row + 1}`, end: `I${layout.charts.curve.row + 20}` },
    ]);
    // Read (names, taken sheets), then one request for the sheet and its settings.
    expect(model.syncs - before).toBeLessThanOrEqual(3);
  });

  it("models Excel's refusals: a scale beyond 400, a zoom changed in part, title rows that are not rows", async () => {
    const { model } = await excel();
    const attempt = (work: (sheet: Excel.Worksheet) => void) =>
      model.run(async (context) => {
        work(context.workbook.worksheets.getItem("Sheet1"));
        await context.sync();
      });
    await expect(attempt((sheet) => (sheet.pageLayout.zoom = { scale: 401 }))).rejects.toThrow(
      "The print scale must be from 10 to 400; got 401.",
    );
    await expect(attempt((sheet) => (sheet.pageLayout.zoom.scale = 50))).rejects.toThrow(
      "The property 'zoom' is not available",
    );
    await expect(attempt((sheet) => sheet.pageLayout.setPrintTitleRows("A1:C2"))).rejects.toThrow(
      "Print title rows must be whole rows, such as $1:$3; got A1:C2.",
    );
    await expect(attempt((sheet) => (sheet.pageLayout.paperSize = "A9" as Excel.PaperType))).rejects.toThrow(
      "A9 is not a paper size.",
    );
    expect(model.pageLayout("Sheet1")).toMatchObject({ zoom: { scale: 100 }, printTitleRows: null });
  });
});

describe("the Committee pack's sheet spec", () => {
  const input = (careGroups: string[], plans: number | null, categories?: string[]) => ({
    name: "Committee pack Freeze",
    proposed: "ProposedPricePoints_Freeze",
    label: "Freeze",
    careGroups,
    ...(categories ? { categories } : { bands: BANDS }),
    people: 3,
    plans,
  });
  // Worked out as each test runs, not as the file loads, so mutation testing credits the tests that reach it.
  const four = () => packLayout({ careGroups: CARE_GROUPS, bands: BANDS });
  const cellAt = (spec: ReturnType<typeof committeePackSheet>, row: number, column: number) =>
    spec.cells.find((cell) => cell.row === row && cell.column === column);

  it("introduces the pack and explains the fit word for word, on the fit page's second row", () => {
    const spec = committeePackSheet(input(CARE_GROUPS, 3));
    const fitPage = four().pages[2];
    expect(cellAt(spec, 1, 0)?.value).toBe(
      "Annual indicative budgets of everyone in People, now and as proposed in ProposedPricePoints_Freeze, as live " +
        "formulas: edit the proposal or the cap and every figure here recalculates.",
    );
    expect(cellAt(spec, fitPage + 1, 0)?.value).toBe(
      "R² is 1 for a perfect fit; the mean absolute error is the typical £ between a plan's cost and its budget.",
    );
    expect(cellAt(spec, four().fit.row - 1, 0)).toMatchObject({
      value: "The current price points (PricePoints)",
      bold: true,
    });
    expect(cellAt(spec, four().proposedFit.row - 1, 0)).toMatchObject({
      value: "As proposed (ProposedPricePoints_Freeze)",
      bold: true,
    });
    // Four care groups: PB.RAS_FIT is given the evidence's care group column as its fourth argument.
    expect(cellAt(spec, four().fit.row, 0)?.formula).toMatch(/^=PB\.RAS_FIT\([^,]+,[^,]+,PricePoints\[#All\],[^,]+\)$/);
    expect(spec.columnWidths).toEqual([
      22, 20, 20, 13, 12, 9, 10, 9, 10, 3, 14, 22, 22, 12, 14, 14, 14, 12, 12, 12, 12,
    ]);
  });

  it("says there is no evidence, and measures no fit, in a workbook without Plans", () => {
    const spec = committeePackSheet(input(CARE_GROUPS, null));
    expect(cellAt(spec, four().pages[2] + 1, 0)?.value).toBe(
      "The workbook has no Plans table, so there is no evidence to measure the fit by.",
    );
    expect(spec.cells.filter((cell) => cell.formula?.includes("PB.RAS_FIT"))).toEqual([]);
  });

  it("fits one care group's table without a care group column: PB.RAS_FIT's header, All and Not used rows", () => {
    const one = packLayout({ careGroups: ["Everyone"], bands: BANDS });
    const spec = committeePackSheet(input(["Everyone"], 3));
    expect(cellAt(spec, one.fit.row, 0)?.formula).toMatch(/^=PB\.RAS_FIT\([^,]+,[^,]+,PricePoints\[#All\]\)$/);
    // Rows: 3 for one care group, 3 + 2 for two, 3 + 4 for four; the proposed fit two rows below the current one.
    expect(one.fit.rows).toBe(3);
    expect(packLayout({ careGroups: ["A", "B"], bands: BANDS }).fit.rows).toBe(5);
    expect(four().fit.rows).toBe(7);
    expect(four().proposedFit.row - four().fit.row).toBe(9);
  });

  it("places the curve's data, the distribution's and the evidence by hand-counted rows", () => {
    // Four bands: the curve at 2 × 4 + 2 + 4 = 14 points and its header, 15 rows, 1 + 2 × 4 = 9 columns; the
    // distribution 4 rows below it (row 3 + 15 + 4 = 22), 2 × 5 + 2 = 12 rows; the evidence a column after the wider.
    expect(four().curve).toMatchObject({ row: 3, rows: 15, columns: 9 });
    expect(four().distribution).toMatchObject({ row: 22, column: four().curve.column, rows: 12, columns: 2 });
    expect(four().evidence).toEqual({ row: 3, column: four().curve.column + 10 });
    // Three categories and one care group: 4 rows of 3 columns; the evidence after the curve's 3 columns.
    const categories = packLayout({ careGroups: ["Everyone"], categories: ["Low", "Medium", "High"] });
    expect(categories.curve).toMatchObject({ rows: 4, columns: 3 });
    expect(categories.distribution.row).toBe(11);
    expect(categories.evidence.column).toBe(categories.curve.column + 4);
    // Neither bands nor categories: the curve's 6 points at least and its header.
    expect(packLayout({ careGroups: ["Everyone"] }).curve.rows).toBe(7);
  });
});

describe("the scenarios read beside the what-if", () => {
  it("refuses a pack for a proposal whose table the workbook no longer has, adding no sheet", async () => {
    const { workbook, book } = await withFreeze();
    const sheets = workbook.sheetViews().map((sheet) => sheet.name);
    const gone = { ...book.whatIf.proposals[0], table: "ProposedPricePoints_Gone" };
    await expect(writeCommitteePack(workbook, book, gone, null)).rejects.toThrow(
      "The Committee pack compares ProposedPricePoints_Gone with PricePoints, and the workbook no longer has it: " +
        "Refresh. Nothing was changed.",
    );
    expect(workbook.sheetViews().map((sheet) => sheet.name)).toEqual(sheets);
  });

  it("formats a row of the pack's evidence for each of the twenty Agreed plans", async () => {
    const { workbook, book } = await withFreeze();
    expect(book.evidence?.evidence).toHaveLength(20);
    await writeCommitteePack(workbook, book, book.whatIf.proposals[0], null);
    const sheet = workbook.sheetViews().find((view) => view.name === "Committee pack Freeze")!;
    const { row, column } = layout.evidence;
    // The evidence's cost column (its fifth) is money down all twenty plans' rows, and only those.
    expect([19, 20].map((at) => sheet.cell(row + 1 + at, column + 4).numberFormat)).toEqual(["£#,##0.00", "General"]);
  });

  it("writes the pack with a row for evidence when Plans is there but cannot be read as evidence", async () => {
    const { workbook, book } = await withFreeze();
    const unread = { ...book, evidence: null, evidenceProblem: "Plans cannot be read." };
    expect(await writeCommitteePack(workbook, unread, book.whatIf.proposals[0], null)).toEqual({
      sheet: "Committee pack Freeze",
    });
    const sheet = workbook.sheetViews().find((view) => view.name === "Committee pack Freeze")!;
    const { row, column } = layout.evidence;
    expect([0, 1].map((at) => sheet.cell(row + 1 + at, column + 4).numberFormat)).toEqual(["£#,##0.00", "General"]);
  });

  it("names the largest gains as well as the largest losses, as largestChanges ranks them", async () => {
    const workbook = await reviewWorkbook(await pbFunctionLibrary());
    const first = await readWhatIfBook(workbook);
    const up = proposePriceTable(first.current.grid, { kind: "percent", percent: new Decimal(10), careGroup: null });
    await createProposedTable(workbook, first, up, "Uplift");
    const book = await readScenarioBook(workbook);
    const [scenario] = workbookScenarios(book, null, "2026-12-01");
    const { repricing } = whatIfSummary(book.whatIf, scenario.proposal.read!.table);
    const ranked = largestChanges(repricing, "gains", 10);
    expect(scenario.gains.map(({ personId, change }) => [personId, change])).toEqual(
      ranked.map(({ index, change }) => [book.whatIf.people[index].personId, change]),
    );
    expect(scenario.gains).toHaveLength(10);
    expect(scenario.losses).toEqual([]);
  });

  it("still compares proposals in a workbook without Plans, saying why its lights and fit are left out", async () => {
    const model = new ExcelModel();
    const workbook = new OfficeWorkbook(model.run);
    await setUpWorkbook(workbook);
    model.deleteSheet(model.sheet("Plans"));
    const first = await readWhatIfBook(workbook);
    const down = proposePriceTable(first.current.grid, { kind: "percent", percent: new Decimal(-10), careGroup: null });
    await createProposedTable(workbook, first, down, "Freeze");
    const book = await readScenarioBook(workbook);
    expect([book.plans, book.evidence]).toEqual([null, null]);
    expect(book.plansProblem).toBe(
      'The workbook has no Plans table. Use "Set up workbook" to add what is missing; ' +
        "nothing you already have is changed.",
    );
    expect(book.evidenceProblem).toBe(
      "The workbook has no Plans table: the review compares the price points in PricePoints with the Agreed plans in " +
        'Plans and their people\'s points in People. Use "Set up workbook" in Support plan to add what is missing; ' +
        "nothing you already have is changed.",
    );
    // The proposal is still measured, without lights or a fit.
    const [scenario] = workbookScenarios(book, null, "2026-12-01");
    expect([scenario.label, scenario.lights, scenario.fit]).toEqual(["Freeze", null, null]);
  });
});
