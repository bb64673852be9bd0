import {
  Cell,
  checkLine,
  DEFAULT_TOLERANCE,
  deriveBudget,
  BudgetDerivation,
  Decimal,
  EngineError,
  explainBudget,
  inPeriod,
  LineFields,
  listForMessage,
  ManagedAs,
  matchKey,
  label,
  parsePriceTable,
  parseScoringSheet,
  penceNumber,
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
import { PEOPLE, PLAN_LINES, PLANS, SERVICES, SETTINGS, TABLE } from "./tables";
import { CellValue, TableData, TableEdit, Workbook } from "./workbook";

/** A person from the People table, with their answers in the scoring sheet's question order. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly careGroup: string;
  readonly answers: readonly Cell[];
}

/** A catalogue entry from the Services table. */
export interface Service {
  readonly service: string;
  readonly unit: string;
  readonly unitCost: Decimal;
  readonly frequency: SupportPlanLine["frequency"];
  readonly managedAs: ManagedAs;
}

export interface PlanSummary {
  readonly planId: string;
  readonly personId: string;
  readonly name: string;
  readonly status: string;
  readonly updatedAt: string;
}

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

/** Something in the workbook stops the pane working; the message says what and where. */
export class WorkbookProblem extends Error {
  override readonly name = "WorkbookProblem";
}

/** A table's columns found by header text, so users may reorder them or add their own. */
class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly table: TableData) {
    table.headers.forEach((header, column) => this.index.set(matchKey(header), column));
  }
  has(header: string): boolean {
    return this.index.has(matchKey(header));
  }
  of(header: string): number {
    const column = this.index.get(matchKey(header));
    if (column === undefined) throw new WorkbookProblem(`The ${this.table.name} table has no "${header}" column.`);
    return column;
  }
  cell(row: readonly CellValue[], header: string): Cell {
    return row[this.of(header)];
  }
  /** Checks every needed column up front, so the message lists them all at once. */
  require(headers: readonly string[]): void {
    const missing = headers.filter((header) => !this.has(header));
    if (missing.length > 0) {
      throw new WorkbookProblem(
        `The ${this.table.name} table is missing the column${missing.length > 1 ? "s" : ""} ${missing.map((h) => `"${h}"`).join(", ")}.`,
      );
    }
  }
}

async function requireTable(workbook: Workbook, name: string): Promise<TableData> {
  const table = await workbook.readTable(name);
  if (!table)
    throw new WorkbookProblem(`The workbook has no ${name} table. Use "Set up workbook" to add the missing tables.`);
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
  const columns = new Columns(table);
  columns.require([PEOPLE.id, PEOPLE.name, PEOPLE.careGroup]);
  const answerColumns = table.headers.flatMap((header, column) =>
    scoring.questionIndex.has(matchKey(header)) ? [column] : [],
  );
  const order = inTable(TABLE.people, () =>
    questionOrder(
      scoring,
      answerColumns.map((column) => table.headers[column]),
    ),
  );
  return table.rows
    .filter((row) => label(columns.cell(row, PEOPLE.id)) !== "")
    .map((row) => {
      const answers: Cell[] = new Array(scoring.questions.length);
      answerColumns.forEach((column, position) => (answers[order[position]] = row[column]));
      return {
        id: label(columns.cell(row, PEOPLE.id)),
        name: label(columns.cell(row, PEOPLE.name)),
        careGroup: label(columns.cell(row, PEOPLE.careGroup)),
        answers,
      };
    });
}

function lineFields(
  columns: Columns,
  row: readonly CellValue[],
  headers: typeof SERVICES | typeof PLAN_LINES,
): LineFields {
  return {
    service: columns.cell(row, headers.service),
    quantity: "quantity" in headers ? columns.cell(row, headers.quantity) : 1,
    unit: columns.cell(row, headers.unit),
    unitCost: columns.cell(row, headers.unitCost),
    frequency: columns.cell(row, headers.frequency),
    managedAs: columns.cell(row, headers.managedAs),
  };
}

