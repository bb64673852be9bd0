// The starter workbook's live formulas, calculated by a real spreadsheet engine (HyperFormula) with the
// PB functions. HyperFormula has no structured references, so each table goes on its own sheet and the
// few reference forms the starter writes are turned into the A1 ranges Excel would resolve them to.
import { DetailedCellError } from "hyperformula";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { assess, readPlanBook } from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { starterInHyperFormula } from "../support/starterSheets";

describe("the starter workbook in a spreadsheet engine", () => {
  beforeAll(registerPBFunctions);

  it("calculates every person's points and indicative budget as the pane and the in-memory workbook do", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
    await setUpWorkbook(workbook);
    const { hf, headers } = starterInHyperFormula(workbook);
    const people = hf.getSheetId("People")!;
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

  it("weeksInYear, the last argument: P001's £6,200 a year (36 points) is £124 a week over 50 weeks", async () => {
    const formula = (prices: string, weeks: string) =>
      `=PB.INDICATIVE_BUDGET(36, ${prices}, "Older people", 0, "weekly", , ${weeks})`;
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
    await setUpWorkbook(workbook);
    // In the preview's workbook, as written in Excel, with the table's structured reference.
    await workbook.addSheet({
      name: "Check",
      cells: ["50", "52", "52.143", "49", '"fifty"'].map((weeks, row) => ({
        row,
        column: 0,
        formula: formula("PricePoints[#All]", weeks),
      })),
    });
    expect(await workbook.readCells("Check", { row: 0, column: 0, rows: 5, columns: 1 })).toEqual([
      [124],
      [119.23], // 6,200 ÷ 52 = 119.230…
      [118.9], // 6,200 ÷ 52.143 = 118.903…
      ["#VALUE!"],
      ["#VALUE!"],
    ]);
    // In HyperFormula, with the table as the range Excel resolves it to.
    const { hf } = starterInHyperFormula(workbook);
    const sheet = hf.getSheetId(hf.addSheet("Weeks"))!;
    const prices = "'PricePoints'!$A$1:$E$5";
    hf.setCellContents({ sheet, row: 0, col: 0 }, [[formula(prices, "50")], [formula(prices, "54")]]);
    expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toBe(124);
    expect(hf.getCellValue({ sheet, row: 1, col: 0 })).toMatchObject({
      type: "VALUE",
      message: "Weeks in year: expected a number from 50 to 53; got 54",
    });
    hf.destroy();
  });
});
