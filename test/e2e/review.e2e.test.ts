// End to end, in a real browser: a policy officer's RAS review in the preview (the real pane beside the calculating
// in-memory workbook). Set up the starter workbook, agree plans for its people, open the RAS review beside the
// Price what-if, see how well the price points fit the plans, propose the fitted table and see the what-if follow
// it, write the Review sheet and read its live formulas, all at Office's 320 px. The plans are put in Plans through
// the preview's own workbook (previewWorkbook, as the README offers in the browser's console), as the Support plan
// view saves them; every figure expected is worked out by hand (test/workbook/review.test.ts has the working).
// Needs Debian's Chromium at /usr/bin/chromium.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import { TableData, TableEdit } from "../../src/workbook/port";
import { fieldsOf, tableEdit } from "../../src/workbook/schema/rows";
import { PLANS } from "../../src/workbook/schema/tables";
import { OpenPage } from "../support/browser";
import { planRow } from "../support/financeWorkbook";
import { openPreview, previewParts } from "../support/preview";
import { REVIEW_PLANS } from "../support/reviewWorkbook";

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

const { pane, messageBar, showSheet, paneLayout, paneAxeViolations } = previewParts(() => page);

/** A card of figures in the pane, by its heading: its figures by term. */
async function card(name: string | RegExp): Promise<Record<string, string>> {
  const group = pane().getByRole("listitem", { name }).first();
  const terms = await group.locator("dt").allTextContents();
  const values = await group.locator("dd").allTextContents();
  return Object.fromEntries(terms.map((term, at) => [term, values[at]]));
}

/** A block of a sheet's grid as the preview shows it (formatted text), rows and columns 1-based as in A1. */
async function cells(sheet: string, firstRow: number, rows: number, firstColumn: number, columns: number) {
  const all = await (
    await showSheet(sheet)
  ).evaluate((table: HTMLTableElement) => [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent)));
  return all
    .slice(firstRow - 1, firstRow - 1 + rows)
    .map((row) => row.slice(firstColumn - 1, firstColumn - 1 + columns));
}

describe("a RAS review in the browser preview", () => {
  it("fits the starter workbook's Agreed plans, proposes the fitted table and the what-if follows it", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    // Twenty Agreed plans and a Draft one, appended to Plans as a save appends them.
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
    await pane().getByRole("tab", { name: "RAS review" }).click();
    await pane().getByRole("heading", { name: "RAS review", level: 1 }).waitFor();

    // The fit of the current price points: 19 plans used (P020 has no points yet), R² 0.9414, a typical error of
    // £1,186.50; Older people's plans run 9.1% above their budgets at the median, two of seven within 10%.
    await expect(card(/^All care groups: 19 plans$/)).resolves.toEqual({
      "R²": "0.9414",
      "Typical error": "£1,186.50",
      "Cost ÷ budget": "1.0445 (4.5% above)",
      "Within 10%": "36.84%",
      "Within 50%": "94.74%",
    });
    await expect(card(/^Older people: 7 plans$/)).resolves.toMatchObject({
      "Cost ÷ budget": "1.0914 (9.1% above)",
      "Within 10%": "28.57%",
    });
    await expect(messageBar("1 plan is not used").textContent()).resolves.toContain(
      "PLAN-0020 (P020 Irene Walsh): P020's Points in People show #N/A.",
    );

    // The fitted table beside the current one: Older people's band from 0 points £150 → £114.07; Physical
    // disability's band from 60 kept at £350, as nobody in it scores above 60.
    const older = pane().getByRole("table", { name: "Older people" });
    await expect(older.getByRole("row").allTextContents()).resolves.toEqual([
      "Points fromNowFitted",
      "0£150.00£114.07",
      "20£200.00£271.38",
      "40£260.00£219.42",
      "60£320.00£402.22",
    ]);
    await expect(
      pane().getByRole("table", { name: "Physical disability" }).getByRole("row").last().textContent(),
    ).resolves.toBe("60£350.00£350.00 (kept)");
    // What the fit gains, for all care groups: R² 0.9414 → 0.9776, the typical error £1,186.50 → £638.27.
    const gains = pane().getByRole("list", { name: "The fit now and with the fitted table, by care group" });
    await expect(gains.getByRole("listitem").last().locator("dd").allTextContents()).resolves.toEqual([
      "0.9414 → 0.9776",
      "£1,186.50 → £638.27",
      "1.0445 → 1.0000",
      "36.84% → 68.42%",
      "94.74% → 94.74%",
    ]);

    await pane().getByRole("button", { name: "Propose the fitted table" }).click();
    await messageBar("Created ProposedPricePoints").waitFor();
    await expect(cells("ProposedPricePoints", 2, 1, 1, 5)).resolves.toEqual([
      ["0", "£114.07", "£278.07", "£31.94", "£174.55"],
    ]);

    // The what-if now compares the fitted table with the current one, person by person. Older people's seven
    // assessed people: 36 points → 20 × £114.07 + 16 × £271.38 = £6,623.48; 54 → £10,780.88; 10 → £1,140.70;
    // 83 → £21,348.46; 30 → £4,995.20; 32 → £5,537.96; 51 → £10,122.62: £60,549.30 against £58,160, +£2,389.30.
    await pane().getByRole("button", { name: "Open the Price what-if" }).click();
    await pane().getByRole("heading", { name: "Price what-if", level: 1 }).waitFor();
    await pane().getByRole("heading", { name: "Now and as proposed" }).waitFor();
    await expect(card("Older people")).resolves.toMatchObject({
      Now: "£58,160.00",
      Proposed: "£60,549.30",
      Change: "+£2,389.30 (+4.11%)",
    });
    expect(opened.errors).toEqual([]);
  });

  it("writes the Review sheet, whose live formulas give the pane's figures", async () => {
    await pane().getByRole("tab", { name: "RAS review" }).click();
    await pane().getByRole("button", { name: "Write the Review sheet" }).click();
    await messageBar("Wrote the sheet Review").waitFor();
    // PB.RAS_FIT's All row (I6 holds the header; care groups I7:I10, All on row 11) and its Not used row.
    await expect(cells("Review", 11, 2, 9, 7)).resolves.toEqual([
      ["All", "19", "0.9414", "£1,186.50", "1.0445", "36.8%", "94.7%"],
      ["Not used", "1", "", "", "", "", ""],
    ]);
    // The evidence: Margaret Ellis's plan, £7,116.20 against £6,200.
    await expect(cells("Review", 7, 1, 1, 7)).resolves.toEqual([
      ["PLAN-0001", "P001", "Older people", "36", "£7,116.20", "£6,200.00", "£916.20"],
    ]);
    // The equity chart: Older people at 90 points, 20 × £150 + 20 × £200 + 20 × £260 + 30 × £320 = £21,800.
    const equity = page.locator('figure[data-chart="Equity between care groups"]');
    await equity.getByRole("img", { name: "90. Older people, 21800." }).waitFor();
    expect(opened.errors).toEqual([]);
  });

  it("fits Office's 320 px pane and passes axe, with nothing sent to another host", async () => {
    await expect(page.getByRole("combobox", { name: "Task pane width" }).inputValue()).resolves.toBe("320");
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    mkdirSync("test-results", { recursive: true });
    // The whole pane at 320 px, the RAS review open, on a page tall enough to show it all.
    await page.setViewportSize({ width: 900, height: 4200 });
    await pane().screenshot({ path: "test-results/review-320.png" });
    await showSheet("Review");
    await page.setViewportSize({ width: 1400, height: 1300 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/review.png" });
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
  });
});
