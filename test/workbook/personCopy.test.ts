// Issue 26 §1: the person's copy of a saved plan, in plain English, from the plan's own rows: its figures are the
// plan's, hand-computed here; no jargon; as a sheet laid out to print on A4, in memory and through Office.js.
import { Decimal, planTotals, SupportPlanLine } from "../../src/engine";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { PlanToSave, readPlanBook, savePlan } from "../../src/workbook/planBook";
import { Workbook } from "../../src/workbook/port";
import {
  copyText,
  JARGON,
  PersonCopy,
  personCopy,
  personCopySheet,
  PlanForCopy,
  wrapWords,
} from "../../src/workbook/reports/personCopy";
import { addPersonCopySheet, readPersonCopy } from "../../src/workbook/reports/personCopyBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { ExcelModel, ExcelError } from "../support/excelModel";

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

const plan: PlanToSave = {
  planId: null,
  personId: "P002",
  lines: [
    line("Personal assistant", "10", "hour", "19.55", "week", "Direct payment"),
    line("Respite in a care home", "1", "week", "550", "year", "Council-managed"),
    line("Equipment: riser recliner chair", "1", "item", "650", "once", "Direct payment"),
  ],
  status: "Agreed",
  reason: "",
  signedOffBy: "",
  startDate: "2026-12-01",
  endDate: null,
  reviewDate: "2027-06-01",
  updatedBy: "Sam Reid",
  outcomes: "To keep living in my own home.\nTo get to the allotment on Saturdays.",
  contact: "Older People's Team, 01632 960123",
};

async function savedIn(workbook: Workbook) {
  await setUpWorkbook(workbook);
  const book = await readPlanBook(workbook);
  const saved = await savePlan(workbook, book, plan, new Date(2026, 10, 24, 14, 5));
  return { book: await readPlanBook(workbook), saved };
}

