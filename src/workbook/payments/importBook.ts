// The workbook's side of importing payments: what each row is checked against (People, Plans, the payments already
// in Payments, the headers remembered from the last import), and writing the payments checked, in chunks with
// progress, then remembering this file's headers for next time. Excel has no transactions: a failure part-way leaves
// the chunks before it written, and importing the same file again adds only the rest (nothing is added twice).
import {
  ImportContext,
  label,
  LedgerPayment,
  listForMessage,
  matchKey,
  PAYMENT_FIELDS,
  PaymentField,
  PaymentRecord,
  RememberedHeaders,
} from "../../engine";
import { MissingTables } from "../plans/book";
import { freeSheetName, nameTaken, sameName, TableData, Workbook, WorkbookRefusal } from "../port";
import { emptyTable } from "../reports/outturnBook";
import { fieldsOf, headerIndex, readRows, requireColumns, tableEdit, WorkbookProblem } from "../schema/rows";
import { PAYMENT_IMPORT_COLUMNS, PAYMENTS, PEOPLE, PLANS } from "../schema/tables";
import { readLedger } from "./ledger";
import { paymentRow } from "./samplePayments";

export interface ImportBook {
  readonly context: ImportContext;
  /** The file's headers for each field, as the last import in this workbook had them. */
  readonly remembered: RememberedHeaders;
  /** False until the workbook has a Payments table: the import adds one. */
  readonly hasPayments: boolean;
}

/** The people's IDs as People spells them, by matchKey. */
function peopleIds(data: TableData): Map<string, string> {
  requireColumns(PEOPLE, data, ["personId"]);
  const at = headerIndex(data).get(matchKey(PEOPLE.columns.personId.header))!;
  const people = new Map<string, string>();
  for (const row of data.rows) {
    const id = label(row[at]);
    if (id !== "" && !people.has(matchKey(id))) people.set(matchKey(id), id);
  }
  return people;
}

function plansById(data: TableData | null): ImportContext["plans"] {
  const plans = new Map<string, { planId: string; personId: string }>();
  if (!data) return plans;
  const { rows } = readRows(PLANS, data, ["planId", "personId"]);
  for (const { value } of rows) if (value.planId !== "") plans.set(matchKey(value.planId), value);
  return plans;
}

function rememberedOf(data: TableData | null): RememberedHeaders {
  if (!data) return {};
  const { rows } = readRows(PAYMENT_IMPORT_COLUMNS, data);
  const remembered: Partial<Record<PaymentField, string>> = {};
  for (const { value } of rows) {
    const spec = PAYMENT_FIELDS.find((candidate) => matchKey(candidate.name) === matchKey(value.field));
    if (spec && value.header !== "") remembered[spec.field] = value.header;
  }
  return remembered;
}

/** Reads what an import is checked against. Throws MissingTables without People. */
export async function readImportBook(workbook: Workbook): Promise<ImportBook> {
  const { tables } = await workbook.names();
  const has = (name: string) => tables.some((found) => sameName(found, name));
  if (!has(PEOPLE.name)) {
    throw new MissingTables(
      `The workbook has no ${PEOPLE.name} table, which every payment's person is checked against. Use "Set up ` +
        `workbook" in the Support plan view to add what is missing; nothing you have is changed.`,
    );
  }
  const read = (name: string) => (has(name) ? workbook.readTable(name) : Promise.resolve(null));
  const [people, plans, payments, remembered] = await Promise.all(
    [PEOPLE, PLANS, PAYMENTS, PAYMENT_IMPORT_COLUMNS].map((spec) => read(spec.name)),
  );
  const existing: LedgerPayment[] = payments ? readLedger(payments, []) : [];
  return {
    context: { people: peopleIds(people!), plans: plansById(plans), existing },
    remembered: rememberedOf(remembered),
    hasPayments: payments !== null,
  };
}

/** How many payments are written in one request: well within Excel on the web's 5 MB a request. */
export const IMPORT_CHUNK = 2_000;

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * Appends the payments to Payments (adding the table first when the workbook has none), a chunk at a time, saying
 * how far it has got (waiting for `progress` to finish, so a page can draw it); then remembers the file's headers
 * in PaymentImportColumns. A refusal part-way says how many were written.
 */
