// Exact integer arithmetic for the RAS review's sums and least squares, in decimal.js (no BigInt: the engine also
// runs in Office's older web views). Whole numbers of up to a thousand digits stay exact: a sum of squares of a
// cohort's costs, or the determinants of a price table's bands, are far shorter.
import DecimalJs from "decimal.js";

/** Whole numbers with exact sums, products and (exact) quotients. */
export const Whole = DecimalJs.clone({
  precision: 1_000,
  rounding: DecimalJs.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Whole = DecimalJs;

export const WHOLE_ZERO = new Whole(0);
export const WHOLE_ONE = new Whole(1);

/** Digits past which a whole number could be rounded: a fit that would need them is refused before it gets there. */
const SAFE_DIGITS = 900;

/** Checks that a result stayed exact (far below the precision), and returns it. */
export function checked(value: Whole): Whole {
  if (value.sd(true) > SAFE_DIGITS) throw new RangeError("A whole number grew beyond exact arithmetic");
  return value;
}

/** 2^52: a running total of JavaScript numbers below this, plus one addend below it, is still exact. */
const EXACT_NUMBERS = 2 ** 52;

/**
 * A sum of whole numbers, kept in a plain number while it is exact (the fast path for a cohort) and moved into a
 * Whole before it could lose a unit.
 */
export class WholeSum {
  private small = 0;
  private big: Whole = WHOLE_ZERO;

  /** Adds a whole number of at most 2^53, which a JavaScript number holds exactly (past 2^52, to the Whole at once). */
  add(value: number): void {
    // Stryker disable next-line all: equivalent below 2⁵² (a sum of £45 trillion in pence): where a number goes first
    // changes only the speed.
    if (Math.abs(value) > EXACT_NUMBERS) {
      this.big = checked(this.big.plus(value));
      return;
    }
    this.small += value;
    // Stryker disable next-line all: equivalent below 2⁵², as above.
    if (Math.abs(this.small) > EXACT_NUMBERS) this.flush();
  }

  /** Adds a Whole. */
  addWhole(value: Whole): void {
    this.big = checked(this.big.plus(value));
  }

  private flush(): void {
    this.big = checked(this.big.plus(this.small));
    this.small = 0;
  }

  get value(): Whole {
    // Stryker disable next-line ConditionalExpression: equivalent; adding 0 changes nothing.
    return this.small === 0 ? this.big : checked(this.big.plus(this.small));
  }
}

/** The product of two whole numbers given as JavaScript numbers, added to a sum exactly. */
export function addProduct(sum: WholeSum, a: number, b: number): void {
  const product = a * b;
  // Stryker disable next-line all: equivalent below 2⁵²: a product is added exactly either way.
  if (Math.abs(product) <= EXACT_NUMBERS) sum.add(product);
  else sum.addWhole(new Whole(a).times(b));
}

/** The greatest common divisor of two whole numbers (0 with 0 is 0). */
export function gcd(a: Whole, b: Whole): Whole {
  let x = a.abs();
  let y = b.abs();
  while (!y.isZero()) [x, y] = [y, x.mod(y)];
  return x;
}

/**
 * numerator ÷ denominator (whole numbers, denominator not 0) rounded to `places` decimal places, halves away from
 * zero as Excel's ROUND rounds them, as a JavaScript number.
 */
export function roundedQuotient(numerator: Whole, denominator: Whole, places: number): number {
  const negative = numerator.isNegative() !== denominator.isNegative() && !numerator.isZero();
  const scaled = numerator.abs().times(new Whole(10).pow(places));
  const divisor = denominator.abs();
  // floor(scaled ÷ divisor + 1/2), exactly.
  const units = scaled.times(2).plus(divisor).divToInt(divisor.times(2));
  const magnitude = Number(units.toFixed()) / 10 ** places;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
