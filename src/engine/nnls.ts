// Non-negative least squares, exactly: minimise |c − Xr|² over r ≥ 0 from the normal equations A = XᵀX, v = Xᵀc
// in whole numbers. Lawson and Hanson's active-set method (Solving Least Squares Problems, 1974, ch. 23) run in
// exact arithmetic cannot stall or cycle on rounding, and every system it solves is non-singular, so the answer is
// the true minimiser as a fraction: rounding it to pence once is then exact. A run in floating point first guesses
// which rates are 0; that guess is kept only if the exact optimality conditions hold for it, else the exact method
// runs from the start. Either way the result depends only on A and v, never on the order of the people.
import { checked, gcd, Whole, WHOLE_ONE, WHOLE_ZERO } from "./exact";

/** The normal equations of a least-squares problem in whole numbers: A (symmetric, positive semi-definite) and v. */
export interface NormalEquations {
  readonly a: readonly (readonly Whole[])[];
  readonly v: readonly Whole[];
}

/** A vector of fractions over one positive denominator. */
export interface Fractions {
  readonly numerators: readonly Whole[];
  readonly denominator: Whole;
}

const exactQuotient = (a: Whole, b: Whole) => checked(a.divToInt(b));

/**
 * Solves A_SS z = v_S for the columns in `set` by Bareiss's fraction-free elimination: z = numerators ÷ denominator,
 * whole numbers all the way. Null when those columns are linearly dependent. No row is swapped: A is positive
 * semi-definite, so its k-th pivot is its leading minor of order k + 1, never below 0; where one is 0 the first k + 1
 * columns are dependent and so is every minor below it on them, so no row could be swapped in, and the determinant
 * that ends as the denominator is above 0.
 */
function solveOn({ a, v }: NormalEquations, set: readonly number[]): Fractions | null {
  const m = set.length;
  const rows = set.map((i) => [...set.map((j) => a[i][j]), v[i]]);
  let previous = WHOLE_ONE;
  for (let k = 0; k < m; k++) {
    if (rows[k][k].isZero()) return null;
    for (let i = k + 1; i < m; i++) {
      for (let j = k + 1; j <= m; j++) {
        rows[i][j] = exactQuotient(rows[i][j].times(rows[k][k]).minus(rows[i][k].times(rows[k][j])), previous);
      }
      rows[i][k] = WHOLE_ZERO;
    }
    previous = rows[k][k];
  }
  const determinant = rows[m - 1][m - 1];
  // Stryker disable next-line ArrayDeclaration: equivalent; every x[i] is written below before it is read.
  const x: Whole[] = new Array<Whole>(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = rows[i][m].times(determinant);
    for (let j = i + 1; j < m; j++) sum = sum.minus(rows[i][j].times(x[j]));
    x[i] = exactQuotient(sum, rows[i][i]);
  }
  const numerators = new Array<Whole>(a.length).fill(WHOLE_ZERO);
  set.forEach((column, at) => (numerators[column] = x[at]));
  return { numerators, denominator: determinant };
}

/** v·d − A·n: the gradient of the fit at n ÷ d, times d (so its signs are the gradient's). */
function gradient({ a, v }: NormalEquations, { numerators, denominator }: Fractions): Whole[] {
  return v.map((vi, i) => {
    let sum = vi.times(denominator);
    a[i].forEach((aij, j) => {
      // Stryker disable next-line ConditionalExpression: equivalent; a rate of 0 takes nothing off (saves a product).
      if (!numerators[j].isZero()) sum = sum.minus(aij.times(numerators[j]));
    });
    return checked(sum);
  });
}

/** Divides out the fractions' common factor, so repeated steps do not grow them. */
function reduced({ numerators, denominator }: Fractions): Fractions {
  let common = denominator;
  // Stryker disable next-line ConditionalExpression: equivalent; once the common factor is 1 it stays 1 (speed only).
  for (const numerator of numerators) if (!common.eq(1)) common = gcd(common, numerator);
  // Stryker disable next-line ConditionalExpression: equivalent; dividing by 1 changes nothing.
  if (common.eq(1)) return { numerators, denominator };
  return {
    numerators: numerators.map((n) => exactQuotient(n, common)),
    denominator: exactQuotient(denominator, common),
  };
}

