// The Finance sheet of the finance fixture (financeWorkbook.ts) as at 1 October 2026, every figure worked out by
// hand here, not by the engine: what HyperFormula, the preview's calculation and the pane must each show. The
// plans' costs a year are those listed in FIXTURE_PLANS; the budgets are the starter's (Older people 65,000,
// Physical disability 35,000, Learning disability 50,000, Mental health 30,000: 180,000).
import { a1, CellAddress } from "../../src/workbook/port";
import { Block, FinanceLayout, PLAN_COLUMNS } from "../../src/workbook/reports/finance";
import { ExpectedCell, Kind } from "./financeCells";

/** A block's figures, a row per care group (then Other care groups, then All care groups), columns from B. */
export type Rows = readonly (readonly (string | number | null)[])[];

/**
 * A row of the per-plan block, from column A: plan ID, person ID, care group, status; left out, in the commitment,
 * Agreed and starting later, in the pipeline (1 or 0); then, unless left out, its in-year amounts by part (direct
 * payment, council-managed, ISF, one-off items) and in all. An undefined cell is not compared.
 */
export type PlanRow = readonly (string | number | null | undefined)[];

export interface FinanceByHand {
  /** People with an amount managed each way: direct payment, council-managed, ISF, one-off items, all people. */
  readonly people: Rows;
  /** The four parts, full-year commitment, budget, variance, % committed ("" without a budget). */
  readonly fullYear: Rows;
  /** The four parts and the in-year commitment; null where the sheet shows an error. */
  readonly inYear: Rows;
  /** Plans, full-year cost, commitment and pipeline, % of budget if all agreed. */
  readonly pipeline: Rows;
  /** Agreed plans starting after the year: people, full-year cost. */
  readonly startingLater: Rows;
  /**
   * Full-year commitment, what people contribute, net commitment. Absent: no plan has a charge, so each row is its
   * full-year commitment, £0 and the same again.
   */
  readonly contributions?: Rows;
  /** Ranked services: name, annual commitment, share, direct payment, council-managed, ISF; then Other services. */
  readonly services: Rows;
  readonly servicesTotal: string;
  /** People, not yet priced, indicative budgets, with Agreed plans, their indicative budgets, their cost, against. */
  readonly indicative: Rows;
  /** This year's recurring commitment, years 1–3, budget. */
  readonly forecast: Rows;
  /** Each plan, a row per row of Plans. */
  readonly plans: readonly PlanRow[];
}

const CARE_GROUP_ROWS = [
  "Older people",
  "Physical disability",
  "Learning disability",
  "Mental health",
  "Other care groups",
  "All care groups",
];

// Column kinds of each block from column B.
const COUNTS: Kind[] = ["count", "count", "count", "count", "count"];
const MONEY = (columns: number): Kind[] => Array.from({ length: columns }, () => "money");
const KINDS: Record<Exclude<keyof FinanceByHand, "services" | "servicesTotal" | "plans">, Kind[]> = {
  people: COUNTS,
  fullYear: [...MONEY(7), "ratio"],
  inYear: MONEY(5),
  pipeline: ["count", "money", "money", "ratio"],
  startingLater: ["count", "money"],
  contributions: MONEY(3),
  indicative: ["count", "count", "money", "count", "money", "money", "ratio"],
  forecast: MONEY(5),
};

/** The per-plan block's columns in a PlanRow's order, and how each is compared. */
const PLAN_CELLS: readonly [number, Kind][] = [
  ...[PLAN_COLUMNS.planId, PLAN_COLUMNS.personId, PLAN_COLUMNS.careGroup, PLAN_COLUMNS.status].map(
    (column): [number, Kind] => [column, "text"],
  ),
  ...[PLAN_COLUMNS.leftOut, PLAN_COLUMNS.committed, PLAN_COLUMNS.startingLater, PLAN_COLUMNS.pipeline].map(
    (column): [number, Kind] => [column, "count"],
  ),
  ...[0, 1, 2, 3].map((part): [number, Kind] => [PLAN_COLUMNS.inYear + part, "money"]),
  [PLAN_COLUMNS.inYearTotal, "money"],
];

