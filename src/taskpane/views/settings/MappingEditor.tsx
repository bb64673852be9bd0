import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { MappingPreview } from "../../../workbook/mapping/draft";
import { INDICATIVE_BUDGET, isGrid, PERSON_FIELDS, POINTS, SERVICE_FIELDS } from "../../../workbook/mapping/model";
import { NoticeBar } from "../../NoticeBar";
import { ADDED, addedColumns, andList, chosenColumn, MappingAction, MappingDraft } from "../../state/mapping";
import { roleTitle } from "./roleNames";

const useStyles = makeStyles({
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minWidth: 0,
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  group: { display: "flex", flexDirection: "column", gap: "4px", border: 0, margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: "4px", fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, overflowWrap: "anywhere" },
  rows: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

export interface MappingEditorProps {
  readonly draft: MappingDraft;
  readonly tables: readonly string[];
  /** The add-in's columns to match: for People, its own and one per question of the scoring sheet. */
  readonly fields: readonly string[];
  readonly preview: MappingPreview | null;
  readonly busy: boolean;
  readonly dispatch: (action: MappingAction) => void;
  readonly onChooseTable: (table: string) => void;
  readonly onReadRange: () => void;
  readonly onSave: () => void;
}

/** One of the add-in's tables being pointed at the council's: where it is, its columns, and what would be read. */
export function MappingEditor({
  draft,
  tables,
  fields,
  preview,
  busy,
  dispatch,
  onChooseTable,
  onReadRange,
  onSave,
}: MappingEditorProps) {
  const styles = useStyles();
  const id = useId();
  const headingId = `${id}-heading`;
  const { data, entry, role } = draft;
  const grid = isGrid(role);
  const columnBox = (field: string, label: string, extra: readonly { value: string; text: string }[] = []) => (
    <Field key={field} label={label}>
      <Select
        className={styles.control}
        value={chosenColumn(draft, field)}
        onChange={(_, choice) => dispatch({ type: "columnChosen", field, header: choice.value })}
      >
        <option value="">(none)</option>
        {extra.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
        {data?.headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </Select>
    </Field>
  );
  const spanBox = (end: "first" | "last", label: string) => (
    <Field label={label}>
      <Select
        className={styles.control}
        value={entry?.span?.[end] ?? (end === "first" ? data?.headers[0] : data?.headers[data.headers.length - 1])}
        onChange={(_, choice) => dispatch({ type: "spanChosen", end, header: choice.value })}
      >
        {data?.headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </Select>
    </Field>
  );
  const questions = entry && role === "People" ? answerFields(draft, fields) : [];
  const added = addedColumns(draft);
  const where = draft.kind === "table" ? draft.table : draft.range;

  return (
    <section className={styles.editor} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {`Map ${roleTitle(role)}`}
      </h3>
      {grid ? (
        <Field label="Where it is">
          <RadioGroup
            value={draft.kind}
            onChange={(_, choice) => dispatch({ type: "kindChosen", kind: choice.value as MappingDraft["kind"] })}
          >
            <Radio value="table" label="A table" />
            <Radio value="range" label="A range of cells (no table)" />
          </RadioGroup>
        </Field>
      ) : (
        <p className={styles.text}>
          {role === "People"
            ? "A table of yours: the add-in adds its Points and Indicative budget columns at its right when it " +
              "has none."
            : "A table of yours."}
        </p>
      )}
      {draft.kind === "table" ? (
        <Field label="Your table">
          <Select className={styles.control} value={draft.table} onChange={(_, choice) => onChooseTable(choice.value)}>
            <option value="">Choose a table</option>
            {tables.map((table) => (
              <option key={table} value={table}>
                {table}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <>
          <Field
            label="Your range"
            hint="With its sheet, header row first, such as 'Price bands'!B3:F7"
            {...(draft.sourceProblem
              ? { validationMessage: draft.sourceProblem, validationState: "error" as const }
              : {})}
          >
            <Input
              className={styles.control}
              value={draft.range}
              onChange={(_, typed) => dispatch({ type: "rangeTyped", range: typed.value })}
              onKeyDown={(event) => {
                if (event.key === "Enter") onReadRange();
              }}
            />
          </Field>
          <div>
            <Button onClick={onReadRange} disabled={busy}>
              Read the range
            </Button>
          </div>
        </>
      )}
      {draft.kind === "table" && draft.sourceProblem && <p className={styles.text}>{draft.sourceProblem}</p>}
      {data && entry && grid && draft.kind === "table" && (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Columns used</legend>
          {spanBox("first", "From column")}
          {spanBox("last", "To column")}
        </fieldset>
      )}
      {data && entry && role === "Services" && (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Your column for each</legend>
          {SERVICE_FIELDS.map((field) => columnBox(field, field))}
        </fieldset>
      )}
      {data && entry && role === "People" && (
        <>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Your column for each</legend>
            {PERSON_FIELDS.map((field) => columnBox(field, field))}
            {columnBox(POINTS, POINTS, [{ value: ADDED, text: "The add-in's, from the answers" }])}
          </fieldset>
          {questions.length > 0 && (
            <fieldset className={styles.group}>
              <legend className={styles.legend}>Answers, one column per question</legend>
              {questions.map((field) => columnBox(field, field))}
            </fieldset>
          )}
          <p className={styles.text}>
            {`${INDICATIVE_BUDGET}: the add-in's own column, from the points and the price points.`}
          </p>
        </>
      )}
      {preview && (
        <section className={styles.group} aria-labelledby={`${id}-preview`}>
          <h4 id={`${id}-preview`} className={styles.heading}>
            What the add-in reads
          </h4>
          <p className={styles.text}>
            {preview.rows === 0
              ? "Nothing yet."
              : `${preview.rows} row${preview.rows === 1 ? "" : "s"} from ${where}; the first:`}
          </p>
          {preview.first.length > 0 && (
            <ul className={styles.rows} aria-label={`The first rows of ${where}`}>
              {preview.first.map((row, at) => (
                <li key={at}>{row}</li>
              ))}
            </ul>
          )}
          {preview.blocking.length > 0 && (
            <NoticeBar
              notice={{ intent: "warning", title: "Cannot be saved yet", text: "", items: preview.blocking }}
            />
          )}
          {preview.problems.length > 0 && (
            <NoticeBar
              notice={{
                intent: "info",
                title: "Rows to put right",
                text:
                  "These rows are left out, or the pane says why when they are used, until put right in the " +
                  "workbook.",
                items: preview.problems,
              }}
            />
          )}
          {preview.blocking.length === 0 && preview.problems.length === 0 && (
            <p className={styles.text}>No problems found.</p>
          )}
          {added.length > 0 && (
            <p className={styles.text}>
              {`Saving adds ${andList(added)} at the right of ${where}, as live formulas; nothing else of yours ` +
                "changes."}
            </p>
          )}
        </section>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSave} disabled={busy || !entry}>
          Save mapping
        </Button>
        <Button onClick={() => dispatch({ type: "cancelled" })} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

/** People's answer columns: one for each question of the scoring sheet, and any other the mapping has. */
function answerFields(draft: MappingDraft, fields: readonly string[]): string[] {
  const own = [...PERSON_FIELDS, POINTS, INDICATIVE_BUDGET] as string[];
  const mapped = (draft.entry?.columns ?? []).map((column) => column.field);
  return [...new Set([...fields, ...mapped])].filter((field) => !own.includes(field));
}
