// Payments at a council's scale (issue 24): a ledger's CSV export of 20,000 payments imported into the in-memory
// workbook the browser preview uses (5,000 people, 2,000 plans), through the pane's own state machine and controller
// — the file decoded and parsed, every row checked against People, Plans and the payments already there, what would
// be added worked out as the view shows it, then, on confirm, the workbook read and the rows checked again and the
// payments written in chunks — and the projected outturn worked out over them. The outturn's total is checked
// against the same sum done plainly in decimal.js. Target: the import under 5 s.
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import Decimal from "decimal.js";
import {
  importSummary,
  initialImportState,
  PaymentImportAction,
  paymentImportReducer,
} from "../src/taskpane/state/paymentImport";
import { paymentImportController } from "../src/taskpane/state/paymentImportController";
import { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import { outturnFigures, readOutturnBook } from "../src/workbook/reports/outturnBook";
import { councilWorkbook } from "./largeWorkbook";
import { PreviewImport } from "./paymentsPreview";

export const LEDGER_ROWS = 20_000;
const DATES = { asAt: "2026-10-31", yearStart: "2026-04-01" };
const KINDS = ["Direct payment", "Council-managed invoice", "Individual Service Fund", "One-off"];

/** A repeatable stream of numbers in [0, 1). */
function seeded(seed: number) {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 1 | seed) + 0x6d2b79f5) | 0) >>> 0) / 4294967296;
}

/**
 * An export of `rows` payments: the people and plans of the workbook, dates from April to October 2026 (a few
 * after the as-at date), 1 in 100 refused (a person not in People, or 31 June), 1 in 200 the row before it again.
 */
async function ledger(workbook: MemoryWorkbook, rows: number, prefix: string) {
  const random = seeded(20261131 + rows);
  const plans = (await workbook.readTable("Plans"))!;
  const [planAt, personAt] = ["Plan ID", "Person ID"].map((header) => plans.headers.indexOf(header));
  const lines = ["Posting date,Client ID,Plan ID,Net amount,Payment type,Transaction ID"];
  const good: { date: string; pence: number }[] = [];
  for (let row = 0; row < rows; row++) {
    if (row % 200 === 199) {
      lines.push(lines[lines.length - 1]);
      continue;
    }
    const plan = plans.rows[Math.floor(random() * plans.rows.length)];
    const month = 4 + Math.floor(random() * 7);
    const day = 1 + Math.floor(random() * 28);
    const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2026`;
    const pence = 1 + Math.floor(random() * 200_000);
    const amount = `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
    const kind = KINDS[Math.floor(random() * KINDS.length)];
    const bad = row % 100 === 42;
    const person = bad && row % 200 === 42 ? "NOBODY" : String(plan[personAt]);
    const posted = bad && row % 200 !== 42 ? "31/06/2026" : date;
    lines.push(`${posted},${person},${String(plan[planAt])},"${amount}",${kind},${prefix}-${row}`);
    if (!bad) good.push({ date: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, pence });
  }
  return { text: lines.join("\r\n"), good };
}

async function imported(workbook: MemoryWorkbook, text: string) {
  let state = initialImportState;
  const dispatch = (action: PaymentImportAction) => (state = paymentImportReducer(state, action));
  const controller = paymentImportController(workbook, dispatch);
  const start = performance.now();
  await controller.chosen("ledger.csv", new TextEncoder().encode(text).buffer);
  const check = importSummary(state).check!; // what the view shows before the officer confirms
  await controller.confirm(state);
  const ms = performance.now() - start;
  if (state.notice?.intent !== "success") throw new Error(`Not imported: ${state.notice?.text}`);
  return { ms, toAdd: check.toAdd.length, refused: check.refused.length, duplicates: check.duplicates.length };
}

export interface PaymentsFigures {
  readonly rows: number;
  readonly people: number;
  readonly plans: number;
  readonly importMs: number;
  readonly added: number;
  readonly refused: number;
  readonly duplicates: number;
  /** The same file again: every row known, nothing added. */
  readonly reimportMs: number;
  readonly reimportAdded: number;
  /** Reading the tables and working out the outturn, its months and unmatched payments. */
  readonly outturnMs: number;
  readonly outturnExact: boolean;
}

