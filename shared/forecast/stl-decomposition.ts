import { ForecastError } from './forecast-model.js';
import { LoessWorkspace, loessEstimate, loessSmooth } from './loess.js';
import { MAX_ABS_VALUE } from './forecast-paths.js';

/**
 * STL: Seasonal-Trend decomposition by Loess (Cleveland, Cleveland, McRae & Terpenning,
 * J. Official Statistics 6, 1990), y = seasonal + trend + remainder. A faithful port of the
 * authors' algorithm as R's stats::stl runs it: an inner loop of cycle-subseries smoothing
 * (window ns), low-pass filtering of the result (moving averages m, m, 3 and loess nl),
 * detrending, and trend smoothing (window nt); an optional outer loop of bisquare
 * robustness weights. Defaults are R's: nt = nextodd(⌈1.5m / (1 − 1.5/ns)⌉), nl = nextodd(m),
 * degrees 0 (seasonal) and 1 (trend, low-pass), jumps ⌈window/10⌉, inner 2 / outer 0
 * (robust: inner 1 / outer 15). 'periodic' is R's s.window = "periodic": ns = 10n + 1,
 * degree 0, then each cycle position's seasonal values replaced by their mean.
 */

/** Options of {@link stlDecomposition}; every field has R's default. */
export interface StlOptions {
  /** Seasonal window ns (odd, ≥ 7 recommended) or 'periodic' for a fixed seasonal shape. Default 7. */
  readonly seasonalWindow?: number | 'periodic';
  readonly seasonalDegree?: 0 | 1;
  readonly trendWindow?: number;
  readonly trendDegree?: 0 | 1;
  readonly lowPassWindow?: number;
  readonly lowPassDegree?: 0 | 1;
  readonly seasonalJump?: number;
  readonly trendJump?: number;
  readonly lowPassJump?: number;
  /** Bisquare robustness iterations (outliers down-weighted). Default false. */
  readonly robust?: boolean;
  readonly innerIterations?: number;
  readonly outerIterations?: number;
}

/** An additive decomposition y = seasonal + trend + remainder. */
export interface StlResult {
  readonly seasonal: Float64Array;
  readonly trend: Float64Array;
  readonly remainder: Float64Array;
  /** Final robustness weights in [0, 1] (all 1 when not robust). */
  readonly weights: Float64Array;
}

/** The smallest odd integer ≥ x. */
function nextOdd(x: number): number {
  const k = Math.round(x);
  return k % 2 === 0 ? k + 1 : k;
}

/**
 * Decomposes a series with one seasonal period by STL.
 * @param y evenly spaced finite values, oldest first, more than two periods
 * @param period season length m in steps, ≥ 2
 * @param options windows, degrees, jumps and iterations (R's defaults)
 * @throws {ForecastError} for a period < 2, fewer than 2m + 1 points or non-finite values
 * @example stlDecomposition(co2, 12, { seasonalWindow: 'periodic' }).seasonal
 */
