// Every table the add-in reads or writes, declared once: its name, the sheet it is made on, and its
// columns (header, number format, how a cell is read and written). The starter tables, the readers and the
// writers all derive from these declarations, so a new column is one edit here.
import {
  anyNumber,
  Decimal,
  describeCell,
  EngineError,
  MANAGED_AS,
  ManagedAs,
  ONE,
  PAYMENT_KINDS,
  PaymentKind,
  paymentKindOf,
  readCell,
  readFrequency,
  readManagedAs,
  readWeeklyCharge,
} from "../../engine";
import { ColumnWrite } from "../port";
import {
  calculated,
  choice,
  Column,
  columnWrite,
  count,
  date,
  dateTime,
  later,
  money,
  MONEY_FORMAT,
  note,
  percent,
  PERCENT_FORMAT,
  raw,
  text,
} from "./columns";

/** A table of rows of typed values, one column per field of R, in this order. */
export interface TableSpec<R> {
  readonly name: string;
  readonly sheet: string;
  readonly columns: { readonly [K in keyof R]: Column<R[K]> };
}

/** A table whose body the engine reads as a whole (a scoring sheet, a price table): name and sheet only. */
export interface GridSpec {
  readonly name: string;
  readonly sheet: string;
}

export const SCORING: GridSpec = { name: "Scoring", sheet: "Scoring" };
export const PRICE_POINTS: GridSpec = { name: "PricePoints", sheet: "PricePoints" };
/** A policy officer's proposed price points: a copy of PricePoints to edit, which the What-if sheet compares. */
export const PROPOSED_PRICE_POINTS: GridSpec = { name: "ProposedPricePoints", sheet: "ProposedPricePoints" };

/** The People table's own columns; one column per scoring question sits between Care group and Points. */
export const PEOPLE = {
  name: "People",
  sheet: "People",
  columns: {
    personId: text("Person ID"),
    name: text("Name"),
    careGroup: text("Care group"),
    points: calculated("Points"),
    indicativeBudget: calculated("Indicative budget", MONEY_FORMAT),
  },
} as const satisfies TableSpec<unknown>;

/**
 * The People table's columns in order, with the live formulas of its calculated columns: points from the
 * answers in the question columns (first to last) and the scoring sheet, the budget from the points.
 */
export function peopleColumns(questionIds: readonly string[]): ColumnWrite[] {
  const { personId, name, careGroup, points, indicativeBudget } = PEOPLE.columns;
  const answers = `${PEOPLE.name}[@[${questionIds[0]}]:[${questionIds[questionIds.length - 1]}]]`;
  return [
    ...[personId, name, careGroup, ...questionIds.map((id) => text(id))].map(columnWrite),
    { ...columnWrite(points), formula: `=PB.RAS_POINTS(${answers},${SCORING.name}[#All])` },
    {
      ...columnWrite(indicativeBudget),
      formula: `=PB.INDICATIVE_BUDGET([@${points.header}],${PRICE_POINTS.name}[#All],[@[${careGroup.header}]])`,
    },
  ];
}

export const SERVICES = {
  name: "Services",
  sheet: "Services",
  columns: {
    service: text("Service"),
    unit: text("Unit"),
    unitCost: money("Unit cost"),
    frequency: choice("Frequency", readFrequency),
    managedAs: choice("Managed as", readManagedAs),
  },
} as const satisfies TableSpec<unknown>;

/**
 * Quantity, Unit cost, Frequency and Staff at once side by side, so =PB.PLAN_COST(PlanLines[[Quantity]:[Staff at
 * once]]) works. An older table gains Staff at once at its right (its rows read as 1 staff).
 */
export const PLAN_LINES = {
  name: "PlanLines",
  sheet: "PlanLines",
  columns: {
    planId: text("Plan ID"),
    line: count("Line"),
    service: text("Service"),
    unit: text("Unit"),
    quantity: count("Quantity"),
    unitCost: money("Unit cost"),
    frequency: choice("Frequency", readFrequency),
    staff: later(count("Staff at once", { blank: ONE })),
    managedAs: choice("Managed as", readManagedAs),
    annualCost: money("Annual cost"),
  },
} as const satisfies TableSpec<unknown>;

/** The Plans column holding the annual cost managed one way, e.g. "Direct payment (annual)". */
export type ManagedColumn = `${ManagedAs} (annual)`;
const managedColumns = Object.fromEntries(
  MANAGED_AS.map((managedAs) => [`${managedAs} (annual)`, money(`${managedAs} (annual)`)]),
) as Record<ManagedColumn, ReturnType<typeof money>>;

