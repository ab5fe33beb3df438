import { autocorrelationAt, autocorrelations } from './autocorrelation.js';
import { centredMovingAverage, movingAverageHalfWidth } from './moving-average.js';
import { imputeGaps, resample } from './resample.js';
import { checkSeries, medianIntervalMs, type Numbers } from './series-input.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from './utc-calendar.js';

/**
 * Daily and weekly cycles, found automatically. Method (an additive, MSTL-like
 * classical decomposition, chosen because it is simple, deterministic and fast):
 * 1. resample to an even grid (hourly means for sub-hourly data), filling gaps by
 *    seasonal imputation (daily period) and counting the filled buckets;
 * 2. trend = centred moving average over the longest measurable period (one week, else
 *    one day), which annihilates every cycle whose period divides it; D = y − trend on
 *    the points with a full window;
 * 3. daily component S_d = per-phase means of D (hour of day); weekly S_w = per-phase
 *    means of D − S_d (hour of week); remainder R = D − S_d − S_w;
 * 4. strength of each cycle by Wang, Smith & Hyndman (2006), as in MSTL/feasts:
 *    F = max(0, 1 − Var(R) / Var(S + R));
 * 5. a cycle is *present* when the autocorrelation (ACF) of the series it is tested on
 *    (D for daily, D − S_d for weekly) at its period is ≥ {@link MIN_ACF}, and its
 *    strength corrected for the degrees of freedom of the per-phase means (as an
 *    adjusted R²: pure noise scores ≈ 0 instead of ≈ (P − 1)/(n − 1)) is ≥
 *    {@link MIN_ADJUSTED_STRENGTH}. Both are needed: the ACF alone would call a random
 *    walk or a weekend-only pattern "daily"; the strength alone, a short noisy series;
 * 6. the strongest other cycle is the highest local maximum of the ACF of R at a lag
 *    that is not (within one step) a multiple of the daily or weekly period, up to
 *    35 days and to a sixth of the data; its strength and presence are judged the same
 *    way on R, and it must also repeat (ACF ≥ MIN_ACF near 2× and 3× the lag).
 * References: X. Wang, K. Smith, R. Hyndman, "Characteristic-based clustering for time
 * series data", Data Mining and Knowledge Discovery 13(3), 2006; Hyndman &
 * Athanasopoulos, FPP3 §3.3 and §4.3; K. Bandara, R. Hyndman, C. Bergmeir, MSTL (2021).
 */

export type CycleName = 'daily' | 'weekly' | 'other';
export type CycleLabel = 'strong' | 'moderate' | 'weak' | 'none';

export interface Cycle {
  readonly name: CycleName;
  /** Period in ms and in grid steps. */
  readonly periodMs: number;
  readonly periodSteps: number;
  /** Enough data to judge: the period is ≥ 2 steps and the grid holds ≥ 3 periods. */
  readonly measurable: boolean;
  readonly present: boolean;
  /** Wang/Smith/Hyndman seasonal strength F_S in [0, 1]; null when not measurable. */
  readonly strength: number | null;
  /** Autocorrelation at the period, of the series the cycle is tested on; null when not measurable. */
  readonly autocorrelation: number | null;
  /** 'strong' ≥ 0.6, 'moderate' ≥ 0.3, else 'weak'; 'none' when not present. */
  readonly label: CycleLabel;
}

export interface CycleAnalysis {
  /** Grid the cycles were measured on. */
  readonly stepMs: number;
  readonly gridPoints: number;
  /** Empty grid buckets filled before the analysis (seasonal imputation, daily period). */
  readonly imputedBuckets: number;
  readonly daily: Cycle;
  readonly weekly: Cycle;
  /** The strongest other ACF peak, if the remainder has a local maximum; present or not. */
  readonly other: Cycle | null;
  /** Periods of the present cycles in ms, shortest first (for seasonal forecasting models). */
  readonly presentPeriodsMs: number[];
  /** "strong daily cycle (0.86), weaker weekly cycle (0.41)". */
  readonly summary: string;
  readonly method: string;
}

export interface CycleOptions {
  /** Grid step; default one hour, or the smallest of 1, 2, 3, 4, 6, 8, 12, 24 h at least as long as the series' resolution. */
  readonly stepMs?: number;
}

/** ACF at the period needed to call a cycle present. */
export const MIN_ACF = 0.2;
/** Degrees-of-freedom–adjusted strength needed to call a cycle present. */
export const MIN_ADJUSTED_STRENGTH = 0.15;
const MAX_OTHER_LAG_MS = 35 * DAY_MS;
const STEP_CHOICES = [1, 2, 3, 4, 6, 8, 12, 24].map((h) => h * HOUR_MS);

