import { latestRunEndingBy, runEnd, runStart } from './backup-timeline.js';
import type { Distribution } from './distribution.js';
import type { DrModel, ScenarioModel, ScenarioVariant, StandbyModel } from './dr-model.js';
import { cumulativeWalGiB, walRateAt } from './wal-profile.js';

/**
 * One recovery, step by step: given a scenario, the moment it strikes and a source of
 * draws, which path recovery takes (automatic or manual failover, delayed replica, node
 * replacement, restore from the local or off-site repository) and how long each step
 * lasts. RTO is the sum of the steps (dr-anchors §3.4:
 * `RTO = T_detect + T_decide + T_provision + T_fetch_base + T_apply_chain + T_fetch_logs
 * + T_replay + T_verify + T_reroute`; failover §3.5: `T_detection + T_decision + T_redo +
 * T_promotion + T_reroute`). RPO is the time between the recovery point and the event.
 *
 * The Monte Carlo engine calls this with random draws; the analytic worst case calls it
 * with every input at its bound, so both evaluate exactly the same recovery logic.
 */

export const STEPS = ['detection', 'decision', 'manual-decision', 'node-replacement', 'provision', 'base-restore', 'chain-apply', 'log-fetch', 'replay', 'promotion', 'verification', 'reroute'] as const;
export type StepName = (typeof STEPS)[number];
export const STEP_COUNT = STEPS.length;
export const STEP = Object.fromEntries(STEPS.map((s, i) => [s, i])) as { readonly [K in StepName]: number };

/** What the data loss of a trial is made of (the RPO terms; they sum to the RPO). */
export const RPO_PARTS = ['replication-lag', 'since-last-backup', 'offsite-copy-delay', 'archive-wait', 'archive-latency', 'offsite-log-delay', 'archive-stall'] as const;
export type RpoPartName = (typeof RPO_PARTS)[number];
export const RPO_PART_COUNT = RPO_PARTS.length;
export const RPO_PART = Object.fromEntries(RPO_PARTS.map((p, i) => [p, i])) as { readonly [K in RpoPartName]: number };

export const PATHS = ['automatic-failover', 'manual-failover', 'delayed-replica', 'node-replacement', 'restore-local', 'restore-offsite', 'unrecoverable'] as const;
export type PathName = (typeof PATHS)[number];
export const PATH = Object.fromEntries(PATHS.map((p, i) => [p, i])) as { readonly [K in PathName]: number };

/** What a step's worst value is: the longest time, or the slowest throughput. */
export type Role = 'time' | 'rate';

/** The source of every uncertain quantity of a trial. */
export interface TrialSampler {
  /** Uniform in [0, 1): where in the archive interval the event falls. */
  uniform(): number;
  /** A Bernoulli draw: is this event a common-cause one? */
  commonCause(beta: number): boolean;
  draw(distribution: Distribution, role: Role): number;
  /** Detection and decision times (the worst case also tries them at their minimum). */
  drawTiming(distribution: Distribution): number;
  lag(distribution: Distribution): number;
  /** Is a backup usable (job succeeded, found restorable)? */
  usable(probability: number): boolean;
}

/** The result of one trial, written in place (no allocation per trial). */
export class TrialOutcome {
  readonly steps = new Float64Array(STEP_COUNT);
  readonly rpoParts = new Float64Array(RPO_PARTS.length);
  rpo = 0;
  rto = 0;
  /** The longest step (the one that drives RTO). */
  driver = 0;
  path = 0;
  gateRefused = false;
  /** Backups skipped because they were unusable. */
  fallbacks = 0;
  /** Log volume replayed, GiB. */
  replayGiB = 0;
  /** The backup run the restore started from (global index), or NaN. */
  baseRun = Number.NaN;
  /** The moment of the event, seconds on the model's timeline (set by the caller). */
  eventTime = 0;
  /** Scratch of a restore: the recovery point and the latest acceptable base backup end. */
  recoveryPoint = Number.NaN;
  baseBound = Number.NaN;

  reset(): void {
    const steps = this.steps;
    for (let i = 0; i < STEP_COUNT; i++) steps[i] = 0;
    const parts = this.rpoParts;
    for (let i = 0; i < RPO_PART_COUNT; i++) parts[i] = 0;
    this.rpo = 0;
    this.driver = 0;
    this.rto = 0;
    this.path = 0;
    this.gateRefused = false;
    this.fallbacks = 0;
    this.replayGiB = 0;
    this.baseRun = Number.NaN;
  }
}

