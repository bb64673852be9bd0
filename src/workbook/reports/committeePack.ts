// The Committee pack: the What-if's parts laid out to print on A4, landscape, a part a page, as live formulas (issue 25
// §4). The same builders as the What-if sheet (whatIfBlocks) and the Review sheet (evidenceBlock, fitBlock) at other
// places: what prints sits in columns A to I; the data it reads (everyone, the charts' data, the Agreed plans as
// evidence) sits to the right of the print area, where it does not print. Pages:
//   1. the summary by care group, the cap on losses and its cost (the cap's two cells above the summary);
//   2. the RAS curves and the distribution of change, side by side;
//   3. the ten largest losses and the ten largest gains;
//   4. the fit of the current and the proposed price points against what Agreed plans cost (PB.RAS_FIT).
// The title rows print at the top of every page. The cap's cells sit above every spill, as on the What-if sheet.
import { CellRange, PrintLayout, SheetSpec } from "../port";
import { PEOPLE, PLANS, PRICE_POINTS } from "../schema/tables";
import { PROTECTION_ROWS } from "./protectionBlock";
import { evidenceBlock, fitBlock } from "./review";
import { Cells } from "./specCells";
import {
  CHANGE_BANDS,
  curvePoints,
  EVERYONE_HEADERS,
  RANKED,
  RANKED_HEADERS,
  whatIfBlocks,
  WhatIfLayout,
  WhatIfSheetInput,
} from "./whatIf";

export interface CommitteePackInput extends WhatIfSheetInput {
  /** How the proposal is named to the committee: ProposedPricePoints, or its own name. */
  readonly label: string;
  /** How many Agreed plans there are now (their rows given number formats); null when the workbook has no Plans. */
  readonly plans: number | null;
}

/** Columns A to I, in characters: the summary's nine columns, wide enough for names in the ranked lists. */
export const PACK_WIDTHS = [22, 20, 20, 13, 12, 9, 10, 9, 10] as const;
/** A4 landscape is 842 × 595 points; half-inch margins at the sides. */
const A4_LANDSCAPE_WIDTH = 842;
const MARGINS = { top: 36, bottom: 43.2, left: 36, right: 36, header: 18, footer: 21.6 };
/** Points a character of the default font takes, as the Office workbook sets column widths. */
const POINTS_A_CHARACTER = 7;
/** The chart rows of page 2. */
const CHART_ROWS = 20;
/** Where the data the pack reads begins: right of the print area and a spare column. */
const DATA_COLUMN = PACK_WIDTHS.length + 1;

/** The print scale that fits columns A to I across the page: 100% at most. */
export function packScale(): number {
  const width = PACK_WIDTHS.reduce((sum, characters) => sum + characters, 0) * POINTS_A_CHARACTER;
  return Math.min(100, Math.floor(((A4_LANDSCAPE_WIDTH - MARGINS.left - MARGINS.right) / width) * 100));
}

/** Rows PB.RAS_FIT spills for these care groups: header, a row each (none for one), All, Not used. */
const fitRows = (careGroups: readonly string[]) => 3 + (careGroups.length > 1 ? careGroups.length : 0);

/** Where everything is: the What-if's parts, each page's first row, the fit blocks and the evidence. */
export interface PackLayout extends WhatIfLayout {
  /** The first row of pages 2, 3 and 4 (a page break before each). */
  readonly pages: readonly number[];
  readonly fit: CellRange;
  readonly proposedFit: CellRange;
  readonly evidence: { readonly row: number; readonly column: number };
  /** The whole print area. */
  readonly area: CellRange;
}

