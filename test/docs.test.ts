// Every worked example in docs/functions.md, evaluated in a real spreadsheet engine against the
// sample tables printed in the same document: the documentation cannot drift from the functions.
// (Table names become sheet ranges: HyperFormula cannot size a spill through a named expression.)
import { DetailedCellError, HyperFormula } from "hyperformula";
import { readFileSync } from "fs";
import { registerPBFunctions } from "./support/hyperformula";

const doc = readFileSync("docs/functions.md", "utf8");

type Cell = string | number | null;
const cellOf = (text: string): Cell => (text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/** The markdown table that follows each **Name** paragraph, as rows of cells (a blank header row dropped). */
function namedTables(markdown: string): Map<string, Cell[][]> {
  const tables = new Map<string, Cell[][]>();
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
      if (cells.every((cell) => /^-*$/.test(cell))) continue;
      rows.push(cells.map(cellOf));
    }
    tables.set(
      name,
      rows.filter((row) => row.some((cell) => cell !== null)),
    );
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
function expectedCells(expected: string, tables: Map<string, Cell[][]>): unknown[][] {
  const table = tables.get(expected);
  if (table) return table.map((row) => row.map((cell) => cell ?? ""));
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
  const ranges = new Map<string, string>();
  /**
   * Names a sample table by its sheet range, as a named range does, and Table[Column] by the column's
   * cells below the header, as an Excel structured reference does (outside quoted text).
   */
  const withRanges = (formula: string) =>
    formula
      .split(/("[^"]*")/)
      .map((part) =>
        part.startsWith('"')
          ? part
          : part.replace(/\b([A-Z][A-Za-z]+)\b(?:\[([^\]]+)\])?/g, (whole, name: string, column?: string) => {
              const rows = tables.get(name);
              if (!rows || !ranges.has(name)) return whole;
              if (column === undefined) return ranges.get(name)!;
              const letter = columnLetter(rows[0].indexOf(column));
              return `${name}!$${letter}$2:$${letter}$${rows.length}`;
            }),
      )
      .join("");

  beforeAll(async () => {
    await registerPBFunctions();
    hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    tables.set("QuestionIds", [["Informal care", "Personal care", "Social & community", "Eating & food"]]);
    for (const [name, rows] of tables) {
      hf.addSheet(name);
      hf.setSheetContent(hf.getSheetId(name)!, rows);
      const width = Math.max(...rows.map((row) => row.length));
      ranges.set(name, `${name}!$A$1:$${columnLetter(width - 1)}$${rows.length}`);
    }
  });

  afterAll(() => hf.destroy());

  it("prints the sample tables every example uses", () => {
    expect([...tables.keys()].sort()).toEqual([
      "Answers",
      "CarerScores",
      "Categories",
      "Cohort",
      "Commitments",
      "PlanLines",
      "PricePoints",
      "ProposedPricePoints",
      "QuestionIds",
      "Repriced",
      "RepricedStraightLine",
      "Scoring",
      "StepBands",
    ]);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it("documents an example for every function", () => {
    const documented = new Set(cases.map((example) => /^=PB\.(\w+)/.exec(example.formula)![1]));
    expect([...documented].sort()).toEqual([
      "CARER_CATEGORY",
      "INDICATIVE_BUDGET",
      "IN_YEAR_COST",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
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
