// A person's Agreed plans taken together (issue 21 §4 and §6): one Agreed plan per person at a time, and the
// lights of Agreed plans checked against today's tolerance and indicative budgets.
import {
  agreeingOverlaps,
  AgreedLight,
  Decimal,
  DEFAULT_TOLERANCE,
  lightsNowDiffering,
  lightsUnderProposal,
  overlappingAgreedPlans,
  serialFromIso,
  whenPlanRuns,
} from "../../src/engine";

const day = serialFromIso;
const plan = (planId: string, personId: string, start: string | null, end: string | null, status = "Agreed") => ({
  planId,
  personId,
  status,
  start: start === null ? null : day(start),
  end: end === null ? null : day(end),
});

// Which Agreed plans overlap is overlaps.ts's rule (test/engine/overlaps.test.ts), shared with the Finance view.
describe("agreeing a plan over a person's Agreed plans (21 §6)", () => {
  it("earlier Agreed plans can end the day before it starts; later ones cannot", () => {
    const others = [
      plan("PLAN-0001", "P001", "2026-04-01", null),
      plan("PLAN-0002", "P001", "2026-12-01", null),
      plan("PLAN-0003", "P001", "2026-01-01", "2026-03-31"),
      plan("PLAN-0004", "P002", "2026-04-01", null),
      plan("PLAN-0005", "P001", "2026-04-01", null, "Draft"),
    ];
    const agreeing = { ...plan("PLAN-0009", "P001", "2026-10-01", null), start: day("2026-10-01") };
    const found = agreeingOverlaps(agreeing, others);
    expect(found.toEnd.map((other) => [other.planId, other.endOn])).toEqual([["PLAN-0001", day("2026-09-30")]]);
    expect(found.later.map((other) => other.planId)).toEqual(["PLAN-0002"]);
    // Saving the same plan again is not an overlap with itself.
    expect(agreeingOverlaps({ ...agreeing, planId: "PLAN-0001" }, [others[0]])).toEqual({ toEnd: [], later: [] });
  });

  it("follows the Finance view's rule: a plan with no start, or ending before it starts, overlaps nothing", () => {
    const agreeing = { ...plan("PLAN-0009", "P001", "2026-10-01", null), start: day("2026-10-01") };
    const unknown = [plan("PLAN-0001", "P001", null, null), plan("PLAN-0002", "P001", "2026-05-01", "2026-04-30")];
    expect(overlappingAgreedPlans([...unknown, agreeing])).toEqual([]);
    expect(agreeingOverlaps(agreeing, unknown)).toEqual({ toEnd: [], later: [] });
    // Nor for a plan agreed from before both of its dates, which would share days with it were they read as a span.
    const fromJanuary = { ...plan("PLAN-0009", "P001", "2026-01-01", null), start: day("2026-01-01") };
    expect(agreeingOverlaps(fromJanuary, unknown)).toEqual({ toEnd: [], later: [] });
    // The day before is no overlap, the day itself is, as the Finance view counts them.
    const ending = (end: string) => plan("PLAN-0003", "p001 ", "2026-04-01", end);
    expect(agreeingOverlaps(agreeing, [ending("2026-09-30")]).toEnd).toEqual([]);
    expect(agreeingOverlaps(agreeing, [ending("2026-10-01")]).toEnd.map((other) => other.endOn)).toEqual([
      day("2026-09-30"),
    ]);
    expect(overlappingAgreedPlans([ending("2026-10-01"), agreeing])).toHaveLength(1);
  });

  it("lists plans to end by start date then ID, and one starting the same day, even for one day, as later", () => {
    const agreeing = { ...plan("PLAN-0009", "P001", "2026-10-01", null), start: day("2026-10-01") };
    const others = [
      plan("PLAN-0006", "P001", "2026-06-01", null),
      plan("PLAN-0011", "P001", "2026-05-01", null),
      plan("PLAN-0010", "P001", "2026-05-01", null),
      plan("PLAN-0007", "P001", "2026-04-01", null),
      plan("PLAN-0012", "P001", "2026-10-01", "2026-10-01"), // the one day it starts
    ];
    const found = agreeingOverlaps(agreeing, others);
    expect(found.toEnd.map((other) => other.planId)).toEqual(["PLAN-0007", "PLAN-0010", "PLAN-0011", "PLAN-0006"]);
    expect(found.later.map((other) => other.planId)).toEqual(["PLAN-0012"]);
  });

  it("says when a plan runs, in words", () => {
    expect(whenPlanRuns(plan("A", "P001", "2026-04-01", null))).toBe("from 1 Apr 2026, ongoing");
    expect(whenPlanRuns(plan("A", "P001", "2026-04-01", "2026-09-30"))).toBe("from 1 Apr 2026 to 30 Sep 2026");
    expect(whenPlanRuns(plan("A", "P001", null, null))).toBe("with no start date, ongoing");
    expect(whenPlanRuns(plan("A", "P001", null, "2026-09-30"))).toBe("with no start date to 30 Sep 2026");
  });
});

