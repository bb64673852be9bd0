// The Settings view's work with the workbook: each operation reads or writes through the Workbook port and ends in
// one action. Errors reach the user as the other views' do (noticeOf).
import {
  readSettingChanges,
  readSettings,
  readWorkbookWeeks,
  saveTolerance,
  saveWeeksInYear,
  timestamp,
} from "../../workbook/planBook";
import { Workbook } from "../../workbook/port";
import { noticeOf } from "./planController";
import {
  percentOf,
  readSettingsForm,
  readWeeksForm,
  SETTINGS_FIELDS,
  SETTINGS_FOCUS,
  SettingsAction,
  SettingsBook,
  SettingsState,
  toleranceText,
  weeksText,
} from "./settings";

export interface SettingsController {
  /** Reads the tolerance and its record (when the view opens, and on Refresh). */
  read(): Promise<void>;
  /** Saves the tolerance typed, recording who and why; refuses, moving focus to the first box to fix. */
  save(state: SettingsState): Promise<void>;
  /** Saves the weeks in a year typed, recording who and why, as the tolerance is saved. */
  saveWeeks(state: SettingsState): Promise<void>;
}

async function readBook(workbook: Workbook): Promise<SettingsBook> {
  const [tolerance, weeks, record] = await Promise.all([
    readSettings(workbook),
    readWorkbookWeeks(workbook),
    readSettingChanges(workbook),
  ]);
  return { tolerance, weeks, changes: record.changes, problems: record.problems };
}

export function settingsController(
  workbook: Workbook,
  dispatch: (action: SettingsAction) => void,
  now: () => Date = () => new Date(),
): SettingsController {
  return {
    async read() {
      dispatch({ type: "workStarted", label: "Reading the workbook" });
      try {
        dispatch({ type: "read", book: await readBook(workbook) });
      } catch (error) {
        dispatch({ type: "readFailed", message: noticeOf(error, "The workbook needs attention") });
      }
    },
    async save(state) {
      const form = readSettingsForm(state);
      if ("problems" in form) {
        const field = SETTINGS_FIELDS.find((candidate) => form.problems[candidate])!;
        dispatch({ type: "refused", focus: SETTINGS_FOCUS[field] });
        return;
      }
      dispatch({ type: "workStarted", label: "Saving the tolerance" });
      try {
        const changes = await saveTolerance(workbook, form.tolerance, form.note, timestamp(now()));
        const changed = changes
          .map((change) => `${change.setting} ${percentOf(change.from)} → ${percentOf(change.to)}`)
          .join(", ");
        dispatch({
          type: "saved",
          book: await readBook(workbook),
          message: {
            intent: "success",
            title: "Tolerance saved",
            text:
              `${toleranceText(form.tolerance)} Recorded in PlanSettingsHistory: ${changed}, by ` +
              `${form.note.changedBy.trim()}.`,
          },
        });
      } catch (error) {
        dispatch({ type: "saveFailed", message: noticeOf(error, "Tolerance not saved") });
      }
    },
    async saveWeeks(state) {
      const form = readWeeksForm(state);
      if ("problems" in form) {
        const field = SETTINGS_FIELDS.find((candidate) => form.problems[candidate])!;
        dispatch({ type: "refused", focus: SETTINGS_FOCUS[field], subject: "weeks" });
        return;
      }
      dispatch({ type: "workStarted", label: "Saving the weeks in a year" });
      try {
        const change = await saveWeeksInYear(workbook, form.weeksInYear, form.note, timestamp(now()));
        dispatch({
          type: "saved",
          subject: "weeks",
          book: await readBook(workbook),
          message: {
            intent: "success",
            title: "Weeks in a year saved",
            text:
              `${weeksText(form.weeksInYear)} Recorded in PlanSettingsHistory: ${change.setting} ` +
              `${percentOf(change.from)} → ${percentOf(change.to)}, by ${form.note.changedBy.trim()}. Plans already ` +
              "saved keep their figures until they are next saved.",
          },
        });
      } catch (error) {
        dispatch({ type: "saveFailed", message: noticeOf(error, "Weeks in a year not saved") });
      }
    },
  };
}
