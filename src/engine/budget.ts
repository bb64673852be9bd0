import {
  blankAsZero,
  Cell,
  describeCell,
  fraction,
  isBlank,
  isNumeric,
  matchKey,
  pointsNumber,
  readCell,
  readChoice,
} from "./cells";
import { Decimal, ONE, toPence, ZERO } from "./decimal";
import { invalid, listForMessage, notFound } from "./errors";
import { inPeriod, Period, readPeriod, readWeeksInYear } from "./periods";
import { BandPriceTable, careGroupColumn, CategoryPriceTable, PriceTable } from "./priceTable";

/**
 * How a band table turns points into £:
 * - marginal: each band's value is £ per point for the points that fall within that band;
 * - band: all points at the rate of the band the total falls in;
 * - step: the band's value is the budget itself.
 */
export type PricingMethod = "marginal" | "band" | "step";

const METHOD_SPELLINGS: ReadonlyMap<string, PricingMethod> = new Map([
  ["marginal", "marginal"],
  ["band", "band"],
  ["step", "step"],
]);

/**
 * Options that hold for a whole call: the period of the result and the band method, and for a weekly result the
 * weeks in a year the annual amount is divided by (50 to 53; 52 unless the council counts otherwise).
 */
export type BudgetOptions =
  | { readonly period: "annual"; readonly method: PricingMethod; readonly weeksInYear?: Decimal }
  | { readonly period: "weekly"; readonly method: PricingMethod; readonly weeksInYear: Decimal };

/** Reads the period, method and weeks-in-a-year arguments; blanks mean annual, marginal and 52. */
export function readBudgetOptions(period: Cell, method: Cell, weeksInYear: Cell): BudgetOptions {
  return {
    period: readPeriod(period),
    method: isBlank(method) ? "marginal" : readChoice(METHOD_SPELLINGS, method, "Method"),
    // Checked whatever the period, so a wrong argument is never silently unused.
    weeksInYear: readWeeksInYear(weeksInYear),
  };
}

/** One person's inputs, as cells: points (or a category), care group and reduction. */
export interface PersonCells {
  readonly points: Cell;
  readonly careGroup?: Cell;
  readonly reduction?: Cell;
}

/** A points band: from its lower bound up to the next band's (null for the top band). */
export interface Band {
  readonly from: Decimal;
  readonly to: Decimal | null;
}

/** One priced part of a band-table budget, annual £: points at a rate, or (step method) the band's budget. */
export type BandStep =
  | {
      readonly kind: "perPoint";
      readonly points: Decimal;
      readonly rate: Decimal;
      readonly amount: Decimal;
      readonly band: Band;
    }
  | { readonly kind: "fixed"; readonly amount: Decimal; readonly band: Band };

/** What every derivation ends with: the reduction, the period and the one rounding. */
interface DerivationResult {
  /** Annual amount before the reduction. */
  readonly annual: Decimal;
  readonly reduction: Decimal;
  /** Annual amount after the reduction. */
  readonly reduced: Decimal;
  readonly period: Period;
  /** The weeks in a year a weekly amount is counted over; null for an annual amount. */
  readonly weeksInYear: Decimal | null;
  /** The amount in the period, exact. */
  readonly exact: Decimal;
  /** The indicative budget: `exact` rounded to pence, half-up, once. */
  readonly result: Decimal;
}

/** A straight line: points × £ per point, the same for everyone. */
export interface LinearDerivation extends DerivationResult {
  readonly tableKind: "linear";
  readonly careGroup: null;
  readonly points: Decimal;
  readonly rate: Decimal;
}

/** Points priced by a band table, step by step (no steps when the points are below the first band). */
export interface BandDerivation extends DerivationResult {
  readonly tableKind: "bands";
  /** The care group, when the table has a column per care group. */
  readonly careGroup: string | null;
  readonly method: PricingMethod;
  readonly points: Decimal;
  readonly steps: readonly BandStep[];
  /** The first lower bound, below which points earn nothing. */
  readonly firstBound: Decimal;
}

/** An outcomes-based category and the amount the table gives it. */
export interface CategoryDerivation extends DerivationResult {
  readonly tableKind: "categories";
  readonly careGroup: string | null;
  readonly category: string;
}

/** Everything that led to an indicative budget, in order; RAS_EXPLAIN puts it into words. */
export type BudgetDerivation = LinearDerivation | BandDerivation | CategoryDerivation;

/** How the annual amount was reached, before the reduction and the period. */
type Priced<T extends BudgetDerivation> = T extends unknown
  ? Omit<T, Exclude<keyof DerivationResult, "annual">>
  : never;

