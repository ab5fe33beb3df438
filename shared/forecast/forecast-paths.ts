import { ForecastError, type ForecastPaths } from './forecast-model.js';

/**
 * Small shared pieces every model needs: input checks that fail with a ForecastError
 * (never a NaN later on), and builders for interval paths.
 */

/**
 * Checks that a forecast horizon is a positive integer.
 * @param h steps ahead
 * @throws {ForecastError} for h < 1 or a non-integer h
 * @example assertHorizon(12)
 */
export function assertHorizon(h: number): void {
  if (!Number.isInteger(h) || h < 1) throw new ForecastError(`the forecast horizon must be a whole number of steps ≥ 1, got ${h}`);
}

/**
 * Values beyond this magnitude are refused: squares and sums of squares would overflow
 * double precision (no metric in bytes, operations or percent comes near it).
 */
export const MAX_ABS_VALUE = 1e100;

/**
 * Checks that a series is long enough and holds only finite numbers of at most
 * {@link MAX_ABS_VALUE} in magnitude.
 * @param y the values, oldest first
 * @param minLength the fewest points the model can fit
 * @param model the model's name, for the message
 * @throws {ForecastError} when too short or when a value is NaN, infinite or beyond ±1e100
 * @example assertSeries([1, 2, 3], 3, 'Linear trend')
 */
export function assertSeries(y: readonly number[], minLength: number, model: string): void {
  if (y.length < minLength) throw new ForecastError(`${model} needs at least ${minLength} points, got ${y.length}`);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === undefined || !Number.isFinite(v)) throw new ForecastError(`${model} needs finite values; point ${i} is ${String(v)} (impute gaps before fitting)`);
    if (Math.abs(v) > MAX_ABS_VALUE) throw new ForecastError(`${model} cannot compute with values beyond ±${MAX_ABS_VALUE}; point ${i} is ${v} (use a larger unit)`);
  }
}

/**
 * Checks the seasonal periods handed to a model: whole numbers ≥ 2.
 * @throws {ForecastError} otherwise
 * @example assertPeriods([24, 168])
 */
export function assertPeriods(periods: readonly number[]): void {
  for (const m of periods) {
    if (!Number.isInteger(m) || m < 2) throw new ForecastError(`seasonal periods must be whole numbers ≥ 2 steps, got ${m}`);
  }
}

/**
 * Intervals mean ± q·sd for given 80 % and 95 % multipliers (for Student-t intervals,
 * where {@link normalPaths}' fixed z-scores do not apply).
 * @param mean the mean path
 * @param sd per-step standard deviations (same length)
 * @param q80 multiplier of the 80 % interval (e.g. t₀.₉(df))
 * @param q95 multiplier of the 95 % interval (e.g. t₀.₉₇₅(df))
 * @example scaledPaths([10], [1], 1.48, 2.57).hi95 // [12.57]
 */
export function scaledPaths(mean: readonly number[], sd: readonly number[], q80: number, q95: number): ForecastPaths {
  const n = mean.length;
  const lo80 = new Array<number>(n);
  const hi80 = new Array<number>(n);
  const lo95 = new Array<number>(n);
  const hi95 = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const m = mean[i] ?? 0;
    const s = sd[i] ?? 0;
    lo80[i] = m - q80 * s;
    hi80[i] = m + q80 * s;
    lo95[i] = m - q95 * s;
    hi95[i] = m + q95 * s;
  }
  return { mean, lo80, hi80, lo95, hi95 };
}

/**
 * Applies a strictly increasing transformation to every path (e.g. exp to come back
 * from a log scale); order and nesting survive because the map is monotone.
 * @example mapPaths(paths, Math.exp)
 */
export function mapPaths(paths: ForecastPaths, f: (value: number) => number): ForecastPaths {
  return { mean: paths.mean.map(f), lo80: paths.lo80.map(f), hi80: paths.hi80.map(f), lo95: paths.lo95.map(f), hi95: paths.hi95.map(f) };
}

/**
 * Adds a known per-step offset to every path (a seasonal component treated as known).
 * @param offsets one value per step
 * @example shiftPaths(paths, [1, -1])
 */
export function shiftPaths(paths: ForecastPaths, offsets: readonly number[]): ForecastPaths {
  const add = (values: readonly number[]): number[] => values.map((v, i) => v + (offsets[i] ?? 0));
  return { mean: add(paths.mean), lo80: add(paths.lo80), hi80: add(paths.hi80), lo95: add(paths.lo95), hi95: add(paths.hi95) };
}

/**
 * The running maximum of a sequence, so that a standard deviation never shrinks with the
 * horizon (a forecast further ahead is never claimed to be surer than a nearer one).
 * @example runningMax([1, 3, 2]) // [1, 3, 3]
 */
export function runningMax(values: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    max = Math.max(max, values[i] ?? -Infinity);
    out[i] = max;
  }
  return out;
}
