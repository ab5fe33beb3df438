import { assertUslCoefficients, type UslCoefficients } from './usl-model.js';
import { uslPeak } from './usl-peak.js';
import { UslError } from './usl-error.js';

/**
 * The USL read backwards: how many workers give a target throughput or a target
 * response time. Both come from the quadratic the law turns into once X or R is fixed.
 */

/**
 * The smallest concurrency N at which the model delivers throughput X — on the rising
 * side of the curve, below the peak. From λN = X(1 + σ(N − 1) + κN(N − 1)):
 * κX·N² + (X(σ − κ) − λ)·N + X(1 − σ) = 0, solved in the cancellation-free form
 * q = −(b + sign(b)√(b² − 4ac))/2, N = c/q (Press et al., Numerical Recipes §5.6).
 * (usl4j's concurrencyAtThroughput uses R(X)·X with R(X) = (σ − 1)/(σX − λ), which drops κ
 * and so only holds for Amdahl models; this one is exact.)
 * @param coefficients σ, κ, λ
 * @param throughput X ≥ 0, in the unit of λ
 * @returns N ≥ 0 (below 1 when X < λ)
 * @throws {UslError} for invalid coefficients, a negative X, or an X the model never reaches (above its peak or ceiling)
 * @example uslConcurrencyAtThroughput({ sigma: 0, kappa: 0, lambda: 100 }, 250) // 2.5
 */
export function uslConcurrencyAtThroughput(coefficients: UslCoefficients, throughput: number): number {
  assertUslCoefficients(coefficients);
  if (!(throughput >= 0) || !Number.isFinite(throughput)) throw new UslError(`throughput must be a finite number ≥ 0, got ${throughput}`);
  const { sigma, kappa, lambda } = coefficients;
  const { peakN, throughputCeiling } = uslPeak(coefficients);
  if (throughputCeiling !== null) {
    if (peakN !== null && throughput === throughputCeiling) return peakN;
    if (throughput >= throughputCeiling) throw new UslError(`throughput ${throughput} is at or above the model's ${peakN === null ? 'ceiling λ/σ' : 'peak'} ${throughputCeiling}; no concurrency reaches it`);
  }
  const a = kappa * throughput;
  const b = throughput * (sigma - kappa) - lambda;
  const c = throughput * (1 - sigma);
  // Below the ceiling the discriminant is positive; clamp the rounding just under the peak.
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  const q = -0.5 * (b + (b < 0 ? -root : root));
  if (q === 0) return 0;
  const candidates = [c / q, a === 0 ? Infinity : q / a].filter((n) => n >= 0);
  return Math.min(...candidates);
}

/**
 * The concurrency N at which the model reaches a fraction of its most throughput
 * (the peak X(N*), or Amdahl's ceiling λ/σ when κ = 0): "how many workers give 90 % of
 * what this system can ever do".
 * @param coefficients σ, κ, λ
 * @param fraction in (0, 1]; 1 means the peak itself (only when κ > 0)
 * @throws {UslError} for a fraction outside (0, 1], fraction 1 without a peak, or a model that scales linearly (no maximum)
 * @example uslConcurrencyAtPeakFraction({ sigma: 0.5, kappa: 0, lambda: 10 }, 0.5) // 1 (X(1) = λ = half of λ/σ)
 */
export function uslConcurrencyAtPeakFraction(coefficients: UslCoefficients, fraction: number): number {
  if (!(fraction > 0 && fraction <= 1)) throw new UslError(`fraction of peak throughput must be in (0, 1], got ${fraction}`);
  const { peakN, throughputCeiling } = uslPeak(coefficients);
  if (throughputCeiling === null) throw new UslError('with σ = κ = 0 the model scales linearly: there is no maximum throughput to take a fraction of');
  if (fraction === 1) {
    if (peakN === null) throw new UslError('with κ = 0 the model approaches λ/σ but never reaches it; ask for a fraction below 1');
    return peakN;
  }
  return uslConcurrencyAtThroughput(coefficients, fraction * throughputCeiling);
}

/**
 * The concurrency N at which the modelled response time (Little's law, no think time)
 * equals R: the positive root of κN² + (σ − κ)N + (1 − σ − λR) = 0 (Schwartz, Practical
 * Scalability Analysis with the Universal Scalability Law, eq. 10; usl4j
 * concurrencyAtLatency). The throughput there is N/R.
 * @param coefficients σ, κ and λ in requests per second
 * @param responseTimeSeconds R > 0
 * @returns N > 0
 * @throws {UslError} for invalid coefficients, R ≤ 0, an R shorter than the model allows, or σ = κ = 0 (R is the same 1/λ at every N)
 * @example uslConcurrencyAtResponseTime({ sigma: 0.06, kappa: 0.06, lambda: 40 }, 0.03) // 2.0816659994661326 (X = N/R = 69.3888…, usl4j's test)
 */
export function uslConcurrencyAtResponseTime(coefficients: UslCoefficients, responseTimeSeconds: number): number {
  assertUslCoefficients(coefficients);
  if (!(responseTimeSeconds > 0) || !Number.isFinite(responseTimeSeconds)) throw new UslError(`response time must be a positive finite number of seconds, got ${responseTimeSeconds}`);
  const { sigma, kappa, lambda } = coefficients;
  if (sigma === 0 && kappa === 0) throw new UslError(`with σ = κ = 0 the response time is 1/λ = ${1 / lambda} s at every concurrency`);
  const constant = 1 - sigma - lambda * responseTimeSeconds;
  let concurrency: number;
  if (kappa === 0) {
    concurrency = -constant / sigma;
  } else {
    const linear = sigma - kappa;
    const discriminant = linear * linear - 4 * kappa * constant;
    concurrency = discriminant < 0 ? Number.NaN : (-linear + Math.sqrt(discriminant)) / (2 * kappa);
  }
  if (!(concurrency > 0)) throw new UslError(`response time ${responseTimeSeconds} s is shorter than the model gives at any concurrency; single-worker response time is 1/λ = ${1 / lambda} s`);
  return concurrency;
}
