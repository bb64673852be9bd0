// A blank price cell is read the same way by the pane and by the PB formulas on the People sheet: £0 a point, as
// Excel for Windows passes a blank cell in a range to a custom function as 0 (office-js#5262), and flagged in the
// pane with the cell's address. Calculated by HyperFormula as Excel for Windows would (blanks as 0) and by the
// preview's in-memory workbook (blanks as null, as Excel on the web passes a blank given alone).
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { assess, readPlanBook } from "../../src/workbook/planBook";
import { readWhatIfBook } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { starterInHyperFormula } from "../support/starterSheets";

const WARNING = "PricePoints C4 is blank: Excel gives it to the functions as £0 a point — type 0 or a price.";

describe("a blank price cell", () => {
  beforeAll(() => registerPBFunctions({ blanksAs: 0 }));

  it("gives the same budget in the pane as the People formula, in Excel and in the preview, and is named", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
    await setUpWorkbook(workbook);
    // PricePoints C4: Physical disability's £280 a point from 40 points, cleared.
    workbook.setCell("PricePoints", 3, 2, null);

    // The pane: P005 Priya Sharma, Physical disability, 54 points: 20 × £160 + 20 × £215 + 14 × £0 = £7,500.
    const book = await readPlanBook(workbook);
    const p005 = book.people.find((person) => person.id === "P005")!;
    const assessed = assess(book, p005);
    if ("problem" in assessed) throw new Error(assessed.problem);
    expect(assessed.budget.result.toString()).toBe("7500");
    expect(book.warnings).toEqual([WARNING]);

    // The People formula, =PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]]), as Excel for Windows
    // calculates it (the blank passed as 0), and in the preview (passed as null): the same £7,500, for everyone.
    const { hf, headers } = starterInHyperFormula(workbook);
    const budgetColumn = headers.indexOf("Indicative budget");
    const fromExcel = book.people.map((_, index) =>
      hf.getCellValue({ sheet: hf.getSheetId("People")!, row: index + 1, col: budgetColumn }),
    );
    const fromPreview = (await workbook.readTable("People"))!.rows.map((row) => row[budgetColumn]);
    const fromPane = book.people.map((person) => {
      const result = assess(book, person);
      return "problem" in result ? "error" : Number(result.budget.result.toString());
    });
    expect(fromExcel[4]).toBe(7500);
    expect(fromExcel.map((value) => (typeof value === "number" ? value : "error"))).toEqual(fromPane);
    expect(fromPreview.map((value) => (typeof value === "number" ? value : "error"))).toEqual(fromPane);
    hf.destroy();

    // The what-if names it too.
    expect((await readWhatIfBook(workbook)).blankPrices).toEqual([WARNING]);
  });
});
