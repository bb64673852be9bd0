// The Finance view's state without a browser: the reducer's named actions, the figures derived from the state,
// and the controller writing the Finance sheet into the in-memory workbook as the pane does. The fixture's
// figures are worked out by hand in test/sheet/finance.test.ts; the arithmetic is repeated where they are used.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { Decimal, matchKey } from "../../src/engine";
import { FinanceBook, financeFigures, readFinanceBook } from "../../src/workbook/reports/financeBook";
import {
  canWrite,
  FinanceAction,
  financeReducer,
  FinanceState,
  financeSummary,
  initialFinanceState,
  unsavedWork,
} from "../../src/taskpane/state/finance";
import { financeController } from "../../src/taskpane/state/financeController";
import { AS_AT, financeWorkbook, FIXTURE_PLANS, savePlans, serial, YEAR_START } from "../support/financeWorkbook";
import { financeLayout } from "../../src/workbook/reports/finance";
import { columnWrite } from "../../src/workbook/schema/columns";
import { columnWrites } from "../../src/workbook/schema/rows";
import { BUDGET_YEAR, BUDGETS, PLANS } from "../../src/workbook/schema/tables";
import { readFinancePlans } from "../../src/workbook/reports/finance/planRows";
import { LAST_SERIAL, AMOUNT_LIMIT } from "../../src/workbook/reports/finance/perPlan";
import { setUpWorkbook } from "../../src/workbook/starter";
import { pbFunctionLibrary } from "../support/pbFunctions";

let functions: FunctionLibrary;
let book: FinanceBook;

beforeAll(async () => {
  functions = await pbFunctionLibrary();
  book = await readFinanceBook(await financeWorkbook(functions));
});

const reduce = (state: FinanceState, ...actions: FinanceAction[]) => actions.reduce(financeReducer, state);
const money = (value: { toFixed(places: number): string } | null | undefined) => value?.toFixed(2) ?? null;

/** Read, as at 1 October 2026 in 2026/27. */
const read = () => reduce(initialFinanceState("2026-10-01"), { type: "readStarted" }, { type: "read", book });

/** The pane without React: the reducer holds the state, the controller does the work. */
function pane(workbook: MemoryWorkbook, today = AS_AT) {
  let state = initialFinanceState(today);
  const dispatch = (action: FinanceAction) => {
    state = financeReducer(state, action);
  };
  return {
    get state() {
      return state;
    },
    dispatch,
    controller: financeController(workbook, dispatch),
  };
}

