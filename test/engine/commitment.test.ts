// The commitment arithmetic against figures worked out by hand: Agreed plans by care group and by how the
// money is managed, the in-year commitment from the as-at date, the pipeline, spending by service, the RAS
// against plans, and the forecast.
import fc from "fast-check";
import {
  BudgetRecord,
  COMMITMENT_PARTS,
  CommitmentPeriod,
  commitment,
  commitmentNotes,
  commitmentPeriod,
  Decimal,
  financialYear,
  financialYearLabel,
  assumptionFor,
  forecast,
  indicativeAgainstPlanned,
  inYearCost,
  LineRecord,
  ManagedAs,
  PlanRecord,
  planStanding,
  readForecastRate,
  recurringOf,
  serialFromIso,
  spendByService,
  yearStartFor,
} from "../../src/engine";

const day = serialFromIso;
const money = (value: Decimal | null | undefined) => (value == null ? null : value.toFixed(2));

function plan(
  planId: string,
  careGroup: string,
  status: string,
  start: string | null,
  end: string | null,
  managed: Partial<Record<ManagedAs, number>>,
  oneOff = 0,
  indicative = 0,
  personId = planId.replace("PLAN", "P"),
): PlanRecord {
  const ways = {
    "Direct payment": new Decimal(managed["Direct payment"] ?? 0),
    "Council-managed": new Decimal(managed["Council-managed"] ?? 0),
    "Individual Service Fund": new Decimal(managed["Individual Service Fund"] ?? 0),
  };
  const annual = Object.values(ways).reduce((sum, amount) => sum.plus(amount), new Decimal(oneOff));
  return {
    planId,
    personId,
    careGroup,
    status,
    start: start === null ? null : day(start),
    end: end === null ? null : day(end),
    managed: ways,
    oneOff: new Decimal(oneOff),
    indicativeAnnual: new Decimal(indicative),
    annual,
  };
}

// As at 1 October 2026, in 2026/27: 1 October to 31 March is 182 days.
const period = commitmentPeriod(day("2026-10-01"), day("2026-04-01"));
const PLANS: PlanRecord[] = [
  plan(
    "PLAN-0001",
    "Older people",
    "Agreed",
    "2025-06-01",
    null,
    { "Direct payment": 7300, "Council-managed": 3650 },
    650,
    11_000,
  ),
  plan(
    "PLAN-0002",
    "Older people",
    "Agreed",
    "2026-11-15",
    "2027-02-14",
    { "Council-managed": 10_000, "Individual Service Fund": 1000 },
    200,
    12_000,
  ),
  // Ended the day before the as-at date:
  plan("PLAN-0003", "Mental health", "Agreed", "2026-04-01", "2026-09-30", { "Direct payment": 5000 }, 0, 5000),
  plan("PLAN-0004", "Mental health", "agreed", "2026-07-01", null, { "Individual Service Fund": 3650.55 }, 0, 4000),
  plan("PLAN-0005", "Learning disability", "Draft", "2026-10-15", null, { "Direct payment": 20_000 }, 0, 18_000),
  plan("PLAN-0006", "Older people", "Needs manager review", "2026-09-01", null, { "Council-managed": 5000 }, 0, 4000),
  plan("PLAN-0007", "Physical disability", "Agreed", "2026-01-01", null, { "Direct payment": 1000 }, 0, 900),
];
const BUDGETS: BudgetRecord[] = [
  { careGroup: "Older people", annualBudget: new Decimal(30_000), financialYear: null },
  { careGroup: "Mental health", annualBudget: new Decimal(10_000), financialYear: null },
  { careGroup: "Learning disability", annualBudget: new Decimal(15_000), financialYear: null },
  { careGroup: "Learning disability", annualBudget: null, financialYear: null }, // a blank budget adds nothing
];
const GROUPS = ["Older people", "Mental health", "Learning disability"];

const row = (careGroup: string) =>
  commitment(PLANS, BUDGETS, GROUPS, period).rows.find((r) => r.careGroup === careGroup)!;
