// The commitment's dates on both sides of each limit: a plan ending on the as-at date, or the day before; one-off
// items of a plan starting on the first or the last day of the rest of the year, or a day outside; the notes'
// wording for one plan and for several; services with equal totals; forecast rates typed with a % sign.
import {
  commitment,
  commitmentNotes,
  commitmentPeriod,
  Decimal,
  distinctPeople,
  leftOutReason,
  LineRecord,
  PlanRecord,
  planStanding,
  readForecastRate,
  serialFromIso,
  spendByService,
} from "../../src/engine";

const day = serialFromIso;
const money = (value: Decimal | null) => (value === null ? null : value.toFixed(2));

/** A plan of 3,650 a year paid as a direct payment, with 100 of one-off items. */
function plan(planId: string, status: string, start: string, end: string | null, careGroup = "Older people") {
  const record: PlanRecord = {
    planId,
    personId: `P-${planId}`,
    careGroup,
    status,
    start: day(start),
    end: end === null ? null : day(end),
    managed: {
      "Direct payment": new Decimal(3650),
      "Council-managed": new Decimal(0),
      "Individual Service Fund": new Decimal(0),
    },
    oneOff: new Decimal(100),
    indicativeAnnual: new Decimal(3750),
    annual: new Decimal(3750),
  };
  return record;
}

// As at 1 October 2026 in 2026/27: the rest of the year is 1 October 2026 to 31 March 2027, 182 days.
const period = commitmentPeriod(day("2026-10-01"), day("2026-04-01"));
const all = (plans: PlanRecord[]) => commitment(plans, [], [], period).rows.at(-1)!;

describe("a plan at the as-at date", () => {
  it("is in force when it ends on the as-at date, and not when it ended the day before", () => {
    expect([
      planStanding(plan("PLAN-1", "Agreed", "2026-04-01", "2026-10-01"), period),
      planStanding(plan("PLAN-1", "Agreed", "2026-04-01", "2026-09-30"), period),
      planStanding(plan("PLAN-1", "Draft", "2026-04-01", "2026-10-01"), period),
      planStanding(plan("PLAN-1", "Draft", "2026-04-01", "2026-09-30"), period),
    ]).toEqual(["committed", "none", "pipeline", "none"]);
    const endsOnTheDay = all([plan("PLAN-1", "Agreed", "2026-04-01", "2026-10-01")]);
    // 3,650 a year in full; in the year, the as-at date itself: 3,650 × 1 ÷ 365 = 10.00.
    expect([money(endsOnTheDay.fullYear.total), endsOnTheDay.people.total, money(endsOnTheDay.inYear.total)]).toEqual([
      "3750.00",
      1,
      "10.00",
    ]);
    const endedTheDayBefore = all([plan("PLAN-1", "Agreed", "2026-04-01", "2026-09-30")]);
    expect([money(endedTheDayBefore.fullYear.total), endedTheDayBefore.people.total]).toEqual(["0.00", 0]);
  });
});

describe("a plan at the year's last day", () => {
  it("is committed when it starts on 31 March, and starting later from 1 April; a Draft then is in no figure", () => {
    const standing = (status: string, start: string) => planStanding(plan("PLAN-1", status, start, null), period);
    expect([standing("Agreed", "2027-03-31"), standing("Agreed", "2027-04-01")]).toEqual([
      "committed",
      "startingLater",
    ]);
    expect([standing("Draft", "2027-03-31"), standing("Draft", "2027-04-01")]).toEqual(["pipeline", "none"]);
    const later = commitment([plan("PLAN-1", "Agreed", "2027-04-01", null)], [], [], period);
    expect([later.startingLater.at(-1)!.people, money(later.startingLater.at(-1)!.fullYear)]).toEqual([1, "3750.00"]);
    expect(money(later.rows.at(-1)!.fullYear.total)).toBe("0.00");
  });
});

describe("one-off items in the in-year commitment", () => {
  // Ongoing plans; the recurring 3,650 a year falls in from the later of its start and 1 October.
  const inYear = (start: string) => {
    const row = all([plan("PLAN-1", "Agreed", start, null)]);
    return [money(row.inYear["One-off items"]), money(row.inYear.total)];
  };

  it("count in full when the plan starts on the first or the last day of the rest of the year", () => {
    expect(inYear("2026-10-01")).toEqual(["100.00", "1920.00"]); // 3,650 × 182 ÷ 365 = 1,820, + 100
    expect(inYear("2027-03-31")).toEqual(["100.00", "110.00"]); // 3,650 × 1 ÷ 365 = 10, + 100
  });

  it("do not count for a plan starting the day before (bought already) or the day after the year", () => {
    expect(inYear("2026-09-30")).toEqual(["0.00", "1820.00"]);
    expect(inYear("2027-04-01")).toEqual(["0.00", "0.00"]);
  });
});

