// The projected outturn, with every figure worked out by hand beside it.
import fc from "fast-check";
import {
  BudgetRecord,
  commitmentPeriod,
  Decimal,
  LedgerPayment,
  ManagedAs,
  outturn,
  Outturn,
  OutturnPlan,
  PaymentKind,
  profileNotes,
  serialFromIso,
} from "../../src/engine";

const day = serialFromIso;
const money = (value: Decimal | null) => (value === null ? null : value.toFixed(2));

function plan(
  planId: string,
  personId: string,
  careGroup: string,
  status: string,
  start: string | null,
  end: string | null,
  amounts: Partial<Record<ManagedAs | "One-off", number>>,
): OutturnPlan {
  return {
    planId,
    personId,
    careGroup,
    status,
    start: start === null ? null : day(start),
    end: end === null ? null : day(end),
    managed: {
      "Direct payment": new Decimal(amounts["Direct payment"] ?? 0),
      "Council-managed": new Decimal(amounts["Council-managed"] ?? 0),
      "Individual Service Fund": new Decimal(amounts["Individual Service Fund"] ?? 0),
    },
    oneOff: new Decimal(amounts["One-off"] ?? 0),
  };
}

function payment(date: string, personId: string, planId: string, amount: string, kind: PaymentKind): LedgerPayment {
  return { date: day(date), personId, planId, amount: new Decimal(amount), kind, reference: "" };
}

// 2026/27: 1 April 2026 to 31 March 2027, 365 days. As at 30 September: 183 days gone (30 + 31 + 30 + 31 + 31 + 30);
// the remaining commitment counts from 1 October, 182 days (31 + 30 + 31 + 31 + 28 + 31).
const period = commitmentPeriod(day("2026-09-30"), day("2026-04-01"));
const CARE_GROUPS = ["Older people", "Mental health"];

const PLANS = [
  // Ongoing since before the year: £10,400 a year by direct payment.
  // 182 days: 10,400 × 182 ÷ 365 = 5,185.7534… → £5,185.75
  plan("PLAN-A", "P001", "Older people", "Agreed", "2025-06-01", null, { "Direct payment": 10_400 }),
  // Starts mid-year, 1 November: 151 days (30 + 31 + 31 + 28 + 31); 7,300 × 151 ÷ 365 = £3,020; its £650 one-off too
  plan("PLAN-B", "P002", "Older people", "Agreed", "2026-11-01", null, { "Council-managed": 7_300, "One-off": 650 }),
  // Ends 31 December: 92 days after the as-at date (31 + 30 + 31); 3,650 × 92 ÷ 365 = £920
  plan("PLAN-C", "P003", "Mental health", "Agreed", "2025-04-01", "2026-12-31", { "Individual Service Fund": 3_650 }),
  // Not agreed: no commitment, and a payment naming it matches no Agreed plan
  plan("PLAN-D", "P004", "Mental health", "Draft", "2026-01-01", null, { "Direct payment": 5_000 }),
  // Agreed without a start date: left out of the remaining commitment, and named
  plan("PLAN-E", "P005", "Older people", "Agreed", null, null, { "Direct payment": 9_999 }),
];
const PAYMENTS = [
  payment("2026-03-31", "P001", "PLAN-A", "800", "Direct payment"), // the year before: not counted
  payment("2026-04-28", "P001", "PLAN-A", "800", "Direct payment"),
  payment("2026-05-28", "P001", "", "800", "Direct payment"), // no plan named: P001's Agreed plan, Older people
  payment("2026-06-15", "P003", "PLAN-C", "300", "Individual Service Fund"),
  payment("2026-07-01", "P003", "", "-50", "Refund"), // a refund: money back, Mental health
  payment("2026-08-01", "P009", "", "120", "One-off"), // nobody's Agreed plan
  payment("2026-08-15", "P004", "PLAN-D", "200", "Direct payment"), // a Draft plan
  payment("2026-09-01", "P001", "PLAN-Z", "75", "One-off"), // a plan not in Plans
  payment("2026-09-30", "P001", "PLAN-A", "800", "Direct payment"), // on the as-at date: counted
  payment("2026-10-01", "P001", "PLAN-A", "800", "Direct payment"), // after it: not spend to date
];
const BUDGETS: BudgetRecord[] = [
  { careGroup: "Older people", annualBudget: new Decimal(20_000), financialYear: null },
  { careGroup: "Mental health", annualBudget: new Decimal(5_000), financialYear: null },
  // not listed: Other care groups
  { careGroup: "Learning disability", annualBudget: new Decimal(10_000), financialYear: null },
];

