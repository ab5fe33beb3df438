import { quantileSorted, robustScale, rollingMedian, sortedCopy } from './robust-statistics.js';
import { checkSeries, medianIntervalMs, type Numbers } from './series-input.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS, hourOfWeek, isoWeekday, utcDay, utcHour } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';

/**
 * Robust outlier flags by the modified z-score of Iglewicz & Hoaglin: score =
 * (x − median) / (1.4826·MAD), flagged beyond ±3.5 (B. Iglewicz, D. Hoaglin, "How to
 * Detect and Handle Outliers", ASQC 1993). Medians, not means, so the outliers cannot
 * hide themselves by inflating the scale. Two ways to get the residual x is judged by:
 * - `seasonal` (global): x minus its seasonal profile minus its local level, judged
 *   against the spread of such residuals at the same hour of the week — i.e. MAD after
 *   removing daily (and weekly) seasonality:
 *   · profile: the median, over the same time slot (1, 5, 15 or 60 min: the first at
 *     least the resolution) of the week (≥ 3 weeks of data, else of the day) in the
 *     4 weeks (days) before and after, of the deviation from a one-day rolling median —
 *     so it follows a daily amplitude that grows over the months;
 *   · level: a ±6-hour rolling median of x minus the profile (leaving x out), which takes
 *     out the slow wander of real load while an incident of a few hours still stands out;
 *   · scale: 1.4826·MAD per hour of the week over the ±6 weeks around (per hour of the
 *     day for short series), so hours noisy by nature (a nightly batch, weekday peaks)
 *     and busier months are judged by their own spread.
 *   Medians of neighbours always leave the point itself out: with it, a typical point is
 *   often its own median, gets a residual of exactly 0, and the MAD shrinks.
 * - `hampel` (rolling): x against the median and MAD of the 2k + 1 points around it
 *   (F. Hampel, JASA 69, 1974; Pearson's Hampel filter). For short or coarse series.
 * Scores are invariant to adding a constant to the series (medians shift with it, the
 * MAD does not). The input is never modified.
 */

export type OutlierMethod = 'seasonal' | 'hampel';

/** Slot widths of the seasonal profile: the first at least as long as the resolution. */
const SLOTS = [1, 5, 15, 60].map((m) => m * MINUTE_MS);

export interface OutlierOptions {
  /** Default 'auto': seasonal for series of at least 7 days at a resolution of 1 h or finer, else hampel. */
  readonly method?: OutlierMethod | 'auto';
  /** |score| above this is an outlier; default 3.5. */
  readonly threshold?: number;
  /** Hampel half-window k in points (window 2k + 1); default 6. */
  readonly halfWindow?: number;
}

export interface Outlier {
  readonly index: number;
  readonly timeMs: number;
  readonly value: number;
  /** Modified z-score; positive above the expected value. */
  readonly score: number;
}

export interface OutlierResult {
  readonly method: OutlierMethod;
  readonly threshold: number;
  /** Modified z-score of every point, aligned with the input; 0 where the scale is 0 and the point is typical. */
  readonly scores: number[];
  /** Indexes of the outliers, ascending. */
  readonly flagged: number[];
  readonly outliers: Outlier[];
  readonly description: string;
}

/**
 * Flags outliers; see the module comment for the two methods.
 * @param times epoch ms, sorted ascending
 * @param values finite numbers (not modified)
 * @throws {WorkloadError} for an empty or invalid series, a non-positive threshold, a
 *   half-window that is not a positive integer, an unknown method, or 'seasonal' on data
 *   too coarse or short
 * @example detectOutliers(times, cpu).flagged // [81234, 81235, …]
 */