export function stlDecomposition(y: ArrayLike<number>, period: number, options: StlOptions = {}): StlResult {
  const n = y.length;
  if (!Number.isInteger(period) || period < 2) throw new ForecastError(`STL needs a whole seasonal period ≥ 2, got ${period}`);
  if (n <= 2 * period) throw new ForecastError(`STL needs more than two periods (${2 * period} points) of data, got ${n}`);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) throw new ForecastError(`STL needs finite values within ±${MAX_ABS_VALUE}; point ${i} is ${v}`);
    data[i] = v;
  }
  const periodic = options.seasonalWindow === 'periodic';
  const ns = periodic ? 10 * n + 1 : nextOdd(Math.max(3, options.seasonalWindow ?? 7));
  const seasonalDegree = periodic ? 0 : (options.seasonalDegree ?? 0);
  const nt = nextOdd(Math.max(3, options.trendWindow ?? Math.ceil((1.5 * period) / (1 - 1.5 / ns))));
  const trendDegree = options.trendDegree ?? 1;
  const nl = nextOdd(Math.max(3, options.lowPassWindow ?? period));
  const lowPassDegree = options.lowPassDegree ?? trendDegree;
  const robust = options.robust ?? false;
  const inner = options.innerIterations ?? (robust ? 1 : 2);
  const outer = options.outerIterations ?? (robust ? 15 : 0);
  const settings: InnerSettings = {
    np: period,
    ns,
    nt,
    nl,
    seasonalDegree,
    trendDegree,
    lowPassDegree,
    seasonalJump: options.seasonalJump ?? Math.ceil(ns / 10),
    trendJump: options.trendJump ?? Math.ceil(nt / 10),
    lowPassJump: options.lowPassJump ?? Math.ceil(nl / 10),
  };
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  const scratch = new Scratch(n, period);
  let useWeights = false;
  for (let k = 0; ; k++) {
    innerLoop(data, settings, inner, useWeights ? weights : undefined, seasonal, trend, scratch);
    if (k >= outer) break;
    robustnessWeights(data, seasonal, trend, weights, scratch.w1);
    useWeights = true;
  }
  if (outer <= 0) weights.fill(1);
  if (periodic) {
    // R makes the periodic seasonal exactly periodic: the mean at each cycle position.
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      const p = i % period;
      sums[p] = (sums[p] as number) + (seasonal[i] as number);
      counts[p] = (counts[p] as number) + 1;
    }
    for (let i = 0; i < n; i++) {
      const p = i % period;
      seasonal[i] = (sums[p] as number) / (counts[p] as number);
    }
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = (data[i] as number) - (seasonal[i] as number) - (trend[i] as number);
  return { seasonal, trend, remainder, weights };
}

interface InnerSettings {
  readonly np: number;
  readonly ns: number;
  readonly nt: number;
  readonly nl: number;
  readonly seasonalDegree: 0 | 1;
  readonly trendDegree: 0 | 1;
  readonly lowPassDegree: 0 | 1;
  readonly seasonalJump: number;
  readonly trendJump: number;
  readonly lowPassJump: number;
}

/** Work arrays of length n + 2·period, allocated once per decomposition. */
class Scratch {
  readonly w1: Float64Array;
  readonly w2: Float64Array;
  readonly w3: Float64Array;
  readonly subseries: Float64Array;
  readonly subseriesSmooth: Float64Array;
  readonly subseriesWeights: Float64Array;
  readonly loess: LoessWorkspace;

  constructor(n: number, period: number) {
    const size = n + 2 * period;
    this.w1 = new Float64Array(size);
    this.w2 = new Float64Array(size);
    this.w3 = new Float64Array(size);
    const cycles = Math.ceil(n / period) + 2;
    this.subseries = new Float64Array(cycles);
    this.subseriesSmooth = new Float64Array(cycles);
    this.subseriesWeights = new Float64Array(cycles);
    this.loess = new LoessWorkspace(size);
  }
}

/** STL's inner loop (stlstp), `iterations` times, updating seasonal and trend in place. */
function innerLoop(
  y: Float64Array,
  s: InnerSettings,
  iterations: number,
  weights: Float64Array | undefined,
  seasonal: Float64Array,
  trend: Float64Array,
  scratch: Scratch,
): void {
  const n = y.length;
  const { w1, w2, w3 } = scratch;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Step 1: detrend. Step 2: smooth each cycle-subseries, extended one period each side.
    for (let i = 0; i < n; i++) w1[i] = (y[i] as number) - (trend[i] as number);
    smoothCycleSubseries(w1, n, s, weights, w2, scratch);
    // Step 3: low-pass filter of the cycle-subseries: MA(m), MA(m), MA(3), then loess.
    movingAverage(w2, n + 2 * s.np, s.np, w3);
    movingAverage(w3, n + s.np + 1, s.np, w1);
    movingAverage(w1, n + 2, 3, w3);
    loessSmooth(w3, n, s.nl, s.lowPassDegree, s.lowPassJump, undefined, w1, scratch.loess);
    // Step 4: detrended seasonal. Step 5: deseasonalise. Step 6: trend smoothing.
    for (let i = 0; i < n; i++) seasonal[i] = (w2[s.np + i] as number) - (w1[i] as number);
    for (let i = 0; i < n; i++) w1[i] = (y[i] as number) - (seasonal[i] as number);
    loessSmooth(w1, n, s.nt, s.trendDegree, s.trendJump, weights, trend, scratch.loess);
  }
}

