import { normalQuantile } from './normal-quantile.js';

/**
 * An uncertain input of a DR plan (a detection time, a throughput, a replication lag)
 * as the plan states it:
 * - `fixed`: one value;
 * - `pert`: minimum, most likely and maximum — the PERT (modified beta, λ = 4) distribution
 *   of expert estimates (Malcolm et al. 1959; Vose, *Risk Analysis*, 3rd ed., §14.3);
 * - `lognormal`: median and 99th percentile, clamped at `max` — the usual shape of
 *   replication lag; the clamp keeps the worst case finite and explicit.
 */
export type DistributionSpec =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'pert'; readonly min: number; readonly likely: number; readonly max: number }
  | { readonly kind: 'lognormal'; readonly p50: number; readonly p99: number; readonly max: number };

/** Quantile-table resolution: P99 sits at cell 4055, so tails are resolved to ~0.03 %. */
export const TABLE_CELLS = 4096;

/**
 * A distribution compiled for sampling: the quantile function tabulated at u = i/K and
 * linearly interpolated between knots. Sampling is one table lookup per draw (the Monte
 * Carlo engine's budget is a few hundred nanoseconds per trial), and the analytic
 * expectations below are computed on the very same piecewise-linear quantile function,
 * so analytic and simulated figures describe the same model.
 */
export interface Distribution {
  readonly spec: DistributionSpec;
  /** True when the input has no spread: no random draw is spent on it. */
  readonly fixed: boolean;
  /** Quantiles at u = i / TABLE_CELLS, i = 0…TABLE_CELLS (empty when fixed). */
  readonly table: Float64Array;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

const PERT_GRID = 8192;

/** Compiled tables by spec: compiling is the costly part, and plans reuse the same inputs. */
const compiled = new Map<string, Distribution>();
const CACHE_LIMIT = 512;

/**
 * Compiles a distribution spec.
 * @throws {RangeError} for specs that are out of order (validated earlier with field names)
 * @example compileDistribution({ kind: 'pert', min: 10, likely: 20, max: 60 }).mean // ≈ 25 = (10 + 4·20 + 60) / 6
 */
export function compileDistribution(spec: DistributionSpec): Distribution {
  const key = spec.kind === 'fixed' ? `f${spec.value}` : spec.kind === 'pert' ? `p${spec.min},${spec.likely},${spec.max}` : `l${spec.p50},${spec.p99},${spec.max}`;
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  const made = compileUncached(spec);
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value ?? '');
  compiled.set(key, made);
  return made;
}

function compileUncached(spec: DistributionSpec): Distribution {
  if (spec.kind === 'fixed' || (spec.kind === 'pert' && spec.min === spec.max)) {
    const value = spec.kind === 'fixed' ? spec.value : spec.min;
    return { spec, fixed: true, table: new Float64Array(0), min: value, max: value, mean: value };
  }
  const table = new Float64Array(TABLE_CELLS + 1);
  if (spec.kind === 'pert') fillPertTable(table, spec.min, spec.likely, spec.max);
  else fillLognormalTable(table, spec.p50, spec.p99, spec.max);
  let sum = 0;
  for (let i = 0; i < TABLE_CELLS; i++) sum += ((table[i] ?? 0) + (table[i + 1] ?? 0)) / 2;
  return { spec, fixed: false, table, min: table[0] ?? 0, max: table[TABLE_CELLS] ?? 0, mean: sum / TABLE_CELLS };
}

/** A fixed distribution. */
export function fixedDistribution(value: number): Distribution {
  return compileDistribution({ kind: 'fixed', value });
}

function fillPertTable(table: Float64Array, min: number, likely: number, max: number): void {
  const alpha = 1 + (4 * (likely - min)) / (max - min);
  const beta = 1 + (4 * (max - likely)) / (max - min);
  // Cumulative beta density on a fine grid (trapezoid), then inverted at u = i/K.
  const cumulative = new Float64Array(PERT_GRID + 1);
  const density = (x: number): number => Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
  let previous = density(0);
  for (let j = 1; j <= PERT_GRID; j++) {
    const current = density(j / PERT_GRID);
    cumulative[j] = (cumulative[j - 1] ?? 0) + (previous + current) / 2;
    previous = current;
  }
  const total = cumulative[PERT_GRID] ?? 1;
  let j = 0;
  for (let i = 0; i <= TABLE_CELLS; i++) {
    const target = (i / TABLE_CELLS) * total;
    while (j < PERT_GRID && (cumulative[j + 1] ?? 0) < target) j++;
    const lo = cumulative[j] ?? 0;
    const hi = cumulative[j + 1] ?? lo;
    const x = j >= PERT_GRID ? 1 : (j + (hi > lo ? (target - lo) / (hi - lo) : 0)) / PERT_GRID;
    table[i] = min + Math.min(1, Math.max(0, x)) * (max - min);
  }
  table[0] = min;
  table[TABLE_CELLS] = max;
}

