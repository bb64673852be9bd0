// The projected outturn as a block of live formulas, for the Finance sheet (or any sheet with the inputs it names):
// by care group, the budget, actual spend to date (Payments), the remaining commitment of Agreed plans from the day
// after the as-at date to the year's end, the projected outturn and the variance; the payments matched to no Agreed
// plan; a month-by-month profile and a native line chart of cumulative spend and forecast against the budget. The
// engine's outturn.ts works out the same figures for the pane.
//
// How the formulas are built, and why:
// - No custom function inside an aggregate. office-js#3286 reports SUMPRODUCT over a custom function's result giving 0
//   or #CALC! in Excel on the web. Each plan's commitment to each month's end is a visible spilled value at the foot
//   of the block (PB.IN_YEAR_COST spilled over Plans, one column a month), and every total is a SUMIFS over it.
// - Each payment's place is a spilled 1/0 flag at the foot too (in the year to date; matched to an Agreed plan; the
//   care group it counts in), made of comparisons and COUNTIFS with a range as the criterion, which every engine
//   applies cell by cell; IF or ISNUMBER over a column would not be applied so in the preview's engine.
// - Every figure above the foot is a formula of its own over the tables and those spills, never over another figure
//   of the block that reads them: the preview's engine calculates the formulas above and left of a spill it reads
//   first, and one reading a figure still being calculated would keep an error.
// - SUMIFS and the comparisons leave out what the engine's reader leaves out and names: a payment whose date is not a
//   date or whose amount is not a number, and (by the Left out flag) an Agreed plan without a start date, ending
//   before it starts, or with an amount that is blank, text or below 0.
import { ALL_CARE_GROUPS, MANAGED_AS, NOT_MATCHED, OTHER_CARE_GROUPS } from "../../engine";
import { a1, CellAddress, ChartSpec, SheetCell } from "../port";
import { DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from "../schema/columns";
import { BUDGET_PROFILE, PAYMENTS, PLANS } from "../schema/tables";
import { budgetSum } from "./finance/budgets";
import { fixed, quoted } from "./specCells";

export interface OutturnBlockOptions {
  /** The block's top-left cell, 0-based. */
  readonly at: CellAddress;
  /** The sheet's input cells: the as-at date, the financial year's first and last days, and its label. */
  readonly inputs: {
    readonly asAt: CellAddress;
    readonly yearStart: CellAddress;
    readonly yearEnd: CellAddress;
    readonly yearLabel: CellAddress;
  };
  /** Whether the Budgets table has a Financial year column: then the budget is the year's rows (and blank ones). */
  readonly budgetYears: boolean;
  /** The care groups shown one a row; plans in any other count in Other care groups. */
  readonly careGroups: readonly string[];
  /** Whether the workbook has a BudgetProfile table: the monthly budget then follows its shares while it has any. */
  readonly budgetProfile: boolean;
  /** The foot's first column, when not the block's (the Finance sheet keeps its per-plan block to the left of it). */
  readonly footColumn?: number;
}

/** Where everything is, 0-based, for the pane's readers and the tests. */
export interface OutturnLayout {
  /** The block's top-left cell. */
  readonly at: CellAddress;
  readonly remainingFrom: CellAddress;
  /** Count in column +1, the plans' IDs in column +2. */
  readonly leftOut: CellAddress;
  /** Count in column +1, total in column +2. */
  readonly unmatched: CellAddress;
  /** The by-care-group table: care groups, Other care groups, Not matched to an Agreed plan, All care groups. */
  readonly summary: { readonly header: number; readonly first: number; readonly last: number };
  readonly months: { readonly header: number; readonly first: number; readonly last: number };
  /**
   * The foot: a row per row of Plans from the block's first column, a row per row of Payments from `paymentsColumn`,
   * and the payments matched to no Agreed plan from `listColumn`, spilled from row `first`.
   */
  readonly foot: {
    readonly header: number;
    readonly first: number;
    /** The per-plan columns' first. */
    readonly column: number;
    readonly paymentsColumn: number;
    readonly listColumn: number;
  };
  readonly lastRow: number;
}

/** The by-care-group table's columns after the care group. */
export const OUTTURN_COLUMNS = [
  "Budget",
  "Actual spend to date",
  "Remaining commitment",
  "Projected outturn",
  "Variance (budget − outturn)",
  "Variance %",
] as const;

/** The monthly table's columns: the chart reads the first four. */
export const MONTH_COLUMNS = [
  "Month",
  "Cumulative budget",
  "Cumulative actual",
  "Cumulative projected",
  "Budget",
  "Actual",
  "Forecast",
  "Month starts",
  "Month ends",
  "Committed after the as-at date, to the month's end",
  "BudgetProfile share",
] as const;

const MONTHS = 12;
/** The foot's columns: per plan from the block's first column, per payment from PAYMENT_FOOT, unmatched after. */
const PLAN_FOOT = { planId: 0, careGroup: 1, status: 2, leftOut: 3, counted: 4, committed: 5 } as const;
const PAYMENT_FOOT = PLAN_FOOT.committed + MONTHS + 1;
/** The last day Excel holds; text compares above every number, so "> it" also catches text. */
const LAST_SERIAL = 2_958_465;
const AMOUNT_LIMIT = 1_000_000_000_000;
const CHART_ROWS = 16;
/** Rows of the unmatched payments' list given date and money formats. */
const LISTED_ROWS = 200;

export function outturnLayout(options: Pick<OutturnBlockOptions, "at" | "careGroups" | "footColumn">): OutturnLayout {
  const top = options.at.row;
  const left = options.at.column;
  const footLeft = options.footColumn ?? left;
  const summaryFirst = top + 7;
  const summaryLast = summaryFirst + options.careGroups.length + 2;
  const monthsHeader = summaryLast + 3;
  const footHeader = Math.max(monthsHeader + MONTHS, monthsHeader - 1 + CHART_ROWS) + 3;
  return {
    at: options.at,
    remainingFrom: { row: top + 2, column: left + 1 },
    leftOut: { row: top + 3, column: left },
    unmatched: { row: top + 4, column: left },
    summary: { header: top + 6, first: summaryFirst, last: summaryLast },
    months: { header: monthsHeader, first: monthsHeader + 1, last: monthsHeader + MONTHS },
    foot: {
      header: footHeader,
      first: footHeader + 1,
      column: footLeft,
      paymentsColumn: footLeft + PAYMENT_FOOT,
      listColumn: footLeft + PAYMENT_FOOT + options.careGroups.length + 5,
    },
    lastRow: footHeader + 1,
  };
}

const plans = (header: string) => `${PLANS.name}[${header}]`;
const payments = (header: string) => `${PAYMENTS.name}[${header}]`;
const P = PLANS.columns;
const C = PAYMENTS.columns;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The block's cells and its chart. */
export function outturnBlock(options: OutturnBlockOptions): {
  cells: SheetCell[];
  charts: ChartSpec[];
  layout: OutturnLayout;
} {
  const layout = outturnLayout(options);
  const left = options.at.column;
  const groups = options.careGroups;
  const cells = new Map<string, SheetCell>();
  const put = (row: number, column: number, content: Omit<SheetCell, "row" | "column">) =>
    cells.set(a1({ row, column }), { row, column, ...content });
  const text = (row: number, column: number, value: string, bold = false) =>
    put(row, column, bold ? { value, bold } : { value });
  const asAt = fixed(options.inputs.asAt);
  const yearStart = fixed(options.inputs.yearStart);
  const yearEnd = fixed(options.inputs.yearEnd);
  const from = fixed(layout.remainingFrom);
  const foot = layout.foot.first;
  const footLeft = layout.foot.column;
  const spill = (column: number) => `${fixed({ row: foot, column: footLeft + column })}#`;

  // The foot's spills, by name.
  const plan = {
    planId: spill(PLAN_FOOT.planId),
    careGroup: spill(PLAN_FOOT.careGroup),
    leftOut: spill(PLAN_FOOT.leftOut),
    counted: spill(PLAN_FOOT.counted),
    committed: (month: number) => spill(PLAN_FOOT.committed + month),
  };
  const payment = {
    yearToDate: spill(PAYMENT_FOOT),
    group: (index: number) => spill(PAYMENT_FOOT + 2 + index),
    other: spill(PAYMENT_FOOT + 2 + groups.length),
    notMatched: spill(PAYMENT_FOOT + 3 + groups.length),
  };
  const labelOf = (index: number) => fixed({ row: layout.summary.first + index, column: left });

  // The title, what the block counts, and the day the remaining commitment counts from.
  const top = options.at.row;
  text(top, left, "Projected outturn: spend to date and what Agreed plans still commit, against the budget", true);
  text(
    top + 1,
    left,
    "Actual spend: the Payments table from the year's first day to the as-at date (refunds and recovered surpluses " +
      "are negative). Remaining commitment: Agreed plans from the day after the as-at date to the year's end, by " +
      "PB.IN_YEAR_COST over each plan's dates (each plan's figures are at the foot of this block).",
  );
  text(layout.remainingFrom.row, left, "Remaining commitment counts from");
  put(layout.remainingFrom.row, layout.remainingFrom.column, {
    formula: `=MAX(${asAt}+1,${yearStart})`,
    numberFormat: DATE_FORMAT,
  });
  text(layout.leftOut.row, left, "Agreed plans left out (no start date, ending before it, an amount not a number)");
  put(layout.leftOut.row, left + 1, { formula: `=SUM(${plan.leftOut})`, numberFormat: "0" });
  put(layout.leftOut.row, left + 2, {
    formula: `=IF(SUM(${plan.leftOut})=0,"None",TEXTJOIN(", ",1,FILTER(${plan.planId},${plan.leftOut})))`,
  });
  text(
    layout.unmatched.row,
    left,
    "Payments to date matched to no Agreed plan: how many, and their total (listed at the foot)",
  );
  put(layout.unmatched.row, left + 1, {
    formula: `=SUMPRODUCT(${payment.notMatched}*${payment.yearToDate})`,
    numberFormat: "0",
  });
  put(layout.unmatched.row, left + 2, {
    formula: `=ROUND(SUMIFS(${payments(C.amount.header)},${payment.yearToDate},1,${payment.notMatched},1),2)`,
    numberFormat: MONEY_FORMAT,
  });

  // By care group: each figure a formula of its own over the tables and the foot.
  const yearLabel = options.budgetYears ? fixed(options.inputs.yearLabel) : null;
  const budgetOf = (index: number) => `(${budgetSum({ kind: "group", cell: labelOf(index) }, yearLabel)})`;
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent; budgetSum adds a criterion only for a group or
  // the others, so any other scope (none, or a kind "") is all
  const budgetAll = `(${budgetSum({ kind: "all" }, yearLabel)})`;
  const amount = payments(C.amount.header);
  const actualWith = (flag: string) => `SUMIFS(${amount},${payment.yearToDate},1,${flag},1)`;
  const remainingAll = `SUMIFS(${plan.committed(MONTHS - 1)},${plan.counted},1)`;
  const remainingOf = (index: number) =>
    `SUMIFS(${plan.committed(MONTHS - 1)},${plan.counted},1,${plan.careGroup},${labelOf(index)})`;
  const listedSum = (of: (index: number) => string) => groups.map((_, index) => of(index)).join("-");
  const rows: { name: string; budget: string; actual: string; remaining: string }[] = [
    ...groups.map((name, index) => ({
      name,
      budget: budgetOf(index),
      actual: actualWith(payment.group(index)),
      remaining: remainingOf(index),
    })),
    {
      name: OTHER_CARE_GROUPS,
      budget: groups.length === 0 ? budgetAll : `${budgetAll}-${listedSum(budgetOf)}`,
      actual: actualWith(payment.other),
      remaining: groups.length === 0 ? remainingAll : `${remainingAll}-${listedSum(remainingOf)}`,
    },
    { name: NOT_MATCHED, budget: "0", actual: actualWith(payment.notMatched), remaining: "0" },
    {
      name: ALL_CARE_GROUPS,
      budget: budgetAll,
      actual: `SUMIFS(${amount},${payment.yearToDate},1)`,
      remaining: remainingAll,
    },
  ];
  text(layout.summary.header, left, "Care group", true);
  OUTTURN_COLUMNS.forEach((heading, at) => text(layout.summary.header, left + 1 + at, heading, true));
  rows.forEach((row, index) => {
    const at = layout.summary.first + index;
    const bold = row.name === ALL_CARE_GROUPS;
    const money = (column: number, formula: string) =>
      put(
        at,
        left + column,
        bold ? { formula, numberFormat: MONEY_FORMAT, bold } : { formula, numberFormat: MONEY_FORMAT },
      );
    text(at, left, row.name, bold);
    const outturn = `(${row.actual})+(${row.remaining})`;
    money(1, `=ROUND(${row.budget},2)`);
    money(2, `=ROUND(${row.actual},2)`);
    money(3, `=ROUND(${row.remaining},2)`);
    money(4, `=ROUND(${outturn},2)`);
    money(5, `=ROUND((${row.budget})-(${outturn}),2)`);
    put(at, left + 6, {
      formula: `=IF(ROUND(${row.budget},2)=0,"",((${row.budget})-(${outturn}))/(${row.budget}))`,
      numberFormat: PERCENT_FORMAT,
      ...(bold ? { bold } : {}),
    });
  });

  // Month by month.
  const months = layout.months;
  const column = (name: (typeof MONTH_COLUMNS)[number]) => left + MONTH_COLUMNS.indexOf(name);
  const monthTitle =
    "Month by month, all care groups: the budget spread by the days in each month" +
    (options.budgetProfile ? " (or by the BudgetProfile table's shares, while it has any)" : "") +
    "; actual spend; the commitment to come. #N/A: a month after the as-at date, which the chart leaves out.";
  text(months.header - 1, left, monthTitle, true);
  MONTH_COLUMNS.forEach((heading, at) => {
    if (heading !== "BudgetProfile share" || options.budgetProfile) text(months.header, left + at, heading, true);
  });
  const profileShares = `${BUDGET_PROFILE.name}[${BUDGET_PROFILE.columns.share.header}]`;
  const profileMonths = `${BUDGET_PROFILE.name}[${BUDGET_PROFILE.columns.month.header}]`;
  for (let month = 0; month < MONTHS; month++) {
    const row = months.first + month;
    const cell = (name: (typeof MONTH_COLUMNS)[number]) => a1({ row, column: column(name) });
    const start = cell("Month starts");
    const end = cell("Month ends");
    const upTo = `"<"&(MIN(${end},${asAt})+1)`;
    const paidFrom = (first: string) =>
      `SUMIFS(${amount},${payments(C.date.header)},">="&${first},${payments(C.date.header)},${upTo})`;
    const committedTo = (index: number) => `SUMIFS(${plan.committed(index)},${plan.counted},1)`;
    const money = (name: (typeof MONTH_COLUMNS)[number], formula: string) =>
      put(row, column(name), { formula, numberFormat: MONEY_FORMAT });
    const names = quoted(MONTH_NAMES.join(""));
    put(row, column("Month"), { formula: `=MID(${names},MONTH(${start})*3-2,3)&" "&YEAR(${start})` });
    put(row, column("Month starts"), { formula: `=EDATE(${yearStart},${month})`, numberFormat: DATE_FORMAT });
    put(row, column("Month ends"), {
      formula: month === MONTHS - 1 ? `=${yearEnd}` : `=EDATE(${yearStart},${month + 1})-1`,
      numberFormat: DATE_FORMAT,
    });
    const byDays = `ROUND(${budgetAll}*(${end}-${yearStart}+1)/(${yearEnd}-${yearStart}+1),2)`;
    if (options.budgetProfile) {
      const first = a1({ row: months.first, column: column("BudgetProfile share") });
      put(row, column("BudgetProfile share"), {
        formula: `=SUMIFS(${profileShares},${profileMonths},MONTH(${start}))`,
        numberFormat: PERCENT_FORMAT,
      });
      const profiled = `ROUND(${budgetAll}*SUM(${first.replace(/(\d+)$/, "$$$1")}:${cell("BudgetProfile share")}),2)`;
      money("Cumulative budget", `=IF(COUNT(${profileShares})=0,${byDays},${profiled})`);
    } else {
      money("Cumulative budget", `=${byDays}`);
    }
    const previous = (name: (typeof MONTH_COLUMNS)[number]) => a1({ row: row - 1, column: column(name) });
    money(
      "Budget",
      month === 0
        ? `=${cell("Cumulative budget")}`
        : `=ROUND(${cell("Cumulative budget")}-${previous("Cumulative budget")},2)`,
    );
    money("Cumulative actual", `=IF(${start}>${asAt},NA(),ROUND(${paidFrom(yearStart)},2))`);
    money("Actual", `=ROUND(${paidFrom(start)},2)`);
    money("Committed after the as-at date, to the month's end", `=ROUND(${committedTo(month)},2)`);
    money(
      "Forecast",
      month === 0 ? `=ROUND(${committedTo(month)},2)` : `=ROUND(${committedTo(month)}-${committedTo(month - 1)},2)`,
    );
    money("Cumulative projected", `=ROUND(${paidFrom(yearStart)}+${committedTo(month)},2)`);
  }
  const chart: ChartSpec = {
    name: "OutturnAgainstBudget",
    title: "Cumulative spend and forecast against the budget",
    type: "line",
    source: { row: months.header, column: left, rows: MONTHS + 1, columns: 4 },
    at: { row: months.header - 1, column: left + MONTH_COLUMNS.length + 1, rows: CHART_ROWS, columns: 8 },
    xAxisTitle: "Month",
    yAxisTitle: "£ from the year's first day",
  };

  // The foot: a row per row of Plans, a row per row of Payments.
  const footHeader = layout.foot.header;
  text(
    footHeader - 1,
    footLeft,
    "What the figures above add up: each row of Plans (1 = yes; its commitment from the day the remaining commitment " +
      "counts from, to each month's end) and each row of Payments (1 = yes), spilled",
    true,
  );
  const status = plans(P.status.header);
  const start = plans(P.startDate.header);
  const end = plans(P.endDate.header);
  const money = [...MANAGED_AS.map((way) => plans(P[`${way} (annual)`].header)), plans(P.oneOff.header)];
  const unusable = [
    `(${start}="")`,
    `(${start}<1)`,
    `(${start}>${LAST_SERIAL})`,
    `(${end}<>"")*(${end}<${start})`,
    `(${end}>${LAST_SERIAL})`,
    ...money.map((amountColumn) => `(${amountColumn}="")+(${amountColumn}<0)+(${amountColumn}>${AMOUNT_LIMIT})`),
  ].join("+");
  const agreed = `(${status}="Agreed")`;
  const planHeadings: [number, string, string][] = [
    [PLAN_FOOT.planId, "Plan ID", `=${plans(P.planId.header)}&""`],
    [PLAN_FOOT.careGroup, "Care group", `=${plans(P.careGroup.header)}&""`],
    [PLAN_FOOT.status, "Status", `=${status}&""`],
    [PLAN_FOOT.leftOut, "Agreed, left out (1)", `=${agreed}*((${unusable})>0)`],
    [PLAN_FOOT.counted, "Agreed, counted (1)", `=${agreed}*(1-((${unusable})>0))`],
  ];
  for (const [at, heading, formula] of planHeadings) {
    text(footHeader, footLeft + at, heading, true);
    put(foot, footLeft + at, { formula });
  }
  for (let month = 0; month < MONTHS; month++) {
    const monthEnd = month === MONTHS - 1 ? yearEnd : `(EDATE(${yearStart},${month + 1})-1)`;
    const recurring = MANAGED_AS.map(
      (way) =>
        `PB.IN_YEAR_COST(${plans(P[`${way} (annual)`].header)},${start},${end},${from},MAX(${monthEnd},${from}))`,
    ).join("+");
    const oneOff = `(${start}>=${from})*(${start}<=${monthEnd})*${plans(P.oneOff.header)}`;
    const at = footLeft + PLAN_FOOT.committed + month;
    const label = fixed({ row: months.first + month, column: column("Month") });
    put(footHeader, at, { formula: `="To the end of "&${label}`, bold: true });
    put(foot, at, { formula: `=(${recurring})*(${monthEnd}>=${from})+${oneOff}`, numberFormat: MONEY_FORMAT });
  }

  const planId = payments(C.planId.header);
  const personId = payments(C.personId.header);
  const named = (extra: string) =>
    `(${planId}<>"")*(COUNTIFS(${plans(P.planId.header)},${planId},${status},"Agreed"${extra})>0)` +
    `+(${planId}="")*(COUNTIFS(${plans(P.personId.header)},${personId},${status},"Agreed"${extra})>0)`;
  const inGroup = (index: number) => `(${named(`,${plans(P.careGroup.header)},${labelOf(index)}`)})`;
  const none = (count: number) =>
    count === 0 ? "1" : `(1-((${Array.from({ length: count }, (_, index) => inGroup(index)).join("+")})>0))`;
  const paymentColumns: [string, string][] = [
    ["In the year to date (1)", `=(${payments(C.date.header)}>=${yearStart})*(${payments(C.date.header)}<${asAt}+1)`],
    ["Matched to an Agreed plan (1)", `=${named("")}`],
    ...groups.map((name, index): [string, string] => [name, `=${inGroup(index)}*${none(index)}`]),
    [OTHER_CARE_GROUPS, `=(${named("")})*${none(groups.length)}`],
    [NOT_MATCHED, `=1-(${named("")})`],
  ];
  paymentColumns.forEach(([heading, formula], at) => {
    text(footHeader, footLeft + PAYMENT_FOOT + at, heading, true);
    put(foot, footLeft + PAYMENT_FOOT + at, { formula });
  });
  const list = layout.foot.listColumn;
  text(footHeader - 1, list, "Payments to date matched to no Agreed plan", true);
  Object.values(C).forEach((columnSpec, at) => text(footHeader, list + at, columnSpec.header, true));
  const all = `${PAYMENTS.name}[[${C.date.header}]:[${C.reference.header}]]`;
  // Dates and amounts shown as such, for as many rows as a council is likely to list; formats first, so the spill
  // finds its cells ready.
  for (let row = foot + 1; row < foot + LISTED_ROWS; row++) {
    put(row, list, { numberFormat: DATE_FORMAT });
    put(row, list + 3, { numberFormat: MONEY_FORMAT });
  }
  const listed = `${payment.notMatched}*${payment.yearToDate}`;
  put(foot, list, {
    formula: `=IF(SUMPRODUCT(${listed})=0,"None",FILTER(${all},${listed}))`,
    numberFormat: DATE_FORMAT,
  });
  put(foot, list + 3, { numberFormat: MONEY_FORMAT });
  return { cells: [...cells.values()], charts: [chart], layout };
}
