import { centredMovingAverage } from './moving-average.js';
import { quantileSorted } from './robust-statistics.js';
import { checkSeries, type Numbers } from './series-input.js';
import { WorkloadError } from './workload-error.js';

/**
 * Resampling to an even grid, and explicit gap imputation. Every model that needs evenly
 * spaced data goes through here, and an empty bucket stays `null` until a caller decides
 * how to fill it: imputation is a visible decision, never a silent one.
 */

/** How the samples inside one bucket become its value. `p95` is type 7 (see robust-statistics). */
export type Aggregation = 'mean' | 'max' | 'min' | 'p95' | 'sum';

export interface ResampleOptions {
  /** Bucket width in ms. */
  readonly stepMs: number;
  /** Default 'mean'. */
  readonly aggregation?: Aggregation;
  /**
   * Buckets start at originMs + k·stepMs. Default 0 (the epoch), so hourly and daily
   * buckets begin on UTC hours and midnights.
   */
  readonly originMs?: number;
  /**
   * Grid range [startMs, endMs): the grid holds every bucket that overlaps it, so with a
   * startMs or endMs inside a bucket, that whole bucket is kept (with all its points).
   * Default: from the first to the last point's bucket. Points outside the grid are dropped.
   */
  readonly startMs?: number;
  readonly endMs?: number;
}

export interface Resampled {
  readonly stepMs: number;
  readonly aggregation: Aggregation;
  /** Start of each bucket, epoch ms. */
  readonly times: number[];
  /** The bucket's aggregate; null for an empty bucket (also for 'sum': no data is not zero). */
  readonly values: (number | null)[];
  /** Samples in each bucket. */
  readonly counts: number[];
  /** Indexes of the empty buckets, ascending. */
  readonly gaps: number[];
}

/** More buckets than this is a mistake (a step in seconds where minutes were meant), not a request. */
export const MAX_BUCKETS = 10_000_000;

/**
 * Aggregates a series into buckets [start + k·step, start + (k+1)·step).
 * Definition: mean, max, min and sum over the bucket's samples; p95 by Hyndman & Fan
 * type 7. Sums are conserved: the non-null bucket sums add up to the sum of the points
 * inside the grid.
 * @param times epoch ms, sorted ascending
 * @param values finite numbers, same length
 * @throws {WorkloadError} for an empty or invalid series, a step that is not a positive
 *   finite number, an origin, startMs or endMs that is not finite, an empty range (endMs
 *   not after startMs, or no bucket between them and the data), or more than
 *   {@link MAX_BUCKETS} buckets
 * @example resample([0, 60_000, 240_000], [1, 3, 5], { stepMs: 120_000 })
 *   // { times: [0, 120000, 240000], values: [2, null, 5], counts: [2, 0, 1], gaps: [1], … }
 */
export function resample(times: Numbers, values: Numbers, options: ResampleOptions): Resampled {
  const n = checkSeries(times, values);
  const { stepMs, aggregation = 'mean', originMs = 0 } = options;
  if (!(Number.isFinite(stepMs) && stepMs > 0)) throw new WorkloadError(`the resampling step must be a positive number of ms, got ${stepMs}`);
  if (!Number.isFinite(originMs)) throw new WorkloadError(`the grid origin must be finite, got ${originMs}`);
  // Checked explicitly: an endMs before startMs inside the same bucket would otherwise
  // still round to one bucket, and a NaN would surface as a misleading "empty range".
  for (const [name, v] of [['startMs', options.startMs], ['endMs', options.endMs]] as const) {
    if (v !== undefined && !Number.isFinite(v)) throw new WorkloadError(`${name} must be a finite time, got ${v}`);
  }
  if (options.startMs !== undefined && options.endMs !== undefined && !(options.endMs > options.startMs)) {
    throw new WorkloadError(`the resampling range is empty: endMs (${options.endMs}) is not after startMs (${options.startMs})`);
  }
  const first = Math.floor(((options.startMs ?? (times[0] as number)) - originMs) / stepMs);
  const last = options.endMs === undefined ? Math.floor(((times[n - 1] as number) - originMs) / stepMs) : Math.ceil((options.endMs - originMs) / stepMs) - 1;
  const buckets = last - first + 1;
  if (!(buckets >= 1)) throw new WorkloadError(`the resampling range is empty: the grid would start at ${originMs + first * stepMs} and end at ${originMs + (last + 1) * stepMs} (check startMs and endMs against the data)`);
  if (buckets > MAX_BUCKETS) throw new WorkloadError(`${buckets} buckets of ${stepMs} ms is more than ${MAX_BUCKETS}; choose a longer step`);
  const out: (number | null)[] = new Array<number | null>(buckets).fill(null);
  const counts: number[] = new Array<number>(buckets).fill(0);
  const gridTimes: number[] = new Array<number>(buckets);
  for (let k = 0; k < buckets; k++) gridTimes[k] = originMs + (first + k) * stepMs;
  const scratch = aggregation === 'p95' ? new Float64Array(n) : undefined;
  // Times are sorted, so each bucket's samples are one contiguous run: walk the runs.
  let i = 0;
  while (i < n) {
    const bucket = Math.floor(((times[i] as number) - originMs) / stepMs) - first;
    let j = i + 1;
    while (j < n && Math.floor(((times[j] as number) - originMs) / stepMs) - first === bucket) j++;
    if (bucket >= 0 && bucket < buckets) {
      out[bucket] = aggregate(values, i, j, aggregation, scratch);
      counts[bucket] = j - i;
    }
    i = j;
  }
  const gaps: number[] = [];
  for (let k = 0; k < buckets; k++) if (counts[k] === 0) gaps.push(k);
  return { stepMs, aggregation, times: gridTimes, values: out, counts, gaps };
}

