import { SeededRandom } from '../random/seeded-random.js';
import { TABLE_CELLS, type Distribution } from './distribution.js';
import type { DrModel, ScenarioModel } from './dr-model.js';
import { LogHistogram } from './log-histogram.js';
import { evaluateTrial, PATH, PATHS, STEP_COUNT, STEPS, TrialOutcome, UsabilityMemo, type PathName, type StepName, type TrialSampler } from './recovery-trial.js';

/**
 * Monte Carlo simulation of a DR plan's scenarios: per trial, an event at a uniform
 * moment of the backup cycle, every uncertain input drawn from its distribution
 * (detection and decision times, lags, throughputs, backup usability, archive stalls,
 * common-cause or not), the recovery evaluated step by step (recovery-trial.ts).
 *
 * - Reproducible byte for byte: each scenario draws from its own xoshiro128** stream
 *   (shared/random/seeded-random.ts) seeded from (seed, scenario index), and every
 *   statistic is accumulated in a fixed order.
 * - Bounded memory: no sample is kept. Quantiles come from fixed-size log histograms
 *   (log-histogram.ts; < 0.2 % binning error); means from running sums.
 * - Sampling error: of the means by batch means (20 consecutive non-overlapping batches;
 *   Law & Kelton, *Simulation Modeling and Analysis*, §9.5.3: the batches' standard
 *   deviation / √20); of P50/P95/P99 by the distribution-free binomial interval on order
 *   statistics, read off the same histogram (no per-batch histograms, so no per-trial
 *   cost); of P(meet) the binomial √(p(1 − p)/N) (dr-anchors §3.7).
 */

