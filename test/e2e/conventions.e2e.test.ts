// End to end, in a real browser, at Office's 320 px: issue 26 §4 and §5, as a policy officer, a team manager and a
// finance officer would meet them in the browser preview. The weeks in a year set to 50 in Settings (who and why
// recorded), a plan's weekly figures following it; the person's weekly charge entered and the cost to the council
// shown beside the plan's cost; and what people contribute in the Finance view and on the Finance sheet. Every
// figure expected is worked out by hand beside it.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import { a1 } from "../../src/workbook/port";
import { financeLayout } from "../../src/workbook/reports/finance";
import { OpenPage } from "../support/browser";
import { openPreview, previewParts } from "../support/preview";

// The first e2e file of a run builds the add-in (test/support/browser.ts), which takes minutes on a busy machine.
jest.setTimeout(600_000);

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

const {
  pane,
  line,
  text,
  choose,
  addFromCatalogue,
  setField,
  messageBar,
  showSheet,
  cellAt,
  paneAxeViolations,
  paneLayout,
} = previewParts(() => page);

const box = (name: RegExp | string) => pane().getByRole("textbox", { name });
const tab = (name: string) => pane().getByRole("tab", { name });

/** Nothing beyond the pane's edge, no sideways scrolling, no button cut short, and axe finds nothing. */
async function fitsAndPassesAxe() {
  const layout = await paneLayout();
  expect(layout).toMatchObject({ beyond: [], clipped: [], scrolls: false });
  await expect(paneAxeViolations()).resolves.toEqual([]);
}

/** A table of the in-memory workbook, its body rows as records by header, read from the preview's grid. */
async function records(sheet: string): Promise<Record<string, string>[]> {
  const grid = await showSheet(sheet);
  const rows = await grid.evaluate((table: HTMLTableElement) =>
    [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? "")),
  );
  const [headers, ...body] = rows.filter((row) => row.some((cell) => cell !== ""));
  return body.map((row) => Object.fromEntries(headers.map((header, column) => [header, row[column]])));
}

