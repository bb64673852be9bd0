// Importing payments from a ledger's CSV export: which column of the file is which (matched by header, with names a
// council has used before remembered), every row checked before anything is written, and each row refused with its
// row, its column and why. A payment is known by its reference, or by its date, person, amount and kind when the
// export has none, so importing the same file again, or an export that overlaps the last, adds nothing twice.
import { matchKey } from "./cells";
import { CsvRow } from "./csv";
import { DateSerial } from "./dates";
import { Decimal } from "./decimal";
import { EngineError, listForMessage } from "./errors";
import {
  checkPaymentSign,
  PAYMENT_KINDS,
  paymentKindOf,
  PaymentKind,
  PaymentRecord,
  readPaymentAmount,
  readPaymentDate,
} from "./payments";

export type PaymentField = "date" | "personId" | "planId" | "amount" | "kind" | "reference";

export interface PaymentFieldSpec {
  readonly field: PaymentField;
  /** Its name in the Payments table, and in the pane. */
  readonly name: string;
  readonly required: boolean;
  /** Headers ledgers use for it, compared ignoring case, spaces and punctuation. */
  readonly synonyms: readonly string[];
}

export const PAYMENT_FIELDS: readonly PaymentFieldSpec[] = [
  {
    field: "date",
    name: "Payment date",
    required: true,
    synonyms: ["date", "date paid", "paid on", "paid date", "posting date", "transaction date", "value date"],
  },
  {
    field: "personId",
    name: "Person ID",
    required: true,
    synonyms: [
      "person",
      "client id",
      "client",
      "client number",
      "client no",
      "client ref",
      "client reference",
      "service user id",
      "service user number",
      "service user no",
      "service user",
      "customer id",
      "customer number",
    ],
  },
  {
    field: "planId",
    name: "Plan ID",
    required: false,
    synonyms: ["plan", "plan ref", "plan reference", "support plan id", "package id", "care package id", "package"],
  },
  {
    field: "amount",
    name: "Amount",
    required: true,
    synonyms: ["value", "net amount", "gross amount", "payment amount", "amount paid", "paid", "total", "£"],
  },
  {
    field: "kind",
    name: "Kind",
    required: true,
    synonyms: ["type", "payment type", "payment kind", "kind of payment", "category"],
  },
  {
    field: "reference",
    name: "Reference",
    required: false,
    synonyms: [
      "ref",
      "payment reference",
      "payment ref",
      "transaction id",
      "transaction reference",
      "invoice number",
      "invoice no",
      "document number",
      "document no",
      "remittance",
    ],
  },
];

/** Which column of the file (0-based) holds each field; null when the file has none. */
export type ColumnMapping = Readonly<Record<PaymentField, number | null>>;
/** The headers a council's file used for each field last time, as the workbook remembers them. */
export type RememberedHeaders = Readonly<Partial<Record<PaymentField, string>>>;

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9£]/g, "");

/**
 * The column for each field: the header remembered from the last import, else the Payments table's own name, else a
 * name ledgers use. Each column is given to one field at most.
 */
export function suggestMapping(headers: readonly string[], remembered: RememberedHeaders = {}): ColumnMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  /** The first free column with one of these names, taken. */
  const take = (wanted: readonly string[]) => {
    for (const name of wanted) {
      const at = keys.findIndex((key, column) => key !== "" && key === headerKey(name) && !taken.has(column));
      if (at >= 0) {
        taken.add(at);
        return at;
      }
    }
    return null;
  };
  const mapping = {} as Record<PaymentField, number | null>;
  // The remembered and exact names first, for every field, so a synonym never takes another field's own column.
  for (const spec of PAYMENT_FIELDS) {
    const wanted = remembered[spec.field] ? [remembered[spec.field]!, spec.name] : [spec.name];
    mapping[spec.field] = take(wanted);
  }
  for (const spec of PAYMENT_FIELDS) {
    if (mapping[spec.field] === null) mapping[spec.field] = take(spec.synonyms);
  }
  return mapping;
}

/** What stops a mapping being used: a required field with no column, a column given to two fields. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = PAYMENT_FIELDS.filter((spec) => spec.required && mapping[spec.field] === null).map((s) => s.name);
  if (missing.length > 0) {
    problems.push(
      `Choose the file's column for ${listForMessage(missing)}: ` +
        `every payment needs ${missing.length > 1 ? "them" : "it"}.`,
    );
  }
  const used = new Map<number, string[]>();
  for (const spec of PAYMENT_FIELDS) {
    const column = mapping[spec.field];
    if (column === null) continue;
    if (column < 0 || column >= headers.length) problems.push(`${spec.name}: the file has no column ${column + 1}.`);
    used.set(column, [...(used.get(column) ?? []), spec.name]);
  }
  for (const [column, fields] of used) {
    if (fields.length > 1) problems.push(`The column "${headers[column]}" is chosen for both ${fields.join(" and ")}.`);
  }
  return problems;
}

/** The headers to remember for next time: each field's column's header in this file. */
export function headersOf(mapping: ColumnMapping, headers: readonly string[]): Partial<Record<PaymentField, string>> {
  const remembered: Partial<Record<PaymentField, string>> = {};
  for (const spec of PAYMENT_FIELDS) {
    const column = mapping[spec.field];
    // Stryker disable next-line ConditionalExpression: equivalent; with no column, headers[null] is undefined too.
    if (column !== null && headers[column] !== undefined) remembered[spec.field] = headers[column];
  }
  return remembered;
}

