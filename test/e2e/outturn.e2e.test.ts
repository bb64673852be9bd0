// End to end, in a real browser: a finance officer's month end in the browser preview at Office's 320 px pane. An
// Agreed plan is saved through the Support plan view; in the Finance view a ledger's CSV export is chosen (read in the
// page, nothing uploaded), its columns matched, a bad row and a duplicate refused and reported, the rest added on
// confirm, and the projected outturn moves by exactly what was added; importing the file again adds nothing; the
// Finance sheet's outturn block and its chart show the same; a balance typed into DPBalances shows a surplus to
// recover. Needs Debian's Chromium at /usr/bin/chromium. Every figure expected is worked out by hand beside it.
import { mkdirSync } from "fs";
import { Page } from "playwright-core";
import { OpenPage } from "../support/browser";
import { openPreview, previewParts } from "../support/preview";

jest.setTimeout(300_000);

let opened: OpenPage;
let page: Page;

// The development build comes first, and takes minutes on a busy machine.
beforeAll(async () => {
  opened = await openPreview();
  page = opened.page;
  await page.getByRole("combobox", { name: "Task pane width" }).selectOption("320");
}, 900_000);

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

// A ledger's export with headers of its own ("Txn date" is no name the pane knows, so it is chosen by hand): two
// direct payments for Margaret Ellis's plan, a one-off for Arthur Khan (no Agreed plan), a person not in People, and
// the first row again.
const LEDGER = [
  "Txn date,Client ID,Plan,Amount,Type,Reference",
  "28/04/2026,P001,PLAN-0001,593.02,DP,LED-1",
  "26/05/2026,P001,PLAN-0001,593.02,DP,LED-2",
  '05/08/2026,P002,,"£120.00",One-off,LED-3',
  "01/06/2026,P099,,50.00,DP,LED-4",
  "28/04/2026,P001,PLAN-0001,593.02,DP,LED-1",
].join("\r\n");

