import { Button, Field, Input, makeStyles, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatPercent, Tolerance } from "../engine";
import { saveTolerance } from "../workbook/planBook";
import { Workbook } from "../workbook/port";

const useStyles = makeStyles({ row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" } });

/** The workbook's traffic-light limits, kept in its PlanSettings table. */
export function ToleranceSettings({
  workbook,
  tolerance,
  onSaved,
}: {
  workbook: Workbook;
  tolerance: Tolerance;
  onSaved: () => Promise<void>;
}) {
  const styles = useStyles();
  const [green, setGreen] = useState(formatPercent(tolerance.green));
  const [amber, setAmber] = useState(formatPercent(tolerance.amber));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setGreen(formatPercent(tolerance.green));
    setAmber(formatPercent(tolerance.amber));
  }, [tolerance]);
  const save = async () => {
    try {
      await saveTolerance(workbook, green, amber);
      setProblem(null);
      await onSaved();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section aria-label="Tolerance for this workbook">
      <Text weight="semibold" as="h2">
        Tolerance for this workbook
      </Text>
      <div className={styles.row}>
        <Field label="Green within">
          <Input value={green} onChange={(_, data) => setGreen(data.value)} />
        </Field>
        <Field label="Amber within">
          <Input value={amber} onChange={(_, data) => setAmber(data.value)} />
        </Field>
        <Button onClick={save}>Save tolerance</Button>
      </div>
      {problem && (
        <Text role="alert" style={{ color: "#b10e1c" }}>
          {problem}
        </Text>
      )}
      <Text as="p" size={200}>
        Beyond amber is Red: manager discussion required (Coventry's 50% rule by default).
      </Text>
    </section>
  );
}
