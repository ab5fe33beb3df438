import { assertUslCoefficients, throughputUnchecked, type UslCoefficients } from './usl-model.js';
import { UslError } from './usl-error.js';

/**
 * Where a USL model stops scaling, and why. dX/dN = 0 at N* = √((1 − σ)/κ) (Gunther,
 * Guerrilla Capacity Planning, eq. 4.33); past N* adding workers lowers throughput. With
 * κ = 0 there is no peak: throughput rises towards Amdahl's ceiling λ/σ (or without bound
 * when σ = 0 too).
 */

/** What bounds a model's throughput, as its coefficients say. */
export type UslLimit = 'contention' | 'coherency' | 'linear';

/** The peak and ceiling of a USL model. */
export interface UslPeak {
  /** N* = √((1 − σ)/κ), but at least 1 (below that X already falls after the first worker); null when κ = 0 (no peak). */
  readonly peakN: number | null;
  /** X(N*): the most throughput the model allows; null when κ = 0. */
  readonly peakThroughput: number | null;
  /** The whole number of workers (⌊N*⌋ or ⌈N*⌉, at least 1) with the higher X; null when κ = 0. For nodes and cores. */
  readonly peakWholeN: number | null;
  /** X at {@link peakWholeN}; null when κ = 0. */
  readonly peakWholeThroughput: number | null;
  /**
   * The least upper bound of X(N) over N ≥ 1: the peak throughput when κ > 0, Amdahl's
   * λ/σ when κ = 0 < σ (approached, never reached), null when σ = κ = 0 (linear scaling).
   */
  readonly throughputCeiling: number | null;
}

/**
 * The peak concurrency and throughput of a USL model (R `usl`'s peak.scalability uses the
 * same continuous N*; usl4j floors it — {@link UslPeak.peakWholeN} gives the better of
 * floor and ceiling instead).
 * @param coefficients σ, κ, λ
 * @throws {UslError} for invalid coefficients
 * @example uslPeak({ sigma: 0.02671591, kappa: 7.690945e-4, lambda: 995.6486 }).peakN // 35.5737… (Schwartz's Cisco fit; the book floors it to 35, peakWholeN is 36 because X(36) > X(35))
 */
export function uslPeak(coefficients: UslCoefficients): UslPeak {
  assertUslCoefficients(coefficients);
  const { sigma, kappa, lambda } = coefficients;
  if (kappa === 0) {
    return { peakN: null, peakThroughput: null, peakWholeN: null, peakWholeThroughput: null, throughputCeiling: sigma > 0 ? lambda / sigma : null };
  }
  const peakN = Math.max(1, Math.sqrt((1 - sigma) / kappa));
  // A κ so small that N* overflows (a subnormal) is κ = 0 for every purpose.
  if (!Number.isFinite(peakN)) return uslPeak({ sigma, kappa: 0, lambda });
  const peakThroughput = throughputUnchecked(coefficients, peakN);
  const below = Math.max(1, Math.floor(peakN));
  const above = Math.max(1, Math.ceil(peakN));
  const belowThroughput = throughputUnchecked(coefficients, below);
  const aboveThroughput = throughputUnchecked(coefficients, above);
  const [peakWholeN, peakWholeThroughput] = aboveThroughput > belowThroughput ? [above, aboveThroughput] : [below, belowThroughput];
  return { peakN, peakThroughput, peakWholeN, peakWholeThroughput, throughputCeiling: peakThroughput };
}

/**
 * Which term costs more throughput at concurrency N: contention σ(N − 1) or coherency
 * κN(N − 1) in the USL denominator, i.e. contention when σ ≥ κN. Comparing the terms at
 * the N that matters (for a fit: the largest measured N) rather than σ against κ alone
 * (usl4j's isContentionConstrained) keeps the answer in the same units: κ is a per-pair
 * cost and only outweighs σ once N is large. 'linear' when σ = κ = 0 exactly — the fit
 * pins a coefficient to 0 when the data cannot tell it from 0.
 * @param coefficients σ, κ, λ
 * @param concurrency the N at which to compare, > 1 (e.g. the largest N measured or planned)
 * @throws {UslError} for invalid coefficients or N ≤ 1
 * @example uslLimitedBy({ sigma: 0.0277, kappa: 1.04e-4, lambda: 90 }, 216) // 'contention' (σ = 0.0277 ≥ κN = 0.0225)
 */
export function uslLimitedBy(coefficients: UslCoefficients, concurrency: number): UslLimit {
  assertUslCoefficients(coefficients);
  if (!(concurrency > 1) || !Number.isFinite(concurrency)) throw new UslError(`compare contention and coherency at a concurrency N > 1, got ${concurrency}`);
  const { sigma, kappa } = coefficients;
  if (sigma === 0 && kappa === 0) return 'linear';
  return sigma >= kappa * concurrency ? 'contention' : 'coherency';
}
