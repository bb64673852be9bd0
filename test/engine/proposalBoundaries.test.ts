// A proposed price change at its edges: a band number just outside the table, a bound moved to where it is, a
// price left where it was, a price pushed below £0 in a table for everyone. Each refusal word for word.
import { Decimal, proposePriceTable } from "../../src/engine";
import { failure } from "../support/failure";

const table = [
  ["Points from", "Older people", "Mental health"],
  [0, 150, 0],
  [20, 200, 190],
  [40, 260, 240],
];

describe("moving a lower bound", () => {
  const move = (band: number, to: number) => proposePriceTable(table, { kind: "moveBound", band, to: new Decimal(to) });

  it("refuses a band before the first, after the last, or between two, naming the bands there are", () => {
    for (const band of [-1, 3, 1.5]) {
      expect(failure(() => move(band, 25)).message).toBe(
        `The price table has bands 1 to 3; there is no band ${band + 1}`,
      );
    }
  });

  it("changes nothing when the bound is moved to where it is", () => {
    expect(move(1, 20).changed).toEqual([]);
    expect(move(1, 20).grid).toEqual(table);
  });

  it("moves the first and the last bound as far as the next one, not onto it", () => {
    expect(move(0, 19.99).changed.map((cell) => [cell.from.toString(), cell.to.toString()])).toEqual([["0", "19.99"]]);
    expect(move(2, 20.01).changed.map((cell) => [cell.from.toString(), cell.to.toString()])).toEqual([["40", "20.01"]]);
    expect(failure(() => move(0, 20)).message).toBe(
      "The lower bound of the band from 0 points must stay below 20 points, between the bands beside it; got 20",
    );
    expect(failure(() => move(2, 20)).message).toBe(
      "The lower bound of the band from 40 points must stay above 20 points, between the bands beside it; got 20",
    );
  });
});

describe("changing prices", () => {
  it("lists only the prices that change: a £0 price stays £0 by any percentage", () => {
    const proposal = proposePriceTable(table, {
      kind: "percent",
      percent: new Decimal(10),
      careGroup: "Mental health",
    });
    // 190 × 1.1 = 209; 240 × 1.1 = 264; 0 × 1.1 = 0 is no change.
    expect(proposal.changed.map((cell) => [cell.band, cell.to.toString()])).toEqual([
      ["band from 20 points", "209"],
      ["band from 40 points", "264"],
    ]);
  });

  it("names the care group of a price pushed below £0 only where the table has several", () => {
    const everyone = [
      ["Points from", "£"],
      [0, 150],
      [20, 10],
    ];
    const perPoint = (grid: typeof table, amount: number) =>
      failure(() => proposePriceTable(grid, { kind: "perPoint", amount: new Decimal(amount), careGroup: null }))
        .message;
    expect(perPoint(everyone, -10.01)).toBe(
      "The change would make band from 20 points £-0.01: a price cannot be below £0",
    );
    expect(perPoint(table, -0.01)).toBe(
      "The change would make Mental health, band from 0 points £-0.01: a price cannot be below £0",
    );
  });
});
