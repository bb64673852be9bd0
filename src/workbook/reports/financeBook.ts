// The finance figures from the workbook's tables, for the pane (before any Finance sheet exists), and writing
// the Finance sheet and, when the workbook has none, the Budgets table. The arithmetic is the engine's
// (commitment.ts); the sheet's formulas work out the same figures in Excel.
import {
  assumptionFor,
  BudgetRecord,
  commitment,
  Commitment,
  commitmentNotes,
  commitmentPeriod,
  Decimal,
  forecast,
  ForecastAssumptions,
  indicativeAgainstPlanned,
  IndicativeAgainstPlanned,
  isBlank,
  LineRecord,
  listForMessage,
  MANAGED_AS,
  ManagedAs,
  matchKey,
  PersonIndicative,
  PlanRecord,
  readDate,
  recurringOf,
  serialFromIso,
  ServiceSpend,
  spendByService,
  ZERO,
} from "../../engine";
import { freeSheetName, nameTaken, sameName, TableData, Workbook, WorkbookRefusal } from "../port";
import { MissingTables } from "../plans/book";
import { headerIndex, readRows, requireColumns, WorkbookProblem } from "../schema/rows";
import { BUDGETS, PEOPLE, PLAN_LINES, PLANS, SERVICES } from "../schema/tables";
import { budgetsTable } from "../starter";
import { DEFAULT_ASSUMPTIONS, financeSheet } from "./finance";
import { hasBudgetProfile, outturnTablesToAdd } from "./outturnBook";

/** What the finance figures are worked out from, read and checked once. */
export interface FinanceBook {
  readonly plans: readonly PlanRecord[];
  readonly lines: readonly LineRecord[];
  readonly people: readonly PersonIndicative[];
  /** Empty when the workbook has no Budgets table yet. */
  readonly budgets: readonly BudgetRecord[];
  readonly hasBudgets: boolean;
  /** The sheet's rows: the Budgets table's care groups, then any other from People and Plans. */
  readonly careGroups: readonly string[];
  /** The catalogue's services, then any other in PlanLines. */
  readonly services: readonly string[];
  /** False when a row of Plans cannot be read, so PB.IN_YEAR_COST over the table gives an error. */
  readonly inYearAvailable: boolean;
  /** Rows left out or figures that cannot be worked out, each saying where and why. */
  readonly warnings: readonly string[];
}

const NEEDED = [PLANS, PLAN_LINES, PEOPLE] as const;

/** Names in the order first met, ignoring case. */
function distinct(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (name !== "" && !seen.has(matchKey(name))) seen.set(matchKey(name), name);
  return [...seen.values()];
}

const rowProblems = (data: TableData, problems: readonly { index: number; message: string }[], effect: string) =>
  problems.map(({ index, message }) => `${data.name} table row ${index + 1} ${effect}: ${message}.`);

const NO_IN_YEAR = "so the in-year commitment cannot be worked out (the Finance sheet's in-year figures show an error)";

function readPlans(data: TableData, warnings: string[]): { plans: PlanRecord[]; readable: boolean } {
  const missing = [PLANS.columns.startDate, PLANS.columns.endDate]
    .filter((column) => !headerIndex(data).has(matchKey(column.header)))
    .map((column) => column.header);
  if (missing.length > 0) {
    throw new WorkbookProblem(
      `The Plans table has no ${listForMessage(missing)} column${missing.length > 1 ? "s" : ""}, which the finance ` +
        "figures need: open any plan in the Support plan view and save it, and the columns are added.",
    );
  }
  const { rows, problems } = readRows(PLANS, data, [
    "planId",
    "careGroup",
    "status",
    "startDate",
    "endDate",
    "indicativeAnnual",
    "annual",
    "oneOff",
    ...MANAGED_AS.map((way) => `${way} (annual)` as const),
  ]);
  warnings.push(...rowProblems(data, problems, "is left out of the finance figures"));
  const plans = rows.map(({ value }): PlanRecord => ({
    planId: value.planId,
    careGroup: value.careGroup,
    status: value.status,
    start: value.startDate === null ? null : serialFromIso(value.startDate),
    end: value.endDate === null ? null : serialFromIso(value.endDate),
    managed: Object.fromEntries(MANAGED_AS.map((way) => [way, value[`${way} (annual)`]])) as Record<ManagedAs, Decimal>,
    oneOff: value.oneOff,
    indicativeAnnual: value.indicativeAnnual,
    annual: value.annual,
  }));
  const undated = plans.filter((plan) => plan.start === null).map((plan) => plan.planId);
  if (undated.length > 0) {
    warnings.push(
      `${listForMessage(undated)} ${undated.length > 1 ? "have" : "has"} no start date, ${NO_IN_YEAR}: give each ` +
        "a start date in the Plans table.",
    );
  }
  const backwards = plans.filter((plan) => plan.start !== null && plan.end !== null && plan.end < plan.start);
  if (backwards.length > 0) {
    warnings.push(
      `${listForMessage(backwards.map((plan) => plan.planId))} ${backwards.length > 1 ? "end" : "ends"} before ` +
        `starting, ${NO_IN_YEAR}: correct the dates.`,
    );
  }
  // An empty row among the plans is #N/A to PB.IN_YEAR_COST too; a table of no plans at all commits nothing.
  const blank = data.rows.length - rows.length - problems.length;
  if (blank > 0 && rows.length > 0) {
    warnings.push(`The Plans table has ${blank} empty row${blank > 1 ? "s" : ""}, ${NO_IN_YEAR}: delete them.`);
  }
  return {
    plans,
    readable: problems.length === 0 && backwards.length === 0 && (blank === 0 || rows.length === 0),
  };
}

