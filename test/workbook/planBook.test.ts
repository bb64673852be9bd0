import fc from "fast-check";
import { checkLine, Decimal, MANAGED_AS, SupportPlanLine } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { NewTable } from "../../src/workbook/port";
import {
  AgreedPlansOverlap,
  assess,
  lightReview,
  OpenedPlan,
  openPlan,
  PlanBook,
  PlanToSave,
  readPlanBook,
  readSettingChanges,
  repairPeopleFormulas,
  savePlan,
  saveTolerance,
  WorkbookProblem,
} from "../../src/workbook/planBook";
import { columnWrites } from "../../src/workbook/schema/rows";
import { PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";

const AT = new Date(2026, 10, 24, 14, 5); // 24 November 2026, 14:05 local time

async function starterBook(): Promise<{ workbook: MemoryWorkbook; book: PlanBook }> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
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

const draft = (personId: string, lines: SupportPlanLine[], change: Partial<PlanToSave> = {}): PlanToSave => ({
  planId: null,
  personId,
  lines,
  status: "Draft",
  reason: "",
  signedOffBy: "",
  startDate: null,
  endDate: null,
  reviewDate: null,
  updatedBy: "Sam Reid",
  ...change,
});

/** An opened plan made ready to save again, its cells checked by the engine's rules as the pane does. */
function reopened(opened: OpenedPlan): PlanToSave {
  const lines = opened.lines.map((cells) => {
    const checked = checkLine(cells);
    if (!checked.line) throw new Error(JSON.stringify(checked.problems));
    return { ...checked.line, savedLine: cells.savedLine };
  });
  return { ...opened, lines };
}

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
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await workbook.addTables([plainTable("Scoring", ["Question", "A"], [["Q1", 1]])]);
    await expect(readPlanBook(workbook)).rejects.toThrow(
      "The workbook has no PricePoints, People, Services, Plans, PlanLines tables. " +
        'Use "Set up workbook" to add what is missing; nothing you already have is changed.',
    );
  });

  it("leaves a bad catalogue row out, saying which row and what is wrong, and loads the rest", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
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
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
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
    expect(result.weekly?.toString()).toBe("204.62");
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
        // Dates as Excel dates: started the day it was first saved, 24 November 2026 (serial 46,350);
        // reviewed 12 months later, 24 November 2027 (46,350 + 365 days); no end date: ongoing.
        "Start date": 46350,
        "End date": null,
        "Review date": 46715,
        "Indicative budget (annual)": 10640,
        "Plan cost (annual)": 11366,
        "Plan cost (weekly)": 218.58,
        // The ways of managing hold the recurring cost a year, the one-off chair apart: 10,166 + 550 + 650 = 11,366.
        "One-off items": 650,
        "Direct payment (annual)": 10166,
        "Council-managed (annual)": 550,
        "Individual Service Fund (annual)": 0,
        // No charge for the person (26 §5).
        "Weekly charge": null,
        "Traffic light": "Green",
        // The tolerance the light was given under, kept with the plan (21 §4).
        "Green tolerance": 0.1,
        "Amber tolerance": 0.5,
        Reason: "",
        "Signed off by": "",
        "Signed off on": null,
        "Updated by": "Sam Reid",
        // An Excel date serial: 46,350 days after 30 December 1899 is 24 November 2026; 14:05 is 845/1440 of a day.
        "Updated at": 46350 + 845 / 1440,
        // What the plan is for and whom to contact, for the person's copy (26 §1): none given, left empty.
        Outcomes: null,
        Contact: null,
      },
    ]);
    // Staff at once after Frequency: =PB.PLAN_COST(PlanLines[[Quantity]:[Staff at once]]).
    expect((await workbook.readTable("PlanLines"))!.headers.slice(4, 8)).toEqual([
      "Quantity",
      "Unit cost",
      "Frequency",
      "Staff at once",
    ]);
    expect((await workbook.readTable("PlanLines"))!.rows).toEqual([
      ["PLAN-0001", 1, "Personal assistant", "hour", 10, 19.55, "week", 1, "Direct payment", 10166],
      ["PLAN-0001", 2, "Respite in a care home", "week", 1, 550, "year", 1, "Council-managed", 550],
      ["PLAN-0001", 3, "Equipment: riser recliner chair", "item", 1, 650, "once", 1, "Direct payment", 650],
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

  it("opens a saved plan as it was saved, its line cells as the workbook holds them", async () => {
    const { workbook, book } = await starterBook();
    // 10 × 19.55 × 52 + 650 = £10,816 against £10,640: 1.7% above, Green, so it may be agreed freely.
    // What the plan is for and whom to contact (26 §1), kept as typed, spaces at the ends trimmed.
    const words = {
      outcomes: " To stay living at home and see friends ",
      contact: "Older People's Team, 01632 960123",
    };
    await savePlan(workbook, book, draft("P002", [assistant("10"), chair], { status: "Agreed", ...words }), AT);
    // With its rows as read (seen), for a save to find them as they were: test/workbook/colleagues.test.ts.
    const { seen, ...opened } = await openPlan(workbook, "plan-0001");
    expect(seen?.lines.rows).toHaveLength(2);
    expect(opened).toEqual({
      outcomes: "To stay living at home and see friends",
      contact: "Older People's Team, 01632 960123",
      planId: "PLAN-0001",
      personId: "P002",
      status: "Agreed",
      startDate: "2026-11-24",
      endDate: null,
      reviewDate: "2027-11-24",
      weeklyCharge: null,
      reason: "",
      signedOffBy: "",
      updatedBy: "Sam Reid",
      updatedAt: "2026-11-24T14:05",
      lines: [
        {
          service: "Personal assistant",
          quantity: 10,
          unit: "hour",
          unitCost: 19.55,
          frequency: "week",
          staff: 1,
          managedAs: "Direct payment",
          savedLine: 1,
        },
        {
          service: "Equipment: riser recliner chair",
          quantity: 1,
          unit: "item",
          unitCost: 650,
          frequency: "once",
          staff: 1,
          managedAs: "Direct payment",
          savedLine: 2,
        },
      ],
    });
  });

  it("keeps Outcomes, Contact and Weekly charge when a save leaves them out, and clears them when blank", async () => {
    const { workbook, book } = await starterBook();
    const words = { outcomes: "To see friends", contact: "Older People's Team", weeklyCharge: new Decimal("12.50") };
    const first = await savePlan(workbook, book, draft("P002", [assistant("10")], words), AT);
    const kept = () => records(workbook, "Plans").then(([row]) => [row.Outcomes, row.Contact, row["Weekly charge"]]);
    // A save that does not know of them (made before they existed, or by a caller that does not set them).
    await savePlan(workbook, book, draft("P002", [assistant("11")], { planId: first.planId }), AT);
    // Before: each was written as a blank cell, though the save's types say "absent: kept as is".
    await expect(kept()).resolves.toEqual(["To see friends", "Older People's Team", 12.5]);
    const blank = { outcomes: "", contact: "", weeklyCharge: null, planId: first.planId };
    await savePlan(workbook, book, draft("P002", [assistant("11")], blank), AT);
    await expect(kept()).resolves.toEqual([null, null, null]);
  });

  it("never writes a column the user added to Plans, so their formulas stay formulas", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
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

  it("adds the newer columns to an older Plans table on save, touching nothing else (8.3, 10 §1)", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const newer = ["Start date", "End date", "Review date", "Signed off by", "Outcomes", "Contact"];
    const older = columnWrites(PLANS).filter((column) => !newer.includes(column.header));
    const notes = { header: "Notes", numberFormat: "General" };
    // An older plan, saved before these columns existed, with a note of the user's own.
    const oldRow = older.map((column) =>
      column.header === "Plan ID" ? "PLAN-0007" : column.header === "Name" ? "Arthur Khan" : null,
    );
    await workbook.addTables([
      { sheet: "Plans", name: "Plans", columns: [...older, notes], rows: [[...oldRow, "Panel in May"]] },
    ]);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    expect(book.plans.map((plan) => plan.planId)).toEqual(["PLAN-0007"]);
    // A plan saved before Outcomes and Contact existed opens with neither (26 §1).
    expect(await openPlan(workbook, "PLAN-0007")).toMatchObject({ outcomes: "", contact: "" });
    await savePlan(workbook, book, draft("P002", [assistant("10")]), AT);
    const plans = (await workbook.readTable("Plans"))!;
    expect(plans.headers).toEqual([...older.map((column) => column.header), "Notes", ...newer]);
    expect(plans.rows[0]).toEqual([...oldRow, "Panel in May", null, null, null, null, null, null]);
    expect((await records(workbook, "Plans"))[1]).toMatchObject({ "Plan ID": "PLAN-0008", "Signed off by": "" });
    expect(await openPlan(workbook, "PLAN-0008")).toMatchObject({ planId: "PLAN-0008", personId: "P002" });
  });

  it("refuses, writing nothing, a plan that is not ready", async () => {
    const { workbook, book } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    const refused = async (plan: PlanToSave) => {
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
    // The plan rules are checked again here, whoever calls: a unit cost of 19.555 never reaches PlanLines.
    const fractional = { ...assistant("10"), unitCost: new Decimal("19.555") };
    expect(await refused(draft("P002", [fractional]))).toBe(
      'Line 1: Unit cost: pounds and pence only (at most 2 decimal places); got "19.555".',
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });
});

describe("plans carry dates (10 §1)", () => {
  it("saves the dates given as Excel dates, the review 12 months after the start by default", async () => {
    const { workbook, book } = await starterBook();
    const dated = { startDate: "2026-04-01", endDate: "2027-03-31", reviewDate: null };
    const saved = await savePlan(workbook, book, draft("P002", [assistant("10")], dated), AT);
    expect(saved).toMatchObject({ startDate: "2026-04-01", endDate: "2027-03-31", reviewDate: "2027-04-01" });
    // 1 April 2026 is serial 46,113 (24 November 2026, 46,350, less 237 days); 31 March 2027 is 364 days on
    // (46,477) and 1 April 2027 a year on (46,478).
    expect((await records(workbook, "Plans"))[0]).toMatchObject({
      "Start date": 46113,
      "End date": 46477,
      "Review date": 46478,
    });
    // Saved again, the dates stay as they were: the start is the day it was first saved, not today.
    await savePlan(workbook, book, reopened(await openPlan(workbook, "PLAN-0001")), new Date(2027, 0, 5));
    expect((await openPlan(workbook, "PLAN-0001")).startDate).toBe("2026-04-01");
  });

  it("refuses an end or review date before the start, writing nothing", async () => {
    const { workbook, book } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    const dated = { startDate: "2026-04-01", endDate: "2026-03-31", reviewDate: "2026-01-01" };
    await expect(savePlan(workbook, book, draft("P002", [assistant("10")], dated), AT)).rejects.toThrow(
      "The end date must not be before the start date (1 Apr 2026). " +
        "The review date must not be before the start date (1 Apr 2026).",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });
});

describe("saved figures are exactly what was shown (8.1)", () => {
  it("reopening and saving again without edits changes no figure (property)", async () => {
    const anyLine = fc.record({
      quantity: fc.integer({ min: 0, max: 4000 }).map((hundredths) => new Decimal(hundredths).div(100)),
      unitCost: fc.integer({ min: 0, max: 200_000 }).map((pence) => new Decimal(pence).div(100)),
      frequency: fc.constantFrom("week" as const, "month" as const, "year" as const, "once" as const),
      managedAs: fc.constantFrom(...MANAGED_AS),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { minLength: 1, maxLength: 6 }), async (lines) => {
        const { workbook, book } = await starterBook();
        const plan = lines.map((line) => ({ ...line, service: "Care", unit: "item" }));
        await savePlan(workbook, book, draft("P002", plan, { reason: "Checked" }), AT);
        const first = JSON.stringify(workbook.allTables());
        const later = new Date(2026, 11, 1, 9, 30);
        await savePlan(workbook, book, reopened(await openPlan(workbook, "PLAN-0001")), later);
        // Only Updated at (a date-time serial) may differ.
        const second = JSON.stringify(workbook.allTables()).replace(/46357\.3958\d*/, "");
        expect(second).toBe(first.replace(/46350\.5868\d*/, ""));
        // What PlanLines holds is what the plan was costed on: each line's annual cost from its own cells.
        const saved = await records(workbook, "PlanLines");
        saved.forEach((row, at) => {
          const checked = checkLine({
            service: row.Service,
            unit: row.Unit,
            quantity: row.Quantity,
            unitCost: row["Unit cost"],
            frequency: row.Frequency,
            managedAs: row["Managed as"],
          });
          expect(checked.line?.quantity.eq(plan[at].quantity)).toBe(true);
          expect(checked.line?.unitCost.eq(plan[at].unitCost)).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  });

  it("a plan an older version saved with 19.555 opens with the exact value, for the rules to refuse", async () => {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, draft("P002", [assistant("10")]), AT);
    const key = { header: "Plan ID", value: "PLAN-0001" };
    await workbook.editTables([
      {
        table: "PlanLines",
        columns: [{ header: "Unit cost", numberFormat: "General" }],
        update: [{ row: 0, key, values: [19.555] }],
      },
    ]);
    const opened = await openPlan(workbook, "PLAN-0001");
    expect(opened.lines[0].unitCost).toBe(19.555);
    expect(checkLine(opened.lines[0]).problems.unitCost).toMatch(/at most 2 decimal places/);
  });
});

describe("manager sign-off (8.3)", () => {
  // P002's indicative budget is £10,640 (above); 30 hours a week of a personal assistant is
  // 30 × 19.55 × 52 = £30,498: 186.6% above → Red.
  const red = [assistant("30")];

  it("refuses a Red plan as Agreed without a manager and a reason, writing nothing", async () => {
    const { workbook, book } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    await expect(savePlan(workbook, book, draft("P002", red, { status: "Agreed" }), AT)).rejects.toThrow(
      "A Red plan can be agreed only with a reason: say why it differs from the indicative budget. " +
        "A Red plan can be agreed only with a manager's sign-off: enter the manager's name.",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("saves it with them, recording who signed it off and why", async () => {
    const { workbook, book } = await starterBook();
    const agreed = { status: "Agreed" as const, reason: "Two carers at night", signedOffBy: "Alex Moss" };
    await savePlan(workbook, book, draft("P002", red, agreed), AT);
    expect((await records(workbook, "Plans"))[0]).toMatchObject({
      "Plan cost (annual)": 30498,
      "Traffic light": "Red",
      Status: "Agreed",
      Reason: "Two carers at night",
      "Signed off by": "Alex Moss",
    });
  });
});

describe("the workbook's tolerance", () => {
  const note = { changedBy: "Pat Lee", reason: "Cabinet decision 12/2026" };

  it("is saved to PlanSettings, each change recorded in PlanSettingsHistory (21 §3)", async () => {
    const { workbook } = await starterBook();
    const recorded = await saveTolerance(
      workbook,
      { green: new Decimal("0.05"), amber: new Decimal("0.25") },
      note,
      "2026-11-24T14:05",
    );
    expect((await readPlanBook(workbook)).tolerance).toEqual({
      tolerance: { green: new Decimal("0.05"), amber: new Decimal("0.25") },
      problem: null,
      percentages: { green: "5", amber: "25" },
    });
    // PlanSettings keeps the limits in force and nothing else: PlanSettings[Value] is PB.PLAN_TOLERANCE's argument.
    // (The weeks in a year are in a column of their own, untouched.)
    expect((await workbook.readTable("PlanSettings"))!.rows).toEqual([
      ["Green tolerance", 0.05, 52],
      ["Amber tolerance", 0.25, null],
    ]);
    const history = (await workbook.readTable("PlanSettingsHistory"))!;
    expect(history.headers).toEqual(["Setting", "From", "To", "Changed by", "Changed at", "Reason"]);
    // 24 Nov 2026 is serial 46350; 14:05 is 845 ÷ 1,440 of a day.
    const at = 46350 + 845 / 1440;
    expect(history.rows).toEqual([
      ["Green tolerance", 0.1, 0.05, "Pat Lee", at, "Cabinet decision 12/2026"],
      ["Amber tolerance", 0.5, 0.25, "Pat Lee", at, "Cabinet decision 12/2026"],
    ]);
    expect(recorded.map((change) => change.setting)).toEqual(["Green tolerance", "Amber tolerance"]);

    // A second change: only the limit that changes is recorded, below the first, on the same table.
    await saveTolerance(
      workbook,
      { green: new Decimal("0.05"), amber: new Decimal(1) },
      { ...note, reason: "Review" },
      "2026-12-01T09:00",
    );
    expect(
      (await readSettingChanges(workbook)).changes.map((change) => [change.setting, change.from, change.to]),
    ).toEqual([
      ["Green tolerance", 0.1, 0.05],
      ["Amber tolerance", 0.5, 0.25],
      ["Amber tolerance", 0.25, 1],
    ]);
  });

  it("refuses without who and why, beyond 100%, green above amber, or no change, changing nothing", async () => {
    const { workbook } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    const tolerance = { green: new Decimal("0.1"), amber: new Decimal(1) };
    await expect(
      saveTolerance(workbook, tolerance, { changedBy: " ", reason: "" }, "2026-11-24T14:05"),
    ).rejects.toThrow(
      "The tolerance was not saved: Enter your name: a change of policy records who made it. Say why the tolerance " +
        "changes (the decision or paper it follows): it is recorded with it.",
    );
    await expect(
      saveTolerance(workbook, { green: new Decimal("0.1"), amber: new Decimal("1.0001") }, note, "2026-11-24T14:05"),
    ).rejects.toThrow(
      "The tolerance was not saved: Amber: at most 100%: a plan costing more than double its indicative budget is " +
        "never Amber",
    );
    await expect(
      saveTolerance(workbook, { green: new Decimal("0.6"), amber: new Decimal("0.5") }, note, "2026-11-24T14:05"),
    ).rejects.toThrow("Amber must not be below green (60%)");
    await expect(
      saveTolerance(workbook, { green: new Decimal("0.1"), amber: new Decimal("0.5") }, note, "2026-11-24T14:05"),
    ).rejects.toThrow("The tolerance is already Green within 10%, Amber within 50%: nothing was changed.");
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("an older workbook's PlanSettings keeps working: a column of the user's and another row are kept", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await workbook.addTables([
      plainTable(
        "PlanSettings",
        ["Setting", "Value", "Notes"],
        [
          ["Green tolerance", 0.1, "agreed 2019"],
          ["Amber tolerance", 0.5, "agreed 2019"],
          ["Review cycle", 12, "months"],
        ],
      ),
    ]);
    await setUpWorkbook(workbook);
    await saveTolerance(workbook, { green: new Decimal("0.1"), amber: new Decimal("0.75") }, note, "2026-11-24T14:05");
    expect((await workbook.readTable("PlanSettings"))!.rows).toEqual([
      ["Green tolerance", 0.1, "agreed 2019"],
      ["Amber tolerance", 0.75, "agreed 2019"],
      ["Review cycle", 12, "months"],
    ]);
  });

  it("a table of the user's called PlanSettingsHistory, without its columns, stops the change", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await workbook.addTables([plainTable("PlanSettingsHistory", ["Date", "Note"], [["2025", "old"]])]);
    await setUpWorkbook(workbook);
    const before = JSON.stringify(workbook.allTables());
    await expect(
      saveTolerance(workbook, { green: new Decimal("0.1"), amber: new Decimal("0.75") }, note, "2026-11-24T14:05"),
    ).rejects.toThrow('The PlanSettingsHistory table is missing the columns "Setting", "From", "To"');
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it('a workbook holding 1,000% and 5,000% (the old "10" and "50") gets no light and no saves (8.2)', async () => {
    const { workbook } = await starterBook();
    const key = (value: string) => ({ header: "Setting", value });
    await workbook.editTables([
      {
        table: "PlanSettings",
        columns: [{ header: "Value", numberFormat: "0.0%" }],
        update: [
          { row: 0, key: key("Green tolerance"), values: [10] },
          { row: 1, key: key("Amber tolerance"), values: [50] },
        ],
      },
    ]);
    const book = await readPlanBook(workbook);
    expect(book.tolerance).toEqual({
      tolerance: null,
      problem:
        "The PlanSettings table's tolerance cannot be used: Green: at most 100%: a plan costing more than double " +
        "its indicative budget is never Amber; Amber: at most 100%: a plan costing more than double its " +
        "indicative budget is never Amber. A policy officer sets the tolerance in the Settings tab; until then " +
        "plans get no traffic light and cannot be saved.",
      percentages: { green: "1000", amber: "5000" },
    });
    await expect(savePlan(workbook, book, draft("P002", [assistant("10")]), AT)).rejects.toThrow(
      /^The PlanSettings table's tolerance cannot be used/,
    );
  });
});

describe("Refresh repairs People rows that lost their formulas (12.8)", () => {
  it("writes the formula into blank Points and Indicative budget cells only, and counts the rows", async () => {
    const { workbook } = await starterBook();
    const people = (await workbook.readTable("People"))!;
    const points = { header: "Points", numberFormat: "General" };
    const budget = { header: "Indicative budget", numberFormat: "£#,##0.00" };
    const key = (row: number) => ({ header: "Person ID", value: String(people.rows[row][0]) });
    // Row 2 lost both formulas, row 5 only its budget; row 7 holds a value the user typed over the formula.
    await workbook.editTables([
      { table: "People", columns: [points, budget], update: [{ row: 2, key: key(2), values: [null, null] }] },
      { table: "People", columns: [budget], update: [{ row: 5, key: key(5), values: [""] }] },
      { table: "People", columns: [points], update: [{ row: 7, key: key(7), values: [40] }] },
    ]);
    // A row added below the table without its formulas.
    await workbook.editTables([
      {
        table: "People",
        columns: [{ header: "Person ID", numberFormat: "@" }, points, budget],
        append: [["P021", null, null]],
      },
    ]);
    expect(await repairPeopleFormulas(workbook)).toEqual({ repairedRows: 3, problem: null });
    // The cells as written (this in-memory workbook has no PB functions to calculate them with).
    const written = workbook.allTables().find((table) => table.name === "People")!;
    const after = written.rows.map((row) => Object.fromEntries(written.headers.map((header, at) => [header, row[at]])));
    const formulas = {
      Points: "=PB.RAS_POINTS(People[@[Personal care]:[Support from family and friends]],Scoring[#All])",
      "Indicative budget": "=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])",
    };
    for (const row of [2, 5, 20]) expect(after[row]).toMatchObject(formulas);
    expect(after[7].Points).toBe(40);
    expect(await repairPeopleFormulas(workbook)).toEqual({ repairedRows: 0, problem: null });
  });

  it("never replaces a formula of the user's, even one that shows nothing", async () => {
    const { workbook } = await starterBook();
    const people = (await workbook.readTable("People"))!;
    const budgetColumn = people.headers.indexOf("Indicative budget");
    // Row 3's budget: a formula of the user's that shows "" (its value reads as blank); row 4's: cleared.
    const own = '=IF(TRUE,"",[@Points])';
    workbook.setCell("People", 4, budgetColumn, { formula: own });
    workbook.setCell("People", 5, budgetColumn, null);
    expect((await workbook.readTable("People"))!.rows[3][budgetColumn]).toBe("");
    expect(await repairPeopleFormulas(workbook)).toEqual({ repairedRows: 1, problem: null });
    const written = workbook.allTables().find((table) => table.name === "People")!;
    expect(written.rows[3][budgetColumn]).toBe(own);
    expect(written.rows[4][budgetColumn]).toBe("=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])");
  });
});

describe("lines are matched by their key, not their position (22 §14)", () => {
  it("removing line 2 deletes line 2's row; line 3 keeps its row and the user's note beside it", async () => {
    const { workbook, book } = await starterBook();
    const notes = { header: "Notes", numberFormat: "General" };
    await savePlan(workbook, book, draft("P002", [assistant("10"), respite, chair]), AT);
    const key = { header: "Plan ID", value: "PLAN-0001" };
    // A column of the user's own, with a note on each line.
    await workbook.editTables([
      {
        table: "PlanLines",
        columns: [notes],
        update: [
          { row: 0, key, values: ["PA agreed with family"] },
          { row: 1, key, values: ["Respite at Oak House"] },
          { row: 2, key, values: ["Chair ordered 3 Nov"] },
        ],
      },
    ]);
    const opened = reopened(await openPlan(workbook, "PLAN-0001"));
    // Before: line 3 (the chair) was written into line 2's row, beside "Respite at Oak House", and the last row
    // deleted with the chair's note.
    await savePlan(workbook, book, { ...opened, lines: [opened.lines[0], opened.lines[2]] }, AT);
    expect((await records(workbook, "PlanLines")).map((row) => [row.Line, row.Service, row.Notes])).toEqual([
      [1, "Personal assistant", "PA agreed with family"],
      [2, "Equipment: riser recliner chair", "Chair ordered 3 Nov"],
    ]);
  });

  it("a line added and lines reordered in the pane keep their rows; a new line gets a row of its own", async () => {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, draft("P002", [assistant("10"), respite]), AT);
    const key = { header: "Plan ID", value: "PLAN-0001" };
    await workbook.editTables([
      {
        table: "PlanLines",
        columns: [{ header: "Notes", numberFormat: "General" }],
        update: [
          { row: 0, key, values: ["PA note"] },
          { row: 1, key, values: ["Respite note"] },
        ],
      },
    ]);
    // Someone sorts PlanLines by service, descending, in Excel: the rows change places.
    const opened = reopened(await openPlan(workbook, "PLAN-0001"));
    await savePlan(workbook, book, { ...opened, lines: [opened.lines[1], opened.lines[0], chair] }, AT);
    const rows = await records(workbook, "PlanLines");
    expect(rows.map((row) => [row.Line, row.Service, row.Notes])).toEqual([
      [2, "Personal assistant", "PA note"],
      [1, "Respite in a care home", "Respite note"],
      [3, "Equipment: riser recliner chair", null],
    ]);
    // Opened again, the lines come in their Line order.
    expect((await openPlan(workbook, "PLAN-0001")).lines.map((line) => line.service)).toEqual([
      "Respite in a care home",
      "Personal assistant",
      "Equipment: riser recliner chair",
    ]);
  });
});

describe("staff at once (21 §11)", () => {
  it("saves and reopens a line of two carers at once; an older PlanLines table gains the column", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const older = columnWrites(PLAN_LINES).filter((column) => column.header !== "Staff at once");
    await workbook.addTables([{ sheet: "PlanLines", name: "PlanLines", columns: older, rows: [] }]);
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    // Live-in care, two carers at once: 1 week × £1,370 × 2 × 52 = £142,480.
    const liveIn = { ...line("Live-in care", "1", "week", "1370", "week", "Council-managed"), staff: new Decimal(2) };
    const saved = await savePlan(workbook, book, draft("P002", [liveIn]), AT);
    expect(saved.figures.annual.toString()).toBe("142480");
    const table = (await workbook.readTable("PlanLines"))!;
    expect(table.headers[table.headers.length - 1]).toBe("Staff at once");
    expect((await records(workbook, "PlanLines"))[0]).toMatchObject({ "Staff at once": 2, "Annual cost": 142480 });
    const opened = await openPlan(workbook, "PLAN-0001");
    expect(opened.lines[0]).toMatchObject({ staff: 2, savedLine: 1 });
  });
});

describe("sign-off by someone else, and its date (21 §5)", () => {
  const red = [assistant("30")];
  const agreed = { status: "Agreed" as const, reason: "Two carers at night" };

  it("refuses the saver's own name as the sign-off, writing nothing", async () => {
    const { workbook, book } = await starterBook();
    const before = JSON.stringify(workbook.allTables());
    await expect(
      savePlan(workbook, book, draft("P002", red, { ...agreed, signedOffBy: " sam reid" }), AT),
    ).rejects.toThrow(
      "A plan is signed off by a manager other than the person saving it (Sam Reid): enter the manager's name.",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("records the day of the sign-off, and keeps it when the plan is saved again by the manager", async () => {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, draft("P002", red, { ...agreed, signedOffBy: "Alex Moss" }), AT);
    // 24 November 2026 is serial 46,350: a real Excel date.
    expect((await records(workbook, "Plans"))[0]).toMatchObject({
      "Signed off by": "Alex Moss",
      "Signed off on": 46350,
    });
    // Alex Moss saves it a week later, the sign-off unchanged: still signed off on 24 November.
    const opened = reopened(await openPlan(workbook, "PLAN-0001"));
    await savePlan(workbook, book, { ...opened, updatedBy: "Alex Moss" }, new Date(2026, 11, 1, 9, 0));
    expect((await records(workbook, "Plans"))[0]).toMatchObject({ "Signed off on": 46350, "Updated by": "Alex Moss" });
    // Another manager signs it off: their day.
    await savePlan(workbook, book, { ...opened, signedOffBy: "Jo Khan" }, new Date(2026, 11, 2, 9, 0));
    expect((await records(workbook, "Plans"))[0]).toMatchObject({ "Signed off by": "Jo Khan", "Signed off on": 46358 });
  });

  it("a plan saved as needing manager review is agreed only with a sign-off", async () => {
    const { workbook, book } = await starterBook();
    // 10 hours: £10,166 against £10,640, Green.
    await savePlan(
      workbook,
      book,
      draft("P002", [assistant("10")], { status: "Needs manager review", reason: "Family unsure" }),
      AT,
    );
    const opened = reopened(await openPlan(workbook, "PLAN-0001"));
    await expect(savePlan(workbook, book, { ...opened, status: "Agreed" }, AT)).rejects.toThrow(
      "A plan that needed manager review can be agreed only with a manager's sign-off: enter the manager's name.",
    );
    await savePlan(workbook, book, { ...opened, status: "Agreed", signedOffBy: "Alex Moss" }, AT);
    expect((await records(workbook, "Plans"))[0]).toMatchObject({ Status: "Agreed", "Signed off by": "Alex Moss" });
  });
});

describe("one Agreed plan per person at a time (21 §6)", () => {
  const green = [assistant("10")]; // £10,166 against £10,640: Green, agreed freely
  const from = (startDate: string, change: Partial<PlanToSave> = {}) =>
    draft("P002", green, { status: "Agreed", startDate, ...change });

  it("asks before agreeing over an earlier Agreed plan, writing nothing; then ends it the day before", async () => {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, from("2026-04-01"), AT);
    // P001: 6 hours, £6,099.60 against £6,200: Green.
    await savePlan(workbook, book, draft("P001", [assistant("6")], { status: "Agreed", startDate: "2026-04-01" }), AT);
    const before = JSON.stringify(workbook.allTables());
    const error = await savePlan(workbook, book, from("2026-10-01"), AT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgreedPlansOverlap);
    expect((error as AgreedPlansOverlap).message).toBe(
      "Arthur Khan already has the Agreed plan PLAN-0001 (from 1 Apr 2026, ongoing). Two Agreed plans for one " +
        "person must not overlap: end it on 30 Sep 2026, the day before this plan starts, or keep editing.",
    );
    expect((error as AgreedPlansOverlap).toEnd).toEqual([
      { planId: "PLAN-0001", runs: "from 1 Apr 2026, ongoing", endDate: "2026-09-30" },
    ]);
    expect(JSON.stringify(workbook.allTables())).toBe(before);

    const rowBefore = (await records(workbook, "Plans"))[0];
    const saved = await savePlan(workbook, book, from("2026-10-01"), AT, { endEarlier: ["PLAN-0001"] });
    expect(saved.ended).toEqual([{ planId: "PLAN-0001", endDate: "2026-09-30" }]);
    const plans = await records(workbook, "Plans");
    // Only the earlier plan's End date changed (30 September 2026 is serial 46,295); the other person's plan as it was.
    expect(plans[0]).toEqual({ ...rowBefore, "End date": 46295 });
    expect(plans.map((plan) => [plan["Plan ID"], plan["Person ID"], plan.Status, plan["End date"]])).toEqual([
      ["PLAN-0001", "P002", "Agreed", 46295],
      ["PLAN-0002", "P001", "Agreed", null],
      ["PLAN-0003", "P002", "Agreed", null],
    ]);
  });

  it("refuses a plan starting before an Agreed plan that would still overlap it; Drafts never ask", async () => {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, from("2026-10-01"), AT);
    await expect(savePlan(workbook, book, from("2026-04-01"), AT)).rejects.toThrow(
      "Arthur Khan already has the Agreed plan PLAN-0001 (from 1 Oct 2026, ongoing), starting on or after this " +
        "plan's start (1 Apr 2026). Two Agreed plans for one person must not overlap: give this plan an end date " +
        "before that, or change the other plan's dates.",
    );
    // Ending before the later one starts: no overlap, no question.
    await savePlan(workbook, book, from("2026-04-01", { endDate: "2026-09-30" }), AT);
    await savePlan(workbook, book, draft("P002", green, { startDate: "2026-11-01" }), AT);
    expect((await records(workbook, "Plans")).map((plan) => plan.Status)).toEqual(["Agreed", "Agreed", "Draft"]);
  });
});

describe("Agreed plans whose light would now differ (21 §4)", () => {
  it("keeps each saved row as it was, and names the plans a new tolerance would light differently", async () => {
    const { workbook, book } = await starterBook();
    // 12 hours: £12,199.20 against £10,640, 14.7% above: Amber, agreed with a reason.
    await savePlan(
      workbook,
      book,
      draft("P002", [assistant("12")], { status: "Agreed", reason: "Extra evening hours" }),
      AT,
    );
    expect(lightReview(await readPlanBook(workbook), "2026-11-24").changed).toEqual([]);
    await saveTolerance(
      workbook,
      { green: new Decimal("0.2"), amber: new Decimal("0.5") },
      { changedBy: "Pat Lee", reason: "Cabinet decision" },
      "2026-11-25T10:00",
    );
    const plansBefore = JSON.stringify(await records(workbook, "Plans"));
    expect(lightReview(await readPlanBook(workbook), "2026-11-25")).toEqual({
      changed: [
        {
          planId: "PLAN-0001",
          personId: "P002",
          name: "Arthur Khan",
          savedLight: "Amber",
          lightNow: "Green",
          why: "the tolerance is now Green within 20%, Amber within 50% (was Green within 10%, Amber within 50%)",
        },
      ],
      unchecked: [],
      problem: null,
    });
    // A saved row never changes by itself.
    expect(JSON.stringify(await records(workbook, "Plans"))).toBe(plansBefore);
  });
});
