// The finance figures from the workbook's tables, for the pane, and writing the Finance sheet and, when the workbook
// has none, the Budgets table. The arithmetic is the engine's (commitment.ts); the sheet's formulas work out the same
// figures in Excel, by the same rules: which plans count in the year, which are left out, how amounts are rounded.
import {
  assumptionFor,
  BudgetRecord,
  commitment,
  Commitment,
  commitmentNotes,
  commitmentPeriod,
  ContributionRow,
  contributions,
  Decimal,
  forecast,
  ForecastAssumptions,
  formatDate,
  indicativeAgainstPlanned,
  IndicativeAgainstPlanned,
  isBlank,
  isoFromSerial,
  leftOutReason,
  LineRecord,
  listForMessage,
  matchKey,
  overlappingAgreedPlans,
  EngineError,
  parsePriceTable,
  PersonIndicative,
  PlanRecord,
  readDate,
  recurringOf,
  ServiceSpend,
  spendByService,
  ZERO,
} from "../../engine";
import { freeSheetName, nameTaken, sameName, TableData, TableEdit, Workbook, WorkbookRefusal } from "../port";
import { columnWrite } from "../schema/columns";
import { MissingTables } from "../plans/book";
import { headerIndex, readRows, requireColumns, WorkbookProblem } from "../schema/rows";
import {
  BUDGET_YEAR,
  BUDGETS,
  PEOPLE,
  PLAN_LINES,
  PLAN_SETTINGS,
  PLANS,
  PRICE_POINTS,
  SERVICES,
} from "../schema/tables";
import { weeksOf, WorkbookWeeks } from "../plans/weeksInYear";
import { budgetsTable } from "../starter";
import { DEFAULT_ASSUMPTIONS, financeSheet } from "./finance";
import { hasBudgetProfile, outturnTablesToAdd } from "./outturnBook";
import { readBudgets } from "./finance/budgets";
import { readFinancePlans } from "./finance/planRows";
import { FinanceSheetInputs, readFinanceSheetInputs } from "./finance/sheetInputs";

export type { FinanceSheetInputs, SheetRate } from "./finance/sheetInputs";

/** What the finance figures are worked out from, read and checked once. */
export interface FinanceBook {
  /** Every plan of Plans in its order; one that cannot be read says why (left out of every figure). */
  readonly plans: readonly PlanRecord[];
  readonly lines: readonly LineRecord[];
  readonly people: readonly PersonIndicative[];
  /** Empty when the workbook has no Budgets table yet. */
  readonly budgets: readonly BudgetRecord[];
  readonly hasBudgets: boolean;
  /** The sheet's rows: PricePoints' care groups in its order, then any other from Budgets, People and Plans. */
  readonly careGroups: readonly string[];
  /** The catalogue's services, then any other in PlanLines. */
  readonly services: readonly string[];
  /** Rows left out of a figure, each saying where and why (plans left out are named by the figures). */
  readonly warnings: readonly string[];
  /** The inputs of the add-in's latest Finance sheet, or null when the workbook has none. */
  readonly sheet: FinanceSheetInputs | null;
  /** The weeks in a year a weekly charge counts (PlanSettings' Weeks in a year). */
  readonly weeks: WorkbookWeeks;
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

/** The price table's care groups, in its column order; none when it is one RAS for everyone or cannot be read. */
function priceCareGroups(data: TableData | null): string[] {
  if (!data) return [];
  try {
    const table = parsePriceTable([data.headers, ...data.rows]);
    return table.kind !== "linear" && table.careGroups.names.length > 1 ? [...table.careGroups.names] : [];
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; only a defect throws anything but an EngineError.
    if (!(error instanceof EngineError)) throw error;
    return []; // the Support plan view says what is wrong with it
  }
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
  const [plansData, linesData, peopleData, budgetsData, servicesData, pricesData, settingsData] = await Promise.all(
    [PLANS, PLAN_LINES, PEOPLE, BUDGETS, SERVICES, PRICE_POINTS, PLAN_SETTINGS].map((spec) =>
      workbook.readTable(spec.name),
    ),
  );
  const warnings: string[] = [];
  const plans = readFinancePlans(plansData!);
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
      ...priceCareGroups(pricesData),
      ...budgets.map((budget) => budget.careGroup),
      ...people.map((person) => person.careGroup),
      ...plans.map((plan) => plan.careGroup),
    ]),
    services: distinct([...catalogue, ...lines.map((line) => line.service)]),
    warnings,
    sheet: await readFinanceSheetInputs(workbook),
    weeks: weeksOf(settingsData),
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
  /**
   * By the commitment's rows, the full-year commitment, what people contribute to it and the net (26 §5); null
   * while the workbook's weeks in a year cannot be used (book.weeks.problem says why).
   */
  readonly contributions: readonly ContributionRow[] | null;
  readonly spending: { services: ServiceSpend[]; other: ServiceSpend; total: Decimal };
  readonly indicative: readonly IndicativeAgainstPlanned[];
  readonly forecast: readonly ForecastRow[];
  /** Plans left out of every figure, each with why: "PLAN-0009: no start date". */
  readonly leftOut: readonly string[];
  /** A person's Agreed plans whose dates overlap, each in words. */
  readonly overlaps: readonly string[];
  /** What else the figures leave out. */
  readonly notes: readonly string[];
}