describe("the Finance view's actions", () => {
  it("starts as at today in the April-to-March year it falls in, with the sheet's starting rates, reading", () => {
    const state = initialFinanceState("2027-02-10");
    expect(state.dates).toEqual({ asAt: "2027-02-10", yearStart: "2026-04-01" });
    expect(state.assumptions).toEqual({ all: { growth: "2", inflation: "4" }, own: [] });
    expect(state.busy).toBe("Reading the workbook");
    expect(initialFinanceState("2026-04-01").dates.yearStart).toBe("2026-04-01");
    expect(initialFinanceState("2026-03-31").dates.yearStart).toBe("2025-04-01");
    const summary = financeSummary(state);
    expect(summary.year).toEqual({ label: "2026/27", from: "2026-04-01", to: "2027-03-31", byDefault: false });
    expect(summary.figures).toBeNull(); // not read yet
    expect(canWrite(state)).toBe(false);
  });

  it("read: the commitment at the as-at date, in year and a full year, against the budget", () => {
    const state = read();
    expect(state.busy).toBeNull();
    const { figures, problems } = financeSummary(state);
    expect(problems).toEqual({ asAt: null, yearStart: null });
    const all = figures!.commitment.rows[figures!.commitment.rows.length - 1];
    // Older people 21,507.20 + Learning disability 25,012 + Mental health 6,084 = 52,603.20 a year, against the
    // sample budgets' 180,000: 127,396.80 left. In year (1 October to 31 March, 182 days): 7,925.39 + 12,471.74 +
    // 3,033.67 = 23,430.80.
    expect([money(all.fullYear.total), money(all.budget), money(all.variance), money(all.inYear.total)]).toEqual([
      "52603.20",
      "180000.00",
      "127396.80",
      "23430.80",
    ]);
    expect(canWrite(state)).toBe(true);
  });

  it("as-at date: the year follows it out of the year shown, keeping the year's first month", () => {
    let state = reduce(read(), { type: "asAtChanged", asAt: "2027-05-01" });
    expect(state.dates).toEqual({ asAt: "2027-05-01", yearStart: "2027-04-01" });
    state = reduce(state, { type: "asAtChanged", asAt: "2027-06-30" }); // within: the year stays
    expect(state.dates.yearStart).toBe("2027-04-01");
    // A council whose year runs January to December stays so.
    state = reduce(
      state,
      { type: "yearStartChanged", yearStart: "2027-01-01" },
      { type: "asAtChanged", asAt: "2028-02-01" },
    );
    expect(state.dates).toEqual({ asAt: "2028-02-01", yearStart: "2028-01-01" });
    expect(financeSummary(state).year?.label).toBe("2028");
  });

  it("dates that cannot be used say why under the box that is wrong, and the sheet cannot be written meanwhile", () => {
    let state = reduce(read(), { type: "asAtChanged", asAt: "" }); // the date box cleared
    expect(financeSummary(state).problems).toEqual({
      asAt: "Give the as-at date, such as 2026-10-01.",
      yearStart: null,
    });
    expect(canWrite(state)).toBe(false);
    state = reduce(read(), { type: "yearStartChanged", yearStart: "2025-04-01" }); // as at 1 October 2026
    expect(financeSummary(state).problems).toEqual({
      asAt: null,
      yearStart:
        "The as-at date (2026-10-01) is after the financial year's last day (2026-03-31): choose a later financial " +
        "year.",
    });
    expect(financeSummary(state).figures).toBeNull();
    expect(canWrite(state)).toBe(false);
  });

  it("a blank Financial year starts is 1 April of the as-at date's year, as its hint says", () => {
    const state = reduce(read(), { type: "yearStartChanged", yearStart: "" });
    const summary = financeSummary(state);
    expect(summary.problems).toEqual({ asAt: null, yearStart: null });
    expect(summary.year).toEqual({ label: "2026/27", from: "2026-04-01", to: "2027-03-31", byDefault: true });
    expect(summary.dates).toEqual({ asAt: "2026-10-01", yearStart: "2026-04-01" });
    const all = summary.figures!.commitment.rows[summary.figures!.commitment.rows.length - 1];
    expect([money(all.fullYear.total), money(all.inYear.total)]).toEqual(["52603.20", "23430.80"]);
    expect(canWrite(state)).toBe(true);
    // As at 1 February 2027, a blank year is still April 2026 to March 2027: 59 days, 1 February to 31 March.
    const february = reduce(state, { type: "asAtChanged", asAt: "2027-02-01" });
    expect(financeSummary(february).year?.from).toBe("2026-04-01");
    expect(financeSummary(reduce(state, { type: "asAtChanged", asAt: "2027-04-01" })).year?.label).toBe("2027/28");
  });

  it("rates: all care groups' and a group's own move the forecast; a blank own box follows all again", () => {
    // By default 2% more people and 4% dearer, × 1.0608: Older people's recurring 20,857.20 → 22,125.32;
    // Learning disability 25,012 → 26,532.73; Mental health 6,084 → 6,453.91; all 55,111.96.
    const yearOne = (state: FinanceState) => {
      const forecast = financeSummary(state).forecast;
      return forecast && money(forecast[forecast.length - 1].years[0]);
    };
    expect(yearOne(read())).toBe("55111.96");
    const changed = reduce(
      read(),
      { type: "rateChanged", careGroup: null, rate: "growth", value: "1" },
      { type: "rateChanged", careGroup: null, rate: "inflation", value: "3%" },
      { type: "rateChanged", careGroup: "Older people", rate: "growth", value: "3.5" },
    );
    expect(changed.assumptions).toEqual({
      all: { growth: "1", inflation: "3%" },
      own: [{ careGroup: "Older people", growth: "3.5", inflation: "" }],
    });
    // Older people 20,857.20 × 1.035 × 1.03 = 22,234.8180… → 22,234.82; Learning disability 25,012 × 1.01 × 1.03
    // = 26,019.9836 → 26,019.98; Mental health 6,084 × 1.0403 = 6,329.1852 → 6,329.19: 54,583.99.
    expect(yearOne(changed)).toBe("54583.99");
    const olderRow = financeSummary(changed).forecast![0];
    expect([olderRow.careGroup, money(olderRow.years[0])]).toEqual(["Older people", "22234.82"]);
    // Older people's box cleared: it follows all (1%, 3%): 20,857.20 × 1.0403 = 21,697.7451… → 21,697.75.
    const cleared = reduce(changed, { type: "rateChanged", careGroup: "older people", rate: "growth", value: " " });
    expect(cleared.assumptions.own).toEqual([]);
    expect(money(financeSummary(cleared).forecast![0].years[0])).toBe("21697.75");
  });

  it("a rate that is not a percentage is marked on its box; the forecast and writing wait, the rest shows", () => {
    const state = reduce(
      read(),
      { type: "rateChanged", careGroup: null, rate: "inflation", value: "" },
      { type: "rateChanged", careGroup: "Mental health", rate: "growth", value: "lots" },
    );
    const summary = financeSummary(state);
    expect(summary.rateProblems).toEqual([
      { careGroup: null, rate: "inflation", message: "Price inflation: a percentage a year is needed, such as 2.5" },
      {
        careGroup: "Mental health",
        rate: "growth",
        message: 'Growth in people, Mental health: expected a percentage a year, such as 2.5 or -1; got "lots"',
      },
    ]);
    expect(summary.forecast).toBeNull();
    expect(summary.assumptions).toBeNull();
    expect(money(summary.figures!.commitment.rows[0].fullYear.total)).toBe("21507.20"); // Older people, as before
    expect(canWrite(state)).toBe(false);
  });

  it("writing: busy while under way, then what was created; a change of date or rate clears the note", () => {
    let state = reduce(read(), { type: "writeStarted" });
    expect(state.busy).toBe("Writing the Finance sheet");
    expect(canWrite(state)).toBe(false);
    state = reduce(state, {
      type: "written",
      written: { sheet: "Finance (2)", budgets: { table: "Budgets", sheet: "Budgets (2)" } },
      book,
    });
    expect(state.busy).toBeNull();
    expect(state.written).toEqual({
      intent: "success",
      title: "Created the sheet Finance (2)",
      text:
        "Commitment as at 1 Oct 2026 in 2026/27, by care group, with the pipeline, spending by service, indicative " +
        "budgets against plans and the forecast, all live formulas over the tables. It also added a Budgets table " +
        "on the sheet Budgets (2), a row per care group: type each group's annual budget there, and the Finance " +
        "sheet follows.",
    });
    expect(reduce(state, { type: "rateChanged", careGroup: null, rate: "growth", value: "3" }).written).toBeNull();
    expect(reduce(state, { type: "asAtChanged", asAt: "2026-11-01" }).written).toBeNull();
    const failed = reduce(
      state,
      { type: "writeStarted" },
      {
        type: "writeFailed",
        message: { intent: "error", title: "The Finance sheet was not written", text: "Excel said no." },
      },
    );
    expect([failed.busy, failed.written?.title]).toEqual([null, "The Finance sheet was not written"]);
  });
});

