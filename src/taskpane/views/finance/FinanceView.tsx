import { Button, Field, Input, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer } from "react";
import { formatDate, formatPounds } from "../../../engine";
import { dateBoxHint } from "../dateBoxHint";
import { timestamp } from "../../../workbook/planBook";
import { NoticeBar } from "../../NoticeBar";
import { canWrite, financeReducer, financeSummary, initialFinanceState, unsavedWork } from "../../state/finance";
import { financeController } from "../../state/financeController";
import { useFieldGridStyles } from "../fieldGrid";
import { PaneViewProps } from "../registry";
import { useFirstRead } from "../useFirstRead";
import { AgreedLightReview } from "./AgreedLightReview";
import { CommitmentFigures, percent } from "./CommitmentFigures";
import { ForecastAssumptionsInputs, ForecastFigures } from "./ForecastAssumptions";
import { SheetDifferences, WorkbookNotices } from "./WorkbookNotices";
import { OutturnSection } from "./OutturnSection";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  intro: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  list: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** How many services the pane lists; the sheet lists them all. */
const SERVICES_SHOWN = 5;

/**
 * The finance officer's view: what Agreed plans commit the council to at an as-at date, this year and in a full
 * year, against the budget, with the pipeline and what people spend their budgets on; and a button that writes
 * the same figures to a Finance sheet of live formulas (with a Budgets table when the workbook has none).
 */
export function FinanceView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const [state, dispatch] = useReducer(financeReducer, undefined, () =>
    initialFinanceState(timestamp(new Date()).slice(0, 10)),
  );
  const controller = useMemo(() => financeController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.read());
  const unsaved = unsavedWork(state).join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);

  const summary = useMemo(() => financeSummary(state), [state]);
  const { figures, forecast, year, problems } = summary;
  const yearHint =
    year === null
      ? "Blank: from 1 April, April to March"
      : year.byDefault
        ? `Blank: from 1 April (${formatDate(year.from)}), ends ${formatDate(year.to)}`
        : `Ends ${formatDate(year.to)}`;
  const notes = figures?.notes ?? [];
  const busy = state.busy !== null;

  return (
    <div className={styles.view} aria-busy={busy}>
      <h1 className={styles.heading}>Finance</h1>
      <p className={styles.intro}>
        What Agreed plans commit the council to, in the year and in future, against the budget for personal budgets.
      </p>
      {figures && <WorkbookNotices figures={figures} />}
      <fieldset className={fieldGrid.dates}>
        <legend className={fieldGrid.legend}>{year ? `Financial year ${year.label}` : "Financial year"}</legend>
        <Field
          label="As at"
          hint={dateBoxHint(state.dates.asAt, "Commitment is counted from this day")}
          validationState={problems.asAt ? "error" : "none"}
          validationMessage={problems.asAt ?? undefined}
        >
          <Input
            id="finance-as-at"
            type="date"
            className={fieldGrid.control}
            value={state.dates.asAt}
            onChange={(_, data) => dispatch({ type: "asAtChanged", asAt: data.value })}
          />
        </Field>
        <Field
          label="Financial year starts"
          hint={dateBoxHint(state.dates.yearStart, yearHint)}
          validationState={problems.yearStart ? "error" : "none"}
          validationMessage={problems.yearStart ?? undefined}
        >
          <Input
            id="finance-year-start"
            type="date"
            className={fieldGrid.control}
            value={state.dates.yearStart}
            onChange={(_, data) => dispatch({ type: "yearStartChanged", yearStart: data.value })}
          />
        </Field>
      </fieldset>
      <ForecastAssumptionsInputs
        inputs={state.assumptions}
        careGroups={state.book?.careGroups ?? []}
        problems={summary.rateProblems}
        dispatch={dispatch}
      />
      {state.book?.sheet && (
        <SheetDifferences
          sheet={state.book.sheet.sheet}
          differences={summary.differences}
          onUseSheet={() => dispatch({ type: "sheetInputsUsed" })}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!canWrite(state, summary)}
          onClick={() => void controller.write(state)}
          title="Add a Finance sheet of live formulas over the tables, at these dates"
        >
          Write Finance sheet
        </Button>
        <Button
          onClick={() => void controller.read()}
          disabled={busy}
          title="Read plans, budgets and the Finance sheet's inputs again"
        >
          Refresh
        </Button>
      </div>
      {state.busy && <Spinner size="tiny" labelPosition="after" label={`${state.busy}…`} />}
      {state.written && <NoticeBar notice={state.written} />}
      {state.message && <NoticeBar notice={state.message} />}
      {state.book && !state.book.hasBudgets && (
        <NoticeBar
          notice={{
            intent: "info",
            title: "No Budgets table yet",
            text: "Writing the Finance sheet adds one, with a row per care group for the annual budgets.",
          }}
        />
      )}
      {notes.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Some figures leave things out",
            text: "",
            items: [...notes.slice(0, 5), ...(notes.length > 5 ? [`…and ${notes.length - 5} more.`] : [])],
          }}
        />
      )}
      <AgreedLightReview workbook={workbook} asAt={state.dates.asAt} readAt={state.book} />
      {figures && <CommitmentFigures figures={figures} />}
      {figures && (
        <section aria-labelledby="finance-spending-heading">
          <h2 id="finance-spending-heading" className={styles.subheading}>
            What people spend their budgets on
          </h2>
          {figures.spending.total.isZero() ? (
            <p className={styles.note}>No Agreed plan has lines yet.</p>
          ) : (
            <ol className={styles.list}>
              {figures.spending.services
                .filter((service) => !service.total.isZero())
                .slice(0, SERVICES_SHOWN)
                .map((service) => (
                  <li key={service.service}>
                    {`${service.service}: ${formatPounds(service.total)} a year` +
                      (service.share ? ` (${percent(service.share)})` : "")}
                  </li>
                ))}
            </ol>
          )}
          <p className={styles.note}>The Finance sheet has every service, and the indicative budgets against plans.</p>
        </section>
      )}
      {forecast && year && <ForecastFigures forecast={forecast} yearStart={year.from} />}
      <OutturnSection workbook={workbook} dates={state.dates} readWith={state.book} />
    </div>
  );
}
