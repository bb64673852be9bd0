// The adapter's translation of Excel's structured and spill references into A1 references, form by form.
// Reference: https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
import { CellRange } from "../../src/workbook/port";
import { FormulaSite, TableShape, toA1, UnresolvedReference } from "../../src/workbook/memory/references";

// People at A1 of its own sheet: header row 1, data rows 2–4, columns A–G.
const people: TableShape = {
  name: "People",
  sheet: "People",
  at: { row: 0, column: 0 },
  headers: ["Person ID", "Name", "Care group", "Q1", "Q2", "Points", "Indicative budget"],
  rows: 3,
};
// Lines at C3 of a report sheet whose name needs quoting: header row 3, data rows 4–5, columns C–F.
const lines: TableShape = {
  name: "Lines",
  sheet: "What-if",
  at: { row: 2, column: 2 },
  headers: ["Id", "Amount", "Odd [name]", "It's #1"],
  rows: 2,
};
const empty: TableShape = {
  name: "Empty",
  sheet: "Plan settings",
  at: { row: 0, column: 0 },
  headers: ["A", "B"],
  rows: 0,
};
const tables = [people, lines, empty];
const spills = new Map<string, CellRange>([["People!0:0", { row: 0, column: 0, rows: 3, columns: 1 }]]);

const resolver = {
  table: (name: string) => tables.find((table) => table.name.toLowerCase() === name.toLowerCase()),
  spill: (sheet: string, anchor: { row: number; column: number }) =>
    spills.get(`${sheet}!${anchor.row}:${anchor.column}`),
};
// A formula in People's Points column, on the second data row (Excel row 3).
const inPeople: FormulaSite = { sheet: "People", row: 2, column: 5, table: people };
const loose: FormulaSite = { sheet: "What-if", row: 0, column: 0 };

const a1 = (formula: string, site: FormulaSite = inPeople) => toA1(formula, site, resolver).text;
const refusal = (formula: string, site: FormulaSite = inPeople) => {
  try {
    toA1(formula, site, resolver);
  } catch (error) {
    if (error instanceof UnresolvedReference) return `${error.code} ${error.message}`;
    throw error;
  }
  return "translated";
};

