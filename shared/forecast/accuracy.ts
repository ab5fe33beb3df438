import { ForecastError } from './forecast-model.js';

/**
 * Forecast accuracy measures for backtests (Hyndman & Koehler, "Another look at measures
 * of forecast accuracy", IJF 22, 2006; M4 competition definitions).
 */

/**
 * The MASE scale: the in-sample mean absolute error of the seasonal naive method with
 * period m on the training data, (1/(n − m)) Σ_{t>m} |y_t − y_{t−m}| (m = 1: naive).
 * @param training the data the model was fitted on
 * @param m the seasonal period (1 for none)
 * @returns the scale, 0 for a series that repeats exactly
 * @throws {ForecastError} when the training data are not longer than m
 * @example seasonalNaiveScale([1, 2, 4, 7], 1) // (1 + 2 + 3)/3 = 2
 */
export function seasonalNaiveScale(training: readonly number[], m: number): number {
  if (!(training.length > m)) throw new ForecastError(`the MASE scale needs more than one period (${m}) of training data, got ${training.length}`);
  let sum = 0;
  for (let t = m; t < training.length; t++) sum += Math.abs((training[t] ?? 0) - (training[t - m] ?? 0));
  return sum / (training.length - m);
}

/**
 * Mean absolute scaled error: mean |y − ŷ| / scale. Below 1 beats the in-sample
 * (seasonal) naive method. A zero scale (a training series that repeats exactly) gives 0
 * for a perfect forecast and Infinity otherwise, so rankings stay defined.
 * @param actual observed values
 * @param forecast point forecasts, same length
 * @param scale from {@link seasonalNaiveScale}
 * @example meanAbsoluteScaledError([3, 5], [4, 4], 2) // 0.5
 */
export function meanAbsoluteScaledError(actual: readonly number[], forecast: readonly number[], scale: number): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] ?? 0) - (forecast[i] ?? 0));
  const mae = sum / actual.length;
  if (scale > 0) return mae / scale;
  return mae === 0 ? 0 : Infinity;
}

/**
 * Symmetric MAPE in percent, 200/h · Σ |y − ŷ| / (|y| + |ŷ|) (M3/M4 definition, between 0
 * and 200); a step where both are 0 counts as a perfect 0.
 * @example symmetricMape([100], [110]) // 9.5238…
 */
export function symmetricMape(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] ?? 0;
    const f = forecast[i] ?? 0;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += Math.abs(y - f) / denominator;
  }
  return (200 / actual.length) * sum;
}

/**
 * Empirical coverage: the share of actual values inside [lower, upper] (bounds included).
 * @example intervalCoverage([1, 5], [0, 0], [2, 2]) // 0.5
 */
export function intervalCoverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] ?? 0;
    if (y >= (lower[i] ?? Infinity) && y <= (upper[i] ?? -Infinity)) inside++;
  }
  return inside / actual.length;
}
