import { Decimal, DEFAULT_WEEKS_IN_YEAR, Frequency, ManagedAs, readDate } from "../engine";
import { ColumnWrite, freeSheetName, nameTaken, NewTable, sameName, TEXT_FORMAT, Workbook } from "./port";
import { MONEY_FORMAT } from "./schema/columns";
import { readOutturnPlans } from "./payments/ledger";
import { paymentRow, samplePayments } from "./payments/samplePayments";
import { cellsOf, columnWrites, fieldsOf, WorkbookProblem } from "./schema/rows";
import {
  BUDGETS,
  PAYMENTS,
  PEOPLE,
  peopleColumns,
  PLAN_LINES,
  PLAN_SETTINGS,
  PLANS,
  PRICE_POINTS,
  SCORING,
  SERVICES,
  SETTING,
} from "./schema/tables";

// A starter workbook with realistic sample data: a 12-question self-assessment in the usual domains,
// marginal price points for four care groups, 20 people and a catalogue of 15 services priced at
// public 2023–25 English figures (see the README's sources).

const QUESTIONS: readonly (readonly [id: string, points: readonly number[]])[] = [
  ["Personal care", [0, 3, 7, 12]],
  ["Eating and drinking", [0, 2, 5, 8]],
  ["Getting about", [0, 2, 5, 8]],
  ["Home and living", [0, 2, 5, 8]],
  ["Medication and health", [0, 2, 5, 8]],
  ["Staying safe", [0, 3, 7, 12]],
  ["Making decisions", [0, 2, 5, 8]],
  ["Communication", [0, 2, 5, 8]],
  ["Relationships and community", [0, 2, 5, 8]],
  ["Work, learning and volunteering", [0, 2, 5, 8]],
  ["Night-time support", [0, 3, 6, 10]],
  // Informal care within the assessment: support from family and friends takes points away.
  ["Support from family and friends", [0, -2, -4, -6]],
];
const ANSWER_CODES = ["A", "B", "C", "D"];

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
/** £ a year per point within each band (marginal), so the budget curves upward as needs get complex. */
const PRICE_POINTS_ROWS: readonly (readonly number[])[] = [
  [0, 150, 160, 170, 140],
  [20, 200, 215, 230, 190],
  [40, 260, 280, 300, 240],
  [60, 320, 350, 380, 300],
];

/** Id, name, care group, answers A–D to the 12 questions in order ("-" = not yet answered). */
const PEOPLE_ROWS: readonly (readonly [string, string, string, string])[] = [
  ["P001", "Margaret Ellis", "Older people", "CBCCBCBABACB"],
  ["P002", "Arthur Khan", "Older people", "DCCDCCBBBADC"],
  ["P003", "Joan Whitfield", "Older people", "BABBBBAAAAAB"],
  ["P004", "Samuel Osei", "Physical disability", "CBDCBBAABBBA"],
  ["P005", "Priya Sharma", "Physical disability", "DCDDCBAACBCA"],
  ["P006", "Daniel Hughes", "Learning disability", "CCBCCDDCCCCB"],
  ["P007", "Chloe Brennan", "Learning disability", "BBABBCCCBBAC"],
  ["P008", "Tom Lewandowski", "Mental health", "ABACCCCBCCAA"],
  ["P009", "Grace Okafor", "Mental health", "BACBDCDBCDBB"],
  ["P010", "Harold Jenkins", "Older people", "DDDDDDCCCBDA"],
  ["P011", "Ellen Murphy", "Older people", "CBCBCBBBBACD"],
  ["P012", "Aisha Rahman", "Physical disability", "CABCBAABBBBB"],
  ["P013", "Liam O'Connor", "Learning disability", "DCCDDDDDCCDC"],
  ["P014", "Ruth Abbott", "Older people", "BBCBCCBABACB"],
  ["P015", "Kwame Mensah", "Mental health", "AAABCBCBDCAA"],
  ["P016", "Sophie Turner", "Learning disability", "CBBCCCCCBCBB"],
  ["P017", "George Patel", "Physical disability", "DCDCCBABBCCA"],
  ["P018", "Mary Donnelly", "Older people", "CCCDCCBBBADB"],
  ["P019", "Nathan Price", "Mental health", "BABCCDCBCCBA"],
  // An assessment still in progress: the pane says which question is unanswered.
  ["P020", "Irene Walsh", "Older people", "CBC-BC------"],
];

