/**
 * Maximum-likelihood fit of one ETS model, following forecast::ets's `etsmodel`
 * (Hyndman et al. 2008 ch. 5): starting smoothing parameters near the lower bounds
 * (`initparam`), starting states from a decomposition (`initstate`), then Nelder–Mead over
 * smoothing parameters and initial states jointly, with the usual bounds and the
 * admissible region as walls.
 *
 * Deliberate difference: forecast::ets refuses seasons longer than 24. We fit them, with
 * the seasonal starting states held at their decomposition values (optimising 287 states
 * of a 5-minute daily cycle by Nelder–Mead is neither feasible nor useful); the smoothing
 * parameters, ℓ₀ and b₀ are still estimated by maximum likelihood.
 */
import { ForecastError } from '../forecast-model.js';
import { MAX_PERIOD_FOR_ROOT_TEST } from './ets-admissibility.js';
import { etsInitialStates } from './ets-initial-states.js';
import { decodeSmoothing, etsObjective, informationCriteria, optimisedCount, type SeasonalStateMode } from './ets-likelihood.js';
import { etsRecursion } from './ets-recursion.js';
import {
  assertSpecFits,
  effectivePeriod,
  etsLabel,
  freeStateCount,
  smoothingParameterCount,
  USUAL_BOUNDS,
  type EtsParameters,
  type EtsSpec,
  type EtsStates,
} from './ets-spec.js';
import { nelderMead } from './nelder-mead.js';

