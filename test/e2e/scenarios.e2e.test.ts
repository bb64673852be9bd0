// End to end, in a real browser: a policy officer's scenarios and transition (issue 25 §4) in the preview at Office's
// 320 px. The starter workbook with the RAS review's Agreed plans; two proposals, every rate 10% up
// (ProposedPricePoints) and 10% down (ProposedPricePoints_Freeze), side by side; a cap of 5% on any one person's
// first-year loss, applied in the pane and on the What-if sheet with its cost; the Agreed plans whose light would
// change; the Committee pack as a sheet laid out for A4 and as a page the browser prints to PDF. Every figure
// expected is worked out by hand beside it (test/taskpane/whatIf.test.ts and test/workbook/committeePack.test.ts
// have the working). Needs Debian's Chromium.
import { mkdirSync, readFileSync } from "fs";
import { Page } from "playwright-core";
import { TableData, TableEdit } from "../../src/workbook/port";
import { fieldsOf, tableEdit } from "../../src/workbook/schema/rows";
import { PLANS } from "../../src/workbook/schema/tables";
import { OpenPage } from "../support/browser";
import { planRow } from "../support/financeWorkbook";
import { openPreview, previewParts } from "../support/preview";
import { REVIEW_PLANS } from "../support/reviewWorkbook";

jest.setTimeout(300_000);

let opened: OpenPage;
let page: Page;

beforeAll(async () => {
  opened = await openPreview();
  page = opened.page;
  mkdirSync("test-results", { recursive: true });
});

afterAll(async () => {
  await opened?.close();
});

const { pane, messageBar, showSheet, grid, paneLayout, paneAxeViolations } = previewParts(() => page);

/** A block of a sheet's grid as the preview shows it (formatted text), rows and columns 1-based as in A1. */
async function cells(sheet: string, firstRow: number, rows: number, firstColumn: number, columns: number) {
  const all = await (
    await showSheet(sheet)
  ).evaluate((table: HTMLTableElement) => [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent)));
  return all
    .slice(firstRow - 1, firstRow - 1 + rows)
    .map((row) => row.slice(firstColumn - 1, firstColumn - 1 + columns));
}

/** Types into a cell of a sheet's grid (1-based row and column), as a user does: double-click, type, Enter. */
async function type(sheet: string, address: string, row: number, column: number, text: string) {
  await showSheet(sheet);
  await grid(sheet).locator(`tr:nth-child(${row}) > :nth-child(${column})`).dblclick();
  await page.getByRole("textbox", { name: `Edit ${address}` }).fill(text);
  await page.getByRole("textbox", { name: `Edit ${address}` }).press("Enter");
}

