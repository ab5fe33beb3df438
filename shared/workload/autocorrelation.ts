import { autocorrelation } from '../forecast/autocorrelation.js';
/**
 * Sample autocorrelation by the convention of R's `acf` (and of Box & Jenkins): the
 * lag-k autocovariance sums the n − k products of deviations from the overall mean and,
 * like the variance, divides by n, not n − k. This "biased" estimator is the one whose
 * sequence is a valid (positive semi-definite) autocorrelation function; its values at
 * long lags shrink towards 0 by (n − k)/n, which is why a cycle needs a few periods of
 * data before its autocorrelation can reach a threshold. Reference: G. Box, G. Jenkins,
 * Time Series Analysis (1976) §2.1.6; R documentation of `stats::acf`.
 */

/**
 * Autocorrelations at lags 0 … maxLag (lags ≥ n are 0).
 * @param x finite values
 * @param maxLag largest lag, a non-negative integer
 * @returns maxLag + 1 values; r[0] = 1, or all zeros for a constant (or empty) series,
 *   whose autocorrelation is undefined and which has no cycle to find
 * @throws {RangeError} when maxLag is not a non-negative integer
 * @example autocorrelations([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2) // [1, 0.7, 0.41212…] (R: acf(1:10))
 */
export function autocorrelations(x: ArrayLike<number>, maxLag: number): Float64Array {
  if (!(Number.isInteger(maxLag) && maxLag >= 0)) throw new RangeError(`the largest lag must be a non-negative integer, got ${maxLag}`);
  // One implementation of the estimator: the forecast engine's (direct, or by FFT for long series).
  const r = autocorrelation(Array.from(x), maxLag);
  const out = new Float64Array(maxLag + 1);
  out.set(r.subarray(0, Math.min(r.length, maxLag + 1)));
  return out;
}

/**
 * Autocorrelation at one lag, as {@link autocorrelations} defines it; 0 for a constant
 * series or a lag ≥ n.
 * @param x finite values
 * @param lag a non-negative integer
 * @throws {RangeError} when lag is not a non-negative integer
 * @example autocorrelationAt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1) // 0.7 (R: acf(1:10)$acf[2])
 */
export function autocorrelationAt(x: ArrayLike<number>, lag: number): number {
  if (!(Number.isInteger(lag) && lag >= 0)) throw new RangeError(`the lag must be a non-negative integer, got ${lag}`);
  const n = x.length;
  if (lag >= n) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let den = 0;
  for (let i = 0; i < n; i++) den += ((x[i] as number) - mean) ** 2;
  if (!(den > 0)) return 0;
  let num = 0;
  for (let i = 0; i + lag < n; i++) num += ((x[i] as number) - mean) * ((x[i + lag] as number) - mean);
  return num / den;
}
