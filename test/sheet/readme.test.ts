// Every formula the README shows "on the starter workbook", evaluated in a real spreadsheet engine
// (HyperFormula, with the PB functions registered from functions.json) against the starter workbook with
// the README's plan saved through the plan book: the README cannot drift from what a user would get.
import { readFileSync } from "fs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { checkLine, SupportPlanLine } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { readPlanBook, savePlan } from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { useExcelFilter } from "../support/excelFilter";
import { registerPBFunctions } from "../support/hyperformula";
import { structuredToA1, TableShape } from "../support/structuredReferences";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(
  readme.indexOf("### On the starter workbook"),
  readme.indexOf("\n### ", readme.indexOf("### On the starter workbook") + 1),
);
const examples = [...section.matchAll(/^\| `(=[^`]+)` \| `([^`]+)`/gm)].map(([, formula, result]) => ({
  formula,
  result,
}));

/** A README result as the cells it fills: {a; b; …} spills down (the cells shown), else one value. */
function expectedCells(result: string): unknown[] {
  const parts = result.startsWith("{") ? result.slice(1, -1).split(/;\s*/) : [result];
  return parts
    .filter((part) => part !== "…")
    .map((part): unknown => (part.startsWith('"') ? (JSON.parse(part) as string) : Number(part)));
}

/** The README's plan: PLAN-0001 for Margaret Ellis, from 1 October 2026, its lines as the pane checks them. */
function readmePlan(): SupportPlanLine[] {
  const typed = [
    ["Personal assistant", "3", "hour", "19.55", "week", "Direct payment"],
    ["Day centre", "1", "day", "45", "week", "Council-managed"],
    ["Equipment: riser recliner chair", "1", "item", "650", "once", "Direct payment"],
    ["Cleaning help", "2", "hour", "18.50", "week", "Direct payment"],
  ];
  return typed.map(([service, quantity, unit, unitCost, frequency, managedAs]) => {
    const { line } = checkLine({ service, quantity, unit, unitCost, frequency, managedAs });
    return line!;
  });
}

describe("README: the formulas on the starter workbook", () => {
  let hf: HyperFormula;

  beforeAll(async () => {
    await registerPBFunctions();
    useExcelFilter();
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    const plan = {
      planId: null,
      personId: "P001",
      lines: readmePlan(),
      status: "Draft" as const,
      reason: "",
      signedOffBy: "",
      startDate: "2026-10-01",
      endDate: null,
      reviewDate: null,
      updatedBy: "Sam Reid",
    };
    await savePlan(workbook, book, plan, new Date(2026, 8, 20, 10, 0));
    const tables = workbook.allTables();
    const shapes = new Map<string, TableShape>(
      tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
    );
    const sheets = Object.fromEntries(
      tables.map((table) => [
        table.sheet,
        [
          [...table.headers],
          ...table.rows.map((row, index) =>
            row.map((cell) =>
              typeof cell === "string" && cell.startsWith("=")
                ? structuredToA1(cell, shapes, { table: table.name, row: index + 2 })
                : cell,
            ),
          ),
        ],
      ]),
    );
    hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    examples.forEach(({ formula }, index) => {
      const sheet = hf.getSheetId(hf.addSheet(`Example ${index + 1}`))!;
      hf.setCellContents({ sheet, col: 0, row: 0 }, structuredToA1(formula, shapes));
    });
  });

  afterAll(() => hf?.destroy());

  it("shows the plan costing formulas, among others", () => {
    expect(examples.map((example) => /^=PB\.(\w+)/.exec(example.formula)?.[1])).toEqual([
      "RAS_POINTS",
      "INDICATIVE_BUDGET",
      "INDICATIVE_BUDGET",
      "INDICATIVE_BUDGET",
      "PLAN_COST",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "IN_YEAR_COST",
    ]);
  });

  it.each(examples.map(({ formula, result }, index) => ({ formula, result, index })))(
    "$formula → $result",
    ({ result, index }) => {
      const sheet = hf.getSheetId(`Example ${index + 1}`)!;
      const want = expectedCells(result);
      const got = want.map((_, row) => {
        const value = hf.getCellValue({ sheet, col: 0, row });
        return value instanceof DetailedCellError ? `${value.value} ${value.message}` : value;
      });
      expect(got).toEqual(want);
    },
  );
});
