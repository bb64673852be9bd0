// End to end, in Chromium at Office's 320 px: issue 26 §1–3 as a team manager meets it in the browser preview. The
// person's copy of a saved plan (its figures checked against the plan's row in Plans, printed to PDF and looked at,
// in large print too, and added as a sheet), the history two saves leave, and the reviews due. Figures are worked out
// by hand beside them.
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
  await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
  mkdirSync("test-results", { recursive: true });
});

afterAll(async () => {
  await opened?.close();
});

const { pane, line, choose, addFromCatalogue, setField, messageBar, showSheet, cellAt, paneAxeViolations, paneLayout } =
  previewParts(() => page);

const SAVED = (planId: string) => `Saved plan ${planId} to the Plans and PlanLines tables.`;
const JARGON = [/\bRAS\b/, /\bPB\./, /tolerance/i];

/** A table of the in-memory workbook, its body rows as records by header, read from the preview's grid. */
async function records(sheet: string): Promise<Record<string, string>[]> {
  const grid = await showSheet(sheet);
  const rows = await grid.evaluate((table: HTMLTableElement) =>
    [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? "")),
  );
  const [headers, ...body] = rows.filter((row) => row.some((cell) => cell !== ""));
  return body.map((row) => Object.fromEntries(headers.map((header, column) => [header, row[column]])));
}

/** Starts a new plan for a person, discarding anything unsaved (the pane asks first). */
async function newPlanFor(id: string, name: RegExp) {
  await choose("Person", id, name);
  const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
  for (let tries = 0; tries < 100; tries++) {
    if (await dialog.isVisible()) await dialog.getByRole("button", { name: "Discard changes" }).click();
    if ((await line(1).count()) === 0 && (await pane().getByRole("heading", { name: "New plan" }).count())) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`No new plan for ${id}: ${opened.errors.join(" | ")}`);
}

const VIEWPORT = { width: 1400, height: 1100 };
const A4_PRINTABLE = { width: 658, height: 933 };