/**
 * Whether the rates that are not 0 in `solution` solve their own normal equations, are all above 0, and no rate held
 * at 0 would lower the sum of squares by rising (the Karush–Kuhn–Tucker conditions): then it is the minimiser.
 */
function isOptimal(equations: NormalEquations, solution: Fractions, set: readonly number[]): boolean {
  if (set.some((j) => solution.numerators[j].lte(0))) return false;
  const w = gradient(equations, solution);
  return w.every((wj, j) => (set.includes(j) ? wj.isZero() : wj.lte(0)));
}

/** Lawson and Hanson's method in exact arithmetic, from r = 0. */
export function exactActiveSet(equations: NormalEquations): Fractions {
  const size = equations.v.length;
  const passive: number[] = [];
  let r: Fractions = { numerators: new Array<Whole>(size).fill(WHOLE_ZERO), denominator: WHOLE_ONE };
  // Each outer step lowers the sum of squares strictly, so no set recurs; the bound only guards against a defect.
  // Stryker disable next-line EqualityOperator,ArithmeticOperator,UpdateOperator: equivalent; guards against a defect.
  for (let step = 0; step < 50 * size + 50; step++) {
    const w = gradient(equations, r);
    let entering = -1;
    w.forEach((wj, j) => {
      if (passive.includes(j) || wj.lte(0)) return;
      if (entering < 0 || wj.gt(w[entering])) entering = j;
    });
    if (entering < 0) return r;
    passive.push(entering);
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: equivalent; solveOn maps each rate
    // back to its own column, and the determinant is the same in any order of the columns (the sort keeps runs alike).
    passive.sort((x, y) => x - y);
    for (;;) {
      const z = solveOn(equations, passive);
      // A column entering with a gradient above 0 at the minimiser on the others is independent of them (Lawson and
      // Hanson's lemma 23.17), and dropping columns keeps the rest independent: this cannot happen.
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; unreachable, as above.
      if (z === null) throw new Error("Least squares: a column with a positive gradient was dependent");
      const blocking = passive.filter((j) => z.numerators[j].lte(0));
      if (blocking.length === 0) {
        r = z;
        break;
      }
      // The longest step from r towards z that keeps every rate at 0 or more: α = r_j ÷ (r_j − z_j), the least.
      // r_j − z_j is above 0: z_j ≤ 0 ≤ r_j, and r_j is 0 only for the column that has just entered, whose z_j is
      // above 0 (lemma 23.17); every other rate in the set is above 0, those stepped to 0 having left it.
      let alpha: { top: Whole; bottom: Whole } | null = null;
      for (const j of blocking) {
        const top = r.numerators[j].times(z.denominator);
        const bottom = top.minus(z.numerators[j].times(r.denominator));
        const candidate = { top, bottom };
        if (alpha === null || candidate.top.times(alpha.bottom).lt(alpha.top.times(candidate.bottom)))
          alpha = candidate;
      }
      const { top, bottom } = alpha!;
      // r + α(z − r) = ((bottom − top)·r·dz + top·z·dr) ÷ (bottom·dr·dz)
      const keep = bottom.minus(top).times(z.denominator);
      const move = top.times(r.denominator);
      r = reduced({
        numerators: r.numerators.map((rj, j) => checked(keep.times(rj).plus(move.times(z.numerators[j])))),
        denominator: checked(bottom.times(r.denominator).times(z.denominator)),
      });
      for (let at = passive.length - 1; at >= 0; at--) if (r.numerators[passive[at]].isZero()) passive.splice(at, 1);
    }
  }
  throw new Error("Least squares did not converge");
}

