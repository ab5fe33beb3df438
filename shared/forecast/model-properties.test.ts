import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError, type ForecastModel, type ForecastPaths } from './forecast-model.js';
import { linearTrendModel } from './linear-trend.js';
import { logLinearGrowthModel } from './log-linear-growth.js';
import { createLogisticGrowthModel, logisticGrowthModel } from './logistic-growth.js';
import { driftModel } from './drift.js';
import { createSeasonalNaiveModel, seasonalNaiveModel } from './seasonal-naive.js';
import { thetaModel } from './theta.js';
import { createMstlModel } from './mstl.js';
import { createCombinationModel } from './combination.js';

// Every model of this folder, against the contract: nested, widening, finite intervals,
// fitted values aligned with the input, and a ForecastError (never a NaN) when it does not apply.
const models: readonly ForecastModel[] = [
  linearTrendModel,
  logLinearGrowthModel,
  logisticGrowthModel,
  createLogisticGrowthModel({ cap: 5000 }),
  driftModel,
  seasonalNaiveModel,
  createSeasonalNaiveModel('last'),
  thetaModel,
  createMstlModel(driftModel),
  createCombinationModel([thetaModel, driftModel]),
];

function checkPaths(p: ForecastPaths, h: number, logScale: boolean): void {
  for (const path of [p.mean, p.lo80, p.hi80, p.lo95, p.hi95]) {
    expect(path).toHaveLength(h);
    expect(path.every(Number.isFinite)).toBe(true);
  }
  const tolerance = (i: number) => 1e-9 * (1 + Math.abs(p.mean[i]!));
  // Widening: no step is claimed surer than the one before (on the log scale for compound growth).
  const width = (lo: readonly number[], hi: readonly number[], k: number) => (logScale ? Math.log(hi[k]!) - Math.log(lo[k]!) : hi[k]! - lo[k]!);
  for (let i = 0; i < h; i++) {
    expect(p.lo95[i]!).toBeLessThanOrEqual(p.lo80[i]! + tolerance(i));
    expect(p.lo80[i]!).toBeLessThanOrEqual(p.mean[i]! + tolerance(i));
    expect(p.mean[i]!).toBeLessThanOrEqual(p.hi80[i]! + tolerance(i));
    expect(p.hi80[i]!).toBeLessThanOrEqual(p.hi95[i]! + tolerance(i));
    if (i > 0) {
      expect(width(p.lo95, p.hi95, i)).toBeGreaterThanOrEqual(width(p.lo95, p.hi95, i - 1) - tolerance(i));
      expect(width(p.lo80, p.hi80, i)).toBeGreaterThanOrEqual(width(p.lo80, p.hi80, i - 1) - tolerance(i));
    }
  }
}

describe('every model honours the forecast contract', () => {
  it('gives nested, widening, finite intervals (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: models.length - 1 }),
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 20, maxLength: 80 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (index, noise, slope, h) => {
          const model = models[index]!;
          const y = noise.map((e, t) => Math.max(1, 1000 + slope * t + e * 0.2 + 50 * Math.sin(t)));
          const fit = model.fit(y, { periods: [4] });
          expect(fit.fitted).toHaveLength(y.length);
          checkPaths(fit.forecast(h), h, model.id === 'log-linear-growth');
        },
      ),
      { seed: 17, numRuns: 400 },
    );
  });

  it('throws ForecastError for too-short or invalid series and horizons', () => {
    const bad: number[][] = [[], [5], [5, 6], [1, 2, Number.NaN, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, Infinity, 5, 6, 7, 8, 9, 10], [1, 2, 3, 1e200, 5, 6, 7, 8, 9, 10]];
    for (const model of models) {
      for (const y of bad) expect(() => model.fit(y, { periods: [4] }), `${model.id} on [${y.join(',')}]`).toThrow(ForecastError);
      const fit = model.fit(Array.from({ length: 30 }, (_, t) => 10 + t + (t % 4)), { periods: [4] });
      for (const h of [0, -1, 2.5]) expect(() => fit.forecast(h), `${model.id} h=${h}`).toThrow(ForecastError);
    }
  });

  it('never returns NaN forecasts for any finite series it accepts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: models.length - 1 }), fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e100, max: 1e100, noNaN: true })), { minLength: 0, maxLength: 40 }), (index, y) => {
        const model = models[index]!;
        let paths: ForecastPaths;
        try {
          paths = model.fit(y, { periods: [4] }).forecast(6);
        } catch (error) {
          expect(error).toBeInstanceOf(ForecastError);
          return;
        }
        for (const path of [paths.mean, paths.lo80, paths.hi80, paths.lo95, paths.hi95]) expect(path.every(Number.isFinite)).toBe(true);
      }),
      { seed: 23, numRuns: 600 },
    );
  });
});
