import { Button, Divider, Field, Input, makeStyles, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useReducer } from "react";
import { formatDate, readTolerancePercentages, ToleranceField } from "../../../engine";
import { NoticeBar } from "../../NoticeBar";
import {
  initialSettings,
  percentOf,
  readSettingsForm,
  SETTINGS_FOCUS,
  SettingsField,
  settingsReducer,
  toleranceText,
  unsavedSettings,
} from "../../state/settings";
import { settingsController } from "../../state/settingsController";
import { useFieldGridStyles } from "../fieldGrid";
import { PaneViewProps } from "../registry";
import { rememberSessionName, sessionName } from "../sessionName";
import { useFirstRead } from "../useFirstRead";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  text: { margin: 0 },
  preview: { color: tokens.colorNeutralForeground2 },
  button: { alignSelf: "flex-start" },
  history: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The record's changes shown, newest first; the table keeps them all. */
const CHANGES_SHOWN = 10;

/**
 * The policy officers' view of the workbook's policy: the traffic-light tolerance every plan is lit by, typed in
 * percent, changed only with the name of who changes it and why, and the record of every change. (Other workbook
 * policy, such as the weeks in a year, belongs here too.)
 */
export function SettingsView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const [state, dispatch] = useReducer(settingsReducer, undefined, () => initialSettings(sessionName()));
  const controller = useMemo(() => settingsController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.read());
  const unsaved = unsavedSettings(state).join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);
  useEffect(() => rememberSessionName(state.boxes.changedBy), [state.boxes.changedBy]);
  useLayoutEffect(() => {
    if (state.focus) document.getElementById(state.focus.id)?.focus();
  }, [state.focus]);

  const { book, boxes, busy } = state;
  const form = readSettingsForm(state);
  const problems = "problems" in form ? form.problems : {};
  const message = (field: SettingsField) =>
    state.tried && problems[field]
      ? { validationMessage: problems[field], validationState: "error" as const }
      : { validationState: "none" as const };
  const edit = (field: SettingsField) => (value: string) => dispatch({ type: "edited", field, value });
  const limit = (field: ToleranceField, label: string) => (
    <Field label={label} {...message(field)}>
      <Input
        id={SETTINGS_FOCUS[field]}
        className={fieldGrid.control}
        value={boxes[field]}
        inputMode="decimal"
        contentAfter={<span aria-hidden="true">%</span>}
        onChange={(_, data) => edit(field)(data.value)}
      />
    </Field>
  );
  const typed = readTolerancePercentages(boxes);
  // Newest first; the limits changed together keep their order.
  const changes = (book?.changes ?? [])
    .map((change, at) => ({ change, at }))
    .sort((a, b) => (b.change.changedAt ?? "").localeCompare(a.change.changedAt ?? "") || a.at - b.at)
    .map(({ change }) => change);

  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>Settings</h1>
      <p className={styles.text}>
        The workbook&apos;s policy, for policy officers. Every change is recorded with who made it and why.
      </p>
      <div>
        <Button onClick={() => void controller.read()} disabled={busy !== null} title="Read the settings again">
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={`${busy}…`} />}
      {state.message && <NoticeBar notice={state.message} />}
      {book && (
        <section className={styles.section} aria-labelledby="settings-tolerance-heading">
          <h2 id="settings-tolerance-heading" className={styles.subheading}>
            Tolerance
          </h2>
          <p className={styles.text}>
            {"How far a plan may differ from the indicative budget: Green can be agreed freely, Amber only with a " +
              "reason, Red only with a reason and a manager's sign-off. At most 100%: a plan costing more than " +
              "double its indicative budget is always Red."}
          </p>
          {book.tolerance.problem && (
            <NoticeBar
              notice={{ intent: "warning", title: "The tolerance needs fixing", text: book.tolerance.problem }}
            />
          )}
          {book.tolerance.tolerance && (
            <Text id="settings-in-force">{`In force: ${toleranceText(book.tolerance.tolerance)}`}</Text>
          )}
          <fieldset className={fieldGrid.rates}>
            <legend className={fieldGrid.legend}>Change it</legend>
            {limit("green", "Green within (%)")}
            {limit("amber", "Amber within (%)")}
          </fieldset>
          <Text id="settings-preview" className={styles.preview}>
            {"tolerance" in typed
              ? `Will save: ${toleranceText(typed.tolerance)}`
              : `Cannot be saved yet: ${Object.values(typed.problems).join("; ")}.`}
          </Text>
          <Field label="Your name" required {...message("changedBy")}>
            <Input
              id={SETTINGS_FOCUS.changedBy}
              value={boxes.changedBy}
              onChange={(_, data) => edit("changedBy")(data.value)}
            />
          </Field>
          <Field
            label="Why it changes"
            required
            hint="The decision or paper it follows; recorded with the change."
            {...message("reason")}
          >
            <Textarea
              id={SETTINGS_FOCUS.reason}
              value={boxes.reason}
              resize="vertical"
              onChange={(_, data) => edit("reason")(data.value)}
            />
          </Field>
          <Button
            className={styles.button}
            appearance="primary"
            disabled={busy !== null}
            onClick={() => void controller.save(state)}
          >
            Save tolerance
          </Button>
          {state.saved && <NoticeBar notice={state.saved} />}
        </section>
      )}
      {book && (
        <section className={styles.section} aria-labelledby="settings-history-heading">
          <Divider />
          <h2 id="settings-history-heading" className={styles.subheading}>
            Changes
          </h2>
          {book.problems.length > 0 && (
            <NoticeBar
              notice={{ intent: "warning", title: "Some changes cannot be read", text: "", items: book.problems }}
            />
          )}
          {changes.length === 0 ? (
            <p className={styles.note}>No change has been made in the pane yet.</p>
          ) : (
            <ol className={styles.history} id="settings-changes">
              {changes.slice(0, CHANGES_SHOWN).map((change, at) => (
                <li key={at}>
                  {`${change.changedAt ? when(change.changedAt) : "Undated"}: ${change.setting} ` +
                    `${percentOf(change.from)} → ${percentOf(change.to)}, by ${change.changedBy}. ` +
                    `Why: ${change.reason}`}
                </li>
              ))}
            </ol>
          )}
          <p className={styles.note}>
            {"The PlanSettingsHistory table holds every change; PlanSettings holds the limits in force, which " +
              "PB.PLAN_TOLERANCE can take as PlanSettings[Value]."}
          </p>
        </section>
      )}
    </div>
  );
}

/** "24 Nov 2026 14:05". */
const when = (at: string) => `${formatDate(at.slice(0, 10))} ${at.slice(11)}`;
