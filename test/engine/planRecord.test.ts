import {
  Decimal,
  lineChanges,
  lineInWords,
  lineRecord,
  reviewsDue,
  reviewWhen,
  SupportPlanLine,
} from "../../src/engine";

const line = (service: string, quantity: string, unitCost = "28.5", staff = "1"): SupportPlanLine => ({
  service,
  quantity: new Decimal(quantity),
  unit: "hour",
  unitCost: new Decimal(unitCost),
  frequency: "week",
  managedAs: "Council-managed",
  staff: new Decimal(staff),
});

describe("a line in words", () => {
  it("says how much, how often and how many staff at once, without figures of the plan's rules", () => {
    expect(lineInWords(line("Home care", "10"))).toBe("10 hours a week");
    expect(lineInWords(line("Home care", "2.5", "28.5", "2"))).toBe("2.5 hours a week, 2 staff at once");
    expect(lineInWords({ quantity: new Decimal(1), unit: "item", frequency: "once" })).toBe("1 item once");
    expect(lineRecord(line("Home care", "10"))).toBe("Home care: 10 hours a week at £28.50 (Council-managed)");
  });
});

describe("which lines a save changed", () => {
  const before = [
    { line: 1, record: lineRecord(line("Home care", "10")) },
    { line: 2, record: lineRecord(line("Day centre", "1", "45")) },
    { line: 3, record: lineRecord(line("Meals", "7", "4.6")) },
  ];

  it("matches lines by their Line number: one changed, one removed, one added, one as it was", () => {
    const changes = lineChanges(before, [
      { savedLine: 1, line: line("Home care", "12") },
      { savedLine: 3, line: line("Meals", "7", "4.6") },
      { savedLine: null, line: line("Telecare", "1", "5.2") },
    ]);
    expect(changes).toEqual({
      added: ["Telecare: 1 hour a week at £5.20 (Council-managed)"],
      removed: ["Day centre: 1 hour a week at £45.00 (Council-managed)"],
      changed: [
        "Home care: 10 hours a week at £28.50 (Council-managed) → " +
          "Home care: 12 hours a week at £28.50 (Council-managed)",
      ],
    });
  });

  it("a first save adds every line; a save with nothing changed records nothing", () => {
    expect(lineChanges([], [{ savedLine: null, line: line("Home care", "10") }]).added).toHaveLength(1);
    const same = before.map((row, at) => ({
      savedLine: row.line,
      line: [line("Home care", "10"), line("Day centre", "1", "45"), line("Meals", "7", "4.6")][at],
    }));
    expect(lineChanges(before, same)).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe("reviews due", () => {
  const plan = (planId: string, reviewDate: string | null, endDate: string | null = null) => ({
    planId,
    name: planId,
    status: "Agreed",
    light: "Green",
    reviewDate,
    endDate,
  });

  it("lists reviews passed or within N days, soonest first; the boundary day is in, the next out", () => {
    const plans = [
      plan("PLAN-0001", "2026-12-22"), // 28 days after 24 Nov: in
      plan("PLAN-0002", "2026-12-23"), // 29 days: out
      plan("PLAN-0003", "2026-11-01"), // overdue by 23 days
      plan("PLAN-0004", "2026-11-24"), // today
      plan("PLAN-0005", null),
      plan("PLAN-0006", "2026-10-01", "2026-11-23"), // ended yesterday: no review
      plan("PLAN-0007", "2026-10-01", "2026-11-24"), // ends today: still in force
    ];
    const due = reviewsDue(plans, "2026-11-24", 28);
    expect(due.map((row) => [row.planId, row.days])).toEqual([
      ["PLAN-0007", -54],
      ["PLAN-0003", -23],
      ["PLAN-0004", 0],
      ["PLAN-0001", 28],
    ]);
    expect(reviewsDue(plans, "2026-11-24", 29).map((row) => row.planId)).toContain("PLAN-0002");
    expect(reviewsDue(plans, "2026-11-24", 0).map((row) => row.planId)).toEqual([
      "PLAN-0007",
      "PLAN-0003",
      "PLAN-0004",
    ]);
  });

  it("says when in words", () => {
    expect([reviewWhen(-1), reviewWhen(-23), reviewWhen(0), reviewWhen(1), reviewWhen(28)]).toEqual([
      "overdue by 1 day",
      "overdue by 23 days",
      "due today",
      "due in 1 day",
      "due in 28 days",
    ]);
  });
});
