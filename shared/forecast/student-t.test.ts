import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { studentTCdf, studentTQuantile } from './student-t.js';
import { logGamma, regularizedIncompleteBeta } from './special-functions.js';

// Expected values: printed t tables (t(0.975,10) = 2.228139, t(0.9,5) = 1.475884, e.g.
// Montgomery & Runger, Applied Statistics, Table V) and, to more digits, SciPy 1.17
// scipy.stats.t.ppf / .cdf run independently of this code.
describe('Student-t', () => {
  it('matches printed table quantiles to 1e-6', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.9, 5)).toBeCloseTo(1.475884, 6);
  });

  it('matches SciPy quantiles to 1e-9 over small, large and fractional df', () => {
    const cases: [number, number, number][] = [
      [0.975, 1, 12.706204736174694],
      [0.9, 1, 3.0776835371752544],
      [0.975, 2, 4.302652729749462],
      [0.995, 3, 5.840909309733355],
      [0.9, 30, 1.3104150253913955],
      [0.975, 100, 1.9839715185235518],
      [0.999, 4, 7.173182219782307],
      [0.6, 7, 0.2631668613520229],
      [0.975, 2.5, 3.5746548420036817],
    ];
    for (const [p, df, expected] of cases) {
      expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
      expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 9);
    }
  });

  it('matches SciPy CDF values', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 12);
    expect(studentTCdf(-1.3, 12)).toBeCloseTo(0.10900858554175706, 12);
    expect(studentTCdf(0.2, 3)).toBeCloseTo(0.5728648353768605, 12);
    expect(studentTCdf(10, 2)).toBeCloseTo(0.9950737714883372, 12);
  });

  it('inverts its own CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('has correct special functions underneath', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    // I_x(1, b) = 1 − (1 − x)^b in closed form.
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
  });

  it('refuses invalid arguments', () => {
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});
