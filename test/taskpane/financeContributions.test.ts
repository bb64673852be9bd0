// The Finance view's contributions (issue 26 §5) without a browser: what people pay towards the committed plans by
// care group, gross and net, over the workbook's weeks in a year; none, with the reason among the notes, while the
// weeks cannot be used. The sheet's same figures are checked cell by cell in test/sheet/finance.test.ts.
import { readFinanceBook } from "../../src/workbook/reports/financeBook";
import { saveWeeksInYear } from "../../src/workbook/planBook";
import { Decimal } from "../../src/engine";
import { financeReducer, financeSummary, initialFinanceState } from "../../src/taskpane/state/finance";
import { financeWorkbook, FIXTURE_PLANS } from "../support/financeWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";

// Margaret Ellis (PLAN-0001, Older people, £11,471.20 a year) pays £56.20 a week; Grace Okafor (PLAN-0004, Mental
// health, £6,084 a year) £150 a week, more than her plan costs.
const charged = FIXTURE_PLANS.map((plan) =>
  plan.planId === "PLAN-0001"
    ? { ...plan, weeklyCharge: 56.2 }
    : plan.planId === "PLAN-0004"
      ? { ...plan, weeklyCharge: 150 }
      : plan,
);

async function summary(weeks?: number) {
  const workbook = await financeWorkbook(await pbFunctionLibrary(), charged);
  if (weeks !== undefined) {
    await saveWeeksInYear(workbook, new Decimal(weeks), { changedBy: "Pat Lee", reason: "Policy" }, "2026-09-01T09:00");
  }
  const book = await readFinanceBook(workbook);
  const state = [{ type: "readStarted" } as const, { type: "read", book } as const].reduce(
    financeReducer,
    initialFinanceState("2026-10-01"),
  );
  return financeSummary(state).figures!;
}

const shown = (rows: readonly { careGroup: string; gross: Decimal; contributions: Decimal; net: Decimal }[]) =>
  rows.map((row) => [row.careGroup, row.gross.toFixed(2), row.contributions.toFixed(2), row.net.toFixed(2)]);

describe("what people contribute, in the Finance view (26 §5)", () => {
  it("by care group at 52 weeks: £2,922.40 from Margaret, all £6,084 of Grace's plan; the net the rest", async () => {
    const figures = await summary();
    expect(shown(figures.contributions!)).toEqual([
      ["Older people", "21507.20", "2922.40", "18584.80"],
      ["Physical disability", "0.00", "0.00", "0.00"],
      ["Learning disability", "25012.00", "0.00", "25012.00"],
      ["Mental health", "6084.00", "6084.00", "0.00"],
      ["Other care groups", "0.00", "0.00", "0.00"],
      ["All care groups", "52603.20", "9006.40", "43596.80"],
    ]);
  });

  it("at the workbook's 50 weeks a year, £56.20 a week is £2,810", async () => {
    const figures = await summary(50);
    expect(shown(figures.contributions!).at(0)).toEqual(["Older people", "21507.20", "2810.00", "18697.20"]);
    expect(figures.contributions!.at(-1)!.contributions.toFixed(2)).toBe("8894.00");
  });
});
