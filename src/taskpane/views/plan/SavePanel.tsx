import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { formatDate, PLAN_STATUSES, PlanStatus } from "../../../engine";
import { NoticeBar } from "../../NoticeBar";
import { FOCUS, Notice, PlanEdit, PlanEditorAction } from "../../state/planEditor";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  saved: { color: tokens.colorNeutralForeground2 },
  save: { alignSelf: "flex-start" },
});

/** What the sign-off box says: why a sign-off is needed, and whose sign-off the changed lines withdrew. */
function signOffHint(withdrawn: string | null, needed: string | null): string {
  const why = needed ?? "The manager who agreed the plan, if any.";
  return withdrawn ? `The lines changed since ${withdrawn} signed this plan off. ${why}` : why;
}

/** The decision and who made it, the Save button, and what became of the last save, beside the button. */
export function SavePanel({
  plan,
  userName,
  reasonNeeded,
  signOffNeeded,
  signOffWithdrawn,
  saveMessage,
  busy,
  dispatch,
  onSave,
}: {
  plan: PlanEdit;
  userName: string;
  reasonNeeded: string | null;
  signOffNeeded: string | null;
  signOffWithdrawn: string | null;
  saveMessage: Notice | null;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onSave: () => void;
}) {
  const styles = useStyles();
  const missing = (needed: string | null, value: string) =>
    plan.saveTried && needed && value.trim() === "" ? needed : undefined;
  const nameMissing = missing("Enter your name, so colleagues know who last changed the plan.", userName);
  return (
    <section className={styles.panel} aria-label="Status and saving">
      <Field label="Status">
        <RadioGroup
          value={plan.status}
          onChange={(_, data) => dispatch({ type: "statusChanged", status: data.value as PlanStatus })}
        >
          {PLAN_STATUSES.map((status) => (
            <Radio key={status} value={status} label={status} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Reason"
        required={reasonNeeded !== null}
        hint={reasonNeeded ?? "Why the plan differs from the indicative budget, or what the manager should know."}
        validationMessage={missing(reasonNeeded, plan.reason)}
      >
        <Textarea
          id={FOCUS.reason}
          value={plan.reason}
          resize="vertical"
          onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "reason", value: data.value })}
        />
      </Field>
      {plan.status === "Agreed" && (
        <Field
          label="Signed off by (manager)"
          required={signOffNeeded !== null}
          hint={signOffHint(signOffWithdrawn, signOffNeeded)}
          validationMessage={missing(signOffNeeded, plan.signedOffBy)}
        >
          <Input
            id={FOCUS.signedOffBy}
            value={plan.signedOffBy}
            onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "signedOffBy", value: data.value })}
          />
        </Field>
      )}
      <Field label="Your name" required validationMessage={nameMissing}>
        <Input
          id={FOCUS.updatedBy}
          value={userName}
          onChange={(_, data) => dispatch({ type: "nameChanged", name: data.value })}
        />
      </Field>
      {plan.lastSaved?.updatedAt && (
        <Text size={200} className={styles.saved}>
          {`Last saved ${formatDate(plan.lastSaved.updatedAt.slice(0, 10))} ${plan.lastSaved.updatedAt.slice(11)} ` +
            `by ${plan.lastSaved.updatedBy}`}
        </Text>
      )}
      <Button appearance="primary" className={styles.save} onClick={onSave} disabled={busy}>
        Save plan
      </Button>
      {saveMessage && <NoticeBar notice={saveMessage} />}
    </section>
  );
}
