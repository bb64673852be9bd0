// The formulas the mapping writes into a council's own table (issue 23 §1), calculated by a real spreadsheet engine
// (HyperFormula, with the PB functions as functions.json declares them): ServiceUsers' Points, from answers in the
// council's column order passed with their question ids as an array constant, over a span of RASMatrix's columns,
// and its Indicative budget over a plain range of price cells. Every sheet is laid out in HyperFormula as it is in
// the workbook; structured references become the A1 blocks Excel resolves them to (the preview's own translation).
import { DetailedCellError, HyperFormula } from "hyperformula";
import { MappedWorkbook } from "../../src/workbook/mapping/mappedWorkbook";
import { addCalculatedColumns, saveMapping } from "../../src/workbook/mapping/save";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { TableShape, toA1 } from "../../src/workbook/memory/references";
import { CellValue } from "../../src/workbook/port";
import { setUpWorkbook } from "../../src/workbook/starter";
import { COUNCIL_MAPPING } from "../support/councilMapping";
import { COUNCIL, councilSheets } from "../support/councilWorkbook";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";

/** Every sheet of the workbook as HyperFormula's, cell for cell, formulas in A1 references. */
async function inHyperFormula(workbook: MemoryWorkbook): Promise<HyperFormula> {
  const shapes = new Map<string, TableShape>();
  for (const { name } of workbook.allTables()) {
    const data = (await workbook.readTable(name, "formulas"))!;
    shapes.set(name.toLowerCase(), {
      name,
      sheet: data.sheet,
      at: data.at!,
      headers: data.headers,
      rows: data.rows.length,
    });
  }
  const resolver = { table: (name: string) => shapes.get(name.toLowerCase()), spill: () => undefined };
  const sheets: Record<string, CellValue[][]> = {};
  for (const view of workbook.sheetViews()) {
    sheets[view.name] = Array.from({ length: view.rows }, (_, row) =>
      Array.from({ length: view.columns }, (_, column) => {
        const cell = view.cell(row, column);
        if (cell.formula === undefined) return cell.value === "" ? null : cell.value;
        const site = { sheet: view.name, row, column, table: cell.table ? resolver.table(cell.table) : undefined };
        return `=${toA1(cell.formula.slice(1), site, resolver).text}`;
      }),
    );
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
}

describe("a council's mapped workbook in a spreadsheet engine", () => {
  beforeAll(registerPBFunctions);

  it("calculates the Points and Indicative budget the mapping added as the starter's People does", async () => {
    const functions = await pbFunctionLibrary();
    const council = new MemoryWorkbook({ formulas: formulaEngine, functions });
    for (const sheet of await councilSheets()) await council.addSheet(sheet);
    await saveMapping(council, COUNCIL_MAPPING);
    await addCalculatedColumns(new MappedWorkbook(council));
    const starter = new MemoryWorkbook({ formulas: formulaEngine, functions });
    await setUpWorkbook(starter);

    const hf = await inHyperFormula(council);
    const users = (await council.readTable(COUNCIL.people.table))!;
    const sheet = hf.getSheetId(COUNCIL.people.sheet)!;
    const [points, budget] = ["Points", "Indicative budget"].map((header) => users.headers.indexOf(header));
    const fromEngine = users.rows.map((_, row) =>
      [points, budget].map((col) => {
        const value = hf.getCellValue({ sheet, row: row + 1, col });
        return value instanceof DetailedCellError ? value.value : value;
      }),
    );
    const starterPeople = (await starter.readTable("People"))!;
    const expected = starterPeople.rows.map((row) => row.slice(-2));
    expect(fromEngine).toEqual(expected);
    // Hand-checked: P001 (WS1001) 36 points, 20 × £150 + 16 × £200 = £6,200; P020's assessment unfinished.
    expect(fromEngine[0]).toEqual([36, 6200]);
    expect(fromEngine[19]).toEqual(["#N/A", "#N/A"]);
    hf.destroy();
  });
});
