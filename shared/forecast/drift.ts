import type { FittedModel, ForecastModel, ForecastPaths } from './forecast-model.js';
import { normalPaths } from './forecast-model.js';
import { assertHorizon, assertSeries } from './forecast-paths.js';
import { formatNumber } from './format-number.js';

/**
 * Random walk with drift (Hyndman & Athanasopoulos, Forecasting: Principles and Practice,
 * 3rd ed., §5.2 and §5.5): the line from the first to the last observation, extended.
 * The simple trend baseline beside seasonal naive (Holt's damped trend is an ETS model and
 * lives with the ETS family).
 */

/**
 * Fits the drift method: ŷ_{T+h} = y_T + h·b with b = (y_T − y_1)/(T − 1), the mean of the
 * first differences. Intervals are fpp3's σ̂_h = σ̂·√(h(1 + h/(T − 1))), which adds the
 * drift's own uncertainty (standard error σ̂/√(T − 1)) to the random walk's σ̂√h;
 * σ̂² = Σ(Δy_t − b)²/(T − 2), the residual variance of the regression of the differences on
 * a constant (as R's forecast::rwf(drift = TRUE) and fable's RW(y ~ drift()) estimate it).
 * @param y evenly spaced finite values, oldest first, at least 3
 * @throws {ForecastError} for fewer than 3 points or non-finite values
 * @example fitDrift([1, 2, 4]).forecast(1).mean // [5.5]
 */
export function fitDrift(y: readonly number[]): FittedModel {
  assertSeries(y, 3, 'Drift');
  const n = y.length;
  const last = y[n - 1] ?? 0;
  const drift = (last - (y[0] ?? 0)) / (n - 1);
  let ss = 0;
  const fitted = new Array<number>(n);
  fitted[0] = Number.NaN;
  for (let t = 1; t < n; t++) {
    const previous = y[t - 1] ?? 0;
    fitted[t] = previous + drift;
    const e = (y[t] ?? 0) - previous - drift;
    ss += e * e;
  }
  const sigma = Math.sqrt(ss / (n - 2));
  const forecast = (h: number): ForecastPaths => {
    assertHorizon(h);
    const mean = new Array<number>(h);
    const sd = new Array<number>(h);
    for (let k = 1; k <= h; k++) {
      mean[k - 1] = last + k * drift;
      sd[k - 1] = sigma * Math.sqrt(k * (1 + k / (n - 1)));
    }
    return normalPaths(mean, sd);
  };
  return {
    description: `Random walk with drift ${formatNumber(drift)} per step (σ=${formatNumber(sigma)})`,
    parameters: { drift, sigma },
    fitted,
    forecast,
  };
}

/** The drift method as a {@link ForecastModel}; seasonal periods are ignored. */
export const driftModel: ForecastModel = {
  id: 'drift',
  label: 'Drift',
  fit: (y) => fitDrift(y),
};
