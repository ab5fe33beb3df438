import { ForecastError, type FittedModel, type ForecastModel, type ForecastPaths, normalPaths } from './forecast-model.js';
import { assertHorizon, assertSeries, runningMax } from './forecast-paths.js';
import { levenbergMarquardt, type CurveFitProblem, type CurveFitResult } from './levenberg-marquardt.js';
import { solveSmallSystem } from './small-linear-solve.js';
import { formatNumber } from './format-number.js';

/**
 * Logistic growth towards a cap, y(t) = K / (1 + e^{−r(t − t₀)}) (Verhulst; the saturating
 * trend of Prophet's growth = 'logistic', Taylor & Letham 2018): adoption that levels off,
 * a table that stops growing once a backfill completes. Fitted by bounded nonlinear least
 * squares (Levenberg–Marquardt) on rescaled time and values; K is given, or estimated
 * subject to K ≥ 1.05·max(y) (a cap at the data's maximum would claim the plateau is
 * already reached). Intervals are normal with the delta-method variance
 * σ̂²(1 + gᵀ(JᵀJ)⁻¹g) (Seber & Wild, Nonlinear Regression, §5.1), σ̂² = SSE/(n − p), made
 * non-decreasing over the horizon.
 */

/** Options of {@link createLogisticGrowthModel}. */
export interface LogisticGrowthOptions {
  /** A known cap (e.g. 100 for a percentage, the disk size); estimated when absent. */
  readonly cap?: number;
}

/** Estimated caps are at least this multiple of the largest observation. */
const CAP_MARGIN = 1.05;
/** …and at most this multiple; beyond it the curve is exponential growth in disguise. */
const CAP_CEILING = 1000;

/**
 * Fits a logistic growth curve.
 * @param y evenly spaced finite values with a positive maximum, oldest first, at least 5
 * @param options a fixed cap, or none to estimate it
 * @throws {ForecastError} for fewer than 5 points, non-finite values, no positive value, or a cap not above the data
 * @example fitLogisticGrowth(y, { cap: 100 }).forecast(30)
 */
export function fitLogisticGrowth(y: readonly number[], options: LogisticGrowthOptions = {}): FittedModel {
  assertSeries(y, 5, 'Logistic growth');
  const n = y.length;
  // The curve runs from 0 to the cap; values at or below 0 are allowed (noise around a
  // small start) but only count as residuals.
  let max = 0;
  for (const v of y) max = Math.max(max, v);
  if (!(max > 0)) throw new ForecastError('Logistic growth needs some positive values (the curve rises from 0 towards the cap)');
  const cap = options.cap;
  if (cap !== undefined && !(Number.isFinite(cap) && cap > max)) throw new ForecastError(`the logistic cap ${cap} must be above every observation (max ${max})`);
  if (cap !== undefined && cap > CAP_CEILING * max) {
    throw new ForecastError(`the logistic cap ${cap} is over ${CAP_CEILING} times the largest observation (${max}): the series has not started towards it, so no curve can be fitted`);
  }
  // Rescale: τ = t/(n − 1) in [0, 1], Y = y / max, so every parameter is of order one.
  const span = n - 1;
  const observations = Float64Array.from(y, (v) => v / max);
  const tau = Float64Array.from({ length: n }, (_, i) => i / span);
  const fixedK = cap === undefined ? undefined : cap / max;
  const size = fixedK === undefined ? 3 : 2;
  // θ = [r, c] or [r, c, K]; f = K·σ(r(τ − c)) with the logistic σ, written so it never overflows.
  const kOf = (theta: Float64Array): number => fixedK ?? (theta[2] as number);
  const problem: CurveFitProblem = {
    size,
    observations,
    model: (theta, out) => {
      const r = theta[0] as number;
      const c = theta[1] as number;
      const k = kOf(theta);
      for (let i = 0; i < n; i++) out[i] = k * logistic(r * ((tau[i] as number) - c));
    },
    jacobian: (theta, out) => writeGradients(theta, tau, kOf(theta), fixedK === undefined, out),
    lower: fixedK === undefined ? [1e-6, -10, CAP_MARGIN] : [1e-6, -10],
    upper: fixedK === undefined ? [1000, 10, CAP_CEILING] : [1000, 10],
  };
  let best: CurveFitResult | undefined;
  for (const k0 of fixedK === undefined ? [CAP_MARGIN, 1.5, 3, 10] : [fixedK]) {
    const start = startValues(observations, tau, k0);
    const result = levenbergMarquardt(problem, fixedK === undefined ? [...start, k0] : start);
    if (best === undefined || result.sse < best.sse) best = result;
  }
  if (best === undefined || !Number.isFinite(best.sse) || !best.theta.every(Number.isFinite)) throw new ForecastError('the logistic curve could not be fitted to this series');
  const theta = best.theta;
  const r = theta[0] as number;
  const c = theta[1] as number;
  const k = kOf(theta);
  const sigma = Math.sqrt(best.sse / Math.max(1, n - size));
  const jtj = Float64Array.from(best.jtj);
  // A tiny ridge keeps the covariance defined when a parameter sits on its bound.
  let trace = 0;
  for (let a = 0; a < size; a++) trace += jtj[a * size + a] as number;
  for (let a = 0; a < size; a++) jtj[a * size + a] = (jtj[a * size + a] as number) + 1e-12 * Math.max(trace, 1e-300);
  const fitted = Array.from(tau, (t) => max * k * logistic(r * (t - c)));
  const gradient = new Float64Array(size);
  const point = new Float64Array(1);
  const forecast = (h: number): ForecastPaths => {
    assertHorizon(h);
    const mean = new Array<number>(h);
    const sd = new Array<number>(h);
    for (let step = 1; step <= h; step++) {
      const t = (span + step) / span;
      mean[step - 1] = max * k * logistic(r * (t - c));
      point[0] = t;
      writeGradients(theta, point, k, fixedK === undefined, gradient);
      const solved = solveSmallSystem(jtj, gradient, size);
      let leverage = 0;
      if (solved !== undefined) for (let a = 0; a < size; a++) leverage += (gradient[a] as number) * (solved[a] as number);
      sd[step - 1] = max * sigma * Math.sqrt(1 + Math.max(0, leverage));
    }
    // Denormal or extreme data can still overflow the delta method; say so rather than return NaN.
    if (!mean.every(Number.isFinite) || !sd.every(Number.isFinite)) throw new ForecastError('the logistic forecast is numerically unstable for this series');
    return normalPaths(mean, runningMax(sd));
  };
  const capText = fixedK === undefined ? 'estimated cap' : 'given cap';
  return {
    description: `Logistic growth to ${formatNumber(max * k)} (${capText}), rate ${formatNumber(r / span)} per step, midpoint at step ${formatNumber(c * span)}`,
    parameters: { cap: max * k, ratePerStep: r / span, midpointStep: c * span, sigma: sigma * max },
    fitted,
    forecast,
  };
}

