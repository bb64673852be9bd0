// The mapping a council saves for test/support/councilWorkbook.ts, as Settings › Your workbook makes it: each of
// the add-in's tables pointed at the council's, and each column matched by header; Points and Indicative budget are
// the add-in's, added at the right of ServiceUsers.
import { parseRange, WorkbookMapping } from "../../src/workbook/mapping/model";
import { COUNCIL } from "./councilWorkbook";

export const QUESTIONS = [
  "Personal care",
  "Eating and drinking",
  "Getting about",
  "Home and living",
  "Medication and health",
  "Staying safe",
  "Making decisions",
  "Communication",
  "Relationships and community",
  "Work, learning and volunteering",
  "Night-time support",
  "Support from family and friends",
];

const column = (field: string, header: string, added = false) => ({ field, header, added });

export const COUNCIL_MAPPING: WorkbookMapping = [
  { role: "Scoring", source: { table: COUNCIL.scoring.table }, columns: [], span: { first: "Domain", last: "D" } },
  { role: "PricePoints", source: parseRange(COUNCIL.prices.range)!, columns: [] },
  {
    role: "People",
    source: { table: COUNCIL.people.table },
    columns: [
      column("Person ID", "Service user number"),
      column("Name", "Client name"),
      column("Care group", "Client group"),
      ...QUESTIONS.map((question, at) => column(question, `Q${at + 1} ${question}`)),
      column("Points", "Points", true),
      column("Indicative budget", "Indicative budget", true),
    ],
  },
  {
    role: "Services",
    source: { table: COUNCIL.services.table },
    columns: [
      column("Service", "Description"),
      column("Unit", "Per"),
      column("Unit cost", "Unit cost £"),
      column("Frequency", "How often"),
      column("Managed as", "Funding route"),
    ],
  },
];
