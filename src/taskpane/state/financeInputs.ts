// The Finance view's inputs beside the Finance sheet's: the pane takes the sheet's as-at date, year and rates when it
// reads the workbook (unless its own boxes hold changes not yet written), and says which input differs while they do,
// so the view and the sheet never show figures at different inputs without saying so.
import {
  Decimal,
  EngineError,
  formatDate,
  formatPercent,
  isoFromSerial,
  matchKey,
  readForecastRate,
} from "../../engine";
import { FinanceDates, FinanceSheetInputs, SheetRate } from "../../workbook/reports/financeBook";
import { yearStartOrDefault } from "./financeDates";

/** The forecast's two rates a year. */
export type ForecastRate = "growth" | "inflation";
export const FORECAST_RATES: readonly ForecastRate[] = ["growth", "inflation"];
export const RATE_NAMES: Readonly<Record<ForecastRate, string>> = {
  growth: "Growth in people",
  inflation: "Price inflation",
};

/** Rates in percent as typed in the boxes ("2", "2.5%"). */
export type RateInputs = Readonly<Record<ForecastRate, string>>;

export interface AssumptionInputs {
  /** For all care groups; each box must hold a rate. */
  readonly all: RateInputs;
  /** A care group's own rates, where one is typed; a blank box follows all care groups. */
  readonly own: readonly ({ readonly careGroup: string } & RateInputs)[];
}

/** What the view's boxes hold: the dates and the rates. */
export interface FinanceInputs {
  readonly dates: FinanceDates;
  readonly assumptions: AssumptionInputs;
}

/** A fraction as a box shows it, in percent: 0.05 → "5", 0.035 → "3.5". */
export const inPercent = (fraction: Decimal) => fraction.times(100).toString();

/** The boxes as the sheet's inputs fill them; an input the sheet does not hold as a date or a rate stays as it is. */
export function inputsFromSheet(sheet: FinanceSheetInputs, current: FinanceInputs): FinanceInputs {
  const rate = (value: SheetRate | null | undefined, otherwise: string) => (value ? inPercent(value.value) : otherwise);
  return {
    dates: { asAt: sheet.asAt?.iso ?? current.dates.asAt, yearStart: sheet.yearStart?.iso ?? current.dates.yearStart },
    assumptions: {
      all: {
        growth: rate(sheet.all.growth, current.assumptions.all.growth),
        inflation: rate(sheet.all.inflation, current.assumptions.all.inflation),
      },
      own: sheet.own.map((entry) => ({
        careGroup: entry.careGroup,
        growth: rate(entry.growth, ""),
        inflation: rate(entry.inflation, ""),
      })),
    },
  };
}

/** Whether two sets of inputs are the same, box for box (a care group's blank boxes being no entry). */
export function sameInputs(a: FinanceInputs, b: FinanceInputs): boolean {
  const own = (inputs: FinanceInputs) =>
    [...inputs.assumptions.own]
      .map((entry) => `${matchKey(entry.careGroup)}|${entry.growth.trim()}|${entry.inflation.trim()}`)
      .sort()
      .join("\n");
  return (
    a.dates.asAt === b.dates.asAt &&
    a.dates.yearStart === b.dates.yearStart &&
    FORECAST_RATES.every((rate) => a.assumptions.all[rate].trim() === b.assumptions.all[rate].trim()) &&
    own(a) === own(b)
  );
}

/** A box's rate as a fraction, or null while it does not hold one. */
function typedRate(typed: string): Decimal | null {
  try {
    return readForecastRate(typed, "Rate");
  } catch (error) {
    if (error instanceof EngineError) return null;
    throw error;
  }
}

const shownDate = (iso: string) => (iso === "" ? "blank" : formatDate(iso));
const shownRate = (fraction: Decimal | null, typed: string) =>
  fraction === null ? `"${typed.trim()}"` : formatPercent(fraction);

/**
 * Each input the boxes hold that differs from the sheet's, in words: "As at: 1 Nov 2026 on the sheet (B5), 1 Oct
 * 2026 here." A care group's rate is compared as it applies (its own, or all care groups').
 */
export function sheetDifferences(
  inputs: FinanceInputs,
  sheet: FinanceSheetInputs,
  careGroups: readonly string[],
): string[] {
  const differences: string[] = [];
  const { dates, assumptions } = inputs;
  if (sheet.asAt && sheet.asAt.iso !== dates.asAt) {
    differences.push(
      `As at: ${formatDate(sheet.asAt.iso)} on the sheet (${sheet.asAt.cell}), ${shownDate(dates.asAt)} here.`,
    );
  }
  const yearStart = yearStartOrDefault(dates);
  if (sheet.yearStart && yearStart !== null && sheet.yearStart.iso !== isoFromSerial(yearStart)) {
    differences.push(
      `Financial year starts: ${formatDate(sheet.yearStart.iso)} on the sheet (${sheet.yearStart.cell}), ` +
        `${formatDate(isoFromSerial(yearStart))} here.`,
    );
  }
  const ownTyped = (careGroup: string) =>
    assumptions.own.find((entry) => matchKey(entry.careGroup) === matchKey(careGroup));
  const ownOnSheet = (careGroup: string) =>
    sheet.own.find((entry) => matchKey(entry.careGroup) === matchKey(careGroup));
  for (const rate of FORECAST_RATES) {
    const all = sheet.all[rate];
    const allHere = typedRate(assumptions.all[rate]);
    if (all && (allHere === null || !allHere.equals(all.value))) {
      differences.push(
        `${RATE_NAMES[rate]}: ${formatPercent(all.value)} on the sheet (${all.cell}), ` +
          `${shownRate(allHere, assumptions.all[rate])} here.`,
      );
    }
    for (const careGroup of careGroups) {
      const typed = ownTyped(careGroup)?.[rate].trim() ?? "";
      const here = typed === "" ? allHere : typedRate(typed);
      const there = ownOnSheet(careGroup)?.[rate] ?? all;
      if (!there || (here !== null && here.equals(there.value))) continue;
      if (typed === "" && ownOnSheet(careGroup)?.[rate] === undefined) continue; // both follow all care groups
      differences.push(
        `${RATE_NAMES[rate]}, ${careGroup}: ${formatPercent(there.value)} on the sheet (${there.cell}), ` +
          `${shownRate(here, typed === "" ? assumptions.all[rate] : typed)} here.`,
      );
    }
  }
  return differences;
}
