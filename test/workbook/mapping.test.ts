// Issue 23 §1: a council's own workbook, laid out its own way (test/support/councilWorkbook.ts: other table names,
// headers and column order, a Guidance column in its scoring table, its price points in a plain range), mapped once
// and then read and written by the add-in's unchanged readers and reports. It holds the starter's figures, so every
// figure it gives must be the starter's: the plan book's budgets, the What-if, Review and Finance sheets' cells.
import { Decimal, proposePriceTable } from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { MappedWorkbook } from "../../src/workbook/mapping/mappedWorkbook";
import { addCalculatedColumns, saveMapping } from "../../src/workbook/mapping/save";
import { assess, readPlanBook, repairPeopleFormulas } from "../../src/workbook/planBook";
import { TableChange, TEXT_FORMAT, Workbook } from "../../src/workbook/port";
import { readFinanceBook, writeFinanceSheet } from "../../src/workbook/reports/financeBook";
import { readReviewBook, reviewSummary, writeReviewSheet } from "../../src/workbook/reports/reviewBook";
import { createProposedTable, readWhatIfBook, writeWhatIfSheet } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { COUNCIL_MAPPING, QUESTIONS } from "../support/councilMapping";
import { COUNCIL, councilId, councilSheets } from "../support/councilWorkbook";
import { AS_AT, FIXTURE_PLANS, savePlans, YEAR_START } from "../support/financeWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";

let functions: FunctionLibrary;

beforeAll(async () => {
  functions = await pbFunctionLibrary();
});

/** The council's workbook with nothing of the add-in's. */
async function council(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
  for (const sheet of await councilSheets()) await workbook.addSheet(sheet);
  return workbook;
}

/** The council's workbook mapped as the pane saves it, its Points and Indicative budget columns added. */
async function mapped(): Promise<{ workbook: MemoryWorkbook; mapped: MappedWorkbook }> {
  const workbook = await council();
  await saveMapping(workbook, COUNCIL_MAPPING);
  const view = new MappedWorkbook(workbook);
  await addCalculatedColumns(view);
  return { workbook, mapped: view };
}

async function starter(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
  await setUpWorkbook(workbook);
  return workbook;
}

/**
 * A sheet's calculated cells as shown, with the council's person IDs and header of lower bounds ("RAS points from",
 * which the sheets name as they find it) as the starter's.
 */
function sheetCells(workbook: MemoryWorkbook, name: string) {
  const sheet = workbook.sheetViews().find((view) => view.name === name)!;
  return Array.from({ length: sheet.rows }, (_, row) =>
    Array.from({ length: sheet.columns }, (_, column) => {
      const value = sheet.cell(row, column).value;
      if (value === "RAS points from") return "Points from";
      return typeof value === "string" ? value.replace(/\bWS1(\d{3})\b/g, "P$1") : value;
    }),
  );
}

const councilTables = (workbook: MemoryWorkbook) =>
  JSON.stringify(
    workbook
      .allTables()
      .filter((table) => Object.values(COUNCIL).some((part) => "table" in part && part.table === table.name)),
  );