/** σ(z) = 1/(1 + e^{−z}), evaluated without overflow on either side. */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ∂f/∂(r, c[, K]) at each τ for f = K·σ(r(τ − c)). */
function writeGradients(theta: Float64Array, tau: Float64Array, k: number, withK: boolean, out: Float64Array): void {
  const r = theta[0] as number;
  const c = theta[1] as number;
  const p = withK ? 3 : 2;
  for (let i = 0; i < tau.length; i++) {
    const d = (tau[i] as number) - c;
    const s = logistic(r * d);
    const slope = k * s * (1 - s);
    out[i * p] = slope * d;
    out[i * p + 1] = -slope * r;
    if (withK) out[i * p + 2] = s;
  }
}

/**
 * Start values for a given cap K: the logit log(Y/(K − Y)) is linear in τ for an exact
 * logistic, so OLS on it gives r (slope) and c (where the logit is zero).
 */
function startValues(observations: Float64Array, tau: Float64Array, k: number): [number, number] {
  let count = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < observations.length; i++) {
    const v = observations[i] as number;
    if (!(v > 0 && v < k)) continue;
    const z = Math.log(v / (k - v));
    const t = tau[i] as number;
    count++;
    sx += t;
    sy += z;
    sxx += t * t;
    sxy += t * z;
  }
  const denominator = count * sxx - sx * sx;
  if (count < 2 || denominator <= 0) return [1, 0.5];
  const slope = (count * sxy - sx * sy) / denominator;
  const intercept = (sy - slope * sx) / count;
  if (!(slope > 1e-6)) return [1, 0.5];
  return [Math.min(1000, slope), Math.min(10, Math.max(-10, -intercept / slope))];
}

/**
 * Logistic growth as a {@link ForecastModel}; seasonal periods are ignored.
 * @param options a known cap, or none to estimate it
 * @example createLogisticGrowthModel({ cap: 100 }) // utilisation saturating at 100 %
 */
export function createLogisticGrowthModel(options: LogisticGrowthOptions = {}): ForecastModel {
  return {
    id: options.cap === undefined ? 'logistic-growth' : `logistic-growth-cap-${options.cap}`,
    label: options.cap === undefined ? 'Logistic growth' : `Logistic growth (cap ${options.cap})`,
    fit: (y) => fitLogisticGrowth(y, options),
  };
}

/** Logistic growth with an estimated cap. */
export const logisticGrowthModel: ForecastModel = createLogisticGrowthModel();
