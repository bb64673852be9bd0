// Each direct-payment account at the as-at date: what the person's Agreed direct-payment plans made due since they
// started, what was paid into the account, and — where the council records the balance people report (the
// DPBalances table) — the surplus above the contingency they may keep, by PB.DP_SURPLUS's rule.
import { matchKey } from "./cells";
import { DateSerial } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { dpSurplus } from "./dpSurplus";
import { listForMessage } from "./errors";
import { inYearCost } from "./inYearCost";
import { AGREED_STATUS, LedgerPayment, OutturnPlan, planProblem } from "./outturn";
import { PaymentKind } from "./payments";

/** A balance a person reported, as DPBalances holds it. */
export interface BalanceRecord {
  readonly personId: string;
  readonly date: DateSerial;
  readonly balance: Decimal;
}

/** Payments into (and, recovered, out of) a direct-payment account. */
export const INTO_ACCOUNT: ReadonlySet<PaymentKind> = new Set(["Direct payment", "Surplus recovered"]);

export interface DpAccount {
  readonly personId: string;
  readonly careGroup: string;
  /** The direct payment a year of the person's Agreed plans in force at the as-at date (0 when all have ended). */
  readonly annual: Decimal;
  /** Each plan's direct payment from its start to the as-at date (or its end), by PB.IN_YEAR_COST's rule. */
  readonly due: Decimal;
  /** Direct payments less surpluses recovered, from the first plan's start to the as-at date. */
  readonly paid: Decimal;
  /** The latest balance reported on or before the as-at date, or null. */
  readonly balance: BalanceRecord | null;
  /** PB.DP_SURPLUS of that balance; null without one. */
  readonly surplus: Decimal | null;
}

export interface DpAccounts {
  /** One per person with an Agreed direct-payment plan started by the as-at date, in the order of Plans. */
  readonly accounts: readonly DpAccount[];
  /** Accounts with a surplus above 0, largest first (equal surpluses in the accounts' order). */
  readonly toRecover: readonly DpAccount[];
  readonly totalSurplus: Decimal;
  /** The direct payments a year of the Agreed plans in force at the as-at date. */
  readonly commitment: Decimal;
  /** Total surplus ÷ that commitment: the share of this year's direct payments sitting unspent; null without any. */
  readonly unspentShare: Decimal | null;
  readonly notes: readonly string[];
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sum = (amounts: readonly Decimal[]) => amounts.reduce((total, amount) => total.plus(amount), ZERO);

export function dpAccounts(
  plans: readonly OutturnPlan[],
  payments: readonly LedgerPayment[],
  balances: readonly BalanceRecord[],
  asAt: DateSerial,
  weeksAllowed: Decimal,
  weeksInYear: Decimal,
): DpAccounts {
  const dpPlans = plans.filter(
    (plan) =>
      sameText(plan.status.trim(), AGREED_STATUS) &&
      planProblem(plan) === null &&
      plan.start! <= asAt &&
      plan.managed["Direct payment"].gt(0),
  );
  const people = new Map<string, OutturnPlan[]>();
  for (const plan of dpPlans) {
    const key = matchKey(plan.personId);
    people.set(key, [...(people.get(key) ?? []), plan]);
  }
  const accounts = [...people].map(([key, own]): DpAccount => {
    const first = Math.min(...own.map((plan) => plan.start!));
    const due = sum(
      own.map((plan) =>
        inYearCost(plan.managed["Direct payment"], plan.start!, plan.end, { from: plan.start!, to: asAt }),
      ),
    );
    const paid = sum(
      payments
        .filter(
          (payment) =>
            matchKey(payment.personId) === key &&
            // Stryker disable next-line ConditionalExpression: equivalent; the set holds no null.
            payment.kind !== null &&
            INTO_ACCOUNT.has(payment.kind) &&
            payment.date >= first &&
            payment.date <= asAt,
        )
        .map((payment) => payment.amount),
    );
    const annual = sum(
      own.filter((plan) => plan.end === null || plan.end >= asAt).map((plan) => plan.managed["Direct payment"]),
    );
    const reported = balances.filter((record) => matchKey(record.personId) === key && record.date <= asAt);
    const balance = reported.reduce<BalanceRecord | null>(
      (latest, record) => (latest === null || record.date >= latest.date ? record : latest),
      null,
    );
    return {
      personId: own[0].personId,
      careGroup: own[0].careGroup,
      annual,
      due,
      paid,
      balance,
      surplus: balance === null ? null : dpSurplus(balance.balance, annual, weeksAllowed, weeksInYear),
    };
  });
  // Array sort is stable: equal surpluses keep the accounts' order.
  const toRecover = accounts
    .filter((account) => account.surplus !== null && account.surplus.gt(0))
    .sort((a, b) => b.surplus!.comparedTo(a.surplus!));
  const totalSurplus = sum(toRecover.map((account) => account.surplus!));
  const commitment = sum(accounts.map((account) => account.annual));
  const notes: string[] = [];
  const without = [...new Set(balances.map((record) => record.personId))].filter(
    (personId) => !people.has(matchKey(personId)),
  );
  if (without.length > 0) {
    notes.push(
      `DPBalances records a balance for ${listForMessage(without)}, who ${without.length > 1 ? "have" : "has"} no ` +
        "Agreed direct-payment plan started by the as-at date: not counted.",
    );
  }
  return {
    accounts,
    toRecover,
    totalSurplus,
    commitment,
    unspentShare: commitment.isZero() ? null : totalSurplus.div(commitment),
    notes,
  };
}
