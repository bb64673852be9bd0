import { Cell, isBlank, listCells, nonNegativeNumber, readCell, readGrid, wholeScore } from "./cells";
import { Decimal, ZERO } from "./decimal";
import { invalid, notFound } from "./errors";

/** Coventry's three categories, for people (outcomes RAS) and for carers (carers' outcomes matrix). */
export type OutcomeCategory = "Basic" | "Standard" | "Enhanced";

/** Totals at which Standard and Enhanced begin. */
export interface CategoryThresholds {
  readonly standardFrom: Decimal;
  readonly enhancedFrom: Decimal;
}

/** Reads thresholds given as two cells (standard from, enhanced from); null when omitted. */
export function readThresholds(value: unknown): CategoryThresholds | null {
  if (value === null || value === undefined) return null;
  const cells = listCells(readGrid(value, "The thresholds"), "The thresholds");
  if (cells.length !== 2)
    throw invalid(`The thresholds must be two cells (standard from, enhanced from); got ${cells.length}`);
  const standardFrom = readCell(nonNegativeNumber, cells[0], "Thresholds, standard from (first cell)");
  const enhancedFrom = readCell(nonNegativeNumber, cells[1], "Thresholds, enhanced from (second cell)");
  if (standardFrom.gt(enhancedFrom)) {
    throw invalid(
      `The thresholds' standard-from total (${standardFrom.toString()}) ` +
        `must not be above the enhanced-from total (${enhancedFrom.toString()})`,
    );
  }
  return { standardFrom, enhancedFrom };
}

/**
 * The category for one person's outcome scores (each a whole number 0–3). By default, for n scores,
 * a total of n or more (an average of 1) is Standard and 2n or more Enhanced.
 * `scoreName` says what a score measures, for messages ("impact of caring", "level of need").
 */
export function outcomeCategory(
  scores: readonly Cell[],
  thresholds: CategoryThresholds | null,
  scoreName: string,
): OutcomeCategory {
  let total = ZERO;
  scores.forEach((cell, position) => {
    const where = `Outcome ${position + 1} (${scoreName})`;
    if (isBlank(cell)) throw notFound(`${where} is not scored`);
    total = total.plus(readCell(wholeScore, cell, where));
  });
  const { standardFrom, enhancedFrom } = thresholds ?? {
    standardFrom: new Decimal(scores.length),
    enhancedFrom: new Decimal(2 * scores.length),
  };
  if (total.gte(enhancedFrom)) return "Enhanced";
  if (total.gte(standardFrom)) return "Standard";
  return "Basic";
}