async function chooseFile(name: string, content: string) {
  await pane()
    .locator("#payments-file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
}

describe("payments, the projected outturn and surpluses in the browser preview, at 320 px", () => {
  it("imports a CSV, refusing a bad row and a duplicate, and the outturn moves by what was added", async () => {
    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await messageBar("Workbook set up").waitFor();

    // PLAN-0001, Margaret Ellis (Older people), from 1 April 2026: a personal assistant 7 h × £19.55 × 52 =
    // £7,116.20 a year by direct payment.
    await choose("Person", "P001", /^P001 Margaret Ellis/);
    await addFromCatalogue("Personal assistant");
    await setField(line(1), "Quantity", "7");
    await pane().getByLabel("Start date").fill("2026-04-01");
    await pane().getByRole("radio", { name: "Agreed" }).check();
    // 14.8% above her £6,200 indicative budget: Amber, agreed with a reason.
    await pane()
      .getByRole("textbox", { name: /^Reason/ })
      .fill("Agreed at the support planning meeting");
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await messageBar("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();

    await pane().getByRole("tab", { name: "Finance" }).click();
    await pane().getByRole("heading", { name: "Finance", level: 1 }).waitFor();
    await pane().getByLabel("As at").fill("2026-10-01");
    // Nothing paid yet. Still committed from 2 October to 31 March, 181 days: 7,116.20 × 181 ÷ 365 =
    // 3,528.8553… → £3,528.86, of the sample budgets' £180,000.
    await pane().locator("#outturn-all-outturn").waitFor();
    await expect(text("#outturn-all-actual")).resolves.toBe("£0.00");
    await expect(text("#outturn-all-remaining")).resolves.toBe("£3,528.86");
    await expect(text("#outturn-all-outturn")).resolves.toBe("£3,528.86");
    await expect(text("#outturn-all-budget")).resolves.toBe("£180,000.00");

    await chooseFile("ledger.csv", LEDGER);
    await pane().getByText("Choose the file's column for Payment date: every payment needs it.").waitFor();
    await pane().locator("#payments-column-date").selectOption({ label: "Txn date" });
    // 593.02 + 593.02 + 120 = £1,306.04 to add; P099 refused; the first row's twin known.
    await expect(text("#payments-to-add")).resolves.toBe("3 payments to add, £1,306.04, of 5 rows in the file.");
    await expect(text("#payments-refused")).resolves.toBe('Row 5: Client ID: "P099" is not in People');
    await expect(text("#payments-duplicates")).resolves.toBe("1 row already known, skipped");
    await pane().getByText("1 row already known, skipped").click();
    await pane().getByText("Row 6: repeats row 2 (reference LED-1)").waitFor();
    // Nothing written yet.
    const payments = await showSheet("Payments");
    await expect(payments.locator("tr").count()).resolves.toBe(1); // the header row alone
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);

    await pane().getByRole("button", { name: "Add 3 payments" }).click();
    await messageBar("Added 3 payments from ledger.csv").waitFor();
    await expect(payments.locator("tr").count()).resolves.toBe(4);
    await expect(cellAt("Payments", "B2").textContent()).resolves.toBe("P001");
    await expect(cellAt("Payments", "D4").textContent()).resolves.toBe("£120.00");
    await expect(cellAt("Payments", "E4").textContent()).resolves.toBe("One-off");
    // The outturn moves by exactly £1,306.04: £4,834.90. Arthur Khan's £120 matches no Agreed plan, and says so.
    await expect(text("#outturn-all-actual")).resolves.toBe("£1,306.04");
    await expect(text("#outturn-all-outturn")).resolves.toBe("£4,834.90");
    await expect(text("#outturn-all-variance")).resolves.toBe("£175,165.10 (97.3%)");
    await expect(text("#outturn-unmatched")).resolves.toBe(
      "1 payment to date (£120.00) matches no Agreed plan: counted in the spend above, and listed here.",
    );
    await pane().getByText("2026-08-05, P002, £120.00, One-off (LED-3): P002 has no Agreed plan").waitFor();

    // The same file again: everything is known, nothing can be added; the columns are remembered.
    await chooseFile("ledger.csv", LEDGER);
    await expect(text("#payments-to-add")).resolves.toBe("0 payments to add, £0.00, of 5 rows in the file.");
    await expect(pane().locator("#payments-column-date").inputValue()).resolves.toBe("0");
    await expect(pane().getByRole("button", { name: "Add 0 payments" }).isDisabled()).resolves.toBe(true);
    await expect(text("#payments-duplicates")).resolves.toBe("4 rows already known, skipped");
    await pane().getByRole("button", { name: "Cancel" }).click();
    expect(opened.errors).toEqual([]);
  });

  it("writes the outturn block and its chart on the Finance sheet, and shows a direct-payment surplus", async () => {
    await pane().getByRole("button", { name: "Write Finance sheet" }).click();
    await messageBar("Created the sheet Finance").waitFor();
    await showSheet("Finance");
    // The block's rows, found by their label in column A: budget, spent, still committed, outturn, variance.
    const rowOf = (label: string, spent: string) =>
      page.locator('table[data-sheet="Finance"] tr').evaluateAll(
        (trs, [wanted, actual]) =>
          trs
            .map((tr) => [...tr.children].map((cell) => cell.textContent ?? ""))
            .filter((cells) => cells[0] === wanted && cells[2] === actual)
            .map((cells) => cells.slice(1, 6)),
        [label, spent],
      );
    // £120 spent matched to no Agreed plan: an outturn of £120, and no budget for it.
    await expect(rowOf("Not matched to an Agreed plan", "£120.00")).resolves.toEqual([
      ["£0.00", "£120.00", "£0.00", "£120.00", "-£120.00"],
    ]);
    await expect(rowOf("All care groups", "£1,306.04")).resolves.toEqual([
      ["£180,000.00", "£1,306.04", "£3,528.86", "£4,834.90", "£175,165.10"],
    ]);
    // The chart of cumulative spend and forecast against the budget is drawn, its three lines with their names.
    const chart = page.locator('figure[data-chart="OutturnAgainstBudget"]');
    // Its last points: the year's whole budget, and the projected outturn, 1,306.04 + 3,528.86 = £4,834.90.
    await chart.getByRole("img", { name: /Cumulative budget, 180000\.$/ }).waitFor();
    await chart.getByRole("img", { name: /Cumulative projected, 4834\.9\.$/ }).waitFor();
    // Spent to date drawn to October only: the months after it are #N/A, left out.
    await expect(chart.getByRole("img", { name: /Cumulative actual, / }).count()).resolves.toBe(7);
    mkdirSync("test-results", { recursive: true });
    await chart.screenshot({ path: "test-results/outturn-chart.png" });

    // P001 reports a balance of £3,000 on 15 September: 8 weeks of £7,116.20 a year is £1,094.80, so £1,905.20 is
    // surplus, 26.8% of this year's direct payments (£7,116.20).
    await pane().getByRole("button", { name: "Add a DPBalances table" }).click();
    await messageBar("Added the DPBalances table").waitFor();
    // The balance goes in the table's first row. (The preview's grid draws no row below an empty table, where
    // Excel lets you type; its console's previewWorkbook writes the cells as typing would.)
    await showSheet("DP balances");
    await page.evaluate(() => {
      const workbook = (window as unknown as { previewWorkbook: { setCell(...args: unknown[]): void } })
        .previewWorkbook;
      workbook.setCell("DP balances", 1, 0, "P001");
      workbook.setCell("DP balances", 1, 1, 46_280); // 15 September 2026
      workbook.setCell("DP balances", 1, 2, 3000);
    });
    await expect(cellAt("DP balances", "B2").textContent()).resolves.toBe("15 Sep 2026");
    await pane().getByRole("button", { name: "Refresh" }).click();
    await expect(text("#dp-total")).resolves.toBe(
      "£1,905.20 to recover from 1 account: 26.8% of this year's direct payments (£7,116.20 a year).",
    );
    await expect(text("#dp-to-recover")).resolves.toBe(
      "P001 (Older people): £1,905.20; balance £3,000.00 on 15 Sep 2026, against £7,116.20 a year",
    );
    // Allowed 12 weeks (£1,642.20): £1,357.80.
    await pane().locator("#dp-weeks").fill("12");
    await expect(text("#dp-total")).resolves.toMatch(/^£1,357\.80 to recover from 1 account/);
    await pane().locator("#dp-weeks").fill("60");
    await pane()
      .getByText("Weeks allowed: expected a number of weeks from 0 to 52 (the weeks in the year), such as 8")
      .waitFor();
    await pane().locator("#dp-weeks").fill("8");

    await pane().locator("summary", { hasText: "Month by month" }).click();
    await pane().locator("summary", { hasText: "By care group" }).click();
    // Older people: Margaret Ellis's £1,186.04 spent and £3,528.86 to come, of £65,000.
    await expect(text("#outturn-group-0-outturn")).resolves.toBe("£4,714.90");
    await expect(text("#outturn-group-0-variance")).resolves.toBe("£60,285.10 (92.7%)");
    await expect(paneLayout()).resolves.toEqual({ width: 320, beyond: [], clipped: [], scrolls: false });
    await expect(paneAxeViolations()).resolves.toEqual([]);

    await page.setViewportSize({ width: 1400, height: 4200 });
    await pane().screenshot({ path: "test-results/outturn-320.png" });
    // The README's pictures (docs/outturn.png and docs/outturn-chart.png are copies): the pane's outturn, import
    // and surplus parts at 320 px, the month by month open (and, above, the Finance sheet's chart).
    await pane().locator("summary", { hasText: "By care group" }).click();
    await page.locator("#finance-outturn").screenshot({ path: "test-results/outturn.png" });
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
  });
});
