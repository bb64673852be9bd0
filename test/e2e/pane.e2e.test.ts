// End to end, in a real browser: the browser preview (the real pane beside an in-memory workbook), driven
// as a team manager would, at the preview's width and at Office's 320 px. Needs Debian's Chromium at
// /usr/bin/chromium (.ci/run installs it). Every figure expected is worked out by hand beside it.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import { OpenPage } from "../support/browser";
import { openPreview, previewParts } from "../support/preview";

jest.setTimeout(240_000);

let opened: OpenPage;
let page: Page;

beforeAll(async () => {
  opened = await openPreview();
  page = opened.page;
});

afterAll(async () => {
  await opened?.close();
});

const {
  pane,
  line,
  text,
  focused,
  announced,
  choose,
  addFromCatalogue,
  setField,
  messageBar,
  showSheet,
  axeViolations,
  paneAxeViolations,
  paneLayout,
} = previewParts(() => page);

const SAVED = (planId: string) => `Saved plan ${planId} to the Plans and PlanLines tables.`;

/** A table of the in-memory workbook (on a sheet of its own, at A1), read from the preview's grid. */
async function workbookTable(name: string): Promise<string[][]> {
  const grid = await showSheet(name === "PlanSettings" ? "Plan settings" : name);
  const rows = await grid.evaluate((table: HTMLTableElement) =>
    [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? "")),
  );
  return rows.filter((row) => row.some((cell) => cell !== ""));
}

/** A table's body rows as records by header. */
async function records(name: string): Promise<Record<string, string>[]> {
  const [headers, ...rows] = await workbookTable(name);
  return rows.map((row) => Object.fromEntries(headers.map((header, column) => [header, row[column]])));
}

async function paneHasNoAxeViolations() {
  await expect(paneAxeViolations()).resolves.toEqual([]);
}

