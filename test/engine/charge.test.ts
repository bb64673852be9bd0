// The person's charge (issue 26 §5): they pay the smaller of the plan's cost and their charge over the same period,
// the council the rest. Hand-worked figures, Essex's published example, and the rule's invariants.
import fc from "fast-check";
import {
  annualCharge,
  chargeSplit,
  contribution,
  councilCost,
  Decimal,
  planCharge,
  readWeeklyCharge,
  toPence,
} from "../../src/engine";
import { failure } from "../support/failure";

const d = (value: string | number) => new Decimal(value);
const pounds = (amount: Decimal) => amount.toFixed(2);

describe("the person's charge", () => {
  it("Essex's example: £23.92 a week of care, a charge of £56.20 a week: the person pays £23.92, council £0", () => {
    expect(pounds(contribution(d("23.92"), d("56.20")))).toBe("23.92");
    expect(pounds(councilCost(d("23.92"), d("56.20")))).toBe("0.00");
  });

  it("a charge below the cost: the person pays the charge, the council the rest", () => {
    // £100 a week of care, £30 a week charge: £30 and £70.
    expect(chargeSplit(d(100), d(30))).toEqual({ gross: d(100), contribution: d(30), council: d(70) });
    // A charge equal to the cost: the council pays nothing; no charge: it pays it all.
    expect(pounds(councilCost(d("23.92"), d("23.92")))).toBe("0.00");
    expect(pounds(councilCost(d("23.92"), d(0)))).toBe("23.92");
  });

  it("over a year the charge counts the same weeks as the plan's weekly lines: 52, 52.143 or 50", () => {
    // £30 a week: £1,560, £1,564.29 and £1,500 a year; against a plan of £5,200 a year the council pays the rest.
    expect(pounds(annualCharge(d(30), d(52)))).toBe("1560.00");
    expect(annualCharge(d(30), d("52.143")).toString()).toBe("1564.29");
    expect(pounds(annualCharge(d(30), d(50)))).toBe("1500.00");
    expect(pounds(councilCost(d(5200), annualCharge(d(30), d(52))))).toBe("3640.00");
    // Essex's example a year: £23.92 × 52 = £1,243.84 of care, a charge of £2,922.40: the council pays nothing.
    const care = d("23.92").times(52);
    expect([
      pounds(contribution(care, annualCharge(d("56.20"), d(52)))),
      pounds(councilCost(care, d("2922.40"))),
    ]).toEqual(["1243.84", "0.00"]);
  });

  it("a plan's figures split a year and a week, each rounded to the penny once", () => {
    // £9,775 a year (£187.98 a week at 52) and a charge of £45.50 a week: £2,366 a year, £45.50 a week.
    const split = planCharge({ annual: d(9775), weekly: d("187.98") }, d("45.50"), d(52));
    expect(split.annual).toEqual({ gross: d(9775), contribution: d(2366), council: d(7409) });
    expect(split.weekly).toEqual({ gross: d("187.98"), contribution: d("45.5"), council: d("142.48") });
    // At 52.143 weeks the charge a year is £2,372.5065 → £2,372.51; the council pays £7,402.49.
    const odd = planCharge({ annual: d(9775), weekly: d("187.47") }, d("45.50"), d("52.143"));
    expect([odd.annual.contribution.toString(), odd.annual.council.toString()]).toEqual(["2372.51", "7402.49"]);
    // Essex's example as a plan: £23.92 a week, £1,243.84 a year; a charge of £56.20: the council pays £0.
    const essex = planCharge({ annual: d("1243.84"), weekly: d("23.92") }, d("56.20"), d(52));
    expect([essex.annual.council, essex.weekly.council, essex.weekly.contribution].map(pounds)).toEqual([
      "0.00",
      "0.00",
      "23.92",
    ]);
  });

  it("what the person and the council pay always add up to the cost, neither below £0 (property)", () => {
    const pence = fc.integer({ min: 0, max: 10_000_000 }).map((p) => d(p).div(100));
    fc.assert(
      fc.property(pence, pence, (cost, charge) => {
        const split = chargeSplit(cost, charge);
        return (
          split.contribution.plus(split.council).eq(cost) &&
          split.contribution.gte(0) &&
          split.council.gte(0) &&
          split.contribution.lte(charge) &&
          toPence(split.council).eq(split.council)
        );
      }),
    );
  });

  it("reads a weekly charge: blank is none, £0 an assessed nil charge; bad ones refused with a message", () => {
    expect(readWeeklyCharge("")).toBeNull();
    expect(readWeeklyCharge(null)).toBeNull();
    expect(readWeeklyCharge(0)?.toString()).toBe("0");
    expect(readWeeklyCharge("56.20")?.toString()).toBe("56.2");
    expect(readWeeklyCharge("£1,056.20")?.toString()).toBe("1056.2");
    expect(failure(() => readWeeklyCharge(-1)).message).toBe(
      "Weekly charge: expected an amount in £, 0 or more; got -1",
    );
    expect(failure(() => readWeeklyCharge("lots")).message).toBe(
      'Weekly charge: expected an amount in £, 0 or more; got "lots"',
    );
    expect(failure(() => readWeeklyCharge("56.205")).message).toBe(
      'Weekly charge: pounds and pence only (at most 2 decimal places); got "56.205"',
    );
    expect(failure(() => readWeeklyCharge(100_000.01)).message).toBe(
      "Weekly charge: at most £100,000.00 a week; a larger figure is surely a typing slip",
    );
  });
});