const GIB = 1024 ** 3;

/** Per-scenario scratch for the backup-usability walk (lazy draws, memoised per trial). */
export class UsabilityMemo {
  readonly state: Int8Array;
  readonly stamp: Int32Array;
  readonly pending: Int32Array;
  trial = 0;
  constructor(readonly size: number) {
    this.state = new Int8Array(size);
    this.stamp = new Int32Array(size);
    this.pending = new Int32Array(size);
  }
}

/**
 * Evaluates one trial. The event's moment is passed in `out.eventTime` (seconds on the
 * model's timeline, uniform over a backup cycle) rather than as an argument: doubles
 * passed between functions the compiler does not inline are boxed, one allocation each.
 */
export function evaluateTrial(model: DrModel, scenario: ScenarioModel, sampler: TrialSampler, memo: UsabilityMemo, out: TrialOutcome): void {
  out.reset();
  const variant = scenario.commonCause !== null && sampler.commonCause(scenario.beta) ? scenario.commonCause : scenario.independent;
  const detection = sampler.drawTiming(scenario.detection);
  out.steps[STEP.detection] = detection;
  if (variant.restoreMode === 'loss' && (variant.automaticCandidates.length > 0 || variant.manualCandidates.length > 0)) {
    failover(model, variant, sampler, out);
  } else if (variant.delayedReplica !== null && delayedReplica(model, variant.delayedReplica, sampler, out)) {
    // recovered from the delayed replica
  } else if (variant.primaryDataSurvives) {
    out.path = PATH['node-replacement'];
    out.steps[STEP['node-replacement']] = sampler.draw(model.restore.replaceNode, 'time');
  } else {
    restore(model, variant, sampler, memo, out);
  }
  let rto = 0;
  let longest = -1;
  const steps = out.steps;
  for (let i = 0; i < STEP_COUNT; i++) {
    const s = steps[i] ?? 0;
    rto += s;
    if (s > longest) {
      longest = s;
      out.driver = i;
    }
  }
  out.rto = out.path === PATH.unrecoverable ? Number.POSITIVE_INFINITY : rto;
}

function failover(model: DrModel, variant: ScenarioVariant, sampler: TrialSampler, out: TrialOutcome): void {
  const f = model.failover;
  const bytesPerSecond = f.gateBytes === null ? 0 : (walRateAt(model.wal, out.eventTime) * GIB) / 3600;
  let bestAutomatic = Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  const automatic = variant.automaticCandidates;
  for (let i = 0; i < automatic.length; i++) {
    const lag = lagOf(automatic[i] as StandbyModel, sampler);
    if ((f.gateBytes === null || lag * bytesPerSecond <= f.gateBytes) && lag < bestAutomatic) bestAutomatic = lag;
    if (lag < best) best = lag;
  }
  const manual = variant.manualCandidates;
  for (let i = 0; i < manual.length; i++) {
    const lag = lagOf(manual[i] as StandbyModel, sampler);
    if (lag < best) best = lag;
  }
  if (bestAutomatic < Number.POSITIVE_INFINITY) {
    out.path = PATH['automatic-failover'];
    out.rpo = bestAutomatic;
    out.rpoParts[RPO_PART['replication-lag']] = bestAutomatic;
    out.steps[STEP.decision] = sampler.drawTiming(f.decision);
  } else {
    out.path = PATH['manual-failover'];
    out.gateRefused = automatic.length > 0;
    out.rpo = best;
    out.rpoParts[RPO_PART['replication-lag']] = best;
    out.steps[STEP['manual-decision']] = sampler.drawTiming(f.manualDecision);
  }
  const backlog = f.replayBacklogGiB.fixed && f.replayBacklogGiB.min === 0 ? 0 : sampler.draw(f.replayBacklogGiB, 'time');
  if (backlog > 0) out.steps[STEP.replay] = (backlog / sampler.draw(f.replayGiBPerHour, 'rate')) * 3600;
  out.replayGiB = backlog;
  out.steps[STEP.promotion] = sampler.draw(f.promotion, 'time');
  out.steps[STEP.reroute] = sampler.draw(f.reroute, 'time');
}

function lagOf(standby: StandbyModel, sampler: TrialSampler): number {
  return standby.sync ? 0 : sampler.lag(standby.lag);
}