describe("the person's copy (26 §1)", () => {
  it("says what the person pays towards it and what the council pays: Essex's £56.20 on £23.92", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const essex: PlanToSave = {
      ...plan,
      status: "Draft", // far below P002's indicative budget: Red, so a Draft here
      // £23.92 a week: 1 × £23.92 weekly; a charge of £56.20 a week is more than it costs.
      lines: [line("Personal assistant", "1", "hour", "23.92", "week", "Direct payment")],
      weeklyCharge: new Decimal("56.20"),
    };
    const saved = await savePlan(workbook, await readPlanBook(workbook), essex, new Date(2026, 10, 24, 14, 5));
    const copy = await readPersonCopy(workbook, await readPlanBook(workbook), saved.planId, "2026-11-25");
    const budget = copy.sections.find((section) => section.heading === "Your personal budget")!;
    // The person pays the whole £23.92 a week (not £56.20), the council £0 of £1,243.84 a year (23.92 × 52).
    expect(budget.rows!.slice(3)).toEqual([
      ["What you pay towards it a week (your assessed charge)", "£23.92"],
      ["What the council pays a year", "£0.00"],
    ]);
    // A charge below the cost: £10 a week of it, the council the rest, £1,243.84 − £520 = £723.84 a year.
    const below = await savePlan(
      workbook,
      await readPlanBook(workbook),
      { ...essex, weeklyCharge: new Decimal(10) },
      new Date(2026, 10, 24, 14, 6),
    );
    const belowCopy = await readPersonCopy(workbook, await readPlanBook(workbook), below.planId, "2026-11-25");
    expect(belowCopy.sections.find((section) => section.heading === "Your personal budget")!.rows!.slice(3)).toEqual([
      ["What you pay towards it a week (your assessed charge)", "£10.00"],
      ["What the council pays a year", "£723.84"],
    ]);
    // No charge, no such rows.
    const none = await savePlan(
      workbook,
      await readPlanBook(workbook),
      { ...essex, weeklyCharge: null },
      new Date(2026, 10, 24, 14, 7),
    );
    const noneCopy = await readPersonCopy(workbook, await readPlanBook(workbook), none.planId, "2026-11-25");
    expect(noneCopy.sections.find((section) => section.heading === "Your personal budget")!.rows).toHaveLength(3);
  });

  it("says what the plan is for, each service, how money is managed, budget and dates, plainly", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const { book, saved } = await savedIn(workbook);
    const copy = await readPersonCopy(workbook, book, saved.planId, "2026-11-25");
    // 10 × £19.55 × 52 = £10,166; £550 a year; £650 once: £11,366 a year, ÷ 52 = £218.576… → £218.58 a week.
    expect(copy.figures.annual.toString()).toBe("11366");
    expect(copy.figures.weekly.toString()).toBe("218.58");
    expect(copy.figures.indicativeAnnual.toString()).toBe("10640");
    // The plan's own figures, as Plans holds them.
    expect([saved.figures.annual, saved.figures.weekly, saved.figures.indicativeAnnual].map(String)).toEqual([
      "11366",
      "218.58",
      "10640",
    ]);
    expect(copy.subtitle).toBe("Arthur Khan · plan PLAN-0001 · made on 25 November 2026");
    const section = (heading: string) => copy.sections.find((candidate) => candidate.heading === heading)!;
    expect(section("What your plan is for").paragraphs).toEqual([
      "To keep living in my own home.",
      "To get to the allotment on Saturdays.",
    ]);
    expect(section("Your support").services).toEqual([
      {
        service: "Personal assistant",
        howOften: "10 hours a week",
        cost: "£10,166.00 a year",
        managed: "Direct payment",
      },
      {
        service: "Respite in a care home",
        howOften: "1 week a year",
        cost: "£550.00 a year",
        managed: "Arranged by the council",
      },
      {
        service: "Equipment: riser recliner chair",
        howOften: "1 item once",
        cost: "£650.00 once",
        managed: "Direct payment",
      },
    ]);
    expect(section("Your personal budget").rows).toEqual([
      ["A year", "£11,366.00"],
      ["A week", "£218.58"],
      ["The amount first worked out from your assessment (your indicative budget)", "£10,640.00 a year"],
    ]);
    expect(section("Your personal budget").paragraphs).toContain(
      "This includes £650.00 for things paid for once; the amount a week spreads them over the year.",
    );
    // Only the ways this plan uses, each with what it means for the person.
    const managed = section("How the money is managed").paragraphs!;
    expect(managed.map((text) => text.split(":")[0])).toEqual(["Direct payment", "Arranged by the council"]);
    expect(managed[0]).toMatch(/so that you can arrange and pay for this support yourself/);
    expect(section("Dates").rows).toEqual([
      ["Your plan starts", "1 December 2026"],
      ["We will look at your plan again with you by", "1 June 2027"],
    ]);
    expect(section("Who to contact").paragraphs![0]).toBe("Older People's Team, 01632 960123");
    const words = copyText(copy).join("\n");
    for (const jargon of JARGON) expect(words).not.toMatch(jargon);
  });

  it("without outcomes or a contact, says so plainly; an Individual Service Fund is explained", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    const book = await readPlanBook(workbook);
    const isf = {
      ...plan,
      status: "Draft" as const,
      outcomes: "",
      contact: "",
      lines: [line("Activities", "4", "hour", "22", "week", "Individual Service Fund")],
    };
    const saved = await savePlan(workbook, book, isf, new Date(2026, 10, 24, 14, 5));
    const copy = await readPersonCopy(workbook, book, saved.planId, "2026-11-25");
    const text = copyText(copy).join("\n");
    expect(text).toMatch(/has not been written down yet: please ask us to add it/);
    expect(text).toMatch(/Your council's adult social care team/);
    expect(text).toMatch(/Individual Service Fund: A provider you choose holds this money/);
    expect(copy.figures.annual.toString()).toBe("4576"); // 4 × £22 × 52
    for (const jargon of JARGON) expect(text).not.toMatch(jargon);
  });

  it("the jargon check can fail: it catches each word", () => {
    expect(JARGON.filter((word) => word.test("The RAS gives PB.INDICATIVE_BUDGET within tolerance"))).toHaveLength(3);
  });

  it("breaks long text at spaces so nothing runs past the printed columns", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapWords("a-very-long-word here", 5)).toEqual(["a-very-long-word", "here"]);
  });
});

/** Writes cells of a table's row, found by its Plan ID (or, for PlanSettings, its first row), as a user's edit. */
async function edit(workbook: Workbook, table: string, planId: string | null, cells: Record<string, string | number>) {
  const data = (await workbook.readTable(table))!;
  const keyHeader = planId === null ? data.headers[0] : "Plan ID";
  const rows = data.rows.flatMap((row, at) =>
    planId === null ? (at === 0 ? [at] : []) : row[data.headers.indexOf("Plan ID")] === planId ? [at] : [],
  );
  const headers = Object.keys(cells);
  await workbook.editTables([
    {
      table,
      columns: headers.map((header) => ({ header, numberFormat: "General" })),
      update: rows.map((row) => ({
        row,
        key: { header: keyHeader, value: String(data.rows[row][data.headers.indexOf(keyHeader)]) },
        values: headers.map((header) => cells[header]),
      })),
    },
  ]);
}

