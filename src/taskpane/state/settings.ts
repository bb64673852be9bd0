// The Settings view's state: the workbook's policy, as policy officers set it (the traffic-light tolerance and the
// weeks in a year), with the record of every change. One reducer with named actions and no effects; what may be
// saved is the engine's rule (readTolerancePercentages, readTypedWeeks) and the record's (changeNoteProblems). The
// workbook work is in settingsController.ts.
import {
  Cell,
  Decimal,
  formatPercent,
  formatPounds,
  formatQuantity,
  readTolerancePercentages,
  Tolerance,
  ToleranceField,
  weeklyToAnnual,
} from "../../engine";
import {
  changeNoteProblems,
  ChangeNote,
  readTypedWeeks,
  SettingChange,
  WorkbookTolerance,
  WorkbookWeeks,
} from "../../workbook/planBook";
import { Notice } from "./planEditor";

/** Which setting a save is for: the tolerance or the weeks in a year (each has its own button). */
export type SettingSubject = "tolerance" | "weeks";

/** What the view shows of the workbook: the tolerance in force and its changes so far. */
export interface SettingsBook {
  readonly tolerance: WorkbookTolerance;
  readonly weeks: WorkbookWeeks;
  /** Oldest first, as recorded. */
  readonly changes: readonly SettingChange[];
  /** Rows of the record that could not be read. */
  readonly problems: readonly string[];
}

/** The boxes: the limits in percent, the weeks in a year, who changes them and why. */
export type SettingsField = ToleranceField | "weeks" | keyof ChangeNote;

export interface SettingsState {
  readonly book: SettingsBook | null;
  readonly boxes: Readonly<Record<SettingsField, string>>;
  /** Once saving has been tried, every box's problem is shown: the boxes of the setting last tried. */
  readonly tried: boolean;
  readonly trying: SettingSubject;
  /** Work under way, said in words. */
  readonly busy: string | null;
  /** About the workbook, at the top. */
  readonly message: Notice | null;
  /** What the last save did, beside the button. */
  readonly saved: Notice | null;
  readonly focus: { readonly id: string; readonly seq: number } | null;
}

export type SettingsAction =
  | { readonly type: "workStarted"; readonly label: string }
  | { readonly type: "read"; readonly book: SettingsBook }
  | { readonly type: "readFailed"; readonly message: Notice }
  | { readonly type: "edited"; readonly field: SettingsField; readonly value: string }
  | { readonly type: "refused"; readonly focus: string; readonly subject?: SettingSubject }
  | {
      readonly type: "saved";
      readonly book: SettingsBook;
      readonly message: Notice;
      readonly subject?: SettingSubject;
    }
  | { readonly type: "saveFailed"; readonly message: Notice };

/** Ids of the boxes, for focus and labels. */
export const SETTINGS_FOCUS: Readonly<Record<SettingsField, string>> = {
  green: "settings-green",
  amber: "settings-amber",
  weeks: "settings-weeks",
  changedBy: "settings-changed-by",
  reason: "settings-reason",
};

/** The boxes in the view's order: where focus goes first. */
export const SETTINGS_FIELDS: readonly SettingsField[] = ["green", "amber", "weeks", "changedBy", "reason"];

export function initialSettings(changedBy: string): SettingsState {
  return {
    book: null,
    boxes: { green: "", amber: "", weeks: "", changedBy, reason: "" },
    tried: false,
    trying: "tolerance",
    busy: "Reading the workbook",
    message: null,
    saved: null,
    focus: null,
  };
}

const focusOn = (state: SettingsState, id: string) => ({ id, seq: (state.focus?.seq ?? 0) + 1 });

/** Whether the limits typed differ from the workbook's. */
function toleranceTyped(state: SettingsState): boolean {
  const stored = state.book?.tolerance.percentages;
  return stored !== undefined && (state.boxes.green !== stored.green || state.boxes.amber !== stored.amber);
}

/** Whether the weeks in a year typed differ from the workbook's. */
function weeksTyped(state: SettingsState): boolean {
  const stored = state.book?.weeks.typed;
  return stored !== undefined && state.boxes.weeks.trim() !== stored;
}