export const PLANS = {
  name: "Plans",
  sheet: "Plans",
  columns: {
    planId: text("Plan ID"),
    personId: text("Person ID"),
    name: text("Name"),
    careGroup: text("Care group"),
    status: text("Status"),
    startDate: date("Start date", { addedLater: true }),
    endDate: date("End date", { addedLater: true }),
    reviewDate: date("Review date", { addedLater: true }),
    indicativeAnnual: money("Indicative budget (annual)"),
    annual: money("Plan cost (annual)"),
    weekly: money("Plan cost (weekly)"),
    oneOff: money("One-off items"),
    ...managedColumns,
    /**
     * The person's assessed charge a week (26 §5): blank, none. What they pay towards the plan, and the cost to the
     * council, are worked out from it by the engine's rule (charge.ts), in the pane and on the Finance sheet alike.
     */
    weeklyCharge: later(weeklyCharge("Weekly charge")),
    light: text("Traffic light"),
    /** The tolerance in force when the plan was saved: the light is kept under the rules it was agreed under. */
    greenTolerance: later(percent("Green tolerance")),
    amberTolerance: later(percent("Amber tolerance")),
    reason: text("Reason"),
    signedOffBy: text("Signed off by", { addedLater: true }),
    signedOffOn: later(date("Signed off on")),
    updatedBy: text("Updated by"),
    updatedAt: dateTime("Updated at"),
    /** What the plan is for, in the person's words: on the copy they are given. */
    outcomes: later(note("Outcomes")),
    /** Who the person contacts about their plan (a team, a phone number): on the copy they are given. */
    contact: later(note("Contact")),
  },
} as const satisfies TableSpec<unknown>;

/**
 * A row for every save of a plan, appended and never rewritten: who saved it when, its status, figures and light,
 * the tolerance in force, the decision, and which lines the save added, removed and changed. Plans holds each plan's
 * current state; this holds how it came to be.
 */
export const PLAN_HISTORY = {
  name: "PlanHistory",
  sheet: "Plan history",
  columns: {
    planId: text("Plan ID"),
    savedAt: dateTime("Saved at"),
    savedBy: text("Saved by"),
    status: text("Status"),
    annual: money("Plan cost (annual)"),
    indicativeAnnual: money("Indicative budget (annual)"),
    light: text("Traffic light"),
    greenTolerance: percent("Green tolerance"),
    amberTolerance: percent("Amber tolerance"),
    reason: text("Reason"),
    signedOffBy: text("Signed off by"),
    signedOffOn: date("Signed off on"),
    reviewDate: date("Review date"),
    linesAdded: text("Lines added"),
    linesRemoved: text("Lines removed"),
    linesChanged: text("Lines changed"),
  },
} as const satisfies TableSpec<unknown>;

export const PLAN_SETTINGS = {
  name: "PlanSettings",
  sheet: "Plan settings",
  columns: {
    setting: text("Setting"),
    value: raw("Value", PERCENT_FORMAT),
    /**
     * The weeks in a year every weekly↔annual conversion uses (26 §4): one number, in the first row, in a column of
     * its own so that PlanSettings[Value] stays the two tolerance cells PB.PLAN_TOLERANCE takes. Blank: 52. An
     * older table gains it when the setting is first saved.
     */
    weeksInYear: later(raw("Weeks in a year")),
  },
} as const satisfies TableSpec<unknown>;

/** The PlanSettings rows the add-in reads, and the name the weeks in a year are recorded under. */
export const SETTING = { green: "Green tolerance", amber: "Amber tolerance", weeksInYear: "Weeks in a year" } as const;

/**
 * A row for each change of a setting made in the pane: which, from what to what, who, when and why. Written once,
 * never rewritten. A table of its own, beside PlanSettings: PlanSettings[Value] is the tolerance argument of
 * PB.PLAN_TOLERANCE, so it holds the current values and nothing else.
 */
export const PLAN_SETTINGS_HISTORY = {
  name: "PlanSettingsHistory",
  sheet: "Plan settings history",
  columns: {
    setting: text("Setting"),
    from: raw("From", PERCENT_FORMAT),
    to: raw("To", PERCENT_FORMAT),
    changedBy: text("Changed by"),
    changedAt: dateTime("Changed at"),
    reason: text("Reason"),
  },
} as const satisfies TableSpec<unknown>;

