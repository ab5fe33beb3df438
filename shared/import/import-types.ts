/**
 * What every importer produces, whatever the format: series declarations, points,
 * and an honest account of what was read, what was missing and what was refused.
 */

/** Identity and metadata of one series found in a file. */
export interface SeriesDeclaration {
  /** Display and identity name (`cpu_pct`, `cpu_pct{host="db1"}`). */
  readonly name: string;
  /** Unit symbol from the unit catalog, or '' when unknown. */
  readonly unit: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Where in the file it came from, for the import report (`column cpu_pct`). */
  readonly origin: string;
  /**
   * A counter (cumulative, monotonic but for resets: Prometheus `_total`, Cloud Monitoring
   * CUMULATIVE) or a gauge (a level: CPU %, bytes used). Counters are flagged in the
   * workspace and can be turned into rates. Gauge when absent.
   */
  readonly kind?: SeriesKind;
}

export type SeriesKind = 'gauge' | 'counter';

/**
 * One statement's cumulative counters as captured in one snapshot of
 * pg_stat_statements or MySQL's events_statements_summary_by_digest.
 */
export interface StatementSample {
  readonly engine: 'postgres' | 'mysql';
  /** Identity within the engine: PostgreSQL user, database, toplevel and queryid; MySQL schema and digest. */
  readonly fingerprint: string;
  /** The engine's id of the normalised statement, exactly as written (a 64-bit integer overflows a JS number). */
  readonly queryId: string | undefined;
  readonly query: string;
  readonly database: string | undefined;
  readonly user: string | undefined;
  /** When the snapshot was taken, ms since the epoch (UTC). */
  readonly timeMs: number;
  /** Cumulative since the last reset. */
  readonly calls: number;
  readonly totalTimeMs: number;
  readonly rows: number;
  readonly sharedBlocksHit: number | undefined;
  readonly sharedBlocksRead: number | undefined;
}

/** Receives what a parser reads. The backend's implementation writes to the workspace. */
export interface ImportSink {
  /** Declares a series and returns the handle its points are added with. */
  declareSeries(declaration: SeriesDeclaration): number;
  /** Adds one sample: time in ms since the epoch (UTC), a finite value. */
  addPoint(series: number, timeMs: number, value: number): void;
  /** Receives statement snapshots (query-mix formats); sinks that keep no statements omit it. */
  statementSample?(sample: StatementSample): void;
}

/** A row, or a cell of a row, that was not imported, and why. */
export interface ImportIssue {
  /** Physical line in the file (1-based). */
  readonly line: number;
  readonly reason: string;
}

export interface ImportFileSummary {
  readonly format: string;
  /** Data rows (records after the header) read. */
  readonly rowsRead: number;
  /** Rows from which nothing was imported. */
  readonly rowsRejected: number;
  /** Cells with text that is not a value (each named in `issues`). */
  readonly cellsRejected: number;
  /** Cells that marked "no sample" (empty, NaN, null): gaps, not errors. */
  readonly cellsMissing: number;
  readonly pointsRead: number;
  /** The first issues, in file order (at most {@link MAX_REPORTED_ISSUES}). */
  readonly issues: readonly ImportIssue[];
  /** How the file was read: time column, time format, delimiter, unit sources. */
  readonly notes: readonly string[];
}

/** How many issues a report lists; the counts stay exact beyond it. */
export const MAX_REPORTED_ISSUES = 1000;

/** The file could not be read at all; `line` points at the place that decided it. */
export class ImportFormatError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(reason);
    this.name = 'ImportFormatError';
  }
}

/** How a delimited file was read: what the mapping step of the import dialog shows and lets the user change. */
export interface DelimitedLayout {
  readonly delimiter: string;
  readonly columns: readonly {
    readonly name: string;
    readonly role: 'time' | 'value' | 'name' | 'unit' | 'label';
    /** The unit a value column gets ('' when unknown). */
    readonly unit: string;
  }[];
  readonly timeColumn: string;
  readonly timeFormat: string;
}

/** A streaming parser of one file: text in, points out through an {@link ImportSink}. */
export interface StreamingParser {
  push(text: string): void;
  /** @throws {ImportFormatError} when nothing at all could be read from the file. */
  end(): ImportFileSummary;
  /** For delimited formats, once the header and first rows are read: how the columns are read. */
  describeLayout?(): DelimitedLayout | undefined;
}