export function detectOutliers(times: Numbers, values: Numbers, options: OutlierOptions = {}): OutlierResult {
  const n = checkSeries(times, values);
  const threshold = options.threshold ?? 3.5;
  const halfWindow = options.halfWindow ?? 6;
  if (!(threshold > 0 && Number.isFinite(threshold))) throw new WorkloadError(`the threshold must be a positive number, got ${threshold}`);
  if (!(Number.isInteger(halfWindow) && halfWindow > 0)) throw new WorkloadError(`the half-window must be a positive integer, got ${halfWindow}`);
  // Checked because callers from JavaScript (or JSON) can pass any string, which would
  // otherwise run Hampel while reporting the unknown name as the method.
  if (options.method !== undefined && !(['auto', 'seasonal', 'hampel'] as const).some((m) => m === options.method)) {
    throw new WorkloadError(`unknown outlier method '${String(options.method)}'; use 'auto', 'seasonal' or 'hampel'`);
  }
  const resolution = medianIntervalMs(times) ?? DAY_MS;
  const spanMs = (times[n - 1] as number) - (times[0] as number);
  const seasonalFits = resolution <= HOUR_MS && spanMs >= 7 * DAY_MS;
  const method: OutlierMethod = options.method === undefined || options.method === 'auto' ? (seasonalFits ? 'seasonal' : 'hampel') : options.method;
  if (method === 'seasonal' && !seasonalFits) throw new WorkloadError('seasonal outlier detection needs at least 7 days at a resolution of 1 hour or finer; use the Hampel method');
  let scores: Float64Array;
  let how: string;
  if (method === 'seasonal') {
    const weekly = spanMs >= 3 * WEEK_MS;
    const slotMs = SLOTS.find((s) => s >= resolution) ?? HOUR_MS;
    scores = seasonalScores(times, values, slotMs, weekly, resolution);
    how = `beyond ${threshold} robust σ (1.4826·MAD) of the residual (per hour of the ${weekly ? 'week, over ±6 weeks' : 'day'}) after removing a one-day rolling median, the median of the same ${slotMs / MINUTE_MS}-minute slot of the ${NEIGHBOUR_CYCLES} ${weekly ? 'weeks' : 'days'} before and after, and a ±6-hour rolling median`;
  } else {
    scores = hampelScores(values, halfWindow);
    how = `beyond ${threshold} robust σ (1.4826·MAD) of the ${2 * halfWindow + 1} points around each point (Hampel)`;
  }
  const flagged: number[] = [];
  const outliers: Outlier[] = [];
  for (let i = 0; i < n; i++) {
    const score = scores[i] as number;
    if (Math.abs(score) > threshold) {
      flagged.push(i);
      outliers.push({ index: i, timeMs: times[i] as number, value: values[i] as number, score });
    }
  }
  const share = (flagged.length / n) * 100;
  return {
    method,
    threshold,
    scores: Array.from(scores),
    flagged,
    outliers,
    description: `${flagged.length} outlier${flagged.length === 1 ? '' : 's'} (${share < 0.01 && share > 0 ? '<0.01' : share.toFixed(2)} % of ${n} points) ${how}`,
  };
}

/** The residual scale of an hour of the week pools that hour over this many weeks on each side. */
const SCALE_REACH_WEEKS = 6;
/** Half-width of the rolling median that takes out the local level. */
const LEVEL_HALF_WINDOW_MS = 6 * HOUR_MS;
/** A group with fewer residuals uses the global scale (a MAD of a handful of values is itself noise). */
const MIN_SCALE_SAMPLES = 20;
/** Same-slot neighbours on each side (weeks, or days) whose median is a point's expected deviation. */
const NEIGHBOUR_CYCLES = 4;