/**
 * Detects daily and weekly cycles (and the strongest other one) in a series; see the
 * module comment for the method.
 * @param times epoch ms, UTC, sorted ascending
 * @param values finite numbers (e.g. CPU %, QPS)
 * @throws {WorkloadError} for an empty or invalid series or a non-positive step
 * @example detectCycles(times, cpu).summary // 'strong daily cycle (0.86), weaker weekly cycle (0.41)'
 */
export function detectCycles(times: Numbers, values: Numbers, options: CycleOptions = {}): CycleAnalysis {
  checkSeries(times, values);
  const resolution = medianIntervalMs(times) ?? HOUR_MS;
  const stepMs = options.stepMs ?? STEP_CHOICES.find((s) => s >= resolution) ?? Math.max(DAY_MS, resolution);
  const grid = resample(times, values, { stepMs, aggregation: 'mean' });
  const n = grid.values.length;
  const dailySteps = DAY_MS / stepMs;
  const weeklySteps = WEEK_MS / stepMs;
  const measurable = (p: number): boolean => Number.isInteger(p) && p >= 2 && n >= 3 * p;
  const dailyOk = measurable(dailySteps);
  const weeklyOk = measurable(weeklySteps);
  const filled = grid.gaps.length > 0 && dailyOk ? imputeGaps(grid.values, 'seasonal', dailySteps).values : imputeGaps(grid.values, 'linear').values;
  // Phases are counted from the epoch, so phase k of the daily cycle is always the same hour of the day.
  const phase0 = Math.round((grid.times[0] ?? 0) / stepMs);
  const trendOrder = weeklyOk ? weeklySteps : dailyOk ? dailySteps : 0;
  const h = trendOrder > 0 ? movingAverageHalfWidth(trendOrder) : 0;
  const trend = trendOrder > 0 ? centredMovingAverage(filled, trendOrder) : undefined;
  const m = Math.max(0, n - 2 * h);
  const detrended = new Float64Array(m);
  for (let i = 0; i < m; i++) detrended[i] = (filled[i + h] as number) - (trend?.[i + h] ?? 0);
  const start = phase0 + h;

  const zero = new Float64Array(m);
  const daily = dailyOk ? phaseComponent(detrended, dailySteps, start) : zero;
  const afterDaily = subtract(detrended, daily);
  const weekly = weeklyOk ? phaseComponent(afterDaily, weeklySteps, start) : zero;
  const remainder = subtract(afterDaily, weekly);
  const dfDaily = dailyOk ? dailySteps - 1 : 0;
  const dfWeekly = weeklyOk ? (dailyOk ? weeklySteps - dailySteps : weeklySteps - 1) : 0;
  const dfTotal = dfDaily + dfWeekly;

  // `tested` is the series the cycle is looked for in; `residual` what is left after every component.
  const judge = (name: CycleName, periodSteps: number, ok: boolean, component: Float64Array, tested: Float64Array, residual: Float64Array, df: number, dfAll: number): Cycle => {
    const periodMs = periodSteps * stepMs;
    if (!ok) return { name, periodMs, periodSteps, measurable: false, present: false, strength: null, autocorrelation: null, label: 'none' };
    const residualSS = sumSquares(residual);
    const withCycle = sumSquares(add(component, residual));
    const strength = withCycle > 0 ? clamp01(1 - residualSS / withCycle) : 0;
    const adjusted = withCycle > 0 && m - dfAll > 0 ? 1 - residualSS / (m - dfAll) / (withCycle / (m - dfAll + df)) : 0;
    const autocorrelation = autocorrelationAt(tested, periodSteps);
    const present = autocorrelation >= MIN_ACF && adjusted >= MIN_ADJUSTED_STRENGTH;
    return { name, periodMs, periodSteps, measurable: true, present, strength: round3(strength), autocorrelation: round3(autocorrelation), label: present ? labelOf(strength) : 'none' };
  };
  const dailyCycle = judge('daily', dailySteps, dailyOk, daily, detrended, remainder, dfDaily, dfTotal);
  const weeklyCycle = judge('weekly', weeklySteps, weeklyOk, weekly, afterDaily, remainder, dfWeekly, dfTotal);

  let other: Cycle | null = null;
  const found = strongestOtherLag(remainder, Math.min(Math.floor(m / 6), Math.round(MAX_OTHER_LAG_MS / stepMs)), [dailyOk ? dailySteps : 0, weeklyOk ? weeklySteps : 0]);
  if (found !== undefined) {
    const { lag, repeats } = found;
    const component = phaseComponent(remainder, lag, start);
    const judged = judge('other', lag, true, component, remainder, subtract(remainder, component), lag - 1, dfTotal + lag - 1);
    // A cycle repeats: a lone ACF bump (a random walk's slow wander) is not one.
    other = judged.present && !repeats ? { ...judged, present: false, label: 'none' } : judged;
  }
  const cycles = [dailyCycle, weeklyCycle, ...(other === null ? [] : [other])];
  const present = cycles.filter((c) => c.present);
  return {
    stepMs,
    gridPoints: n,
    imputedBuckets: grid.gaps.length,
    daily: dailyCycle,
    weekly: weeklyCycle,
    other,
    presentPeriodsMs: present.map((c) => c.periodMs).sort((a, b) => a - b),
    summary: describeCycles(cycles),
    method: `classical additive decomposition on a ${formatPeriod(stepMs)} grid (trend: centred ${trendOrder > 0 ? formatPeriod(trendOrder * stepMs) : 'no'} moving average; cycles: per-phase means), strength F = max(0, 1 − Var(R)/Var(S+R)) (Wang, Smith & Hyndman 2006); present when ACF at the period ≥ ${MIN_ACF} and df-adjusted strength ≥ ${MIN_ADJUSTED_STRENGTH}`,
  };
}

