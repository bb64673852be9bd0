import { Decimal, SupportPlanLine } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { NewTable } from "../../src/workbook/port";
import {
  assess,
  openPlan,
  PlanBook,
  PlanDraft,
  readPlanBook,
  savePlan,
  saveTolerance,
  WorkbookProblem,
} from "../../src/workbook/planBook";
import { columnWrites } from "../../src/workbook/schema/rows";
import { PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";

const AT = new Date(2026, 10, 24, 14, 5); // 24 November 2026, 14:05 local time

async function starterBook(): Promise<{ workbook: MemoryWorkbook; book: PlanBook }> {
  const workbook = new MemoryWorkbook();
  await setUpWorkbook(workbook);
  return { workbook, book: await readPlanBook(workbook) };
}

const person = (book: PlanBook, id: string) => book.people.find((candidate) => candidate.id === id)!;
const line = (
  service: string,
  quantity: string,
  unit: string,
  unitCost: string,
  frequency: SupportPlanLine["frequency"],
  managedAs: SupportPlanLine["managedAs"],
): SupportPlanLine => ({
  service,
  quantity: new Decimal(quantity),
  unit,
  unitCost: new Decimal(unitCost),
  frequency,
  managedAs,
});
const assistant = (hours: string) => line("Personal assistant", hours, "hour", "19.55", "week", "Direct payment");
const respite = line("Respite in a care home", "1", "week", "550", "year", "Council-managed");
const chair = line("Equipment: riser recliner chair", "1", "item", "650", "once", "Direct payment");

const draft = (personId: string, lines: SupportPlanLine[], change: Partial<PlanDraft> = {}): PlanDraft => ({
  planId: null,
  personId,
  lines,
  status: "Draft",
  reason: "",
  updatedBy: "Sam Reid",
  updatedAt: null,
  ...change,
});

/** A table of plain columns, as a user might have made it. */
const plainTable = (name: string, headers: string[], rows: NewTable["rows"]): NewTable => ({
  sheet: name,
  name,
  columns: headers.map((header) => ({ header, numberFormat: "General" })),
  rows,
});

/** A table's rows as records by header, for readable expectations. */
async function records(workbook: MemoryWorkbook, table: string) {
  const data = (await workbook.readTable(table))!;
  return data.rows.map((row) => Object.fromEntries(data.headers.map((header, column) => [header, row[column]])));
}

describe("reading the workbook", () => {
  it("names every missing table and says how to add them", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.addTables([plainTable("Scoring", ["Question", "A"], [["Q1", 1]])]);
    await expect(readPlanBook(workbook)).rejects.toThrow(
      'The workbook has no PricePoints, People, Services, Plans, PlanLines tables. Use "Set up workbook" to add what is missing; nothing you already have is changed.',
    );
  });

  it("leaves a bad catalogue row out, saying which row and what is wrong, and loads the rest", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.addTables([
      plainTable(
        "Services",
        ["Service", "Unit", "Unit cost", "Frequency", "Managed as"],
        [
          ["Gardening", "hour", "abc", "week", "Direct payment"],
          ["Cleaning", "hour", 18.5, "week", "Direct payment"],
        ],
      ),
    ]);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    expect(book.services.map((service) => service.service)).toEqual(["Cleaning"]);
    expect(book.warnings).toEqual([
      'Services table row 1 is left out of the catalogue: Unit cost: expected an amount in £, 0 or more; got "abc".',
    ]);
  });

  it("names the table when a price table is malformed", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.addTables([
      plainTable(
        "PricePoints",
        ["Points from", "Everyone"],
        [
          [20, 100],
          [10, 150],
        ],
      ),
    ]);
    await setUpWorkbook(workbook);
    await expect(readPlanBook(workbook)).rejects.toThrow(
      "PricePoints table: The price table's points lower bounds must rise strictly: row 3 has 10 after 20 in row 2",
    );
  });
});

describe("a person's assessment", () => {
  it("scores the answers and prices the points by marginal bands for the care group", async () => {
    const { book } = await starterBook();
    // P002 Arthur Khan, Older people, answers D C C D C C B B B A D C:
    // 12 + 5 + 5 + 8 + 5 + 7 + 2 + 2 + 2 + 0 + 10 − 4 = 54 points.
    const result = assess(book, person(book, "P002"));
    if ("problem" in result) throw new Error(result.problem);
    expect(result.points.toString()).toBe("54");
    // 20 × £150 + 20 × £200 + 14 × £260 = 3,000 + 4,000 + 3,640 = £10,640 a year; ÷ 52 = 204.615… → £204.62.
    expect(result.budget.result.toString()).toBe("10640");
    expect(result.weekly.toString()).toBe("204.62");
    expect(result.explanation).toMatch(/^Care group: Older people\./);
    expect(result.explanation).toContain("14 points × £260.00 (band 40–60) = £3,640.00");
    expect(result.explanation).toMatch(/£10,640\.00$/);
  });

  it("an incomplete assessment says which question is unanswered", async () => {
    const { book } = await starterBook();
    expect(assess(book, person(book, "P020"))).toEqual({
      problem: "Irene Walsh's assessment cannot be priced yet: Question Home and living is unanswered.",
    });
  });
});