describe("a copy that cannot be made (26 §1)", () => {
  const copyOf = async (workbook: Workbook, planId: string) =>
    readPersonCopy(workbook, await readPlanBook(workbook), planId, "2026-11-25");

  it("names a Plans row or a line it cannot read, a plan without lines, and weeks it cannot use", async () => {
    const fresh = async () => {
      const workbook = new MemoryWorkbook({ formulas: formulaEngine });
      return { workbook, planId: (await savedIn(workbook)).saved.planId };
    };
    let { workbook, planId } = await fresh();
    // PLAN-0001 is the first plan of a set-up workbook: row 1 of Plans and of its lines.
    expect(planId).toBe("PLAN-0001");
    await edit(workbook, "Plans", planId, { "Indicative budget (annual)": "lots" });
    await expect(copyOf(workbook, planId)).rejects.toThrow(
      'Plans table row 1: Indicative budget (annual): expected an amount in £, 0 or more; got "lots". ' +
        "The copy was not made.",
    );

    ({ workbook, planId } = await fresh());
    await edit(workbook, "PlanLines", planId, { "Unit cost": "x" });
    await expect(copyOf(workbook, planId)).rejects.toThrow(
      `Line 1 of plan ${planId} in PlanLines cannot be read (Unit cost: expected an amount in £, 0 or more; ` +
        'got "x"). Open the plan, fix the line and save it; the copy was not made.',
    );
    await edit(workbook, "PlanLines", planId, { Quantity: "y" });
    await expect(copyOf(workbook, planId)).rejects.toThrow(/ cannot be read \(Quantity: .+; Unit cost: .+\)\. Open /);

    ({ workbook, planId } = await fresh());
    await edit(workbook, "PlanLines", planId, { "Plan ID": "PLAN-9999" });
    await expect(copyOf(workbook, planId)).rejects.toThrow(
      `Plan ${planId} has no lines in PlanLines; the copy was not made.`,
    );

    ({ workbook, planId } = await fresh());
    await edit(workbook, "PlanSettings", null, { "Weeks in a year": "many" });
    const { weeks } = await readPlanBook(workbook);
    expect(weeks.problem).toMatch(/^The PlanSettings table's Weeks in a year cannot be used: row 1: /);
    await expect(copyOf(workbook, planId)).rejects.toThrow(`${weeks.problem} The copy was not made.`);
  });

  it("takes the person's name from People, whatever the case of their ID in Plans, else from Plans", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const { saved } = await savedIn(workbook);
    const inPeople = (await readPlanBook(workbook)).people.find((person) => person.id === "P002")!.name;
    await edit(workbook, "Plans", saved.planId, { "Person ID": "p002", Name: "Someone else" });
    const madeOn = `plan ${saved.planId} · made on 25 November 2026`;
    expect((await copyOf(workbook, saved.planId)).subtitle).toBe(`${inPeople} · ${madeOn}`);
    await edit(workbook, "Plans", saved.planId, { "Person ID": "P999" });
    expect((await copyOf(workbook, saved.planId)).subtitle).toBe(`Someone else · ${madeOn}`);
  });
});