describe("issue 26 §4 and §5 in the browser preview, at 320 px", () => {
  it("a charge gives the cost to the council; 50 weeks a year moves weekly figures; Finance adds up", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();

    // P001 Margaret Ellis, 36 points: £6,200 a year; ÷ 52 = £119.23 a week.
    await choose("Person", "P001", /^P001 Margaret Ellis/);
    await expect(text("#assessment-budget")).resolves.toBe("£6,200.00 a year (£119.23 a week)");
    // Five hours of in-house home care a week at £24: £120 a week, × 52 = £6,240 a year (0.6% above: Green).
    await addFromCatalogue("Home care (in-house)");
    await setField(line(1), "Quantity", "5");
    await expect(
      line(1)
        .getByText(/^£6,240\.00 a year$/)
        .count(),
    ).resolves.toBe(1);
    await expect(text("#plan-cost")).resolves.toBe("£6,240.00 a year (£120.00 a week)");
    await expect(text("#traffic-light")).resolves.toBe("Green");
    await expect(pane().locator("#plan-council-cost").count()).resolves.toBe(0);

    // Essex's case: a charge above the plan's cost (£150 a week against £120): the person pays the cost, the
    // council nothing.
    const charge = box(/^The person's weekly charge/);
    await charge.fill("150");
    await expect(text("#plan-contribution")).resolves.toBe("£6,240.00 a year (£120.00 a week)");
    await expect(text("#plan-council-cost")).resolves.toBe("£0.00 a year (£0.00 a week)");
    // Not an amount: said under the box, and no split shown.
    await charge.fill("£20.005");
    await pane().getByText("Weekly charge: pounds and pence only (at most 2 decimal places)").first().waitFor();
    await expect(pane().locator("#plan-council-cost").count()).resolves.toBe(0);
    // £20 a week: £1,040 a year; the council pays £6,240 − £1,040 = £5,200 (£100 a week).
    await charge.fill("20");
    await expect(text("#plan-contribution")).resolves.toBe("£1,040.00 a year (£20.00 a week)");
    await expect(text("#plan-council-cost")).resolves.toBe("£5,200.00 a year (£100.00 a week)");
    await fitsAndPassesAxe();
    await pane().screenshot({ path: "test-results/charge-320.png" });

    await pane().getByRole("radio", { name: "Agreed" }).check();
    await box(/^Your name/).fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    const saved = messageBar("Saved plan PLAN-0001 to the Plans and PlanLines tables.");
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain(
      "£6,240.00 a year (£120.00 a week), Green, Agreed. Cost to the council £5,200.00 a year (£100.00 a week).",
    );
    const [plan] = await records("Plans");
    expect(plan).toMatchObject({ "Plan cost (annual)": "£6,240.00", "Weekly charge": "£20.00" });

    // The policy officer sets 50 weeks a year in Settings, with who and why.
    await tab("Settings").click();
    await pane().getByRole("heading", { name: "Settings" }).waitFor();
    await expect(text("#settings-weeks-in-force")).resolves.toBe(
      "In force: 52 weeks: £100 a week is £5,200.00 a year, and a weekly figure is the annual ÷ 52.",
    );
    const weeks = box("Weeks in a year");
    await weeks.fill("49");
    await expect(text("#settings-weeks-preview")).resolves.toBe(
      "Cannot be saved yet: Weeks in a year: expected a number from 50 to 53, such as 52, 52.143 or 50.",
    );
    await weeks.fill("50");
    await expect(text("#settings-weeks-preview")).resolves.toBe(
      "Will save: 50 weeks: £100 a week is £5,000.00 a year, and a weekly figure is the annual ÷ 50.",
    );
    await box(/^Your name/).fill("Pat Lee");
    await box(/^Why it changes/).fill("Finance's convention, cabinet 12/2026");
    await pane().getByRole("button", { name: "Save weeks in a year" }).click();
    await messageBar("Weeks in a year saved").waitFor();
    await expect(pane().locator("#settings-changes li").allTextContents()).resolves.toEqual([
      expect.stringMatching(/: Weeks in a year 52 weeks → 50 weeks, by Pat Lee\. Why: Finance's convention, cabinet/),
    ]);
    await fitsAndPassesAxe();
    await pane().screenshot({ path: "test-results/weeks-in-a-year-320.png" });
    expect(await records("Plan settings")).toEqual([
      { Setting: "Green tolerance", Value: "10.0%", "Weeks in a year": "50" },
      { Setting: "Amber tolerance", Value: "50.0%", "Weeks in a year": "" },
    ]);
    expect(await records("Plan settings history")).toEqual([
      expect.objectContaining({
        Setting: "Weeks in a year",
        From: "52 weeks",
        To: "50 weeks",
        "Changed by": "Pat Lee",
      }),
    ]);

    // Back in the Support plan view, the plan's weekly figures follow: £120 a week is £6,000 a year over 50 weeks,
    // the indicative budget £6,200 ÷ 50 = £124 a week, the charge £20 × 50 = £1,000 a year, the council £5,000.
    await tab("Plan").click();
    await choose("Open a saved plan", "PLAN-0001", /^PLAN-0001 · Margaret Ellis/);
    await expect(text("#assessment-budget")).resolves.toBe("£6,200.00 a year (£124.00 a week)");
    await expect(
      line(1)
        .getByText(/^£6,000\.00 a year$/)
        .count(),
    ).resolves.toBe(1);
    await expect(text("#plan-cost")).resolves.toBe("£6,000.00 a year (£120.00 a week)");
    await expect(box(/^The person's weekly charge/).inputValue()).resolves.toBe("20.00");
    await expect(text("#plan-council-cost")).resolves.toBe("£5,000.00 a year (£100.00 a week)");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();
    const [resaved] = await records("Plans");
    expect(resaved).toMatchObject({ "Plan cost (annual)": "£6,000.00", "Plan cost (weekly)": "£120.00" });
    expect((await records("PlanLines"))[0]).toMatchObject({ "Annual cost": "£6,000.00" });

    // The finance officer: gross £6,000 a year, people contribute £1,000, net £5,000, in the pane and on the sheet.
    await tab("Finance").click();
    await pane().locator("#finance-all-committed").waitFor();
    await expect(text("#finance-all-committed")).resolves.toBe("£6,000.00");
    await expect(text("#finance-all-contributions")).resolves.toBe("£1,000.00");
    await expect(text("#finance-all-net")).resolves.toBe("£5,000.00");
    await expect(text("#finance-group-0-contributions")).resolves.toBe("£1,000.00");
    await fitsAndPassesAxe();
    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance").waitFor();
    const layout = financeLayout({
      careGroups: ["Older people", "Physical disability", "Learning disability", "Mental health"],
      services: [],
    });
    await showSheet("Finance");
    const all = layout.contributions.last;
    await expect(cellAt("Finance", a1(layout.inputs.weeksInYear)).textContent()).resolves.toBe("50");
    await expect(
      Promise.all([1, 2, 3].map((column) => cellAt("Finance", a1({ row: all, column })).textContent())),
    ).resolves.toEqual(["£6,000.00", "£1,000.00", "£5,000.00"]);
    expect(opened.errors).toEqual([]);
  });
});
