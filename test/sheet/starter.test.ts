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
});
