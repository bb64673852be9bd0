// The mapping step's work on one of the add-in's tables, before anything is saved: which columns to suggest for a
// source the user picked, and what the add-in would read through a mapping — its first rows, and every problem named
// with its row and column (text where numbers belong, a missing care group, an answer the scoring sheet does not
// know). Pure: the source's cells are read once by the caller.
import {
  Cell,
  deriveBudget,
  EngineError,
  formatPounds,
  formatQuantity,
  isBlank,
  label,
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
} from "../../engine";
import { blankPriceWarnings } from "../blankPrices";
import { sameName, TableData, Workbook } from "../port";
import { readRows } from "../schema/rows";
import { PEOPLE, PRICE_POINTS, SCORING, SERVICES } from "../schema/tables";
import { suggestColumns } from "./headers";
import { asRole } from "./mappedWorkbook";
import {
  ColumnMapping,
  headerFor,
  INDICATIVE_BUDGET,
  isGrid,
  isRange,
  PERSON_FIELDS,
  POINTS,
  Role,
  RoleMapping,
  SERVICE_FIELDS,
  Source,
  sourceText,
} from "./model";

/** What People's rows are checked against: the scoring sheet and price points the add-in reads now. */
export interface MappingContext {
  readonly scoring: ScoringSheet | null;
  readonly prices: PriceTable | null;
}

/** The scoring sheet and price points as the workbook (through its mapping) gives them; null where unreadable. */
export async function readMappingContext(workbook: Workbook): Promise<MappingContext> {
  const [scoring, prices] = await Promise.all(
    [SCORING.name, PRICE_POINTS.name].map((name) => workbook.readTable(name)),
  );
  const parsed = <T>(data: TableData | null, parse: (grid: Cell[][]) => T): T | null => {
    if (!data) return null;
    try {
      return parse([data.headers as Cell[], ...(data.rows as Cell[][])]);
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
  };
  return { scoring: parsed(scoring, parseScoringSheet), prices: parsed(prices, parsePriceTable) };
}

/** The add-in's columns a table of the council's is matched to: People's answers are the scoring sheet's questions. */
export function fieldsToMatch(role: Role, context: MappingContext): string[] {
  if (role === SERVICES.name) return [...SERVICE_FIELDS];
  if (role !== PEOPLE.name) return [];
  return [...PERSON_FIELDS, ...(context.scoring?.questions.map((question) => question.id) ?? []), POINTS];
}

/** Whether a column's body is numbers (or blank, or "-"), as points and prices are. */
function numbersOnly(data: TableData, column: number): boolean {
  return data.rows.every((row) => {
    const cell = row[column];
    return isBlank(cell) || typeof cell === "number" || label(cell) === "-" || !Number.isNaN(Number(cell));
  });
}

/** A header for a column the add-in adds, not yet taken in the council's table: "Points", else "Points (PB)". */
function freeHeader(wanted: string, headers: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : n === 2 ? `${wanted} (PB)` : `${wanted} (PB ${n - 1})`;
    if (!headers.some((header) => sameName(header.trim(), name))) return name;
  }
}

/**
 * Columns in the council's table's order, the add-in's added ones last (Points before Indicative budget): the order the
 * WorkbookMapping table lists them in.
 */
export function inTableOrder(columns: readonly ColumnMapping[], headers: readonly string[]): ColumnMapping[] {
  const rank = (column: ColumnMapping) =>
    column.added
      ? headers.length + [POINTS, INDICATIVE_BUDGET].indexOf(column.field) + 1
      : headers.findIndex((header) => sameName(header.trim(), column.header));
  return [...columns].sort((a, b) => rank(a) - rank(b));
}

/**
 * The mapping suggested for a source: a grid's columns from the first to the last holding numbers (so a notes
 * column at its right is left out); a table's columns matched by header. People's Points, when no column is close,
 * and its Indicative budget are the add-in's own, added at the table's right.
 */
export function suggestMapping(role: Role, source: Source, data: TableData, context: MappingContext): RoleMapping {
  if (isGrid(role)) {
    if (isRange(source) || data.headers.length < 2) return { role, source, columns: [] };
    let last = 1;
    while (last + 1 < data.headers.length && numbersOnly(data, last + 1)) last++;
    const whole = last === data.headers.length - 1;
    return {
      role,
      source,
      columns: [],
      ...(whole ? {} : { span: { first: data.headers[0], last: data.headers[last] } }),
    };
  }
  const suggested = suggestColumns(fieldsToMatch(role, context), data.headers);
  const columns: ColumnMapping[] = [...suggested].map(([field, header]) => ({ field, header, added: false }));
  if (role === PEOPLE.name) {
    if (!suggested.has(POINTS)) columns.push({ field: POINTS, header: freeHeader(POINTS, data.headers), added: true });
    columns.push({ field: INDICATIVE_BUDGET, header: freeHeader(INDICATIVE_BUDGET, data.headers), added: true });
  }
  return { role, source, columns: inTableOrder(columns, data.headers) };
}

