// The RAS review on the in-memory (calculating) workbook, the one the browser preview shows: the evidence read from
// Plans and People, the pane's figures hand-checked, the Review sheet's live formulas calculated by the preview's
// engine and equal to the engine's figures (before and after a price is edited and a plan agreed), the fitted table
// proposed as ProposedPricePoints through the What-if's machinery, and nothing of the user's overwritten.
import { calibrationTable, EngineError, indicativeBudget, rasFitTable } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { CellRange } from "../../src/workbook/port";
import { EVIDENCE_HEADERS, reviewLayout } from "../../src/workbook/reports/review";
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
