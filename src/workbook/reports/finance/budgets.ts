// The Budgets table as the Finance sheet's SUMIFS read it, and those SUMIFS, for the commitment and the projected
// outturn alike.
import { BudgetRecord, Cell, Decimal, describeCell, isBlank, label, matchKey } from "../../../engine";
import { TableData } from "../../port";
import { headerIndex, requireColumns, WorkbookProblem } from "../../schema/rows";
import { BUDGET_YEAR, BUDGETS } from "../../schema/tables";
import { Scope, scopeCriteria } from "./sheetCells";

const budgets = (header: string) => `${BUDGETS.name}[${header}]`;

/** A financial year as the Finance sheet labels it: "2026/27" (April to March), or "2027" (from January). */
function isYearLabel(text: string): boolean {
  const match = /^(\d{4})(?:\/(\d{2}))?$/.exec(text);
  return match !== null && (match[2] === undefined || Number(match[2]) === (Number(match[1]) + 1) % 100);
}

/**
 * The budgets, as the sheet's SUMIFS reads them: an amount must be a number (text is skipped there, so here it is
 * left out and named), a Financial year a year as the sheet labels it (another spelling never matches there).
 */
export function readBudgets(data: TableData, warnings: string[]): BudgetRecord[] {
  try {
    requireColumns(BUDGETS, data);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; requireColumns throws only WorkbookProblems
    if (!(error instanceof WorkbookProblem)) throw error;
    warnings.push(`${error.message} Until it has them, no budget is counted.`);
    return [];
  }
  const index = headerIndex(data);
  const careGroup = index.get(matchKey(BUDGETS.columns.careGroup.header))!;
  const amount = index.get(matchKey(BUDGETS.columns.annualBudget.header))!;
  const year = index.get(matchKey(BUDGET_YEAR.header));
  const budgets: BudgetRecord[] = [];
  data.rows.forEach((row, at) => {
    // Stryker disable next-line ConditionalExpression: equivalent; row[undefined] is undefined, blank as null is.
    const yearCell: Cell = year === undefined ? null : row[year];
    if (isBlank(row[careGroup]) && isBlank(row[amount]) && isBlank(yearCell)) return;
    const leftOut = (why: string) =>
      warnings.push(`${data.name} table row ${at + 1} is left out (the Finance sheet skips it too): ${why}.`);
    const cell = row[amount];
    // A workbook's number is finite: Excel has none other, and an overflow reaches the add-in as the text #NUM!.
    if (!isBlank(cell) && !(typeof cell === "number" && cell >= 0)) {
      return leftOut(`${BUDGETS.columns.annualBudget.header} holds ${describeCell(cell)}, not an amount in £`);
    }
    const yearText = label(yearCell);
    if (yearText !== "" && !isYearLabel(yearText)) {
      return leftOut(
        `${BUDGET_YEAR.header} holds ${describeCell(yearCell)}, not a year as the Finance sheet names them: ` +
          "2026/27 for April 2026 to March 2027, or 2027 for a year from January",
      );
    }
    budgets.push({
      careGroup: label(row[careGroup]),
      annualBudget: isBlank(cell) ? null : new Decimal(cell as number),
      financialYear: yearText === "" ? null : yearText,
    });
  });
  return budgets;
}

/**
 * The sum of the Budgets rows in the scope for the year shown (`yearLabel`, a cell, when the table has a Financial
 * year column) and for every year (a blank year): a formula without its "=", the engine's budgetsOfYear.
 */
export function budgetSum(scope: Scope, yearLabel: string | null): string {
  const amount = budgets(BUDGETS.columns.annualBudget.header);
  // An amount below 0 is left out, as readBudgets leaves it out and names it; SUMIFS skips text of itself.
  const counted = `${amount},${amount},">=0"${scopeCriteria(budgets(BUDGETS.columns.careGroup.header), scope)}`;
  if (yearLabel === null) return `SUMIFS(${counted})`;
  const year = budgets(BUDGET_YEAR.header);
  return `SUMIFS(${counted},${year},${yearLabel})+SUMIFS(${counted},${year},"=")`;
}