/** The sheet's cells with these figures, in the order and at the addresses financeCells.expectedCells gives. */
export function handCells(layout: FinanceLayout, sheet: FinanceByHand, careGroups = CARE_GROUP_ROWS): ExpectedCell[] {
  const cells: ExpectedCell[] = [];
  const put = (at: CellAddress, kind: Kind, value: string | number | null) =>
    cells.push({ address: a1(at), kind, value });
  const block = (name: keyof typeof KINDS, where: Block, withNames = false, rows: Rows = sheet[name]!) =>
    rows.forEach((row, index) => {
      if (withNames) put({ row: where.first + index, column: 0 }, "text", careGroups[index]);
      row.forEach((value, column) => put({ row: where.first + index, column: column + 1 }, KINDS[name][column], value));
    });
  block("people", layout.people, true);
  block("fullYear", layout.fullYear);
  const contributions = sheet.contributions ?? sheet.fullYear.map((row) => [row[4], "0.00", row[4]]);
  block("contributions", layout.contributions, false, contributions);
  block("inYear", layout.inYear);
  block("pipeline", layout.pipeline);
  block("startingLater", layout.startingLater);
  const serviceKinds: Kind[] = ["text", "money", "ratio", "money", "money", "money"];
  sheet.services.forEach((row, index) =>
    row.forEach((value, column) => put({ row: layout.services.first + index, column }, serviceKinds[column], value)),
  );
  put({ row: layout.services.last, column: 1 }, "money", sheet.servicesTotal);
  block("indicative", layout.indicative);
  block("forecast", layout.forecast);
  sheet.plans.forEach((row, index) =>
    row.forEach((value, at) => {
      // A plan that is counted (its in-year amounts given) contributes £0: no plan in these fixtures has a charge.
      if (at === 8 && value !== undefined) {
        put({ row: layout.plans.first + index, column: PLAN_COLUMNS.contribution }, "money", "0.00");
      }
      if (value !== undefined)
        put({ row: layout.plans.first + index, column: PLAN_CELLS[at][0] }, PLAN_CELLS[at][1], value);
    }),
  );
  return cells;
}

/** The per-plan block's one row while Plans is empty: a blank plan that counts nowhere. */
export const NO_PLAN: PlanRow = ["", undefined, undefined, undefined, 0, 0, 0, 0];

/** The same figures with some rows of some blocks replaced, by row index (0: Older people … 5: All care groups). */
export function withRows(
  sheet: FinanceByHand,
  changes: Partial<Record<keyof FinanceByHand, Record<number, PlanRow>>>,
): FinanceByHand {
  const changed = { ...sheet } as Record<keyof FinanceByHand, unknown>;
  for (const [name, rows] of Object.entries(changes) as [keyof FinanceByHand, Record<number, PlanRow>][]) {
    changed[name] = (sheet[name] as readonly PlanRow[]).map((row, index) => rows[index] ?? row);
  }
  return changed as unknown as FinanceByHand;
}

/** The starter catalogue's services, in its order. */
const CATALOGUE = [
  "Home care (regulated agency)",
  "Home care (in-house)",
  "Personal assistant",
  "Personal assistant sleep-in",
  "Live-in care",
  "Day centre",
  "Transport: council contract bus",
  "Transport: taxi",
  "Transport: shared taxi",
  "Respite in a care home",
  "Meals",
  "Supported community activities",
  "Telecare and community alarm",
  "Carer's break",
  "Equipment: riser recliner chair",
];

/** The services other than these, nothing committed to them, in the catalogue's order (`share` of nothing). */
export const servicesUnused = (ranked: Rows, share: string) =>
  CATALOGUE.filter((service) => !ranked.some(([name]) => name === service)).map((service) => [
    service,
    "0.00",
    share,
    "0.00",
    "0.00",
    "0.00",
  ]);

