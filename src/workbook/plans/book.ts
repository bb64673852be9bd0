// What the pane needs from the workbook, read and checked once: the scoring sheet and price points, the
// people, the catalogue, the workbook's tolerance and the saved plans.
import {
  AgreedLight,
  BudgetDerivation,
  Cell,
  Decimal,
  deriveBudget,
  EngineError,
  explainBudget,
  inPeriod,
  listForMessage,
  matchKey,
  parsePriceTable,
  parseScoringSheet,
  pointsNumber,
  PriceTable,
  questionOrder,
  readCell,
  scoreAnswers,
  ScoringSheet,
  serialFromIso,
  toPence,
} from "../../engine";
import { TableData, Workbook } from "../port";
import { headerIndex, readRows, RowOf, WorkbookProblem } from "../schema/rows";
import { PEOPLE, PLAN_LINES, PLANS, PRICE_POINTS, SCORING, SERVICES } from "../schema/tables";
import { blankPriceWarnings } from "../blankPrices";
import { readSettings, WorkbookTolerance } from "./settings";
import { readWorkbookWeeks, WorkbookWeeks } from "./weeksInYear";
import { asGrid, inTable, requireTable, rowsWhere } from "./tables";

/** A person from the People table, with their answers in the scoring sheet's question order. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly careGroup: string;
  readonly answers: readonly Cell[];
  /**
   * Their Points cell, when the People table has no answers but points of the council's own (a mapped workbook's
   * points column): the points are then read from it, not scored.
   */
  readonly points?: Cell;
}

/** A catalogue entry from the Services table. */
export type Service = RowOf<typeof SERVICES>;

export type PlanSummary = Pick<RowOf<typeof PLANS>, "planId" | "personId" | "name" | "status" | "updatedAt"> &
  /** When it is to be reviewed, when it ends, and its light; absent where the row's cells cannot be read. */
  Partial<Pick<RowOf<typeof PLANS>, "reviewDate" | "endDate" | "light">>;

/** What the pane needs from the workbook, read and checked once. */
export interface PlanBook {
  readonly scoring: ScoringSheet;
  readonly priceTable: PriceTable;
  readonly people: readonly Person[];
  readonly services: readonly Service[];
  readonly tolerance: WorkbookTolerance;
  /** The weeks in a year every weekly figure is counted over (PlanSettings' Weeks in a year). */
  readonly weeks: WorkbookWeeks;
  readonly plans: readonly PlanSummary[];
  /** The Agreed plans with what their light was given under, for checking it against today's rules. */
  readonly agreed: {
    readonly plans: readonly AgreedLight[];
    /** Agreed rows whose figures cannot be read, each saying where and why. */
    readonly unread: readonly string[];
  };
  /** Rows left out because they could not be read, each saying where and why. */
  readonly warnings: readonly string[];
}

/** Reports the steps of a long read, for the pane to show progress. */
export type Progress = (step: string, done: number, of: number) => void;

function readPeople(table: TableData, scoring: ScoringSheet): Person[] {
  const answerColumns = table.headers.flatMap((header, column) =>
    scoring.questionIndex.has(matchKey(header)) ? [column] : [],
  );
  const pointsColumn = headerIndex(table).get(matchKey(PEOPLE.columns.points.header));
  if (answerColumns.length === 0 && pointsColumn !== undefined) {
    const { rows } = readRows(PEOPLE, table, ["personId", "name", "careGroup"]);
    return rows
      .filter(({ value }) => value.personId !== "")
      .map(({ index, value }) => ({
        id: value.personId,
        name: value.name,
        careGroup: value.careGroup,
        answers: [],
        points: table.rows[index][pointsColumn],
      }));
  }
  const order = inTable(table.name, () =>
    questionOrder(
      scoring,
      answerColumns.map((column) => table.headers[column]),
    ),
  );
  const { rows } = readRows(PEOPLE, table, ["personId", "name", "careGroup"]);
  return rows
    .filter(({ value }) => value.personId !== "")
    .map(({ index, value }) => {
      const answers: Cell[] = new Array<Cell>(scoring.questions.length);
      answerColumns.forEach((column, position) => (answers[order[position]] = table.rows[index][column]));
      return { id: value.personId, name: value.name, careGroup: value.careGroup, answers };
    });
}

function readServices(table: TableData, warnings: string[]): Service[] {
  const { rows, problems } = readRows(SERVICES, table);
  warnings.push(
    ...problems.map(
      ({ index, message }) => `${table.name} table row ${index + 1} is left out of the catalogue: ${message}.`,
    ),
  );
  return rows.map(({ value }) => value);
}

const SUMMARY_FIELDS = ["planId", "personId", "name", "status", "updatedAt"] as const;
const REVIEW_FIELDS = ["reviewDate", "endDate", "light"] as const;

function readPlanSummaries(table: TableData, warnings: string[]): PlanSummary[] {
  const { rows, problems } = readRows(PLANS, table, SUMMARY_FIELDS);
  warnings.push(
    ...problems.map(
      ({ index, message }) => `${table.name} table row ${index + 1} cannot be opened as a plan: ${message}.`,
    ),
  );
  // Read apart, so a review date that cannot be read leaves the plan out of the reviews due, not out of the pane.
  const reviews = readRows(PLANS, table, REVIEW_FIELDS);
  const review = new Map(reviews.rows.map(({ index, value }) => [index, value]));
  warnings.push(
    ...reviews.problems.map(
      ({ index, message }) => `${table.name} table row ${index + 1} is left out of the reviews due: ${message}.`,
    ),
  );
  return rows.map(({ index, value }) => ({ ...value, ...review.get(index) })).filter((plan) => plan.planId !== "");
}

