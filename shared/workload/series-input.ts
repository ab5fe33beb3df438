import { WorkloadError } from './workload-error.js';

/**
 * The input every workload analysis takes: a series as parallel arrays of times (epoch
 * ms, UTC, sorted ascending, ties allowed) and finite values. `ArrayLike` so that the
 * Float64Arrays the workspace reads can be passed without copying.
 */
export type Numbers = ArrayLike<number>;

/**
 * Values beyond this magnitude are refused (issue #9: at 1e300 the means, variances and
 * autocorrelations overflowed to Infinity and NaN). The forecast models draw the same line
 * (forecast-paths.ts); no metric in bytes, operations or percent comes near it.
 */
export const MAX_ABS_VALUE = 1e100;

/**
 * Checks a series before analysis, so a bad input fails with a message that names the
 * index instead of turning into NaN somewhere downstream.
 * @param times epoch ms, sorted ascending (equal times allowed)
 * @param values finite numbers, as many as times
 * @returns the number of points
 * @throws {WorkloadError} when the lengths differ, a time or value is not finite, a value
 *   is beyond ±{@link MAX_ABS_VALUE}, the times go backwards, or the series is empty and
 *   `allowEmpty` is not set
 * @example checkSeries([0, 60_000], [1, 2]) // 2
 */
export function checkSeries(times: Numbers, values: Numbers, allowEmpty = false): number {
  const n = times.length;
  if (values.length !== n) throw new WorkloadError(`times and values differ in length (${n} times, ${values.length} values)`);
  if (n === 0 && !allowEmpty) throw new WorkloadError('the series has no points');
  let previous = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    const v = values[i] as number;
    if (!Number.isFinite(t)) throw new WorkloadError(`times[${i}] is not a finite time (${t})`);
    if (!Number.isFinite(v)) throw new WorkloadError(`values[${i}] is not a finite number (${v})`);
    if (Math.abs(v) > MAX_ABS_VALUE) throw new WorkloadError(`values[${i}] is ${v}, beyond ±${MAX_ABS_VALUE} where sums and variances overflow; use a larger unit`);
    if (t < previous) throw new WorkloadError(`times must be sorted ascending: times[${i}] = ${t} comes before times[${i - 1}] = ${previous}`);
    previous = t;
  }
  return n;
}

/**
 * The series' resolution: the median of the positive intervals between consecutive
 * samples (robust to gaps and to the odd late sample), over at most 20 000 intervals
 * spread evenly over the series. For an even count it is the lower of the two middle
 * intervals, so that the resolution is always an interval the data really has.
 * @param times sorted epoch ms
 * @returns the median interval in ms, or undefined when no two times differ
 * @example medianIntervalMs([0, 300_000, 600_000, 3_600_000]) // 300000
 */
export function medianIntervalMs(times: Numbers): number | undefined {
  const n = times.length;
  if (n < 2) return undefined;
  const stride = Math.max(1, Math.floor((n - 1) / 20_000));
  const intervals: number[] = [];
  for (let i = 1; i < n; i += stride) {
    const d = (times[i] as number) - (times[i - 1] as number);
    if (d > 0) intervals.push(d);
  }
  if (intervals.length === 0) return undefined;
  intervals.sort((a, b) => a - b);
  return intervals[Math.floor((intervals.length - 1) / 2)];
}
