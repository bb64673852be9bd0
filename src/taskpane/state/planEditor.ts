// The support-plan editor as a state machine: one reducer, named actions, no effects. Everything the pane
// shows is this state or derived from it by the engine's rules (derivePlan, in planSaving.ts), so a figure on
// screen and a figure saved cannot come from two places. The async work (reading, saving) is in planController.ts.
import { DateField, Decimal, formatDate, formatPounds, LineField, PlanStatus, serialFromIso } from "../../engine";
import { OpenedPlan, PlanBook, PlanHistoryRow, PlanSeen, PlanSummary, SavedPlan } from "../../workbook/planBook";
import type { PersonCopy } from "../../workbook/reports/personCopy";
import type { ColleagueNotice } from "./colleagues";
import type { SaveProblem } from "./planSaving";
import { EMPTY_LINE, LineDraft, LineTexts, textsFromCells, textsFromService, textsOf } from "./lineDrafts";
import { councilCostText } from "./planCharge";

/** The plan's own text fields (besides its lines and status). */
export type PlanTextField = "reason" | "signedOffBy" | "outcomes" | "contact" | "weeklyCharge" | DateField;

/** What the user edits of a plan; differing from its baseline is unsaved work. */
export interface PlanContent {
  readonly planId: string | null;
  readonly personId: string;
  readonly lines: readonly LineTexts[];
  readonly status: PlanStatus;
  readonly reason: string;
  readonly signedOffBy: string;
  /** ISO dates as a date box gives them; "" is blank. */
  readonly startDate: string;
  readonly endDate: string;
  readonly reviewDate: string;
  /** What the plan is for, in the person's words, and whom they contact: for the copy they are given. */
  readonly outcomes: string;
  readonly contact: string;
  /** The person's assessed charge a week, as typed; "" is none. */
  readonly weeklyCharge: string;
}

/** The plan being edited. */
export interface PlanEdit extends Omit<PlanContent, "lines"> {
  readonly lines: readonly LineDraft[];
  readonly lastSaved: { readonly updatedAt: string | null; readonly updatedBy: string } | null;
  /** The plan as last opened or saved. */
  readonly baseline: PlanContent;
  /** Once Save has been tried, every field's problem is shown. */
  readonly saveTried: boolean;
  /** Date boxes already left: their problems are shown (a date before the start, say) before Save is tried. */
  readonly datesLeft: readonly DateField[];
  /** A saved plan's rows as the pane last read them: a save over rows changed since is refused. */
  readonly seen?: PlanSeen;
}

/** An item of a notice's list: text, or text that moves focus to the field it is about (a link). */
export type NoticeItem = string | { readonly text: string; readonly focus: string };

/** A message for the user: where it is shown depends on what it is about. */
export interface Notice {
  readonly intent: "success" | "info" | "warning" | "error";
  readonly title: string;
  readonly text: string;
  readonly items?: readonly NoticeItem[];
}

/** Earlier Agreed plans of the person that agreeing this plan would overlap: end them, or keep editing. */
export interface OverlapQuestion {
  readonly text: string;
  readonly toEnd: readonly { readonly planId: string; readonly runs: string; readonly endDate: string }[];
}

/** Something the user asked for that would replace the plan being edited. */
export type Intent =
  | { readonly kind: "pickPerson"; readonly personId: string }
  | { readonly kind: "openPlan"; readonly planId: string }
  | { readonly kind: "refresh" };

export interface PlanEditorState {
  /** The workbook as last read; null until it has been read. */
  readonly book: PlanBook | null;
  /** About the workbook as a whole, shown at the top. */
  readonly message: Notice | null;
  /** Long work under way, with how far it has got. */
  readonly busy: { readonly label: string; readonly done: number; readonly of: number } | null;
  readonly plan: PlanEdit | null;
  readonly catalogue: { readonly choice: string; readonly problem: string | null };
  /** About the last save, shown beside the Save button. */
  readonly saveMessage: Notice | null;
  /** The content being saved, while a save is under way. */
  readonly saving: PlanContent | null;
  /** The last plan saved, as written to the workbook. */
  readonly saved: SavedPlan | null;
  /** Waiting for the user to keep their unsaved work or discard it. */
  readonly pending: Intent | null;
  /** The element to move focus to; seq changes each time, so the same element can be focused again. */
  readonly focus: { readonly id: string; readonly seq: number } | null;
  /** Who is editing, recorded as Updated by. */
  readonly userName: string;
  /** Saving would overlap the person's earlier Agreed plans: waiting for the user to end them or keep editing. */
  readonly overlap: OverlapQuestion | null;
  /** A colleague's save the pane noticed, or one that stopped this pane's save (colleagues.ts). */
  readonly colleague: ColleagueNotice | null;
  readonly nextKey: number;
  /** The open plan's saves, newest first, as PlanHistory holds them; null until read. */
  readonly history: PlanHistory | null;
  /** The person's copy of the open plan, as made from its saved rows; null until made. */
  readonly copy: CopyState | null;
}

