// The person's copy's workbook side: a saved plan read from its own rows in Plans and PlanLines (never the pane's
// unsaved edits), its lines costed by the engine's rules as the save costed them, and the copy's sheet added.
import { checkLine, planTotals, SupportPlanLine } from "../../engine";
import { freeSheetName, Workbook } from "../port";
import { readRows, WorkbookProblem } from "../schema/rows";
import { PLANS } from "../schema/tables";
import { PlanBook } from "../plans/book";
import { openPlan } from "../plans/planRows";
import { requireTable, rowsWhere } from "../plans/tables";
import { personCopy, PersonCopy, personCopySheet } from "./personCopy";

/** A saved plan's copy for the person, made on `today` (ISO). */
export async function readPersonCopy(
  workbook: Workbook,
  book: PlanBook,
  planId: string,
  today: string,
): Promise<PersonCopy> {
  const opened = await openPlan(workbook, planId);
  const plans = await requireTable(workbook, PLANS.name);
  const [row] = rowsWhere(plans, PLANS.columns.planId.header, planId);
  const read = readRows(PLANS, { ...plans, rows: [plans.rows[row]] }, ["name", "indicativeAnnual"]);
  if (read.problems.length > 0) {
    throw new WorkbookProblem(`Plans table row ${row + 1}: ${read.problems[0].message}. The copy was not made.`);
  }
  const lines: SupportPlanLine[] = opened.lines.map((cells, at) => {
    const checked = checkLine(cells);
    if (!checked.line) {
      throw new WorkbookProblem(
        `Line ${at + 1} of plan ${planId} in PlanLines cannot be read ` +
          `(${Object.values(checked.problems).join("; ")}). ` +
          "Open the plan, fix the line and save it; the copy was not made.",
      );
    }
    return checked.line;
  });
  if (lines.length === 0) throw new WorkbookProblem(`Plan ${planId} has no lines in PlanLines; the copy was not made.`);
  const weeksInYear = book.weeks.weeksInYear;
  if (weeksInYear === null)
    // Stryker disable next-line StringLiteral: equivalent; weeks that cannot be used always come with why.
    throw new WorkbookProblem(`${book.weeks.problem ?? "Weeks in a year cannot be used."} The copy was not made.`);
  const person = book.people.find((candidate) => candidate.id.toLowerCase() === opened.personId.toLowerCase());
  return personCopy({
    planId: opened.planId,
    name: person?.name ?? read.rows[0].value.name,
    outcomes: opened.outcomes ?? "",
    contact: opened.contact ?? "",
    lines,
    totals: planTotals(lines, weeksInYear),
    weeksInYear,
    weeklyCharge: opened.weeklyCharge ?? null,
    indicativeAnnual: read.rows[0].value.indicativeAnnual,
    startDate: opened.startDate,
    endDate: opened.endDate,
    reviewDate: opened.reviewDate,
    madeOn: today,
  });
}

/** Adds the copy as a sheet of its own, laid out for A4 ("PLAN-0001 copy", or "PLAN-0001 copy (2)"). */
export async function addPersonCopySheet(workbook: Workbook, planId: string, copy: PersonCopy): Promise<string> {
  const { sheets } = await workbook.names();
  const name = freeSheetName(`${planId} copy`, sheets);
  await workbook.addSheet(personCopySheet(name, copy));
  return name;
}
