// The starter workbook with Agreed plans for the RAS review tests: one plan for each assessed person, a personal
// assistant (£19.55 an hour, £1,016.60 a year for an hour a week) for some hours a week, above or below their
// indicative budget as real plans are; an Agreed plan for P020, whose assessment is unfinished (Not used); and a
// Draft plan, which is no evidence. The figures they give are worked out by hand (a Fraction reference) in the tests.
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { setUpWorkbook } from "../../src/workbook/starter";
import { FixturePlan, savePlans } from "./financeWorkbook";

/** Person, name, care group, their indicative budget a year, hours a week of a personal assistant. */
const AGREED: readonly (readonly [string, string, string, number, number])[] = [
  ["P001", "Margaret Ellis", "Older people", 6200, 7], // 36 points: £7,116.20
  ["P002", "Arthur Khan", "Older people", 10640, 9], // 54: £9,149.40
  ["P003", "Joan Whitfield", "Older people", 1500, 2], // 10: £2,033.20
  ["P004", "Samuel Osei", "Physical disability", 6210, 5], // 34: £5,083.00
  ["P005", "Priya Sharma", "Physical disability", 11420, 12], // 54: £12,199.20
  ["P006", "Daniel Hughes", "Learning disability", 15140, 15], // 63: £15,249.00
  ["P007", "Chloe Brennan", "Learning disability", 4780, 3], // 26: £3,049.80
  ["P008", "Tom Lewandowski", "Mental health", 5840, 6], // 36: £6,099.60
  ["P009", "Grace Okafor", "Mental health", 8760, 7], // 49: £7,116.20
  ["P010", "Harold Jenkins", "Older people", 19560, 21], // 83: £21,348.60
  ["P011", "Ellen Murphy", "Older people", 5000, 5], // 30: £5,083.00
  ["P012", "Aisha Rahman", "Physical disability", 3845, 6], // 23: £6,099.60
  ["P013", "Liam O'Connor", "Learning disability", 22360, 25], // 82: £25,415.00
  ["P014", "Ruth Abbott", "Older people", 5400, 4], // 32: £4,066.40
  ["P015", "Kwame Mensah", "Mental health", 4700, 5.5], // 30: £5,591.30
  ["P016", "Sophie Turner", "Learning disability", 9800, 10], // 46: £10,166.00
  ["P017", "George Patel", "Physical disability", 11140, 10], // 53: £10,166.00
  ["P018", "Mary Donnelly", "Older people", 9860, 12], // 51: £12,199.20
  ["P019", "Nathan Price", "Mental health", 8280, 9], // 47: £9,149.40
  ["P020", "Irene Walsh", "Older people", 0, 3], // no points yet: Not used
];

const plan = (
  [personId, name, careGroup, indicative, hours]: (typeof AGREED)[number],
  at: number,
  status = "Agreed",
): FixturePlan => ({
  planId: `PLAN-${String(at + 1).padStart(4, "0")}`,
  personId,
  name,
  careGroup,
  status,
  start: "2026-04-01",
  end: null,
  indicative,
  lines: [["Personal assistant", "hour", hours, 19.55, "week", "Direct payment"]],
});

export const REVIEW_PLANS: readonly FixturePlan[] = [
  ...AGREED.map((row, at) => plan(row, at)),
  // A second plan for Aisha Rahman, not yet agreed: not evidence.
  plan(["P012", "Aisha Rahman", "Physical disability", 3845, 8], AGREED.length, "Draft"),
];

/** The starter workbook, calculating with the PB functions, with the review's plans saved. */
export async function reviewWorkbook(functions: FunctionLibrary): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
  await setUpWorkbook(workbook);
  await savePlans(workbook, REVIEW_PLANS);
  return workbook;
}