/**
 * Per-phase means of x for a period, centred so the component sums to zero; phase of
 * index i is (start + i) mod period.
 */
function phaseComponent(x: Float64Array, period: number, start: number): Float64Array {
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const p = (((start + i) % period) + period) % period;
    sums[p] = (sums[p] as number) + (x[i] as number);
    counts[p] = (counts[p] as number) + 1;
    total += x[i] as number;
  }
  const overall = x.length > 0 ? total / x.length : 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const p = (((start + i) % period) + period) % period;
    out[i] = (sums[p] as number) / (counts[p] as number) - overall;
  }
  return out;
}

function subtract(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) - (b[i] as number);
  return out;
}

function add(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** Sum of squared deviations from the mean (n × the population variance). */
function sumSquares(x: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i] as number;
  mean /= x.length || 1;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += ((x[i] as number) - mean) ** 2;
  return ss;
}

/**
 * The lag in [2, maxLag] of the highest local ACF maximum not within one step of a
 * multiple of an excluded period, and whether the ACF near twice and three times that
 * lag is ≥ MIN_ACF too. The repetition test matters: detrending by a moving average
 * makes a random walk oscillate with a period near the window (the Slutsky–Yule
 * effect), and those bumps do not repeat.
 */
function strongestOtherLag(x: Float64Array, maxLag: number, excluded: readonly number[]): { lag: number; repeats: boolean } | undefined {
  if (maxLag < 3) return undefined;
  const acf = autocorrelations(x, 3 * maxLag + 1);
  // A constant remainder (all zeros) has no cycle.
  if (acf[0] === 0) return undefined;
  const nearMultiple = (lag: number): boolean =>
    excluded.some((p) => {
      if (p < 2) return false;
      const r = lag % p;
      return r <= 1 || r >= p - 1;
    });
  let best: number | undefined;
  for (let lag = 2; lag <= maxLag; lag++) {
    const v = acf[lag] as number;
    if (v > (acf[lag - 1] as number) && v >= (acf[lag + 1] as number) && !nearMultiple(lag) && (best === undefined || v > (acf[best] as number))) best = lag;
  }
  if (best === undefined) return undefined;
  const near = (lag: number): number => Math.max(acf[lag - 1] ?? 0, acf[lag] ?? 0, acf[lag + 1] ?? 0);
  return { lag: best, repeats: near(2 * best) >= MIN_ACF && near(3 * best) >= MIN_ACF };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function labelOf(strength: number): CycleLabel {
  return strength >= 0.6 ? 'strong' : strength >= 0.3 ? 'moderate' : 'weak';
}

/** A period in words: "1-day" style for whole days, "12-hour", "90-minute". */
function formatPeriod(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}-day`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}-hour`;
  return `${Math.round(ms / MINUTE_MS)}-minute`;
}

function cycleName(c: Cycle): string {
  return c.name === 'other' ? formatPeriod(c.periodMs) : c.name;
}

function describeCycles(cycles: readonly Cycle[]): string {
  const present = cycles.filter((c) => c.present).sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0));
  const parts = present.map((c, i) => {
    const strongest = present[0];
    const word = i > 0 && strongest !== undefined && (c.strength ?? 0) < (strongest.strength ?? 0) ? 'weaker' : c.label;
    return `${word} ${cycleName(c)} cycle (${(c.strength ?? 0).toFixed(2)})`;
  });
  const unmeasurable = cycles.filter((c) => !c.measurable && c.name !== 'other').map((c) => `too little data for a ${c.name} cycle (needs 3 ${c.name === 'daily' ? 'days' : 'weeks'} on a grid finer than the period)`);
  if (parts.length === 0) {
    const absent = cycles.filter((c) => c.measurable && c.name !== 'other').map((c) => c.name);
    const head = absent.length > 0 ? `no ${absent.join(' or ')} cycle detected` : 'no cycle measurable';
    return [head, ...unmeasurable].join('; ');
  }
  return [parts.join(', '), ...unmeasurable].join('; ');
}