const parts = (figures: Record<string, Decimal | null> | null) =>
  figures && Object.fromEntries(Object.entries(figures).map(([part, amount]) => [part, money(amount)]));

describe("the financial year and the as-at date", () => {
  it("runs April to March by default, twelve months from its first day", () => {
    expect(yearStartFor(day("2026-10-01"))).toBe(day("2026-04-01"));
    expect(yearStartFor(day("2027-03-31"))).toBe(day("2026-04-01"));
    expect(yearStartFor(day("2026-04-01"))).toBe(day("2026-04-01"));
    expect(yearStartFor(day("2026-10-01"), 1)).toBe(day("2026-01-01"));
    expect(financialYear(day("2026-04-01"))).toEqual({ from: day("2026-04-01"), to: day("2027-03-31") });
    expect(financialYearLabel(day("2026-04-01"))).toBe("2026/27");
    expect(financialYearLabel(day("2099-04-01"))).toBe("2099/00");
    expect(financialYearLabel(day("2027-01-01"))).toBe("2027");
  });

  it("counts the in-year commitment from the as-at date, or from the year's start when the date is earlier", () => {
    expect(period.remaining).toEqual({ from: day("2026-10-01"), to: day("2027-03-31") });
    expect(commitmentPeriod(day("2026-02-01"), day("2026-04-01")).remaining.from).toBe(day("2026-04-01"));
  });

  it("refuses an as-at date after the year's end, saying which", () => {
    expect(() => commitmentPeriod(day("2027-04-01"), day("2026-04-01"))).toThrow(
      "The as-at date (2027-04-01) is after the financial year's last day (2027-03-31): choose a later financial year",
    );
  });
});

