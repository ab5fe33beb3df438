/**
 * The ETS taxonomy (Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential
 * Smoothing: the State Space Approach*, Springer 2008, §2.5; fpp3 §8.4,
 * https://otexts.com/fpp3/ets.html): a model is named by its error, trend and season
 * components, e.g. ETS(M,Ad,M) = multiplicative errors, additive damped trend,
 * multiplicative season. Multiplicative trends are left out on purpose (they forecast
 * explosive growth; forecast::ets excludes them from its default search too).
 */
import { ForecastError } from '../forecast-model.js';
import { MAX_ABS_VALUE } from '../forecast-paths.js';

export type ErrorType = 'A' | 'M';
/** N = none, A = additive, Ad = additive damped (φ < 1). */
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

/** One ETS model: its three components and the season length. */
export interface EtsSpec {
  readonly error: ErrorType;
  readonly trend: TrendType;
  readonly season: SeasonType;
  /** Season length in steps (12 for monthly data with a yearly cycle); ignored when `season` is N. */
  readonly period: number;
}

/**
 * Smoothing parameters in the state-space (error-correction) parameterisation of
 * Hyndman et al. (2008) Table 2.3: β is the ETS β (= α·β* of Holt's form).
 * Components a model does not have take their neutral values: β = 0 without a trend,
 * γ = 0 without a season, φ = 1 unless the trend is damped.
 */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/**
 * The states x_t = (ℓ_t, b_t, s_t, s_{t−1}, …, s_{t−m+1}) at one time, in the order
 * forecast::ets prints them: `seasonal[0]` is the newest seasonal state and
 * `seasonal[m−1]` the oldest, the one that applies to the next observation.
 */
export interface EtsStates {
  readonly level: number;
  /** 0 without a trend. */
  readonly trend: number;
  /** Empty without a season; m values otherwise (sum m for M, 0 for A at the start). */
  readonly seasonal: readonly number[];
}

/** forecast::ets defaults: lower and upper bounds for α, β, γ and φ (`ets(lower=, upper=)`). */
export const USUAL_BOUNDS = {
  lower: { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 },
  upper: { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 },
} as const;

/**
 * The season length a spec actually uses: its period when it has a season, 1 otherwise.
 * @example effectivePeriod({ error: 'A', trend: 'N', season: 'N', period: 12 }) // 1
 */
export function effectivePeriod(spec: EtsSpec): number {
  return spec.season === 'N' ? 1 : spec.period;
}

/**
 * The model's name as forecast::ets prints it.
 * @example etsLabel({ error: 'M', trend: 'Ad', season: 'M', period: 12 }) // 'ETS(M,Ad,M)'
 */
export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * Number of initial states the likelihood estimates: ℓ₀, b₀ with a trend, and m − 1
 * seasonal states (the m-th follows from the normalisation Σs = 0 or Σs = m).
 * @example freeStateCount({ error: 'A', trend: 'A', season: 'A', period: 4 }) // 5
 */
export function freeStateCount(spec: EtsSpec): number {
  return 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : spec.period - 1);
}

/**
 * Number of smoothing parameters estimated: α, plus β with a trend, γ with a season and
 * φ with a damped trend.
 * @example smoothingParameterCount({ error: 'M', trend: 'Ad', season: 'M', period: 12 }) // 4
 */
export function smoothingParameterCount(spec: EtsSpec): number {
  return 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : 1) + (spec.trend === 'Ad' ? 1 : 0);
}

/**
 * Checks a spec and the data it is to be fitted to, with the reasons forecast::ets gives.
 * @throws {ForecastError} for an invalid period, a seasonal spec without a season of at
 *   least 2 steps, non-finite values, or a multiplicative component on data that are not
 *   strictly positive
 * @example assertSpecFits([1, 2, 3], { error: 'M', trend: 'N', season: 'N', period: 1 }) // ok
 */
export function assertSpecFits(y: readonly number[], spec: EtsSpec): void {
  if (!Number.isInteger(spec.period) || spec.period < 1) {
    throw new ForecastError(`ETS needs a whole season length of at least 1 step; got ${spec.period}.`);
  }
  if (spec.season !== 'N' && spec.period < 2) {
    throw new ForecastError(`${etsLabel(spec)} is seasonal but the season length is ${spec.period}; use a period of 2 or more, or season N.`);
  }
  if (spec.error === 'A' && spec.season === 'M') {
    // forecast::ets(restrict = TRUE): additive errors with a multiplicative season can give
    // infinite forecast variances (Hyndman et al. 2008 §15.1).
    throw new ForecastError(`${etsLabel(spec)} is not allowed (additive errors with a multiplicative season are numerically unstable); use ETS(M,·,M).`);
  }
  assertFinite(y);
  if ((spec.error === 'M' || spec.season === 'M') && !y.every((v) => v > 0)) {
    throw new ForecastError(`${etsLabel(spec)} needs strictly positive data (it has zeros or negative values); use additive errors and season.`);
  }
}

/**
 * Checks that a series is non-empty, finite and within ±{@link MAX_ABS_VALUE}, as every other model does.
 * @throws {ForecastError} for an empty series, or a non-finite or too large value (names its index)
 * @example assertFinite([1, 2]) // ok
 */
export function assertFinite(y: readonly number[]): void {
  if (y.length === 0) throw new ForecastError('The series is empty.');
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === undefined || !Number.isFinite(v)) {
      throw new ForecastError(`The series has a non-finite value at index ${i} (${String(v)}); impute gaps before forecasting.`);
    }
    // Without this bound ETS alone accepted 1e300, and on ±1e300 said "No ETS model can be
    // fitted to 60 values (… needs at least 5)", contradicting itself (issue #9).
    if (Math.abs(v) > MAX_ABS_VALUE) throw new ForecastError(`ETS cannot compute with values beyond ±${MAX_ABS_VALUE}; point ${i} is ${v} (use a larger unit)`);
  }
}
