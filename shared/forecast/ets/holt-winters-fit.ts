/**
 * R's `stats::HoltWinters()` fit: α, β*, γ in [0, 1]³ minimising the sum of squared
 * one-step errors, from R's starting values (decomposition of the first two seasons).
 * R minimises with L-BFGS-B from (0.3, 0.1, 0.1); we use a box-projected Nelder–Mead
 * from the same start, restarted from its own result until it stops improving. Both
 * find the minimum of the same function on the same box, so the parameters agree to the
 * precision the SSE surface allows (see the tests for the numbers side by side).
 * No likelihood, no intervals: this is the classical method, kept for comparison with
 * R's output and for users who know it.
 */
import { ForecastError } from '../forecast-model.js';
import { assertFinite } from './ets-spec.js';
import { holtWintersAdditive, holtWintersMultiplicative, holtWintersSse, holtWintersStart, type HoltWintersParameters, type SmoothingResult } from './holt-winters.js';
import { nelderMead } from './nelder-mead.js';

export interface FitHoltWintersOptions {
  readonly period: number;
  /** Default 'additive'. */
  readonly seasonal?: 'additive' | 'multiplicative';
  /** Fit a trend (β*); default true. */
  readonly trend?: boolean;
}

export interface HoltWintersFit extends SmoothingResult {
  readonly alpha: number;
  /** β*, or false without a trend. */
  readonly beta: number | false;
  readonly gamma: number;
  readonly seasonalType: 'additive' | 'multiplicative';
  readonly period: number;
}

/**
 * Fits Holt–Winters' seasonal method as R's HoltWinters(x, seasonal = …) does.
 * @throws {ForecastError} for invalid data, a period below 2, fewer than two seasons plus
 *   one value, or zeros with the multiplicative method
 * @example fitHoltWinters(co2, { period: 12 }).alpha // ≈ 0.5126 (R: 0.51265)
 */
export function fitHoltWinters(y: readonly number[], options: FitHoltWintersOptions): HoltWintersFit {
  assertFinite(y);
  const m = options.period;
  const seasonalType = options.seasonal ?? 'additive';
  const multiplicative = seasonalType === 'multiplicative';
  const withTrend = options.trend ?? true;
  if (multiplicative && y.some((v) => v === 0)) throw new ForecastError('Multiplicative Holt–Winters needs data without zeros.');
  if (y.length <= 2 * m) throw new ForecastError(`Holt–Winters needs more than two full seasons (${2 * m} values); got ${y.length}.`);
  const start = holtWintersStart(y, m, multiplicative, 'stats');
  const data = Float64Array.from(y);
  const objective = withTrend
    ? (p: Float64Array): number => holtWintersSse(data, start, p[0] as number, p[1] as number, p[2] as number, m, multiplicative)
    : (p: Float64Array): number => holtWintersSse(data, start, p[0] as number, false, p[1] as number, m, multiplicative);
  let x = withTrend ? [0.3, 0.1, 0.1] : [0.3, 0.1];
  const lower = x.map(() => 0);
  const upper = x.map(() => 1);
  let value = Number.POSITIVE_INFINITY;
  // Restarting Nelder–Mead from its own optimum with a fresh simplex is the standard remedy
  // for a simplex that collapsed early (Nash 1990 §14); stop when a restart gains nothing.
  for (let restart = 0; restart < 20; restart++) {
    const result = nelderMead(objective, x, { lower, upper, initialStep: 0.1, relativeTolerance: 1e-12, maxEvaluations: 4000 });
    const gained = value - result.value;
    x = result.x;
    value = Math.min(value, result.value);
    if (!(gained > 1e-12 * Math.abs(result.value))) break;
  }
  const [alpha, second, third] = x as [number, number, number | undefined];
  const beta: number | false = withTrend ? second : false;
  const gamma = withTrend ? (third as number) : second;
  const params = { alpha, beta, gamma } satisfies HoltWintersParameters;
  const trace = multiplicative ? holtWintersMultiplicative(y, params, { period: m, start }) : holtWintersAdditive(y, params, { period: m, start });
  return { ...trace, alpha, beta, gamma, seasonalType, period: m };
}
