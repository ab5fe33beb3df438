import { median, quantileSorted } from './robust-statistics.js';
import { checkSeries, type Numbers } from './series-input.js';
import { dailyMeans, type DailyPoint } from './daily-means.js';
import { DAY_MS, MEAN_MONTH_MS } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';

/**
 * Growth of size-like series (storage GiB, table rows): the rate per day with a
 * confidence interval, month-over-month growth, and whether growth is speeding up.
 * Everything works on daily means (each UTC day's mean value at the mean time of its
 * samples, so a partial first or last day is placed where its samples are, not at noon).
 */

/** 97.5 % point of the standard normal: two-sided 95 % intervals. */
const Z95 = 1.959963984540054;
/** Beyond this many days, days are pooled so the O(n²) Theil–Sen stays fast. */
const MAX_THEIL_SEN_POINTS = 2000;

export interface RobustSlope {
  /** Units of the series per day (GiB/day for a GiB series). */
  readonly perDay: number;
  /** 95 % confidence interval of the slope (Sen 1968, widened for autocorrelation, see {@link theilSen}). */
  readonly lower: number;
  readonly upper: number;
  /** Value of the fitted line at the first day's time. */
  readonly intercept: number;
  /** Points (daily means) the slope was fitted to. */
  readonly points: number;
  /** Lag-1 autocorrelation of the residuals, used to widen the interval (0 when not positive). */
  readonly residualAutocorrelation: number;
}

export interface MonthGrowth {
  /** `YYYY-MM`, UTC. */
  readonly month: string;
  /** Mean of the month's daily means. */
  readonly mean: number;
  /** (mean ÷ previous full month's mean − 1) × 100; null for the first full month, after a missing month, or when the previous mean is not positive. */
  readonly changePct: number | null;
}

export type AccelerationVerdict = 'accelerating' | 'decelerating' | 'steady' | 'insufficient data';

export interface Acceleration {
  readonly verdict: AccelerationVerdict;
  /** Theil–Sen slopes (units/day) of the first and second halves of the time range; null with insufficient data. */
  readonly firstHalfPerDay: number | null;
  readonly secondHalfPerDay: number | null;
  /** Change of the growth rate, in units/day per month (second minus first slope, over the months between the halves' midpoints). */
  readonly changePerDayPerMonth: number | null;
  /** (second − first) / √(se₁² + se₂²), se from each half's 95 % interval; null when both intervals are zero-width. */
  readonly z: number | null;
  /** |z| ≥ 1.96 (5 % two-sided); with zero-width intervals, any non-zero change. */
  readonly significant: boolean;
  /** "accelerating: +0.05 GiB/day per month (significant, z = 4.1)". */
  readonly description: string;
}

export interface GrowthAnalysis {
  readonly unit: string;
  readonly days: number;
  readonly slope: RobustSlope;
  readonly months: MonthGrowth[];
  /** Median of the non-null month-over-month changes, %; null without any. */
  readonly medianMonthlyChangePct: number | null;
  readonly acceleration: Acceleration;
  readonly summary: string;
  readonly method: string;
}

export interface GrowthOptions {
  /** Unit for the texts, e.g. 'GiB'. */
  readonly unit?: string;
  /** Only use samples at or after this time (e.g. the last structural break). */
  readonly sinceMs?: number;
}

/**
 * Theil–Sen robust slope: the median of the slopes between all pairs of points, with
 * intercept median(y − slope·x) (Conover). Resists up to ~29 % of wild points, and a
 * one-off jump moves it far less than least squares. Confidence interval by Sen (1968):
 * the order statistics of the pairwise slopes at ranks (N ∓ C)/2 with C = z·√Var(S),
 * Var(S) = n(n−1)(2n+5)/18 (Kendall's S, no ties correction), multiplied by
 * (1 + r₁)/(1 − r₁) with r₁ the lag-1 autocorrelation of the residuals (clipped to
 * [0, 0.9]) — the effective-sample-size correction of Hamed & Rao (1998) reduced to
 * lag 1, because daily values of a size series are serially correlated and the plain
 * interval would be too narrow. References: P. K. Sen, JASA 63, 1968; H. Theil, 1950;
 * K. H. Hamed, A. R. Rao, J. Hydrology 204, 1998.
 * @param points (x, y) pairs with x in days, at least 2 with distinct x
 * @returns slope in y-units per day
 * @throws {WorkloadError} with fewer than 2 distinct x
 * @example theilSen([{ day: 0, value: 1, samples: 1 }, { day: 1, value: 2, samples: 1 }, { day: 2, value: 3, samples: 1 }]).perDay // 1
 */
