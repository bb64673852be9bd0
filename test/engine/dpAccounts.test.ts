// Direct-payment accounts at an as-at date, figures by hand.
import {
  Decimal,
  dpAccounts,
  dpSurplusOf,
  LedgerPayment,
  OutturnPlan,
  PaymentKind,
  readBalance,
  serialFromIso,
} from "../../src/engine";
import { failure } from "../support/failure";

const day = serialFromIso;
const dp = (
  planId: string,
  personId: string,
  status: string,
  start: string,
  end: string | null,
  direct: number,
  council = 0,
): OutturnPlan => ({
  planId,
  personId,
  careGroup: "Older people",
  status,
  start: day(start),
  end: end === null ? null : day(end),
  managed: {
    "Direct payment": new Decimal(direct),
    "Council-managed": new Decimal(council),
    "Individual Service Fund": new Decimal(0),
  },
  oneOff: new Decimal(0),
});
const paid = (date: string, personId: string, amount: number, kind: PaymentKind | null): LedgerPayment => ({
  date: day(date),
  personId,
  planId: "",
  amount: new Decimal(amount),
  kind,
  reference: "",
});
const balance = (personId: string, date: string, amount: number) => ({
  personId,
  date: day(date),
  balance: new Decimal(amount),
});

const AS_AT = day("2026-09-30");
/** Each account as figures to compare with those worked by hand: person, a year, due, paid, balance, surplus. */
const accountRows = (result: ReturnType<typeof dpAccounts>) =>
  result.accounts.map((account) => [
    account.personId,
    account.annual.toNumber(),
    account.due.toFixed(2),
    account.paid.toFixed(2),
    account.balance?.balance.toNumber() ?? null,
    account.surplus?.toFixed(2) ?? null,
  ]);
const PLANS = [
  dp("A", "P1", "Agreed", "2026-04-01", null, 10_400),
  dp("B", "P2", "Agreed", "2026-01-01", "2026-08-31", 5_200), // ended before the as-at date
  dp("C", "P3", "Agreed", "2026-05-01", null, 10_400), // no balance reported
  dp("D", "P4", "Agreed", "2026-04-01", null, 0, 8_000), // council-managed only: no account
  dp("E", "P5", "Draft", "2026-04-01", null, 5_000), // not agreed
  dp("F", "P7", "Agreed", "2026-04-01", null, 2_600), // overdrawn
  dp("G", "P8", "Agreed", "2026-10-01", null, 2_600), // starts after the as-at date
];
const PAYMENTS = [
  ...["04", "05", "06", "07", "08", "09"].map((month) => paid(`2026-${month}-20`, "P1", 800, "Direct payment")),
  paid("2026-08-01", "P1", -300, "Surplus recovered"),
  paid("2026-08-02", "P1", 999, "One-off"), // not into the account
  paid("2026-10-20", "P1", 800, "Direct payment"), // after the as-at date
  paid("2026-03-20", "P1", 800, "Direct payment"), // before the plan started
  paid("2026-05-20", "P1", 50, null), // a kind that cannot be read
];
const BALANCES = [
  balance("P1", "2026-06-01", 500),
  balance("P1", "2026-09-15", 3_000), // the latest by the as-at date
  balance("P1", "2026-10-05", 9_999), // after it
  balance("P2", "2026-09-01", 400),
  balance("P7", "2026-09-01", -20),
  balance("P6", "2026-09-01", 700), // nobody's direct-payment plan
];

describe("direct-payment accounts", () => {
  // Worked out in each test, not when the describe block is read: mutation testing runs a mutant only with the tests
  // that reached it.
  let result: ReturnType<typeof dpAccounts>;
  beforeEach(() => {
    result = dpAccounts(PLANS, PAYMENTS, BALANCES, AS_AT, new Decimal(8), new Decimal(52));
  });

  it("gives each account what was due, what was paid, the balance and the surplus", () => {
    expect(accountRows(result)).toEqual([
      // 183 days of £10,400: 5,214.2465… → 5,214.25; paid 6 × 800 − 300; 3,000 − 10,400 ÷ 52 × 8 (1,600)
      ["P1", 10_400, "5214.25", "4500.00", 3000, "1400.00"],
      // 1 January to 31 August, 243 days of £5,200: 3,461.9178… → 3,461.92; ended, so none may be kept: all 400
      ["P2", 0, "3461.92", "0.00", 400, "400.00"],
      // 1 May to 30 September, 153 days of £10,400: 4,359.4520… → 4,359.45
      ["P3", 10_400, "4359.45", "0.00", null, null],
      // 183 days of £2,600: 1,303.5616… → 1,303.56; overdrawn: no surplus
      ["P7", 2_600, "1303.56", "0.00", -20, "0.00"],
    ]);
  });

  it("lists the surpluses to recover, largest first, their total and the share of direct payments unspent", () => {
    expect(result.toRecover.map((account) => account.personId)).toEqual(["P1", "P2"]);
    expect(result.totalSurplus.toNumber()).toBe(1_800);
    // In force at the as-at date: 10,400 + 10,400 + 2,600 = 23,400; 1,800 ÷ 23,400 = 7.69%
    expect(result.commitment.toNumber()).toBe(23_400);
    expect(result.unspentShare!.toDecimalPlaces(6).toNumber()).toBe(0.076923);
    expect(result.notes).toEqual([
      "DPBalances records a balance for P6, who has no Agreed direct-payment plan started by the as-at date: " +
        "not counted.",
    ]);
  });

  it("allows the contingency given: 12 weeks of 52 keeps £2,400 of P1's £3,000", () => {
    const twelve = dpAccounts(PLANS, PAYMENTS, BALANCES, AS_AT, new Decimal(12), new Decimal(52));
    expect(twelve.toRecover.map((account) => [account.personId, account.surplus!.toNumber()])).toEqual([
      ["P1", 600],
      ["P2", 400],
    ]);
  });
});

