// Every worked example in docs/functions.md, evaluated in a real spreadsheet engine against the
// sample tables printed in the same document: the documentation cannot drift from the functions.
// The sample tables are Excel tables: `Name[#All]` is the table with its header row and a bare `Name` is
// its body, as in Excel, so an example that needs the header must say [#All]. (Table references become
// sheet ranges: HyperFormula has no structured references and cannot size a spill through a name.)
import { DetailedCellError, HyperFormula } from "hyperformula";
import { readFileSync } from "fs";
import { registerPBFunctions } from "./support/hyperformula";

const doc = readFileSync("docs/functions.md", "utf8");

type Cell = string | number | null;
const cellOf = (text: string): Cell => (text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/** A sample table's cells, and whether its first row is a header row (a blank header row is dropped). */
interface SampleTable {
  rows: Cell[][];
  header: boolean;
}

/** The markdown table that follows each **Name** paragraph. */
function namedTables(markdown: string): Map<string, SampleTable> {
  const tables = new Map<string, SampleTable>();
  const lines = markdown.split("\n");
  lines.forEach((line, index) => {
    const name = /^\*\*(\w+)\*\* — /.exec(line)?.[1];
    if (!name) return;
    let start = index + 1;
    while (start < lines.length && !lines[start].startsWith("|")) {
      if (lines[start].startsWith("**") || lines[start].startsWith("#")) return;
      start++;
    }
    const rows: Cell[][] = [];
    for (let row = start; row < lines.length && lines[row].startsWith("|"); row++) {
      const cells = lines[row]
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
      rows.push(cells.map(cellOf));
    }
    tables.set(name, {
      rows: rows.filter((row) => row.some((cell) => cell !== null)),
      header: rows.length > 0 && rows[0].some((cell) => cell !== null),
    });
  });
  return tables;
}

interface Example {
  formula: string;
  expected: string;
}

function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) =>
    block
      .replace(/\n\s+→/g, " →")
      .split("\n")
      .filter((line) => line.startsWith("=PB."))
      .map((line) => {
        const [formula, expected] = line.split(/\s+→\s+/);
        return { formula: formula.trim(), expected: expected.trim() };
      }),
  );
}

/**
 * A documented result as the rows of cells it fills: {a; b} spills down; "text", numbers and #ERRORS as
 * written; the name of a table printed in the document spills that table (its blank cells are "").
 */
function expectedCells(expected: string, tables: Map<string, SampleTable>): unknown[][] {
  const table = tables.get(expected);
  if (table)
    return table.rows.map((row) =>
      row.map((cell) => (typeof cell === "string" && cell.startsWith("#") ? { value: cell } : (cell ?? ""))),
    );
  const parts = expected.startsWith("{") ? expected.slice(1, -1).split(/;\s*/) : [expected];
  return parts.map((part) => [
    part.startsWith("#") ? { value: part } : part.startsWith('"') ? (JSON.parse(part) as unknown) : Number(part),
  ]);
}

const columnLetter = (index: number) => String.fromCharCode(65 + index);

describe("docs/functions.md", () => {
  const tables = namedTables(doc);
  const cases = examples(doc);
  let hf: HyperFormula;
  /** Each table's sheet range with its header row ([#All]) and without it (the body, a bare name). */
  const ranges = new Map<string, { all: string; body: string }>();
  /**
   * Turns table references into sheet ranges, as Excel resolves them (outside quoted text): Name[#All] is the
   * table with its header row, a bare Name its body, and Name[Column] the column's cells below the header.
   */
  const withRanges = (formula: string) =>
    formula
      .split(/("[^"]*")/)
      .map((part) =>
        part.startsWith('"')
          ? part
          : part.replace(/\b([A-Z][A-Za-z]+)\b(?:\[([^\]]+)\])?/g, (reference, name: string, column?: string) => {
              const range = ranges.get(name);
              const table = tables.get(name);
              if (!range || !table) return reference;
              if (column === undefined) return range.body;
              if (column === "#All") return range.all;
              const letter = columnLetter(table.rows[0].indexOf(column));
              return `${name}!$${letter}$2:$${letter}$${table.rows.length}`;
            }),
      )
      .join("");

  beforeAll(async () => {
    await registerPBFunctions();
    hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    tables.set("QuestionIds", {
      rows: [["Informal care", "Personal care", "Social & community", "Eating & food"]],
      header: false,
    });
    for (const [name, { rows, header }] of tables) {
      hf.addSheet(name);
      hf.setSheetContent(hf.getSheetId(name)!, rows);
      const right = `$${columnLetter(Math.max(...rows.map((row) => row.length)) - 1)}$${rows.length}`;
      ranges.set(name, { all: `${name}!$A$1:${right}`, body: `${name}!$A$${header ? 2 : 1}:${right}` });
    }
  });

  afterAll(() => hf.destroy());

  it("prints the sample tables every example uses", () => {
    expect([...tables.keys()].sort()).toEqual([
      "Accounts",
      "Answers",
      "Calibrated",
      "CalibratedAll",
      "CarerScores",
      "Categories",
      "Cohort",
      "Commitments",
      "Evidence",
      "Fit",
      "FitOfCalibrated",
      "PlanLines",
      "PricePoints",
      "ProposedPricePoints",
      "QuestionIds",
      "Repriced",
      "RepricedStraightLine",
      "Scoring",
      "StaffedLines",
      "StepBands",
    ]);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it("documents an example for every function", () => {
    const documented = new Set(cases.map((example) => /^=PB\.(\w+)/.exec(example.formula)![1]));
    expect([...documented].sort()).toEqual([
      "CALIBRATE",
      "CARER_CATEGORY",
      "DP_SURPLUS",
      "INDICATIVE_BUDGET",
      "IN_YEAR_COST",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
      "RAS_FIT",
      "RAS_POINTS",
      "REPRICE",
    ]);
  });

  it.each(examples(doc).map((example) => [example.formula, example.expected]))("%s → %s", (formula, expected) => {
    const sheet = hf.getSheetId(hf.addSheet())!;
    hf.setCellContents({ sheet, col: 0, row: 0 }, withRanges(formula));
    const want = expectedCells(expected, tables);
    const got = want.map((cells, row) =>
      cells.map((_, col) => {
        const value = hf.getCellValue({ sheet, col, row });
        return value instanceof DetailedCellError ? { value: value.value } : value;
      }),
    );
    expect(got).toEqual(want);
    // Nothing spills beyond the result. (A whole call's error is one cell in Excel; HyperFormula repeats
    // it over every cell it reserved for the spill, so there is nothing to check below it.)
    if (!expected.startsWith("#")) expect(hf.getCellValue({ sheet, col: 0, row: want.length })).toBeNull();
  });
});
