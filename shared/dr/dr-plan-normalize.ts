/**
 * Second step of reading a DR plan, after the schema: turns the validated input into the
 * engine's plan, filling in defaults and checking what one field alone cannot say
 * (a schedule against the full cycle, months against the start month).
 */
import type { DistributionSpec } from './distribution.js';
import { SCENARIO_DESCRIPTIONS, WEEKDAYS, type BackupJob, type BackupSchedule, type DrPlan, type FailoverRole, type RetentionPolicy, type ScenarioSpec, type StandbySpec } from './dr-plan.js';
import type { PlanInput, ScheduleInput } from './dr-plan-schema.js';

export type Report = (path: readonly (string | number)[], message: string) => void;

const DAY = 86_400;
const WEEK = 7 * DAY;

function normalizeSchedule(job: ScheduleInput, path: (string | number)[], report: Report, fullCycleSeconds: number | null): BackupJob {
  let schedule: BackupSchedule;
  if (job.every !== undefined) {
    if (job.weekdays !== undefined || job.hours !== undefined) report([...path, 'every'], 'give either "every" or "weekdays"/"hours", not both');
    if (job.every < 600) report([...path, 'every'], `a backup every ${job.every} s is not a backup schedule; use at least "10m" (continuous archiving covers shorter intervals)`);
    schedule = { kind: 'every', everySeconds: Math.max(600, job.every), startHour: job.startHour ?? 0 };
  } else if (job.weekdays !== undefined || job.hours !== undefined) {
    if (job.startHour !== undefined) report([...path, 'startHour'], '"startHour" goes with "every"; with weekdays, list the hours in "hours"');
    schedule = { kind: 'weekly', weekdays: job.weekdays ?? [...WEEKDAYS], hours: [...new Set(job.hours ?? [0])].sort((a, b) => a - b) };
    if (fullCycleSeconds !== null && fullCycleSeconds % WEEK !== 0) report([...path, 'weekdays'], `a weekday schedule needs a full-backup cycle of whole weeks, but full.every is ${fullCycleSeconds / DAY} days; use "every" here`);
  } else {
    report([...path, 'every'], 'missing: add "every" (e.g. "7d") or "weekdays" (e.g. ["sun"]) with "hours"');
    schedule = { kind: 'every', everySeconds: WEEK, startHour: 0 };
  }
  if ((job.durationSeconds === undefined) === (job.throughputGiBPerHour === undefined)) {
    report([...path, 'durationSeconds'], 'give exactly one of "durationSeconds" (e.g. "2h") or "throughputGiBPerHour" (e.g. 400)');
  }
  return { schedule, durationSeconds: job.durationSeconds ?? null, throughputGiBPerHour: job.throughputGiBPerHour ?? null, successProbability: job.successProbability };
}

function monthIndex(month: number | string, startMonth: string | undefined, path: (string | number)[], report: Report): number {
  if (typeof month === 'number') return month;
  if (startMonth === undefined) {
    report(path, `a "YYYY-MM" month needs plan.startMonth; add "startMonth" or give a month index (0 = now)`);
    return 0;
  }
  const [y0, m0] = startMonth.split('-').map(Number);
  const [y1, m1] = month.split('-').map(Number);
  const index = ((y1 ?? 0) - (y0 ?? 0)) * 12 + ((m1 ?? 0) - (m0 ?? 0));
  if (index < 0) report(path, `${month} is before startMonth ${startMonth}`);
  return Math.max(0, index);
}

