import { latestRunEndingBy, runEnd, runStart } from './backup-timeline.js';
import { cdfAt, meanReciprocal, partialMean, probabilityBelow, representativePoints, TABLE_CELLS, type Distribution } from './distribution.js';
import type { DrModel, ScenarioModel, ScenarioVariant, StandbyModel } from './dr-model.js';
import type { Term } from './analytic-worst-case.js';
import { PATH, PATHS, RPO_PART, RPO_PARTS, STEP, STEP_COUNT, STEPS, type PathName } from './recovery-trial.js';
import { cumulativeWalGiB } from './wal-profile.js';

/**
 * Expected RPO and RTO of a scenario in closed form (and one-dimensional quadrature
 * where the backup schedule is irregular), for the same model the Monte Carlo engine
 * samples. The event time is uniform over the backup cycle, inputs are independent.
 *
 * - Periodic backups without log archiving (dr-anchors §3.1): RPO = time since the end
 *   of the newest usable backup; with independent failures of probability p the
 *   fallback depth is geometric, so for fulls every T lasting D,
 *   E[RPO] = D + T/2 + T·p/(1 − p).
 * - Continuous archiving (§3.2): E[RPO] = interval/2 + E[latency] (+ off-site log
 *   delay; + the mean age of a silent stall, E[L²]/2E[L] for stall windows L).
 * - Asynchronous replication (§3.3) with a lag gate: the promoted standby's lag; P(gate
 *   refuses) = Π P(lagᵢ > limit / log rate); refusal takes the manual path.
 * - RTO (§3.4, §3.5): the sum of the expected steps; throughput steps use E[1/B]
 *   (not 1/E[B]); replay and log fetch use E[V] with V the log volume from the base
 *   backup's start to the recovery point.
 *
 * Approximation: backups with a chain (differential → full, incremental → parent) are
 * treated as failing independently with their whole chain's success probability; the
 * simulation draws the shared parents jointly. The two agree exactly for fulls only.
 */
export interface ExpectedValue {
  readonly seconds: number;
  readonly terms: readonly Term[];
}

export interface AnalyticExpected {
  /** Conditional on recovery being possible at all. */
  readonly rpo: ExpectedValue;
  readonly rto: ExpectedValue;
  readonly pathProbabilities: Readonly<Partial<Record<PathName, number>>>;
  readonly pUnrecoverable: number;
  readonly pGateRefused: number;
}

const GIB = 1024 ** 3;
const KNOT_STRIDE = 4;

interface Accumulator {
  steps: Float64Array;
  rpoParts: Float64Array;
  paths: Float64Array;
  gateRefused: number;
}

const newAccumulator = (): Accumulator => ({ steps: new Float64Array(STEP_COUNT), rpoParts: new Float64Array(RPO_PARTS.length), paths: new Float64Array(PATHS.length), gateRefused: 0 });

/**
 * @example analyticExpected(compileDrModel(plan), model.scenarios[0]).rto.seconds
 */
export function analyticExpected(model: DrModel, scenario: ScenarioModel, cache: AnalyticCache = new AnalyticCache()): AnalyticExpected {
  const total = newAccumulator();
  const variants: [ScenarioVariant, number][] = scenario.commonCause === null ? [[scenario.independent, 1]] : [[scenario.independent, 1 - scenario.beta], [scenario.commonCause, scenario.beta]];
  for (const [variant, weight] of variants) {
    if (weight <= 0) continue;
    const part = variantExpectation(model, scenario, variant, cache);
    for (let i = 0; i < STEP_COUNT; i++) total.steps[i] = (total.steps[i] ?? 0) + weight * (part.steps[i] ?? 0);
    for (let i = 0; i < RPO_PARTS.length; i++) total.rpoParts[i] = (total.rpoParts[i] ?? 0) + weight * (part.rpoParts[i] ?? 0);
    for (let i = 0; i < PATHS.length; i++) total.paths[i] = (total.paths[i] ?? 0) + weight * (part.paths[i] ?? 0);
    total.gateRefused += weight * part.gateRefused;
  }
  // Accumulators hold E[X · 1{recoverable}]; report E[X | recoverable].
  const pUnrecoverable = total.paths[PATH.unrecoverable] ?? 0;
  const recoverable = 1 - pUnrecoverable;
  const scale = recoverable > 0 ? 1 / recoverable : 0;
  const stepTerms: Term[] = [];
  let rto = 0;
  STEPS.forEach((step, i) => {
    const seconds = (total.steps[i] ?? 0) * scale;
    rto += seconds;
    if (seconds > 0) stepTerms.push({ step, seconds });
  });
  const rpoTerms: Term[] = [];
  let rpo = 0;
  RPO_PARTS.forEach((part, i) => {
    const seconds = (total.rpoParts[i] ?? 0) * scale;
    rpo += seconds;
    if (seconds > 0) rpoTerms.push({ step: part, seconds });
  });
  const pathProbabilities: Partial<Record<PathName, number>> = {};
  PATHS.forEach((path, i) => {
    const p = total.paths[i] ?? 0;
    if (p > 0) pathProbabilities[path] = p;
  });
  return { rpo: { seconds: rpo, terms: rpoTerms }, rto: { seconds: rto, terms: stepTerms }, pathProbabilities, pUnrecoverable, pGateRefused: total.gateRefused };
}

