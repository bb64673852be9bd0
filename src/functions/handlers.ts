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
  readWeeksInYear,
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
  Matrix,
  memoByContent,
  Outcome,
  optionCell,
  peopleOf,
  personCell,
  personCells,
  plainTable,
  SheetError,
} from "./ranges";

const scoringOf = memoByContent((value) => {
  const sheet = parseScoringSheet(plainTable(value, "The scoring sheet"));
  return { sheet, score: answerScorer(sheet) };
});
export const priceTableOf = memoByContent((value) => parsePriceTable(plainTable(value, "The price table")));

export function rasPoints(answers: Matrix, scoring: Matrix, questions: Matrix | null): Outcome<number>[][] {
  const { sheet, score } = scoringOf(scoring);
  const order =
    questions === null
      ? undefined
      : questionOrder(
          sheet,
          listCells(readGrid(plainTable(questions, "The question ids"), "The question ids"), "The question ids"),
        );
  const people = peopleOf(answers, (order?.length ?? sheet.questions.length) !== 1);
  const answerTo = (index: number) => `The answer to question ${sheet.questions[order?.[index] ?? index]?.id}`;
  const rowOf = (row: number) => (people.length > 1 ? row : -1);
  return eachCell({ rows: people.length, columns: 1 }, (row) =>
    score(personCells(people[row], answerTo, rowOf(row)), order),
  );
}

type PersonCalculation<T> = (points: Cell, careGroup: Cell, reduction: Cell) => T;

/**
 * One person's result; an error value from the sheet in any of their cells passes through instead.
 * `row` is the person's row in a spilled call (-1 for one person), for messages.
 */
function forPerson<T>(calculate: PersonCalculation<T>, points: Cell, careGroup: Cell, reduction: Cell, row = -1): T {
  return calculate(
    personCell(points, "Points", row),
    personCell(careGroup, "Care group", row),
    personCell(reduction, "Reduction", row),
  );
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
    weeksInYear: Cell,
  ): Outcome<T>[][] => {
    const options = readBudgetOptions(
      optionCell(period, "Period"),
      optionCell(method, "Method"),
      // As PB.DP_SURPLUS: a 0 (a blank cell, as Excel for Windows passes it) is refused, not taken as 52.
      personCell(weeksInYear, "Weeks in year"),
    );
    const calculate = prepare(priceTableOf(priceTable), options);
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
    const rowOf = (row: number) => (shape.rows > 1 ? row : -1);
    return eachCell(shape, (row, column) =>
      forPerson(
        calculate,
        cellAt(points, row, column),
        cellAt(careGroup, row, column),
        cellAt(reduction, row, column),
        rowOf(row),
      ),
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
  const limits = readTolerance(plainTable(tolerance, "The tolerance"));
  const shape = commonShape([
    { matrix: planCost, what: "Plan cost" },
    { matrix: indicative, what: "Indicative amount" },
  ]);
  const rowOf = (row: number) => (shape.rows > 1 ? row : -1);
  return eachCell(shape, (row, column) => {
    const cost = personCell(cellAt(planCost, row, column), "Plan cost", rowOf(row));
    const amount = personCell(cellAt(indicative, row, column), "Indicative amount", rowOf(row));
    return trafficLight(readAmount(cost, "Plan cost"), readAmount(amount, "Indicative amount"), limits);
  });
}

/** CARER_CATEGORY and OUTCOME_CATEGORY differ only in what a score measures. */
export function categories(scores: Matrix, thresholds: Matrix | null, scoreName: string): Outcome<OutcomeCategory>[][] {
  const limits = readThresholds(plainTable(thresholds, "The thresholds"));
  const people = peopleOf(scores, true);
  const scoreOf = (index: number) => `Outcome ${index + 1} (${scoreName})`;
  const rowOf = (row: number) => (people.length > 1 ? row : -1);
  return eachCell({ rows: people.length, columns: 1 }, (row) =>
    outcomeCategory(personCells(people[row], scoreOf, rowOf(row)), limits, scoreName),
  );
}

export function planCost(lines: Matrix, period: Cell, weeksInYear: Cell): number {
  return penceNumber(
    enginePlanCost(
      readPlanLines(plainTable(lines, "The plan lines")),
      readPeriod(optionCell(period, "Period")),
      readWeeksInYear(personCell(weeksInYear, "Weeks in year")),
    ),
  );
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
export function perPersonColumn(matrix: Matrix | null, what: string, people: number): (row: number) => Cell {
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
  const options = readBudgetOptions(null, optionCell(method, "Method"), null);
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
    try {
      cohort[row] = {
        points: personCell(points[row][0], "Points", row),
        careGroup: personCell(careGroupAt(row), "Care group", row),
        reduction: personCell(reductionAt(row), "Reduction", row),
      };
    } catch (error) {
      // An error or rich value in a person's cells: they are not priced, and the rest of the cohort is.
      if (!(error instanceof EngineError || error instanceof SheetError)) throw error;
      cohort[row] = { points: null, careGroup: null, problem: error.message };
    }
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
  const period = readDateSpan(personCell(from, "From"), personCell(to, "To"));
  const shape = commonShape([
    { matrix: annual, what: "Annual" },
    { matrix: start, what: "Start" },
    { matrix: end, what: "End" },
  ]);
  const rowOf = (row: number) => (shape.rows > 1 ? row : -1);
  return eachCell(shape, (row, column) => {
    const amount = personCell(cellAt(annual, row, column), "Annual", rowOf(row));
    const first = personCell(cellAt(start, row, column), "Start", rowOf(row));
    const last = personCell(cellAt(end, row, column), "End", rowOf(row));
    return penceNumber(
      engineInYearCost(
        readAmount(amount, "Annual"),
        readDate(first, "Start"),
        // Excel on Windows and Mac passes a blank cell in a range as 0, which is no date: it is ongoing too.
        isBlank(last) || last === 0 ? null : readDate(last, "End"),
        period,
      ),
    );
  });
}
