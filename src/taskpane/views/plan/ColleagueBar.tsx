import { Button, makeStyles, MessageBarActions } from "@fluentui/react-components";
import { useLayoutEffect, useRef } from "react";
import { NoticeBar } from "../../NoticeBar";
import { ColleagueNotice } from "../../state/colleagues";

const useStyles = makeStyles({
  // Long labels wrap rather than run past the pane.
  action: { maxWidth: "100%", whiteSpace: "normal", height: "auto" },
});

/**
 * What a colleague saved, and what to do: read again, or, for a new plan beside theirs for the same person, save it as
 * well. A save refused because of it takes focus to its first answer; a change merely noticed is only announced.
 */
export function ColleagueBar({
  colleague,
  busy,
  onReadAgain,
  onSaveAsWell,
}: {
  colleague: ColleagueNotice;
  busy: boolean;
  onReadAgain: () => void;
  onSaveAsWell: () => void;
}) {
  const styles = useStyles();
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (colleague.refusedSave) first.current?.focus();
  }, [colleague]);
  return (
    <NoticeBar
      notice={colleague.notice}
      actions={
        <MessageBarActions>
          <Button ref={first} className={styles.action} disabled={busy} onClick={onReadAgain}>
            {colleague.about === "plan" ? "Read the plan again" : "Read again"}
          </Button>
          {colleague.about === "person" && (
            <Button className={styles.action} disabled={busy} onClick={onSaveAsWell}>
              Save this plan as well
            </Button>
          )}
        </MessageBarActions>
      }
    />
  );
}
