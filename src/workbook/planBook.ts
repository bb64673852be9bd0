import {
  Cell,
  DEFAULT_TOLERANCE,
  deriveBudget,
  BudgetDerivation,
  Decimal,
  EngineError,
  explainBudget,
  inPeriod,
  listForMessage,
  MANAGED_AS,
  ManagedAs,
  matchKey,
  parsePriceTable,
  parseScoringSheet,
  planAgainstBudget,
  PlanAgainstBudget,
  planProblems,
  PlanStatus,
  PLAN_STATUSES,
  planTotals,
  PlanTotals,
  PriceTable,
  questionOrder,
  readTolerance,
  scoreAnswers,
  ScoringSheet,
  SupportPlanLine,
  Tolerance,
  toPence,
} from "../engine";
import { CellValue, RowRef, TableData, Workbook } from "./port";
import { fieldsOf, headerIndex, readRows, requireColumns, RowOf, tableEdit, WorkbookProblem } from "./schema/rows";
import { PEOPLE, PLAN_LINES, PLAN_SETTINGS, PLANS, PRICE_POINTS, SCORING, SERVICES, SETTING } from "./schema/tables";

export { WorkbookProblem };

/** A person from the People table, with their answers in the scoring sheet's question order. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly careGroup: string;
  readonly answers: readonly Cell[];
}

/** A catalogue entry from the Services table. */
export type Service = RowOf<typeof SERVICES>;

export type PlanSummary = Pick<RowOf<typeof PLANS>, "planId" | "personId" | "name" | "status" | "updatedAt">;

/** What the pane needs from the workbook, read and checked once. */
export interface PlanBook {
  readonly scoring: ScoringSheet;
  readonly priceTable: PriceTable;
  readonly people: readonly Person[];
  readonly services: readonly Service[];
  readonly tolerance: Tolerance;
  readonly plans: readonly PlanSummary[];
  /** Rows left out because they could not be read, each saying where and why. */
  readonly warnings: readonly string[];
}

async function requireTable(workbook: Workbook, name: string): Promise<TableData> {
  const table = await workbook.readTable(name);
  if (!table) {
    throw new WorkbookProblem(`The workbook has no ${name} table. Use "Set up workbook" to add the missing tables.`);
  }
  return table;
}

/** Runs an engine parse, naming the table in its message. */
function inTable<T>(table: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof EngineError) throw new WorkbookProblem(`${table} table: ${error.message}`);
    throw error;
  }
}

const asGrid = (table: TableData): Cell[][] => [table.headers as Cell[], ...(table.rows as Cell[][])];

function readPeople(table: TableData, scoring: ScoringSheet): Person[] {
  const answerColumns = table.headers.flatMap((header, column) =>
    scoring.questionIndex.has(matchKey(header)) ? [column] : [],
  );
  const order = inTable(table.name, () =>
    questionOrder(
      scoring,
      answerColumns.map((column) => table.headers[column]),
    ),
  );
  const { rows } = readRows(PEOPLE, table, ["personId", "name", "careGroup"]);
  return rows
    .filter(({ value }) => value.personId !== "")
    .map(({ index, value }) => {
      const answers: Cell[] = new Array<Cell>(scoring.questions.length);
      answerColumns.forEach((column, position) => (answers[order[position]] = table.rows[index][column]));
      return { id: value.personId, name: value.name, careGroup: value.careGroup, answers };
    });
}

function readServices(table: TableData, warnings: string[]): Service[] {
  const { rows, problems } = readRows(SERVICES, table);
  warnings.push(
    ...problems.map(
      ({ index, message }) => `${table.name} table row ${index + 1} is left out of the catalogue: ${message}.`,
    ),
  );
  return rows.map(({ value }) => value);
}

const SUMMARY_FIELDS = ["planId", "personId", "name", "status", "updatedAt"] as const;

