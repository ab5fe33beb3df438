import { quantileSorted, sortedCopy } from './robust-statistics.js';
import { checkSeries, medianIntervalMs, type Numbers } from './series-input.js';
import { DAY_MS, HOUR_MS, hourOfWeek, hourOfWeekLabel, utcDay } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';

/**
 * Where the load peaks: percentiles by hour of week, the busiest windows, the
 * peak-to-average ratio and the hours that are usually in the top decile. Percentiles
 * are Hyndman & Fan type 7 (see robust-statistics) over the raw samples, so a sample
 * counts once whatever the resolution; irregular sampling weights denser periods more
 * (resample first if that matters). All hours are UTC.
 */

export interface HourOfWeekCell {
  /** 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00–24:00. */
  readonly hourOfWeek: number;
  /** `Mon 09:00`. */
  readonly label: string;
  readonly count: number;
  /** null when the cell has no sample. */
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/**
 * P50/P95/P99, mean and max of the samples in each of the 168 hours of the ISO week (UTC).
 * Definition: type-7 percentiles per cell, so P50 ≤ P95 ≤ P99 ≤ max in every cell.
 * @param times epoch ms, sorted ascending
 * @param values finite numbers
 * @returns 168 cells, Monday 00:00 first; empty cells have count 0 and nulls
 * @throws {WorkloadError} for an empty or invalid series
 * @example hourOfWeekPercentiles([Date.UTC(2026, 3, 13, 9)], [42])[9] // { label: 'Mon 09:00', count: 1, p50: 42, … }
 */
export function hourOfWeekPercentiles(times: Numbers, values: Numbers): HourOfWeekCell[] {
  const n = checkSeries(times, values);
  const cellOf = new Uint8Array(n);
  const counts = new Int32Array(168);
  for (let i = 0; i < n; i++) {
    const c = hourOfWeek(times[i] as number);
    cellOf[i] = c;
    counts[c] = (counts[c] as number) + 1;
  }
  // Counting sort into one buffer: each cell's samples contiguous, then sorted in place.
  const offsets = new Int32Array(169);
  for (let c = 0; c < 168; c++) offsets[c + 1] = (offsets[c] as number) + (counts[c] as number);
  const fill = offsets.slice(0, 168);
  const buffer = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i] as number;
    buffer[fill[c] as number] = values[i] as number;
    fill[c] = (fill[c] as number) + 1;
  }
  const cells: HourOfWeekCell[] = [];
  for (let c = 0; c < 168; c++) {
    const cell = buffer.subarray(offsets[c] as number, offsets[c + 1] as number).sort();
    const label = hourOfWeekLabel(c);
    if (cell.length === 0) {
      cells.push({ hourOfWeek: c, label, count: 0, mean: null, p50: null, p95: null, p99: null, max: null });
      continue;
    }
    let sum = 0;
    for (const v of cell) sum += v;
    cells.push({
      hourOfWeek: c,
      label,
      count: cell.length,
      mean: sum / cell.length,
      p50: quantileSorted(cell, 0.5),
      p95: quantileSorted(cell, 0.95),
      p99: quantileSorted(cell, 0.99),
      max: cell[cell.length - 1] as number,
    });
  }
  return cells;
}

export interface BusyWindow {
  readonly startMs: number;
  /** Exclusive. */
  readonly endMs: number;
  readonly mean: number;
  readonly max: number;
  readonly samples: number;
}

export interface BusiestWindowOptions {
  /** Window length in ms (e.g. one hour). */
  readonly windowMs: number;
  /** How many windows, default 5. */
  readonly count?: number;
  /**
   * Least share of the expected samples (window ÷ resolution) a window must hold,
   * default 0.5, so that a window mostly inside a monitoring gap cannot win on two samples.
   */
  readonly minCoverage?: number;
}

/**
 * The top windows of a given length by mean value, not overlapping each other. Candidate
 * windows start at each sample: [tᵢ, tᵢ + window). They are taken greedily, highest mean
 * first (ties: earliest), skipping any that overlaps one already taken — the usual
 * reading of "the N busiest hours". Windows must lie within the series and hold enough
 * samples (see minCoverage). O(n log n).
 * @param times epoch ms, sorted ascending
 * @param values finite numbers
 * @returns up to `count` windows, busiest first; fewer when the series is too short
 * @throws {WorkloadError} for an empty or invalid series, a window or count that is not
 *   positive, or a minCoverage outside [0, 1]
 * @example busiestWindows(times, qps, { windowMs: 3_600_000, count: 3 })[0] // { startMs, endMs, mean, max, samples }
 */
