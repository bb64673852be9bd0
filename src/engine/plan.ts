import {
  blankAsZero,
  Cell,
  describeCell,
  filledRows,
  isBlank,
  moneyAmount,
  quantity,
  readCell,
  readChoice,
  readGrid,
} from "./cells";
import { Decimal, ONE, ZERO } from "./decimal";
import { invalid } from "./errors";
import { inPeriod, Period } from "./periods";

/** How often a support-plan line is paid for. */
export type Frequency = "week" | "month" | "year" | "once";

const FREQUENCY_SPELLINGS: ReadonlyMap<string, Frequency> = new Map([
  ["week", "week"],
  ["weekly", "week"],
  ["month", "month"],
  ["monthly", "month"],
  ["year", "year"],
  ["annual", "year"],
  ["yearly", "year"],
  ["once", "once"],
  ["one-off", "once"],
]);

/** Times a year a line of each frequency is paid: a weekly one as many times as the weeks in a year. */
export function timesAYear(frequency: Frequency, weeksInYear: Decimal): Decimal {
  switch (frequency) {
    case "week":
      return weeksInYear;
    case "month":
      return new Decimal(12);
    case "year":
    case "once":
      // A one-off item counts in full in the year.
      return ONE;
  }
}

/** One line of a support plan: so many units at a unit cost, so often, by so many staff at once. */
export interface PlanLine {
  readonly quantity: Decimal;
  readonly unitCost: Decimal;
  readonly frequency: Frequency;
  /**
   * How many staff at once (double-handed care is 2): the quantity is each one's, so the line costs this many
   * times as much. Absent: 1.
   */
  readonly staff?: Decimal;
}

/** The most staff at once a line may have; more is surely a typing slip. */
export const STAFF_LIMIT = 10;

/** Why a number of staff at once cannot be used, or null: a whole number from 1 to STAFF_LIMIT. */
export function staffProblem(value: Decimal): string | null {
  return value.isInteger() && value.gte(1) && value.lte(STAFF_LIMIT)
    ? null
    : `expected a whole number of staff at once, 1 to ${STAFF_LIMIT}`;
}

export function readFrequency(cell: Cell, where: string): Frequency {
  return readChoice(FREQUENCY_SPELLINGS, cell, where);
}

/** A line's annual cost: quantity × unit cost × staff at once × times a year (a week's: × weeks in a year). */
export function annualCost(line: PlanLine, weeksInYear: Decimal): Decimal {
  return line.quantity
    .times(line.unitCost)
    .times(line.staff ?? ONE)
    .times(timesAYear(line.frequency, weeksInYear));
}

/** A staff-at-once cell of a plan line: blank means 1; otherwise a whole number from 1 to the limit. */
function readStaff(cell: Cell, where: string): Decimal {
  if (isBlank(cell)) return ONE;
  const value = readCell(quantity, cell, where);
  const problem = staffProblem(value);
  if (problem) throw invalid(`${where}: ${problem}; got ${describeCell(cell)}${blankAsZero(cell)}`);
  return value;
}

/**
 * Reads plan lines from a range of rows (quantity, unit cost, frequency, and optionally staff at once). Fully
 * blank rows are skipped; a partly blank row is refused, so no line silently costs nothing. A blank staff cell
 * is 1 (one member of staff).
 */
export function readPlanLines(value: unknown): PlanLine[] {
  const grid = readGrid(value, "The plan lines");
  const width = grid[0].length;
  if (width !== 3 && width !== 4) {
    throw invalid(
      "The plan lines must be 3 columns (quantity, unit cost, frequency) or 4 (and staff at once); " +
        `got ${width} column${width === 1 ? "" : "s"}`,
    );
  }
  return filledRows(grid).map(({ row, rowNumber }) => {
    const where = (column: string) => `Plan line row ${rowNumber}, ${column}`;
    // Staff at once may be blank (1); the first three may not.
    const blank = ["quantity", "unit cost", "frequency"].filter((_, column) => isBlank(row[column]));
    if (blank.length > 0) throw invalid(`Plan line row ${rowNumber} is partly blank: it has no ${blank.join(" or ")}`);
    return {
      quantity: readCell(quantity, row[0], where("quantity")),
      unitCost: readCell(moneyAmount, row[1], where("unit cost")),
      frequency: readFrequency(row[2], where("frequency")),
      // A range of three columns has no fourth cell: blank, 1.
      staff: readStaff(row[3], where("staff at once")),
    };
  });
}

/**
 * The exact cost of a plan in the period: annual costs summed (one-off items in full), weekly the annual ÷ the weeks
 * in a year (so a plan of weekly lines a week is their weekly sum, whatever the weeks).
 */
export function planCost(lines: readonly PlanLine[], period: Period, weeksInYear: Decimal): Decimal {
  return inPeriod(
    lines.reduce((sum, line) => sum.plus(annualCost(line, weeksInYear)), ZERO),
    period,
    weeksInYear,
  );
}