function readPlanSummaries(table: TableData, warnings: string[]): PlanSummary[] {
  const { rows, problems } = readRows(PLANS, table, SUMMARY_FIELDS);
  warnings.push(
    ...problems.map(
      ({ index, message }) => `${table.name} table row ${index + 1} cannot be opened as a plan: ${message}.`,
    ),
  );
  return rows.map(({ value }) => value).filter((plan) => plan.planId !== "");
}

async function readSettings(workbook: Workbook): Promise<Tolerance> {
  const table = await workbook.readTable(PLAN_SETTINGS.name);
  if (!table) return DEFAULT_TOLERANCE;
  const { rows } = readRows(PLAN_SETTINGS, table);
  const value = (setting: string) =>
    rows.find((row) => matchKey(row.value.setting) === matchKey(setting))?.value.value ?? null;
  return inTable(table.name, () => readTolerance([[value(SETTING.green)], [value(SETTING.amber)]]));
}

/** Reads and checks everything the pane needs. Throws a WorkbookProblem saying what to fix. */
export async function readPlanBook(workbook: Workbook): Promise<PlanBook> {
  const { tables } = await workbook.names();
  const needed = [SCORING, PRICE_POINTS, PEOPLE, SERVICES, PLANS, PLAN_LINES].map((table) => table.name);
  const missing = needed.filter((name) => !tables.some((table) => matchKey(table) === matchKey(name)));
  if (missing.length > 0) {
    throw new WorkbookProblem(
      `The workbook has no ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}. ` +
        `Use "Set up workbook" to add what is missing; nothing you already have is changed.`,
    );
  }
  const [scoringTable, priceTable, peopleTable, servicesTable, plansTable] = await Promise.all(
    [SCORING, PRICE_POINTS, PEOPLE, SERVICES, PLANS].map((table) => requireTable(workbook, table.name)),
  );
  const warnings: string[] = [];
  const scoring = inTable(scoringTable.name, () => parseScoringSheet(asGrid(scoringTable)));
  return {
    scoring,
    priceTable: inTable(priceTable.name, () => parsePriceTable(asGrid(priceTable))),
    people: readPeople(peopleTable, scoring),
    services: readServices(servicesTable, warnings),
    tolerance: await readSettings(workbook),
    plans: readPlanSummaries(plansTable, warnings),
    warnings,
  };
}

/** A person's points and indicative budget, with how it was reached. */
export interface Assessment {
  readonly points: Decimal;
  readonly budget: BudgetDerivation;
  /** The annual budget ÷ 52, rounded to pence once. */
  readonly weekly: Decimal;
  readonly explanation: string;
}