describe("leaving the Finance view", () => {
  it("asks first when forecast rates were typed and not written to a sheet; dates alone are not work", () => {
    const rate = (careGroup: string | null, value: string): FinanceAction => ({
      type: "rateChanged",
      careGroup,
      rate: "inflation",
      value,
    });
    expect(unsavedWork(read())).toEqual([]);
    expect(unsavedWork(reduce(read(), { type: "asAtChanged", asAt: "2026-11-01" }))).toEqual([]);
    const typed = reduce(read(), rate(null, "3"));
    expect(unsavedWork(typed)).toEqual(["the forecast rates you typed"]);
    // Typed back to the starting 4%: nothing is lost.
    expect(unsavedWork(reduce(typed, rate(null, "4")))).toEqual([]);
    const own = reduce(read(), rate("Mental health", "6"));
    expect(unsavedWork(own)).toEqual(["the forecast rates you typed"]);
    // Written to a sheet: the rates are in the workbook now.
    const written = reduce(
      own,
      { type: "writeStarted" },
      { type: "written", written: { sheet: "Finance", budgets: null }, book },
    );
    expect(unsavedWork(written)).toEqual([]);
  });
});

describe("the Finance view's controller", () => {
  it("reads the tables, writes the sheet once at the dates and rates; a second write takes a new name", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook);
    await finance.controller.read();
    expect(finance.state.book?.careGroups).toEqual([
      "Older people",
      "Physical disability",
      "Learning disability",
      "Mental health",
    ]);
    finance.dispatch({ type: "rateChanged", careGroup: "Older people", rate: "growth", value: "3.5" });
    await finance.controller.write(finance.state);
    expect(finance.state.written?.title).toBe("Created the sheet Finance");
    const sheet = () => workbook.sheetViews().find((view) => view.name === "Finance")!;
    // The inputs are the dates chosen; Older people's growth is its own rate, typed over the formula.
    const { asAt, yearStart } = { asAt: sheet().cell(4, 1).value, yearStart: sheet().cell(5, 1).value };
    expect([asAt, yearStart]).toEqual([46296, 46113]); // 1 October 2026 and 1 April 2026 as Excel serials
    expect(workbook.allSheets().find((candidate) => candidate.name === "Finance")!.cells).toContainEqual(
      expect.objectContaining({ value: 0.035 }),
    );

    await finance.controller.write(finance.state);
    expect(finance.state.written?.title).toBe("Created the sheet Finance (2)");
    expect(workbook.allSheets().filter((candidate) => candidate.name.startsWith("Finance"))).toHaveLength(2);
  });

  it("writes nothing while a rate box has a problem", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook);
    await finance.controller.read();
    finance.dispatch({ type: "rateChanged", careGroup: null, rate: "growth", value: "20%%" });
    const sheets = workbook.allSheets().length;
    await finance.controller.write(finance.state);
    expect(workbook.allSheets()).toHaveLength(sheets);
    expect(finance.state.written).toBeNull();
  });

  it("an empty workbook: a calm note to set it up, not an error", async () => {
    const finance = pane(new MemoryWorkbook({ formulas: formulaEngine }));
    await finance.controller.read();
    expect(finance.state.message).toEqual({
      intent: "info",
      title: "Set up the workbook",
      text:
        'The workbook has no Plans, PlanLines, People tables. Use "Set up workbook" in the Support plan view to add ' +
        "what is missing; nothing you have is changed.",
    });
    expect(finance.state.busy).toBeNull();
  });
});

