import { Button, Dropdown, Field, Input, Option, makeStyles, tokens, Text } from "@fluentui/react-components";
import { LineProblems, MANAGED_AS } from "../engine";
import { LineDraft, LineField } from "./lineDrafts";

const FREQUENCIES = [
  { value: "week", text: "a week" },
  { value: "month", text: "a month" },
  { value: "year", text: "a year" },
  { value: "once", text: "one-off" },
];

const useStyles = makeStyles({
  line: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    display: "grid",
    gridTemplateColumns: "repeat(6, minmax(0, 1fr))",
    columnGap: "8px",
    rowGap: "4px",
  },
  whole: { gridColumn: "span 6" },
  third: { gridColumn: "span 2" },
  half: { gridColumn: "span 3" },
  control: { width: "100%", minWidth: 0 },
  header: { gridColumn: "span 6", display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
});

interface Props {
  readonly number: number;
  readonly draft: LineDraft;
  readonly problems: LineProblems | undefined;
  readonly annualCost: string | null;
  readonly onChange: (field: LineField, value: string) => void;
  readonly onRemove: () => void;
}

/** One plan line: every field editable, each with its own message. */
export function LineEditor({ number, draft, problems, annualCost, onChange, onRemove }: Props) {
  const styles = useStyles();
  const text = (field: LineField, label: string, className: string, inputMode?: "decimal") => (
    <Field
      label={label}
      className={className}
      validationMessage={problems?.[field]}
      validationState={problems?.[field] ? "error" : "none"}
    >
      <Input
        className={styles.control}
        value={draft[field]}
        inputMode={inputMode}
        onChange={(_, data) => onChange(field, data.value)}
      />
    </Field>
  );
  const choice = (field: LineField, label: string, options: readonly { value: string; text: string }[]) => (
    <Field
      label={label}
      className={styles.half}
      validationMessage={problems?.[field]}
      validationState={problems?.[field] ? "error" : "none"}
    >
      <Dropdown
        className={styles.control}
        value={options.find((option) => option.value === draft[field])?.text ?? draft[field]}
        selectedOptions={[draft[field]]}
        onOptionSelect={(_, data) => data.optionValue && onChange(field, data.optionValue)}
      >
        {options.map((option) => (
          <Option key={option.value} value={option.value} text={option.text}>
            {option.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
  return (
    <div role="group" aria-label={`Line ${number}`} className={styles.line}>
      <div className={styles.header}>
        <Text weight="semibold">Line {number}</Text>
        <Text aria-label={`Line ${number} annual cost`}>{annualCost === null ? "—" : `${annualCost} a year`}</Text>
        <Button size="small" appearance="subtle" onClick={onRemove} aria-label={`Remove line ${number}`}>
          Remove
        </Button>
      </div>
      {text("service", "Service", styles.whole)}
      {text("quantity", "Quantity", styles.third, "decimal")}
      {text("unit", "Unit", styles.third)}
      {text("unitCost", "Unit cost (£)", styles.third, "decimal")}
      {choice("frequency", "Frequency", FREQUENCIES)}
      {choice(
        "managedAs",
        "Managed as",
        MANAGED_AS.map((value) => ({ value, text: value })),
      )}
    </div>
  );
}
