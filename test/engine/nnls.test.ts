// Exact non-negative least squares on normal equations, checked by its optimality conditions in BigInt: the
// floating-point guess with its exact check, and the exact method on its own, reach the same minimiser.
import fc from "fast-check";
import { gcd, roundedQuotient, Whole, WholeSum } from "../../src/engine/exact";
import { exactActiveSet, Fractions, NormalEquations, nonNegativeLeastSquares } from "../../src/engine/nnls";

const big = (value: Whole) => BigInt(value.toFixed());

/** A = XᵀX and v = Xᵀc from a design X and costs c, in whole numbers. */
function equationsOf(x: number[][], c: number[]): NormalEquations {
  const size = x[0].length;
  const a = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => new Whole(x.reduce((sum, row) => sum + row[i] * row[j], 0))),
  );
  const v = Array.from({ length: size }, (_, i) => new Whole(x.reduce((sum, row, at) => sum + row[i] * c[at], 0)));
  return { a, v };
}

/** The Karush–Kuhn–Tucker conditions, exactly: r ≥ 0, gradient v − Ar ≤ 0, and 0 where r > 0. */
function optimal({ a, v }: NormalEquations, { numerators, denominator }: Fractions): boolean {
  const n = numerators.map(big);
  const d = big(denominator);
  if (d <= BigInt(0) || n.some((value) => value < BigInt(0))) return false;
  return v.every((vi, i) => {
    const w = big(vi) * d - a[i].reduce((sum, aij, j) => sum + big(aij) * n[j], BigInt(0));
    return n[i] > BigInt(0) ? w === BigInt(0) : w <= BigInt(0);
  });
}

/** A·r, as fractions compared exactly: every minimiser has the same fitted values. */
const fittedValues = ({ a }: NormalEquations, { numerators, denominator }: Fractions) =>
  a.map((row) => ({
    value: row.reduce((sum, aij, j) => sum + big(aij) * big(numerators[j]), BigInt(0)),
    denominator: big(denominator),
  }));

const problem = fc.integer({ min: 1, max: 6 }).chain((size) =>
  fc.tuple(
    fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: size, maxLength: size }), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.array(fc.integer({ min: -5_000, max: 50_000 }), { minLength: 12, maxLength: 12 }),
  ),
);

describe("exact non-negative least squares", () => {
  it("meets the optimality conditions, by the guess or the exact method alone, singular or not", () => {
    fc.assert(
      fc.property(problem, ([x, c]) => {
        const equations = equationsOf(x, c.slice(0, x.length));
        const solution = nonNegativeLeastSquares(equations);
        const exact = exactActiveSet(equations);
        expect(optimal(equations, solution)).toBe(true);
        expect(optimal(equations, exact)).toBe(true);
        // Same fitted values A·r (so the same Xr): a × d' = b × d for each row.
        const [p, q] = [fittedValues(equations, solution), fittedValues(equations, exact)];
        p.forEach((value, i) => expect(value.value * q[i].denominator).toBe(q[i].value * value.denominator));
      }),
      { numRuns: 300 },
    );
  });

  it("solves a small system by hand: a band's rate held at 0", () => {
    // Rows (10, 0), (10, 10), (10, 10) and costs 1,000, 800, 800: unconstrained (100, −20); held, r₀ = 26,000 ÷ 300.
    const equations = equationsOf(
      [
        [10, 0],
        [10, 10],
        [10, 10],
      ],
      [1000, 800, 800],
    );
    const { numerators, denominator } = nonNegativeLeastSquares(equations);
    expect([numerators.map((n) => n.toFixed()), denominator.toFixed()]).toEqual([["260", "0"], "3"]);
  });
});

/** Each rate as a fraction in its lowest terms, "0" for none: the same minimiser whatever its denominator. */
const rates = ({ numerators, denominator }: Fractions) =>
  numerators.map((n) => {
    if (n.isZero()) return "0";
    const common = gcd(n, denominator);
    const [top, bottom] = [n.divToInt(common).toFixed(), denominator.divToInt(common).toFixed()];
    return bottom === "1" ? top : `${top}/${bottom}`;
  });

