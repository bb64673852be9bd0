// End to end, in a real browser: the preview's workbook calculates the PB formulas and can be edited like Excel,
// and its charts follow the cells they are drawn from. Needs Debian's Chromium at /usr/bin/chromium.
import type { AxeResults } from "axe-core";
import { mkdirSync, readFileSync } from "fs";
import { Page } from "playwright-core";
import { OpenPage, openPage } from "../support/browser";
import { previewParts } from "../support/preview";
import type { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

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

const { showSheet, cellAt } = previewParts(() => page);

/** A person's row in the People tab, by header, as the grid shows it. */
async function personRow(id: string): Promise<Record<string, string>> {
  const rows = await (
    await showSheet("People")
  ).evaluate((table: HTMLTableElement) =>
    [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? "")),
  );
  const [headers, ...people] = rows;
  const row = people.find((cells) => cells[0] === id)!;
  return Object.fromEntries(headers.map((header, column) => [header, row[column]]));
}

describe("the preview's calculating workbook", () => {
  it("shows the pane at Excel's default width, with a control to widen it", async () => {
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await expect(pane.boundingBox()).resolves.toMatchObject({ width: 320 });
    await page.getByRole("combobox", { name: "Task pane width" }).selectOption("350");
    await expect(pane.boundingBox()).resolves.toMatchObject({ width: 350 });
    await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
  });

  it("calculates People's points and budgets with the PB functions, and recalculates after an edit", async () => {
    await page.getByRole("button", { name: "Set up workbook" }).click();
    await page.getByText(/^Added Scoring, PricePoints, People/).waitFor();

    // P001 Margaret Ellis, Older people: 7+2+5+5+2+7+2+0+2+0+6−2 = 36 points; 20 × £150 + 16 × £200 = £6,200.
    expect(await personRow("P001")).toMatchObject({ Points: "36", "Indicative budget": "£6,200.00" });
    // An assessment still in progress: the error, with the engine's message as the cell's tooltip.
    expect(await personRow("P020")).toMatchObject({ Points: "#N/A", "Indicative budget": "#N/A" });
    await expect(cellAt("People", "P21").getAttribute("title")).resolves.toBe(
      "#N/A: Question Home and living is unanswered",
    );
    // Who, care group and the figures stay in view beside the compact answer columns.
    await expect(cellAt("People", "B2").evaluate((cell) => getComputedStyle(cell).position)).resolves.toBe("sticky");

    // Older people, 0–20 band: £150 → £160, typed into the grid (a double-click edits, Enter commits).
    await showSheet("PricePoints");
    await expect(cellAt("PricePoints", "B2").textContent()).resolves.toBe("£150.00");
    await cellAt("PricePoints", "B2").dblclick();
    const editor = page.getByRole("textbox", { name: "Edit B2" });
    await expect(editor.inputValue()).resolves.toBe("150");
    await editor.fill("160");
    await editor.press("Enter");
    await expect(cellAt("PricePoints", "B2").textContent()).resolves.toBe("£160.00");
    // 20 × £160 + 16 × £200 = £3,200 + £3,200 = £6,400.
    expect(await personRow("P001")).toMatchObject({ Points: "36", "Indicative budget": "£6,400.00" });
    expect(opened.errors).toEqual([]);
  });

  it("is operated from the keyboard: arrows move, typing edits, Escape cancels, Enter commits", async () => {
    await showSheet("PricePoints");
    await cellAt("PricePoints", "B2").dblclick();
    await page.getByRole("textbox", { name: "Edit B2" }).press("Escape");
    await expect(cellAt("PricePoints", "B2").evaluate((cell) => cell === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("ArrowDown"); // B3: Older people, 20–40 band, £200
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toBe("B3");
    await page.keyboard.type("2"); // typing replaces, as in Excel
    await page.keyboard.type("10");
    await page.keyboard.press("Escape"); // cancelled: still £200
    await expect(cellAt("PricePoints", "B3").textContent()).resolves.toBe("£200.00");
    await page.keyboard.press("Enter"); // edit what is there
    await expect(page.getByRole("textbox", { name: "Edit B3" }).inputValue()).resolves.toBe("200");
    await page.keyboard.press("Escape");
    await page.keyboard.type("=B2+40"); // a formula: £160 + £40
    await page.keyboard.press("Enter");
    await expect(cellAt("PricePoints", "B3").textContent()).resolves.toBe("£200.00");
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toBe("B4");
    await page.keyboard.press("ArrowUp");
    await expect(page.getByLabel("Cell contents").textContent()).resolves.toBe("=B2+40");
    // A header is not edited from the grid.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toBe("B1");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("textbox", { name: "Edit B1" }).count()).resolves.toBe(0);
    expect(opened.errors).toEqual([]);
  });

  it("a click selects, typing replaces, F2 and a double-click edit at the end, as in Excel (21 §13)", async () => {
    await showSheet("PricePoints");
    // E4: Mental health, 40–60 band, £240. Before: a click opened the editor with the caret at the end, so typing
    // "420" made £240,420.
    await cellAt("PricePoints", "E4").click();
    await expect(page.getByRole("textbox", { name: "Edit E4" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toBe("E4");
    await page.keyboard.type("420");
    await page.keyboard.press("Enter");
    await expect(cellAt("PricePoints", "E4").textContent()).resolves.toBe("£420.00");
    // F2 edits in place, the caret after what is there.
    await cellAt("PricePoints", "E4").click();
    await page.keyboard.press("F2");
    const editor = page.getByRole("textbox", { name: "Edit E4" });
    await expect(editor.inputValue()).resolves.toBe("420");
    await expect(
      editor.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]),
    ).resolves.toEqual([3, 3]);
    await page.keyboard.type("5");
    await page.keyboard.press("Escape");
    await expect(cellAt("PricePoints", "E4").textContent()).resolves.toBe("£420.00");
    // A double-click too, the caret at the end: two Backspaces and "40" make 440.
    await cellAt("PricePoints", "E4").dblclick();
    await expect(editor.evaluate((input: HTMLInputElement) => input.selectionStart)).resolves.toBe(3);
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("40");
    await page.keyboard.press("Enter");
    await expect(cellAt("PricePoints", "E4").textContent()).resolves.toBe("£440.00");
    // Put back as set up, for the tests after this one.
    await cellAt("PricePoints", "E4").click();
    await page.keyboard.type("240");
    await page.keyboard.press("Enter");
    await expect(cellAt("PricePoints", "E4").textContent()).resolves.toBe("£240.00");
    expect(opened.errors).toEqual([]);
  });

  it("draws a sheet's chart from its calculated cells and redraws it when a cell changes", async () => {
    // A report sheet as the pane would write one: the RAS curve, 0–80 points, Older people.
    await page.evaluate(() => {
      const preview = (window as unknown as { previewWorkbook: MemoryWorkbook }).previewWorkbook;
      const points = [0, 20, 40, 60, 80];
      return preview.addSheet({
        name: "Curve",
        cells: [
          { row: 0, column: 0, value: "Points", bold: true },
          { row: 0, column: 1, value: "Older people", bold: true },
          ...points.flatMap((value, at) => [
            { row: at + 1, column: 0, value },
            {
              row: at + 1,
              column: 1,
              formula: `=PB.INDICATIVE_BUDGET(A${at + 2},PricePoints[#All],"Older people")`,
              numberFormat: "£#,##0.00",
            },
          ]),
        ],
        charts: [
          {
            name: "RasCurve",
            title: "RAS curve",
            type: "line",
            source: { row: 0, column: 0, rows: 6, columns: 2 },
            at: { row: 0, column: 3, rows: 14, columns: 8 },
            xAxisTitle: "Points",
            yAxisTitle: "£ a year",
          },
        ],
      });
    });
    await showSheet("Curve");
    // 20 × £160 = £3,200; + 20 × £200 = £7,200; + 20 × £260 = £12,400; + 20 × £320 = £18,800.
    await expect(cellAt("Curve", "B6").textContent()).resolves.toBe("£18,800.00");
    // Each point of the line is labelled with its calculated value.
    const chart = page.locator('figure[data-chart="RasCurve"]');
    await chart.getByRole("img", { name: "80. Older people, 18800." }).waitFor();
    await expect(chart.getByRole("region", { name: /^RAS curve\. Line chart with 1 lines/ }).count()).resolves.toBe(1);

    await showSheet("PricePoints");
    await cellAt("PricePoints", "B5").dblclick(); // 60+ band: £320 → £420
    await page.getByRole("textbox", { name: "Edit B5" }).fill("420");
    await page.getByRole("textbox", { name: "Edit B5" }).press("Enter");
    await showSheet("Curve");
    // + 20 × £420 instead of 20 × £320: £12,400 + £8,400 = £20,800.
    await expect(cellAt("Curve", "B6").textContent()).resolves.toBe("£20,800.00");
    await chart.getByRole("img", { name: "80. Older people, 20800." }).waitFor();
    await expect(chart.getByRole("img", { name: "60. Older people, 12400." }).count()).resolves.toBe(1);

    // The workbook's grids, tabs and charts pass axe's WCAG 2.1 AA rules, and so does the width control. Left
    // out: Fluent's focus sentinels (tabster's aria-hidden dummies, focusable by design to pass focus on at
    // once; a known false positive of aria-hidden-focus: github.com/microsoft/tabster/issues/288).
    // Through DevTools, which the page's Content-Security-Policy rightly does not let a <script> tag do.
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    for (const sheet of ["People", "Curve"]) {
      await showSheet(sheet);
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } };
        const results = await axe.run(
          {
            include: [['section[aria-label="Workbook"]'], ["#pane-width"]],
            exclude: [["[data-tabster-dummy]"]],
          },
          { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
        );
        return results.violations.map(
          ({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join("; ")}`,
        );
      });
      expect([sheet, violations]).toEqual([sheet, []]);
    }

    mkdirSync("test-results", { recursive: true });
    await showSheet("People");
    await page.waitForTimeout(500); // the tab's underline slides across
    await page.screenshot({ path: "test-results/preview.png", fullPage: true });
    expect(opened.errors).toEqual([]);
  });
});