// Of 52,603.20: personal assistants 7,116.20 + 20,332 = 27,448.20 (0.521797); home care 12,597 (0.239472);
// activities 1,144 + 4,004 = 5,148 (0.097865); day centre 4,680 (0.088968); taxis 2,080 (0.039541); the chair 650
// (0.012357); then the rest of the catalogue at 0, in its order.
const RANKED: Rows = [
  ["Personal assistant", "27448.20", "0.521797", "27448.20", "0.00", "0.00"],
  ["Home care (regulated agency)", "12597.00", "0.239472", "0.00", "12597.00", "0.00"],
  ["Supported community activities", "5148.00", "0.097865", "0.00", "0.00", "5148.00"],
  ["Day centre", "4680.00", "0.088968", "0.00", "4680.00", "0.00"],
  ["Transport: taxi", "2080.00", "0.039541", "2080.00", "0.00", "0.00"],
  ["Equipment: riser recliner chair", "650.00", "0.012357", "650.00", "0.00", "0.00"],
];

/**
 * The fixture's sheet. Agreed plans in force on 1 October 2026: PLAN-0001 and PLAN-0002 (Older people), PLAN-0004
 * (Mental health), PLAN-0007 (Learning disability); PLAN-0003 ended on 30 September; PLAN-0005 (Draft) and
 * PLAN-0006 (Needs manager review) are the pipeline.
 */