/** Derives one person's indicative budget from the compiled price table, step by step. */
export function deriveBudget(table: PriceTable, person: PersonCells, options: BudgetOptions): BudgetDerivation {
  const priced = priceAnnual(table, person, options.method);
  const reduction = isBlank(person.reduction) ? ZERO : readCell(fraction, person.reduction, "Reduction");
  const reduced = priced.annual.times(ONE.minus(reduction));
  const weeksInYear = options.period === "weekly" ? options.weeksInYear : null;
  const exact = weeksInYear === null ? reduced : inPeriod(reduced, "weekly", weeksInYear);
  return { ...priced, reduction, reduced, period: options.period, weeksInYear, exact, result: toPence(exact) };
}

/** One person's indicative budget, £ rounded to pence. */
export function indicativeBudget(table: PriceTable, person: PersonCells, options: BudgetOptions): Decimal {
  return deriveBudget(table, person, options).result;
}

function priceAnnual(table: PriceTable, person: PersonCells, method: PricingMethod): Priced<BudgetDerivation> {
  switch (table.kind) {
    case "linear": {
      const points = readPoints(person.points, "a £-per-point");
      const rate = table.ratePerPoint;
      return { tableKind: "linear", careGroup: null, points, rate, annual: points.times(rate) };
    }
    case "bands":
      return priceBands(table, person, method);
    case "categories":
      return priceCategory(table, person);
  }
}

function readPoints(cell: Cell, tableName: string): Decimal {
  if (isBlank(cell)) throw notFound("Points are blank: give the person's RAS points");
  if (typeof cell === "string" && !isNumeric(cell)) {
    throw invalid(
      `Points must be a number for ${tableName} price table; got ${describeCell(cell)} ` +
        "(a category needs a price table of categories)",
    );
  }
  return readCell(pointsNumber, cell, "Points");
}

function groupName(table: BandPriceTable | CategoryPriceTable, column: number): string | null {
  return table.careGroups.names.length > 1 ? table.careGroups.names[column] : null;
}

function priceBands(table: BandPriceTable, person: PersonCells, method: PricingMethod): Priced<BandDerivation> {
  const points = readPoints(person.points, "a band");
  const column = careGroupColumn(table, person.careGroup);
  const bounds = table.lowerBounds;
  const rates = table.values[column];
  const bandAt = (index: number): Band => ({
    from: bounds[index],
    to: index + 1 < bounds.length ? bounds[index + 1] : null,
  });
  const missing = (index: number): never => {
    const group = groupName(table, column);
    throw invalid(
      `The price table has no value for the band from ${bounds[index].toString()} points ` +
        `(row ${table.rowNumbers[index]})${group ? ` for care group ${group}` : ""}, ` +
        `and ${points.toString()} points need it`,
    );
  };
  const rateAt = (index: number): Decimal => rates[index] ?? missing(index);
  const perPoint = (inBand: Decimal, index: number): BandStep => {
    const rate = rateAt(index);
    return { kind: "perPoint", points: inBand, rate, amount: inBand.times(rate), band: bandAt(index) };
  };
  const derivation = {
    tableKind: "bands" as const,
    careGroup: groupName(table, column),
    method,
    points,
    firstBound: bounds[0],
  };

  // The band the total falls in: the last whose lower bound the points reach.
  let band = -1;
  while (band + 1 < bounds.length && bounds[band + 1].lte(points)) band++;
  if (band < 0) return { ...derivation, steps: [], annual: ZERO };

  if (method === "marginal") {
    // Every band below is full; the running total at the band's bound is their sum.
    const steps = bounds.slice(0, band).map((from, index) => perPoint(bounds[index + 1].minus(from), index));
    const atBound = table.runningTotals[column][band] ?? missing(rates.indexOf(null));
    const inBand = points.minus(bounds[band]);
    if (inBand.isZero()) return { ...derivation, steps, annual: atBound };
    const last = perPoint(inBand, band);
    return { ...derivation, steps: [...steps, last], annual: atBound.plus(last.amount) };
  }
  const value = rateAt(band);
  const step: BandStep =
    method === "band"
      ? { kind: "perPoint", points, rate: value, amount: points.times(value), band: bandAt(band) }
      : { kind: "fixed", amount: value, band: bandAt(band) };
  return { ...derivation, steps: [step], annual: step.amount };
}

function priceCategory(table: CategoryPriceTable, person: PersonCells): Priced<CategoryDerivation> {
  if (isBlank(person.points))
    throw notFound("No category given: give the person's category (such as Basic, Standard or Enhanced)");
  const position = table.categoryIndex.get(matchKey(person.points));
  if (position === undefined) {
    throw notFound(
      `Category ${describeCell(person.points)} is not in the price table (it has ${listForMessage(table.categories)})` +
        blankAsZero(person.points),
    );
  }
  const column = careGroupColumn(table, person.careGroup);
  const amount = table.amounts[column][position];
  const category = table.categories[position];
  const group = groupName(table, column);
  if (amount === null) {
    throw invalid(
      `The price table has no amount for category ${category} (row ${table.rowNumbers[position]})` +
        (group ? ` for care group ${group}` : ""),
    );
  }
  return { tableKind: "categories", careGroup: group, category, annual: amount };
}
