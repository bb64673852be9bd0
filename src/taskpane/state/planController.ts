// The plan editor's work with the workbook: each operation reads or writes through the Workbook port and
// ends in one action, so the pane is never half-updated. Every error reaches the user the same way: a
// problem with the workbook as its own message, anything unexpected as "Something went wrong", shown.
import { EngineError } from "../../engine";
import {
  AgreedPlansOverlap,
  ChangedSinceRead,
  MissingTables,
  HistoryNotRecorded,
  openPlan,
  readPlanBook,
  readPlanHistory,
  repairPeopleFormulas,
  savePlanRecorded,
  timestamp,
  WorkbookProblem,
} from "../../workbook/planBook";
import { Workbook, WorkbookRefusal } from "../../workbook/port";
import { PLAN_LINES, PLANS } from "../../workbook/schema/tables";
import { setUpWorkbook } from "../../workbook/starter";
import { addPersonCopySheet, readPersonCopy } from "../../workbook/reports/personCopyBook";
import { colleagueNotice, knownPlans, refusedNotice } from "./colleagues";
import { Intent, Notice, PlanEditorAction, PlanEditorState, planUnsaved, unsavedWork } from "./planEditor";
import { prepareSave } from "./planSaving";

/** Each operation takes the state the user acted on (the pane's state when they clicked). */
export interface PlanController {
  /** Reads the workbook when the pane opens. */
  load(): Promise<void>;
  /** Adds the starter tables the workbook lacks, then reads it. */
  setUp(): Promise<void>;
  /** Picks a person, opens a plan or refreshes: first asking, when that would lose unsaved work. */
  request(state: PlanEditorState, intent: Intent): Promise<void>;
  /** The user chose to discard their unsaved work: does what they had asked for. */
  discard(state: PlanEditorState): Promise<void>;
  /**
   * Saves the plan. Agreeing it over the person's earlier Agreed plans first asks (overlapFound); saving again
   * with `endEarlier` (their IDs, once the user chose to end them) ends each the day before it starts.
   */
  save(state: PlanEditorState, endEarlier?: readonly string[], alsoKnown?: readonly string[]): Promise<void>;
  /** Reads the workbook again, keeping unsaved work: after colleagues saved plans beside the one being edited. */
  readAgain(state: PlanEditorState): Promise<void>;
  /**
   * Colleagues changed the plan tables (a co-author's change event): says what they saved, if it bears on the work in
   * the pane, before the user saves over it. Reads only Plans and PlanLines; a failure to read says nothing (the
   * next save checks again).
   */
  colleagueChanged(state: PlanEditorState): Promise<void>;
  /** Makes the person's copy of the open plan, from its saved rows. */
  makeCopy(state: PlanEditorState): Promise<void>;
  /** Adds the copy being looked at as a sheet laid out to print on A4. */
  addCopySheet(state: PlanEditorState): Promise<void>;
}

/** The title of the note that the workbook lacks some of the add-in's tables. */
export const SET_UP_TITLE = "Set up the workbook";

/** How an error is told to the user: what the workbook needs, or plainly that something went wrong. */
export function noticeOf(error: unknown, title: string): Notice {
  if (error instanceof MissingTables) return { intent: "info", title: SET_UP_TITLE, text: error.message };
  if (error instanceof WorkbookProblem || error instanceof WorkbookRefusal || error instanceof EngineError) {
    return { intent: "warning", title, text: error.message };
  }
  console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    intent: "error",
    title: "Something went wrong",
    text: `${message}. The pane shows the workbook as it was before; try again, or Refresh.`,
  };
}