function problemsText(problems: Partial<Record<keyof LineFields, string>>): string {
  return Object.values(problems).join("; ");
}

function readServices(table: TableData, warnings: string[]): Service[] {
  const columns = new Columns(table);
  columns.require(Object.values(SERVICES));
  return table.rows.flatMap((row, index) => {
    if (row.every((cell) => label(cell) === "")) return [];
    const checked = checkLine(lineFields(columns, row, SERVICES));
    if ("problems" in checked) {
      warnings.push(`Services table row ${index + 1} is left out of the catalogue: ${problemsText(checked.problems)}.`);
      return [];
    }
    const { quantity: _quantity, ...service } = checked.line;
    return [service];
  });
}

function readPlanSummaries(table: TableData): PlanSummary[] {
  const columns = new Columns(table);
  columns.require([PLANS.planId, PLANS.personId, PLANS.name, PLANS.status, PLANS.updatedAt]);
  return table.rows
    .filter((row) => label(columns.cell(row, PLANS.planId)) !== "")
    .map((row) => ({
      planId: label(columns.cell(row, PLANS.planId)),
      personId: label(columns.cell(row, PLANS.personId)),
      name: label(columns.cell(row, PLANS.name)),
      status: label(columns.cell(row, PLANS.status)),
      updatedAt: label(columns.cell(row, PLANS.updatedAt)),
    }));
}

async function readSettings(workbook: Workbook): Promise<Tolerance> {
  const table = await workbook.readTable(TABLE.settings);
  if (!table) return DEFAULT_TOLERANCE;
  const columns = new Columns(table);
  columns.require([SETTINGS.setting, SETTINGS.value]);
  const value = (setting: string) =>
    table.rows.find((row) => matchKey(columns.cell(row, SETTINGS.setting)) === matchKey(setting))?.[
      columns.of(SETTINGS.value)
    ];
  return inTable(TABLE.settings, () =>
    readTolerance([[value(SETTINGS.green) ?? null], [value(SETTINGS.amber) ?? null]]),
  );
}

