// What the what-if's charts plot, worked by hand: the distribution of £ changes (band widths rounded up to £10,
// each band's edges on both sides) and the RAS curves (0, every bound of either table and the end; null where a
// band has no value).
import { changeDistribution, parsePriceTable, rasCurves, Repricing } from "../../src/engine";
import { categoryTable } from "../fixtures";

const TOTALS = {
  careGroup: "Total",
  people: 0,
  current: 0,
  proposed: 0,
  change: 0,
  changeFraction: null,
  betterOff: 0,
  worseOff: 0,
  unchanged: 0,
};
/** Each person's current and proposed budget in £ (NaN: not priced); only these figures are charted. */
const repricing = (people: [number, number][]): Repricing => ({
  current: Float64Array.from(people.map(([current]) => current)),
  proposed: Float64Array.from(people.map(([, proposed]) => proposed)),
  problems: new Map(),
  byCareGroup: [],
  total: TOTALS,
});

describe("the distribution of changes", () => {
  it("counts a change of exactly one width in the smaller band, a penny more in the next, and no change apart", () => {
    // The largest change is £10.01: ÷ 5 bands = £2.00, rounded up to £10 (at least £10).
    const { width, bands } = changeDistribution(
      repricing([
        [100, 100],
        [100, 110],
        [100, 110.01],
        [100, 90],
        [100, 89.99],
        [NaN, 500], // not priced: not counted
        [100.004, 100.001], // the same to the penny
      ]),
    );
    expect(width).toBe(10);
    expect(bands).toEqual([
      { label: "Lose £40–50", people: 0 },
      { label: "Lose £30–40", people: 0 },
      { label: "Lose £20–30", people: 0 },
      { label: "Lose £10–20", people: 1 },
      { label: "Lose up to £10", people: 1 },
      { label: "No change", people: 2 },
      { label: "Gain up to £10", people: 1 },
      { label: "Gain £10–20", people: 1 },
      { label: "Gain £20–30", people: 0 },
      { label: "Gain £30–40", people: 0 },
      { label: "Gain £40–50", people: 0 },
    ]);
  });

  it("makes each band the largest change ÷ 5, rounded up to the next £10", () => {
    const widthFor = (largest: number) => changeDistribution(repricing([[1000, 1000 - largest]])).width;
    // £500 ÷ 5 = £100 exactly; £500.01 ÷ 5 = £100.002, up to £110; £1,234 ÷ 5 = £246.80, up to £250.
    expect([widthFor(500), widthFor(500.01), widthFor(1234), widthFor(0)]).toEqual([100, 110, 250, 10]);
    const { bands } = changeDistribution(repricing([[2000, 766]]));
    expect(bands[0]).toEqual({ label: "Lose £1000–1250", people: 1 });
  });
});

describe("the RAS curves", () => {
  const current = parsePriceTable([
    ["Points from", "A", "B"],
    [0, 10, 10],
    [20, 20, "-"],
  ]);
  const proposed = parsePriceTable([
    ["Points from", "A", "B"],
    [0, 10, 10],
    [30, 25, 25],
  ]);

  it("plots 0, every bound of either table and the end, marginal budgets, null where a band has no value", () => {
    // A now: 20 → 20 × 10 = 200; 30 → 200 + 10 × 20 = 400; 40 → 200 + 20 × 20 = 600.
    // A proposed: 20 → 200; 30 → 300; 40 → 300 + 10 × 25 = 550. B now has no value from 20: null above it.
    expect(rasCurves(current, proposed, 40)).toEqual({
      points: [0, 20, 30, 40],
      curves: [
        { careGroup: "A", current: [0, 200, 400, 600], proposed: [0, 200, 300, 550] },
        { careGroup: "B", current: [0, 200, null, null], proposed: [0, 200, 300, 550] },
      ],
    });
    // The highest points below the last bound: the curves end at the bound.
    expect(rasCurves(current, proposed, 25)!.points).toEqual([0, 20, 30]);
    // The points in order whichever table's bounds come first.
    expect(rasCurves(proposed, current, 25)!.points).toEqual([0, 20, 30]);
  });

  it("has no curve for a category table", () => {
    expect(rasCurves(parsePriceTable(categoryTable), proposed, 40)).toBeNull();
    expect(rasCurves(current, parsePriceTable(categoryTable), 40)).toBeNull();
  });
});