/** A fitted ETS model. */
export interface EtsFit {
  readonly spec: EtsSpec;
  readonly parameters: EtsParameters;
  /** States at time 0 (seasonal newest first), as forecast::ets prints "Initial states". */
  readonly initialStates: EtsStates;
  /** States after the last observation, to forecast from. */
  readonly finalStates: EtsStates;
  /** One-step fitted values ŷ_t. */
  readonly fitted: readonly number[];
  /** ε_t: y − ŷ, or (y − ŷ)/ŷ for multiplicative errors (forecast's `residuals()`). */
  readonly residuals: readonly number[];
  /** forecast's `loglik` = −lik/2 (the Gaussian log-likelihood without its constant). */
  readonly logLikelihood: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Σε² / (n − k), k = estimated parameters and states (forecast's `sigma2`); relative for multiplicative errors. */
  readonly sigma2: number;
  /** Parameters counted by the information criteria (smoothing, initial states, σ). */
  readonly parameterCount: number;
  readonly n: number;
  /** Likelihood evaluations the optimiser used, and why it stopped. */
  readonly evaluations: number;
  readonly optimiser: 'converged' | 'max-evaluations' | 'shrink-failed';
}

export interface FitEtsOptions {
  /** Nelder–Mead evaluation budget (forecast's `maxit`); default 2000. */
  readonly maxEvaluations?: number;
  /**
   * Whether the m − 1 free seasonal starting states are optimised with the other
   * parameters (forecast::ets) or held at their decomposition values. Default 'auto':
   * optimised for m ≤ 24 on series of at most {@link LONG_SERIES} values, held otherwise.
   */
  readonly seasonalStates?: 'auto' | 'optimised' | 'fixed';
}

/**
 * Series longer than this get their seasonal starting states from the decomposition
 * instead of the optimiser (see {@link FitEtsOptions.seasonalStates}). By then the
 * decomposition averages over dozens of cycles, and a simplex over 25+ coordinates would
 * spend forecast's whole 2000-evaluation budget passing over thousands of values each
 * time (hourly data with m = 24: seconds per model instead of a tenth of one).
 */
export const LONG_SERIES = 2000;

/**
 * Fits one ETS model by maximum likelihood.
 * @param y evenly spaced, finite values, oldest first
 * @param spec the model, e.g. `{ error: 'M', trend: 'Ad', season: 'M', period: 12 }`
 * @throws {ForecastError} for invalid data or spec (see {@link assertSpecFits}), a seasonal
 *   model on fewer than two full seasons, or fewer values than the model has parameters + 2
 * @example fitEts(airPassengers, { error: 'M', trend: 'Ad', season: 'M', period: 12 }).parameters.alpha // ≈ 0.71
 */
export function fitEts(y: readonly number[], spec: EtsSpec, options: FitEtsOptions = {}): EtsFit {
  assertSpecFits(y, spec);
  const n = y.length;
  const m = effectivePeriod(spec);
  if (spec.season !== 'N' && n < 2 * m) {
    throw new ForecastError(`${etsLabel(spec)} needs at least two full seasons (${2 * m} values); got ${n}.`);
  }
  // Estimated quantities: smoothing parameters and every free initial state (fixed seasonal
  // starting values were estimated from the data too, so they count).
  const estimated = smoothingParameterCount(spec) + freeStateCount(spec);
  const tooShort = (): ForecastError => new ForecastError(`${etsLabel(spec)} has ${estimated + 1} parameters; it needs at least ${estimated + 3} values, got ${n}.`);
  // Checked before the initial states too: on one or two values their regression failed
  // with an internal "Least squares needs 1…1 columns" (issue #9).
  if (estimated + 1 >= n - 1) throw tooShort();
  const start = etsInitialStates(y, spec);
  const seasonalStates = options.seasonalStates ?? 'auto';
  const holdSeason = seasonalStates === 'fixed' || (seasonalStates === 'auto' && (m > MAX_PERIOD_FOR_ROOT_TEST || n > LONG_SERIES));
  const seasonalMode: SeasonalStateMode = spec.season !== 'N' && holdSeason ? { kind: 'fixed', seasonal: start.seasonal } : { kind: 'optimised' };
  const optimised = optimisedCount(spec, seasonalMode);
  if (optimised >= n - 1) throw tooShort();

  const x0 = [...initialSmoothing(spec, m), start.level];
  if (spec.trend !== 'N') x0.push(start.trend);
  if (seasonalMode.kind === 'optimised') x0.push(...start.seasonal.slice(0, m - 1));

  const objective = etsObjective(y, spec, seasonalMode);
  let result: ReturnType<typeof nelderMead>;
  try {
    result = nelderMead(objective, x0, { maxEvaluations: options.maxEvaluations ?? 2000 });
  } catch {
    throw new ForecastError(`${etsLabel(spec)} cannot be evaluated at its starting values for this series.`);
  }

  const parameters = decodeSmoothing(spec, result.x);
  const smoothingCount = smoothingParameterCount(spec);
  const level = result.x[smoothingCount] as number;
  const trend = spec.trend === 'N' ? 0 : (result.x[smoothingCount + 1] as number);
  let seasonal: number[] = [];
  if (spec.season !== 'N') {
    if (seasonalMode.kind === 'fixed') {
      seasonal = [...seasonalMode.seasonal];
    } else {
      const first = smoothingCount + (spec.trend === 'N' ? 1 : 2);
      seasonal = result.x.slice(first, first + m - 1);
      const sum = seasonal.reduce((a, b) => a + b, 0);
      seasonal.push((spec.season === 'M' ? m : 0) - sum);
    }
  }
  const initialStates: EtsStates = { level, trend, seasonal };
  const pass = etsRecursion(y, spec, parameters, initialStates);
  // lik = −∞ is a perfect fit (Σε² = 0, e.g. constant data): a valid model with σ = 0 and
  // information criteria of −∞. NaN or +∞ means the recursion broke down.
  if (Number.isNaN(pass.lik) || pass.lik === Number.POSITIVE_INFINITY) {
    throw new ForecastError(`${etsLabel(spec)} could not be fitted to this series (the likelihood is not finite).`);
  }
  const parameterCount = estimated + 1;
  const criteria = informationCriteria(pass.lik, parameterCount, n);
  return {
    spec,
    parameters,
    initialStates,
    finalStates: pass.finalStates,
    fitted: pass.fitted,
    residuals: pass.errors,
    logLikelihood: -0.5 * pass.lik,
    ...criteria,
    sigma2: pass.sse / (n - estimated),
    parameterCount,
    n,
    evaluations: result.evaluations,
    optimiser: result.status,
  };
}

/**
 * forecast's `initparam`: start near the lower bounds, α small for long seasons, and
 * within β ≤ α, γ ≤ 1 − α; φ near its upper bound.
 */
function initialSmoothing(spec: EtsSpec, m: number): number[] {
  const { lower, upper } = USUAL_BOUNDS;
  let alpha = lower.alpha + (0.2 * (upper.alpha - lower.alpha)) / m;
  if (alpha > 1 || alpha < 0) alpha = lower.alpha + 2e-3;
  const x = [alpha];
  if (spec.trend !== 'N') {
    let beta = lower.beta + 0.1 * (Math.min(upper.beta, alpha) - lower.beta);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    x.push(beta);
  }
  if (spec.season !== 'N') {
    let gamma = lower.gamma + 0.05 * (Math.min(upper.gamma, 1 - alpha) - lower.gamma);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    x.push(gamma);
  }
  if (spec.trend === 'Ad') {
    let phi = lower.phi + 0.99 * (upper.phi - lower.phi);
    if (phi < 0 || phi > 1) phi = upper.phi - 1e-3;
    x.push(phi);
  }
  return x;
}