/** Reads and checks everything the pane needs. Throws a WorkbookProblem saying what to fix. */
export async function readPlanBook(workbook: Workbook): Promise<PlanBook> {
  const { tables } = await workbook.names();
  const needed = [TABLE.scoring, TABLE.pricePoints, TABLE.people, TABLE.services, TABLE.plans, TABLE.planLines];
  const missing = needed.filter((name) => !tables.some((table) => matchKey(table) === matchKey(name)));
  if (missing.length > 0) {
    throw new WorkbookProblem(
      `The workbook has no ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}. ` +
        `Use "Set up workbook" to add what is missing; nothing you already have is changed.`,
    );
  }
  const [scoringTable, priceTable, peopleTable, servicesTable, plansTable] = await Promise.all(
    [TABLE.scoring, TABLE.pricePoints, TABLE.people, TABLE.services, TABLE.plans].map((name) =>
      requireTable(workbook, name),
    ),
  );
  const warnings: string[] = [];
  const scoring = inTable(TABLE.scoring, () => parseScoringSheet(asGrid(scoringTable)));
  return {
    scoring,
    priceTable: inTable(TABLE.pricePoints, () => parsePriceTable(asGrid(priceTable))),
    people: readPeople(peopleTable, scoring),
    services: readServices(servicesTable, warnings),
    tolerance: await readSettings(workbook),
    plans: readPlanSummaries(plansTable),
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
  readonly updatedAt: string;
}

/** Opens a saved plan from the Plans and PlanLines tables. */
export async function openPlan(workbook: Workbook, planId: string): Promise<PlanDraft> {
  const plans = new Columns(await requireTable(workbook, TABLE.plans));
  const lines = new Columns(await requireTable(workbook, TABLE.planLines));
  lines.require(Object.values(PLAN_LINES));
  const row = plans.table.rows.find((candidate) => matchKey(plans.cell(candidate, PLANS.planId)) === matchKey(planId));
  if (!row) throw new WorkbookProblem(`The Plans table has no plan ${planId}.`);
  const status = PLAN_STATUSES.find((known) => matchKey(known) === matchKey(plans.cell(row, PLANS.status))) ?? "Draft";
  const planLines = lines.table.rows
    .map((lineRow, index) => ({ lineRow, index }))
    .filter(({ lineRow }) => matchKey(lines.cell(lineRow, PLAN_LINES.planId)) === matchKey(planId))
    .sort((a, b) => Number(lines.cell(a.lineRow, PLAN_LINES.line)) - Number(lines.cell(b.lineRow, PLAN_LINES.line)))
    .map(({ lineRow, index }) => {
      const checked = checkLine(lineFields(lines, lineRow, PLAN_LINES));
      if ("problems" in checked)
        throw new WorkbookProblem(`PlanLines table row ${index + 1}: ${problemsText(checked.problems)}.`);
      return checked.line;
    });
  return {
    planId: label(plans.cell(row, PLANS.planId)),
    personId: label(plans.cell(row, PLANS.personId)),
    lines: planLines,
    status,
    reason: label(plans.cell(row, PLANS.reason)),
    updatedBy: label(plans.cell(row, PLANS.updatedBy)),
    updatedAt: label(plans.cell(row, PLANS.updatedAt)),
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

/** "2026-11-24 14:05", local time: readable in a cell by colleagues without the add-in. */
export function timestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

function nextPlanId(plans: Columns): string {
  const numbers = plans.table.rows
    .map((row) => /^PLAN-(\d+)$/i.exec(label(plans.cell(row, PLANS.planId)))?.[1])
    .map(Number)
    .filter(Number.isFinite);
  return `PLAN-${String(Math.max(0, ...numbers) + 1).padStart(4, "0")}`;
}

/** A row with our columns set and any column of the user's own kept as it was. */
function rowWith(
  columns: Columns,
  values: Readonly<Record<string, CellValue>>,
  existing?: readonly CellValue[],
): CellValue[] {
  const row = existing ? [...existing] : columns.table.headers.map((): CellValue => null);
  Object.entries(values).forEach(([header, value]) => (row[columns.of(header)] = value));
  return row;
}

/**
 * Saves a plan: its row in Plans and its lines in PlanLines, as values, in one batch. Saving again
 * updates the same rows in place; no other row is touched. Refuses, writing nothing, while the plan
 * has problems. Returns the plan as saved.
 */
export async function savePlan(workbook: Workbook, book: PlanBook, draft: PlanDraft, at: Date): Promise<PlanDraft> {
  const problems = planProblems(draft);
  const person = book.people.find((candidate) => candidate.id === draft.personId);
  if (!person) problems.unshift(`The People table has no person ${draft.personId}.`);
  const assessment = person ? assess(book, person) : null;
  if (assessment && "problem" in assessment) problems.unshift(assessment.problem);
  if (problems.length > 0 || !person || !assessment || "problem" in assessment)
    throw new WorkbookProblem(problems.join(" "));

  const plans = new Columns(await requireTable(workbook, TABLE.plans));
  const lines = new Columns(await requireTable(workbook, TABLE.planLines));
  plans.require(Object.values(PLANS));
  lines.require(Object.values(PLAN_LINES));
  const planRows =
    draft.planId === null
      ? []
      : plans.table.rows.flatMap((row, index) =>
          matchKey(plans.cell(row, PLANS.planId)) === matchKey(draft.planId) ? [index] : [],
        );
  if (planRows.length > 1)
    throw new WorkbookProblem(
      `The Plans table has ${planRows.length} rows for plan ${draft.planId}; keep one and save again.`,
    );
  if (draft.planId !== null && planRows.length === 0)
    throw new WorkbookProblem(`Plan ${draft.planId} is no longer in the Plans table; it may have been deleted.`);
  const planId = draft.planId ?? nextPlanId(plans);
  const saved: PlanDraft = { ...draft, planId, updatedAt: timestamp(at) };

  const { totals, againstBudget } = costPlan(draft.lines, assessment, book.tolerance);
  const money = (amount: Decimal) => penceNumber(amount);
  const managed = (managedAs: ManagedAs) =>
    money(totals.byManagement[managedAs].recurringAnnual.plus(totals.byManagement[managedAs].oneOff));
  const planValues: Record<string, CellValue> = {
    [PLANS.planId]: planId,
    [PLANS.personId]: person.id,
    [PLANS.name]: person.name,
    [PLANS.careGroup]: person.careGroup,
    [PLANS.indicativeAnnual]: money(assessment.budget.result),
    [PLANS.annual]: money(totals.annual),
    [PLANS.weekly]: money(totals.weekly),
    [PLANS.oneOff]: money(totals.oneOff),
    [PLANS.directPayment]: managed("Direct payment"),
    [PLANS.councilManaged]: managed("Council-managed"),
    [PLANS.individualServiceFund]: managed("Individual Service Fund"),
    [PLANS.light]: againstBudget!.light,
    [PLANS.status]: saved.status,
    [PLANS.reason]: saved.status === "Needs manager review" ? saved.reason.trim() : "",
    [PLANS.updatedBy]: saved.updatedBy.trim(),
    [PLANS.updatedAt]: saved.updatedAt,
  };
  const plansEdit: TableEdit =
    planRows.length === 1
      ? {
          table: plans.table.name,
          update: [{ row: planRows[0], values: rowWith(plans, planValues, plans.table.rows[planRows[0]]) }],
        }
      : { table: plans.table.name, append: [rowWith(plans, planValues)] };

  const lineRows = lines.table.rows.flatMap((row, index) =>
    matchKey(lines.cell(row, PLAN_LINES.planId)) === matchKey(planId) ? [index] : [],
  );
  const lineValues = draft.lines.map(
    (line, index) =>
      ({
        [PLAN_LINES.planId]: planId,
        [PLAN_LINES.line]: index + 1,
        [PLAN_LINES.service]: line.service,
        [PLAN_LINES.quantity]: Number(line.quantity.toString()),
        [PLAN_LINES.unit]: line.unit,
        [PLAN_LINES.unitCost]: Number(line.unitCost.toString()),
        [PLAN_LINES.frequency]: line.frequency,
        [PLAN_LINES.managedAs]: line.managedAs,
        [PLAN_LINES.annualCost]: money(planTotals([line]).annual),
      }) as Record<string, CellValue>,
  );
  const linesEdit: TableEdit = {
    table: lines.table.name,
    update: lineValues.slice(0, lineRows.length).map((values, index) => ({
      row: lineRows[index],
      values: rowWith(lines, values, lines.table.rows[lineRows[index]]),
    })),
    delete: lineRows.slice(lineValues.length),
    append: lineValues.slice(lineRows.length).map((values) => rowWith(lines, values)),
  };
  await workbook.editTables([plansEdit, linesEdit]);
  return saved;
}

/** Saves the workbook's tolerance limits to the PlanSettings table. */
export async function saveTolerance(workbook: Workbook, green: Cell, amber: Cell): Promise<Tolerance> {
  const tolerance = inTable(TABLE.settings, () => readTolerance([[green], [amber]]));
  const settings = new Columns(await requireTable(workbook, TABLE.settings));
  settings.require([SETTINGS.setting, SETTINGS.value]);
  const update: { row: number; values: CellValue[] }[] = [];
  const append: CellValue[][] = [];
  for (const [setting, value] of [
    [SETTINGS.green, tolerance.green],
    [SETTINGS.amber, tolerance.amber],
  ] as const) {
    const values = { [SETTINGS.setting]: setting, [SETTINGS.value]: Number(value.toString()) };
    const row = settings.table.rows.findIndex(
      (candidate) => matchKey(settings.cell(candidate, SETTINGS.setting)) === matchKey(setting),
    );
    if (row >= 0) update.push({ row, values: rowWith(settings, values, settings.table.rows[row]) });
    else append.push(rowWith(settings, values));
  }
  await workbook.editTables([{ table: settings.table.name, update, append }]);
  return tolerance;
}