/** The boxes as the workbook fills them, keeping what was typed and not saved (the work is not lost by Refresh). */
function boxesFrom(state: SettingsState, book: SettingsBook): SettingsState["boxes"] {
  return {
    ...state.boxes,
    ...(toleranceTyped(state) ? {} : book.tolerance.percentages),
    ...(weeksTyped(state) ? {} : { weeks: book.weeks.typed }),
  };
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, saved: null };
    case "read":
      return { ...state, book: action.book, boxes: boxesFrom(state, action.book), busy: null, message: null };
    case "readFailed":
      return { ...state, busy: null, message: action.message };
    case "edited":
      return { ...state, boxes: { ...state.boxes, [action.field]: action.value }, saved: null };
    case "refused":
      return { ...state, tried: true, trying: action.subject ?? "tolerance", focus: focusOn(state, action.focus) };
    case "saved":
      // What was saved is now the workbook's; a box of the other setting typed and not saved keeps its text.
      return {
        ...state,
        book: action.book,
        boxes: { ...boxesFrom(state, action.book), ...savedBoxes(action.subject, action.book), reason: "" },
        tried: false,
        busy: null,
        saved: action.message,
      };
    case "saveFailed":
      return { ...state, busy: null, saved: action.message };
  }
}

/** The tolerance to save with its note, or each box's problem. */
export function readSettingsForm(
  state: SettingsState,
): { tolerance: Tolerance; note: ChangeNote } | { problems: Partial<Record<SettingsField, string>> } {
  const read = readTolerancePercentages(state.boxes);
  const note = { changedBy: state.boxes.changedBy, reason: state.boxes.reason };
  const problems = { ...("problems" in read ? read.problems : {}), ...changeNoteProblems(note) };
  if ("problems" in read || Object.keys(problems).length > 0) return { problems };
  return { tolerance: read.tolerance, note };
}

/** "Green within 10%, Amber within 50%, Red beyond 50%: manager discussion required." */
export function toleranceText(tolerance: Tolerance): string {
  return (
    `Green within ${formatPercent(tolerance.green)}, Amber within ${formatPercent(tolerance.amber)}, ` +
    `Red beyond ${formatPercent(tolerance.amber)}: manager discussion required.`
  );
}

/** The boxes of the setting just saved, as the workbook now holds it. */
function savedBoxes(subject: SettingSubject | undefined, book: SettingsBook): Partial<SettingsState["boxes"]> {
  return subject === "weeks" ? { weeks: book.weeks.typed } : book.tolerance.percentages;
}

/** The weeks in a year to save with their note, or each box's problem. */
export function readWeeksForm(
  state: SettingsState,
): { weeksInYear: Decimal; note: ChangeNote } | { problems: Partial<Record<SettingsField, string>> } {
  const read = readTypedWeeks(state.boxes.weeks);
  const note = { changedBy: state.boxes.changedBy, reason: state.boxes.reason };
  const problems = { ...("problem" in read ? { weeks: read.problem } : {}), ...changeNoteProblems(note, "weeks") };
  if ("problem" in read || Object.keys(problems).length > 0) return { problems };
  return { weeksInYear: read.weeksInYear, note };
}

/** "52 weeks: £100 a week is £5,200 a year." Reading's example, at the weeks given. */
export function weeksText(weeksInYear: Decimal): string {
  const hundred = new Decimal(100);
  return (
    `${formatQuantity(weeksInYear)} weeks: £100 a week is ${formatPounds(weeklyToAnnual(hundred, weeksInYear))} ` +
    "a year, and a weekly figure is the annual ÷ " +
    `${formatQuantity(weeksInYear)}.`
  );
}

/** What leaving the view would lose: limits or weeks typed and not saved. */
export function unsavedSettings(state: SettingsState): string[] {
  return [
    ...(toleranceTyped(state) ? ["the tolerance you typed"] : []),
    ...(weeksTyped(state) ? ["the weeks in a year you typed"] : []),
  ];
}

/** A recorded limit as a percentage ("50%"), or as the cell held it when it was not a number. */
export function percentOf(value: Cell): string {
  if (typeof value === "number" && Number.isFinite(value)) return formatPercent(new Decimal(value));
  return value === null || value === undefined || value === "" ? "blank" : String(value);
}
