// The Review sheet: how well the price points fit what Agreed plans cost, as live formulas (issue 25). A pure builder
// from PricePoints' shape to a SheetSpec; the pane writes it once and Excel (or the preview) recalculates it as plans
// are agreed and prices edited: a plan saved as Agreed → FILTER over Plans → PB.RAS_FIT and PB.CALIBRATE → here.
//
// The evidence is every Agreed plan in Plans: its annual plan cost (what the traffic light compares) and its person's
// points from People. The points are looked up with SUMIFS and COUNTIFS given the plans' Person IDs as criteria (one
// result per ID, as Excel and the preview give), and divided by (the number of People rows with that ID and points =
// 1): a plan whose person is missing, in People twice or not yet scored shows #DIV/0! (an error in People's Points
// passes through), and PB.RAS_FIT counts it as Not used rather than reading it as 0 points.
//
// Layout follows the What-if sheet's rule for the preview: whatever reads a spilled column sits to its right, never
// above and left of it. The evidence spills down columns A to G; every block that reads it starts at column I. The
// fitted table (PB.CALIBRATE) is the rightmost block: its columns are the care groups in the order plans first name
// them, as many as there are, so nothing stands in its way. The "as it would be proposed" block reads it by care-group
// name through a fixed range wider than it can be for the workbook's groups.
import { AGREED } from "../../engine";
import { a1, CellAddress, CellRange, ChartSpec, SheetSpec } from "../port";
import { MONEY_FORMAT } from "../schema/columns";
import { PEOPLE, PLANS, PRICE_POINTS } from "../schema/tables";
import { Cells, columnOf, fixed, fixedRange } from "./specCells";

export interface ReviewSheetInput {
  /** The sheet's name, not yet taken in the workbook. */
  readonly name: string;
  /** PricePoints' care groups in its column order (one name when one column prices everyone). */
  readonly careGroups: readonly string[];
  /** How many bands PricePoints has (rows of its body). */
  readonly bands: number;
  /** The header of PricePoints' first column (its lower bounds), as the table has it. */
  readonly boundsHeader: string;
  /** The equity block's points: 0, 10, 20 … the cohort's highest. */
  readonly equityPoints: readonly number[];
  /** How many Agreed plans there are now: the evidence rows given number formats (their spill grows beyond). */
  readonly plans: number;
}

/** R² and the median of cost ÷ budget: fractions to the 4 places the functions give. */
export const RATIO_FORMAT = "0.0000";
/** Shares within 10% and 50%. */
export const SHARE_FORMAT = "0.0%";
/** A cost within half a penny of its budget is on it (pence, subtracted in floating point). */
const HALF_PENNY = 0.005;
/** Evidence rows given number formats at most (a SheetSpec formats cells one by one). */
const FORMATTED_PLANS = 2_000;
/** Columns of the fixed range the proposal block reads the fitted table through, beyond PricePoints' own groups. */
const SPARE_FITTED_COLUMNS = 8;

/** The evidence block's columns, in order. */
export const EVIDENCE_HEADERS = [
  "Plan ID",
  "Person ID",
  "Care group",
  "Points",
  "Plan cost (annual)",
  "Indicative budget",
  "Cost − budget",
] as const;
/** The by-band block's columns, in order. */
export const BAND_HEADERS = [
  "Points from",
  "Plans",
  "Indicative budgets",
  "Plan costs",
  "Costs − budgets",
  "Costs ÷ budgets",
  "Above budget",
  "Below budget",
] as const;

export interface ReviewLayout {
  readonly status: CellAddress;
  /** The evidence: its header row, then one spilled formula a column. */
  readonly evidence: CellAddress;
  /** PB.RAS_FIT of the current price points (the header, care groups, All and Not used). */
  readonly fit: CellRange;
  /** By band: header row and a row per band. */
  readonly byBand: CellRange;
  /** PricePoints, cell by cell (header row and bands). */
  readonly current: CellRange;
  /** The fitted rates where fitted, else the current ones, in PricePoints' layout. */
  readonly proposed: CellRange;
  /** PB.RAS_FIT of the proposed block. */
  readonly proposedFit: CellRange;
  /** The same points priced for every care group. */
  readonly equity: CellRange;
  /** The equity chart: from the equity block's title row, right of the block (at RIGHT + 8 or further). */
  readonly chart: CellRange;
  /** PB.CALIBRATE's spill, and the fixed range the proposal block reads it through. */
  readonly fitted: CellRange;
}

/** The equity chart's width in columns. */
const CHART_COLUMNS = 8;
/** Where the blocks that read the evidence begin: right of its columns, and a spare column. */
const RIGHT = EVIDENCE_HEADERS.length + 1;