/** The side-by-side table, row by row (its row headers first). */
const sideBySide = () =>
  pane()
    .getByRole("region", { name: /^Against the budgets now/ })
    .locator("tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));

/** A description list's figures by term. */
async function figures(label: string): Promise<Record<string, string>> {
  const list = pane().locator(`dl[aria-label="${label}"]`);
  const terms = await list.locator("dt").allTextContents();
  const values = await list.locator("dd").allTextContents();
  return Object.fromEntries(terms.map((term, at) => [term, values[at]]));
}

async function propose(percent: string, name?: string) {
  if (name) {
    await pane().getByRole("combobox", { name: "Proposal shown" }).selectOption({ label: "A new proposal…" });
    await pane().getByRole("textbox", { name: "Name of the proposal" }).fill(name);
  }
  await pane().getByRole("radio", { name: "Raise or lower by a percentage" }).check();
  await pane().getByRole("textbox", { name: "Percentage (negative to lower)" }).fill(percent);
  const table = name ? `ProposedPricePoints_${name}` : "ProposedPricePoints";
  await pane()
    .getByRole("button", { name: `Create ${table}` })
    .click();
  await messageBar(`Created ${table}`).waitFor();
}

describe("scenarios and transition in the browser preview", () => {
  it("keeps two named proposals side by side, with what each does to budgets, lights and the fit", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    // The review's twenty Agreed plans and a Draft one, appended to Plans as a save appends them.
    const plans: TableData = { name: PLANS.name, sheet: PLANS.sheet, headers: [], rows: [] };
    const edit = tableEdit(PLANS, plans, fieldsOf(PLANS), { append: REVIEW_PLANS.map(planRow) });
    await page.evaluate(
      (edits) =>
        (
          window as unknown as { previewWorkbook: { editTables(e: TableEdit[]): Promise<void> } }
        ).previewWorkbook.editTables(edits),
      [edit],
    );
    await pane().getByRole("tab", { name: "Price what-if" }).click();
    await pane().getByRole("heading", { name: "Price what-if", level: 1 }).waitFor();

    await propose("10");
    // ProposedPricePoints is taken now: the next proposal needs a name of its own, and cannot take one in use.
    await pane().getByRole("combobox", { name: "Proposal shown" }).selectOption({ label: "A new proposal…" });
    await pane()
      .getByText("Give the proposal a name: ProposedPricePoints is taken, so this one needs its own.")
      .waitFor();
    await pane().getByRole("textbox", { name: "Name of the proposal" }).fill("Plus 5");
    await pane().getByText('got "Plus 5"').waitFor();
    await propose("-10", "Freeze");
    await expect(
      pane().getByRole("combobox", { name: "Proposal shown" }).locator("option:checked").textContent(),
    ).resolves.toBe("Freeze");

    // Side by side. Every rate 10% either way moves every budget 10%: ±£17,043.50 on £170,435 for the 19 people
    // priced. The largest loss is Liam O'Connor's (P013), 10% of £22,360. Six Agreed plans' lights would change one
    // way, ten the other; the fit's R² is 0.9414 now.
    await expect(sideBySide()).resolves.toEqual([
      ["", "ProposedPricePoints", "Freeze"],
      ["As proposed, a year", "£187,478.50", "£153,391.50"],
      ["Change", "+£17,043.50(+10.00%)", "-£17,043.50(-10.00%)"],
      ["Better off", "19", "0"],
      ["Worse off", "0", "19"],
      ["Largest loss", "None", "-£2,236.00P013"],
      ["Agreed plans changing light", "6", "10"],
      ["Fit R² (now 0.9414)", "0.9424", "0.8782"],
    ]);

    // The Agreed plans whose light Freeze would change: Joan Whitfield's £2,033.20 against £1,350 (50.6% above) goes
    // Red; Arthur Khan's £9,149.40 against £9,576 (4.5% below) Green.
    const lights = pane().getByRole("list", { name: "Agreed plans whose light would change" });
    await expect(lights.getByRole("listitem").count()).resolves.toBe(10);
    await lights.getByText("PLAN-0003 (P003 Joan Whitfield): Amber → Red").waitFor();
    await lights.getByText("PLAN-0002 (P002 Arthur Khan): Amber → Green").waitFor();
    await expect(messageBar("1 Agreed plan is not checked").textContent()).resolves.toContain(
      "PLAN-0020: P020's indicative budget cannot be worked out now.",
    );
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it("caps each loss at 5% in the first year, shows the cap's cost, and writes it on the What-if sheet", async () => {
    await pane().getByRole("radio", { name: "A percentage of the current budget" }).check();
    await pane().getByRole("textbox", { name: "Cap (% of the current budget)" }).fill("5");
    // Freeze takes 10% off everyone; the cap gives 5% back: 5% of £170,435.00 for the 19 people, P013 keeping all but
    // £1,118 of £22,360.
    await expect(figures("The cap's effect in the first year")).resolves.toEqual({
      "People protected": "19",
      "Cost of the cap": "£8,521.75",
      "First year, in all": "£161,913.25",
      "Change in the first year": "-£8,521.75",
      "Largest loss in the first year": "-£1,118.00",
    });
    const table = await sideBySide();
    expect(table.slice(6, 8)).toEqual([
      ["Protected by the cap", "0", "19"],
      ["Cost of the cap, first year", "£0.00", "£8,521.75"],
    ]);
    // A cap the sheet could not take is refused here too.
    await pane().getByRole("textbox", { name: "Cap (% of the current budget)" }).fill("2.255");
    await pane().getByText("A cap as a percentage has at most 2 decimal places, such as 2.25%; got 2.255%.").waitFor();
    await expect(pane().getByRole("button", { name: "Write the What-if sheet" }).isDisabled()).resolves.toBe(true);
    await pane().getByRole("textbox", { name: "Cap (% of the current budget)" }).fill("5");

    await pane().getByRole("button", { name: "Write the What-if sheet" }).click();
    await messageBar("Wrote the sheet What-if Freeze").waitFor();
    // The cap in its cell (M1), the totals under the ranked lists (K32 on), P001's first year beside Everyone.
    await expect(cells("What-if Freeze", 1, 1, 11, 3)).resolves.toEqual([["Cap, % of current budget", "", "5.00%"]]);
    await expect(cells("What-if Freeze", 36, 4, 11, 3)).resolves.toEqual([
      ["People protected", "", "19"],
      ["Cost of protection, first year", "", "£8,521.75"],
      ["Budgets in the first year", "", "£161,913.25"],
      ["Change on current, first year", "", "-£8,521.75"],
    ]);
    // P001: £6,200 now, £5,580 proposed, £5,890 in the first year: £310 of protection.
    await expect(cells("What-if Freeze", 16, 1, 5, 6)).resolves.toEqual([
      ["£6,200.00", "£5,580.00", "-£620.00", "1", "£5,890.00", "£310.00"],
    ]);

    // The cap changed on the sheet: £1,000 a year instead. Six people lose more than that — P013 £2,236, P010 £1,956,
    // P006 £1,514, P005 £1,142, P017 £1,114, P002 £1,064 — and keep all but £1,000: £3,026 of protection.
    await showSheet("What-if Freeze");
    await grid("What-if Freeze").locator("tr:nth-child(1) > :nth-child(13)").click();
    await page.keyboard.press("Delete");
    await type("What-if Freeze", "M2", 2, 13, "1000");
    await expect(cells("What-if Freeze", 33, 5, 13, 1)).resolves.toEqual([
      ["£"],
      ["0"],
      ["100000"],
      ["6"],
      ["£3,026.00"],
    ]);
    expect(opened.errors).toEqual([]);
  });

  it("writes the Committee pack sheet for A4 and prints the pack as a page, to PDF", async () => {
    await pane().getByRole("button", { name: "Write the Committee pack sheet" }).click();
    await messageBar("Wrote the sheet Committee pack Freeze").waitFor();
    // Its cap cell (C4) holds the pane's 5%; its protection's cost (C21) follows.
    await expect(cells("Committee pack Freeze", 4, 1, 1, 3)).resolves.toEqual([
      ["Cap, % of current budget", "", "5.00%"],
    ]);
    await expect(cells("Committee pack Freeze", 20, 2, 1, 3)).resolves.toEqual([
      ["People protected", "", "19"],
      ["Cost of protection, first year", "", "£8,521.75"],
    ]);
    const layout = await page.evaluate(
      () =>
        (window as unknown as { previewWorkbook: { allSheets(): { name: string; print?: unknown }[] } }).previewWorkbook
          .allSheets()
          .find((sheet) => sheet.name === "Committee pack Freeze")?.print,
    );
    expect(layout).toMatchObject({
      paper: "A4",
      orientation: "Landscape",
      zoom: { scale: 88 },
      titleRows: { first: 0, last: 1 },
    });

    // The pane's print button opens the browser's print dialog (recorded here, as a headless browser has none).
    await page.evaluate(() => {
      const record = window as unknown as { printed: number };
      record.printed = 0;
      window.print = () => void record.printed++;
    });
    await pane().getByRole("button", { name: "Print the committee pack" }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);

    // On screen the pack is not shown; in print only the pack is.
    const pack = page.locator("#committee-pack");
    await expect(pack.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await expect(pack.isVisible()).resolves.toBe(true);
    await expect(pane().isVisible()).resolves.toBe(false);
    await expect(page.getByRole("region", { name: "Workbook" }).isVisible()).resolves.toBe(false);
    await expect(pack.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Committee pack: Freeze");
    const summary = pack.locator("table").first().locator("tr.pack-total");
    await expect(summary.textContent()).resolves.toBe(
      "All care groups19£170,435.00£153,391.50-£17,043.50 (-10.00%)019",
    );
    await pack.getByText("5% of the current budget").waitFor();
    await pack.getByText("PLAN-0003 (P003 Joan Whitfield): Amber → Red").waitFor();
    await pack
      .getByRole("img", { name: /^RAS curves\. Older people at 83 points: £19,560 now, £17,604 proposed/ })
      .waitFor();
    await page.screenshot({ path: "test-results/committee-pack.png", fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: "test-results/committee-pack.pdf" });
    // Four A4 pages: the summary and the cap; the charts; the losses and gains; the fit and the lights.
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(4);
    expect(readFileSync("test-results/committee-pack.pdf").subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1400, height: 1300 });
    expect(opened.errors).toEqual([]);
  });

  it("fits Office's 320 px pane, passes axe, and sends nothing to another host", async () => {
    await pane().getByRole("heading", { name: "Side by side" }).scrollIntoViewIfNeeded();
    await pane().screenshot({ path: "test-results/scenarios-pane.png" });
    await pane()
      .locator("section", { has: page.getByRole("heading", { name: "Side by side" }) })
      .screenshot({ path: "test-results/scenarios-side.png" });
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    await showSheet("What-if Freeze");
    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/scenarios.png" });
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