describe("structured references become A1 references", () => {
  it("whole tables and their parts: #All, #Data, #Headers, and a bare table name", () => {
    expect(a1("People[#All]")).toBe("'People'!$A$1:$G$4");
    expect(a1("People[#Data]")).toBe("'People'!$A$2:$G$4");
    expect(a1("People[]")).toBe("'People'!$A$2:$G$4");
    expect(a1("SUM(People)")).toBe("SUM('People'!$A$2:$G$4)");
    expect(a1("People[#Headers]")).toBe("'People'!$A$1:$G$1");
    expect(a1("Lines[#All]", loose)).toBe("'What-if'!$C$3:$F$5");
  });

  it("a column, a block of columns, and columns with special rows", () => {
    expect(a1("People[Care group]")).toBe("'People'!$C$2:$C$4");
    expect(a1("People[[Care group]]")).toBe("'People'!$C$2:$C$4");
    expect(a1("People[[Q1]:[Q2]]")).toBe("'People'!$D$2:$E$4");
    expect(a1("People[[#Headers],[Name]]")).toBe("'People'!$B$1");
    expect(a1("People[[#Headers],[#Data],[Q1]:[Q2]]")).toBe("'People'!$D$1:$E$4");
    expect(a1("Lines[[#All],[Id]:[Amount]]", loose)).toBe("'What-if'!$C$3:$D$5");
    expect(a1("lines[amount]", loose)).toBe("'What-if'!$D$4:$D$5");
  });

  it("this row: Table[@Column], [@Column], [@[A]:[B]] and [[#This Row],[Column]]", () => {
    expect(a1("People[@Points]")).toBe("'People'!$F$3");
    expect(a1("[@Points]")).toBe("'People'!$F$3");
    expect(a1("[@[Care group]]")).toBe("'People'!$C$3");
    expect(a1("People[@[Q1]:[Q2]]")).toBe("'People'!$D$3:$E$3");
    expect(a1("[@[Q1]:[Q2]]")).toBe("'People'!$D$3:$E$3");
    expect(a1("People[[#This Row],[Name]]")).toBe("'People'!$B$3");
    expect(a1("People[@]")).toBe("'People'!$A$3:$G$3");
  });

  it("column names with escaped brackets, hashes and quotes", () => {
    expect(a1("Lines[Odd '[name']]", loose)).toBe("'What-if'!$E$4:$E$5");
    expect(a1("Lines[[It''s '#1]]", loose)).toBe("'What-if'!$F$4:$F$5");
  });

  it("an empty table keeps one blank data row, as Excel's tables do", () => {
    expect(a1("SUM(Empty[A])", loose)).toBe("SUM('Plan settings'!$A$2)");
    expect(a1("Empty[#All]", loose)).toBe("'Plan settings'!$A$1:$B$2");
  });

  it("leaves strings, quoted sheet names, sheet prefixes, function names and error literals alone", () => {
    expect(a1('"People[#All]"&People[@Name]')).toBe(`"People[#All]"&'People'!$B$3`);
    expect(a1('"say ""People[x]"""')).toBe('"say ""People[x]"""');
    expect(a1("'People'!A1+People!B2+'It''s'!C3")).toBe("'People'!A1+People!B2+'It''s'!C3");
    expect(a1("PB.RAS_POINTS(People[@[Q1]:[Q2]],People[#All])")).toBe(
      "PB.RAS_POINTS('People'!$D$3:$E$3,'People'!$A$1:$G$4)",
    );
    expect(a1("IFERROR(#N/A,#DIV/0!)")).toBe("IFERROR(#N/A,#DIV/0!)");
  });

  it("says which tables a formula names, so a table's new size reaches it", () => {
    expect(toA1("SUM(People[Points])+COUNT(Lines[Id])+A1", loose, resolver).tables).toEqual(["people", "lines"]);
    expect(toA1("[@Points]*2", inPeople, resolver).tables).toEqual(["people"]);
  });
});

describe("spill references", () => {
  it("A1# is the block the anchor's array filled, on its own or another sheet", () => {
    expect(a1("SUM(A1#)", { sheet: "People", row: 9, column: 9 })).toBe("SUM('People'!$A$1:$A$3)");
    expect(a1("SUM('People'!$A$1#)", loose)).toBe("SUM('People'!$A$1:$A$3)");
    expect(a1("SUM(People!A1#)", loose)).toBe("SUM('People'!$A$1:$A$3)");
    expect(toA1("A1#", { sheet: "People", row: 9, column: 9 }, resolver).spills).toBe(true);
  });

  it("a cell that spilled nothing is #REF! where the reference is used (so an IF branch not taken is no error)", () => {
    expect(toA1("IF(ISERROR(B2),0,SUM(B2#))", loose, resolver).text).toBe(
      'IF(ISERROR(B2),0,SUM(NOSPILLEDARRAY("B2#")))',
    );
  });
});

describe("references that cannot be resolved name what is wrong", () => {
  it.each([
    ["Nope[A]", inPeople, "#REF! There is no table called Nope"],
    ["People[Nope]", inPeople, '#REF! People[Nope]: table People has no column "Nope"'],
    ["People[#Totals]", inPeople, "#REF! People[#Totals]: the table has no totals row"],
    ["People[[A]],[B]]", inPeople, '#REF! People[[A]]: table People has no column "A"'],
    ["Lines[@Id]", inPeople, "#VALUE! Lines[@Id] is used outside the rows of table Lines"],
    ["[@Points]", loose, "#REF! [@Points] is not in a table"],
    ["People[[Q1],[Q2]]", inPeople, "#REF! People[[Q1],[Q2]]: only one column or one block of columns is supported"],
  ])("%s", (formula, site, message) => {
    expect(refusal(formula, site)).toBe(message);
  });
});
