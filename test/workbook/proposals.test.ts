// Named proposals (issue 25 §4): each kept in a table of its own, ProposedPricePoints_<name>, found among the
// workbook's tables by that name alone.
import {
  proposalLabel,
  proposalName,
  proposalNameProblem,
  proposalSheet,
  proposalTable,
  proposalTables,
  reportSheet,
} from "../../src/workbook/reports/proposals";

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

describe("a new proposal's name", () => {
  const names = { sheets: [], tables: ["ProposedPricePoints", "ProposedPricePoints_Freeze"], definedNames: ["Taken"] };

  it("is letters, digits and underscores from a letter, at most 12, and not a table or defined name in use", () => {
    expect(proposalNameProblem("  Plus5_2027 ", names)).toBeNull();
    expect(proposalNameProblem("A23456789012", names)).toBeNull(); // 12 characters
    const notAName = (name: string) =>
      "A proposal's name is letters, digits and underscores, starting with a letter, at most 12 characters " +
      `(such as Freeze or Plus5_2027), as it becomes part of a table name; got "${name}"`;
    expect(proposalNameProblem("A234567890123", names)).toBe(notAName("A234567890123")); // 13
    expect(proposalNameProblem("5percent", names)).toBe(notAName("5percent"));
    expect(proposalNameProblem("Plus 5", names)).toBe(notAName("Plus 5"));
    expect(proposalNameProblem("   ", names)).toBe(
      "Give the proposal a name: ProposedPricePoints is taken, so this one needs its own.",
    );
    expect(proposalNameProblem("freeze", names)).toBe(
      "The workbook already has something called ProposedPricePoints_freeze: choose another name.",
    );
    // A defined name shares the tables' name space.
    const definedName = { ...names, definedNames: ["ProposedPricePoints_Lower"] };
    expect(proposalNameProblem("Lower", definedName)).toBe(
      "The workbook already has something called ProposedPricePoints_Lower: choose another name.",
    );
  });

  it("gives its table, its sheet and its reports' sheets their names, '(2)' when a sheet is taken", () => {
    expect(proposalTable(null)).toBe("ProposedPricePoints");
    expect(proposalTable("Freeze")).toBe("ProposedPricePoints_Freeze");
    expect(proposalLabel(null)).toBe("ProposedPricePoints");
    expect(proposalLabel("Freeze")).toBe("Freeze");
    expect(proposalSheet("Freeze", ["Proposal Freeze"])).toBe("Proposal Freeze (2)");
    expect(proposalSheet(null, [])).toBe("ProposedPricePoints");
    expect(reportSheet("What-if", null, [])).toBe("What-if");
    expect(reportSheet("What-if", "Freeze", ["what-if freeze"])).toBe("What-if Freeze (2)");
  });
});
