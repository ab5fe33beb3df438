/**
 * Forecast variances of the linear ETS models — additive errors with no or additive
 * trend and season (class 1 of Hyndman et al. 2008 §6.1; fpp3 §8.7 Table 8.8).
 *
 * Derivation. A linear model is y_t = w′x_{t−1} + ε_t, x_t = F x_{t−1} + g ε_t, so the
 * h-step forecast error is ε_{n+h} + Σ_{j=1}^{h−1} c_j ε_{n+h−j} with c_j = w′F^{j−1}g and
 *   v_h = σ² [1 + Σ_{j=1}^{h−1} c_j²]                         (Hyndman et al. eq. 6.1).
 * For x = (ℓ, b, s_t … s_{t−m+1}), w′ = (1, φ, 0 … 0, 1), g = (α, β, γ, 0 … 0) and F
 * moving ℓ ← ℓ + φb, b ← φb and rotating the season, a unit innovation at time n gives
 * ℓ = α + β(φ + … + φ^{j−1}), b = βφ^{j−1} after j − 1 steps, and reaches the season slot
 * that is read again exactly when j is a multiple of m. Hence
 *   c_j = α + β·φ_j + γ·[j ≡ 0 (mod m)],   φ_j = φ + φ² + … + φ^j (= j when undamped),
 * which reproduces every row of Table 6.1/8.8 (checked term by term, and against a Monte
 * Carlo simulation of the model, in the tests). Variances never decrease with h, since
 * each step adds c_{h}² ≥ 0.
 */
import type { EtsParameters, EtsSpec } from './ets-spec.js';

/**
 * True for the models whose forecast distribution is exactly Gaussian with the variance
 * of {@link linearForecastVariance}: additive errors, no multiplicative component.
 * @example isLinearEts({ error: 'A', trend: 'Ad', season: 'A', period: 12 }) // true
 */
export function isLinearEts(spec: EtsSpec): boolean {
  return spec.error === 'A' && spec.season !== 'M';
}

/**
 * The coefficients c_1 … c_{H−1} of the forecast error's moving-average form.
 * @example forecastErrorWeights({ error: 'A', trend: 'A', season: 'N', period: 1 }, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 1 }, 3) // [0.6, 0.7]
 */
export function forecastErrorWeights(spec: EtsSpec, params: EtsParameters, horizon: number): number[] {
  const beta = spec.trend === 'N' ? 0 : params.beta;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const gamma = spec.season === 'N' ? 0 : params.gamma;
  const m = spec.season === 'N' ? 0 : spec.period;
  const weights: number[] = [];
  let phiPower = 1;
  let phiSum = 0;
  for (let j = 1; j < horizon; j++) {
    phiPower *= phi;
    phiSum += phiPower;
    weights.push(params.alpha + beta * phiSum + (m > 0 && j % m === 0 ? gamma : 0));
  }
  return weights;
}

/**
 * v_h = σ²[1 + Σ_{j<h} c_j²] for h = 1 … H, in the data's units squared.
 * @param sigma2 the innovation variance (forecast's `sigma2`)
 * @throws {RangeError} for a model that is not linear (multiplicative error or season)
 * @example linearForecastVariance({ error: 'A', trend: 'N', season: 'N', period: 1 }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 4, 3) // [4, 5, 6]
 */
export function linearForecastVariance(spec: EtsSpec, params: EtsParameters, sigma2: number, horizon: number): number[] {
  if (!isLinearEts(spec)) throw new RangeError('analytic variances here are for additive-error, non-multiplicative models only');
  const weights = forecastErrorWeights(spec, params, horizon);
  const variances: number[] = [];
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) sum += (weights[h - 2] as number) ** 2;
    variances.push(sigma2 * sum);
  }
  return variances;
}
