import {
  anyNumber,
  Cell,
  describeCell,
  filledColumns,
  filledRows,
  blankAsZero,
  isBlank,
  isNoValue,
  label,
  matchKey,
  readCell,
  readGrid,
} from "./cells";
import { Decimal, ZERO } from "./decimal";
import { invalid, listForMessage, notFound } from "./errors";

/** One question of the self-assessment questionnaire and the points each allowed answer scores. */
export interface ScoringQuestion {
  readonly id: string;
  /** Allowed answer (by match key) → points; an answer code missing here is not allowed for this question. */
  readonly points: ReadonlyMap<string, Decimal>;
}

/** A scoring sheet: question ids down the side, answer codes across the top, points in the body. */
export interface ScoringSheet {
  readonly questions: readonly ScoringQuestion[];
  /** Question id (by match key) → position in `questions`. */
  readonly questionIndex: ReadonlyMap<string, number>;
  /** Every answer code in the header, by match key → as written. */
  readonly answerCodes: ReadonlyMap<string, string>;
}

const SHEET_SHAPE =
  "The scoring sheet needs a header row (a label, then one answer code per column) and a row per question " +
  "(question id, then the points for each answer)";

/**
 * Whether a header row's answer codes look like a question's points instead: numbers that are not the
 * codes 0, 1, 2… or 1, 2, 3… in order. (A bare table name passes the table's body without its header.)
 */
function pointsWhereCodesBelong(codes: readonly Cell[]): boolean {
  if (!codes.every((code) => typeof code === "number")) return false;
  const first = codes[0];
  return !((first === 0 || first === 1) && codes.every((code, index) => code === first + index));
}

/**
 * Parses a scoring sheet range. Rows and columns with nothing in them are ignored; a cell with no
 * points (blank, or "-") means that answer is not allowed. Anything malformed is refused with its row
 * and column.
 */
export function parseScoringSheet(value: unknown): ScoringSheet {
  const grid = readGrid(value, "The scoring sheet");
  const rows = filledRows(grid);
  const columns = filledColumns(grid);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; no rows means no columns either.
  if (rows.length < 1 || columns.length < 2 || columns[0] !== 0) throw invalid(SHEET_SHAPE);
  const [header, ...body] = rows;
  const answerColumns = columns.slice(1);
  if (pointsWhereCodesBelong(answerColumns.map((column) => header.row[column]))) {
    throw invalid(
      "The scoring sheet's first row holds points where its header belongs (a label, then the answer codes): " +
        "it looks like a table's body without its header row. Use Scoring[#All] (the table with its header " +
        "row) rather than Scoring, or a range that includes the header row",
    );
  }
  if (body.length === 0) throw invalid(SHEET_SHAPE);
  const answerCodes = new Map<string, string>();
  const codeColumn = new Map<string, number>();
  for (const column of answerColumns) {
    const code = header.row[column];
    if (isBlank(code)) {
      throw invalid(
        `The scoring sheet's header row has no answer code in column ${column + 1}, but that column has points`,
      );
    }
    const key = matchKey(code);
    const earlier = codeColumn.get(key);
    if (earlier !== undefined) {
      throw invalid(
        `The scoring sheet's header has answer code ${describeCell(code)} twice ` +
          `(columns ${earlier + 1} and ${column + 1})`,
      );
    }
    codeColumn.set(key, column);
    answerCodes.set(key, label(code));
  }

  const questions: ScoringQuestion[] = [];
  const questionIndex = new Map<string, number>();
  const questionRow = new Map<string, number>();
  for (const { row, rowNumber } of body) {
    const idCell = row[0];
    if (isBlank(idCell))
      throw invalid(`Scoring sheet row ${rowNumber} has points but no question id in its first column`);
    const key = matchKey(idCell);
    const earlier = questionRow.get(key);
    if (earlier !== undefined) {
      throw invalid(`The scoring sheet has question ${describeCell(idCell)} twice (rows ${earlier} and ${rowNumber})`);
    }
    const id = label(idCell);
    const points = new Map<string, Decimal>();
    for (const column of answerColumns) {
      const cell = row[column];
      if (isNoValue(cell)) continue;
      const code = header.row[column];
      points.set(
        matchKey(code),
        readCell(
          anyNumber,
          cell,
          () => `Scoring sheet row ${rowNumber} (question ${id}), answer ${label(code)}: points`,
        ),
      );
    }
    if (points.size === 0)
      throw invalid(`Scoring sheet row ${rowNumber} (question ${id}) allows no answer: no cell has points`);
    questionRow.set(key, rowNumber);
    questionIndex.set(key, questions.length);
    questions.push({ id, points });
  }
  return { questions, questionIndex, answerCodes };
}