/** The person's copy being looked at: the document, how it is shown, and what became of adding its sheet. */
export interface CopyState {
  readonly planId: string;
  readonly document: PersonCopy;
  readonly largePrint: boolean;
  readonly message: Notice | null;
}

/** A plan's saves as read from PlanHistory, and rows of it that could not be read. */
export interface PlanHistory {
  readonly planId: string;
  readonly rows: readonly PlanHistoryRow[];
  readonly problems: readonly string[];
}

export type PlanEditorAction =
  | { readonly type: "workStarted"; readonly label: string }
  | { readonly type: "progress"; readonly label: string; readonly done: number; readonly of: number }
  | { readonly type: "loaded"; readonly book: PlanBook; readonly message: Notice | null }
  | { readonly type: "loadFailed"; readonly message: Notice }
  | { readonly type: "workFailed"; readonly message: Notice }
  | {
      readonly type: "refreshed";
      readonly book: PlanBook;
      readonly plan: OpenedPlan | null;
      readonly message: Notice;
      readonly discard: boolean;
    }
  | { readonly type: "personPicked"; readonly personId: string; readonly discard: boolean }
  | { readonly type: "planOpened"; readonly plan: OpenedPlan; readonly discard: boolean }
  | { readonly type: "confirmNeeded"; readonly intent: Intent }
  | { readonly type: "keepEditing" }
  | { readonly type: "discardConfirmed" }
  | { readonly type: "lineEdited"; readonly key: number; readonly field: LineField; readonly value: string }
  | { readonly type: "lineLeft"; readonly key: number; readonly field: LineField }
  | { readonly type: "dateLeft"; readonly field: DateField }
  | { readonly type: "typedLineAdded" }
  | { readonly type: "catalogueChosen"; readonly service: string }
  | { readonly type: "catalogueLineAdded" }
  | { readonly type: "lineRemoved"; readonly key: number }
  | { readonly type: "statusChanged"; readonly status: PlanStatus }
  | { readonly type: "planFieldEdited"; readonly field: PlanTextField; readonly value: string }
  | { readonly type: "nameChanged"; readonly name: string }
  | { readonly type: "saveRefused"; readonly problems: readonly SaveProblem[] }
  | { readonly type: "saveStarted"; readonly content: PlanContent }
  /** `keys`: the sent lines' keys, in order, so each learns the Line number it was saved as. */
  | {
      readonly type: "saved";
      readonly plan: SavedPlan;
      readonly content: PlanContent;
      readonly keys: readonly number[];
      /** Why the save's PlanHistory row was not written, though the plan was saved. */
      readonly historyProblem?: string;
    }
  | { readonly type: "historyRead"; readonly history: PlanHistory }
  | { readonly type: "copyMade"; readonly planId: string; readonly document: PersonCopy }
  | { readonly type: "copyMessage"; readonly planId: string; readonly message: Notice }
  | { readonly type: "largePrintSet"; readonly on: boolean }
  | { readonly type: "copyClosed" }
  | { readonly type: "saveFailed"; readonly message: Notice }
  | { readonly type: "overlapFound"; readonly question: OverlapQuestion }
  | { readonly type: "overlapKept" }
  /** What the pane noticed of colleagues' saves (null: nothing since it read the workbook). */
  | { readonly type: "colleagueSaved"; readonly colleague: ColleagueNotice | null }
  /** A save refused because a colleague saved first: nothing was written. */
  | { readonly type: "changedSinceRead"; readonly colleague: ColleagueNotice };

/** Ids of the elements focus moves to. */
export const FOCUS = {
  line: (key: number, field: LineField) => `plan-line-${key}-${field}`,
  catalogue: "plan-catalogue",
  reason: "plan-reason",
  signedOffBy: "plan-signed-off-by",
  updatedBy: "plan-your-name",
  startDate: "plan-start-date",
  endDate: "plan-end-date",
  reviewDate: "plan-review-date",
  outcomes: "plan-outcomes",
  contact: "plan-contact",
  weeklyCharge: "plan-weekly-charge",
} as const;

