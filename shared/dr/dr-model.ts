import { buildBackupTimeline, retainedRunWindow, type BackupTimeline } from './backup-timeline.js';
import { compileDistribution, equilibriumAgeDistribution, type Distribution, type DistributionSpec } from './distribution.js';
import { type DrPlan, type ScenarioSpec, type StandbySpec } from './dr-plan.js';
import { sizeAtMonth } from './size-forecast.js';
import { cumulativeWalGiB, walProfile, type WalProfile } from './wal-profile.js';

/**
 * A plan compiled for one month of the projection: the backup timeline at that month's
 * size, the log profile, every uncertain input as a sampling table, and per scenario
 * what survives it. Both the analytic calculators and the Monte Carlo engine evaluate
 * this same model, so "analytic worst case" and "simulated P95" describe one plan.
 */
export interface DrModel {
  readonly plan: DrPlan;
  readonly month: number;
  readonly sizeGiB: number;
  readonly timeline: BackupTimeline;
  readonly wal: WalProfile;
  /** W(start of run i) in cycle 0, and the log of one whole cycle (GiB): W(start of c·R + i) = c·walPerCycle + walAtRunStart[i]. */
  readonly walAtRunStart: Float64Array;
  readonly walPerCycle: number;
  readonly archiving: ArchivingModel | null;
  readonly failover: FailoverModel;
  readonly restore: RestoreModel;
  readonly offsite: { readonly copyDelaySeconds: number; readonly walDelaySeconds: number } | null;
  /** How many runs back backups are retained; walking further finds nothing. */
  readonly retainedRuns: number;
  readonly scenarios: readonly ScenarioModel[];
}

export interface ArchivingModel {
  readonly intervalSeconds: number;
  readonly latency: Distribution;
  /** Age of a silent stall found in progress (equilibrium distribution of notice + fix). */
  readonly stallAge: Distribution;
  readonly stallWindow: Distribution;
}

export interface FailoverModel {
  readonly automatic: boolean;
  readonly decision: Distribution;
  readonly manualDecision: Distribution;
  readonly promotion: Distribution;
  readonly replayBacklogGiB: Distribution;
  readonly replayGiBPerHour: Distribution;
  readonly reroute: Distribution;
  readonly gateBytes: number | null;
}

export interface RestoreModel {
  readonly decision: Distribution;
  readonly provision: Distribution;
  readonly baseGiBPerHour: Distribution;
  readonly offsiteBaseGiBPerHour: Distribution;
  readonly chainApplyGiBPerHour: Distribution | null;
  readonly logFetchGiBPerHour: Distribution;
  readonly replayGiBPerHour: Distribution;
  readonly overlap: boolean;
  readonly verification: Distribution;
  readonly reroute: Distribution;
  readonly replaceNode: Distribution;
}

export interface StandbyModel {
  readonly name: string;
  readonly sync: boolean;
  readonly lag: Distribution;
  readonly delaySeconds: number;
}

export type RestoreMode = 'loss' | 'logical' | 'stall';

/** What one variant of a scenario (independent, or common-cause) leaves to recover with. */
export interface ScenarioVariant {
  readonly automaticCandidates: readonly StandbyModel[];
  readonly manualCandidates: readonly StandbyModel[];
  readonly delayedReplica: StandbyModel | null;
  /** Node failure: the primary's storage survives, a replacement node can attach it. */
  readonly primaryDataSurvives: boolean;
  readonly repository: 'local' | 'offsite' | null;
  readonly restoreMode: RestoreMode;
  /** Plain-language list of what this variant takes out. */
  readonly lost: readonly string[];
}

export interface ScenarioModel {
  readonly spec: ScenarioSpec;
  readonly detection: Distribution;
  readonly independent: ScenarioVariant;
  /** The common-cause variant (probability β); null when β = 0 or it changes nothing. */
  readonly commonCause: ScenarioVariant | null;
  readonly beta: number;
}

/** Compiles each distinct spec once (tables are reused across the months of a projection). */
export class DistributionCache {
  private readonly cache = new Map<string, Distribution>();
  get(spec: DistributionSpec): Distribution {
    const key = JSON.stringify(spec);
    let found = this.cache.get(key);
    if (found === undefined) {
      found = compileDistribution(spec);
      this.cache.set(key, found);
    }
    return found;
  }
  getDerived(key: string, make: () => Distribution): Distribution {
    let found = this.cache.get(key);
    if (found === undefined) {
      found = make();
      this.cache.set(key, found);
    }
    return found;
  }
}

/**
 * Compiles the plan for month `month` of its projection.
 * @param overrides replace the size (GiB) — used by property tests and what-ifs
 */