function fillLognormalTable(table: Float64Array, p50: number, p99: number, max: number): void {
  const mu = Math.log(p50);
  const sigma = (Math.log(p99) - mu) / normalQuantile(0.99);
  table[0] = 0;
  for (let i = 1; i < TABLE_CELLS; i++) table[i] = Math.min(max, Math.exp(mu + sigma * normalQuantile(i / TABLE_CELLS)));
  table[TABLE_CELLS] = max;
}

/** The default clamp of a lognormal given by its median and P99: its 99.99th percentile. */
export function defaultLognormalMax(p50: number, p99: number): number {
  const sigma = (Math.log(p99) - Math.log(p50)) / normalQuantile(0.99);
  return Math.exp(Math.log(p50) + sigma * normalQuantile(0.9999));
}

/**
 * The value at probability `u` (the inverse CDF).
 * @param u in [0, 1)
 */
export function quantileAt(distribution: Distribution, u: number): number {
  if (distribution.fixed) return distribution.min;
  const x = u * TABLE_CELLS;
  const i = Math.min(TABLE_CELLS - 1, Math.floor(x));
  const t = distribution.table;
  const lo = t[i] ?? 0;
  return lo + (x - i) * ((t[i + 1] ?? lo) - lo);
}

/** P(X ≤ x) of the compiled (piecewise-linear quantile) distribution. */
export function cdfAt(distribution: Distribution, x: number): number {
  if (distribution.fixed) return x >= distribution.min ? 1 : 0;
  const t = distribution.table;
  if (x < distribution.min) return 0;
  if (x >= distribution.max) return 1;
  let lo = 0;
  let hi = TABLE_CELLS;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] ?? 0) <= x) lo = mid;
    else hi = mid;
  }
  const a = t[lo] ?? 0;
  const b = t[hi] ?? a;
  return (lo + (b > a ? (x - a) / (b - a) : 1)) / TABLE_CELLS;
}

const reciprocalMeans = new WeakMap<Distribution, number>();

/** E[1/X] of a positive distribution, exactly on the piecewise-linear quantile function. */
export function meanReciprocal(distribution: Distribution): number {
  if (distribution.fixed) return 1 / distribution.min;
  let cached = reciprocalMeans.get(distribution);
  if (cached === undefined) {
    cached = meanReciprocalOfTable(distribution);
    reciprocalMeans.set(distribution, cached);
  }
  return cached;
}

function meanReciprocalOfTable(distribution: Distribution): number {
  const t = distribution.table;
  let sum = 0;
  for (let i = 0; i < TABLE_CELLS; i++) {
    const a = t[i] ?? 0;
    const b = t[i + 1] ?? a;
    sum += Math.abs(b - a) < 1e-12 * Math.max(a, b) ? 1 / ((a + b) / 2) : Math.log(b / a) / (b - a);
  }
  return sum / TABLE_CELLS;
}

/**
 * E[f(X)] by the midpoint rule on `points` equal-probability cells (exact for fixed
 * inputs; for tables, error O(1/points²) in smooth regions).
 */
export function expectationOf(distribution: Distribution, f: (x: number) => number, points = 256): number {
  if (distribution.fixed) return f(distribution.min);
  let sum = 0;
  for (let i = 0; i < points; i++) sum += f(quantileAt(distribution, (i + 0.5) / points));
  return sum / points;
}

/** Equal-probability representative points (cell midpoints) of a distribution. */
export function representativePoints(distribution: Distribution, points: number): number[] {
  if (distribution.fixed) return [distribution.min];
  return Array.from({ length: points }, (_, i) => quantileAt(distribution, (i + 0.5) / points));
}