/**
 * Failover expectations do not depend on the database size, only on the standbys' lags,
 * the gate and the log rate: the projection over months reuses them.
 */
export class AnalyticCache {
  readonly failover = new Map<string, Accumulator>();
}

function variantExpectation(model: DrModel, scenario: ScenarioModel, variant: ScenarioVariant, cache: AnalyticCache): Accumulator {
  let acc = newAccumulator();
  const detection = scenario.detection;
  if (variant.restoreMode === 'loss' && (variant.automaticCandidates.length > 0 || variant.manualCandidates.length > 0)) {
    const f = model.failover;
    const key = JSON.stringify([
      variant.automaticCandidates.map((c) => [c.name, c.sync, c.lag.spec]),
      variant.manualCandidates.map((c) => [c.name, c.sync, c.lag.spec]),
      f.gateBytes,
      [model.wal.peakGiBPerHour, model.wal.offPeakGiBPerHour, model.wal.meanGiBPerHour, model.wal.peakHours],
      [f.decision.spec, f.manualDecision.spec, f.promotion.spec, f.replayBacklogGiB.spec, f.replayGiBPerHour.spec, f.reroute.spec],
    ]);
    const cached = cache.failover.get(key);
    if (cached === undefined) {
      failoverExpectation(model, variant, acc);
      cache.failover.set(key, { steps: acc.steps.slice(), rpoParts: acc.rpoParts.slice(), paths: acc.paths.slice(), gateRefused: acc.gateRefused });
    } else acc = { steps: cached.steps.slice(), rpoParts: cached.rpoParts.slice(), paths: cached.paths.slice(), gateRefused: cached.gateRefused };
    acc.steps[STEP.detection] = detection.mean;
    return acc;
  }
  if (variant.delayedReplica !== null) {
    delayedReplicaExpectation(model, scenario, variant, variant.delayedReplica, acc);
    return acc;
  }
  if (variant.primaryDataSurvives) {
    acc.steps[STEP.detection] = detection.mean;
    acc.steps[STEP['node-replacement']] = model.restore.replaceNode.mean;
    acc.paths[PATH['node-replacement']] = 1;
    return acc;
  }
  const restore = restoreExpectation(model, variant);
  const recoverable = 1 - (restore.paths[PATH.unrecoverable] ?? 0);
  restore.steps[STEP.detection] = detection.mean * recoverable;
  return restore;
}

function survivalProduct(candidates: readonly StandbyModel[], x: number): number {
  let s = 1;
  for (const c of candidates) s *= c.sync ? (x >= 0 ? 0 : 1) : 1 - cdfAt(c.lag, x);
  return s;
}

