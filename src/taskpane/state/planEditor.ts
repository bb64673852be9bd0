// The support-plan editor as a state machine: one reducer, named actions, no effects. Everything the pane
// shows is this state or derived from it by the engine's rules (derivePlan), so a figure on screen and a
// figure saved cannot come from two places. The async work (reading, saving) is in planController.ts.
import {
  CheckedLine,
  costPlan,
  DateField,
  CostedPlan,
  formatPounds,
  LineField,
  PlanField,
  planDates,
  planProblems,
  PlanStatus,
  reasonRequired,
  signOffRequired,
  ToleranceField,
} from "../../engine";
import {
  assess,
  Assessment,
  OpenedPlan,
  Person,
  PlanBook,
  PlanSummary,
  PlanToSave,
  SavedPlan,
  WorkbookTolerance,
} from "../../workbook/planBook";
import {
  checkDrafts,
  EMPTY_LINE,
  LINE_FIELDS,
  LineDraft,
  LineTexts,
  textsFromCells,
  textsFromService,
  textsOf,
} from "./lineDrafts";

/** The plan's own text fields (besides its lines and status). */
export type PlanTextField = "reason" | "signedOffBy" | DateField;

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
}

/** The plan being edited. */
export interface PlanEdit extends Omit<PlanContent, "lines"> {
  readonly lines: readonly LineDraft[];
  readonly lastSaved: { readonly updatedAt: string | null; readonly updatedBy: string } | null;
  /** The plan as last opened or saved. */
  readonly baseline: PlanContent;
  /** Once Save has been tried, every field's problem is shown. */
  readonly saveTried: boolean;
}

/** A message for the user: where it is shown depends on what it is about. */
export interface Notice {
  readonly intent: "success" | "info" | "warning" | "error";
  readonly title: string;
  readonly text: string;
  readonly items?: readonly string[];
}

/** Something the user asked for that would replace the plan being edited. */
export type Intent =
  | { readonly kind: "pickPerson"; readonly personId: string }
  | { readonly kind: "openPlan"; readonly planId: string }
  | { readonly kind: "refresh" };

/** The workbook's tolerance as typed in the pane's percentage boxes. */
export interface ToleranceBoxes {
  readonly green: string;
  readonly amber: string;
  /** Shown under the boxes once saving them has been tried. */
  readonly tried: boolean;
  readonly message: Notice | null;
}

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
  readonly tolerance: ToleranceBoxes;
  readonly nextKey: number;
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
  | { readonly type: "typedLineAdded" }
  | { readonly type: "catalogueChosen"; readonly service: string }
  | { readonly type: "catalogueLineAdded" }
  | { readonly type: "lineRemoved"; readonly key: number }
  | { readonly type: "statusChanged"; readonly status: PlanStatus }
  | { readonly type: "planFieldEdited"; readonly field: PlanTextField; readonly value: string }
  | { readonly type: "nameChanged"; readonly name: string }
  | { readonly type: "saveRefused"; readonly problems: readonly SaveProblem[] }
  | { readonly type: "saveStarted"; readonly content: PlanContent }
  | { readonly type: "saved"; readonly plan: SavedPlan; readonly content: PlanContent }
  | { readonly type: "saveFailed"; readonly message: Notice }
  | { readonly type: "toleranceEdited"; readonly field: ToleranceField; readonly value: string }
  | { readonly type: "toleranceRefused"; readonly focus: string }
  | { readonly type: "toleranceFailed"; readonly message: Notice }
  | { readonly type: "toleranceSaved"; readonly tolerance: WorkbookTolerance; readonly message: Notice };

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
  tolerance: (field: ToleranceField) => `tolerance-${field}`,
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
    tolerance: { green: "", amber: "", tried: false, message: null },
    nextKey: 1,
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
  };
}

const sameContent = (a: PlanContent, b: PlanContent) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the plan has changes the workbook does not hold. */
export function planUnsaved(state: PlanEditorState): boolean {
  return state.plan !== null && !sameContent(contentOf(state.plan), state.plan.baseline);
}