/** Which rates a floating-point run of the same method leaves above 0: a guess the exact check then accepts or not. */
// Stryker disable all: equivalent; a guess only says where the exact method starts. nonNegativeLeastSquares keeps it
// only when the exact optimality conditions hold (isOptimal), else runs the exact method from r = 0: a worse guess
// changes the speed, never whether the answer is a minimiser (nnls.test.ts checks both ways give the same Xr).
function guessPassiveSet({ a, v }: NormalEquations): number[] {
  const size = v.length;
  // Each column scaled to unit length, so the tolerance means the same for every band.
  const scale = a.map((row, i) => Math.sqrt(Math.max(row[i].toNumber(), 0)));
  const A = a.map((row, i) => row.map((aij, j) => (scale[i] && scale[j] ? aij.toNumber() / (scale[i] * scale[j]) : 0)));
  const b = v.map((vi, i) => (scale[i] ? vi.toNumber() / scale[i] : 0));
  const tolerance = 1e-10 * Math.max(1, ...b.map(Math.abs));
  const passive = new Set<number>();
  let x = new Array<number>(size).fill(0);
  const solve = (set: number[]): number[] | null => {
    const m = set.length;
    const rows = set.map((i) => [...set.map((j) => A[i][j]), b[i]]);
    for (let k = 0; k < m; k++) {
      let pivot = k;
      for (let i = k + 1; i < m; i++) if (Math.abs(rows[i][k]) > Math.abs(rows[pivot][k])) pivot = i;
      if (Math.abs(rows[pivot][k]) < 1e-13) return null;
      [rows[k], rows[pivot]] = [rows[pivot], rows[k]];
      for (let i = k + 1; i < m; i++) {
        const factor = rows[i][k] / rows[k][k];
        for (let j = k; j <= m; j++) rows[i][j] -= factor * rows[k][j];
      }
    }
    const solution = new Array<number>(m);
    for (let i = m - 1; i >= 0; i--) {
      let sum = rows[i][m];
      for (let j = i + 1; j < m; j++) sum -= rows[i][j] * solution[j];
      solution[i] = sum / rows[i][i];
    }
    const full = new Array<number>(size).fill(0);
    set.forEach((column, at) => (full[column] = solution[at]));
    return full;
  };
  for (let step = 0; step < 3 * size + 3; step++) {
    const w = b.map((bi, i) => bi - A[i].reduce((sum, aij, j) => sum + aij * x[j], 0));
    let entering = -1;
    w.forEach((wj, j) => {
      if (!passive.has(j) && wj > tolerance && (entering < 0 || wj > w[entering])) entering = j;
    });
    if (entering < 0) break;
    passive.add(entering);
    for (let inner = 0; inner < 3 * size + 3; inner++) {
      const z = solve([...passive].sort((p, q) => p - q));
      if (z === null) return [];
      const blocking = [...passive].filter((j) => z[j] <= 0);
      if (blocking.length === 0) {
        x = z;
        break;
      }
      const alpha = Math.min(...blocking.map((j) => x[j] / (x[j] - z[j])));
      x = x.map((xj, j) => xj + alpha * (z[j] - xj));
      for (const j of [...passive]) if (x[j] <= 0) passive.delete(j);
    }
  }
  return [...passive].sort((p, q) => p - q);
}
// Stryker restore all

/**
 * The r ≥ 0 minimising |c − Xr|², given A = XᵀX and v = Xᵀc, exactly. When A is singular several r may share the
 * least sum of squares; every one of them has the same Xr, and this is the one the guess or, failing it, the exact
 * method reaches (a column enters when its gradient is largest, the lowest first on a tie). With no guess (v ≤ 0,
 * say), the exact method's first step finds r = 0.
 */
export function nonNegativeLeastSquares(equations: NormalEquations): Fractions {
  const guess = guessPassiveSet(equations);
  if (guess.length > 0) {
    const solution = solveOn(equations, guess);
    if (solution !== null && isOptimal(equations, solution, guess)) return reduced(solution);
  }
  return exactActiveSet(equations);
}