/** A payment already in the workbook, as far as telling it again needs. */
export interface KnownPayment extends Pick<PaymentRecord, "date" | "personId" | "amount" | "reference"> {
  readonly kind: PaymentKind | null;
}

/** What the workbook already holds that a payment is checked against. */
export interface ImportContext {
  /** People's IDs by matchKey, as People spells them. */
  readonly people: ReadonlyMap<string, string>;
  /** Plans by their ID's matchKey: the ID as Plans spells it, and whose plan it is. */
  readonly plans: ReadonlyMap<string, { readonly planId: string; readonly personId: string }>;
  /** The Payments table's payments, to add nothing twice (a kind the table's cell does not name is null). */
  readonly existing: readonly KnownPayment[];
}

/** A row of the file that is not added: its row in the file (1 is the header) and each problem, by column. */
export interface RefusedRow {
  readonly row: number;
  readonly problems: readonly { readonly column: string; readonly message: string }[];
}

/** A row that is a payment already known: in Payments, or earlier in the same file. */
export interface DuplicateRow {
  readonly row: number;
  readonly reason: string;
}

/** A payment to add, with the row of the file it came from. */
export interface ImportedPayment extends PaymentRecord {
  readonly row: number;
}

export interface ImportCheck {
  /** Rows of the file after the header that hold anything. */
  readonly rows: number;
  readonly toAdd: readonly ImportedPayment[];
  readonly refused: readonly RefusedRow[];
  readonly duplicates: readonly DuplicateRow[];
  /** Payments to add that name a plan Plans does not have: counted, and listed apart as matching no plan. */
  readonly unknownPlans: number;
}

/** The key a payment without a reference is known by. */
export const paymentKey = (payment: Pick<KnownPayment, "date" | "personId" | "amount" | "kind">) =>
  `${payment.date}|${matchKey(payment.personId)}|${payment.amount.toFixed(2)}|${payment.kind}`;
const referenceKey = (reference: string) => matchKey(reference);

const KINDS = PAYMENT_KINDS.join(", ");

/** Reads one row into a payment, or its problems, column by column. */
function readRow(
  fields: readonly string[],
  mapping: ColumnMapping,
  headers: readonly string[],
  context: ImportContext,
): { payment: Omit<ImportedPayment, "row"> } | { problems: { column: string; message: string }[] } {
  const problems: { column: string; message: string }[] = [];
  const cell = (field: PaymentField) => {
    const column = mapping[field];
    // Stryker disable next-line ConditionalExpression: equivalent; with no column, fields[null] is undefined: "" too.
    return column === null ? "" : (fields[column] ?? "").trim();
  };
  const columnName = (field: PaymentField) =>
    headers[mapping[field]!] || PAYMENT_FIELDS.find((s) => s.field === field)!.name;
  const read = <T>(field: PaymentField, reader: (text: string) => T): T | undefined => {
    const text = cell(field);
    const spec = PAYMENT_FIELDS.find((candidate) => candidate.field === field)!;
    if (text === "") {
      if (spec.required) problems.push({ column: columnName(field), message: "blank, and every payment needs one" });
      return undefined;
    }
    try {
      return reader(text);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; readers throw only EngineErrors, so only a defect
      // would be thrown on here.
      if (!(error instanceof EngineError)) throw error;
      problems.push({ column: columnName(field), message: error.message });
      return undefined;
    }
  };
  const date = read<DateSerial>("date", readPaymentDate);
  const personId = read("personId", (text) => {
    const person = context.people.get(matchKey(text));
    if (person === undefined) {
      throw new EngineError(
        // Stryker disable next-line StringLiteral: equivalent; only the message is read (read() above).
        "notFound",
        `"${text}" is not in People`,
      );
    }
    return person;
  });
  const planId =
    read("planId", (text) => {
      const plan = context.plans.get(matchKey(text));
      if (plan === undefined) return text;
      if (personId !== undefined && matchKey(plan.personId) !== matchKey(personId)) {
        throw new EngineError(
          // Stryker disable next-line StringLiteral: equivalent; only the message is read (read() above).
          "invalid",
          `${plan.planId} is ${plan.personId || "nobody"}'s plan, not ${personId}'s`,
        );
      }
      return plan.planId;
    }) ?? "";
  const kind = read<PaymentKind>("kind", (text) => {
    const found = paymentKindOf(text);
    if (found === undefined) {
      throw new EngineError(
        // Stryker disable next-line StringLiteral: equivalent; only the message is read (read() above).
        "invalid",
        `"${text}" is not a kind of payment: give one of ${KINDS}`,
      );
    }
    return found;
  });
  const amount = read<Decimal>("amount", (text) => {
    const value = readPaymentAmount(text);
    if (kind !== undefined) checkPaymentSign(value, kind);
    return value;
  });
  if (problems.length > 0) return { problems };
  // Every field read as undefined has added a problem (all four are required): none is undefined here.
  return {
    payment: { date: date!, personId: personId!, planId, amount: amount!, kind: kind!, reference: cell("reference") },
  };
}