export function theilSen(points: readonly DailyPoint[]): RobustSlope {
  const pts = points.length > MAX_THEIL_SEN_POINTS ? pool(points, Math.ceil(points.length / MAX_THEIL_SEN_POINTS)) : points;
  const n = pts.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = pts[i] as DailyPoint;
    for (let j = i + 1; j < n; j++) {
      const b = pts[j] as DailyPoint;
      if (b.day !== a.day) slopes[k++] = (b.value - a.value) / (b.day - a.day);
    }
  }
  if (k === 0) throw new WorkloadError('a growth rate needs at least two days of data');
  const sorted = slopes.subarray(0, k).sort();
  const perDay = quantileSorted(sorted, 0.5);
  // The first input point, not the first pooled one: the intercept is documented at the first day's time.
  const x0 = (points[0] as DailyPoint).day;
  const intercept = median(pts.map((p) => p.value - perDay * (p.day - x0)));
  const residuals = pts.map((p) => p.value - intercept - perDay * (p.day - x0));
  const r1 = Math.min(0.9, Math.max(0, lag1Autocorrelation(residuals)));
  const varS = ((n * (n - 1) * (2 * n + 5)) / 18) * ((1 + r1) / (1 - r1));
  const c = Z95 * Math.sqrt(varS);
  const lowerRank = Math.max(0, Math.min(k - 1, Math.round((k - c) / 2) - 1));
  const upperRank = Math.max(0, Math.min(k - 1, Math.round((k + c) / 2)));
  return { perDay, lower: sorted[lowerRank] as number, upper: sorted[upperRank] as number, intercept, points: n, residualAutocorrelation: r1 };
}

/** Means of consecutive groups of `size` points. */
function pool(points: readonly DailyPoint[], size: number): DailyPoint[] {
  const out: DailyPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const group = points.slice(i, i + size);
    out.push({ day: group.reduce((s, p) => s + p.day, 0) / group.length, value: group.reduce((s, p) => s + p.value, 0) / group.length, samples: group.reduce((s, p) => s + p.samples, 0) });
  }
  return out;
}

