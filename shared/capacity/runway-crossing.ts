import type { ForecastBand } from '../forecast/forecast-run.js';

/**
 * When a forecast reaches a threshold, as a distribution: at each future step the 80 %
 * interval's upper bound is the load's 90th percentile, so the first step where it
 * reaches the threshold is the date by which crossing has a 10 % chance (P10, the
 * conservative runway); the mean's first crossing is P50; the lower bound's, P90.
 * (Pointwise quantiles, not first-passage probabilities: for growing loads they agree
 * closely, and they are what a chart of the bands shows.)
 */

export interface RunwayCrossing {
  /** Index of the first forecast step at or above the threshold, per quantile; undefined: not within the horizon. */
  readonly p10: number | undefined;
  readonly p50: number | undefined;
  readonly p90: number | undefined;
}

/**
 * First forecast steps reaching `threshold`.
 * @example runwayCrossing({ mean: [1, 2, 3], lo80: [0, 1, 2], hi80: [2, 3, 4], lo95: [0, 0, 1], hi95: [3, 4, 5] }, 3) // { p10: 1, p50: 2, p90: undefined }
 */
export function runwayCrossing(band: ForecastBand, threshold: number): RunwayCrossing {
  const first = (values: readonly number[]): number | undefined => {
    const i = values.findIndex((v) => v >= threshold);
    return i < 0 ? undefined : i;
  };
  return { p10: first(band.hi80), p50: first(band.mean), p90: first(band.lo80) };
}
