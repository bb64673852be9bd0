/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- Excel passes cells of
   any kind; the handlers validate them. */
/* eslint-disable max-len -- help text stays on one line: the metadata generator would keep a line break in it. */
// The PB custom functions. custom-functions-metadata-plugin reads these JSDoc comments to write
// functions.json (names, help text, parameter shapes) and to associate each id with its function.
import { excelResult, excelResults } from "./excel";
import * as handlers from "./handlers";
import * as payments from "./payments";
import * as review from "./review";

/**
 * RAS points from self-assessment answers and a scoring sheet. Totals are exact; a total below zero counts as zero.
 * @customfunction RAS_POINTS
 * @param answers One person's answers (a row, or a single column with one cell per question), or one row per person. In the scoring sheet's question order unless question ids are given.
 * @param scoring Scoring sheet with a header row: question ids down the first column, answer codes across the top, points in the body (a blank means that answer is not allowed).
 * @param [questions] Optional question ids of the answer columns, in their order; answers are then matched by id and every question must be answered.
 * @returns Points, one total per row of answers (spills).
 */
export function rasPoints(answers: any[][], scoring: any[][], questions?: any[][]): any[][] {
  return excelResults(() => handlers.rasPoints(answers, scoring, questions ?? null));
}

/**
 * Indicative personal budget in £ from RAS points (or a category) and price points, rounded to the penny.
 * @customfunction INDICATIVE_BUDGET
 * @param points RAS points (a number, 0 or more) or a category name for a category table; a column gives one budget per row (spills).
 * @param priceTable £ per point (one number), or a table with a header row of care groups whose first column is points lower bounds (bands) or category names. Annual £.
 * @param [careGroup] The person's care group (one value, or one per row); needed when the table has a column per care group.
 * @param [reduction] Fraction 0–1 taken off the amount, e.g. 0.1 for an informal-care adjustment (one value, or one per row). Default 0.
 * @param [period] "annual" (default) or "weekly" (annual ÷ weeksInYear).
 * @param [method] For band tables: "marginal" (default, each band's £ per point for the points within it), "band" (all points at the rate of the band reached) or "step" (the band's value is the budget).
 * @param [weeksInYear] Weeks in a year a weekly budget is counted over, from 50 to 53 (52.143 is 365 ÷ 7). Default 52.
 * @returns Indicative budget in £, rounded to the penny.
 */
export function indicativeBudget(
  points: any[][],
  priceTable: any[][],
  careGroup?: any[][],
  reduction?: any[][],
  period?: any,
  method?: any,
  weeksInYear?: any,
): any[][] {
  return excelResults(() =>
    handlers.indicativeBudget(
      points,
      priceTable,
      careGroup ?? null,
      reduction ?? null,
      period ?? null,
      method ?? null,
      weeksInYear ?? null,
    ),
  );
}

/**
 * Traffic light for a support plan's cost against the indicative budget: Green, Amber or Red (Red means a manager discussion).
 * @customfunction PLAN_TOLERANCE
 * @param planCost Cost of the support plan in £ (one value, or a column).
 * @param indicative Indicative budget in £, for the same period (one value, or a column).
 * @param [tolerance] Two cells (green limit, amber limit) as fractions of the indicative amount, or one limit (Green within it, else Red), each at most 100%. Default 10% and 50%.
 * @returns "Green", "Amber" or "Red", one per row (spills).
 */
export function planTolerance(planCost: any[][], indicative: any[][], tolerance?: any[][]): any[][] {
  return excelResults(() => handlers.planTolerance(planCost, indicative, tolerance ?? null));
}

/**
 * Carer's category from the carers' outcomes matrix: Basic, Standard or Enhanced.
 * @customfunction CARER_CATEGORY
 * @param scores Impact of caring on each outcome, a whole number 0–3 each; one row per carer (a single column is one carer).
 * @param [thresholds] Two cells: the total at which Standard begins, and at which Enhanced begins. Default: the number of scores, and twice it.
 * @returns "Basic", "Standard" or "Enhanced", one per row (spills).
 */