describe("the exact method's own path, and a floating-point guess it refuses", () => {
  it("enters the lowest column first when two gradients are equal", () => {
    // One person costing 10 with one point in each of two bands: both gradients are 10; the first band takes it all.
    const equations = equationsOf([[1, 1]], [10]);
    expect(rates(exactActiveSet(equations))).toEqual(["10", "0"]);
    expect(rates(nonNegativeLeastSquares(equations))).toEqual(["10", "0"]);
  });

  it("holds every rate at 0 when no band's gradient is above 0 at 0 (no guess: the exact method's first step)", () => {
    // v = (−10, −10): raising either rate only adds to the sum of squares.
    expect(rates(nonNegativeLeastSquares(equationsOf([[1, 1]], [-10])))).toEqual(["0", "0"]);
  });

  it("stops each step at the first rate to reach 0: a singular problem ends at Lawson and Hanson's minimiser", () => {
    // Column 3 is column 1 again and column 4 is columns 0 and 1 added: many minimisers share one Xr. The method ends
    // on columns 1 and 4: A = [[146, 235], [235, 425]], v = (2,493, 4,055), determinant 6,825, so
    // r₁ = (425 × 2,493 − 235 × 4,055) ÷ 6,825 = 328/21 and r₄ = (146 × 4,055 − 235 × 2,493) ÷ 6,825 = 19/21;
    // the other gradients are then 0, −1,717/21 and 0: none can rise.
    const equations = equationsOf(
      [
        [8, 7, 4, 7, 15],
        [6, 4, 3, 4, 10],
        [1, 9, 9, 9, 10],
      ],
      [171, 9, 140],
    );
    const exact = exactActiveSet(equations);
    expect(rates(exact)).toEqual(["0", "328/21", "0", "0", "19/21"]);
    expect(optimal(equations, exact)).toBe(true);
  });

  it("refuses a guess holding a rate below 0, and finds the minimiser exactly", () => {
    // Three people fit exactly by (71/6, 41/3, −19/3). The floating-point guess steps the third rate to 1.8 × 10⁻¹⁵,
    // not 0, so it keeps all three bands; exactly, that set's third rate is −19/3. Held at 0, the first two columns
    // are orthogonal: r₀ = 22 ÷ 4 = 11/2, r₁ = 67 ÷ 10, and the third's gradient 90 − (4 × 11/2 + 11 × 67/10) = −5.7.
    const equations = equationsOf(
      [
        [0, 1, 2],
        [0, 3, 3],
        [2, 0, 2],
      ],
      [1, 22, 11],
    );
    expect(rates(nonNegativeLeastSquares(equations))).toEqual(["11/2", "67/10", "0"]);
    expect(rates(exactActiveSet(equations))).toEqual(["11/2", "67/10", "0"]);
  });

  it("refuses a guess that leaves out a column whose gradient is below the floating-point tolerance", () => {
    // A = [[1, 1], [1, 2]], v = (10¹², 10¹² + 1): with r₀ = 10¹² alone the second column's gradient is 1, under the
    // guess's tolerance of 10⁻¹⁰ × 10¹²; exactly it is above 0, and A r = v gives r = (10¹² − 1, 1).
    const equations: NormalEquations = {
      a: [
        [new Whole(1), new Whole(1)],
        [new Whole(1), new Whole(2)],
      ],
      v: [new Whole("1000000000000"), new Whole("1000000000001")],
    };
    expect(rates(nonNegativeLeastSquares(equations))).toEqual(["999999999999", "1"]);
  });
});

describe("exact whole-number helpers", () => {
  it("rounds a quotient half away from zero, as Excel's ROUND", () => {
    const q = (n: number, d: number, places: number) => roundedQuotient(new Whole(n), new Whole(d), places);
    expect([q(1, 8, 2), q(-1, 8, 2), q(1, -8, 2), q(2, 3, 4), q(-2, 3, 4), q(0, 5, 2), q(-1, 200001, 4)]).toEqual([
      0.13, -0.13, -0.13, 0.6667, -0.6667, 0, 0,
    ]);
  });

  it("sums past 2^53 exactly, and finds common divisors", () => {
    const sum = new WholeSum();
    for (let i = 0; i < 4; i++) sum.add(2 ** 52 + 1);
    for (let i = 0; i < 3000; i++) sum.add(2 ** 52 - 1);
    sum.addWhole(new Whole("1152921504606846976"));
    const two52 = BigInt(2) ** BigInt(52);
    const expected = BigInt(4) * (two52 + BigInt(1)) + BigInt(3000) * (two52 - BigInt(1)) + BigInt(2) ** BigInt(60);
    expect(sum.value.toFixed()).toBe(expected.toString());
    expect(gcd(new Whole(84), new Whole(-36)).toNumber()).toBe(12);
  });
});
