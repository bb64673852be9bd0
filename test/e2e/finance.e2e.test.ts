// End to end, in a real browser: a finance officer's view in the browser preview at Office's 320 px pane. Three
// plans are saved through the Support plan view, with dates; the Finance view shows what they commit, writes the
// Finance sheet of live formulas, and the sheet follows a budget changed in the preview's grid. Needs Debian's
// Chromium at /usr/bin/chromium. Every figure expected is worked out by hand beside it.
import { mkdirSync } from "fs";
import { Locator, Page } from "playwright-core";
import { a1 } from "../../src/workbook/port";
import { financeLayout } from "../../src/workbook/reports/finance";
import { OpenPage } from "../support/browser";
import { openPreview, previewParts } from "../support/preview";

jest.setTimeout(240_000);

let opened: OpenPage;
let page: Page;

beforeAll(async () => {
  opened = await openPreview();
  page = opened.page;
  await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
});

afterAll(async () => {
  await opened?.close();
});

const {
  pane,
  grid,
  line,
  text,
  messageBar,
  showSheet,
  cellAt,
  choose,
  setField,
  addFromCatalogue,
  paneLayout,
  paneAxeViolations,
} = previewParts(() => page);

/** Saves an Agreed plan for a person: one catalogue line of `quantity`, and any more lines, with its dates. */
async function saveAgreedPlan(plan: {
  person: [string, RegExp];
  service: string;
  quantity: string;
  more?: string[];
  start: string;
  end?: string;
  planId: string;
}) {
  await choose("Person", ...plan.person);
  for (const service of [plan.service, ...(plan.more ?? [])]) await addFromCatalogue(service);
  await setField(line(1), "Quantity", plan.quantity);
  await finishAgreedPlan(plan);
}

/** Dates, Agreed with a reason and a sign-off, and saved. */
async function finishAgreedPlan(plan: { start: string; end?: string; planId: string }) {
  await pane().getByLabel("Start date").fill(plan.start);
  if (plan.end) await pane().getByLabel("End date").fill(plan.end);
  await pane().getByRole("radio", { name: "Agreed" }).check();
  await pane()
    .getByRole("textbox", { name: /^Reason/ })
    .fill("Agreed at the support planning meeting");
  await pane()
    .getByRole("textbox", { name: /^Signed off by/ })
    .fill("Alex Moss");
  await pane()
    .getByRole("textbox", { name: /^Your name/ })
    .fill("Sam Reid");
  await pane().getByRole("button", { name: "Save plan" }).click();
  await messageBar(`Saved plan ${plan.planId} to the Plans and PlanLines tables.`).waitFor();
}

// The Finance sheet's rows for the starter's care groups, in the Budgets table's order (the blocks read here
// come before the services, so the services listed do not move them).
const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const layout = financeLayout({ careGroups: CARE_GROUPS, services: [] });
const [OLDER, MENTAL, ALL] = [0, 3, 5];
// Below the services, the rows depend on how many there are: the starter catalogue's 15.
const withServices = financeLayout({ careGroups: CARE_GROUPS, services: Array.from({ length: 15 }, String) });
// Full-year block: B direct payment, C council-managed, D ISF, E one-off items, F total, G budget, H variance.
const [DP, CM, ISF, ONE_OFF, TOTAL, BUDGET, VARIANCE] = [1, 2, 3, 4, 5, 6, 7];
const fullYear = (group: number, column: number) =>
  cellAt("Finance", a1({ row: layout.fullYear.first + group, column })).textContent();
const inYear = (group: number, column: number) =>
  cellAt("Finance", a1({ row: layout.inYear.first + group, column })).textContent();