export function carerCategory(scores: any[][], thresholds?: any[][]): any[][] {
  return excelResults(() => handlers.categories(scores, thresholds ?? null, "impact of caring"));
}

/**
 * Outcomes-based RAS category (Coventry's model): Basic, Standard or Enhanced.
 * @customfunction OUTCOME_CATEGORY
 * @param scores Level of need against each outcome, a whole number 0–3 each; one row per person (a single column is one person).
 * @param [thresholds] Two cells: the total at which Standard begins, and at which Enhanced begins. Default: the number of scores, and twice it.
 * @returns "Basic", "Standard" or "Enhanced", one per row (spills).
 */
export function outcomeCategory(scores: any[][], thresholds?: any[][]): any[][] {
  return excelResults(() => handlers.categories(scores, thresholds ?? null, "level of need"));
}

/**
 * Cost of a support plan in £ from its lines, rounded to the penny. One-off items count in full.
 * @customfunction PLAN_COST
 * @param lines Rows of quantity, unit cost (£), frequency (week, month, year or once) and, optionally, staff at once (blank: 1); the quantity is each member of staff's. Fully blank rows are skipped.
 * @param [period] "annual" (default) or "weekly" (annual ÷ weeksInYear).
 * @param [weeksInYear] Weeks in a year, from 50 to 53 (52.143 is 365 ÷ 7): a weekly line costs this many times a year. Default 52.
 * @returns Plan cost in £, rounded to the penny.
 */
export function planCost(lines: any[][], period?: any, weeksInYear?: any): number {
  return excelResult(() => handlers.planCost(lines, period ?? null, weeksInYear ?? null));
}

/**
 * How an indicative budget is reached, in words: care group, each band with its points and rate, the reduction, the period, and the result.
 * @customfunction RAS_EXPLAIN
 * @param points RAS points (a number, 0 or more) or a category name for a category table.
 * @param priceTable £ per point (one number), or a table with a header row of care groups whose first column is points lower bounds (bands) or category names. Annual £.
 * @param [careGroup] The person's care group; needed when the table has a column per care group.
 * @param [reduction] Fraction 0–1 taken off the amount. Default 0.
 * @param [period] "annual" (default) or "weekly".
 * @param [method] For band tables: "marginal" (default), "band" or "step".
 * @param [weeksInYear] Weeks in a year a weekly budget is counted over, from 50 to 53. Default 52.
 * @returns The derivation in words, ending with the indicative budget.
 */
export function rasExplain(
  points: any[][],
  priceTable: any[][],
  careGroup?: any[][],
  reduction?: any[][],
  period?: any,
  method?: any,
  weeksInYear?: any,
): any[][] {
  return excelResults(() =>
    handlers.rasExplain(
      points,
      priceTable,
      careGroup ?? null,
      reduction ?? null,
      period ?? null,
      method ?? null,
      weeksInYear ?? null,
    ),
  );
}

/**
 * Re-prices a cohort under proposed price points: by care group, people, current and proposed annual £, the change, and who is better or worse off.
 * @customfunction REPRICE
 * @param points RAS points (or a category for a category table), a column with one person a row.
 * @param currentTable The price points in force: £ per point, or a table as for INDICATIVE_BUDGET. Its care-group columns give the summary's rows, in order.
 * @param proposedTable The proposed price points, in the same form.
 * @param [careGroup] Each person's care group (one value, or a column as long as points); needed when a table has a column per care group.
 * @param [reduction] Fraction 0–1 taken off each person's amount (one value, or a column as long as points). Default 0.
 * @param [method] For band tables: "marginal" (default), "band" or "step".
 * @returns A table: Care group, People, Current, Proposed, Change, Change % (a fraction), Better off, Worse off, Unchanged; a row per care group, then Total (and Not priced).
 */