/** The validated input as the engine's plan: defaults filled in, schedules and months resolved; cross-field problems go to `report`. */
export function normalizePlan(input: PlanInput, report: Report): DrPlan {
  const regions = new Map(input.topology.regions.map((r) => [r.name, new Set(r.zones)]));
  const checkLocation = (region: string, zone: string | null | undefined, path: (string | number)[]): void => {
    const zones = regions.get(region);
    if (zones === undefined) report([...path, 'region'], `unknown region "${region}"; regions in plan.topology.regions: ${[...regions.keys()].join(', ')}`);
    else if (zone !== null && zone !== undefined && !zones.has(zone)) report([...path, 'zone'], `region "${region}" has no zone "${zone}"; its zones: ${[...zones].join(', ')}`);
  };
  if (new Set(input.topology.regions.map((r) => r.name)).size !== input.topology.regions.length) report(['topology', 'regions'], 'region names must be unique');
  checkLocation(input.topology.primary.region, input.topology.primary.zone, ['topology', 'primary']);

  const db = input.database;
  if (db.walPeakGiBPerHour !== undefined && db.walPeakGiBPerHour < db.walGiBPerHour) report(['database', 'walPeakGiBPerHour'], `the peak (${db.walPeakGiBPerHour}) must be at least the mean walGiBPerHour (${db.walGiBPerHour})`);
  const peakHours = db.walPeakHours ?? (db.walPeakGiBPerHour !== undefined ? 4 : 0);
  if (db.walPeakGiBPerHour !== undefined && db.walPeakGiBPerHour * peakHours > 24 * db.walGiBPerHour + 1e-9) {
    report(['database', 'walPeakHours'], `${peakHours} h at ${db.walPeakGiBPerHour} GiB/h exceeds the daily volume (24 h × ${db.walGiBPerHour} GiB/h); shorten the peak or raise walGiBPerHour`);
  }
  const growthGiven = [db.monthlyGrowthPct, db.monthlyGrowthGiB, db.sizeForecast].filter((x) => x !== undefined).length;
  if (growthGiven > 1) report(['database', 'monthlyGrowthPct'], 'give one of monthlyGrowthPct, monthlyGrowthGiB or sizeForecast');
  const sizeForecast = (db.sizeForecast ?? [])
    .map((p, i) => ({ month: monthIndex(p.month, input.startMonth, ['database', 'sizeForecast', i, 'month'], report), sizeGiB: p.sizeGiB }))
    .sort((a, b) => a.month - b.month);

  const b = input.backups;
  checkLocation(b.repository.region, b.repository.zone, ['backups', 'repository']);
  if (b.offsite !== undefined) checkLocation(b.offsite.region, null, ['backups', 'offsite']);
  const full = normalizeSchedule(b.full, ['backups', 'full'], report, null);
  if (full.schedule.kind === 'every' && full.schedule.everySeconds % DAY !== 0) {
    report(['backups', 'full', 'every'], `full backups must repeat every whole number of days (the model's cycle), got ${full.schedule.everySeconds / 3600} h; use e.g. "1d" or "7d"`);
  }
  const fullCycle = full.schedule.kind === 'every' ? full.schedule.everySeconds : WEEK;
  const differential = b.differential === undefined ? null : normalizeSchedule(b.differential, ['backups', 'differential'], report, fullCycle);
  const incremental = b.incremental === undefined ? null : normalizeSchedule(b.incremental, ['backups', 'incremental'], report, fullCycle);
  if (b.retention.kind === 'count' && b.retention.differential !== undefined && differential === null) report(['backups', 'retention', 'differential'], 'there is no differential schedule to retain; remove it or add backups.differential');
  const retention: RetentionPolicy = b.retention.kind === 'count' ? { kind: 'count', full: b.retention.full, differential: b.retention.differential ?? null } : { kind: 'time', windowDays: b.retention.windowDays };

  const archive = input.archiving;
  const failoverIn = input.failover;
  const manualDecision: DistributionSpec = failoverIn.manualDecisionSeconds ?? { kind: 'pert', min: 600, likely: 1800, max: 7200 };
  const restoreIn = input.restore;
  if (archive !== undefined && restoreIn.logFetchGiBPerHour === undefined) report(['restore', 'logFetchGiBPerHour'], 'missing: with archiving, add the log fetch throughput in GiB per hour (e.g. 100)');
  const fixed = (value: number): DistributionSpec => ({ kind: 'fixed', value });

  const standbys: StandbySpec[] = input.replication.standbys.map((s, i) => {
    const path = ['replication', 'standbys', i];
    checkLocation(s.region, s.zone, path);
    const delaySeconds = s.delaySeconds ?? 0;
    if (s.mode === 'async' && s.lagSeconds === undefined) report([...path, 'lagSeconds'], 'missing: an asynchronous standby needs its lag, e.g. {"p50": 0.5, "p99": 10} (seconds)');
    if (s.mode === 'sync' && delaySeconds > 0) report([...path, 'delaySeconds'], 'a delayed replica cannot be synchronous; use "mode": "async"');
    const defaultRole: FailoverRole = delaySeconds > 0 ? 'never' : s.region === input.topology.primary.region ? 'automatic' : 'manual';
    if (delaySeconds > 0 && s.failover !== undefined && s.failover !== 'never') report([...path, 'failover'], 'a delayed replica is not a failover target (its data is hours behind by design); use "never" or drop the field');
    return {
      name: s.name,
      region: s.region,
      zone: s.zone,
      mode: s.mode,
      lagSeconds: s.mode === 'sync' ? fixed(0) : (s.lagSeconds ?? fixed(0)),
      delaySeconds,
      failover: s.failover ?? defaultRole,
    };
  });
  if (new Set(standbys.map((s) => s.name)).size !== standbys.length) report(['replication', 'standbys'], 'standby names must be unique');

  const scenarios: ScenarioSpec[] = input.scenarios.map((s, i) => {
    if (s.kind === 'silent-archive-failure' && archive === undefined) report(['scenarios', i, 'kind'], 'silent-archive-failure needs plan.archiving (continuous log archiving); add it or remove this scenario');
    const detection = s.detectionSeconds ?? failoverIn.detectionSeconds;
    if (detection === undefined) report(['scenarios', i, 'detectionSeconds'], 'missing: add detectionSeconds here or a default in plan.failover.detectionSeconds');
    return {
      id: s.id,
      kind: s.kind,
      label: s.label ?? SCENARIO_DESCRIPTIONS[s.kind].label,
      annualRate: s.annualRate,
      detectionSeconds: detection ?? fixed(0),
      beta: s.beta,
      targets: { rpoSeconds: s.targets.rpoSeconds, rtoSeconds: s.targets.rtoSeconds },
    };
  });
  const ids = new Set<string>();
  input.scenarios.forEach((s, i) => {
    if (ids.has(s.id)) report(['scenarios', i, 'id'], `duplicate scenario id "${s.id}"`);
    ids.add(s.id);
  });

  const failoverReroute = failoverIn.rerouteSeconds ?? fixed(0);
  return {
    name: input.name,
    engine: input.engine,
    startMonth: input.startMonth ?? null,
    horizonMonths: input.horizonMonths,
    topology: {
      regions: input.topology.regions.map((r) => ({ name: r.name, zones: [...r.zones] })),
      primary: { ...input.topology.primary },
      interRegionRttMs: input.topology.interRegionRttMs,
      intraRegionRttMs: input.topology.intraRegionRttMs,
    },
    database: {
      sizeGiB: db.sizeGiB,
      monthlyGrowthPct: db.monthlyGrowthPct ?? 0,
      monthlyGrowthGiB: db.monthlyGrowthGiB ?? 0,
      sizeForecast,
      walGiBPerHour: db.walGiBPerHour,
      walPeakGiBPerHour: db.walPeakGiBPerHour ?? db.walGiBPerHour,
      walPeakHours: peakHours,
      walPeakStartHour: db.walPeakStartHour ?? 9,
      dailyChangedFraction: db.dailyChangedFraction,
      walGrowsWithSize: db.walGrowsWithSize,
    },
    backups: {
      repository: { region: b.repository.region, zone: b.repository.zone ?? null },
      offsite: b.offsite === undefined ? null : { region: b.offsite.region, copyDelaySeconds: b.offsite.copyDelaySeconds, walDelaySeconds: b.offsite.walDelaySeconds, immutable: b.offsite.immutable },
      full,
      differential,
      incremental,
      retention,
      consistencyPoint: b.consistencyPoint,
      compressionRatio: b.compressionRatio,
      storagePricePerGiBMonth: b.storagePricePerGiBMonth ?? null,
      offsitePricePerGiBMonth: b.offsitePricePerGiBMonth ?? null,
      currency: b.currency,
    },
    archiving:
      archive === undefined
        ? null
        : {
            intervalSeconds: archive.intervalSeconds,
            latencySeconds: archive.latencySeconds ?? fixed(0),
            segmentMiB: archive.segmentMiB,
            compressionRatio: archive.compressionRatio,
            silentStallsPerYear: archive.silentStallsPerYear,
            timeToNoticeSeconds: archive.timeToNoticeSeconds ?? fixed(DAY),
            timeToFixSeconds: archive.timeToFixSeconds ?? fixed(3600),
          },
    standbys,
    failover: {
      automatic: failoverIn.automatic,
      detectionSeconds: failoverIn.detectionSeconds ?? fixed(30),
      decisionSeconds: failoverIn.decisionSeconds ?? fixed(0),
      manualDecisionSeconds: manualDecision,
      promotionSeconds: failoverIn.promotionSeconds ?? fixed(10),
      replayBacklogGiB: failoverIn.replayBacklogGiB ?? fixed(0),
      replayGiBPerHour: failoverIn.replayGiBPerHour ?? restoreIn.replayGiBPerHour,
      rerouteSeconds: failoverReroute,
      maximumLagOnFailoverBytes: failoverIn.maximumLagOnFailoverBytes ?? null,
    },
    restore: {
      decisionSeconds: restoreIn.decisionSeconds ?? manualDecision,
      provisionSeconds: restoreIn.provisionSeconds ?? fixed(0),
      baseGiBPerHour: restoreIn.baseGiBPerHour,
      offsiteBaseGiBPerHour: restoreIn.offsiteBaseGiBPerHour ?? restoreIn.baseGiBPerHour,
      chainApplyGiBPerHour: restoreIn.chainApplyGiBPerHour ?? null,
      logFetchGiBPerHour: restoreIn.logFetchGiBPerHour ?? restoreIn.baseGiBPerHour,
      replayGiBPerHour: restoreIn.replayGiBPerHour,
      logFetchOverlapsReplay: restoreIn.logFetchOverlapsReplay,
      verificationSeconds: restoreIn.verificationSeconds ?? fixed(0),
      rerouteSeconds: restoreIn.rerouteSeconds ?? failoverReroute,
      replaceNodeSeconds: restoreIn.replaceNodeSeconds ?? fixed(1800),
    },
    scenarios,
  };
}
