import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBarActions,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { ReactNode, useLayoutEffect, useRef } from "react";
import { formatDate, PLAN_STATUSES, PlanField, PlanStatus } from "../../../engine";
import { NoticeBar } from "../../NoticeBar";
import { FOCUS, Notice, OverlapQuestion, PlanEdit, PlanEditorAction } from "../../state/planEditor";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  saved: { color: tokens.colorNeutralForeground2 },
  save: { alignSelf: "flex-start" },
  // Long labels ("End PLAN-0001 and save") wrap rather than run past the pane.
  action: { maxWidth: "100%", whiteSpace: "normal", height: "auto" },
});

/**
 * What the sign-off box says besides a problem under it: whose sign-off the changed lines withdrew, and why one is
 * needed (once: not again beside the problem saying so).
 */
function signOffHint(withdrawn: string | null, needed: string | null, problemShown: boolean): string | undefined {
  const why = problemShown ? "" : (needed ?? "The manager who agreed the plan, if any: not you.");
  const parts = [withdrawn ? `The lines changed since ${withdrawn} signed this plan off.` : "", why];
  const hint = parts.filter(Boolean).join(" ");
  return hint === "" ? undefined : hint;
}

/** Asks before agreeing a plan over the person's earlier Agreed plans: end them the day before, or keep editing. */
function OverlapQuestionBar({
  question,
  busy,
  onEnd,
  onKeep,
}: {
  question: OverlapQuestion;
  busy: boolean;
  onEnd: () => void;
  onKeep: () => void;
}) {
  const styles = useStyles();
  const first = useRef<HTMLButtonElement>(null);
  // The question is where the user must answer it: focus goes to its first answer as it appears.
  useLayoutEffect(() => first.current?.focus(), [question]);
  const ids = question.toEnd.map((plan) => plan.planId).join(" and ");
  return (
    <NoticeBar
      notice={{ intent: "warning", title: "The person already has an Agreed plan", text: question.text }}
      actions={
        <MessageBarActions>
          <Button ref={first} className={styles.action} disabled={busy} onClick={onEnd}>
            {`End ${ids} on ${formatDate(question.toEnd[0].endDate)} and save`}
          </Button>
          <Button className={styles.action} onClick={onKeep}>
            Keep editing
          </Button>
        </MessageBarActions>
      }
    />
  );
}

/** The decision and who made it, the Save button, and what became of the last save, beside the button. */
export function SavePanel({
  plan,
  userName,
  reasonNeeded,
  signOffNeeded,
  signOffWithdrawn,
  problems,
  saveMessage,
  overlap,
  colleague,
  busy,
  dispatch,
  onSave,
  onEndEarlier,
}: {
  plan: PlanEdit;
  userName: string;
  reasonNeeded: string | null;
  signOffNeeded: string | null;
  signOffWithdrawn: string | null;
  /** The decision's problems by field, shown under each once Save has been tried. */
  problems: Partial<Record<PlanField, string>>;
  saveMessage: Notice | null;
  overlap: OverlapQuestion | null;
  /** What a colleague saved, said before the Save button (ColleagueBar). */
  colleague?: ReactNode;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onSave: () => void;
  onEndEarlier: (planIds: readonly string[]) => void;
}) {
  const styles = useStyles();
  const shown = (field: PlanField) => (plan.saveTried ? problems[field] : undefined);
  const signOffProblem = shown("signedOffBy");
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
        validationMessage={shown("reason")}
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
          hint={signOffHint(signOffWithdrawn, signOffNeeded, signOffProblem !== undefined)}
          validationMessage={signOffProblem}
        >
          <Input
            id={FOCUS.signedOffBy}
            value={plan.signedOffBy}
            onChange={(_, data) => dispatch({ type: "planFieldEdited", field: "signedOffBy", value: data.value })}
          />
        </Field>
      )}
      <Field label="Your name" required validationMessage={shown("updatedBy")}>
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
      {colleague}
      <Button appearance="primary" className={styles.save} onClick={onSave} disabled={busy}>
        Save plan
      </Button>
      {overlap && (
        <OverlapQuestionBar
          question={overlap}
          busy={busy}
          onEnd={() => onEndEarlier(overlap.toEnd.map((other) => other.planId))}
          onKeep={() => dispatch({ type: "overlapKept" })}
        />
      )}
      {saveMessage && <NoticeBar notice={saveMessage} />}
    </section>
  );
}
