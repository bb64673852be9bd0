import { Button, Dropdown, Field, Input, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { CheckedLine, Decimal, formatPounds, LineField, lineAnnualCost, MANAGED_AS } from "../../../engine";
import { Service } from "../../../workbook/planBook";
import { LineDraft } from "../../state/lineDrafts";
import { FOCUS, PlanEdit, PlanEditorAction } from "../../state/planEditor";
import { problemShown } from "../../state/planSaving";
import { SearchCombobox } from "./SearchCombobox";

const FREQUENCIES = [
  { value: "week", text: "a week" },
  { value: "month", text: "a month" },
  { value: "year", text: "a year" },
  { value: "once", text: "one-off" },
];
const MANAGED = MANAGED_AS.map((value) => ({ value, text: value }));

const useStyles = makeStyles({
  lines: { display: "flex", flexDirection: "column", gap: "8px" },
  line: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    display: "grid",
    // Two columns in Office's 320 px pane, three or more as it widens.
    gridTemplateColumns: "repeat(auto-fill, minmax(8rem, 1fr))",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "start",
    minWidth: 0,
  },
  whole: { gridColumn: "1 / -1", minWidth: 0 },
  field: { minWidth: 0 },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  header: {
    gridColumn: "1 / -1",
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: "8px",
  },
  cost: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  // Top-aligned, the button beside the box (below the label), so a message under the box moves nothing.
  catalogue: { display: "flex", gap: "8px", alignItems: "flex-start", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  add: {
    minWidth: "auto",
    flexShrink: 0,
    marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})`,
  },
});

/** "£1,016.60 a year", "£650.00 one-off", or what is missing. A weekly line costs the workbook's weeks a year. */
function lineCost(checked: CheckedLine, weeksInYear: Decimal | null): string {
  if (!checked.line || weeksInYear === null) return "Not costed yet";
  const cost = formatPounds(lineAnnualCost(checked.line, weeksInYear));
  return `${cost} ${checked.line.frequency === "once" ? "one-off" : "a year"}`;
}

function LineEditor({
  number,
  line,
  plan,
  checked,
  weeksInYear,
  dispatch,
}: {
  number: number;
  line: LineDraft;
  plan: PlanEdit;
  checked: CheckedLine;
  weeksInYear: Decimal | null;
  dispatch: (action: PlanEditorAction) => void;
}) {
  const styles = useStyles();
  const headingId = `plan-line-${line.key}-heading`;
  const message = (field: LineField) => {
    if (!problemShown(plan, line, field)) return {};
    const problem = checked.problems[field];
    const note = checked.notes[field];
    if (problem) return { validationMessage: problem, validationState: "error" as const };
    if (note) return { validationMessage: note, validationState: "warning" as const };
    return {};
  };
  const text = (field: LineField, label: string, whole = false, inputMode?: "decimal" | "numeric") => (
    <Field label={label} className={whole ? styles.whole : styles.field} {...message(field)}>
      <Input
        id={FOCUS.line(line.key, field)}
        className={styles.control}
        value={line[field]}
        inputMode={inputMode}
        onChange={(_, data) => dispatch({ type: "lineEdited", key: line.key, field, value: data.value })}
        onBlur={() => dispatch({ type: "lineLeft", key: line.key, field })}
      />
    </Field>
  );
  const choice = (
    field: LineField,
    label: string,
    options: readonly { value: string; text: string }[],
    whole = false,
  ) => (
    <Field label={label} className={whole ? styles.whole : styles.field} {...message(field)}>
      <Dropdown
        id={FOCUS.line(line.key, field)}
        className={styles.control}
        value={options.find((option) => option.value === line[field])?.text ?? line[field]}
        selectedOptions={[line[field]]}
        onOptionSelect={(_, data) =>
          data.optionValue && dispatch({ type: "lineEdited", key: line.key, field, value: data.optionValue })
        }
        onBlur={() => dispatch({ type: "lineLeft", key: line.key, field })}
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
    <div role="group" aria-labelledby={headingId} className={styles.line}>
      <div className={styles.header}>
        <Text weight="semibold" id={headingId}>
          {`Line ${number}`}
        </Text>
        <Text className={styles.cost}>{lineCost(checked, weeksInYear)}</Text>
        <Button
          size="small"
          appearance="subtle"
          aria-label={`Remove line ${number}`}
          onClick={() => dispatch({ type: "lineRemoved", key: line.key })}
        >
          Remove
        </Button>
      </div>
      {text("service", "Service", true)}
      {text("quantity", "Quantity", false, "decimal")}
      {text("unit", "Unit")}
      {text("unitCost", "Unit cost (£)", false, "decimal")}
      {choice("frequency", "Frequency", FREQUENCIES)}
      {text("staff", "Staff at once", false, "numeric")}
      {choice("managedAs", "Managed as", MANAGED, true)}
    </div>
  );
}

/** The plan's lines, each editable with its own messages, and the ways to add one. */
export function PlanLines({
  plan,
  checked,
  services,
  weeksInYear,
  catalogue,
  dispatch,
}: {
  plan: PlanEdit;
  checked: ReadonlyMap<number, CheckedLine>;
  services: readonly Service[];
  weeksInYear: Decimal | null;
  catalogue: { choice: string; problem: string | null };
  dispatch: (action: PlanEditorAction) => void;
}) {
  const styles = useStyles();
  return (
    <>
      {plan.lines.length > 0 && (
        <div className={styles.lines}>
          {plan.lines.map((line, index) => (
            <LineEditor
              key={line.key}
              number={index + 1}
              line={line}
              plan={plan}
              checked={checked.get(line.key)!}
              weeksInYear={weeksInYear}
              dispatch={dispatch}
            />
          ))}
        </div>
      )}
      <div className={styles.catalogue}>
        <SearchCombobox
          id={FOCUS.catalogue}
          className={styles.grow}
          label="Service from the catalogue"
          placeholder="Pick a service"
          choices={services.map((service) => ({
            value: service.service,
            text: service.service,
            detail: `${service.service} · ${formatPounds(service.unitCost)} per ${service.unit}`,
          }))}
          selected={catalogue.choice || null}
          onSelect={(service) => dispatch({ type: "catalogueChosen", service })}
          validationMessage={catalogue.problem}
        />
        <Button className={styles.add} onClick={() => dispatch({ type: "catalogueLineAdded" })}>
          Add
        </Button>
      </div>
      <div>
        <Button onClick={() => dispatch({ type: "typedLineAdded" })}>Add a typed line</Button>
      </div>
    </>
  );
}
