/**
 * Vendor presets: plans (in the JSON form a user writes) whose parameters are a
 * vendor's published defaults, each reproducing the vendor's published RTO/RPO figure.
 * They double as oracle tests (presets.test.ts) and as templates for the plan editor.
 * Figures are vendors' claims or documented formulas, not measurements
 * (../shared/research/dr-anchors.md §4).
 */

export interface DrPreset {
  readonly id: string;
  readonly name: string;
  /** What the vendor publishes, in its words (paraphrased). */
  readonly claim: string;
  readonly source: string;
  /** A complete plan (input form) reproducing the claim. */
  readonly plan: Record<string, unknown>;
}

/** Patroni's timing parameters (dynamic configuration); defaults as documented. */
export interface PatroniTiming {
  readonly ttl: number;
  readonly loopWait: number;
  readonly retryTimeout: number;
  readonly primaryStartTimeout: number;
}

export const PATRONI_DEFAULTS: PatroniTiming = { ttl: 30, loopWait: 10, retryTimeout: 10, primaryStartTimeout: 300 };

/**
 * Detection-to-promotion time of Patroni, from its documentation: after a PostgreSQL
 * crash the worst case is `loop_wait + primary_start_timeout + loop_wait` (just
 * `loop_wait` when primary_start_timeout is 0) — the crash is noticed within one loop,
 * the primary gets primary_start_timeout to come back, a replica acts within its next
 * loop. After the loss of the node, the leader key must expire (up to `ttl`) and a
 * replica acts within a loop: ≈ ttl + loop_wait (a derived bound, not a documented one;
 * Patroni issue #1872).
 * @throws {RangeError} when the settings break Patroni's rule loop_wait + 2·retry_timeout ≤ ttl
 *   or its minimums (ttl ≥ 20, loop_wait ≥ 1, retry_timeout ≥ 3)
 * @example patroniDetection(PATRONI_DEFAULTS).crash.max // 320
 */
export function patroniDetection(timing: PatroniTiming): { readonly crash: { min: number; likely: number; max: number }; readonly nodeLoss: { min: number; likely: number; max: number } } {
  const { ttl, loopWait, retryTimeout, primaryStartTimeout } = timing;
  if (ttl < 20 || loopWait < 1 || retryTimeout < 3) throw new RangeError('Patroni minimums: ttl ≥ 20, loop_wait ≥ 1, retry_timeout ≥ 3');
  if (loopWait + 2 * retryTimeout > ttl) throw new RangeError(`Patroni requires loop_wait + 2·retry_timeout ≤ ttl; got ${loopWait} + 2·${retryTimeout} > ${ttl}`);
  const crash = primaryStartTimeout === 0 ? { min: 0, likely: loopWait / 2, max: loopWait } : { min: primaryStartTimeout, likely: primaryStartTimeout + loopWait, max: loopWait + primaryStartTimeout + loopWait };
  return { crash, nodeLoss: { min: ttl - loopWait, likely: ttl, max: ttl + loopWait } };
}

const GIB = 1024 ** 3;

/** A small complete plan every preset starts from: one region, three zones, weekly full + daily differential. */
function basePlan(name: string): Record<string, unknown> {
  return {
    name,
    engine: 'postgresql',
    horizonMonths: 0,
    topology: { regions: [{ name: 'r1', zones: ['a', 'b', 'c'] }, { name: 'r2', zones: ['a', 'b', 'c'] }], primary: { region: 'r1', zone: 'a' } },
    database: { sizeGiB: 500, walGiBPerHour: 2 },
    backups: {
      repository: { region: 'r1', zone: null },
      offsite: { region: 'r2', copyDelaySeconds: '1h', immutable: true },
      full: { weekdays: ['sun'], hours: [1], durationSeconds: '2h' },
      differential: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: [1], durationSeconds: '30m' },
      retention: { kind: 'count', full: 2 },
    },
    archiving: { intervalSeconds: 60 },
    replication: { standbys: [] },
    failover: { automatic: true, detectionSeconds: 30, decisionSeconds: 0, promotionSeconds: 0, rerouteSeconds: 0 },
    restore: { baseGiBPerHour: 500, logFetchGiBPerHour: 200, replayGiBPerHour: 50 },
    scenarios: [],
  };
}

const crash = patroniDetection(PATRONI_DEFAULTS).crash;
const nodeLoss = patroniDetection(PATRONI_DEFAULTS).nodeLoss;