export function packLayout(input: Pick<CommitteePackInput, "careGroups" | "categories" | "bands">): PackLayout {
  const cap = { row: 3, column: 0 };
  const summary = { row: 7, column: 0, rows: input.careGroups.length + 3, columns: 9 };
  const protection = { row: summary.row + summary.rows + 1, column: 0, rows: PROTECTION_ROWS, columns: 3 };
  const chartsPage = protection.row + protection.rows + 1;
  const charts = {
    curve: { row: chartsPage + 1, column: 0, rows: CHART_ROWS, columns: 3 },
    distribution: { row: chartsPage + 1, column: 3, rows: CHART_ROWS, columns: 6 },
  };
  const rankedPage = chartsPage + CHART_ROWS + 2;
  const losses = { row: rankedPage + 2, column: 0, rows: RANKED + 1, columns: RANKED_HEADERS.length };
  const gains = { ...losses, row: losses.row + losses.rows + 2 };
  const fitPage = gains.row + gains.rows + 1;
  const fit = { row: fitPage + 3, column: 0, rows: fitRows(input.careGroups), columns: 7 };
  const proposedFit = { ...fit, row: fit.row + fit.rows + 2 };
  const everyone = { row: 3, column: DATA_COLUMN };
  const dataColumn = DATA_COLUMN + EVERYONE_HEADERS.length + 1;
  const curveRows = (input.categories?.length ?? curvePoints(input.bands?.count ?? 0)) + 1;
  const curve = { row: 3, column: dataColumn, rows: curveRows, columns: 1 + 2 * input.careGroups.length };
  const distribution = { row: curve.row + curve.rows + 4, column: dataColumn, rows: 2 * CHANGE_BANDS + 2, columns: 2 };
  const evidence = { row: 3, column: dataColumn + Math.max(curve.columns, distribution.columns) + 1 };
  const last = proposedFit.row + proposedFit.rows;
  return {
    status: { row: 2, column: 0 },
    summary,
    everyone,
    losses,
    gains,
    curve,
    distribution,
    cap,
    protection,
    charts,
    pages: [chartsPage, rankedPage, fitPage],
    fit,
    proposedFit,
    evidence,
    area: { row: 0, column: 0, rows: last, columns: PACK_WIDTHS.length },
  };
}

/** The Committee pack for a proposal. */
export function committeePackSheet(input: CommitteePackInput): SheetSpec {
  const layout = packLayout(input);
  const sheet = new Cells();
  const { title, value } = sheet;
  title(0, 0, `Committee pack: ${input.label} against the current price points (${PRICE_POINTS.name})`);
  value(
    1,
    0,
    `Annual indicative budgets of everyone in ${PEOPLE.name}, now and as proposed in ${input.proposed}, as live ` +
      "formulas: edit the proposal or the cap and every figure here recalculates.",
  );
  const charts = whatIfBlocks(sheet, input, layout);
  const [chartsPage, rankedPage, fitPage] = layout.pages;
  title(chartsPage, 0, "The RAS curves and the distribution of change");
  title(rankedPage, 0, "Who gains and who loses most");
  title(fitPage, 0, `How well each fits what Agreed plans cost (${PLANS.name})`);
  if (input.plans === null) {
    value(fitPage + 1, 0, `The workbook has no ${PLANS.name} table, so there is no evidence to measure the fit by.`);
  } else {
    const evidence = evidenceBlock(sheet, layout.evidence, input.plans);
    const single = input.careGroups.length === 1;
    const fit = (table: string) =>
      `=PB.RAS_FIT(${evidence.points},${evidence.cost},${table}${single ? "" : `,${evidence.careGroup}`})`;
    value(
      fitPage + 1,
      0,
      "R² is 1 for a perfect fit; the mean absolute error is the typical £ between a plan's cost and its budget.",
    );
    fitBlock(sheet, layout.fit, `The current price points (${PRICE_POINTS.name})`, fit(`${PRICE_POINTS.name}[#All]`));
    fitBlock(sheet, layout.proposedFit, `As proposed (${input.proposed})`, fit(`${input.proposed}[#All]`));
  }
  const print: PrintLayout = {
    paper: "A4",
    orientation: "Landscape",
    area: layout.area,
    titleRows: { first: 0, last: 1 },
    breaksBefore: layout.pages,
    zoom: { scale: packScale() },
    margins: MARGINS,
    centerFooter: `${input.label}: page &P of &N`,
  };
  return {
    name: input.name,
    cells: sheet.cells(),
    charts,
    columnWidths: [...PACK_WIDTHS, 3, 14, 22, 22, 12, 14, 14, 14, 12, 12, 12, 12],
    print,
  };
}