/**
 * Logical corruption with a delayed replica: if someone pauses its replay before it
 * reaches the bad change (detection + decision < delay), replay up to just before the
 * change and promote it — no data lost up to the error, no restore.
 */
function delayedReplica(model: DrModel, replica: StandbyModel, sampler: TrialSampler, out: TrialOutcome): boolean {
  const t = out.eventTime;
  const decision = sampler.drawTiming(model.failover.manualDecision);
  const paused = (out.steps[STEP.detection] ?? 0) + decision;
  if (paused >= replica.delaySeconds) return false;
  out.path = PATH['delayed-replica'];
  out.rpo = 0;
  out.steps[STEP['manual-decision']] = decision;
  const volume = cumulativeWalGiB(model.wal, t) - cumulativeWalGiB(model.wal, t + paused - replica.delaySeconds);
  out.replayGiB = volume;
  if (volume > 0) out.steps[STEP.replay] = (volume / sampler.draw(model.failover.replayGiBPerHour, 'rate')) * 3600;
  out.steps[STEP.promotion] = sampler.draw(model.failover.promotion, 'time');
  out.steps[STEP.reroute] = sampler.draw(model.failover.reroute, 'time');
  return true;
}

function restore(model: DrModel, variant: ScenarioVariant, sampler: TrialSampler, memo: UsabilityMemo, out: TrialOutcome): void {
  const t = out.eventTime;
  if (variant.repository === null) {
    out.path = PATH.unrecoverable;
    out.rpo = Number.POSITIVE_INFINITY;
    return;
  }
  const offsite = variant.repository === 'offsite' && model.offsite !== null ? model.offsite : null;
  recoveryBounds(model, variant, offsite, sampler, out);
  const timeline = model.timeline;
  const latest = latestRunEndingBy(timeline, out.baseBound);
  memo.trial++;
  let base = Number.NaN;
  for (let k = 0; k < model.retainedRuns && k < memo.size; k++) {
    if (chainUsable(model, latest, k, sampler, memo)) {
      base = latest - k;
      break;
    }
    out.fallbacks++;
  }
  if (Number.isNaN(base)) {
    out.path = PATH.unrecoverable;
    out.rpo = Number.POSITIVE_INFINITY;
    return;
  }
  out.baseRun = base;
  const runs = timeline.runCount;
  const cycleIndex = Math.floor(base / runs);
  const runInCycle = base - cycleIndex * runs;
  let recoveryPoint = out.recoveryPoint;
  if (model.archiving === null) {
    recoveryPoint = model.plan.backups.consistencyPoint === 'start' ? runStart(timeline, base) : runEnd(timeline, base);
    const copyDelay = offsite === null || variant.restoreMode === 'logical' ? 0 : Math.min(offsite.copyDelaySeconds, t - recoveryPoint);
    out.rpoParts[RPO_PART['offsite-copy-delay']] = copyDelay;
    out.rpoParts[RPO_PART['since-last-backup']] = t - recoveryPoint - copyDelay;
  }
  out.path = offsite === null ? PATH['restore-local'] : PATH['restore-offsite'];
  out.rpo = Math.max(0, t - recoveryPoint);
  // The cycle is a whole number of days (or weeks), so the log profile repeats with it.
  const walAtStart = cycleIndex * model.walPerCycle + (model.walAtRunStart[runInCycle] ?? 0);
  // A backup consistent at its start (a dump, a snapshot) needs no log replay.
  const volume = model.archiving === null && model.plan.backups.consistencyPoint === 'start' ? 0 : Math.max(0, cumulativeWalGiB(model.wal, recoveryPoint) - walAtStart);
  out.replayGiB = volume;
  restoreSteps(model, offsite !== null, runInCycle, sampler, out);
}

/**
 * Where the recovery point and the newest acceptable base backup end lie: with
 * continuous archiving, the last archived log (an archive interval's wait, the
 * archiver's latency, the off-site log delay; during a silent stall, everything since it
 * began); a base backup must end before it, and for an off-site restore must have been
 * shipped before the event. Written to `out.recoveryPoint` and `out.baseBound`.
 */
