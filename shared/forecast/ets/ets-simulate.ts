/**
 * Forecast quantiles by simulating future sample paths of an ETS model (Hyndman et al.
 * 2008 §6.1: for the non-linear classes "the simplest approach is to simulate"; this is
 * forecast::ets's `simulate = TRUE`). Each path draws ε ~ N(0, σ²) and runs the model's
 * own recursion forward: y = μ + ε for additive errors, y = μ(1 + ε) for multiplicative
 * ones, so a path's level, trend and season react to its own shocks.
 *
 * All paths advance in lockstep, one horizon step at a time, so the memory is
 * paths × (2 + m) states plus one column of draws — not paths × horizon — and each step
 * is O(1) per path whatever the season length (shared ring-buffer slot).
 */
import { SeededRandom } from '../../random/seeded-random.js';
import { effectivePeriod, type EtsParameters, type EtsSpec, type EtsStates } from './ets-spec.js';

const TOL = 1e-10;
const HUGE = 1e10;

export interface SimulationOptions {
  /** Number of sample paths; default 5000. */
  readonly paths?: number;
  /** PRNG seed; the same seed gives the same quantiles. */
  readonly seed: number;
}

/**
 * Quantiles of y_{n+h} for h = 1 … H, estimated from simulated paths with R's quantile
 * type 8 (Hyndman & Fan, Am. Stat. 50, 1996: median-unbiased; forecast uses it too).
 * @param sigma innovation standard deviation (relative for multiplicative errors)
 * @param probabilities quantile levels in (0, 1)
 * @returns one array per probability, each `horizon` long
 * @throws {RangeError} for fewer than 2 paths or a negative σ
 * @example simulateEtsQuantiles(spec, params, fit.finalStates, 0.04, 12, [0.1, 0.9], { seed: 1 })
 */
export function simulateEtsQuantiles(
  spec: EtsSpec,
  params: EtsParameters,
  states: EtsStates,
  sigma: number,
  horizon: number,
  probabilities: readonly number[],
  options: SimulationOptions,
): Float64Array[] {
  const paths = options.paths ?? 5000;
  if (!Number.isInteger(paths) || paths < 2) throw new RangeError(`at least 2 paths needed; got ${paths}`);
  if (!(sigma >= 0)) throw new RangeError(`sigma must be ≥ 0; got ${sigma}`);
  const m = effectivePeriod(spec);
  const hasTrend = spec.trend !== 'N';
  const seasonCode = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const multiplicativeError = spec.error === 'M';
  const { alpha, gamma } = params;
  const beta = hasTrend ? params.beta : 0;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const betaOverAlpha = beta / alpha;

  const level = new Float64Array(paths).fill(states.level);
  const trend = new Float64Array(paths).fill(hasTrend ? states.trend : 0);
  // Ring of m slots per path; slot k holds the seasonal state that applies k steps ahead (mod m).
  // Stored slot by slot (slot k of every path together), so that one horizon step reads and
  // writes one contiguous run of memory instead of one cache line per path.
  const ring = new Float64Array(seasonCode === 0 ? 0 : paths * m);
  if (seasonCode !== 0) {
    for (let p = 0; p < paths; p++) {
      for (let k = 0; k < m; k++) ring[k * paths + p] = states.seasonal[m - 1 - k] as number;
    }
  }
  const draws = new Float64Array(paths);
  const quantiles = new Float64Array(probabilities.length);
  const out = probabilities.map(() => new Float64Array(horizon));
  const random = new SeededRandom(options.seed);

  let slot = 0;
  for (let h = 0; h < horizon; h++) {
    const slotStart = slot * paths;
    for (let p = 0; p < paths; p++) {
      const oldLevel = level[p] as number;
      const phib = hasTrend ? phi * (trend[p] as number) : 0;
      const q = oldLevel + phib;
      let mu = q;
      let s = 0;
      if (seasonCode !== 0) {
        s = ring[slotStart + p] as number;
        mu = seasonCode === 1 ? q + s : q * s;
      }
      const e = sigma * random.normal();
      const y = multiplicativeError ? mu * (1 + e) : mu + e;
      draws[p] = y;
      // The same guards as the fitting recursion (forecast's etscalc): no division by ~0.
      const target = seasonCode === 0 ? y : seasonCode === 1 ? y - s : Math.abs(s) < TOL ? HUGE : y / s;
      const newLevel = q + alpha * (target - q);
      level[p] = newLevel;
      if (hasTrend) trend[p] = phib + betaOverAlpha * (newLevel - oldLevel - phib);
      if (seasonCode !== 0) {
        const r = seasonCode === 1 ? y - q : Math.abs(q) < TOL ? HUGE : y / q;
        ring[slotStart + p] = s + gamma * (r - s);
      }
    }
    if (seasonCode !== 0) slot = slot + 1 === m ? 0 : slot + 1;
    selectQuantilesType8(draws, probabilities, quantiles);
    for (let k = 0; k < probabilities.length; k++) (out[k] as Float64Array)[h] = quantiles[k] as number;
  }
  return out;
}

