// Importing payments without a browser: the reducer's named actions and the controller over the in-memory workbook,
// as the pane drives them — a file read, its rows checked and refused with reasons, written in chunks with progress,
// its columns remembered, nothing added twice; and the outturn section's state over the same workbook.
import { describeRefusal } from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { Workbook, WorkbookRefusal } from "../../src/workbook/port";
import {
  canImport,
  importSummary,
  initialImportState,
  PaymentImportAction,
  paymentImportReducer,
  PaymentImportState,
} from "../../src/taskpane/state/paymentImport";
import { decodeCsv, paymentImportController } from "../../src/taskpane/state/paymentImportController";
import { initialOutturnState, OutturnAction, outturnReducer, outturnSummary } from "../../src/taskpane/state/outturn";
import { outturnController } from "../../src/taskpane/state/outturnController";
import { financeWorkbook } from "../support/financeWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";

let functions: FunctionLibrary;
beforeAll(async () => {
  functions = await pbFunctionLibrary();
});

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

/** The import without React: the reducer holds the state, the controller does the work; every action is kept. */
function importer(workbook: Workbook, onImported: () => void = () => undefined) {
  let state: PaymentImportState = initialImportState;
  const actions: PaymentImportAction[] = [];
  const dispatch = (action: PaymentImportAction) => {
    actions.push(action);
    state = paymentImportReducer(state, action);
  };
  return {
    get state() {
      return state;
    },
    actions,
    dispatch,
    controller: paymentImportController(workbook, dispatch, onImported),
  };
}

// A ledger's export with its own headers: a bad date, a person not in People, a duplicate row, pence too many.
const LEDGER = [
  "Txn date,Client No.,Package,Net amount,Payment type,Doc ref",
  "28/04/2026,P001,PLAN-0001,593.02,DP,DOC-1",
  "29/04/2026,P001,,284.22,Invoice,DOC-2",
  "31/04/2026,P008,PLAN-0003,423.58,DP,DOC-3",
  "28/04/2026,P099,,100.00,DP,DOC-4",
  "28/04/2026,P001,PLAN-0001,593.02,DP,DOC-1",
  "01/05/2026,P009,PLAN-0004,12.345,ISF,DOC-5",
  '"15/05/2026","P013","PLAN-0007","1,694.33","Direct payment","DOC-6"',
].join("\r\n");

