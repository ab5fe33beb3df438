import { UslError } from './usl-error.js';

/**
 * Gunther's Universal Scalability Law (N. J. Gunther, Guerrilla Capacity Planning,
 * Springer 2007, ch. 4): the throughput of N concurrent workers (users, threads, cores,
 * nodes) is
 *
 *   X(N) = λN / (1 + σ(N − 1) + κN(N − 1))
 *
 * where λ is the throughput of one worker, σ the contention (the serial share that
 * queues, Amdahl's law when κ = 0) and κ the coherency cost (pairwise crosstalk, which
 * makes throughput fall past a peak). This file evaluates a model; fitting is in
 * fit-usl.ts, the peak in usl-peak.ts, inverses in usl-inverse.ts.
 */

/** The three USL coefficients. Throughput keeps the unit of λ (e.g. queries per second). */
export interface UslCoefficients {
  /** σ: contention, a fraction in [0, 1]. */
  readonly sigma: number;
  /** κ: coherency (crosstalk) cost per pair of workers, in [0, 1]. */
  readonly kappa: number;
  /** λ: throughput of a single worker, > 0, in the throughput's unit (per second for the latency helpers). */
  readonly lambda: number;
}

/**
 * Checks that coefficients describe a USL model: σ and κ finite in [0, 1], λ finite and
 * positive. The bounds are R `usl`'s (σ, κ ∈ [0, 1]); a negative σ or κ would claim
 * superlinear scaling, which the law cannot express.
 * @throws {UslError} naming the coefficient and its allowed range
 * @example assertUslCoefficients({ sigma: 0.03, kappa: 1e-4, lambda: 90 }) // passes
 */
export function assertUslCoefficients(coefficients: UslCoefficients): void {
  const { sigma, kappa, lambda } = coefficients;
  if (!(sigma >= 0 && sigma <= 1)) throw new UslError(`σ (contention) must be in [0, 1], got ${sigma}`);
  if (!(kappa >= 0 && kappa <= 1)) throw new UslError(`κ (coherency) must be in [0, 1], got ${kappa}`);
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new UslError(`λ (single-worker throughput) must be a positive finite number, got ${lambda}`);
}

/**
 * X(N) = λN / (1 + σ(N − 1) + κN(N − 1)): modelled throughput at concurrency N.
 * @param coefficients σ, κ, λ
 * @param concurrency N ≥ 0 (need not be whole: a fractional mean concurrency is fine)
 * @returns throughput in the unit of λ
 * @throws {UslError} for invalid coefficients or a negative or non-finite N
 * @example uslThroughput({ sigma: 0.03, kappa: 0.0001, lambda: 90 }, 20) // 1119.40298507… (sca_tools' test value)
 */
export function uslThroughput(coefficients: UslCoefficients, concurrency: number): number {
  assertUslCoefficients(coefficients);
  assertConcurrency(concurrency);
  return throughputUnchecked(coefficients, concurrency);
}

/**
 * Mean response time by Little's law for a closed system of N workers with think time
 * Z: N = X·(R + Z), so R(N) = N/X(N) − Z = (1 + σ(N − 1) + κN(N − 1))/λ − Z. With Z = 0
 * (a load test whose workers send the next request at once) it is usl4j's
 * latencyAtConcurrency.
 * @param coefficients σ, κ and λ in requests per second
 * @param concurrency N > 0
 * @param thinkTimeSeconds Z ≥ 0, the mean pause between a response and the next request
 * @returns seconds
 * @throws {UslError} for invalid coefficients, N ≤ 0, a negative Z, or a Z longer than N/X(N) (the model's cycle time)
 * @example uslResponseTimeSeconds({ sigma: 0.06, kappa: 0.06, lambda: 40 }, 1) // 0.025
 */
export function uslResponseTimeSeconds(coefficients: UslCoefficients, concurrency: number, thinkTimeSeconds = 0): number {
  assertUslCoefficients(coefficients);
  assertConcurrency(concurrency);
  if (!(concurrency > 0)) throw new UslError('response time needs a concurrency N > 0');
  if (!(thinkTimeSeconds >= 0) || !Number.isFinite(thinkTimeSeconds)) throw new UslError(`think time must be a finite number of seconds ≥ 0, got ${thinkTimeSeconds}`);
  const { sigma, kappa, lambda } = coefficients;
  const cycleSeconds = (1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1)) / lambda;
  if (thinkTimeSeconds > cycleSeconds) throw new UslError(`think time ${thinkTimeSeconds} s exceeds the modelled cycle time N/X(N) = ${cycleSeconds} s at N = ${concurrency}; the measured throughput already includes less think time than that`);
  return cycleSeconds - thinkTimeSeconds;
}

/** X(N) without validation, for loops that validated once. */
export function throughputUnchecked(coefficients: UslCoefficients, concurrency: number): number {
  const { sigma, kappa, lambda } = coefficients;
  return (lambda * concurrency) / (1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1));
}

function assertConcurrency(concurrency: number): void {
  if (!(concurrency >= 0) || !Number.isFinite(concurrency)) throw new UslError(`concurrency N must be a finite number ≥ 0, got ${concurrency}`);
}