// Worked out inside each test (beforeEach), not when the file loads: mutation testing runs a mutant only with the
// tests that reached it, and a figure worked out at load time reaches it in no test.
let figures: Outturn;
beforeEach(() => {
  figures = outturn({ plans: PLANS, payments: PAYMENTS, budgets: BUDGETS, careGroups: CARE_GROUPS }, period);
});

describe("the projected outturn", () => {
  it("adds spend to date and the remaining commitment, by care group and in all, against the budget", () => {
    expect(
      figures.rows.map((row) => [
        row.careGroup,
        money(row.budget),
        money(row.actual),
        money(row.remaining),
        money(row.outturn),
        money(row.variance),
        row.variancePercent?.toDecimalPlaces(6).toNumber() ?? null,
      ]),
    ).toEqual([
      // 800 + 800 + 800; 5,185.75 + 3,020 + 650; budget 20,000 − 11,255.75 = 8,744.25 (43.72%)
      ["Older people", "20000.00", "2400.00", "8855.75", "11255.75", "8744.25", 0.437213],
      // 300 − 50; 920; 5,000 − 1,170 = 3,830 (76.6%)
      ["Mental health", "5000.00", "250.00", "920.00", "1170.00", "3830.00", 0.766],
      ["Other care groups", "10000.00", "0.00", "0.00", "0.00", "10000.00", 1],
      // 120 + 200 + 75, no budget
      ["Not matched to an Agreed plan", "0.00", "395.00", "0.00", "395.00", "-395.00", null],
      // 3,045 spent; 9,775.75 to come; 35,000 − 12,820.75 = 22,179.25 (63.37%)
      ["All care groups", "35000.00", "3045.00", "9775.75", "12820.75", "22179.25", 0.633693],
    ]);
    expect(figures.remainingFrom).toBe(day("2026-10-01"));
  });

  it("lists the payments that match no Agreed plan, and the Agreed plans it cannot use", () => {
    expect(
      figures.unmatched.map(({ payment: paid, reason }) => [paid.personId, paid.amount.toString(), reason]),
    ).toEqual([
      ["P009", "120", "P009 has no Agreed plan"],
      ["P004", "200", "PLAN-D is Draft, not Agreed"],
      ["P001", "75", "PLAN-Z is not in Plans"],
    ]);
    expect(figures.leftOut).toEqual([{ planId: "PLAN-E", reason: "no start date" }]);
    expect(figures.notes).toEqual([
      "1 payment is dated after the as-at date: not counted as spend to date " +
        "(the remaining commitment covers that time).",
    ]);
  });

  it("profiles the year month by month: the budget by days, spend to date, and the commitment still to come", () => {
    const months = figures.months.map((month) => [
      month.label,
      money(month.budget),
      money(month.actual),
      money(month.forecast),
      money(month.cumulativeBudget),
      money(month.cumulativeActual),
      money(month.cumulativeProjected),
    ]);
    // Budget £35,000 over 365 days, to each month's end: 30 days 2,876.71; 61 days 5,849.32 …; 365 days 35,000.
    expect(months.slice(0, 2)).toEqual([
      ["Apr 2026", "2876.71", "800.00", "0.00", "2876.71", "800.00", "800.00"],
      ["May 2026", "2972.61", "800.00", "0.00", "5849.32", "1600.00", "1600.00"],
    ]);
    // August: 120 + 200; September: 75 + 800 (the as-at date itself). To 31 August, 153 days of £35,000: 14,671.23;
    // to 30 September, 183 days: 17,547.95, so September's budget is 2,876.72 (each month is rounded at its
    // cumulative end).
    expect(months[5]).toEqual(["Sep 2026", "2876.72", "875.00", "0.00", "17547.95", "3045.00", "3045.00"]);
    // October, after the as-at date: A 10,400 × 31 ÷ 365 = 883.29; C 3,650 × 31 ÷ 365 = 310 (B starts in November).
    expect(months[6]).toEqual(["Oct 2026", "2972.60", "0.00", "1193.29", "20520.55", null, "4238.29"]);
    // To 30 November: A 61 days 1,738.08; B 30 days 600 and its one-off 650; C 610: 3,598.08, less October's.
    expect(months[7]).toEqual(["Nov 2026", "2876.71", "0.00", "2404.79", "23397.26", null, "6643.08"]);
    // The year's last month ends at the projected outturn and the whole budget.
    expect(months[11]).toEqual(["Mar 2027", "2972.60", "0.00", months[11][3], "35000.00", null, "12820.75"]);
    const total = (column: number) =>
      figures.months.reduce(
        (sum, month) => sum.plus([month.budget, month.actual, month.forecast][column]),
        new Decimal(0),
      );
    expect([0, 1, 2].map((column) => total(column).toFixed(2))).toEqual(["35000.00", "3045.00", "9775.75"]);
  });

  it("measures against the Budgets rows of the year shown and those for every year, as the commitment does", () => {
    const budget = (careGroup: string, amount: number, financialYear: string | null) => ({
      careGroup,
      annualBudget: new Decimal(amount),
      financialYear,
    });
    const budgets = [
      budget("Older people", 20_000, "2026/27"),
      budget("Older people", 99_000, "2027/28"), // another year: never counted in 2026/27
      budget("Older people", 1_000, null), // every year
      budget("Mental health", 5_000, "2026/27"),
    ];
    const figures = outturn({ plans: [], payments: [], budgets, careGroups: ["Older people"] }, period);
    const row = (name: string) => figures.rows.find((each) => each.careGroup === name)!;
    expect(row("Older people").budget.toFixed(2)).toBe("21000.00"); // 20,000 + 1,000
    expect(row("Other care groups").budget.toFixed(2)).toBe("5000.00");
    expect(row("All care groups").budget.toFixed(2)).toBe("26000.00");
    const nextYear = outturn(
      { plans: [], payments: [], budgets, careGroups: ["Older people"] },
      commitmentPeriod(day("2027-05-01"), day("2027-04-01")),
    );
    expect(nextYear.rows.find((each) => each.careGroup === "All care groups")!.budget.toFixed(2)).toBe("100000.00");
  });

  it("spreads a leap year's budget over its 366 days, or follows a BudgetProfile's shares when given one", () => {
    const leap = commitmentPeriod(day("2027-04-01"), day("2027-04-01"));
    const budgets = [{ careGroup: "Older people", annualBudget: new Decimal(36_600), financialYear: null }];
    const byDays = outturn({ plans: [], payments: [], budgets, careGroups: [] }, leap).months;
    // £100 a day: each month its days × £100, February 2028 29 days.
    expect(byDays.map((month) => month.budget.toNumber())).toEqual([
      3000, 3100, 3000, 3100, 3100, 3000, 3100, 3000, 3100, 3100, 2900, 3100,
    ]);
    expect(byDays[10].label).toBe("Feb 2028");
    // £10,000 a year over 366 days: months rounded at their cumulative ends, so they add up to the budget exactly.
    const uneven = outturn(
      {
        plans: [],
        payments: [],
        budgets: [{ careGroup: "X", annualBudget: new Decimal(10_000), financialYear: null }],
        careGroups: [],
      },
      leap,
    ).months;
    expect(uneven[0].budget.toFixed(2)).toBe("819.67"); // 10,000 × 30 ÷ 366 = 819.6721…
    expect(uneven.reduce((sum, month) => sum.plus(month.budget), new Decimal(0)).toFixed(2)).toBe("10000.00");

    // April 10%, March 40%, the ten months between 5% each.
    const profile = Array.from({ length: 12 }, (_, at) => ({
      month: at + 1,
      share: new Decimal(at + 1 === 4 ? "0.1" : at + 1 === 3 ? "0.4" : "0.05"),
    }));
    const profiled = outturn({ plans: [], payments: [], budgets: BUDGETS, careGroups: [], profile }, period);
    expect(profiled.months.map((month) => month.budget.toNumber())).toEqual([
      3500, 1750, 1750, 1750, 1750, 1750, 1750, 1750, 1750, 1750, 1750, 14000,
    ]);
    expect(profiled.notes).toEqual([]);
    const partial = outturn(
      {
        plans: [],
        payments: [],
        budgets: BUDGETS,
        careGroups: [],
        profile: profile.filter((entry) => entry.month !== 3),
      },
      period,
    );
    expect(partial.notes).toEqual([
      "The BudgetProfile table has no share for Mar: each counts as 0%.",
      "The BudgetProfile table's shares add up to 60%, not 100%: " +
        "the monthly budget adds up to that share of the year's.",
    ]);
    expect(partial.months[11].cumulativeBudget.toNumber()).toBe(21_000);
  });

  it("names payments it cannot match, a person with Agreed plans in two care groups listed, and a month twice", () => {
    const plans = [
      plan("X1", "P1", "Older people", "Agreed", "2026-04-01", null, { "Direct payment": 3_650 }),
      plan("X2", "P1", "Mental health", "Agreed", "2026-04-01", null, { "Direct payment": 3_650 }),
      // P2's second care group is not listed: one listed care group only, so not named.
      plan("X3", "P2", "Older people", "Agreed", "2026-04-01", null, { "Direct payment": 3_650 }),
      plan("X4", "P2", "Learning disability", "Agreed", "2026-04-01", null, { "Direct payment": 3_650 }),
      plan("X5", "P3", "Older people", " ", "2026-04-01", null, { "Direct payment": 3_650 }),
    ];
    const payments = [
      payment("2026-05-01", "P1", "", "100", "Direct payment"), // the first of P1's care groups listed
      payment("2026-05-02", "", "", "50", "One-off"),
      payment("2026-05-03", "P3", "X5", "20", "Direct payment"),
      payment("2026-10-05", "P1", "X1", "10", "Direct payment"), // after the as-at date
    ];
    const twice = outturn({ plans, payments, budgets: [], careGroups: ["Older people", "Mental health"] }, period);
    expect(twice.rows.map((row) => [row.careGroup, money(row.actual)])).toEqual([
      ["Older people", "100.00"],
      ["Mental health", "0.00"],
      ["Other care groups", "0.00"],
      ["Not matched to an Agreed plan", "70.00"],
      ["All care groups", "170.00"],
    ]);
    expect(twice.unmatched.map(({ reason }) => reason)).toEqual([
      "it names neither a plan nor a person",
      "X5 is without a status, not Agreed",
    ]);
    expect(twice.notes).toEqual([
      "1 payment is dated after the as-at date: not counted as spend to date " +
        "(the remaining commitment covers that time).",
      "P1 has Agreed plans in more than one care group: " +
        "payments naming no plan count in the first of them listed; give such payments their Plan ID.",
    ]);
    // April's share given twice (6% and 6%), the other eleven months 8% each: 100% in all.
    const profile = Array.from({ length: 12 }, (_, at) => ({
      month: at + 1,
      share: new Decimal(at === 3 ? "0.06" : "0.08"),
    }));
    expect(profileNotes([...profile, { month: 4, share: new Decimal("0.06") }])).toEqual([
      "The BudgetProfile table gives Apr more than once: the shares are added.",
    ]);
  });

  it("names people with Agreed plans in two care groups listed, and later payments, in the plural", () => {
    const plans = ["P1", "P4"].flatMap((person) =>
      ["Older people", "Mental health"].map((careGroup, at) =>
        plan(`${person}-${at}`, person, careGroup, "Agreed", "2026-04-01", null, { "Direct payment": 3_650 }),
      ),
    );
    const later = ["2026-10-05", "2026-11-05"].map((date) => payment(date, "P1", "P1-0", "10", "Direct payment"));
    const both = outturn(
      { plans, payments: later, budgets: [], careGroups: ["Older people", "Mental health"] },
      period,
    );
    expect(both.notes).toEqual([
      "2 payments are dated after the as-at date: not counted as spend to date " +
        "(the remaining commitment covers that time).",
      "P1, P4 have Agreed plans in more than one care group: " +
        "payments naming no plan count in the first of them listed; give such payments their Plan ID.",
    ]);
  });

  it("counts a payment on the year's first day, a month starting on the as-at date, a plan's last day to come", () => {
    // As at 1 September 2026: September has begun (its payment on the 1st is spend); 1 April is the year's first day.
    const asAt = commitmentPeriod(day("2026-09-01"), day("2026-04-01"));
    const plans = [
      // Its status typed with a space after it.
      plan("Y1", "P1", "Older people", "Agreed ", "2026-04-01", null, { "Direct payment": 3_650 }),
      // Its last day is the day after the as-at date: one day to come, 3,650 ÷ 365 = 10.00.
      plan("Y2", "P2", "Older people", "Agreed", "2026-04-01", "2026-09-02", { "Direct payment": 3_650 }),
      plan("Y3", "P3", "Mental health", "Draft", "2026-04-01", null, { "Direct payment": 3_650 }),
    ];
    const payments = [
      payment("2026-04-01", "P1", "", "100", "Direct payment"),
      payment("2026-09-01", "P1", "Y1", "30", "Direct payment"),
      payment("2026-06-01", "P3", "", "7", "Direct payment"), // P3's only plan is a Draft
      payment("2027-03-31", "P1", "Y1", "1", "Direct payment"), // after the as-at date, on the year's last day
      payment("2026-12-01", "P1", "Y1", "1", "Direct payment"),
      payment("2027-04-01", "P1", "Y1", "1", "Direct payment"), // the next year: not named
    ];
    const result = outturn({ plans, payments, budgets: [], careGroups: ["Older people"] }, asAt);
    // Y1 from 2 September to 31 March: 211 days of 3,650 ÷ 365 = 2,110; Y2: 10.
    expect(result.rows.map((row) => [row.careGroup, money(row.actual), money(row.remaining)])).toEqual([
      ["Older people", "130.00", "2120.00"],
      ["Other care groups", "0.00", "0.00"],
      ["Not matched to an Agreed plan", "7.00", "0.00"],
      ["All care groups", "137.00", "2120.00"],
    ]);
    expect(result.unmatched.map(({ reason }) => reason)).toEqual(["P3 has no Agreed plan"]);
    expect(money(result.months[5].actual)).toBe("30.00");
    expect(money(result.months[5].cumulativeActual)).toBe("137.00");
    expect(result.months[6].cumulativeActual).toBeNull();
    expect(result.notes).toEqual([
      "2 payments are dated after the as-at date: not counted as spend to date " +
        "(the remaining commitment covers that time).",
    ]);
    // As at 30 March 2027, one day remains: 3,650 ÷ 365 = 10.00.
    const lastDay = commitmentPeriod(day("2027-03-30"), day("2026-04-01"));
    const oneDay = outturn({ plans, payments: [], budgets: [], careGroups: ["Older people"] }, lastDay);
    expect(money(oneDay.rows[0].remaining)).toBe("10.00");
  });

  it("counts a calendar-year council's months from January, and nothing remaining at the year's last day", () => {
    const calendar = commitmentPeriod(day("2027-12-31"), day("2027-01-01"));
    const plans = [plan("P", "P001", "Older people", "Agreed", "2027-01-01", null, { "Direct payment": 3_650 })];
    const result = outturn({ plans, payments: [], budgets: [], careGroups: ["Older people"] }, calendar);
    expect(result.months.map((month) => month.label)).toEqual([
      "Jan 2027",
      "Feb 2027",
      "Mar 2027",
      "Apr 2027",
      "May 2027",
      "Jun 2027",
      "Jul 2027",
      "Aug 2027",
      "Sep 2027",
      "Oct 2027",
      "Nov 2027",
      "Dec 2027",
    ]);
    expect(result.rows[0].remaining.toNumber()).toBe(0);
    expect(result.months.every((month) => month.forecast.isZero())).toBe(true);
  });

  it("gives the same figures whatever the order of the payments and plans (property)", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(PAYMENTS, { minLength: PAYMENTS.length }),
        fc.shuffledSubarray(PLANS, { minLength: PLANS.length }),
        (payments, plans) => {
          const shuffled = outturn({ plans, payments, budgets: BUDGETS, careGroups: CARE_GROUPS }, period);
          expect(shuffled.rows).toEqual(figures.rows);
          expect(shuffled.months).toEqual(figures.months);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("moves spend to date and the outturn by exactly a payment added, in its plan's care group", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }).filter((pence) => pence !== 0),
        fc.integer({ min: 0, max: 182 }),
        (pence, offset) => {
          const amount = new Decimal(pence).div(100);
          const added = {
            ...payment("2026-04-01", "P003", "", amount.toFixed(2), "Individual Service Fund"),
            date: day("2026-04-01") + offset,
          };
          const after = outturn(
            { plans: PLANS, payments: [...PAYMENTS, added], budgets: BUDGETS, careGroups: CARE_GROUPS },
            period,
          );
          expect(after.rows[1].actual.minus(figures.rows[1].actual).eq(amount)).toBe(true);
          expect(after.rows[4].outturn.minus(figures.rows[4].outturn).eq(amount)).toBe(true);
          expect(after.rows[0]).toEqual(figures.rows[0]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
