import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxRootModulus, polynomialRoots, rootsWithinRadius } from './polynomial-roots.js';

/** Coefficients (ascending) of Π(z − r) for complex roots r, back from the roots. */
function expand(re: Float64Array, im: Float64Array): { re: number[]; im: number[] } {
  let cr = [1];
  let ci = [0];
  for (let k = 0; k < re.length; k++) {
    const nr = new Array<number>(cr.length + 1).fill(0);
    const ni = new Array<number>(cr.length + 1).fill(0);
    for (let j = 0; j < cr.length; j++) {
      // (c_j z^j)(z − r): z^{j+1} gets c_j, z^j gets −r·c_j.
      nr[j + 1]! += cr[j]!;
      ni[j + 1]! += ci[j]!;
      nr[j]! -= re[k]! * cr[j]! - im[k]! * ci[j]!;
      ni[j]! -= re[k]! * ci[j]! + im[k]! * cr[j]!;
    }
    cr = nr;
    ci = ni;
  }
  return { re: cr, im: ci };
}

describe('polynomialRoots', () => {
  it('finds real, complex and zero roots', () => {
    const sorted = (values: Float64Array): number[] => Array.from(values).sort((a, b) => a - b);
    expect(sorted(polynomialRoots([-1, 0, 1]).re).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-1, 1]);
    const complex = polynomialRoots([1, 0, 1]); // z² + 1
    expect(sorted(complex.im).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-1, 1]);
    const withZeros = polynomialRoots([0, 0, 2, -2]); // 2z² − 2z³: roots 0, 0, 1
    expect(sorted(withZeros.re).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 1]);
    expect(maxRootModulus([2, -3, 1])).toBeCloseTo(2, 12);
    expect(maxRootModulus([5])).toBe(0);
  });

  it('returns roots whose product expands back to the polynomial (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 26 }), (tail) => {
        const coefficients = [...tail, 1]; // monic, degree ≥ 2
        const { re, im } = polynomialRoots(coefficients);
        const back = expand(re, im);
        coefficients.forEach((c, k) => {
          expect(Math.abs(back.re[k]! - c)).toBeLessThan(1e-8 * Math.max(1, ...coefficients.map(Math.abs)) * 10 ** (coefficients.length / 8));
          expect(Math.abs(back.im[k]!)).toBeLessThan(1e-7);
        });
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('puts a unit root at modulus 1 to within 1e-12 (the ETS admissibility tolerance is 1e-10)', () => {
    // z¹³ + (α − 1)z¹² + (γ − 1)z + (1 − α − γ): ETS(A,N,A)'s polynomial, which always has z = 1 as a root.
    const alpha = 0.3;
    const gamma = 0.2;
    const coefficients = [1 - alpha - gamma, gamma - 1, ...new Array<number>(10).fill(0), alpha - 1, 1];
    const { re, im } = polynomialRoots(coefficients);
    const moduli = Array.from(re, (r, k) => Math.hypot(r, im[k]!));
    expect(Math.min(...moduli.map((m) => Math.abs(m - 1)))).toBeLessThan(1e-12);
  });
});

describe('rootsWithinRadius (Schur–Cohn)', () => {
  it('agrees with the largest root modulus away from the circle (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 25 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (tail, radius) => {
        const coefficients = [...tail, 1];
        const largest = maxRootModulus(coefficients);
        fc.pre(Math.abs(largest - radius) > 1e-6 * radius);
        expect(rootsWithinRadius(coefficients, radius)).toBe(largest < radius);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('accepts the unit root of ETS(A,N,A) within the 1e-10 tolerance, and rejects just outside', () => {
    const alpha = 0.3;
    const gamma = 0.2;
    const coefficients = [1 - alpha - gamma, gamma - 1, ...new Array<number>(10).fill(0), alpha - 1, 1];
    expect(rootsWithinRadius(coefficients, 1 + 1e-10)).toBe(true);
    expect(rootsWithinRadius([-1.001, 1], 1 + 1e-10)).toBe(false); // z = 1.001
    expect(rootsWithinRadius([2, -3, 1], 2.0001)).toBe(true);
    expect(rootsWithinRadius([5], 1)).toBe(true);
  });
});