describe("importing payments", () => {
  it("reads a file, suggests its columns, and checks every row against the workbook before writing", async () => {
    const workbook = await financeWorkbook(functions);
    const pane = importer(workbook);
    await pane.controller.chosen("ledger.csv", bytes(LEDGER));
    expect(pane.state.busy).toBeNull();
    expect(pane.state.file?.headers).toEqual([
      "Txn date",
      "Client No.",
      "Package",
      "Net amount",
      "Payment type",
      "Doc ref",
    ]);
    // "Txn date" and "Doc ref" are no names ledgers are known by: the officer chooses them.
    let summary = importSummary(pane.state);
    expect(summary.problems).toEqual(["Choose the file's column for Payment date: every payment needs it."]);
    expect(canImport(pane.state, summary)).toBe(false);
    pane.dispatch({ type: "columnChosen", field: "date", column: 0 });
    pane.dispatch({ type: "columnChosen", field: "reference", column: 5 });
    summary = importSummary(pane.state);
    expect(summary.problems).toEqual([]);
    const check = summary.check!;
    expect(check.toAdd.map((payment) => [payment.row, payment.personId, payment.amount.toString()])).toEqual([
      [2, "P001", "593.02"],
      [3, "P001", "284.22"],
      [8, "P013", "1694.33"],
    ]);
    expect(check.refused.map(describeRefusal)).toEqual([
      'Row 4: Txn date: "31/04/2026" is not a day of the calendar (expected a date, day first as UK ledgers write ' +
        "it (01/04/2026, 1-Apr-2026, 1 April 2026) or 2026-04-01)",
      'Row 5: Client No.: "P099" is not in People',
      'Row 7: Net amount: "12.345" is not pounds and pence (at most 2 decimal places)',
    ]);
    expect(check.duplicates).toEqual([{ row: 6, reason: "repeats row 2 (reference DOC-1)" }]);
    expect(canImport(pane.state, summary)).toBe(true);
    // Nothing is written until the officer confirms.
    expect((await workbook.readTable("Payments"))!.rows).toEqual([]);
  });

  it("writes only on confirm, remembers the file's columns, and adds nothing when the file comes again", async () => {
    const workbook = await financeWorkbook(functions);
    let imported = 0;
    const pane = importer(workbook, () => (imported += 1));
    await pane.controller.chosen("ledger.csv", bytes(LEDGER));
    pane.dispatch({ type: "columnChosen", field: "date", column: 0 });
    pane.dispatch({ type: "columnChosen", field: "reference", column: 5 });
    await pane.controller.confirm(pane.state);
    expect(imported).toBe(1);
    expect(pane.state.notice).toEqual({
      intent: "success",
      title: "Added 3 payments from ledger.csv",
      text:
        "£2,571.57 in all, to the Payments table. 1 row already known skipped; 3 rows refused: nothing of theirs " +
        "was written. The file's columns are remembered for the next import.",
    });
    const payments = (await workbook.readTable("Payments"))!;
    expect(payments.rows).toEqual([
      [46_140, "P001", "PLAN-0001", 593.02, "Direct payment", "DOC-1"],
      [46_141, "P001", "", 284.22, "Council-managed invoice", "DOC-2"],
      [46_157, "P013", "PLAN-0007", 1694.33, "Direct payment", "DOC-6"],
    ]);
    expect((await workbook.readTable("PaymentImportColumns"))!.rows).toEqual([
      ["Payment date", "Txn date"],
      ["Person ID", "Client No."],
      ["Plan ID", "Package"],
      ["Amount", "Net amount"],
      ["Kind", "Payment type"],
      ["Reference", "Doc ref"],
    ]);

    // Again: the remembered columns are chosen by themselves, and every good row is already in Payments.
    const again = importer(workbook);
    await again.controller.chosen("ledger.csv", bytes(LEDGER));
    const summary = importSummary(again.state);
    expect(summary.problems).toEqual([]);
    expect(summary.check!.toAdd).toEqual([]);
    expect(summary.check!.duplicates.map((duplicate) => duplicate.reason)).toEqual([
      "already in Payments (reference DOC-1)",
      "already in Payments (reference DOC-2)",
      "already in Payments (reference DOC-1)",
      "already in Payments (reference DOC-6)",
    ]);
    expect(canImport(again.state, summary)).toBe(false);
  });

  it("adds many payments in chunks, saying how far it has got", async () => {
    const workbook = await financeWorkbook(functions);
    const rows = Array.from({ length: 4_500 }, (_, at) => `2026-05-01,P001,PLAN-0001,1.00,Direct payment,R${at}`);
    const pane = importer(workbook);
    await pane.controller.chosen(
      "big.csv",
      bytes(["Payment date,Person ID,Plan ID,Amount,Kind,Reference", ...rows].join("\n")),
    );
    await pane.controller.confirm(pane.state);
    const progress = pane.actions.flatMap((action) => (action.type === "progressed" ? [action.progress.done] : []));
    expect(progress).toEqual([0, 0, 2_000, 4_000, 4_500]);
    expect((await workbook.readTable("Payments"))!.rows).toHaveLength(4_500);
    expect(pane.state.progress).toBeNull();
    expect(pane.state.notice?.title).toBe("Added 4,500 payments from big.csv");
  });

  it("says how many were written when Excel refuses part-way, and importing again adds only the rest", async () => {
    const workbook = await financeWorkbook(functions);
    let edits = 0;
    const failing: Workbook = {
      names: () => workbook.names(),
      readTable: (name) => workbook.readTable(name),
      readCells: (...args) => workbook.readCells(...args),
      addTables: (tables) => workbook.addTables(tables),
      addSheet: (sheet) => workbook.addSheet(sheet),
      editTables: (changes) => {
        edits += 1;
        if (edits === 2) return Promise.reject(new WorkbookRefusal("The request was too large."));
        return workbook.editTables(changes);
      },
    };
    const rows = Array.from({ length: 4_500 }, (_, at) => `2026-05-01,P001,PLAN-0001,1.00,Direct payment,R${at}`);
    const text = ["Payment date,Person ID,Plan ID,Amount,Kind,Reference", ...rows].join("\n");
    const pane = importer(failing);
    await pane.controller.chosen("big.csv", bytes(text));
    await pane.controller.confirm(pane.state);
    expect(pane.state.notice).toEqual({
      intent: "warning",
      title: "The payments were not all added",
      text:
        "2,000 of 4,500 payments were added before Excel refused the rest: The request was too large. Import the " +
        "same file again and only the rest are added.",
    });
    const retry = importer(workbook);
    await retry.controller.chosen("big.csv", bytes(text));
    expect(importSummary(retry.state).check!.toAdd).toHaveLength(2_500);
  });

  it("refuses a file it cannot read, naming why, and reads Windows-1252 as well as UTF-8", () => {
    const actions: PaymentImportAction[] = [
      { type: "fileChosen", name: "broken.csv" },
      { type: "fileRead", name: "broken.csv", text: 'Payment date,Amount\n"2026-04-01,5\n' },
    ];
    const state = actions.reduce(paymentImportReducer, initialImportState);
    expect(state.notice).toEqual({
      intent: "warning",
      title: "broken.csv cannot be read",
      text:
        'Row 2 opens a quoted field (") that is never closed, so the rest of the file cannot be read: check that ' +
        "row in the file. Nothing was added.",
    });
    const empty = paymentImportReducer(initialImportState, {
      type: "fileRead",
      name: "empty.csv",
      text: "Date,Amount\n",
    });
    expect(empty.notice?.title).toBe("empty.csv has no payments");
    // "£12.50" as Excel for Windows saves it (Windows-1252: £ is byte 0xA3), and as UTF-8 with a byte-order mark.
    expect(decodeCsv(new Uint8Array([0xa3, 0x31, 0x32, 0x2e, 0x35, 0x30]).buffer)).toBe("£12.50");
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0xc2, 0xa3, 0x31]).buffer)).toBe("\uFEFF£1");
  });
});

