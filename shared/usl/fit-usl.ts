import type { CurveFitProblem } from '../forecast/levenberg-marquardt.js';
import { solveSmallSystem } from '../forecast/small-linear-solve.js';
import { studentTQuantile } from '../forecast/student-t.js';
import { boundedLeastSquares } from './bounded-least-squares.js';
import { throughputUnchecked, type UslCoefficients } from './usl-model.js';
import { uslLimitedBy, uslPeak, type UslLimit, type UslPeak } from './usl-peak.js';
import { UslError } from './usl-error.js';

/**
 * Fits the Universal Scalability Law X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) to measured
 * (concurrency, throughput) points by nonlinear least squares on the raw throughput, all
 * three coefficients at once, within σ, κ ∈ [0, 1] and λ ≥ 0. This is what R's `usl`
 * package does (nls "port" / nlxb with those bounds, since version 2) and what usl4j does
 * since 0.3 (Levenberg–Marquardt on all three, unbounded). It needs no measurement at
 * N = 1: λ is estimated, not read off X(1) — the older normalise-by-X(1) method (R usl
 * 1.x, Gunther's book) fits a different objective and gives different coefficients
 * (σ = 0.01705 instead of 0.02773 on SPEC SDM91).
 *
 * Standard errors follow R's `usl` (after nls): cov = s²(JᵀJ)⁻¹ with J the Jacobian at
 * the optimum and s² = SSE/(n − 3); 95 % intervals are estimate ± t₀.₉₇₅(n − 3)·se. Unlike
 * R, intervals are clipped to the coefficient's bounds (σ, κ never below 0), and a
 * coefficient that ends on its bound is flagged: its interval is then only indicative,
 * because the delta method assumes an interior optimum.
 */

/** One load-test measurement: N workers produced throughput X. */
export interface UslPoint {
  /** N > 0: concurrent users, threads, cores or nodes. */
  readonly concurrency: number;
  /** X ≥ 0: completed work per unit time at N (e.g. queries per second). */
  readonly throughput: number;
}

/** A coefficient's standard error and 95 % confidence interval. */
export interface UslCoefficientInterval {
  readonly standardError: number;
  /** Lower end, clipped to the coefficient's lower bound (0). */
  readonly lower95: number;
  /** Upper end, clipped to the coefficient's upper bound (1 for σ and κ). */
  readonly upper95: number;
}

export interface UslIntervals {
  readonly sigma: UslCoefficientInterval;
  readonly kappa: UslCoefficientInterval;
  readonly lambda: UslCoefficientInterval;
  /** t₀.₉₇₅(n − 3), the multiplier used. */
  readonly tQuantile: number;
}

/** A fitted USL model with its diagnostics, peak and interpretation. */
export interface UslFit extends UslCoefficients, UslPeak {
  /** σ ended on a bound (0, or 1): the data cannot place it inside; never negative. */
  readonly sigmaAtBound: boolean;
  /** κ ended on a bound (0, or 1): at 0 the data show no coherency penalty and there is no peak. */
  readonly kappaAtBound: boolean;
  /** The points as given (in input order); fitted and residuals align with them. */
  readonly points: readonly UslPoint[];
  /** X(N_i) of the fitted model. */
  readonly fitted: readonly number[];
  /** X_i − X(N_i). */
  readonly residuals: readonly number[];
  /** Residual sum of squares. */
  readonly sse: number;
  /** n − 3 residual degrees of freedom. */
  readonly df: number;
  /** s = √(SSE/(n − 3)), in the throughput unit; undefined with 3 points (df = 0). */
  readonly residualStandardError: number | undefined;
  /** 1 − SSE/Σ(X_i − X̄)² (R's "Multiple R-squared"); 1 for an exact fit, 0 when all X_i are equal and the fit is not exact. */
  readonly r2: number;
  /** Standard errors and 95 % intervals; undefined with fewer than 4 points or a singular Jacobian (see warnings). */
  readonly intervals: UslIntervals | undefined;
  /** Contention vs coherency at the largest measured N (see {@link uslLimitedBy}). */
  readonly limitedBy: UslLimit;
  /** Plain-language caveats for the user (few points, coefficient on a bound, extrapolated peak). */
  readonly warnings: readonly string[];
}

/** The largest concurrency or throughput fitted: squares of larger residuals overflow double precision. */
const MAX_USL_VALUE = 1e100;

const SIGMA = 0;
const KAPPA = 1;
const LAMBDA = 2;