export function compileDrModel(plan: DrPlan, month = 0, cache = new DistributionCache(), overrides: { sizeGiB?: number } = {}): DrModel {
  const sizeGiB = overrides.sizeGiB ?? sizeAtMonth(plan.database, month);
  const scale = plan.database.walGrowsWithSize ? sizeGiB / plan.database.sizeGiB : 1;
  const db = plan.database;
  const wal = walProfile(db.walGiBPerHour * scale, db.walPeakGiBPerHour * scale, db.walPeakHours, db.walPeakStartHour);
  const timeline = buildBackupTimeline(plan.backups, sizeGiB, db.dailyChangedFraction);
  const d = (spec: DistributionSpec): Distribution => cache.get(spec);
  const archiving: ArchivingModel | null =
    plan.archiving === null
      ? null
      : (() => {
          const a = plan.archiving;
          const notice = d(a.timeToNoticeSeconds);
          const fix = d(a.timeToFixSeconds);
          const window = cache.getDerived(`window:${JSON.stringify([a.timeToNoticeSeconds, a.timeToFixSeconds])}`, () => sumDistribution(notice, fix));
          return {
            intervalSeconds: a.intervalSeconds,
            latency: d(a.latencySeconds),
            stallWindow: window,
            stallAge: cache.getDerived(`age:${JSON.stringify([a.timeToNoticeSeconds, a.timeToFixSeconds])}`, () => equilibriumAgeDistribution(window)),
          };
        })();
  const f = plan.failover;
  const r = plan.restore;
  const model: Omit<DrModel, 'scenarios'> = {
    plan,
    month,
    sizeGiB,
    timeline,
    wal,
    walAtRunStart: Float64Array.from(timeline.starts, (start) => cumulativeWalGiB(wal, start)),
    walPerCycle: cumulativeWalGiB(wal, timeline.cycleSeconds),
    archiving,
    failover: {
      automatic: f.automatic,
      decision: d(f.decisionSeconds),
      manualDecision: d(f.manualDecisionSeconds),
      promotion: d(f.promotionSeconds),
      replayBacklogGiB: d(f.replayBacklogGiB),
      replayGiBPerHour: d(f.replayGiBPerHour),
      reroute: d(f.rerouteSeconds),
      gateBytes: f.maximumLagOnFailoverBytes,
    },
    restore: {
      decision: d(r.decisionSeconds),
      provision: d(r.provisionSeconds),
      baseGiBPerHour: d(r.baseGiBPerHour),
      offsiteBaseGiBPerHour: d(r.offsiteBaseGiBPerHour),
      chainApplyGiBPerHour: r.chainApplyGiBPerHour === null ? null : d(r.chainApplyGiBPerHour),
      logFetchGiBPerHour: d(r.logFetchGiBPerHour),
      replayGiBPerHour: d(r.replayGiBPerHour),
      overlap: r.logFetchOverlapsReplay,
      verification: d(r.verificationSeconds),
      reroute: d(r.rerouteSeconds),
      replaceNode: d(r.replaceNodeSeconds),
    },
    offsite: plan.backups.offsite === null ? null : { copyDelaySeconds: plan.backups.offsite.copyDelaySeconds, walDelaySeconds: plan.backups.offsite.walDelaySeconds },
    retainedRuns: retainedRunWindow(timeline, plan.backups.retention),
  };
  const standbys = plan.standbys.map((s) => ({ spec: s, model: { name: s.name, sync: s.mode === 'sync', lag: d(s.lagSeconds), delaySeconds: s.delaySeconds } satisfies StandbyModel }));
  return { ...model, scenarios: plan.scenarios.map((spec) => compileScenario(plan, spec, standbys, d(spec.detectionSeconds))) };
}

const sums = new Map<string, Distribution>();

/** The distribution of X + Y for independent X, Y (by sorting a product grid); memoised. */
function sumDistribution(a: Distribution, b: Distribution): Distribution {
  const key = JSON.stringify([a.spec, b.spec]);
  let found = sums.get(key);
  if (found === undefined) {
    found = sumUncached(a, b);
    if (sums.size >= 64) sums.delete(sums.keys().next().value ?? '');
    sums.set(key, found);
  }
  return found;
}

function sumUncached(a: Distribution, b: Distribution): Distribution {
  if (a.fixed && b.fixed) return compileDistribution({ kind: 'fixed', value: a.min + b.min });
  const n = 256;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const x = a.fixed ? a.min : (a.table[Math.min(a.table.length - 1, Math.round(((i + 0.5) / n) * (a.table.length - 1)))] ?? 0);
    for (let j = 0; j < n; j++) {
      const y = b.fixed ? b.min : (b.table[Math.min(b.table.length - 1, Math.round(((j + 0.5) / n) * (b.table.length - 1)))] ?? 0);
      values[i * n + j] = x + y;
    }
  }
  values.sort();
  const cells = a.table.length > 0 ? a.table.length - 1 : b.table.length - 1;
  const table = new Float64Array(cells + 1);
  for (let i = 0; i <= cells; i++) table[i] = values[Math.min(values.length - 1, Math.floor((i / cells) * (values.length - 1)))] ?? 0;
  table[0] = a.min + b.min;
  table[cells] = a.max + b.max;
  let sum = 0;
  for (let i = 0; i < cells; i++) sum += ((table[i] ?? 0) + (table[i + 1] ?? 0)) / 2;
  return { spec: { kind: 'pert', min: a.min + b.min, likely: a.mean + b.mean, max: a.max + b.max }, fixed: false, table, min: a.min + b.min, max: a.max + b.max, mean: sum / cells };
}