/** Scores a person and prices their points; an incomplete assessment gives a message instead. */
export function assess(book: PlanBook, person: Person): Assessment | { problem: string } {
  try {
    const points = scoreAnswers(book.scoring, person.answers);
    const budget = deriveBudget(
      book.priceTable,
      { points: points.toString(), careGroup: person.careGroup },
      { period: "annual", method: "marginal" },
    );
    return { points, budget, weekly: toPence(inPeriod(budget.exact, "weekly")), explanation: explainBudget(budget) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { problem: `${person.name}'s assessment cannot be priced yet: ${error.message}.` };
  }
}

/** A plan as the pane edits it. */
export interface PlanDraft {
  /** Null until the plan is first saved. */
  readonly planId: string | null;
  readonly personId: string;
  readonly lines: readonly SupportPlanLine[];
  readonly status: PlanStatus;
  readonly reason: string;
  readonly updatedBy: string;
  /** "2026-11-24T14:05", or null until the plan is first saved. */
  readonly updatedAt: string | null;
}

const planIdColumn = (lines: TableData) => headerIndex(lines).get(matchKey(PLAN_LINES.columns.planId.header))!;

const rowsOfPlan = (table: TableData, planId: string) =>
  readRows(PLAN_LINES, table).rows.filter(({ value }) => matchKey(value.planId) === matchKey(planId));

/** Opens a saved plan from the Plans and PlanLines tables. */
export async function openPlan(workbook: Workbook, planId: string): Promise<PlanDraft> {
  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  const fields = ["planId", "personId", "status", "reason", "updatedBy", "updatedAt"] as const;
  const plan = readRows(PLANS, plans, fields).rows.find(({ value }) => matchKey(value.planId) === matchKey(planId));
  if (!plan) throw new WorkbookProblem(`The Plans table has no plan ${planId}.`);
  const { problems } = readRows(PLAN_LINES, lines);
  const ownProblem = problems.find(
    ({ index }) => matchKey(lines.rows[index][planIdColumn(lines)]) === matchKey(planId),
  );
  if (ownProblem) {
    throw new WorkbookProblem(`${lines.name} table row ${ownProblem.index + 1}: ${ownProblem.message}.`);
  }
  const status = PLAN_STATUSES.find((known) => matchKey(known) === matchKey(plan.value.status)) ?? "Draft";
  return {
    planId: plan.value.planId,
    personId: plan.value.personId,
    lines: rowsOfPlan(lines, planId)
      .sort((a, b) => a.value.line.comparedTo(b.value.line))
      .map(({ value: { service, unit, quantity, unitCost, frequency, managedAs } }) => ({
        service,
        unit,
        quantity,
        unitCost,
        frequency,
        managedAs,
      })),
    status,
    reason: plan.value.reason,
    updatedBy: plan.value.updatedBy,
    updatedAt: plan.value.updatedAt,
  };
}

/** A plan priced against a person's indicative budget. */
export interface CostedPlan {
  readonly totals: PlanTotals;
  readonly againstBudget: PlanAgainstBudget | null;
}

export function costPlan(
  lines: readonly SupportPlanLine[],
  assessment: Assessment | null,
  tolerance: Tolerance,
): CostedPlan {
  const totals = planTotals(lines);
  return {
    totals,
    againstBudget: assessment ? planAgainstBudget(totals.annual, assessment.budget.result, tolerance) : null,
  };
}

/** "2026-11-24T14:05", local time to the minute, as the Updated at column holds it. */
export function timestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `${day}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

function nextPlanId(plans: TableData): string {
  const numbers = readRows(PLANS, plans, ["planId"])
    .rows.map(({ value }) => /^PLAN-(\d+)$/i.exec(value.planId)?.[1])
    .map(Number)
    .filter(Number.isFinite);
  return `PLAN-${String(Math.max(0, ...numbers) + 1).padStart(4, "0")}`;
}

const PLAN_FIELDS = [
  "planId",
  "personId",
  "name",
  "careGroup",
  "status",
  "indicativeAnnual",
  "annual",
  "weekly",
  "oneOff",
  ...MANAGED_AS.map((managedAs) => `${managedAs} (annual)` as const),
  "light",
  "reason",
  "updatedBy",
  "updatedAt",
] as const;

/**
 * Saves a plan: its lines in PlanLines, then its row in Plans, as values. Saving again updates the same rows
 * in place; no other row, and no column of the user's own, is touched. The Plans row is written last, so a
 * save that fails part-way leaves the plan as it was last saved in Plans. Refuses, writing nothing, while the
 * plan has problems. Returns the plan as saved.
 */
export async function savePlan(workbook: Workbook, book: PlanBook, draft: PlanDraft, at: Date): Promise<PlanDraft> {
  const problems = planProblems(draft);
  const person = book.people.find((candidate) => candidate.id === draft.personId);
  if (!person) problems.unshift(`The People table has no person ${draft.personId}.`);
  const assessment = person ? assess(book, person) : null;
  if (assessment && "problem" in assessment) problems.unshift(assessment.problem);
  if (problems.length > 0 || !person || !assessment || "problem" in assessment) {
    throw new WorkbookProblem(problems.join(" "));
  }

  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  requireColumns(PLANS, plans);
  requireColumns(PLAN_LINES, lines);
  const existing =
    draft.planId === null
      ? []
      : readRows(PLANS, plans, ["planId"]).rows.filter(
          ({ value }) => matchKey(value.planId) === matchKey(draft.planId),
        );
  if (existing.length > 1) {
    throw new WorkbookProblem(
      `The Plans table has ${existing.length} rows for plan ${draft.planId}; keep one and save again.`,
    );
  }
  if (draft.planId !== null && existing.length === 0) {
    throw new WorkbookProblem(`Plan ${draft.planId} is no longer in the Plans table; it may have been deleted.`);
  }
  const planId = draft.planId ?? nextPlanId(plans);
  const saved: PlanDraft = { ...draft, planId, updatedAt: timestamp(at) };

  const { totals, againstBudget } = costPlan(draft.lines, assessment, book.tolerance);
  const managed = Object.fromEntries(
    MANAGED_AS.map((managedAs) => {
      const split = totals.byManagement[managedAs];
      return [`${managedAs} (annual)`, toPence(split.recurringAnnual.plus(split.oneOff))];
    }),
  ) as Record<`${ManagedAs} (annual)`, Decimal>;
  const planRow = {
    planId,
    personId: person.id,
    name: person.name,
    careGroup: person.careGroup,
    status: saved.status,
    indicativeAnnual: toPence(assessment.budget.result),
    annual: toPence(totals.annual),
    weekly: toPence(totals.weekly),
    oneOff: toPence(totals.oneOff),
    ...managed,
    light: againstBudget!.light,
    reason: saved.status === "Needs manager review" ? saved.reason.trim() : "",
    updatedBy: saved.updatedBy.trim(),
    updatedAt: saved.updatedAt,
  };
  const key = (index: number) => ({ row: index, key: { header: PLANS.columns.planId.header, value: planId } });
  const plansEdit = tableEdit(PLANS, plans, PLAN_FIELDS, {
    update: existing.map(({ index }) => ({ ...key(index), value: planRow })),
    append: existing.length === 0 ? [planRow] : [],
  });

  const lineRows = rowsOfPlan(lines, planId).map(({ index }) => index);
  const lineValues = draft.lines.map((line, index) => ({
    planId,
    line: new Decimal(index + 1),
    ...line,
    annualCost: toPence(planTotals([line]).annual),
  }));
  const lineKey = (index: number) => ({ row: index, key: { header: PLAN_LINES.columns.planId.header, value: planId } });
  const linesEdit = tableEdit(PLAN_LINES, lines, fieldsOf(PLAN_LINES), {
    update: lineValues.slice(0, lineRows.length).map((value, index) => ({ ...lineKey(lineRows[index]), value })),
    delete: lineRows.slice(lineValues.length).map(lineKey),
    append: lineValues.slice(lineRows.length),
  });
  await workbook.editTables([linesEdit, plansEdit]);
  return saved;
}

/** Saves the workbook's tolerance limits to the PlanSettings table. */
export async function saveTolerance(workbook: Workbook, green: Cell, amber: Cell): Promise<Tolerance> {
  const tolerance = inTable(PLAN_SETTINGS.name, () => readTolerance([[green], [amber]]));
  const settings = await requireTable(workbook, PLAN_SETTINGS.name);
  const { rows } = readRows(PLAN_SETTINGS, settings);
  const update: (RowRef & { value: RowOf<typeof PLAN_SETTINGS> })[] = [];
  const append: RowOf<typeof PLAN_SETTINGS>[] = [];
  for (const [setting, value] of [
    [SETTING.green, tolerance.green],
    [SETTING.amber, tolerance.amber],
  ] as const) {
    const row = { setting, value: Number(value.toString()) as CellValue };
    const found = rows.find((candidate) => matchKey(candidate.value.setting) === matchKey(setting));
    if (found)
      update.push({
        row: found.index,
        key: { header: PLAN_SETTINGS.columns.setting.header, value: setting },
        value: row,
      });
    else append.push(row);
  }
  await workbook.editTables([tableEdit(PLAN_SETTINGS, settings, ["setting", "value"], { update, append })]);
  return tolerance;
}
