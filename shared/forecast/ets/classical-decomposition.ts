/**
 * Classical decomposition by moving averages, as R's `stats::decompose` does it
 * (Kendall & Stuart 1983; fpp3 §3.4): a centred moving average of order m (2×m for even
 * m) gives the trend, the detrended values averaged by season position give the seasonal
 * figure, normalised to sum 0 (additive) or to mean 1 (multiplicative).
 *
 * Both ETS (forecast::ets `initstate`) and R's `HoltWinters` start their seasonal states
 * from it, so it follows R's arithmetic order closely: starting values decide which local
 * optimum Nelder–Mead finds.
 */
import { ForecastError } from '../forecast-model.js';

export interface Decomposition {
  /** The centred moving average; NaN for the first and last ⌊m/2⌋ values. */
  readonly trend: Float64Array;
  /** Seasonal figure by position in the cycle, position 0 = the first observation's. */
  readonly figure: Float64Array;
  /** The figure repeated along the series. */
  readonly seasonal: Float64Array;
}

/**
 * Decomposes `y` with season length `period`.
 * @param type 'additive': y = T + S + R; 'multiplicative': y = T·S·R
 * @throws {ForecastError} when the period is below 2 or the series shorter than two periods
 * @example classicalDecomposition([1, 3, 1, 3, 1, 3], 2, 'additive').figure // Float64Array [-1, 1]
 */
export function classicalDecomposition(y: ArrayLike<number>, period: number, type: 'additive' | 'multiplicative'): Decomposition {
  const n = y.length;
  const m = period;
  if (!Number.isInteger(m) || m < 2) throw new ForecastError(`A decomposition needs a season of at least 2 steps; got ${m}.`);
  if (n < 2 * m) throw new ForecastError(`A decomposition needs at least two full seasons (${2 * m} values); got ${n}.`);

  // R's filter(x, c(0.5, rep(1, m − 1), 0.5)/m) for even m, rep(1, m)/m for odd m, sides = 2:
  // out[i] = Σ_j w[j]·x[i + shift − j], summed with j ascending as in R's cfilter.
  const weights = m % 2 === 0 ? [0.5 / m, ...new Array<number>(m - 1).fill(1 / m), 0.5 / m] : new Array<number>(m).fill(1 / m);
  const nf = weights.length;
  const shift = Math.floor(nf / 2);
  const trend = new Float64Array(n).fill(Number.NaN);
  for (let i = shift; i + shift < n && i + shift - (nf - 1) >= 0; i++) {
    let z = 0;
    for (let j = 0; j < nf; j++) z += (weights[j] as number) * (y[i + shift - j] as number);
    trend[i] = z;
  }

  const figure = new Float64Array(m);
  for (let position = 0; position < m; position++) {
    let sum = 0;
    let count = 0;
    for (let i = position; i < n; i += m) {
      const t = trend[i] as number;
      if (Number.isNaN(t)) continue;
      sum += type === 'additive' ? (y[i] as number) - t : (y[i] as number) / t;
      count++;
    }
    figure[position] = sum / count;
  }
  let mean = 0;
  for (let k = 0; k < m; k++) mean += figure[k] as number;
  mean /= m;
  for (let k = 0; k < m; k++) figure[k] = type === 'additive' ? (figure[k] as number) - mean : (figure[k] as number) / mean;

  const seasonal = new Float64Array(n);
  for (let i = 0; i < n; i++) seasonal[i] = figure[i % m] as number;
  return { trend, figure, seasonal };
}
