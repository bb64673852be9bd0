import { Field, Input } from "@fluentui/react-components";
import { DateField } from "../../../engine";
import { dateBoxHint } from "../dateBoxHint";
import { FOCUS, PlanEdit, PlanEditorAction } from "../../state/planEditor";
import { useFieldGridStyles } from "../fieldGrid";

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
  const styles = useFieldGridStyles();
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
            onBlur={() => dispatch({ type: "dateLeft", field })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
