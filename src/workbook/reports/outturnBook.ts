// The projected outturn and the direct-payment accounts from the workbook's tables, for the pane; and the Payments
// table the Finance sheet's outturn block needs, added when the workbook has none. The arithmetic is the engine's
// (outturn.ts, dpAccounts.ts); the sheet's block (outturn.ts here) works out the same figures in Excel.
import {
  BalanceRecord,
  BudgetRecord,
  commitmentPeriod,
  Decimal,
  dpAccounts,
  DpAccounts,
  isBlank,
  LedgerPayment,
  listForMessage,
  matchKey,
  outturn,
  Outturn,
  OutturnPlan,
  ProfileShare,
  readDate,
} from "../../engine";
import { MissingTables } from "../plans/book";
import { weeksOf, WorkbookWeeks } from "../plans/weeksInYear";
import { freeSheetName, nameTaken, NewTable, sameName, TableData, Workbook, WorkbookNames } from "../port";
import { readBudgets } from "./finance/budgets";
import { readBalances, readLedger, readOutturnPlans, readProfile } from "../payments/ledger";
import { headerIndex, columnWrites, WorkbookProblem } from "../schema/rows";
import { BUDGET_PROFILE, BUDGETS, DP_BALANCES, PAYMENTS, PEOPLE, PLAN_SETTINGS, PLANS } from "../schema/tables";

export interface OutturnBook {
  readonly plans: readonly OutturnPlan[];
  readonly payments: readonly LedgerPayment[];
  readonly budgets: readonly BudgetRecord[];
  readonly balances: readonly BalanceRecord[];
  /** BudgetProfile's shares, or null to spread the budget by days. */
  readonly profile: readonly ProfileShare[] | null;
  /** The Finance sheet's rows: the Budgets table's care groups, then any other from People and Plans. */
  readonly careGroups: readonly string[];
  readonly hasPayments: boolean;
  readonly hasBalances: boolean;
  /** The weeks in a year a direct payment's weeks are counted over (PlanSettings' Weeks in a year). */
  readonly weeks: WorkbookWeeks;
  /** Rows left out, each saying where and why. */
  readonly warnings: readonly string[];
}

/** Names in the order first met, ignoring case. */
function distinct(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (name !== "" && !seen.has(matchKey(name))) seen.set(matchKey(name), name);
  return [...seen.values()];
}

function peopleCareGroups(data: TableData): string[] {
  const at = headerIndex(data).get(matchKey(PEOPLE.columns.careGroup.header));
  if (at === undefined) return [];
  return data.rows.filter((row) => !isBlank(row[at])).map((row) => String(row[at]).trim());
}

/** Reads what the outturn needs. Throws MissingTables without Plans or People; Payments may be missing (no spend). */
export async function readOutturnBook(workbook: Workbook): Promise<OutturnBook> {
  const { tables } = await workbook.names();
  const has = (name: string) => tables.some((found) => sameName(found, name));
  const missing = [PLANS.name, PEOPLE.name].filter((name) => !has(name));
  if (missing.length > 0) {
    throw new MissingTables(
      `The workbook has no ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}. ` +
        `Use "Set up workbook" in the Support plan view to add what is missing; nothing you have is changed.`,
    );
  }
  const read = (name: string) => (has(name) ? workbook.readTable(name) : Promise.resolve(null));
  const [plansData, peopleData, paymentsData, budgetsData, balancesData, profileData, settingsData] = await Promise.all(
    [PLANS, PEOPLE, PAYMENTS, BUDGETS, DP_BALANCES, BUDGET_PROFILE, PLAN_SETTINGS].map((spec) => read(spec.name)),
  );
  const warnings: string[] = [];
  const plans = readOutturnPlans(plansData!);
  const budgets = budgetsData ? readBudgets(budgetsData, warnings) : [];
  return {
    plans,
    payments: paymentsData ? readLedger(paymentsData, warnings) : [],
    budgets,
    balances: balancesData ? readBalances(balancesData, warnings) : [],
    profile: profileData ? readProfile(profileData, warnings) : null,
    careGroups: distinct([
      ...budgets.map((budget) => budget.careGroup),
      ...peopleCareGroups(peopleData!),
      ...plans.map((plan) => plan.careGroup),
    ]),
    hasPayments: paymentsData !== null,
    hasBalances: balancesData !== null,
    weeks: weeksOf(settingsData),
    warnings,
  };
}

/** The dates the outturn is measured at, ISO, as the Finance view's date boxes give them. */
export interface OutturnDates {
  readonly asAt: string;
  readonly yearStart: string;
}

/** The outturn at these dates. Throws an EngineError for dates that cannot be read or an as-at date after the year. */
export function outturnFigures(book: OutturnBook, dates: OutturnDates): Outturn {
  const period = commitmentPeriod(readDate(dates.asAt, "As at"), readDate(dates.yearStart, "Financial year starts"));
  return outturn(
    {
      plans: book.plans,
      payments: book.payments,
      budgets: book.budgets,
      careGroups: book.careGroups,
      profile: book.profile,
    },
    period,
  );
}

/** The direct-payment accounts at the as-at date, allowing this contingency. */
export function dpFigures(book: OutturnBook, asAt: string, weeksAllowed: Decimal, weeksInYear: Decimal): DpAccounts {
  return dpAccounts(book.plans, book.payments, book.balances, readDate(asAt, "As at"), weeksAllowed, weeksInYear);
}

/** An empty table with a declaration's columns. */
export function emptyTable(spec: { name: string; sheet: string; columns: object }, sheet = spec.sheet): NewTable {
  return { name: spec.name, sheet, columns: columnWrites(spec as never), rows: [] };
}

/**
 * The tables the Finance sheet's outturn block reads that the workbook lacks (Payments), to add before the sheet: an
 * empty table on a sheet of its own, whose name is free. A defined name "Payments" stops it, naming it.
 */
export function outturnTablesToAdd(names: WorkbookNames, taken: string[]): NewTable[] {
  if (names.tables.some((table) => sameName(table, PAYMENTS.name))) return [];
  if (nameTaken(names, PAYMENTS.name)) {
    throw new WorkbookProblem(
      `The workbook already uses the name ${PAYMENTS.name} for something other than a table, so the Payments table ` +
        "cannot take it. Rename or delete it in Formulas › Name Manager and try again; nothing was written.",
    );
  }
  const sheet = freeSheetName(PAYMENTS.sheet, taken);
  taken.push(sheet);
  return [emptyTable(PAYMENTS, sheet)];
}

/** Whether the workbook has a BudgetProfile table, so the sheet's monthly budget can follow it. */
export const hasBudgetProfile = (names: WorkbookNames) =>
  names.tables.some((table) => sameName(table, BUDGET_PROFILE.name));

/**
 * Adds an empty DPBalances table, on a sheet of its own, for the balances people report; the sheet's name, or a
 * WorkbookProblem when the workbook has the table already or uses the name for something else.
 */
export async function addBalancesTable(workbook: Workbook): Promise<string> {
  const names = await workbook.names();
  if (nameTaken(names, DP_BALANCES.name)) {
    throw new WorkbookProblem(
      `The workbook already has something called ${DP_BALANCES.name}; nothing was added. Refresh to read it, or ` +
        "rename it in Formulas › Name Manager if it is not the balances table.",
    );
  }
  const sheet = freeSheetName(DP_BALANCES.sheet, [...names.sheets]);
  await workbook.addTables([emptyTable(DP_BALANCES, sheet)]);
  return sheet;
}
