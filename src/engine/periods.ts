import { Cell, isBlank, readChoice } from "./cells";
import { Decimal, WEEKS_PER_YEAR } from "./decimal";

/** The period a money result is given for. Price tables and plans hold annual £. */
export type Period = "annual" | "weekly";

const PERIOD_SPELLINGS: ReadonlyMap<string, Period> = new Map([
  ["annual", "annual"],
  ["annually", "annual"],
  ["yearly", "annual"],
  ["year", "annual"],
  ["weekly", "weekly"],
  ["week", "weekly"],
]);

/** Reads a period argument; blank means annual. */
export function readPeriod(cell: Cell): Period {
  return isBlank(cell) ? "annual" : readChoice(PERIOD_SPELLINGS, cell, "Period");
}

/** An annual amount in the period asked for: weekly is annual ÷ 52. */
export function inPeriod(annual: Decimal, period: Period): Decimal {
  return period === "weekly" ? annual.div(WEEKS_PER_YEAR) : annual;
}