function toleranceUnsaved(state: PlanEditorState): boolean {
  const stored = state.book?.tolerance.percentages;
  return stored !== undefined && (state.tolerance.green !== stored.green || state.tolerance.amber !== stored.amber);
}

/** What an intent would lose, in words ("the changes to plan PLAN-0001"), or empty when nothing. */
export function unsavedWork(state: PlanEditorState, intent: Intent | { kind: "switchView" }): string[] {
  const work: string[] = [];
  if (planUnsaved(state) && state.plan) {
    const person = state.book?.people.find((candidate) => candidate.id === state.plan!.personId);
    const whose = person ? ` for ${person.name}` : "";
    work.push(state.plan.planId ? `the changes to plan ${state.plan.planId}${whose}` : `the new plan${whose}`);
  }
  if ((intent.kind === "refresh" || intent.kind === "switchView") && toleranceUnsaved(state)) {
    work.push("the tolerance you typed");
  }
  return work;
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
  };
  return { ...content, lines: [], lastSaved: null, baseline: content, saveTried: false };
}

function openedPlan(plan: OpenedPlan, firstKey: number): PlanEdit {
  const lines: LineDraft[] = plan.lines.map((cells, at) => ({
    ...textsFromCells(cells),
    key: firstKey + at,
    shown: "all",
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
    lastSaved: { updatedAt: plan.updatedAt, updatedBy: plan.updatedBy },
    saveTried: false,
  };
  return { ...edit, baseline: contentOf(edit) };
}

function toleranceBoxes(book: PlanBook): ToleranceBoxes {
  return { ...book.tolerance.percentages, tried: false, message: null };
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
  };
  const at = book.plans.findIndex((plan) => plan.planId === saved.planId);
  const plans = at < 0 ? [...book.plans, summary] : book.plans.map((plan, index) => (index === at ? summary : plan));
  return { ...book, plans };
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
      return {
        ...state,
        book: action.book,
        message: action.message,
        busy: null,
        tolerance: toleranceUnsaved(state) ? state.tolerance : toleranceBoxes(action.book),
      };
    case "loadFailed":
    case "workFailed":
      return { ...state, message: action.message, busy: null };
    case "refreshed": {
      const keepPlan = !action.discard && planUnsaved(state);
      const keepTolerance = !action.discard && toleranceUnsaved(state);
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
        tolerance: keepTolerance ? state.tolerance : toleranceBoxes(action.book),
        saveMessage: keepPlan ? state.saveMessage : null,
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
        busy: null,
      }));
    case "planOpened":
      return replacePlan(state, { kind: "openPlan", planId: action.plan.planId }, action.discard, () => ({
        ...state,
        plan: openedPlan(action.plan, state.nextKey),
        nextKey: state.nextKey + action.plan.lines.length,
        catalogue: { choice: "", problem: null },
        saveMessage: null,
        busy: null,
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
    case "typedLineAdded": {
      const key = state.nextKey;
      const added = editLines(state, (lines) => [...lines, { ...EMPTY_LINE, key, shown: [] }]);
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
      const added = editLines(state, (lines) => [...lines, { ...textsFromService(service), key, shown: "all" }]);
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
          text: action.problems.length === 1 ? first.message : "Fix these first:",
          items: action.problems.length === 1 ? undefined : action.problems.map((problem) => problem.message),
        },
        focus: first ? focusOn(state, first.focus) : state.focus,
      };
    }
    case "saveStarted":
      return {
        ...state,
        saving: action.content,
        saveMessage: null,
        busy: { label: "Saving the plan", done: 0, of: 0 },
      };
    case "saved":
      return savedReducer(state, action.plan, action.content);
    case "saveFailed":
      return { ...state, saving: null, busy: null, saveMessage: action.message };
    case "toleranceEdited":
      return { ...state, tolerance: { ...state.tolerance, [action.field]: action.value, message: null } };
    case "toleranceRefused":
      return { ...state, tolerance: { ...state.tolerance, tried: true }, focus: focusOn(state, action.focus) };
    case "toleranceFailed":
      return { ...state, busy: null, tolerance: { ...state.tolerance, message: action.message } };
    case "toleranceSaved": {
      const book = state.book && { ...state.book, tolerance: action.tolerance };
      return {
        ...state,
        book,
        busy: null,
        tolerance: { ...action.tolerance.percentages, tried: false, message: action.message },
      };
    }
  }
}

