/**
 * Which columns of a snapshot export hold what, by engine and version. Column names as
 * documented: PostgreSQL pg_stat_statements (https://www.postgresql.org/docs/current/pgstatstatements.html;
 * `total_time` up to PG 12, `total_exec_time` from PG 13), MySQL
 * performance_schema.events_statements_summary_by_digest
 * (https://dev.mysql.com/doc/refman/8.0/en/performance-schema-statement-summary-tables.html;
 * timers in picoseconds).
 */
export interface StatementColumns {
  readonly engine: 'postgres' | 'mysql';
  readonly time: number;
  readonly queryId: number;
  readonly query: number;
  readonly calls: number;
  readonly totalTime: number;
  /** Milliseconds per unit of the total-time column (PostgreSQL: ms; MySQL: picoseconds). */
  readonly totalTimeToMs: number;
  /** Columns summed into "rows" (MySQL: rows sent + rows affected). */
  readonly rows: readonly number[];
  readonly database: number;
  readonly user: number;
  readonly toplevel: number;
  readonly sharedBlocksHit: number;
  readonly sharedBlocksRead: number;
  /** Which total-time column was found, for the report (`total_exec_time (PostgreSQL 13+)`). */
  readonly versionNote: string;
}

const SNAPSHOT_TIME = ['snapshot_time', 'captured_at', 'collected_at', 'sampled_at', 'snapshot_at', 'snapshot_ts', 'ts', 'time', 'timestamp', 'now', 'sample_time'];

function find(headers: readonly string[], ...names: string[]): number {
  for (const name of names) {
    const index = headers.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/** Whether a header row is a pg_stat_statements export. */
export function isPgStatStatementsHeader(headers: readonly string[]): boolean {
  const h = headers.map((x) => x.trim().toLowerCase());
  return h.includes('queryid') && h.includes('calls') && (h.includes('total_exec_time') || h.includes('total_time'));
}

/** Whether a header row is a MySQL statement-digest export. */
export function isMysqlDigestHeader(headers: readonly string[]): boolean {
  const h = headers.map((x) => x.trim().toLowerCase());
  return h.includes('digest') && h.includes('count_star') && h.includes('sum_timer_wait');
}

/**
 * Maps a header row; returns the reason when a required column is missing.
 * @returns the column positions, or a message naming what is missing and how to export it
 */
export function mapStatementColumns(engine: 'postgres' | 'mysql', rawHeaders: readonly string[]): StatementColumns | string {
  const headers = rawHeaders.map((x) => x.trim().toLowerCase());
  const time = find(headers, ...SNAPSHOT_TIME);
  const howToExport =
    engine === 'postgres'
      ? 'export snapshots with: psql --csv -c "SELECT now() AS snapshot_time, * FROM pg_stat_statements"'
      : 'export snapshots with: SELECT NOW() AS snapshot_time, s.* FROM performance_schema.events_statements_summary_by_digest s';
  if (time < 0) return `no snapshot time column (one of ${SNAPSHOT_TIME.slice(0, 4).join(', ')}, …): deltas between snapshots need it; ${howToExport}`;
  if (engine === 'postgres') {
    const totalExec = find(headers, 'total_exec_time');
    const totalTime = totalExec >= 0 ? totalExec : find(headers, 'total_time');
    const columns = {
      engine,
      time,
      queryId: find(headers, 'queryid'),
      query: find(headers, 'query'),
      calls: find(headers, 'calls'),
      totalTime,
      totalTimeToMs: 1,
      rows: [find(headers, 'rows')].filter((i) => i >= 0),
      database: find(headers, 'datname', 'database', 'dbname', 'dbid'),
      user: find(headers, 'usename', 'username', 'rolname', 'user', 'userid'),
      toplevel: find(headers, 'toplevel'),
      sharedBlocksHit: find(headers, 'shared_blks_hit'),
      sharedBlocksRead: find(headers, 'shared_blks_read'),
      versionNote: totalExec >= 0 ? 'total_exec_time (PostgreSQL 13 or later)' : 'total_time (PostgreSQL 12 or earlier)',
    } satisfies StatementColumns;
    const missing = (['queryId', 'calls', 'totalTime'] as const).filter((k) => columns[k] < 0);
    if (missing.length > 0 || columns.rows.length === 0) return `pg_stat_statements columns missing: ${[...missing, ...(columns.rows.length === 0 ? ['rows'] : [])].join(', ')}; ${howToExport}`;
    return columns;
  }
  const columns = {
    engine,
    time,
    queryId: find(headers, 'digest'),
    query: find(headers, 'digest_text', 'query_sample_text'),
    calls: find(headers, 'count_star'),
    totalTime: find(headers, 'sum_timer_wait'),
    totalTimeToMs: 1e-9,
    rows: [find(headers, 'sum_rows_sent'), find(headers, 'sum_rows_affected')].filter((i) => i >= 0),
    database: find(headers, 'schema_name'),
    user: -1,
    toplevel: -1,
    sharedBlocksHit: -1,
    sharedBlocksRead: -1,
    versionNote: 'timers in picoseconds (performance_schema)',
  } satisfies StatementColumns;
  const missing = (['queryId', 'calls', 'totalTime'] as const).filter((k) => columns[k] < 0);
  if (missing.length > 0) return `MySQL digest columns missing: ${missing.join(', ')}; ${howToExport}`;
  return columns;
}
