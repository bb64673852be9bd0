import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { formatPercent, readTolerancePercentages, ToleranceField } from "../../../engine";
import { NoticeBar } from "../../NoticeBar";
import { FOCUS, PlanEditorAction, ToleranceBoxes } from "../../state/planEditor";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  boxes: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(8rem, 1fr))",
    columnGap: "8px",
    alignItems: "start",
  },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  preview: { color: tokens.colorNeutralForeground2 },
  save: { alignSelf: "flex-start" },
});

/**
 * The workbook's traffic-light limits, typed in percent ("10" is 10%). What would be saved is shown as it
 * is typed, and limits the engine refuses are not saved.
 */
export function ToleranceSettings({
  boxes,
  problem,
  busy,
  dispatch,
  onSave,
}: {
  boxes: ToleranceBoxes;
  /** Why the workbook's stored tolerance cannot be used, if it cannot. */
  problem: string | null;
  busy: boolean;
  dispatch: (action: PlanEditorAction) => void;
  onSave: () => void;
}) {
  const styles = useStyles();
  const read = readTolerancePercentages(boxes);
  const problems = "problems" in read ? read.problems : {};
  const box = (field: ToleranceField, label: string) => (
    <Field
      label={label}
      validationMessage={boxes.tried ? problems[field] : undefined}
      validationState={boxes.tried && problems[field] ? "error" : "none"}
    >
      <Input
        id={FOCUS.tolerance(field)}
        className={styles.control}
        value={boxes[field]}
        inputMode="decimal"
        contentAfter={<span aria-hidden="true">%</span>}
        onChange={(_, data) => dispatch({ type: "toleranceEdited", field, value: data.value })}
      />
    </Field>
  );
  return (
    <section className={styles.section} aria-labelledby="tolerance-heading">
      <h2 id="tolerance-heading" className={styles.heading}>
        Tolerance for this workbook
      </h2>
      {problem && <NoticeBar notice={{ intent: "warning", title: "The tolerance needs fixing", text: problem }} />}
      <div className={styles.boxes}>
        {box("green", "Green within (%)")}
        {box("amber", "Amber within (%)")}
      </div>
      <Text id="tolerance-preview" className={styles.preview}>
        {"tolerance" in read
          ? `Will save: Green within ${formatPercent(read.tolerance.green)}, Amber within ` +
            `${formatPercent(read.tolerance.amber)}, Red beyond ${formatPercent(read.tolerance.amber)}: ` +
            "manager discussion required."
          : `Cannot be saved yet: ${Object.values(problems).join("; ")}.`}
      </Text>
      <Button className={styles.save} onClick={onSave} disabled={busy}>
        Save tolerance
      </Button>
      {boxes.message && <NoticeBar notice={boxes.message} />}
    </section>
  );
}
