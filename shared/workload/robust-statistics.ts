/**
 * Order statistics shared by the workload analyses: percentiles by one stated
 * definition, the median and the median absolute deviation. Kept here so that every
 * screen that shows a "P95" means the same number.
 */

/**
 * The p-quantile of sorted values by Hyndman & Fan's definition 7 (the default of R's
 * `quantile`, NumPy's `percentile` and Excel's PERCENTILE.INC, and what simple-statistics'
 * `quantileSorted` computes): with h = (n − 1)·p, linear interpolation between the
 * ⌊h⌋-th and ⌈h⌉-th order statistics (0-based). Reference: R. J. Hyndman, Y. Fan,
 * "Sample quantiles in statistical packages", The American Statistician 50(4), 1996.
 * @param sorted values sorted ascending, at least one
 * @param p probability in [0, 1]
 * @throws {RangeError} for an empty input or p outside [0, 1] (a programming error here,
 *   not a data problem: callers check their data first)
 * @example quantileSorted([1, 2, 3, 4], 0.95) // 3.85
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('a quantile of no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability outside [0, 1]: ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  // `a + f·(b − a)` is exact at f = 0 and equals b at f = 1 up to rounding; clamping keeps
  // P50 ≤ P95 ≤ P99 ≤ max even when rounding would push a value past its neighbour.
  return Math.min(b, Math.max(a, a + (h - lo) * (b - a)));
}

/**
 * A sorted copy of values, as a Float64Array (whose sort is numeric, and fast).
 * @example sortedCopy([3, 1, 2]) // Float64Array [1, 2, 3]
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The median (type 7 at p = ½: the mean of the two middle values for an even count), by
 * quickselect on a copy — O(n) expected, not O(n log n): the analyses take thousands of
 * medians of small groups and some of 10⁵ values.
 * @throws {RangeError} for an empty input
 * @example median([5, 1, 3, 100]) // 4
 */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('a median of no values');
  return medianInPlace(Float64Array.from(values), values.length);
}

/**
 * The type-7 median of the first `size` values of a buffer, reordering them.
 * @example medianInPlace(Float64Array.of(3, 1, 2, 9), 3) // 2
 */
export function medianInPlace(buffer: Float64Array, size: number): number {
  const upper = size >> 1;
  select(buffer, upper, size);
  const b = buffer[upper] as number;
  if (size % 2 === 1) return b;
  // The lower middle value is the largest of the part left of the upper one.
  let a = -Infinity;
  for (let i = 0; i < upper; i++) if ((buffer[i] as number) > a) a = buffer[i] as number;
  return Math.min(b, Math.max(a, a + 0.5 * (b - a)));
}

/** Quickselect (Hoare's FIND with a median-of-three pivot): puts the k-th smallest of buffer[0, size) at k. */
function select(buffer: Float64Array, k: number, size: number): void {
  let lo = 0;
  let hi = size - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, so sorted or constant runs do not go quadratic.
    const x = buffer[lo] as number;
    const y = buffer[mid] as number;
    const z = buffer[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((buffer[i] as number) < pivot) i++;
      while ((buffer[j] as number) > pivot) j--;
      if (i <= j) {
        const t = buffer[i] as number;
        buffer[i] = buffer[j] as number;
        buffer[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Consistency constant: 1.4826·MAD estimates σ for normal data (1 / Φ⁻¹(¾)). */
export const MAD_TO_SIGMA = 1.482602218505602;
/** 1.2533·(mean absolute deviation) estimates σ for normal data (√(π/2)). */
export const MEAN_AD_TO_SIGMA = 1.2533141373155001;

/**
 * A robust scale: 1.4826 × the median absolute deviation from `center`, which estimates
 * the standard deviation for normal data and ignores up to half the values being wild.
 * When more than half the values equal the center the MAD is 0; then, following
 * Iglewicz & Hoaglin (1993) as IBM SPSS does, 1.2533 × the mean absolute deviation is
 * used instead, and 0 only when every value equals the center.
 * @param values the sample
 * @param center usually its median
 * @throws {RangeError} for an empty input
 * @example robustScale([1, 2, 3, 4, 100], 3) // 1.4826
 */
export function robustScale(values: ArrayLike<number>, center: number): number {
  const n = values.length;
  if (n === 0) throw new RangeError('a scale of no values');
  const deviations = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((values[i] as number) - center);
    deviations[i] = d;
    sum += d;
  }
  const mad = medianInPlace(deviations, n);
  if (mad > 0) return MAD_TO_SIGMA * mad;
  return MEAN_AD_TO_SIGMA * (sum / n);
}

/**
 * Arithmetic mean.
 * @throws {RangeError} for an empty input
 * @example mean([1, 2, 6]) // 3
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('a mean of no values');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

/**
 * Centred rolling median: out[i] = median of x[i − half … i + half] (clipped at the ends,
 * so the first and last windows are shorter), optionally leaving x[i] itself out. Leave
 * it out when the median serves as the expected value of x[i]: on a monotone stretch
 * (a growing size) the median of a centred window is x[i] itself, and every residual
 * would be 0. A sorted window is kept and updated by binary search and one memmove per
 * step: O(n·w) with a small constant, instead of sorting every window, so a 6-hour
 * window on a year of 5-minute data stays fast.
 * @param x finite values
 * @param half half-width in points (≥ 0)
 * @param excludeCentre leave x[i] out of its own window (a window of x[i] alone gives x[i])
 * @throws {RangeError} when half is not a non-negative integer
 * @example rollingMedian([1, 9, 2, 8, 3], 1) // [5, 2, 8, 3, 5.5]
 * @example rollingMedian([1, 2, 3, 4, 5], 1, true) // [2, 2, 3, 4, 4]
 */
export function rollingMedian(x: ArrayLike<number>, half: number, excludeCentre = false): Float64Array {
  if (!(Number.isInteger(half) && half >= 0)) throw new RangeError(`half-width must be a non-negative integer, got ${half}`);
  const n = x.length;
  const out = new Float64Array(n);
  const window = new Float64Array(Math.min(n, 2 * half + 1));
  let size = 0;
  const lowerBound = (v: number): number => {
    let a = 0;
    let b = size;
    while (a < b) {
      const m = (a + b) >>> 1;
      if ((window[m] as number) < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n, i + half + 1);
    const wantLo = Math.max(0, i - half);
    // Remove before inserting, so the window never holds more than 2·half + 1 values.
    for (; lo < wantLo; lo++) {
      const at = lowerBound(x[lo] as number);
      window.copyWithin(at, at + 1, size);
      size--;
    }
    for (; hi < wantHi; hi++) {
      const v = x[hi] as number;
      const at = lowerBound(v);
      window.copyWithin(at + 1, at, size);
      window[at] = v;
      size++;
    }
    const centre = x[i] as number;
    if (excludeCentre && size > 1) {
      const at = lowerBound(centre);
      window.copyWithin(at, at + 1, size);
      size--;
      out[i] = middle(window, size);
      window.copyWithin(at + 1, at, size);
      window[at] = centre;
      size++;
    } else {
      out[i] = middle(window, size);
    }
  }
  return out;
}

/** Type-7 median of the first `size` values of a sorted array (size ≥ 1). */
function middle(sorted: Float64Array, size: number): number {
  return size % 2 === 1 ? (sorted[(size - 1) / 2] as number) : ((sorted[size / 2 - 1] as number) + (sorted[size / 2] as number)) / 2;
}
