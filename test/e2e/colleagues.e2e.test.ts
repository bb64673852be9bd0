// End to end, in a real browser, at Office's 320 px: issue 23 §2, colleagues saving in the same workbook. The preview's
// workbook is changed behind the pane as a colleague's save arrives in Excel (previewColleague: the same workbook as a
// co-author has it, whose changes the pane hears of as Remote, as Table.onChanged tells of a co-author's). The pane
// says so in the Support plan view before its user saves over it; a save over it is refused and reading again shows
// theirs; a new plan beside a colleague's for the same person is said, and saved as well when asked.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import type { TableData, TableEdit } from "../../src/workbook/port";
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

const { pane, line, choose, addFromCatalogue, messageBar, paneAxeViolations, paneLayout, announced } = previewParts(
  () => page,
);

const SAVED = (planId: string) => `Saved plan ${planId} to the Plans and PlanLines tables.`;

interface Colleague {
  readTable(name: string): Promise<TableData | null>;
  editTables(edits: TableEdit[]): Promise<void>;
}

/** The page's window, with the preview's workbook as a colleague has it (each page.evaluate names it itself). */
type PreviewWindow = Window & { readonly previewColleague: Colleague };

/** The pane's table, as the colleague reads it now: each row's cells under these headers. */
function tableNow(name: string, headers: string[]): Promise<unknown[][]> {
  return page.evaluate(
    async ([table, wanted]) => {
      const read = (await (window as unknown as PreviewWindow).previewColleague.readTable(table))!;
      return read.rows.map((row) => wanted.map((header) => row[read.headers.indexOf(header)]));
    },
    [name, headers] as const,
  );
}

/** The pane's layout and accessibility: nothing past its edge, no label cut short, no axe violation. */
async function paneIsSound() {
  expect(await paneLayout()).toMatchObject({ beyond: [], clipped: [], scrolls: false });
  expect(await paneAxeViolations()).toEqual([]);
}

describe("issue 23 §2 in the browser preview, at 320 px: colleagues saving in the same workbook", () => {
  it("says a colleague saved the plan open before its user saves over it; a save over it is refused", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();
    await choose("Person", "P001", /^P001 Margaret Ellis/);
    await addFromCatalogue("Meals");
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar(SAVED("PLAN-0001")).waitFor();

    // Priya's pane adds a second line of meals to PLAN-0001 and saves its row, in her copy of the workbook.
    await page.evaluate(async () => {
      const colleague = (window as unknown as PreviewWindow).previewColleague;
      const lines = (await colleague.readTable("PlanLines"))!;
      const copy = [...lines.rows[0]];
      copy[lines.headers.indexOf("Line")] = 2;
      const columns = lines.headers.map((header) => ({ header, numberFormat: header === "Plan ID" ? "@" : "General" }));
      await colleague.editTables([
        { table: "PlanLines", columns, append: [copy] },
        {
          table: "Plans",
          columns: [{ header: "Updated by", numberFormat: "@" }],
          update: [{ row: 0, key: { header: "Plan ID", value: "PLAN-0001" }, values: ["Priya Shah"] }],
        },
      ]);
    });

    // Said before saving: who saved the plan, and how it differs, with the way to read it again.
    const noticed = messageBar("A colleague changed this plan");
    await noticed.waitFor();
    const said = await noticed.textContent();
    expect(said).toMatch(/Since you opened or last saved PLAN-0001, Priya Shah saved it at \d\d:\d\d on /);
    expect(said).toContain("(it had 1 line then and has 2 lines now). Read it again before saving");
    expect((await announced()).some((text) => text.includes("A colleague changed this plan"))).toBe(true);
    await page.screenshot({ path: "test-results/colleagues.png", fullPage: true });
    await paneIsSound();

    // Saving over it anyway is refused: nothing is written, and focus goes to reading the plan again.
    await addFromCatalogue("Day centre");
    await pane().getByRole("button", { name: "Save plan" }).click();
    const refused = messageBar("Not saved: a colleague saved first");
    await refused.waitFor();
    expect(await refused.textContent()).toContain("Nothing was saved, so that work is kept.");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Read the plan again");
    expect(await tableNow("PlanLines", ["Plan ID", "Line", "Service"])).toEqual([
      ["PLAN-0001", 1, "Meals"],
      ["PLAN-0001", 2, "Meals"],
    ]);
    await paneIsSound();

    // Reading again asks before the unsaved line goes, then shows the plan as Priya saved it.
    await refused.getByRole("button", { name: "Read the plan again" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Unsaved changes" });
    await dialog.getByRole("button", { name: "Discard changes" }).click();
    await messageBar("Refreshed").waitFor();
    await expect(line(2).getByLabel("Service", { exact: true }).inputValue()).resolves.toBe("Meals");
    expect(await line(3).count()).toBe(0);
    expect(
      await pane()
        .getByRole("group", { name: /^Not saved|^A colleague/ })
        .count(),
    ).toBe(0);
  });

  it("says a colleague saved a plan for the person being planned for, and saves this one as well", async () => {
    await choose("Person", "P002", /^P002 Arthur Khan/);
    await addFromCatalogue("Meals");
    await page.evaluate(async () => {
      const text = (header: string) => ({ header, numberFormat: "@" });
      await (window as unknown as PreviewWindow).previewColleague.editTables([
        {
          table: "Plans",
          columns: ["Plan ID", "Person ID", "Name", "Status", "Updated by"].map(text),
          append: [["PLAN-0002", "P002", "Arthur Khan", "Draft", "Priya Shah"]],
        },
      ]);
    });
    const noticed = messageBar("A colleague is planning for this person too");
    await noticed.waitFor();
    expect(await noticed.textContent()).toContain(
      "Since the pane read the workbook, Priya Shah saved plan PLAN-0002 for Arthur Khan. Read again to see it, or " +
        "save this plan as well.",
    );
    await paneIsSound();
    await noticed.getByRole("button", { name: "Save this plan as well" }).click();
    await messageBar(SAVED("PLAN-0003")).waitFor();
    expect(await tableNow("Plans", ["Plan ID", "Person ID"])).toEqual([
      ["PLAN-0001", "P001"],
      ["PLAN-0002", "P002"],
      ["PLAN-0003", "P002"],
    ]);
  });
});
