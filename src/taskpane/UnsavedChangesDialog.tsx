import { lazy, Suspense, useLayoutEffect, useRef, useState } from "react";

// Fluent's Dialog (with its focus trap and motion) is downloaded the first time a prompt is needed, not with
// the pane: most sessions never see it.
const UnsavedChangesSurface = lazy(() =>
  import(/* webpackChunkName: "unsaved-dialog" */ "./UnsavedChangesSurface").then((module) => ({
    default: module.UnsavedChangesSurface,
  })),
);

/** Asks before unsaved work is lost: keep editing (the default, and Escape), or discard it and go on. */
export function UnsavedChangesDialog({
  work,
  then,
  onKeep,
  onDiscard,
}: {
  /** What would be lost, e.g. "the changes to plan PLAN-0001 for Margaret Ellis"; the dialog is open when given. */
  work: readonly string[] | null;
  /** What discarding goes on to do, e.g. "open plan PLAN-0002". */
  then: string;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  // Fluent gives focus back only to a DialogTrigger; this dialog opens from whatever the user did (Refresh, a
  // person picked, a tab), so focus returns there when it closes, instead of falling to the page.
  const opener = useRef<HTMLElement | null>(null);
  const open = work !== null;
  useLayoutEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, [open]);
  // Once first asked, the dialog stays mounted, closed in between (it keeps its last words as it fades out).
  // Fluent's dialog hides the rest of the page from screen readers through Tabster, which is disposed with its
  // last user: unmounted with the dialog, where no tab list held Tabster, it left the pane hidden (aria-hidden).
  // (Kept as state adjusted while rendering, React's pattern for remembering a prop: compared by its words, as a
  // view gives a new list each render.)
  const [asked, setAsked] = useState<{ work: readonly string[]; then: string } | null>(null);
  if (work !== null && (asked === null || asked.then !== then || asked.work.join("\n") !== work.join("\n"))) {
    setAsked({ work, then });
  }
  const shown = work !== null ? { work, then } : asked;
  if (shown === null) return null;
  return (
    <Suspense fallback={null}>
      <UnsavedChangesSurface open={open} work={shown.work} then={shown.then} onKeep={onKeep} onDiscard={onDiscard} />
    </Suspense>
  );
}
