// Payments as a council's ledger records them: what was paid for a person's personal budget, when, and how. The
// money actually spent, against which the outturn and direct-payment surpluses are measured (the Audit
// Commission's paragraphs 47–49). A refund or a recovered surplus is money coming back: a negative amount.
import { dateSerial, DateSerial, isoFromSerial } from "./dates";
import { Decimal, formatPounds } from "./decimal";
import { invalid } from "./errors";

export const PAYMENT_KINDS = [
  "Direct payment",
  "Council-managed invoice",
  "Individual Service Fund",
  "One-off",
  "Refund",
  "Surplus recovered",
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** Kinds that are money coming back to the council, so their amounts are below 0; every other kind's is above. */
export const MONEY_BACK: ReadonlySet<PaymentKind> = new Set(["Refund", "Surplus recovered"]);

/** How ledgers spell the kinds, compared ignoring case, spaces, hyphens and full stops. */
const KIND_SPELLINGS: ReadonlyMap<string, PaymentKind> = new Map(
  (
    [
      ["directpayment", "Direct payment"],
      ["directpayments", "Direct payment"],
      ["dp", "Direct payment"],
      ["councilmanagedinvoice", "Council-managed invoice"],
      ["councilmanaged", "Council-managed invoice"],
      ["invoice", "Council-managed invoice"],
      ["providerinvoice", "Council-managed invoice"],
      ["individualservicefund", "Individual Service Fund"],
      ["isf", "Individual Service Fund"],
      ["oneoff", "One-off"],
      ["oneoffitem", "One-off"],
      ["refund", "Refund"],
      ["surplusrecovered", "Surplus recovered"],
      ["recoveredsurplus", "Surplus recovered"],
      ["dprecovery", "Surplus recovered"],
      ["clawback", "Surplus recovered"],
    ] as const
  ).map(([spelling, kind]) => [spelling, kind]),
);

const kindKey = (text: string) => text.toLowerCase().replace(/[\s\-._]/g, "");

/** The kind a cell names, or undefined when it names none. */
export function paymentKindOf(text: string): PaymentKind | undefined {
  return KIND_SPELLINGS.get(kindKey(text));
}

/** A payment, read and checked. */
export interface PaymentRecord {
  /** The day paid (Excel serial, whole days). */
  readonly date: DateSerial;
  readonly personId: string;
  /** "" when the payment names no plan. */
  readonly planId: string;
  /** Pounds and pence; below 0 for money coming back. */
  readonly amount: Decimal;
  readonly kind: PaymentKind;
  /** The ledger's own reference, "" when it has none. */
  readonly reference: string;
}

/** Any one payment above this is surely a slip (a reference in the amount column), as plan lines' limits are. */
export const PAYMENT_LIMIT = new Decimal(1_000_000);

const AMOUNT_TEXT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

/**
 * An amount as an export writes it: "1250.50", "£1,250.50", "-25.00", "−25", "(25.00)" (accounting's negative),
 * "25.00-".
 * Pounds and pence only, at most £1,000,000 either way. Throws an EngineError saying what was expected.
 */
export function readPaymentAmount(typed: string): Decimal {
  let text = typed.trim().replace(/\u2212/g, "-");
  let negative = false;
  // Both anchors are equivalent mutants: slicing off the first and last characters leaves a bracket in the amount,
  // which is refused, unless they are the brackets.
  // Stryker disable next-line Regex: equivalent (above).
  if (/^\(.*\)$/.test(text)) [negative, text] = [true, text.slice(1, -1).trim()];
  if (text.endsWith("-")) [negative, text] = [!negative, text.slice(0, -1).trim()];
  if (text.startsWith("-")) [negative, text] = [!negative, text.slice(1).trim()];
  if (text.startsWith("£")) text = text.slice(1).trim();
  if (text.startsWith("-")) [negative, text] = [!negative, text.slice(1).trim()];
  if (!AMOUNT_TEXT.test(text)) {
    throw invalid(`expected an amount in pounds and pence, such as 1250.50 or -25.00; got "${typed.trim()}"`);
  }
  const value = new Decimal(text.replace(/,/g, ""));
  if (value.decimalPlaces() > 2) throw invalid(`"${typed.trim()}" is not pounds and pence (at most 2 decimal places)`);
  if (value.gt(PAYMENT_LIMIT)) {
    throw invalid(`"${typed.trim()}" is more than ${formatPounds(PAYMENT_LIMIT)}, surely not one payment`);
  }
  return negative ? value.negated() : value;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** A two-digit year is this century's, as exports from UK ledgers mean it (26 is 2026). */
const fullYear = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

/** A month by its name, in full or cut short to three letters or more ("Apr", "Sept", "April"). */
function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => lower.length >= 3 && month.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

const EXPECTED_DATE =
  "expected a date, day first as UK ledgers write it (01/04/2026, 1-Apr-2026, 1 April 2026) or 2026-04-01";

/**
 * A payment date as exports write it, day first (UK): 01/04/2026, 1/4/26, 01-04-2026, 01.04.2026, 1 Apr 2026,
 * 01-Apr-26, 1 April 2026, or ISO 2026-04-01; a time after it (" 00:00", "T00:00:00") is ignored. Month-first
 * dates (04/30/2026) are refused rather than guessed.
 */
export function readPaymentDate(typed: string): DateSerial {
  const text = typed.trim().replace(/(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/i, "");
  let parts: { year: number; month: number; day: number } | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  const named = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/.exec(text);
  if (iso) parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (numeric) parts = { year: fullYear(numeric[4]), month: Number(numeric[3]), day: Number(numeric[1]) };
  else if (named) {
    const month = monthOf(named[2]);
    if (month !== undefined) parts = { year: fullYear(named[3]), month, day: Number(named[1]) };
  }
  if (!parts) throw invalid(`${EXPECTED_DATE}; got "${typed.trim()}"`);
  try {
    return dateSerial(parts);
  } catch {
    throw invalid(`"${typed.trim()}" is not a day of the calendar (${EXPECTED_DATE})`);
  }
}

/** Checks an amount's sign against its kind: money back is below 0, a payment above. */
export function checkPaymentSign(amount: Decimal, kind: PaymentKind): void {
  if (amount.isZero()) throw invalid("an amount of £0.00 is no payment");
  if (MONEY_BACK.has(kind) && amount.gt(0)) {
    throw invalid(
      `${kind} is money coming back, so its amount is below 0 (such as -25.00); got ${formatPounds(amount)}`,
    );
  }
  if (!MONEY_BACK.has(kind) && amount.lt(0)) {
    throw invalid(
      `${kind} is money paid out, so its amount is above 0; got ${formatPounds(amount)} ` +
        "(money coming back is of the kind Refund or Surplus recovered)",
    );
  }
}

/** "2026-04-01, P001, £1,250.00, Direct payment (DP-1041)": a payment in words, for lists. */
export function describePayment(payment: Omit<PaymentRecord, "kind"> & { kind: PaymentKind | null }): string {
  const reference = payment.reference === "" ? "" : ` (${payment.reference})`;
  const { date, personId, amount, kind } = payment;
  const person = personId || "no person";
  return `${isoFromSerial(date)}, ${person}, ${formatPounds(amount)}, ${kind ?? "no kind"}${reference}`;
}
