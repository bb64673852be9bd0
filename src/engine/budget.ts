import {
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
import { inPeriod, Period, readPeriod } from "./periods";
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

/** Options that hold for a whole call: the period of the result and the band method. */
export interface BudgetOptions {
  readonly period: Period;
  readonly method: PricingMethod;
}

/** One options value per combination, so a call that prices one person allocates none. */
const OPTIONS: Readonly<Record<Period, Readonly<Record<PricingMethod, BudgetOptions>>>> = {
  annual: {
    marginal: { period: "annual", method: "marginal" },
    band: { period: "annual", method: "band" },
    step: { period: "annual", method: "step" },
  },
  weekly: {
    marginal: { period: "weekly", method: "marginal" },
    band: { period: "weekly", method: "band" },
    step: { period: "weekly", method: "step" },
  },
};

/** The one options value for a period and method. */
export function budgetOptions({ period, method }: BudgetOptions): BudgetOptions {
  return OPTIONS[period][method];
}

/** Reads the period and method arguments; blanks mean annual and marginal. */
export function readBudgetOptions(period: Cell, method: Cell): BudgetOptions {
  return OPTIONS[readPeriod(period)][isBlank(method) ? "marginal" : readChoice(METHOD_SPELLINGS, method, "Method")];
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

/** One priced part of an indicative budget, annual £. */
export type BudgetStep =
  | {
      readonly kind: "perPoint";
      readonly points: Decimal;
      readonly rate: Decimal;
      readonly amount: Decimal;
      readonly band: Band | null;
    }
  | { readonly kind: "fixed"; readonly amount: Decimal; readonly band: Band | null; readonly category: string | null };

/** Everything that led to an indicative budget, in order; RAS_EXPLAIN puts it into words. */
export interface BudgetDerivation {
  readonly tableKind: PriceTable["kind"];
  /** The care group, when the table has a column per care group. */
  readonly careGroup: string | null;
  /** The band method, for band tables. */
  readonly method: PricingMethod | null;
  readonly points: Decimal | null;
  readonly steps: readonly BudgetStep[];
  /** For band tables: the first lower bound, below which points earn nothing. */
  readonly firstBound: Decimal | null;
  /** Annual amount before the reduction. */
  readonly annual: Decimal;
  readonly reduction: Decimal;
  /** Annual amount after the reduction. */
  readonly reduced: Decimal;
  readonly period: Period;
  /** The amount in the period, exact. */
  readonly exact: Decimal;
  /** The indicative budget: `exact` rounded to pence, half-up, once. */
  readonly result: Decimal;
}

/** Derives one person's indicative budget from the price table, step by step. */
export function deriveBudget(table: PriceTable, person: PersonCells, options: BudgetOptions): BudgetDerivation {
  const priced = priceAnnual(table, person, options.method);
  const reduction = isBlank(person.reduction) ? ZERO : readCell(fraction, person.reduction, "Reduction");
  const annual = priced.steps.reduce((sum, step) => sum.plus(step.amount), ZERO);
  const reduced = annual.times(ONE.minus(reduction));
  const exact = inPeriod(reduced, options.period);
  return { ...priced, annual, reduction, reduced, period: options.period, exact, result: toPence(exact) };
}

/** One person's indicative budget, £ rounded to pence. */
export function indicativeBudget(table: PriceTable, person: PersonCells, options: BudgetOptions): Decimal {
  return deriveBudget(table, person, options).result;
}

type Priced = Pick<BudgetDerivation, "tableKind" | "careGroup" | "method" | "points" | "steps" | "firstBound">;

function priceAnnual(table: PriceTable, person: PersonCells, method: PricingMethod): Priced {
  switch (table.kind) {
    case "linear": {
      const points = readPoints(person.points, "a £-per-point");
      const rate = table.ratePerPoint;
      const steps: BudgetStep[] = [{ kind: "perPoint", points, rate, amount: points.times(rate), band: null }];
      return { tableKind: "linear", careGroup: null, method: null, points, steps, firstBound: null };
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
      `Points must be a number for ${tableName} price table; got ${describeCell(cell)} (a category needs a price table of categories)`,
    );
  }
  return readCell(pointsNumber, cell, "Points");
}

function groupName(table: BandPriceTable | CategoryPriceTable, column: number): string | null {
  return table.careGroups.names.length > 1 ? table.careGroups.names[column] : null;
}

function priceBands(table: BandPriceTable, person: PersonCells, method: PricingMethod): Priced {
  const points = readPoints(person.points, "a band");
  const column = careGroupColumn(table, person.careGroup);
  const bounds = table.lowerBounds;
  const bandOf = (index: number): Band => ({
    from: bounds[index],
    to: index + 1 < bounds.length ? bounds[index + 1] : null,
  });
  const valueOf = (index: number): Decimal => {
    const value = table.values[column][index];
    if (value === null) {
      const group = groupName(table, column);
      throw invalid(
        `The price table has no value for the band from ${bounds[index]} points (row ${table.rowNumbers[index]})` +
          `${group ? ` for care group ${group}` : ""}, and ${points} points need it`,
      );
    }
    return value;
  };

  const steps: BudgetStep[] = [];
  if (method === "marginal") {
    bounds.forEach((from, index) => {
      const band = bandOf(index);
      const inBand = Decimal.min(points, band.to ?? points).minus(from);
      if (inBand.gt(0)) {
        const rate = valueOf(index);
        steps.push({ kind: "perPoint", points: inBand, rate, amount: inBand.times(rate), band });
      }
    });
  } else {
    // The band the total falls in: the last whose lower bound the points reach.
    let index = -1;
    while (index + 1 < bounds.length && bounds[index + 1].lte(points)) index++;
    if (index >= 0) {
      const value = valueOf(index);
      steps.push(
        method === "band"
          ? { kind: "perPoint", points, rate: value, amount: points.times(value), band: bandOf(index) }
          : { kind: "fixed", amount: value, band: bandOf(index), category: null },
      );
    }
  }
  return { tableKind: "bands", careGroup: groupName(table, column), method, points, steps, firstBound: bounds[0] };
}

function priceCategory(table: CategoryPriceTable, person: PersonCells): Priced {
  if (isBlank(person.points))
    throw notFound("No category given: give the person's category (such as Basic, Standard or Enhanced)");
  const position = table.categoryIndex.get(matchKey(person.points));
  if (position === undefined) {
    throw notFound(
      `Category ${describeCell(person.points)} is not in the price table (it has ${listForMessage(table.categories)})`,
    );
  }
  const column = careGroupColumn(table, person.careGroup);
  const amount = table.amounts[column][position];
  const category = table.categories[position];
  const group = groupName(table, column);
  if (amount === null) {
    throw invalid(
      `The price table has no amount for category ${category} (row ${table.rowNumbers[position]})${group ? ` for care group ${group}` : ""}`,
    );
  }
  const steps: BudgetStep[] = [{ kind: "fixed", amount, band: null, category }];
  return { tableKind: "categories", careGroup: group, method: null, points: null, steps, firstBound: null };
}
