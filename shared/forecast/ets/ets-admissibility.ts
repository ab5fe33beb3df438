/**
 * Where ETS parameters may lie, as forecast::ets(bounds = "both") checks them:
 *  - the usual region: each parameter within [lower, upper], β ≤ α and γ ≤ 1 − α
 *    (so that the Holt–Winters form β* = β/α and γ* = γ/(1 − α) stays in [0, 1]);
 *  - the admissible region, in which the model forgets its distant past (the discount
 *    matrix D = F − g·w′ has all eigenvalues inside the unit circle): Hyndman, Akram &
 *    Archibald, "The admissible parameter space for exponential smoothing models",
 *    Ann. Inst. Stat. Math. 60 (2008) 407–426, Table 1 and §3.3.
 */
import { rootsWithinRadius } from './polynomial-roots.js';
import { USUAL_BOUNDS, type EtsParameters, type EtsSpec } from './ets-spec.js';

/**
 * Season length above which the characteristic-root test is skipped: R's ets refuses
 * seasons above 24; we allow them (5-minute data has m = 288) but solving a degree-(m+1)
 * polynomial on every likelihood evaluation would dominate the fit. The closed-form
 * necessary conditions still apply, and the usual bounds keep γ ≤ 1 − α.
 */
export const MAX_PERIOD_FOR_ROOT_TEST = 24;

/**
 * True when the parameters of `spec` lie inside forecast::ets's usual bounds.
 * @example withinUsualBounds({ error: 'A', trend: 'A', season: 'N', period: 1 }, { alpha: 0.5, beta: 0.6, gamma: 0, phi: 1 }) // false (β > α)
 */
export function withinUsualBounds(spec: EtsSpec, p: EtsParameters): boolean {
  const { lower, upper } = USUAL_BOUNDS;
  if (!(p.alpha >= lower.alpha && p.alpha <= upper.alpha)) return false;
  if (spec.trend !== 'N' && !(p.beta >= lower.beta && p.beta <= p.alpha && p.beta <= upper.beta)) return false;
  if (spec.trend === 'Ad' && !(p.phi >= lower.phi && p.phi <= upper.phi)) return false;
  if (spec.season !== 'N' && !(p.gamma >= lower.gamma && p.gamma <= 1 - p.alpha && p.gamma <= upper.gamma)) return false;
  return true;
}

/**
 * True when the parameters lie in the admissible (forecastable) region of Hyndman, Akram
 * & Archibald (2008). Non-seasonal models use the closed-form bounds; seasonal ones the
 * closed-form necessary conditions and then the roots of the characteristic polynomial
 *   z^{m+1} + (α+β−φ)z^m + (α+β−αφ)(z^{m−1}+…+z²) + (α+β−αφ+γ−1)z + φ(1−α−γ),
 * all of which must lie within 1 + 1e-10 of the unit circle (forecast's tolerance) —
 * checked by the Schur–Cohn test rather than by finding the roots, as forecast does.
 * @example isAdmissible({ error: 'A', trend: 'N', season: 'N', period: 1 }, { alpha: 1.5, beta: 0, gamma: 0, phi: 1 }) // true (SES is admissible for 0 < α < 2)
 */
export function isAdmissible(spec: EtsSpec, p: EtsParameters): boolean {
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const alpha = p.alpha;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (spec.season === 'N') {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (spec.trend !== 'N' && (p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const m = spec.period;
  const beta = spec.trend === 'N' ? 0 : p.beta;
  const gamma = p.gamma;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  if (m > MAX_PERIOD_FOR_ROOT_TEST) return true;
  const coefficients = new Float64Array(m + 2);
  coefficients[0] = phi * (1 - alpha - gamma);
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) coefficients[k] = alpha + beta - alpha * phi;
  coefficients[m] = alpha + beta - phi;
  coefficients[m + 1] = 1;
  return rootsWithinRadius(coefficients, 1 + 1e-10);
}
