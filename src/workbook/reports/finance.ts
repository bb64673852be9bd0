// The Finance sheet: what the council has committed to personal budgets, in the year and in future, as live
// formulas over the Plans, PlanLines, People and Budgets tables (the Audit Commission's paragraphs 45–53).
// Written once by the pane; Excel recalculates it from then on, so every figure a finance officer clicks is a
// formula over the tables. The engine (commitment.ts) works out the same figures for the pane, by the same rules.
//
// The blocks are built in finance/: the commitment by care group (commitment.ts), spending and the RAS
// (spending.ts), the forecast (forecast.ts), and at the foot each plan's standing and in-year amount, spilled
// (perPlan.ts), which every total above adds up with SUMIFS, COUNTIFS, SUMPRODUCT or SUM. Functions used: those,
// INDEX, MATCH, ROUND, MAX, DATE, YEAR, MONTH, DAY, RIGHT, IF, TEXTJOIN and FILTER, which Excel 365 and 2021,
// HyperFormula (the tests' engine) and the preview's formula library calculate alike, and PB.IN_YEAR_COST, spilled
// on its own (office-js#3286: SUMPRODUCT over a custom function's result fails in Excel on the web). Two things
// Excel documents are relied on: a range given as a criterion makes COUNTIFS give one count per cell, and "=" as a
// criterion meets blank cells.
import { DateSerial, Decimal, DEFAULT_WEEKS_IN_YEAR, ForecastAssumptions } from "../../engine";
import { weeksInYearFormula } from "../plans/weeksInYear";
import { CellAddress, SheetSpec } from "../port";
import { DATE_FORMAT } from "../schema/columns";
import { writeCommitment, writeContributions } from "./finance/commitment";
import { writeAssumptions, writeForecast, yearLabel } from "./finance/forecast";
import { financeLayout } from "./finance/layout";
import { writeLeftOutNote, writePlans } from "./finance/perPlan";
import { Cells, Content, ref } from "./finance/sheetCells";
import { writeIndicative, writeServices } from "./finance/spending";
import { outturnBlock } from "./outturn";

export { financeLayout, FINANCE_COLUMNS, PLAN_COLUMNS } from "./finance/layout";
export type { Block, FinanceLayout } from "./finance/layout";

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

/** The sheet's title (A1), by which the pane knows a Finance sheet of its own from a sheet of the user's. */
export const FINANCE_TITLE = "Personal budgets: commitment and forecast";
/** The inputs' labels in column A, beside their cells in column B. */
export const INPUT_LABELS = {
  asAt: "As at",
  yearStart: "Financial year starts",
  weeksInYear: "Weeks in a year (from PlanSettings)",
} as const;

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
  /** Whether the Budgets table has a Financial year column: then the budget is the year's rows (and blank ones). */
  readonly budgetYears?: boolean;
  /** How many rows Plans has now: the per-plan block's rows are given number formats for them, and more. */
  readonly plans?: number;
  /** Whether the workbook has a BudgetProfile table, which the outturn block's monthly budget then follows. */
  readonly budgetProfile?: boolean;
  /**
   * Whether the workbook has a PlanSettings table with a Weeks in a year column: the sheet's weeks in a year are
   * then a formula over it (26 §4); without one, 52, as the pane counts them.
   */
  readonly planSettings?: boolean;
}

/** Builds the Finance sheet: the inputs, then each block of figures, each a formula over the tables. */
export function financeSheet(options: FinanceSheetOptions): SheetSpec {
  const layout = financeLayout(options);
  const cells = new Cells();
  const groups = options.careGroups;
  const { inputs } = layout;

  cells.text(0, 0, FINANCE_TITLE, true);
  cells.text(
    1,
    0,
    "Written once by the Personal Budgets add-in; Excel keeps it up to date. Every figure is a formula over the " +
      "Plans, PlanLines, People and Budgets tables. Change the inputs in column B.",
  );
  writeLeftOutNote(cells, layout);
  cells.text(3, 0, "Inputs", true);
  const yearStart = ref(inputs.yearStart.row, inputs.yearStart.column);
  const input = (address: CellAddress, name: string, content: Content) => {
    cells.text(address.row, 0, name);
    cells.put(address.row, address.column, content);
  };
  input(inputs.asAt, INPUT_LABELS.asAt, { value: options.asAt, numberFormat: DATE_FORMAT });
  input(inputs.yearStart, INPUT_LABELS.yearStart, { value: options.yearStart, numberFormat: DATE_FORMAT });
  input(inputs.yearEnd, "Financial year ends", {
    formula: `=DATE(YEAR(${yearStart})+1,MONTH(${yearStart}),DAY(${yearStart}))-1`,
    numberFormat: DATE_FORMAT,
  });
  input(inputs.yearLabel, "Financial year", { formula: yearLabel(yearStart, 0) });
  input(inputs.from, "In-year commitment counts from", {
    formula: `=MAX(${ref(inputs.asAt.row, inputs.asAt.column)},${yearStart})`,
    numberFormat: DATE_FORMAT,
  });
  input(
    inputs.weeksInYear,
    INPUT_LABELS.weeksInYear,
    options.planSettings ? { formula: weeksInYearFormula() } : { value: DEFAULT_WEEKS_IN_YEAR },
  );

  writeAssumptions(cells, layout.assumptions, groups, options.assumptions ?? DEFAULT_ASSUMPTIONS);
  writeCommitment(cells, layout, { careGroups: groups, budgetYears: options.budgetYears ?? false });
  writeContributions(cells, layout, groups);
  writeServices(cells, layout, options.services);
  writeIndicative(cells, layout, groups);
  const chart = writeForecast(cells, layout, groups, yearStart);
  const outturn = outturnBlock({
    at: layout.outturn.at,
    footColumn: layout.outturn.foot.column,
    inputs,
    careGroups: groups,
    budgetProfile: options.budgetProfile ?? false,
    budgetYears: options.budgetYears ?? false,
  });
  writePlans(cells, layout, options.plans ?? 0);
  return {
    name: options.name,
    cells: [...cells.all(), ...outturn.cells],
    charts: [chart, ...outturn.charts],
    columnWidths: [44, ...Array.from({ length: 13 }, () => 17)],
  };
}