/** "PLAN-0004 (from 1 Apr 2026, ongoing)", "PLAN-0007 (1 Jun 2026 to 31 Mar 2027)". */
function planDates(plan: PlanRecord): string {
  const [from, to] = [plan.start!, plan.end].map((day) => (day === null ? null : formatDate(isoFromSerial(day))));
  return to === null ? `${plan.planId} (from ${from}, ongoing)` : `${plan.planId} (${from} to ${to})`;
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
  const period = commitmentPeriod(readDate(dates.asAt, "As at"), readDate(dates.yearStart, "Financial year starts"));
  const figures = commitment(book.plans, book.budgets, book.careGroups, period);
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
  const usable = book.plans.filter((plan) => leftOutReason(plan) === null);
  const overlaps = overlappingAgreedPlans(usable).map(({ personId, plans }) => {
    const named = plans.map(planDates);
    return (
      `${personId || "A person with no Person ID"} has Agreed plans whose dates overlap: ` +
      `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}. Each is in the commitment, the person ` +
      "counted once; end the earlier plan the day before the later one starts."
    );
  });
  const weeks = book.weeks.weeksInYear;
  return {
    commitment: figures,
    contributions: weeks === null ? null : contributions(book.plans, figures, book.careGroups, weeks),
    spending: spendByService(book.lines, book.plans, book.services, period),
    indicative: indicativeAgainstPlanned(book.people, book.plans, book.careGroups, period),
    forecast: [...forecasts, total],
    leftOut: figures.leftOut.map(({ planId, reason }) => `${planId || "A plan with no Plan ID"}: ${reason}.`),
    overlaps,
    notes: [
      ...book.warnings,
      ...commitmentNotes(book.plans, period),
      ...(weeks === null ? [`What people contribute is not worked out: ${book.weeks.problem!}`] : []),
    ],
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
  let budgetYears = false;
  if (hasBudgets) {
    const budgets = await workbook.readTable(BUDGETS.name);
    requireColumns(BUDGETS, budgets!);
    budgetYears = headerIndex(budgets!).has(matchKey(BUDGET_YEAR.header));
  }
  const taken = [...names.sheets];
  const outturnTables = outturnTablesToAdd(names, taken);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; adding no tables adds nothing.
  if (outturnTables.length > 0) await workbook.addTables(outturnTables);
  let budgetsCreated: FinanceWritten["budgets"] = null;
  if (!hasBudgets) {
    const sheet = freeSheetName(BUDGETS.sheet, taken);
    taken.push(sheet);
    await workbook.addTables([{ ...budgetsTable(book.careGroups.map((careGroup) => [careGroup, null])), sheet }]);
    budgetsCreated = { table: BUDGETS.name, sheet };
  }
  // The columns the sheet's contributions read (26 §4, §5), added blank to an older table: a blank charge is none,
  // blank weeks are 52.
  let plans = await workbook.readTable(PLANS.name);
  const settings = names.tables.some((found) => sameName(found, PLAN_SETTINGS.name))
    ? await workbook.readTable(PLAN_SETTINGS.name)
    : null;
  const lacking = (data: TableData, header: string) => !headerIndex(data).has(matchKey(header));
  const added: TableEdit[] = [];
  if (plans && lacking(plans, PLANS.columns.weeklyCharge.header)) {
    added.push({ table: plans.name, columns: [columnWrite(PLANS.columns.weeklyCharge)] });
  }
  if (settings && lacking(settings, PLAN_SETTINGS.columns.weeksInYear.header)) {
    added.push({ table: settings.name, columns: [columnWrite(PLAN_SETTINGS.columns.weeksInYear)] });
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; no edit, no change to read.
  if (added.length > 0) {
    await workbook.editTables(added);
    plans = await workbook.readTable(PLANS.name);
  }
  const sheet = freeSheetName("Finance", taken);
  const spec = financeSheet({
    name: sheet,
    asAt: period.asAt,
    yearStart: period.year.from,
    careGroups: book.careGroups,
    services: book.services,
    assumptions,
    budgetYears,
    // Stryker disable next-line OptionalChaining: equivalent; Plans is there, as writing stopped above when it was not.
    plans: plans?.rows.length ?? 0,
    budgetProfile: hasBudgetProfile(names),
    planSettings: settings !== null,
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
