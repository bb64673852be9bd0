// The Settings view's state: the workbook's policy, as policy officers set it (today the traffic-light tolerance),
// with the record of every change. One reducer with named actions and no effects; what may be saved is the
// engine's rule (readTolerancePercentages) and the record's (changeNoteProblems). The workbook work is in
// settingsController.ts.
import { Cell, Decimal, formatPercent, readTolerancePercentages, Tolerance, ToleranceField } from "../../engine";
import { changeNoteProblems, ChangeNote, SettingChange, WorkbookTolerance } from "../../workbook/planBook";
import { Notice } from "./planEditor";

/** What the view shows of the workbook: the tolerance in force and its changes so far. */
export interface SettingsBook {
  readonly tolerance: WorkbookTolerance;
  /** Oldest first, as recorded. */
  readonly changes: readonly SettingChange[];
  /** Rows of the record that could not be read. */
  readonly problems: readonly string[];
}

/** The boxes: the limits in percent, who changes them and why. */
export type SettingsField = ToleranceField | keyof ChangeNote;

export interface SettingsState {
  readonly book: SettingsBook | null;
  readonly boxes: Readonly<Record<SettingsField, string>>;
  /** Once saving has been tried, every box's problem is shown. */
  readonly tried: boolean;
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
  | { readonly type: "refused"; readonly focus: string }
  | { readonly type: "saved"; readonly book: SettingsBook; readonly message: Notice }
  | { readonly type: "saveFailed"; readonly message: Notice };

/** Ids of the boxes, for focus and labels. */
export const SETTINGS_FOCUS: Readonly<Record<SettingsField, string>> = {
  green: "settings-green",
  amber: "settings-amber",
  changedBy: "settings-changed-by",
  reason: "settings-reason",
};

/** The boxes in the view's order: where focus goes first. */
export const SETTINGS_FIELDS: readonly SettingsField[] = ["green", "amber", "changedBy", "reason"];

export function initialSettings(changedBy: string): SettingsState {
  return {
    book: null,
    boxes: { green: "", amber: "", changedBy, reason: "" },
    tried: false,
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

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, saved: null };
    case "read": {
      // Limits typed and not yet saved are kept over a read (the work is not lost by Refresh).
      const keep = toleranceTyped(state);
      const boxes = keep ? state.boxes : { ...state.boxes, ...action.book.tolerance.percentages };
      return { ...state, book: action.book, boxes, busy: null, message: null };
    }
    case "readFailed":
      return { ...state, busy: null, message: action.message };
    case "edited":
      return { ...state, boxes: { ...state.boxes, [action.field]: action.value }, saved: null };
    case "refused":
      return { ...state, tried: true, focus: focusOn(state, action.focus) };
    case "saved":
      return {
        ...state,
        book: action.book,
        boxes: { ...state.boxes, ...action.book.tolerance.percentages, reason: "" },
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

/** What leaving the view would lose: limits typed and not saved. */
export function unsavedSettings(state: SettingsState): string[] {
  return toleranceTyped(state) ? ["the tolerance you typed"] : [];
}

/** A recorded limit as a percentage ("50%"), or as the cell held it when it was not a number. */
export function percentOf(value: Cell): string {
  if (typeof value === "number" && Number.isFinite(value)) return formatPercent(new Decimal(value));
  return value === null || value === undefined || value === "" ? "blank" : String(value);
}