describe("the commitment by care group", () => {
  it("adds up Agreed plans in force by how the money is managed, one-off items apart, against the budget", () => {
    // Older people: PLAN-0001 and PLAN-0002 (PLAN-0006 awaits review: pipeline).
    // Direct payment 7,300; council-managed 3,650 + 10,000 = 13,650; ISF 1,000; one-off 650 + 200 = 850;
    // full-year 22,800 against 30,000: variance 7,200, 76% committed.
    const older = row("Older people");
    expect(parts(older.fullYear)).toEqual({
      "Direct payment": "7300.00",
      "Council-managed": "13650.00",
      "Individual Service Fund": "1000.00",
      "One-off items": "850.00",
      total: "22800.00",
    });
    expect(older.people).toEqual({
      "Direct payment": 1,
      "Council-managed": 2,
      "Individual Service Fund": 1,
      "One-off items": 2,
      total: 2,
    });
    expect([money(older.budget), money(older.variance), older.committed?.toString()]).toEqual([
      "30000.00",
      "7200.00",
      "0.76",
    ]);
    // Mental health: PLAN-0003 ended on 30 September, before the as-at date; PLAN-0004's status in any case.
    // 3,650.55 against 10,000: variance 6,349.45, 36.5055% committed.
    const mental = row("Mental health");
    expect([money(mental.fullYear.total), money(mental.variance), mental.committed?.toString()]).toEqual([
      "3650.55",
      "6349.45",
      "0.365055",
    ]);
    expect(mental.people.total).toBe(1);
    // Learning disability: only a Draft plan, so nothing committed against 15,000.
    expect([money(row("Learning disability").fullYear.total), money(row("Learning disability").variance)]).toEqual([
      "0.00",
      "15000.00",
    ]);
  });

  it("puts care groups not listed in Other care groups, with no budget, and every plan in All care groups", () => {
    const other = row("Other care groups");
    expect([money(other.fullYear["Direct payment"]), money(other.budget), other.committed]).toEqual([
      "1000.00",
      "0.00",
      null,
    ]);
    // All: direct payment 7,300 + 1,000; council-managed 13,650; ISF 1,000 + 3,650.55; one-off 850 = 27,450.55
    // against 55,000: variance 27,549.45; 27,450.55 ÷ 55,000 = 0.499100909…
    const all = row("All care groups");
    expect(parts(all.fullYear)).toEqual({
      "Direct payment": "8300.00",
      "Council-managed": "13650.00",
      "Individual Service Fund": "4650.55",
      "One-off items": "850.00",
      total: "27450.55",
    });
    expect(money(all.variance)).toBe("27549.45");
    expect(all.committed!.toDecimalPlaces(8).toString()).toBe("0.49910091");
    expect(all.people.total).toBe(4);
  });

  it("gives the in-year commitment from the as-at date to the year's end, to the penny per plan", () => {
    // PLAN-0001, ongoing: 7,300 × 182 ÷ 365 = 3,640; 3,650 × 182 ÷ 365 = 1,820; its one-off items were bought
    // when it started, in 2025. PLAN-0002, 15 November to 14 February: 16 + 31 + 31 + 14 = 92 days;
    // 10,000 × 92 ÷ 365 = 2,520.5479… → 2,520.55; 1,000 × 92 ÷ 365 = 252.0547… → 252.05; its one-off 200 in full.
    expect(parts(row("Older people").inYear)).toEqual({
      "Direct payment": "3640.00",
      "Council-managed": "4340.55",
      "Individual Service Fund": "252.05",
      "One-off items": "200.00",
      total: "8432.60",
    });
    // PLAN-0004: 3,650.55 × 182 ÷ 365 = 1,820.2742… → 1,820.27
    expect(money(row("Mental health").inYear.total)).toBe("1820.27");
    // PLAN-0007 (Other): 1,000 × 182 ÷ 365 = 498.6301… → 498.63
    expect(money(row("Other care groups").inYear.total)).toBe("498.63");
    // All: 8,432.60 + 1,820.27 + 498.63
    expect(money(row("All care groups").inYear.total)).toBe("10751.50");
  });

  it("leaves out a plan without a start date, or ending before it starts, naming it; the rest still count", () => {
    const withBad = [
      ...PLANS,
      plan("PLAN-0008", "Older people", "Agreed", null, null, { "Direct payment": 5000 }),
      plan("PLAN-0009", "Older people", "Draft", "2026-06-01", "2026-05-31", { "Council-managed": 2000 }),
    ];
    const figures = commitment(withBad, BUDGETS, GROUPS, period);
    expect(figures.leftOut).toEqual([
      { planId: "PLAN-0008", reason: "no start date" },
      { planId: "PLAN-0009", reason: "it ends (2026-05-31) before it starts (2026-06-01)" },
    ]);
    // Older people's figures are PLAN-0001's and PLAN-0002's alone, as without them.
    const older = figures.rows[0];
    expect([money(older.fullYear.total), money(older.inYear.total), older.people.total]).toEqual([
      "22800.00",
      "8432.60",
      2,
    ]);
    expect(figures.pipeline[0].plans).toBe(1); // PLAN-0006 alone
    expect(money(figures.rows[figures.rows.length - 1].inYear.total)).toBe("10751.50");
    expect(planStanding(withBad[7], period)).toBe("leftOut");
  });

  it("counts the year it is for: an Agreed plan starting after the year's last day is shown apart", () => {
    // The example: an Agreed Mental health plan starting 1 May 2027, £7,164 a year (a personal assistant,
    // 7.05 hours a week at £19.55… as a direct payment), is in no figure of 2026/27: Mental health stays at
    // PLAN-0004's 3,650.55 of its 10,000 (36.5%), not 10,814.55 (108.1%).
    const later = plan("PLAN-0010", "Mental health", "Agreed", "2027-05-01", null, { "Direct payment": 7164 });
    // Starting on the year's last day, 31 March 2027, it counts: one day, 3,650 × 1 ÷ 365 = 10.00 in year.
    const lastDay = plan("PLAN-0011", "Learning disability", "Agreed", "2027-03-31", null, { "Direct payment": 3650 });
    const figures = commitment([...PLANS, later, lastDay], BUDGETS, GROUPS, period);
    const mental = figures.rows[1];
    expect([money(mental.fullYear.total), mental.committed?.toString(), money(mental.inYear.total)]).toEqual([
      "3650.55",
      "0.365055",
      "1820.27",
    ]);
    expect(figures.startingLater.map((r) => [r.careGroup, r.people, money(r.fullYear)])).toEqual([
      ["Older people", 0, "0.00"],
      ["Mental health", 1, "7164.00"],
      ["Learning disability", 0, "0.00"],
      ["Other care groups", 0, "0.00"],
      ["All care groups", 1, "7164.00"],
    ]);
    const learning = figures.rows[2];
    expect([money(learning.fullYear.total), money(learning.inYear.total), learning.people.total]).toEqual([
      "3650.00",
      "10.00",
      1,
    ]);
    // The next year counts it: as at 1 April 2027, in 2027/28, Mental health commits 3,650.55 + 7,164.
    const next = commitment([...PLANS, later], BUDGETS, GROUPS, commitmentPeriod(day("2027-04-01"), day("2027-04-01")));
    expect(money(next.rows[1].fullYear.total)).toBe("10814.55");
    expect(next.startingLater[4].people).toBe(0);
    // A year that has begun before the as-at date: a plan ended before the year's first day is not in it.
    const early = commitmentPeriod(day("2027-02-01"), day("2027-04-01"));
    expect(planStanding(plan("PLAN-0012", "A", "Agreed", "2026-06-01", "2027-03-15", {}), early)).toBe("none");
    expect(planStanding(plan("PLAN-0013", "A", "Agreed", "2026-06-01", "2027-04-01", {}), early)).toBe("committed");
  });

  it("counts people, not plans: two Agreed plans of one person are one person", () => {
    const second = plan(
      "PLAN-0014",
      "Older people",
      "Agreed",
      "2026-08-01",
      null,
      { "Direct payment": 1000 },
      0,
      0,
      "p-0001",
    );
    const older = commitment([...PLANS, second], BUDGETS, GROUPS, period).rows[0];
    // PLAN-0001 (P-0001) and PLAN-0002 (P-0002), and PLAN-0014 for P-0001 again (its ID typed in lower case, as
    // COUNTIFS compares): two people, three plans' money.
    expect([older.people.total, older.people["Direct payment"], money(older.fullYear["Direct payment"])]).toEqual([
      2,
      1,
      "8300.00",
    ]);
  });

  it("takes each care group's budget for the year shown, when Budgets has a row per year", () => {
    const byYear: BudgetRecord[] = [
      { careGroup: "Older people", annualBudget: new Decimal(30_000), financialYear: "2026/27" },
      { careGroup: "Older people", annualBudget: new Decimal(33_000), financialYear: "2027/28" },
      { careGroup: "older people", annualBudget: new Decimal(1_000), financialYear: null }, // every year
      { careGroup: "Mental health", annualBudget: new Decimal(12_000), financialYear: "2026/27" },
    ];
    const budgetOf = (at: CommitmentPeriod, row: number) =>
      money(commitment(PLANS, byYear, GROUPS, at).rows[row].budget);
    // 2026/27: 30,000 + the every-year 1,000; 2027/28: 33,000 + 1,000, and Mental health has none set.
    expect([budgetOf(period, 0), budgetOf(period, 1), budgetOf(period, 4)]).toEqual([
      "31000.00",
      "12000.00",
      "43000.00",
    ]);
    const next = commitmentPeriod(day("2027-04-01"), day("2027-04-01"));
    expect([budgetOf(next, 0), budgetOf(next, 1), budgetOf(next, 4)]).toEqual(["34000.00", "0.00", "34000.00"]);
  });

  it("rounds once per plan and part: a plan's in-year is the sum of its parts, and every total their sum", () => {
    // 7,300.01 × 182 ÷ 365 = 3,640.0049… → 3,640.00 and 3,650.01 × 182 ÷ 365 = 1,820.0049… → 1,820.00: the plan's
    // in-year is 5,460.00, the sum of its parts printed, where its plan cost of 10,950.02 would give 5,460.01.
    const split = plan("PLAN-0015", "Older people", "Agreed", "2025-04-01", null, {
      "Direct payment": 7300.01,
      "Council-managed": 3650.01,
    });
    const older = commitment([split], BUDGETS, GROUPS, period).rows[0];
    expect(parts(older.inYear)).toEqual({
      "Direct payment": "3640.00",
      "Council-managed": "1820.00",
      "Individual Service Fund": "0.00",
      "One-off items": "0.00",
      total: "5460.00",
    });
    expect(money(inYearCost(new Decimal("10950.02"), day("2025-04-01"), null, period.remaining))).toBe("5460.01");
  });

  it("shows plans not yet agreed apart, as the pipeline", () => {
    const pipeline = commitment(PLANS, BUDGETS, GROUPS, period).pipeline;
    const figures = (careGroup: string) => {
      const found = pipeline.find((r) => r.careGroup === careGroup)!;
      return [found.plans, money(found.fullYear), found.committedIfAgreed?.toDecimalPlaces(6).toString() ?? null];
    };
    // Older people: PLAN-0006, 5,000; (22,800 + 5,000) ÷ 30,000 = 0.926666…
    expect(figures("Older people")).toEqual([1, "5000.00", "0.926667"]);
    // Learning disability: PLAN-0005, 20,000; 20,000 ÷ 15,000 = 1.333333…: over-committed once agreed
    expect(figures("Learning disability")).toEqual([1, "20000.00", "1.333333"]);
    expect(figures("Mental health")).toEqual([0, "0.00", "0.365055"]);
    // All: 25,000; (27,450.55 + 25,000) ÷ 55,000 = 0.953646…
    expect(figures("All care groups")).toEqual([2, "25000.00", "0.953646"]);
  });

  it("agrees, for any plans, with adding up each plan's own figures", () => {
    const arbitraryPlan = fc.record({
      group: fc.constantFrom("A", "B", "C"),
      status: fc.constantFrom("Agreed", "Draft", "Needs manager review", "Closed"),
      start: fc.integer({ min: 45_000, max: 47_000 }),
      length: fc.option(fc.integer({ min: 0, max: 900 })),
      pence: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPlan, { maxLength: 12 }), (drawn) => {
        const records = drawn.map(({ group, status, start, length, pence }, at) => {
          const [dp, cm, isf, oneOff] = pence.map((p) => p / 100);
          return {
            ...plan(
              `P${at}`,
              group,
              status,
              null,
              null,
              { "Direct payment": dp, "Council-managed": cm, "Individual Service Fund": isf },
              oneOff,
            ),
            start,
            end: length === null ? null : start + length,
          };
        });
        const figures = commitment(records, [], ["A", "B"], period);
        const counted = records.filter(
          (r) =>
            r.status === "Agreed" &&
            r.start <= period.year.to &&
            (r.end === null || r.end >= period.remaining.from) &&
            (r.end === null || r.end >= r.start),
        );
        const all = figures.rows[figures.rows.length - 1];
        const byHand = counted.reduce(
          (sum, r) =>
            sum
              .plus(inYearCost(r.managed["Direct payment"], r.start, r.end, period.remaining))
              .plus(inYearCost(r.managed["Council-managed"], r.start, r.end, period.remaining))
              .plus(inYearCost(r.managed["Individual Service Fund"], r.start, r.end, period.remaining))
              .plus(r.start >= period.remaining.from && r.start <= period.remaining.to ? r.oneOff : 0),
          new Decimal(0),
        );
        expect(money(all.inYear.total)).toBe(money(byHand));
        expect(all.people.total).toBe(counted.length);
        // Every row's parts add up to its total, and the groups and Other add up to All, in every part.
        const listed = figures.rows.slice(0, -1);
        for (const figure of ["fullYear", "inYear"] as const) {
          for (const r of figures.rows) {
            const partsOf = COMMITMENT_PARTS.reduce((sum, part) => sum.plus(r[figure][part]), new Decimal(0));
            expect(money(partsOf)).toBe(money(r[figure].total));
          }
          for (const part of [...COMMITMENT_PARTS, "total"] as const) {
            expect(money(listed.reduce((sum, r) => sum.plus(r[figure][part]), new Decimal(0)))).toBe(
              money(all[figure][part]),
            );
          }
        }
      }),
    );
  });
});

