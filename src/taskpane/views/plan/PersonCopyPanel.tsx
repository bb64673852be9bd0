import { Button, makeStyles, Switch, tokens } from "@fluentui/react-components";
import { NoticeBar } from "../../NoticeBar";
import { CopyState, PlanEditorAction } from "../../state/planEditor";
import { PersonCopyPage, PrintedCopy } from "./PersonCopyPage";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  action: { maxWidth: "100%", whiteSpace: "normal", height: "auto" },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px 12px",
    backgroundColor: "#fff",
  },
});

/**
 * The person's copy of the plan as saved, to check before giving it: printed by the browser (or saved as PDF), in
 * large print if wanted, or added as a sheet laid out for A4 to print from Excel.
 */
export function PersonCopyPanel({
  copy,
  busy,
  dispatch,
  onAddSheet,
}: {
  copy: CopyState;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onAddSheet: () => void;
}) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="person-copy-heading" id="person-copy">
      <h3 id="person-copy-heading" className={styles.heading}>
        {`The person's copy of ${copy.planId}`}
      </h3>
      <Switch
        label="Large print"
        checked={copy.largePrint}
        onChange={(_, data) => dispatch({ type: "largePrintSet", on: data.checked })}
      />
      <div className={styles.actions}>
        <Button className={styles.action} appearance="primary" onClick={() => window.print()}>
          Print or save as PDF
        </Button>
        <Button className={styles.action} disabled={busy} onClick={onAddSheet}>
          Add as a sheet to print from Excel
        </Button>
        <Button className={styles.action} onClick={() => dispatch({ type: "copyClosed" })}>
          Close the copy
        </Button>
      </div>
      {copy.message && <NoticeBar notice={copy.message} />}
      <div className={styles.preview}>
        <PersonCopyPage copy={copy.document} largePrint={copy.largePrint} level={4} />
      </div>
      <PrintedCopy copy={copy.document} largePrint={copy.largePrint} />
    </section>
  );
}