export function initialState(userName: string): PlanEditorState {
  return {
    book: null,
    message: null,
    busy: { label: "Reading the workbook", done: 0, of: 0 },
    plan: null,
    catalogue: { choice: "", problem: null },
    saveMessage: null,
    saving: null,
    saved: null,
    pending: null,
    focus: null,
    userName,
    overlap: null,
    colleague: null,
    nextKey: 1,
    history: null,
    copy: null,
  };
}

export function contentOf(plan: Omit<PlanContent, "lines"> & { readonly lines: readonly LineTexts[] }): PlanContent {
  return {
    planId: plan.planId,
    personId: plan.personId,
    lines: plan.lines.map(textsOf),
    status: plan.status,
    reason: plan.reason,
    signedOffBy: plan.signedOffBy,
    startDate: plan.startDate,
    endDate: plan.endDate,
    reviewDate: plan.reviewDate,
    outcomes: plan.outcomes,
    contact: plan.contact,
    weeklyCharge: plan.weeklyCharge,
  };
}

const sameContent = (a: PlanContent, b: PlanContent) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the plan has changes the workbook does not hold. */
export function planUnsaved(state: PlanEditorState): boolean {
  return state.plan !== null && !sameContent(contentOf(state.plan), state.plan.baseline);
}

/** What replacing the plan (picking, opening, refreshing, leaving the view) would lose, in words, or nothing. */
export function unsavedWork(state: PlanEditorState): string[] {
  if (!planUnsaved(state) || !state.plan) return [];
  const person = state.book?.people.find((candidate) => candidate.id === state.plan!.personId);
  const whose = person ? ` for ${person.name}` : "";
  return [state.plan.planId ? `the changes to plan ${state.plan.planId}${whose}` : `the new plan${whose}`];
}

function newPlan(personId: string): PlanEdit {
  const content: PlanContent = {
    planId: null,
    personId,
    lines: [],
    status: "Draft",
    reason: "",
    signedOffBy: "",
    startDate: "",
    endDate: "",
    reviewDate: "",
    outcomes: "",
    contact: "",
    weeklyCharge: "",
  };
  return { ...content, lines: [], lastSaved: null, baseline: content, saveTried: false, datesLeft: [] };
}

function openedPlan(plan: OpenedPlan, firstKey: number): PlanEdit {
  const lines: LineDraft[] = plan.lines.map((cells, at) => ({
    ...textsFromCells(cells),
    key: firstKey + at,
    shown: "all",
    savedLine: cells.savedLine ?? null,
  }));
  const edit: Omit<PlanEdit, "baseline"> = {
    planId: plan.planId,
    personId: plan.personId,
    lines,
    status: plan.status,
    reason: plan.reason,
    signedOffBy: plan.signedOffBy,
    startDate: plan.startDate ?? "",
    endDate: plan.endDate ?? "",
    reviewDate: plan.reviewDate ?? "",
    outcomes: plan.outcomes ?? "",
    contact: plan.contact ?? "",
    weeklyCharge: plan.weeklyCharge == null ? "" : plan.weeklyCharge.toFixed(2),
    lastSaved: { updatedAt: plan.updatedAt, updatedBy: plan.updatedBy },
    saveTried: false,
    datesLeft: [],
    seen: plan.seen,
  };
  return { ...edit, baseline: contentOf(edit) };
}

/** The saved plans with one saved plan's summary put in (or replaced), without reading the workbook again. */
function withSummary(book: PlanBook, saved: SavedPlan): PlanBook {
  const person = book.people.find((candidate) => candidate.id === saved.personId);
  const summary: PlanSummary = {
    planId: saved.planId,
    personId: saved.personId,
    name: person?.name ?? "",
    status: saved.status,
    updatedAt: saved.updatedAt,
    reviewDate: saved.reviewDate,
    endDate: saved.endDate,
    light: saved.figures.light,
  };
  const at = book.plans.findIndex((plan) => plan.planId === saved.planId);
  const plans = at < 0 ? [...book.plans, summary] : book.plans.map((plan, index) => (index === at ? summary : plan));
  return { ...book, plans };
}