export function busiestWindows(times: Numbers, values: Numbers, options: BusiestWindowOptions): BusyWindow[] {
  const n = checkSeries(times, values);
  const { windowMs, count = 5, minCoverage = 0.5 } = options;
  if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new WorkloadError(`the window must be a positive number of ms, got ${windowMs}`);
  if (!(Number.isInteger(count) && count > 0)) throw new WorkloadError(`the number of windows must be a positive integer, got ${count}`);
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new WorkloadError(`the least coverage must be a share in [0, 1], got ${minCoverage}`);
  const resolution = medianIntervalMs(times) ?? windowMs;
  const needed = Math.max(1, Math.ceil(minCoverage * Math.max(1, Math.round(windowMs / resolution))));
  const lastTime = times[n - 1] as number;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (values[i] as number);
  const starts: number[] = [];
  const ends: number[] = [];
  const means: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    // A window may end one sampling interval after the last sample, which it still covers.
    if (t + windowMs > lastTime + resolution) break;
    // With equal times, only the first can start a window: one starting at a later twin
    // would leave out samples inside its own time range, and could win on the subset.
    if (i > 0 && (times[i - 1] as number) === t) continue;
    if (j < i) j = i;
    while (j < n && (times[j] as number) < t + windowMs) j++;
    if (j - i < needed) continue;
    starts.push(i);
    ends.push(j);
    means.push(((prefix[j] as number) - (prefix[i] as number)) / (j - i));
  }
  const order = Array.from(means.keys()).sort((a, b) => (means[b] as number) - (means[a] as number) || a - b);
  const taken: BusyWindow[] = [];
  for (const k of order) {
    if (taken.length === count) break;
    const from = starts[k] as number;
    const to = ends[k] as number;
    const startMs = times[from] as number;
    if (taken.some((w) => startMs < w.endMs && w.startMs < startMs + windowMs)) continue;
    let max = -Infinity;
    for (let i = from; i < to; i++) max = Math.max(max, values[i] as number);
    taken.push({ startMs, endMs: startMs + windowMs, mean: means[k] as number, max, samples: to - from });
  }
  return taken;
}

export interface PeakToAverage {
  /** Mean of all samples. */
  readonly mean: number;
  /** Days whose peak was used (UTC days holding at least half their expected samples). */
  readonly days: number;
  /** P99 (type 7) and maximum of those days' peaks (daily maxima); null without such a day. */
  readonly dailyPeakP99: number | null;
  readonly dailyPeakMax: number | null;
  /** dailyPeakP99 ÷ mean, and dailyPeakMax ÷ mean; null when the mean is not positive or there is no full-enough day. */
  readonly p99ToMean: number | null;
  readonly maxToMean: number | null;
}

/**
 * Peak-to-average ratio: how far above its mean the load goes on its busy days.
 * Definition: daily peak = maximum of a UTC day's samples, for days with at least half
 * of the samples the resolution implies (a half-day's peak would understate); the ratios
 * are the P99 and the maximum of the daily peaks over the mean of all samples.
 * @throws {WorkloadError} for an empty or invalid series
 * @example peakToAverage(times, cpu).p99ToMean // 2.1
 */
export function peakToAverage(times: Numbers, values: Numbers): PeakToAverage {
  const n = checkSeries(times, values);
  const resolution = medianIntervalMs(times) ?? DAY_MS;
  const expectedPerDay = Math.max(1, Math.round(DAY_MS / resolution));
  let sum = 0;
  const peaks: number[] = [];
  let i = 0;
  while (i < n) {
    const day = utcDay(times[i] as number);
    let max = -Infinity;
    let j = i;
    for (; j < n && utcDay(times[j] as number) === day; j++) {
      const v = values[j] as number;
      sum += v;
      if (v > max) max = v;
    }
    if (j - i >= expectedPerDay / 2) peaks.push(max);
    i = j;
  }
  const mean = sum / n;
  const sorted = sortedCopy(peaks);
  const dailyPeakP99 = sorted.length > 0 ? quantileSorted(sorted, 0.99) : null;
  const dailyPeakMax = sorted.length > 0 ? (sorted[sorted.length - 1] as number) : null;
  const ratio = (peak: number | null): number | null => (peak !== null && mean > 0 ? peak / mean : null);
  return { mean, days: peaks.length, dailyPeakP99, dailyPeakMax, p99ToMean: ratio(dailyPeakP99), maxToMean: ratio(dailyPeakMax) };
}

export interface PeakPeriods {
  /** The quantile that defines "high", e.g. 0.9. */
  readonly quantile: number;
  /** Share of a cell's samples that must be high for the cell to be a peak period. */
  readonly minShare: number;
  /** Whether values were taken relative to their week's level (ratio) or minus it (difference), see below. */
  readonly relativeTo: 'weekly level (ratio)' | 'weekly level (difference)';
  /** Peak hours of the week (0 = Monday 00:00 UTC), ascending, with labels. */
  readonly hoursOfWeek: number[];
  readonly hourOfWeekLabels: string[];
  /** Peak hours of the day, 0–23 UTC, ascending. */
  readonly hoursOfDay: number[];
  /** Share of high samples per hour of week (168) and per hour of day (24); null for an empty cell. */
  readonly shareByHourOfWeek: (number | null)[];
  readonly shareByHourOfDay: (number | null)[];
}

export interface PeakPeriodOptions {
  /** Default 0.9: "high" means above the 90th percentile. */
  readonly quantile?: number;
  /** Default 0.5: a peak hour is high on most of its days. */
  readonly minShare?: number;
}

