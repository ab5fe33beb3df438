import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError, type ForecastPaths } from '../forecast-model.js';
import { fitEts } from './ets-fit.js';
import { etsForecastPaths } from './ets-forecast-intervals.js';
import { simulateEtsQuantiles } from './ets-simulate.js';
import type { EtsSpec } from './ets-spec.js';
import { refdataUrl } from '../../../test/helpers/refdata.js';

const air = readFileSync(refdataUrl('airpassengers.csv'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .slice(1)
  .map((line) => Number(line.split(',')[2]));

function expectNested(paths: ForecastPaths): void {
  paths.mean.forEach((m, h) => {
    for (const v of [paths.lo95[h]!, paths.lo80[h]!, m, paths.hi80[h]!, paths.hi95[h]!]) expect(Number.isFinite(v)).toBe(true);
    expect(paths.lo95[h]!).toBeLessThanOrEqual(paths.lo80[h]!);
    expect(paths.lo80[h]!).toBeLessThanOrEqual(m);
    expect(m).toBeLessThanOrEqual(paths.hi80[h]!);
    expect(paths.hi80[h]!).toBeLessThanOrEqual(paths.hi95[h]!);
  });
}

describe('etsForecastPaths', () => {
  it('gives nested intervals that widen with the horizon (property, analytic and simulated models)', () => {
    const specs: EtsSpec[] = [
      { error: 'A', trend: 'N', season: 'N', period: 1 },
      { error: 'A', trend: 'Ad', season: 'A', period: 4 },
      { error: 'M', trend: 'A', season: 'N', period: 1 },
      { error: 'M', trend: 'Ad', season: 'M', period: 4 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 24, maxLength: 48 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (spec, noise, slope, horizon) => {
          const y = noise.map((e, t) => 50 + slope * t + 5 * Math.sin((Math.PI * t) / 2) + 3 * e);
          const paths = etsForecastPaths(fitEts(y, spec, { maxEvaluations: 300 }), horizon, { seed: 1, paths: 800 });
          expectNested(paths);
          for (let h = 1; h < horizon; h++) {
            if (spec.error === 'A') {
              // Exact: v_h is non-decreasing.
              expect(paths.hi95[h]! - paths.lo95[h]!).toBeGreaterThanOrEqual(paths.hi95[h - 1]! - paths.lo95[h - 1]! - 1e-9);
            } else {
              // Multiplicative errors: widths relative to the point forecast never shrink.
              const relative = (i: number): number => (paths.hi95[i]! - paths.lo95[i]!) / Math.abs(paths.mean[i]!);
              expect(relative(h)).toBeGreaterThanOrEqual(relative(h - 1) - 1e-9);
            }
          }
        },
      ),
      { seed: 31, numRuns: 60 },
    );
  });

  it('only smooths Monte Carlo jitter: the simulated intervals of AirPassengers match a 100 000-path run within 2 %', () => {
    const fit = fitEts(air, { error: 'M', trend: 'Ad', season: 'M', period: 12 });
    const paths = etsForecastPaths(fit, 24, { seed: 5 });
    const [lo95, hi95] = simulateEtsQuantiles(fit.spec, fit.parameters, fit.finalStates, Math.sqrt(fit.sigma2), 24, [0.025, 0.975], { seed: 99, paths: 100_000 });
    paths.mean.forEach((_, h) => {
      expect(Math.abs(paths.hi95[h]! / hi95![h]! - 1)).toBeLessThan(0.02);
      expect(Math.abs(paths.lo95[h]! / lo95![h]! - 1)).toBeLessThan(0.02);
    });
    // Absolute widths follow the season, as R's do for ETS(M,·,M): July is wider than November.
    expect(paths.hi95[6]! - paths.lo95[6]!).toBeGreaterThan(paths.hi95[10]! - paths.lo95[10]!);
  });

  it('gives zero-width intervals without NaN when the model has no variance', () => {
    const y = new Array<number>(30).fill(12);
    for (const spec of [{ error: 'A', trend: 'N', season: 'N', period: 1 }, { error: 'M', trend: 'N', season: 'N', period: 1 }] as EtsSpec[]) {
      const paths = etsForecastPaths(fitEts(y, spec), 10, { seed: 1 });
      expectNested(paths);
      paths.mean.forEach((m, h) => {
        expect(m).toBeCloseTo(12, 9);
        expect(paths.hi95[h]! - paths.lo95[h]!).toBeLessThan(1e-6);
      });
    }
  });

  it('refuses horizons that are not whole numbers ≥ 1', () => {
    const fit = fitEts(air, { error: 'A', trend: 'N', season: 'N', period: 1 });
    expect(() => etsForecastPaths(fit, 0)).toThrow(ForecastError);
    expect(() => etsForecastPaths(fit, 2.5)).toThrow(ForecastError);
  });
});
