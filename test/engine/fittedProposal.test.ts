// The fitted table as a proposal: fitted rates replace the current ones, the rest are kept and said why.
import { calibrate, EngineError, proposeFittedTable, readBounds } from "../../src/engine";
import { bandTable, categoryTable } from "../fixtures";

const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as EngineError).message;
  }
  return "no error";
};

describe("proposing the fitted table", () => {
  // Older people's plans made by £55, £88, £132 a point; Mental health has one plan; nobody else has any.
  const members = [
    { points: 10, cost: 550, careGroup: "Older people" },
    { points: 30, cost: 1100 + 880, careGroup: "Older people" },
    { points: 45, cost: 1100 + 1760 + 660, careGroup: "Older people" },
    { points: 25, cost: 1000, careGroup: "Mental health" },
  ];

  it("replaces each fitted rate, keeps the others, and says why", () => {
    const { proposal, kept } = proposeFittedTable(bandTable, calibrate(members, readBounds([0, 20, 40]), true));
    expect(proposal.grid).toEqual([
      ["Points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
      [0, 55, 60, 70, 40],
      [20, 88, 90, 100, 60],
      [40, 132, 130, 150, 90],
    ]);
    expect(
      proposal.changed.map((cell) => [cell.careGroup, cell.band, cell.from.toNumber(), cell.to.toNumber()]),
    ).toEqual([
      ["Older people", "band from 0 points", 50, 55],
      ["Older people", "band from 20 points", 80, 88],
      ["Older people", "band from 40 points", 120, 132],
    ]);
    expect(kept).toEqual([
      {
        careGroup: "Physical disability",
        band: null,
        why: "No Agreed plan is in Physical disability, so its rates are kept",
      },
      {
        careGroup: "Learning disability",
        band: null,
        why: "No Agreed plan is in Learning disability, so its rates are kept",
      },
      {
        careGroup: "Mental health",
        band: null,
        why: "Mental health has only 1 person whose points and cost can be used: fitting price points needs at least 2",
      },
    ]);
    expect(proposal.table.kind).toBe("bands");
  });

  it("leaves a rate the fit matches as it is, and keeps a band nobody reaches, saying why", () => {
    // £50 a point to 20 (as now), £88 above (now £80); nobody has 40 points or more.
    const upTo40 = [
      { points: 10, cost: 500, careGroup: "Older people" },
      { points: 30, cost: 1000 + 880, careGroup: "Older people" },
      { points: 35, cost: 1000 + 1320, careGroup: "Older people" },
    ];
    const { proposal, kept } = proposeFittedTable(bandTable, calibrate(upTo40, readBounds([0, 20, 40]), true));
    expect(
      proposal.changed.map((cell) => [cell.careGroup, cell.band, cell.from.toNumber(), cell.to.toNumber()]),
    ).toEqual([["Older people", "band from 20 points", 80, 88]]);
    expect(kept[0]).toEqual({
      careGroup: "Older people",
      band: "band from 40 points",
      why: "Band from 40 points: nobody in Older people scores above 40 points, so its rate cannot be fitted",
    });
  });

  it("keeps a blank price blank, takes the fit for everyone into a one-column table, and refuses other tables", () => {
    const oneColumn = [
      ["Points from", "£"],
      [0, 50],
      [20, "-"],
    ];
    const { proposal, kept } = proposeFittedTable(oneColumn, calibrate(members, readBounds([0, 20]), false));
    expect(proposal.grid[2][1]).toBe("-");
    // Everyone on bounds 0 and 20: x = (10, 0), (20, 10), (20, 25), (20, 5) against 550, 1,980, 3,520, 1,000.
    // A = [[1,300, 800], [800, 750]], v = (135,500, 112,800), det 335,000: r₀ = 11,385,000 ÷ 335,000 = 33.985…
    // (both rates above 0, so the unconstrained optimum): £33.99 a point.
    expect(proposal.grid[1][1]).toBe(33.99);
    expect(kept).toEqual([]);
    expect(message(() => proposeFittedTable(categoryTable, calibrate(members, readBounds([0]), true)))).toBe(
      "Fitting price points needs a table of points bands; this price table is not one",
    );
    expect(message(() => proposeFittedTable(bandTable, calibrate(members, readBounds([0, 20]), true)))).toBe(
      "The fitted table's bands are not the price table's: fit with the price table's lower bounds",
    );
    // As many bands, one bound not the table's.
    expect(message(() => proposeFittedTable(bandTable, calibrate(members, readBounds([0, 20, 45]), true)))).toBe(
      "The fitted table's bands are not the price table's: fit with the price table's lower bounds",
    );
  });
});
