import type { Distribution } from './distribution.js';
import type { DrModel, ScenarioModel } from './dr-model.js';
import { evaluateTrial, PATHS, RPO_PARTS, STEPS, TrialOutcome, UsabilityMemo, type PathName, type TrialSampler } from './recovery-trial.js';

/** One named term of a formula, in seconds. */
export interface Term {
  readonly step: string;
  readonly seconds: number;
}

/** A worst case: its value, the recovery path it takes, and its terms (they sum to it). */
export interface WorstCase {
  readonly seconds: number | null;
  readonly path: PathName;
  readonly terms: readonly Term[];
  /** Where in the backup cycle the event strikes, seconds from the cycle's start. */
  readonly atCycleSeconds: number;
}

interface Profile {
  readonly commonCause: boolean;
  /** Detection and decision at their maximum, or their minimum (a fast decision can pick a longer path). */
  readonly timing: 'max' | 'min';
  readonly lag: 'max' | 'min';
  /** Position in the archive interval: just before the next archive, or right after one. */
  readonly archiveWait: number;
}

/** Every uncertain input at the bound that hurts (times at their maximum, throughputs at their minimum). */
class BoundSampler implements TrialSampler {
  constructor(private readonly profile: Profile) {}
  uniform(): number {
    return this.profile.archiveWait;
  }
  commonCause(): boolean {
    return this.profile.commonCause;
  }
  draw(distribution: Distribution, role: 'time' | 'rate'): number {
    return role === 'time' ? distribution.max : distribution.min;
  }
  drawTiming(distribution: Distribution): number {
    return this.profile.timing === 'max' ? distribution.max : distribution.min;
  }
  lag(distribution: Distribution): number {
    return this.profile.lag === 'max' ? distribution.max : distribution.min;
  }
  usable(): boolean {
    return true;
  }
}

const EPSILON = 1e-6;

/**
 * Moments worth trying: just before and just after each backup's consistency point,
 * shifted by every combination of the delays between an event and the newest usable
 * backup (off-site copy, archive wait + latency + off-site log delay, stall age) — the
 * RPO and the replay volume grow between those points and drop at them — plus the
 * start and end of the daily log peak (failover gates compare lag in bytes).
 */
function candidateMoments(model: DrModel, scenario: ScenarioModel): number[] {
  const timeline = model.timeline;
  const shifts = [0];
  const add = (delta: number): void => {
    for (const s of [...shifts]) shifts.push(s + delta);
  };
  if (model.offsite !== null) add(model.offsite.copyDelaySeconds);
  if (model.archiving !== null) {
    add(model.archiving.intervalSeconds + model.archiving.latency.max + (model.offsite?.walDelaySeconds ?? 0));
    if (scenario.spec.kind === 'silent-archive-failure') add(model.archiving.stallAge.max);
  }
  const moments: number[] = [];
  const cycle = timeline.cycleSeconds;
  for (let i = 0; i < timeline.runCount; i++) {
    const end = timeline.ends[i] ?? 0;
    for (const shift of shifts) for (const side of [-EPSILON, EPSILON]) moments.push(end + shift + side);
  }
  const peakStart = model.wal.peakStartHour * 3600;
  for (let day = 0; day * 86_400 < cycle; day++) {
    moments.push(day * 86_400 + peakStart + 1, day * 86_400 + peakStart + model.wal.peakHours * 3600 + 1);
  }
  moments.push(0);
  return moments;
}

/**
 * The analytic worst case of a scenario: the recovery logic of the Monte Carlo engine
 * evaluated with every input at its bound, maximised over the moment of the event, over
 * common-cause or not (when β > 0), and over the gate's outcomes. Every backup is taken
 * to be usable here; the simulation adds failed backups, and the reported `worst` is the
 * larger of this and the largest simulated value.
 */
export function analyticWorstCase(model: DrModel, scenario: ScenarioModel): { readonly rpo: WorstCase; readonly rto: WorstCase } {
  const outcome = new TrialOutcome();
  const memo = new UsabilityMemo(Math.max(8, model.retainedRuns + 1));
  let rpo: WorstCase | null = null;
  let rto: WorstCase | null = null;
  const moments = candidateMoments(model, scenario);
  // Only the dimensions that can matter for this scenario: lags where a standby may be
  // promoted, a fast decision where a delayed replica may win, the archive position where
  // a restore replays archived log.
  const variants = scenario.commonCause === null ? [scenario.independent] : [scenario.independent, scenario.commonCause];
  const hasLag = variants.some((v) => [...v.automaticCandidates, ...v.manualCandidates].some((c) => !c.sync && !c.lag.fixed));
  const hasDelayed = variants.some((v) => v.delayedReplica !== null);
  const restores = model.archiving !== null && variants.some((v) => v.repository !== null);
  const profiles: Profile[] = [];
  for (const commonCause of scenario.commonCause === null ? [false] : [false, true]) {
    for (const timing of hasDelayed ? (['max', 'min'] as const) : (['max'] as const)) {
      for (const lag of hasLag ? (['max', 'min'] as const) : (['max'] as const)) for (const archiveWait of restores ? [1 - 1e-12, 0] : [1 - 1e-12]) profiles.push({ commonCause, timing, lag, archiveWait });
    }
  }
  for (const profile of profiles) {
    const sampler = new BoundSampler(profile);
    for (const t of moments) {
      outcome.eventTime = t;
      evaluateTrial(model, scenario, sampler, memo, outcome);
      const path = PATHS[outcome.path] ?? 'unrecoverable';
      const at = t - Math.floor(t / model.timeline.cycleSeconds) * model.timeline.cycleSeconds;
      if (rpo === null || isWorse(outcome.rpo, rpo.seconds)) {
        rpo = { seconds: finiteOrNull(outcome.rpo), path, terms: rpoTerms(outcome), atCycleSeconds: at };
      }
      if (rto === null || isWorse(outcome.rto, rto.seconds)) {
        rto = { seconds: finiteOrNull(outcome.rto), path, terms: rtoTerms(outcome), atCycleSeconds: at };
      }
    }
  }
  const none: WorstCase = { seconds: 0, path: 'automatic-failover', terms: [], atCycleSeconds: 0 };
  return { rpo: rpo ?? none, rto: rto ?? none };
}

function isWorse(value: number, current: number | null): boolean {
  if (current === null) return false;
  return value > current + 1e-9;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The RTO terms of an outcome, in the order the steps happen (zero terms left out). */
export function rtoTerms(outcome: TrialOutcome): Term[] {
  const terms: Term[] = [];
  STEPS.forEach((step, i) => {
    const seconds = outcome.steps[i] ?? 0;
    if (seconds > 0) terms.push({ step, seconds });
  });
  return terms;
}

/** The RPO terms of an outcome (zero terms left out). */
export function rpoTerms(outcome: TrialOutcome): Term[] {
  const terms: Term[] = [];
  RPO_PARTS.forEach((part, i) => {
    const seconds = outcome.rpoParts[i] ?? 0;
    if (seconds > 0) terms.push({ step: part, seconds });
  });
  return terms;
}
