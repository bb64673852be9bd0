// The Review sheet through the Office.js workbook, against test/support/excelModel.ts (a model of Excel as
// Microsoft's documentation describes it): its formulas, formats and native chart written in one request, and
// nothing of the user's overwritten (a taken sheet name gets "(2)").
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { a1Range } from "../../src/workbook/port";
import { MONEY_FORMAT } from "../../src/workbook/schema/columns";
import { RATIO_FORMAT, reviewLayout, SHARE_FORMAT } from "../../src/workbook/reports/review";
import { equityPoints, readReviewBook, writeReviewSheet } from "../../src/workbook/reports/reviewBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel } from "../support/excelModel";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];

async function excel(setUp: (model: ExcelModel) => void = () => undefined) {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  setUp(model);
  const workbook = new OfficeWorkbook(model.run);
  await setUpWorkbook(workbook);
  return { model, workbook };
}

describe("the Review sheet through the Office.js workbook", () => {
  it("writes the evidence, the fit, the fitted table and the equity chart as formulas, in one request", async () => {
    const { model, workbook } = await excel();
    const book = await readReviewBook(workbook);
    const before = model.syncs;
    expect(await writeReviewSheet(workbook, book)).toEqual({ sheet: "Review" });
    const cell = (address: string) => model.cell("Review", address);
    expect(["A7", "B7", "D7", "F7", "G7"].map((address) => cell(address).formula)).toEqual([
      '=FILTER(Plans[Plan ID],Plans[Status]="Agreed")&""',
      '=FILTER(Plans[Person ID],Plans[Status]="Agreed")&""',
      '=SUMIFS(People[Points],People[Person ID],$B$7#)/(COUNTIFS(People[Person ID],$B$7#,People[Points],"<>")=1)',
      "=PB.INDICATIVE_BUDGET($D$7#,PricePoints[#All],$C$7#)",
      "=$E$7#-$F$7#",
    ]);
    expect(cell("I6").formula).toBe("=PB.RAS_FIT($D$7#,$E$7#,PricePoints[#All],$C$7#)");
    expect(cell("Z6").formula).toBe("=PB.CALIBRATE($D$7#,$E$7#,PricePoints[Points from],$C$7#)");
    expect([cell("K7").format, cell("L11").format, cell("N7").format, cell("AA7").format]).toEqual([
      RATIO_FORMAT,
      MONEY_FORMAT,
      SHARE_FORMAT,
      MONEY_FORMAT,
    ]);
    // By band, from 20 points: lower bound from PricePoints, the plans in it by the evidence's spills.
    expect(cell("I17").formula).toBe("=INDEX(PricePoints[Points from],2)");
    expect(cell("J17").formula).toBe('=COUNTIFS($D$7#,">="&I17,$D$7#,"<"&I18,$F$7#,">=0",$E$7#,">=0")');
    // The fitted table as it would be proposed: Older people's band from 20 points, the fitted rate by name or
    // the current one.
    expect(cell("P24").formula).toBe('=IF(J24="","",IFERROR(INDEX($Z$6:$AL$10,3,MATCH(J22,$Z$6:$AL$6,0)),J24))');
    const layout = reviewLayout({
      careGroups: CARE_GROUPS,
      bands: 4,
      boundsHeader: "Points from",
      equityPoints: equityPoints(book.highestPoints, 60),
    });
    expect(model.charts("Review")).toEqual([
      {
        type: "XYScatterLines",
        source: `Review!${a1Range(layout.equity)}`,
        seriesBy: "Columns",
        name: "Equity between care groups",
        title: "Indicative budget for the same points, by care group",
        position: { start: "Q37", end: "X54" },
        categoryAxisTitle: "Points",
        valueAxisTitle: "Annual £",
      },
    ]);
    // The equity block's points, 0, 10, 20 … as values, and a spilled budget per care group.
    expect([cell("I40").value, cell("I41").value]).toEqual([0, 10]);
    expect(cell("J40").formula).toBe(
      `=PB.INDICATIVE_BUDGET($I$40:$I$${39 + layout.equity.rows - 1},PricePoints[#All],$J$39)`,
    );
    // One sync to read the names, one for addSheet's checks and one that writes it all.
    expect(model.syncs - before).toBe(3);
  });

  it("gives the sheet the name Review (2) when a user's Review sheet is there, and leaves theirs alone", async () => {
    const { model, workbook } = await excel((m) => m.addSheet("Review"));
    await model.run(async (context) => {
      context.workbook.worksheets.getItem("Review").getRange("A1").values = [["my own notes"]];
      await context.sync();
    });
    expect(await writeReviewSheet(workbook, await readReviewBook(workbook))).toEqual({ sheet: "Review (2)" });
    expect(model.cell("Review", "A1").value).toBe("my own notes");
    expect(model.charts("Review (2)").map((chart) => chart.name)).toEqual(["Equity between care groups"]);
  });
});
