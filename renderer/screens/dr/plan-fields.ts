import { DATABASE_ENGINES } from '../../../shared/dr/dr-plan.js';
import type { PlanPath } from './plan-paths.js';

/**
 * The DR plan editor's form, declared field by field: where the value lives in the plan,
 * what kind of input edits it, its unit and a sentence of help (docs/dr-plan.md says the
 * same at length). Sections that are optional in the plan (archiving, an off-site copy,
 * differential backups…) can be switched on and off as a whole.
 */

export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'number'; readonly integer?: boolean }
  | { readonly kind: 'duration' }
  /** An uncertain input: one value, {min, likely, max} or {p50, p99, max}. */
  | { readonly kind: 'distribution'; readonly quantity: 'time' | 'rate' | 'amount' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'select'; readonly options: readonly { readonly value: string; readonly label: string }[]; readonly nullable?: string }
  | { readonly kind: 'weekdays' }
  | { readonly kind: 'hours' };

export interface FieldSpec {
  readonly path: PlanPath;
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  readonly input: FieldKind;
  /** Optional fields can be left empty (removed from the plan). */
  readonly optional?: boolean;
}

export interface SectionSpec {
  readonly id: string;
  readonly title: string;
  readonly help: string;
  /** For optional parts of the plan: the object switched on and off, and what it starts as. */
  readonly toggle?: { readonly path: PlanPath; readonly label: string; readonly initial: Record<string, unknown> };
  readonly fields: readonly FieldSpec[];
}

const num = { kind: 'number' } as const;
const int = { kind: 'number', integer: true } as const;
const dur = { kind: 'duration' } as const;
const time = { kind: 'distribution', quantity: 'time' } as const;
const rate = { kind: 'distribution', quantity: 'rate' } as const;
const amount = { kind: 'distribution', quantity: 'amount' } as const;
const bool = { kind: 'boolean' } as const;

function schedule(base: PlanPath, what: string): FieldSpec[] {
  return [
    { path: [...base, 'weekdays'], label: 'Days', help: `Weekdays ${what} backups run (UTC). Leave empty and set "Every" for an interval schedule.`, input: { kind: 'weekdays' }, optional: true },
    { path: [...base, 'hours'], label: 'Hours', unit: 'h UTC', help: 'Hours of the day they start, e.g. "1" or "1, 13".', input: { kind: 'hours' }, optional: true },
    { path: [...base, 'every'], label: 'Every', help: 'Instead of days and hours: an interval such as "1d" or "12h" (fulls: whole days).', input: dur, optional: true },
    { path: [...base, 'startHour'], label: 'Starting at', unit: 'h UTC', help: 'With "Every": the hour of the first run of the day.', input: num, optional: true },
    { path: [...base, 'throughputGiBPerHour'], label: 'Throughput', unit: 'GiB/h', help: 'How fast a backup reads the data; the duration follows from the size (give this or a fixed duration).', input: num, optional: true },
    { path: [...base, 'durationSeconds'], label: 'Duration', help: 'A fixed duration such as "2h", instead of a throughput.', input: dur, optional: true },
    { path: [...base, 'successProbability'], label: 'Success rate', unit: '0–1', help: 'Share of runs that produce a usable backup (a failed run is noticed only at restore).', input: num, optional: true },
  ];
}

const engineOptions = DATABASE_ENGINES.map((e) => ({ value: e, label: e }));

