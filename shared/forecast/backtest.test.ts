import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError, type ForecastModel } from './forecast-model.js';
import { backtest, backtestOrigins } from './backtest.js';
import { seasonalNaiveModel } from './seasonal-naive.js';
import { linearTrendModel } from './linear-trend.js';
import { thetaModel } from './theta.js';
import { driftModel } from './drift.js';

describe('rolling-origin backtest', () => {
  it('places origins so the last forecast ends at the series’ end', () => {
    expect(backtestOrigins(144, { h: 12, periods: [12] })).toEqual([84, 96, 108, 120, 132]);
    expect(backtestOrigins(30, { h: 5, periods: [12], origins: 5 })).toEqual([25]);
    expect(backtestOrigins(100, { h: 10, periods: [], origins: 3, spacing: 1 })).toEqual([88, 89, 90]);
    expect(() => backtestOrigins(20, { h: 5, periods: [12] })).toThrow(ForecastError);
  });

  it('computes MASE, sMAPE and coverage as by hand', () => {
    // Naive, y = 2 4 3 5 6 12 7 9, h = 2, origins after 4 and 6 points.
    // Origin 4: forecasts 5, 5 vs 6, 12: MAE 4; in-sample naive MAE (2 + 1 + 2)/3 → MASE 2.4;
    //   sMAPE 100·(1/11 + 7/17) = 50.2674; σ̂² = (4 + 1 + 4)/3 = 3 → 12 outside both intervals.
    // Origin 6: forecasts 12, 12 vs 7, 9: MAE 4; scale (2+1+2+1+6)/5 = 2.4 → MASE 1.6667;
    //   sMAPE 100·(5/19 + 3/21) = 40.6015; σ̂² = 46/5 → 7 outside the 80 %, inside the 95 %.
    const result = backtest(seasonalNaiveModel, [2, 4, 3, 5, 6, 12, 7, 9], { h: 2, periods: [], origins: 2 });
    expect(result.origins.map((o) => o.trainLength)).toEqual([4, 6]);
    expect(result.origins[0]!.mase).toBeCloseTo(2.4, 12);
    expect(result.origins[1]!.mase).toBeCloseTo(5 / 3, 12);
    expect(result.mase).toBeCloseTo(2.0333333333333, 10);
    expect(result.smape).toBeCloseTo(45.43444172, 7);
    expect(result.coverage80).toBe(0.5);
    expect(result.coverage95).toBe(0.75);
  });

  it('fits on data before each origin only (spy)', () => {
    const seen: number[][] = [];
    const spy: ForecastModel = {
      id: 'spy',
      label: 'Spy',
      fit: (y, options) => {
        seen.push([...y]);
        return driftModel.fit(y, options);
      },
    };
    const y = Array.from({ length: 50 }, (_, t) => t + Math.sin(t));
    const result = backtest(spy, y, { h: 4, periods: [], origins: 4 });
    expect(seen.map((s) => s.length)).toEqual(result.origins.map((o) => o.trainLength));
    seen.forEach((training) => expect(training).toEqual(y.slice(0, training.length)));
  });

  it('never uses future data: poisoning everything from an origin on leaves its forecast unchanged (property)', () => {
    const models = [linearTrendModel, thetaModel, driftModel, seasonalNaiveModel];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 10, max: 100, noNaN: true }), { minLength: 40, maxLength: 80 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (y, modelIndex, originIndex) => {
          const model = models[modelIndex]!;
          const options = { h: 5, periods: [4], origins: 3 };
          const clean = backtest(model, y, options);
          const origin = clean.origins[originIndex]!;
          // Values that would wreck any fit (1e12, alternating sign) from the origin on.
          const poisoned = y.map((v, t) => (t >= origin.trainLength ? (t % 2 === 0 ? 1e12 : -1e12) : v));
          const dirty = backtest(model, poisoned, options);
          expect(dirty.origins[originIndex]!.forecast).toEqual(origin.forecast);
        },
      ),
      { seed: 21, numRuns: 100 },
    );
  });

  it('propagates a model’s ForecastError and refuses invalid series', () => {
    expect(() => backtest(seasonalNaiveModel, [1, 2, 3, 4, 5, 6, 7, 8], { h: 2, periods: [7], minTrainLength: 3 })).toThrow(ForecastError);
    expect(() => backtest(driftModel, [1, 2, Number.NaN, 4, 5, 6, 7, 8], { h: 2, periods: [] })).toThrow(ForecastError);
  });
});