/**
 * Which hours of the day and of the week are usually busy. Definition: each sample is
 * first taken relative to the level of its week — divided by the mean of the daily means
 * of the 7 days centred on its day (or, when a level is not positive, minus it) — so that
 * growth over months does not make only the last months count. "High" means above the
 * `quantile` (type 7) of those relative values; an hour (of the week, or of the day
 * pooled over all days) is a peak period when at least `minShare` of its samples are high.
 * A constant series has no peak period.
 * @throws {WorkloadError} for an empty or invalid series, or options outside (0, 1)
 * @example peakPeriods(times, qps).hoursOfDay // [15, 16, 17]
 */
export function peakPeriods(times: Numbers, values: Numbers, options: PeakPeriodOptions = {}): PeakPeriods {
  const n = checkSeries(times, values);
  const { quantile = 0.9, minShare = 0.5 } = options;
  if (!(quantile > 0 && quantile < 1)) throw new WorkloadError(`the quantile must be in (0, 1), got ${quantile}`);
  if (!(minShare > 0 && minShare <= 1)) throw new WorkloadError(`the share must be in (0, 1], got ${minShare}`);
  // Daily means, then the centred 7-day level of each day (over the days that have data).
  const firstDay = utcDay(times[0] as number);
  const days = utcDay(times[n - 1] as number) - firstDay + 1;
  const daySum = new Float64Array(days);
  const dayCount = new Float64Array(days);
  for (let i = 0; i < n; i++) {
    const d = utcDay(times[i] as number) - firstDay;
    daySum[d] = (daySum[d] as number) + (values[i] as number);
    dayCount[d] = (dayCount[d] as number) + 1;
  }
  const level = new Float64Array(days);
  let positive = true;
  for (let d = 0; d < days; d++) {
    let s = 0;
    let k = 0;
    for (let e = Math.max(0, d - 3); e <= Math.min(days - 1, d + 3); e++) {
      if ((dayCount[e] as number) === 0) continue;
      s += (daySum[e] as number) / (dayCount[e] as number);
      k++;
    }
    level[d] = k > 0 ? s / k : 0;
    if ((dayCount[d] as number) > 0 && !((level[d] as number) > 0)) positive = false;
  }
  const relative = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = level[utcDay(times[i] as number) - firstDay] as number;
    relative[i] = positive ? (values[i] as number) / l : (values[i] as number) - l;
  }
  const threshold = quantileSorted(sortedCopy(relative), quantile);
  const highWeek = new Float64Array(168);
  const countWeek = new Float64Array(168);
  for (let i = 0; i < n; i++) {
    const c = hourOfWeek(times[i] as number);
    countWeek[c] = (countWeek[c] as number) + 1;
    if ((relative[i] as number) > threshold) highWeek[c] = (highWeek[c] as number) + 1;
  }
  const highDay = new Float64Array(24);
  const countDay = new Float64Array(24);
  for (let c = 0; c < 168; c++) {
    highDay[c % 24] = (highDay[c % 24] as number) + (highWeek[c] as number);
    countDay[c % 24] = (countDay[c % 24] as number) + (countWeek[c] as number);
  }
  const shares = (high: Float64Array, count: Float64Array): (number | null)[] => Array.from(high, (h, c) => ((count[c] as number) > 0 ? h / (count[c] as number) : null));
  const shareByHourOfWeek = shares(highWeek, countWeek);
  const shareByHourOfDay = shares(highDay, countDay);
  const peaksOf = (s: (number | null)[]): number[] => s.flatMap((x, c) => (x !== null && x >= minShare ? [c] : []));
  const hoursOfWeek = peaksOf(shareByHourOfWeek);
  return {
    quantile,
    minShare,
    relativeTo: positive ? 'weekly level (ratio)' : 'weekly level (difference)',
    hoursOfWeek,
    hourOfWeekLabels: hoursOfWeek.map(hourOfWeekLabel),
    hoursOfDay: peaksOf(shareByHourOfDay),
    shareByHourOfWeek,
    shareByHourOfDay,
  };
}

export interface PeakAnalysis {
  readonly hourOfWeek: HourOfWeekCell[];
  readonly busiestWindows: BusyWindow[];
  readonly peakToAverage: PeakToAverage;
  readonly peakPeriods: PeakPeriods;
}

/**
 * All peak measures of one series (see the functions above).
 * @param options busiest windows (default one hour, top 5) and peak-period settings
 * @throws {WorkloadError} for an empty or invalid series or invalid options
 * @example analysePeaks(times, qps).peakToAverage.p99ToMean
 */
export function analysePeaks(times: Numbers, values: Numbers, options: { readonly windowMs?: number; readonly windows?: number } & PeakPeriodOptions = {}): PeakAnalysis {
  return {
    hourOfWeek: hourOfWeekPercentiles(times, values),
    busiestWindows: busiestWindows(times, values, { windowMs: options.windowMs ?? HOUR_MS, count: options.windows ?? 5 }),
    peakToAverage: peakToAverage(times, values),
    peakPeriods: peakPeriods(times, values, { ...(options.quantile === undefined ? {} : { quantile: options.quantile }), ...(options.minShare === undefined ? {} : { minShare: options.minShare }) }),
  };
}