/** Rows PB.RAS_FIT spills for PricePoints' care groups: header, a row each (none for one column), All, Not used. */
const fitRows = (careGroups: readonly string[]) => 3 + (careGroups.length > 1 ? careGroups.length : 0);

export function reviewLayout(input: Omit<ReviewSheetInput, "name" | "plans">): ReviewLayout {
  const groups = input.careGroups.length;
  const fit = { row: 5, column: RIGHT, rows: fitRows(input.careGroups), columns: 7 };
  const byBand = { row: fit.row + fit.rows + 2, column: RIGHT, rows: input.bands + 1, columns: BAND_HEADERS.length };
  const current = { row: byBand.row + byBand.rows + 2, column: RIGHT, rows: input.bands + 1, columns: groups + 1 };
  const proposed = { ...current, column: current.column + current.columns + 1 };
  const proposedFit = { row: current.row + current.rows + 2, column: RIGHT, rows: fit.rows, columns: 7 };
  const equity = {
    row: proposedFit.row + proposedFit.rows + 3,
    column: RIGHT,
    rows: input.equityPoints.length + 1,
    columns: groups + 1,
  };
  const chartColumn = Math.max(equity.column + equity.columns + 1, RIGHT + 8);
  const chart = { row: equity.row - 2, column: chartColumn, rows: 18, columns: CHART_COLUMNS };
  // Right of the chart and of the proposal: the chart starts at RIGHT + 8 or further, so that is past the fit blocks.
  const fittedColumn = Math.max(chart.column + chart.columns + 1, proposed.column + proposed.columns + 1);
  const fitted = { row: 5, column: fittedColumn, rows: input.bands + 1, columns: groups + 1 + SPARE_FITTED_COLUMNS };
  return {
    status: { row: 2, column: 0 },
    evidence: { row: 5, column: 0 },
    fit,
    byBand,
    current,
    proposed,
    proposedFit,
    equity,
    chart,
    fitted,
  };
}

const plansColumn = (column: keyof typeof PLANS.columns) => `${PLANS.name}[${PLANS.columns[column].header}]`;
const people = (column: keyof typeof PEOPLE.columns) => `${PEOPLE.name}[${PEOPLE.columns[column].header}]`;
const CURRENT = `${PRICE_POINTS.name}[#All]`;

/** The Review sheet for a workbook whose PricePoints has these care groups and bands. */
export function reviewSheet(input: ReviewSheetInput): SheetSpec {
  const layout = reviewLayout(input);
  const sheet = new Cells();
  const { formula, value, title } = sheet;
  const single = input.careGroups.length === 1;

  title(0, 0, "RAS review: the price points against what Agreed plans cost");
  value(
    1,
    0,
    `Live formulas over ${PLANS.name} (every Agreed plan's annual plan cost), ${PEOPLE.name} (its person's points) ` +
      `and ${PRICE_POINTS.name}. Agree a plan or edit a price and everything here recalculates. Annual £.`,
  );
  const agreed = `COUNTIFS(${plansColumn("status")},"${AGREED}")`;
  formula(
    layout.status.row,
    layout.status.column,
    `=IF(${agreed}=0,"No plan in ${PLANS.name} is Agreed yet: the review compares the price points with Agreed ` +
      `plans' costs.",${agreed}&" Agreed plans are the evidence. A plan whose person cannot be found once in ` +
      `${PEOPLE.name} with points shows an error under Evidence and is counted as Not used.")`,
  );

  const { points, cost, careGroup, budget, difference } = evidenceBlock(sheet, layout.evidence, input.plans);
  const fitFormula = (table: string) => `=PB.RAS_FIT(${points},${cost},${table}${single ? "" : `,${careGroup}`})`;
  fitBlock(sheet, layout.fit, "Fit of the current price points (PB.RAS_FIT)", fitFormula(CURRENT));
  byBandBlock(sheet, layout.byBand, input, { points, cost, budget, difference });
  const current = currentBlock(sheet, layout.current);
  fittedBlock(sheet, layout.fitted, input, { points, cost, careGroup });
  proposedBlock(sheet, layout, input, current);
  fitBlock(
    sheet,
    layout.proposedFit,
    "Fit of the fitted table, as it would be proposed (PB.RAS_FIT)",
    fitFormula(fixedRange(layout.proposed)),
  );
  const chart = equityBlock(sheet, layout, input);

  return {
    name: input.name,
    cells: sheet.cells(),
    charts: [chart],
    columnWidths: [14, 12, 20, 9, 16, 16, 14, 3, 22, 12, 14, 14, 14, 14, 12, 12, 12],
  };
}

/** The evidence's spilled columns, as spill references (A7#). */
export interface Evidence {
  readonly points: string;
  readonly cost: string;
  readonly careGroup: string;
  readonly budget: string;
  readonly difference: string;
}

