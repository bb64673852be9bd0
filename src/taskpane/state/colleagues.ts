// Colleagues saving in the same workbook: what the support-plan view says when it notices one's save (a table change
// event from a co-author, or a save refused because of one), and what it offers: to read again, or for a new plan
// beside a colleague's, to save it as well. Pure functions of the editor's state and the tables as read now.
import { listForMessage } from "../../engine";
import {
  ChangedSinceRead,
  newPlansOf,
  planChangeSince,
  PlanSavedSince,
  plansSavedSince,
} from "../../workbook/planBook";
import type { TableData } from "../../workbook/port";
import type { Notice, PlanEditorState } from "./planEditor";

/** What the view says of a colleague's save, and what reading again does. */
export interface ColleagueNotice {
  readonly notice: Notice;
  /**
   * "plan": the plan open was changed, so reading again replaces it (after asking about unsaved changes); "person":
   * plans of the person were saved beside the new one being built (`newPlans`), which may be saved as well;
   * "workbook": other plans were saved, and reading again keeps the plan being edited.
   */
  readonly about: "plan" | "person" | "workbook";
  readonly newPlans: readonly string[];
  /** Said because a save was refused (the user is waiting on it), not merely noticed. */
  readonly refusedSave: boolean;
}

/** The IDs of the person's plans the pane knows of: a new plan's save is refused if another was saved since. */
export function knownPlans(state: PlanEditorState): readonly string[] {
  const personId = state.plan?.personId;
  return (state.book?.plans ?? []).filter((plan) => plan.personId === personId).map((plan) => plan.planId);
}

const nameOf = (state: PlanEditorState, personId: string) =>
  state.book?.people.find((person) => person.id === personId)?.name ?? personId;

/**
 * A save the workbook refused because a colleague saved first: the refusal's words, and what reading again does.
 * `savedBeside`: the plans the user already chose to save beside, still to be saved beside with the new ones.
 */
export function refusedNotice(error: ChangedSinceRead, savedBeside: readonly string[] = []): ColleagueNotice {
  const person = error.newPlans.length > 0;
  return {
    notice: { intent: "warning", title: "Not saved: a colleague saved first", text: error.message },
    about: person ? "person" : "plan",
    newPlans: person ? [...savedBeside, ...error.newPlans] : [],
    refusedSave: true,
  };
}

/** "Priya Shah saved PLAN-0004 (Joan Whitfield) and Sam Reid saved PLAN-0005 (Grace Okafor)". */
function savedText(saved: readonly PlanSavedSince[]): string {
  const by = new Map<string, PlanSavedSince[]>();
  for (const plan of saved) by.set(plan.updatedBy || "someone", [...(by.get(plan.updatedBy || "someone") ?? []), plan]);
  return [...by]
    .map(([who, plans]) => `${who} saved ${listForMessage(plans.map((plan) => `${plan.planId} (${plan.name})`))}`)
    .join(" and ");
}

/**
 * What the view says on noticing colleagues' saves, from the Plans and PlanLines tables as read now: about the plan
 * open, if it changed; else about the person, if plans of theirs were saved beside the new one; else about the other
 * plans saved since the pane read the workbook. Null when nothing was saved since.
 */
export function colleagueNotice(state: PlanEditorState, plans: TableData, lines: TableData): ColleagueNotice | null {
  const { plan, book } = state;
  if (!book) return null;
  if (plan?.planId && plan.seen) {
    const change = planChangeSince(plans, lines, plan.seen);
    if (change !== null) {
      return {
        notice: {
          intent: "warning",
          title: "A colleague changed this plan",
          text:
            `Since you opened or last saved ${plan.planId}, ${change}. Read it again before saving: a save now ` +
            "would be refused, so that their work is not overwritten.",
        },
        about: "plan",
        newPlans: [],
        refusedSave: false,
      };
    }
  }
  const saved = plansSavedSince(plans, book.plans).filter((other) => other.planId !== plan?.planId);
  if (plan && plan.planId === null) {
    const added = newPlansOf(saved, knownPlans(state), plan.personId, nameOf(state, plan.personId));
    if (added) {
      const them = added.ids.length > 1 ? "them" : "it";
      return {
        notice: {
          intent: "warning",
          title: "A colleague is planning for this person too",
          text:
            `Since the pane read the workbook, ${added.text}. Read again to see ${them}, or save this plan ` +
            "as well.",
        },
        about: "person",
        newPlans: added.ids,
        refusedSave: false,
      };
    }
  }
  if (saved.length === 0) return null;
  return {
    notice: {
      intent: "info",
      title: "Colleagues saved plans",
      text: `Since the pane read the workbook, ${savedText(saved)}. Read again to see them; your work here is kept.`,
    },
    about: "workbook",
    newPlans: [],
    refusedSave: false,
  };
}