describe("the Finance view and the Finance sheet's inputs", () => {
  /** The Finance sheet's cell, by its A1 address, set as a user typing in it would. */
  const type = (workbook: MemoryWorkbook, sheet: string, address: string, value: number) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    workbook.setCell(sheet, Number(digits) - 1, letters.charCodeAt(0) - 65, value);
  };
  const yearOne = (state: FinanceState) => {
    const forecast = financeSummary(state).forecast!;
    return money(forecast[forecast.length - 1].years[0]);
  };

  it("takes the sheet's inputs on Refresh: 5% growth typed in B12 forecasts at 5%, as the sheet does", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook);
    await finance.controller.read();
    await finance.controller.write(finance.state);
    // Typed over the sheet: 5% growth for all care groups, and as at 1 November 2026.
    type(workbook, "Finance", "B12", 0.05);
    type(workbook, "Finance", "B5", serial("2026-11-01"));
    await finance.controller.read();
    expect(finance.state.assumptions.all).toEqual({ growth: "5", inflation: "4" });
    expect(finance.state.dates).toEqual({ asAt: "2026-11-01", yearStart: "2026-04-01" });
    // 5% more people and 4% dearer, × 1.092: Older people 20,857.20 → 22,776.0624 → 22,776.06; Learning disability
    // 25,012 → 27,313.104 → 27,313.10; Mental health 6,084 → 6,643.728 → 6,643.73: 56,732.89, as the sheet says.
    expect(yearOne(finance.state)).toBe("56732.89");
    const layout = financeLayout(finance.state.book!);
    const sheet = workbook.sheetViews().find((view) => view.name === "Finance")!;
    expect((sheet.cell(layout.forecast.last, 2).value as number).toFixed(2)).toBe("56732.89");
    expect(financeSummary(finance.state).differences).toEqual([]);
    expect(unsavedWork(finance.state)).toEqual([]);
  });

  it("keeps rates typed in the pane over the sheet, saying which differs, until told to use the sheet's", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook);
    await finance.controller.read();
    await finance.controller.write(finance.state);
    finance.dispatch({ type: "rateChanged", careGroup: null, rate: "growth", value: "3" });
    finance.dispatch({ type: "rateChanged", careGroup: "Mental health", rate: "inflation", value: "6" });
    type(workbook, "Finance", "B12", 0.05);
    await finance.controller.read(); // Refresh: the typed rates are work not yet written, so they stay
    expect(finance.state.assumptions.all.growth).toBe("3");
    expect(financeSummary(finance.state).differences).toEqual([
      "Growth in people: 5% on the sheet (B12), 3% here.",
      "Price inflation, Mental health: 4% on the sheet (C12), 6% here.",
    ]);
    expect(unsavedWork(finance.state)).toEqual(["the forecast rates you typed"]);
    finance.dispatch({ type: "sheetInputsUsed" });
    expect(finance.state.assumptions).toEqual({ all: { growth: "5", inflation: "4" }, own: [] });
    expect(financeSummary(finance.state).differences).toEqual([]);
    expect(unsavedWork(finance.state)).toEqual([]);
  });

  it("writes a blank Financial year starts as 1 April", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook, "2027-02-10");
    await finance.controller.read();
    finance.dispatch({ type: "yearStartChanged", yearStart: "" });
    await finance.controller.write(finance.state);
    expect(finance.state.written?.title).toBe("Created the sheet Finance");
    const sheet = workbook.sheetViews().find((view) => view.name === "Finance")!;
    expect([sheet.cell(4, 1).value, sheet.cell(5, 1).value]).toEqual([serial("2027-02-10"), serial("2026-04-01")]);
  });
});