/** How many pages a PDF has: its page objects (not the /Pages tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe("issue 26 §1–3 in the browser preview, at 320 px", () => {
  it("makes the person's copy of a saved plan: its figures are the plan's, and it prints on its own (§1)", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    await newPlanFor("P002", /^P002 Arthur Khan/);
    await addFromCatalogue("Personal assistant");
    await setField(line(1), "Quantity", "10"); // 10 × £19.55 × 52 = £10,166
    await addFromCatalogue("Respite in a care home"); // £550 a year
    await addFromCatalogue("Equipment: riser recliner chair"); // £650 once
    await pane().getByLabel("Start date").fill("2026-12-01");
    await pane()
      .getByRole("textbox", { name: /^What the plan is for/ })
      .fill("To keep living in my own home.\nTo get to the allotment on Saturdays.");
    await pane()
      .getByRole("textbox", { name: /^Who to contact/ })
      .fill("Older People's Team, 01632 960123");
    // Before saving there is no copy to make: it is made from the plan as saved.
    await expect(pane().getByRole("button", { name: "Make the person's copy" }).count()).resolves.toBe(0);
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();

    await pane().getByRole("button", { name: "Make the person's copy" }).click();
    const copy = pane().locator("#person-copy");
    await copy.waitFor();
    const figure = (label: string) =>
      copy.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]").textContent();
    // £10,166 + £550 + £650 = £11,366 a year; ÷ 52 = £218.58 a week; the indicative budget £10,640.
    await expect(figure("A year")).resolves.toBe("£11,366.00");
    await expect(figure("A week")).resolves.toBe("£218.58");
    await expect(figure("your indicative budget")).resolves.toBe("£10,640.00 a year");
    // The same figures as the plan's row in Plans.
    const [row] = await records("Plans");
    expect([row["Plan cost (annual)"], row["Plan cost (weekly)"], row["Indicative budget (annual)"]]).toEqual([
      "£11,366.00",
      "£218.58",
      "£10,640.00",
    ]);
    const words = (await copy.textContent()) ?? "";
    expect(words).toContain("Arthur Khan · plan PLAN-0001");
    expect(words).toContain("To get to the allotment on Saturdays.");
    expect(words).toContain("Personal assistant: 10 hours a week, £10,166.00 a year. Direct payment.");
    expect(words).toContain("Respite in a care home: 1 week a year, £550.00 a year. Arranged by the council.");
    expect(words).toContain("Your plan starts1 December 2026");
    expect(words).toContain("Older People's Team, 01632 960123");
    for (const jargon of JARGON) expect(words).not.toMatch(jargon);

    // Printed: the copy alone (not the pane, not the workbook), on one A4 page.
    await page.emulateMedia({ media: "print" });
    await expect(pane().isVisible()).resolves.toBe(false);
    await expect(page.getByRole("region", { name: "Workbook" }).isVisible()).resolves.toBe(false);
    const printed = page.locator(".pb-print-copy article");
    await expect(printed.isVisible()).resolves.toBe(true);
    await expect(printed.evaluate((article) => getComputedStyle(article).fontSize)).resolves.toBe("16px"); // 12pt
    const printedWords = (await printed.textContent()) ?? "";
    expect(printedWords).toBe(words.slice(words.indexOf("Your support plan")));
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPages(pdf)).toBe(1);
    // The README's pictures: the printed page as A4's printable area shows it (174 × 247 mm at 96 dpi, inside the
    // page's 18 mm margins).
    await page.setViewportSize(A4_PRINTABLE);
    await page.screenshot({ path: "docs/person-copy.png", fullPage: true });
    await page.setViewportSize(VIEWPORT);

    // Large print: 18 point, on as many pages as it takes.
    await page.emulateMedia({ media: "screen" });
    await copy.getByRole("switch", { name: "Large print" }).check();
    await page.emulateMedia({ media: "print" });
    await expect(printed.evaluate((article) => getComputedStyle(article).fontSize)).resolves.toBe("24px"); // 18pt
    const large = await page.pdf({ format: "A4", printBackground: true });
    expect(pdfPages(large)).toBeGreaterThan(1);
    await page.setViewportSize(A4_PRINTABLE);
    await page.screenshot({ path: "docs/person-copy-large.png", fullPage: true });
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ media: "screen" });
    expect(opened.errors).toEqual([]);
  });

  it("adds the copy as a sheet laid out for A4 (§1)", async () => {
    await pane().getByRole("button", { name: "Add as a sheet to print from Excel" }).click();
    await messageBar("Added the sheet PLAN-0001 copy").waitFor();
    await showSheet("PLAN-0001 copy");
    await expect(cellAt("PLAN-0001 copy", "A1").textContent()).resolves.toBe("Your support plan");
    await expect(cellAt("PLAN-0001 copy", "A2").textContent()).resolves.toMatch(/^Arthur Khan · plan PLAN-0001 ·/);
    const text = await (
      await showSheet("PLAN-0001 copy")
    ).evaluate((table: HTMLTableElement) =>
      [...table.querySelectorAll("td, th")].map((cell) => cell.textContent).join("\n"),
    );
    expect(text).toContain("£11,366.00");
    expect(text).toContain("£218.58");
    for (const jargon of JARGON) expect(text).not.toMatch(jargon);
  });

  it("two saves leave two history rows, shown newest first (§3)", async () => {
    await setField(line(1), "Quantity", "12"); // 12 × £19.55 × 52 = £12,199.20: £13,399.20 a year
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();
    const history = await records("Plan history");
    expect(history.map((row) => [row["Plan ID"], row["Plan cost (annual)"], row["Traffic light"]])).toEqual([
      ["PLAN-0001", "£11,366.00", "Green"],
      ["PLAN-0001", "£13,399.20", "Amber"],
    ]);
    expect(history[1]["Lines changed"]).toBe(
      "Personal assistant: 10 hours a week at £19.55 (Direct payment) → " +
        "Personal assistant: 12 hours a week at £19.55 (Direct payment)",
    );
    const items = pane().locator("#plan-history li");
    await expect(items.count()).resolves.toBe(2);
    await expect(items.first().textContent()).resolves.toMatch(/by Sam Reid: Draft, Amber, £13,399\.20 a year/);
    await expect(items.first().textContent()).resolves.toContain("Changed: Personal assistant: 10 hours a week");
    await expect(items.nth(1).textContent()).resolves.toContain("Added: Personal assistant: 10 hours a week");
    // The copy made before the save is gone: it is made again from the plan as now saved.
    await expect(pane().locator("#person-copy").count()).resolves.toBe(0);
  });

  it("lists a plan whose review date has passed; picking it opens it; a new review date takes it off", async () => {
    await newPlanFor("P001", /^P001 Margaret Ellis/);
    await addFromCatalogue("Day centre");
    await pane().getByLabel("Start date").fill("2025-06-01");
    await pane().getByLabel("Review date").fill("2025-12-01");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0002")).waitFor();
    const reviews = pane().locator("#reviews-due");
    await expect(reviews.locator("summary").textContent()).resolves.toBe("Reviews due: 1 within 28 days");
    await reviews.locator("summary").click();
    const due = reviews.getByRole("list", { name: "Plans due a review, soonest first" }).getByRole("button");
    await expect(due.count()).resolves.toBe(1);
    await expect(due.first().textContent()).resolves.toMatch(
      /^PLAN-0002 · Margaret EllisDraft · Red · review 1 Dec 2025, overdue by \d+ days$/,
    );

    // Another plan open, then the review picked: it opens.
    await choose("Open a saved plan", "PLAN-0001", /^PLAN-0001 ·/);
    await pane().getByRole("heading", { name: "Plan PLAN-0001" }).waitFor();
    await due.first().click();
    await pane().getByRole("heading", { name: "Plan PLAN-0002" }).waitFor();

    // The review recorded: saved with its next review date, the list updates.
    await pane().getByLabel("Review date").fill("2027-06-01");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0002")).waitFor();
    await expect(reviews.locator("summary").textContent()).resolves.toBe("Reviews due: 0 within 28 days");
    // Far enough ahead, both plans are listed, soonest first; a number of days that is not one is said so.
    await reviews.getByRole("textbox", { name: /^Due within/ }).fill("800");
    await expect(due.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^PLAN-0002 · Margaret Ellis/),
      expect.stringMatching(/^PLAN-0001 · Arthur Khan/),
    ]);
    await reviews.getByRole("textbox", { name: /^Due within/ }).fill("soon");
    await expect(reviews.textContent()).resolves.toContain('Enter a whole number of days, 0 to 3,650; got "soon".');
    await reviews.getByRole("textbox", { name: /^Due within/ }).fill("28");
    expect(opened.errors).toEqual([]);
  });

  it("has no accessibility violations and nothing beyond the pane's edge, copy and history open (§1–3)", async () => {
    await choose("Open a saved plan", "PLAN-0001", /^PLAN-0001 ·/);
    await pane().getByRole("heading", { name: "Plan PLAN-0001" }).waitFor();
    // Workbook text is shown as text, never as HTML.
    await pane()
      .getByRole("textbox", { name: /^Who to contact/ })
      .fill("Older People's Team <b>01632 960123</b>");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();
    await pane().getByRole("button", { name: "Make the person's copy" }).click();
    await pane().locator("#person-copy").waitFor();
    await expect(pane().locator("#person-copy").textContent()).resolves.toContain(
      "Older People's Team <b>01632 960123</b>",
    );
    await expect(pane().locator("#person-copy b").count()).resolves.toBe(0);
    await pane().locator("#plan-history li").first().waitFor();
    const reviews = pane().locator("#reviews-due");
    if (!(await reviews.evaluate((details: HTMLDetailsElement) => details.open))) {
      await reviews.locator("summary").click();
    }
    await expect(paneAxeViolations()).resolves.toEqual([]);
    const layout = await paneLayout();
    expect(layout).toMatchObject({ width: 320, beyond: [], clipped: [], scrolls: false });
    // In large print too, nothing runs past the pane's edge.
    await pane().locator("#person-copy").getByRole("switch", { name: "Large print" }).check();
    await expect(paneLayout()).resolves.toMatchObject({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    await pane().locator("#person-copy").getByRole("switch", { name: "Large print" }).uncheck();
    await pane().screenshot({ path: "test-results/person-copy-320.png" });
    await pane().locator("#reviews-due").screenshot({ path: "test-results/reviews-due-320.png" });
    await pane().locator("#person-copy").screenshot({ path: "test-results/person-copy-pane-320.png" });
    await pane().locator("#plan-history").screenshot({ path: "test-results/plan-history-320.png" });
    expect(opened.errors).toEqual([]);
  });
});
