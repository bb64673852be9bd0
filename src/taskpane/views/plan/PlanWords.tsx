import { Field, Input, Textarea } from "@fluentui/react-components";
import { FOCUS, PlanEdit, PlanEditorAction } from "../../state/planEditor";
import { useFieldGridStyles } from "../fieldGrid";

/** What the plan is for, in the person's words, and whom they contact: saved with the plan, shown on their copy. */
export function PlanWords({ plan, dispatch }: { plan: PlanEdit; dispatch: (action: PlanEditorAction) => void }) {
  const styles = useFieldGridStyles();
  return (
    <fieldset className={styles.words}>
      <legend className={styles.legend}>For the person&apos;s copy</legend>
      <Field
        label="What the plan is for"
        hint="In the person's own words: what they want their support to help them do. One outcome a line."
      >
        <Textarea
          id={FOCUS.outcomes}
          value={plan.outcomes}
          resize="vertical"
          onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "outcomes", value: data.value })}
        />
      </Field>
      <Field label="Who to contact" hint="A team or a name, and a phone number or email, as the person should see it.">
        <Input
          id={FOCUS.contact}
          className={styles.control}
          value={plan.contact}
          onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "contact", value: data.value })}
        />
      </Field>
    </fieldset>
  );
}