/**
 * Fits σ, κ and λ of the Universal Scalability Law to load-test points.
 * @param points at least 3 distinct concurrencies N > 0 with throughput X ≥ 0 (4 or more points for intervals); repeats of an N are fine
 * @throws {UslError} for fewer than 3 distinct N, a non-finite value, N ≤ 0, X < 0, a value beyond 1e100, or no positive X
 * @example fitUsl(specsdm91Points).sigma // 0.0277284… (the 7 points of refdata/usl_specsdm91.csv; R usl: 0.0277285)
 */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  assertPoints(points);
  const n = points.length;
  const concurrency = Float64Array.from(points, (p) => p.concurrency);
  const observed = Float64Array.from(points, (p) => p.throughput);
  const problem: CurveFitProblem = {
    size: 3,
    observations: observed,
    model: (theta, out) => {
      const coefficients = { sigma: theta[SIGMA] as number, kappa: theta[KAPPA] as number, lambda: theta[LAMBDA] as number };
      for (let i = 0; i < n; i++) out[i] = throughputUnchecked(coefficients, concurrency[i] as number);
    },
    jacobian: (theta, out) => {
      const sigma = theta[SIGMA] as number;
      const kappa = theta[KAPPA] as number;
      const lambda = theta[LAMBDA] as number;
      for (let i = 0; i < n; i++) {
        const x = concurrency[i] as number;
        const denominator = 1 + sigma * (x - 1) + kappa * x * (x - 1);
        const scaled = (lambda * x) / (denominator * denominator);
        out[i * 3 + SIGMA] = -scaled * (x - 1);
        out[i * 3 + KAPPA] = -scaled * x * (x - 1);
        out[i * 3 + LAMBDA] = x / denominator;
      }
    },
    lower: [0, 0, 0],
    upper: [1, 1, Infinity],
  };
  const best = boundedLeastSquares(problem, { starts: startingPoints(points), pinnable: [true, true, false] });
  const sigma = best.theta[SIGMA] as number;
  const kappa = best.theta[KAPPA] as number;
  const lambda = best.theta[LAMBDA] as number;
  if (!(lambda > 0)) throw new UslError('the fit drove λ (single-worker throughput) to 0; check that the throughput column holds the measured rates');
  const coefficients: UslCoefficients = { sigma, kappa, lambda };

  const fitted = points.map((p) => throughputUnchecked(coefficients, p.concurrency));
  const residuals = points.map((p, i) => p.throughput - (fitted[i] as number));
  const sse = residuals.reduce((sum, r) => sum + r * r, 0);
  const meanThroughput = points.reduce((sum, p) => sum + p.throughput, 0) / n;
  const sst = points.reduce((sum, p) => sum + (p.throughput - meanThroughput) ** 2, 0);
  const r2 = sse === 0 ? 1 : sst === 0 ? 0 : 1 - sse / sst;
  const df = n - 3;
  const residualStandardError = df > 0 ? Math.sqrt(sse / df) : undefined;

  const warnings: string[] = [];
  const intervals = df > 0 ? coefficientIntervals(best.jtj, sse / df, df, coefficients) : undefined;
  if (df === 0) warnings.push('3 points determine the 3 coefficients exactly: no residual error, so no standard errors or confidence intervals (measure at least 4 points)');
  else if (intervals === undefined) warnings.push('the coefficients are not separately identifiable from these points (singular Jacobian): no standard errors or confidence intervals');
  if (n < 6) warnings.push(`only ${n} points: R's usl and usl4j ask for at least 6; treat the coefficients as rough`);
  const [sigmaSide, kappaSide] = best.boundSide;
  if (sigmaSide === 'lower') warnings.push('σ = 0 (on its lower bound): the data show no contention penalty');
  if (sigmaSide === 'upper') warnings.push('σ = 1 (on its upper bound): throughput does not grow with concurrency at all');
  if (kappaSide === 'lower') warnings.push('κ = 0 (on its lower bound): the data show no coherency penalty, so the model has no peak — throughput only approaches λ/σ');
  if (kappaSide === 'upper') warnings.push('κ = 1 (on its upper bound): coherency cost dominates from the first workers; check the data');
  const peak = uslPeak(coefficients);
  const largestN = Math.max(...points.map((p) => p.concurrency));
  if (peak.peakN !== null && peak.peakN > 2 * largestN) warnings.push(`the peak at N ≈ ${Math.round(peak.peakN)} lies beyond twice the largest measured N = ${largestN}: it is an extrapolation`);

  return {
    sigma,
    kappa,
    lambda,
    sigmaAtBound: sigmaSide !== undefined,
    kappaAtBound: kappaSide !== undefined,
    ...peak,
    points,
    fitted,
    residuals,
    sse,
    df,
    residualStandardError,
    r2,
    intervals,
    // With every N ≤ 1 there is no concurrency to compare the terms at; the fit needs 3 distinct N > 0, so the largest is > 1 unless all are fractions.
    limitedBy: uslLimitedBy(coefficients, Math.max(largestN, 2)),
    warnings,
  };
}

