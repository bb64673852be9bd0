// One Agreed plan per person at a time: which Agreed plans of one person share a day, with exact boundaries.
import { DatedPlan, overlappingAgreedPlans, plansOverlap, serialFromIso } from "../../src/engine";

const plan = (planId: string, personId: string, start: string | null, end: string | null, status = "Agreed") => ({
  planId,
  personId,
  status,
  start: start === null ? null : serialFromIso(start),
  end: end === null ? null : serialFromIso(end),
});
const ids = (groups: { personId: string; plans: readonly DatedPlan[] }[]) =>
  groups.map((group) => [group.personId, group.plans.map((p) => p.planId)]);

describe("plans that overlap", () => {
  it("share a day: ending the day before the other starts is no overlap, ending on it is", () => {
    const earlier = plan("A", "P1", "2026-04-01", "2026-09-30");
    expect(plansOverlap(earlier, plan("B", "P1", "2026-10-01", null))).toBe(false);
    expect(plansOverlap(earlier, plan("B", "P1", "2026-09-30", null))).toBe(true);
    expect(plansOverlap(plan("B", "P1", "2026-09-30", null), earlier)).toBe(true);
    // Two ongoing plans always overlap; a plan with no start date runs on no known day.
    expect(plansOverlap(plan("A", "P1", "2026-04-01", null), plan("B", "P1", "2030-01-01", null))).toBe(true);
    expect(plansOverlap(plan("A", "P1", null, null), plan("B", "P1", "2026-01-01", null))).toBe(false);
    expect(plansOverlap(plan("B", "P1", "2026-01-01", null), plan("A", "P1", null, null))).toBe(false);
  });

  it("count a one-day plan, and keep a group ongoing after a shorter plan joins it", () => {
    const plans = [
      plan("A", "P1", "2026-04-01", null), // ongoing
      plan("B", "P1", "2026-05-01", "2026-05-31"),
      plan("C", "P1", "2026-08-01", "2026-08-31"), // after B ends, still within A
      plan("D", "P2", "2026-04-01", "2026-06-30"),
      plan("E", "P2", "2026-06-30", "2026-06-30"), // one day, D's last
    ];
    expect(ids(overlappingAgreedPlans(plans))).toEqual([
      ["P1", ["A", "B", "C"]],
      ["P2", ["D", "E"]],
    ]);
  });

  it("are found per person among Agreed plans, chained, in order of start", () => {
    const plans = [
      plan("PLAN-0001", "P001", "2026-04-01", null),
      plan("PLAN-0002", "P002", "2026-04-01", "2026-06-30"),
      plan("PLAN-0003", "P002", "2026-07-01", null), // the day after PLAN-0002 ends: fine
      plan("PLAN-0004", "p001 ", "2026-06-01", "2026-08-31"), // P001's ID as typed by hand
      plan("PLAN-0005", "P003", "2026-05-01", "2026-05-31"),
      plan("PLAN-0006", "P003", "2026-05-15", null, "Draft"), // not Agreed
      plan("PLAN-0007", "P004", "2027-01-01", "2027-01-31"),
      plan("PLAN-0008", "P004", "2026-12-01", "2027-01-05"),
      plan("PLAN-0009", "P004", "2027-01-20", "2027-02-28"), // overlaps PLAN-0007, which overlaps PLAN-0008
      plan("PLAN-0010", "P005", "2026-05-01", "2026-04-01"), // ends before it starts: runs on no day
      plan("PLAN-0011", "P005", "2026-04-15", null),
    ];
    expect(ids(overlappingAgreedPlans(plans))).toEqual([
      ["P001", ["PLAN-0001", "PLAN-0004"]],
      ["P004", ["PLAN-0008", "PLAN-0007", "PLAN-0009"]],
    ]);
  });

  it("are two groups when a person's plans overlap at two separate times", () => {
    const plans = [
      plan("A", "P1", "2026-04-01", "2026-04-30"),
      plan("B", "P1", "2026-04-15", "2026-05-15"),
      plan("C", "P1", "2026-07-01", "2026-07-31"),
      plan("D", "P1", "2026-07-31", null),
    ];
    expect(ids(overlappingAgreedPlans(plans))).toEqual([
      ["P1", ["A", "B"]],
      ["P1", ["C", "D"]],
    ]);
  });
});
