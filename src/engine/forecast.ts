// The medium-term forecast (the Audit Commission's "medium-term plans of likely demand and cost", paragraph 53):
// this year's recurring full-year commitment grown by the growth in people and by price inflation, a care
// group's own rates where it has them, rounded to the penny once per year.
import { anyNumber, describeCell, matchKey, readCell } from "./cells";
import type { CareGroupCommitment } from "./commitment";
import { Decimal, formatPercent, ONE, toPence, ZERO } from "./decimal";
import { EngineError, invalid } from "./errors";
import { MANAGED_AS } from "./supportPlan";

/** The medium-term assumptions for a care group: a year's growth in the number of people, and in prices. */
export interface ForecastAssumption {
  readonly growth: Decimal;
  readonly inflation: Decimal;
}

/** The forecast's rates for all care groups, and a care group's own where it has them. */
export interface ForecastAssumptions {
  readonly all: ForecastAssumption;
  /** By the care group's matchKey; a rate a care group does not have follows all care groups'. */
  readonly own: ReadonlyMap<string, Partial<ForecastAssumption>>;
}

/** A care group's rates (null: the care groups not listed, which follow all care groups'). */
export function assumptionFor(assumptions: ForecastAssumptions, careGroup: string | null): ForecastAssumption {
  const own = careGroup === null ? undefined : assumptions.own.get(matchKey(careGroup));
  return {
    growth: own?.growth ?? assumptions.all.growth,
    inflation: own?.inflation ?? assumptions.all.inflation,
  };
}

/** A change of more than half in a year, up or down, is surely a typing slip (2.5% typed as 25, or 0.025). */
export const FORECAST_RATE_LIMIT = new Decimal("0.5");

/**
 * Reads a forecast rate typed in percent, as the pane's boxes take it: "2", "2.5%" and "-1" are 2%, 2.5% and
 * −1% a year. At most two decimal places of a percent; within ±50%. Throws an EngineError naming the box.
 */
export function readForecastRate(typed: string, name: string): Decimal {
  const text = typed.trim().replace(/\s*%$/, "");
  const expected = `${name}: expected a percentage a year, such as 2.5 or -1`;
  if (text === "") throw invalid(`${name}: a percentage a year is needed, such as 2.5`);
  let percent: Decimal;
  try {
    percent = readCell(anyNumber, text, name);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; readers throw only EngineErrors, so only a defect
    // would be thrown on here.
    if (!(error instanceof EngineError)) throw error;
    throw invalid(`${expected}; got ${describeCell(typed)}`);
  }
  if (percent.decimalPlaces() > 2) {
    throw invalid(`${name}: at most 2 decimal places of a percent (such as 2.25); got ${describeCell(typed)}`);
  }
  const rate = percent.div(100);
  if (rate.abs().gt(FORECAST_RATE_LIMIT)) {
    const limit = formatPercent(FORECAST_RATE_LIMIT);
    throw invalid(`${name}: from -${limit} to ${limit} a year; got ${describeCell(typed)}`);
  }
  return rate;
}

/** How many financial years after this one the forecast covers. */
export const FORECAST_YEARS = 3;

/**
 * The recurring commitment in each of the next years: this year's full-year recurring commitment, grown each
 * year by the growth in people and by price inflation, rounded to the penny once per year.
 */
export function forecast(recurring: Decimal, assumption: ForecastAssumption, years = FORECAST_YEARS): Decimal[] {
  const factor = ONE.plus(assumption.growth).times(ONE.plus(assumption.inflation));
  return Array.from({ length: years }, (_, at) => toPence(recurring.times(factor.pow(at + 1))));
}

/** The recurring part of a commitment row: every way of managing, one-off items left out. */
export function recurringOf(row: CareGroupCommitment): Decimal {
  return MANAGED_AS.reduce((total, way) => total.plus(row.fullYear[way]), ZERO);
}
