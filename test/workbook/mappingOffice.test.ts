// Issue 23 §1 through the Office.js workbook, against test/support/excelModel.ts (Excel as Microsoft documents it):
// the council's workbook made through Office.js as a user's would be (tables at their places, the price points as
// plain cells), mapped, and read and written through the mapping: a range read with Range.values, the add-in's two
// columns added with TableColumnCollection.add at the council table's right, every other cell of the council's (value
// and number format) as it was, Set up adding only the add-in's own tables, and the reports' formulas naming the
// council's tables and range.
import { Decimal, proposePriceTable } from "../../src/engine";
import { MappedWorkbook } from "../../src/workbook/mapping/mappedWorkbook";
import { addCalculatedColumns, saveMapping } from "../../src/workbook/mapping/save";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { readPlanBook } from "../../src/workbook/planBook";
import { createProposedTable, readWhatIfBook, writeWhatIfSheet } from "../../src/workbook/reports/whatIfBook";
import { readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { COUNCIL_MAPPING, QUESTIONS } from "../support/councilMapping";
import { COUNCIL, councilSheets } from "../support/councilWorkbook";
import { ExcelModel } from "../support/excelModel";

async function excel() {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  const office = new OfficeWorkbook(model.run);
  for (const sheet of await councilSheets()) await office.addSheet(sheet);
  return { model, office, mapped: new MappedWorkbook(office) };
}

/** Every cell of the council's four sheets (value, formula and number format), leaving out columns the add-in added. */
function councilCells(model: ExcelModel) {
  const tables = [COUNCIL.scoring.table, COUNCIL.people.table, COUNCIL.services.table].map((name) => {
    const { headers, rows } = model.tableCells(name);
    const own = headers.filter((header) => !["Points", "Indicative budget"].includes(header)).length;
    return { headers: headers.slice(0, own), rows: rows.map((row) => row.slice(0, own)) };
  });
  const prices = Array.from({ length: 9 }, (_, row) =>
    Array.from({ length: 6 }, (_, column) => model.cell(COUNCIL.prices.sheet, `${"ABCDEF"[column]}${row + 1}`)),
  );
  return JSON.stringify({ tables, prices });
}

describe("a council's own workbook, mapped, through Office.js", () => {
  it("reads the range and the tables through the mapping, as the add-in's tables", async () => {
    const { office, mapped } = await excel();
    await saveMapping(office, COUNCIL_MAPPING);
    const prices = (await mapped.readTable("PricePoints"))!;
    expect(prices).toEqual({
      name: "PricePoints",
      sheet: "Price bands",
      headers: ["RAS points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
      rows: [
        [0, 150, 160, 170, 140],
        [20, 200, 215, 230, 190],
        [40, 260, 280, 300, 240],
        [60, 320, 350, 380, 300],
      ],
      at: { row: 2, column: 1 },
    });
    const people = (await mapped.readTable("People"))!;
    expect(people.headers).toEqual(["Person ID", "Name", "Care group", ...QUESTIONS]);
    expect(people.rows[1].slice(0, 4)).toEqual(["WS1002", "Arthur Khan", "Older people", "D"]);
    expect((await mapped.readTable("Scoring"))!.headers).toEqual(["Domain", "A", "B", "C", "D"]);
  });

  it("adds Points and Indicative budget at the table's right, and changes no other cell of the council's", async () => {
    const { model, office, mapped } = await excel();
    const before = councilCells(model);
    await saveMapping(office, COUNCIL_MAPPING);
    expect(await addCalculatedColumns(mapped)).toEqual(["Points", "Indicative budget"]);
    const users = model.tableCells(COUNCIL.people.table);
    expect(users.headers.slice(-2)).toEqual(["Points", "Indicative budget"]);
    expect(users.rows[19].slice(-1)[0]).toMatchObject({
      formula: "=PB.INDICATIVE_BUDGET([@[Points]],'Price bands'!$B$3:$F$7,[@[Client group]])",
      format: "£#,##0.00",
    });
    // The council's own columns, cell by cell, as they were.
    expect(councilCells(model)).toBe(before);
    // Adding them again adds nothing.
    expect(await addCalculatedColumns(mapped)).toEqual([]);
  });

  it("sets up only the add-in's own tables and writes its sheets' formulas over the council's", async () => {
    const { model, office, mapped } = await excel();
    await saveMapping(office, COUNCIL_MAPPING);
    await addCalculatedColumns(mapped);
    const before = councilCells(model);
    const report = await setUpWorkbook(mapped);
    expect(report.created.map((made) => made.table)).toEqual([
      "Plans",
      "PlanLines",
      "PlanSettings",
      "Budgets",
      "Payments",
    ]);
    expect(model.tableNames()).not.toContain("People");
    const book = await readPlanBook(mapped);
    expect(book.people.map((person) => person.id).slice(0, 3)).toEqual(["WS1001", "WS1002", "WS1003"]);
    expect(book.services).toHaveLength(15);

    const whatIf = await readWhatIfBook(mapped);
    const proposal = proposePriceTable(whatIf.current.grid, {
      kind: "percent",
      percent: new Decimal(5),
      careGroup: "Older people",
    });
    await createProposedTable(mapped, whatIf, proposal);
    const written = await readWhatIfBook(mapped);
    await writeWhatIfSheet(mapped, written, written.proposals[0]);
    expect(model.cell("What-if", "A6").formula).toBe(
      "=PB.REPRICE(ServiceUsers[Points],'Price bands'!$B$3:$F$7,ProposedPricePoints[#All],ServiceUsers[Client group])",
    );
    expect(model.tableCells("ProposedPricePoints").headers[0]).toBe("RAS points from");

    await writeFinanceSheet(mapped, await readFinanceBook(mapped), { asAt: "2026-10-01", yearStart: "2026-04-01" });
    const sheetFormulas = (sheet: string) =>
      Array.from({ length: 200 }, (_, row) =>
        Array.from({ length: 12 }, (_, column) => model.cell(sheet, `${"ABCDEFGHIJKL"[column]}${row + 1}`).formula),
      )
        .flat()
        .filter((formula): formula is string => formula !== undefined);
    const finance = sheetFormulas("Finance");
    expect(finance.some((formula) => formula.includes("ServiceUsers[Indicative budget]"))).toBe(true);
    expect(
      [...finance, ...sheetFormulas("What-if")].filter((formula) =>
        /(^|[^A-Za-z])(People|PricePoints|Scoring|Services)\[/.test(formula),
      ),
    ).toEqual([]);
    expect(councilCells(model)).toBe(before);
  });
});
