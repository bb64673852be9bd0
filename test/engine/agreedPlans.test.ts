// A person's Agreed plans taken together (issue 21 §4 and §6): one Agreed plan per person at a time, and the
// lights of Agreed plans checked against today's tolerance and indicative budgets.
import fc from "fast-check";
import {
  agreeingOverlaps,
  AgreedLight,
  datesOverlap,
  DatedPlan,
  Decimal,
  DEFAULT_TOLERANCE,
  lightsNowDiffering,
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

describe("two Agreed plans of one person overlap (21 §6)", () => {
  it("when they share a day, both ends included; an ongoing plan runs on for ever", () => {
    const april = plan("A", "P001", "2026-04-01", "2026-09-30");
    expect(datesOverlap(april, plan("B", "P001", "2026-09-30", null))).toBe(true);
    expect(datesOverlap(april, plan("B", "P001", "2026-10-01", null))).toBe(false);
    expect(datesOverlap(plan("A", "P001", "2026-04-01", null), plan("B", "P001", "2030-01-01", null))).toBe(true);
    // A plan with no start date is taken as running from the beginning.
    expect(datesOverlap(plan("A", "P001", null, "2026-03-31"), plan("B", "P001", "2026-04-01", null))).toBe(false);
    expect(datesOverlap(plan("A", "P001", null, null), plan("B", "P001", "2026-04-01", null))).toBe(true);
  });

  it("finds each overlapping pair once: same person (ignoring case), both Agreed, different plans", () => {
    const plans = [
      plan("PLAN-0001", "P001", "2026-04-01", null),
      plan("PLAN-0002", "p001 ", "2026-10-01", null),
      plan("PLAN-0003", "P001", "2027-01-01", null, "Draft"),
      plan("PLAN-0004", "P002", "2026-04-01", "2026-09-30"),
      plan("PLAN-0005", "P002", "2026-10-01", null),
      plan("PLAN-0006", "P003", "2026-04-01", null, " agreed"),
      plan("PLAN-0006", "P003", "2026-04-01", null),
    ];
    expect(overlappingAgreedPlans(plans).map(({ first, second }) => [first.planId, second.planId])).toEqual([
      ["PLAN-0001", "PLAN-0002"],
    ]);
  });

  it("is symmetric and never pairs a plan with itself (property)", () => {
    const arbitraryPlan = fc.record({
      planId: fc.constantFrom("A", "B", "C", "D"),
      personId: fc.constantFrom("P001", "P002"),
      status: fc.constantFrom("Agreed", "Draft"),
      start: fc.option(fc.integer({ min: 46000, max: 46100 }), { nil: null }),
      end: fc.option(fc.integer({ min: 46000, max: 46200 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPlan, { maxLength: 6 }), (plans: DatedPlan[]) => {
        const forwards = overlappingAgreedPlans(plans).length;
        const backwards = overlappingAgreedPlans([...plans].reverse()).length;
        return (
          forwards === backwards &&
          overlappingAgreedPlans(plans).every(
            ({ first, second }) =>
              first.planId !== second.planId && (first.start ?? -Infinity) <= (second.start ?? -Infinity),
          )
        );
      }),
    );
  });

  it("agreeing a plan: earlier Agreed plans can end the day before it starts; later ones cannot", () => {
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

  it("says when a plan runs, in words", () => {
    expect(whenPlanRuns(plan("A", "P001", "2026-04-01", null))).toBe("from 1 Apr 2026, ongoing");
    expect(whenPlanRuns(plan("A", "P001", "2026-04-01", "2026-09-30"))).toBe("from 1 Apr 2026 to 30 Sep 2026");
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