/**
 * A save finished. The plan becomes saved as it was sent: edits typed while it was being written stay, and
 * stay unsaved. Dates left blank show the defaults the save gave them.
 */
function savedReducer(state: PlanEditorState, saved: SavedPlan, sent: PlanContent): PlanEditorState {
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
  const next: PlanEdit | null = same
    ? {
        ...plan,
        planId: saved.planId,
        startDate: dateAsSent("startDate"),
        endDate: dateAsSent("endDate"),
        reviewDate: dateAsSent("reviewDate"),
        lastSaved: { updatedAt: saved.updatedAt, updatedBy: saved.updatedBy },
        baseline,
        saveTried: false,
      }
    : plan;
  const { figures } = saved;
  return {
    ...state,
    book: state.book && withSummary(state.book, saved),
    plan: next,
    saved,
    saving: null,
    busy: null,
    saveMessage: {
      intent: "success",
      title: `Saved plan ${saved.planId} to the Plans and PlanLines tables.`,
      text:
        `${formatPounds(figures.annual)} a year (${formatPounds(figures.weekly)} a week), ` +
        `${figures.light}, ${saved.status}.`,
    },
  };
}

/** What stops a save, and where focus goes to fix it. */
export interface SaveProblem {
  readonly message: string;
  readonly focus: string;
}

const PLAN_FIELD_FOCUS: Readonly<Record<PlanField, string>> = {
  lines: FOCUS.catalogue,
  reason: FOCUS.reason,
  signedOffBy: FOCUS.signedOffBy,
  updatedBy: FOCUS.updatedBy,
};

/** The plan as the pane shows it: the person, their assessment, each line checked, the costed plan. */
export interface DerivedPlan {
  readonly person: Person | undefined;
  readonly assessment: Assessment | { readonly problem: string } | null;
  readonly checked: ReadonlyMap<number, CheckedLine>;
  readonly costed: CostedPlan | null;
  /** Why a reason or a manager's sign-off is needed now, or null. */
  readonly reasonNeeded: string | null;
  readonly signOffNeeded: string | null;
  /** The manager whose saved sign-off the changed lines withdrew, while no one else is named. */
  readonly signOffWithdrawn: string | null;
  /** The person's saved plans, while a new plan is being built for them. */
  readonly otherPlans: readonly PlanSummary[];
  readonly unsaved: boolean;
}

export function derivePlan(state: PlanEditorState): DerivedPlan {
  const { book, plan } = state;
  const person = book && plan ? book.people.find((candidate) => candidate.id === plan.personId) : undefined;
  const assessment = book && person ? assess(book, person) : null;
  const priced = assessment && !("problem" in assessment) ? assessment : null;
  const { byKey, lines } = checkDrafts(plan?.lines ?? []);
  const tolerance = book?.tolerance.tolerance ?? null;
  const costed = plan && tolerance ? costPlan(lines, priced?.budget.result ?? null, tolerance) : null;
  const light = costed?.againstBudget?.light ?? null;
  return {
    person,
    assessment,
    checked: byKey,
    costed,
    reasonNeeded: plan ? reasonRequired(plan.status, light) : null,
    signOffNeeded: plan ? signOffRequired(plan.status, light) : null,
    signOffWithdrawn: plan ? withdrawnSignOff(plan) : null,
    otherPlans:
      plan && plan.planId === null && book ? book.plans.filter((summary) => summary.personId === plan.personId) : [],
    unsaved: planUnsaved(state),
  };
}

