import { logGamma, regularizedIncompleteBeta } from './special-functions.js';

/**
 * The Student-t distribution's CDF, density and quantile, for the exact OLS prediction
 * intervals (which use t with n − 2 degrees of freedom, not the normal).
 */

/**
 * P(T ≤ t) for T ~ Student-t with `df` degrees of freedom, through the incomplete beta
 * function: P(|T| ≤ |t|) = I_{t²/(df+t²)}(1/2, df/2) (Abramowitz & Stegun 26.7.1 / 26.5.27).
 * @param t the point
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @throws {RangeError} for df ≤ 0 or a NaN t
 * @example studentTCdf(2, 5) // 0.9490302605850708
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student-t needs df > 0, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('Student-t CDF of NaN');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  // Pick the form that avoids computing 1 − x by subtraction for either small or large |t|.
  const central = t2 < df ? regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2) : 1 - regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? 0.5 + 0.5 * central : 0.5 - 0.5 * central;
}

/**
 * The Student-t density f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).
 * @param t the point
 * @param df degrees of freedom ν > 0
 * @example studentTDensity(0, 1) // 1/π
 */
export function studentTDensity(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The quantile t_p(df): the t with P(T ≤ t) = p. Newton's method on the CDF, safeguarded
 * by bisection inside a bracket, started from the Cornish–Fisher expansion around the
 * normal quantile (Abramowitz & Stegun 26.7.5). Converges to about 1e-12 relative, far
 * inside the 1e-6 that printed tables carry.
 * @param p probability in (0, 1)
 * @param df degrees of freedom, > 0
 * @throws {RangeError} for p outside (0, 1) or df ≤ 0
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 * @example studentTQuantile(0.9, 5) // 1.4758840488244815
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Student-t quantile needs p in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`Student-t needs df > 0, got ${df}`);
  if (p === 0.5) return 0;
  // Solve in the upper half and mirror, so the bracket always starts at 0.
  const upper = p > 0.5 ? p : 1 - p;
  const sign = p > 0.5 ? 1 : -1;
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < upper) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return sign * Infinity;
  }
  let t = Math.min(hi, Math.max(lo, cornishFisherStart(upper, df)));
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - upper;
    if (f === 0) break;
    if (f < 0) lo = t;
    else hi = t;
    const step = f / studentTDensity(t, df);
    let next = t - step;
    // Outside the bracket (heavy tails at small df), fall back to bisection.
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) {
      t = next;
      break;
    }
    t = next;
  }
  return sign * t;
}

/** Cornish–Fisher start value t ≈ z + (z³+z)/(4ν) + (5z⁵+16z³+3z)/(96ν²). */
function cornishFisherStart(p: number, df: number): number {
  const z = normalQuantileApprox(p);
  const z3 = z * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4): good enough as Newton's start value. */
function normalQuantileApprox(p: number): number {
  const q = p > 0.5 ? 1 - p : p;
  const t = Math.sqrt(-2 * Math.log(q));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return p > 0.5 ? z : -z;
}
