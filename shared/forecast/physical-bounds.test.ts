import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError } from './forecast-model.js';
import { clampPaths, NON_NEGATIVE_BOUNDS, UTILISATION_PERCENT_BOUNDS } from './physical-bounds.js';

describe('clampPaths', () => {
  const paths = { mean: [50, 98], lo80: [20, 90], hi80: [80, 104], lo95: [-5, 85], hi95: [105, 110] };

  it('clamps utilisation to 0–100 % and sizes to ≥ 0', () => {
    expect(clampPaths(paths, UTILISATION_PERCENT_BOUNDS)).toEqual({ mean: [50, 98], lo80: [20, 90], hi80: [80, 100], lo95: [0, 85], hi95: [100, 100] });
    expect(clampPaths(paths, NON_NEGATIVE_BOUNDS).lo95).toEqual([0, 85]);
  });

  it('keeps the paths ordered (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true })), { minLength: 1, maxLength: 20 }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (rows, lower, width) => {
        const p = { mean: rows.map((r) => r[0]), lo80: rows.map((r) => r[0] - r[1]), hi80: rows.map((r) => r[0] + r[1]), lo95: rows.map((r) => r[0] - r[1] - r[2]), hi95: rows.map((r) => r[0] + r[1] + r[2]) };
        const c = clampPaths(p, { lower, upper: lower + width });
        c.mean.forEach((m, i) => {
          expect(c.lo95[i]! <= c.lo80[i]! && c.lo80[i]! <= m && m <= c.hi80[i]! && c.hi80[i]! <= c.hi95[i]!).toBe(true);
          expect(c.lo95[i]! >= lower && c.hi95[i]! <= lower + width).toBe(true);
        });
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('refuses crossed bounds', () => {
    expect(() => clampPaths(paths, { lower: 10, upper: 5 })).toThrow(ForecastError);
  });
});