describe("a direct-payment surplus from one row of cells", () => {
  it("names the row in a refusal only when it is given, the first as row 1", () => {
    const weeks = [new Decimal(8), new Decimal(52)] as const;
    const expected = 'expected an amount in £ (below 0 when overdrawn); got "x"';
    expect(failure(() => dpSurplusOf("x", 5200, ...weeks)).message).toBe(`Balance: ${expected}`);
    expect(failure(() => dpSurplusOf("x", 5200, ...weeks, 0)).message).toBe(`Balance (row 1): ${expected}`);
    expect(failure(() => readBalance(null)).message).toBe("Balance is blank: give the account's balance");
    // 5,200 × 8 ÷ 52 = 800 kept back: 1,000 − 800 = 200.
    expect(dpSurplusOf(1000, 5200, ...weeks, 0).toFixed(2)).toBe("200.00");
  });
});

describe("direct-payment accounts at their boundaries", () => {
  it("count a plan starting or ending on the as-at date, payments on its first day, a balance on the day", () => {
    const plans = [
      dp("H", "P1", "Agreed", "2026-09-30", null, 3_650), // starts on the as-at date
      dp("I", "P2", "Agreed ", "2026-04-01", "2026-09-30", 5_200), // ends on it; its status typed with a space
    ];
    const payments = [paid("2026-09-30", "P1", 100, "Direct payment"), paid("2026-04-01", "P2", 200, "Direct payment")];
    const balances = [
      balance("P1", "2026-09-30", 1_000),
      balance("P2", "2026-09-15", 500),
      balance("P2", "2026-09-15", 700), // the same day, listed later: the one used
    ];
    const result = dpAccounts(plans, payments, balances, AS_AT, new Decimal(8), new Decimal(52));
    // P1: due 3,650 × 1 ÷ 365 = 10; 8 weeks of 3,650 is 561.54 kept back: 1,000 − 561.54 = 438.46.
    // P2: due 5,200 × 183 ÷ 365 = 2,607.12; 8 weeks of 5,200 is 800, above its 700: no surplus.
    expect(accountRows(result)).toEqual([
      ["P1", 3_650, "10.00", "100.00", 1_000, "438.46"],
      ["P2", 5_200, "2607.12", "200.00", 700, "0.00"],
    ]);
    // Only an account with a surplus is to recover from; every balance is someone's: no note.
    expect(result.toRecover.map((account) => account.personId)).toEqual(["P1"]);
    expect(result.notes).toEqual([]);
  });
});

describe("a person with two direct-payment plans, and equal surpluses", () => {
  it("counts payments from the earlier start, lists equal surpluses in Plans' order, says 'who have'", () => {
    const plans = [
      dp("K", "P1", "Agreed", "2026-06-01", null, 2_600), // the later of P1's two plans, listed first
      dp("J", "P1", "Agreed", "2026-04-01", "2026-06-30", 5_200), // ended before the as-at date
      dp("L", "P2", "Agreed", "2026-04-01", null, 2_600),
      dp("M", "P3", "Agreed", "2026-04-01", null, 2_600),
    ];
    const payments = [
      paid("2026-03-31", "P1", 50, "Direct payment"), // before either plan
      paid("2026-05-10", "P1", 300, "Direct payment"), // after J started, before K
      paid("2026-07-20", "P1", 200, "Direct payment"),
    ];
    const balances = [
      balance("P1", "2026-09-01", 1_000),
      balance("P1", "2026-08-01", 5_000), // listed later, reported earlier: not the latest
      balance("P2", "2026-09-01", 900),
      balance("P3", "2026-09-01", 900),
      balance("P6", "2026-09-01", 10),
      balance("P9", "2026-09-01", 20),
    ];
    const result = dpAccounts(plans, payments, balances, AS_AT, new Decimal(8), new Decimal(52));
    // P1: due 5,200 × 91 ÷ 365 = 1,296.44 (J) + 2,600 × 122 ÷ 365 = 869.04 (K) = 2,165.48; paid 300 + 200;
    // only K in force: 2,600 a year, 400 kept back of 1,000. P2 and P3: 900 − 400 = 500 each.
    expect(accountRows(result)).toEqual([
      ["P1", 2_600, "2165.48", "500.00", 1_000, "600.00"],
      ["P2", 2_600, "1303.56", "0.00", 900, "500.00"],
      ["P3", 2_600, "1303.56", "0.00", 900, "500.00"],
    ]);
    expect(result.toRecover.map((account) => account.personId)).toEqual(["P1", "P2", "P3"]);
    const reversed = dpAccounts([...plans].reverse(), payments, balances, AS_AT, new Decimal(8), new Decimal(52));
    expect(reversed.toRecover.map((account) => account.personId)).toEqual(["P1", "P3", "P2"]);
    expect(result.notes).toEqual([
      "DPBalances records a balance for P6, P9, who have no Agreed direct-payment plan started by the as-at " +
        "date: not counted.",
    ]);
  });
});

describe("a direct-payment plan whose dates cannot be used", () => {
  it("opens no account: no start date, or ending before it starts", () => {
    const plans = [
      { ...dp("N", "P1", "Agreed", "2026-04-01", null, 2_600), start: null },
      dp("O", "P2", "Agreed", "2026-06-01", "2026-05-31", 2_600),
    ];
    const result = dpAccounts(plans, [], [], AS_AT, new Decimal(8), new Decimal(52));
    expect(result.accounts).toEqual([]);
    expect(result.commitment.toNumber()).toBe(0);
  });
});