function lag1Autocorrelation(x: readonly number[]): number {
  const n = x.length;
  if (n < 3) return 0;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  let den = 0;
  let num = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - mean;
    den += d * d;
    if (i > 0) num += d * ((x[i - 1] as number) - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * Month-over-month growth from month means. A month counts when it is full: it has daily
 * means on its first and last UTC day and on at least 90 % of its days. Month means
 * rather than month-end values, because one end-of-month event (a VACUUM FULL, a bulk
 * delete) would otherwise decide the month's number.
 * @param points daily means, ascending
 * @example monthlyGrowth(dailyMeans(times, storage))[1] // { month: '2025-11', mean: 848.2, changePct: 3.1 }
 */
export function monthlyGrowth(points: readonly DailyPoint[]): MonthGrowth[] {
  const byMonth = new Map<number, { days: Set<number>; sum: number; count: number }>();
  for (const p of points) {
    const date = new Date(Math.floor(p.day) * DAY_MS);
    const key = date.getUTCFullYear() * 12 + date.getUTCMonth();
    const entry = byMonth.get(key) ?? { days: new Set<number>(), sum: 0, count: 0 };
    entry.days.add(date.getUTCDate());
    entry.sum += p.value;
    entry.count++;
    byMonth.set(key, entry);
  }
  const out: MonthGrowth[] = [];
  let previous: { key: number; mean: number } | undefined;
  for (const [key, entry] of [...byMonth.entries()].sort((a, b) => a[0] - b[0])) {
    const year = Math.floor(key / 12);
    const month = key % 12;
    const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    if (!(entry.days.has(1) && entry.days.has(length) && entry.days.size >= 0.9 * length)) continue;
    const mean = entry.sum / entry.count;
    const changePct = previous !== undefined && previous.key === key - 1 && previous.mean > 0 ? (mean / previous.mean - 1) * 100 : null;
    out.push({ month: `${year}-${String(month + 1).padStart(2, '0')}`, mean, changePct });
    previous = { key, mean };
  }
  return out;
}

/**
 * Whether growth is speeding up: Theil–Sen slopes of the first and second halves of the
 * time range (each with its Sen interval), compared by a z-test on their difference.
 * Halves rather than a quadratic fit because one jump (a data migration) would bend a
 * least-squares parabola; each half needs ≥ 14 daily points.
 * @param points daily means, ascending
 * @param unit for the description
 * @example acceleration(days, 'GiB').verdict // 'accelerating'
 */
export function acceleration(points: readonly DailyPoint[], unit = ''): Acceleration {
  const first = points[0];
  const last = points[points.length - 1];
  const insufficient = (why: string): Acceleration => ({ verdict: 'insufficient data', firstHalfPerDay: null, secondHalfPerDay: null, changePerDayPerMonth: null, z: null, significant: false, description: why });
  if (first === undefined || last === undefined) return insufficient('no data');
  const middle = (first.day + last.day) / 2;
  const a = points.filter((p) => p.day < middle);
  const b = points.filter((p) => p.day >= middle);
  if (a.length < 14 || b.length < 14) return insufficient('too little data to compare growth rates (needs 14 days in each half)');
  const s1 = theilSen(a);
  const s2 = theilSen(b);
  const months = (mid(b) - mid(a)) / (MEAN_MONTH_MS / DAY_MS);
  const scale = Math.max(Math.abs(s1.perDay), Math.abs(s2.perDay));
  // Differences at the level of rounding are no change (a perfectly straight line).
  const diff = Math.abs(s2.perDay - s1.perDay) <= 1e-9 * scale ? 0 : s2.perDay - s1.perDay;
  const se = Math.hypot((s1.upper - s1.lower) / (2 * Z95), (s2.upper - s2.lower) / (2 * Z95));
  const z = se > 0 ? diff / se : null;
  const significant = z === null ? diff !== 0 : Math.abs(z) >= Z95;
  const verdict: AccelerationVerdict = !significant ? 'steady' : diff > 0 ? 'accelerating' : 'decelerating';
  const change = diff / months;
  const rate = `${signed(change)} ${unit ? `${unit}/day` : 'per day'} per month`;
  const zText = z === null ? 'exact data' : `z = ${z.toFixed(1)}`;
  const description =
    verdict === 'steady'
      ? `steady: the growth rate changed by ${rate}, not significant (${zText})`
      : `${verdict}: the growth rate changed by ${rate} (significant, ${zText})`;
  return { verdict, firstHalfPerDay: s1.perDay, secondHalfPerDay: s2.perDay, changePerDayPerMonth: change, z, significant, description };
}

function tail(x: Numbers, from: number): Float64Array {
  return Float64Array.from({ length: Math.max(0, x.length - from) }, (_, i) => x[from + i] as number);
}

function mid(points: readonly DailyPoint[]): number {
  return points.reduce((s, p) => s + p.day, 0) / points.length;
}

function signed(x: number): string {
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 3;
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
}

/**
 * Growth of a size-like series: daily rate with a 95 % interval (Theil–Sen over daily
 * means), month-over-month growth of full calendar months (from month means), and
 * acceleration (first vs second half). A constant series grows 0 with a zero-width
 * interval and is 'steady'.
 * @param times epoch ms, sorted ascending
 * @param values sizes (e.g. GiB), finite
 * @throws {WorkloadError} for an empty or invalid series, a sinceMs that is not finite, or
 *   fewer than two days with data (after sinceMs)
 * @example analyseGrowth(times, storageGiB, { unit: 'GiB' }).summary
 *   // 'growing +1.10 GiB/day (95 % CI +1.08 to +1.12); month over month +3.0 % (median of 12); steady: …'
 */
export function analyseGrowth(times: Numbers, values: Numbers, options: GrowthOptions = {}): GrowthAnalysis {
  checkSeries(times, values);
  const unit = options.unit ?? '';
  if (options.sinceMs !== undefined && !Number.isFinite(options.sinceMs)) throw new WorkloadError(`the start of the growth window must be a finite time, got ${options.sinceMs}`);
  let from = 0;
  if (options.sinceMs !== undefined) while (from < times.length && (times[from] as number) < options.sinceMs) from++;
  const t = from > 0 ? tail(times, from) : times;
  const v = from > 0 ? tail(values, from) : values;
  if (t.length === 0) throw new WorkloadError('no data at or after the start of the growth window');
  const points = dailyMeans(t, v);
  if (points.length < 2) throw new WorkloadError('a growth rate needs at least two days of data');
  const slope = theilSen(points);
  const months = monthlyGrowth(points);
  const changes = months.flatMap((m) => (m.changePct === null ? [] : [m.changePct]));
  const medianMonthlyChangePct = changes.length > 0 ? median(changes) : null;
  const accel = acceleration(points, unit);
  const perDay = (x: number): string => `${signed(x)} ${unit ? `${unit}/day` : 'per day'}`;
  const direction = slope.perDay > 0 ? 'growing' : slope.perDay < 0 ? 'shrinking' : 'flat';
  const parts = [`${direction} ${perDay(slope.perDay)} (95 % CI ${signed(slope.lower)} to ${signed(slope.upper)})`];
  if (medianMonthlyChangePct !== null) parts.push(`month over month ${signed(medianMonthlyChangePct)} % (median of ${changes.length})`);
  parts.push(accel.description);
  return {
    unit,
    days: points.length,
    slope,
    months,
    medianMonthlyChangePct,
    acceleration: accel,
    summary: parts.join('; '),
    method: 'Theil–Sen slope over daily means with Sen’s 95 % interval widened for lag-1 autocorrelation; month-over-month from means of full calendar months (UTC); acceleration from Theil–Sen slopes of the two halves of the range (z-test)',
  };
}