export const FIXTURE_BY_HAND: FinanceByHand = {
  // Older people: a direct payment in PLAN-0001; council-managed home care in both; an ISF in PLAN-0002; the chair
  // in PLAN-0001. Learning disability: PLAN-0007's direct payment and day centre. Mental health: PLAN-0004's taxi
  // (direct payment) and activities (ISF).
  people: [
    [1, 2, 1, 1, 2],
    [0, 0, 0, 0, 0],
    [1, 1, 0, 0, 1],
    [1, 0, 1, 0, 1],
    [0, 0, 0, 0, 0],
    [3, 3, 2, 1, 4],
  ],
  // Older people: 7,116.20; 3,705 + 8,892 = 12,597; 1,144; 650: 21,507.20 of 65,000, 43,492.80 left, 0.330880.
  // Learning disability: 20,332 + 4,680 = 25,012 of 50,000: 24,988, 0.500240. Mental health: 2,080 + 4,004 = 6,084
  // of 30,000: 23,916, 0.202800. All: 7,116.20 + 20,332 + 2,080 = 29,528.20; 12,597 + 4,680 = 17,277;
  // 1,144 + 4,004 = 5,148; 650: 52,603.20 of 180,000, 127,396.80, 0.292240.
  fullYear: [
    ["7116.20", "12597.00", "1144.00", "650.00", "21507.20", "65000.00", "43492.80", "0.330880"],
    ["0.00", "0.00", "0.00", "0.00", "0.00", "35000.00", "35000.00", "0.000000"],
    ["20332.00", "4680.00", "0.00", "0.00", "25012.00", "50000.00", "24988.00", "0.500240"],
    ["2080.00", "0.00", "4004.00", "0.00", "6084.00", "30000.00", "23916.00", "0.202800"],
    ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", ""],
    ["29528.20", "17277.00", "5148.00", "650.00", "52603.20", "180000.00", "127396.80", "0.292240"],
  ],
  // 1 October to 31 March is 182 days; PLAN-0002 runs 15 November to 14 February, 92 days; each plan's part to the
  // penny. Older people: 7,116.20 × 182 ÷ 365 = 3,548.3518… → 3,548.35; 3,705 × 182 ÷ 365 = 1,847.4246… → 1,847.42
  // and 8,892 × 92 ÷ 365 = 2,241.2712… → 2,241.27: 4,088.69; 1,144 × 92 ÷ 365 = 288.3506… → 288.35; the chair was
  // bought in 2025. Learning disability: 20,332 × 182 ÷ 365 = 10,138.1479… → 10,138.15; 4,680 × 182 ÷ 365 =
  // 2,333.5890… → 2,333.59. Mental health: 2,080 × 182 ÷ 365 = 1,037.1507… → 1,037.15; 4,004 × 182 ÷ 365 =
  // 1,996.5150… → 1,996.52.
  inYear: [
    ["3548.35", "4088.69", "288.35", "0.00", "7925.39"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["10138.15", "2333.59", "0.00", "0.00", "12471.74"],
    ["1037.15", "0.00", "1996.52", "0.00", "3033.67"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["14723.65", "6422.28", "2284.87", "0.00", "23430.80"],
  ],
  // PLAN-0006 (Physical disability) 10,166 of 35,000: 0.290457; PLAN-0005 (Learning disability) 7,020: 25,012 +
  // 7,020 = 32,032 of 50,000, 0.640640. All: 17,186; 52,603.20 + 17,186 = 69,789.20 of 180,000: 0.387718.
  pipeline: [
    [0, "0.00", "21507.20", "0.330880"],
    [1, "10166.00", "10166.00", "0.290457"],
    [1, "7020.00", "32032.00", "0.640640"],
    [0, "0.00", "6084.00", "0.202800"],
    [0, "0.00", "0.00", ""],
    [2, "17186.00", "69789.20", "0.387718"],
  ],
  // No Agreed plan starts after 31 March 2027.
  startingLater: CARE_GROUP_ROWS.map(() => [0, "0.00"]),
  services: [
    ...RANKED,
    ...servicesUnused(RANKED, "0.000000"),
    ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
  ],
  servicesTotal: "52603.20",
  // The starter's People: Older people 8 (P020 still being assessed), 58,160; the other groups 4 each, 32,615,
  // 52,080 and 27,580 (each person's budget is checked in test/sheet/starter.test.ts): 170,435 for 20. Agreed plans'
  // own indicative budgets: 6,200 + 10,640 = 16,840 against 21,507.20, 21,507.20 ÷ 16,840 − 1 = 0.277150; 22,360
  // against 25,012, 0.118605; 8,760 against 6,084, −0.305479; all 47,960 against 52,603.20, 0.096814.
  indicative: [
    [8, 1, "58160.00", 2, "16840.00", "21507.20", "0.277150"],
    [4, 0, "32615.00", 0, "0.00", "0.00", ""],
    [4, 0, "52080.00", 1, "22360.00", "25012.00", "0.118605"],
    [4, 0, "27580.00", 1, "8760.00", "6084.00", "-0.305479"],
    [0, 0, "0.00", 0, "0.00", "0.00", ""],
    [20, 1, "170435.00", 4, "47960.00", "52603.20", "0.096814"],
  ],
  // The recurring commitment (one-off items left out) × 1.02 × 1.04 = × 1.0608 a year, to the penny each year:
  // Older people 20,857.20 → 22,125.3177… → 22,125.32; × 1.12529664 = 23,470.5370… → 23,470.54; × 1.193714675712
  // = 24,897.5457… → 24,897.55. Learning disability 25,012 → 26,532.7296 → 26,532.73; 28,145.9215… → 28,145.92;
  // 29,857.1914… → 29,857.19. Mental health 6,084 → 6,453.9072 → 6,453.91; 6,846.3047… → 6,846.30; 7,262.5601… →
  // 7,262.56. All adds the groups' years: 55,111.96, 58,462.76, 62,017.30; this year 51,953.20.
  forecast: [
    ["20857.20", "22125.32", "23470.54", "24897.55", "65000.00"],
    ["0.00", "0.00", "0.00", "0.00", "35000.00"],
    ["25012.00", "26532.73", "28145.92", "29857.19", "50000.00"],
    ["6084.00", "6453.91", "6846.30", "7262.56", "30000.00"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["51953.20", "55111.96", "58462.76", "62017.30", "180000.00"],
  ],
  // Each plan's in-year amounts as above, to the penny, also for the plans outside the commitment: PLAN-0003 ended
  // on 30 September (nothing from 1 October); PLAN-0005 starts on 15 October, 168 days to 31 March, 7,020 × 168 ÷
  // 365 = 3,231.1232… → 3,231.12; PLAN-0006 started on 1 September, 10,166 × 182 ÷ 365 = 5,069.0739… → 5,069.07.
  plans: [
    ["PLAN-0001", "P001", "Older people", "Agreed", 0, 1, 0, 0, "3548.35", "1847.42", "0.00", "0.00", "5395.77"],
    ["PLAN-0002", "P002", "Older people", "Agreed", 0, 1, 0, 0, "0.00", "2241.27", "288.35", "0.00", "2529.62"],
    ["PLAN-0003", "P008", "Mental health", "Agreed", 0, 0, 0, 0, "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["PLAN-0004", "P009", "Mental health", "Agreed", 0, 1, 0, 0, "1037.15", "0.00", "1996.52", "0.00", "3033.67"],
    ["PLAN-0005", "P006", "Learning disability", "Draft", 0, 0, 0, 1, "0.00", "3231.12", "0.00", "0.00", "3231.12"],
    [
      "PLAN-0006",
      "P004",
      "Physical disability",
      "Needs manager review",
      0,
      0,
      0,
      1,
      "5069.07",
      "0.00",
      "0.00",
      "0.00",
      "5069.07",
    ],
    [
      "PLAN-0007",
      "P013",
      "Learning disability",
      "Agreed",
      0,
      1,
      0,
      0,
      "10138.15",
      "2333.59",
      "0.00",
      "0.00",
      "12471.74",
    ],
  ],
};

// 2027/28's ranked services, of 42,567.20: the same plans' lines, PLAN-0002's home care and activities gone.
const RANKED_NEXT_YEAR: Rows = [
  ["Personal assistant", "27448.20", "0.644820", "27448.20", "0.00", "0.00"],
  ["Day centre", "4680.00", "0.109944", "0.00", "4680.00", "0.00"],
  ["Supported community activities", "4004.00", "0.094063", "0.00", "0.00", "4004.00"],
  ["Home care (regulated agency)", "3705.00", "0.087039", "0.00", "3705.00", "0.00"],
  ["Transport: taxi", "2080.00", "0.048864", "2080.00", "0.00", "0.00"],
  ["Equipment: riser recliner chair", "650.00", "0.015270", "650.00", "0.00", "0.00"],
];

/**
 * The fixture's sheet as at 1 October 2027, in 2027/28, with Budgets by year: Older people 70,000 for 2027/28,
 * Mental health 1,000 for every year, the other rows 2026/27's (so 0). PLAN-0002 ended on 14 February 2027 and
 * PLAN-0003 in 2026: PLAN-0001, PLAN-0004 and PLAN-0007 are the commitment; PLAN-0005 and PLAN-0006 still the
 * pipeline. 1 October 2027 to 31 March 2028 is 183 days (29 February 2028 among them), each ÷ 365.
 */
export const NEXT_YEAR_BY_HAND: FinanceByHand = {
  people: [
    [1, 1, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [1, 1, 0, 0, 1],
    [1, 0, 1, 0, 1],
    [0, 0, 0, 0, 0],
    [3, 2, 1, 1, 3],
  ],
  // Older people: 7,116.20 + 3,705 + the chair's 650 = 11,471.20 of 70,000 (58,528.80 left, 0.163874). Learning
  // disability 25,012 with no budget this year; Mental health 6,084 of 1,000 (−5,084, 6.084). All: 29,528.20,
  // 3,705 + 4,680 = 8,385, 4,004, 650: 42,567.20 of 71,000 (28,432.80, 0.599538).
  fullYear: [
    ["7116.20", "3705.00", "0.00", "650.00", "11471.20", "70000.00", "58528.80", "0.163874"],
    ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", ""],
    ["20332.00", "4680.00", "0.00", "0.00", "25012.00", "0.00", "-25012.00", ""],
    ["2080.00", "0.00", "4004.00", "0.00", "6084.00", "1000.00", "-5084.00", "6.084000"],
    ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", ""],
    ["29528.20", "8385.00", "4004.00", "650.00", "42567.20", "71000.00", "28432.80", "0.599538"],
  ],
  // 7,116.20 × 183 ÷ 365 = 3,567.8482… → 3,567.85; 3,705 → 1,857.5753… → 1,857.58; 20,332 → 10,193.8520… →
  // 10,193.85; 4,680 → 2,346.4109… → 2,346.41; 2,080 → 1,042.8493… → 1,042.85; 4,004 → 2,007.4849… → 2,007.48.
  inYear: [
    ["3567.85", "1857.58", "0.00", "0.00", "5425.43"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["10193.85", "2346.41", "0.00", "0.00", "12540.26"],
    ["1042.85", "0.00", "2007.48", "0.00", "3050.33"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["14804.55", "4203.99", "2007.48", "0.00", "21016.02"],
  ],
  // All: 42,567.20 + 17,186 = 59,753.20 of 71,000, 0.841594; no budget, no share.
  pipeline: [
    [0, "0.00", "11471.20", "0.163874"],
    [1, "10166.00", "10166.00", ""],
    [1, "7020.00", "32032.00", ""],
    [0, "0.00", "6084.00", "6.084000"],
    [0, "0.00", "0.00", ""],
    [2, "17186.00", "59753.20", "0.841594"],
  ],
  startingLater: CARE_GROUP_ROWS.map(() => [0, "0.00"]),
  services: [
    ...RANKED_NEXT_YEAR,
    ...servicesUnused(RANKED_NEXT_YEAR, "0.000000"),
    ["Other services", "0.00", "0.000000", "0.00", "0.00", "0.00"],
  ],
  servicesTotal: "42567.20",
  // Agreed plans' own indicative budgets: Older people 6,200 against 11,471.20, 0.850194; all 6,200 + 22,360 + 8,760
  // = 37,320 against 42,567.20, 0.140600.
  indicative: [
    [8, 1, "58160.00", 1, "6200.00", "11471.20", "0.850194"],
    [4, 0, "32615.00", 0, "0.00", "0.00", ""],
    [4, 0, "52080.00", 1, "22360.00", "25012.00", "0.118605"],
    [4, 0, "27580.00", 1, "8760.00", "6084.00", "-0.305479"],
    [0, 0, "0.00", 0, "0.00", "0.00", ""],
    [20, 1, "170435.00", 3, "37320.00", "42567.20", "0.140600"],
  ],
  // Older people's recurring 10,821.20 × 1.0608 = 11,479.1289… → 11,479.13, × 1.12529664 = 12,177.0600… →
  // 12,177.06, × 1.193714675712 = 12,917.4252… → 12,917.43; the others as in 2026/27. All: 41,917.20, 44,465.77,
  // 47,169.28, 50,037.18.
  forecast: [
    ["10821.20", "11479.13", "12177.06", "12917.43", "70000.00"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["25012.00", "26532.73", "28145.92", "29857.19", "0.00"],
    ["6084.00", "6453.91", "6846.30", "7262.56", "1000.00"],
    ["0.00", "0.00", "0.00", "0.00", "0.00"],
    ["41917.20", "44465.77", "47169.28", "50037.18", "71000.00"],
  ],
  // PLAN-0005: 7,020 × 183 ÷ 365 = 3,519.6164… → 3,519.62; PLAN-0006: 10,166 → 5,096.9260… → 5,096.93.
  plans: [
    ["PLAN-0001", "P001", "Older people", "Agreed", 0, 1, 0, 0, "3567.85", "1857.58", "0.00", "0.00", "5425.43"],
    ["PLAN-0002", "P002", "Older people", "Agreed", 0, 0, 0, 0, "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["PLAN-0003", "P008", "Mental health", "Agreed", 0, 0, 0, 0, "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["PLAN-0004", "P009", "Mental health", "Agreed", 0, 1, 0, 0, "1042.85", "0.00", "2007.48", "0.00", "3050.33"],
    ["PLAN-0005", "P006", "Learning disability", "Draft", 0, 0, 0, 1, "0.00", "3519.62", "0.00", "0.00", "3519.62"],
    [
      "PLAN-0006",
      "P004",
      "Physical disability",
      "Needs manager review",
      0,
      0,
      0,
      1,
      "5096.93",
      "0.00",
      "0.00",
      "0.00",
      "5096.93",
    ],
    [
      "PLAN-0007",
      "P013",
      "Learning disability",
      "Agreed",
      0,
      1,
      0,
      0,
      "10193.85",
      "2346.41",
      "0.00",
      "0.00",
      "12540.26",
    ],
  ],
};
