import { Field, Input, makeStyles } from "@fluentui/react-components";
import { dateBoxHint, DateField } from "../../../engine";
import { FOCUS, PlanEdit, PlanEditorAction } from "../../state/planEditor";

const useStyles = makeStyles({
  dates: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9.5rem, 1fr))",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "start",
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: "4px", fontWeight: 600 },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

const DATES: readonly { field: DateField; label: string; hint: string }[] = [
  { field: "startDate", label: "Start date", hint: "Blank: the day the plan is first saved" },
  { field: "endDate", label: "End date", hint: "Blank: ongoing" },
  { field: "reviewDate", label: "Review date", hint: "Blank: 12 months after the start" },
];

/** When the plan runs and is reviewed: the browser's own date boxes, typed or picked from the keyboard. */
export function PlanDates({
  plan,
  problems,
  dispatch,
}: {
  plan: PlanEdit;
  problems: Partial<Record<DateField, string>>;
  dispatch: (action: PlanEditorAction) => void;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.dates}>
      <legend className={styles.legend}>Dates</legend>
      {DATES.map(({ field, label, hint }) => (
        <Field
          key={field}
          label={label}
          hint={dateBoxHint(plan[field], hint)}
          validationMessage={problems[field]}
          validationState={problems[field] ? "error" : "none"}
        >
          <Input
            id={FOCUS[field]}
            type="date"
            className={styles.control}
            value={plan[field]}
            onChange={(_, data) => dispatch({ type: "planFieldEdited", field, value: data.value })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