function withdrawnSignOff(plan: PlanEdit): string | null {
  const signedOff = plan.baseline.signedOffBy.trim();
  const linesChanged = JSON.stringify(plan.lines.map(textsOf)) !== JSON.stringify(plan.baseline.lines);
  return signedOff !== "" && plan.signedOffBy.trim() === "" && linesChanged ? signedOff : null;
}

/** Whether a field's problem is shown yet: once the field was left, the line came ready-made, or Save was tried. */
export function problemShown(plan: PlanEdit, line: LineDraft, field: LineField): boolean {
  return plan.saveTried || line.shown === "all" || line.shown.includes(field);
}

/**
 * The plan to save, or what stops it, in the order the fields appear in the pane (so focus goes to the
 * first). The same engine rules as savePlan applies; the workbook checks again when it writes.
 */
export function prepareSave(
  state: PlanEditorState,
  today: string,
): { plan: PlanToSave; content: PlanContent } | { problems: SaveProblem[] } {
  const { plan, book } = state;
  if (!plan || !book) return { problems: [{ message: "Pick a person first.", focus: FOCUS.catalogue }] };
  const derived = derivePlan(state);
  if (!derived.person) {
    return { problems: [{ message: `The People table has no person ${plan.personId}.`, focus: FOCUS.catalogue }] };
  }
  if (derived.assessment && "problem" in derived.assessment) {
    return { problems: [{ message: derived.assessment.problem, focus: FOCUS.catalogue }] };
  }
  if (!book.tolerance.tolerance) {
    return { problems: [{ message: book.tolerance.problem ?? "", focus: FOCUS.tolerance("green") }] };
  }
  const problems: SaveProblem[] = [];
  plan.lines.forEach((line, at) => {
    const checked = derived.checked.get(line.key)!;
    const field = LINE_FIELDS.find((candidate) => checked.problems[candidate] !== undefined);
    if (field) {
      const messages = LINE_FIELDS.flatMap((candidate) => checked.problems[candidate] ?? []);
      problems.push({ message: `Line ${at + 1}: ${messages.join("; ")}.`, focus: FOCUS.line(line.key, field) });
    }
  });
  const light = derived.costed?.againstBudget?.light ?? null;
  const ruled = planProblems({ ...plan, updatedBy: state.userName, light }).map((problem) => ({
    message: problem.message,
    focus: PLAN_FIELD_FOCUS[problem.field],
  }));
  const dated = planDates(datesOf(plan), today);
  const wrongDates = "problems" in dated ? dated.problems : {};
  // In the pane's order: the lines, the dates below them, then the decision.
  problems.push(...ruled.filter((problem) => problem.focus === FOCUS.catalogue));
  DATE_FIELDS.forEach((field) => {
    const message = wrongDates[field];
    if (message) problems.push({ message: `${message}.`, focus: FOCUS[field] });
  });
  problems.push(...ruled.filter((problem) => problem.focus !== FOCUS.catalogue));
  if (problems.length > 0) return { problems };
  const lines = plan.lines.map((line) => derived.checked.get(line.key)!.line!);
  return {
    plan: {
      planId: plan.planId,
      personId: plan.personId,
      lines,
      status: plan.status,
      reason: plan.reason,
      signedOffBy: plan.signedOffBy,
      ...datesOf(plan),
      updatedBy: state.userName,
    },
    content: contentOf(plan),
  };
}

const DATE_FIELDS: readonly DateField[] = ["startDate", "endDate", "reviewDate"];

/** The date boxes as dates: a blank box is no date. */
function datesOf(plan: PlanEdit): Record<DateField, string | null> {
  const blankIsNull = (value: string) => (value.trim() === "" ? null : value);
  return {
    startDate: blankIsNull(plan.startDate),
    endDate: blankIsNull(plan.endDate),
    reviewDate: blankIsNull(plan.reviewDate),
  };
}

/** Each date box's problem, once Save has been tried. */
export function dateProblems(plan: PlanEdit, today: string): Partial<Record<DateField, string>> {
  if (!plan.saveTried) return {};
  const dated = planDates(datesOf(plan), today);
  return "problems" in dated ? dated.problems : {};
}