function readLines(data: TableData, warnings: string[]): LineRecord[] {
  const { rows, problems } = readRows(PLAN_LINES, data, ["planId", "service", "managedAs", "annualCost"]);
  warnings.push(...rowProblems(data, problems, "is left out of the spending by service"));
  return rows.map(({ value }) => value);
}

/** Everyone with a care group, and their indicative budget while it is a number (not an assessment in progress). */
function readPeople(data: TableData): PersonIndicative[] {
  requireColumns(PEOPLE, data, ["careGroup", "indicativeBudget"]);
  const index = headerIndex(data);
  const careGroup = index.get(matchKey(PEOPLE.columns.careGroup.header))!;
  const budget = index.get(matchKey(PEOPLE.columns.indicativeBudget.header))!;
  return data.rows
    .filter((row) => !isBlank(row[careGroup]))
    .map((row) => {
      const indicative = row[budget];
      return {
        careGroup: String(row[careGroup]).trim(),
        indicative: typeof indicative === "number" && indicative >= 0 ? new Decimal(indicative) : null,
      };
    });
}

function readBudgets(data: TableData, warnings: string[]): BudgetRecord[] {
  try {
    requireColumns(BUDGETS, data);
  } catch (error) {
    if (!(error instanceof WorkbookProblem)) throw error;
    warnings.push(`${error.message} Until it has them, no budget is counted.`);
    return [];
  }
  const index = headerIndex(data);
  const careGroup = index.get(matchKey(BUDGETS.columns.careGroup.header))!;
  const amount = index.get(matchKey(BUDGETS.columns.annualBudget.header))!;
  const budgets: BudgetRecord[] = [];
  data.rows.forEach((row, at) => {
    if (isBlank(row[careGroup]) && isBlank(row[amount])) return;
    const blank = isBlank(row[amount]);
    try {
      budgets.push({
        careGroup: String(row[careGroup] ?? "").trim(),
        annualBudget: blank ? null : BUDGETS.columns.annualBudget.read(row[amount]),
      });
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      warnings.push(
        `${data.name} table row ${at + 1} is left out (the sheet's SUMIFS skips it too): ${error.message}.`,
      );
    }
  });
  return budgets;
}

/** Reads what the finance figures need. Throws a WorkbookProblem when a table they need is missing. */
export async function readFinanceBook(workbook: Workbook): Promise<FinanceBook> {
  const { tables } = await workbook.names();
  const missing = NEEDED.map((spec) => spec.name).filter((name) => !tables.some((found) => sameName(found, name)));
  if (missing.length > 0) {
    throw new MissingTables(
      `The workbook has no ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}. ` +
        `Use "Set up workbook" in the Support plan view to add what is missing; nothing you have is changed.`,
    );
  }
  const [plansData, linesData, peopleData, budgetsData, servicesData] = await Promise.all(
    [PLANS, PLAN_LINES, PEOPLE, BUDGETS, SERVICES].map((spec) => workbook.readTable(spec.name)),
  );
  const warnings: string[] = [];
  const { plans, readable } = readPlans(plansData!, warnings);
  const lines = readLines(linesData!, warnings);
  const people = readPeople(peopleData!);
  const budgets = budgetsData ? readBudgets(budgetsData, warnings) : [];
  const catalogue = servicesData
    ? readRows(SERVICES, servicesData, ["service"]).rows.map(({ value }) => value.service)
    : [];
  return {
    plans,
    lines,
    people,
    budgets,
    hasBudgets: budgetsData !== null,
    careGroups: distinct([
      ...budgets.map((budget) => budget.careGroup),
      ...people.map((person) => person.careGroup),
      ...plans.map((plan) => plan.careGroup),
    ]),
    services: distinct([...catalogue, ...lines.map((line) => line.service)]),
    inYearAvailable: readable,
    warnings,
  };
}

/** The finance year and date the figures are measured at, as the pane's date boxes give them. */
export interface FinanceDates {
  /** ISO, such as "2026-10-01". */
  readonly asAt: string;
  /** ISO: the financial year's first day, such as "2026-04-01". */
  readonly yearStart: string;
}

export interface ForecastRow {
  readonly careGroup: string;
  readonly thisYear: Decimal;
  readonly years: readonly Decimal[];
  readonly budget: Decimal;
}

/** Every figure of the Finance sheet, worked out by the engine from the tables. */
export interface FinanceFigures {
  readonly commitment: Commitment;
  readonly spending: { services: ServiceSpend[]; other: ServiceSpend; total: Decimal };
  readonly indicative: readonly IndicativeAgainstPlanned[];
  readonly forecast: readonly ForecastRow[];
  /** What the figures leave out or cannot work out. */
  readonly notes: readonly string[];
}

