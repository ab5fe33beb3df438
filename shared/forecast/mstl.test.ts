import { describe, expect, it } from 'vitest';
import { normalPaths, type ForecastModel } from './forecast-model.js';
import { createMstlModel, mstlDecomposition } from './mstl.js';
import { driftModel, fitDrift } from './drift.js';
import { fitSes } from './simple-exponential-smoothing.js';
import { SeededRandom } from '../random/seeded-random.js';

/** SES as a trend model, standing in for the app's ETS (ets/ is not imported here). */
const sesModel: ForecastModel = {
  id: 'ses',
  label: 'SES',
  fit: (y) => {
    const ses = fitSes(y);
    return {
      description: `SES α=${ses.alpha.toFixed(3)}`,
      parameters: { alpha: ses.alpha },
      fitted: ses.fitted,
      forecast: (h) =>
        normalPaths(
          Array.from({ length: h }, () => ses.level),
          Array.from({ length: h }, (_, k) => Math.sqrt(ses.sigma2 * (1 + k * ses.alpha ** 2))),
        ),
    };
  },
};

function twoSeasons(n: number, seed: number) {
  const random = new SeededRandom(seed);
  const daily = Array.from({ length: n }, (_, t) => 8 * Math.sin((2 * Math.PI * t) / 24));
  const weekly = Array.from({ length: n }, (_, t) => 5 * Math.sin((2 * Math.PI * t) / 168 + 1));
  const y = daily.map((d, t) => 200 + 0.02 * t + d + weekly[t]! + random.normal());
  return { y, daily, weekly };
}

function projection(estimate: ArrayLike<number>, truth: readonly number[], from: number, to: number): { gain: number; correlation: number } {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let t = from; t < to; t++) {
    xy += estimate[t]! * truth[t]!;
    xx += truth[t]! ** 2;
    yy += estimate[t]! ** 2;
  }
  return { gain: xy / xx, correlation: xy / Math.sqrt(xx * yy) };
}

describe('MSTL', () => {
  it('recovers a daily and a weekly season (periods 24 and 168)', () => {
    const n = 168 * 8;
    const { y, daily, weekly } = twoSeasons(n, 1);
    const fit = mstlDecomposition(y, [168, 24]);
    expect(fit.periods).toEqual([24, 168]);
    const d = projection(fit.seasonals[0]!, daily, 168, n - 168);
    const w = projection(fit.seasonals[1]!, weekly, 168, n - 168);
    expect(d.correlation).toBeGreaterThan(0.99);
    expect(w.correlation).toBeGreaterThan(0.97);
    expect(Math.abs(d.gain - 1)).toBeLessThan(0.05);
    expect(Math.abs(w.gain - 1)).toBeLessThan(0.05);
    for (let t = 0; t < n; t += 97) expect(fit.trend[t]! + fit.seasonals[0]![t]! + fit.seasonals[1]![t]! + fit.remainder[t]!).toBeCloseTo(y[t]!, 9);
  });

  it('drops periods with fewer than two full cycles, as R’s mstl', () => {
    const { y } = twoSeasons(300, 2);
    expect(mstlDecomposition(y, [24, 168]).periods).toEqual([24]);
    expect(mstlDecomposition(y.slice(0, 40), [24]).periods).toEqual([]);
  });

  it('forecasts with seasonal naive seasons plus the trend model’s intervals', () => {
    const n = 168 * 6;
    const { y } = twoSeasons(n, 3);
    const model = createMstlModel(driftModel);
    const fit = model.fit(y, { periods: [24, 168] });
    const decomposition = mstlDecomposition(y, [24, 168]);
    const trendPaths = fitDrift(Array.from(decomposition.seasonallyAdjusted)).forecast(200);
    const paths = fit.forecast(200);
    for (let k = 0; k < 200; k++) {
      const season = decomposition.seasonals[0]![n - 24 + (k % 24)]! + decomposition.seasonals[1]![n - 168 + (k % 168)]!;
      expect(paths.mean[k]).toBeCloseTo(trendPaths.mean[k]! + season, 9);
      // Seasonal parts are treated as known: the interval widths are the trend model's.
      expect(paths.hi95[k]! - paths.lo95[k]!).toBeCloseTo(trendPaths.hi95[k]! - trendPaths.lo95[k]!, 9);
    }
    expect(fit.description).toMatch(/^MSTL \(periods 24, 168\) \+ Random walk with drift/);
  });

  it('plugs in any trend model, e.g. simple exponential smoothing', () => {
    const { y } = twoSeasons(168 * 4, 4);
    const paths = createMstlModel(sesModel).fit(y, { periods: [24, 168] }).forecast(48);
    expect(paths.mean).toHaveLength(48);
    expect(paths.mean.every(Number.isFinite)).toBe(true);
  });

  it('decomposes 26k points with periods [288, 2016] in well under a second', () => {
    const random = new SeededRandom(9);
    const make = (n: number) => Array.from({ length: n }, (_, t) => 50 + 0.001 * t + 10 * Math.sin((2 * Math.PI * t) / 288) + 5 * Math.sin((2 * Math.PI * t) / 2016) + random.normal());
    const y = make(25_920);
    mstlDecomposition(y.slice(0, 5000), [288, 2016]); // warm up the JIT
    let start = performance.now();
    const fit = createMstlModel(driftModel).fit(y, { periods: [288, 2016] });
    fit.forecast(2016);
    const ms26k = performance.now() - start;
    const long = make(114_000);
    start = performance.now();
    createMstlModel(driftModel).fit(long, { periods: [288, 2016] }).forecast(2016);
    const ms114k = performance.now() - start;
    console.info(`MSTL [288, 2016] + drift, fit + 2016-step forecast: 25,920 points ${ms26k.toFixed(0)} ms; 114,000 points ${ms114k.toFixed(0)} ms`);
    expect(ms26k).toBeLessThan(1000);
  });
});
