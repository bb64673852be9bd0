// End to end, in a real browser at Office's 320 px pane (issue 23 §1): a council's own workbook, laid out its own way
// (test/support/councilWorkbook.ts: other names, headers and column order, a Guidance column in its scoring table,
// the price points in a plain range), loaded into the preview's workbook, mapped in Settings › Your workbook, and
// then used by every view: a plan costed and saved, a price what-if and its sheet, the Finance sheet written and
// calculating. The workbook holds the starter's figures, so every figure expected is the one worked out by hand in
// the other browser tests (pane.e2e, whatif.e2e, finance.e2e). Needs Debian's Chromium at /usr/bin/chromium.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import { a1, SheetSpec } from "../../src/workbook/port";
import { financeLayout } from "../../src/workbook/reports/finance";
import { OpenPage } from "../support/browser";
import { COUNCIL, councilSheets } from "../support/councilWorkbook";
import { openPreview, previewParts } from "../support/preview";

jest.setTimeout(300_000);

let opened: OpenPage;
let page: Page;

beforeAll(async () => {
  opened = await openPreview();
  page = opened.page;
  await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
  // The council's workbook, as it is before the add-in is used: added to the preview's workbook as its console
  // offers (previewWorkbook), then the pane reads it again.
  const sheets = await councilSheets();
  await page.evaluate(async (specs: SheetSpec[]) => {
    const workbook = (window as unknown as { previewWorkbook: { addSheet(spec: SheetSpec): Promise<void> } })
      .previewWorkbook;
    for (const spec of specs) await workbook.addSheet(spec);
  }, sheets);
});

afterAll(async () => {
  await opened?.close();
});

