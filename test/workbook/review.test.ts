// The RAS review on the in-memory (calculating) workbook, the one the browser preview shows: the evidence read from
// Plans and People, the pane's figures hand-checked, the Review sheet's live formulas calculated by the preview's
// engine and equal to the engine's figures (before and after a price is edited and a plan agreed), the fitted table
// proposed as ProposedPricePoints through the What-if's machinery, and nothing of the user's overwritten.
import { calibrationTable, EngineError, indicativeBudget, rasFitTable } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { CellRange } from "../../src/workbook/port";
import { EVIDENCE_HEADERS, reviewLayout, reviewSheet } from "../../src/workbook/reports/review";
import {
  fittedProposalName,
  equityPoints,
  proposeFittedPricePoints,
  readReviewBook,
  reviewSummary,
  writeReviewSheet,
} from "../../src/workbook/reports/reviewBook";
import { readWhatIfBook, whatIfSummary } from "../../src/workbook/reports/whatIfBook";
import { fieldsOf, tableEdit } from "../../src/workbook/schema/rows";
import { PLANS } from "../../src/workbook/schema/tables";
import { planRow } from "../support/financeWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { cellsByAddress } from "../support/specCells";
import { REVIEW_PLANS, reviewWorkbook } from "../support/reviewWorkbook";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const HEADER = [
  "Care group",
  "People",
  "R²",
  "Mean absolute error",
  "Median cost ÷ budget",
  "Within 10%",
  "Within 50%",
];

/**
 * PB.RAS_FIT of the starter's price points against the review's plans, worked out in exact fractions (a Python
 * Fraction reference): e.g. Older people's seven costs against budgets of £6,200, £10,640, £1,500, £19,560, £5,000,
 * £5,400 and £9,860; |cost − budget| 916.20 + 1,490.60 + 533.20 + 1,788.60 + 83 + 1,333.60 + 2,339.20 = 8,484.40,
 * ÷ 7 = £1,212.06; within 10%: P010 (9.1%) and P011 (1.7%), 2 of 7.
 */
const CURRENT_FIT = [
  HEADER,
  ["Older people", 7, 0.9456, 1212.06, 1.0914, 0.2857, 1],
  ["Physical disability", 4, 0.7663, 1283.7, 0.9904, 0.5, 0.75],
  ["Learning disability", 4, 0.953, 1315.05, 1.0223, 0.5, 1],
  ["Mental health", 4, 0.4185, 916.03, 1.0747, 0.25, 1],
  ["All", 19, 0.9414, 1186.5, 1.0445, 0.3684, 0.9474],
  ["Not used", 1, "", "", "", "", ""],
];
/** Non-negative least squares per care group (the same reference, by trying every set of zero rates). */
const NOBODY = (group: string) =>
  `Band from 60 points: nobody in ${group} scores above 60 points, so its rate cannot be fitted`;
const FITTED = [
  ["Points from", ...CARE_GROUPS],
  [0, 114.07, 278.07, 31.94, 174.55],
  [20, 271.38, 0, 401.84, 191.7],
  [40, 219.42, 418.6, 248.42, 83.79],
  [60, 402.22, `#N/A ${NOBODY("Physical disability")}`, 535.05, `#N/A ${NOBODY("Mental health")}`],
];
/** The fitted table as proposed: the current £350 and £300 kept where band 60+ cannot be fitted. */
const PROPOSED = [
  ["Points from", ...CARE_GROUPS],
  [0, 114.07, 278.07, 31.94, 174.55],
  [20, 271.38, 0, 401.84, 191.7],
  [40, 219.42, 418.6, 248.42, 83.79],
  [60, 402.22, 350, 535.05, 300],
];
const PROPOSED_FIT = [
  HEADER,
  ["Older people", 7, 0.9599, 950.4, 1.0176, 0.4286, 0.8571],
  ["Physical disability", 4, 0.9461, 657.8, 0.996, 1, 1],
  ["Learning disability", 4, 1, 0.1, 1, 1, 1],
  ["Mental health", 4, 0.6361, 710.67, 0.982, 0.5, 1],
  ["All", 19, 0.9776, 638.27, 1, 0.6842, 0.9474],
  ["Not used", 1, "", "", "", "", ""],
];

