// What each PB function does with its Excel-shaped arguments: parse once, then one engine call per person.
import {
  BudgetOptions,
  Cell,
  deriveBudget,
  explainBudget,
  indicativeBudget as engineIndicativeBudget,
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
  scoreAnswers,
  trafficLight,
  TrafficLight,
} from "../engine";
import { cellAt, commonShape, eachCell, Matrix, memoByContent, Outcome, passSheetErrors, peopleOf } from "./ranges";

const scoringSheetOf = memoByContent(parseScoringSheet);
const priceTableOf = memoByContent(parsePriceTable);

export function rasPoints(answers: Matrix, scoring: Matrix, questions: Matrix | null): Outcome<number>[][] {
  const sheet = scoringSheetOf(scoring);
  const order = questions === null ? undefined : questionOrder(sheet, listCells(readGrid(questions, "The question ids"), "The question ids"));
  const people = peopleOf(answers, (order?.length ?? sheet.questions.length) !== 1);
  return eachCell({ rows: people.length, columns: 1 }, (row) => {
    passSheetErrors(people[row]);
    return Number(scoreAnswers(sheet, people[row], order).toString());
  });
}

type PersonCells = { points: Cell; careGroup: Cell; reduction: Cell };

/** Builds a handler that runs one budget calculation per person, with points, care group and reduction broadcast together. */
function perPersonBudget<T>(compute: (table: PriceTable, person: PersonCells, options: BudgetOptions) => T) {
  return (points: Matrix, priceTable: Matrix, careGroup: Matrix | null, reduction: Matrix | null, period: Cell, method: Cell): Outcome<T>[][] => {
    const table = priceTableOf(priceTable);
    const options = readBudgetOptions(period, method);
    const shape = commonShape([
      { matrix: points, what: "Points" },
      { matrix: careGroup, what: "Care group" },
      { matrix: reduction, what: "Reduction" },
    ]);
    return eachCell(shape, (row, column) => {
      const person = { points: cellAt(points, row, column), careGroup: cellAt(careGroup, row, column), reduction: cellAt(reduction, row, column) };
      passSheetErrors([person.points, person.careGroup, person.reduction]);
      return compute(table, person, options);
    });
  };
}

export const indicativeBudget = perPersonBudget((table, person, options) => penceNumber(engineIndicativeBudget(table, person, options)));

export const rasExplain = perPersonBudget((table, person, options) => explainBudget(deriveBudget(table, person, options)));

export function planTolerance(planCost: Matrix, indicative: Matrix, tolerance: Matrix | null): Outcome<TrafficLight>[][] {
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