function failoverExpectation(model: DrModel, variant: ScenarioVariant, acc: Accumulator): void {
  const f = model.failover;
  const automatic = variant.automaticCandidates;
  const manual = variant.manualCandidates;
  const wal = model.wal;
  const levels = wal.peakHours > 0 ? [{ rate: wal.peakGiBPerHour, weight: wal.peakHours / 24 }, { rate: wal.offPeakGiBPerHour, weight: 1 - wal.peakHours / 24 }] : [{ rate: wal.meanGiBPerHour, weight: 1 }];
  const survivalAutomatic = (x: number): number => (automatic.length === 0 ? 1 : survivalProduct(automatic, x));
  const survivalManual = (x: number): number => (manual.length === 0 ? 1 : survivalProduct(manual, x));
  // Knots: every 4th point of each candidate's quantile table (where the survival
  // functions bend); Simpson's rule between them.
  const knotSet = new Set<number>([0]);
  for (const c of [...automatic, ...manual]) {
    if (c.sync) continue;
    if (c.lag.fixed) knotSet.add(c.lag.min);
    else for (let i = 0; i <= TABLE_CELLS; i += KNOT_STRIDE) knotSet.add(c.lag.table[i] ?? 0);
  }
  let pAutomatic = 0;
  let expectedRpo = 0;
  for (const level of levels) {
    const bytesPerSecond = (level.rate * GIB) / 3600;
    const gate = f.gateBytes === null || bytesPerSecond <= 0 ? Number.POSITIVE_INFINITY : f.gateBytes / bytesPerSecond;
    const survivalAtGate = survivalAutomatic(gate);
    const pA = automatic.length === 0 ? 0 : 1 - survivalAtGate;
    // P(RPO > x) = P(x < A ≤ gate) + P(A > gate, min(A, M) > x)
    const tail = (x: number): number => (x < gate ? Math.max(0, survivalAutomatic(x) - survivalAtGate) : 0) + survivalAutomatic(Math.max(x, gate)) * survivalManual(x);
    const knots = [...knotSet];
    if (Number.isFinite(gate)) knots.push(gate);
    knots.sort((a, b) => a - b);
    let integral = 0;
    for (let i = 1; i < knots.length; i++) {
      const a = knots[i - 1] ?? 0;
      const b = knots[i] ?? 0;
      if (b <= a) continue;
      // Simpson per knot interval (the integrand is a low-degree polynomial there), evaluated
      // just inside the ends because the gate makes it jump.
      const h = b - a;
      const inner = h * 1e-9;
      integral += (h / 6) * (tail(a + inner) + 4 * tail((a + b) / 2) + tail(b - inner));
    }
    pAutomatic += level.weight * pA;
    expectedRpo += level.weight * integral;
  }
  acc.paths[PATH['automatic-failover']] = pAutomatic;
  acc.paths[PATH['manual-failover']] = 1 - pAutomatic;
  acc.gateRefused = automatic.length > 0 ? 1 - pAutomatic : 0;
  acc.rpoParts[RPO_PART['replication-lag']] = expectedRpo;
  acc.steps[STEP.decision] = pAutomatic * f.decision.mean;
  acc.steps[STEP['manual-decision']] = (1 - pAutomatic) * f.manualDecision.mean;
  if (!(f.replayBacklogGiB.fixed && f.replayBacklogGiB.min === 0)) acc.steps[STEP.replay] = f.replayBacklogGiB.mean * meanReciprocal(f.replayGiBPerHour) * 3600;
  acc.steps[STEP.promotion] = f.promotion.mean;
  acc.steps[STEP.reroute] = f.reroute.mean;
}

function delayedReplicaExpectation(model: DrModel, scenario: ScenarioModel, variant: ScenarioVariant, replica: StandbyModel, acc: Accumulator): void {
  const decision = model.failover.manualDecision;
  const restore = restoreExpectation(model, variant);
  const restoreRecoverable = 1 - (restore.paths[PATH.unrecoverable] ?? 0);
  const detections = representativePoints(scenario.detection, 512);
  const replayPerGiB = meanReciprocal(model.failover.replayGiBPerHour) * 3600;
  const weight = 1 / detections.length;
  for (const detection of detections) {
    const room = replica.delaySeconds - detection;
    const pSuccess = room > 0 ? probabilityBelow(decision, room) : 0;
    const decisionWhenSuccess = room > 0 ? partialMean(decision, room) : 0;
    acc.paths[PATH['delayed-replica']] = (acc.paths[PATH['delayed-replica']] ?? 0) + weight * pSuccess;
    acc.steps[STEP.detection] = (acc.steps[STEP.detection] ?? 0) + weight * detection * (pSuccess + (1 - pSuccess) * restoreRecoverable);
    acc.steps[STEP['manual-decision']] = (acc.steps[STEP['manual-decision']] ?? 0) + weight * decisionWhenSuccess;
    // Log still to replay: the delay minus the time until replay was paused, at the mean rate.
    acc.steps[STEP.replay] = (acc.steps[STEP.replay] ?? 0) + weight * model.wal.meanGiBPerHour * ((room * pSuccess - decisionWhenSuccess) / 3600) * replayPerGiB;
    acc.steps[STEP.promotion] = (acc.steps[STEP.promotion] ?? 0) + weight * pSuccess * model.failover.promotion.mean;
    acc.steps[STEP.reroute] = (acc.steps[STEP.reroute] ?? 0) + weight * pSuccess * model.failover.reroute.mean;
    const fail = 1 - pSuccess;
    for (let i = 0; i < STEP_COUNT; i++) if (i !== STEP.detection) acc.steps[i] = (acc.steps[i] ?? 0) + weight * fail * (restore.steps[i] ?? 0);
    for (let i = 0; i < RPO_PARTS.length; i++) acc.rpoParts[i] = (acc.rpoParts[i] ?? 0) + weight * fail * (restore.rpoParts[i] ?? 0);
    for (let i = 0; i < PATHS.length; i++) if (i !== PATH['delayed-replica']) acc.paths[i] = (acc.paths[i] ?? 0) + weight * fail * (restore.paths[i] ?? 0);
  }
}