describe("what the Finance view names in the workbook", () => {
  it("keeps PricePoints' order of care groups whatever order Budgets holds them in", async () => {
    const workbook = await financeWorkbook(functions);
    const budgets = (await workbook.readTable("Budgets"))!;
    // Budgets re-ordered, Mental health first, with a care group PricePoints lacks.
    const rows = [budgets.rows[3], budgets.rows[0], budgets.rows[2], budgets.rows[1]];
    await workbook.editTables([
      {
        table: "Budgets",
        columns: columnWrites(BUDGETS),
        update: rows.map((row, index) => ({
          row: index,
          key: { header: "Care group", value: String(budgets.rows[index][0]) },
          values: [row[0], row[1]],
        })),
        append: [["Autism", 12_000]],
      },
    ]);
    const book = await readFinanceBook(workbook);
    expect(book.careGroups).toEqual([
      "Older people",
      "Physical disability",
      "Learning disability",
      "Mental health",
      "Autism",
    ]);
  });

  it("names plans left out and a person's overlapping Agreed plans, counting people once", async () => {
    const workbook = await financeWorkbook(functions, [
      ...FIXTURE_PLANS,
      // Margaret Ellis again, typed by hand over PLAN-0001; and a Draft plan whose start date was blanked.
      { ...FIXTURE_PLANS[0], planId: "PLAN-0008", start: "2026-09-01", end: "2027-08-31" },
      { ...FIXTURE_PLANS[4], planId: "PLAN-0009", start: null },
    ]);
    const finance = pane(workbook);
    await finance.controller.read();
    const figures = financeSummary(finance.state).figures!;
    expect(figures.overlaps).toEqual([
      "P001 has Agreed plans whose dates overlap: PLAN-0001 (from 1 Jun 2025, ongoing) and PLAN-0008 (1 Sep 2026 to " +
        "31 Aug 2027). Each is in the commitment, the person counted once; end the earlier plan the day before the " +
        "later one starts.",
    ]);
    expect(figures.leftOut).toEqual(["PLAN-0009: no start date."]);
    // Older people: Margaret Ellis and Arthur Khan, two people for three plans.
    expect(figures.commitment.rows[0].people.total).toBe(2);
    expect(figures.commitment.rows[figures.commitment.rows.length - 1].people.total).toBe(4);
  });

  it("names three overlapping Agreed plans in a list, leaving out a plan that cannot be read", async () => {
    const workbook = await financeWorkbook(functions, [
      ...FIXTURE_PLANS,
      { ...FIXTURE_PLANS[0], planId: "PLAN-0008", start: "2026-09-01", end: "2027-08-31" },
      { ...FIXTURE_PLANS[0], planId: "PLAN-0010", start: "2027-01-01", end: "2027-03-31" },
      // Grace Okafor's second plan, over PLAN-0004, its cost typed as words: left out, so it overlaps nothing.
      { ...FIXTURE_PLANS[3], planId: "PLAN-0011", start: "2026-08-01" },
    ]);
    const plans = workbook.allTables().find((table) => table.name === "Plans")!;
    const row = plans.rows.findIndex((cells) => cells[plans.headers.indexOf("Plan ID")] === "PLAN-0011");
    workbook.setCell(plans.sheet, row + 1, plans.headers.indexOf("Plan cost (annual)"), "lots");
    const finance = pane(workbook);
    await finance.controller.read();
    const figures = financeSummary(finance.state).figures!;
    expect(figures.overlaps).toEqual([
      "P001 has Agreed plans whose dates overlap: PLAN-0001 (from 1 Jun 2025, ongoing), PLAN-0008 (1 Sep 2026 to " +
        "31 Aug 2027) and PLAN-0010 (1 Jan 2027 to 31 Mar 2027). Each is in the commitment, the person counted " +
        "once; end the earlier plan the day before the later one starts.",
    ]);
    expect(figures.leftOut).toEqual(['PLAN-0011: its Plan cost (annual) holds "lots", not an amount in £, 0 or more.']);
  });

  it("says so where a plan has no Plan ID, or overlapping plans no Person ID", async () => {
    const workbook = await financeWorkbook(functions, [
      ...FIXTURE_PLANS,
      // Typed by hand: two Agreed plans without a Person ID, and a Draft with neither a Plan ID nor a start date.
      { ...FIXTURE_PLANS[6], planId: "PLAN-0012", personId: "", start: "2026-05-01", end: null },
      { ...FIXTURE_PLANS[6], planId: "PLAN-0013", personId: "", start: "2026-06-01", end: "2026-12-31" },
      { ...FIXTURE_PLANS[4], planId: "", start: null },
    ]);
    const finance = pane(workbook);
    await finance.controller.read();
    const figures = financeSummary(finance.state).figures!;
    expect(figures.overlaps).toEqual([
      "A person with no Person ID has Agreed plans whose dates overlap: PLAN-0012 (from 1 May 2026, ongoing) and " +
        "PLAN-0013 (1 Jun 2026 to 31 Dec 2026). Each is in the commitment, the person counted once; end the " +
        "earlier plan the day before the later one starts.",
    ]);
    expect(figures.leftOut).toEqual(["A plan with no Plan ID: no start date."]);
  });

  it("notes that what people contribute is not worked out while the weeks in a year cannot be used", async () => {
    const workbook = await financeWorkbook(functions);
    const finance = pane(workbook);
    await finance.controller.read();
    expect(financeSummary(finance.state).figures!.notes).toEqual([]);
    // 54 typed in PlanSettings' Weeks in a year, its first row.
    const settings = workbook.allTables().find((table) => table.name === "PlanSettings")!;
    workbook.setCell(settings.sheet, 1, settings.headers.indexOf("Weeks in a year"), 54);
    await finance.controller.read();
    const figures = financeSummary(finance.state).figures!;
    expect(figures.contributions).toBeNull();
    expect(figures.notes).toEqual([
      "What people contribute is not worked out: The PlanSettings table's Weeks in a year cannot be used: row 1: " +
        "expected a number from 50 to 53; got 54. A policy officer sets it in the Settings tab; until then plans " +
        "are not costed and cannot be saved, and the Finance sheet's contributions show #N/A.",
    ]);
  });

  it("leaves Other care groups on all care groups' rates, as the sheet does, even beside a rate of that name", () => {
    // Mental health not listed: its 6,084 a year is Other care groups'. Older people's own 50% growth applies to
    // its 20,857.20 (the 650 one-off aside): × 1.5 × 1.04 = 32,537.232 → 32,537.23. Learning disability and Other
    // care groups follow all care groups' 2% and 4% (× 1.0608), not the 50% given under Other care groups' name:
    // 25,012 → 26,532.7296 → 26,532.73, and 6,084 → 6,453.9072 → 6,453.91.
    const fifty = { growth: new Decimal("0.5") };
    const assumptions = {
      all: { growth: new Decimal("0.02"), inflation: new Decimal("0.04") },
      own: new Map([
        [matchKey("Older people"), fifty],
        [matchKey("Other care groups"), fifty],
      ]),
    };
    const listed = { ...book, careGroups: ["Older people", "Physical disability", "Learning disability"] };
    const { forecast } = financeFigures(listed, { asAt: AS_AT, yearStart: YEAR_START }, assumptions);
    expect(forecast.map((row) => [row.careGroup, money(row.years[0])]).slice(0, 4)).toEqual([
      ["Older people", "32537.23"],
      ["Physical disability", "0.00"],
      ["Learning disability", "26532.73"],
      ["Other care groups", "6453.91"],
    ]);
  });

  it("refuses figures without an as-at date or a year's first day, naming which", () => {
    expect(() => financeFigures(book, { asAt: "", yearStart: YEAR_START })).toThrow("As at is blank: give a date");
    expect(() => financeFigures(book, { asAt: AS_AT, yearStart: "" })).toThrow(
      "Financial year starts is blank: give a date",
    );
  });

  it("leaves out a Budgets row whose amount or Financial year the sheet cannot read, naming row and why", async () => {
    const workbook = await financeWorkbook(functions);
    const budgets = (await workbook.readTable("Budgets"))!;
    const rows = [
      ["Older people", 65_000, "2026/27"],
      ["Physical disability", 35_000, "2026"], // a year from January: not 2026/27
      ["Learning disability", 50_000, "2099/00"], // April 2099 to March 2100
      ["Mental health", 30_000, null], // every year
    ];
    await workbook.editTables([
      {
        table: "Budgets",
        columns: [...columnWrites(BUDGETS), columnWrite(BUDGET_YEAR)],
        update: rows.map((values, index) => ({
          row: index,
          key: { header: "Care group", value: String(budgets.rows[index][0]) },
          values,
        })),
        append: [
          ["Mental health", 0, "2026/27"],
          ["Learning disability", null, "2026/27"], // not yet typed: none, without a word
          [null, null, null], // a blank row is passed over, and still counted in the rows named below
          ["Older people", -500, "2026/27"],
          ["Older people", "1000", "2026/27"], // a number typed as text, which SUMIFS skips
          ["Mental health", 1000, "2026/28"],
          ["Mental health", 1000, "x2026"],
          ["Mental health", 1000, "2026-27"],
          [null, 5000, null], // no care group, every year: in Other care groups and All
        ],
      },
    ]);
    const finance = pane(workbook);
    await finance.controller.read();
    const book = finance.state.book!;
    const notAYear = (text: string) =>
      `Financial year holds "${text}", not a year as the Finance sheet names them: 2026/27 for April 2026 to ` +
      "March 2027, or 2027 for a year from January";
    const leftOut = (row: number, why: string) =>
      `Budgets table row ${row} is left out (the Finance sheet skips it too): ${why}.`;
    expect(book.warnings).toEqual([
      leftOut(8, "Annual budget holds -500, not an amount in £"),
      leftOut(9, 'Annual budget holds "1000", not an amount in £'),
      leftOut(10, notAYear("2026/28")),
      leftOut(11, notAYear("x2026")),
      leftOut(12, notAYear("2026-27")),
    ]);
    expect(book.budgets.map((budget) => [budget.careGroup, money(budget.annualBudget), budget.financialYear])).toEqual([
      ["Older people", "65000.00", "2026/27"],
      ["Physical disability", "35000.00", "2026"],
      ["Learning disability", "50000.00", "2099/00"],
      ["Mental health", "30000.00", null],
      ["Mental health", "0.00", "2026/27"],
      ["Learning disability", null, "2026/27"],
      ["", "5000.00", null],
    ]);
    // 2026/27, in the pane and on the sheet: Older people 65,000 alone; Physical and Learning disability none for
    // this year (a blank amount adds 0); Mental health 30,000 + 0; a row without a care group, 5,000, in Other care
    // groups; all care groups 100,000.
    const budgetsShown = ["65000.00", "0.00", "0.00", "30000.00", "5000.00", "100000.00"];
    expect(financeSummary(finance.state).figures!.commitment.rows.map((row) => money(row.budget))).toEqual(
      budgetsShown,
    );
    await finance.controller.write(finance.state);
    const layout = financeLayout(book);
    const sheet = workbook.sheetViews().find((view) => view.name === "Finance")!;
    const onSheet = Array.from({ length: 6 }, (_, group) => sheet.cell(layout.fullYear.first + group, 6).value);
    expect(onSheet.map((value) => (value as number).toFixed(2))).toEqual(budgetsShown);
  });

  it("counts no budget while Budgets lacks the columns the sheet reads, and says so", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
    await workbook.addTables([
      {
        sheet: "Money",
        name: "Budgets",
        columns: ["Group", "Amount"].map((header) => ({ header, numberFormat: "General" })),
        rows: [["Older people", 65_000]],
      },
    ]);
    await setUpWorkbook(workbook);
    await savePlans(workbook, FIXTURE_PLANS);
    const finance = pane(workbook);
    await finance.controller.read();
    const book = finance.state.book!;
    expect(book.warnings).toEqual([
      'The Budgets table is missing the columns "Care group", "Annual budget". Until it has them, no budget is ' +
        "counted.",
    ]);
    expect(book.budgets).toEqual([]);
    expect(book.careGroups).toEqual(["Older people", "Physical disability", "Learning disability", "Mental health"]);
    const budgets = financeSummary(finance.state).figures!.commitment.rows.map((row) => money(row.budget));
    expect(budgets).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00", "0.00"]);
  });
});

