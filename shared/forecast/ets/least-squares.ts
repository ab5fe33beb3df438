/**
 * Ordinary least squares by Householder QR (Golub & Van Loan, *Matrix Computations*,
 * 4th ed., §5.3), the method R's `lm`/`lsfit` use. Only small designs occur here (a
 * trend line, or a trend plus one Fourier pair for ETS starting values), so clarity wins
 * over speed.
 */
import { ForecastError } from '../forecast-model.js';

/**
 * Coefficients β minimising ‖y − Xβ‖² for a design given by columns.
 * @param columns the design's columns, each as long as `y`
 * @throws {ForecastError} when the design is rank-deficient or has more columns than rows
 * @example leastSquares([[1, 1, 1], [1, 2, 3]], [2, 4, 6]) // [0, 2] (intercept, slope)
 */
export function leastSquares(columns: readonly (ArrayLike<number>)[], y: ArrayLike<number>): number[] {
  const n = y.length;
  const p = columns.length;
  if (p === 0 || p > n) throw new ForecastError(`Least squares needs 1…${n} columns; got ${p}.`);
  // Column-major copy: a[j][i].
  const a = columns.map((column) => Float64Array.from({ length: n }, (_, i) => column[i] as number));
  const b = Float64Array.from({ length: n }, (_, i) => y[i] as number);
  const diagonal = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const ak = a[k] as Float64Array;
    let norm = 0;
    for (let i = k; i < n; i++) norm = Math.hypot(norm, ak[i] as number);
    if (norm === 0) throw new ForecastError('The regression design is rank-deficient.');
    const alpha = (ak[k] as number) > 0 ? -norm : norm;
    // v = x − αe₁ stored in place; H = I − 2vvᵀ/(vᵀv).
    ak[k] = (ak[k] as number) - alpha;
    let vtv = 0;
    for (let i = k; i < n; i++) vtv += (ak[i] as number) ** 2;
    const applyTo = (target: Float64Array): void => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (ak[i] as number) * (target[i] as number);
      const factor = (2 * dot) / vtv;
      for (let i = k; i < n; i++) target[i] = (target[i] as number) - factor * (ak[i] as number);
    };
    for (let j = k + 1; j < p; j++) applyTo(a[j] as Float64Array);
    applyTo(b);
    diagonal[k] = alpha;
  }
  // Back substitution on R (upper triangle: diagonal[k], a[j][k] for j > k).
  const beta = new Array<number>(p).fill(0);
  const scale = Math.max(...Array.from(diagonal, Math.abs));
  for (let k = p - 1; k >= 0; k--) {
    let sum = b[k] as number;
    for (let j = k + 1; j < p; j++) sum -= ((a[j] as Float64Array)[k] as number) * (beta[j] as number);
    const d = diagonal[k] as number;
    if (Math.abs(d) <= 1e-12 * scale) throw new ForecastError('The regression design is rank-deficient.');
    beta[k] = sum / d;
  }
  return beta;
}