describe("the copy as a sheet to print on A4 (26 §1)", () => {
  it("in the in-memory workbook: a sheet of its own, its print area, title rows, A4 portrait", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const { book, saved } = await savedIn(workbook);
    const copy = await readPersonCopy(workbook, book, saved.planId, "2026-11-25");
    expect(await addPersonCopySheet(workbook, saved.planId, copy)).toBe("PLAN-0001 copy");
    // Made again: a sheet of its own, nothing overwritten.
    expect(await addPersonCopySheet(workbook, saved.planId, copy)).toBe("PLAN-0001 copy (2)");
    const sheet = workbook.allSheets().find((candidate) => candidate.name === "PLAN-0001 copy")!;
    const spec = personCopySheet("PLAN-0001 copy", copy);
    expect(sheet.print).toEqual({
      paper: "A4",
      orientation: "Portrait",
      area: { row: 0, column: 0, rows: spec.print!.area.rows, columns: 4 },
      titleRows: { first: 0, last: 1 },
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    // Every cell is inside the print area's four columns, and the last is within its rows.
    expect(Math.max(...sheet.cells.map((cell) => cell.column))).toBe(3);
    expect(Math.max(...sheet.cells.map((cell) => cell.row))).toBeLessThan(spec.print!.area.rows);
    const at = (row: number, column: number) =>
      sheet.cells.find((cell) => cell.row === row && cell.column === column)?.value;
    expect([at(0, 0), at(1, 0)]).toEqual(["Your support plan", copy.subtitle]);
    const texts = sheet.cells.map((cell) => String(cell.value));
    expect(texts).toContain("£11,366.00");
    expect(texts).toContain("£218.58");
    for (const jargon of JARGON) expect(texts.join("\n")).not.toMatch(jargon);
    // No line of text is longer than fits across the four columns (widths 34 + 26 + 18 + 24 characters).
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThanOrEqual(102);
  });

  it("through Office.js: the print area, title rows, A4 portrait and one page wide are set on the sheet", async () => {
    const model = new ExcelModel();
    model.addSheet("Sheet1");
    const workbook = new OfficeWorkbook(model.run);
    const { book, saved } = await savedIn(workbook);
    const copy = await readPersonCopy(workbook, book, saved.planId, "2026-11-25");
    const name = await addPersonCopySheet(workbook, saved.planId, copy);
    const rows = personCopySheet(name, copy).print!.area.rows;
    // Excel's Normal margins kept; the fit replaces the default 100% scale (zoom is set as one object).
    expect(model.pageLayout(name)).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
      centerHorizontally: true,
      printGridlines: false,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:D${rows}`,
      printTitleRows: "$1:$2",
      centerFooter: "",
      horizontalBreaks: [],
    });
    expect(model.cell(name, "A1").value).toBe("Your support plan");
    expect(model.cell(name, "A1").bold).toBe(true);
    expect(model.columnWidth(name, 0)).toBe(34 * 7);
  });

  it("the Excel model refuses title rows that are not whole rows and a fit to part of a page", async () => {
    const model = new ExcelModel();
    model.addSheet("Sheet1");
    const failing = model.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A1:B2");
      await context.sync();
    });
    await expect(failing).rejects.toBeInstanceOf(ExcelError);
    // Nor a fit to part of a page: pages wide or tall are whole numbers (0: as many as it takes).
    const partPage = model.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = { horizontalFitToPages: 1.5 };
      await context.sync();
    });
    await expect(partPage).rejects.toThrow("The pages to fit to must be a whole number; got 1.5.");
    expect(model.pageLayout("Sheet1")).toMatchObject({ printTitleRows: null, zoom: { scale: 100 } });
  });
});

// The copy and its sheet worked out from a plan given directly (no workbook): every word and cell, by hand.
describe("the person's copy as a spec (26 §1)", () => {
  const assistant = line("Personal assistant", "10", "hour", "19.55", "week", "Direct payment");
  const weeks = new Decimal(52);
  const forCopy: PlanForCopy = {
    planId: "PLAN-0001",
    name: "Arthur Khan",
    // Spaces round an outcome, Windows line ends and a blank line, as typed into a cell.
    outcomes: "  To keep living in my own home.  \r\n\n  To see my friends. ",
    contact: "  Older People's Team  ",
    lines: [assistant],
    // 10 × £19.55 × 52 = £10,166 a year, nothing once; ÷ 52 = £195.50 a week.
    totals: planTotals([assistant], weeks),
    weeksInYear: weeks,
    weeklyCharge: null,
    indicativeAnnual: new Decimal(10640),
    startDate: null,
    endDate: "2027-11-30",
    reviewDate: null,
    madeOn: "2026-11-25",
  };
  const directPayment =
    "Direct payment: We pay this money to you (or someone acting for you) so that you can arrange and pay for " +
    "this support yourself. Keep records and receipts of what you spend; money not used for your support may be " +
    "asked back.";
  const indicative = "The amount first worked out from your assessment (your indicative budget)";

  it("every section, word for word: outcomes and contact trimmed, only the dates the plan has", () => {
    const copy = personCopy(forCopy);
    expect(copy.title).toBe("Your support plan");
    expect(copy.subtitle).toBe("Arthur Khan · plan PLAN-0001 · made on 25 November 2026");
    expect([copy.figures.annual, copy.figures.weekly, copy.figures.indicativeAnnual].map(String)).toEqual([
      "10166",
      "195.5",
      "10640",
    ]);
    expect(copy.sections).toEqual([
      { heading: "What your plan is for", paragraphs: ["To keep living in my own home.", "To see my friends."] },
      {
        heading: "Your support",
        services: [
          {
            service: "Personal assistant",
            howOften: "10 hours a week",
            cost: "£10,166.00 a year",
            managed: "Direct payment",
          },
        ],
      },
      {
        heading: "Your personal budget",
        rows: [
          ["A year", "£10,166.00"],
          ["A week", "£195.50"],
          [indicative, "£10,640.00 a year"],
        ],
        // Nothing paid for once: no sentence about spreading it.
        paragraphs: ["Your personal budget is the money agreed to pay for the support in this plan."],
      },
      { heading: "How the money is managed", paragraphs: [directPayment] },
      // No start or review date on the plan: only its end.
      { heading: "Dates", rows: [["Your plan ends", "30 November 2027"]] },
      {
        heading: "Who to contact",
        paragraphs: ["Older People's Team", "Tell us if your needs change, or if something in this plan is not right."],
      },
    ]);
    // A contact of spaces only is no contact.
    const noContact = personCopy({ ...forCopy, contact: "   " }).sections[5];
    expect(noContact.paragraphs![0]).toBe(
      "Your council's adult social care team: please ask us for a name and a phone number.",
    );
  });

  it("its words in reading order: heading, paragraphs, rows, then services", () => {
    expect(copyText(personCopy(forCopy))).toEqual([
      "Your support plan",
      "Arthur Khan · plan PLAN-0001 · made on 25 November 2026",
      "What your plan is for",
      "To keep living in my own home.",
      "To see my friends.",
      "Your support",
      "Personal assistant",
      "10 hours a week",
      "£10,166.00 a year",
      "Direct payment",
      "Your personal budget",
      "Your personal budget is the money agreed to pay for the support in this plan.",
      "A year",
      "£10,166.00",
      "A week",
      "£195.50",
      indicative,
      "£10,640.00 a year",
      "How the money is managed",
      directPayment,
      "Dates",
      "Your plan ends",
      "30 November 2027",
      "Who to contact",
      "Older People's Team",
      "Tell us if your needs change, or if something in this plan is not right.",
    ]);
  });

  it("wraps at exactly the line length, drops spaces at either end, and gives nothing for no words", () => {
    expect(wrapWords("ab cd", 5)).toEqual(["ab cd"]); // 5 characters: fits
    expect(wrapWords("ab cde", 5)).toEqual(["ab", "cde"]); // 6: does not
    expect(wrapWords("  ab  cd  ", 10)).toEqual(["ab cd"]);
    expect(wrapWords("")).toEqual([]);
    expect(wrapWords("   ")).toEqual([]);
  });

  it("as a sheet: each cell's row, column and boldness; a long label wrapped with its value on its first row", () => {
    const copy: PersonCopy = {
      title: "Your support plan",
      subtitle: "Arthur Khan · plan PLAN-0001 · made on 25 November 2026",
      figures: { annual: new Decimal(0), weekly: new Decimal(0), indicativeAnnual: new Decimal(0) },
      sections: [
        {
          heading: "Your support",
          services: [
            {
              service: "Personal assistant",
              howOften: "10 hours a week",
              cost: "£10,166.00 a year",
              managed: "Direct payment",
            },
          ],
        },
        // No services: no header row for them.
        { heading: "Nothing yet", services: [] },
        {
          heading: "Your personal budget",
          rows: [
            ["A year", "£10,166.00"],
            [indicative, "£10,640.00 a year"],
          ],
          paragraphs: ["Your personal budget is the money agreed to pay for the support in this plan."],
        },
      ],
    };
    const spec = personCopySheet("PLAN-0001 copy", copy);
    expect(spec.cells).toEqual([
      { row: 0, column: 0, value: "Your support plan", bold: true },
      { row: 1, column: 0, value: "Arthur Khan · plan PLAN-0001 · made on 25 November 2026" },
      // row 2 left blank under the title rows
      { row: 3, column: 0, value: "Your support", bold: true },
      { row: 4, column: 0, value: "Support", bold: true },
      { row: 4, column: 1, value: "How much and how often", bold: true },
      { row: 4, column: 2, value: "Cost", bold: true },
      { row: 4, column: 3, value: "How it is paid", bold: true },
      { row: 5, column: 0, value: "Personal assistant" },
      { row: 5, column: 1, value: "10 hours a week" },
      { row: 5, column: 2, value: "£10,166.00 a year" },
      { row: 5, column: 3, value: "Direct payment" },
      { row: 7, column: 0, value: "Nothing yet", bold: true },
      { row: 9, column: 0, value: "Your personal budget", bold: true },
      { row: 10, column: 0, value: "A year" },
      { row: 10, column: 2, value: "£10,166.00" },
      // The label is 74 characters; rows' labels break at 60, after "(your" (54).
      { row: 11, column: 0, value: "The amount first worked out from your assessment (your" },
      { row: 11, column: 2, value: "£10,640.00 a year" },
      { row: 12, column: 0, value: "indicative budget)" },
      { row: 13, column: 0, value: "Your personal budget is the money agreed to pay for the support in this plan." },
    ]);
    // Each section is followed by a blank row: 15 rows in all.
    expect(spec.print!.area).toEqual({ row: 0, column: 0, rows: 15, columns: 4 });
  });
});
