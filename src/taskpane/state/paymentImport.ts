// Importing a ledger's CSV export of payments into the Payments table: the state of one import, as a reducer with
// named actions and no effects. The file is read in the browser (nothing is uploaded); its columns are matched to
// the Payments table's by header, the user can change any; every row is checked against the workbook and what would
// be added, what is refused and why, and what is already there is shown before anything is written. The work with
// the workbook is in paymentImportController.ts.
import {
  checkImport,
  ColumnMapping,
  CsvRow,
  EngineError,
  formatPounds,
  ImportCheck,
  mappingProblems,
  parseCsv,
  PaymentField,
  suggestMapping,
  ZERO,
} from "../../engine";
import { ImportBook, ImportProgress } from "../../workbook/payments/importBook";
import { Notice } from "./planEditor";

/** A file chosen, read and parsed: its name, header row and the rows after it. */
export interface ImportFile {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

export interface PaymentImportState {
  /** What is under way, in words; null when nothing is. */
  readonly busy: string | null;
  readonly file: ImportFile | null;
  /** What the rows are checked against, read when the file was chosen and again before writing. */
  readonly book: ImportBook | null;
  readonly mapping: ColumnMapping | null;
  /** While writing: how many payments are written of how many. */
  readonly progress: ImportProgress | null;
  /** The outcome of the last import, or why a file could not be read or written. */
  readonly notice: Notice | null;
}

export type PaymentImportAction =
  | { readonly type: "fileChosen"; readonly name: string }
  | { readonly type: "fileRead"; readonly name: string; readonly text: string }
  | { readonly type: "bookRead"; readonly book: ImportBook }
  | { readonly type: "failed"; readonly notice: Notice }
  | { readonly type: "columnChosen"; readonly field: PaymentField; readonly column: number | null }
  | { readonly type: "writeStarted"; readonly total: number }
  | { readonly type: "progressed"; readonly progress: ImportProgress }
  | { readonly type: "written"; readonly notice: Notice }
  | { readonly type: "cancelled" };

export const initialImportState: PaymentImportState = {
  busy: null,
  file: null,
  book: null,
  mapping: null,
  progress: null,
  notice: null,
};

/** The file as rows: the first row with anything in it is the header. */
function parsed(name: string, text: string): ImportFile | Notice {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { intent: "warning", title: `${name} cannot be read`, text: `${error.message}. Nothing was added.` };
  }
  if (rows.length < 2) {
    return {
      intent: "warning",
      title: `${name} has no payments`,
      text: "The file needs a header row naming its columns, then a row for each payment. Nothing was added.",
    };
  }
  const [header, ...body] = rows;
  return { name, headers: header.fields.map((field) => field.trim()), rows: body };
}

export function paymentImportReducer(state: PaymentImportState, action: PaymentImportAction): PaymentImportState {
  switch (action.type) {
    case "fileChosen":
      return { ...initialImportState, busy: `Reading ${action.name}` };
    case "fileRead": {
      const file = parsed(action.name, action.text);
      if ("intent" in file) return { ...initialImportState, notice: file };
      return { ...state, file, busy: "Checking the payments against the workbook" };
    }
    case "bookRead": {
      if (!state.file) return state;
      const mapping = state.mapping ?? suggestMapping(state.file.headers, action.book.remembered);
      return { ...state, book: action.book, mapping, busy: state.progress ? state.busy : null };
    }
    case "failed":
      return { ...state, busy: null, progress: null, notice: action.notice };
    case "columnChosen":
      if (!state.mapping || state.busy) return state;
      return { ...state, mapping: { ...state.mapping, [action.field]: action.column }, notice: null };
    case "writeStarted":
      return { ...state, busy: "Adding payments", progress: { done: 0, total: action.total }, notice: null };
    case "progressed":
      return { ...state, progress: action.progress };
    case "written":
      return { ...initialImportState, notice: action.notice };
    case "cancelled":
      return state.busy ? state : initialImportState;
  }
}

/** What the import would do now: the mapping's problems, and every row checked (null while it cannot be). */
export interface ImportSummary {
  readonly problems: readonly string[];
  readonly check: ImportCheck | null;
}

export function importSummary(state: PaymentImportState): ImportSummary {
  if (!state.file || !state.mapping || !state.book) return { problems: [], check: null };
  const problems = mappingProblems(state.mapping, state.file.headers);
  if (problems.length > 0) return { problems, check: null };
  return { problems, check: checkImport(state.file.rows, state.mapping, state.file.headers, state.book.context) };
}

/** Whether the payments can be added now: a file checked, something to add, nothing under way. */
export function canImport(state: PaymentImportState, summary = importSummary(state)): boolean {
  return state.busy === null && summary.check !== null && summary.check.toAdd.length > 0;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** What an import did, in words. */
export function importedNotice(fileName: string, check: ImportCheck, added: number, tableAdded: string | null): Notice {
  const total = check.toAdd.reduce((sum, payment) => sum.plus(payment.amount), ZERO);
  const skipped = [
    check.duplicates.length > 0 ? `${count(check.duplicates.length, "row")} already known skipped` : "",
    check.refused.length > 0 ? `${count(check.refused.length, "row")} refused` : "",
  ].filter((part) => part !== "");
  return {
    intent: "success",
    title: `Added ${count(added, "payment")} from ${fileName}`,
    text:
      `${formatPounds(total)} in all, to the Payments table` +
      `${tableAdded ? ` (added on the sheet ${tableAdded})` : ""}.` +
      (skipped.length > 0 ? ` ${skipped.join("; ")}: nothing of theirs was written.` : "") +
      " The file's columns are remembered for the next import.",
  };
}