const {
  pane,
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

/** The mapping step's editor for one of the add-in's tables. */
const editor = (role: string) => pane().getByRole("region", { name: new RegExp(`^Map (.*\\()?${role}\\)?$`) });
const select = (role: string, label: string) => editor(role).getByRole("combobox", { name: label, exact: true });

async function fits() {
  await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
  await expect(paneAxeViolations()).resolves.toEqual([]);
}

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const layout = financeLayout({ careGroups: CARE_GROUPS, services: [] });
const [OLDER, ALL] = [0, 5];
const [DP, CM, TOTAL, VARIANCE] = [1, 2, 5, 7];
const fullYear = (group: number, column: number) =>
  cellAt("Finance", a1({ row: layout.fullYear.first + group, column })).textContent();

describe("a council's own workbook in the browser preview", () => {
  it("is mapped in Settings › Your workbook: each table picked, its columns suggested, problems named", async () => {
    // The Support plan view finds none of the add-in's tables, and says where to map the council's own.
    await pane().getByRole("button", { name: "Refresh" }).click();
    await messageBar("Set up the workbook").waitFor();
    await pane().getByText("Map them in Settings › Your workbook first").waitFor();

    await pane().getByRole("tab", { name: "Settings" }).click();
    await pane().getByRole("heading", { name: "Your workbook", level: 2 }).waitFor();
    const tables = pane().getByRole("list", { name: "The add-in's tables" });
    await expect(tables.getByText("Not in the workbook yet.").count()).resolves.toBe(4);

    // The scoring sheet: RASMatrix, Domain to D suggested (its Guidance column is text).
    await pane().getByRole("button", { name: "Map Scoring" }).click();
    await select("Scoring", "Your table").selectOption("RASMatrix");
    await expect(select("Scoring", "From column").inputValue()).resolves.toBe("Domain");
    await expect(select("Scoring", "To column").inputValue()).resolves.toBe("D");
    await editor("Scoring").getByText("12 rows from RASMatrix; the first:").waitFor();
    await expect(editor("Scoring").getByRole("listitem").first().textContent()).resolves.toBe(
      "Communication: A 0, B 2, C 5, D 8",
    );
    // Taking Guidance in: text where points belong, named, and nothing can be saved.
    await select("Scoring", "To column").selectOption("Guidance");
    await expect(
      editor("Scoring").getByRole("group", { name: "Cannot be saved yet" }).textContent(),
    ).resolves.toContain("Scoring sheet row 2 (question Communication), answer Guidance: points: expected a number");
    await fits();
    await select("Scoring", "To column").selectOption("D");
    await editor("Scoring").getByText("No problems found.").waitFor();
    await pane().getByRole("button", { name: "Save mapping" }).click();
    await messageBar("Mapping saved").waitFor();
    await tables.getByText("Yours: RASMatrix.").waitFor();

    // The price points: a range of cells with no table.
    await pane().getByRole("button", { name: "Map PricePoints" }).click();
    await editor("PricePoints").getByRole("radio", { name: "A range of cells (no table)" }).check();
    await editor("PricePoints")
      .getByRole("textbox", { name: /^Your range/ })
      .fill(COUNCIL.prices.range);
    await editor("PricePoints").getByRole("button", { name: "Read the range" }).click();
    await expect(editor("PricePoints").getByRole("listitem").first().textContent()).resolves.toBe(
      "From 0 points: Older people £150.00, Physical disability £160.00, Learning disability £170.00, " +
        "Mental health £140.00",
    );
    await pane().getByRole("button", { name: "Save mapping" }).click();
    await tables.getByText("Yours: 'Price bands'!B3:F7.").waitFor();

    // The people: every column suggested by its header; Points and Indicative budget are the add-in's.
    await pane().getByRole("button", { name: "Map People" }).click();
    await select("People", "Your table").selectOption("ServiceUsers");
    await expect(select("People", "Person ID").inputValue()).resolves.toBe("Service user number");
    await expect(select("People", "Name").inputValue()).resolves.toBe("Client name");
    await expect(select("People", "Care group").inputValue()).resolves.toBe("Client group");
    await expect(select("People", "Night-time support").inputValue()).resolves.toBe("Q11 Night-time support");
    await expect(select("People", "Points").inputValue()).resolves.toBe("(added by the add-in)");
    // The first rows priced as the add-in will price them: P001's 36 points and £6,200 (pane.e2e's figures).
    await expect(
      editor("People")
        .getByRole("list", { name: "The first rows of ServiceUsers" })
        .getByRole("listitem")
        .first()
        .textContent(),
    ).resolves.toBe("WS1001 Margaret Ellis · Older people · 36 points · £6,200.00");
    // A column that cannot be the care group: each row's care group named as one the price points lack.
    await select("People", "Care group").selectOption("Team");
    await expect(editor("People").getByRole("group", { name: "Rows to put right" }).textContent()).resolves.toContain(
      'ServiceUsers row 1 (WS1001 Margaret Ellis): Care group "North" is not in the price table',
    );
    await select("People", "Care group").selectOption("Client group");
    await expect(editor("People").getByRole("group", { name: "Rows to put right" }).textContent()).resolves.toContain(
      "ServiceUsers row 20 (WS1020 Irene Walsh): Question Communication is unanswered.",
    );
    await editor("People")
      .getByText("Saving adds Points and Indicative budget at the right of ServiceUsers, as live formulas")
      .waitFor();
    await fits();
    mkdirSync("test-results", { recursive: true });
    await editor("People").screenshot({ path: "test-results/mapping-people.png" });
    // Leaving the view now would lose the mapping: the pane asks first.
    await pane().getByRole("tab", { name: "Support plan" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
    await expect(dialog.textContent()).resolves.toContain("the mapping of People you have not saved");
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await pane().getByRole("button", { name: "Save mapping" }).click();
    await expect(messageBar("Mapping saved").textContent()).resolves.toContain(
      "Points and Indicative budget were added at the right of ServiceUsers, as live formulas.",
    );

    // The services catalogue.
    await pane().getByRole("button", { name: "Map Services" }).click();
    await select("Services", "Your table").selectOption("ServiceCatalogue");
    await expect(select("Services", "Managed as").inputValue()).resolves.toBe("Funding route");
    await pane().getByRole("button", { name: "Save mapping" }).click();
    await tables.getByText("Yours: ServiceCatalogue.").waitFor();

    // Set up is offered for what is still missing, and only that.
    await pane().getByText("Still missing: Plans, PlanLines, PlanSettings, Budgets and Payments.").waitFor();
    await pane().getByRole("button", { name: "Set up what is missing" }).click();
    await expect(messageBar("Workbook set up").textContent()).resolves.toContain(
      "Added Plans (on Plans), PlanLines (on PlanLines), PlanSettings (on Plan settings), Budgets (on Budgets) " +
        "and Payments (on Payments).",
    );
    await fits();

    // The council's table, with the add-in's two columns at its right, calculating: P001's row.
    await showSheet(COUNCIL.people.sheet);
    await expect(cellAt(COUNCIL.people.sheet, "A2").textContent()).resolves.toBe("WS1001");
    // 18 columns of the council's (A to R), then Points (S) and Indicative budget (T).
    await expect(cellAt(COUNCIL.people.sheet, "S1").textContent()).resolves.toBe("Points");
    await expect(cellAt(COUNCIL.people.sheet, "S2").textContent()).resolves.toBe("36");
    await expect(cellAt(COUNCIL.people.sheet, "T2").textContent()).resolves.toBe("£6,200.00");
    await pane().screenshot({ path: "test-results/mapping.png" });
    expect(opened.errors).toEqual([]);
  });

  it("costs and saves a plan for a person of the council's, from its catalogue", async () => {
    await pane().getByRole("tab", { name: "Support plan" }).click();
    await pane().getByRole("heading", { name: "Support plan", level: 1 }).waitFor();
    await choose("Person", "WS1001", /^WS1001 Margaret Ellis/);
    await expect(text("#assessment-points")).resolves.toBe("36");
    await expect(text("#assessment-budget")).resolves.toBe("£6,200.00 a year (£119.23 a week)");
    // As finance.e2e's PLAN-0001: a personal assistant 6 h × £19.55 × 52 = £6,099.60 a year, Agreed from 1 April.
    await addFromCatalogue("Personal assistant");
    await setField(line(1), "Quantity", "6");
    await expect(text("#traffic-light")).resolves.toBe("Green");
    await pane().getByLabel("Start date").fill("2026-04-01");
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
    await messageBar("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();
    await showSheet("Plans");
    await expect(cellAt("Plans", "B2").textContent()).resolves.toBe("WS1001");
    await fits();
    expect(opened.errors).toEqual([]);
  });

  it("tries a price what-if over the council's range, and writes the What-if sheet naming its cells", async () => {
    await pane().getByRole("tab", { name: "Price what-if" }).click();
    await pane().getByRole("heading", { name: "Price what-if", level: 1 }).waitFor();
    await pane().getByRole("radio", { name: "Raise or lower by a percentage" }).check();
    await pane().getByRole("combobox", { name: "Care group" }).selectOption("Older people");
    await pane().getByRole("textbox", { name: "Percentage (negative to lower)" }).fill("5");
    // whatif.e2e's figures: Older people £58,160 now, £61,068 proposed; all £170,435 → £173,343.
    const card = pane().getByRole("listitem", { name: "All care groups", exact: true });
    await expect(card.locator("dd").allTextContents()).resolves.toEqual([
      "£170,435.00",
      "£173,343.00",
      "+£2,908.00 (+1.71%)",
    ]);
    await pane().getByRole("button", { name: "Create ProposedPricePoints" }).click();
    await messageBar("Created ProposedPricePoints").waitFor();
    await pane().getByRole("button", { name: "Write the What-if sheet" }).click();
    await messageBar("Wrote the sheet What-if").waitFor();
    await showSheet("What-if");
    await expect(cellAt("What-if", "C7").textContent()).resolves.toBe("£58,160.00");
    await expect(cellAt("What-if", "D7").textContent()).resolves.toBe("£61,068.00");
    await expect(cellAt("What-if", "A16").textContent()).resolves.toBe("WS1001");
    await expect(cellAt("What-if", "F16").textContent()).resolves.toBe("£6,510.00");
    // Its formulas name the council's table and range, as written in the preview's workbook.
    const written = await page.evaluate(() => {
      const workbook = (
        window as unknown as {
          previewWorkbook: {
            allSheets(): { name: string; cells: { row: number; column: number; formula?: string }[] }[];
          };
        }
      ).previewWorkbook;
      const sheet = workbook.allSheets().find((candidate) => candidate.name === "What-if")!;
      return sheet.cells.find((cell) => cell.row === 5 && cell.column === 0)?.formula;
    });
    expect(written).toBe(
      "=PB.REPRICE(ServiceUsers[Points],'Price bands'!$B$3:$F$7,ProposedPricePoints[#All],ServiceUsers[Client group])",
    );
    expect(opened.errors).toEqual([]);
  });

  it("writes the Finance sheet over the council's people, calculating what the saved plan commits", async () => {
    await pane().getByRole("tab", { name: "Finance" }).click();
    await pane().getByRole("heading", { name: "Finance", level: 1 }).waitFor();
    await pane().getByLabel("As at").fill("2026-10-01");
    await pane().locator("#finance-all-committed").waitFor();
    // Older people: £6,099.60 of the sample budget £65,000: £58,900.40 left; all £180,000 − 6,099.60 = £173,900.40.
    await expect(text("#finance-group-0-committed")).resolves.toBe("£6,099.60");
    await expect(text("#finance-group-0-variance")).resolves.toBe("£58,900.40");
    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance").waitFor();
    await showSheet("Finance");
    await expect(fullYear(OLDER, DP)).resolves.toBe("£6,099.60");
    await expect(fullYear(OLDER, CM)).resolves.toBe("£0.00");
    await expect(fullYear(OLDER, TOTAL)).resolves.toBe("£6,099.60");
    await expect(fullYear(OLDER, VARIANCE)).resolves.toBe("£58,900.40");
    await expect(fullYear(ALL, VARIANCE)).resolves.toBe("£173,900.40");
    await fits();
    expect(opened.errors).toEqual([]);
  });
});
