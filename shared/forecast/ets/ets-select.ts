/**
 * Automatic ETS model selection by AICc, as forecast::ets(y) with its default
 * model = "ZZZ" (Hyndman, Koehler, Snyder & Grose, IJF 18, 2002, §3; Hyndman et al. 2008
 * §7.2; fpp3 §8.6): every admissible combination is fitted by maximum likelihood and the
 * smallest AICc wins. The candidates follow forecast's rules:
 *  - errors A and M, M only for strictly positive data;
 *  - trends N, A and Ad (no multiplicative trend: `allow.multiplicative.trend = FALSE`);
 *  - seasons N, A and M when the period exceeds 1 and the data span two full seasons;
 *    A errors never with an M season (`restrict = TRUE`);
 *  - models with too many parameters for the data are skipped.
 * Candidates are tried in forecast's loop order, so ties resolve the same way.
 * A constant series gets forecast's answer: simple exponential smoothing with α ≈ 1.
 */
import { ForecastError } from '../forecast-model.js';
import { fitEts, type EtsFit, type FitEtsOptions } from './ets-fit.js';
import { etsRecursion } from './ets-recursion.js';
import { assertFinite, etsLabel, type EtsSpec, type SeasonType, type TrendType } from './ets-spec.js';

/** One candidate's outcome: its AICc, or why it was not fitted. */
export interface CandidateResult {
  readonly spec: EtsSpec;
  readonly aicc: number;
  readonly skipped?: string;
}

export interface EtsSelection {
  readonly best: EtsFit;
  readonly candidates: readonly CandidateResult[];
}

/**
 * The specs forecast::ets(model = "ZZZ") would try for this series and period.
 * @example candidateSpecs([1, 2, 3, 4, 5, 6, 7, 8], 1).map(etsLabel) // ANN, AAdN, AAN, then the same with M errors
 */
export function candidateSpecs(y: readonly number[], period: number): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonal = period > 1 && y.length >= 2 * period;
  const errors = positive ? (['A', 'M'] as const) : (['A'] as const);
  const seasons: SeasonType[] = seasonal ? ['N', 'A', 'M'] : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trendBase of ['N', 'A'] as const) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        // forecast tries damped = TRUE before FALSE.
        const trends: TrendType[] = trendBase === 'N' ? ['N'] : ['Ad', 'A'];
        for (const trend of trends) specs.push({ error, trend, season, period: season === 'N' ? 1 : period });
      }
    }
  }
  return specs;
}

/**
 * Fits every candidate and returns the one with the smallest AICc, with the whole table.
 * @param period season length in steps (1 for none)
 * @throws {ForecastError} for empty or non-finite data, a period that is not a whole
 *   number ≥ 1, or a series too short for any model (fewer than 5 values)
 * @example selectEts(airPassengers, 12).best.spec // { error: 'M', trend: 'Ad', season: 'M', period: 12 }
 */
export function selectEts(y: readonly number[], period: number, options: FitEtsOptions = {}): EtsSelection {
  assertFinite(y);
  if (!Number.isInteger(period) || period < 1) throw new ForecastError(`The season length must be a whole number ≥ 1; got ${period}.`);
  if (isConstant(y)) {
    const best = constantFit(y);
    return { best, candidates: [{ spec: best.spec, aicc: best.aicc }] };
  }
  const candidates: CandidateResult[] = [];
  let best: EtsFit | undefined;
  for (const spec of candidateSpecs(y, period)) {
    try {
      const fit = fitEts(y, spec, options);
      candidates.push({ spec, aicc: fit.aicc });
      if (Number.isFinite(fit.aicc) && (best === undefined || fit.aicc < best.aicc)) best = fit;
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      candidates.push({ spec, aicc: Number.POSITIVE_INFINITY, skipped: error.message });
    }
  }
  if (best === undefined) {
    if (y.length < 5) throw new ForecastError(`No ETS model can be fitted to ${y.length} values (${etsLabel({ error: 'A', trend: 'N', season: 'N', period: 1 })} needs at least 5).`);
    // Long enough, yet every fit failed (issue #9: values near 1e-300 underflow the likelihood);
    // the old message blamed the length, which contradicted the count it printed.
    const reason = candidates.find((c) => c.skipped !== undefined)?.skipped;
    throw new ForecastError(
      `No ETS model can be fitted to these ${y.length} values: ${reason ?? 'no candidate has a finite likelihood (values this close to 0 underflow; use a smaller unit)'}`,
    );
  }
  return { best, candidates };
}

function isConstant(y: readonly number[]): boolean {
  const first = y[0];
  return y.every((v) => v === first);
}

/**
 * forecast::ets on constant data returns ses(y, alpha = 0.99999, initial = "simple"): a
 * flat forecast with zero variance. The likelihood of a perfect fit is unbounded, so the
 * information criteria are −∞.
 */
function constantFit(y: readonly number[]): EtsFit {
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };
  const parameters = { alpha: 0.99999, beta: 0, gamma: 0, phi: 1 };
  const initialStates = { level: y[0] as number, trend: 0, seasonal: [] };
  const pass = etsRecursion(y, spec, parameters, initialStates);
  return {
    spec,
    parameters,
    initialStates,
    finalStates: pass.finalStates,
    fitted: pass.fitted,
    residuals: pass.errors,
    logLikelihood: Number.POSITIVE_INFINITY,
    aic: Number.NEGATIVE_INFINITY,
    aicc: Number.NEGATIVE_INFINITY,
    bic: Number.NEGATIVE_INFINITY,
    sigma2: 0,
    parameterCount: 3,
    n: y.length,
    evaluations: 0,
    optimiser: 'converged',
  };
}
