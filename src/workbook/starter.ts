import { NewTable, sameName, Workbook } from "./workbook";
import { PEOPLE, PLAN_LINES, PLANS, SERVICES, SETTINGS, TABLE } from "./tables";

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
const PRICE_POINTS: readonly (readonly number[])[] = [
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

const SERVICE_ROWS: readonly (readonly [string, string, number, string, string])[] = [
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

const MONEY = "£#,##0.00";

function starterTables(): NewTable[] {
  const questionIds = QUESTIONS.map(([id]) => id);
  const answers = `${TABLE.people}[@[${questionIds[0]}]:[${questionIds[questionIds.length - 1]}]]`;
  return [
    {
      sheet: TABLE.scoring,
      name: TABLE.scoring,
      headers: ["Question", ...ANSWER_CODES],
      rows: QUESTIONS.map(([id, points]) => [id, ...points]),
    },
    {
      sheet: TABLE.pricePoints,
      name: TABLE.pricePoints,
      headers: ["Points from", ...CARE_GROUPS],
      rows: PRICE_POINTS.map((row) => [...row]),
      formats: Object.fromEntries(CARE_GROUPS.map((group) => [group, MONEY])),
    },
    {
      sheet: TABLE.people,
      name: TABLE.people,
      headers: [PEOPLE.id, PEOPLE.name, PEOPLE.careGroup, ...questionIds, PEOPLE.points, PEOPLE.indicativeBudget],
      rows: PEOPLE_ROWS.map(([id, name, careGroup, codes]) => [
        id,
        name,
        careGroup,
        ...[...codes].map((code) => (code === "-" ? null : code)),
        `=PB.RAS_POINTS(${answers},${TABLE.scoring}[#All])`,
        `=PB.INDICATIVE_BUDGET([@${PEOPLE.points}],${TABLE.pricePoints}[#All],[@[${PEOPLE.careGroup}]])`,
      ]),
      formats: { [PEOPLE.indicativeBudget]: MONEY },
    },
    {
      sheet: TABLE.services,
      name: TABLE.services,
      headers: [SERVICES.service, SERVICES.unit, SERVICES.unitCost, SERVICES.frequency, SERVICES.managedAs],
      rows: SERVICE_ROWS.map((row) => [...row]),
      formats: { [SERVICES.unitCost]: MONEY },
    },
    {
      sheet: TABLE.plans,
      name: TABLE.plans,
      headers: Object.values(PLANS),
      rows: [],
      formats: Object.fromEntries(
        [
          PLANS.indicativeAnnual,
          PLANS.annual,
          PLANS.weekly,
          PLANS.oneOff,
          PLANS.directPayment,
          PLANS.councilManaged,
          PLANS.individualServiceFund,
        ].map((header) => [header, MONEY]),
      ),
    },
    {
      sheet: TABLE.planLines,
      name: TABLE.planLines,
      headers: Object.values(PLAN_LINES),
      rows: [],
      formats: { [PLAN_LINES.unitCost]: MONEY, [PLAN_LINES.annualCost]: MONEY },
    },
    {
      sheet: "Plan settings",
      name: TABLE.settings,
      headers: [SETTINGS.setting, SETTINGS.value],
      rows: [
        [SETTINGS.green, 0.1],
        [SETTINGS.amber, 0.5],
      ],
      formats: { [SETTINGS.value]: "0%" },
    },
  ];
}

/** What setting up did: the tables it made (on which sheet) and those the workbook already had. */
export interface SetUpReport {
  readonly created: readonly { table: string; sheet: string }[];
  readonly kept: readonly string[];
}

/** A sheet name not yet taken: the table's own, or "People (2)" and so on. */
function freeSheetName(wanted: string, taken: string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted} (${n})`;
    if (!taken.some((sheet) => sameName(sheet, name))) return name;
  }
}

/**
 * Creates whichever starter tables the workbook lacks, each on a new sheet. A table the workbook
 * already has is kept as it is, and a sheet name already taken is never reused.
 */
export async function setUpWorkbook(workbook: Workbook): Promise<SetUpReport> {
  const { sheets, tables } = await workbook.names();
  const kept: string[] = [];
  const missing: NewTable[] = [];
  const taken = [...sheets];
  for (const table of starterTables()) {
    if (tables.some((name) => sameName(name, table.name))) {
      kept.push(table.name);
      continue;
    }
    const sheet = freeSheetName(table.sheet, taken);
    taken.push(sheet);
    missing.push({ ...table, sheet });
  }
  if (missing.length > 0) await workbook.addTables(missing);
  return { created: missing.map(({ name, sheet }) => ({ table: name, sheet })), kept };
}