export function planController(
  workbook: Workbook,
  dispatch: (action: PlanEditorAction) => void,
  now: () => Date = () => new Date(),
): PlanController {
  const progress = (label: string, done: number, of: number) => dispatch({ type: "progress", label, done, of });

  /** Runs one piece of work; whatever it throws becomes one action, shown to the user. */
  async function run(label: string, work: () => Promise<void>, failed: (notice: Notice) => PlanEditorAction) {
    dispatch({ type: "workStarted", label });
    try {
      await work();
    } catch (error) {
      dispatch(failed(noticeOf(error, "The workbook needs attention")));
    }
  }

  /** The plan's saves from PlanHistory; a history that cannot be read is said so, the plan staying open. */
  async function readHistory(planId: string) {
    try {
      dispatch({ type: "historyRead", history: { planId, ...(await readPlanHistory(workbook, planId)) } });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      dispatch({
        type: "historyRead",
        history: { planId, rows: [], problems: [`PlanHistory cannot be read: ${why}`] },
      });
    }
  }

  async function refresh(state: PlanEditorState, discard: boolean) {
    await run(
      "Reading the workbook again",
      async () => {
        const repair = await repairPeopleFormulas(workbook);
        const book = await readPlanBook(workbook, progress);
        const reopen = state.plan?.planId && (discard || !planUnsaved(state)) ? state.plan.planId : null;
        const notes = ["Read people, prices, services, plans and the tolerance again."];
        if (repair.repairedRows > 0) {
          const rows = repair.repairedRows === 1 ? "1 People row" : `${repair.repairedRows} People rows`;
          notes.push(`Repaired ${rows} whose Points or Indicative budget formula was missing.`);
        }
        if (repair.problem) notes.push(repair.problem);
        let plan = null;
        if (reopen) {
          try {
            plan = await openPlan(workbook, reopen);
          } catch (error) {
            if (!(error instanceof WorkbookProblem)) throw error;
            notes.push(`${error.message} It is no longer open.`);
          }
        }
        const intent = repair.problem || (reopen && !plan) ? "warning" : "success";
        dispatch({
          type: "refreshed",
          book,
          plan,
          discard,
          message: { intent, title: "Refreshed", text: notes.join(" ") },
        });
        if (plan) await readHistory(plan.planId);
      },
      (message) => ({ type: "workFailed", message }),
    );
  }

  async function perform(state: PlanEditorState, intent: Intent, discard: boolean) {
    switch (intent.kind) {
      case "pickPerson":
        dispatch({ type: "personPicked", personId: intent.personId, discard });
        return;
      case "openPlan":
        await run(
          `Opening plan ${intent.planId}`,
          async () => {
            const plan = await openPlan(workbook, intent.planId);
            dispatch({ type: "planOpened", plan, discard });
            await readHistory(plan.planId);
          },
          (message) => ({ type: "workFailed", message }),
        );
        return;
      case "refresh":
        await refresh(state, discard);
    }
  }

  return {
    load: () =>
      run(
        "Reading the workbook",
        async () => dispatch({ type: "loaded", book: await readPlanBook(workbook, progress), message: null }),
        (message) => ({ type: "loadFailed", message }),
      ),

    setUp: () => {
      let added = "";
      return run(
        "Setting up the workbook",
        async () => {
          const report = await setUpWorkbook(workbook, { today: timestamp(now()).slice(0, 10) });
          const created = report.created.map((table) =>
            table.sheet === table.table ? table.table : `${table.table} (on sheet ${table.sheet})`,
          );
          const kept = report.kept.length > 0 ? ` Kept your ${report.kept.join(", ")} as they were.` : "";
          added =
            created.length > 0
              ? `Added ${created.join(", ")}.${kept}`
              : "The workbook already has every table; nothing was changed.";
          const book = await readPlanBook(workbook, progress);
          dispatch({ type: "loaded", book, message: { intent: "success", title: "Workbook set up", text: added } });
        },
        (message) => ({
          type: "loadFailed",
          message: added ? { ...message, text: `${added} ${message.text}` } : message,
        }),
      );
    },

    request: async (state, intent) => {
      if (unsavedWork(state).length > 0) dispatch({ type: "confirmNeeded", intent });
      else await perform(state, intent, false);
    },

    discard: async (state) => {
      dispatch({ type: "discardConfirmed" });
      if (state.pending) await perform(state, state.pending, true);
    },

    makeCopy: async (state) => {
      const planId = state.plan?.planId;
      if (!planId || !state.book) return;
      const book = state.book;
      await run(
        `Making the person's copy of ${planId}`,
        async () => {
          const document = await readPersonCopy(workbook, book, planId, timestamp(now()).slice(0, 10));
          dispatch({ type: "copyMade", planId, document });
        },
        (message) => ({ type: "workFailed", message }),
      );
    },

    addCopySheet: async (state) => {
      const copy = state.copy;
      if (!copy) return;
      dispatch({ type: "workStarted", label: "Adding the copy's sheet" });
      try {
        const sheet = await addPersonCopySheet(workbook, copy.planId, copy.document);
        dispatch({
          type: "copyMessage",
          planId: copy.planId,
          message: {
            intent: "success",
            title: `Added the sheet ${sheet}`,
            text: "Laid out for A4, one page wide: print it from Excel (File › Print).",
          },
        });
      } catch (error) {
        dispatch({ type: "copyMessage", planId: copy.planId, message: noticeOf(error, "The sheet was not added") });
      }
    },

    save: async (state, endEarlier = [], alsoKnown = []) => {
      const prepared = prepareSave(state, timestamp(now()).slice(0, 10));
      if ("problems" in prepared) {
        dispatch({ type: "saveRefused", problems: prepared.problems });
        return;
      }
      dispatch({ type: "saveStarted", content: prepared.content });
      try {
        const saved = await savePlanRecorded(workbook, state.book!, prepared.plan, now(), {
          endEarlier,
          // What the pane read, so nothing a colleague saved since is saved over.
          seen: state.plan?.seen,
          knownPlans: prepared.plan.planId === null ? [...knownPlans(state), ...alsoKnown] : undefined,
        });
        dispatch({ type: "saved", plan: saved, content: prepared.content, keys: prepared.keys });
        await readHistory(saved.planId);
      } catch (error) {
        if (error instanceof HistoryNotRecorded) {
          const { saved, why } = error;
          dispatch({ type: "saved", plan: saved, content: prepared.content, keys: prepared.keys, historyProblem: why });
          await readHistory(saved.planId);
        } else if (error instanceof AgreedPlansOverlap) {
          dispatch({ type: "overlapFound", question: { text: error.message, toEnd: error.toEnd } });
        } else if (error instanceof ChangedSinceRead) {
          dispatch({ type: "changedSinceRead", colleague: refusedNotice(error, alsoKnown) });
        } else dispatch({ type: "saveFailed", message: noticeOf(error, "Not saved") });
      }
    },

    readAgain: (state) => refresh(state, false),

    colleagueChanged: async (state) => {
      try {
        const [plans, lines] = [await workbook.readTable(PLANS.name), await workbook.readTable(PLAN_LINES.name)];
        if (plans && lines) dispatch({ type: "colleagueSaved", colleague: colleagueNotice(state, plans, lines) });
      } catch (error) {
        // Nothing said: the next save reads the tables again and checks what it would overwrite.
        if (!(error instanceof WorkbookProblem || error instanceof WorkbookRefusal)) console.error(error);
      }
    },
  };
}
