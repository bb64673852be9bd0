// End to end, in a real browser, what a workbook's cells hold as a user leaves them: a price cell cleared in the
// preview's grid is £0 a point to the People sheet's PB formulas and to the pane alike (Excel for Windows passes a
// blank cell in a range to a custom function as 0), and the pane names the cell; Refresh gives a cleared People
// formula back but keeps a formula of the user's that shows nothing. Needs Debian's Chromium at /usr/bin/chromium.
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

const { pane, messageBar, showSheet, cellAt, choose, text, paneLayout, paneAxeViolations } = previewParts(() => page);

describe("cells as a user leaves them, in the browser preview", () => {
  it("gives the same budget in the pane as on the People sheet, and the pane names the cell", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();

    // PricePoints C4: Physical disability's £280 a point from 40 points, cleared (a double-click edits, Enter commits).
    await showSheet("PricePoints");
    await expect(cellAt("PricePoints", "C4").textContent()).resolves.toBe("£280.00");
    await cellAt("PricePoints", "C4").dblclick();
    await page.getByRole("textbox", { name: "Edit C4" }).fill("");
    await page.getByRole("textbox", { name: "Edit C4" }).press("Enter");
    await expect(cellAt("PricePoints", "C4").textContent()).resolves.toBe("");

    // P005 Priya Sharma, Physical disability, 54 points: 20 × £160 + 20 × £215 + 14 × £0 = £7,500 on the People
    // sheet (Q6, PB.INDICATIVE_BUDGET)…
    await showSheet("People");
    await expect(cellAt("People", "A6").textContent()).resolves.toBe("P005");
    await expect(cellAt("People", "Q6").textContent()).resolves.toBe("£7,500.00");

    // …and in the pane, once it reads the workbook again; the cell is named.
    await pane().getByRole("button", { name: "Refresh" }).click();
    const check = messageBar("Check the workbook");
    await check.waitFor();
    await expect(check.textContent()).resolves.toContain(
      "PricePoints C4 is blank: Excel gives it to the functions as £0 a point — type 0 or a price.",
    );
    await choose("Person", "P005", /^P005 Priya Sharma/);
    await expect(text("#assessment-budget")).resolves.toBe("£7,500.00 a year (£144.23 a week)");

    // The price what-if names it too.
    await pane().getByRole("tab", { name: "Price what-if" }).click();
    await expect(messageBar("Blank prices count as £0").textContent()).resolves.toContain(
      "PricePoints C4 is blank: Excel gives it to the functions as £0 a point — type 0 or a price.",
    );
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it("gives a cleared People formula back on Refresh, keeping a formula of the user's showing nothing", async () => {
    const formulaIn = async (address: string) => {
      await cellAt("People", address).dblclick();
      const editor = page.getByRole("textbox", { name: `Edit ${address}` });
      const formula = await editor.inputValue();
      await editor.press("Escape");
      return formula;
    };
    const type = async (address: string, entry: string) => {
      await cellAt("People", address).dblclick();
      await page.getByRole("textbox", { name: `Edit ${address}` }).fill(entry);
      await page.getByRole("textbox", { name: `Edit ${address}` }).press("Enter");
    };
    await pane().getByRole("tab", { name: "Support plan" }).click();
    await showSheet("People");
    // P001's budget (Q2): a formula of the user's that shows nothing; P002's (Q3): cleared.
    await type("Q2", '=IF(TRUE,"",[@Points])');
    await type("Q3", "");
    await expect(cellAt("People", "Q2").textContent()).resolves.toBe("");
    await expect(cellAt("People", "Q3").textContent()).resolves.toBe("");
    await pane().getByRole("button", { name: "Refresh" }).click();
    await pane().getByText("Repaired 1 People row whose Points or Indicative budget formula was missing.").waitFor();
    await expect(formulaIn("Q2")).resolves.toBe('=IF(TRUE,"",[@Points])');
    await expect(formulaIn("Q3")).resolves.toBe("=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])");
    // P002 Arthur Khan, Older people, 54 points: 20 × £150 + 20 × £200 + 14 × £260 = £10,640.
    await expect(cellAt("People", "Q3").textContent()).resolves.toBe("£10,640.00");
    expect(opened.errors).toEqual([]);
  });
});