/**
 * The evidence: every Agreed plan, a row each, under a header row at `at` (its title above): Plan ID, Person ID, care
 * group, the person's points (SUMIFS over People ÷ (COUNTIFS = 1)), the plan's annual cost, its indicative budget
 * now and cost − budget. `plans` rows are given number formats.
 */
export function evidenceBlock(sheet: Cells, at: CellAddress, plans: number): Evidence {
  const { formula, title, formats } = sheet;
  const first = at.row + 1;
  const spill = (column: number) => `${fixed({ row: first, column: at.column + column })}#`;
  const [, personId, careGroup, points, cost, budget] = EVIDENCE_HEADERS.map((_, column) => spill(column));
  title(at.row - 1, at.column, "Evidence: every Agreed plan, with its person's points");
  EVIDENCE_HEADERS.forEach((header, column) => title(at.row, at.column + column, header));
  formats(
    { row: first, column: at.column + 4, rows: Math.max(1, Math.min(plans, FORMATTED_PLANS)), columns: 3 },
    MONEY_FORMAT,
  );
  const isAgreed = `${plansColumn("status")}="${AGREED}"`;
  const onePerson = `(COUNTIFS(${people("personId")},${personId},${people("points")},"<>")=1)`;
  [
    `=FILTER(${plansColumn("planId")},${isAgreed})&""`,
    `=FILTER(${plansColumn("personId")},${isAgreed})&""`,
    `=FILTER(${plansColumn("careGroup")},${isAgreed})&""`,
    `=SUMIFS(${people("points")},${people("personId")},${personId})/${onePerson}`,
    `=FILTER(${plansColumn("annual")},${isAgreed})`,
    `=PB.INDICATIVE_BUDGET(${points},${CURRENT},${careGroup})`,
    `=${cost}-${budget}`,
  ].forEach((text, column) => formula(first, at.column + column, text));
  return { points, cost, careGroup, budget, difference: spill(6) };
}

/** A PB.RAS_FIT table with its title and formats. */
export function fitBlock(sheet: Cells, block: CellRange, heading: string, formula: string) {
  sheet.title(block.row - 1, block.column, heading);
  sheet.formula(block.row, block.column, formula);
  const body = { row: block.row + 1, column: block.column, rows: block.rows - 1, columns: 1 };
  sheet.formats({ ...body, column: block.column + 2 }, RATIO_FORMAT);
  sheet.formats({ ...body, column: block.column + 3 }, MONEY_FORMAT);
  sheet.formats({ ...body, column: block.column + 4 }, RATIO_FORMAT);
  sheet.formats({ ...body, column: block.column + 5, columns: 2 }, SHARE_FORMAT);
}

/**
 * Where plans run above or below the indicative budget, by band of PricePoints (a band runs from its lower bound up
 * to the next one's). Rows whose budget or cost is an error (Not used) are left out: *IFS skip an error cell that
 * fails a criterion, and every row's budget and cost are required to be 0 or more.
 */
function byBandBlock(
  sheet: Cells,
  block: CellRange,
  input: ReviewSheetInput,
  columns: { points: string; cost: string; budget: string; difference: string },
) {
  const { formula, title, formats } = sheet;
  title(block.row - 1, block.column, "By points band: where plans cost more or less than the indicative budget");
  BAND_HEADERS.forEach((header, at) => title(block.row, block.column + at, header));
  const bounds = columnOf(PRICE_POINTS.name, input.boundsHeader);
  const { points, cost, budget, difference } = columns;
  for (let band = 0; band < input.bands; band++) {
    const row = block.row + 1 + band;
    const at = (column: number) => a1({ row, column: block.column + column });
    const from = at(0);
    const to = band + 1 < input.bands ? a1({ row: row + 1, column: block.column }) : null;
    const inBand = `${points},">="&${from}${to ? `,${points},"<"&${to}` : ""},${budget},">=0",${cost},">=0"`;
    formula(row, block.column, `=INDEX(${bounds},${band + 1})`);
    formula(row, block.column + 1, `=COUNTIFS(${inBand})`);
    formula(row, block.column + 2, `=SUMIFS(${budget},${inBand})`);
    formula(row, block.column + 3, `=SUMIFS(${cost},${inBand})`);
    formula(row, block.column + 4, `=${at(3)}-${at(2)}`);
    formula(row, block.column + 5, `=IF(${at(2)}=0,"",${at(3)}/${at(2)})`);
    formula(row, block.column + 6, `=COUNTIFS(${difference},">${HALF_PENNY}",${inBand})`);
    formula(row, block.column + 7, `=COUNTIFS(${difference},"<-${HALF_PENNY}",${inBand})`);
  }
  const body = { row: block.row + 1, column: block.column + 2, rows: input.bands, columns: 3 };
  formats(body, MONEY_FORMAT);
  formats({ ...body, column: block.column + 5, columns: 1 }, RATIO_FORMAT);
}