describe("support plan in the browser preview", () => {
  it("sets up the workbook, costs a plan, refuses 19.555, saves with dates, and re-saves it unchanged", async () => {
    // An empty workbook: a calm note saying how to set it up, not an error.
    await messageBar("Set up the workbook").waitFor();
    await expect(messageBar("Set up the workbook").textContent()).resolves.toContain(
      'The workbook has no Scoring, PricePoints, People, Services, Plans, PlanLines tables. Use "Set up workbook"',
    );
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    await expect(messageBar("Workbook set up").textContent()).resolves.toMatch(/Added Scoring, PricePoints, People/);

    // P001 Margaret Ellis, Older people: answers C B C C B C B A B A C B score
    // 7 + 2 + 5 + 5 + 2 + 7 + 2 + 0 + 2 + 0 + 6 − 2 = 36 points.
    await choose("Person", "P001", /^P001 Margaret Ellis/);
    await expect(text("#assessment-points")).resolves.toBe("36");
    // Marginal bands: 20 points × £150 + 16 points × £200 = £3,000 + £3,200 = £6,200 a year; ÷ 52 = £119.23.
    await expect(text("#assessment-budget")).resolves.toBe("£6,200.00 a year (£119.23 a week)");
    await expect(text("#assessment-explanation")).resolves.toContain("20 points × £150.00 (band 0–20) = £3,000.00");

    // An empty plan is not an alarm: no light until it has a line.
    await expect(pane().locator("#traffic-light").count()).resolves.toBe(0);
    await pane().getByText("Add a line to see the plan against the indicative budget.").waitFor();

    await addFromCatalogue("Personal assistant"); // 1 h × £19.55 × 52 = £1,016.60: 83.6% below → Red
    await expect(text("#traffic-light")).resolves.toBe("Red");
    await addFromCatalogue("Day centre"); // + 1 day × £45 × 52 = £2,340 → £3,356.60: 45.9% below → Amber
    await expect(text("#traffic-light")).resolves.toBe("Amber");
    await addFromCatalogue("Equipment: riser recliner chair"); // + £650 once → £4,006.60: 35.4% below → Amber
    await expect(
      line(3)
        .getByText(/^£650\.00 one-off$/)
        .count(),
    ).resolves.toBe(1);
    // After Add, the catalogue choice is cleared and focus is on the new line's first field.
    await expect(pane().getByRole("combobox", { name: "Service from the catalogue" }).inputValue()).resolves.toBe("");
    await expect(focused()).resolves.toMatch(/^plan-line-\d+-service$/);
    await expect(
      line(3)
        .getByLabel("Service", { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);

    // A typed line shows no message until a field is left; then each message stays under its field.
    await pane().getByRole("button", { name: "Add a typed line" }).click();
    await expect(
      line(4)
        .getByText(/is needed|expected/)
        .count(),
    ).resolves.toBe(0);
    await setField(line(4), "Service", "Cleaning <b>help</b>");
    await setField(line(4), "Quantity", "two");
    await setField(line(4), "Unit", "hour");
    await setField(line(4), "Unit cost (£)", "19.555");
    await line(4).getByText('Quantity: expected a quantity, 0 or more; got "two"').waitFor();
    // 8.1: money with more than two decimal places is refused where it is typed.
    await line(4).getByText('Unit cost: pounds and pence only (at most 2 decimal places); got "19.555"').waitFor();
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByLabel("Start date").fill("2026-10-01");

    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar("Not saved").waitFor();
    // Focus goes to the first field with a problem; nothing is written.
    await expect(
      line(4)
        .getByLabel("Quantity", { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    expect(await records("Plans")).toEqual([]);

    await setField(line(4), "Quantity", "2");
    await setField(line(4), "Unit cost (£)", "18.50"); // 2 h × £18.50 × 52 = £1,924 → £5,930.60: 4.35% below
    await expect(text("#traffic-light")).resolves.toBe("Green");
    // The chair is one-off: the week's figure spreads it over the year, and says so.
    await expect(text("#plan-cost")).resolves.toBe(
      "£5,930.60 a year (£114.05 a week, one-off items spread over the year)",
    );

    await pane().getByRole("button", { name: "Save plan" }).click();
    const saved = messageBar(SAVED("PLAN-0001"));
    await saved.waitFor();
    // The confirmation is where the user is: just below the Save button, and it is announced.
    const button = (await pane().getByRole("button", { name: "Save plan" }).boundingBox())!;
    const message = (await saved.boundingBox())!;
    expect(message.y - (button.y + button.height)).toBeLessThan(24);
    await expect(announced()).resolves.toContainEqual(expect.stringContaining(SAVED("PLAN-0001")));
    await expect(saved.textContent()).resolves.toContain(
      "£5,930.60 a year (£114.05 a week, one-off items spread over the year), Green, Draft.",
    );
    // Dates left blank were given their defaults: reviewed 12 months after the start.
    await expect(pane().getByLabel("Review date").inputValue()).resolves.toBe("2027-10-01");

    // Another person (nothing unsaved, so no question), then the saved plan again, shown as open.
    await choose("Person", "P002", /^P002 Arthur Khan/);
    await choose("Open a saved plan", "PLAN-0001", /^PLAN-0001 · Margaret Ellis/);
    await expect(pane().getByRole("combobox", { name: "Open a saved plan" }).inputValue()).resolves.toBe(
      "PLAN-0001 · Margaret Ellis",
    );
    await expect(line(1).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Personal assistant");
    await expect(line(4).getByLabel("Unit cost (£)", { exact: true }).inputValue()).resolves.toBe("18.50");

    // 8.1: reopened and saved without edits, no figure changes (only Updated at may).
    const withoutStamp = (rows: Record<string, string>[]) => rows.map(({ "Updated at": _, ...rest }) => rest);
    const plansBefore = withoutStamp(await records("Plans"));
    const linesBefore = await records("PlanLines");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();
    expect(withoutStamp(await records("Plans"))).toEqual(plansBefore);
    expect(await records("PlanLines")).toEqual(linesBefore);

    await setField(line(1), "Quantity", "3"); // + 2 × £19.55 × 52 = £2,033.20 → £7,963.80: 28.4% above → Amber
    await expect(text("#traffic-light")).resolves.toBe("Amber");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/pane.png", fullPage: true });

    // The preview shows cells with the tables' number formats, as Excel would: dates as dates.
    const plans = await records("Plans");
    expect(plans).toHaveLength(1);
    // Annual 3,049.80 + 2,340 + 650 + 1,924 = 7,963.80; weekly ÷ 52 = 153.15; direct payment a year 3,049.80 +
    // 1,924, the one-off 650 apart.
    expect(plans[0]).toMatchObject({
      "Plan ID": "PLAN-0001",
      "Person ID": "P001",
      Name: "Margaret Ellis",
      "Care group": "Older people",
      "Start date": "1 Oct 2026",
      "End date": "",
      "Review date": "1 Oct 2027",
      "Indicative budget (annual)": "£6,200.00",
      "Plan cost (annual)": "£7,963.80",
      "Plan cost (weekly)": "£153.15",
      "One-off items": "£650.00",
      "Direct payment (annual)": "£4,973.80",
      "Council-managed (annual)": "£2,340.00",
      "Individual Service Fund (annual)": "£0.00",
      "Traffic light": "Amber",
      Status: "Draft",
      "Updated by": "Sam Reid",
    });
    const lines = await workbookTable("PlanLines");
    expect(lines.slice(1)).toEqual([
      ["PLAN-0001", "1", "Personal assistant", "hour", "3", "£19.55", "week", "1", "Direct payment", "£3,049.80"],
      ["PLAN-0001", "2", "Day centre", "day", "1", "£45.00", "week", "1", "Council-managed", "£2,340.00"],
      [
        "PLAN-0001",
        "3",
        "Equipment: riser recliner chair",
        "item",
        "1",
        "£650.00",
        "once",
        "1",
        "Direct payment",
        "£650.00",
      ],
      ["PLAN-0001", "4", "Cleaning <b>help</b>", "hour", "2", "£18.50", "week", "1", "Direct payment", "£1,924.00"],
    ]);
    // Workbook text is shown as text, never as markup.
    await expect(page.locator("b").count()).resolves.toBe(0);
    await paneHasNoAxeViolations();
    expect(opened.errors).toEqual([]);
  });

  it("asks before unsaved work is lost: keep editing, or discard", async () => {
    await addFromCatalogue("Meals"); // PLAN-0001 now has an unsaved fifth line
    await choose("Person", "P002", /^P002 Arthur Khan/);
    const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
    await dialog.waitFor();
    // Once it has faded in (axe would measure the contrast of a half-faded button).
    await dialog.evaluate((element) =>
      Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)),
    );
    await expect(dialog.textContent()).resolves.toContain(
      "You have not saved the changes to plan PLAN-0001 for Margaret Ellis. Keep editing, or discard it and " +
        "start a new plan for Arthur Khan?",
    );
    await expect(axeViolations('[role="alertdialog"]')).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(line(5).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Meals");

    await pane().getByRole("button", { name: "Refresh" }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Focus goes back to what opened the dialog, not to the page.
    await expect(
      pane()
        .getByRole("button", { name: "Refresh" })
        .evaluate((button) => button === document.activeElement),
    ).resolves.toBe(true);
    // Still there (once the dialog has given the page back to screen readers).
    await line(5).waitFor();

    await choose("Person", "P002", /^P002 Arthur Khan/);
    await dialog.getByRole("button", { name: "Discard changes" }).click();
    await pane().getByRole("heading", { name: "New plan" }).waitFor();
    await expect(pane().getByRole("combobox", { name: "Person" }).inputValue()).resolves.toBe("P002 Arthur Khan");
    await expect(line(1).count()).resolves.toBe(0);
    // The saved plan is as it was saved.
    expect((await records("PlanLines")).map((row) => row.Service)).toHaveLength(4);
    expect(opened.errors).toEqual([]);
  });

  it("refuses a Red plan as Agreed without a manager and a reason, and saves it with them", async () => {
    // P002 Arthur Khan: £10,640 a year (see the plan book tests). Live-in care: £1,370 × 52 = £71,240,
    // 569.5% above → Red.
    await addFromCatalogue("Live-in care");
    await expect(text("#traffic-light")).resolves.toBe("Red");
    await pane().getByRole("radio", { name: "Agreed" }).check();
    await pane().getByRole("button", { name: "Save plan" }).click();
    const refused = messageBar("Not saved");
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain(
      "A Red plan can be agreed only with a reason: say why it differs from the indicative budget.",
    );
    await expect(refused.textContent()).resolves.toContain(
      "A Red plan can be agreed only with a manager's sign-off: enter the manager's name.",
    );
    await expect(focused()).resolves.toBe("plan-reason");
    expect((await records("Plans")).map((row) => row["Plan ID"])).toEqual(["PLAN-0001"]);

    await pane()
      .getByRole("textbox", { name: /^Reason/ })
      .fill("Two carers needed at night after a fall");
    await pane()
      .getByRole("textbox", { name: /^Signed off by/ })
      .fill("Alex Moss");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0002")).waitFor();
    expect((await records("Plans"))[1]).toMatchObject({
      "Plan ID": "PLAN-0002",
      "Plan cost (annual)": "£71,240.00",
      "Traffic light": "Red",
      Status: "Agreed",
      Reason: "Two carers needed at night after a fall",
      "Signed off by": "Alex Moss",
    });
    expect(opened.errors).toEqual([]);
  });

  it("says which question is unanswered for a person with an incomplete assessment", async () => {
    await choose("Person", "P020", /^P020 Irene Walsh/);
    await expect(messageBar("Assessment incomplete").textContent()).resolves.toMatch(
      /Irene Walsh's assessment cannot be priced yet: Question Home and living is unanswered/,
    );
    await expect(pane().getByRole("button", { name: "Save plan" }).count()).resolves.toBe(0);
  });

  it("can be driven from the keyboard: pick a person and add a catalogue line without the mouse", async () => {
    const person = pane().getByRole("combobox", { name: "Person" });
    await person.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("P003"); // typing narrows the list to the match
    await page.getByRole("option", { name: /^P003 Joan Whitfield/ }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(person.inputValue()).resolves.toBe("P003 Joan Whitfield");
    const catalogue = pane().getByRole("combobox", { name: "Service from the catalogue" });
    await catalogue.focus();
    await page.keyboard.type("Meals");
    await page.getByRole("option", { name: /^Meals ·/ }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(catalogue.inputValue()).resolves.toBe("Meals");
    await page.keyboard.press("Tab"); // to the box's own button that opens its list (Fluent's combobox has one)
    await page.keyboard.press("Tab"); // to Add
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Add");
    await page.keyboard.press("Enter");
    await expect(line(1).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Meals");
    await expect(focused()).resolves.toMatch(/^plan-line-\d+-service$/);
    expect(opened.errors).toEqual([]);
  });

  it("moves along the views' tabs with the arrow keys, Home and End, and opens one with Enter", async () => {
    const tab = (name: string) => pane().getByRole("tab", { name, exact: true });
    const selected = async () =>
      Promise.all(
        ["Support plan", "Price what-if", "Finance", "Settings"].map((name) => tab(name).getAttribute("aria-selected")),
      );
    // One tab stop: the chosen tab's.
    await expect(
      Promise.all(
        ["Support plan", "Price what-if", "Finance", "Settings"].map((name) => tab(name).getAttribute("tabindex")),
      ),
    ).resolves.toEqual(["0", "-1", "-1", "-1"]);
    await tab("Support plan").focus();
    await page.keyboard.press("ArrowRight");
    await expect(focused()).resolves.toBe("view-tab-whatif");
    await page.keyboard.press("End");
    await expect(focused()).resolves.toBe("view-tab-settings");
    await page.keyboard.press("ArrowRight"); // round to the first
    await expect(focused()).resolves.toBe("view-tab-plan");
    await page.keyboard.press("ArrowLeft"); // and back round to the last
    await expect(focused()).resolves.toBe("view-tab-settings");
    await page.keyboard.press("Home");
    await expect(focused()).resolves.toBe("view-tab-plan");
    // Moving focus chooses nothing.
    await expect(selected()).resolves.toEqual(["true", "false", "false", "false"]);

    // Enter on another tab asks for it, as a click does: the plan's unsaved line (the test above) is asked about.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(selected()).resolves.toEqual(["true", "false", "false", "false"]);
    await expect(focused()).resolves.toBe("view-tab-whatif");
    expect(opened.errors).toEqual([]);
  });

  it("fits Office's 320 px pane: nothing beyond its edge, no sideways scrolling, no clipped button", async () => {
    await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
    await choose("Open a saved plan", "PLAN-0001", /^PLAN-0001 · Margaret Ellis/);
    // The keyboard test left a line unsaved.
    await page.getByRole("alertdialog").getByRole("button", { name: "Discard changes" }).click();
    await line(4).waitFor();
    await setField(line(1), "Unit cost (£)", "19.555"); // a message under a field, as well
    // The largest line the rules allow: 1,000,000 items at £1,000,000, once; the totals table still fits.
    await setField(line(3), "Quantity", "1000000");
    await setField(line(3), "Unit cost (£)", "1000000");
    await pane().getByText("£1,000,000,000,000.00 one-off").waitFor();
    const layout = await paneLayout();
    expect(layout).toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await paneHasNoAxeViolations();
    await page.setViewportSize({ width: 1400, height: 2600 });
    await pane().screenshot({ path: "test-results/pane-320.png" });
    expect(opened.errors).toEqual([]);
  });
});
