// The evidence a RAS is reviewed against: each person's points and what their agreed plan costs (or what was
// actually spent) a year. PB.RAS_FIT measures a price table against it; PB.CALIBRATE fits one to it. Cells are read
// once here, with a fast path for the plain numbers a cohort is made of, and exact decimals for anything else.
import { Cell, isNoValue, label, matchKey, moneyAmount, pointsNumber, readCell } from "./cells";
import { Decimal } from "./decimal";
import { EngineError, invalid } from "./errors";

/** One person of the evidence, as their cells hold them. */
export interface EvidenceMember {
  readonly points: Cell;
  /** The annual cost of their agreed plan, or their actual spend, in £. */
  readonly cost: Cell;
  readonly careGroup?: Cell;
  /** Why they cannot be used whatever their cells say, found before reading them (an error value in a cell). */
  readonly problem?: string;
}

/** An annual cost: whole pence in a plain number (almost every cost), or an exact decimal of £. */
export type Cost =
  { readonly pence: number; readonly exact?: undefined } | { readonly pence?: undefined; readonly exact: Decimal };

/** 2^52: whole pence below this are exact in a plain number, and so are their sums of two. */
const SAFE_PENCE = 2 ** 52;

/** Reads a cost; throws an EngineError saying why it cannot be used. */
export function readCost(cell: Cell): Cost {
  // Stryker disable all: equivalent below 2⁵² pence (£45 trillion); the fast path for whole pence. A mutant sends a
  // cost to the exact reading below, which keeps the same amount (or refuses it), or tries a number it then rejects.
  if (typeof cell === "number" && cell >= 0 && cell <= SAFE_PENCE / 100) {
    const pence = Math.round(cell * 100);
    if (pence / 100 === cell) return { pence };
  }
  // Stryker restore all
  if (isNoValue(cell)) throw invalid("Cost is blank: give the annual cost of the person's agreed plan");
  const exact = readCell(moneyAmount, cell, "Cost");
  return { exact };
}

/** The cost in £, exactly. */
export function costAmount(cost: Cost): Decimal {
  return cost.exact ?? new Decimal(cost.pence).div(100);
}

/**
 * Reads points for grouping: a plain number as itself (people with the same points share one entry), anything
 * else through the engine's reading, keyed by its exact decimal text. Throws an EngineError saying why.
 */
export function readPointsKey(cell: Cell): number | string {
  // Equivalent mutants: a number not taken here is read below as the same points, keyed by its text.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,StringLiteral: equivalent (above).
  if (typeof cell === "number" && Number.isFinite(cell) && cell >= 0) return cell;
  if (isNoValue(cell)) throw invalid("Points are blank: give the person's RAS points");
  return readCell(pointsNumber, cell, "Points").toString();
}

/** The exact points of a key from readPointsKey (a number is the decimal it shows, as the engine reads cells). */
export const pointsOfKey = (key: number | string): Decimal => new Decimal(key);

/** Care groups in the order they first appear, matched as the functions match them (case and spaces ignored). */
export class CareGroupsInOrder {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  /** The group's position; a blank care group cannot be used. */
  positionOf(cell: Cell): number {
    const key = matchKey(cell);
    let position = this.index.get(key);
    if (position === undefined) {
      if (isNoValue(cell)) throw invalid("Care group is blank: give the person's care group");
      position = this.names.length;
      this.index.set(key, position);
      this.names.push(label(cell));
    }
    return position;
  }
}

/** An EngineError's message, for a person left out; anything else is a defect and is thrown on. */
export function whyLeftOut(error: unknown): string {
  // Stryker disable next-line ConditionalExpression: equivalent; readers throw only EngineErrors, so only a defect
  // would be thrown on here.
  if (error instanceof EngineError) return error.message;
  throw error;
}