describe("the outturn section's state", () => {
  it("works out the outturn at the Finance view's dates, and the surpluses at the contingency typed", async () => {
    const workbook = await financeWorkbook(functions);
    let state = initialOutturnState;
    const dispatch = (action: OutturnAction) => {
      state = outturnReducer(state, action);
    };
    await outturnController(workbook, dispatch).read();
    const dates = { asAt: "2026-10-01", yearStart: "2026-04-01" };
    const summary = outturnSummary(state, dates);
    // No payments yet: the outturn is the remaining commitment (23,315.96, test/sheet/outturn.test.ts).
    expect(summary.outturn!.rows.at(-1)!.outturn.toFixed(2)).toBe("23315.96");
    // Agreed direct-payment plans started by the as-at date, P008's ended the day before it.
    expect(summary.accounts!.accounts.map((account) => [account.personId, account.annual.toNumber()])).toEqual([
      ["P001", 7116.2],
      ["P008", 0],
      ["P009", 2080],
      ["P013", 20332],
    ]);
    expect(summary.accounts!.toRecover).toEqual([]);
    expect(outturnSummary(state, { ...dates, asAt: "2027-04-01" }).problem).toBe(
      "The as-at date (2027-04-01) is after the financial year's last day (2027-03-31): choose a later financial " +
        "year.",
    );
    dispatch({ type: "weeksAllowedChanged", weeksAllowed: "60" });
    expect(outturnSummary(state, dates)).toMatchObject({
      accounts: null,
      weeksProblem: "Weeks allowed: expected a number of weeks from 0 to 52 (the weeks in the year), such as 8",
    });

    // The DPBalances table added from the pane, then a balance typed: P001 reports £3,000 against £7,116.20 a year.
    await outturnController(workbook, dispatch).addBalances();
    expect(state.added?.title).toBe("Added the DPBalances table");
    workbook.setCell("DP balances", 1, 0, "P001");
    workbook.setCell("DP balances", 1, 1, 46_280);
    workbook.setCell("DP balances", 1, 2, 3000);
    await outturnController(workbook, dispatch).read();
    dispatch({ type: "weeksAllowedChanged", weeksAllowed: "8" });
    // 8 weeks of £7,116.20 a year: 1,094.8000 → £3,000 − £1,094.80 = £1,905.20
    const accounts = outturnSummary(state, dates).accounts!;
    expect(accounts.toRecover.map((account) => [account.personId, account.surplus!.toFixed(2)])).toEqual([
      ["P001", "1905.20"],
    ]);
    await outturnController(workbook, dispatch).addBalances();
    expect(state.added?.text).toMatch(/^The workbook already has something called DPBalances; nothing was added/);
  });
});