export const PLAN_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'plan',
    title: 'Plan',
    help: 'What the plan is for and how far the projection looks ahead.',
    fields: [
      { path: ['name'], label: 'Name', help: 'Shown in reports.', input: { kind: 'text' } },
      { path: ['description'], label: 'Description', help: 'Free text for the sign-off: what the plan covers.', input: { kind: 'text' }, optional: true },
      { path: ['engine'], label: 'Engine', help: 'Informational; presets use it.', input: { kind: 'select', options: engineOptions } },
      { path: ['startMonth'], label: 'Start month', unit: 'YYYY-MM', help: 'Labels month 0 of the projection over time.', input: { kind: 'text' }, optional: true },
      { path: ['horizonMonths'], label: 'Horizon', unit: 'months', help: 'How far RPO and RTO are projected as the database grows (0–120).', input: int, optional: true },
    ],
  },
  {
    id: 'database',
    title: 'Database',
    help: 'What a restore has to read and replay: size now and growth, and the log (WAL) generation rate with its daily peak.',
    fields: [
      { path: ['database', 'sizeGiB'], label: 'Size now', unit: 'GiB', help: 'Size of the database today: what a base restore reads.', input: num },
      { path: ['database', 'monthlyGrowthPct'], label: 'Growth', unit: '%/month', help: 'Compound growth per month — or take the size forecast from the workspace above.', input: num, optional: true },
      { path: ['database', 'monthlyGrowthGiB'], label: 'Growth (linear)', unit: 'GiB/month', help: 'Instead of a percentage: the same number of GiB every month.', input: num, optional: true },
      { path: ['database', 'walGiBPerHour'], label: 'Log rate', unit: 'GiB/h', help: 'Mean WAL / binlog / redo generation rate: what point-in-time recovery replays.', input: num },
      { path: ['database', 'walPeakGiBPerHour'], label: 'Peak log rate', unit: 'GiB/h', help: 'Rate during the daily peak (batch jobs, busy hours).', input: num, optional: true },
      { path: ['database', 'walPeakHours'], label: 'Peak length', unit: 'h', help: 'How long the daily peak lasts.', input: num, optional: true },
      { path: ['database', 'walPeakStartHour'], label: 'Peak starts', unit: 'h UTC', help: 'Hour of the day the peak starts.', input: num, optional: true },
      { path: ['database', 'dailyChangedFraction'], label: 'Changed per day', unit: '0–1', help: 'Share of blocks changed per day: sets the size of differential and incremental backups.', input: num, optional: true },
      { path: ['database', 'walGrowsWithSize'], label: 'Log grows with size', help: 'Scale the log rate with the database size over the projection.', input: bool, optional: true },
    ],
  },
  {
    id: 'topology',
    title: 'Topology',
    help: 'Failure domains. Regions and zones are listed as "region: zone, zone; region: zone".',
    fields: [
      { path: ['topology', 'primary', 'region'], label: 'Primary region', help: 'Where the primary runs.', input: { kind: 'text' } },
      { path: ['topology', 'primary', 'zone'], label: 'Primary zone', help: 'Zone of the primary within its region.', input: { kind: 'text' } },
      { path: ['topology', 'interRegionRttMs'], label: 'Round trip between regions', unit: 'ms', help: 'A synchronous standby in another region adds one round trip to every commit.', input: num, optional: true },
      { path: ['topology', 'intraRegionRttMs'], label: 'Round trip within a region', unit: 'ms', help: 'Between zones of one region.', input: num, optional: true },
    ],
  },
  {
    id: 'full',
    title: 'Full backups',
    help: 'Every restore starts from a full backup (plus a differential or incrementals); pgBackRest / Barman semantics.',
    fields: [
      { path: ['backups', 'repository', 'region'], label: 'Repository region', help: 'Where the backup repository is.', input: { kind: 'text' } },
      { path: ['backups', 'repository', 'zone'], label: 'Repository zone', help: 'Empty = zone-redundant (regional object storage).', input: { kind: 'text' }, optional: true },
      ...schedule(['backups', 'full'], 'full'),
      { path: ['backups', 'retention', 'kind'], label: 'Retention', help: 'Count: keep N fulls (their diffs and incrementals die with them). Time: everything needed to reach any point of the last W days.', input: { kind: 'select', options: [{ value: 'count', label: 'by count' }, { value: 'time', label: 'by time' }] } },
      { path: ['backups', 'retention', 'full'], label: 'Fulls kept', help: 'With retention by count.', input: int, optional: true },
      { path: ['backups', 'retention', 'windowDays'], label: 'Window', unit: 'days', help: 'With retention by time.', input: num, optional: true },
      {
        path: ['backups', 'consistencyPoint'],
        label: 'Consistent at',
        help: 'Where a backup’s data is consistent: its end for online physical backups (pgBackRest, Barman), its start for logical dumps and snapshots. Matters without archiving.',
        input: { kind: 'select', options: [{ value: 'end', label: 'end (physical backup)' }, { value: 'start', label: 'start (dump, snapshot)' }], nullable: 'end (default)' },
        optional: true,
      },
      { path: ['backups', 'compressionRatio'], label: 'Compression', unit: 'stored/original', help: 'For the repository size and cost.', input: num, optional: true },
      { path: ['backups', 'storagePricePerGiBMonth'], label: 'Repository price', unit: 'per GiB-month', help: 'For the repository cost over time (no prices are built in).', input: num, optional: true },
      { path: ['backups', 'currency'], label: 'Currency', help: 'Of the prices.', input: { kind: 'text' }, optional: true },
    ],
  },
  {
    id: 'differential',
    title: 'Differential backups',
    help: 'Changes since the last full: a restore reads the full and one differential.',
    toggle: { path: ['backups', 'differential'], label: 'Differential backups', initial: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: [1], throughputGiBPerHour: 400 } },
    fields: schedule(['backups', 'differential'], 'differential'),
  },
  {
    id: 'incremental',
    title: 'Incremental backups',
    help: 'Changes since the previous backup of any kind: a restore applies the whole chain.',
    toggle: { path: ['backups', 'incremental'], label: 'Incremental backups', initial: { every: '6h', startHour: 0, throughputGiBPerHour: 400 } },
    fields: schedule(['backups', 'incremental'], 'incremental'),
  },
  {
    id: 'offsite',
    title: 'Off-site copy',
    help: 'A second repository in another region (pgBackRest repo2, bucket replication): what survives a region outage or ransomware.',
    toggle: { path: ['backups', 'offsite'], label: 'Off-site copy', initial: { region: '', copyDelaySeconds: '1h', immutable: true } },
    fields: [
      { path: ['backups', 'offsite', 'region'], label: 'Region', help: 'Must be one of the topology’s regions.', input: { kind: 'text' } },
      { path: ['backups', 'offsite', 'copyDelaySeconds'], label: 'Copy delay', help: 'A backup is there this long after it ends.', input: dur },
      { path: ['backups', 'offsite', 'walDelaySeconds'], label: 'Log delay', help: 'Archived log is there this long after it is archived.', input: dur, optional: true },
      { path: ['backups', 'offsite', 'immutable'], label: 'Immutable', help: 'Object lock / WORM: ransomware cannot delete it.', input: bool, optional: true },
      { path: ['backups', 'offsitePricePerGiBMonth'], label: 'Price', unit: 'per GiB-month', help: 'For the repository cost.', input: num, optional: true },
    ],
  },
  {
    id: 'archiving',
    title: 'Continuous log archiving',
    help: 'Point-in-time recovery: archived log segments bound the data lost by a restore.',
    toggle: { path: ['archiving'], label: 'Continuous archiving', initial: { intervalSeconds: '60s' } },
    fields: [
      { path: ['archiving', 'intervalSeconds'], label: 'Archive interval', help: 'archive_timeout: the longest a segment waits before it is archived.', input: dur },
      { path: ['archiving', 'latencySeconds'], label: 'Archive latency', help: 'From a segment closing to being safe in the repository.', input: time, optional: true },
      { path: ['archiving', 'segmentMiB'], label: 'Segment size', unit: 'MiB', help: 'WAL segment size (16 MiB by default in PostgreSQL).', input: num, optional: true },
      { path: ['archiving', 'compressionRatio'], label: 'Log compression', unit: 'stored/original', help: 'For the size of archived log in the repository.', input: num, optional: true },
      { path: ['archiving', 'silentStallsPerYear'], label: 'Silent stalls', unit: 'per year', help: 'How often archiving stops without an alert (full disk, expired credentials).', input: num, optional: true },
      { path: ['archiving', 'timeToNoticeSeconds'], label: 'Time to notice', help: 'From a silent stall to someone noticing.', input: time, optional: true },
      { path: ['archiving', 'timeToFixSeconds'], label: 'Time to fix', help: 'From noticing to archiving again.', input: time, optional: true },
    ],
  },
  {
    id: 'failover',
    title: 'Failover',
    help: 'Promotion of a standby: detection, decision (the human or runbook delay when manual), promotion and reroute.',
    fields: [
      { path: ['failover', 'automatic'], label: 'Automatic', help: 'A failover manager (Patroni, Orchestrator, a managed service) promotes without a human.', input: bool, optional: true },
      { path: ['failover', 'detectionSeconds'], label: 'Detection', help: 'From the failure to the manager acting (Patroni: up to ttl + loop_wait).', input: time, optional: true },
      { path: ['failover', 'decisionSeconds'], label: 'Decision (automatic)', help: 'Extra wait before an automatic failover.', input: time, optional: true },
      { path: ['failover', 'manualDecisionSeconds'], label: 'Decision (manual)', help: 'Paging, diagnosis and the runbook when a human decides.', input: time, optional: true },
      { path: ['failover', 'promotionSeconds'], label: 'Promotion', help: 'pg_ctl promote / the engine’s switch to primary.', input: time, optional: true },
      { path: ['failover', 'replayGiBPerHour'], label: 'Backlog replay', unit: 'GiB/h', help: 'How fast a standby replays what it received but has not applied.', input: rate, optional: true },
      { path: ['failover', 'replayBacklogGiB'], label: 'Replay backlog', unit: 'GiB', help: 'Received but not yet applied at failover.', input: amount, optional: true },
      { path: ['failover', 'rerouteSeconds'], label: 'Reroute', help: 'DNS, proxy or connection-pool switch to the new primary.', input: time, optional: true },
      { path: ['failover', 'maximumLagOnFailoverBytes'], label: 'Lag gate', unit: 'bytes', help: 'Patroni maximum_lag_on_failover: a standby further behind is not promoted automatically.', input: num, optional: true },
    ],
  },
  {
    id: 'restore',
    title: 'Restore',
    help: 'When no standby can take over: provision, read the base backup, fetch and replay the log, verify, reroute.',
    fields: [
      { path: ['restore', 'decisionSeconds'], label: 'Decision', help: 'From detection to deciding to restore.', input: time, optional: true },
      { path: ['restore', 'provisionSeconds'], label: 'Provision', help: 'A new host or volume to restore onto.', input: time, optional: true },
      { path: ['restore', 'baseGiBPerHour'], label: 'Base restore', unit: 'GiB/h', help: 'How fast a base backup is read and written back.', input: rate },
      { path: ['restore', 'offsiteBaseGiBPerHour'], label: 'Base restore (off-site)', unit: 'GiB/h', help: 'The same from the off-site copy (usually slower).', input: rate, optional: true },
      { path: ['restore', 'chainApplyGiBPerHour'], label: 'Chain apply', unit: 'GiB/h', help: 'Applying differentials and incrementals after the full.', input: rate, optional: true },
      { path: ['restore', 'logFetchGiBPerHour'], label: 'Log fetch', unit: 'GiB/h', help: 'Fetching archived log from the repository.', input: rate, optional: true },
      { path: ['restore', 'replayGiBPerHour'], label: 'Log replay', unit: 'GiB/h', help: 'Replay (recovery) rate: single-threaded in PostgreSQL, often the bottleneck.', input: rate },
      { path: ['restore', 'logFetchOverlapsReplay'], label: 'Fetch overlaps replay', help: 'Log is prefetched while replay runs (pgBackRest async archive-get).', input: bool, optional: true },
      { path: ['restore', 'verificationSeconds'], label: 'Verification', help: 'Checks before opening to users.', input: time, optional: true },
      { path: ['restore', 'rerouteSeconds'], label: 'Reroute', help: 'Pointing applications at the restored database.', input: time, optional: true },
      { path: ['restore', 'replaceNodeSeconds'], label: 'Replace node', help: 'When the data survives (node failure without a standby): a new node on the same storage.', input: time, optional: true },
    ],
  },
];

