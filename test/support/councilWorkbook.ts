// A council's own RAS workbook, laid out its own way, for the mapping tests (issue 23 §1) and the README's "Using
// your own workbook". It holds the starter's figures (the same 12 questions and points, price points, 20 people and
// their answers, 15 services), so every budget and total is the starter's, worked out by hand in the other tests;
// only the layout is the council's:
// - "RAS matrix": a title, then the table RASMatrix at A3: Domain, A, B, C, D and a Guidance column of text; its
//   rows in alphabetical order, not the starter's.
// - "Price bands": the price points in a plain range, B3:F7, no table: "RAS points from" and the four care groups,
//   under a title and above a note.
// - "Service users": the table ServiceUsers: Service user number (WS1001 for P001 …), Client name, Team, Client
//   group, Assessed on, the answers headed "Q1 Personal care" … "Q12 Support from family and friends", Review due.
// - "Catalogue": the table ServiceCatalogue: Code, Description, Per, Unit cost £, How often, Funding route.
// - "Notes": a sheet of the council's own with nothing the add-in reads.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { CellValue, SheetCell, SheetSpec, TEXT_FORMAT } from "../../src/workbook/port";
import { DATE_FORMAT, MONEY_FORMAT } from "../../src/workbook/schema/columns";
import { setUpWorkbook } from "../../src/workbook/starter";

/** The council's person ID for a starter person: P001 is WS1001. */
export const councilId = (starterId: string) => `WS1${starterId.slice(1)}`;

export const COUNCIL = {
  scoring: { sheet: "RAS matrix", table: "RASMatrix" },
  prices: { sheet: "Price bands", range: "'Price bands'!B3:F7" },
  people: { sheet: "Service users", table: "ServiceUsers" },
  services: { sheet: "Catalogue", table: "ServiceCatalogue" },
} as const;

const TEAMS = ["North", "South", "East"];

const cell = (row: number, column: number, value: CellValue, numberFormat?: string): SheetCell => ({
  row,
  column,
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

/** The council's sheets, as the in-memory workbook (or the preview's, from a test) adds them. */
export async function councilSheets(): Promise<SheetSpec[]> {
  const starter = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(starter);
  const table = (name: string) => starter.allTables().find((candidate) => candidate.name === name)!;
  const scoring = table("Scoring");
  const prices = table("PricePoints");
  const people = table("People");
  const services = table("Services");

  const questions = scoring.rows.map((row) => String(row[0]));
  const matrixRows = [...scoring.rows]
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    .map((row) => [...row, `Assessment guide, ${String(row[0]).toLowerCase()}`]);

  const answers = questions.map((_, at) => 3 + at);
  const peopleRows = people.rows.map((row, at) => [
    councilId(String(row[0])),
    row[1],
    TEAMS[at % TEAMS.length],
    row[2],
    46_300 + at * 7, // assessed in 2026
    ...answers.map((column) => row[column]),
    46_600 + at * 7,
  ]);

  const serviceRows = services.rows.map((row, at) => [
    `S${String(at + 1).padStart(2, "0")}`,
    row[0],
    row[1],
    row[2],
    row[3],
    row[4],
  ]);

  return [
    {
      name: COUNCIL.scoring.sheet,
      cells: [cell(0, 0, "Westshire RAS: points for each answer", undefined)],
      tables: [
        {
          sheet: COUNCIL.scoring.sheet,
          name: COUNCIL.scoring.table,
          at: { row: 2, column: 0 },
          columns: [
            { header: "Domain", numberFormat: TEXT_FORMAT },
            ...["A", "B", "C", "D"].map((header) => ({ header, numberFormat: "General" })),
            { header: "Guidance", numberFormat: TEXT_FORMAT },
          ],
          rows: matrixRows,
        },
      ],
    },
    {
      name: COUNCIL.prices.sheet,
      cells: [
        cell(0, 0, "Price points 2026/27, £ a year per point"),
        ...prices.columns.map((column, at) => cell(2, 1 + at, at === 0 ? "RAS points from" : column.header)),
        ...prices.rows.flatMap((row, r) =>
          row.map((value, c) => cell(3 + r, 1 + c, value, c === 0 ? undefined : MONEY_FORMAT)),
        ),
        cell(8, 0, "Approved by Cabinet, 12 March 2026."),
      ],
    },
    {
      name: COUNCIL.people.sheet,
      cells: [],
      tables: [
        {
          sheet: COUNCIL.people.sheet,
          name: COUNCIL.people.table,
          columns: [
            { header: "Service user number", numberFormat: TEXT_FORMAT },
            { header: "Client name", numberFormat: TEXT_FORMAT },
            { header: "Team", numberFormat: TEXT_FORMAT },
            { header: "Client group", numberFormat: TEXT_FORMAT },
            { header: "Assessed on", numberFormat: DATE_FORMAT },
            ...questions.map((question, at) => ({ header: `Q${at + 1} ${question}`, numberFormat: TEXT_FORMAT })),
            { header: "Review due", numberFormat: DATE_FORMAT },
          ],
          rows: peopleRows,
        },
      ],
    },
    {
      name: COUNCIL.services.sheet,
      cells: [],
      tables: [
        {
          sheet: COUNCIL.services.sheet,
          name: COUNCIL.services.table,
          columns: [
            { header: "Code", numberFormat: TEXT_FORMAT },
            { header: "Description", numberFormat: TEXT_FORMAT },
            { header: "Per", numberFormat: TEXT_FORMAT },
            { header: "Unit cost £", numberFormat: MONEY_FORMAT },
            { header: "How often", numberFormat: TEXT_FORMAT },
            { header: "Funding route", numberFormat: TEXT_FORMAT },
          ],
          rows: serviceRows,
        },
      ],
    },
    { name: "Notes", cells: [cell(0, 0, "Westshire adult social care: personal budgets workbook")] },
  ];
}
