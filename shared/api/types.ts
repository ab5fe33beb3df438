import type { Scenario } from '../forecast/scenarios.js';
import type { DelimitedLayout } from '../import/import-types.js';

/** The values that cross the contract. Times in results are ISO-8601 UTC strings or epoch ms as named. */

export interface AppInfo {
  readonly version: string;
  /** Which host serves the UI. */
  readonly host: 'electron' | 'browser';
  readonly workspace: WorkspaceInfo | null;
}

export interface WorkspaceInfo {
  readonly path: string;
  readonly name: string;
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly seriesCount: number;
  readonly pointCount: number;
  readonly sizeBytes: number;
}

export interface RecentWorkspace {
  readonly path: string;
  readonly name: string;
  readonly openedAt: string;
  readonly exists: boolean;
}

export interface GapSummary {
  readonly after: string;
  readonly before: string;
  readonly seconds: number;
}

export interface SeriesSummary {
  readonly name: string;
  readonly unit: string;
  /** gauge (a level), counter (cumulative), or rate (derived from a counter). */
  readonly kind: 'gauge' | 'counter' | 'rate';
  readonly labels: Readonly<Record<string, string>>;
  readonly points: number;
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly resolutionSeconds: number | null;
  readonly gapCount: number;
  readonly gapSeconds: number;
  readonly largestGaps: readonly GapSummary[];
}

export interface SeriesWindow {
  readonly name: string;
  readonly unit: string;
  /** Times in ms; a null value is a gap where the line breaks. */
  readonly t: readonly number[];
  readonly v: readonly (number | null)[];
  /** True when these are the raw samples (zoomed in far enough), false when min/max per pixel. */
  readonly raw: boolean;
  readonly pointsInWindow: number;
}

export interface WindowResult {
  readonly fromMs: number;
  readonly toMs: number;
  readonly series: readonly SeriesWindow[];
}

export interface ImportedSeries {
  readonly name: string;
  readonly unit: string;
  /** Points this file contributed. */
  readonly points: number;
  readonly start: string;
  readonly end: string;
}

export interface ImportedFile {
  readonly file: string;
  readonly format: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly series: readonly ImportedSeries[];
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly cellsRejected: number;
  readonly cellsMissing: number;
  /** Statement snapshots read (pg_stat_statements, MySQL digests); 0 for metric files. */
  readonly statementSamples: number;
  readonly notes: readonly string[];
}

/** A series where the import replaced values already stored for the same timestamps. */
export interface SeriesConflict {
  readonly series: string;
  /** Timestamps whose stored value differed from the imported one. */
  readonly timestamps: number;
  readonly example: { readonly time: string; readonly replaced: number; readonly kept: number };
}

export interface ImportResult {
  readonly files: readonly ImportedFile[];
  /** Values the import replaced (the newer import wins); empty when nothing disagreed. */
  readonly conflicts: readonly SeriesConflict[];
  /** Series the import derived (per-second rates of counters, the query mix). */
  readonly derived: readonly string[];
}

/** What a file would give, read from its first 256 KiB: shown before the import, with the mapping step. */
export interface ImportPreview {
  readonly file: string;
  readonly sizeBytes: number;
  /** The format chosen (detected, or the one asked for). */
  readonly format: string;
  readonly formatLabel: string;
  /** Every format with how well the file's start matches it, best first. */
  readonly candidates: readonly { readonly id: string; readonly label: string; readonly score: number }[];
  /** The file's first lines, as text. */
  readonly firstLines: readonly string[];
  /** Series found in the part read, with the points found there. */
  readonly series: readonly { readonly name: string; readonly unit: string; readonly points: number; readonly start: string; readonly end: string }[];
  readonly rowsRead: number;
  readonly issues: readonly { readonly line: number; readonly reason: string }[];
  readonly notes: readonly string[];
  /** For delimited files: the columns and how each is read (the mapping step). */
  readonly layout: DelimitedLayout | null;
  /** Whether only the file's start was read (the counts are then for that part). */
  readonly partial: boolean;
  /** Why the file cannot be imported as it is, if it cannot. */
  readonly error: { readonly line: number; readonly reason: string } | null;
}

export interface ImportRecord extends ImportedFile {
  readonly id: number;
  readonly importedAt: string;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobState {
  readonly id: string;
  readonly kind: 'import';
  readonly status: JobStatus;
  readonly label: string;
  /** What it is doing now (`reading metrics.csv`, `merging`, `saving`). */
  readonly phase: string;
  /** 0–1 when known. */
  readonly fraction: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly result: ImportResult | null;
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown } | null;
}

export interface LoadTestPoint {
  readonly concurrency: number;
  readonly throughput: number;
  readonly latencyMs: number | null;
}

export interface LoadTest {
  readonly name: string;
  readonly description: string;
  readonly points: readonly LoadTestPoint[];
}

export interface InstanceType {
  readonly provider: string;
  readonly instanceClass: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly storageType: string;
  readonly maxStorageGiB: number;
  readonly maxIops: number;
  readonly maxThroughputMiBps: number;
  readonly networkGbps: number;
  readonly maxConnections: number;
  readonly onDemandPerHour: number;
  readonly committedPerHour: number;
  readonly storagePerGiBMonth: number;
  readonly iopsPerMonth: number;
  readonly currency: string;
  readonly priceNote: string;
  readonly pricesAsOf: string;
}

/** Pushed from the backend to the UI. */
/** The scaling option chosen in the budget review, kept for the report. */
export interface ScalingDecision {
  readonly option: string;
  readonly note: string;
  readonly decidedBy: string;
  /** ISO-8601. */
  readonly decidedAt: string;
}

/** A scenario saved in the workspace. */
export interface StoredScenario extends Scenario {
  readonly description: string;
  readonly updatedAt: string;
}

export type ApiEvent =
  | { readonly type: 'job.updated'; readonly job: JobState }
  /** A forecast or analysis started with a requestId is making progress. */
  | { readonly type: 'compute.progress'; readonly requestId: string; readonly phase: string; readonly fraction: number }
  | { readonly type: 'workspace.changed'; readonly workspace: WorkspaceInfo | null };