describe("the Plans table as the finance figures read it", () => {
  const headers = Object.values(PLANS.columns).map((column) => column.header);
  /** A Plans table of every column, each row PLAN-n Agreed unless its cells say otherwise. */
  const plansTable = (rows: Record<string, unknown>[], without: string[] = []) => {
    const kept = headers.filter((header) => !without.includes(header));
    return {
      name: "Plans",
      sheet: "Plans",
      headers: kept,
      rows: rows.map((cells) => kept.map((header) => (header in cells ? cells[header] : null))),
    } as Parameters<typeof readFinancePlans>[0];
  };
  const plan = (cells: Record<string, unknown>) => ({ "Plan ID": "PLAN-1", Status: "Agreed", ...cells });
  const read = (...rows: Record<string, unknown>[]) =>
    readFinancePlans(plansTable(rows)).map((row) => [row.start, row.end, row.unreadable ?? null]);
  const notADate = (header: string, kind: string, cell: string) =>
    `its ${header} holds ${kind} (${cell}), not a date: type it as a date`;
  const notAnAmount = (header: string, cell: string) => `its ${header} holds ${cell}, not an amount in £, 0 or more`;

  it("a date is a whole day from serial 1 to the last; text, 0 or a later serial is named, a blank is none", () => {
    expect(
      read(
        plan({ "Start date": 1, "End date": LAST_SERIAL }),
        plan({ "Start date": 46_113.75, "End date": null }),
        plan({ "Start date": 0.5, "End date": LAST_SERIAL + 1 }),
        plan({ "Start date": "1/4/2026", "End date": true }),
      ),
    ).toEqual([
      [1, LAST_SERIAL, null],
      [46_113, null, null],
      [null, null, `${notADate("Start date", "a value", "0.5")}; ${notADate("End date", "a value", "2958466")}`],
      [null, null, `${notADate("Start date", "text", '"1/4/2026"')}; ${notADate("End date", "a value", "TRUE")}`],
    ]);
  });

  it("an amount is a number from 0 to the limit, a blank £0; below 0, above the limit or text is named", () => {
    const plans = readFinancePlans(
      plansTable([
        plan({ "Start date": 46_113, "Plan cost (annual)": 0, "One-off items": AMOUNT_LIMIT, "Weekly charge": 0 }),
        plan({ "Start date": 46_113, "Plan cost (annual)": -0.01, "Weekly charge": -5 }),
        plan({ "Start date": 46_113, "One-off items": AMOUNT_LIMIT + 1, "Direct payment (annual)": "100" }),
      ]),
    );
    expect(plans.map((row) => [row.annual.toString(), row.oneOff.toString(), row.unreadable ?? null])).toEqual([
      ["0", String(AMOUNT_LIMIT), null],
      ["0", "0", `${notAnAmount("Plan cost (annual)", "-0.01")}; ${notAnAmount("Weekly charge", "-5")}`],
      [
        "0",
        "0",
        `${notAnAmount("One-off items", String(AMOUNT_LIMIT + 1))}; ${notAnAmount("Direct payment (annual)", '"100"')}`,
      ],
    ]);
  });

  it("an empty row is passed over; a row with a Plan ID or a status alone is a plan", () => {
    const plans = readFinancePlans(
      plansTable([{}, { "Plan ID": "PLAN-1" }, { Status: "Draft" }, { "Person ID": "P001", "Start date": 46_113 }]),
    );
    expect(plans.map((row) => [row.planId, row.status])).toEqual([
      ["PLAN-1", ""],
      ["", "Draft"],
    ]);
  });

  it("names the columns missing: one or several, and the date columns alone added back by saving a plan", () => {
    const problem = (without: string[]) => {
      try {
        readFinancePlans(plansTable([plan({})], without));
      } catch (error) {
        return (error as Error).message;
      }
      return "no problem";
    };
    const start = "The Plans table has no ";
    expect(problem(["Care group"])).toBe(
      `${start}Care group column, which the finance figures need: add it back, with its heading.`,
    );
    expect(problem(["Care group", "Start date"])).toBe(
      `${start}Care group, Start date columns, which the finance figures need: add them back, with their heading.`,
    );
    expect(problem(["End date"])).toBe(
      `${start}End date column, which the finance figures need: open any plan in the Support plan view and save ` +
        "it, and the columns are added.",
    );
    expect(problem(["Start date", "End date"])).toBe(
      `${start}Start date, End date columns, which the finance figures need: open any plan in the Support plan ` +
        "view and save it, and the columns are added.",
    );
  });
});