const SERVICE_ROWS: readonly (readonly [string, string, number, Frequency, ManagedAs])[] = [
  ["Home care (regulated agency)", "hour", 28.5, "week", "Council-managed"],
  ["Home care (in-house)", "hour", 24, "week", "Council-managed"],
  ["Personal assistant", "hour", 19.55, "week", "Direct payment"],
  ["Personal assistant sleep-in", "night", 15.4, "week", "Direct payment"],
  ["Live-in care", "week", 1370, "week", "Direct payment"],
  ["Day centre", "day", 45, "week", "Council-managed"],
  ["Transport: council contract bus", "return journey", 75, "week", "Council-managed"],
  ["Transport: taxi", "return journey", 20, "week", "Direct payment"],
  ["Transport: shared taxi", "return journey", 10, "week", "Direct payment"],
  ["Respite in a care home", "week", 550, "year", "Council-managed"],
  ["Meals", "meal", 4.6, "week", "Direct payment"],
  ["Supported community activities", "hour", 22, "week", "Individual Service Fund"],
  ["Telecare and community alarm", "week", 5.5, "week", "Council-managed"],
  ["Carer's break", "break", 300, "year", "Direct payment"],
  ["Equipment: riser recliner chair", "item", 650, "once", "Direct payment"],
];

/**
 * Sample annual budgets, set against the starter cohort's indicative budgets (Older people £58,160 for the seven
 * assessed, Physical disability £32,615, Learning disability £52,080, Mental health £27,580): headroom for the
 * assessment still in progress, and a Learning disability budget the RAS would over-commit.
 */
const SAMPLE_BUDGETS: readonly (readonly [careGroup: string, annualBudget: number])[] = [
  ["Older people", 65_000],
  ["Physical disability", 35_000],
  ["Learning disability", 50_000],
  ["Mental health", 30_000],
];

/** A Budgets table with these rows: a care group and its annual budget (null: blank, for the council to fill in). */
export function budgetsTable(rows: readonly (readonly [string, number | null])[]): NewTable {
  return { ...tableOf(BUDGETS), rows: rows.map(([careGroup, annualBudget]) => [careGroup, annualBudget]) };
}

/** The starter tables, each from its declaration in schema/tables.ts. */
function starterTables(): NewTable[] {
  const questionIds = QUESTIONS.map(([id]) => id);
  const services = SERVICE_ROWS.map(([service, unit, unitCost, frequency, managedAs]) => ({
    service,
    unit,
    unitCost: new Decimal(unitCost),
    frequency,
    managedAs,
  }));
  return [
    {
      ...SCORING,
      columns: [{ header: "Question", numberFormat: TEXT_FORMAT }, ...ANSWER_CODES.map(pointsColumn)],
      rows: QUESTIONS.map(([id, points]) => [id, ...points]),
    },
    {
      ...PRICE_POINTS,
      columns: [pointsColumn("Points from"), ...CARE_GROUPS.map((header) => ({ header, numberFormat: MONEY_FORMAT }))],
      rows: PRICE_POINTS_ROWS.map((row) => [...row]),
    },
    {
      ...tableOf(PEOPLE),
      columns: peopleColumns(questionIds),
      rows: PEOPLE_ROWS.map(([id, name, careGroup, codes]) => [
        id,
        name,
        careGroup,
        ...[...codes].map((code) => (code === "-" ? null : code)),
        null,
        null,
      ]),
    },
    { ...tableOf(SERVICES), rows: services.map((service) => cellsOf(SERVICES, service, fieldsOf(SERVICES))) },
    tableOf(PLANS),
    tableOf(PLAN_LINES),
    {
      ...tableOf(PLAN_SETTINGS),
      // Weeks in a year in the first row: 52, as the product has always counted them (26 §4).
      rows: [
        [SETTING.green, 0.1, DEFAULT_WEEKS_IN_YEAR],
        [SETTING.amber, 0.5, null],
      ],
    },
    budgetsTable(SAMPLE_BUDGETS),
    tableOf(PAYMENTS),
  ];
}

