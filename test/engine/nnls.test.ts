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
