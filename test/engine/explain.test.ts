import { BudgetOptions, Decimal, deriveBudget, explainBudget, parsePriceTable, PersonCells } from "../../src/engine";
import { bandTable, categoryTable } from "../fixtures";

const explain = (table: unknown, person: PersonCells, options: Partial<BudgetOptions> = {}) => {
  const chosen = { period: "annual", method: "marginal", weeksInYear: new Decimal(52), ...options };
  return explainBudget(deriveBudget(parsePriceTable(table), person, chosen as BudgetOptions));
};

describe("RAS explanation", () => {
  it("names the care group, each band with its points and rate, and ends with the result", () => {
    expect(explain(bandTable, { points: 45, careGroup: "older people" })).toBe(
      "Care group: Older people. Price points in bands (marginal method), 45 points: " +
        "20 points × £50.00 (band 0–20) = £1,000.00; 20 points × £80.00 (band 20–40) = £1,600.00; " +
        "5 points × £120.00 (band from 40) = £600.00; total £3,200.00 a year. No reduction. " +
        "Indicative budget a year: £3,200.00",
    );
  });

  it("shows the reduction and the weekly conversion with the exact figure before rounding", () => {
    expect(explain(bandTable, { points: 45, careGroup: "Older people", reduction: 0.1 }, { period: "weekly" })).toMatch(
      /Less a 10% reduction: £3,200\.00 × 90% = £2,880\.00\. Weekly: £2,880\.00 ÷ 52 = £55\.384615…, rounded to the penny\. Indicative budget a week: £55\.38$/,
    );
  });

  it("divides by the weeks in a year it is given (26 §4)", () => {
    const person = { points: 45, careGroup: "Older people", reduction: 0.1 };
    expect(explain(bandTable, person, { period: "weekly", weeksInYear: new Decimal(50) })).toMatch(
      /Weekly: £2,880\.00 ÷ 50 = £57\.60\. Indicative budget a week: £57\.60$/,
    );
    expect(explain(bandTable, person, { period: "weekly", weeksInYear: new Decimal("52.143") })).toMatch(
      /Weekly: £2,880\.00 ÷ 52\.143 = £55\.232725…, rounded to the penny\. Indicative budget a week: £55\.23$/,
    );
  });

  it("explains the band and step methods and points below the first band", () => {
    expect(explain(bandTable, { points: 45, careGroup: "Older people" }, { method: "band" })).toContain(
      "Price points in bands (band method): 45 points fall in the band from 40, all at its rate: 45 points × " +
        "£120.00 (band from 40) = £5,400.00 a year.",
    );
    const steps = [
      ["Points", "Budget"],
      [10, 1000],
      [20, 2500],
    ];
    expect(explain(steps, { points: 12 }, { method: "step" })).toBe(
      "Price points in bands (step method): 12 points fall in the band 10–20, which gives £1,000.00 a year. No " +
        "reduction. Indicative budget a year: £1,000.00",
    );
    expect(explain(steps, { points: 4 })).toBe(
      "Price points in bands (marginal method): 4 points are below the first band (from 10) and earn nothing, " +
        "so £0.00 a year. No reduction. Indicative budget a year: £0.00",
    );
    expect(explain(steps, { points: 25 })).toContain(
      "25 points (the first 10 earn nothing): 10 points × £1,000.00 (band 10–20)",
    );
  });

  it("explains linear and category tables, and shows fractions of a penny in the steps", () => {
    expect(explain(1.234, { points: 1000 })).toBe(
      "Straight-line RAS, the same £ per point for everyone: 1,000 points × £1.234 = £1,234.00 a year. No " +
        "reduction. Indicative budget a year: £1,234.00",
    );
    expect(explain(categoryTable, { points: "Enhanced", careGroup: "Older people" })).toBe(
      "Care group: Older people. Outcomes-based RAS: category Enhanced gives £15,600.00 a year. No reduction. " +
        "Indicative budget a year: £15,600.00",
    );
    expect(explain(2.01, { points: 1, reduction: 0.5 })).toContain(
      "£2.01 × 50% = £1.005. Indicative budget a year: £1.01",
    );
  });
});

describe("RAS explanation at a band's bound and for one point", () => {
  it("shows no step of 0 points when the points are exactly on a bound (marginal method)", () => {
    expect(explain(bandTable, { points: 20, careGroup: "Older people" })).toBe(
      "Care group: Older people. Price points in bands (marginal method), 20 points: 20 points × £50.00 (band 0–20) " +
        "= £1,000.00 a year. No reduction. Indicative budget a year: £1,000.00",
    );
    expect(explain(bandTable, { points: 40, careGroup: "Older people" })).toBe(
      "Care group: Older people. Price points in bands (marginal method), 40 points: 20 points × £50.00 (band 0–20) " +
        "= £1,000.00; 20 points × £80.00 (band 20–40) = £1,600.00; total £2,600.00 a year. No reduction. " +
        "Indicative budget a year: £2,600.00",
    );
  });

  it("moves up a band exactly at its bound by the band and step (fixed) methods", () => {
    expect(explain(bandTable, { points: 20, careGroup: "Older people" }, { method: "band" })).toBe(
      "Care group: Older people. Price points in bands (band method): 20 points fall in the band 20–40, all at its " +
        "rate: 20 points × £80.00 (band 20–40) = £1,600.00 a year. No reduction. Indicative budget a year: £1,600.00",
    );
    expect(explain(bandTable, { points: 20, careGroup: "Older people" }, { method: "step" })).toBe(
      "Care group: Older people. Price points in bands (step method): 20 points fall in the band 20–40, which gives " +
        "£80.00 a year. No reduction. Indicative budget a year: £80.00",
    );
    expect(explain(bandTable, { points: 19.99, careGroup: "Older people" }, { method: "step" })).toContain(
      "19.99 points fall in the band 0–20, which gives £50.00 a year.",
    );
  });

  it("says 1 point, in the singular, by every method and table", () => {
    expect(explain(bandTable, { points: 1, careGroup: "Older people" })).toContain(
      "(marginal method), 1 point: 1 point × £50.00 (band 0–20) = £50.00 a year.",
    );
    expect(explain(bandTable, { points: 1, careGroup: "Older people" }, { method: "band" })).toContain(
      "(band method): 1 point falls in the band 0–20, all at its rate: 1 point × £50.00 (band 0–20) = £50.00 a year.",
    );
    expect(explain(bandTable, { points: 1, careGroup: "Older people" }, { method: "step" })).toContain(
      "(step method): 1 point falls in the band 0–20, which gives £50.00 a year.",
    );
    const fromTen = [
      ["Points", "Budget"],
      [10, 1000],
    ];
    expect(explain(fromTen, { points: 1 })).toBe(
      "Price points in bands (marginal method): 1 point is below the first band (from 10) and earns nothing, so " +
        "£0.00 a year. No reduction. Indicative budget a year: £0.00",
    );
    expect(explain(1.234, { points: 1 })).toBe(
      "Straight-line RAS, the same £ per point for everyone: 1 point × £1.234 = £1.234 a year. No reduction. " +
        "Indicative budget a year: £1.23",
    );
    expect(explain(1.234, { points: 1.5 })).toContain("1.5 points × £1.234 = £1.851 a year.");
  });
});
