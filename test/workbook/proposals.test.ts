// Named proposals (issue 25 §4): each kept in a table of its own, ProposedPricePoints_<name>, found among the
// workbook's tables by that name alone.
import { proposalName, proposalTables } from "../../src/workbook/reports/proposals";

describe("the workbook's proposals", () => {
  it("are the tables named ProposedPricePoints and ProposedPricePoints_<name>, the unnamed first, in any case", () => {
    const tables = [
      "People",
      "ProposedPricePoints_Lower",
      "PricePoints",
      "ProposedPricePoints",
      "proposedpricepoints_Freeze",
      "ProposedPricePoints_", // no name after the joiner: not a proposal
      "ProposedPricePointsLower", // no joiner
    ];
    expect(proposalTables({ sheets: [], tables, definedNames: [] })).toEqual([
      "ProposedPricePoints",
      "ProposedPricePoints_Lower",
      "proposedpricepoints_Freeze",
    ]);
  });

  it("name each by what follows the joiner, as the workbook spells it; another table has none", () => {
    expect(proposalName("ProposedPricePoints")).toBeNull();
    expect(proposalName("PROPOSEDPRICEPOINTS_Plus5_2027")).toBe("Plus5_2027");
    expect(proposalName("ProposedPricePoints_")).toBeUndefined();
    expect(proposalName("PricePoints")).toBeUndefined();
    expect(proposalName("ProposedPricePointsLower")).toBeUndefined();
  });
});