/** PricePoints cell by cell (a blank price stays blank, where a reference would show 0). Returns each cell's A1. */
function currentBlock(sheet: Cells, block: CellRange): (row: number, column: number) => string {
  sheet.title(block.row - 1, block.column, `Current price points (${PRICE_POINTS.name}), £ a year per point`);
  for (let row = 0; row < block.rows; row++) {
    for (let column = 0; column < block.columns; column++) {
      const cell = `INDEX(${CURRENT},${row + 1},${column + 1})`;
      sheet.formula(block.row + row, block.column + column, `=IF(${cell}="","",${cell})`, {
        ...(row === 0 ? { bold: true } : {}),
        ...(row > 0 && column > 0 ? { numberFormat: MONEY_FORMAT } : {}),
      });
    }
  }
  return (row, column) => a1({ row: block.row + row, column: block.column + column });
}

/** PB.CALIBRATE with PricePoints' bands: a column per care group, in the order Agreed plans first name them. */
function fittedBlock(
  sheet: Cells,
  block: CellRange,
  input: ReviewSheetInput,
  columns: { points: string; cost: string; careGroup: string },
) {
  const single = input.careGroups.length === 1;
  const bounds = columnOf(PRICE_POINTS.name, input.boundsHeader);
  sheet.title(block.row - 1, block.column, "Fitted price points (PB.CALIBRATE): #N/A where a band cannot be fitted");
  sheet.formula(
    block.row,
    block.column,
    `=PB.CALIBRATE(${columns.points},${columns.cost},${bounds}${single ? "" : `,${columns.careGroup}`})`,
  );
  sheet.formats(
    { row: block.row + 1, column: block.column + 1, rows: block.rows - 1, columns: block.columns - 1 },
    MONEY_FORMAT,
  );
}

/**
 * The fitted table as "Propose the fitted table" would make it: PricePoints' layout, each rate the fitted one where
 * its band could be fitted for its care group, else the current one; a blank price stays blank.
 */
function proposedBlock(
  sheet: Cells,
  layout: ReviewLayout,
  input: ReviewSheetInput,
  current: (row: number, column: number) => string,
) {
  const block = layout.proposed;
  const fitted = fixedRange(layout.fitted);
  const fittedHeader = fixedRange({ ...layout.fitted, rows: 1 });
  sheet.title(
    block.row - 1,
    block.column,
    "Fitted, as it would be proposed: the fitted rate where a band could be fitted, else the current one",
  );
  for (let row = 0; row < block.rows; row++) {
    for (let column = 0; column < block.columns; column++) {
      const here = current(row, column);
      const at = { row: block.row + row, column: block.column + column };
      if (row === 0 || column === 0) {
        sheet.formula(at.row, at.column, `=${here}`, row === 0 ? { bold: true } : {});
        continue;
      }
      const which = input.careGroups.length === 1 ? "2" : `MATCH(${current(0, column)},${fittedHeader},0)`;
      sheet.formula(at.row, at.column, `=IF(${here}="","",IFERROR(INDEX(${fitted},${row + 1},${which}),${here}))`, {
        numberFormat: MONEY_FORMAT,
      });
    }
  }
}

/** Figure 4 of the Audit Commission's report for one council: the same points priced for every care group. */
function equityBlock(sheet: Cells, layout: ReviewLayout, input: ReviewSheetInput): ChartSpec {
  const { formula, value, title, formats } = sheet;
  const block = layout.equity;
  const { row, column } = block;
  title(row - 2, column, "Equity: the same points priced for every care group (indicative budget a year)");
  title(row, column, "Points");
  input.equityPoints.forEach((points, at) => value(row + 1 + at, column, points));
  const xs = fixedRange({ row: row + 1, column, rows: input.equityPoints.length, columns: 1 });
  formats({ row: row + 1, column: column + 1, rows: block.rows - 1, columns: block.columns - 1 }, MONEY_FORMAT);
  input.careGroups.forEach((careGroup, group) => {
    const at = column + 1 + group;
    // The care group named in the header; the formula reads it from there.
    title(row, at, careGroup);
    formula(row + 1, at, `=PB.INDICATIVE_BUDGET(${xs},${CURRENT},${fixed({ row, column: at })})`);
  });
  value(
    row - 1,
    column,
    `Points 0 to ${input.equityPoints[input.equityPoints.length - 1]} in tens, to cover the highest in ` +
      `${PEOPLE.name} (or, with no one scored, the top band) when the sheet was written.`,
  );
  return {
    name: "Equity between care groups",
    title: "Indicative budget for the same points, by care group",
    type: "xyScatterLines",
    source: block,
    at: layout.chart,
    xAxisTitle: "Points",
    yAxisTitle: "Annual £",
  };
}