export async function writeImport(
  workbook: Workbook,
  payments: readonly PaymentRecord[],
  headers: Readonly<Partial<Record<PaymentField, string>>>,
  progress: (at: ImportProgress) => void | Promise<void> = () => undefined,
  chunk = IMPORT_CHUNK,
): Promise<{ readonly added: number; readonly tableAdded: string | null }> {
  const names = await workbook.names();
  const taken = [...names.sheets];
  let tableAdded: string | null = null;
  for (const spec of [PAYMENTS, PAYMENT_IMPORT_COLUMNS]) {
    if (names.tables.some((table) => sameName(table, spec.name))) continue;
    if (nameTaken(names, spec.name)) {
      throw new WorkbookProblem(
        `The workbook already uses the name ${spec.name} for something other than a table, so the import cannot ` +
          "add it. Rename or delete it in Formulas › Name Manager and try again; nothing was written.",
      );
    }
  }
  if (!names.tables.some((table) => sameName(table, PAYMENTS.name))) {
    const sheet = freeSheetName(PAYMENTS.sheet, taken);
    taken.push(sheet);
    await workbook.addTables([emptyTable(PAYMENTS, sheet)]);
    tableAdded = sheet;
  }
  const table = (await workbook.readTable(PAYMENTS.name))!;
  requireColumns(PAYMENTS, table);
  const fields = fieldsOf(PAYMENTS);
  let done = 0;
  await progress({ done, total: payments.length });
  for (let from = 0; from < payments.length; from += chunk) {
    const rows = payments.slice(from, from + chunk).map(paymentRow);
    try {
      await workbook.editTables([tableEdit(PAYMENTS, table, fields, { append: rows })]);
    } catch (error) {
      if (!(error instanceof WorkbookRefusal) || done === 0) throw error;
      throw new WorkbookRefusal(
        `${done.toLocaleString("en-GB")} of ${payments.length.toLocaleString("en-GB")} payments were added before ` +
          `Excel refused the rest: ${error.message} Import the same file again and only the rest are added.`,
      );
    }
    done += rows.length;
    await progress({ done, total: payments.length });
  }
  await rememberHeaders(workbook, headers, taken);
  return { added: done, tableAdded };
}

/** Keeps this file's headers, a row per field, in PaymentImportColumns (added on a sheet of its own when missing). */
async function rememberHeaders(
  workbook: Workbook,
  headers: Readonly<Partial<Record<PaymentField, string>>>,
  taken: string[],
): Promise<void> {
  const wanted = PAYMENT_FIELDS.map((spec) => ({ field: spec.name, header: headers[spec.field] ?? "" }));
  const data = await workbook.readTable(PAYMENT_IMPORT_COLUMNS.name);
  const fields = fieldsOf(PAYMENT_IMPORT_COLUMNS);
  if (!data) {
    const sheet = freeSheetName(PAYMENT_IMPORT_COLUMNS.sheet, taken);
    await workbook.addTables([
      { ...emptyTable(PAYMENT_IMPORT_COLUMNS, sheet), rows: wanted.map(({ field, header }) => [field, header]) },
    ]);
    return;
  }
  const { rows, problems } = readRows(PAYMENT_IMPORT_COLUMNS, data);
  if (problems.length > 0) {
    throw new WorkbookProblem(
      `The ${data.name} table has rows that cannot be read (${listForMessage(problems.map((p) => p.message))}); ` +
        "the payments were added, but the columns were not remembered.",
    );
  }
  const update = rows.flatMap(({ index, value }) => {
    const next = wanted.find((entry) => matchKey(entry.field) === matchKey(value.field));
    return next && next.header !== value.header
      ? [{ row: index, key: { header: PAYMENT_IMPORT_COLUMNS.columns.field.header, value: value.field }, value: next }]
      : [];
  });
  const append = wanted.filter((entry) => !rows.some(({ value }) => matchKey(value.field) === matchKey(entry.field)));
  if (update.length > 0 || append.length > 0) {
    await workbook.editTables([tableEdit(PAYMENT_IMPORT_COLUMNS, data, fields, { update, append })]);
  }
}
