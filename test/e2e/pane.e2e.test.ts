// End to end, in a real browser: the browser preview (the real pane beside an in-memory workbook),
// driven as a team manager would. Needs Debian's Chromium at /usr/bin/chromium (.ci/run installs it).
import { mkdirSync } from "fs";
import { Locator, Page } from "playwright-core";
import { OpenPage, openPage } from "../support/browser";

jest.setTimeout(180_000);

let opened: OpenPage;
let page: Page;

beforeAll(async () => {
  opened = await openPage();
  page = opened.page;
});

afterAll(async () => {
  await opened?.close();
});

const pane = () => page.getByRole("complementary", { name: "Task pane" });
const line = (n: number) => pane().getByRole("group", { name: `Line ${n}`, exact: true });
const light = () => pane().getByLabel(/^Traffic light/);

async function choose(combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole("option", { name: option }).click();
}

async function addFromCatalogue(service: string) {
  await choose(
    pane().getByRole("combobox", { name: "Service from the catalogue" }),
    new RegExp(`^${service.replace(/[()]/g, "\\$&")} ·`),
  );
  await pane().getByRole("button", { name: "Add", exact: true }).click();
}

async function setField(group: Locator, label: string, value: string) {
  const input = group.getByLabel(label, { exact: true });
  await input.fill(value);
}

/** A table of the in-memory workbook, read from what the preview shows. */
async function workbookTable(name: string): Promise<string[][]> {
  await page
    .getByRole("region", { name: "Workbook" })
    .getByRole("tab", { name: name === "PlanSettings" ? "Plan settings" : name })
    .click();
  return page
    .locator(`table[data-table="${name}"]`)
    .evaluate((table: HTMLTableElement) =>
      [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? "")),
    );
}

