import {
  Button,
  makeStyles,
  MessageBarActions,
  ProgressBar,
  Spinner,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import { NoticeBar } from "../../NoticeBar";
import { planController, SET_UP_TITLE } from "../../state/planController";
import { initialState, Intent, planEditorReducer, PlanEditorState, unsavedWork } from "../../state/planEditor";
import { derivePlan } from "../../state/planSaving";
import { UnsavedChangesDialog } from "../../UnsavedChangesDialog";
import { LightReview, lightReview, timestamp } from "../../../workbook/planBook";
import { whenDrawnAndIdle } from "../../whenDrawnAndIdle";
import { PaneViewProps } from "../registry";
import { ColleagueBar } from "./ColleagueBar";
import { useColleagues } from "./useColleagues";
import { rememberSessionName, sessionName } from "../sessionName";
import { useFirstRead } from "../useFirstRead";

// The plan's lines, totals, light, dates and saving come once a person is picked: downloaded then, so the
// pane starts with what its first screen shows.
const PlanEditor = lazy(() =>
  import(/* webpackChunkName: "plan-editor" */ "./PlanEditor").then((module) => ({ default: module.PlanEditor })),
);

// The search and assessment show a workbook that has been read: fetched once the first screen is drawn and the
// page is idle, while the read goes on (a read of Excel takes longer), not before it. Their Fluent code is a third
// of the pane's, compiled and run at start-up for nothing when they were part of it.
const planBookParts = () => import(/* webpackChunkName: "plan-book" */ "./planBookParts");
const SearchCombobox = lazy(() => planBookParts().then((parts) => ({ default: parts.SearchCombobox })));
const AssessmentSummary = lazy(() => planBookParts().then((parts) => ({ default: parts.AssessmentSummary })));
const ReviewsDue = lazy(() => planBookParts().then((parts) => ({ default: parts.ReviewsDue })));

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  busy: { display: "flex", flexDirection: "column", gap: "4px" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Warnings shown at most, the rest counted. */
const SHOWN = 5;
const shortList = (items: readonly string[]) => [
  ...items.slice(0, SHOWN),
  ...(items.length > SHOWN ? [`…and ${items.length - SHOWN} more.`] : []),
];

/** "PLAN-0002 (Arthur Khan): agreed Red, Amber now: the tolerance is now …". */
function lightChangeText(change: LightReview["changed"][number]): string {
  const whose = change.name ? ` (${change.name})` : "";
  return `${change.planId}${whose}: agreed ${change.savedLight}, ${change.lightNow} now: ${change.why}.`;
}

/** What discarding unsaved work goes on to do, in words. */
function thenWhat(state: PlanEditorState, intent: Intent): string {
  switch (intent.kind) {
    case "pickPerson": {
      const person = state.book?.people.find((candidate) => candidate.id === intent.personId);
      return `start a new plan for ${person?.name ?? intent.personId}`;
    }
    case "openPlan":
      return `open plan ${intent.planId}`;
    case "refresh":
      return "read the workbook again";
  }
}

/** The support-plan view: pick a person, cost a plan line by line against their budget, and save it. */
export function PlanView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(planEditorReducer, undefined, () => initialState(sessionName()));
  const controller = useMemo(() => planController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.load());
  useColleagues(workbook, controller, state);
  // A failed fetch here is kept quiet: it is reported when the parts are shown, by the view's error boundary,
  // and fetched again then.
  useEffect(() => whenDrawnAndIdle(() => void planBookParts().catch(() => undefined)), []);

  const derived = useMemo(() => derivePlan(state), [state]);
  // The day the pane shows the plans for: the engine's rules take it as an argument.
  const today = timestamp(new Date()).slice(0, 10);
  const review = useMemo(() => state.book && lightReview(state.book, today), [state.book, today]);
  const switching = unsavedWork(state).join("\n");
  useEffect(() => onUnsavedChange(switching === "" ? [] : switching.split("\n")), [switching, onUnsavedChange]);

  // Focus moves in the commit itself (a layout effect), so a key pressed straight after lands where it should.
  useLayoutEffect(() => {
    if (state.focus) document.getElementById(state.focus.id)?.focus();
  }, [state.focus]);

  useEffect(() => rememberSessionName(state.userName), [state.userName]);

  const { announce } = useAnnounce();
  const lineCount = state.plan?.lines.length ?? 0;
  const lastCount = useRef(lineCount);
  useEffect(() => {
    if (lineCount > lastCount.current) announce(`Added line ${lineCount}`, { polite: true });
    else if (lineCount < lastCount.current && state.plan)
      announce(`Removed a line; ${lineCount} left`, { polite: true });
    lastCount.current = lineCount;
  }, [lineCount, announce, state.plan]);

  const { book, plan, busy } = state;
  const { person, assessment } = derived;
  const priced = assessment && !("problem" in assessment) ? assessment : null;
  const request = (intent: Intent) => void controller.request(state, intent);
  const warnings = book?.warnings ?? [];
  const colleague = state.colleague && (
    <ColleagueBar
      colleague={state.colleague}
      busy={busy !== null}
      // The plan open was changed: reading it again replaces it, asking first about unsaved changes.
      onReadAgain={() =>
        state.colleague?.about === "plan" ? request({ kind: "refresh" }) : void controller.readAgain(state)
      }
      onSaveAsWell={() => void controller.save(state, [], state.colleague?.newPlans)}
    />
  );
  const editing = plan !== null && priced !== null && book !== null;

  return (
    <div className={styles.view} aria-busy={busy !== null}>
      <h1 className={styles.heading}>Support plan</h1>
      <div className={styles.actions}>
        <Button onClick={() => void controller.setUp()} disabled={busy !== null}>
          Set up workbook
        </Button>
        <Button
          onClick={() => request({ kind: "refresh" })}
          disabled={busy !== null}
          title="Read people, prices, services and plans again after changing them in the workbook"
        >
          Refresh
        </Button>
      </div>
      {busy && (
        <div className={styles.busy}>
          <Spinner size="tiny" labelPosition="after" label={`${busy.label}…`} />
          {busy.of > 0 && <ProgressBar value={busy.done} max={busy.of} aria-label={busy.label} />}
        </div>
      )}
      {state.message && <NoticeBar notice={state.message} />}
      {!editing && colleague}
      {state.message?.title === SET_UP_TITLE && (
        <p className={styles.note}>
          {"Have a scoring sheet, price points, people or services of your own? Map them in Settings › Your " +
            "workbook first: Set up then adds only what is still missing."}
        </p>
      )}
      {book?.tolerance.problem && (
        <NoticeBar notice={{ intent: "warning", title: "The tolerance needs fixing", text: book.tolerance.problem }} />
      )}
      {warnings.length > 0 && (
        <NoticeBar notice={{ intent: "warning", title: "Check the workbook", text: "", items: shortList(warnings) }} />
      )}
      {review && review.changed.length > 0 && (
        <NoticeBar
          notice={{
            intent: "info",
            title: "Agreed plans to review",
            text: "Their light would differ if they were agreed today; each keeps the light it was agreed with.",
            items: shortList(review.changed.map(lightChangeText)),
          }}
        />
      )}
      <Suspense fallback={book && <Spinner size="tiny" labelPosition="after" label="Opening the person search…" />}>
        {book && book.plans.length > 0 && (
          <ReviewsDue plans={book.plans} today={today} onOpen={(planId) => request({ kind: "openPlan", planId })} />
        )}
        {book && book.plans.length > 0 && (
          <SearchCombobox
            id="plan-open"
            label="Open a saved plan"
            placeholder="Type a plan ID or a name"
            choices={book.plans.map((summary) => ({
              value: summary.planId,
              text: `${summary.planId} · ${summary.name}`,
              detail: `${summary.planId} · ${summary.name} · ${summary.status}`,
            }))}
            selected={plan?.planId ?? null}
            onSelect={(planId) => request({ kind: "openPlan", planId })}
          />
        )}
        {book && (
          <SearchCombobox
            id="plan-person"
            label="Person"
            placeholder="Type a person's ID or name"
            choices={book.people.map((candidate) => ({
              value: candidate.id,
              text: `${candidate.id} ${candidate.name}`,
              detail: `${candidate.id} ${candidate.name} (${candidate.careGroup})`,
            }))}
            selected={person?.id ?? null}
            onSelect={(personId) => request({ kind: "pickPerson", personId })}
          />
        )}
      </Suspense>
      {plan && person && derived.otherPlans.length > 0 && (
        <NoticeBar
          notice={{
            intent: "info",
            title: "Already has a plan",
            text:
              `${person.name} already has ${derived.otherPlans.map((other) => other.planId).join(", ")}. ` +
              `Open it from "Open a saved plan" above to change it, or build a new plan here.`,
          }}
          actions={
            <MessageBarActions>
              <Button onClick={() => request({ kind: "openPlan", planId: derived.otherPlans[0].planId })}>
                {`Open ${derived.otherPlans[0].planId}`}
              </Button>
            </MessageBarActions>
          }
        />
      )}
      {plan && book && !person && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Person not found",
            text: `The People table no longer has ${plan.personId}. Pick a person, or Refresh.`,
          }}
        />
      )}
      {assessment && "problem" in assessment && (
        <NoticeBar notice={{ intent: "warning", title: "Assessment incomplete", text: assessment.problem }} />
      )}
      {priced && person && (
        <Suspense fallback={null}>
          <AssessmentSummary person={person} assessment={priced} />
        </Suspense>
      )}
      {editing && (
        <Suspense fallback={<Spinner size="tiny" labelPosition="after" label="Opening the plan…" />}>
          <PlanEditor
            state={{ ...state, plan, book }}
            derived={derived}
            busy={busy !== null}
            dispatch={dispatch}
            onSave={() => void controller.save(state)}
            onEndEarlier={(planIds) => void controller.save(state, planIds)}
            colleague={colleague}
            onMakeCopy={() => void controller.makeCopy(state)}
            onAddCopySheet={() => void controller.addCopySheet(state)}
          />
        </Suspense>
      )}
      <UnsavedChangesDialog
        work={state.pending ? unsavedWork(state) : null}
        then={state.pending ? thenWhat(state, state.pending) : ""}
        onKeep={() => dispatch({ type: "keepEditing" })}
        onDiscard={() => void controller.discard(state)}
      />
    </div>
  );
}