export const DR_PRESETS: readonly DrPreset[] = [
  {
    id: 'patroni-defaults',
    name: 'Patroni defaults (ttl 30 s, loop_wait 10 s, retry_timeout 10 s, primary_start_timeout 300 s, maximum_lag_on_failover 1 MiB)',
    claim: 'Worst-case failover time for primary failure is loop_wait + primary_start_timeout + loop_wait (320 s with defaults).',
    source: 'https://patroni.readthedocs.io/en/latest/dynamic_configuration.html',
    plan: {
      ...basePlan('Patroni defaults'),
      replication: { standbys: [{ name: 'replica-b', region: 'r1', zone: 'b', mode: 'async', lagSeconds: { p50: 0.05, p99: 0.5, max: 1 } }] },
      failover: { automatic: true, detectionSeconds: nodeLoss, decisionSeconds: 0, promotionSeconds: 0, rerouteSeconds: 0, maximumLagOnFailoverBytes: 1_048_576 },
      scenarios: [
        { id: 'postgres-crash', kind: 'node-failure', label: 'PostgreSQL crash (Patroni alive)', annualRate: 2, detectionSeconds: crash, targets: { rpoSeconds: 60, rtoSeconds: 600 } },
        { id: 'node-loss', kind: 'node-failure', annualRate: 0.5, targets: { rpoSeconds: 60, rtoSeconds: 120 } },
      ],
    },
  },
  {
    id: 'rds-multi-az-cluster',
    name: 'Amazon RDS Multi-AZ DB cluster (two readable standbys, semi-synchronous)',
    claim: 'Failover typically completes in less than 35 seconds.',
    source: 'https://docs.aws.amazon.com/goto/WebAPI/rds/FailoverDBCluster',
    plan: {
      ...basePlan('RDS Multi-AZ DB cluster'),
      replication: {
        standbys: [
          { name: 'standby-b', region: 'r1', zone: 'b', mode: 'sync' },
          { name: 'standby-c', region: 'r1', zone: 'c', mode: 'sync' },
        ],
      },
      failover: { automatic: true, detectionSeconds: { min: 10, likely: 15, max: 25 }, decisionSeconds: 0, promotionSeconds: { min: 2, likely: 5, max: 10 }, rerouteSeconds: 0 },
      scenarios: [{ id: 'instance-failure', kind: 'node-failure', annualRate: 1, targets: { rpoSeconds: 0, rtoSeconds: 35 } }],
    },
  },
  {
    id: 'aurora-global-database',
    name: 'Amazon Aurora Global Database (secondary region, storage-level replication)',
    claim: 'Typical cross-region replication lag under 1 second; a secondary region can be promoted in under a minute.',
    source: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/aurora-replication-options/aurora-global-database.html',
    plan: {
      ...basePlan('Aurora Global Database'),
      replication: { standbys: [{ name: 'secondary-region', region: 'r2', zone: 'a', mode: 'async', lagSeconds: { p50: 0.25, p99: 0.9, max: 5 }, failover: 'manual' }] },
      failover: { automatic: true, detectionSeconds: 0, decisionSeconds: 0, manualDecisionSeconds: 0, promotionSeconds: { min: 20, likely: 35, max: 60 }, rerouteSeconds: 0 },
      scenarios: [{ id: 'region-outage', kind: 'region-outage', annualRate: 0.02, detectionSeconds: 0, targets: { rpoSeconds: 1, rtoSeconds: 60 } }],
    },
  },
  {
    id: 'azure-sql-failover-group',
    name: 'Azure SQL Database auto-failover group (geo-secondary, 1-hour grace period)',
    claim: 'Auto-failover group: RTO 1 h, RPO 5 s — automatic failover waits at least the one-hour grace period.',
    source: 'https://github.com/MicrosoftDocs/sql-docs/blob/live/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview.md',
    plan: {
      ...basePlan('Azure SQL auto-failover group'),
      engine: 'sqlserver',
      replication: { standbys: [{ name: 'geo-secondary', region: 'r2', zone: 'a', mode: 'async', lagSeconds: { p50: 1, p99: 4, max: 5 }, failover: 'automatic' }] },
      failover: { automatic: true, detectionSeconds: { min: 5, likely: 15, max: 30 }, decisionSeconds: '1h', promotionSeconds: { min: 5, likely: 10, max: 30 }, rerouteSeconds: 0 },
      scenarios: [{ id: 'region-outage', kind: 'region-outage', annualRate: 0.02, targets: { rpoSeconds: 5, rtoSeconds: 3660 } }],
    },
  },
  {
    id: 'oracle-adb-backup-dr',
    name: 'Oracle Autonomous Database, backup-based disaster recovery',
    claim: 'Backup-based DR: RTO 1 hour + 1 hour per 5 TB (5 TB → 2 h).',
    source: 'https://docs.oracle.com/en/cloud/paas/autonomous-database/serverless/adbsb/availability-slo.html',
    plan: {
      ...basePlan('Oracle ADB backup-based DR'),
      engine: 'oracle',
      // The published figure has no log-apply term: log volume is folded into its constants.
      database: { sizeGiB: 5 * 1024, walGiBPerHour: 0 },
      failover: { automatic: true, detectionSeconds: 0, decisionSeconds: 0, promotionSeconds: 0, rerouteSeconds: 0 },
      restore: { decisionSeconds: 0, provisionSeconds: '1h', baseGiBPerHour: 5 * 1024, offsiteBaseGiBPerHour: 5 * 1024, logFetchGiBPerHour: 5 * 1024, replayGiBPerHour: 5 * 1024, verificationSeconds: 0, rerouteSeconds: 0 },
      scenarios: [{ id: 'region-outage', kind: 'region-outage', annualRate: 0.02, detectionSeconds: 0, targets: { rpoSeconds: 3600, rtoSeconds: 7200 } }],
    },
  },
  {
    id: 'sql-server-ag',
    name: 'SQL Server Always On availability group (synchronous-commit secondary, automatic failover)',
    claim: 'T_failover = T_detection + T_overhead + T_redo, T_redo = redo_queue / redo_rate; health-check timeout 30 s by default (e.g. 6 GB queue at 100 MB/s, 10 s overhead → 100 s).',
    source: 'https://learn.microsoft.com/en-us/sql/database-engine/availability-groups/windows/monitor-performance-for-always-on-availability-groups',
    plan: {
      ...basePlan('SQL Server availability group'),
      engine: 'sqlserver',
      replication: { standbys: [{ name: 'secondary', region: 'r1', zone: 'b', mode: 'sync' }] },
      failover: {
        automatic: true,
        detectionSeconds: 30,
        decisionSeconds: 0,
        promotionSeconds: 10,
        replayBacklogGiB: 6e9 / GIB,
        replayGiBPerHour: (100e6 * 3600) / GIB,
        rerouteSeconds: 0,
      },
      scenarios: [{ id: 'replica-failure', kind: 'node-failure', annualRate: 1, targets: { rpoSeconds: 0, rtoSeconds: 100 } }],
    },
  },
];