const AGREED_FIELDS = [
  "planId",
  "personId",
  "status",
  "endDate",
  "light",
  "annual",
  "indicativeAnnual",
  "greenTolerance",
  "amberTolerance",
] as const;

/** The Agreed plans' rows (found by their Status, so other rows are never read closely) with their lights' terms. */
function readAgreed(table: TableData): PlanBook["agreed"] {
  const rows = rowsWhere(table, PLANS.columns.status.header, "Agreed");
  const read = readRows(PLANS, { ...table, rows: rows.map((row) => table.rows[row]) }, AGREED_FIELDS);
  return {
    plans: read.rows.map(({ value }): AgreedLight => {
      const { greenTolerance: green, amberTolerance: amber } = value;
      return {
        planId: value.planId,
        personId: value.personId,
        status: value.status,
        end: value.endDate === null ? null : serialFromIso(value.endDate),
        light: value.light,
        annual: value.annual,
        indicativeAnnual: value.indicativeAnnual,
        tolerance: green == null || amber == null ? null : { green, amber },
      };
    }),
    unread: read.problems.map(({ index, message }) => `${table.name} table row ${rows[index] + 1}: ${message}`),
  };
}

/** The workbook lacks some of the add-in's tables: not an error, the first step of setting up. */
export class MissingTables extends WorkbookProblem {}

/** Reads and checks everything the pane needs. Throws a WorkbookProblem saying what to fix. */
export async function readPlanBook(workbook: Workbook, progress: Progress = () => undefined): Promise<PlanBook> {
  const steps = 4;
  // No step for finding the tables: one quick call, under the label the work started with, so a read that
  // stops there (a workbook not set up) is drawn once, not once a step.
  const { tables } = await workbook.names();
  const needed = [SCORING, PRICE_POINTS, PEOPLE, SERVICES, PLANS, PLAN_LINES].map((table) => table.name);
  const missing = needed.filter((name) => !tables.some((table) => matchKey(table) === matchKey(name)));
  if (missing.length > 0) {
    throw new MissingTables(
      `The workbook has no ${listForMessage(missing)} table${missing.length > 1 ? "s" : ""}. ` +
        `Use "Set up workbook" to add what is missing; nothing you already have is changed.`,
    );
  }
  progress("Reading the scoring sheet and price points", 1, steps);
  const [scoringTable, priceTable] = await Promise.all(
    [SCORING, PRICE_POINTS].map((table) => requireTable(workbook, table.name)),
  );
  const scoring = inTable(scoringTable.name, () => parseScoringSheet(asGrid(scoringTable)));
  const prices = inTable(priceTable.name, () => parsePriceTable(asGrid(priceTable)));
  progress("Reading people and services", 2, steps);
  const [peopleTable, servicesTable] = await Promise.all(
    [PEOPLE, SERVICES].map((table) => requireTable(workbook, table.name)),
  );
  const warnings: string[] = blankPriceWarnings(priceTable, prices.kind === "linear" ? "bands" : prices.kind);
  const people = readPeople(peopleTable, scoring);
  const services = readServices(servicesTable, warnings);
  progress("Reading saved plans and the tolerance", 3, steps);
  const plansTable = await requireTable(workbook, PLANS.name);
  const plans = readPlanSummaries(plansTable, warnings);
  const [tolerance, weeks] = await Promise.all([readSettings(workbook), readWorkbookWeeks(workbook)]);
  progress("Done", steps, steps);
  return {
    scoring,
    priceTable: prices,
    people,
    services,
    tolerance,
    weeks,
    plans,
    agreed: readAgreed(plansTable),
    warnings,
  };
}

/** A person's points and indicative budget, with how it was reached. */
export interface Assessment {
  readonly points: Decimal;
  readonly budget: BudgetDerivation;
  /** The annual budget ÷ the workbook's weeks in a year, rounded to pence once; null while they cannot be used. */
  readonly weekly: Decimal | null;
  readonly explanation: string;
}

/** A person's points: scored from their answers, or read from their points cell; an EngineError if neither can. */
export function personPoints(book: PlanBook, person: Person): Decimal {
  if (person.points !== undefined) return readCell(pointsNumber, person.points, PEOPLE.columns.points.header);
  return scoreAnswers(book.scoring, person.answers);
}

/** Scores a person and prices their points; an incomplete assessment gives a message instead. */
export function assess(book: PlanBook, person: Person): Assessment | { problem: string } {
  try {
    const points = personPoints(book, person);
    const budget = deriveBudget(
      book.priceTable,
      { points: points.toString(), careGroup: person.careGroup },
      { period: "annual", method: "marginal" },
    );
    const weeks = book.weeks.weeksInYear;
    const weekly = weeks === null ? null : toPence(inPeriod(budget.exact, "weekly", weeks));
    return { points, budget, weekly, explanation: explainBudget(budget) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { problem: `${person.name}'s assessment cannot be priced yet: ${error.message}.` };
  }
}

export { WorkbookProblem };
