import { Button, Divider, Field, Input, makeStyles, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useState } from "react";
import { formatDate, readTolerancePercentages, ToleranceField } from "../../../engine";
import { readTypedWeeks } from "../../../workbook/planBook";
import { NoticeBar } from "../../NoticeBar";
import {
  initialSettings,
  percentOf,
  readSettingsForm,
  readWeeksForm,
  SETTINGS_FOCUS,
  SettingsField,
  settingsReducer,
  toleranceText,
  unsavedSettings,
  weeksText,
} from "../../state/settings";
import { settingsController } from "../../state/settingsController";
import { useFieldGridStyles } from "../fieldGrid";
import { PaneViewProps } from "../registry";
import { rememberSessionName, sessionName } from "../sessionName";
import { useFirstRead } from "../useFirstRead";
import { YourWorkbook } from "./YourWorkbook";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  text: { margin: 0 },
  preview: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  history: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The record's changes shown, newest first; the table keeps them all. */
const CHANGES_SHOWN = 10;

/**
 * The policy officers' view of the workbook's policy: the traffic-light tolerance every plan is lit by, typed in
 * percent, and the weeks in a year every weekly figure is counted over; each changed only with the name of who
 * changes it and why, and the record of every change.
 */
export function SettingsView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const [state, dispatch] = useReducer(settingsReducer, undefined, () => initialSettings(sessionName()));
  const controller = useMemo(() => settingsController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.read());
  // The tolerance typed and a mapping being made are both unsaved work of this view.
  const [mappingUnsaved, setMappingUnsaved] = useState<readonly string[]>([]);
  const onMappingUnsaved = useCallback((work: readonly string[]) => setMappingUnsaved(work), []);
  const unsaved = [...unsavedSettings(state), ...mappingUnsaved].join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);
  useEffect(() => rememberSessionName(state.boxes.changedBy), [state.boxes.changedBy]);
  useLayoutEffect(() => {
    if (state.focus) document.getElementById(state.focus.id)?.focus();
  }, [state.focus]);

  const { book, boxes, busy } = state;
  const form = state.trying === "weeks" ? readWeeksForm(state) : readSettingsForm(state);
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
  const typedWeeks = readTypedWeeks(boxes.weeks);
  // Newest first; the limits changed together keep their order.
  const changes = (book?.changes ?? [])
    .map((change, at) => ({ change, at }))
    .sort((a, b) => (b.change.changedAt ?? "").localeCompare(a.change.changedAt ?? "") || a.at - b.at)
    .map(({ change }) => change);

  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>Settings</h1>
      <p className={styles.text}>
        The workbook&apos;s policy, for policy officers: every change is recorded with who made it and why. And which of
        your own tables the add-in uses.
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
        </section>
      )}
      {book && (
        <section className={styles.section} aria-labelledby="settings-weeks-heading">
          <h2 id="settings-weeks-heading" className={styles.subheading}>
            Weeks in a year
          </h2>
          <p className={styles.text}>
            {"What every weekly and annual figure is converted with: a weekly line costs this many times its weekly " +
              "cost a year, a person's weekly charge counts this many weeks, and a weekly figure is the annual ÷ " +
              "this. Councils count 52, 52.143 (365 ÷ 7) or 50; any number from 50 to 53."}
          </p>
          {book.weeks.problem && (
            <NoticeBar
              notice={{ intent: "warning", title: "The weeks in a year need fixing", text: book.weeks.problem }}
            />
          )}
          {book.weeks.weeksInYear && (
            <Text id="settings-weeks-in-force">{`In force: ${weeksText(book.weeks.weeksInYear)}`}</Text>
          )}
          <Field label="Weeks in a year" {...message("weeks")}>
            <Input
              id={SETTINGS_FOCUS.weeks}
              className={fieldGrid.control}
              value={boxes.weeks}
              inputMode="decimal"
              onChange={(_, data) => edit("weeks")(data.value)}
            />
          </Field>
          <Text id="settings-weeks-preview" className={styles.preview}>
            {"weeksInYear" in typedWeeks
              ? `Will save: ${weeksText(typedWeeks.weeksInYear)}`
              : `Cannot be saved yet: ${typedWeeks.problem}.`}
          </Text>
          <p className={styles.note}>
            {"Plans already saved keep their figures until they are next saved; the Finance sheet's contributions " +
              "follow the new figure at once."}
          </p>
        </section>
      )}
      {book && (
        <section className={styles.section} aria-labelledby="settings-record-heading">
          <h2 id="settings-record-heading" className={styles.subheading}>
            Who changes it, and why
          </h2>
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
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void controller.save(state)}>
              Save tolerance
            </Button>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void controller.saveWeeks(state)}>
              Save weeks in a year
            </Button>
          </div>
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
              "PB.PLAN_TOLERANCE can take as PlanSettings[Value], and the weeks in a year in its Weeks in a year " +
              "column."}
          </p>
        </section>
      )}
      <Divider />
      <YourWorkbook workbook={workbook} onUnsavedChange={onMappingUnsaved} />
    </div>
  );
}

/** "24 Nov 2026 14:05". */
const when = (at: string) => `${formatDate(at.slice(0, 10))} ${at.slice(11)}`;