/** The Agreed plans ended by a save, ended in the book too, so their lights are no longer reviewed. */
function withEnded(book: PlanBook, saved: SavedPlan): PlanBook {
  if (saved.ended.length === 0) return book;
  const endOf = new Map(saved.ended.map((ended) => [ended.planId, serialFromIso(ended.endDate)]));
  const plans = book.agreed.plans.map((plan) =>
    endOf.has(plan.planId) ? { ...plan, end: endOf.get(plan.planId)! } : plan,
  );
  return { ...book, agreed: { ...book.agreed, plans } };
}

/**
 * The plan cost in words: a year, and a week. Where there are one-off items the week's figure (the year's ÷ the weeks
 * in a year, as PB.PLAN_COST and the Plans table give it) says it spreads them over the year, so it never reads as the
 * recurring weekly total beside it.
 */
export function planCostText(figures: { annual: Decimal; weekly: Decimal; oneOff: Decimal }): string {
  const spread = figures.oneOff.isZero() ? "" : ", one-off items spread over the year";
  return `${formatPounds(figures.annual)} a year (${formatPounds(figures.weekly)} a week${spread})`;
}

/** A plan change: the success message no longer describes the plan, so it goes. */
function editPlan(state: PlanEditorState, change: (plan: PlanEdit) => Partial<PlanEdit>): PlanEditorState {
  if (!state.plan) return state;
  const saveMessage = state.saveMessage?.intent === "success" ? null : state.saveMessage;
  return { ...state, plan: { ...state.plan, ...change(state.plan) }, saveMessage };
}

/**
 * A change to the plan's lines. A manager signed off the plan as saved, so a saved sign-off does not carry over
 * to different lines: it is withdrawn, and the plan needs signing off again if it is still to be Agreed.
 */
function editLines(state: PlanEditorState, change: (lines: readonly LineDraft[]) => LineDraft[]): PlanEditorState {
  return editPlan(state, (plan) => {
    const lines = change(plan.lines);
    const withdraw = plan.baseline.signedOffBy.trim() !== "" && plan.signedOffBy === plan.baseline.signedOffBy;
    return withdraw ? { lines, signedOffBy: "" } : { lines };
  });
}

const focusOn = (state: PlanEditorState, id: string): PlanEditorState["focus"] => ({
  id,
  seq: (state.focus?.seq ?? 0) + 1,
});

/** Replaces the plan, unless that would lose unsaved work the user has not agreed to discard. */
function replacePlan(
  state: PlanEditorState,
  intent: Intent,
  discard: boolean,
  replace: () => PlanEditorState,
): PlanEditorState {
  if (!discard && planUnsaved(state)) return { ...state, pending: intent, busy: null };
  return { ...replace(), pending: null };
}