/**
 * The figures at these dates, the forecast by the assumptions given (the care groups not listed follow all care
 * groups' rates, as on the sheet); by default the sheet's starting points for every group. Throws an
 * EngineError for an as-at date after the year's end.
 */
export function financeFigures(
  book: FinanceBook,
  dates: FinanceDates,
  assumptions: ForecastAssumptions = DEFAULT_ASSUMPTIONS,
): FinanceFigures {
  const asAt = readDate(dates.asAt, "As at");
  const period = commitmentPeriod(asAt, readDate(dates.yearStart, "Financial year starts"));
  const figures = commitment(book.plans, book.budgets, book.careGroups, period, book.inYearAvailable);
  const rows = figures.rows;
  const forecasts = rows.slice(0, -1).map((row, at) => ({
    careGroup: row.careGroup,
    thisYear: recurringOf(row),
    years: forecast(recurringOf(row), assumptionFor(assumptions, at < book.careGroups.length ? row.careGroup : null)),
    budget: row.budget,
  }));
  const all = rows[rows.length - 1];
  const total: ForecastRow = {
    careGroup: all.careGroup,
    thisYear: recurringOf(all),
    years: forecasts[0].years.map((_, year) => forecasts.reduce((sum, row) => sum.plus(row.years[year]), ZERO)),
    budget: all.budget,
  };
  return {
    commitment: figures,
    spending: spendByService(book.lines, book.plans, book.services, asAt),
    indicative: indicativeAgainstPlanned(book.people, book.plans, book.careGroups, asAt),
    forecast: [...forecasts, total],
    notes: [...book.warnings, ...commitmentNotes(book.plans, period)],
  };
}

/** What writing the Finance sheet created. */
export interface FinanceWritten {
  readonly sheet: string;
  /** The Budgets table it added, on which sheet, or null when the workbook had one. */
  readonly budgets: { readonly table: string; readonly sheet: string } | null;
}

/**
 * Writes the Finance sheet at these dates, on a sheet of its own ("Finance", or "Finance (2)" beside a sheet of
 * the user's), first adding a Budgets table with a row per care group when the workbook has none. Nothing of the
 * user's is overwritten: a defined name "Budgets", or a Budgets table without the columns the sheet reads, stops
 * it before anything is written.
 */
export async function writeFinanceSheet(
  workbook: Workbook,
  book: FinanceBook,
  dates: FinanceDates,
  assumptions: ForecastAssumptions = DEFAULT_ASSUMPTIONS,
): Promise<FinanceWritten> {
  const period = commitmentPeriod(readDate(dates.asAt, "As at"), readDate(dates.yearStart, "Financial year starts"));
  const names = await workbook.names();
  const missing = NEEDED.map((spec) => spec.name).filter(
    (name) => !names.tables.some((found) => sameName(found, name)),
  );
  if (missing.length > 0) {
    throw new WorkbookProblem(
      `The workbook no longer has the ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}; ` +
        "nothing was written. Refresh, and set up the workbook if need be.",
    );
  }
  const hasBudgets = names.tables.some((found) => sameName(found, BUDGETS.name));
  if (!hasBudgets && nameTaken(names, BUDGETS.name)) {
    throw new WorkbookProblem(
      `The workbook already uses the name ${BUDGETS.name} for something other than a table, so the Budgets ` +
        "table cannot take it. Rename or delete it in Formulas › Name Manager and try again; nothing was written.",
    );
  }
  if (hasBudgets) {
    const budgets = await workbook.readTable(BUDGETS.name);
    requireColumns(BUDGETS, budgets!);
  }
  const taken = [...names.sheets];
  const outturnTables = outturnTablesToAdd(names, taken);
  if (outturnTables.length > 0) await workbook.addTables(outturnTables);
  let budgetsCreated: FinanceWritten["budgets"] = null;
  if (!hasBudgets) {
    const sheet = freeSheetName(BUDGETS.sheet, taken);
    taken.push(sheet);
    await workbook.addTables([{ ...budgetsTable(book.careGroups.map((careGroup) => [careGroup, null])), sheet }]);
    budgetsCreated = { table: BUDGETS.name, sheet };
  }
  const sheet = freeSheetName("Finance", taken);
  const spec = financeSheet({
    name: sheet,
    asAt: period.asAt,
    yearStart: period.year.from,
    careGroups: book.careGroups,
    services: book.services,
    assumptions,
    budgetProfile: hasBudgetProfile(names),
  });
  try {
    await workbook.addSheet(spec);
  } catch (error) {
    if (!(error instanceof WorkbookRefusal) || !budgetsCreated) throw error;
    throw new WorkbookRefusal(
      `${error.message} The ${BUDGETS.name} table added before it, on the sheet ${budgetsCreated.sheet}, is kept: ` +
        "writing the Finance sheet again uses it.",
    );
  }
  return { sheet, budgets: budgetsCreated };
}
