// The Finance sheet: what the council has committed to personal budgets, in the year and in future, as live
// formulas over the Plans, PlanLines, People and Budgets tables (the Audit Commission's paragraphs 45–53).
// Written once by the pane; Excel recalculates it from then on, so every figure a finance officer clicks is a
// formula over the tables. The engine's commitment.ts works out the same figures for the pane.
//
// Functions used: SUMIFS, COUNTIFS, COUNTA, SUM, SUMPRODUCT, INDEX, MATCH, ROUND, MAX, DATE, YEAR, MONTH, DAY,
// RIGHT and IF, which Excel, HyperFormula (the tests' engine) and the preview's formula library calculate
// alike, and PB.IN_YEAR_COST. No dynamic-array function is needed: services are ranked with COUNTIFS and listed
// largest first with INDEX/MATCH, where SORTBY would need Excel 2021 or later and HyperFormula lacks it. The
// formulas rely on two things Excel documents: a range given as a criterion makes COUNTIFS give one count per
// cell (so SUMPRODUCT(…*COUNTIFS(Plans[Plan ID],PlanLines[Plan ID],…)) joins each line to its plan), and "=" as a
// criterion matches blank cells (an ongoing plan's End date).
import {
  AGREED,
  ALL_CARE_GROUPS,
  COMMITMENT_PARTS,
  CommitmentPart,
  DateSerial,
  Decimal,
  FORECAST_YEARS,
  ForecastAssumptions,
  MANAGED_AS,
  ManagedAs,
  matchKey,
  OTHER_CARE_GROUPS,
  OTHER_SERVICES,
  PIPELINE_STATUSES,
} from "../../engine";
import { a1, CellAddress, ChartSpec, SheetCell, SheetSpec } from "../port";
import { DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from "../schema/columns";
import { BUDGETS, PEOPLE, PLAN_LINES, PLANS } from "../schema/tables";
import { outturnBlock } from "./outturn";

/** Starting points for the medium-term forecast, for the council to replace with its own. */
export const DEFAULT_ASSUMPTIONS: ForecastAssumptions = {
  all: {
    /** About the yearly growth in the number of older people in England (ONS population projections). */
    growth: new Decimal("0.02"),
    /** About recent yearly uplifts to care fees, which follow the National Living Wage. */
    inflation: new Decimal("0.04"),
  },
  own: new Map(),
};

export interface FinanceSheetOptions {
  /** The sheet's name: "Finance", or a free name beside a sheet of the user's. */
  readonly name: string;
  readonly asAt: DateSerial;
  readonly yearStart: DateSerial;
  /** The care groups shown one a row; any other is shown in "Other care groups", and all in a total. */
  readonly careGroups: readonly string[];
  /** The services shown one a row, ranked; any other is shown in "Other services". */
  readonly services: readonly string[];
  /** The forecast's rates: for all care groups, and a group's own, typed as values over its formulas. */
  readonly assumptions?: ForecastAssumptions;
  /** Whether the workbook has a BudgetProfile table, which the outturn block's monthly budget then follows. */
  readonly budgetProfile?: boolean;
}

/** A block of rows, 0-based: its title, its column headings, and its body's first and last rows. */
export interface Block {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly last: number;
}

const COUNT_FORMAT = "0";
const PARTS = COMMITMENT_PARTS.length;

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
  inYear: [...COMMITMENT_PARTS, "In-year commitment"],
  pipeline: ["Plans", "Full-year cost", "Commitment and pipeline", "% of budget if all agreed"],
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

/** Where everything is, 0-based, for the tests to find the figures. */
export interface FinanceLayout {
  readonly inputs: {
    readonly asAt: CellAddress;
    readonly yearStart: CellAddress;
    readonly yearEnd: CellAddress;
    readonly yearLabel: CellAddress;
    readonly from: CellAddress;
  };
  /** "All care groups" first, then each care group; column B growth, C inflation. */
  readonly assumptions: Block;
  /** Every by-care-group block has a row per care group, then "Other care groups", then "All care groups". */
  readonly people: Block;
  readonly fullYear: Block;
  readonly check: CellAddress;
  readonly inYear: Block;
  readonly pipeline: Block;
  /** The services in the order given, with their rank: what the ranked block below reads. */
  readonly serviceTotals: Block;
  /** Ranked services, one a row, then "Other services", then "All services". */
  readonly services: Block;
  readonly indicative: Block;
  readonly forecast: Block;
  readonly chartSource: Block;
  /** Rows above the blocks that carry a section heading. */
  readonly sections: { readonly commitment: number; readonly inYear: number };
}

/** The sheet's layout for these care groups and services, shared by the builder and the tests. */
export function financeLayout(options: Pick<FinanceSheetOptions, "careGroups" | "services">): FinanceLayout {
  const byGroup = options.careGroups.length + 2;
  let row = 10; // after the title, the note and the inputs
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
  const inYearSection = skip(1);
  const inYear = block(byGroup);
  const pipeline = block(byGroup);
  // The totals above the ranked list that reads them: the preview calculates the formulas above and left of a
  // range before reading it (their results might spill into it), so a block never reads one below it that reads
  // it back.
  const serviceTotals = block(options.services.length);
  const services = block(options.services.length + 2);
  const indicative = block(byGroup);
  const forecast = block(byGroup);
  const chartSource = block(FORECAST_YEARS + 1, false);
  return {
    inputs: {
      asAt: { row: 4, column: 1 },
      yearStart: { row: 5, column: 1 },
      yearEnd: { row: 6, column: 1 },
      yearLabel: { row: 7, column: 1 },
      from: { row: 8, column: 1 },
    },
    assumptions,
    people,
    fullYear,
    check,
    inYear,
    pipeline,
    services,
    serviceTotals,
    indicative,
    forecast,
    chartSource,
    sections: { commitment, inYear: inYearSection },
  };
}

/** An Excel string literal. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const ref = (row: number, column: number) => a1({ row, column });
const fixed = (row: number, column: number) => ref(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** A row's care group or service: column A fixed, so the formula reads like its neighbours. */
const label = (row: number) => `$A${row + 1}`;
const down = (column: number, first: number, last: number) => `${ref(first, column)}:${ref(last, column)}`;
const fixedDown = (column: number, first: number, last: number) => `${fixed(first, column)}:${fixed(last, column)}`;

const plans = (header: string) => `${PLANS.name}[${header}]`;
const lines = (header: string) => `${PLAN_LINES.name}[${header}]`;
const people = (header: string) => `${PEOPLE.name}[${header}]`;
const budgets = (header: string) => `${BUDGETS.name}[${header}]`;
const P = PLANS.columns;
const PLAN_PART: Readonly<Record<CommitmentPart, string>> = {
  ...(Object.fromEntries(MANAGED_AS.map((way) => [way, plans(P[`${way} (annual)`].header)])) as Record<
    ManagedAs,
    string
  >),
  "One-off items": plans(P.oneOff.header),
};
const PEOPLE_GROUP = people(PEOPLE.columns.careGroup.header);
const PEOPLE_BUDGET = people(PEOPLE.columns.indicativeBudget.header);

/** The formulas over the tables, given the input cells. A care group is a cell naming it, or null for all. */
function tableFormulas(layout: FinanceLayout) {
  const asAt = fixed(layout.inputs.asAt.row, layout.inputs.asAt.column);
  const from = fixed(layout.inputs.from.row, layout.inputs.from.column);
  const yearEnd = fixed(layout.inputs.yearEnd.row, layout.inputs.yearEnd.column);
  const ofGroup = (careGroup: string | null) =>
    careGroup === null ? "" : `,${plans(P.careGroup.header)},${careGroup}`;
  /** Criteria for plans of a status in force at the as-at date: ongoing ("=": no End date) or ending on or after it. */
  const inForce = (status: string, careGroup: string | null, extra = "") => {
    const criteria = `${plans(P.status.header)},${quoted(status)}${ofGroup(careGroup)}${extra}`;
    return [`${criteria},${plans(P.endDate.header)},"="`, `${criteria},${plans(P.endDate.header)},">="&${asAt}`];
  };
  const sumIfs = (column: string, status: string, careGroup: string | null) =>
    inForce(status, careGroup)
      .map((criteria) => `SUMIFS(${column},${criteria})`)
      .join("+");
  const countIfs = (status: string, careGroup: string | null, extra = "") =>
    inForce(status, careGroup, extra)
      .map((criteria) => `COUNTIFS(${criteria})`)
      .join("+");
  /** For each line of PlanLines, 1 when its plan is Agreed and in force, else 0: the join of lines to plans. */
  const agreedLine = inForce(AGREED, null)
    .map((criteria) => `COUNTIFS(${plans(P.planId.header)},${lines(PLAN_LINES.columns.planId.header)},${criteria})`)
    .join("+");
  return {
    /** People with an Agreed plan in force with an amount in one part, or all of them. */
    people: (part: CommitmentPart | null, careGroup: string | null) =>
      `=${countIfs(AGREED, careGroup, part === null ? "" : `,${PLAN_PART[part]},">0"`)}`,
    fullYear: (part: CommitmentPart, careGroup: string | null) => `=${sumIfs(PLAN_PART[part], AGREED, careGroup)}`,
    /**
     * Recurring parts by PB.IN_YEAR_COST over every plan's dates (0 for another status or care group, and for a
     * plan ended before the as-at date), to the penny as it gives them; one-off items in full for plans starting
     * from the as-at date to the year's end. An empty Plans table (one blank row, #N/A to IN_YEAR_COST) adds 0.
     */
    inYear: (part: CommitmentPart, careGroup: string | null) => {
      const status = `${plans(P.status.header)},${quoted(AGREED)}`;
      if (part === "One-off items") {
        const start = plans(P.startDate.header);
        const starting = `${start},">="&${from},${start},"<="&${yearEnd}`;
        return `=SUMIFS(${PLAN_PART[part]},${status}${ofGroup(careGroup)},${starting})`;
      }
      const mask = [`(${plans(P.status.header)}=${quoted(AGREED)})`];
      if (careGroup !== null) mask.push(`(${plans(P.careGroup.header)}=${careGroup})`);
      const dates = `${plans(P.startDate.header)},${plans(P.endDate.header)}`;
      const cost = `PB.IN_YEAR_COST(${PLAN_PART[part]},${dates},${from},${yearEnd})`;
      return `=IF(COUNTA(${plans(P.planId.header)})=0,0,ROUND(SUMPRODUCT(${mask.join("*")}*${cost}),2))`;
    },
    pipelinePlans: (careGroup: string | null) =>
      `=${PIPELINE_STATUSES.map((status) => countIfs(status, careGroup)).join("+")}`,
    pipelineCost: (careGroup: string | null) =>
      `=${PIPELINE_STATUSES.map((status) => sumIfs(plans(P.annual.header), status, careGroup)).join("+")}`,
    budget: (careGroup: string | null) => {
      const amount = budgets(BUDGETS.columns.annualBudget.header);
      return careGroup === null
        ? `=SUM(${amount})`
        : `=SUMIFS(${amount},${budgets(BUDGETS.columns.careGroup.header)},${careGroup})`;
    },
    /** Agreed plans' lines of one service (or all), managed one way (or any), a year. */
    service: (service: string | null, way: string | null) => {
      const mask = [lines(PLAN_LINES.columns.annualCost.header)];
      if (service !== null) mask.push(`(${lines(PLAN_LINES.columns.service.header)}=${service})`);
      if (way !== null) mask.push(`(${lines(PLAN_LINES.columns.managedAs.header)}=${quoted(way)})`);
      return `=ROUND(SUMPRODUCT(${mask.join("*")}*(${agreedLine})),2)`;
    },
    cohort: (careGroup: string | null) =>
      careGroup === null ? `=COUNTA(${PEOPLE_GROUP})` : `=COUNTIFS(${PEOPLE_GROUP},${careGroup})`,
    /** People not yet priced: an assessment in progress shows #N/A, which no criterion meets. */
    notPriced: (careGroup: string | null, cohortCell: string) =>
      careGroup === null
        ? `=${cohortCell}-COUNTIFS(${PEOPLE_BUDGET},">=0")`
        : `=${cohortCell}-COUNTIFS(${PEOPLE_GROUP},${careGroup},${PEOPLE_BUDGET},">=0")`,
    cohortIndicative: (careGroup: string | null) =>
      careGroup === null
        ? `=SUMIFS(${PEOPLE_BUDGET},${PEOPLE_BUDGET},">=0")`
        : `=SUMIFS(${PEOPLE_BUDGET},${PEOPLE_GROUP},${careGroup},${PEOPLE_BUDGET},">=0")`,
    agreedIndicative: (careGroup: string | null) => `=${sumIfs(plans(P.indicativeAnnual.header), AGREED, careGroup)}`,
    agreedCost: (careGroup: string | null) => `=${sumIfs(plans(P.annual.header), AGREED, careGroup)}`,
    /** Plans whose parts do not add up to their plan cost: more than the 2p the parts' own rounding can make. */
    check: () => {
      const parts = COMMITMENT_PARTS.map((part) => PLAN_PART[part]).join("+");
      const difference = `(${parts}-${plans(P.annual.header)})`;
      return `=SUMPRODUCT((${difference}>0.025)+(${difference}<-0.025))`;
    },
  };
}

type Content = Omit<SheetCell, "row" | "column">;
/** A figure of a by-care-group block: a formula for a care group (a cell naming it) or all (null). */
type GroupFigure = (careGroup: string | null, row: number) => string;
/** A figure worked out from other cells of the same row, the same for every row. */
type RowFigure = (row: number) => string;

/** The sheet's cells, the last written to an address winning. */
class Cells {
  private readonly cells = new Map<string, SheetCell>();
  put(row: number, column: number, content: Content): void {
    this.cells.set(ref(row, column), { row, column, ...content });
  }
  text(row: number, column: number, value: string, bold = false): void {
    this.put(row, column, bold ? { value, bold } : { value });
  }
  headings(block: Block, first: string, names: readonly string[]): void {
    this.text(block.header, 0, first, true);
    names.forEach((name, at) => this.text(block.header, at + 1, name, true));
  }
  all(): SheetCell[] {
    return [...this.cells.values()];
  }
}

/**
 * A block with a row per care group, then "Other care groups" (all less the groups listed, for the figures that
 * add up) and "All care groups" (bold). Each column is a figure over the tables or a figure of its own row.
 */
function byCareGroup(
  cells: Cells,
  block: Block,
  careGroups: readonly string[],
  title: string,
  columns: readonly { heading: string; format: string; figure: GroupFigure | { row: RowFigure } }[],
): void {
  cells.text(block.title, 0, title, true);
  cells.headings(
    block,
    "Care group",
    columns.map((column) => column.heading),
  );
  const other = block.last - 1;
  const all = block.last;
  [...careGroups, OTHER_CARE_GROUPS, ALL_CARE_GROUPS].forEach((careGroup, index) => {
    const row = block.first + index;
    const bold = row === all;
    cells.text(row, 0, careGroup, bold);
    columns.forEach(({ format, figure }, at) => {
      const column = at + 1;
      const formula =
        typeof figure === "object"
          ? figure.row(row)
          : row === other
            ? `=ROUND(${ref(all, column)}-SUM(${down(column, block.first, other - 1)}),2)`
            : figure(row === all ? null : label(row), row);
      cells.put(row, column, bold ? { formula, numberFormat: format, bold } : { formula, numberFormat: format });
    });
  });
}

/** "2026/27" for the year `years` after the one starting at `start` (from April), "2027" for a calendar year. */
function yearLabel(start: string, years: number): string {
  const year = `(YEAR(${start})+${years})`;
  return `=IF(MONTH(${start})=1,""&${year},${year}&"/"&RIGHT(${year}+1,2))`;
}

/** Builds the Finance sheet: the inputs, then each block of figures, each a formula over the tables. */
export function financeSheet(options: FinanceSheetOptions): SheetSpec {
  const layout = financeLayout(options);
  const f = tableFormulas(layout);
  const cells = new Cells();
  const groups = options.careGroups;
  const { inputs } = layout;

  cells.text(0, 0, "Personal budgets: commitment and forecast", true);
  cells.text(
    1,
    0,
    "Written once by the Personal Budgets add-in; Excel keeps it up to date. Every figure is a formula over the " +
      "Plans, PlanLines, People and Budgets tables. Change the inputs in column B.",
  );
  cells.text(3, 0, "Inputs", true);
  const yearStart = ref(inputs.yearStart.row, inputs.yearStart.column);
  const input = (address: CellAddress, name: string, content: Content) => {
    cells.text(address.row, 0, name);
    cells.put(address.row, address.column, content);
  };
  input(inputs.asAt, "As at", { value: options.asAt, numberFormat: DATE_FORMAT });
  input(inputs.yearStart, "Financial year starts", { value: options.yearStart, numberFormat: DATE_FORMAT });
  input(inputs.yearEnd, "Financial year ends", {
    formula: `=DATE(YEAR(${yearStart})+1,MONTH(${yearStart}),DAY(${yearStart}))-1`,
    numberFormat: DATE_FORMAT,
  });
  input(inputs.yearLabel, "Financial year", { formula: yearLabel(yearStart, 0) });
  input(inputs.from, "In-year commitment counts from", {
    formula: `=MAX(${ref(inputs.asAt.row, inputs.asAt.column)},${yearStart})`,
    numberFormat: DATE_FORMAT,
  });

  writeAssumptions(cells, layout.assumptions, groups, options.assumptions ?? DEFAULT_ASSUMPTIONS);

  cells.text(layout.sections.commitment, 0, "Commitment at the as-at date: Agreed plans not ended before it", true);
  const partColumns = (format: string, figure: (part: CommitmentPart) => GroupFigure) =>
    COMMITMENT_PARTS.map((part) => ({ heading: part, format, figure: figure(part) }));
  byCareGroup(cells, layout.people, groups, "People with Agreed plans, by how their money is managed", [
    ...partColumns(COUNT_FORMAT, (part) => (careGroup) => f.people(part, careGroup)),
    { heading: "All people", format: COUNT_FORMAT, figure: (careGroup) => f.people(null, careGroup) },
  ]);

  const [total, budget] = [PARTS + 1, PARTS + 2];
  // Added with "+", which passes an error on in every engine (the preview's SUM skips one).
  const sumOfParts = {
    row: (row: number) => `=${Array.from({ length: PARTS }, (_, at) => ref(row, 1 + at)).join("+")}`,
  };
  const [fullYearTotal, budgetHeading, varianceHeading, committedHeading] = FINANCE_COLUMNS.fullYear.slice(PARTS);
  byCareGroup(cells, layout.fullYear, groups, "Full-year commitment: what Agreed plans cost a year", [
    ...partColumns(MONEY_FORMAT, (part) => (careGroup) => f.fullYear(part, careGroup)),
    { heading: fullYearTotal, format: MONEY_FORMAT, figure: sumOfParts },
    { heading: budgetHeading, format: MONEY_FORMAT, figure: (careGroup) => f.budget(careGroup) },
    {
      heading: varianceHeading,
      format: MONEY_FORMAT,
      figure: { row: (row) => `=${ref(row, budget)}-${ref(row, total)}` },
    },
    {
      heading: committedHeading,
      format: PERCENT_FORMAT,
      figure: { row: (row) => `=IF(${ref(row, budget)}=0,"",${ref(row, total)}/${ref(row, budget)})` },
    },
  ]);
  cells.text(layout.check.row, 0, "Check: plans whose parts do not add up to their plan cost (0 when right)");
  cells.put(layout.check.row, layout.check.column, { formula: f.check(), numberFormat: COUNT_FORMAT });

  cells.text(layout.sections.inYear, 0, "In-year commitment: from the as-at date to the year's end", true);
  byCareGroup(
    cells,
    layout.inYear,
    groups,
    "Recurring costs by PB.IN_YEAR_COST over each plan's dates; one-off items of plans starting in that time",
    [
      ...partColumns(MONEY_FORMAT, (part) => (careGroup) => f.inYear(part, careGroup)),
      { heading: "In-year commitment", format: MONEY_FORMAT, figure: sumOfParts },
    ],
  );

  const fullYearRow = (block: Block, row: number) => row - block.first + layout.fullYear.first;
  const pipeline = layout.pipeline;
  const [plansHeading, costHeading, withPipelineHeading, ifAgreedHeading] = FINANCE_COLUMNS.pipeline;
  byCareGroup(cells, pipeline, groups, `Pipeline: plans not yet agreed (${PIPELINE_STATUSES.join(" or ")})`, [
    { heading: plansHeading, format: COUNT_FORMAT, figure: (careGroup) => f.pipelinePlans(careGroup) },
    { heading: costHeading, format: MONEY_FORMAT, figure: (careGroup) => f.pipelineCost(careGroup) },
    {
      heading: withPipelineHeading,
      format: MONEY_FORMAT,
      figure: { row: (row) => `=${ref(fullYearRow(pipeline, row), total)}+${ref(row, 2)}` },
    },
    {
      heading: ifAgreedHeading,
      format: PERCENT_FORMAT,
      figure: {
        row: (row) => {
          const rowBudget = ref(fullYearRow(pipeline, row), budget);
          return `=IF(${rowBudget}=0,"",${ref(row, 3)}/${rowBudget})`;
        },
      },
    },
  ]);

  writeServices(cells, layout, options.services, f);
  writeIndicative(cells, layout, groups, f);
  const chart = writeForecast(cells, layout, groups, yearStart);
  const outturnAt = { row: layout.chartSource.title + 16 + 2, column: 0 };
  const outturn = outturnBlock({ at: outturnAt, inputs, careGroups: groups, budgetProfile: !!options.budgetProfile });
  return {
    name: options.name,
    cells: [...cells.all(), ...outturn.cells],
    charts: [chart, ...outturn.charts],
    columnWidths: [44, ...Array.from({ length: 9 }, () => 17)],
  };
}

/** One row of rates for all care groups, which each group's row follows (by formula) until its own is typed. */
function writeAssumptions(
  cells: Cells,
  block: Block,
  careGroups: readonly string[],
  assumptions: ForecastAssumptions,
): void {
  const rates = ["growth", "inflation"] as const;
  cells.text(block.title, 0, "Forecast assumptions, a year", true);
  cells.text(block.title, 1, "Growth in people", true);
  cells.text(block.title, 2, "Price inflation", true);
  cells.text(block.first, 0, ALL_CARE_GROUPS);
  rates.forEach((rate, at) =>
    cells.put(block.first, 1 + at, { value: assumptions.all[rate].toNumber(), numberFormat: PERCENT_FORMAT }),
  );
  careGroups.forEach((careGroup, index) => {
    const row = block.first + 1 + index;
    const own = assumptions.own.get(matchKey(careGroup));
    cells.text(row, 0, careGroup);
    rates.forEach((rate, at) => {
      const column = 1 + at;
      const value = own?.[rate];
      cells.put(
        row,
        column,
        value === undefined
          ? { formula: `=${fixed(block.first, column)}`, numberFormat: PERCENT_FORMAT }
          : { value: value.toNumber(), numberFormat: PERCENT_FORMAT },
      );
    });
  });
  cells.text(block.last + 1, 0, "A care group follows All care groups until you type its own rate over the formula.");
}

/**
 * What people spend their budgets on: each service's Agreed lines in the order given, with a rank (equal totals
 * in that order), and the same listed largest first by INDEX/MATCH on the rank, with the share of the total.
 */
function writeServices(
  cells: Cells,
  layout: FinanceLayout,
  services: readonly string[],
  f: ReturnType<typeof tableFormulas>,
): void {
  const totals = layout.serviceTotals;
  const ranked = layout.services;
  const [other, all] = [ranked.last - 1, ranked.last];
  const rankColumn = FINANCE_COLUMNS.serviceTotals.length;
  const column = (at: number) => fixedDown(at, totals.first, totals.last);

  cells.text(totals.title, 0, "Agreed plans' lines by service, in the catalogue's order, with each one's rank", true);
  cells.headings(totals, "Service", FINANCE_COLUMNS.serviceTotals);
  services.forEach((service, index) => {
    const row = totals.first + index;
    cells.text(row, 0, service);
    cells.put(row, 1, { formula: f.service(label(row), null), numberFormat: MONEY_FORMAT });
    MANAGED_AS.forEach((way, at) =>
      cells.put(row, 2 + at, { formula: f.service(label(row), way), numberFormat: MONEY_FORMAT }),
    );
    const own = ref(row, 1);
    const rank = `=COUNTIFS(${column(1)},">"&${own})+COUNTIFS(${fixed(totals.first, 1)}:${own},${own})`;
    cells.put(row, rankColumn, { formula: rank, numberFormat: COUNT_FORMAT });
  });

  cells.text(
    ranked.title,
    0,
    "What people spend their budgets on: Agreed plans' lines by service, largest first",
    true,
  );
  cells.headings(ranked, "Service", FINANCE_COLUMNS.services);
  const share = (row: number) => `=IF(${fixed(all, 1)}=0,"",${ref(row, 1)}/${fixed(all, 1)})`;
  const money = (row: number, at: number, formula: string, bold = false) =>
    cells.put(row, at, bold ? { formula, numberFormat: MONEY_FORMAT, bold } : { formula, numberFormat: MONEY_FORMAT });
  services.forEach((_, index) => {
    const row = ranked.first + index;
    const match = `MATCH(${index + 1},${column(rankColumn)},0)`;
    cells.put(row, 0, { formula: `=INDEX(${column(0)},${match})` });
    money(row, 1, `=INDEX(${column(1)},${match})`);
    cells.put(row, 2, { formula: share(row), numberFormat: PERCENT_FORMAT });
    MANAGED_AS.forEach((_, at) => money(row, 3 + at, `=INDEX(${column(2 + at)},${match})`));
  });
  const otherOf = (at: number) =>
    services.length === 0 ? `=${ref(all, at)}` : `=ROUND(${ref(all, at)}-SUM(${down(at, ranked.first, other - 1)}),2)`;
  cells.text(other, 0, OTHER_SERVICES);
  money(other, 1, otherOf(1));
  cells.put(other, 2, { formula: share(other), numberFormat: PERCENT_FORMAT });
  MANAGED_AS.forEach((_, at) => money(other, 3 + at, otherOf(3 + at)));
  cells.text(all, 0, "All services", true);
  money(all, 1, f.service(null, null), true);
  cells.put(all, 2, { formula: share(all), numberFormat: PERCENT_FORMAT, bold: true });
  MANAGED_AS.forEach((way, at) => money(all, 3 + at, f.service(null, way), true));
}

/** The RAS's own commitment (the cohort's indicative budgets) beside what Agreed plans actually commit. */
function writeIndicative(
  cells: Cells,
  layout: FinanceLayout,
  careGroups: readonly string[],
  f: ReturnType<typeof tableFormulas>,
): void {
  const block = layout.indicative;
  const peopleRow = (row: number) => row - block.first + layout.people.first;
  const [peopleHeading, notPriced, indicative, withPlans, theirIndicative, theirCost, against] =
    FINANCE_COLUMNS.indicative;
  byCareGroup(cells, block, careGroups, "Indicative budgets against plans: what the RAS commits, what plans commit", [
    { heading: peopleHeading, format: COUNT_FORMAT, figure: (careGroup) => f.cohort(careGroup) },
    { heading: notPriced, format: COUNT_FORMAT, figure: (careGroup, row) => f.notPriced(careGroup, ref(row, 1)) },
    { heading: indicative, format: MONEY_FORMAT, figure: (careGroup) => f.cohortIndicative(careGroup) },
    {
      heading: withPlans,
      format: COUNT_FORMAT,
      figure: { row: (row) => `=${ref(peopleRow(row), FINANCE_COLUMNS.people.length)}` },
    },
    { heading: theirIndicative, format: MONEY_FORMAT, figure: (careGroup) => f.agreedIndicative(careGroup) },
    { heading: theirCost, format: MONEY_FORMAT, figure: (careGroup) => f.agreedCost(careGroup) },
    {
      heading: against,
      format: PERCENT_FORMAT,
      figure: { row: (row) => `=IF(${ref(row, 5)}=0,"",${ref(row, 6)}/${ref(row, 5)}-1)` },
    },
  ]);
}

/**
 * The next three financial years: each care group's recurring full-year commitment (one-off items left out),
 * grown each year by its assumptions, beside this year's budget held flat; and a chart of all care groups'
 * forecast against the budget, year by year.
 */
function writeForecast(
  cells: Cells,
  layout: FinanceLayout,
  careGroups: readonly string[],
  yearStart: string,
): ChartSpec {
  const block = layout.forecast;
  const years = FORECAST_YEARS;
  const fullYearRow = (row: number) => row - block.first + layout.fullYear.first;
  const all = block.last;
  const assumptionRow = (row: number) =>
    row < block.first + careGroups.length
      ? layout.assumptions.first + 1 + (row - block.first)
      : layout.assumptions.first;
  const recurring = {
    row: (row: number) => `=${MANAGED_AS.map((_, at) => ref(fullYearRow(row), 1 + at)).join("+")}`,
  };
  const grown = (year: number) => ({
    row: (row: number) => {
      if (row === all) return `=SUM(${down(1 + year, block.first, all - 1)})`;
      const [growth, inflation] = [fixed(assumptionRow(row), 1), fixed(assumptionRow(row), 2)];
      return `=ROUND($B${row + 1}*(1+${growth})^${year}*(1+${inflation})^${year},2)`;
    },
  });
  byCareGroup(
    cells,
    block,
    careGroups,
    "Medium-term forecast: recurring commitment grown by the assumptions; budget held at this year's",
    [
      { heading: FINANCE_COLUMNS.forecast[0], format: MONEY_FORMAT, figure: recurring },
      ...Array.from({ length: years }, (_, at) => ({
        heading: FINANCE_COLUMNS.forecast[1 + at],
        format: MONEY_FORMAT,
        figure: grown(at + 1),
      })),
      {
        heading: FINANCE_COLUMNS.forecast[years + 1],
        format: MONEY_FORMAT,
        figure: { row: (row: number) => `=${ref(fullYearRow(row), PARTS + 2)}` },
      },
    ],
  );
  // Each year's heading names it: 2026/27, 2027/28…
  for (let year = 0; year <= years; year++)
    cells.put(block.header, 1 + year, { formula: yearLabel(yearStart, year), bold: true });

  const source = layout.chartSource;
  cells.text(source.title, 0, "Financial year", true);
  FINANCE_COLUMNS.chartSource.forEach((heading, at) => cells.text(source.title, 1 + at, heading, true));
  for (let year = 0; year <= years; year++) {
    const row = source.first + year;
    cells.put(row, 0, { formula: `=${ref(block.header, 1 + year)}` });
    cells.put(row, 1, { formula: `=${ref(all, 1 + year)}`, numberFormat: MONEY_FORMAT });
    cells.put(row, 2, { formula: `=${ref(all, years + 2)}`, numberFormat: MONEY_FORMAT });
  }
  return {
    name: "ForecastAgainstBudget",
    title: "Forecast commitment against budget",
    type: "columnClustered",
    source: { row: source.title, column: 0, rows: years + 2, columns: 3 },
    at: { row: source.title, column: 4, rows: 16, columns: 6 },
    xAxisTitle: "Financial year",
    yAxisTitle: "£ a year",
  };
}