describe("the notes beside the figures", () => {
  it("names a plan of another status still in force, in the singular, and leaves out one that has ended", () => {
    const plans = [
      plan("PLAN-1", "Closed", "2026-04-01", "2026-10-01"), // ends on the as-at date: in force
      plan("PLAN-2", "Withdrawn", "2026-04-01", "2026-09-30"), // ended the day before
      plan("PLAN-3", "Draft", "2026-04-01", "2026-09-30"), // ended: not in the pipeline either
    ];
    expect(commitmentNotes(plans, period)).toEqual([
      "PLAN-1 (Closed) has neither an Agreed nor a pipeline status, so it is in neither figure.",
    ]);
  });

  it("names several in the plural, a blank status as none", () => {
    const plans = [plan("PLAN-1", "Closed", "2026-04-01", null), plan("PLAN-2", "", "2026-04-01", null)];
    expect(commitmentNotes(plans, period)).toEqual([
      "PLAN-1 (Closed), PLAN-2 (no status) have neither an Agreed nor a pipeline status, so they are in neither " +
        "figure.",
    ]);
  });

  it("asks for one plan or each of several whose parts do not add up to be saved again", () => {
    // 3,650 + 100 = 3,750: a plan cost of 3,750.03 is 3p out, beyond the 2.5p of rounding; 3,750.02 is within it.
    const out = (planId: string, annual: string) => ({
      ...plan(planId, "Agreed", "2026-04-01", null),
      annual: new Decimal(annual),
    });
    const note = (ids: string, which: string) =>
      `In ${ids}, the amounts by way of managing and the one-off items do not add up to the plan cost (an earlier ` +
      `version counted one-off items in both): open and save ${which} again.`;
    expect(commitmentNotes([out("PLAN-1", "3750.03"), out("PLAN-2", "3750.02")], period)).toEqual([
      note("PLAN-1", "it"),
    ]);
    expect(commitmentNotes([out("PLAN-1", "3750.03"), out("PLAN-2", "3749.97")], period)).toEqual([
      note("PLAN-1, PLAN-2", "each"),
    ]);
  });
});

describe("spending by service", () => {
  it("lists services with equal totals in the order given, after larger ones", () => {
    const line = (service: string, annualCost: number): LineRecord => ({
      planId: "PLAN-1",
      service,
      managedAs: "Direct payment",
      annualCost: new Decimal(annualCost),
    });
    const lines = [line("Meals", 500), line("Day centre", 500), line("Taxis", 800), line("Laundry", 500)];
    const { services } = spendByService(
      lines,
      [plan("PLAN-1", "Agreed", "2026-04-01", null)],
      ["Laundry", "Meals", "Taxis", "Day centre"],
      period,
    );
    expect(services.map((spend) => [spend.service, money(spend.total)])).toEqual([
      ["Taxis", "800.00"],
      ["Laundry", "500.00"],
      ["Meals", "500.00"],
      ["Day centre", "500.00"],
    ]);
  });
});

describe("a forecast rate typed with a % sign", () => {
  it("reads the sign at the end, with or without a space before it", () => {
    expect(["2.5%", "2.5 %", "-1%", " 3  %  "].map((typed) => readForecastRate(typed, "Growth").toString())).toEqual([
      "0.025",
      "0.025",
      "-0.01",
      "0.03",
    ]);
  });

  it("refuses a % sign anywhere else", () => {
    for (const typed of ["%2", "2%5", "2%%"]) {
      expect(() => readForecastRate(typed, "Growth")).toThrow(
        `Growth: expected a percentage a year, such as 2.5 or -1; got "${typed}"`,
      );
    }
  });
});

describe("a plan left out of every figure", () => {
  it("is one ending before it starts, not one ending the day it starts; one that cannot be read says why", () => {
    const oneDay = plan("PLAN-1", "Agreed", "2026-10-05", "2026-10-05");
    expect(leftOutReason(oneDay)).toBeNull();
    expect(all([oneDay]).inYear.total.toFixed(2)).toBe("110.00"); // 3,650 × 1 ÷ 365 = 10, + 100 one-off
    expect(leftOutReason(plan("PLAN-1", "Agreed", "2026-10-05", "2026-10-04"))).toBe(
      "it ends (2026-10-04) before it starts (2026-10-05)",
    );
    // A row that could not be read says so, whatever dates it has.
    const unreadable = { ...plan("PLAN-1", "Agreed", "2026-04-01", null), unreadable: "Plan cost: not an amount" };
    expect(leftOutReason(unreadable)).toBe("Plan cost: not an amount");
  });

  it("is not named again among plans of another status", () => {
    const noStart = { ...plan("PLAN-1", "Closed", "2026-04-01", null), start: null };
    expect(commitmentNotes([noStart], period)).toEqual([]);
  });

  it("of another status is named while it starts by the year's last day, and not from the day after", () => {
    expect(commitmentNotes([plan("PLAN-1", "Closed", "2027-03-31", null)], period)).toEqual([
      "PLAN-1 (Closed) has neither an Agreed nor a pipeline status, so it is in neither figure.",
    ]);
    expect(commitmentNotes([plan("PLAN-1", "Closed", "2027-04-01", null)], period)).toEqual([]);
  });
});

describe("people counted once", () => {
  it("compare Person IDs ignoring case, as COUNTIFS does", () => {
    expect(distinctPeople([{ personId: "p001" }, { personId: "P001" }, { personId: "P002" }])).toBe(2);
  });
});
