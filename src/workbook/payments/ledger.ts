// Reading what the outturn and direct-payment figures are worked out from: Plans, Payments, DPBalances, Budgets and
// BudgetProfile, as the Finance sheet's formulas read them. A date must be a date (a number Excel holds) and an
// amount a number, or the row is left out and named: the sheet's SUMIFS and comparisons leave the same rows out,
// so the pane and the sheet agree.
import {
  BalanceRecord,
  Cell,
  Decimal,
  describeCell,
  isBlank,
  label,
  LedgerPayment,
  listForMessage,
  MANAGED_AS,
  ManagedAs,
  matchKey,
  OutturnPlan,
  paymentKindOf,
  ProfileShare,
  wholeDay,
} from "../../engine";
import { TableData } from "../port";
import { headerIndex, requireColumns, WorkbookProblem } from "../schema/rows";
import { BUDGET_PROFILE, DP_BALANCES, PAYMENTS, PLANS } from "../schema/tables";

/** A cell that holds no value: blank, as the sheet's comparisons take it. */
const empty = (cell: Cell) => cell === null || cell === undefined || cell === "";

/** A column's cell in a row, by header; undefined when the table has no such column. */
function columnReader(data: TableData) {
  const index = headerIndex(data);
  return (header: string) => {
    const at = index.get(matchKey(header));
    return (row: readonly Cell[]): Cell => (at === undefined ? null : row[at]);
  };
}

/** A date as Excel holds it: a number of whole days (a time of day dropped). */
function readSerial(cell: Cell, header: string): number {
  const day = typeof cell === "number" ? wholeDay(cell) : undefined;
  if (day !== undefined) return day;
  throw new Error(`${header} holds ${describeCell(cell)}, not a date`);
}

function readNumber(cell: Cell, header: string, atLeastZero: boolean): Decimal {
  if (typeof cell === "number" && Number.isFinite(cell) && (!atLeastZero || cell >= 0)) return new Decimal(cell);
  throw new Error(`${header} holds ${describeCell(cell)}, not an amount in £${atLeastZero ? ", 0 or more" : ""}`);
}

const filled = (row: readonly Cell[]) => row.some((cell) => !isBlank(cell));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every row of Plans with a plan ID or a status: its care group and status always (a payment naming it is matched
 * by them), its dates and amounts when they can be read; a row whose dates or amounts cannot be read is kept with
 * the reason, and an Agreed one is left out of the commitment and named.
 */
export function readOutturnPlans(data: TableData): OutturnPlan[] {
  requireColumns(PLANS, data, [
    "planId",
    "personId",
    "careGroup",
    "status",
    "oneOff",
    ...MANAGED_AS.map((way) => `${way} (annual)` as const),
  ]);
  const P = PLANS.columns;
  const missing = [P.startDate, P.endDate].filter((column) => !headerIndex(data).has(matchKey(column.header)));
  if (missing.length > 0) {
    throw new WorkbookProblem(
      `The Plans table has no ${listForMessage(missing.map((column) => column.header))} column` +
        `${missing.length > 1 ? "s" : ""}, which the outturn needs: open any plan in the Support plan view and ` +
        "save it, " +
        "and the columns are added.",
    );
  }
  const cell = columnReader(data);
  const [planId, personId, careGroup, status, start, end, oneOff] = [
    P.planId,
    P.personId,
    P.careGroup,
    P.status,
    P.startDate,
    P.endDate,
    P.oneOff,
  ].map((column) => cell(column.header));
  const managed = MANAGED_AS.map((way) => ({ way, read: cell(P[`${way} (annual)`].header) }));
  const plans: OutturnPlan[] = [];
  for (const row of data.rows) {
    if (empty(planId(row)) && empty(status(row))) continue;
    const base = {
      planId: label(planId(row)),
      personId: label(personId(row)),
      careGroup: label(careGroup(row)),
      status: label(status(row)),
    };
    try {
      plans.push({
        ...base,
        start: empty(start(row)) ? null : readSerial(start(row), P.startDate.header),
        end: empty(end(row)) ? null : readSerial(end(row), P.endDate.header),
        managed: Object.fromEntries(
          managed.map(({ way, read }) => [way, readNumber(read(row), `${way} (annual)`, true)]),
        ) as Record<ManagedAs, Decimal>,
        oneOff: readNumber(oneOff(row), P.oneOff.header, true),
      });
    } catch (error) {
      const zero = new Decimal(0);
      plans.push({
        ...base,
        start: null,
        end: null,
        managed: { "Direct payment": zero, "Council-managed": zero, "Individual Service Fund": zero },
        oneOff: zero,
        unreadable: `cannot be read (${messageOf(error)})`,
      });
    }
  }
  return plans;
}