export function planEditorReducer(state: PlanEditorState, action: PlanEditorAction): PlanEditorState {
  switch (action.type) {
    case "workStarted":
      // Already showing just that (the first read, which the pane opens with): the same state, so nothing
      // is rendered again for it.
      if (state.message === null && state.busy?.label === action.label && state.busy.of === 0) return state;
      // The last message goes, so the next one is new to the page and is announced.
      return { ...state, message: null, busy: { label: action.label, done: 0, of: 0 } };
    case "progress":
      return { ...state, busy: { label: action.label, done: action.done, of: action.of } };
    case "loaded":
      return { ...state, book: action.book, message: action.message, busy: null };
    case "loadFailed":
    case "workFailed":
      return { ...state, message: action.message, busy: null };
    case "refreshed": {
      const keepPlan = !action.discard && planUnsaved(state);
      const personStill = state.plan && action.book.people.some((person) => person.id === state.plan!.personId);
      const plan = keepPlan
        ? state.plan
        : action.plan
          ? openedPlan(action.plan, state.nextKey)
          : personStill && state.plan
            ? newPlan(state.plan.personId)
            : null;
      return {
        ...state,
        book: action.book,
        message: action.message,
        busy: null,
        plan,
        nextKey: state.nextKey + (action.plan?.lines.length ?? 0),
        saveMessage: keepPlan ? state.saveMessage : null,
        overlap: null,
        colleague: null,
        catalogue: { choice: "", problem: null },
        pending: null,
      };
    }
    case "personPicked":
      return replacePlan(state, { kind: "pickPerson", personId: action.personId }, action.discard, () => ({
        ...state,
        plan: newPlan(action.personId),
        catalogue: { choice: "", problem: null },
        saveMessage: null,
        overlap: null,
        colleague: null,
        busy: null,
        history: null,
        copy: null,
      }));
    case "planOpened":
      return replacePlan(state, { kind: "openPlan", planId: action.plan.planId }, action.discard, () => ({
        ...state,
        plan: openedPlan(action.plan, state.nextKey),
        nextKey: state.nextKey + action.plan.lines.length,
        catalogue: { choice: "", problem: null },
        saveMessage: null,
        overlap: null,
        colleague: null,
        busy: null,
        history: state.history?.planId === action.plan.planId ? state.history : null,
        copy: state.copy?.planId === action.plan.planId ? state.copy : null,
      }));
    case "confirmNeeded":
      return { ...state, pending: action.intent };
    case "keepEditing":
    case "discardConfirmed":
      return { ...state, pending: null };
    case "lineEdited":
      return editLines(state, (lines) =>
        lines.map((line) => (line.key === action.key ? { ...line, [action.field]: action.value } : line)),
      );
    case "lineLeft":
      return editPlan(state, (plan) => ({
        lines: plan.lines.map((line) =>
          line.key !== action.key || line.shown === "all" || line.shown.includes(action.field)
            ? line
            : { ...line, shown: [...line.shown, action.field] },
        ),
      }));
    case "dateLeft":
      return editPlan(state, (plan) =>
        plan.datesLeft.includes(action.field) ? {} : { datesLeft: [...plan.datesLeft, action.field] },
      );
    case "typedLineAdded": {
      const key = state.nextKey;
      const added = editLines(state, (lines) => [...lines, { ...EMPTY_LINE, key, shown: [], savedLine: null }]);
      return { ...added, nextKey: key + 1, focus: focusOn(state, FOCUS.line(key, "service")) };
    }
    case "catalogueChosen":
      return { ...state, catalogue: { choice: action.service, problem: null } };
    case "catalogueLineAdded": {
      const choice = state.catalogue.choice.trim();
      const service = state.book?.services.find(
        (candidate) => candidate.service.toLowerCase() === choice.toLowerCase(),
      );
      if (!service) {
        const problem =
          choice === ""
            ? "Pick a service from the catalogue first."
            : `There is no service called "${choice}" in the Services table. ` +
              "Pick one from the list, or add a typed line.";
        return { ...state, catalogue: { choice, problem }, focus: focusOn(state, FOCUS.catalogue) };
      }
      const key = state.nextKey;
      const added = editLines(state, (lines) => [
        ...lines,
        { ...textsFromService(service), key, shown: "all", savedLine: null },
      ]);
      return {
        ...added,
        nextKey: key + 1,
        catalogue: { choice: "", problem: null },
        focus: focusOn(state, FOCUS.line(key, "service")),
      };
    }
    case "lineRemoved": {
      const lines = state.plan?.lines ?? [];
      const at = lines.findIndex((line) => line.key === action.key);
      if (at < 0) return state;
      const next = lines[at + 1];
      const removed = editLines(state, (lines) => lines.filter((line) => line.key !== action.key));
      return { ...removed, focus: focusOn(state, next ? FOCUS.line(next.key, "service") : FOCUS.catalogue) };
    }
    case "statusChanged":
      return editPlan(state, () => ({ status: action.status }));
    case "planFieldEdited":
      return editPlan(state, () => ({ [action.field]: action.value }));
    case "nameChanged":
      return { ...state, userName: action.name };
    case "saveRefused": {
      const [first] = action.problems;
      return {
        ...editPlan(state, () => ({ saveTried: true })),
        saveMessage: {
          intent: "error",
          title: "Not saved",
          text: action.problems.length === 1 ? "Fix this first:" : "Fix these first:",
          // Each problem a link to its field.
          items: action.problems.map((problem) => ({ text: problem.message, focus: problem.focus })),
        },
        focus: first ? focusOn(state, first.focus) : state.focus,
      };
    }
    case "saveStarted":
      return {
        ...state,
        saving: action.content,
        saveMessage: null,
        overlap: null,
        busy: { label: "Saving the plan", done: 0, of: 0 },
      };
    case "saved": {
      // A copy made before the save no longer shows the plan as saved: it is made again from the new rows.
      const next = { ...savedReducer(state, action.plan, action.content, action.keys), copy: null };
      if (!action.historyProblem || !next.saveMessage) return next;
      const unrecorded = ` This save was not recorded in PlanHistory: ${action.historyProblem}`;
      return {
        ...next,
        saveMessage: { ...next.saveMessage, intent: "warning", text: next.saveMessage.text + unrecorded },
      };
    }
    case "copyMade":
      if (state.plan?.planId !== action.planId) return state;
      return {
        ...state,
        busy: null,
        copy: {
          planId: action.planId,
          document: action.document,
          largePrint: state.copy?.largePrint ?? false,
          message: null,
        },
      };
    case "copyMessage":
      return state.copy?.planId === action.planId
        ? { ...state, busy: null, copy: { ...state.copy, message: action.message } }
        : { ...state, busy: null };
    case "largePrintSet":
      return state.copy ? { ...state, copy: { ...state.copy, largePrint: action.on } } : state;
    case "copyClosed":
      return { ...state, copy: null };
    case "historyRead":
      return state.plan?.planId === action.history.planId ? { ...state, history: action.history } : state;
    case "saveFailed":
      return { ...state, saving: null, busy: null, saveMessage: action.message };
    case "overlapFound":
      return { ...state, saving: null, busy: null, overlap: action.question };
    case "overlapKept":
      return { ...state, overlap: null };
    case "colleagueSaved": {
      // The last save's success no longer says what the workbook holds of the plan.
      const stale = action.colleague?.about === "plan" && state.saveMessage?.intent === "success";
      return { ...state, colleague: action.colleague, saveMessage: stale ? null : state.saveMessage };
    }
    case "changedSinceRead":
      return { ...state, saving: null, busy: null, colleague: action.colleague };
  }
}