function compileScenario(plan: DrPlan, spec: ScenarioSpec, standbys: readonly { spec: StandbySpec; model: StandbyModel }[], detection: Distribution): ScenarioModel {
  const primary = plan.topology.primary;
  const repo = plan.backups.repository;
  const offsite = plan.backups.offsite;
  const inPrimaryZone = (region: string, zone: string | null): boolean => region === primary.region && zone === primary.zone;
  const inPrimaryRegion = (region: string): boolean => region === primary.region;

  const variant = (commonCause: boolean): ScenarioVariant => {
    let standbyLost: (s: StandbySpec) => boolean = () => false;
    let standbyUnusable: (s: StandbySpec) => boolean = () => false;
    let repoLost = false;
    let offsiteLost = false;
    let primaryDataSurvives = false;
    let restoreMode: RestoreMode = 'loss';
    const lost: string[] = [];
    switch (spec.kind) {
      case 'node-failure':
        primaryDataSurvives = true;
        lost.push('primary node');
        if (commonCause) standbyLost = (s) => inPrimaryZone(s.region, s.zone);
        break;
      case 'storage-loss':
        lost.push('primary storage');
        if (commonCause) {
          standbyLost = (s) => inPrimaryZone(s.region, s.zone);
          repoLost = inPrimaryZone(repo.region, repo.zone);
        }
        break;
      case 'zone-outage':
        lost.push(`zone ${primary.region}/${primary.zone}`);
        if (commonCause) {
          standbyLost = (s) => inPrimaryRegion(s.region);
          repoLost = inPrimaryRegion(repo.region);
          offsiteLost = offsite !== null && inPrimaryRegion(offsite.region);
        } else {
          standbyLost = (s) => inPrimaryZone(s.region, s.zone);
          repoLost = inPrimaryZone(repo.region, repo.zone);
        }
        break;
      case 'region-outage':
        lost.push(`region ${primary.region}`);
        standbyLost = commonCause ? () => true : (s) => inPrimaryRegion(s.region);
        repoLost = inPrimaryRegion(repo.region);
        offsiteLost = offsite !== null && inPrimaryRegion(offsite.region);
        break;
      case 'logical-corruption':
        restoreMode = 'logical';
        lost.push('correct data after the bad change');
        standbyUnusable = commonCause ? () => true : (s) => s.delaySeconds === 0;
        break;
      case 'ransomware':
        lost.push('primary', 'all standbys', 'primary backup repository');
        standbyLost = () => true;
        repoLost = true;
        offsiteLost = offsite !== null && !offsite.immutable && commonCause;
        break;
      case 'silent-archive-failure':
        restoreMode = 'stall';
        lost.push('the cluster (restore needed)', 'log archived since the stall began');
        standbyUnusable = () => true;
        break;
    }
    const usable = standbys.filter((s) => !standbyLost(s.spec) && !standbyUnusable(s.spec));
    for (const s of standbys) if (standbyLost(s.spec)) lost.push(`standby ${s.spec.name}`);
    if (repoLost) lost.push('primary backup repository');
    if (offsiteLost) lost.push('off-site backup copy');
    const failoverTargets = usable.filter((s) => s.spec.delaySeconds === 0 && s.spec.failover !== 'never');
    const automatic = failoverTargets.filter((s) => s.spec.failover === 'automatic' && plan.failover.automatic).map((s) => s.model);
    const manual = failoverTargets.filter((s) => !(s.spec.failover === 'automatic' && plan.failover.automatic)).map((s) => s.model);
    const delayed = restoreMode === 'logical' ? (usable.filter((s) => s.spec.delaySeconds > 0).sort((a, b) => b.spec.delaySeconds - a.spec.delaySeconds)[0]?.model ?? null) : null;
    return {
      automaticCandidates: restoreMode === 'loss' ? automatic : [],
      manualCandidates: restoreMode === 'loss' ? manual : [],
      delayedReplica: delayed,
      primaryDataSurvives,
      repository: !repoLost ? 'local' : offsite !== null && !offsiteLost ? 'offsite' : null,
      restoreMode,
      lost,
    };
  };
  const independent = variant(false);
  const common = spec.beta > 0 ? variant(true) : null;
  const signature = (v: ScenarioVariant): string =>
    [v.automaticCandidates.map((c) => c.name).join(','), v.manualCandidates.map((c) => c.name).join(','), v.delayedReplica?.name ?? '', v.primaryDataSurvives, v.repository, v.restoreMode].join('|');
  const same = common !== null && signature(common) === signature(independent);
  return { spec, detection, independent, commonCause: same ? null : common, beta: same ? 0 : spec.beta };
}
