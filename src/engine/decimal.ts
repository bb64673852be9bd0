import DecimalJs from "decimal.js";

/**
 * The engine's one Decimal: 40 significant digits is far beyond any budget, so only the final
 * rounding to pence ever loses anything, and that rounding is half-up.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Rounds a money amount to whole pence, half-up (0.005 → 0.01). */
export function toPence(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The number Excel should show for an amount: rounded to pence once, here. */
export function penceNumber(amount: Decimal): number {
  return Number(toPence(amount).toFixed(2));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "£3,200.00": an amount rounded to pence, as a result is shown. */
export function formatPounds(amount: Decimal): string {
  const [whole, pence] = toPence(amount).abs().toFixed(2).split(".");
  return `${amount.lt(0) ? "-" : ""}£${groupThousands(whole)}.${pence}`;
}

/**
 * An intermediate amount in an explanation: at least pence, and every further digit it really has
 * (up to six), so the steps shown add up to the result; "…" marks a value cut short.
 */
export function formatExactPounds(amount: Decimal): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; the lines below write pence alike.
  if (amount.decimalPlaces() <= 2) return formatPounds(amount);
  const shown = amount.toDecimalPlaces(6, Decimal.ROUND_DOWN);
  const [whole, fraction] = shown.abs().toFixed(Math.max(2, shown.decimalPlaces())).split(".");
  const cut = shown.eq(amount) ? "" : "…";
  return `${amount.lt(0) ? "-" : ""}£${groupThousands(whole)}.${fraction}${cut}`;
}

/** Points and other plain quantities: "45", "12.5", "1,200". */
export function formatQuantity(value: Decimal): string {
  const [whole, fraction] = value.abs().toFixed().split(".");
  return `${value.lt(0) ? "-" : ""}${groupThousands(whole)}${fraction ? "." + fraction : ""}`;
}

/** A fraction as a percentage: 0.1 → "10%", 0.125 → "12.5%". */
export function formatPercent(fraction: Decimal): string {
  return `${formatQuantity(fraction.times(100))}%`;
}