/** What the add-in would read through a mapping: a few rows in words, and every problem. */
export interface MappingPreview {
  /** How many rows the add-in reads. */
  readonly rows: number;
  /** The first rows, each in words. */
  readonly first: readonly string[];
  /** Why the mapping cannot be saved yet: a column not chosen or not there, a grid the engine cannot read. */
  readonly blocking: readonly string[];
  /** Rows the add-in will leave out or cannot price, each with its row and why: saved anyway, and named again. */
  readonly problems: readonly string[];
}

const SHOWN_ROWS = 5;
const SHOWN_PROBLEMS = 10;

function limited(problems: readonly string[]): string[] {
  if (problems.length <= SHOWN_PROBLEMS) return [...problems];
  return [...problems.slice(0, SHOWN_PROBLEMS), `…and ${problems.length - SHOWN_PROBLEMS} more.`];
}

/** What the engine says of a grid, as one problem; null when it reads. */
function gridProblem<T>(data: TableData, parse: (grid: Cell[][]) => T): { value: T | null; problem: string | null } {
  try {
    return { value: parse([data.headers as Cell[], ...(data.rows as Cell[][])]), problem: null };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { value: null, problem: `${error.message}.` };
  }
}

const missingColumns = (entry: RoleMapping, data: TableData) =>
  entry.columns
    .filter((column) => !column.added && !data.headers.some((header) => sameName(header.trim(), column.header)))
    .map((column) => `${sourceText(entry.source)} has no column "${column.header}" (for ${column.field}).`);

/** A row's answers in the scoring sheet's order, as the plan book gives them to the engine. */
function inQuestionOrder(row: readonly Cell[], columns: readonly number[], order: readonly number[]): Cell[] {
  const answers = new Array<Cell>(order.length);
  columns.forEach((column, position) => (answers[order[position]] = row[column]));
  return answers;
}