export function reprice(
  points: any[][],
  currentTable: any[][],
  proposedTable: any[][],
  careGroup?: any[][],
  reduction?: any[][],
  method?: any,
): any[][] {
  return excelResults(() =>
    handlers.reprice(points, currentTable, proposedTable, careGroup ?? null, reduction ?? null, method ?? null),
  );
}

/**
 * The part of an annual cost that falls in a period: annual × days ÷ 365, the days both ends included, rounded to the penny.
 * @customfunction IN_YEAR_COST
 * @param annual Annual cost in £, 0 or more (one value, or a column with one plan a row).
 * @param start The cost's first day: an Excel date or ISO text such as "2026-04-01" (one value, or a column).
 * @param end The cost's last day, or blank while it is ongoing (one value, or a column).
 * @param from The period's first day, such as 1 April of the financial year.
 * @param to The period's last day, such as 31 March of the next year.
 * @returns £ falling in the period, rounded to the penny, one per row (spills).
 */
export function inYearCost(annual: any[][], start: any[][], end: any[][], from: any, to: any): any[][] {
  return excelResults(() => handlers.inYearCost(annual, start, end ?? null, from ?? null, to ?? null));
}

/**
 * How well a price table fits what agreed plans cost: by care group and for all, R², mean absolute error, median cost ÷ budget, and the shares within 10% and 50% of the budget.
 * @customfunction RAS_FIT
 * @param points RAS points (or a category for a category table), a column with one person a row.
 * @param costs What each person's agreed plan costs a year in £ (or what was spent), a column as long as points.
 * @param priceTable The price points: £ per point, or a table with its header row as for INDICATIVE_BUDGET. Its care-group columns give the rows, in order.
 * @param [careGroup] Each person's care group (one value, or a column as long as points); needed when the table has a column per care group.
 * @returns A table: Care group, People, R², Mean absolute error, Median cost ÷ budget, Within 10%, Within 50%; a row per care group, then All (and Not used).
 */
export function rasFit(points: any[][], costs: any[][], priceTable: any[][], careGroup?: any[][]): any[][] {
  return excelResults(() => review.rasFit(points, costs, priceTable, careGroup ?? null));
}

/**
 * Price points fitted to evidence: per care group, the £ a year per point of each band that brings indicative budgets closest to what agreed plans cost (least squares, no rate below 0), to the penny.
 * @customfunction CALIBRATE
 * @param points RAS points, a column with one person a row.
 * @param costs What each person's agreed plan costs a year in £ (or what was spent), a column as long as points.
 * @param bounds The bands' lower bounds in points, a row or a column rising from 0, such as {0,20,40,60} or PricePoints[Points from].
 * @param [careGroup] Each person's care group (one value, or a column as long as points); without it, one column for everyone, All.
 * @returns A price table: Points from, then a column per care group in the order they first appear, marginal £ a year per point; #N/A where a band cannot be fitted.
 */
export function calibrate(points: any[][], costs: any[][], bounds: any[][], careGroup?: any[][]): any[][] {
  return excelResults(() => review.calibrateTable(points, costs, bounds, careGroup ?? null));
}

/**
 * The part of a direct-payment account's balance above the contingency the council lets people keep: max(0, balance − annual × weeksAllowed ÷ weeksInYear), to the penny.
 * @customfunction DP_SURPLUS
 * @param balance The account's balance in £ as the person reports it (one value, or a column with one person a row). Below 0 (overdrawn) has no surplus.
 * @param annual The person's direct payment a year in £, 0 or more (one value, or a column as long as balance).
 * @param [weeksAllowed] The contingency: weeks of the direct payment a person may keep, from 0 to weeksInYear. Default 8.
 * @param [weeksInYear] Weeks in a year, from 50 to 53. Default 52.
 * @returns The surplus to recover in £, rounded to the penny, one per row (spills).
 */
export function dpSurplus(balance: any[][], annual: any[][], weeksAllowed?: any, weeksInYear?: any): any[][] {
  return excelResults(() => payments.dpSurplus(balance, annual, weeksAllowed ?? null, weeksInYear ?? null));
}