function aggregate(values: Numbers, from: number, to: number, how: Aggregation, scratch: Float64Array | undefined): number {
  let acc = how === 'max' ? -Infinity : how === 'min' ? Infinity : 0;
  if (how === 'p95' && scratch !== undefined) {
    const run = scratch.subarray(0, to - from);
    for (let i = from; i < to; i++) run[i - from] = values[i] as number;
    run.sort();
    return quantileSorted(run, 0.95);
  }
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    if (how === 'max') acc = v > acc ? v : acc;
    else if (how === 'min') acc = v < acc ? v : acc;
    else acc += v;
  }
  return how === 'mean' ? acc / (to - from) : acc;
}

/** How {@link imputeGaps} fills empty buckets. */
export type ImputeMethod = 'linear' | 'seasonal' | 'none';

export interface Imputation<T extends number | null> {
  readonly method: ImputeMethod;
  readonly values: T[];
  /** Indexes that were filled (every null of the input, unless the method is 'none'). */
  readonly imputed: number[];
}

/**
 * Fills the empty buckets of an evenly spaced series, and says which it filled.
 * - `linear`: straight line between the known neighbours; before the first and after the
 *   last known value, that value is repeated (no extrapolated trend).
 * - `seasonal` (period required, in buckets): the series minus its seasonal profile is
 *   interpolated linearly and the profile added back, so a gap over a daily peak is filled
 *   with a peak. The profile is the mean per phase of known values minus their centred
 *   moving average over one period (classical decomposition). This is the approach of
 *   `forecast::na.interp` (Hyndman & Khandakar) with a moving-average decomposition in
 *   place of STL. A phase that is never observed gets no seasonal adjustment.
 * - `none`: returns the values unchanged, nulls included, and imputes nothing.
 * @param values evenly spaced values, null where a bucket is empty
 * @param method see above
 * @param period season length in buckets (integer ≥ 2), for 'seasonal'
 * @throws {WorkloadError} when every value is null (for 'linear' and 'seasonal'), or the
 *   period is missing or invalid for 'seasonal'
 * @example imputeGaps([1, null, 3], 'linear') // { values: [1, 2, 3], imputed: [1], method: 'linear' }
 */
export function imputeGaps(values: readonly (number | null)[], method: 'none', period?: number): Imputation<number | null>;
export function imputeGaps(values: readonly (number | null)[], method: 'linear' | 'seasonal', period?: number): Imputation<number>;
export function imputeGaps(values: readonly (number | null)[], method: ImputeMethod, period?: number): Imputation<number | null> | Imputation<number> {
  if (method === 'none') return { method, values: values.slice(), imputed: [] };
  const imputed: number[] = [];
  values.forEach((v, i) => {
    if (v === null) imputed.push(i);
  });
  if (imputed.length === values.length) throw new WorkloadError(values.length === 0 ? 'nothing to impute: the series is empty' : 'every bucket is empty: there is nothing to impute from');
  if (method === 'linear') return { method, values: interpolateLinear(values), imputed };
  if (period === undefined || !Number.isInteger(period) || period < 2) throw new WorkloadError(`seasonal imputation needs a period of at least 2 buckets, got ${period}`);
  const filled = interpolateLinear(values);
  const level = centredMovingAverage(filled, period);
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  values.forEach((v, i) => {
    if (v === null) return;
    sums[i % period] = (sums[i % period] as number) + v - (level[i] as number);
    counts[i % period] = (counts[i % period] as number) + 1;
  });
  const profile = Array.from(sums, (s, p) => ((counts[p] as number) > 0 ? s / (counts[p] as number) : 0));
  const adjusted = interpolateLinear(values.map((v, i) => (v === null ? null : v - (profile[i % period] as number))));
  const out = values.map((v, i) => (v === null ? (adjusted[i] as number) + (profile[i % period] as number) : v));
  return { method, values: out, imputed };
}

/** Linear interpolation over nulls; flat before the first and after the last known value. Needs one known value. */
function interpolateLinear(values: readonly (number | null)[]): number[] {
  const out = new Array<number>(values.length);
  let previous = -1;
  for (let i = 0; i <= values.length; i++) {
    const v = i < values.length ? values[i] : undefined;
    if (v === null) continue;
    // Fill previous+1 … i−1, then keep v.
    const left = previous >= 0 ? (values[previous] as number) : undefined;
    const right = v;
    for (let k = previous + 1; k < i; k++) {
      if (left !== undefined && right !== undefined) out[k] = left + ((right - left) * (k - previous)) / (i - previous);
      else out[k] = (left ?? right) as number;
    }
    if (v !== undefined) out[i] = v;
    previous = i;
  }
  return out;
}
