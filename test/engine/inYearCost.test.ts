import fc from "fast-check";
import { daysInCommon, Decimal, inYearCost, readDateSpan, serialFromIso } from "../../src/engine";
import { failure } from "../support/failure";

const day = serialFromIso;
// The financial year 2026/27: 1 April 2026 to 31 March 2027, 365 days (February 2027 has 28).
const year2026 = readDateSpan("2026-04-01", "2027-03-31");
const cost = (annual: number | string, start: string, end: string | null, period = year2026) =>
  inYearCost(new Decimal(annual), day(start), end === null ? null : day(end), period).toNumber();

describe("in-year cost", () => {
  it("gives exactly the annual amount for a whole 365-day year", () => {
    expect(cost(36_500, "2025-06-01", null)).toBe(36_500); // ongoing since before the year
    expect(cost(12_345.67, "2026-04-01", "2027-03-31")).toBe(12_345.67);
    expect(cost(12_345.67, "2020-01-01", "2030-12-31")).toBe(12_345.67);
  });

  it("counts the days both ends included, from the later start to the earlier end", () => {
    // 1 October to 31 March: 31 + 30 + 31 + 31 + 28 + 31 = 182 days; 36,500 × 182 ÷ 365 = 18,200
    expect(cost(36_500, "2026-10-01", null)).toBe(18_200);
    // 15 May to 14 June: 17 + 14 = 31 days; 10,000 × 31 ÷ 365 = 849.3150… → 849.32
    expect(cost(10_000, "2026-05-15", "2026-06-14")).toBe(849.32);
    // April: 30 days; 1,000 × 30 ÷ 365 = 82.1917… → 82.19
    expect(cost(1_000, "2026-03-01", "2026-04-30")).toBe(82.19);
    // One day, start = end: 365 × 1 ÷ 365 = 1
    expect(cost(365, "2026-07-04", "2026-07-04")).toBe(1);
    // Ends on the year's first day: 1 day; 730 × 1 ÷ 365 = 2
    expect(cost(730, "2025-04-01", "2026-04-01")).toBe(2);
  });

  it("is 0 when the cost and the period do not meet", () => {
    expect(cost(36_500, "2025-04-01", "2026-03-31")).toBe(0); // ended the day before
    expect(cost(36_500, "2027-04-01", null)).toBe(0); // starts the day after
  });

  it("spreads over 365 days even in a leap year: a 366-day year costs 366/365 of the annual amount", () => {
    // 2027/28 holds 29 February 2028: 366 days; 36,500 × 366 ÷ 365 = 36,600
    const year2027 = readDateSpan("2027-04-01", "2028-03-31");
    expect(cost(36_500, "2027-01-01", null, year2027)).toBe(36_600);
    // February 2028 alone: 29 days; 3,650 × 29 ÷ 365 = 290
    expect(cost(3_650, "2028-02-01", "2028-02-29", year2027)).toBe(290);
  });

  it("rounds once, half-up, from the exact amount", () => {
    // 34.675 × 1 ÷ 365 = 0.095 exactly → 0.10 (floating point rounds 34.675 / 365 × 100 down, to 0.09)
    expect(Math.round((34.675 / 365) * 100) / 100).toBe(0.09);
    expect(cost(34.675, "2026-06-01", "2026-06-01")).toBe(0.1);
    // 0.1 + 0.2: 0.3 × 365 ÷ 365 = 0.3
    expect(cost(0.3, "2026-04-01", null)).toBe(0.3);
  });

  it("refuses an end before the start and a period that ends before it begins", () => {
    expect(failure(() => cost(100, "2026-04-01", "2026-03-31")).message).toBe(
      "End (2026-03-31) is before Start (2026-04-01): give the cost's last day",
    );
    const backwards = failure(() => readDateSpan("2027-03-31", "2026-04-01"));
    expect([backwards.kind, backwards.message]).toEqual([
      "invalid",
      "To (2026-04-01) is before From (2027-03-31): give the period's last day",
    ]);
    expect(failure(() => readDateSpan("", "2026-04-01")).message).toBe("From is blank: give a date");
    expect(failure(() => readDateSpan("2026-04-01", "31/03/2027")).message).toMatch(/^To: expected a date/);
  });
});

describe("in-year cost: properties", () => {
  const FIRST = day("2020-01-01");
  const serial = fc.integer({ min: FIRST, max: FIRST + 3_000 });
  const annual = fc.integer({ min: 0, max: 10_000_000 }).map((pence) => pence / 100);

  it("a whole 365-day window gives exactly the annual amount", () => {
    fc.assert(
      fc.property(annual, serial, fc.integer({ min: 0, max: 400 }), (amount, from, before) => {
        const period = { from, to: from + 364 };
        return inYearCost(new Decimal(amount), from - before, null, period).toNumber() === amount;
      }),
    );
  });

  it("consecutive periods add up to the whole within the pennies of rounding", () => {
    fc.assert(
      fc.property(
        annual,
        serial,
        fc.option(serial, { nil: null }),
        serial,
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }),
        (amount, start, end, from, lengths) => {
          const last = end === null ? null : Math.max(start, end);
          const parts: { from: number; to: number }[] = [];
          let next = from;
          for (const length of lengths) parts.push({ from: next, to: (next += length) - 1 });
          const whole = { from, to: next - 1 };
          const costOf = (period: { from: number; to: number }) =>
            Math.round(inYearCost(new Decimal(amount), start, last, period).toNumber() * 100);
          const sum = parts.reduce((total, part) => total + costOf(part), 0);
          // Days add up exactly; each of the parts and the whole is rounded once, by half a penny at most.
          const days = parts.reduce((total, part) => total + daysInCommon(start, last, part), 0);
          return days === daysInCommon(start, last, whole) && Math.abs(sum - costOf(whole)) <= (parts.length + 1) / 2;
        },
      ),
    );
  });
});
