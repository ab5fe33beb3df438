import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError } from './forecast-model.js';
import { fitLinearTrend, linearCrossing, linearTrendModel } from './linear-trend.js';

describe('linear trend (OLS)', () => {
  // Hand computation for y = 1, 3, 2, 5, 4 at t = 0…4: t̄ = 2, Σ(t − t̄)² = 10, b = 8/10 = 0.8,
  // a = 3 − 1.6 = 1.4; residuals −0.4, 0.8, −1, 1.2, −0.6 → SSR 3.6, s² = 1.2.
  // h = 1 (t = 5): se = √(1.2·(1 + 1/5 + 9/10)) = √2.52; t₀.₉₇₅(3) = 3.182446, t₀.₉(3) = 1.637744.
  // Cross-checked with numpy.polyfit + scipy.stats.t.ppf.
  const fit = fitLinearTrend([1, 3, 2, 5, 4]);

  it('estimates the line and residual standard error', () => {
    expect(fit.intercept).toBeCloseTo(1.4, 12);
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(1.2), 12);
    [1.4, 2.2, 3, 3.8, 4.6].forEach((v, t) => expect(fit.fitted[t]).toBeCloseTo(v, 12));
  });

  it('gives the exact OLS prediction interval', () => {
    const p = fit.forecast(3);
    expect(p.mean[0]).toBeCloseTo(5.4, 12);
    expect(p.lo95[0]).toBeCloseTo(0.34802310924178137, 9);
    expect(p.hi95[0]).toBeCloseTo(10.45197689075822, 9);
    expect(p.lo80[0]).toBeCloseTo(2.800161437411775, 9);
    expect(p.hi80[1]).toBeCloseTo(9.202034987919765, 9);
    expect(p.lo95[2]).toBeCloseTo(0.2941695280970755, 9);
    expect(p.hi95[2]).toBeCloseTo(13.705830471902926, 9);
  });

  it('finds closed-form crossing times that agree with the forecast paths', () => {
    // Rising: y = 10 + 2t + noise; threshold 80.
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t + 3 * Math.sin(t * 1.7));
    const f = fitLinearTrend(y);
    const c = linearCrossing(f, 80);
    const paths = f.forecast(200);
    for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
      const time = c[key];
      expect(time).toBeDefined();
      const k = Math.ceil(time!);
      const series = paths[key];
      // First step at or past the threshold is ⌈time⌉; the step before is still below.
      expect(series[k - 1]!).toBeGreaterThanOrEqual(80 - 1e-9);
      if (k >= 2) expect(series[k - 2]!).toBeLessThan(80);
    }
    // Pessimistic (hi95) before the mean before optimistic (lo95).
    expect(c.hi95!).toBeLessThan(c.hi80!);
    expect(c.hi80!).toBeLessThan(c.mean!);
    expect(c.mean!).toBeLessThan(c.lo80!);
    expect(c.lo80!).toBeLessThan(c.lo95!);
  });

  it('solves the bound equation exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (noise, slope, above) => {
          const y = noise.map((e, t) => 100 + slope * t + e);
          const f = fitLinearTrend(y);
          const direction = f.slope >= 0 ? 'up' : 'down';
          const threshold = direction === 'up' ? Math.max(...y) + above : Math.min(...y) - above;
          const c = linearCrossing(f, threshold);
          const bound = (side: number, q: number, h: number): number => {
            const t = f.n - 1 + h;
            return f.intercept + f.slope * t + side * q * f.sigma * Math.sqrt(1 + 1 / f.n + (t - f.tMean) ** 2 / f.sxx);
          };
          const checks: [number | undefined, number, number][] = [
            [c.mean, 0, 0],
            [c.hi80, 1, f.q80],
            [c.lo80, -1, f.q80],
            [c.hi95, 1, f.q95],
            [c.lo95, -1, f.q95],
          ];
          for (const [time, side, q] of checks) {
            if (time === undefined || time === 0) continue;
            expect(Math.abs(bound(side, q, time) - threshold)).toBeLessThan(1e-6 * (1 + Math.abs(threshold)));
            // Nothing earlier reached it: the bound at 0 and just before is on the near side.
            const before = bound(side, q, time * 0.999);
            expect(direction === 'up' ? before < threshold : before > threshold).toBe(true);
          }
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('reports "never" and "already" crossings', () => {
    const flat = fitLinearTrend([5, 5.1, 4.9, 5, 5.05]);
    const falling = fitLinearTrend([10, 9, 8, 7, 6]);
    expect(linearCrossing(falling, 100, 'up').mean).toBeUndefined();
    expect(linearCrossing(falling, 3).mean).toBeCloseTo(3, 9); // 6 − h = 3
    expect(linearCrossing(flat, 4, 'up').mean).toBe(0);
  });

  it('throws ForecastError on too-short or invalid input', () => {
    expect(() => linearTrendModel.fit([1, 2], { periods: [] })).toThrow(ForecastError);
    expect(() => linearTrendModel.fit([1, Number.NaN, 3], { periods: [] })).toThrow(ForecastError);
    expect(() => fit.forecast(0)).toThrow(ForecastError);
  });
});