describe("Agreed plans whose light would now differ (21 §4)", () => {
  const agreed = (change: Partial<AgreedLight> = {}): AgreedLight => ({
    planId: "PLAN-0001",
    personId: "P001",
    status: "Agreed",
    end: null,
    light: "Amber",
    annual: new Decimal("7963.80"),
    indicativeAnnual: new Decimal(6200),
    tolerance: DEFAULT_TOLERANCE,
    ...change,
  });
  const asAt = day("2026-11-24");
  const now = (amount: number | null) => () => (amount === null ? null : new Decimal(amount));

  it("names a plan whose light the tolerance now changes, and why", () => {
    // £7,963.80 against £6,200 is 28.4% above: Amber at 10%/50%, Green at 30%/50%.
    const tolerance = { green: new Decimal("0.3"), amber: new Decimal("0.5") };
    expect(lightsNowDiffering([agreed()], now(6200), tolerance, asAt)).toEqual({
      changed: [
        {
          planId: "PLAN-0001",
          personId: "P001",
          savedLight: "Amber",
          lightNow: "Green",
          why: "the tolerance is now Green within 30%, Amber within 50% (was Green within 10%, Amber within 50%)",
        },
      ],
      unchecked: [],
    });
    expect(lightsNowDiffering([agreed()], now(6200), DEFAULT_TOLERANCE, asAt).changed).toEqual([]);
  });

  it("names a plan whose light new price points change; leaves out plans not Agreed or ended", () => {
    // £7,963.80 against £5,000 is 59.3% above: Red.
    const found = lightsNowDiffering(
      [agreed(), agreed({ planId: "PLAN-0002", status: "Draft" }), agreed({ planId: "PLAN-0003", end: asAt - 1 })],
      now(5000),
      DEFAULT_TOLERANCE,
      asAt,
    );
    expect(found.changed).toEqual([
      expect.objectContaining({
        planId: "PLAN-0001",
        lightNow: "Red",
        why: "the indicative budget is now £5,000.00 (was £6,200.00)",
      }),
    ]);
  });

  it("checks a plan ending on the as-at date; says both changes, or that the saved light does not match", () => {
    const endsToday = lightsNowDiffering([agreed({ end: asAt })], now(5000), DEFAULT_TOLERANCE, asAt);
    expect(endsToday.changed.map((change) => [change.planId, change.lightNow])).toEqual([["PLAN-0001", "Red"]]);
    // £7,963.80 against £7,000 is 13.8% above: Amber at 10%/50%, Green at 20%/50%.
    const both = lightsNowDiffering(
      [agreed({ light: "Red" })],
      now(7000),
      { green: new Decimal("0.2"), amber: new Decimal("0.5") },
      asAt,
    );
    expect(both.changed.map((change) => [change.lightNow, change.why])).toEqual([
      [
        "Green",
        "the tolerance is now Green within 20%, Amber within 50% (was Green within 10%, Amber within 50%); " +
          "the indicative budget is now £7,000.00 (was £6,200.00)",
      ],
    ]);
    // Saved as Green under the same tolerance and budget: Amber by its own figures.
    const mismatched = lightsNowDiffering([agreed({ light: "Green" })], now(6200), DEFAULT_TOLERANCE, asAt);
    expect(mismatched.changed.map((change) => [change.lightNow, change.why])).toEqual([
      ["Amber", "the saved light does not match its figures"],
    ]);
  });

  it("names plans that cannot be checked; a row without its tolerance says what it is now", () => {
    expect(lightsNowDiffering([agreed()], now(null), DEFAULT_TOLERANCE, asAt)).toEqual({
      changed: [],
      unchecked: [{ planId: "PLAN-0001", why: "P001's indicative budget cannot be worked out now" }],
    });
    expect(
      lightsNowDiffering([agreed({ tolerance: null, light: "Green" })], now(6200), DEFAULT_TOLERANCE, asAt).changed[0]
        .why,
    ).toBe("the tolerance is now Green within 10%, Amber within 50%");
  });
});