/** The chain's joint success probability, per run of the cycle. */
function chainSuccess(model: DrModel): Float64Array {
  const timeline = model.timeline;
  const runs = timeline.runCount;
  const result = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    let p = 1;
    let g = i;
    for (let guard = 0; guard <= runs; guard++) {
      const j = ((g % runs) + runs) % runs;
      p *= timeline.successProbability[j] ?? 1;
      const back = timeline.parentBack[j] ?? 0;
      if (back === 0) break;
      g -= back;
    }
    result[i] = p;
  }
  return result;
}

/**
 * Restore from the surviving repository: E over the moment (uniform over the cycle) of
 * the newest usable base backup's age, its log volume and chain size, integrated exactly
 * (the integrands are linear between backup ends and log-peak boundaries).
 * Values are E[X · 1{recoverable}].
 */
function restoreExpectation(model: DrModel, variant: ScenarioVariant): Accumulator {
  const acc = newAccumulator();
  if (variant.repository === null) {
    acc.paths[PATH.unrecoverable] = 1;
    return acc;
  }
  const timeline = model.timeline;
  const runs = timeline.runCount;
  const cycle = timeline.cycleSeconds;
  const offsite = variant.repository === 'offsite' ? model.offsite : null;
  const archiving = model.archiving;
  const mode = variant.restoreMode;
  const copyDelay = offsite !== null && mode !== 'logical' ? offsite.copyDelaySeconds : 0;
  const success = chainSuccess(model);
  const fromStart = model.plan.backups.consistencyPoint === 'start';
  const wal = model.wal;
  const W = (t: number): number => cumulativeWalGiB(wal, t);

  // Shift from the event to the recovery point with archiving: s = [stall age] + U·interval + latency [+ off-site log delay].
  let meanExcessCopyDelay = 0; // E[(copyDelay − s)⁺]: the base must be older than the copy delay too
  if (archiving !== null && mode !== 'logical') {
    const stall = mode === 'stall' ? archiving.stallAge : null;
    const walDelay = mode === 'loss' && offsite !== null ? offsite.walDelaySeconds : 0;
    acc.rpoParts[RPO_PART['archive-wait']] = archiving.intervalSeconds / 2;
    acc.rpoParts[RPO_PART['archive-latency']] = archiving.latency.mean;
    acc.rpoParts[RPO_PART['offsite-log-delay']] = walDelay;
    if (stall !== null) acc.rpoParts[RPO_PART['archive-stall']] = stall.mean;
    if (copyDelay > 0) {
      const n = 128;
      const latencies = representativePoints(archiving.latency, n);
      let sum = 0;
      for (const latency of latencies) for (let j = 0; j < n; j++) sum += Math.max(0, copyDelay - ((j + 0.5) / n) * archiving.intervalSeconds - latency - walDelay);
      meanExcessCopyDelay = sum / (latencies.length * n);
    }
  }

  // Integrate over b = the bound on the base backup's end, uniform over the cycle.
  const breakpoints = new Set<number>([0, cycle]);
  for (let i = 0; i < runs; i++) {
    const end = timeline.ends[i] ?? 0;
    for (const e of [end, end - cycle, end + cycle]) if (e > 0 && e < cycle) breakpoints.add(e);
  }
  for (let day = 0; day * 86_400 < cycle; day++) {
    for (const h of [wal.peakStartHour, wal.peakStartHour + wal.peakHours, wal.peakStartHour + wal.peakHours - 24]) {
      const t = day * 86_400 + h * 3600;
      if (t > 0 && t < cycle) breakpoints.add(t);
    }
  }
  const points = [...breakpoints].sort((a, b) => a - b);
  let ageSum = 0; // E[(b − end) · 1{ok}]
  let logSinceStartSum = 0; // E[(W(b) − W(start)) · 1{ok}]
  let logInBackupSum = 0; // E[(W(end) − W(start)) · 1{ok}]
  let chainSum = 0;
  let recoverableSum = 0;
  const evaluate = (b: number): readonly [number, number, number, number, number] => {
    const latest = latestRunEndingBy(timeline, b);
    let remaining = 1;
    let age = 0;
    let logSinceStart = 0;
    let logInBackup = 0;
    let chain = 0;
    for (let k = 0; k < model.retainedRuns && remaining > 1e-15; k++) {
      const g = latest - k;
      const i = g - Math.floor(g / runs) * runs;
      const p = remaining * (success[i] ?? 1);
      if (p > 0) {
        const start = runStart(timeline, g);
        const end = runEnd(timeline, g);
        age += p * (b - (fromStart ? start : end));
        logSinceStart += p * (W(b) - W(start));
        logInBackup += fromStart ? 0 : p * (W(end) - W(start));
        chain += p * (timeline.chainGiB[i] ?? 0);
      }
      remaining -= p;
    }
    return [age, logSinceStart, logInBackup, chain, 1 - remaining];
  };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] ?? 0;
    const b = points[i] ?? 0;
    if (b - a <= 0) continue;
    const inner = Math.min(1e-6, (b - a) / 4);
    const left = evaluate(a + inner);
    const right = evaluate(b - inner);
    const w = (b - a) / cycle / 2;
    ageSum += w * (left[0] + right[0]);
    logSinceStartSum += w * (left[1] + right[1]);
    logInBackupSum += w * (left[2] + right[2]);
    chainSum += w * (left[3] + right[3]);
    recoverableSum += w * (left[4] + right[4]);
  }
  const recoverable = Math.min(1, recoverableSum);
  acc.paths[PATH.unrecoverable] = 1 - recoverable;
  acc.paths[offsite === null ? PATH['restore-local'] : PATH['restore-offsite']] = recoverable;
  const scaleParts = (i: number): void => {
    acc.rpoParts[i] = (acc.rpoParts[i] ?? 0) * recoverable;
  };
  RPO_PARTS.forEach((_, i) => scaleParts(i));

  let logVolume: number;
  if (archiving === null) {
    // RPO = copy delay + age of the newest usable backup at the bound.
    acc.rpoParts[RPO_PART['offsite-copy-delay']] = copyDelay * recoverable;
    acc.rpoParts[RPO_PART['since-last-backup']] = ageSum;
    logVolume = logInBackupSum;
  } else if (mode === 'logical') {
    logVolume = logSinceStartSum;
  } else {
    // V = [W(rp) − W(bound)] + [W(bound) − W(start)]; the first is the mean rate × E[(copyDelay − s)⁺].
    logVolume = logSinceStartSum + recoverable * (meanExcessCopyDelay * wal.meanGiBPerHour) / 3600;
  }
  const r = model.restore;
  acc.steps[STEP['manual-decision']] = recoverable * r.decision.mean;
  acc.steps[STEP.provision] = recoverable * r.provision.mean;
  acc.steps[STEP['base-restore']] = recoverable * model.sizeGiB * meanReciprocal(offsite === null ? r.baseGiBPerHour : r.offsiteBaseGiBPerHour) * 3600;
  if (r.chainApplyGiBPerHour !== null) acc.steps[STEP['chain-apply']] = chainSum * meanReciprocal(r.chainApplyGiBPerHour) * 3600;
  acc.steps[STEP.replay] = logVolume * meanReciprocal(r.replayGiBPerHour) * 3600;
  acc.steps[STEP['log-fetch']] = logVolume * (r.overlap ? meanPositiveDifference(r.logFetchGiBPerHour, r.replayGiBPerHour) : meanReciprocal(r.logFetchGiBPerHour)) * 3600;
  acc.steps[STEP.verification] = recoverable * r.verification.mean;
  acc.steps[STEP.reroute] = recoverable * r.reroute.mean;
  return acc;
}

const positiveDifferences = new Map<string, number>();

/** E[max(0, 1/F − 1/R)] for independent F, R: the part of log fetch that replay does not hide (memoised). */
function meanPositiveDifference(fetch: Distribution, replay: Distribution): number {
  const key = JSON.stringify([fetch.spec, replay.spec]);
  let found = positiveDifferences.get(key);
  if (found === undefined) {
    found = meanPositiveDifferenceUncached(fetch, replay);
    if (positiveDifferences.size >= 64) positiveDifferences.delete(positiveDifferences.keys().next().value ?? '');
    positiveDifferences.set(key, found);
  }
  return found;
}

function meanPositiveDifferenceUncached(fetch: Distribution, replay: Distribution): number {
  const n = 256;
  const fs = representativePoints(fetch, n);
  const rs = representativePoints(replay, n);
  let sum = 0;
  for (const f of fs) for (const r of rs) sum += Math.max(0, 1 / f - 1 / r);
  return sum / (fs.length * rs.length);
}
