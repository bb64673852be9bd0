import { Button, Field, makeStyles, ProgressBar, Select, Spinner, tokens } from "@fluentui/react-components";
import { ChangeEvent, useMemo, useReducer } from "react";
import { describeRefusal, formatPounds, PAYMENT_FIELDS, ZERO } from "../../../engine";
import { Workbook } from "../../../workbook/port";
import { NoticeBar } from "../../NoticeBar";
import { canImport, importSummary, initialImportState, paymentImportReducer } from "../../state/paymentImport";
import { paymentImportController } from "../../state/paymentImportController";
import { useFieldGridStyles } from "../fieldGrid";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  file: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  fileInput: { maxWidth: "100%", minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  // Every refused row is listed, in a box of its own that scrolls when there are many.
  list: {
    margin: 0,
    paddingLeft: "20px",
    maxHeight: "16rem",
    overflowY: "auto",
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
});

const number = (n: number) => n.toLocaleString("en-GB");
const count = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/**
 * Importing payments from a CSV export of the council's ledger: the file is read here, in the pane (FileReader;
 * nothing is uploaded), its columns matched to the Payments table's, every row checked; what would be added and
 * every row refused, with why, are shown, and nothing is written until the officer confirms.
 */
export function PaymentsImport({ workbook, onImported }: { workbook: Workbook; onImported: () => void }) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const [state, dispatch] = useReducer(paymentImportReducer, initialImportState);
  const controller = useMemo(() => paymentImportController(workbook, dispatch, onImported), [workbook, onImported]);
  const { file, mapping, book, progress } = state;
  // Every row checked again only when the file, its columns or the workbook read change.
  const summary = useMemo(() => importSummary({ ...initialImportState, file, mapping, book }), [file, mapping, book]);
  const check = summary.check;
  const total = check ? check.toAdd.reduce((sum, payment) => sum.plus(payment.amount), ZERO) : ZERO;

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosenFile = input.files?.[0];
    if (!chosenFile) return;
    const reader = new FileReader();
    reader.onload = () => void controller.chosen(chosenFile.name, reader.result as ArrayBuffer);
    reader.onerror = () =>
      dispatch({
        type: "failed",
        notice: {
          intent: "warning",
          title: `${chosenFile.name} cannot be read`,
          text: "The browser could not read it.",
        },
      });
    reader.readAsArrayBuffer(chosenFile);
    // The same file can be chosen again (after a fix, or to check nothing more is added).
    input.value = "";
  };

  return (
    <section className={styles.section} aria-labelledby="payments-import-heading">
      <h2 id="payments-import-heading" className={styles.heading}>
        Import payments
      </h2>
      <p className={styles.note}>
        A CSV export from the council&apos;s ledger or payments system. The file is read here, in the pane: nothing is
        uploaded. Payments already in the workbook are never added twice.
      </p>
      <div className={styles.file}>
        <label htmlFor="payments-file" className={styles.label}>
          CSV file of payments
        </label>
        <input
          id="payments-file"
          className={styles.fileInput}
          type="file"
          accept=".csv,text/csv"
          disabled={state.busy !== null}
          onChange={chosen}
        />
      </div>
      {state.busy && !progress && <Spinner size="tiny" labelPosition="after" label={`${state.busy}…`} />}
      {progress && (
        <Field label={`Adding payments: ${number(progress.done)} of ${number(progress.total)}`}>
          <ProgressBar value={progress.total === 0 ? 0 : progress.done / progress.total} />
        </Field>
      )}
      {file && mapping && !progress && (
        <fieldset className={fieldGrid.dates}>
          <legend className={fieldGrid.legend}>{`Columns of ${file.name}`}</legend>
          {PAYMENT_FIELDS.map((spec) => (
            <Field key={spec.field} label={spec.required ? spec.name : `${spec.name} (optional)`}>
              <Select
                id={`payments-column-${spec.field}`}
                value={mapping[spec.field] === null ? "" : String(mapping[spec.field])}
                onChange={(_, data) =>
                  dispatch({
                    type: "columnChosen",
                    field: spec.field,
                    column: data.value === "" ? null : Number(data.value),
                  })
                }
              >
                <option value="">Not in the file</option>
                {file.headers.map((header, column) => (
                  <option key={column} value={String(column)}>
                    {header === "" ? `Column ${column + 1}` : header}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      {summary.problems.length > 0 && (
        <NoticeBar
          notice={{ intent: "warning", title: "Choose the file's columns", text: "", items: summary.problems }}
        />
      )}
      {check && !progress && (
        <>
          <p id="payments-to-add" className={styles.figure}>
            {`${count(check.toAdd.length, "payment")} to add, ${formatPounds(total)}, of ` +
              `${count(check.rows, "row")} in the file.`}
          </p>
          {check.unknownPlans > 0 && (
            <p className={styles.note}>
              {`${count(check.unknownPlans, "payment")} to add ${check.unknownPlans === 1 ? "names" : "name"} a plan ` +
                "not in Plans: counted as spend, and listed apart as matching no Agreed plan."}
            </p>
          )}
          {check.refused.length > 0 && (
            <section aria-labelledby="payments-refused-heading">
              <h3 id="payments-refused-heading" className={styles.subheading}>
                {`${count(check.refused.length, "row")} refused, not to be added`}
              </h3>
              <ul id="payments-refused" className={styles.list} tabIndex={0} aria-labelledby="payments-refused-heading">
                {check.refused.map((refusal) => (
                  <li key={refusal.row}>{describeRefusal(refusal)}</li>
                ))}
              </ul>
            </section>
          )}
          {check.duplicates.length > 0 && (
            <details>
              <summary className={styles.summary} id="payments-duplicates">
                {`${count(check.duplicates.length, "row")} already known, skipped`}
              </summary>
              <ul className={styles.list}>
                {check.duplicates.map((duplicate) => (
                  <li key={duplicate.row}>{`Row ${duplicate.row}: ${duplicate.reason}`}</li>
                ))}
              </ul>
            </details>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!canImport(state, summary)}
              onClick={() => void controller.confirm(state)}
            >
              {`Add ${count(check.toAdd.length, "payment")}`}
            </Button>
            <Button onClick={() => dispatch({ type: "cancelled" })} disabled={state.busy !== null}>
              Cancel
            </Button>
          </div>
        </>
      )}
      {state.notice && <NoticeBar notice={state.notice} />}
    </section>
  );
}
