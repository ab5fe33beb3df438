import type { DistributionSpec } from './distribution.js';

/**
 * A backup/replication/DR plan after validation (`parseDrPlan`): every duration in
 * seconds, every uncertain input a {@link DistributionSpec}, every default filled in.
 * The JSON a user writes is documented field by field in docs/dr-plan.md.
 */
export interface DrPlan {
  readonly name: string;
  readonly engine: DatabaseEngine;
  /** `YYYY-MM` of month 0, to label the projection; null labels months +0, +1, … */
  readonly startMonth: string | null;
  readonly horizonMonths: number;
  readonly topology: Topology;
  readonly database: DatabaseSpec;
  readonly backups: BackupPlan;
  readonly archiving: ArchivingPlan | null;
  readonly standbys: readonly StandbySpec[];
  readonly failover: FailoverPlan;
  readonly restore: RestorePlan;
  readonly scenarios: readonly ScenarioSpec[];
}

export const DATABASE_ENGINES = ['postgresql', 'mysql', 'sqlserver', 'oracle', 'mongodb', 'other'] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export interface Location {
  readonly region: string;
  /** null: zone-redundant within the region (e.g. regional object storage). */
  readonly zone: string | null;
}

export interface Topology {
  readonly regions: readonly { readonly name: string; readonly zones: readonly string[] }[];
  readonly primary: { readonly region: string; readonly zone: string };
  readonly interRegionRttMs: number;
  readonly intraRegionRttMs: number;
}

export interface DatabaseSpec {
  readonly sizeGiB: number;
  /** Compound growth per month, percent; 0 when a forecast or linear growth is given. */
  readonly monthlyGrowthPct: number;
  readonly monthlyGrowthGiB: number;
  /** Size by month index (0 = now), sorted; interpolated linearly, extrapolated flat. */
  readonly sizeForecast: readonly { readonly month: number; readonly sizeGiB: number }[];
  readonly walGiBPerHour: number;
  readonly walPeakGiBPerHour: number;
  readonly walPeakHours: number;
  readonly walPeakStartHour: number;
  /** Share of the data's blocks changed per day (drives differential and incremental sizes). */
  readonly dailyChangedFraction: number;
  readonly walGrowsWithSize: boolean;
}