describe("what the figures leave aside", () => {
  it("names plans of another status and plans whose parts do not add up", () => {
    const odd = { ...plan("PLAN-0009", "Older people", "Closed", "2026-05-01", null, { "Direct payment": 100 }) };
    const doubled = {
      ...plan("PLAN-0010", "Older people", "Agreed", "2026-05-01", null, { "Direct payment": 750 }, 650),
    };
    expect(commitmentNotes([odd, { ...doubled, annual: new Decimal(750) }], period)).toEqual([
      "PLAN-0009 (Closed) has neither an Agreed nor a pipeline status, so it is in neither figure.",
      "In PLAN-0010, the amounts by way of managing and the one-off items do not add up to the plan cost (an " +
        "earlier version counted one-off items in both): open and save it again.",
    ]);
    expect(commitmentNotes(PLANS, period)).toEqual([]);
  });
});

describe("what people spend their budgets on", () => {
  const line = (planId: string, service: string, managedAs: ManagedAs, annualCost: number): LineRecord => ({
    planId,
    service,
    managedAs,
    annualCost: new Decimal(annualCost),
  });
  const LINES = [
    line("PLAN-0001", "Personal assistant", "Direct payment", 7300),
    line("PLAN-0001", "Home care (regulated agency)", "Council-managed", 3650),
    line("PLAN-0001", "Equipment: riser recliner chair", "Direct payment", 650),
    line("PLAN-0002", "home care (regulated agency)", "Council-managed", 10_000),
    line("PLAN-0002", "Supported community activities", "Individual Service Fund", 1000),
    line("PLAN-0002", "Equipment: bath lift", "Direct payment", 200),
    line("PLAN-0003", "Personal assistant", "Direct payment", 5000), // ended
    line("plan-0004", "Supported community activities", "Individual Service Fund", 3650.55),
    line("PLAN-0005", "Personal assistant", "Direct payment", 20_000), // draft
    line("PLAN-0007", "Meals", "Direct payment", 1000),
  ];
  const SERVICES = [
    "Home care (regulated agency)",
    "Personal assistant",
    "Supported community activities",
    "Meals",
    "Day centre",
    "Equipment: riser recliner chair",
  ];

  it("adds up Agreed plans' lines by service, largest first, with each one's share", () => {
    const { services, other, total } = spendByService(LINES, PLANS, SERVICES, period);
    // Home care 3,650 + 10,000 = 13,650 of 27,450.55 (the same total as the commitment) = 49.7257…%
    expect(services.map((s) => [s.service, money(s.total), s.share?.toDecimalPlaces(4).toString()])).toEqual([
      ["Home care (regulated agency)", "13650.00", "0.4973"],
      ["Personal assistant", "7300.00", "0.2659"],
      ["Supported community activities", "4650.55", "0.1694"],
      ["Meals", "1000.00", "0.0364"],
      ["Equipment: riser recliner chair", "650.00", "0.0237"],
      ["Day centre", "0.00", "0"],
    ]);
    expect([other.service, money(other.total), money(other.managed["Direct payment"])]).toEqual([
      "Other services",
      "200.00",
      "200.00",
    ]);
    expect(money(total)).toBe("27450.55");
    expect(money(services[0].managed["Council-managed"])).toBe("13650.00");
  });

  it("keeps the order given for services with equal totals", () => {
    const { services } = spendByService([], PLANS, ["B", "A"], period);
    expect(services.map((s) => [s.service, s.share])).toEqual([
      ["B", null],
      ["A", null],
    ]);
  });
});