/**
 * Which scoring question each answer column holds, when the answers are labelled by question id.
 * Every question of the sheet must be among them, once.
 */
export function questionOrder(sheet: ScoringSheet, questionIds: readonly Cell[]): number[] {
  const seen = new Set<number>();
  const order = questionIds.map((idCell, position) => {
    if (isBlank(idCell)) throw invalid(`The question ids have a blank in position ${position + 1}`);
    const index = sheet.questionIndex.get(matchKey(idCell));
    if (index === undefined) {
      const ids = listForMessage(sheet.questions.map((question) => question.id));
      throw notFound(
        `Question ${describeCell(idCell)} is not in the scoring sheet (it has ${ids})${blankAsZero(idCell)}`,
      );
    }
    if (seen.has(index)) throw invalid(`Question ${describeCell(idCell)} appears twice in the question ids`);
    seen.add(index);
    return index;
  });
  const missing = sheet.questions.find((_, index) => !seen.has(index));
  if (missing) throw notFound(`Question ${missing.id} is unanswered: it is not among the question ids given`);
  return order;
}

/**
 * A person's RAS points: the sum of the points for each answer, exactly; a total below zero counts
 * as zero. `order[i]` is the scoring question that answer i answers (the sheet's own order if omitted).
 */
export function scoreAnswers(sheet: ScoringSheet, answers: readonly Cell[], order?: readonly number[]): Decimal {
  const expected = order ? order.length : sheet.questions.length;
  if (answers.length !== expected) {
    throw invalid(
      `Expected ${expected} answers, one per question${order ? " id" : " in the scoring sheet"}; got ${answers.length}`,
    );
  }
  let total = ZERO;
  answers.forEach((answer, position) => {
    const question = sheet.questions[order ? order[position] : position];
    if (isBlank(answer)) throw notFound(`Question ${question.id} is unanswered`);
    const key = matchKey(answer);
    const points = question.points.get(key);
    if (points === undefined) {
      if (sheet.answerCodes.has(key)) {
        const allowed = [...question.points.keys()].map((code) => sheet.answerCodes.get(code) ?? code);
        throw notFound(
          `Answer ${describeCell(answer)} is not allowed for question ${question.id} ` +
            `(allowed: ${listForMessage(allowed)})${blankAsZero(answer)}`,
        );
      }
      throw notFound(
        `Answer ${describeCell(answer)} to question ${question.id} is not an answer code of the scoring sheet ` +
          `(codes: ${listForMessage([...sheet.answerCodes.values()])})${blankAsZero(answer)}`,
      );
    }
    total = total.plus(points);
  });
  return total.lt(0) ? ZERO : total;
}

/** One person's RAS points as a number, as Excel shows them. */
export type AnswerScorer = (answers: readonly Cell[], order?: readonly number[]) => number;

/** Points are summed as integers in millionths: exact for any points with up to 6 decimals. */
const POINT_SCALE = 1e6;

/**
 * Scores answers as scoreAnswers does, but on integers: each question's points for each answer code,
 * as written in the header (and as a number, for numeric codes), in millionths of a point. An answer
 * written any other way, a blank or a bad code goes to scoreAnswers, which gives the message.
 */
export function answerScorer(sheet: ScoringSheet): AnswerScorer {
  const exact = (answers: readonly Cell[], order?: readonly number[]) =>
    Number(scoreAnswers(sheet, answers, order).toString());
  const scaled = sheet.questions.map((question) => {
    const byCode = new Map<Cell, number>();
    for (const [key, points] of question.points) {
      const millionths = points.times(POINT_SCALE);
      if (!millionths.isInteger() || millionths.abs().gt(2 ** 31)) return null;
      const code = sheet.answerCodes.get(key)!;
      byCode.set(code, millionths.toNumber());
      // Stryker disable next-line all: the same points whatever; fastPathTaken.test.ts checks the path taken.
      if (code !== "" && String(Number(code)) === code) byCode.set(Number(code), millionths.toNumber());
    }
    return byCode;
  });
  if (scaled.some((byCode) => byCode === null)) return exact;
  const questions = scaled as Map<Cell, number>[];
  return (answers, order) => {
    if (answers.length !== questions.length) return exact(answers, order);
    let total = 0;
    for (let position = 0; position < answers.length; position++) {
      const points = questions[order ? order[position] : position].get(answers[position]);
      if (points === undefined) return exact(answers, order);
      total += points;
    }
    // Stryker disable next-line EqualityOperator: equivalent at `<=`; a total of 0 is 0 either way.
    return total < 0 ? 0 : total / POINT_SCALE;
  };
}
