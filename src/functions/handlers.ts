// What each PB function does with its Excel-shaped arguments: parse once, then one engine call per person.
import {
  answerScorer,
  budgetPricer,
  BudgetOptions,
  Cell,
  CohortMember,
  deriveBudget,
  EngineError,
  explainBudget,
  inYearCost as engineInYearCost,
  invalid,
  isBlank,
  listCells,
  outcomeCategory,
  OutcomeCategory,
  parsePriceTable,
  parseScoringSheet,
  penceNumber,
  planCost as enginePlanCost,
  PriceTable,
  questionOrder,
  readAmount,
  readBudgetOptions,
  readDate,
  readDateSpan,
  readGrid,
  readPeriod,
  readPlanLines,
  readThresholds,
  readTolerance,
  repriceCohort,
  repricingSummary,
  SummaryCell,
  trafficLight,
  TrafficLight,
} from "../engine";
import {
  attempt,
  cellAt,
  commonShape,
  eachCell,
  isOneCell,
  isSheetError,
  Matrix,
  memoByContent,
  Outcome,
  passSheetError,
  passSheetErrors,
  peopleOf,
} from "./ranges";

const scoringOf = memoByContent((value) => {
  const sheet = parseScoringSheet(value);
  return { sheet, score: answerScorer(sheet) };
});
const priceTableOf = memoByContent(parsePriceTable);

export function rasPoints(answers: Matrix, scoring: Matrix, questions: Matrix | null): Outcome<number>[][] {
  const { sheet, score } = scoringOf(scoring);
  const order =
    questions === null
      ? undefined
      : questionOrder(sheet, listCells(readGrid(questions, "The question ids"), "The question ids"));
  const people = peopleOf(answers, (order?.length ?? sheet.questions.length) !== 1);
  return eachCell({ rows: people.length, columns: 1 }, (row) => {
    passSheetErrors(people[row]);
    return score(people[row], order);
  });
}

type PersonCalculation<T> = (points: Cell, careGroup: Cell, reduction: Cell) => T;

/** One person's result; an error value from the sheet in any of their cells passes through instead. */
function forPerson<T>(calculate: PersonCalculation<T>, points: Cell, careGroup: Cell, reduction: Cell): T {
  passSheetError(points);
  passSheetError(careGroup);
  passSheetError(reduction);
  return calculate(points, careGroup, reduction);
}

/**
 * Builds a handler that runs one budget calculation per person, with points, care group and reduction
 * broadcast together.
 */
function perPersonBudget<T>(prepare: (table: PriceTable, options: BudgetOptions) => PersonCalculation<T>) {
  return (
    points: Matrix,
    priceTable: Matrix,
    careGroup: Matrix | null,
    reduction: Matrix | null,
    period: Cell,
    method: Cell,
  ): Outcome<T>[][] => {
    const calculate = prepare(priceTableOf(priceTable), readBudgetOptions(period, method));
    // One person (a filled-down column calls this once per row): no shapes to reconcile.
    if (
      isOneCell(points) &&
      (careGroup === null || isOneCell(careGroup)) &&
      (reduction === null || isOneCell(reduction))
    ) {
      return [
        [attempt(() => forPerson(calculate, points[0][0], careGroup?.[0][0] ?? null, reduction?.[0][0] ?? null))],
      ];
    }
    const shape = commonShape([
      { matrix: points, what: "Points" },
      { matrix: careGroup, what: "Care group" },
      { matrix: reduction, what: "Reduction" },
    ]);
    return eachCell(shape, (row, column) =>
      forPerson(calculate, cellAt(points, row, column), cellAt(careGroup, row, column), cellAt(reduction, row, column)),
    );
  };
}

export const indicativeBudget = perPersonBudget(budgetPricer);

export const rasExplain = perPersonBudget(
  (table, options) => (points, careGroup, reduction) =>
    explainBudget(deriveBudget(table, { points, careGroup, reduction }, options)),
);

export function planTolerance(
  planCost: Matrix,
  indicative: Matrix,
  tolerance: Matrix | null,
): Outcome<TrafficLight>[][] {
  const limits = readTolerance(tolerance);
  const shape = commonShape([
    { matrix: planCost, what: "Plan cost" },
    { matrix: indicative, what: "Indicative amount" },
  ]);
  return eachCell(shape, (row, column) => {
    const amounts = [cellAt(planCost, row, column), cellAt(indicative, row, column)];
    passSheetErrors(amounts);
    return trafficLight(readAmount(amounts[0], "Plan cost"), readAmount(amounts[1], "Indicative amount"), limits);
  });
}