describe("saving a plan", () => {
  it("writes one Plans row and its PlanLines as values, with hand-computed totals", async () => {
    const { workbook, book } = await starterBook();
    const saved = await savePlan(workbook, book, draft("P002", [assistant("10"), respite, chair]), AT);
    expect(saved).toMatchObject({ planId: "PLAN-0001", updatedAt: "2026-11-24T14:05" });
    // Lines: 10 × 19.55 × 52 = 10,166; 550 a year; 650 once. Annual 11,366; ÷ 52 = 218.576… → 218.58.
    // Against £10,640: 726 ÷ 10,640 = 6.8% → Green.
    expect(await records(workbook, "Plans")).toEqual([
      {
        "Plan ID": "PLAN-0001",
        "Person ID": "P002",
        Name: "Arthur Khan",
        "Care group": "Older people",
        Status: "Draft",
        "Start date": null,
        "End date": null,
        "Review date": null,
        "Indicative budget (annual)": 10640,
        "Plan cost (annual)": 11366,
        "Plan cost (weekly)": 218.58,
        "One-off items": 650,
        "Direct payment (annual)": 10816,
        "Council-managed (annual)": 550,
        "Individual Service Fund (annual)": 0,
        "Traffic light": "Green",
        Reason: "",
        "Signed off by": null,
        "Updated by": "Sam Reid",
        // An Excel date serial: 46,350 days after 30 December 1899 is 24 November 2026; 14:05 is 845/1440 of a day.
        "Updated at": 46350 + 845 / 1440,
      },
    ]);
    expect((await workbook.readTable("PlanLines"))!.rows).toEqual([
      ["PLAN-0001", 1, "Personal assistant", "hour", 10, 19.55, "week", "Direct payment", 10166],
      ["PLAN-0001", 2, "Respite in a care home", "week", 1, 550, "year", "Council-managed", 550],
      ["PLAN-0001", 3, "Equipment: riser recliner chair", "item", 1, 650, "once", "Direct payment", 650],
    ]);
  });

  it("saving again updates the same rows in place and touches no other plan", async () => {
    const { workbook, book } = await starterBook();
    const first = await savePlan(workbook, book, draft("P002", [assistant("10"), respite, chair]), AT);
    await savePlan(workbook, book, draft("P001", [assistant("4")]), AT);
    const otherPlan = JSON.stringify((await records(workbook, "Plans"))[1]);
    const otherLines = JSON.stringify(
      (await records(workbook, "PlanLines")).filter((row) => row["Plan ID"] === "PLAN-0002"),
    );

    // 12 hours and no chair: 12 × 19.55 × 52 = 12,199.20; + 550 = 12,749.20; ÷ 52 = 245.176… → 245.18.
    // Against £10,640: 2,109.20 ÷ 10,640 = 19.8% → Amber.
    await savePlan(
      workbook,
      book,
      { ...first, lines: [assistant("12"), respite], status: "Needs manager review", reason: "Carer breakdown" },
      AT,
    );
    const plans = await records(workbook, "Plans");
    expect(plans.map((plan) => plan["Plan ID"])).toEqual(["PLAN-0001", "PLAN-0002"]);
    expect(plans[0]).toMatchObject({
      "Plan cost (annual)": 12749.2,
      "Plan cost (weekly)": 245.18,
      "One-off items": 0,
      "Direct payment (annual)": 12199.2,
      "Traffic light": "Amber",
      Status: "Needs manager review",
      Reason: "Carer breakdown",
    });
    expect(JSON.stringify(plans[1])).toBe(otherPlan);
    const lines = await records(workbook, "PlanLines");
    expect(
      lines
        .filter((row) => row["Plan ID"] === "PLAN-0001")
        .map((row) => [row.Line, row.Service, row.Quantity, row["Annual cost"]]),
    ).toEqual([
      [1, "Personal assistant", 12, 12199.2],
      [2, "Respite in a care home", 1, 550],
    ]);
    expect(JSON.stringify(lines.filter((row) => row["Plan ID"] === "PLAN-0002"))).toBe(otherLines);
  });

  it("opens a saved plan as it was saved", async () => {
    const { workbook, book } = await starterBook();
    const saved = await savePlan(workbook, book, draft("P002", [assistant("2.5"), chair], { status: "Agreed" }), AT);
    const opened = await openPlan(workbook, "plan-0001");
    expect(opened).toMatchObject({
      planId: "PLAN-0001",
      personId: "P002",
      status: "Agreed",
      updatedBy: "Sam Reid",
      updatedAt: "2026-11-24T14:05",
    });
    expect(
      opened.lines.map((l) => [l.service, l.quantity.toString(), l.unitCost.toString(), l.frequency, l.managedAs]),
    ).toEqual(
      saved.lines.map((l) => [l.service, l.quantity.toString(), l.unitCost.toString(), l.frequency, l.managedAs]),
    );
  });

  it("never writes a column the user added to Plans, so their formulas stay formulas", async () => {
    const workbook = new MemoryWorkbook();
    const notes = { header: "Notes", numberFormat: "General" };
    await workbook.addTables([{ sheet: "Plans", name: "Plans", columns: [...columnWrites(PLANS), notes], rows: [] }]);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    const first = await savePlan(workbook, book, draft("P002", [assistant("10")]), AT);
    const key = { header: "Plan ID", value: "PLAN-0001" };
    const formula = '="Panel on "&TEXT([@[Updated at]],"d mmm")';
    await workbook.editTables([{ table: "Plans", columns: [notes], update: [{ row: 0, key, values: [formula] }] }]);
    await savePlan(workbook, book, { ...first, lines: [assistant("11")] }, AT);
    expect((await records(workbook, "Plans"))[0]).toMatchObject({
      Notes: formula,
      "Plan cost (annual)": 11182.6, // 11 × 19.55 × 52
    });
  });

  it("reads and saves to an older Plans table that lacks the newer columns, touching nothing else", async () => {
    const workbook = new MemoryWorkbook();
    const older = columnWrites(PLANS).filter((column) => !["Start date", "Signed off by"].includes(column.header));
    await workbook.addTables([{ sheet: "Plans", name: "Plans", columns: older, rows: [] }]);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    await savePlan(workbook, book, draft("P002", [assistant("10")]), AT);
    expect((await workbook.readTable("Plans"))!.headers).toEqual(older.map((column) => column.header));
    expect(await openPlan(workbook, "PLAN-0001")).toMatchObject({ planId: "PLAN-0001", personId: "P002" });
  });

  it("refuses, writing nothing, a plan that is not ready", async () => {
    const { workbook, book } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    const refused = async (plan: PlanDraft) => {
      const error = await savePlan(workbook, book, plan, AT).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WorkbookProblem);
      return (error as Error).message;
    };
    expect(await refused(draft("P002", []))).toBe("Add at least one line to the plan.");
    expect(await refused(draft("P002", [chair], { status: "Needs manager review" }))).toBe(
      "Say why the plan needs manager review.",
    );
    expect(await refused(draft("P020", [chair]))).toMatch(/^Irene Walsh's assessment cannot be priced yet/);
    expect(await refused(draft("P999", [chair]))).toBe("The People table has no person P999.");
    expect(await refused(draft("P002", [chair], { planId: "PLAN-0042" }))).toBe(
      "Plan PLAN-0042 is no longer in the Plans table; it may have been deleted.",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });
});

describe("the workbook's tolerance", () => {
  it("is saved to PlanSettings and read back", async () => {
    const { workbook } = await starterBook();
    await saveTolerance(workbook, "5%", "0.25");
    expect((await readPlanBook(workbook)).tolerance).toEqual({
      green: new Decimal("0.05"),
      amber: new Decimal("0.25"),
    });
    expect((await workbook.readTable("PlanSettings"))!.rows).toEqual([
      ["Green tolerance", 0.05],
      ["Amber tolerance", 0.25],
    ]);
  });

  it("refuses a green limit above the amber limit, changing nothing", async () => {
    const { workbook } = await starterBook();
    await expect(saveTolerance(workbook, "60%", "50%")).rejects.toThrow(
      "PlanSettings table: The tolerance's green limit (0.6) must not be above its amber limit (0.5)",
    );
    expect((await workbook.readTable("PlanSettings"))!.rows).toEqual([
      ["Green tolerance", 0.1],
      ["Amber tolerance", 0.5],
    ]);
  });
});
