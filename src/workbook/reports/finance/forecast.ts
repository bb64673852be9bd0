// The Finance sheet's forecast: the assumptions (a row for all care groups, which each group's row follows by
// formula until its own rate is typed over it), the next three financial years of each care group's recurring
// commitment grown by its rates, beside this year's budget held flat, and a native chart of all care groups'.
import {
  ALL_CARE_GROUPS,
  COMMITMENT_PARTS,
  FORECAST_YEARS,
  ForecastAssumptions,
  MANAGED_AS,
  matchKey,
} from "../../../engine";
import { ChartSpec } from "../../port";
import { MONEY_FORMAT, PERCENT_FORMAT } from "../../schema/columns";
import { Block, CHART_ROWS, FINANCE_COLUMNS, FinanceLayout } from "./layout";
import { byCareGroup, Cells, down, fixed, ref } from "./sheetCells";

/** The headings of the assumptions' rows and columns, which the pane's reader of the sheet looks for. */
export const ASSUMPTION_TITLE = "Forecast assumptions, a year";
export const RATE_HEADINGS = { growth: "Growth in people", inflation: "Price inflation" } as const;

/** "2026/27" for the year `years` after the one starting at `start` (from April), "2027" for a calendar year. */
export function yearLabel(start: string, years: number): string {
  const year = `(YEAR(${start})+${years})`;
  return `=IF(MONTH(${start})=1,""&${year},${year}&"/"&RIGHT(${year}+1,2))`;
}

/** One row of rates for all care groups, which each group's row follows (by formula) until its own is typed. */
export function writeAssumptions(
  cells: Cells,
  block: Block,
  careGroups: readonly string[],
  assumptions: ForecastAssumptions,
): void {
  const rates = ["growth", "inflation"] as const;
  cells.text(block.title, 0, ASSUMPTION_TITLE, true);
  cells.text(block.title, 1, RATE_HEADINGS.growth, true);
  cells.text(block.title, 2, RATE_HEADINGS.inflation, true);
  cells.text(block.first, 0, ALL_CARE_GROUPS);
  rates.forEach((rate, at) =>
    cells.put(block.first, 1 + at, { value: assumptions.all[rate].toNumber(), numberFormat: PERCENT_FORMAT }),
  );
  careGroups.forEach((careGroup, index) => {
    const row = block.first + 1 + index;
    const own = assumptions.own.get(matchKey(careGroup));
    cells.text(row, 0, careGroup);
    rates.forEach((rate, at) => {
      const column = 1 + at;
      const value = own?.[rate];
      cells.put(
        row,
        column,
        value === undefined
          ? { formula: `=${fixed(block.first, column)}`, numberFormat: PERCENT_FORMAT }
          : { value: value.toNumber(), numberFormat: PERCENT_FORMAT },
      );
    });
  });
  cells.text(block.last + 1, 0, "A care group follows All care groups until you type its own rate over the formula.");
}

/**
 * The next three financial years: each care group's recurring full-year commitment (one-off items left out),
 * grown each year by its assumptions and rounded to the penny, beside this year's budget held flat ("All care
 * groups" adds up the groups' years); and a chart of all care groups' forecast against the budget, year by year.
 */
export function writeForecast(
  cells: Cells,
  layout: FinanceLayout,
  careGroups: readonly string[],
  yearStart: string,
): ChartSpec {
  const block = layout.forecast;
  const years = FORECAST_YEARS;
  const fullYearRow = (row: number) => row - block.first + layout.fullYear.first;
  const all = block.last;
  const assumptionRow = (row: number) =>
    row < block.first + careGroups.length
      ? layout.assumptions.first + 1 + (row - block.first)
      : layout.assumptions.first;
  const recurring = {
    row: (row: number) => `=${MANAGED_AS.map((_, at) => ref(fullYearRow(row), 1 + at)).join("+")}`,
  };
  const grown = (year: number) => ({
    row: (row: number) => {
      if (row === all) return `=SUM(${down(1 + year, block.first, all - 1)})`;
      const [growth, inflation] = [fixed(assumptionRow(row), 1), fixed(assumptionRow(row), 2)];
      return `=ROUND($B${row + 1}*(1+${growth})^${year}*(1+${inflation})^${year},2)`;
    },
  });
  byCareGroup(
    cells,
    block,
    careGroups,
    "Medium-term forecast: recurring commitment grown by the assumptions; budget held at this year's",
    [
      { heading: FINANCE_COLUMNS.forecast[0], format: MONEY_FORMAT, figure: recurring },
      ...Array.from({ length: years }, (_, at) => ({
        // Stryker disable next-line ArithmeticOperator: equivalent; a year's heading is overwritten by its label
        heading: FINANCE_COLUMNS.forecast[1 + at],
        format: MONEY_FORMAT,
        figure: grown(at + 1),
      })),
      {
        heading: FINANCE_COLUMNS.forecast[years + 1],
        format: MONEY_FORMAT,
        figure: { row: (row: number) => `=${ref(fullYearRow(row), COMMITMENT_PARTS.length + 2)}` },
      },
    ],
  );
  // Each year's heading names it: 2026/27, 2027/28…
  for (let year = 0; year <= years; year++)
    cells.put(block.header, 1 + year, { formula: yearLabel(yearStart, year), bold: true });

  const source = layout.chartSource;
  cells.text(source.title, 0, "Financial year", true);
  FINANCE_COLUMNS.chartSource.forEach((heading, at) => cells.text(source.title, 1 + at, heading, true));
  for (let year = 0; year <= years; year++) {
    const row = source.first + year;
    cells.put(row, 0, { formula: `=${ref(block.header, 1 + year)}` });
    cells.put(row, 1, { formula: `=${ref(all, 1 + year)}`, numberFormat: MONEY_FORMAT });
    cells.put(row, 2, { formula: `=${ref(all, years + 2)}`, numberFormat: MONEY_FORMAT });
  }
  return {
    name: "ForecastAgainstBudget",
    title: "Forecast commitment against budget",
    type: "columnClustered",
    source: { row: source.title, column: 0, rows: years + 2, columns: 3 },
    at: { row: source.title, column: 4, rows: CHART_ROWS, columns: 6 },
    xAxisTitle: "Financial year",
    yAxisTitle: "£ a year",
  };
}
