import { AriaLiveAnnouncer, makeStyles, Spinner } from "@fluentui/react-components";
import { Suspense, useCallback, useMemo, useReducer } from "react";
import { MappedWorkbook } from "../workbook/mapping/mappedWorkbook";
import { Workbook } from "../workbook/port";
import { ErrorBoundary } from "./ErrorBoundary";
import { initialShell, shellReducer } from "./state/shell";
import { TabStrip } from "./TabStrip";
import { UnsavedChangesDialog } from "./UnsavedChangesDialog";
import { PaneView, VIEWS } from "./views/registry";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 12px 16px",
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "44rem",
    minWidth: 0,
  },
});

const viewTabId = (view: string) => `view-tab-${view}`;

/**
 * The pane: a tab for each kind of user's view, and the view chosen. All it knows of Excel is the Workbook, which
 * it reads through the council's mapping of its own tables (mapping/mappedWorkbook.ts).
 * Its own AriaLiveAnnouncer carries what its message bars say to screen readers, in Excel and in the preview.
 */
export function App({ workbook, views = VIEWS }: { workbook: Workbook; views?: readonly PaneView[] }) {
  const styles = useStyles();
  // Every view reads and writes through the council's mapping (Settings › Your workbook), kept in the workbook.
  const mapped = useMemo(() => new MappedWorkbook(workbook), [workbook]);
  const [shell, dispatch] = useReducer(shellReducer, views[0].id, initialShell);
  const onUnsavedChange = useCallback((work: readonly string[]) => dispatch({ type: "unsavedReported", work }), []);
  const active = views.find((view) => view.id === shell.active) ?? views[0];
  const pending = views.find((view) => view.id === shell.pending);
  return (
    <AriaLiveAnnouncer>
      <div className={styles.pane}>
        <TabStrip
          label="Views"
          tabs={views}
          selected={active.id}
          idOf={viewTabId}
          onSelect={(view) => dispatch({ type: "viewRequested", view })}
        />
        <div role="tabpanel" aria-labelledby={viewTabId(active.id)}>
          <ErrorBoundary key={active.id}>
            <Suspense fallback={<Spinner size="small" label={`Opening ${active.label}`} />}>
              <active.View workbook={mapped} onUnsavedChange={onUnsavedChange} />
            </Suspense>
          </ErrorBoundary>
        </div>
        <UnsavedChangesDialog
          work={pending ? shell.unsaved : null}
          then={pending ? `go to ${pending.label}` : ""}
          onKeep={() => dispatch({ type: "keepEditing" })}
          onDiscard={() => dispatch({ type: "discardConfirmed" })}
        />
      </div>
    </AriaLiveAnnouncer>
  );
}