/** Payments, each row read or left out with the reason (`warnings`); a kind that cannot be read is null. */
export function readLedger(data: TableData, warnings: string[]): LedgerPayment[] {
  requireColumns(PAYMENTS, data, ["date", "personId", "amount"]);
  const cell = columnReader(data);
  const C = PAYMENTS.columns;
  const [date, personId, planId, amount, kind, reference] = [
    C.date,
    C.personId,
    C.planId,
    C.amount,
    C.kind,
    C.reference,
  ].map((column) => cell(column.header));
  const payments: LedgerPayment[] = [];
  const unreadableKinds: number[] = [];
  data.rows.forEach((row, at) => {
    if (!filled(row)) return;
    try {
      const kindText = label(kind(row));
      const payment: LedgerPayment = {
        date: readSerial(date(row), C.date.header),
        personId: label(personId(row)),
        planId: label(planId(row)),
        amount: readNumber(amount(row), C.amount.header, false),
        kind: paymentKindOf(kindText) ?? null,
        reference: label(reference(row)),
      };
      if (payment.kind === null) unreadableKinds.push(at + 1);
      payments.push(payment);
    } catch (error) {
      warnings.push(
        `${data.name} table row ${at + 1} is left out of the figures (the sheet leaves it out too): ` +
          `${messageOf(error)}.`,
      );
    }
  });
  if (unreadableKinds.length > 0) {
    warnings.push(
      `${data.name} table row${unreadableKinds.length > 1 ? "s" : ""} ${listForMessage(unreadableKinds.map(String))} ` +
        `${unreadableKinds.length > 1 ? "have no kind" : "has no kind"} the add-in knows: counted as spend, but ` +
        "not in the direct-payment accounts.",
    );
  }
  return payments;
}

/** DPBalances, each row read or left out with the reason. */
export function readBalances(data: TableData, warnings: string[]): BalanceRecord[] {
  requireColumns(DP_BALANCES, data);
  const cell = columnReader(data);
  const C = DP_BALANCES.columns;
  const [personId, date, balance] = [C.personId, C.date, C.balance].map((column) => cell(column.header));
  const balances: BalanceRecord[] = [];
  data.rows.forEach((row, at) => {
    if (!filled(row)) return;
    try {
      balances.push({
        personId: label(personId(row)),
        date: readSerial(date(row), C.date.header),
        balance: readNumber(balance(row), C.balance.header, false),
      });
    } catch (error) {
      warnings.push(`${data.name} table row ${at + 1} is left out: ${messageOf(error)}.`);
    }
  });
  return balances;
}

/** BudgetProfile's shares; null when it has none, so the budget is spread by days (as the sheet's formula does). */
export function readProfile(data: TableData, warnings: string[]): ProfileShare[] | null {
  requireColumns(BUDGET_PROFILE, data);
  const cell = columnReader(data);
  const [month, share] = [BUDGET_PROFILE.columns.month, BUDGET_PROFILE.columns.share].map((column) =>
    cell(column.header),
  );
  const shares: ProfileShare[] = [];
  data.rows.forEach((row, at) => {
    if (!filled(row)) return;
    const [number, fraction] = [month(row), share(row)];
    if (typeof fraction !== "number") {
      warnings.push(
        `${data.name} table row ${at + 1} is left out: Share holds ${describeCell(fraction)}, not a percentage.`,
      );
      return;
    }
    if (typeof number !== "number" || !Number.isInteger(number) || number < 1 || number > 12) {
      warnings.push(
        `${data.name} table row ${at + 1} is left out: Month holds ${describeCell(number)}, not a month number ` +
          "from 1 to 12 (4 is April).",
      );
      return;
    }
    shares.push({ month: number, share: new Decimal(fraction) });
  });
  return shares.length > 0 ? shares : null;
}
