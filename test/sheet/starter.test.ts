// The starter workbook's live formulas, calculated by a real spreadsheet engine (HyperFormula) with the
// PB functions. HyperFormula has no structured references, so each table goes on its own sheet and the
// few reference forms the starter writes are turned into the A1 ranges Excel would resolve them to.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { assess, readPlanBook } from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";

const columnLetter = (index: number): string =>
  (index < 26 ? "" : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** Table[#All], Table[@[A]:[B]], [@Column] and [@[Column name]] as A1 references, for the row given. */
function toA1(
  formula: string,
  row: number,
  tables: Map<string, { sheet: string; headers: readonly string[]; rows: number }>,
  own: string,
): string {
  const column = (table: string, header: string) => {
    const index = tables.get(table)!.headers.indexOf(header);
    if (index < 0) throw new Error(`${table} has no column ${header}`);
    return columnLetter(index);
  };
  return formula
    .replace(/(\w+)\[#All\]/g, (_, table: string) => {
      const { sheet, headers, rows } = tables.get(table)!;
      return `'${sheet}'!$A$1:$${columnLetter(headers.length - 1)}$${rows + 1}`;
    })
    .replace(
      /(\w+)\[@\[([^\]]+)\]:\[([^\]]+)\]\]/g,
      (_, table: string, first: string, last: string) => `${column(table, first)}${row}:${column(table, last)}${row}`,
    )
    .replace(
      /\[@\[([^\]]+)\]\]|\[@(\w+)\]/g,
      (_, spaced: string | undefined, plain: string | undefined) => `${column(own, (spaced ?? plain)!)}${row}`,
    );
}

describe("the starter workbook in a spreadsheet engine", () => {
  beforeAll(registerPBFunctions);

  it("calculates every person's points and indicative budget as the pane and the in-memory workbook do", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
    await setUpWorkbook(workbook);
    const tables = workbook.allTables();
    const shapes = new Map(
      tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
    );
    const sheets = Object.fromEntries(
      tables.map((table) => [
        table.sheet,
        [
          table.headers,
          ...table.rows.map((row, index) =>
            row.map((cell) =>
              typeof cell === "string" && cell.startsWith("=") ? toA1(cell, index + 2, shapes, table.name) : cell,
            ),
          ),
        ],
      ]),
    );
    const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
    const people = hf.getSheetId("People")!;
    const headers = shapes.get("People")!.headers;
    const pointsColumn = headers.indexOf("Points");
    const budgetColumn = headers.indexOf("Indicative budget");

    const book = await readPlanBook(workbook);
    const fromSheet = book.people.map((_, index) => [
      hf.getCellValue({ sheet: people, row: index + 1, col: pointsColumn }),
      hf.getCellValue({ sheet: people, row: index + 1, col: budgetColumn }),
    ]);
    const fromPane = book.people.map((person) => {
      const result = assess(book, person);
      return "problem" in result
        ? ["error", "error"]
        : [Number(result.points.toString()), Number(result.budget.result.toString())];
    });
    expect(
      fromSheet.map(([points, budget]) => [
        points instanceof DetailedCellError ? "error" : points,
        budget instanceof DetailedCellError ? "error" : budget,
      ]),
    ).toEqual(fromPane);
    // The in-memory workbook (the preview's) calculates the same figures; an error reads as its code.
    const inMemory = (await workbook.readTable("People"))!.rows.map((row) => [row[pointsColumn], row[budgetColumn]]);
    expect(inMemory).toEqual(
      fromSheet.map((cells) => cells.map((cell) => (cell instanceof DetailedCellError ? cell.value : cell))),
    );
    // Hand-checked: P001 scores 36 (see the end-to-end test), 20 × £150 + 16 × £200 = £6,200;
    // P020's assessment is incomplete, so the sheet shows #N/A with the engine's message.
    expect(fromSheet[0]).toEqual([36, 6200]);
    expect(fromSheet[19][0]).toMatchObject({ type: "NA", message: "Question Home and living is unanswered" });
    hf.destroy();
  });
});
