/**
 * The centred moving average of classical decomposition, used to take out the level
 * (trend) of a series before its cycles are measured or its gaps imputed. A moving
 * average over exactly one period annihilates any component with that period, so
 * `y − MA_P(y)` keeps the cycle and loses the trend. Reference: Hyndman &
 * Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §3.3 (2021).
 */

/**
 * How many points at each end have no full window: ⌊order / 2⌋.
 * @example movingAverageHalfWidth(24) // 12
 */
export function movingAverageHalfWidth(order: number): number {
  return Math.floor(order / 2);
}

/**
 * Centred moving average of the given order: for odd orders the plain mean of `order`
 * points around each point; for even orders the "2×order-MA" (weights ½, 1, …, 1, ½
 * over order + 1 points, divided by order), which is centred and still spans exactly
 * one period. Points within {@link movingAverageHalfWidth} of either end have no full
 * window and repeat the nearest full-window value — callers that need only exact values
 * use the interior. O(n) by running sums.
 * @param x evenly spaced finite values
 * @param order window length in points, ≥ 1
 * @returns a new array as long as x; all equal to the mean of x when x is shorter than
 *   one window
 * @throws {RangeError} when order is not a positive integer
 * @example centredMovingAverage([1, 2, 3, 4, 5], 3) // [2, 2, 3, 4, 4]
 */
export function centredMovingAverage(x: ArrayLike<number>, order: number): Float64Array {
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`moving-average order must be a positive integer, got ${order}`);
  const n = x.length;
  const out = new Float64Array(n);
  const h = movingAverageHalfWidth(order);
  if (n === 0) return out;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (x[i] as number);
  if (n < 2 * h + 1) return out.fill((prefix[n] as number) / n);
  const even = order % 2 === 0;
  for (let i = h; i < n - h; i++) {
    if (even) {
      // Sum over i−h … i+h with the two end points at half weight.
      const full = (prefix[i + h + 1] as number) - (prefix[i - h] as number);
      out[i] = (full - 0.5 * ((x[i - h] as number) + (x[i + h] as number))) / order;
    } else {
      out[i] = ((prefix[i + h + 1] as number) - (prefix[i - h] as number)) / order;
    }
  }
  out.fill(out[h] as number, 0, h);
  out.fill(out[n - h - 1] as number, n - h);
  return out;
}
