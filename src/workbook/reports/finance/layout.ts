// Where everything is on the Finance sheet, 0-based, shared by the builder, the pane's reader of its inputs and the
// tests. The blocks run down the sheet, the projected outturn below the forecast's chart; the spills that grow with
// Plans and Payments are last, side by side on one row: the per-plan block from column A, the outturn's foot to its
// right.
import { COMMITMENT_PARTS, FORECAST_YEARS, MANAGED_AS } from "../../../engine";
import { CellAddress } from "../../port";
import { OutturnLayout, outturnLayout } from "../outturn";

/** A block of rows, 0-based: its title, its column headings, and its body's first and last rows. */
export interface Block {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly last: number;
}

/** Each block's columns after column A (the care group or the service). */
export const FINANCE_COLUMNS = {
  people: [...COMMITMENT_PARTS, "All people"],
  fullYear: [
    ...COMMITMENT_PARTS,
    "Full-year commitment",
    "Budget",
    "Variance (budget − commitment)",
    "% of budget committed",
  ],
  contributions: ["Full-year commitment", "People contribute", "Net commitment"],
  inYear: [...COMMITMENT_PARTS, "In-year commitment"],
  pipeline: ["Plans", "Full-year cost", "Commitment and pipeline", "% of budget if all agreed"],
  startingLater: ["People", "Full-year cost"],
  services: ["Annual commitment", "Share", ...MANAGED_AS],
  serviceTotals: ["Annual commitment", ...MANAGED_AS, "Rank"],
  indicative: [
    "People",
    "Not yet priced",
    "Indicative budgets",
    "People with Agreed plans",
    "Their indicative budgets",
    "Their plans' cost",
    "Plans against indicative",
  ],
  forecast: ["This year", ...Array.from({ length: FORECAST_YEARS }, (_, year) => `Year ${year + 1}`), "Budget"],
  chartSource: ["Forecast commitment", "Budget"],
} as const;

/** The per-plan block's columns, from column A: what each plan is and counts as, and its in-year amounts. */
export const PLAN_COLUMNS = {
  planId: 0,
  personId: 1,
  careGroup: 2,
  status: 3,
  leftOut: 4,
  committed: 5,
  startingLater: 6,
  pipeline: 7,
  /** In year, by part: direct payment, council-managed, ISF, one-off items. */
  inYear: 8,
  inYearTotal: 12,
  partsLessCost: 13,
  /** What the plan's person pays towards it a year (26 §5). */
  contribution: 14,
} as const;

export const PLAN_HEADINGS = [
  "Plan ID",
  "Person ID",
  "Care group",
  "Status",
  "Left out (1)",
  "In the commitment (1)",
  "Agreed, starting later (1)",
  "In the pipeline (1)",
  ...COMMITMENT_PARTS.map((part) => `In year: ${part}`),
  "In year: total",
  "Parts less plan cost",
  "Contribution a year",
] as const;

/** The chart's size in cells; it sits beside its data, and the per-plan block starts below it. */
export const CHART_ROWS = 16;

/** Where everything is, 0-based, for the pane's reader and the tests to find the figures. */
export interface FinanceLayout {
  readonly inputs: {
    readonly asAt: CellAddress;
    readonly yearStart: CellAddress;
    readonly yearEnd: CellAddress;
    readonly yearLabel: CellAddress;
    readonly from: CellAddress;
    /** The workbook's weeks in a year, from PlanSettings (26 §4): what a weekly charge counts a year. */
    readonly weeksInYear: CellAddress;
  };
  /** How many plans are left out of every figure and their IDs, in words (A3). */
  readonly leftOutNote: CellAddress;
  /** "All care groups" first, then each care group; column B growth, C inflation. */
  readonly assumptions: Block;
  /** Every by-care-group block has a row per care group, then "Other care groups", then "All care groups". */
  readonly people: Block;
  readonly fullYear: Block;
  readonly check: CellAddress;
  /** Full-year commitment, what people contribute to it, and the net commitment (26 §5). */
  readonly contributions: Block;
  readonly inYear: Block;
  readonly pipeline: Block;
  readonly startingLater: Block;
  /** The services in the order given, with their rank: what the ranked block below reads. */
  readonly serviceTotals: Block;
  /** Ranked services, one a row, then "Other services", then "All services". */
  readonly services: Block;
  readonly indicative: Block;
  readonly forecast: Block;
  readonly chartSource: Block;
  /** The projected outturn, from column A below the forecast's chart. */
  readonly outturn: OutturnLayout;
  /** Each plan: the formulas in row `first` spill down a row per row of Plans. `last` is `first`. */
  readonly plans: Block;
  /** Rows above the blocks that carry a section heading. */
  readonly sections: { readonly commitment: number; readonly inYear: number };
}

/** The sheet's layout for these care groups and services. */
export function financeLayout(options: {
  readonly careGroups: readonly string[];
  readonly services: readonly string[];
}): FinanceLayout {
  const byGroup = options.careGroups.length + 2;
  let row = 10; // after the title, the notes and the inputs (the last, the weeks in a year, in row 10)
  const skip = (rows: number) => (row += rows) - rows;
  const block = (bodyRows: number, withHeader = true): Block => {
    const title = skip(0);
    const header = withHeader ? title + 1 : title;
    row = header + 1 + bodyRows + 1; // a blank row after each block
    return { title, header, first: header + 1, last: header + bodyRows };
  };
  const assumptions = block(options.careGroups.length + 1, false);
  skip(1); // the note under the assumptions
  const commitment = skip(1);
  const people = block(byGroup);
  const fullYear = block(byGroup);
  const check = { row: skip(2), column: 1 };
  const contributions = block(byGroup);
  const inYearSection = skip(1);
  const inYear = block(byGroup);
  const pipeline = block(byGroup);
  const startingLater = block(byGroup);
  // The totals above the ranked list that reads them: the preview calculates the formulas above and left of a
  // range before reading it (their results might spill into it), so a block never reads one below it that reads
  // it back.
  const serviceTotals = block(options.services.length);
  const services = block(options.services.length + 2);
  const indicative = block(byGroup);
  const forecast = block(byGroup);
  const chartSource = block(FORECAST_YEARS + 1, false);
  row = Math.max(row, chartSource.title + CHART_ROWS + 1);
  const outturn = outturnLayout({
    at: { row, column: 0 },
    careGroups: options.careGroups,
    footColumn: PLAN_HEADINGS.length + 1,
  });
  const foot = outturn.foot;
  const plans: Block = { title: foot.header - 1, header: foot.header, first: foot.first, last: foot.first };
  return {
    inputs: {
      asAt: { row: 4, column: 1 },
      yearStart: { row: 5, column: 1 },
      yearEnd: { row: 6, column: 1 },
      yearLabel: { row: 7, column: 1 },
      from: { row: 8, column: 1 },
      weeksInYear: { row: 9, column: 1 },
    },
    leftOutNote: { row: 2, column: 0 },
    assumptions,
    people,
    fullYear,
    check,
    contributions,
    inYear,
    pipeline,
    startingLater,
    services,
    serviceTotals,
    indicative,
    forecast,
    chartSource,
    outturn,
    plans,
    sections: { commitment, inYear: inYearSection },
  };
}