function seasonalScores(times: Numbers, values: Numbers, slotMs: number, weekly: boolean, resolution: number): Float64Array {
  const n = times.length;
  // Deviation from a one-day rolling median: the median over one full cycle is the same
  // wherever the window starts, so this removes the level but not the daily shape, and —
  // unlike the median of each calendar day — leaves no jump at midnight in a growing series.
  const dayLevel = rollingMedian(values, Math.max(1, Math.round(DAY_MS / 2 / resolution)));
  const deviation = new Float64Array(n);
  for (let k = 0; k < n; k++) deviation[k] = (values[k] as number) - (dayLevel[k] as number);
  // Group the samples by time slot of the week (or day), keeping time order inside each group.
  const slotsPerDay = Math.round(DAY_MS / slotMs);
  const slots = weekly ? 7 * slotsPerDay : slotsPerDay;
  const slotOf = new Int32Array(n);
  const offsets = new Int32Array(slots + 1);
  for (let k = 0; k < n; k++) {
    const t = times[k] as number;
    const inDay = Math.floor((t - utcDay(t) * DAY_MS) / slotMs);
    const s = weekly ? isoWeekday(t) * slotsPerDay + inDay : inDay;
    slotOf[k] = s;
    offsets[s + 1] = (offsets[s + 1] as number) + 1;
  }
  for (let s = 0; s < slots; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  const fill = offsets.slice(0, slots);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = slotOf[k] as number;
    order[fill[s] as number] = k;
    fill[s] = (fill[s] as number) + 1;
  }
  // Expected deviation: the median of the same slot over the neighbouring weeks (days),
  // so the profile follows a daily amplitude that grows over the months.
  const reach = NEIGHBOUR_CYCLES * Math.max(1, Math.round(slotMs / resolution));
  const profile = new Float64Array(n);
  const window = new Float64Array(2 * reach + 1);
  for (let s = 0; s < slots; s++) {
    const from = offsets[s] as number;
    const to = offsets[s + 1] as number;
    for (let p = from; p < to; p++) {
      // Leave the point itself out: with it, a typical point is often its own median and
      // gets a residual of exactly 0, which shrinks the MAD and inflates every score.
      const lo = Math.max(from, p - reach);
      const hi = Math.min(to, p + reach + 1);
      let size = 0;
      for (let q = lo; q < hi; q++) if (q !== p) window[size++] = deviation[order[q] as number] as number;
      profile[order[p] as number] = size > 0 ? quantileSorted(window.subarray(0, size).sort(), 0.5) : 0;
    }
  }
  // The local level: a rolling median of the deseasonalised values over ±6 hours. It takes
  // out the slow wander of real load (a busy afternoon, a quiet week) that would otherwise
  // dominate the residual, yet an incident of up to ~5 hours stays below half the window
  // and so stands out.
  const adjusted = new Float64Array(n);
  for (let k = 0; k < n; k++) adjusted[k] = (values[k] as number) - (profile[k] as number);
  const level = rollingMedian(adjusted, Math.max(1, Math.round(LEVEL_HALF_WINDOW_MS / resolution)), true);
  const residual = new Float64Array(n);
  for (let k = 0; k < n; k++) residual[k] = (adjusted[k] as number) - (level[k] as number);
  // Scale per hour of the week, over the ±6 weeks around (short series: per hour of the
  // day, over all days). Noise is not uniform: a nightly batch makes its hours noisier,
  // weekday peaks are noisier than quiet weekends, and noise grows with the load over
  // the months; one global scale would flag the ordinary spread of the busy times.
  const center = quantileSorted(sortedCopy(residual), 0.5);
  const floor = scaleFloor(values);
  const globalScale = robustScale(residual, center);
  const global = globalScale > floor ? globalScale : 0;
  const cells = weekly ? 168 : 24;
  const firstWeek = isoWeekIndex(times[0] as number);
  const weeks = weekly ? isoWeekIndex(times[n - 1] as number) - firstWeek + 1 : 1;
  const cellOf = (t: number): number => (weekly ? (isoWeekIndex(t) - firstWeek) * 168 + hourOfWeek(t) : utcHour(t));
  const members: number[][] = Array.from({ length: weeks * cells }, () => []);
  for (let k = 0; k < n; k++) (members[cellOf(times[k] as number)] as number[]).push(residual[k] as number);
  const cellScale = new Float64Array(weeks * cells);
  for (let w = 0; w < weeks; w++) {
    for (let h = 0; h < cells; h++) {
      const pooled: number[] = [];
      for (let v = Math.max(0, w - SCALE_REACH_WEEKS); v <= Math.min(weeks - 1, w + SCALE_REACH_WEEKS); v++) pooled.push(...(members[v * cells + h] as number[]));
      cellScale[w * cells + h] = pooled.length >= MIN_SCALE_SAMPLES ? robustScale(pooled, center) : 0;
    }
  }
  const scores = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const local = cellScale[cellOf(times[k] as number)] as number;
    const scale = local > floor ? local : global;
    if (scale > 0) scores[k] = ((residual[k] as number) - center) / scale;
  }
  return scores;
}

/**
 * Scales at or below this are rounding noise, not spread: 10⁻⁹ of the largest |value|.
 * Without it, residuals that are 0 up to floating-point error (a flat or quantised
 * stretch) give a scale of 1e-13 and scores of 1e11 for an ordinary step of one unit.
 */
function scaleFloor(values: Numbers): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i] as number));
  return 1e-9 * max;
}

/** ISO weeks since the epoch's week (weeks start on Monday; 1970-01-01 was a Thursday). */
function isoWeekIndex(ms: number): number {
  return Math.floor((utcDay(ms) + 3) / 7);
}


function hampelScores(values: Numbers, k: number): Float64Array {
  const n = values.length;
  const floor = scaleFloor(values);
  const scores = new Float64Array(n);
  const window = new Float64Array(2 * k + 1);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - k);
    const to = Math.min(n, i + k + 1);
    const w = window.subarray(0, to - from);
    for (let j = from; j < to; j++) w[j - from] = values[j] as number;
    w.sort();
    const med = quantileSorted(w, 0.5);
    const scale = robustScale(w, med);
    const d = (values[i] as number) - med;
    scores[i] = scale > floor ? d / scale : 0;
  }
  return scores;
}
