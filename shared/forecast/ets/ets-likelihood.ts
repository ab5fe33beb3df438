/**
 * The ETS likelihood as forecast::ets optimises it (Hyndman et al. 2008 §5.2; forecast's
 * `EtsTargetFunction`). With Gaussian innovations and σ² concentrated out,
 *   −2 log L = n·log(Σε²) + 2·Σlog|ŷ_t|·[multiplicative errors] + constant,
 * and the criterion ("lik") is that expression without the constant. Multiplicative
 * errors are relative, ε = (y − ŷ)/ŷ; the Jacobian term 2Σlog|ŷ| puts both error types
 * on the same scale, so their AICc values may be compared (§7.2).
 *
 * The optimiser's vector follows forecast: [α, β?, γ?, φ?, ℓ₀, b₀?, s₀, …, s_{−m+2}].
 * Points outside the usual bounds or the admissible region, and multiplicative seasons
 * with a negative state, evaluate to +∞ — which the Nelder–Mead treats as a wall.
 */
import { isAdmissible, withinUsualBounds } from './ets-admissibility.js';
import { runEtsRecursion, type EtsPassSums } from './ets-recursion.js';
import { freeStateCount, smoothingParameterCount, type EtsParameters, type EtsSpec } from './ets-spec.js';

/** Floor on the criterion, as forecast does: "avoid perfect fits". */
const PERFECT_FIT_FLOOR = -1e10;

/**
 * Reads the smoothing parameters from the front of an optimiser vector.
 * @example decodeSmoothing({ error: 'A', trend: 'Ad', season: 'N', period: 1 }, [0.5, 0.1, 0.9]) // {alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9}
 */
export function decodeSmoothing(spec: EtsSpec, x: ArrayLike<number>): EtsParameters {
  let k = 0;
  const alpha = x[k++] as number;
  const beta = spec.trend === 'N' ? 0 : (x[k++] as number);
  const gamma = spec.season === 'N' ? 0 : (x[k++] as number);
  const phi = spec.trend === 'Ad' ? (x[k++] as number) : 1;
  return { alpha, beta, gamma, phi };
}

/** How the seasonal starting states enter the optimisation. */
export type SeasonalStateMode =
  /** The m − 1 free states are optimised (forecast::ets; what we do for m ≤ 24). */
  | { readonly kind: 'optimised' }
  /** They stay at the given starting values (m values, newest first): long seasons. */
  | { readonly kind: 'fixed'; readonly seasonal: readonly number[] };

/**
 * The number of coordinates the optimiser sees for `spec`.
 * @example optimisedCount({ error: 'M', trend: 'Ad', season: 'M', period: 12 }, { kind: 'optimised' }) // 17
 */
export function optimisedCount(spec: EtsSpec, mode: SeasonalStateMode): number {
  const states = mode.kind === 'optimised' ? freeStateCount(spec) : 1 + (spec.trend === 'N' ? 0 : 1);
  return smoothingParameterCount(spec) + states;
}

/**
 * Builds the criterion forecast::ets minimises, as a function of the optimiser's vector.
 * The returned function allocates nothing per call (26 000-point series are fitted with
 * thousands of evaluations).
 * @param y observations (copied once into a typed array)
 * @example const f = etsObjective([1, 2, 3, 4, 5, 6], { error: 'A', trend: 'N', season: 'N', period: 1 }, { kind: 'optimised' }); f(Float64Array.of(0.5, 1))
 */
export function etsObjective(y: readonly number[], spec: EtsSpec, mode: SeasonalStateMode): (x: Float64Array) => number {
  const data = Float64Array.from(y);
  const m = spec.season === 'N' ? 1 : spec.period;
  const smoothingCount = smoothingParameterCount(spec);
  const hasTrend = spec.trend !== 'N';
  const seasonal = new Float64Array(spec.season === 'N' ? 0 : m);
  if (mode.kind === 'fixed') seasonal.set(mode.seasonal);
  const ring = new Float64Array(m);
  const sums: EtsPassSums = { sse: 0, sumLogAbsFitted: 0 };
  return (x: Float64Array): number => {
    const params = decodeSmoothing(spec, x);
    if (!withinUsualBounds(spec, params)) return Number.POSITIVE_INFINITY;
    if (!isAdmissible(spec, params)) return Number.POSITIVE_INFINITY;
    const level0 = x[smoothingCount] as number;
    const trend0 = hasTrend ? (x[smoothingCount + 1] as number) : 0;
    if (spec.season !== 'N' && mode.kind === 'optimised') {
      // The m-th state follows from the normalisation: Σs = m (M) or 0 (A).
      const first = smoothingCount + (hasTrend ? 2 : 1);
      let sum = 0;
      for (let k = 0; k < m - 1; k++) {
        const s = x[first + k] as number;
        seasonal[k] = s;
        sum += s;
      }
      seasonal[m - 1] = (spec.season === 'M' ? m : 0) - sum;
    }
    if (spec.season === 'M') {
      for (let k = 0; k < m; k++) if ((seasonal[k] as number) < 0) return Number.POSITIVE_INFINITY;
    }
    const lik = runEtsRecursion(data, spec, params, level0, trend0, seasonal, ring, sums);
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return lik < PERFECT_FIT_FLOOR ? PERFECT_FIT_FLOOR : lik;
  };
}

/** Akaike's and Schwarz's criteria from forecast's `lik`. */
export interface InformationCriteria {
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
}

/**
 * AIC = lik + 2k, AICc = AIC + 2k(k+1)/(n−k−1), BIC = lik + k·log n, with k counting the
 * smoothing parameters, the estimated initial states and σ (forecast::ets's `np + 1`;
 * Hyndman et al. 2008 §7.1). AICc is +∞ when n ≤ k + 1.
 * @example informationCriteria(100, 3, 20) // {aic: 106, aicc: 107.5, bic: 108.987…}
 */
export function informationCriteria(lik: number, parameterCount: number, n: number): InformationCriteria {
  const k = parameterCount;
  const aic = lik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  return { aic, aicc, bic: lik + Math.log(n) * k };
}