/** The tables "Set up workbook" adds when missing, in the order it adds them. */
export const starterTableNames = (): string[] => starterTables().map((table) => table.name);

const pointsColumn = (header: string): ColumnWrite => ({ header, numberFormat: "General" });

/** An empty table with a declaration's columns. */
function tableOf(spec: { name: string; sheet: string; columns: object }): NewTable {
  return { name: spec.name, sheet: spec.sheet, columns: columnWrites(spec as never), rows: [] };
}

/** What setting up did: the tables it made (on which sheet) and those the workbook already had. */
export interface SetUpReport {
  readonly created: readonly { table: string; sheet: string }[];
  readonly kept: readonly string[];
}

/**
 * Sample payments for a new Payments table: for the Agreed plans the workbook already holds, up to `today` (ISO); none
 * when it has no Plans yet, or no today is given.
 */
async function samplePaymentRows(workbook: Workbook, hasPlans: boolean, today: string | undefined) {
  if (!hasPlans || today === undefined) return [];
  const data = await workbook.readTable(PLANS.name);
  let plans: ReturnType<typeof readOutturnPlans>;
  try {
    plans = readOutturnPlans(data!);
  } catch (error) {
    // An older Plans table without the columns the sample needs: Payments starts empty.
    if (error instanceof WorkbookProblem) return [];
    throw error;
  }
  const fields = fieldsOf(PAYMENTS);
  return samplePayments(plans, readDate(today, "Today")).map((payment) =>
    cellsOf(PAYMENTS, paymentRow(payment), fields),
  );
}

/**
 * Creates whichever starter tables the workbook lacks, each on a new sheet. A table the workbook
 * already has is kept as it is, and a sheet name already taken is never reused. A new Payments table gets sample
 * payments for the Agreed plans the workbook already has, for the months of `today`'s financial year up to today.
 */
export async function setUpWorkbook(workbook: Workbook, options: { today?: string } = {}): Promise<SetUpReport> {
  const names = await workbook.names();
  const clashes = starterTables()
    .map((table) => table.name)
    .filter((name) => !names.tables.some((table) => sameName(table, name)) && nameTaken(names, name));
  if (clashes.length > 0) {
    throw new WorkbookProblem(
      `The workbook already uses the name${clashes.length > 1 ? "s" : ""} ${clashes.join(", ")} for something ` +
        "other than a table, so the starter tables cannot take them. Rename or delete " +
        `${clashes.length > 1 ? "them" : "it"} in Formulas › Name Manager, then set up again; nothing was changed.`,
    );
  }
  const kept: string[] = [];
  const missing: NewTable[] = [];
  const taken = [...names.sheets];
  for (const table of starterTables()) {
    if (nameTaken(names, table.name)) {
      kept.push(table.name);
      continue;
    }
    const sheet = freeSheetName(table.sheet, taken);
    taken.push(sheet);
    const rows = sameName(table.name, PAYMENTS.name)
      ? await samplePaymentRows(workbook, nameTaken(names, PLANS.name), options.today)
      : table.rows;
    missing.push({ ...table, sheet, rows });
  }
  if (missing.length > 0) await workbook.addTables(missing);
  return { created: missing.map(({ name, sheet }) => ({ table: name, sheet })), kept };
}
