// The support-plan editor's state as the pane shows it and as it is saved: each line checked and the plan costed by
// the engine's rules (derivePlan), which problems are shown, and the plan to save or what stops it (prepareSave).
// Pure functions of the state in planEditor.ts.
import { assess, Assessment, Person, PlanSummary, PlanToSave } from "../../workbook/planBook";
import {
  CheckedLine,
  costPlan,
  CostedPlan,
  DateField,
  LineField,
  PlanCharge,
  PlanField,
  PlanForSaving,
  planDates,
  planProblems,
  PlanProblem,
  PlanStatus,
  reasonRequired,
  signOffRequired,
} from "../../engine";
import { checkDrafts, LINE_FIELDS, LineDraft, textsOf } from "./lineDrafts";
import { chargeOfPlan, readTypedCharge, TypedCharge } from "./planCharge";
import { contentOf, FOCUS, PlanContent, PlanEdit, PlanEditorState, planUnsaved } from "./planEditor";

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
  /** Null while a line cannot be costed yet (a plan is never totalled or lit on some of its lines), or unpriced. */
  readonly costed: CostedPlan | null;
  /** How many lines cannot be costed yet (a blank quantity, a bad unit cost…). */
  readonly uncosted: number;
  /** Why a reason or a manager's sign-off is needed now, or null. */
  readonly reasonNeeded: string | null;
  readonly signOffNeeded: string | null;
  /** The manager whose saved sign-off the changed lines withdrew, while no one else is named. */
  readonly signOffWithdrawn: string | null;
  /** What stops the decision being saved as it stands, by field (shown once Save has been tried). */
  readonly decisionProblems: Partial<Record<PlanField, string>>;
  /** The person's saved plans, while a new plan is being built for them. */
  readonly otherPlans: readonly PlanSummary[];
  /** The charge box read, and the costed plan split by it between the person and the council (26 §5). */
  readonly charge: TypedCharge & { readonly split: PlanCharge | null };
  readonly unsaved: boolean;
}

export function derivePlan(state: PlanEditorState): DerivedPlan {
  const { book, plan } = state;
  const person = book && plan ? book.people.find((candidate) => candidate.id === plan.personId) : undefined;
  const assessment = book && person ? assess(book, person) : null;
  const priced = assessment && !("problem" in assessment) ? assessment : null;
  const { byKey, lines } = checkDrafts(plan?.lines ?? []);
  const uncosted = byKey.size - lines.length;
  const tolerance = book?.tolerance.tolerance ?? null;
  const weeks = book?.weeks.weeksInYear ?? null;
  const costed =
    plan && tolerance && weeks && uncosted === 0
      ? costPlan(lines, priced?.budget.result ?? null, tolerance, weeks)
      : null;
  const light = costed?.againstBudget?.light ?? null;
  const charge = readTypedCharge(plan?.weeklyCharge ?? "");
  return {
    person,
    assessment,
    checked: byKey,
    costed,
    uncosted,
    reasonNeeded: plan ? reasonRequired(plan.status, light) : null,
    signOffNeeded: plan ? signOffRequired(plan.status, light, savedStatus(plan)) : null,
    signOffWithdrawn: plan ? withdrawnSignOff(plan) : null,
    decisionProblems: plan ? byField(planProblems(forSaving(plan, state.userName, light))) : {},
    otherPlans:
      plan && plan.planId === null && book ? book.plans.filter((summary) => summary.personId === plan.personId) : [],
    unsaved: planUnsaved(state),
    charge: { ...charge, split: costed ? chargeOfPlan(costed.totals, charge.weeklyCharge) : null },
  };
}

/** The plan as the governance rules see it about to be saved, with the status and sign-off it was saved with. */
function forSaving(plan: PlanEdit, userName: string, light: PlanForSaving["light"]): PlanForSaving {
  const saved = plan.planId === null ? null : { status: plan.baseline.status, signedOffBy: plan.baseline.signedOffBy };
  return { ...plan, updatedBy: userName, light, saved };
}

/** The first problem of each field. */
function byField(problems: readonly PlanProblem[]): Partial<Record<PlanField, string>> {
  const found: Partial<Record<PlanField, string>> = {};
  for (const problem of problems) found[problem.field] ??= problem.message;
  return found;
}

/** The status the plan was last saved with; null for a plan not yet saved. */
const savedStatus = (plan: PlanEdit): PlanStatus | null => (plan.planId === null ? null : plan.baseline.status);

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
): { plan: PlanToSave; content: PlanContent; keys: number[] } | { problems: SaveProblem[] } {
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
    return { problems: [{ message: book.tolerance.problem ?? "", focus: FOCUS.catalogue }] };
  }
  if (!book.weeks.weeksInYear) {
    return { problems: [{ message: book.weeks.problem ?? "", focus: FOCUS.catalogue }] };
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
  const ruled = planProblems(forSaving(plan, state.userName, light)).map((problem) => ({
    message: problem.message,
    focus: PLAN_FIELD_FOCUS[problem.field],
  }));
  const dated = planDates(datesOf(plan), today);
  const wrongDates = "problems" in dated ? dated.problems : {};
  // In the pane's order: the lines, the charge below them, the dates, then the decision.
  problems.push(...ruled.filter((problem) => problem.focus === FOCUS.catalogue));
  if (derived.charge.problem) problems.push({ message: `${derived.charge.problem}.`, focus: FOCUS.weeklyCharge });
  DATE_FIELDS.forEach((field) => {
    const message = wrongDates[field];
    if (message) problems.push({ message: `${message}.`, focus: FOCUS[field] });
  });
  problems.push(...ruled.filter((problem) => problem.focus !== FOCUS.catalogue));
  if (problems.length > 0) return { problems };
  const lines = plan.lines.map((line) => ({ ...derived.checked.get(line.key)!.line!, savedLine: line.savedLine }));
  return {
    plan: {
      planId: plan.planId,
      personId: plan.personId,
      weeklyCharge: derived.charge.weeklyCharge,
      lines,
      status: plan.status,
      reason: plan.reason,
      signedOffBy: plan.signedOffBy,
      outcomes: plan.outcomes,
      contact: plan.contact,
      ...datesOf(plan),
      updatedBy: state.userName,
    },
    content: contentOf(plan),
    keys: plan.lines.map((line) => line.key),
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

/** Each date box's problem, once the box has been left or Save has been tried. */
export function dateProblems(plan: PlanEdit, today: string): Partial<Record<DateField, string>> {
  const dated = planDates(datesOf(plan), today);
  if (!("problems" in dated)) return {};
  return Object.fromEntries(
    Object.entries(dated.problems).filter(([field]) => plan.saveTried || plan.datesLeft.includes(field as DateField)),
  );
}
