import { Cell, fractionLimit, isBlank, listCells, moneyAmount, readCell, readGrid } from "./cells";
import { Decimal, formatPercent, ONE } from "./decimal";
import { invalid, notFound } from "./errors";

/** The traffic light of a support plan against the indicative budget. Red means a manager discussion. */
export type TrafficLight = "Green" | "Amber" | "Red";

/** Deviation limits as fractions of the indicative amount, both inclusive. */
export interface Tolerance {
  readonly green: Decimal;
  readonly amber: Decimal;
}

/** Green within 10%, Amber within 50% (Coventry's rule: beyond 50% a manager discussion is needed). */
export const DEFAULT_TOLERANCE: Tolerance = { green: new Decimal("0.1"), amber: new Decimal("0.5") };

/**
 * The widest a tolerance limit may be: 100%. A plan costing more than double its indicative budget (or nothing
 * against a budget) is never Amber: it is Red, a manager discussion.
 */
export const TOLERANCE_LIMIT = ONE;

/** Why a limit wider than TOLERANCE_LIMIT is refused, wherever it is typed. */
export const TOO_WIDE =
  `at most ${formatPercent(TOLERANCE_LIMIT)}: ` +
  "a plan costing more than double its indicative budget is never Amber";

/** A limit of the tolerance: a fraction from 0 to TOLERANCE_LIMIT (the pane's rule too, so both light alike). */
function readLimit(cell: Cell, where: string): Decimal {
  const limit = readCell(fractionLimit, cell, where);
  if (limit.gt(TOLERANCE_LIMIT)) throw invalid(`${where}: ${TOO_WIDE}; got ${formatPercent(limit)}`);
  return limit;
}

/**
 * Reads a tolerance: two cells (green limit, amber limit) or one limit t (Green within t, else Red), each at most
 * 100%. Omitted (null) means the default.
 */
export function readTolerance(value: unknown): Tolerance {
  if (value === null || value === undefined) return DEFAULT_TOLERANCE;
  const cells = listCells(readGrid(value, "The tolerance"), "The tolerance");
  if (cells.length === 1) {
    const limit = readLimit(cells[0], "Tolerance");
    return { green: limit, amber: limit };
  }
  if (cells.length !== 2)
    throw invalid(`The tolerance must be one limit or two cells (green limit, amber limit); got ${cells.length} cells`);
  const green = readLimit(cells[0], "Tolerance, green limit (first cell)");
  const amber = readLimit(cells[1], "Tolerance, amber limit (second cell)");
  if (green.gt(amber))
    throw invalid(
      `The tolerance's green limit (${green.toString()}) must not be above its amber limit (${amber.toString()})`,
    );
  return { green, amber };
}

/** Reads a plan cost or indicative amount: £, 0 or more. */
export function readAmount(cell: Cell, what: string): Decimal {
  if (isBlank(cell)) throw notFound(`${what} is blank`);
  return readCell(moneyAmount, cell, what);
}

/**
 * Green, Amber or Red for a plan against its indicative amount. The deviation |plan − indicative| ÷
 * indicative is compared exactly (as |plan − indicative| ≤ limit × indicative, so no division rounds),
 * and a plan far below the indicative amount counts as much as one far above it.
 */
export function trafficLight(
  planCost: Decimal,
  indicative: Decimal,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): TrafficLight {
  // Stryker disable next-line ConditionalExpression: equivalent; the limits × 0 below give the same light.
  if (indicative.isZero()) return planCost.isZero() ? "Green" : "Red";
  const deviation = planCost.minus(indicative).abs();
  if (deviation.lte(tolerance.green.times(indicative))) return "Green";
  if (deviation.lte(tolerance.amber.times(indicative))) return "Amber";
  return "Red";
}