/**
 * R's quantile(type = 8) of sorted values: position (n + 1/3)p + 1/3, linear between
 * order statistics, clamped to the sample's range.
 * @example quantileType8(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileType8(sorted: Float64Array, probability: number): number {
  const n = sorted.length;
  const position = (n + 1 / 3) * probability + 1 / 3; // 1-based
  if (position <= 1) return sorted[0] as number;
  if (position >= n) return sorted[n - 1] as number;
  const j = Math.floor(position);
  const fraction = position - j;
  const lowerValue = sorted[j - 1] as number;
  return lowerValue + fraction * ((sorted[j] as number) - lowerValue);
}

/**
 * {@link quantileType8} at several probabilities of unsorted values, by selection instead
 * of a full sort: the order statistics the quantiles interpolate between are found by
 * quickselect (Hoare, "Algorithm 65: Find", CACM 4, 1961), each within the part of the
 * array that the previous selections left for it, so four quantiles of n values cost a
 * few n comparisons rather than n·log n. The values are reordered in place. Bit for bit
 * the same results as sorting first (order statistics are exact); the simulated intervals
 * need four quantiles of 5000 draws at every horizon step, where sorting dominated the
 * cost of a long forecast. Falls back to sorting when a value is NaN.
 * @param out receives one quantile per probability
 * @example selectQuantilesType8(Float64Array.of(4, 1, 3, 2), [0.5], out) // out[0] = 2.5
 */
export function selectQuantilesType8(values: Float64Array, probabilities: readonly number[], out: Float64Array): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i] as number)) {
      values.sort();
      probabilities.forEach((p, k) => (out[k] = quantileType8(values, p)));
      return;
    }
  }
  // 0-based ranks each quantile needs (the two around its position), all of them, ascending.
  const ranks = new Set<number>();
  for (const p of probabilities) {
    const position = (n + 1 / 3) * p + 1 / 3;
    if (position <= 1) ranks.add(0);
    else if (position >= n) ranks.add(n - 1);
    else ranks.add(Math.floor(position) - 1).add(Math.floor(position));
  }
  selectRanks(values, [...ranks].sort((a, b) => a - b), 0, n - 1);
  // values[r] is now the r-th smallest for every needed rank r.
  probabilities.forEach((p, k) => (out[k] = quantileType8(values, p)));
}

/**
 * {@link selectQuantilesType8} for one probability.
 * @example selectQuantileType8(Float64Array.of(4, 1, 3, 2), 0.5) // 2.5
 */
export function selectQuantileType8(values: Float64Array, probability: number): number {
  const out = new Float64Array(1);
  selectQuantilesType8(values, [probability], out);
  return out[0] as number;
}

/** Puts the r-th smallest value at index r for every rank (ascending, all within left…right), by nested quickselects. */
function selectRanks(values: Float64Array, ranks: readonly number[], left: number, right: number): void {
  if (ranks.length === 0) return;
  const middle = ranks.length >> 1;
  const rank = ranks[middle] as number;
  orderStatistic(values, rank, left, right);
  selectRanks(values, ranks.slice(0, middle), left, rank - 1);
  selectRanks(values, ranks.slice(middle + 1), rank + 1, right);
}

/** Reorders values[left…right] so that index k holds its (k − left)-th smallest, smaller ones before and larger ones after. */
function orderStatistic(values: Float64Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    // Median of three as the pivot, then Hoare's partition.
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

