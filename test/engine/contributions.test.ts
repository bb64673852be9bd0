// What people contribute to the committed plans (26 §5), worked by hand: each committed plan's person pays the smaller
// of its cost a year and their weekly charge × the weeks in a year, to the penny; by care group, gross, contributions
// and net. A Draft plan, a plan ended before the as-at date and a plan without a charge contribute nothing.
import {
  commitment,
  commitmentPeriod,
  contributions,
  Decimal,
  PlanRecord,
  planContribution,
  serialFromIso,
} from "../../src/engine";

const day = serialFromIso;

/** A plan of £3,750 a year (3,650 as a direct payment and 100 of one-off items) from 1 April 2026. */
function plan(planId: string, careGroup: string, weeklyCharge: string | null, status = "Agreed", end?: string) {
  const record: PlanRecord = {
    planId,
    personId: `P-${planId}`,
    careGroup,
    status,
    start: day("2026-04-01"),
    end: end === undefined ? null : day(end),
    managed: {
      "Direct payment": new Decimal(3650),
      "Council-managed": new Decimal(0),
      "Individual Service Fund": new Decimal(0),
    },
    oneOff: new Decimal(100),
    indicativeAnnual: new Decimal(3750),
    annual: new Decimal(3750),
    weeklyCharge: weeklyCharge === null ? null : new Decimal(weeklyCharge),
  };
  return record;
}

const WEEKS = new Decimal(52);

describe("what people contribute to the committed plans", () => {
  it("is the smaller of the plan's cost a year and the weekly charge × the weeks in a year, to the penny", () => {
    const contribution = (weeklyCharge: string | null, weeks = WEEKS) =>
      planContribution(plan("PLAN-1", "Older people", weeklyCharge), weeks).toFixed(2);
    // 20 × 52 = 1,040; 10.01 × 52 = 520.52; 10.005 × 52 = 520.26; 100 × 52 = 5,200, above the plan's 3,750;
    // 3,750 ÷ 52 = 72.115…: 72.12 × 52 = 3,750.24, held to 3,750; no charge: nothing; 20 × 50 weeks = 1,000.
    expect([
      contribution("20"),
      contribution("10.01"),
      contribution("10.005"),
      contribution("100"),
      contribution("72.12"),
      contribution(null),
      contribution("20", new Decimal(50)),
    ]).toEqual(["1040.00", "520.52", "520.26", "3750.00", "3750.00", "0.00", "1000.00"]);
  });

  it("adds up the committed plans by care group, the others and all, gross less contributions", () => {
    const plans = [
      plan("A", "Older people", "20"), // 1,040
      plan("B", "Older people", "100"), // the plan's own 3,750
      plan("C", "Mental health", null), // nothing
      plan("D", "Older people", "20", "Draft"), // not committed: neither gross nor contribution
      plan("E", "Children", "10.01"), // another care group: 520.52
      plan("F", "Older people", "20", "Agreed", "2026-09-30"), // ended before the as-at date
    ];
    const period = commitmentPeriod(day("2026-10-01"), day("2026-04-01"));
    const careGroups = ["Older people", "Mental health"];
    const rows = contributions(plans, commitment(plans, [], careGroups, period), careGroups, WEEKS);
    expect(
      rows.map((row) => [row.careGroup, row.gross.toFixed(2), row.contributions.toFixed(2), row.net.toFixed(2)]),
    ).toEqual([
      ["Older people", "7500.00", "4790.00", "2710.00"],
      ["Mental health", "3750.00", "0.00", "3750.00"],
      ["Other care groups", "3750.00", "520.52", "3229.48"],
      ["All care groups", "15000.00", "5310.52", "9689.48"],
    ]);
  });
});