/** CARER_CATEGORY and OUTCOME_CATEGORY differ only in what a score measures. */
export function categories(scores: Matrix, thresholds: Matrix | null, scoreName: string): Outcome<OutcomeCategory>[][] {
  const limits = readThresholds(thresholds);
  const people = peopleOf(scores, true);
  return eachCell({ rows: people.length, columns: 1 }, (row) => {
    passSheetErrors(people[row]);
    return outcomeCategory(people[row], limits, scoreName);
  });
}

export function planCost(lines: Matrix, period: Cell): number {
  return penceNumber(enginePlanCost(readPlanLines(lines), readPeriod(period)));
}

/** A price table argument of REPRICE, parsed once; a malformed one fails the call, its message saying which. */
function namedPriceTable(range: Matrix, which: string): PriceTable {
  try {
    return priceTableOf(range);
  } catch (error) {
    if (error instanceof EngineError) throw new EngineError(error.kind, `${which}: ${error.message}`);
    throw error;
  }
}

/** A per-person argument of REPRICE: one value for everyone, or a column with a cell per person. */
function perPersonColumn(matrix: Matrix | null, what: string, people: number): (row: number) => Cell {
  if (matrix === null) return () => null;
  if (isOneCell(matrix)) return () => matrix[0][0];
  if (matrix.length !== people || matrix.some((row) => row.length !== 1)) {
    throw invalid(
      `${what} is ${matrix.length}×${matrix[0]?.length ?? 0} cells but Points is ${people}×1: ` +
        "give one value for everyone or a column with one per person",
    );
  }
  return (row) => matrix[row][0];
}

const ERROR_IN_CELLS = "An error value from the sheet is in this person's points, care group or reduction";

/** PB.REPRICE: the cohort under both price tables, summarised by care group. */
export function reprice(
  points: Matrix,
  currentTable: Matrix,
  proposedTable: Matrix,
  careGroup: Matrix | null,
  reduction: Matrix | null,
  method: Cell,
): SummaryCell[][] {
  const current = namedPriceTable(currentTable, "Current table");
  const proposed = namedPriceTable(proposedTable, "Proposed table");
  const options = readBudgetOptions(null, method);
  if (points.some((row) => row.length !== 1)) {
    throw invalid(
      `Points must be a single column, one person a row; got ${points.length} rows × ${points[0].length} columns`,
    );
  }
  const people = points.length;
  const careGroupAt = perPersonColumn(careGroup, "Care group", people);
  const reductionAt = perPersonColumn(reduction, "Reduction", people);
  const cohort = new Array<CohortMember>(people);
  for (let row = 0; row < people; row++) {
    const person = { points: points[row][0], careGroup: careGroupAt(row), reduction: reductionAt(row) };
    cohort[row] =
      isSheetError(person.points) || isSheetError(person.careGroup) || isSheetError(person.reduction)
        ? { points: null, careGroup: null, problem: ERROR_IN_CELLS }
        : person;
  }
  return repricingSummary(repriceCohort(cohort, current, proposed, options));
}

/** PB.IN_YEAR_COST: per plan, the part of its annual cost in the period; a blank end is ongoing. */
export function inYearCost(
  annual: Matrix,
  start: Matrix,
  end: Matrix | null,
  from: Cell,
  to: Cell,
): Outcome<number>[][] {
  const period = readDateSpan(from, to);
  const shape = commonShape([
    { matrix: annual, what: "Annual" },
    { matrix: start, what: "Start" },
    { matrix: end, what: "End" },
  ]);
  return eachCell(shape, (row, column) => {
    const cells = [cellAt(annual, row, column), cellAt(start, row, column), cellAt(end, row, column)];
    passSheetErrors(cells);
    const [amount, first, last] = cells;
    return penceNumber(
      engineInYearCost(
        readAmount(amount, "Annual"),
        readDate(first, "Start"),
        isBlank(last) ? null : readDate(last, "End"),
        period,
      ),
    );
  });
}
