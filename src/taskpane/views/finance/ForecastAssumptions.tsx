import { Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { addMonths, ALL_CARE_GROUPS, financialYearLabel, formatPounds, matchKey, serialFromIso } from "../../../engine";
import { ForecastRow } from "../../../workbook/reports/financeBook";
import {
  AssumptionInputs,
  FinanceAction,
  FORECAST_RATES,
  ForecastRate,
  RATE_NAMES,
  RateProblem,
} from "../../state/finance";
import { useFieldGridStyles } from "../fieldGrid";
import { useFigureStyles } from "../plan/figures";
import { useAmountStyles } from "./amounts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  groups: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorPaletteRedForeground1 },
});

/** A box's id: "finance-rate-all-growth", "finance-rate-1-inflation" (the care group's place in the list). */
export const rateBoxId = (group: number | null, rate: ForecastRate) => `finance-rate-${group ?? "all"}-${rate}`;

/**
 * The forecast's rates a year, in percent: for all care groups, and, folded away, a care group's own (a blank
 * box follows all care groups, as the sheet's formula does until a rate is typed over it).
 */
export function ForecastAssumptionsInputs({
  inputs,
  careGroups,
  problems,
  dispatch,
}: {
  inputs: AssumptionInputs;
  careGroups: readonly string[];
  problems: readonly RateProblem[];
  dispatch: (action: FinanceAction) => void;
}) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const problemOf = (careGroup: string | null, rate: ForecastRate) =>
    problems.find(
      (problem) =>
        problem.rate === rate &&
        (careGroup === null
          ? problem.careGroup === null
          : problem.careGroup !== null && matchKey(problem.careGroup) === matchKey(careGroup)),
    )?.message;
  const box = (
    careGroup: string | null,
    group: number | null,
    rate: ForecastRate,
    value: string,
    placeholder?: string,
  ) => {
    const problem = problemOf(careGroup, rate);
    return (
      <Field
        key={rate}
        label={`${RATE_NAMES[rate]} (%)`}
        validationMessage={problem}
        validationState={problem ? "error" : "none"}
      >
        <Input
          id={rateBoxId(group, rate)}
          className={fieldGrid.control}
          value={value}
          inputMode="decimal"
          placeholder={placeholder}
          contentAfter={<span aria-hidden="true">%</span>}
          onChange={(_, data) => dispatch({ type: "rateChanged", careGroup, rate, value: data.value })}
        />
      </Field>
    );
  };
  const ownOf = (careGroup: string) => inputs.own.find((entry) => matchKey(entry.careGroup) === matchKey(careGroup));
  const typedOwn = inputs.own.filter((entry) =>
    careGroups.some((group) => matchKey(group) === matchKey(entry.careGroup)),
  );
  return (
    <section className={styles.section} aria-labelledby="finance-assumptions-heading">
      <h2 id="finance-assumptions-heading" className={styles.heading}>
        Forecast assumptions, a year
      </h2>
      <fieldset className={fieldGrid.rates}>
        <legend className={fieldGrid.legend}>{ALL_CARE_GROUPS}</legend>
        {FORECAST_RATES.map((rate) => box(null, null, rate, inputs.all[rate]))}
      </fieldset>
      {careGroups.length > 0 && (
        <details open={typedOwn.length > 0 ? true : undefined}>
          <summary className={styles.summary}>A care group&apos;s own rates</summary>
          <div className={styles.groups}>
            <p className={styles.note}>A blank box follows all care groups.</p>
            {careGroups.map((careGroup, group) => (
              <fieldset key={careGroup} className={fieldGrid.rates}>
                <legend className={fieldGrid.legend}>{careGroup}</legend>
                {FORECAST_RATES.map((rate) =>
                  box(careGroup, group, rate, ownOf(careGroup)?.[rate] ?? "", `As all: ${inputs.all[rate]}`),
                )}
              </fieldset>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

/** All care groups' recurring commitment in each of the next financial years, against this year's budget. */
export function ForecastFigures({ forecast, yearStart }: { forecast: readonly ForecastRow[]; yearStart: string }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const amounts = useAmountStyles();
  const all = forecast[forecast.length - 1];
  const start = serialFromIso(yearStart);
  return (
    <section className={styles.section} aria-labelledby="finance-forecast-heading">
      <h2 id="finance-forecast-heading" className={styles.heading}>
        Medium-term forecast
      </h2>
      <p className={styles.note}>
        {`All care groups' recurring commitment (${formatPounds(all.thisYear)} a year now, one-off items left ` +
          `out), grown by the assumptions, against this year's budget of ${formatPounds(all.budget)}.`}
      </p>
      <dl className={mergeClasses(figures.list, amounts.list)}>
        {all.years.map((year, at) => {
          const over = year.gt(all.budget) && !all.budget.isZero();
          return [
            <dt key={`term-${at}`}>{financialYearLabel(addMonths(start, 12 * (at + 1)))}</dt>,
            <dd key={`value-${at}`} id={`finance-forecast-${at + 1}`} className={over ? styles.over : undefined}>
              {`${formatPounds(year)}${over ? ", over the budget" : ""}`}
            </dd>,
          ];
        })}
      </dl>
    </section>
  );
}
