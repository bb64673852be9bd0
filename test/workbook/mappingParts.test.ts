// The parts of the mapping (issue 23 §1), each alone: rewriting the add-in's structured references to a council's
// table or range, suggesting the council's column for each of the add-in's by header, and keeping a mapping in the
// WorkbookMapping table's rows.
import { headerScore, normaliseHeader, similarity, suggestColumns } from "../../src/workbook/mapping/headers";
import { mappingRows, parseRange, readMappingRows, sourceText } from "../../src/workbook/mapping/model";
import { rewriteFormula, RewriteTarget } from "../../src/workbook/mapping/rewrite";
import { COUNCIL_MAPPING } from "../support/councilMapping";

const PEOPLE: RewriteTarget = {
  role: "People",
  source: { table: "ServiceUsers" },
  column: (header) =>
    ({ "person id": "Service user number", "care group": "Client group", points: "RAS score", name: "Name, in full" })[
      header.toLowerCase()
    ],
};
const PRICES: RewriteTarget = {
  role: "PricePoints",
  source: {
    sheet: "Price bands",
    range: { row: 2, column: 1, rows: 5, columns: 5 },
    headers: ["RAS points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
  },
  column: (header) => header,
};
const SCORING: RewriteTarget = {
  role: "Scoring",
  source: { table: "RASMatrix" },
  column: (header) => header,
  span: { first: "Domain", last: "D" },
};
const targets = (name: string) =>
  [PEOPLE, PRICES, SCORING].find((target) => target.role.toLowerCase() === name.toLowerCase());
const rewrite = (formula: string, site?: string) => rewriteFormula(formula, targets, site);

describe("rewriting the add-in's formulas to the council's tables and ranges", () => {
  it("renames a mapped table's columns, in every form of structured reference", () => {
    expect(rewrite('=COUNTIFS(People[Care group],A1,People[Points],">=0")')).toBe(
      '=COUNTIFS(ServiceUsers[Client group],A1,ServiceUsers[RAS score],">=0")',
    );
    expect(rewrite("=ROWS(People[[Person ID]:[Care group]])")).toBe(
      "=ROWS(ServiceUsers[[Service user number]:[Client group]])",
    );
    expect(rewrite("=INDEX(People[#All],2,1)&COUNTA(people[[#Headers],[Points]])")).toBe(
      "=INDEX(ServiceUsers[#All],2,1)&COUNTA(ServiceUsers[[#Headers],[RAS score]])",
    );
    expect(rewrite("=ROWS(People)")).toBe("=ROWS(ServiceUsers)");
    // A column whose name needs them keeps Excel's double brackets; ' [ ] # are escaped with '.
    expect(rewrite("=COUNTA(People[Name])")).toBe("=COUNTA(ServiceUsers[[Name, in full]])");
  });

  it("rewrites a row's own references inside the mapped table, and leaves other tables' alone", () => {
    expect(rewrite("=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])", "People")).toBe(
      "=PB.INDICATIVE_BUDGET([@[RAS score]],'Price bands'!$B$3:$F$7,[@[Client group]])",
    );
    expect(rewrite("=[@Points]*2", "Plans")).toBe("=[@Points]*2");
    expect(rewrite("=SUM(Plans[Plan cost (annual)])+Budgets[@[Annual budget]]")).toBe(
      "=SUM(Plans[Plan cost (annual)])+Budgets[@[Annual budget]]",
    );
  });

  it("gives a range's reference as its absolute block: all of it, its header row, its data, or a column", () => {
    expect(rewrite("=PB.REPRICE(People[Points],PricePoints[#All],ProposedPricePoints[#All])")).toBe(
      "=PB.REPRICE(ServiceUsers[RAS score],'Price bands'!$B$3:$F$7,ProposedPricePoints[#All])",
    );
    expect(rewrite("=MAX(PricePoints[RAS points from])")).toBe("=MAX('Price bands'!$B$4:$B$7)");
    expect(rewrite("=PricePoints[[#Headers],[Older people]:[Mental health]]")).toBe("='Price bands'!$C$3:$F$3");
    expect(rewrite("=ROWS(PricePoints)")).toBe("=ROWS('Price bands'!$B$4:$F$7)");
  });

  it("gives a grid taken from part of a table its columns, whatever the reference names", () => {
    expect(rewrite("=PB.RAS_POINTS(A2:L2,Scoring[#All])")).toBe("=PB.RAS_POINTS(A2:L2,RASMatrix[[#All],[Domain]:[D]])");
    expect(rewrite("=ROWS(Scoring)")).toBe("=ROWS(RASMatrix[[Domain]:[D]])");
  });

  it("leaves strings, quoted sheet names, functions and cell addresses alone", () => {
    const formula = `=IF(A1="People[Points]",'People'!$A$1&People!B2,PB.RAS_POINTS(People!C3:D3,'Scoring'!A1:E13))`;
    expect(rewrite(formula)).toBe(formula);
    expect(rewrite('="Everyone in People: "&ROWS(People[Person ID])')).toBe(
      '="Everyone in People: "&ROWS(ServiceUsers[Service user number])',
    );
  });

  it("refuses, saying why, a reference the mapping cannot give", () => {
    expect(() => rewrite("=SUM(People[Indicative budget])")).toThrow(
      "The add-in's formula =SUM(People[Indicative budget]) cannot be written in this workbook: People has no " +
        'column "Indicative budget" in your mapping; nothing was written.',
    );
    expect(() => rewrite("=PricePoints[@[Older people]]")).toThrow(
      "PricePoints is the range 'Price bands'!$B$3:$F$7, not a table",
    );
    expect(() => rewrite("=SUM(PricePoints[Adults])")).toThrow('the range for PricePoints has no column "Adults"');
  });
});

describe("suggesting the council's columns by header", () => {
  it("sets aside case, spaces, punctuation and a question's number", () => {
    expect(normaliseHeader("  Q3. Getting-about ")).toBe("getting about");
    expect(normaliseHeader("Unit cost (£)")).toBe("unit cost");
    expect(normaliseHeader("Eating & Drinking")).toBe("eating and drinking");
    expect(normaliseHeader("12) Night-time support")).toBe("night time support");
  });

  it("scores the same words and councils' own words 1, the words inside a longer header 0.9, else by letters", () => {
    expect(headerScore("Person ID", "Client ID")).toBe(1);
    expect(headerScore("Person ID", "Service user number")).toBe(1);
    expect(headerScore("Person ID", "SERVICE-USER NUMBER")).toBe(1);
    expect(headerScore("Care group", "Primary support reason")).toBe(1);
    expect(headerScore("Personal care", "Q1 Personal care needs")).toBe(0.9);
    // Sørensen–Dice over letter pairs: "unitcost" and "unitcosts" share 7 of 7 + 8 pairs.
    expect(similarity("unitcost", "unitcosts")).toBeCloseTo(14 / 15, 10);
    expect(headerScore("Unit cost", "Unit costs")).toBeCloseTo(14 / 15, 10);
    expect(headerScore("Person ID", "Team")).toBeLessThan(0.7);
  });

  it("suggests each header once, the best fits first, and nothing where none is close", () => {
    const headers = ["Client ID", "Client name", "Team", "Client group", "Assessed on", "Q1 Personal care"];
    expect(
      Object.fromEntries(suggestColumns(["Person ID", "Name", "Care group", "Points", "Personal care"], headers)),
    ).toEqual({
      "Person ID": "Client ID",
      Name: "Client name",
      "Care group": "Client group",
      "Personal care": "Q1 Personal care",
    });
    expect(
      Object.fromEntries(
        suggestColumns(
          ["Service", "Unit", "Unit cost", "Frequency", "Managed as"],
          ["Code", "Description", "Per", "Unit cost £", "How often", "Funding route"],
        ),
      ),
    ).toEqual({
      Service: "Description",
      Unit: "Per",
      "Unit cost": "Unit cost £",
      Frequency: "How often",
      "Managed as": "Funding route",
    });
  });
});

describe("the mapping in the WorkbookMapping table", () => {
  it("reads a range as users type it, and names it as formulas do", () => {
    expect(parseRange("'Price bands'!B3:F7")).toEqual({
      sheet: "Price bands",
      range: { row: 2, column: 1, rows: 5, columns: 5 },
    });
    expect(parseRange("Prices!$f$7:$b$3")).toEqual({
      sheet: "Prices",
      range: { row: 2, column: 1, rows: 5, columns: 5 },
    });
    expect(parseRange("'Bob''s sheet'!A1")).toEqual({
      sheet: "Bob's sheet",
      range: { row: 0, column: 0, rows: 1, columns: 1 },
    });
    expect(parseRange("B3:F7")).toBeUndefined();
    expect(parseRange("Prices!B0:F7")).toBeUndefined();
    expect(sourceText({ sheet: "Bob's sheet", range: { row: 2, column: 1, rows: 5, columns: 5 } })).toBe(
      "'Bob''s sheet'!B3:F7",
    );
  });

  it("keeps a mapping as rows, a role's source then its columns, and reads the same mapping back", () => {
    const rows = mappingRows(COUNCIL_MAPPING);
    expect(rows.slice(0, 4)).toEqual([
      { addInTable: "Scoring", addInColumn: "", source: "RASMatrix", column: "", added: "" },
      { addInTable: "Scoring", addInColumn: "(first column)", source: "", column: "Domain", added: "" },
      { addInTable: "Scoring", addInColumn: "(last column)", source: "", column: "D", added: "" },
      { addInTable: "PricePoints", addInColumn: "", source: "'Price bands'!B3:F7", column: "", added: "" },
    ]);
    expect(rows).toContainEqual({
      addInTable: "People",
      addInColumn: "Points",
      source: "",
      column: "Points",
      added: "Yes",
    });
    expect(readMappingRows(rows.map((value, index) => ({ index, value })))).toEqual({
      mapping: COUNCIL_MAPPING,
      problems: [],
    });
  });

  it("leaves out, naming each, a role with no source, two sources or an unreadable one, and an unknown table", () => {
    const row = (addInTable: string, addInColumn: string, source: string, column = "") => ({
      addInTable,
      addInColumn,
      source,
      column,
      added: "",
    });
    const read = readMappingRows(
      [
        row("People", "Person ID", "", "Client ID"),
        row("Services", "", "Catalogue"),
        row("Services", "", "Catalogue2"),
        row("PricePoints", "", "Prices!B3"),
        row("Scoring", "", "Prices!ZZZZ1"),
        row("Plans", "", "MyPlans"),
      ].map((value, index) => ({ index, value })),
    );
    expect(read.mapping).toEqual([
      {
        role: "PricePoints",
        source: { sheet: "Prices", range: { row: 2, column: 1, rows: 1, columns: 1 } },
        columns: [],
      },
    ]);
    expect(read.problems).toEqual([
      'WorkbookMapping row 6: "Plans" is not one of Scoring, PricePoints, People, Services.',
      "WorkbookMapping row 5: \"Prices!ZZZZ1\" is neither a table's name nor a range such as 'Sheet'!B3:F7.",
      "WorkbookMapping maps columns of People but not its table or range, so People is not mapped.",
      "WorkbookMapping gives Services 2 tables or ranges (rows 2, 3), so Services is not mapped.",
    ]);
  });
});
