// The engine's refusals that no other test reads word for word: each message as the user sees it, its kind
// (#VALUE! is "invalid", #N/A is "notFound"), and the value on each side of the rule's boundary.
import {
  commitmentPeriod,
  Decimal,
  indicativeBudget,
  parsePriceTable,
  proposePriceTable,
  readBudgetOptions,
  readGrid,
  readThresholds,
  readTolerance,
  serialFromIso,
} from "../../src/engine";
import { bandTable, categoryTable } from "../fixtures";
import { failure } from "../support/failure";

const said = (run: () => unknown) => {
  const { kind, message } = failure(run);
  return { kind, message };
};
const options = readBudgetOptions(null, null, null);

describe("price tables", () => {
  it("names the row with amounts but no lower bound or category", () => {
    const table = [bandTable[0], bandTable[1], ["", 80, 90, 100, 60]];
    expect(said(() => parsePriceTable(table))).toEqual({
      kind: "invalid",
      message: "Price table row 3 has amounts but no points lower bound or category name in its first column",
    });
  });

  it("refuses a first column mixing lower bounds and category names, naming a row of each", () => {
    const table = [bandTable[0], bandTable[1], ["Basic", 80, 90, 100, 60]];
    expect(said(() => parsePriceTable(table))).toEqual({
      kind: "invalid",
      message:
        "The price table's first column mixes numbers (row 2) and names (row 3): use points lower bounds for a " +
        "band table or category names for a category table, not both",
    });
  });

  it("refuses a category listed twice, and a care group named twice or not at all", () => {
    expect(said(() => parsePriceTable([...categoryTable, ["standard", 1, 2]]))).toEqual({
      kind: "invalid",
      message: 'The price table has category "standard" twice (rows 3 and 5)',
    });
    expect(
      said(() =>
        parsePriceTable([
          ["Points from", "Older people", "older people"],
          [0, 50, 60],
        ]),
      ),
    ).toEqual({
      kind: "invalid",
      message: 'The price table\'s header has care group "older people" twice (columns 2 and 3)',
    });
    expect(
      said(() =>
        parsePriceTable([
          ["Points from", "Older people", ""],
          [0, 50, 60],
        ]),
      ),
    ).toEqual({
      kind: "invalid",
      message: "The price table's header row has no care group name in column 3",
    });
  });

  it("asks for a care group when the table has a column per group, and a category when none is given", () => {
    expect(said(() => indicativeBudget(parsePriceTable(bandTable), { points: 10, careGroup: "" }, options))).toEqual({
      kind: "notFound",
      message:
        "The price table has a column per care group (Older people, Physical disability, Learning disability, " +
        "Mental health); give the person's care group",
    });
    const categories = parsePriceTable(categoryTable);
    expect(said(() => indicativeBudget(categories, { points: "", careGroup: "Older people" }, options))).toEqual({
      kind: "notFound",
      message: "No category given: give the person's category (such as Basic, Standard or Enhanced)",
    });
  });
});

describe("proposals", () => {
  const move = (band: number, to: string) => () =>
    proposePriceTable(bandTable, { kind: "moveBound", band, to: new Decimal(to) });

  it("keeps a moved lower bound strictly between the bands beside it", () => {
    // The band from 20 points sits between 0 and 40: 0.01 and 39.99 are fine, 0 and 40 are not.
    expect(move(1, "0.01")().changed).toHaveLength(1);
    expect(move(1, "39.99")().changed).toHaveLength(1);
    expect(said(move(1, "40"))).toEqual({
      kind: "invalid",
      message:
        "The lower bound of the band from 20 points must stay above 0 and below 40 points, between the bands " +
        "beside it; got 40",
    });
    expect(said(move(1, "0")).message).toBe(
      "The lower bound of the band from 20 points must stay above 0 and below 40 points, between the bands " +
        "beside it; got 0",
    );
    // The top band has no band above it.
    expect(said(move(2, "20")).message).toBe(
      "The lower bound of the band from 40 points must stay above 20 points, between the bands beside it; got 20",
    );
    expect(said(move(3, "50"))).toEqual({
      kind: "invalid",
      message: "The price table has bands 1 to 3; there is no band 4",
    });
    expect(said(move(0, "-1")).message).toBe("A lower bound must be 0 points or more; got -1");
  });

  it("refuses a proposal of a single £-per-point number, and £ a point on a category table", () => {
    expect(said(() => proposePriceTable([[120]], { kind: "copy" }))).toEqual({
      kind: "invalid",
      message: "The price table is a single £-per-point number: a proposal needs a table with a header row",
    });
    const perPoint = { kind: "perPoint", amount: new Decimal(5), careGroup: null } as const;
    expect(said(() => proposePriceTable(categoryTable, perPoint)).message).toBe(
      "A category table holds amounts, not £ a point: change it by a percentage instead",
    );
    expect(said(() => proposePriceTable(categoryTable, { kind: "moveBound", band: 0, to: new Decimal(1) }))).toEqual({
      kind: "invalid",
      message: "Only a table of points bands has lower bounds to move",
    });
  });
});

describe("thresholds, tolerance and ranges", () => {
  it("allows equal thresholds and refuses standard above enhanced", () => {
    expect(readThresholds([[10, 10]])).toEqual({ standardFrom: new Decimal(10), enhancedFrom: new Decimal(10) });
    expect(said(() => readThresholds([[10.5, 10]]))).toEqual({
      kind: "invalid",
      message: "The thresholds' standard-from total (10.5) must not be above the enhanced-from total (10)",
    });
  });

  it("takes one or two tolerance cells and says how many it got otherwise", () => {
    expect(readTolerance([[0.1, 0.5]])).toEqual({ green: new Decimal(0.1), amber: new Decimal(0.5) });
    expect(said(() => readTolerance([[0.1, 0.2, 0.5]]))).toEqual({
      kind: "invalid",
      message: "The tolerance must be one limit or two cells (green limit, amber limit); got 3 cells",
    });
  });

  it("names the cell of a range holding something that is not a number or text", () => {
    expect(
      said(() =>
        readGrid(
          [
            [1, 2],
            [3, { type: "Entity" }],
          ],
          "The price table",
        ),
      ),
    ).toEqual({
      kind: "invalid",
      message: "The price table has an error or a value that is not a number or text in row 2, column 2",
    });
    expect(said(() => readGrid("PricePoints", "The price table")).message).toBe(
      "The price table must be a range of cells",
    );
  });
});

describe("the commitment's period", () => {
  it("takes an as-at date up to the financial year's last day and refuses the day after", () => {
    const yearStart = serialFromIso("2026-04-01");
    expect(commitmentPeriod(serialFromIso("2027-03-31"), yearStart).asAt).toBe(serialFromIso("2027-03-31"));
    expect(said(() => commitmentPeriod(serialFromIso("2027-04-01"), yearStart))).toEqual({
      kind: "invalid",
      message:
        "The as-at date (2027-04-01) is after the financial year's last day (2027-03-31): choose a later " +
        "financial year",
    });
  });
});