const samePayment = (a: Omit<ImportedPayment, "row">, b: Omit<ImportedPayment, "row">) =>
  paymentKey(a) === paymentKey(b) && matchKey(a.planId) === matchKey(b.planId);

/**
 * Checks every row of the file against the workbook: what would be added, what is refused and why, and what is
 * already known. Rows with a reference are decided first, then rows without, so the file's order never changes what
 * is added: a row with a reference is known when Payments or the file already has that reference, or a payment
 * without a reference of the same date, person, amount and kind; a row without one when Payments or the file has a
 * payment of the same date, person, amount and kind. Rows of the file that give one reference to different payments
 * are all refused.
 */
export function checkImport(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  headers: readonly string[],
  context: ImportContext,
): ImportCheck {
  const refused: RefusedRow[] = [];
  const read: ImportedPayment[] = [];
  for (const { row, fields } of rows) {
    const outcome = readRow(fields, mapping, headers, context);
    if ("problems" in outcome) refused.push({ row, problems: outcome.problems });
    else read.push({ ...outcome.payment, row });
  }

  const knownReferences = new Set<string>();
  const knownKeys = new Set<string>();
  const keysWithoutReference = new Set<string>();
  for (const payment of context.existing) {
    const key = paymentKey(payment);
    knownKeys.add(key);
    if (payment.reference.trim() === "") keysWithoutReference.add(key);
    else knownReferences.add(referenceKey(payment.reference));
  }

  const duplicates: DuplicateRow[] = [];
  const toAdd: ImportedPayment[] = [];
  const withReference = new Map<string, ImportedPayment[]>();
  for (const payment of read.filter((candidate) => candidate.reference !== "")) {
    const key = referenceKey(payment.reference);
    withReference.set(key, [...(withReference.get(key) ?? []), payment]);
  }
  for (const [key, group] of withReference) {
    const [first] = group;
    const differing = group.filter((payment) => !samePayment(payment, first));
    if (differing.length > 0) {
      const rowsOf = group.map((payment) => payment.row).join(", ");
      for (const payment of group) {
        refused.push({
          row: payment.row,
          problems: [
            {
              column: headers[mapping.reference!] || "Reference",
              message:
                `rows ${rowsOf} give the reference "${payment.reference}" to different payments: ` + "correct the file",
            },
          ],
        });
      }
      continue;
    }
    const known = knownReferences.has(key)
      ? `already in Payments (reference ${first.reference})`
      : keysWithoutReference.has(paymentKey(first))
        ? "already in Payments (a payment of the same date, person, amount and kind, without a reference)"
        : null;
    group.forEach((payment, at) => {
      if (known) duplicates.push({ row: payment.row, reason: known });
      else if (at > 0)
        duplicates.push({ row: payment.row, reason: `repeats row ${first.row} (reference ${first.reference})` });
    });
    if (!known) toAdd.push(first);
  }
  const addedKeys = new Map(toAdd.map((payment) => [paymentKey(payment), payment.row]));
  for (const payment of read.filter((candidate) => candidate.reference === "")) {
    const key = paymentKey(payment);
    const earlier = addedKeys.get(key);
    if (knownKeys.has(key)) {
      duplicates.push({ row: payment.row, reason: "already in Payments (the same date, person, amount and kind)" });
    } else if (earlier !== undefined) {
      duplicates.push({ row: payment.row, reason: `repeats row ${earlier} (the same date, person, amount and kind)` });
    } else {
      addedKeys.set(key, payment.row);
      toAdd.push(payment);
    }
  }
  const byRow = <T extends { row: number }>(list: T[]) => list.sort((a, b) => a.row - b.row);
  return {
    rows: rows.length,
    toAdd: byRow(toAdd),
    refused: byRow(refused),
    duplicates: byRow(duplicates),
    unknownPlans: toAdd.filter((payment) => payment.planId !== "" && !context.plans.has(matchKey(payment.planId)))
      .length,
  };
}

/** A refused row in words: "Row 7: Posting date: …; Amount: …". */
export function describeRefusal(refusal: RefusedRow): string {
  return `Row ${refusal.row}: ${refusal.problems.map(({ column, message }) => `${column}: ${message}`).join("; ")}`;
}