function recoveryBounds(model: DrModel, variant: ScenarioVariant, offsite: DrModel['offsite'], sampler: TrialSampler, out: TrialOutcome): void {
  const t = out.eventTime;
  const archiving = model.archiving;
  const parts = out.rpoParts;
  let recoveryPoint = Number.NaN;
  let baseBound = t;
  if (variant.restoreMode === 'stall' && archiving !== null) {
    const stall = sampler.draw(archiving.stallAge, 'time');
    const wait = archiving.intervalSeconds * sampler.uniform();
    const latency = sampler.draw(archiving.latency, 'time');
    parts[RPO_PART['archive-stall']] = stall;
    parts[RPO_PART['archive-wait']] = wait;
    parts[RPO_PART['archive-latency']] = latency;
    recoveryPoint = t - stall - wait - latency;
    baseBound = recoveryPoint;
  } else if (archiving !== null) {
    if (variant.restoreMode === 'logical') recoveryPoint = t;
    else {
      const wait = archiving.intervalSeconds * sampler.uniform();
      const latency = sampler.draw(archiving.latency, 'time');
      const walDelay = offsite === null ? 0 : offsite.walDelaySeconds;
      parts[RPO_PART['archive-wait']] = wait;
      parts[RPO_PART['archive-latency']] = latency;
      parts[RPO_PART['offsite-log-delay']] = walDelay;
      recoveryPoint = t - wait - latency - walDelay;
    }
    baseBound = recoveryPoint;
  }
  // A backup is on the off-site copy only once it has been shipped before the event.
  if (offsite !== null && variant.restoreMode !== 'logical') baseBound = Math.min(baseBound, t - offsite.copyDelaySeconds);
  out.recoveryPoint = recoveryPoint;
  out.baseBound = baseBound;
}

/** The restore's own steps, once the base backup and the log volume are known. */
function restoreSteps(model: DrModel, fromOffsite: boolean, runInCycle: number, sampler: TrialSampler, out: TrialOutcome): void {
  const r = model.restore;
  const volume = out.replayGiB;
  const chainGiB = model.timeline.chainGiB[runInCycle] ?? 0;
  const steps = out.steps;
  steps[STEP['manual-decision']] = sampler.drawTiming(r.decision);
  steps[STEP.provision] = sampler.draw(r.provision, 'time');
  steps[STEP['base-restore']] = (model.sizeGiB / sampler.draw(fromOffsite ? r.offsiteBaseGiBPerHour : r.baseGiBPerHour, 'rate')) * 3600;
  if (r.chainApplyGiBPerHour !== null && chainGiB > 0) steps[STEP['chain-apply']] = (chainGiB / sampler.draw(r.chainApplyGiBPerHour, 'rate')) * 3600;
  if (volume > 0) {
    const fetch = (volume / sampler.draw(r.logFetchGiBPerHour, 'rate')) * 3600;
    const replay = (volume / sampler.draw(r.replayGiBPerHour, 'rate')) * 3600;
    steps[STEP.replay] = replay;
    steps[STEP['log-fetch']] = r.overlap ? Math.max(0, fetch - replay) : fetch;
  }
  steps[STEP.verification] = sampler.draw(r.verification, 'time');
  steps[STEP.reroute] = sampler.draw(r.reroute, 'time');
}

/**
 * Is global run (latest − k) usable together with every backup its restore needs (a
 * differential needs its full; an incremental its whole chain)? Each job's own success
 * is drawn once per trial and memoised, so runs sharing a parent agree about it.
 */
function chainUsable(model: DrModel, latest: number, k: number, sampler: TrialSampler, memo: UsabilityMemo): boolean {
  const timeline = model.timeline;
  const runs = timeline.runCount;
  const limit = Math.min(memo.size, model.retainedRuns);
  let offset = k;
  let pendingCount = 0;
  let result: boolean;
  for (;;) {
    if (offset >= limit) {
      result = false;
      break;
    }
    if (memo.stamp[offset] === memo.trial) {
      result = memo.state[offset] === 1;
      break;
    }
    const g = latest - offset;
    const i = g - Math.floor(g / runs) * runs;
    const p = timeline.successProbability[i] ?? 1;
    memo.stamp[offset] = memo.trial;
    if (!(p >= 1 || sampler.usable(p))) {
      memo.state[offset] = 0;
      result = false;
      break;
    }
    memo.pending[pendingCount++] = offset;
    const back = timeline.parentBack[i] ?? 0;
    if (back === 0) {
      result = true;
      break;
    }
    offset += back;
  }
  const settled = result ? 1 : 0;
  for (let j = 0; j < pendingCount; j++) memo.state[memo.pending[j] ?? 0] = settled;
  return result;
}
