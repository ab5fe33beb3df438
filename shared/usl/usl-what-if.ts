import { assertUslCoefficients, throughputUnchecked, type UslCoefficients } from './usl-model.js';
import { uslLimitedBy, uslPeak, type UslLimit, type UslPeak } from './usl-peak.js';
import { UslError } from './usl-error.js';

/**
 * What-if runs on a USL model: override σ, κ or λ ("what if contention halves after we
 * shard the hot table", "what if a faster CPU lifts λ by 30 %") and compare the curve
 * and the peak with the base. R `usl` lets users override its coefficients for the same
 * purpose (scalability(model, alpha, beta, gamma)); users asked for λ there too
 * (smoeding/usl issue #6), so all three can be overridden here.
 */

/** One concurrency of a what-if comparison. */
export interface UslWhatIfPoint {
  readonly concurrency: number;
  /** X(N) of the base model. */
  readonly baseThroughput: number;
  /** X(N) with the overrides. */
  readonly throughput: number;
  /** throughput / baseThroughput − 1 (e.g. 0.25 for 25 % more); NaN-free because X > 0 for N > 0. */
  readonly relativeChange: number;
}

/** A what-if model beside its base. */
export interface UslWhatIf {
  readonly base: UslCoefficients;
  /** The base with the overrides applied. */
  readonly coefficients: UslCoefficients;
  readonly basePeak: UslPeak;
  readonly peak: UslPeak;
  /** What bounds the what-if model at the reference concurrency (see {@link uslLimitedBy}). */
  readonly limitedBy: UslLimit;
  readonly points: readonly UslWhatIfPoint[];
}

/**
 * Evaluates a USL model with some coefficients overridden, beside the base model.
 * @param base the fitted (or assumed) σ, κ, λ
 * @param overrides the coefficients to replace; the others stay as in `base`
 * @param concurrencies N > 0 at which to compare throughput
 * @param referenceConcurrency N > 1 at which to tell contention from coherency; default the largest of `concurrencies`
 * @throws {UslError} for invalid coefficients (before or after the overrides), N ≤ 0, or no reference N > 1
 * @example uslWhatIf({ sigma: 0.04, kappa: 0.001, lambda: 100 }, { sigma: 0.02 }, [8, 16, 32]).points[2]?.relativeChange // 0.2373… (halving σ: 24 % more at N = 32)
 */
export function uslWhatIf(base: UslCoefficients, overrides: Partial<UslCoefficients>, concurrencies: readonly number[], referenceConcurrency?: number): UslWhatIf {
  assertUslCoefficients(base);
  const coefficients: UslCoefficients = { sigma: overrides.sigma ?? base.sigma, kappa: overrides.kappa ?? base.kappa, lambda: overrides.lambda ?? base.lambda };
  assertUslCoefficients(coefficients);
  for (const n of concurrencies) if (!(n > 0) || !Number.isFinite(n)) throw new UslError(`what-if concurrencies must be finite numbers > 0, got ${n}`);
  const reference = referenceConcurrency ?? Math.max(...concurrencies);
  const points = concurrencies.map((concurrency): UslWhatIfPoint => {
    const baseThroughput = throughputUnchecked(base, concurrency);
    const throughput = throughputUnchecked(coefficients, concurrency);
    return { concurrency, baseThroughput, throughput, relativeChange: throughput / baseThroughput - 1 };
  });
  return { base, coefficients, basePeak: uslPeak(base), peak: uslPeak(coefficients), limitedBy: uslLimitedBy(coefficients, reference), points };
}