export const BACKUP_KINDS = ['full', 'differential', 'incremental'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type BackupSchedule =
  | { readonly kind: 'every'; readonly everySeconds: number; readonly startHour: number }
  | { readonly kind: 'weekly'; readonly weekdays: readonly Weekday[]; readonly hours: readonly number[] };

export interface BackupJob {
  readonly schedule: BackupSchedule;
  /** Either a fixed duration or a throughput over the data the backup reads. */
  readonly durationSeconds: number | null;
  readonly throughputGiBPerHour: number | null;
  /** Probability that the job succeeds and is later found restorable. */
  readonly successProbability: number;
}

export type RetentionPolicy =
  /** pgBackRest `repo-retention-full-type=count`: keep `full` fulls (diffs: `differential` per full chain). */
  | { readonly kind: 'count'; readonly full: number; readonly differential: number | null }
  /** pgBackRest `…-type=time` / Barman `RECOVERY WINDOW OF n DAYS`: every backup needed to reach any point in the window. */
  | { readonly kind: 'time'; readonly windowDays: number };

export interface BackupPlan {
  readonly repository: Location;
  readonly offsite: { readonly region: string; readonly copyDelaySeconds: number; readonly walDelaySeconds: number; readonly immutable: boolean } | null;
  readonly full: BackupJob;
  readonly differential: BackupJob | null;
  readonly incremental: BackupJob | null;
  readonly retention: RetentionPolicy;
  /**
   * Where a backup's data is consistent: at its `end` (online physical backups — the log
   * written during the backup is replayed up to its end) or at its `start` (logical dumps,
   * storage snapshots taken at the start). Matters without continuous archiving.
   */
  readonly consistencyPoint: 'start' | 'end';
  readonly compressionRatio: number;
  readonly storagePricePerGiBMonth: number | null;
  readonly offsitePricePerGiBMonth: number | null;
  readonly currency: string;
}

export interface ArchivingPlan {
  /** Longest time a finished transaction waits before its log is archived (PostgreSQL `archive_timeout`, a log-backup interval). */
  readonly intervalSeconds: number;
  readonly latencySeconds: DistributionSpec;
  readonly segmentMiB: number;
  readonly compressionRatio: number;
  readonly silentStallsPerYear: number;
  readonly timeToNoticeSeconds: DistributionSpec;
  readonly timeToFixSeconds: DistributionSpec;
}

export type FailoverRole = 'automatic' | 'manual' | 'never';

export interface StandbySpec {
  readonly name: string;
  readonly region: string;
  readonly zone: string;
  readonly mode: 'sync' | 'async';
  /** Data-loss lag of an asynchronous standby, seconds. */
  readonly lagSeconds: DistributionSpec;
  /** Apply delay of a delayed replica (`recovery_min_apply_delay`), seconds; 0 for a normal standby. */
  readonly delaySeconds: number;
  readonly failover: FailoverRole;
}

export interface FailoverPlan {
  readonly automatic: boolean;
  readonly detectionSeconds: DistributionSpec;
  readonly decisionSeconds: DistributionSpec;
  readonly manualDecisionSeconds: DistributionSpec;
  readonly promotionSeconds: DistributionSpec;
  readonly replayBacklogGiB: DistributionSpec;
  readonly replayGiBPerHour: DistributionSpec;
  readonly rerouteSeconds: DistributionSpec;
  readonly maximumLagOnFailoverBytes: number | null;
}

export interface RestorePlan {
  readonly decisionSeconds: DistributionSpec;
  readonly provisionSeconds: DistributionSpec;
  readonly baseGiBPerHour: DistributionSpec;
  readonly offsiteBaseGiBPerHour: DistributionSpec;
  readonly chainApplyGiBPerHour: DistributionSpec | null;
  readonly logFetchGiBPerHour: DistributionSpec;
  readonly replayGiBPerHour: DistributionSpec;
  readonly logFetchOverlapsReplay: boolean;
  readonly verificationSeconds: DistributionSpec;
  readonly rerouteSeconds: DistributionSpec;
  readonly replaceNodeSeconds: DistributionSpec;
}

export const SCENARIO_KINDS = ['node-failure', 'storage-loss', 'zone-outage', 'region-outage', 'logical-corruption', 'ransomware', 'silent-archive-failure'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** What each scenario kind destroys, and what its correlated-failure factor β adds. */
export const SCENARIO_DESCRIPTIONS: Readonly<Record<ScenarioKind, { readonly label: string; readonly lost: string; readonly beta: string }>> = {
  'node-failure': { label: 'Node / instance failure', lost: 'the primary node (its storage survives)', beta: 'also the standbys in the primary’s zone (shared host, rack or power)' },
  'storage-loss': { label: 'Storage loss', lost: 'the primary’s data', beta: 'also the standbys and a repository in the primary’s zone (shared array or storage bug)' },
  'zone-outage': { label: 'Zone outage', lost: 'everything in the primary’s zone', beta: 'the whole primary region (all its zones)' },
  'region-outage': { label: 'Region outage', lost: 'everything in the primary’s region', beta: 'also every cross-region standby (shared control plane or replication fault): only the off-site backups remain' },
  'logical-corruption': { label: 'Logical corruption / human error', lost: 'correct data from the bad change on; every standby replicates it', beta: 'the delayed replica is affected too' },
  ransomware: { label: 'Backup repository loss / ransomware', lost: 'the primary, every standby and the primary backup repository', beta: 'the off-site copy too, unless it is immutable' },
  'silent-archive-failure': { label: 'Silent archive failure', lost: 'a restore is needed while log archiving has silently stalled (standbys unusable)', beta: 'not used' },
};

export interface ScenarioSpec {
  readonly id: string;
  readonly kind: ScenarioKind;
  readonly label: string;
  /** Expected events per year. */
  readonly annualRate: number;
  readonly detectionSeconds: DistributionSpec;
  /** β-factor: share of events that are common-cause and take out more (see SCENARIO_DESCRIPTIONS). */
  readonly beta: number;
  readonly targets: { readonly rpoSeconds: number; readonly rtoSeconds: number };
}