describe("the RAS's indicative budgets against what plans commit", () => {
  it("sets the cohort's indicative budgets beside Agreed plans' own and their cost", () => {
    const people = [
      { careGroup: "Older people", indicative: new Decimal(11_000) },
      { careGroup: "Older people", indicative: new Decimal(12_000) },
      { careGroup: "Older people", indicative: null }, // an assessment in progress
      { careGroup: "Mental health", indicative: new Decimal(4000) },
      { careGroup: "Mental health", indicative: new Decimal(5000) },
      { careGroup: "Physical disability", indicative: new Decimal(1000) },
    ];
    const rows = indicativeAgainstPlanned(people, PLANS, GROUPS, period).map((r) => [
      r.careGroup,
      r.people,
      r.notPriced,
      money(r.cohortIndicative),
      r.agreedPeople,
      money(r.agreedIndicative),
      money(r.agreedCost),
      r.difference?.toDecimalPlaces(6).toString() ?? null,
    ]);
    expect(rows).toEqual([
      // 22,800 ÷ 23,000 − 1 = −0.008695…
      ["Older people", 3, 1, "23000.00", 2, "23000.00", "22800.00", "-0.008696"],
      // 3,650.55 ÷ 4,000 − 1 = −0.0873625
      ["Mental health", 2, 0, "9000.00", 1, "4000.00", "3650.55", "-0.087363"],
      ["Learning disability", 0, 0, "0.00", 0, "0.00", "0.00", null],
      // 1,000 ÷ 900 − 1 = 0.1111…
      ["Other care groups", 1, 0, "1000.00", 1, "900.00", "1000.00", "0.111111"],
      // 27,450.55 ÷ 27,900 − 1 = −0.016109…
      ["All care groups", 6, 1, "33000.00", 4, "27900.00", "27450.55", "-0.016109"],
    ]);
  });
});

