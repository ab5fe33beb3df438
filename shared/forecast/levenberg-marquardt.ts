import { solveSmallSystem } from './small-linear-solve.js';

/**
 * Bounded nonlinear least squares by Levenberg–Marquardt (Levenberg 1944; Marquardt,
 * "An algorithm for least-squares estimation of nonlinear parameters", SIAM J. Appl. Math.
 * 11, 1963): damped Gauss–Newton steps (JᵀJ + λ·diag(JᵀJ))δ = Jᵀr, λ lowered after a
 * successful step and raised after a failed one; box bounds enforced by projecting each
 * trial point onto the box. Meant for a handful of parameters.
 */

/** A least-squares curve fit: minimise Σ (y_i − f(x_i; θ))². */
export interface CurveFitProblem {
  /** Number of parameters p. */
  readonly size: number;
  /** Observations y_i. */
  readonly observations: Float64Array;
  /** Writes the model values f_i(θ) into `out`. */
  model(theta: Float64Array, out: Float64Array): void;
  /** Writes ∂f_i/∂θ_j into `out` (row-major, observations × p). */
  jacobian(theta: Float64Array, out: Float64Array): void;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** The fit found by {@link levenbergMarquardt}. */
export interface CurveFitResult {
  readonly theta: Float64Array;
  /** Residual sum of squares at θ. */
  readonly sse: number;
  /** JᵀJ at θ (p×p, row-major), for delta-method standard errors. */
  readonly jtj: Float64Array;
  readonly iterations: number;
}

/**
 * Minimises the residual sum of squares of a curve fit within box bounds.
 * @param problem the model, its Jacobian, data and bounds
 * @param start a starting θ (projected onto the box)
 * @param maxIterations iteration limit (each computes one Jacobian)
 * @example levenbergMarquardt(problem, [1, 1, 0.5]).theta
 */
export function levenbergMarquardt(problem: CurveFitProblem, start: readonly number[], maxIterations = 200): CurveFitResult {
  const p = problem.size;
  const y = problem.observations;
  const n = y.length;
  const project = (theta: Float64Array): void => {
    for (let j = 0; j < p; j++) theta[j] = Math.min(problem.upper[j] ?? Infinity, Math.max(problem.lower[j] ?? -Infinity, theta[j] as number));
  };
  const fitted = new Float64Array(n);
  const sseAt = (theta: Float64Array): number => {
    problem.model(theta, fitted);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const r = (y[i] as number) - (fitted[i] as number);
      sse += r * r;
    }
    return Number.isFinite(sse) ? sse : Infinity;
  };
  const theta = Float64Array.from(start);
  project(theta);
  let sse = sseAt(theta);
  const jac = new Float64Array(n * p);
  const jtj = new Float64Array(p * p);
  const gradient = new Float64Array(p);
  const trial = new Float64Array(p);
  let lambda = 1e-3;
  let iteration = 0;
  const normalEquations = (): void => {
    problem.model(theta, fitted);
    problem.jacobian(theta, jac);
    jtj.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const r = (y[i] as number) - (fitted[i] as number);
      for (let a = 0; a < p; a++) {
        const ja = jac[i * p + a] as number;
        gradient[a] = (gradient[a] as number) + ja * r;
        for (let b = a; b < p; b++) jtj[a * p + b] = (jtj[a * p + b] as number) + ja * (jac[i * p + b] as number);
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) jtj[a * p + b] = jtj[b * p + a] as number;
  };
  normalEquations();
  for (; iteration < maxIterations; iteration++) {
    let improved = false;
    while (lambda < 1e12) {
      const damped = Float64Array.from(jtj);
      for (let a = 0; a < p; a++) damped[a * p + a] = (jtj[a * p + a] as number) + lambda * Math.max(jtj[a * p + a] as number, 1e-12);
      const step = solveSmallSystem(damped, gradient, p);
      if (step === undefined) {
        lambda *= 10;
        continue;
      }
      for (let j = 0; j < p; j++) trial[j] = (theta[j] as number) + (step[j] as number);
      project(trial);
      const trialSse = sseAt(trial);
      if (trialSse < sse) {
        const relative = (sse - trialSse) / Math.max(sse, 1e-300);
        theta.set(trial);
        sse = trialSse;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = relative > 1e-12;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
    normalEquations();
  }
  normalEquations();
  return { theta, sse, jtj, iterations: iteration };
}
