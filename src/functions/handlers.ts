// What each PB function does with its Excel-shaped arguments: parse once, then one engine call per person.
import {
  answerScorer,
  budgetPricer,
  BudgetOptions,
  Cell,
  deriveBudget,
  explainBudget,
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
  readGrid,
  readPeriod,
  readPlanLines,
  readThresholds,
  readTolerance,
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

/** Builds a handler that runs one budget calculation per person, with points, care group and reduction broadcast together. */
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
