import { Field, Input } from "@fluentui/react-components";
import { FOCUS, PlanEdit, PlanEditorAction } from "../../state/planEditor";
import { TypedCharge } from "../../state/planCharge";
import { useFieldGridStyles } from "../fieldGrid";

/**
 * The person's assessed charge a week, after their financial assessment (26 §5): what they pay towards the plan, at
 * most its cost; blank when there is none. Its problem shows as soon as the box holds something that is not an amount.
 */
export function PlanChargeField({
  plan,
  charge,
  dispatch,
}: {
  plan: PlanEdit;
  charge: TypedCharge;
  dispatch: (action: PlanEditorAction) => void;
}) {
  const styles = useFieldGridStyles();
  return (
    <Field
      label="The person's weekly charge (£)"
      hint="Assessed after their financial assessment; blank if they pay none. They never pay more than the plan costs."
      validationMessage={charge.problem ?? undefined}
      validationState={charge.problem ? "error" : "none"}
    >
      <Input
        id={FOCUS.weeklyCharge}
        className={styles.control}
        inputMode="decimal"
        contentBefore={<span aria-hidden="true">£</span>}
        value={plan.weeklyCharge}
        onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "weeklyCharge", value: data.value })}
      />
    </Field>
  );
}