describe("a council's own workbook, mapped", () => {
  it("reads the council's tables and range under the add-in's names, headers and order", async () => {
    const { mapped: view } = await mapped();
    const people = (await view.readTable("People"))!;
    expect(people.name).toBe("People");
    expect(people.sheet).toBe("Service users");
    expect(people.headers).toEqual(["Person ID", "Name", "Care group", ...QUESTIONS, "Points", "Indicative budget"]);
    // P001 Margaret Ellis, answers CBCCBCBABACB: 36 points, £6,200 (the starter's).
    expect(people.rows[0]).toEqual(["WS1001", "Margaret Ellis", "Older people", ..."CBCCBCBABACB", 36, 6200]);
    // The price points from 'Price bands'!B3:F7, a range with no table: the starter's PricePoints, header and all.
    const prices = (await view.readTable("PricePoints"))!;
    const starterPrices = (await (await starter()).readTable("PricePoints"))!;
    expect(prices.headers).toEqual(["RAS points from", ...starterPrices.headers.slice(1)]);
    expect(prices.rows).toEqual(starterPrices.rows);
    expect(prices.at).toEqual({ row: 2, column: 1 });
    // The scoring table from Domain to D: its Guidance column of text is left out.
    const scoring = (await view.readTable("Scoring"))!;
    expect(scoring.headers).toEqual(["Domain", "A", "B", "C", "D"]);
    expect(scoring.rows).toHaveLength(12);
    expect((await view.readTable("Services"))!.headers).toEqual([
      "Service",
      "Unit",
      "Unit cost",
      "Frequency",
      "Managed as",
    ]);
    expect((await view.names()).tables).toEqual(
      expect.arrayContaining(["RASMatrix", "ServiceUsers", "ServiceCatalogue", "Scoring", "PricePoints", "People"]),
    );
  });

  it("adds Points and Indicative budget at ServiceUsers' right, live formulas naming the council's cells", async () => {
    const { workbook } = await mapped();
    const users = workbook.allTables().find((table) => table.name === "ServiceUsers")!;
    expect(users.headers.slice(-3)).toEqual(["Review due", "Points", "Indicative budget"]);
    const ids = QUESTIONS.map((question) => `"${question}"`).join(",");
    expect(users.rows[0].slice(-2)).toEqual([
      `=PB.RAS_POINTS([@[Q1 Personal care]:[Q12 Support from family and friends]],` +
        `RASMatrix[[#All],[Domain]:[D]],{${ids}})`,
      "=PB.INDICATIVE_BUDGET([@[Points]],'Price bands'!$B$3:$F$7,[@[Client group]])",
    ]);
    // Every person's points and budget are the starter's (the answers are matched by question id: RASMatrix's rows
    // are in another order).
    const values = (await workbook.readTable("ServiceUsers"))!.rows.map((row) => row.slice(-2));
    const starterValues = (await (await starter()).readTable("People"))!.rows.map((row) => row.slice(-2));
    expect(values).toEqual(starterValues);
    // Nothing else of the council's changed: its columns, their formats and every other cell.
    const before = (await councilSheets()).find((sheet) => sheet.name === COUNCIL.people.sheet)!.tables![0];
    expect(users.columns.slice(0, -2)).toEqual(before.columns);
    expect(users.rows.map((row) => row.slice(0, -2))).toEqual(before.rows);
  });

  it("sets up only what is still missing, leaving the council's tables as they were", async () => {
    const { workbook, mapped: view } = await mapped();
    const before = councilTables(workbook);
    const report = await setUpWorkbook(view);
    expect(report.kept).toEqual(["Scoring", "PricePoints", "People", "Services"]);
    expect(report.created.map((created) => created.table)).toEqual([
      "Plans",
      "PlanLines",
      "PlanSettings",
      "Budgets",
      "Payments",
    ]);
    expect(councilTables(workbook)).toBe(before);
    expect((await workbook.names()).tables).not.toEqual(expect.arrayContaining(["People"]));
  });

  it("prices every person in the plan book as the starter does", async () => {
    const { mapped: view } = await mapped();
    await setUpWorkbook(view);
    const book = await readPlanBook(view);
    const starterBook = await readPlanBook(await starter());
    expect(book.warnings).toEqual([]);
    expect(book.services.map((service) => service.service)).toEqual(
      starterBook.services.map((service) => service.service),
    );
    const budgets = (plans: typeof book) =>
      plans.people.map((person) => {
        const assessed = assess(plans, person);
        return "problem" in assessed ? assessed.problem : assessed.budget.result.toString();
      });
    // Irene Walsh's assessment is unfinished: the first question unanswered in RASMatrix's order (alphabetical) is
    // named, where the starter's order names Home and living.
    expect(budgets(book)).toEqual(
      budgets(starterBook).map((budget) => budget.replace("Home and living", "Communication")),
    );
    expect(book.people.map((person) => person.id)).toEqual(starterBook.people.map((person) => councilId(person.id)));
  });

  it("prices people by a points column of the council's when no answers are mapped", async () => {
    // The council's points: here the Points column the add-in's formula filled, mapped as a column of the council's
    // own (as a council's own formula, or points typed from another system, would be), with no answers mapped.
    const { workbook } = await mapped();
    const people = COUNCIL_MAPPING.find((entry) => entry.role === "People")!;
    await saveMapping(workbook, [
      ...COUNCIL_MAPPING.filter((entry) => entry.role !== "People"),
      {
        ...people,
        columns: people.columns
          .filter((column) => !QUESTIONS.includes(column.field))
          .map((column) => (column.field === "Points" ? { ...column, added: false } : column)),
      },
    ]);
    const view = new MappedWorkbook(workbook);
    await setUpWorkbook(view);
    const book = await readPlanBook(view);
    const starterBook = await readPlanBook(await starter());
    expect(book.people[0]).toEqual({
      id: "WS1001",
      name: "Margaret Ellis",
      careGroup: "Older people",
      answers: [],
      points: 36,
    });
    const budgets = (plans: typeof book) =>
      plans.people.map((person) => {
        const assessed = assess(plans, person);
        return "problem" in assessed ? assessed.problem : assessed.budget.result.toString();
      });
    // Irene Walsh's unfinished assessment: her Points cell shows the formula's #N/A, which the pane names.
    expect(budgets(book)).toEqual([
      ...budgets(starterBook).slice(0, 19),
      "Irene Walsh's assessment cannot be priced yet: Points: expected a number of points, 0 or more; " + 'got "#N/A".',
    ]);
  });

  it("writes the What-if sheet over the council's cells, giving the starter's every figure", async () => {
    const sheets = await Promise.all(
      [(await mapped()).mapped, await starter()].map(async (workbook: Workbook) => {
        await setUpWorkbook(workbook);
        const book = await readWhatIfBook(workbook);
        const proposal = proposePriceTable(book.current.grid, {
          kind: "percent",
          percent: new Decimal(5),
          careGroup: "Older people",
        });
        await createProposedTable(workbook, book, proposal);
        const written = await readWhatIfBook(workbook);
        await writeWhatIfSheet(workbook, written, written.proposals[0]);
        return workbook;
      }),
    );
    const [councilBook, starterBook] = sheets.map((workbook) =>
      workbook instanceof MappedWorkbook ? (workbook.base as MemoryWorkbook) : (workbook as MemoryWorkbook),
    );
    const formulas = councilBook.allSheets().find((sheet) => sheet.name === "What-if")!.cells;
    expect(formulas.find((cell) => cell.row === 5 && cell.column === 0)?.formula).toBe(
      "=PB.REPRICE(ServiceUsers[Points],'Price bands'!$B$3:$F$7,ProposedPricePoints[#All],ServiceUsers[Client group])",
    );
    const shown = sheetCells(councilBook, "What-if");
    expect(shown).toEqual(sheetCells(starterBook, "What-if"));
    // All care groups: £170,435 now, £173,343 proposed (worked out in the what-if's own tests).
    expect(shown.flat()).toEqual(expect.arrayContaining([170_435, 173_343]));
  });

  it("gives the RAS review and writes the Review and Finance sheets as the starter's, every figure", async () => {
    const plans = FIXTURE_PLANS.map((plan) => ({ ...plan, personId: councilId(plan.personId) }));
    const summaries: string[] = [];
    const built = await Promise.all(
      [
        { workbook: (await mapped()).mapped as Workbook, plans },
        { workbook: (await starter()) as Workbook, plans: FIXTURE_PLANS },
      ].map(async ({ workbook, plans: saved }) => {
        await setUpWorkbook(workbook);
        await savePlans(workbook, saved);
        // The RAS review view's figures, as the pane shows them, from the same reader.
        summaries.push(
          JSON.stringify(reviewSummary(await readReviewBook(workbook)))
            .replace(/WS1(\d{3})/g, "P$1")
            .replace(/RAS points from/g, "Points from"),
        );
        await writeReviewSheet(workbook, await readReviewBook(workbook));
        await writeFinanceSheet(workbook, await readFinanceBook(workbook), { asAt: AS_AT, yearStart: YEAR_START });
        return workbook instanceof MappedWorkbook ? (workbook.base as MemoryWorkbook) : (workbook as MemoryWorkbook);
      }),
    );
    const [councilBook, starterBook] = built;
    expect(summaries[0]).toBe(summaries[1]);
    // Five people's Agreed plans are the evidence (finance's fixture plans), as in the starter.
    expect(summaries[0]).toContain('"all":{"careGroup":"All","people":5,');
    for (const sheet of ["Review", "Finance"]) {
      expect(sheetCells(councilBook, sheet)).toEqual(sheetCells(starterBook, sheet));
    }
    const finance = councilBook.allSheets().find((sheet) => sheet.name === "Finance")!.cells;
    expect(finance.some((cell) => cell.formula?.includes("ServiceUsers[Indicative budget]"))).toBe(true);
    expect(finance.some((cell) => cell.formula?.includes("People["))).toBe(false);
  });

  it("writes only the columns it added to the council's table, and never adds or removes its rows", async () => {
    const { workbook, mapped: view } = await mapped();
    const before = councilTables(workbook);
    const key = { header: "Person ID", value: "WS1001" };
    await expect(
      view.editTables([
        {
          table: "People",
          columns: [{ header: "Name", numberFormat: TEXT_FORMAT }],
          update: [{ row: 0, key, values: ["X"] }],
        },
      ]),
    ).rejects.toThrow(
      "Client name is a column of yours in ServiceUsers: the add-in does not write in it; nothing was written.",
    );
    await expect(
      view.editTables([{ table: "People", columns: [{ header: "Points", numberFormat: "General" }], append: [[1]] }]),
    ).rejects.toThrow("The add-in does not add or remove rows of your ServiceUsers table; nothing was written.");
    await expect(
      view.editTables([{ table: "PricePoints", columns: [{ header: "Older people", numberFormat: "General" }] }]),
    ).rejects.toThrow("PricePoints is a range of yours, not a table, so the add-in does not write it");
    await expect(view.addTables([{ name: "people", sheet: "New", columns: [], rows: [] }])).rejects.toThrow(
      "people is mapped to a table of yours",
    );
    expect(councilTables(workbook)).toBe(before);
  });

  it("tells of colleagues' changes to the tables watched, a mapped one's under the add-in's name", async () => {
    const { workbook, mapped: view } = await mapped();
    await setUpWorkbook(view);
    const heard: TableChange[] = [];
    // PricePoints is a range of the council's: Excel raises no change events for a range, so it is not watched.
    const stop = await view.watchTables!(["Plans", "People", "PricePoints"], (change) => heard.push(change));
    const colleague = workbook.colleague();
    const id = { header: "Plan ID", numberFormat: TEXT_FORMAT };
    await colleague.editTables([{ table: "Plans", columns: [id], append: [["PLAN-0001"]] }]);
    const name = { header: "Client name", numberFormat: TEXT_FORMAT };
    const key = { header: "Service user number", value: "WS1001" };
    await colleague.editTables([{ table: "ServiceUsers", columns: [name], update: [{ row: 0, key, values: ["X"] }] }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual([
      { table: "Plans", source: "Remote" },
      { table: "People", source: "Remote" },
    ]);
    await stop();
    // Over a workbook that cannot tell of changes, neither can the mapping.
    const silent: Workbook = {
      names: () => workbook.names(),
      readTable: (table, read) => workbook.readTable(table, read),
      readCells: (sheet, range) => workbook.readCells(sheet, range),
      addTables: (tables) => workbook.addTables(tables),
      addSheet: (sheet) => workbook.addSheet(sheet),
      editTables: (edits) => workbook.editTables(edits),
    };
    expect(new MappedWorkbook(silent).watchTables).toBeUndefined();
  });

  it("Refresh gives a cleared Points cell the mapping's formula back, and leaves the council's own alone", async () => {
    const { workbook, mapped: view } = await mapped();
    const users = () => workbook.allTables().find((table) => table.name === "ServiceUsers")!;
    const pointsAt = users().headers.indexOf("Points");
    const formula = users().rows[0][pointsAt];
    workbook.setCell(COUNCIL.people.sheet, 3, pointsAt, null);
    expect(await repairPeopleFormulas(view)).toEqual({ repairedRows: 1, problem: null });
    expect(users().rows[2][pointsAt]).toBe(formula);
    expect((await workbook.readTable("ServiceUsers"))!.rows[2][pointsAt]).toBe(10);

    // Points mapped to a column of the council's own: a blank there is theirs to fill; the add-in writes nothing.
    const own = new MappedWorkbook(workbook);
    await saveMapping(workbook, [
      ...COUNCIL_MAPPING.filter((entry) => entry.role !== "People"),
      {
        ...COUNCIL_MAPPING.find((entry) => entry.role === "People")!,
        columns: COUNCIL_MAPPING.find((entry) => entry.role === "People")!.columns.map((column) =>
          column.field === "Points" ? { ...column, added: false } : column,
        ),
      },
    ]);
    workbook.setCell(COUNCIL.people.sheet, 3, pointsAt, null);
    const before = councilTables(workbook);
    expect(await repairPeopleFormulas(own)).toEqual({ repairedRows: 0, problem: null });
    expect(councilTables(workbook)).toBe(before);
  });
});
