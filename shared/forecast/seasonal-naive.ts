import { type FittedModel, type ForecastModel, type ForecastPaths, normalPaths } from './forecast-model.js';
import { assertHorizon, assertPeriods, assertSeries } from './forecast-paths.js';
import { formatNumber } from './format-number.js';

/**
 * Seasonal naive: every value repeats the one a season earlier (fpp3 §5.2), the baseline
 * every seasonal model must beat and the scale of MASE. Without a period it is the naive
 * method (the last value repeated).
 */

/**
 * Fits seasonal naive with period m: ŷ_{T+h} = y_{T+h−m(k+1)}, k = ⌊(h − 1)/m⌋, with
 * fpp3's interval σ̂_h = σ̂·√(k + 1) (Table 5.2). σ̂² is the mean squared lag-m difference,
 * the variance of the seasonal random walk's innovations (R forecast's lagwalk, which fits
 * no constant, so there is no degree of freedom to subtract). With m = 1 this is the naive
 * method with σ̂_h = σ̂√h.
 * @param y evenly spaced finite values, oldest first, at least m + 1
 * @param m the season length in steps (1 for naive)
 * @throws {ForecastError} for fewer than m + 1 points, non-finite values or a bad period
 * @example fitSeasonalNaive([1, 2, 3, 4], 2).forecast(3).mean // [3, 4, 3]
 */
export function fitSeasonalNaive(y: readonly number[], m: number): FittedModel {
  if (m !== 1) assertPeriods([m]);
  const name = m === 1 ? 'Naive' : `Seasonal naive (m=${m})`;
  assertSeries(y, m + 1, name);
  const n = y.length;
  const fitted = new Array<number>(n);
  let ss = 0;
  for (let t = 0; t < n; t++) {
    if (t < m) {
      fitted[t] = Number.NaN;
      continue;
    }
    const previous = y[t - m] ?? 0;
    fitted[t] = previous;
    const e = (y[t] ?? 0) - previous;
    ss += e * e;
  }
  const sigma = Math.sqrt(ss / (n - m));
  const forecast = (h: number): ForecastPaths => {
    assertHorizon(h);
    const mean = new Array<number>(h);
    const sd = new Array<number>(h);
    for (let step = 1; step <= h; step++) {
      const k = Math.floor((step - 1) / m);
      mean[step - 1] = y[n - 1 + step - m * (k + 1)] ?? 0;
      sd[step - 1] = sigma * Math.sqrt(k + 1);
    }
    return normalPaths(mean, sd);
  };
  return { description: `${name} (σ=${formatNumber(sigma)})`, parameters: { period: m, sigma }, fitted, forecast };
}

/**
 * Seasonal naive on one of the given periods: `'first'` (the shortest, as MASE scales by)
 * or `'last'` (the longest, e.g. weekly for 5-minute data, which also repeats the daily
 * shape); naive when the options give no period.
 * @example createSeasonalNaiveModel('last').fit(y, { periods: [24, 168] })
 */
export function createSeasonalNaiveModel(which: 'first' | 'last' = 'first'): ForecastModel {
  return {
    id: which === 'first' ? 'seasonal-naive' : 'seasonal-naive-longest',
    label: which === 'first' ? 'Seasonal naive' : 'Seasonal naive (longest period)',
    fit: (y, options) => {
      assertPeriods(options.periods);
      const m = which === 'first' ? options.periods[0] : options.periods[options.periods.length - 1];
      return fitSeasonalNaive(y, m ?? 1);
    },
  };
}

/** Seasonal naive on the shortest period (naive without one). */
export const seasonalNaiveModel: ForecastModel = createSeasonalNaiveModel('first');