describe("the Finance view in the browser preview, at 320 px", () => {
  it("shows what three saved plans commit, writes the Finance sheet, and the sheet follows a budget", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();

    // As at 1 October 2026, the year 1 April 2026 to 31 March 2027: 182 days from the as-at date.
    // PLAN-0001, Margaret Ellis (Older people), from 1 April 2026, ongoing: a personal assistant 6 h × £19.55 ×
    // 52 = £6,099.60 a year, by direct payment. In year: 6,099.60 × 182 ÷ 365 = 3,041.4399… → £3,041.44.
    await saveAgreedPlan({
      person: ["P001", /^P001 Margaret Ellis/],
      service: "Personal assistant",
      quantity: "6",
      start: "2026-04-01",
      planId: "PLAN-0001",
    });
    // PLAN-0002, Arthur Khan (Older people), from 1 November 2026: home care 7 h × £28.50 × 52 = £10,374 a year,
    // council-managed, and a riser recliner chair, £650 once. In year, 1 November to 31 March is 30 + 31 + 31 +
    // 28 + 31 = 151 days: 10,374 × 151 ÷ 365 = 4,291.7095… → £4,291.71; the chair in full, bought in the year.
    await saveAgreedPlan({
      person: ["P002", /^P002 Arthur Khan/],
      service: "Home care (regulated agency)",
      quantity: "7",
      more: ["Equipment: riser recliner chair"],
      start: "2026-11-01",
      planId: "PLAN-0002",
    });
    // PLAN-0003, Tom Lewandowski (Mental health), 1 June to 31 December 2026: supported community activities
    // 5 h × £22 × 52 = £5,720 a year, an Individual Service Fund. In year, 1 October to 31 December is 92 days:
    // 5,720 × 92 ÷ 365 = 1,441.7534… → £1,441.75.
    await saveAgreedPlan({
      person: ["P008", /^P008 Tom Lewandowski/],
      service: "Supported community activities",
      quantity: "5",
      start: "2026-06-01",
      end: "2026-12-31",
      planId: "PLAN-0003",
    });

    await pane().getByRole("tab", { name: "Finance" }).click();
    await pane().getByRole("heading", { name: "Finance", level: 1 }).waitFor();
    await pane().getByLabel("As at").fill("2026-10-01");
    await expect(pane().getByLabel("Financial year starts").inputValue()).resolves.toBe("2026-04-01");
    await pane().locator("#finance-all-committed").waitFor();

    // Older people: 6,099.60 + 10,374 + 650 = £17,123.60 a year, of the sample budget £65,000: £47,876.40 left,
    // 17,123.60 ÷ 65,000 = 26.3%; in year 3,041.44 + 4,291.71 + 650 = £7,983.15; two people.
    await expect(text("#finance-group-0-committed")).resolves.toBe("£17,123.60");
    await expect(text("#finance-group-0-budget")).resolves.toBe("£65,000.00");
    await expect(text("#finance-group-0-variance")).resolves.toBe("£47,876.40");
    await expect(text("#finance-group-0-committed-share")).resolves.toBe("26.3%");
    await expect(text("#finance-group-0-in-year")).resolves.toBe("£7,983.15");
    await expect(text("#finance-group-0-people")).resolves.toBe("2");
    // Mental health: £5,720 of £30,000, £24,280 left; in year £1,441.75.
    await expect(text("#finance-group-3-committed")).resolves.toBe("£5,720.00");
    await expect(text("#finance-group-3-variance")).resolves.toBe("£24,280.00");
    await expect(text("#finance-group-3-in-year")).resolves.toBe("£1,441.75");
    // All: 17,123.60 + 5,720 = £22,843.60 of £180,000 (65,000 + 35,000 + 50,000 + 30,000): £157,156.40 left; in
    // year 7,983.15 + 1,441.75 = £9,424.90.
    await expect(text("#finance-all-committed")).resolves.toBe("£22,843.60");
    await expect(text("#finance-all-budget")).resolves.toBe("£180,000.00");
    await expect(text("#finance-all-variance")).resolves.toBe("£157,156.40");
    await expect(text("#finance-all-in-year")).resolves.toBe("£9,424.90");
    await expect(pane().locator("#finance-pipeline").count()).resolves.toBe(0); // nothing waits to be agreed
    await pane().getByText("No plans wait to be agreed.").waitFor();
    // Forecast, next year, at 2% more people and 4% dearer (× 1.0608), one-off items left out: Older people
    // (6,099.60 + 10,374) × 1.0608 = 17,475.1948… → 17,475.19; Mental health 5,720 × 1.0608 = 6,067.776 →
    // 6,067.78; all £23,542.97.
    await expect(text("#finance-forecast-1")).resolves.toBe("£23,542.97");

    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance").waitFor();
    await showSheet("Finance");
    // The sheet's formulas give the same figures.
    await expect(fullYear(OLDER, DP)).resolves.toBe("£6,099.60");
    await expect(fullYear(OLDER, CM)).resolves.toBe("£10,374.00");
    await expect(fullYear(OLDER, ONE_OFF)).resolves.toBe("£650.00");
    await expect(fullYear(OLDER, TOTAL)).resolves.toBe("£17,123.60");
    await expect(fullYear(OLDER, VARIANCE)).resolves.toBe("£47,876.40");
    await expect(fullYear(MENTAL, ISF)).resolves.toBe("£5,720.00");
    await expect(fullYear(ALL, TOTAL)).resolves.toBe("£22,843.60");
    await expect(fullYear(ALL, VARIANCE)).resolves.toBe("£157,156.40");
    await expect(inYear(OLDER, DP)).resolves.toBe("£3,041.44");
    await expect(inYear(OLDER, CM)).resolves.toBe("£4,291.71");
    await expect(inYear(OLDER, TOTAL)).resolves.toBe("£7,983.15");
    await expect(inYear(MENTAL, ISF)).resolves.toBe("£1,441.75");
    await expect(inYear(ALL, TOTAL)).resolves.toBe("£9,424.90");

    // The Older people budget cut to £20,000 in the Budgets table: 20,000 − 17,123.60 = £2,876.40 left; all
    // care groups 135,000 − 22,843.60 = £112,156.40.
    await showSheet("Budgets");
    await expect(cellAt("Budgets", "A2").textContent()).resolves.toBe("Older people");
    await cellAt("Budgets", "B2").dblclick();
    await page.getByRole("textbox", { name: "Edit B2" }).fill("20000");
    await page.getByRole("textbox", { name: "Edit B2" }).press("Enter");
    await showSheet("Finance");
    await expect(fullYear(OLDER, BUDGET)).resolves.toBe("£20,000.00");
    await expect(fullYear(OLDER, VARIANCE)).resolves.toBe("£2,876.40");
    await expect(fullYear(ALL, VARIANCE)).resolves.toBe("£112,156.40");
    // The pane reads the tables again on Refresh.
    await pane().getByRole("button", { name: "Refresh" }).click();
    await expect(text("#finance-group-0-variance")).resolves.toBe("£2,876.40");
    await expect(text("#finance-all-variance")).resolves.toBe("£112,156.40");

    // Written once: a second write sits beside the first, which is left as it is.
    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance (2)").waitFor();
    await showSheet("Finance");
    await expect(fullYear(OLDER, VARIANCE)).resolves.toBe("£2,876.40");
    expect(opened.errors).toEqual([]);
  });

  it("takes a care group's own forecast rate, marks a wrong one on its box, and fits the 320 px pane", async () => {
    await pane().getByText("A care group's own rates").click();
    // Older people's growth 3%: (6,099.60 + 10,374) × 1.03 × 1.04 = 16,473.60 × 1.0712 = 17,646.5203… →
    // 17,646.52; with Mental health's 6,067.78 at all care groups' rates: £23,714.30.
    await pane().locator("#finance-rate-0-growth").fill("3");
    await expect(text("#finance-forecast-1")).resolves.toBe("£23,714.30");
    await pane().locator("#finance-rate-3-inflation").fill("4..5");
    await pane()
      .getByText('Price inflation, Mental health: expected a percentage a year, such as 2.5 or -1; got "4..5"')
      .waitFor();
    await expect(pane().locator("#finance-forecast-1").count()).resolves.toBe(0);
    await expect(pane().getByRole("button", { name: "Write Finance sheet" }).isDisabled()).resolves.toBe(true);

    // Nothing beyond the pane's edge, with every box showing and a message under one.
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);

    await pane().locator("#finance-rate-3-inflation").fill("");
    await expect(text("#finance-forecast-1")).resolves.toBe("£23,714.30");
    await expect(pane().getByRole("button", { name: "Write Finance sheet" }).isDisabled()).resolves.toBe(false);
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);

    mkdirSync("test-results", { recursive: true });
    await page.setViewportSize({ width: 1400, height: 2600 });
    // The README's picture (docs/finance.png is a copy).
    await pane().screenshot({ path: "test-results/finance-320.png" });

    // Older people's own rate is typed and not in a sheet: leaving the view asks first. Keep it.
    await pane().getByRole("tab", { name: "Support plan" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("You have not saved the forecast rates you typed.");
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(pane().getByRole("tab", { name: "Finance" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(pane().locator("#finance-rate-0-growth").inputValue()).resolves.toBe("3");
    expect(opened.errors).toEqual([]);
    // Everything the page asked for came from where it is served.
    expect(opened.requests.length).toBeGreaterThan(2);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
  });
});

/** A notice's list items as read: each follows an unseen space, so a screen reader reads them as sentences. */
async function items(bar: Locator): Promise<string[]> {
  return (await bar.locator("li").allTextContents()).map((item) => item.trim());
}

/** Types into a cell of the preview's grid, as a user does, and leaves it. */
async function typeIn(sheet: string, address: string, text: string) {
  await showSheet(sheet);
  await cellAt(sheet, address).dblclick();
  await page.getByRole("textbox", { name: `Edit ${address}` }).fill(text);
  await page.getByRole("textbox", { name: `Edit ${address}` }).press("Enter");
}

/** The A1 column letter of a table's column on its sheet, by its header in row 1. */
async function columnOf(sheet: string, header: string): Promise<string> {
  await showSheet(sheet);
  const headers = await grid(sheet).locator("tr:nth-child(1) > *").allTextContents();
  return String.fromCharCode(65 + headers.indexOf(header));
}

describe("the Finance view's rules for which plans count, at 320 px", () => {
  beforeAll(async () => {
    await opened.close();
    opened = await openPreview();
    page = opened.page;
    await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
  });

  it("shows a plan starting next year apart, names one without a start date, follows the sheet's inputs", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    // PLAN-0001, Margaret Ellis (Older people), from 1 April 2026: a personal assistant 6 h × £19.55 × 52 = £6,099.60
    // a year; in year, 1 October to 31 March (182 days): 6,099.60 × 182 ÷ 365 = 3,041.4399… → £3,041.44.
    await saveAgreedPlan({
      person: ["P001", /^P001 Margaret Ellis/],
      service: "Personal assistant",
      quantity: "6",
      start: "2026-04-01",
      planId: "PLAN-0001",
    });
    // PLAN-0002, Grace Okafor (Mental health), Agreed to start on 1 May 2027: supported community activities 6 h ×
    // £22 × 52 = £6,864 and a carer's break, £300 a year: £7,164 a year, which must not count against 2026/27.
    await choose("Person", "P009", /^P009 Grace Okafor/);
    await addFromCatalogue("Supported community activities");
    await addFromCatalogue("Carer's break");
    await setField(line(1), "Quantity", "6");
    await finishAgreedPlan({ start: "2027-05-01", planId: "PLAN-0002" });
    // PLAN-0003, Tom Lewandowski (Mental health), from 1 June 2026: supported community activities 5 h, £5,720 a
    // year; its start date is then blanked in the Plans table.
    await saveAgreedPlan({
      person: ["P008", /^P008 Tom Lewandowski/],
      service: "Supported community activities",
      quantity: "5",
      start: "2026-06-01",
      planId: "PLAN-0003",
    });
    const startColumn = await columnOf("Plans", "Start date");
    await typeIn("Plans", `${startColumn}4`, "");

    await pane().getByRole("tab", { name: "Finance" }).click();
    await pane().getByRole("heading", { name: "Finance", level: 1 }).waitFor();
    await pane().getByLabel("As at").fill("2026-10-01");
    await pane().locator("#finance-all-committed").waitFor();
    // At the top, the plan left out, and why.
    await messageBar("1 plan is left out of every figure").waitFor();
    await expect(items(messageBar("1 plan is left out of every figure"))).resolves.toEqual([
      "PLAN-0003: no start date.",
    ]);
    // Mental health commits nothing in 2026/27 (not £7,164, 23.9% of its £30,000); Grace Okafor's plan is shown
    // apart. Every other figure is worked out: Older people £6,099.60 a year, £3,041.44 in year.
    await expect(text("#finance-group-3-committed")).resolves.toBe("£0.00");
    await expect(text("#finance-group-3-starting-later-term")).resolves.toBe(
      "Agreed, starting after 31 Mar 2027 (1 person), a year",
    );
    await expect(text("#finance-group-3-starting-later")).resolves.toBe("£7,164.00");
    await expect(text("#finance-group-0-committed")).resolves.toBe("£6,099.60");
    await expect(text("#finance-group-0-in-year")).resolves.toBe("£3,041.44");
    await expect(text("#finance-all-committed")).resolves.toBe("£6,099.60");
    await expect(text("#finance-all-in-year")).resolves.toBe("£3,041.44");
    await expect(text("#finance-all-people")).resolves.toBe("1");
    await expect(text("#finance-all-starting-later")).resolves.toBe("£7,164.00");
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);

    // The sheet says the same, and names the plan in A3.
    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance").waitFor();
    await showSheet("Finance");
    await expect(cellAt("Finance", "A3").textContent()).resolves.toBe(
      "1 plan is left out of every figure: PLAN-0003. Each needs a start date, an end date (if any) on or after " +
        "it, and amounts that are numbers, 0 or more; its row under Each plan, at the foot of this sheet, shows " +
        "it, and the Finance view says why.",
    );
    await expect(fullYear(MENTAL, TOTAL)).resolves.toBe("£0.00");
    await expect(fullYear(ALL, TOTAL)).resolves.toBe("£6,099.60");
    await expect(inYear(ALL, TOTAL)).resolves.toBe("£3,041.44");
    const later = (group: number, column: number) =>
      cellAt("Finance", a1({ row: layout.startingLater.first + group, column })).textContent();
    await expect(Promise.all([later(MENTAL, 1), later(MENTAL, 2)])).resolves.toEqual(["1", "£7,164.00"]);

    // 5% growth typed over B12 on the sheet: Refresh takes it. Next year: 6,099.60 × 1.05 × 1.04 = 6,660.7632 →
    // £6,660.76, in the view and on the sheet.
    await typeIn("Finance", "B12", "5%");
    await pane().getByRole("button", { name: "Refresh" }).click();
    await expect(pane().locator("#finance-rate-all-growth").inputValue()).resolves.toBe("5");
    await expect(text("#finance-forecast-1")).resolves.toBe("£6,660.76");
    await showSheet("Finance");
    await expect(cellAt("Finance", a1({ row: withServices.forecast.last, column: 2 })).textContent()).resolves.toBe(
      "£6,660.76",
    );
    // 3% typed in the pane: the view says which input differs from the sheet's, until told to use the sheet's.
    await pane().locator("#finance-rate-all-growth").fill("3");
    const differs = messageBar("The Finance sheet has other inputs");
    await expect(items(differs)).resolves.toEqual(["Growth in people: 5% on the sheet (B12), 3% here."]);
    await pane().getByRole("button", { name: "Use the sheet's inputs" }).click();
    await expect(pane().locator("#finance-rate-all-growth").inputValue()).resolves.toBe("5");
    await expect(differs.count()).resolves.toBe(0);

    // A blank Financial year starts is 1 April; a wrong one is marked under its own box, not under As at.
    await pane().getByLabel("Financial year starts").fill("");
    await pane().getByText("Blank: from 1 April (1 Apr 2026), ends 31 Mar 2027").waitFor();
    await expect(text("#finance-all-in-year")).resolves.toBe("£3,041.44");
    await pane().getByLabel("Financial year starts").fill("2025-04-01");
    const yearField = pane().getByRole("group", { name: /Financial year/ });
    await yearField
      .getByText(
        "The as-at date (2026-10-01) is after the financial year's last day (2026-03-31): choose a later " +
          "financial year.",
      )
      .waitFor();
    await expect(pane().getByLabel("As at").getAttribute("aria-invalid")).resolves.not.toBe("true");
    await expect(pane().getByLabel("Financial year starts").getAttribute("aria-invalid")).resolves.toBe("true");
    await pane().getByLabel("Financial year starts").fill("2026-04-01");

    // Grace Okafor's plan typed over as Margaret Ellis's: two Agreed plans of one person overlap, named at the top;
    // she is one person with Agreed plans.
    const personColumn = await columnOf("Plans", "Person ID");
    await typeIn("Plans", `${personColumn}3`, "P001");
    await pane().getByRole("button", { name: "Refresh" }).click();
    const overlap = messageBar("1 person has Agreed plans that overlap");
    await expect(items(overlap)).resolves.toEqual([
      "P001 has Agreed plans whose dates overlap: PLAN-0001 (from 1 Apr 2026, ongoing) and PLAN-0002 (from 1 May " +
        "2027, ongoing). Each is in the commitment, the person counted once; end the earlier plan the day before " +
        "the later one starts.",
    ]);
    await expect(text("#finance-all-people")).resolves.toBe("1");

    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    mkdirSync("test-results", { recursive: true });
    await page.setViewportSize({ width: 1400, height: 2600 });
    await pane().screenshot({ path: "test-results/finance-rules-320.png" });
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
  });
});
