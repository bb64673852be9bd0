// The 1904 date system (Excel for Mac's default before 2011; Workbook.use1904DateSystem): the Office workbook finds it
// as Excel's DATE gives it and converts at its edge, so the pane reads and writes the same dates in either system.
// Checked against the Excel model with a 1904 workbook, through the plan saving and the port, with hand-worked
// serials: 1 October 2026 is 46296 in the 1900 system (1 January 2026 is 46023, + 273 days) and 46296 − 1462 =
// 44834 in the 1904 system.
import { Decimal } from "../../src/engine";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { dateSystemOf, fromWorkbook, isDateFormat, toWorkbook } from "../../src/workbook/office/dateSystem";
import { openPlan, PlanToSave, readPlanBook, savePlan } from "../../src/workbook/planBook";
import { DATE_FORMAT, DATE_TIME_FORMAT, MONEY_FORMAT } from "../../src/workbook/schema/columns";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel } from "../support/excelModel";

const OCTOBER_2026 = 46296;
const IN_1904 = 44834;

function excel(use1904DateSystem: boolean) {
  const model = new ExcelModel();
  model.use1904DateSystem = use1904DateSystem;
  model.addSheet("Sheet1");
  return { model, workbook: new OfficeWorkbook(model.run) };
}

describe("Excel's date systems", () => {
  it.each([
    [DATE_FORMAT, true],
    [DATE_TIME_FORMAT, true],
    ["m/d/yyyy", true],
    ["[h]:mm", true],
    ["[$-en-GB]dd mmmm yyyy", true],
    ["h:mm AM/PM", true],
    [MONEY_FORMAT, false],
    ["General", false],
    ["0.0%", false],
    ["@", false],
    ['0 "days"', false],
    ["#,##0 \\d", false],
    ["[Red]#,##0", false],
  ])("reads %j as a date format: %j", (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it("moves a date-formatted number by 1,462 days in a 1904 workbook, and nothing else", () => {
    expect(dateSystemOf(36526)).toBe(1900);
    expect(dateSystemOf(35064)).toBe(1904);
    expect(toWorkbook(OCTOBER_2026, DATE_FORMAT, 1904)).toBe(IN_1904);
    expect(fromWorkbook(IN_1904, DATE_FORMAT, 1904)).toBe(OCTOBER_2026);
    expect(toWorkbook(OCTOBER_2026, DATE_FORMAT, 1900)).toBe(OCTOBER_2026);
    expect(toWorkbook(OCTOBER_2026, MONEY_FORMAT, 1904)).toBe(OCTOBER_2026);
    expect(toWorkbook("2026-10-01", DATE_FORMAT, 1904)).toBe("2026-10-01");
  });

  it("the model's DATE and typed dates follow the workbook's date system", async () => {
    for (const [system, serial] of [
      [false, OCTOBER_2026],
      [true, IN_1904],
    ] as const) {
      const { model } = excel(system);
      const probe = await model.run({}, async (context) => {
        const result = context.workbook.functions.date(2026, 10, 1).load("value");
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["2026-10-01"]];
        await context.sync();
        return result.value;
      });
      expect([probe, model.cell("Sheet1", "A1").value]).toEqual([serial, serial]);
    }
  });
});

describe("a 1904 workbook through the Office workbook", () => {
  it("saves a plan's dates as the workbook's own serials and reads them back as the same dates", async () => {
    const { model, workbook } = excel(true);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    const plan: PlanToSave = {
      planId: null,
      personId: "P001",
      lines: [
        {
          service: "Meals",
          unit: "meal",
          quantity: new Decimal(7),
          unitCost: new Decimal("4.6"),
          frequency: "week",
          managedAs: "Direct payment",
        },
      ],
      status: "Draft",
      reason: "",
      signedOffBy: "",
      startDate: "2026-10-01",
      endDate: "2027-03-31",
      reviewDate: null,
      updatedBy: "Test",
    };
    const saved = await savePlan(workbook, book, plan, new Date(2026, 10, 24, 14, 5));
    const dates = ["Start date", "End date", "Review date"].map((header) => model.column("Plans", header)[0].value);
    // In the workbook: 44834 (1 October 2026 in the 1904 system, shown by Excel as 1 Oct 2026); 31 March 2027 is
    // 46296 + 181 = 46477 in 1900, 45015 in 1904; the review a year after the start, 1 October 2027: 46661 − 1462.
    expect(dates).toEqual([IN_1904, 45015, 45199]);
    // Read back through the pane's port: the same dates.
    const opened = await openPlan(workbook, saved.planId);
    expect([opened.startDate, opened.endDate, opened.reviewDate]).toEqual(["2026-10-01", "2027-03-31", "2027-10-01"]);
  });

  it("writes a report's dates in the workbook's system, and reads a date a user typed there as that date", async () => {
    const { model, workbook } = excel(true);
    await workbook.addSheet({
      name: "Report",
      cells: [
        { row: 0, column: 0, value: OCTOBER_2026, numberFormat: DATE_FORMAT },
        { row: 0, column: 1, value: OCTOBER_2026, numberFormat: MONEY_FORMAT },
      ],
    });
    expect([model.cell("Report", "A1").value, model.cell("Report", "B1").value]).toEqual([IN_1904, OCTOBER_2026]);

    // A user's own table: a date typed as Excel parses it (the workbook's serial), and an amount.
    await model.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["Due", "Amount"],
        ["2026-10-01", "£12"],
      ];
      sheet.tables.add(sheet.getRange("A1:B2"), true).name = "Dues";
      await context.sync();
    });
    expect(model.cell("Sheet1", "A2").value).toBe(IN_1904);
    expect((await workbook.readTable("Dues"))!.rows).toEqual([[OCTOBER_2026, 12]]);
  });
});