const shown = (cell: unknown) => (cell instanceof EngineError ? `#N/A ${cell.message}` : cell);

/** A block of a calculated sheet: errors as "#N/A message", blanks as "". */
function blockOf(workbook: MemoryWorkbook, sheetName: string, range: CellRange): unknown[][] {
  const sheet = workbook.sheetViews().find((view) => view.name === sheetName)!;
  return Array.from({ length: range.rows }, (_, row) =>
    Array.from({ length: range.columns }, (_, column) => {
      const cell = sheet.cell(range.row + row, range.column + column);
      return cell.error ? `${cell.error.code} ${cell.error.message}` : cell.value;
    }),
  );
}

describe("the RAS review on the in-memory workbook", () => {
  let workbook: MemoryWorkbook;
  beforeEach(async () => {
    workbook = await reviewWorkbook(await pbFunctionLibrary());
  });

  it("reads every Agreed plan as evidence, with its person's points, and says why a plan cannot be used", async () => {
    const book = await readReviewBook(workbook);
    expect(book.evidence).toHaveLength(20); // the Draft plan is no evidence
    expect(book.evidence[0]).toEqual({ points: 36, cost: 7116.2, careGroup: "Older people" });
    expect(book.highestPoints).toBe(83);
    const summary = reviewSummary(book);
    expect(summary.notUsed).toEqual([
      { planId: "PLAN-0020", personId: "P020", name: "Irene Walsh", why: "P020's Points in People show #N/A" },
    ]);
    expect(rasFitTable(summary.fit)).toEqual(CURRENT_FIT);
    expect(calibrationTable(summary.calibration!).map((row) => row.map(shown))).toEqual(FITTED);
    expect(summary.fitted!.proposal.grid).toEqual(PROPOSED);
    expect(summary.fitted!.kept).toEqual([
      { careGroup: "Physical disability", band: "band from 60 points", why: NOBODY("Physical disability") },
      { careGroup: "Mental health", band: "band from 60 points", why: NOBODY("Mental health") },
    ]);
    expect(rasFitTable(summary.fittedFit!)).toEqual(PROPOSED_FIT);
  });

  it("names a plan whose person is missing, in People twice or without points, as the sheet does", async () => {
    const plans = (await workbook.readTable("Plans"))!;
    const extra = [
      { ...REVIEW_PLANS[0], planId: "PLAN-0101", personId: "P999", name: "Nobody" },
      { ...REVIEW_PLANS[0], planId: "PLAN-0102", personId: "p011", name: "Ellen Murphy" }, // IDs match in any case
    ];
    await workbook.editTables([tableEdit(PLANS, plans, fieldsOf(PLANS), { append: extra.map(planRow) })]);
    const people = (await workbook.readTable("People"))!;
    const points = people.headers.indexOf("Points");
    workbook.setCell("People", 2, 0, "P001"); // P002's row now says P001: two P001 rows with points
    workbook.setCell("People", 3, points, null); // P003's points gone (the formula deleted)
    const book = await readReviewBook(workbook);
    const summary = reviewSummary(book);
    expect(summary.notUsed.map(({ planId, why }) => [planId, why])).toEqual([
      ["PLAN-0001", "P001 is in People 2 times"],
      ["PLAN-0002", "their person, P002, is not in People"],
      ["PLAN-0003", "P003 has no points in People yet"],
      ["PLAN-0020", "P020's Points in People show #N/A"],
      ["PLAN-0101", "their person, P999, is not in People"],
    ]);
    expect(summary.fit.all.people).toBe(17); // 22 Agreed plans, 5 not used
    // The sheet's SUMIFS ÷ (COUNTIFS = 1) leaves out the same plans.
    await writeReviewSheet(workbook, book);
    const layout = reviewLayout({
      careGroups: CARE_GROUPS,
      bands: 4,
      boundsHeader: "Points from",
      equityPoints: equityPoints(83, 60),
    });
    expect(blockOf(workbook, "Review", layout.fit)).toEqual(rasFitTable(summary.fit));
  });

  it("writes the Review sheet, whose live formulas give the pane's figures, and follows a price edit", async () => {
    const book = await readReviewBook(workbook);
    const made = await writeReviewSheet(workbook, book);
    expect(made).toEqual({ sheet: "Review" });
    const layout = reviewLayout({
      careGroups: CARE_GROUPS,
      bands: 4,
      boundsHeader: "Points from",
      equityPoints: equityPoints(83, 60),
    });
    const block = (range: CellRange) => blockOf(workbook, "Review", range);
    expect(block({ ...layout.status, rows: 1, columns: 1 })[0][0]).toMatch(/^20 Agreed plans are the evidence/);
    expect(block({ ...layout.evidence, rows: 3, columns: 7 })).toEqual([
      [...EVIDENCE_HEADERS],
      // Cost − budget is Excel's subtraction, in floating point, as the sheet shows it.
      ["PLAN-0001", "P001", "Older people", 36, 7116.2, 6200, 7116.2 - 6200],
      ["PLAN-0002", "P002", "Older people", 54, 9149.4, 10640, 9149.4 - 10640],
    ]);
    const last = block({ row: layout.evidence.row + 20, column: 0, rows: 1, columns: 7 })[0];
    expect(last.slice(0, 3)).toEqual(["PLAN-0020", "P020", "Older people"]);
    expect(last[3]).toMatch(/^#N\/A/);
    expect(block(layout.fit)).toEqual(CURRENT_FIT);
    expect(block({ ...layout.fitted, columns: 5 })).toEqual(FITTED);
    expect(block(layout.proposed)).toEqual(PROPOSED);
    expect(block(layout.proposedFit)).toEqual(PROPOSED_FIT);
    // By band, by hand: 20–40 holds P001, P011, P014, P004, P012, P007, P008 and P015.
    expect(block(layout.byBand).slice(1)).toEqual([
      [0, 1, 1500, 2033.2, 533.2, 2033.2 / 1500, 1, 0],
      [20, 8, 41975, 42188.9, 42188.9 - 41975, 42188.9 / 41975, 5, 3],
      [40, 7, 69900, 70145.4, 70145.4 - 69900, 70145.4 / 69900, 4, 3],
      [60, 3, 57060, 62012.6, 62012.6 - 57060, 62012.6 / 57060, 3, 0],
    ]);
    // Equity: 0 to 90 points in tens, each care group's budget as INDICATIVE_BUDGET gives it.
    const equity = block(layout.equity);
    expect(equity[0]).toEqual(["Points", ...CARE_GROUPS]);
    const table = book.current.table;
    expect(equity.slice(1)).toEqual(
      equityPoints(83, 60).map((points) => [
        points,
        ...CARE_GROUPS.map((careGroup) =>
          indicativeBudget(table, { points, careGroup }, { period: "annual", method: "marginal" }).toNumber(),
        ),
      ]),
    );
    // 90 points, Older people: 20 × 150 + 20 × 200 + 20 × 260 + 30 × 320
    expect(equity[10]).toEqual([90, 21_800, 23_600, 25_400, 20_400]);

    // Older people's first band from £150 to £160: 10 more a point on 20 points for six of them, 10 for P003.
    workbook.setCell("PricePoints", 1, 1, 160);
    const after = reviewSummary(await readReviewBook(workbook));
    expect(block(layout.fit)).toEqual(rasFitTable(after.fit));
    expect(block(layout.fit)[1]).not.toEqual(CURRENT_FIT[1]);
    expect(block(layout.proposed)[1]).toEqual([0, 114.07, 278.07, 31.94, 174.55]);
  });

  it("counts a plan agreed after the sheet was written", async () => {
    await writeReviewSheet(workbook, await readReviewBook(workbook));
    const plans = (await workbook.readTable("Plans"))!;
    const draft = plans.rows.findIndex((row) => row[0] === "PLAN-0021");
    await workbook.editTables([
      tableEdit(PLANS, plans, ["status"], {
        update: [{ row: draft, key: { header: "Plan ID", value: "PLAN-0021" }, value: { status: "Agreed" } }],
      }),
    ]);
    const layout = reviewLayout({
      careGroups: CARE_GROUPS,
      bands: 4,
      boundsHeader: "Points from",
      equityPoints: equityPoints(83, 60),
    });
    const fit = blockOf(workbook, "Review", layout.fit);
    expect(fit.find((row) => row[0] === "All")![1]).toBe(20);
    expect(fit).toEqual(rasFitTable(reviewSummary(await readReviewBook(workbook)).fit));
  });

  it("proposes the fitted table as ProposedPricePoints, then beside it as _Fitted, never over a proposal", async () => {
    const book = await readReviewBook(workbook);
    expect(fittedProposalName(book.names)).toBeNull();
    const summary = reviewSummary(book);
    const made = await proposeFittedPricePoints(workbook, summary.fitted!);
    expect(made).toEqual({ table: "ProposedPricePoints", sheet: "ProposedPricePoints" });
    const proposed = (await workbook.readTable("ProposedPricePoints"))!;
    expect([proposed.headers, ...proposed.rows]).toEqual(PROPOSED);
    const whatIf = await readWhatIfBook(workbook);
    const repriced = whatIfSummary(whatIf, whatIf.proposals[0].read!.table).repricing;
    // Older people's 7 assessed people: under the fitted table 36 points → 20 × 114.07 + 16 × 271.38 = 6,623.48 …
    expect(repriced.proposed[0]).toBe(6623.48);
    // Proposed again: ProposedPricePoints is taken, so the fitted table goes beside it, then beside that.
    expect(fittedProposalName((await readReviewBook(workbook)).names)).toBe("Fitted");
    expect(await proposeFittedPricePoints(workbook, summary.fitted!)).toEqual({
      table: "ProposedPricePoints_Fitted",
      sheet: "Proposal Fitted",
    });
    expect(await proposeFittedPricePoints(workbook, summary.fitted!)).toEqual({
      table: "ProposedPricePoints_Fitted2",
      sheet: "Proposal Fitted2",
    });
    const proposals = (await readWhatIfBook(workbook)).proposals;
    expect(proposals.map((proposal) => proposal.table)).toEqual([
      "ProposedPricePoints",
      "ProposedPricePoints_Fitted",
      "ProposedPricePoints_Fitted2",
    ]);
    expect(proposals.map((proposal) => proposal.read!.grid)).toEqual([PROPOSED, PROPOSED, PROPOSED]);
  });

  it("never overwrites a sheet, and refuses a category table, changing nothing", async () => {
    await workbook.addSheet({ name: "Review", cells: [{ row: 0, column: 0, value: "mine" }] });
    expect(await writeReviewSheet(workbook, await readReviewBook(workbook))).toEqual({ sheet: "Review (2)" });
    expect(
      workbook
        .sheetViews()
        .find((view) => view.name === "Review")!
        .cell(0, 0).value,
    ).toBe("mine");

    const categories = new MemoryWorkbook({ formulas: formulaEngine });
    await categories.addTables([
      {
        name: "PricePoints",
        sheet: "PricePoints",
        columns: [
          { header: "Category", numberFormat: "@" },
          { header: "Older people", numberFormat: "General" },
        ],
        rows: [["Basic", 2600]],
      },
      {
        name: "People",
        sheet: "People",
        columns: ["Person ID", "Name", "Care group", "Points"].map((header) => ({ header, numberFormat: "General" })),
        rows: [],
      },
      {
        name: "Plans",
        sheet: "Plans",
        columns: fieldsOf(PLANS).map((field) => ({ header: PLANS.columns[field].header, numberFormat: "General" })),
        rows: [],
      },
    ]);
    const book = await readReviewBook(categories);
    expect(reviewSummary(book).calibration).toBeNull();
    await expect(writeReviewSheet(categories, book)).rejects.toThrow(
      "The Review sheet fits price points in points bands, and PricePoints is a table of categories (an " +
        "outcomes-based RAS). PB.RAS_FIT still measures it in any cell. Nothing was changed.",
    );
    expect(categories.sheetViews().map((view) => view.name)).toEqual(["PricePoints", "People", "Plans"]);
  });

  it("says which tables are missing", async () => {
    const empty = new MemoryWorkbook({ formulas: formulaEngine });
    await expect(readReviewBook(empty)).rejects.toThrow(
      "The workbook has no Plans or People or PricePoints table: the review compares the price points in " +
        "PricePoints with the Agreed plans in Plans and their people's points in People. " +
        'Use "Set up workbook" in Support plan to add what is missing; nothing you already have is changed.',
    );
  });
});

describe("the Review sheet's spec", () => {
  const TWO_GROUPS = ["Older people", "Mental health"];
  const input = (careGroups: string[], plans = 2) => ({
    name: "Review",
    careGroups,
    bands: 3,
    boundsHeader: "Points from",
    equityPoints: [0, 10, 20],
    plans,
  });
  const MONEY = "£#,##0.00";
  const RATIO = "0.0000";
  const SHARE = "0.0%";
  const bold = (value: string) => ({ value, bold: true });
  // The evidence's spills: Care group in C, Points in D, Plan cost in E, Indicative budget in F, Cost − budget in G.
  const [GROUP, POINTS, COST, BUDGET, DIFFERENCE] = ["$C$7#", "$D$7#", "$E$7#", "$F$7#", "$G$7#"];

  it("lays the blocks out as worked by hand, for two care groups and three bands", () => {
    // Everything that reads the evidence (A to G, a spare H) starts at I. The fit: a header, the two groups, All and
    // Not used (I6:O10); two rows on, the by-band block's header and three bands (I13:P16); two rows on, PricePoints
    // (I19:K22) with the proposal beside it after a spare column (M19:O22); two rows on, the proposal's fit (I25:O29);
    // three rows on (room for a title and a note), the equity block (I33:K36). The chart sits at Q (I + 8, as the
    // equity block is narrow), 8 columns wide, and the fitted table after it and a spare column: Z.
    expect(reviewLayout(input(TWO_GROUPS))).toEqual({
      status: { row: 2, column: 0 },
      evidence: { row: 5, column: 0 },
      fit: { row: 5, column: 8, rows: 5, columns: 7 },
      byBand: { row: 12, column: 8, rows: 4, columns: 8 },
      current: { row: 18, column: 8, rows: 4, columns: 3 },
      proposed: { row: 18, column: 12, rows: 4, columns: 3 },
      proposedFit: { row: 24, column: 8, rows: 5, columns: 7 },
      equity: { row: 32, column: 8, rows: 4, columns: 3 },
      chart: { row: 30, column: 16, rows: 18, columns: 8 },
      // The two care groups and 8 spare columns, for groups plans name that PricePoints lacks.
      fitted: { row: 5, column: 25, rows: 4, columns: 11 },
    });
  });

  it("gives PB.RAS_FIT no care-group rows when one column prices everyone", () => {
    // The fit: header, All, Not used (I6:O8); by band from row 11; PricePoints I17:J20; the proposal from L.
    expect(reviewLayout(input(["Everyone"]))).toEqual({
      status: { row: 2, column: 0 },
      evidence: { row: 5, column: 0 },
      fit: { row: 5, column: 8, rows: 3, columns: 7 },
      byBand: { row: 10, column: 8, rows: 4, columns: 8 },
      current: { row: 16, column: 8, rows: 4, columns: 2 },
      proposed: { row: 16, column: 11, rows: 4, columns: 2 },
      proposedFit: { row: 22, column: 8, rows: 3, columns: 7 },
      equity: { row: 28, column: 8, rows: 4, columns: 2 },
      chart: { row: 26, column: 16, rows: 18, columns: 8 },
      fitted: { row: 5, column: 25, rows: 4, columns: 10 },
    });
  });

  it("moves the chart and the fitted table right when many care groups widen the blocks", () => {
    const eight = Array.from({ length: 8 }, (_, group) => `Group ${group + 1}`);
    const layout = reviewLayout(input(eight));
    // The fit has 11 rows (header, 8 groups, All, Not used): by band from row 19, PricePoints from row 25.
    // Equity I to Q (points and 8 groups): the chart from S, past a spare column.
    expect(layout.equity).toEqual({ row: 44, column: 8, rows: 4, columns: 9 });
    expect(layout.chart).toEqual({ row: 42, column: 18, rows: 18, columns: 8 });
    expect(reviewSheet(input(eight)).charts![0].at).toEqual({ row: 42, column: 18, rows: 18, columns: 8 });
    // The chart ends at Z (S + 8); the proposal (S to AA, beside PricePoints I to Q) ends further right, so the fitted
    // table starts past it and a spare column: AC.
    expect(layout.proposed).toEqual({ row: 24, column: 18, rows: 4, columns: 9 });
    expect(layout.fitted).toEqual({ row: 5, column: 28, rows: 4, columns: 17 });
  });

  it("writes the sheet's title, explanation, evidence headings and formats", () => {
    const sheet = reviewSheet(input(TWO_GROUPS));
    expect(sheet.name).toBe("Review");
    const cell = cellsByAddress(sheet.cells);
    expect(cell("A1")).toEqual(bold("RAS review: the price points against what Agreed plans cost"));
    expect(cell("A2")).toEqual({
      value:
        "Live formulas over Plans (every Agreed plan's annual plan cost), People (its person's points) and " +
        "PricePoints. Agree a plan or edit a price and everything here recalculates. Annual £.",
    });
    expect(cell("A5")).toEqual(bold("Evidence: every Agreed plan, with its person's points"));
    expect(cell("A6")).toEqual(bold("Plan ID"));
    expect(cell("G6")).toEqual(bold("Cost − budget"));
    expect(cell("A7")).toEqual({ formula: '=FILTER(Plans[Plan ID],Plans[Status]="Agreed")&""' });
    // Plan cost, budget and cost − budget in pounds, for as many rows as there are Agreed plans now.
    expect(cell("E7")).toEqual({
      formula: '=FILTER(Plans[Plan cost (annual)],Plans[Status]="Agreed")',
      numberFormat: MONEY,
    });
    expect(cell("G8")).toEqual({ numberFormat: MONEY });
    expect(cell("G9")).toBeUndefined();
    expect(cell("D8")).toBeUndefined(); // points are not money
    // With no Agreed plan yet the first row is still formatted; a huge cohort stops at 2,000 rows (rows 7 to 2006).
    expect(cellsByAddress(reviewSheet(input(TWO_GROUPS, 0)).cells)("E8")).toBeUndefined();
    expect(cellsByAddress(reviewSheet(input(TWO_GROUPS, 0)).cells)("F7")).toEqual({
      formula: "=PB.INDICATIVE_BUDGET($D$7#,PricePoints[#All],$C$7#)",
      numberFormat: MONEY,
    });
    const many = cellsByAddress(reviewSheet(input(TWO_GROUPS, 5000)).cells);
    expect(many("G2006")).toEqual({ numberFormat: MONEY });
    expect(many("G2007")).toBeUndefined();
    expect(sheet.columnWidths).toEqual([14, 12, 20, 9, 16, 16, 14, 3, 22, 12, 14, 14, 14, 14, 12, 12, 12]);
  });

  it("writes both fits' formulas, titles and formats, with the care groups when PricePoints has several", () => {
    const cell = cellsByAddress(reviewSheet(input(TWO_GROUPS)).cells);
    expect(cell("I5")).toEqual(bold("Fit of the current price points (PB.RAS_FIT)"));
    expect(cell("I6")).toEqual({ formula: `=PB.RAS_FIT(${POINTS},${COST},PricePoints[#All],${GROUP})` });
    // Columns: care group, people (counts), R², mean absolute error (£), median cost ÷ budget, within 10% and 50%.
    // The header row (6) and the rows below Not used (11) have none.
    for (const row of [7, 10]) {
      expect(["I", "J", "K", "L", "M", "N", "O", "P"].map((column) => cell(`${column}${row}`))).toEqual([
        undefined,
        undefined,
        { numberFormat: RATIO },
        { numberFormat: MONEY },
        { numberFormat: RATIO },
        { numberFormat: SHARE },
        { numberFormat: SHARE },
        undefined,
      ]);
    }
    expect(cell("K6")).toBeUndefined();
    expect(cell("K11")).toBeUndefined();
    expect(cell("I24")).toEqual(bold("Fit of the fitted table, as it would be proposed (PB.RAS_FIT)"));
    expect(cell("I25")).toEqual({ formula: `=PB.RAS_FIT(${POINTS},${COST},$M$19:$O$22,${GROUP})` });
    expect(cell("K26")).toEqual({ numberFormat: RATIO });
    expect(cell("O29")).toEqual({ numberFormat: SHARE });
    expect(cell("K30")).toBeUndefined();
  });

  it("writes the by-band block: headings, the first and last band's formulas and their formats", () => {
    const cell = cellsByAddress(reviewSheet(input(TWO_GROUPS)).cells);
    expect(cell("I12")).toEqual(bold("By points band: where plans cost more or less than the indicative budget"));
    expect(["I13", "J13", "K13", "L13", "M13", "N13", "O13", "P13"].map(cell)).toEqual(
      [
        "Points from",
        "Plans",
        "Indicative budgets",
        "Plan costs",
        "Costs − budgets",
        "Costs ÷ budgets",
        "Above budget",
        "Below budget",
      ].map(bold),
    );
    // The first band runs up to the next band's lower bound; the last has no upper bound.
    const first = `${POINTS},">="&I14,${POINTS},"<"&I15,${BUDGET},">=0",${COST},">=0"`;
    expect(["I14", "J14", "K14", "L14", "M14", "N14", "O14", "P14"].map(cell)).toEqual([
      { formula: "=INDEX(PricePoints[Points from],1)" },
      { formula: `=COUNTIFS(${first})` },
      { formula: `=SUMIFS(${BUDGET},${first})`, numberFormat: MONEY },
      { formula: `=SUMIFS(${COST},${first})`, numberFormat: MONEY },
      { formula: "=L14-K14", numberFormat: MONEY },
      { formula: '=IF(K14=0,"",L14/K14)', numberFormat: RATIO },
      // Half a penny either side of the budget is on it.
      { formula: `=COUNTIFS(${DIFFERENCE},">0.005",${first})` },
      { formula: `=COUNTIFS(${DIFFERENCE},"<-0.005",${first})` },
    ]);
    const last = `${POINTS},">="&I16,${BUDGET},">=0",${COST},">=0"`;
    expect(cell("I16")).toEqual({ formula: "=INDEX(PricePoints[Points from],3)" });
    expect(cell("J16")).toEqual({ formula: `=COUNTIFS(${last})` });
    expect(cell("M16")).toEqual({ formula: "=L16-K16", numberFormat: MONEY });
    expect(cell("N16")).toEqual({ formula: '=IF(K16=0,"",L16/K16)', numberFormat: RATIO });
    // Three bands, no fourth row.
    expect(["I17", "K17", "N17"].map(cell)).toEqual([undefined, undefined, undefined]);
  });

  it("copies PricePoints cell by cell and proposes the fitted rate where there is one, else the current", () => {
    const cell = cellsByAddress(reviewSheet(input(TWO_GROUPS)).cells);
    const price = (row: number, column: number) =>
      `=IF(INDEX(PricePoints[#All],${row},${column})="","",INDEX(PricePoints[#All],${row},${column}))`;
    expect(cell("I18")).toEqual(bold("Current price points (PricePoints), £ a year per point"));
    // The header row bold; the bounds plain; the rates in pounds.
    expect(cell("I19")).toEqual({ formula: price(1, 1), bold: true });
    expect(cell("K19")).toEqual({ formula: price(1, 3), bold: true });
    expect(cell("I20")).toEqual({ formula: price(2, 1) });
    expect(cell("J20")).toEqual({ formula: price(2, 2), numberFormat: MONEY });
    expect(cell("K22")).toEqual({ formula: price(4, 3), numberFormat: MONEY });
    expect(["I23", "L19", "L22"].map(cell)).toEqual([undefined, undefined, undefined]);

    expect(cell("Z5")).toEqual(bold("Fitted price points (PB.CALIBRATE): #N/A where a band cannot be fitted"));
    expect(cell("Z6")).toEqual({ formula: `=PB.CALIBRATE(${POINTS},${COST},PricePoints[Points from],${GROUP})` });
    // The rates of its spill (and the spare columns) in pounds: AA7 to AJ9.
    expect(["AA7", "AJ9"].map(cell)).toEqual([{ numberFormat: MONEY }, { numberFormat: MONEY }]);
    expect(["Z7", "AA6", "AK7", "AA10"].map(cell)).toEqual([undefined, undefined, undefined, undefined]);

    expect(cell("M18")).toEqual(
      bold("Fitted, as it would be proposed: the fitted rate where a band could be fitted, else the current one"),
    );
    expect(cell("M19")).toEqual({ formula: "=I19", bold: true });
    expect(cell("O19")).toEqual({ formula: "=K19", bold: true });
    expect(cell("M20")).toEqual({ formula: "=I20" });
    expect(cell("M22")).toEqual({ formula: "=I22" });
    // A rate: the fitted table's, found by its care group's name in the fitted header, else PricePoints' own.
    expect(cell("N20")).toEqual({
      formula: '=IF(J20="","",IFERROR(INDEX($Z$6:$AJ$9,2,MATCH(J19,$Z$6:$AJ$6,0)),J20))',
      numberFormat: MONEY,
    });
    expect(cell("O22")).toEqual({
      formula: '=IF(K22="","",IFERROR(INDEX($Z$6:$AJ$9,4,MATCH(K19,$Z$6:$AJ$6,0)),K22))',
      numberFormat: MONEY,
    });
    expect(["M23", "P19", "P22"].map(cell)).toEqual([undefined, undefined, undefined]);
  });

  it("writes the equity block and its chart", () => {
    const sheet = reviewSheet(input(TWO_GROUPS));
    const cell = cellsByAddress(sheet.cells);
    expect(cell("I31")).toEqual(bold("Equity: the same points priced for every care group (indicative budget a year)"));
    expect(cell("I32")).toEqual({
      value:
        "Points 0 to 20 in tens, to cover the highest in People (or, with no one scored, the top band) when the " +
        "sheet was written.",
    });
    expect(["I33", "J33", "K33"].map(cell)).toEqual([bold("Points"), bold("Older people"), bold("Mental health")]);
    expect(["I34", "I36"].map(cell)).toEqual([{ value: 0 }, { value: 20 }]);
    expect(cell("J34")).toEqual({
      formula: "=PB.INDICATIVE_BUDGET($I$34:$I$36,PricePoints[#All],$J$33)",
      numberFormat: MONEY,
    });
    expect(cell("K34")).toEqual({
      formula: "=PB.INDICATIVE_BUDGET($I$34:$I$36,PricePoints[#All],$K$33)",
      numberFormat: MONEY,
    });
    expect(cell("K36")).toEqual({ numberFormat: MONEY });
    expect(["J37", "L34", "I35"].map(cell)).toEqual([undefined, undefined, { value: 10 }]);
    expect(sheet.charts).toEqual([
      {
        name: "Equity between care groups",
        title: "Indicative budget for the same points, by care group",
        type: "xyScatterLines",
        source: { row: 32, column: 8, rows: 4, columns: 3 },
        // From the equity title's row, at Q: the equity block is narrower than 8 columns.
        at: { row: 30, column: 16, rows: 18, columns: 8 },
        xAxisTitle: "Points",
        yAxisTitle: "Annual £",
      },
    ]);
  });

  it("leaves the care groups out of the formulas when one column prices everyone", () => {
    const cell = cellsByAddress(reviewSheet(input(["Everyone"])).cells);
    expect(cell("I6")).toEqual({ formula: `=PB.RAS_FIT(${POINTS},${COST},PricePoints[#All])` });
    expect(cell("I23")).toEqual({ formula: `=PB.RAS_FIT(${POINTS},${COST},$L$17:$M$20)` });
    expect(cell("Z6")).toEqual({ formula: `=PB.CALIBRATE(${POINTS},${COST},PricePoints[Points from])` });
    // PB.CALIBRATE's one rate column is the fitted table's second.
    expect(cell("M18")).toEqual({
      formula: '=IF(J18="","",IFERROR(INDEX($Z$6:$AI$9,2,2),J18))',
      numberFormat: MONEY,
    });
  });
});