describe("Agreed plans whose light a proposal would change (25 §4)", () => {
  const asAt = day("2026-11-24");
  const agreed = (
    planId: string,
    personId: string,
    light: string,
    annual: string,
    indicative: number,
  ): AgreedLight => ({
    planId,
    personId,
    status: "Agreed",
    end: null,
    light,
    annual: new Decimal(annual),
    indicativeAnnual: new Decimal(indicative),
    tolerance: DEFAULT_TOLERANCE,
  });
  const budgets = (amounts: Record<string, number | null>) => (personId: string) =>
    amounts[personId] === undefined || amounts[personId] === null ? null : new Decimal(amounts[personId]);

  it("lists Green → Amber, Amber → Red and back, by the Support plan view's rule; others not listed", () => {
    const plans = [
      // £6,820 against £6,200 is exactly 10% above: Green. Against £6,199.99 it is 10.0002%: Amber.
      agreed("PLAN-0001", "P001", "Green", "6820", 6200),
      // £9,300 against £6,200 is exactly 50%: Amber; against £6,199 it is 50.02%: Red.
      agreed("PLAN-0002", "P002", "Amber", "9300", 6200),
      // Amber at 20% above £5,000; the proposal raises the budget to £5,500, 9.09% below the plan: Green.
      agreed("PLAN-0003", "P003", "amber", "6000", 5000),
      // Green whatever the proposal does to its budget here.
      agreed("PLAN-0004", "P004", "Green", "5000", 5000),
      // Not Agreed, and ended: never listed.
      { ...agreed("PLAN-0005", "P001", "Green", "6820", 6200), status: "Draft" },
      { ...agreed("PLAN-0006", "P001", "Green", "6820", 6200), end: asAt - 1 },
    ];
    const now = budgets({ P001: 6200, P002: 6200, P003: 5000, P004: 5000 });
    const proposed = budgets({ P001: 6199.99, P002: 6199, P003: 5500, P004: 5001 });
    expect(lightsUnderProposal(plans, now, proposed, DEFAULT_TOLERANCE, asAt)).toEqual({
      changed: [
        { planId: "PLAN-0001", personId: "P001", lightNow: "Green", lightProposed: "Amber" },
        { planId: "PLAN-0002", personId: "P002", lightNow: "Amber", lightProposed: "Red" },
        { planId: "PLAN-0003", personId: "P003", lightNow: "Amber", lightProposed: "Green" },
      ],
      unchecked: [],
    });
  });

  it("compares with the light today's rules give, not a stale saved one", () => {
    // Saved Green under 10%/50%; today's tolerance (5%/50%) already makes it Amber, and so does the proposal.
    const plan = agreed("PLAN-0001", "P001", "Green", "6600", 6200);
    const tolerance = { green: new Decimal("0.05"), amber: new Decimal("0.5") };
    const same = budgets({ P001: 6200 });
    expect(lightsUnderProposal([plan], same, budgets({ P001: 6190 }), tolerance, asAt).changed).toEqual([]);
    // A proposal of £6,400 brings it back to Green: Amber today → Green.
    expect(lightsUnderProposal([plan], same, budgets({ P001: 6400 }), tolerance, asAt).changed).toEqual([
      { planId: "PLAN-0001", personId: "P001", lightNow: "Amber", lightProposed: "Green" },
    ]);
  });

  it("names, once, a plan either side cannot price", () => {
    const plan = agreed("PLAN-0001", "P001", "Green", "6820", 6200);
    const why = [{ planId: "PLAN-0001", why: "P001's indicative budget cannot be worked out now" }];
    expect(lightsUnderProposal([plan], budgets({}), budgets({ P001: 1 }), DEFAULT_TOLERANCE, asAt)).toEqual({
      changed: [],
      unchecked: why,
    });
    expect(lightsUnderProposal([plan], budgets({}), budgets({}), DEFAULT_TOLERANCE, asAt).unchecked).toEqual(why);
  });
});