describe("support plan in the browser preview", () => {
  it("sets up the workbook, costs a plan, saves it, reopens and re-saves it in place", async () => {
    // An empty workbook: the pane says what is missing and how to add it.
    await pane()
      .getByText(
        /The workbook has no Scoring, PricePoints, People, Services, Plans, PlanLines tables\. Use "Set up workbook"/,
      )
      .waitFor();
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await pane()
      .getByText(/^Added Scoring, PricePoints, People/)
      .waitFor();

    // P001 Margaret Ellis, Older people: answers C B C C B C B A B A C B score
    // 7 + 2 + 5 + 5 + 2 + 7 + 2 + 0 + 2 + 0 + 6 − 2 = 36 points.
    await choose(pane().getByRole("combobox", { name: "Person" }), /^P001 Margaret Ellis/);
    // Marginal bands: 20 points × £150 + 16 points × £200 = £3,000 + £3,200 = £6,200 a year; ÷ 52 = £119.2307… → £119.23.
    await expect(pane().getByLabel("Points", { exact: true }).textContent()).resolves.toBe("36");
    await expect(pane().getByLabel("Indicative budget", { exact: true }).textContent()).resolves.toBe(
      "£6,200.00 a year (£119.23 a week)",
    );
    await expect(pane().getByLabel("How the budget was reached").textContent()).resolves.toContain(
      "20 points × £150.00 (band 0–20) = £3,000.00",
    );

    // An empty plan is 100% below the indicative amount.
    await expect(light().textContent()).resolves.toBe("Red");
    await addFromCatalogue("Personal assistant"); // 1 h × £19.55 × 52 = £1,016.60: 83.6% below → Red
    await expect(light().textContent()).resolves.toBe("Red");
    await addFromCatalogue("Day centre"); // + 1 day × £45 × 52 = £2,340 → £3,356.60: 45.9% below → Amber
    await expect(light().textContent()).resolves.toBe("Amber");
    await addFromCatalogue("Equipment: riser recliner chair"); // + £650 once → £4,006.60: 35.4% below → Amber
    await expect(line(3).getByLabel("Line 3 annual cost").textContent()).resolves.toBe("£650.00 a year");

    // A typed line, with a mistake first: text in the quantity is refused beside the field.
    await pane().getByRole("button", { name: "Add a typed line" }).click();
    await setField(line(4), "Service", "Cleaning <b>help</b>");
    await setField(line(4), "Quantity", "two");
    await setField(line(4), "Unit", "hour");
    await setField(line(4), "Unit cost (£)", "18.50");
    await expect(
      line(4)
        .getByText(/Quantity: expected a quantity, 0 or more/)
        .count(),
    ).resolves.toBe(1);
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await pane().getByText("Line 4 has a problem: fix the field marked in red.").waitFor();
    expect((await workbookTable("Plans")).length).toBe(1); // header only: nothing written
    await setField(line(4), "Quantity", "2"); // 2 h × £18.50 × 52 = £1,924 → £5,930.60: 4.35% below → Green
    await expect(light().textContent()).resolves.toBe("Green");
    await expect(pane().getByLabel("Plan cost", { exact: true }).textContent()).resolves.toBe(
      "Plan cost £5,930.60 a year (£114.05 a week), one-off items included in full.",
    );

    await pane().getByRole("button", { name: "Save plan" }).click();
    await pane().getByText("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();

    // Another person, then reopen the saved plan from the workbook and change a quantity.
    await choose(pane().getByRole("combobox", { name: "Person" }), /^P002 Arthur Khan/);
    await choose(pane().getByRole("combobox", { name: "Open a saved plan" }), /^PLAN-0001 · Margaret Ellis/);
    await expect(line(1).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Personal assistant");
    await setField(line(1), "Quantity", "3"); // + 2 × £19.55 × 52 = £2,033.20 → £7,963.80: 28.4% above → Amber
    await expect(light().textContent()).resolves.toBe("Amber");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await pane().getByText("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/pane.png", fullPage: true });

    // The preview shows cells with the tables' number formats, as Excel would.
    const [planHeaders, ...plans] = await workbookTable("Plans");
    expect(plans).toHaveLength(1);
    const plan = Object.fromEntries(planHeaders.map((header, column) => [header, plans[0][column]]));
    // Annual 3,049.80 + 2,340 + 650 + 1,924 = 7,963.80; weekly ÷ 52 = 153.15; direct payment 3,049.80 + 650 + 1,924 = 5,623.80.
    expect(plan).toMatchObject({
      "Plan ID": "PLAN-0001",
      "Person ID": "P001",
      Name: "Margaret Ellis",
      "Care group": "Older people",
      "Indicative budget (annual)": "£6,200.00",
      "Plan cost (annual)": "£7,963.80",
      "Plan cost (weekly)": "£153.15",
      "One-off items": "£650.00",
      "Direct payment (annual)": "£5,623.80",
      "Council-managed (annual)": "£2,340.00",
      "Individual Service Fund (annual)": "£0.00",
      "Traffic light": "Amber",
      Status: "Draft",
      "Updated by": "Sam Reid",
    });
    const [, ...lines] = await workbookTable("PlanLines");
    expect(lines).toEqual([
      ["PLAN-0001", "1", "Personal assistant", "hour", "3", "£19.55", "week", "Direct payment", "£3,049.80"],
      ["PLAN-0001", "2", "Day centre", "day", "1", "£45.00", "week", "Council-managed", "£2,340.00"],
      [
        "PLAN-0001",
        "3",
        "Equipment: riser recliner chair",
        "item",
        "1",
        "£650.00",
        "once",
        "Direct payment",
        "£650.00",
      ],
      ["PLAN-0001", "4", "Cleaning <b>help</b>", "hour", "2", "£18.50", "week", "Direct payment", "£1,924.00"],
    ]);
    // Workbook text is shown as text, never as markup.
    await expect(page.locator("b").count()).resolves.toBe(0);
    expect(opened.errors).toEqual([]);
  });

  it("says which question is unanswered for a person with an incomplete assessment", async () => {
    await choose(pane().getByRole("combobox", { name: "Person" }), /^P020 Irene Walsh/);
    await pane()
      .getByText(/Irene Walsh's assessment cannot be priced yet: Question Home and living is unanswered/)
      .waitFor();
    await expect(pane().getByRole("button", { name: "Save plan" }).count()).resolves.toBe(0);
  });

  it("can be driven from the keyboard: pick a person and add a catalogue line without the mouse", async () => {
    const person = pane().getByRole("combobox", { name: "Person" });
    await person.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: /^P003 Joan Whitfield/ }).waitFor();
    await page.keyboard.type("P003"); // type-ahead moves to the matching option
    await page.keyboard.press("Enter");
    await expect(person.textContent()).resolves.toContain("P003 Joan Whitfield");
    const catalogue = pane().getByRole("combobox", { name: "Service from the catalogue" });
    await catalogue.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Meals");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab"); // to Add
    await page.keyboard.press("Enter");
    await expect(line(1).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Meals");
  });
});
