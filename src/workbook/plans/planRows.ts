// Opening and saving one plan: its row in Plans and its lines in PlanLines. Only the plan's own rows are
// read closely and written; every other row, and every column of the user's own, is left as it is.
import {
  Cell,
  checkLine,
  DateField,
  Decimal,
  LineFields,
  lineAnnualCost,
  MANAGED_AS,
  matchKey,
  planDates,
  planFigures,
  PlanFigures,
  planProblems,
  PLAN_STATUSES,
  PlanStatus,
  decisionRecord,
  SupportPlanLine,
} from "../../engine";
import { TableData, Workbook } from "../port";
import { fieldsOf, headerIndex, readRows, requireColumns, RowOf, tableEdit, WorkbookProblem } from "../schema/rows";
import { ManagedColumn, PLAN_LINES, PLANS } from "../schema/tables";
import { assess, Person, PlanBook } from "./book";
import { requireTable, rowsWhere } from "./tables";

/**
 * When a plan runs: ISO dates ("2026-04-01"); a blank end date means ongoing. Saving fills a blank start
 * (the day it is saved) and review date (12 months after the start), by the engine's rule (planDates).
 */
export type PlanDates = Readonly<Record<DateField, string | null>>;

/** What a plan records besides its lines: its status and the decision behind it. */
export interface PlanDecision {
  readonly status: PlanStatus;
  readonly reason: string;
  readonly signedOffBy: string;
}

/** A saved plan as the workbook holds it. Its lines are the cells as they are, for the pane to check. */
export interface OpenedPlan extends PlanDates, PlanDecision {
  readonly planId: string;
  readonly personId: string;
  readonly lines: readonly LineFields[];
  readonly updatedBy: string;
  /** "2026-11-24T14:05", or null when the row has none. */
  readonly updatedAt: string | null;
}

/** A plan ready to be saved: checked lines, and null for a plan not yet saved. */
export interface PlanToSave extends PlanDates, PlanDecision {
  readonly planId: string | null;
  readonly personId: string;
  readonly lines: readonly SupportPlanLine[];
  readonly updatedBy: string;
}

/** A plan as it was saved: its id, its dates, when, and the figures written beside its lines. */
export interface SavedPlan extends PlanToSave {
  readonly planId: string;
  readonly startDate: string;
  readonly reviewDate: string;
  readonly updatedAt: string;
  readonly figures: PlanFigures;
}

const OPEN_FIELDS = [
  "planId",
  "personId",
  "status",
  "startDate",
  "endDate",
  "reviewDate",
  "reason",
  "signedOffBy",
  "updatedBy",
  "updatedAt",
] as const;

/** Opens a saved plan from the Plans and PlanLines tables. */
export async function openPlan(workbook: Workbook, planId: string): Promise<OpenedPlan> {
  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  const found = rowsWhere(plans, PLANS.columns.planId.header, planId);
  if (found.length === 0) throw new WorkbookProblem(`The Plans table has no plan ${planId}.`);
  if (found.length > 1) {
    throw new WorkbookProblem(
      `The Plans table has ${found.length} rows for plan ${planId}; keep one and open it again.`,
    );
  }
  const { rows, problems } = readRows(PLANS, { ...plans, rows: [plans.rows[found[0]]] }, OPEN_FIELDS);
  if (problems.length > 0) throw new WorkbookProblem(`Plans table row ${found[0] + 1}: ${problems[0].message}.`);
  const plan = rows[0].value;
  requireColumns(PLAN_LINES, lines);
  const index = headerIndex(lines);
  const column = (field: keyof typeof PLAN_LINES.columns) => index.get(matchKey(PLAN_LINES.columns[field].header))!;
  const lineNumber = (row: number) => Number(lines.rows[row][column("line")]);
  const ownRows = rowsWhere(lines, PLAN_LINES.columns.planId.header, planId).sort(
    (a, b) => lineNumber(a) - lineNumber(b) || a - b,
  );
  const status = PLAN_STATUSES.find((known) => matchKey(known) === matchKey(plan.status)) ?? "Draft";
  return {
    ...plan,
    status,
    lines: ownRows.map((row): LineFields => {
      const cell = (field: keyof typeof PLAN_LINES.columns): Cell => lines.rows[row][column(field)];
      return {
        service: cell("service"),
        quantity: cell("quantity"),
        unit: cell("unit"),
        unitCost: cell("unitCost"),
        frequency: cell("frequency"),
        managedAs: cell("managedAs"),
      };
    }),
  };
}

