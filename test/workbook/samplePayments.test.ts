// Set up's sample payments: monthly direct payments, four-weekly invoices in arrears and one-off items, for the
// Agreed plans a workbook already holds, up to the day given (never a clock's).
import { Decimal, isoFromSerial, ManagedAs, OutturnPlan, serialFromIso } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { samplePayments } from "../../src/workbook/payments/samplePayments";
import { emptyTable } from "../../src/workbook/reports/outturnBook";
import { cellsOf, fieldsOf } from "../../src/workbook/schema/rows";
import { PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";
import { FIXTURE_PLANS, planRow } from "../support/financeWorkbook";

const plan = (
  planId: string,
  status: string,
  start: string,
  end: string | null,
  amounts: Partial<Record<ManagedAs | "One-off", number>>,
): OutturnPlan => ({
  planId,
  personId: `P-${planId}`,
  careGroup: "Older people",
  status,
  start: serialFromIso(start),
  end: end === null ? null : serialFromIso(end),
  managed: {
    "Direct payment": new Decimal(amounts["Direct payment"] ?? 0),
    "Council-managed": new Decimal(amounts["Council-managed"] ?? 0),
    "Individual Service Fund": new Decimal(amounts["Individual Service Fund"] ?? 0),
  },
  oneOff: new Decimal(amounts["One-off"] ?? 0),
});

describe("sample payments", () => {
  it("pays each Agreed plan as a ledger would, this financial year up to today", () => {
    const payments = samplePayments(
      [
        plan("A", "Agreed", "2025-06-01", null, {
          "Direct payment": 7_116.2,
          "Council-managed": 3_705,
          "One-off": 650,
        }),
        plan("B", "Agreed", "2026-05-15", null, { "Individual Service Fund": 1_144, "One-off": 300 }),
        plan("C", "Draft", "2026-04-01", null, { "Direct payment": 5_000 }),
        plan("D", "Agreed", "2026-04-01", "2026-05-31", { "Direct payment": 1_200 }),
      ],
      serialFromIso("2026-07-10"),
    );
    expect(
      payments.map((payment) => [
        isoFromSerial(payment.date),
        payment.planId,
        payment.amount.toFixed(2),
        payment.kind,
        payment.reference,
      ]),
    ).toEqual([
      // A twelfth of £7,116.20 a month, on the 1st: 593.0166… → 593.02; D's £1,200: 100 until it ends in May.
      ["2026-04-01", "A", "593.02", "Direct payment", "DP-A-2026-04"],
      ["2026-04-01", "D", "100.00", "Direct payment", "DP-D-2026-04"],
      // 28 days of £3,705 a year, the day after each 28 days from the year's first day: 284.2191… → 284.22.
      ["2026-04-29", "A", "284.22", "Council-managed invoice", "INV-A-1"],
      ["2026-05-01", "A", "593.02", "Direct payment", "DP-A-2026-05"],
      ["2026-05-01", "D", "100.00", "Direct payment", "DP-D-2026-05"],
      // B starts on 15 May: its one-off item then, its ISF invoiced from there (1,144 × 28 ÷ 365 = 87.7589… → 87.76).
      ["2026-05-15", "B", "300.00", "One-off", "OO-B"],
      ["2026-05-27", "A", "284.22", "Council-managed invoice", "INV-A-2"],
      ["2026-06-01", "A", "593.02", "Direct payment", "DP-A-2026-06"],
      ["2026-06-12", "B", "87.76", "Individual Service Fund", "ISF-B-1"],
      ["2026-06-24", "A", "284.22", "Council-managed invoice", "INV-A-3"],
      ["2026-07-01", "A", "593.02", "Direct payment", "DP-A-2026-07"],
      ["2026-07-10", "B", "87.76", "Individual Service Fund", "ISF-B-2"],
    ]);
  });

  it("are what Set up puts in a new Payments table beside a workbook's Plans, and none without plans", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await workbook.addTables([
      { ...emptyTable(PLANS), rows: FIXTURE_PLANS.map((fixture) => cellsOf(PLANS, planRow(fixture), fieldsOf(PLANS))) },
    ]);
    const report = await setUpWorkbook(workbook, { today: "2026-10-01" });
    expect(report.kept).toEqual(["Plans"]);
    const payments = (await workbook.readTable("Payments"))!;
    expect(payments.headers).toEqual(["Payment date", "Person ID", "Plan ID", "Amount", "Kind", "Reference"]);
    // PLAN-0001's direct payment, April to October: seven of 593.02 (a twelfth of 7,116.20), dated as dates.
    const first = payments.rows.filter((row) => row[5] === "DP-PLAN-0001-2026-04")[0];
    expect(first).toEqual([
      serialFromIso("2026-04-01"),
      "P001",
      "PLAN-0001",
      593.02,
      "Direct payment",
      "DP-PLAN-0001-2026-04",
    ]);
    expect(payments.rows.filter((row) => row[2] === "PLAN-0001" && row[4] === "Direct payment")).toHaveLength(7);
    // Draft and awaiting-review plans are paid nothing.
    expect(payments.rows.filter((row) => row[2] === "PLAN-0005" || row[2] === "PLAN-0006")).toEqual([]);

    const fresh = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(fresh, { today: "2026-10-01" });
    expect((await fresh.readTable("Payments"))!.rows).toEqual([]);
  });
});
