// A ledger's CSV of 20,000 payments imported in the browser preview itself (the production build, Chromium, no CPU
// slowdown): the starter workbook set up, the Finance view open, the file chosen (read with FileReader, parsed and
// every row checked, the count to add drawn), then "Add 20,000 payments" until the pane says they were added (the
// writes in chunks, the progress drawn between them). Run in a process of its own, as the start-up is; prints JSON.
import { existsSync } from "fs";
import { serve } from "../test/support/staticServer";
import { CHROMIUM } from "./startup";

export interface PreviewImport {
  readonly rows: number;
  /** From the file chosen to the count to add drawn. */
  readonly checkedMs: number;
  /** From "Add …" clicked to "Added …" drawn. */
  readonly writtenMs: number;
  readonly totalMs: number;
}

/** 20,000 payments for the starter's assessed people, April to October 2026, each its own reference. */
function ledger(rows: number): string {
  const lines = ["Payment date,Person ID,Plan ID,Amount,Kind,Reference"];
  for (let row = 0; row < rows; row++) {
    const person = `P${String(1 + (row % 19)).padStart(3, "0")}`;
    const month = 4 + (row % 7);
    const day = 1 + (row % 28);
    lines.push(`${day}/${month}/2026,${person},,${1 + (row % 997)}.${String(row % 100).padStart(2, "0")},DP,L-${row}`);
  }
  return lines.join("\r\n");
}

export async function importInPreview(output: string, rows = 20_000): Promise<PreviewImport | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import("playwright-core");
  const server = await serve(output);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(120_000);
    await page.goto(`${server.url}/preview.html`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await pane.getByRole("button", { name: "Set up workbook" }).click();
    await pane.getByRole("group", { name: "Workbook set up" }).waitFor();
    await pane.getByRole("tab", { name: "Finance" }).click();
    await pane.locator("#outturn-all-outturn").waitFor();
    const file = { name: "ledger.csv", mimeType: "text/csv", buffer: Buffer.from(ledger(rows)) };
    const count = rows.toLocaleString("en-GB");
    const chosen = Date.now();
    await pane.locator("#payments-file").setInputFiles(file);
    await pane.locator("#payments-to-add", { hasText: `${count} payments to add` }).waitFor();
    const checked = Date.now();
    await pane.getByRole("button", { name: `Add ${count} payments` }).click();
    await pane.getByRole("group", { name: `Added ${count} payments from ledger.csv` }).waitFor();
    const written = Date.now();
    return { rows, checkedMs: checked - chosen, writtenMs: written - checked, totalMs: written - chosen };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  void importInPreview(process.argv[2]).then((figures) => console.log(JSON.stringify(figures)));
}