/**
 * Smooths each cycle-subseries (all Januaries, all Februaries, …) by loess with window ns
 * and extrapolates it one cycle back and one forward (stlss); writes n + 2m values to out,
 * position k·m + j for the k-th cycle (k = 0 is the cycle before the data) at phase j.
 */
function smoothCycleSubseries(x: Float64Array, n: number, s: InnerSettings, weights: Float64Array | undefined, out: Float64Array, scratch: Scratch): void {
  const { subseries, subseriesSmooth, subseriesWeights, loess } = scratch;
  const smoothed = subseriesSmooth.subarray(1);
  for (let j = 0; j < s.np; j++) {
    const k = Math.floor((n - j - 1) / s.np) + 1;
    for (let i = 0; i < k; i++) {
      subseries[i] = x[i * s.np + j] as number;
      if (weights !== undefined) subseriesWeights[i] = weights[i * s.np + j] as number;
    }
    const w = weights === undefined ? undefined : subseriesWeights;
    // Smoothed positions 0…k−1 go to subseriesSmooth[1…k]; slots 0 and k+1 hold the extrapolations.
    loessSmooth(subseries, k, s.ns, s.seasonalDegree, s.seasonalJump, w, smoothed, loess);
    const before = loessEstimate(subseries, k, s.ns, s.seasonalDegree, -1, 0, Math.min(s.ns, k) - 1, w, loess);
    subseriesSmooth[0] = before ?? (subseriesSmooth[1] as number);
    const after = loessEstimate(subseries, k, s.ns, s.seasonalDegree, k, Math.max(0, k - s.ns), k - 1, w, loess);
    subseriesSmooth[k + 1] = after ?? (subseriesSmooth[k] as number);
    for (let m = 0; m < k + 2; m++) out[m * s.np + j] = subseriesSmooth[m] as number;
  }
}

/** Moving average of window len over x[0…n−1] into out[0…n−len] (stlma). */
function movingAverage(x: Float64Array, n: number, len: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < len; i++) sum += x[i] as number;
  out[0] = sum / len;
  for (let j = 1; j <= n - len; j++) {
    sum += (x[len + j - 1] as number) - (x[j - 1] as number);
    out[j] = sum / len;
  }
}

/**
 * Bisquare robustness weights from the residuals (stlrwt): h = 6·median|r|,
 * w = (1 − (r/h)²)², 1 below 0.001h and 0 above 0.999h.
 */
function robustnessWeights(y: Float64Array, seasonal: Float64Array, trend: Float64Array, weights: Float64Array, scratch: Float64Array): void {
  const n = y.length;
  const residuals = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) residuals[i] = Math.abs((y[i] as number) - (seasonal[i] as number) - (trend[i] as number));
  const sorted = Float64Array.from(residuals).sort();
  const mid0 = Math.floor(n / 2); // 0-based n/2 + 1 − 1
  const mid1 = n - mid0 - 1;
  const cmad = 3 * ((sorted[mid0] as number) + (sorted[mid1] as number));
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = residuals[i] as number;
    if (r <= c1) weights[i] = 1;
    else if (r <= c9) {
      const u = r / cmad;
      weights[i] = (1 - u * u) * (1 - u * u);
    } else weights[i] = 0;
  }
}