export interface SimulationOptions {
  readonly trials: number;
  readonly seed: number;
  /** Called every 65 536 trials with (trials done, trials in total) over all scenarios. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Polled with progress; return true to stop (throws {@link SimulationCancelled}). */
  readonly shouldCancel?: () => boolean;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** Simulated distribution of RPO or RTO, seconds; null where a value is infinite (no recovery). */
export interface SimulatedDistribution {
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly min: number | null;
  readonly maxSeen: number | null;
  /** Standard errors of the estimates above: the mean by batch means, quantiles by the binomial order-statistic interval (null when undefined). */
  readonly standardError: { readonly mean: number | null; readonly p50: number | null; readonly p95: number | null; readonly p99: number | null };
  /** Quantiles at p = 0, 0.01, …, 0.99, 0.995, 0.999, 1 — enough to draw a CDF. */
  readonly cdf: readonly { readonly p: number; readonly seconds: number | null }[];
}

export interface ScenarioSimulation {
  readonly id: string;
  readonly trials: number;
  readonly rpo: SimulatedDistribution;
  readonly rto: SimulatedDistribution;
  readonly pMeetRpo: number;
  readonly pMeetRto: number;
  readonly pMeetBoth: number;
  readonly pMeetStandardError: { readonly rpo: number; readonly rto: number };
  /** Share of trials in which each step was the longest (of recoverable trials). */
  readonly drivers: readonly { readonly step: StepName; readonly share: number }[];
  readonly paths: readonly { readonly path: PathName; readonly share: number }[];
  readonly pGateRefused: number;
  readonly pUnrecoverable: number;
  /** Share of restores that had to fall back to an older backup. */
  readonly pFallback: number;
  /** Mean log volume replayed, GiB (recoverable trials). */
  readonly meanReplayGiB: number;
}

export const BATCHES = 20;
const CDF_POINTS = [...Array.from({ length: 100 }, (_, i) => i / 100), 0.995, 0.999, 1];

const BUFFER = 4096;

/**
 * Draws from the compiled distributions with one table lookup per draw.
 *
 * The generator's 32-bit outputs are produced ahead in blocks (the same sequence,
 * consumed in the same order, so results depend only on the seed) so that a draw is a
 * few bytecodes the compiler inlines into the recovery steps. Table lookups and coin
 * flips take 16-bit uniforms — both halves of one xoshiro128** output, whose bits are
 * all of full quality — which resolves a 4 096-cell quantile table to 1/16 of a cell
 * and a probability to 1.5·10⁻⁵; the moment of the event and the position in the
 * archive interval take full 32-bit uniforms. This halves the generator calls, the
 * largest cost of a trial.
 */
export class RandomSampler implements TrialSampler {
  private readonly wide = new Float64Array(BUFFER);
  private readonly narrow = new Float64Array(BUFFER);
  private widePosition = BUFFER;
  private narrowPosition = BUFFER;
  constructor(private readonly rng: SeededRandom) {}
  private refillWide(): void {
    const buffer = this.wide;
    const rng = this.rng;
    for (let i = 0; i < BUFFER; i++) buffer[i] = rng.next();
    this.widePosition = 0;
  }
  private refillNarrow(): void {
    const buffer = this.narrow;
    const rng = this.rng;
    for (let i = 0; i < BUFFER; i += 2) {
      const bits = rng.nextUint32();
      // Cell midpoints: uniform on (0, 1) with 16-bit resolution.
      buffer[i] = ((bits >>> 16) + 0.5) / 65_536;
      buffer[i + 1] = ((bits & 0xffff) + 0.5) / 65_536;
    }
    this.narrowPosition = 0;
  }
  uniform(): number {
    if (this.widePosition === BUFFER) this.refillWide();
    return this.wide[this.widePosition++] ?? 0;
  }
  private narrowUniform(): number {
    if (this.narrowPosition === BUFFER) this.refillNarrow();
    return this.narrow[this.narrowPosition++] ?? 0;
  }
  commonCause(beta: number): boolean {
    return this.narrowUniform() < beta;
  }
  draw(distribution: Distribution): number {
    if (distribution.fixed) return distribution.min;
    const x = this.narrowUniform() * TABLE_CELLS;
    const i = x | 0;
    const table = distribution.table;
    const lo = table[i] ?? 0;
    return lo + (x - i) * ((table[i + 1] ?? lo) - lo);
  }
  drawTiming(distribution: Distribution): number {
    return this.draw(distribution);
  }
  lag(distribution: Distribution): number {
    return this.draw(distribution);
  }
  usable(probability: number): boolean {
    return this.narrowUniform() < probability;
  }
}

/** Batch-means standard error of the mean: sd of the batch means / √batches (null with one batch or a batch without recovery). */
function batchMeansError(batchMeans: Float64Array, batches: number, offset: number): number | null {
  if (batches < 2) return null;
  let mean = 0;
  for (let b = 0; b < batches; b++) mean += batchMeans[b * 2 + offset] ?? Number.NaN;
  mean /= batches;
  if (!Number.isFinite(mean)) return null;
  let squares = 0;
  for (let b = 0; b < batches; b++) squares += ((batchMeans[b * 2 + offset] ?? 0) - mean) ** 2;
  return Math.sqrt(squares / (batches - 1) / batches);
}

/**
 * Standard error of the sample p-quantile from the distribution-free binomial interval on
 * order statistics: the ranks N·p ± z·√(N·p(1 − p)) bracket the true quantile with
 * probability ≈ 2Φ(z) − 1 (Hahn & Meeker, *Statistical Intervals*, §5.2); half the
 * interval's width over z is the standard error. Zero when the quantile sits on an atom
 * (e.g. RPO exactly 0 with a synchronous standby); null when it borders no recovery.
 */
function quantileError(histogram: LogHistogram, p: number): number | null {
  const n = histogram.count;
  const z = 1.959963984540054;
  const half = z * Math.sqrt((p * (1 - p)) / n);
  const [low, high] = histogram.quantiles([Math.max(0, p - half), Math.min(1, p + half)]);
  if (low === undefined || high === undefined || !Number.isFinite(high)) return null;
  return (high - low) / (2 * z);
}

/** The seed of scenario `index`'s stream: scenarios do not share or shift each other's draws. */
export function scenarioSeed(seed: number, index: number): number {
  return (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
}

/**
 * Simulates every scenario of a compiled plan.
 * @param options.trials trials per scenario (≥ 1)
 * @param options.seed any integer; the same seed gives identical results
 * @throws {SimulationCancelled} when `shouldCancel` returns true
 * @example simulateScenarios(compileDrModel(plan), { trials: 100_000, seed: 1 })
 */
export function simulateScenarios(model: DrModel, options: SimulationOptions): ScenarioSimulation[] {
  const total = options.trials * model.scenarios.length;
  let done = 0;
  return model.scenarios.map((scenario, index) => {
    const result = simulateScenario(model, scenario, options.trials, scenarioSeed(options.seed, index), (n) => {
      if (options.shouldCancel?.() === true) throw new SimulationCancelled();
      options.onProgress?.(done + n, total);
    });
    done += options.trials;
    options.onProgress?.(done, total);
    return result;
  });
}

/** Indices of the running sums of a simulation (one Float64Array: no field-shape churn in the hot loop). */
const enum Sum {
  MeetRpo,
  MeetRto,
  MeetBoth,
  GateRefused,
  Restores,
  Fallbacks,
  Recoverable,
  Rpo,
  Rto,
  Replay,
  BatchRpo,
  BatchRto,
  BatchCount,
  Size,
}

/** Everything one scenario's trials read and update. */
class TrialRun {
  readonly sampler: RandomSampler;
  readonly memo: UsabilityMemo;
  readonly outcome = new TrialOutcome();
  readonly rpoHistogram = new LogHistogram();
  readonly rtoHistogram = new LogHistogram();
  readonly sums = new Float64Array(Sum.Size);
  readonly driverCounts = new Float64Array(STEP_COUNT);
  readonly pathCounts = new Float64Array(PATHS.length);
  constructor(
    readonly model: DrModel,
    readonly scenario: ScenarioModel,
    rng: SeededRandom,
  ) {
    this.sampler = new RandomSampler(rng);
    this.memo = new UsabilityMemo(Math.max(8, model.retainedRuns + 1));
  }
}

/**
 * Runs `count` trials. Kept apart from the batch bookkeeping and called per chunk, so
 * that the optimising compiler sees a short, regularly re-entered function rather than
 * one long loop it must replace on the stack (which, after a deoptimisation, it can be
 * slow to do again).
 */
function runTrials(run: TrialRun, count: number): void {
  const { model, scenario, sampler, memo, outcome, rpoHistogram, rtoHistogram, sums, driverCounts, pathCounts } = run;
  const cycle = model.timeline.cycleSeconds;
  const rpoTarget = scenario.spec.targets.rpoSeconds;
  const rtoTarget = scenario.spec.targets.rtoSeconds;
  const unrecoverablePath = PATH.unrecoverable;
  const restoreLocal = PATH['restore-local'];
  const restoreOffsite = PATH['restore-offsite'];
  let meetRpo = 0;
  let meetRto = 0;
  let meetBoth = 0;
  let gateRefused = 0;
  let restores = 0;
  let fallbacks = 0;
  let recoverable = 0;
  let rpoSum = 0;
  let rtoSum = 0;
  let replaySum = 0;
  for (let trial = 0; trial < count; trial++) {
    outcome.eventTime = sampler.uniform() * cycle;
    evaluateTrial(model, scenario, sampler, memo, outcome);
    const rpo = outcome.rpo;
    const rto = outcome.rto;
    rpoHistogram.addBinned(LogHistogram.binOf(rpo), rpo);
    rtoHistogram.addBinned(LogHistogram.binOf(rto), rto);
    const okRpo = rpo <= rpoTarget;
    const okRto = rto <= rtoTarget;
    if (okRpo) meetRpo++;
    if (okRto) meetRto++;
    if (okRpo && okRto) meetBoth++;
    const path = outcome.path;
    pathCounts[path] = (pathCounts[path] ?? 0) + 1;
    if (outcome.gateRefused) gateRefused++;
    if (path === restoreLocal || path === restoreOffsite) {
      restores++;
      if (outcome.fallbacks > 0) fallbacks++;
    }
    if (path !== unrecoverablePath) {
      recoverable++;
      rpoSum += rpo;
      rtoSum += rto;
      replaySum += outcome.replayGiB;
      driverCounts[outcome.driver] = (driverCounts[outcome.driver] ?? 0) + 1;
    }
  }
  // Chunk totals are added in a fixed order, so the result does not depend on timing.
  sums[Sum.MeetRpo] = (sums[Sum.MeetRpo] ?? 0) + meetRpo;
  sums[Sum.MeetRto] = (sums[Sum.MeetRto] ?? 0) + meetRto;
  sums[Sum.MeetBoth] = (sums[Sum.MeetBoth] ?? 0) + meetBoth;
  sums[Sum.GateRefused] = (sums[Sum.GateRefused] ?? 0) + gateRefused;
  sums[Sum.Restores] = (sums[Sum.Restores] ?? 0) + restores;
  sums[Sum.Fallbacks] = (sums[Sum.Fallbacks] ?? 0) + fallbacks;
  sums[Sum.Recoverable] = (sums[Sum.Recoverable] ?? 0) + recoverable;
  sums[Sum.Rpo] = (sums[Sum.Rpo] ?? 0) + rpoSum;
  sums[Sum.Rto] = (sums[Sum.Rto] ?? 0) + rtoSum;
  sums[Sum.Replay] = (sums[Sum.Replay] ?? 0) + replaySum;
  sums[Sum.BatchRpo] = (sums[Sum.BatchRpo] ?? 0) + rpoSum;
  sums[Sum.BatchRto] = (sums[Sum.BatchRto] ?? 0) + rtoSum;
  sums[Sum.BatchCount] = (sums[Sum.BatchCount] ?? 0) + recoverable;
}

const CHUNK = 4096;

/**
 * Simulates one scenario.
 * @param trials number of trials (≥ 1)
 * @param seed the stream's seed
 */
export function simulateScenario(model: DrModel, scenario: ScenarioModel, trials: number, seed: number, progress?: (done: number) => void): ScenarioSimulation {
  if (!(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`trials must be a whole number ≥ 1, got ${trials}`);
  const run = new TrialRun(model, scenario, new SeededRandom(seed));
  const { rpoHistogram, rtoHistogram, sums, driverCounts, pathCounts } = run;
  const batches = trials >= BATCHES * 10 ? BATCHES : 1;
  const batchSize = Math.floor(trials / batches);
  const batchMeans = new Float64Array(batches * 2); // per batch: mean RPO, mean RTO (NaN when a trial had no recovery)
  let done = 0;
  let nextProgress = 65_536;
  for (let batch = 0; batch < batches; batch++) {
    const batchEnd = batch === batches - 1 ? trials : (batch + 1) * batchSize;
    while (done < batchEnd) {
      const chunk = Math.min(CHUNK, batchEnd - done);
      runTrials(run, chunk);
      done += chunk;
      if (done >= nextProgress) {
        progress?.(done);
        nextProgress += 65_536;
      }
    }
    const batchCount = sums[Sum.BatchCount] ?? 0;
    const batchTrials = batchEnd - (batch === 0 ? 0 : batch * batchSize);
    const complete = batchCount === batchTrials && batchCount > 0;
    batchMeans[batch * 2] = complete ? (sums[Sum.BatchRpo] ?? 0) / batchCount : Number.NaN;
    batchMeans[batch * 2 + 1] = complete ? (sums[Sum.BatchRto] ?? 0) / batchCount : Number.NaN;
    sums[Sum.BatchRpo] = 0;
    sums[Sum.BatchRto] = 0;
    sums[Sum.BatchCount] = 0;
  }
  const meetRpo = sums[Sum.MeetRpo] ?? 0;
  const meetRto = sums[Sum.MeetRto] ?? 0;
  const meetBoth = sums[Sum.MeetBoth] ?? 0;
  const gateRefused = sums[Sum.GateRefused] ?? 0;
  const restores = sums[Sum.Restores] ?? 0;
  const fallbacks = sums[Sum.Fallbacks] ?? 0;
  const recoverable = sums[Sum.Recoverable] ?? 0;
  const rpoSum = sums[Sum.Rpo] ?? 0;
  const rtoSum = sums[Sum.Rto] ?? 0;
  const replaySum = sums[Sum.Replay] ?? 0;
  const unrecoverablePath = PATH.unrecoverable;

  const allRecoverable = recoverable === trials;
  const summarize = (histogram: LogHistogram, sum: number, offset: number): SimulatedDistribution => {
    const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
    const [p50, p95, p99] = histogram.quantiles([0.5, 0.95, 0.99]);
    const cdf = histogram.quantiles(CDF_POINTS);
    return {
      mean: allRecoverable ? sum / trials : null,
      p50: finite(p50 ?? Number.NaN),
      p95: finite(p95 ?? Number.NaN),
      p99: finite(p99 ?? Number.NaN),
      min: finite(histogram.min),
      maxSeen: histogram.infinite > 0 ? null : finite(histogram.max),
      standardError: { mean: batchMeansError(batchMeans, batches, offset), p50: quantileError(histogram, 0.5), p95: quantileError(histogram, 0.95), p99: quantileError(histogram, 0.99) },
      cdf: CDF_POINTS.map((p, i) => ({ p, seconds: finite(cdf[i] ?? Number.NaN) })),
    };
  };
  const share = (count: number, of: number): number => (of > 0 ? count / of : 0);
  const pMeetRpo = meetRpo / trials;
  const pMeetRto = meetRto / trials;
  return {
    id: scenario.spec.id,
    trials,
    rpo: summarize(rpoHistogram, rpoSum, 0),
    rto: summarize(rtoHistogram, rtoSum, 1),
    pMeetRpo,
    pMeetRto,
    pMeetBoth: meetBoth / trials,
    pMeetStandardError: { rpo: Math.sqrt((pMeetRpo * (1 - pMeetRpo)) / trials), rto: Math.sqrt((pMeetRto * (1 - pMeetRto)) / trials) },
    drivers: STEPS.map((step, i) => ({ step, share: share(driverCounts[i] ?? 0, recoverable) }))
      .filter((d) => d.share > 0)
      .sort((a, b) => b.share - a.share || STEPS.indexOf(a.step) - STEPS.indexOf(b.step)),
    paths: PATHS.map((path, i) => ({ path, share: share(pathCounts[i] ?? 0, trials) })).filter((p) => p.share > 0),
    pGateRefused: gateRefused / trials,
    pUnrecoverable: (pathCounts[unrecoverablePath] ?? 0) / trials,
    pFallback: share(fallbacks, restores),
    meanReplayGiB: share(replaySum, recoverable),
  };
}