export const STANDBY_COLUMNS: readonly FieldSpec[] = [
  { path: ['name'], label: 'Name', help: 'Standby name.', input: { kind: 'text' } },
  { path: ['region'], label: 'Region', help: 'Region of the standby.', input: { kind: 'text' } },
  { path: ['zone'], label: 'Zone', help: 'Zone of the standby.', input: { kind: 'text' } },
  { path: ['mode'], label: 'Mode', help: 'Synchronous standbys lose nothing; asynchronous ones lose their lag.', input: { kind: 'select', options: [{ value: 'sync', label: 'sync' }, { value: 'async', label: 'async' }] } },
  { path: ['lagSeconds'], label: 'Lag', help: 'Replication lag of an asynchronous standby: one value, a range or median and P99 (fit it from a lag series above).', input: time, optional: true },
  { path: ['delaySeconds'], label: 'Delay', help: 'A delayed replica (recovery_min_apply_delay): survives logical errors noticed within the delay.', input: dur, optional: true },
  {
    path: ['failover'],
    label: 'Failover',
    help: 'Whether it can be promoted automatically, only by a human, or never.',
    input: { kind: 'select', options: [{ value: 'automatic', label: 'automatic' }, { value: 'manual', label: 'manual' }, { value: 'never', label: 'never' }], nullable: 'default' },
    optional: true,
  },
];

export const SCENARIO_COLUMNS: readonly FieldSpec[] = [
  { path: ['annualRate'], label: 'Rate', unit: '/yr', help: 'Expected events per year.', input: num },
  { path: ['detectionSeconds'], label: 'Detection', help: 'From the failure to knowing it happened (logical errors: often hours).', input: time, optional: true },
  { path: ['beta'], label: 'β', help: 'Share of events that also take out the copies a correlated failure reaches (common cause).', input: num, optional: true },
  { path: ['targets', 'rpoSeconds'], label: 'RPO target', help: 'Most data the business accepts to lose.', input: dur },
  { path: ['targets', 'rtoSeconds'], label: 'RTO target', help: 'Longest the business accepts to be down.', input: dur },
];