/** The council's annual budget for personal budgets, one row per care group: what commitment is measured against. */
export const BUDGETS = {
  name: "Budgets",
  sheet: "Budgets",
  columns: {
    careGroup: text("Care group"),
    annualBudget: money("Annual budget"),
  },
} as const satisfies TableSpec<unknown>;

/**
 * Budgets may hold a row per care group per year: then this column names each row's financial year as the Finance
 * sheet labels it ("2026/27"; "2027" for a year from January), and a row left blank serves every year. A table
 * without it (the starter's) has one budget per care group, for every year.
 */
export const BUDGET_YEAR = text("Financial year");

/** An amount in £ that may be below 0 (a refund, a recovered surplus, an overdrawn balance); written as pence only. */
function signedMoney(header: string): Column<Decimal> {
  return {
    header,
    numberFormat: MONEY_FORMAT,
    read: (cell) => readCell(anyNumber, cell, header),
    write: (value) => {
      if (value.decimalPlaces() > 2) {
        throw new EngineError(
          "invalid",
          `${header}: £${value.toString()} is not pounds and pence; nothing was written`,
        );
      }
      return Number(value.toFixed());
    },
  };
}

/** An assessed weekly charge in £ (readWeeklyCharge's rule): a blank cell reads as null, none; null writes a blank. */
function weeklyCharge(header: string): Column<Decimal | null> {
  return {
    header,
    numberFormat: MONEY_FORMAT,
    read: (cell) => readWeeklyCharge(cell, header),
    write: (value) => (value === null ? null : Number(value.toFixed())),
  };
}

/** A payment's kind, read in any of the spellings ledgers use and written in the product's own. */
function paymentKind(header: string): Column<PaymentKind> {
  return choice(header, (cell, where) => {
    const kind = typeof cell === "string" ? paymentKindOf(cell) : undefined;
    if (kind === undefined) {
      throw new EngineError(
        "invalid",
        `${where}: expected one of ${PAYMENT_KINDS.join(", ")}; got ${describeCell(cell)}`,
      );
    }
    return kind;
  });
}

/**
 * What has actually been paid for people's personal budgets, a row a payment, from the council's ledger: typed, or
 * imported from a CSV export by the Finance view. A refund or a recovered surplus is a negative amount.
 */
export const PAYMENTS = {
  name: "Payments",
  sheet: "Payments",
  columns: {
    date: date("Payment date"),
    personId: text("Person ID"),
    planId: text("Plan ID"),
    amount: signedMoney("Amount"),
    kind: paymentKind("Kind"),
    reference: text("Reference"),
  },
} as const satisfies TableSpec<unknown>;

/** Optional: the direct-payment account balances people report, a row a report; the latest by the as-at date counts. */
export const DP_BALANCES = {
  name: "DPBalances",
  sheet: "DP balances",
  columns: {
    personId: text("Person ID"),
    date: date("Date"),
    balance: signedMoney("Balance"),
  },
} as const satisfies TableSpec<unknown>;

/** Optional: the share of the year's budget for each calendar month (1 is January), for the monthly profile. */
export const BUDGET_PROFILE = {
  name: "BudgetProfile",
  sheet: "Budget profile",
  columns: {
    month: count("Month"),
    share: raw("Share", PERCENT_FORMAT),
  },
} as const satisfies TableSpec<unknown>;

/** The headers of the council's payments export, remembered from the last import for the next one. */
export const PAYMENT_IMPORT_COLUMNS = {
  name: "PaymentImportColumns",
  sheet: "Import settings",
  columns: {
    field: text("Payments column"),
    header: text("Column in your file"),
  },
} as const satisfies TableSpec<unknown>;

/**
 * Which of the council's own tables or ranges plays each of the add-in's tables (Scoring, PricePoints, People,
 * Services), and which of its columns is each of the add-in's: a row for where a table's cells are (its column
 * blank), then a row a column. Written by Settings › Your workbook; read by every view through the mapping.
 */
export const WORKBOOK_MAPPING = {
  name: "WorkbookMapping",
  sheet: "Workbook mapping",
  columns: {
    addInTable: text("Add-in table"),
    addInColumn: text("Add-in column"),
    source: text("Your table or range"),
    column: text("Your column"),
    added: text("Added by the add-in"),
  },
} as const satisfies TableSpec<unknown>;
