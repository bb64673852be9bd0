// A set-up workbook with saved plans, for the finance tests: the starter tables (People with their live PB
// formulas, the catalogue, sample budgets) and seven plans written into Plans and PlanLines as a save writes
// them, with start and end dates, each plan's way-of-managing columns holding its recurring cost a year and its
// one-off items apart. The figures they give are worked out by hand in the tests.
import {
  Decimal,
  Frequency,
  ManagedAs,
  MANAGED_AS,
  planTotals,
  serialFromIso,
  SupportPlanLine,
  toPence,
} from "../../src/engine";
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { Workbook } from "../../src/workbook/port";
import { fieldsOf, RowOf, tableEdit } from "../../src/workbook/schema/rows";
import { ManagedColumn, PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";

/** The starter workbook's weeks in a year. */
const WEEKS = new Decimal(52);

type Line = [
  service: string,
  unit: string,
  quantity: number,
  unitCost: number,
  frequency: Frequency,
  managed: ManagedAs,
];

export interface FixturePlan {
  readonly planId: string;
  readonly personId: string;
  readonly name: string;
  readonly careGroup: string;
  readonly status: string;
  readonly start: string | null;
  readonly end: string | null;
  /** The person's indicative budget a year, as the starter's People table gives it. */
  readonly indicative: number;
  /** The person's assessed charge a week (26 §5); absent: none. */
  readonly weeklyCharge?: number;
  readonly lines: readonly Line[];
}

/** As at 1 October 2026 in 2026/27: 182 days to 31 March 2027. */
export const AS_AT = "2026-10-01";
export const YEAR_START = "2026-04-01";

/** Annual costs: weekly lines are quantity × unit cost × 52. */
export const FIXTURE_PLANS: readonly FixturePlan[] = [
  {
    planId: "PLAN-0001",
    personId: "P001",
    name: "Margaret Ellis",
    careGroup: "Older people",
    status: "Agreed",
    start: "2025-06-01",
    end: null,
    indicative: 6200,
    lines: [
      ["Personal assistant", "hour", 7, 19.55, "week", "Direct payment"], // 7,116.20
      ["Home care (regulated agency)", "hour", 2.5, 28.5, "week", "Council-managed"], // 3,705.00
      ["Equipment: riser recliner chair", "item", 1, 650, "once", "Direct payment"], // 650 one-off
    ],
  },
  {
    planId: "PLAN-0002",
    personId: "P002",
    name: "Arthur Khan",
    careGroup: "Older people",
    status: "Agreed",
    start: "2026-11-15",
    end: "2027-02-14",
    indicative: 10_640,
    lines: [
      ["Home care (regulated agency)", "hour", 6, 28.5, "week", "Council-managed"], // 8,892.00
      ["Supported community activities", "hour", 1, 22, "week", "Individual Service Fund"], // 1,144.00
    ],
  },
  {
    // Ended the day before the as-at date.
    planId: "PLAN-0003",
    personId: "P008",
    name: "Tom Lewandowski",
    careGroup: "Mental health",
    status: "Agreed",
    start: "2026-04-01",
    end: "2026-09-30",
    indicative: 5840,
    lines: [["Personal assistant", "hour", 5, 19.55, "week", "Direct payment"]], // 5,083.00
  },
  {
    planId: "PLAN-0004",
    personId: "P009",
    name: "Grace Okafor",
    careGroup: "Mental health",
    status: "Agreed",
    start: "2026-07-01",
    end: null,
    indicative: 8760,
    lines: [
      ["Supported community activities", "hour", 3.5, 22, "week", "Individual Service Fund"], // 4,004.00
      ["Transport: taxi", "return journey", 2, 20, "week", "Direct payment"], // 2,080.00
    ],
  },
  {
    planId: "PLAN-0005",
    personId: "P006",
    name: "Daniel Hughes",
    careGroup: "Learning disability",
    status: "Draft",
    start: "2026-10-15",
    end: null,
    indicative: 15_140,
    lines: [["Day centre", "day", 3, 45, "week", "Council-managed"]], // 7,020.00
  },
  {
    planId: "PLAN-0006",
    personId: "P004",
    name: "Samuel Osei",
    careGroup: "Physical disability",
    status: "Needs manager review",
    start: "2026-09-01",
    end: null,
    indicative: 6210,
    lines: [["Personal assistant", "hour", 10, 19.55, "week", "Direct payment"]], // 10,166.00
  },
  {
    planId: "PLAN-0007",
    personId: "P013",
    name: "Liam O'Connor",
    careGroup: "Learning disability",
    status: "Agreed",
    start: "2026-01-01",
    end: null,
    indicative: 22_360,
    lines: [
      ["Personal assistant", "hour", 20, 19.55, "week", "Direct payment"], // 20,332.00
      ["Day centre", "day", 2, 45, "week", "Council-managed"], // 4,680.00
    ],
  },
];

const linesOf = (plan: FixturePlan): SupportPlanLine[] =>
  plan.lines.map(([service, unit, quantity, unitCost, frequency, managedAs]) => ({
    service,
    unit,
    quantity: new Decimal(quantity),
    unitCost: new Decimal(unitCost),
    frequency,
    managedAs,
  }));

/** A plan's row of Plans, as a save writes it: recurring cost by way of managing, one-off items apart. */
export function planRow(plan: FixturePlan): RowOf<typeof PLANS> {
  const totals = planTotals(linesOf(plan), WEEKS);
  const managed = Object.fromEntries(
    MANAGED_AS.map((way) => [`${way} (annual)`, toPence(totals.byManagement[way].recurringAnnual)]),
  ) as Record<ManagedColumn, Decimal>;
  return {
    planId: plan.planId,
    personId: plan.personId,
    name: plan.name,
    careGroup: plan.careGroup,
    status: plan.status,
    startDate: plan.start,
    endDate: plan.end,
    reviewDate: null,
    indicativeAnnual: new Decimal(plan.indicative),
    annual: toPence(totals.annual),
    weekly: toPence(totals.weekly),
    oneOff: toPence(totals.oneOff),
    ...managed,
    weeklyCharge: plan.weeklyCharge === undefined ? null : new Decimal(plan.weeklyCharge),
    light: "Green",
    reason: "",
    signedOffBy: "",
    updatedBy: "Test",
    updatedAt: "2026-10-01T09:00",
  };
}

/** Writes plans (and their lines) into a set-up workbook's Plans and PlanLines tables. */
export async function savePlans(workbook: Workbook, plans: readonly FixturePlan[]): Promise<void> {
  const [plansTable, linesTable] = [await workbook.readTable(PLANS.name), await workbook.readTable(PLAN_LINES.name)];
  const lineRows = plans.flatMap((plan) =>
    linesOf(plan).map((line, at) => ({
      planId: plan.planId,
      line: new Decimal(at + 1),
      ...line,
      annualCost: toPence(planTotals([line], WEEKS).annual),
    })),
  );
  await workbook.editTables([
    tableEdit(PLAN_LINES, linesTable!, fieldsOf(PLAN_LINES), { append: lineRows }),
    tableEdit(PLANS, plansTable!, fieldsOf(PLANS), { append: plans.map(planRow) }),
  ]);
}

/** The starter workbook, calculating with the PB functions, with the fixture's plans saved. */
export async function financeWorkbook(
  functions: FunctionLibrary,
  plans: readonly FixturePlan[] = FIXTURE_PLANS,
): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
  await setUpWorkbook(workbook);
  await savePlans(workbook, plans);
  return workbook;
}

export const serial = serialFromIso;
