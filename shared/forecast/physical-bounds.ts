import { ForecastError, type ForecastPaths } from './forecast-model.js';

/**
 * Physical limits for forecasts: utilisation lives in 0–100 %, sizes and counts are never
 * negative. A normal interval does not know that; clamping afterwards does (the fix
 * Prophet users ask for, facebook/prophet#1668). Clamping is monotone, so the order
 * lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95 survives.
 */

/** Inclusive limits; either may be absent. */
export interface PhysicalBounds {
  readonly lower?: number;
  readonly upper?: number;
}

/** Utilisation in percent: 0 to 100. */
export const UTILISATION_PERCENT_BOUNDS: PhysicalBounds = { lower: 0, upper: 100 };

/** Sizes, counts, rates: never below 0. */
export const NON_NEGATIVE_BOUNDS: PhysicalBounds = { lower: 0 };

/**
 * Clamps every path of a forecast to [lower, upper].
 * @param paths the forecast
 * @param bounds the limits (e.g. {@link UTILISATION_PERCENT_BOUNDS})
 * @throws {ForecastError} when lower > upper or a bound is NaN
 * @example clampPaths(paths, NON_NEGATIVE_BOUNDS).lo95 // no negative sizes
 */
export function clampPaths(paths: ForecastPaths, bounds: PhysicalBounds): ForecastPaths {
  const lower = bounds.lower ?? -Infinity;
  const upper = bounds.upper ?? Infinity;
  if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) throw new ForecastError(`physical bounds must satisfy lower ≤ upper, got [${bounds.lower}, ${bounds.upper}]`);
  const clamp = (values: readonly number[]): number[] => values.map((v) => Math.min(upper, Math.max(lower, v)));
  return { mean: clamp(paths.mean), lo80: clamp(paths.lo80), hi80: clamp(paths.hi80), lo95: clamp(paths.lo95), hi95: clamp(paths.hi95) };
}