/** "2026-11-24T14:05", local time to the minute, as the Updated at column holds it. */
export function timestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `${day}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

function nextPlanId(plans: TableData): string {
  const column = headerIndex(plans).get(matchKey(PLANS.columns.planId.header))!;
  let highest = 0;
  for (const row of plans.rows) {
    const number = /^PLAN-(\d+)$/i.exec(String(row[column] ?? "").trim())?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  return `PLAN-${String(highest + 1).padStart(4, "0")}`;
}

/** Why a plan cannot be saved, all at once: the plan's own rules, then each line's, then the workbook's. */
function refusals(
  book: PlanBook,
  plan: PlanToSave,
  today: string,
): {
  problems: string[];
  figures?: PlanFigures;
  dates?: { startDate: string; endDate: string | null; reviewDate: string };
} {
  const person = book.people.find((candidate) => candidate.id === plan.personId);
  if (!person) return { problems: [`The People table has no person ${plan.personId}.`] };
  const assessment = assess(book, person);
  if ("problem" in assessment) return { problems: [assessment.problem] };
  const tolerance = book.tolerance.tolerance;
  if (!tolerance) return { problems: [book.tolerance.problem!] };
  const figures = planFigures(plan.lines, assessment.budget.result, tolerance);
  const problems = planProblems({ ...plan, light: plan.lines.length > 0 ? figures.light : null }).map(
    (problem) => problem.message,
  );
  plan.lines.forEach((line, at) => {
    const checked = checkLine({ ...line, quantity: line.quantity.toString(), unitCost: line.unitCost.toString() });
    problems.push(...Object.values(checked.problems).map((message) => `Line ${at + 1}: ${message}.`));
  });
  const dated = planDates(plan, today);
  if ("problems" in dated) problems.push(...Object.values(dated.problems).map((message) => `${message}.`));
  return { problems, figures, dates: "dates" in dated ? dated.dates : undefined };
}

/** A saved plan's row in Plans: whose it is, its dates and figures, and the decision. */
export function planRow(saved: SavedPlan, person: Person): RowOf<typeof PLANS> {
  const { figures } = saved;
  return {
    planId: saved.planId,
    personId: person.id,
    name: person.name,
    careGroup: person.careGroup,
    status: saved.status,
    startDate: saved.startDate,
    endDate: saved.endDate,
    reviewDate: saved.reviewDate,
    indicativeAnnual: figures.indicativeAnnual,
    annual: figures.annual,
    weekly: figures.weekly,
    oneOff: figures.oneOff,
    ...(Object.fromEntries(
      MANAGED_AS.map((managedAs) => [`${managedAs} (annual)`, figures.byManagement[managedAs]]),
    ) as Record<ManagedColumn, Decimal>),
    light: figures.light,
    ...decisionRecord(saved),
    updatedBy: saved.updatedBy.trim(),
    updatedAt: saved.updatedAt,
  };
}

/**
 * Saves a plan: its lines in PlanLines, then its row in Plans, as values. Saving again updates the same rows
 * in place; no other row, and no column of the user's own, is touched; a column an older Plans table lacks
 * is added at its right. The Plans row is written last, so a save that fails part-way leaves the plan as it
 * was last saved in Plans. Refuses, writing nothing, while the plan has problems. Returns the plan as saved.
 */
export async function savePlan(workbook: Workbook, book: PlanBook, plan: PlanToSave, at: Date): Promise<SavedPlan> {
  const updatedAt = timestamp(at);
  const { problems, figures, dates } = refusals(book, plan, updatedAt.slice(0, 10));
  if (problems.length > 0 || !figures || !dates) throw new WorkbookProblem(problems.join(" "));
  const person = book.people.find((candidate) => candidate.id === plan.personId)!;

  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  requireColumns(PLANS, plans);
  requireColumns(PLAN_LINES, lines);
  const existing = plan.planId === null ? [] : rowsWhere(plans, PLANS.columns.planId.header, plan.planId);
  if (existing.length > 1) {
    throw new WorkbookProblem(
      `The Plans table has ${existing.length} rows for plan ${plan.planId}; keep one and save again.`,
    );
  }
  if (plan.planId !== null && existing.length === 0) {
    throw new WorkbookProblem(`Plan ${plan.planId} is no longer in the Plans table; it may have been deleted.`);
  }
  const saved: SavedPlan = { ...plan, ...dates, planId: plan.planId ?? nextPlanId(plans), updatedAt, figures };
  const planId = saved.planId;

  const values = planRow(saved, person);
  const key = (row: number) => ({ row, key: { header: PLANS.columns.planId.header, value: planId } });
  const plansEdit = tableEdit(PLANS, plans, fieldsOf(PLANS), {
    update: existing.map((row) => ({ ...key(row), value: values })),
    append: existing.length === 0 ? [values] : [],
  });

  const lineRows = rowsWhere(lines, PLAN_LINES.columns.planId.header, planId);
  const lineValues = plan.lines.map((line, index) => ({
    planId,
    line: new Decimal(index + 1),
    ...line,
    annualCost: lineAnnualCost(line),
  }));
  const lineKey = (row: number) => ({ row, key: { header: PLAN_LINES.columns.planId.header, value: planId } });
  const linesEdit = tableEdit(PLAN_LINES, lines, fieldsOf(PLAN_LINES), {
    update: lineValues.slice(0, lineRows.length).map((value, index) => ({ ...lineKey(lineRows[index]), value })),
    delete: lineRows.slice(lineValues.length).map(lineKey),
    append: lineValues.slice(lineRows.length),
  });
  await workbook.editTables([linesEdit, plansEdit]);
  return saved;
}