describe("the medium-term forecast", () => {
  it("grows the recurring commitment by people and by prices each year, to the penny", () => {
    // Older people recurring: 7,300 + 13,650 + 1,000 = 21,950; × 1.02 × 1.04 = × 1.0608 a year:
    // 23,284.56; × 1.12529664 = 24,700.2612… → 24,700.26; × 1.193714675712 = 26,202.0371… → 26,202.04
    const older = recurringOf(row("Older people"));
    expect(money(older)).toBe("21950.00");
    const years = forecast(older, { growth: new Decimal(0.02), inflation: new Decimal(0.04) });
    expect(years.map(money)).toEqual(["23284.56", "24700.26", "26202.04"]);
    expect(forecast(older, { growth: new Decimal(0), inflation: new Decimal(0) }).map(money)).toEqual([
      "21950.00",
      "21950.00",
      "21950.00",
    ]);
  });

  it("takes a care group's own rate where it has one, else all care groups', matching names as the tables do", () => {
    const assumptions = {
      all: { growth: new Decimal("0.02"), inflation: new Decimal("0.04") },
      own: new Map([["older people", { growth: new Decimal("0.035") }]]),
    };
    const shown = (careGroup: string | null) => {
      const { growth, inflation } = assumptionFor(assumptions, careGroup);
      return [growth.toString(), inflation.toString()];
    };
    expect(shown("Older People")).toEqual(["0.035", "0.04"]);
    expect(shown("Mental health")).toEqual(["0.02", "0.04"]);
    expect(shown(null)).toEqual(["0.02", "0.04"]);
  });
});