export async function measurePayments(): Promise<PaymentsFigures> {
  const workbook = await councilWorkbook();
  // The Finance view has read the workbook (People's formulas calculated) by the time a file is chosen.
  await readOutturnBook(workbook);
  await imported(workbook, (await ledger(workbook, 2_000, "WARM")).text); // warm-up, so every path is compiled
  const { text, good } = await ledger(workbook, LEDGER_ROWS, "LED");
  const first = await imported(workbook, text);
  if (first.toAdd !== good.length) throw new Error(`${first.toAdd} payments added of ${good.length} good rows`);
  // The same file again: every row checked, none to add (the officer is shown so, and nothing is written).
  let state = initialImportState;
  const dispatch = (action: PaymentImportAction) => (state = paymentImportReducer(state, action));
  const again = performance.now();
  await paymentImportController(workbook, dispatch).chosen("ledger.csv", new TextEncoder().encode(text).buffer);
  const reimport = { added: importSummary(state).check!.toAdd.length, ms: performance.now() - again };

  const start = performance.now();
  const figures = outturnFigures(await readOutturnBook(workbook), DATES);
  const outturnMs = performance.now() - start;
  // Every good row of both files dated to the as-at date is spend, refunds and all: summed plainly in pence.
  const warm = (await ledger(workbook, 2_000, "WARM")).good;
  const pence = [...warm, ...good]
    .filter((payment) => payment.date <= DATES.asAt)
    .reduce((sum, payment) => sum + payment.pence, 0);
  const all = figures.rows[figures.rows.length - 1];
  return {
    rows: LEDGER_ROWS,
    people: (await workbook.readTable("People"))!.rows.length,
    plans: (await workbook.readTable("Plans"))!.rows.length,
    importMs: first.ms,
    added: first.toAdd,
    refused: first.refused,
    duplicates: first.duplicates,
    reimportMs: reimport.ms,
    reimportAdded: reimport.added,
    outturnMs,
    outturnExact: all.actual.eq(new Decimal(pence).div(100)),
  };
}

/**
 * The payments section of `npm run bench` (after the functions and the large workbook): its figures and target,
 * added to results.json. Exits 1 if the target is missed or a figure is not exact.
 */
export async function paymentsSection(resultsPath: string, build?: string): Promise<void> {
  const figures = await measurePayments();
  // In the browser preview too, from the production build, in a process of its own (as the start-up is timed).
  const preview = build
    ? (JSON.parse(
        execFileSync(process.execPath, [join(__dirname, "paymentsPreview.js"), build], { encoding: "utf8" }),
      ) as PreviewImport | null)
    : null;
  const checks = [
    {
      target: `import of ${LEDGER_ROWS.toLocaleString("en-GB")} payments in the preview's workbook < 5,000 ms`,
      value: figures.importMs,
      limit: 5000,
    },
    ...(preview
      ? [
          {
            target: `import of ${LEDGER_ROWS.toLocaleString("en-GB")} payments in the preview, in Chromium < 5,000 ms`,
            value: preview.totalMs,
            limit: 5000,
          },
        ]
      : []),
    {
      target: "the outturn's spend to date exact to the penny (20k payments)",
      value: figures.outturnExact ? 1 : 0,
      limit: 1,
      exact: true,
    },
    {
      target: "importing the same file again adds nothing",
      value: figures.reimportAdded === 0 ? 1 : 0,
      limit: 1,
      exact: true,
    },
  ].map((check) => ({ ...check, met: "exact" in check ? check.value === 1 : check.value < check.limit }));
  const results = JSON.parse(readFileSync(resultsPath, "utf8")) as { targets: { target: string }[] };
  const kept = results.targets.filter((target) => !checks.some((check) => check.target === target.target));
  writeFileSync(
    resultsPath,
    JSON.stringify({ ...results, payments: { ...figures, preview }, targets: [...kept, ...checks] }, null, 2) + "\n",
  );
  const n = (value: number) => value.toLocaleString("en-GB");
  console.log("");
  console.log(
    `Payments, a ledger's CSV of ${n(figures.rows)} rows into the in-memory workbook of ` +
      `${n(figures.people)} people and ${n(figures.plans)} plans: imported in ` +
      `${figures.importMs.toFixed(0)} ms (${n(figures.added)} added, ${figures.refused} refused, ` +
      `${figures.duplicates} known); the same file again checked in ${figures.reimportMs.toFixed(0)} ms, ` +
      `${figures.reimportAdded} to add; the outturn over them in ${figures.outturnMs.toFixed(0)} ms ` +
      `(${figures.outturnExact ? "exact" : "NOT EXACT"})`,
  );
  console.log(
    preview
      ? `In the browser preview (Chromium, the production build): the file checked and its count drawn in ` +
          `${preview.checkedMs} ms, the payments added in ${preview.writtenMs} ms: ${preview.totalMs} ms in all`
      : "The import in the browser preview not timed: no build given, or no Chromium",
  );
  for (const check of checks) console.log(`${check.met ? "✓" : "✗"} ${check.target}: ${check.value.toFixed(1)}`);
  if (checks.some((check) => !check.met)) process.exitCode = 1;
}