/** People read through the mapping, each row checked as the add-in will price it. */
function peoplePreview(entry: RoleMapping, data: TableData, context: MappingContext): MappingPreview {
  const where = sourceText(entry.source);
  const blocking: string[] = missingColumns(entry, data);
  const problems: string[] = [];
  if (isRange(entry.source)) {
    blocking.push(
      `${PEOPLE.name} must be a table, to which the add-in adds its Points and Indicative budget: make the range ` +
        "a table (Insert › Table) and choose it.",
    );
  }
  const unmapped = PERSON_FIELDS.filter((field) => !headerFor(entry, field));
  if (unmapped.length > 0) blocking.push(`Choose a column for ${listForMessage([...unmapped])}.`);
  const read = asRole(entry, data);
  const at = (field: string) => read.headers.findIndex((header) => sameName(header, field));
  const pointsColumn = headerFor(entry, POINTS);
  const ownPoints = pointsColumn && !pointsColumn.added ? at(POINTS) : -1;
  const scoring = context.scoring;
  const questions = scoring?.questions.map((question) => question.id) ?? [];
  const answerColumns = read.headers.flatMap((header, column) =>
    scoring?.questionIndex.has(matchKey(header)) ? [column] : [],
  );
  let order: number[] | null = null;
  if (ownPoints < 0) {
    if (!scoring) blocking.push(`The scoring sheet cannot be read, so ${PEOPLE.name}'s answers cannot be scored.`);
    else {
      const missing = questions.filter((question) => !headerFor(entry, question));
      if (missing.length > 0) {
        blocking.push(`Choose a column for the answer to ${listForMessage(missing)}, or a points column of yours.`);
      } else {
        order = questionOrder(
          scoring,
          answerColumns.map((column) => read.headers[column]),
        );
        const positions = entry.columns
          .filter((column) => questions.some((question) => sameName(question, column.field)))
          .map((column) => data.headers.findIndex((header) => sameName(header.trim(), column.header)))
          .sort((a, b) => a - b);
        const apart = positions.some((position, index) => index > 0 && position !== positions[index - 1] + 1);
        if (apart && pointsColumn?.added) {
          blocking.push(
            `The answers are not side by side in ${where}, so the add-in cannot add its Points column there: ` +
              "move them together, or choose a points column of yours.",
          );
        }
      }
    }
  }
  if (!context.prices) problems.push(`The price points cannot be read, so budgets cannot be worked out yet.`);

  const first: string[] = [];
  const [id, name, careGroup] = PERSON_FIELDS.map(at);
  let rows = 0;
  read.rows.forEach((row, index) => {
    const cell = (column: number): Cell => (column < 0 ? null : row[column]);
    if (isBlank(cell(id)) && isBlank(cell(name))) return;
    rows++;
    const who = `${where} row ${index + 1}${isBlank(cell(id)) ? "" : ` (${label(cell(id))} ${label(cell(name))})`}`;
    const problem = (text: string) => problems.push(`${who}: ${text}.`);
    if (id >= 0 && isBlank(cell(id))) problem("no person ID");
    if (careGroup >= 0 && isBlank(cell(careGroup))) problem("no care group");
    let points: string | null = null;
    let budget: string | null = null;
    try {
      const scored =
        ownPoints >= 0
          ? readCell(pointsNumber, cell(ownPoints), `${POINTS} (${pointsColumn!.header})`)
          : scoring && order
            ? scoreAnswers(scoring, inQuestionOrder(row, answerColumns, order))
            : null;
      if (scored) {
        points = formatQuantity(scored);
        if (context.prices && !(careGroup >= 0 && isBlank(cell(careGroup)))) {
          const derived = deriveBudget(
            context.prices,
            { points: scored.toString(), careGroup: cell(careGroup) },
            { period: "annual", method: "marginal" },
          );
          budget = formatPounds(derived.result);
        }
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problem(error.message);
    }
    if (first.length < SHOWN_ROWS) {
      const group = careGroup >= 0 ? label(cell(careGroup)) || "no care group" : "";
      const figures = [points === null ? null : `${points} points`, budget].filter((part) => part !== null);
      first.push([`${label(cell(id))} ${label(cell(name))}`.trim(), group, ...figures].filter(Boolean).join(" · "));
    }
  });
  return { rows, first, blocking, problems: limited(problems) };
}

function servicesPreview(entry: RoleMapping, data: TableData): MappingPreview {
  const where = sourceText(entry.source);
  const blocking = missingColumns(entry, data);
  const unmapped = SERVICE_FIELDS.filter((field) => !headerFor(entry, field));
  if (unmapped.length > 0) blocking.push(`Choose a column for ${listForMessage(unmapped)}.`);
  if (blocking.length > 0) return { rows: 0, first: [], blocking, problems: [] };
  const { rows, problems: rowProblems } = readRows(SERVICES, asRole(entry, data));
  const problems = rowProblems.map(({ index, message }) => `${where} row ${index + 1}: ${message}.`);
  const first = rows
    .slice(0, SHOWN_ROWS)
    .map(
      ({ value }) =>
        `${value.service}: ${formatPounds(value.unitCost)} a ${value.unit}, ${value.frequency}, ${value.managedAs}`,
    );
  return { rows: rows.length, first, blocking: [], problems: limited(problems) };
}

/** What the add-in would read through `entry` from the source's cells `data`. */
export function previewMapping(entry: RoleMapping, data: TableData, context: MappingContext): MappingPreview {
  if (entry.role === PEOPLE.name) return peoplePreview(entry, data, context);
  if (entry.role === SERVICES.name) return servicesPreview(entry, data);
  const read = asRole(entry, data);
  if (entry.role === SCORING.name) {
    const { value, problem } = gridProblem(read, parseScoringSheet);
    if (!value) return { rows: 0, first: [], blocking: [problem!], problems: [] };
    const first = value.questions.slice(0, SHOWN_ROWS).map((question) => {
      const points = [...value.answerCodes].flatMap(([key, code]) => {
        const scored = question.points.get(key);
        return scored === undefined ? [] : [`${code} ${formatQuantity(scored)}`];
      });
      return `${question.id}: ${points.join(", ")}`;
    });
    return { rows: value.questions.length, first, blocking: [], problems: [] };
  }
  const { value, problem } = gridProblem(read, parsePriceTable);
  if (!value) return { rows: 0, first: [], blocking: [problem!], problems: [] };
  const kind = value.kind === "linear" ? "bands" : value.kind;
  const problems = blankPriceWarnings(read, kind);
  const first =
    value.kind === "bands"
      ? value.lowerBounds.slice(0, SHOWN_ROWS).map((bound, band) => {
          const rates = value.careGroups.names.map(
            (group, at) =>
              `${group} ${value.values[at][band] === null ? "blank" : formatPounds(value.values[at][band])}`,
          );
          return `From ${formatQuantity(bound)} points: ${rates.join(", ")}`;
        })
      : value.kind === "categories"
        ? value.categories.slice(0, SHOWN_ROWS)
        : [`${formatPounds(value.ratePerPoint)} a point`];
  const rows =
    value.kind === "bands" ? value.lowerBounds.length : value.kind === "categories" ? value.categories.length : 1;
  return { rows, first, blocking: [], problems: limited(problems) };
}