/** What a save found of a colleague's save of the same moment: the ID this plan had to leave, or what to check. */
function savedBeside(saved: SavedPlan): string {
  if (saved.renumberedFrom) {
    return (
      ` Someone else saved ${saved.renumberedFrom} at the same moment, so this plan was given the next free ID, ` +
      `${saved.planId}, in its Plans row and its lines.`
    );
  }
  return saved.warning ? ` ${saved.warning}` : "";
}

/**
 * A save finished. The plan becomes saved as it was sent: edits typed while it was being written stay, and
 * stay unsaved. Dates left blank show the defaults the save gave them.
 */
function savedReducer(
  state: PlanEditorState,
  saved: SavedPlan,
  sent: PlanContent,
  keys: readonly number[],
): PlanEditorState {
  const plan = state.plan;
  const same = plan !== null && plan.personId === saved.personId && (plan.planId ?? saved.planId) === saved.planId;
  const filled = (field: DateField) => saved[field] ?? "";
  const baseline: PlanContent = {
    ...sent,
    planId: saved.planId,
    startDate: filled("startDate"),
    endDate: filled("endDate"),
    reviewDate: filled("reviewDate"),
  };
  const dateAsSent = (field: DateField) => (plan![field] === sent[field] ? filled(field) : plan![field]);
  // Each line sent is now in the PlanLines row numbered as it was saved; a line added meanwhile is still new.
  const savedLines = new Map(keys.map((key, at) => [key, saved.lines[at].savedLine]));
  const next: PlanEdit | null = same
    ? {
        ...plan,
        lines: plan.lines.map((line) => ({ ...line, savedLine: savedLines.get(line.key) ?? line.savedLine })),
        planId: saved.planId,
        startDate: dateAsSent("startDate"),
        endDate: dateAsSent("endDate"),
        reviewDate: dateAsSent("reviewDate"),
        lastSaved: { updatedAt: saved.updatedAt, updatedBy: saved.updatedBy },
        baseline,
        saveTried: false,
        seen: saved.seen,
      }
    : plan;
  const { figures } = saved;
  return {
    ...state,
    book: state.book && withSummary(withEnded(state.book, saved), saved),
    plan: next,
    saved,
    saving: null,
    busy: null,
    colleague: null,
    saveMessage: {
      intent: saved.renumberedFrom || saved.warning ? "warning" : "success",
      title: `Saved plan ${saved.planId} to the Plans and PlanLines tables.`,
      text:
        `${planCostText(figures)}, ${figures.light}, ${saved.status}.` +
        (saved.charge ? ` Cost to the council ${councilCostText(saved.charge)}.` : "") +
        saved.ended.map(({ planId, endDate }) => ` Ended ${planId} on ${formatDate(endDate)}.`).join("") +
        savedBeside(saved),
    },
  };
}
