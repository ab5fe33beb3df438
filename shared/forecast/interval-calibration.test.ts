import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OriginResult } from './backtest.js';
import { calibrationFactors, widenIntervals } from './interval-calibration.js';

function origin(actual: number[], halfWidth95: number): OriginResult {
  const mean = actual.map(() => 0);
  const hw80 = (halfWidth95 * 1.2816) / 1.96;
  return {
    trainLength: 10,
    actual,
    forecast: { mean, lo80: mean.map(() => -hw80), hi80: mean.map(() => hw80), lo95: mean.map(() => -halfWidth95), hi95: mean.map(() => halfWidth95) },
    mase: 1,
    smape: 1,
    coverage80: 0,
    coverage95: 0,
  };
}

describe('interval calibration', () => {
  it('widens intervals that held too little of the backtest until they would have held their share', () => {
    // Errors uniform on ±1..±40 against a 95 % half-width of 10: far too narrow.
    const errors = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (i + 1));
    const calibration = calibrationFactors([origin(errors, 10)]);
    expect(calibration.factor95).toBeGreaterThan(3);
    const widened = widenIntervals(origin(errors, 10).forecast, calibration);
    const inside = errors.filter((e, k) => e >= (widened.lo95[k] as number) && e <= (widened.hi95[k] as number)).length / errors.length;
    expect(inside).toBeGreaterThanOrEqual(0.95);
  });

  it('does nothing on too few points, and narrows only with ample evidence, at most by half', () => {
    expect(calibrationFactors([origin([0.1, -0.1, 0.2, 0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10)])).toMatchObject({ factor80: 1, factor95: 1 });
    expect(calibrationFactors([origin([100, 100], 1)])).toMatchObject({ factor80: 1, factor95: 1, points: 2 });
    // Errors of ±1 against a 95 % half-width of 10, 40 points per origin: far too wide.
    const tiny = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    expect(calibrationFactors([origin(tiny, 10), origin(tiny, 10)])).toMatchObject({ factor80: 1, factor95: 1 }); // 2 origins: not enough
    expect(calibrationFactors([origin(tiny, 10), origin(tiny, 10), origin(tiny, 10)])).toMatchObject({ factor80: 0.5, factor95: 0.5, points: 120 });
  });

  it('keeps lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95 for any factors (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (f80, f95, w) => {
        const p = widenIntervals({ mean: [5], lo80: [5 - w], hi80: [5 + w], lo95: [5 - 1.5 * w], hi95: [5 + 1.5 * w] }, { factor80: f80, factor95: f95, points: 50 });
        return (p.lo95[0] as number) <= (p.lo80[0] as number) && (p.lo80[0] as number) <= 5 && 5 <= (p.hi80[0] as number) && (p.hi80[0] as number) <= (p.hi95[0] as number);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