describe("a forecast rate typed in percent", () => {
  it("reads 2, 2.5%, -1 and 0.25 as fractions of a year", () => {
    expect(
      ["2", " 2.5 % ", "-1", "0.25", "50", "-50"].map((typed) => readForecastRate(typed, "Growth").toString()),
    ).toEqual(["0.02", "0.025", "-0.01", "0.0025", "0.5", "-0.5"]);
  });

  it("refuses, naming the box, what is not a percentage a year", () => {
    const refused = (typed: string) => {
      try {
        readForecastRate(typed, "Price inflation, Older people");
        return "read";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refused("")).toBe("Price inflation, Older people: a percentage a year is needed, such as 2.5");
    expect(refused("two")).toBe(
      'Price inflation, Older people: expected a percentage a year, such as 2.5 or -1; got "two"',
    );
    expect(refused("2.125")).toBe(
      'Price inflation, Older people: at most 2 decimal places of a percent (such as 2.25); got "2.125"',
    );
    // 50.01% is beyond the ±50% limit: surely 5.001 or 0.5001 was meant.
    expect(refused("50.01")).toBe('Price inflation, Older people: from -50% to 50% a year; got "50.01"');
    expect(refused("-51")).toBe('Price inflation, Older people: from -50% to 50% a year; got "-51"');
  });
});