/**
 * The equilibrium (residual-age) distribution of a renewal interval L: the age of an
 * interval found in progress at a random moment, P(A ≤ a) = (1/E[L]) ∫₀ᵃ P(L > x) dx
 * (Cox, *Renewal Theory*, 1962, §5.2). Used for "how long has archiving already been
 * stalled when the failure strikes", since a random moment lands in long stalls more often.
 */
export function equilibriumAgeDistribution(interval: Distribution): Distribution {
  if (interval.fixed) {
    const spec: DistributionSpec = { kind: 'pert', min: 0, likely: interval.min / 2, max: interval.min };
    // Uniform on [0, L]: build the table directly (a PERT would not be uniform).
    const table = new Float64Array(TABLE_CELLS + 1);
    for (let i = 0; i <= TABLE_CELLS; i++) table[i] = (interval.min * i) / TABLE_CELLS;
    return { spec, fixed: interval.min === 0, table, min: 0, max: interval.min, mean: interval.min / 2 };
  }
  // Tabulate the CDF of A on a grid over [0, max L], then invert.
  const grid = 8192;
  const maxL = interval.max;
  const cumulative = new Float64Array(grid + 1);
  let previousSurvival = 1 - cdfAt(interval, 0);
  for (let j = 1; j <= grid; j++) {
    const survival = 1 - cdfAt(interval, (j / grid) * maxL);
    cumulative[j] = (cumulative[j - 1] ?? 0) + ((previousSurvival + survival) / 2) * (maxL / grid);
    previousSurvival = survival;
  }
  const total = cumulative[grid] ?? 1;
  const table = new Float64Array(TABLE_CELLS + 1);
  let j = 0;
  for (let i = 0; i <= TABLE_CELLS; i++) {
    const target = (i / TABLE_CELLS) * total;
    while (j < grid && (cumulative[j + 1] ?? 0) < target) j++;
    const lo = cumulative[j] ?? 0;
    const hi = cumulative[j + 1] ?? lo;
    table[i] = ((j + (hi > lo ? (target - lo) / (hi - lo) : 0)) / grid) * maxL;
  }
  table[TABLE_CELLS] = maxL;
  let sum = 0;
  for (let i = 0; i < TABLE_CELLS; i++) sum += ((table[i] ?? 0) + (table[i + 1] ?? 0)) / 2;
  return { spec: interval.spec, fixed: false, table, min: 0, max: maxL, mean: sum / TABLE_CELLS };
}

const prefixSums = new WeakMap<Distribution, Float64Array>();

/** Running sums of the cells' mean values: prefix[k] = Σ_{i<k} (q_i + q_{i+1})/2. */
function cellSums(distribution: Distribution): Float64Array {
  let prefix = prefixSums.get(distribution);
  if (prefix === undefined) {
    const t = distribution.table;
    prefix = new Float64Array(TABLE_CELLS + 1);
    for (let i = 0; i < TABLE_CELLS; i++) prefix[i + 1] = (prefix[i] ?? 0) + ((t[i] ?? 0) + (t[i + 1] ?? 0)) / 2;
    prefixSums.set(distribution, prefix);
  }
  return prefix;
}

/** P(X < y) (strictly below; for a fixed value, 1 only when it is below y). */
export function probabilityBelow(distribution: Distribution, y: number): number {
  if (distribution.fixed) return distribution.min < y ? 1 : 0;
  return cdfAt(distribution, y);
}

/**
 * The partial mean E[X · 1{X < y}] = ∫₀^F(y) q(u) du, exactly on the piecewise-linear
 * quantile function.
 */
export function partialMean(distribution: Distribution, y: number): number {
  if (distribution.fixed) return distribution.min < y ? distribution.min : 0;
  const p = cdfAt(distribution, y);
  if (p <= 0) return 0;
  const t = distribution.table;
  const x = p * TABLE_CELLS;
  const whole = Math.min(TABLE_CELLS, Math.floor(x));
  let sum = cellSums(distribution)[whole] ?? 0;
  if (whole < TABLE_CELLS) {
    const a = t[whole] ?? 0;
    const b = t[whole + 1] ?? a;
    const f = x - whole;
    sum += f * (a + (a + f * (b - a))) / 2;
  }
  return sum / TABLE_CELLS;
}
