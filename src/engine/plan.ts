import { Cell, filledRows, isBlank, moneyAmount, quantity, readCell, readChoice, readGrid } from "./cells";
import { Decimal, ZERO } from "./decimal";
import { invalid } from "./errors";
import { inPeriod, Period, WEEKS_PER_YEAR } from "./periods";

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

/** Times a year each frequency is paid; a one-off item counts in full in the year. */
export const TIMES_A_YEAR: Readonly<Record<Frequency, Decimal>> = {
  week: new Decimal(WEEKS_PER_YEAR),
  month: new Decimal(12),
  year: new Decimal(1),
  once: new Decimal(1),
};

/** One line of a support plan: so many units at a unit cost, so often. */
export interface PlanLine {
  readonly quantity: Decimal;
  readonly unitCost: Decimal;
  readonly frequency: Frequency;
}

export function readFrequency(cell: Cell, where: string): Frequency {
  return readChoice(FREQUENCY_SPELLINGS, cell, where);
}

/** A line's annual cost: quantity × unit cost × times a year. */
export function annualCost(line: PlanLine): Decimal {
  return line.quantity.times(line.unitCost).times(TIMES_A_YEAR[line.frequency]);
}

/**
 * Reads plan lines from a range of rows (quantity, unit cost, frequency). Fully blank rows are
 * skipped; a partly blank row is refused, so no line silently costs nothing.
 */
export function readPlanLines(value: unknown): PlanLine[] {
  const grid = readGrid(value, "The plan lines");
  const width = grid[0].length;
  if (width !== 3) {
    throw invalid(
      `The plan lines must be 3 columns (quantity, unit cost, frequency); got ${width} column${width === 1 ? "" : "s"}`,
    );
  }
  return filledRows(grid).map(({ row, rowNumber }) => {
    const where = (column: string) => `Plan line row ${rowNumber}, ${column}`;
    const blank = ["quantity", "unit cost", "frequency"].filter((_, column) => isBlank(row[column]));
    if (blank.length > 0) throw invalid(`Plan line row ${rowNumber} is partly blank: it has no ${blank.join(" or ")}`);
    return {
      quantity: readCell(quantity, row[0], where("quantity")),
      unitCost: readCell(moneyAmount, row[1], where("unit cost")),
      frequency: readFrequency(row[2], where("frequency")),
    };
  });
}

/** The exact cost of a plan in the period: annual costs summed (one-off items in full), weekly ÷ 52. */
export function planCost(lines: readonly PlanLine[], period: Period): Decimal {
  return inPeriod(
    lines.reduce((sum, line) => sum.plus(annualCost(line)), ZERO),
    period,
  );
}