function assertPoints(points: readonly UslPoint[]): void {
  points.forEach((p, i) => {
    if (!(p.concurrency > 0) || !Number.isFinite(p.concurrency)) throw new UslError(`point ${i + 1}: concurrency must be a finite number > 0, got ${p.concurrency}`);
    if (!(p.throughput >= 0) || !Number.isFinite(p.throughput)) throw new UslError(`point ${i + 1}: throughput must be a finite number ≥ 0, got ${p.throughput}`);
    // Beyond this the residual sums of squares overflow and the solver threw a bare RangeError (issue #9).
    if (p.concurrency > MAX_USL_VALUE || p.throughput > MAX_USL_VALUE) {
      throw new UslError(`point ${i + 1}: concurrency ${p.concurrency} and throughput ${p.throughput} must be at most ${MAX_USL_VALUE}; use a larger unit`);
    }
  });
  const distinct = new Set(points.map((p) => p.concurrency)).size;
  if (distinct < 3) throw new UslError(`the USL fit needs measurements at 3 or more distinct concurrencies (it has 3 coefficients), got ${distinct}; add load levels`);
  if (!points.some((p) => p.throughput > 0)) throw new UslError('every throughput is 0: nothing to fit');
}

/**
 * Starting points: R usl's (λ = max X/N, σ = 0.01, κ = 1e-4), usl4j's (σ = 0.1, κ = 0.01),
 * no penalty at all, and for each λ guess the linearised estimate — with λ fixed,
 * λN/X − 1 = σ(N − 1) + κN(N − 1) is linear in σ and κ.
 */
function startingPoints(points: readonly UslPoint[]): number[][] {
  const positive = points.filter((p) => p.throughput > 0);
  const perWorker = positive.map((p) => p.throughput / p.concurrency);
  const smallest = positive.reduce((a, b) => (b.concurrency < a.concurrency ? b : a));
  const lambdaGuesses = [Math.max(...perWorker), smallest.throughput / smallest.concurrency];
  const starts: number[][] = [];
  for (const lambda of lambdaGuesses) {
    starts.push([0.01, 1e-4, lambda], [0.1, 0.01, lambda], [0, 0, lambda]);
    const linearised = linearisedPenalties(positive, lambda);
    if (linearised !== undefined) starts.push([...linearised, lambda]);
  }
  return starts;
}

function linearisedPenalties(points: readonly UslPoint[], lambda: number): [number, number] | undefined {
  const normal = new Float64Array(4);
  const rhs = new Float64Array(2);
  for (const { concurrency: x, throughput } of points) {
    const a = x - 1;
    const b = x * (x - 1);
    const z = (lambda * x) / throughput - 1;
    normal[0] = (normal[0] as number) + a * a;
    normal[1] = (normal[1] as number) + a * b;
    normal[3] = (normal[3] as number) + b * b;
    rhs[0] = (rhs[0] as number) + a * z;
    rhs[1] = (rhs[1] as number) + b * z;
  }
  normal[2] = normal[1] as number;
  const solution = solveSmallSystem(normal, rhs, 2);
  if (solution === undefined) return undefined;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return [clip(solution[0] as number), clip(solution[1] as number)];
}

function coefficientIntervals(jtj: Float64Array, residualVariance: number, df: number, coefficients: UslCoefficients): UslIntervals | undefined {
  const columns: Float64Array[] = [];
  for (let j = 0; j < 3; j++) {
    const unit = new Float64Array(3);
    unit[j] = 1;
    const column = solveSmallSystem(jtj, unit, 3);
    if (column === undefined) return undefined;
    columns.push(column);
  }
  const tQuantile = studentTQuantile(0.975, df);
  const interval = (j: number, estimate: number, upperBound: number): UslCoefficientInterval | undefined => {
    const variance = residualVariance * ((columns[j] as Float64Array)[j] as number);
    if (!(variance >= 0) || !Number.isFinite(variance)) return undefined;
    const standardError = Math.sqrt(variance);
    return { standardError, lower95: Math.max(0, estimate - tQuantile * standardError), upper95: Math.min(upperBound, estimate + tQuantile * standardError) };
  };
  const sigma = interval(SIGMA, coefficients.sigma, 1);
  const kappa = interval(KAPPA, coefficients.kappa, 1);
  const lambda = interval(LAMBDA, coefficients.lambda, Infinity);
  if (sigma === undefined || kappa === undefined || lambda === undefined) return undefined;
  return { sigma, kappa, lambda, tQuantile };
}
