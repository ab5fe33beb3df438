import type { StatementKind } from '../../shared/querymix/classify-statement.js';
import { statementIntervals, type CumulativeSample } from '../../shared/querymix/statement-intervals.js';
import type { ActivityInterval, StatementActivity } from '../../shared/workload/query-mix.js';
import type { WorkspaceDb } from './open-workspace.js';

/**
 * The statement activity of each snapshot interval (what ran between two
 * pg_stat_statements / MySQL digest snapshots), for the query-mix analysis. Counters are
 * differenced per statement with reset detection, as the query-mix series are.
 * @returns intervals in time order; empty when the workspace holds no statements
 */
export function readStatementActivity(db: WorkspaceDb): ActivityInterval[] {
  const statements = db.prepare<[], { id: number; fingerprint: string; query: string; kind: StatementKind }>('SELECT id, fingerprint, query, kind FROM statement').all();
  const samples = db.prepare<[number], { time_ms: number; calls: number; total_time_ms: number; rows: number }>(
    'SELECT time_ms, calls, total_time_ms, rows FROM statement_sample WHERE statement_id = ? ORDER BY time_ms',
  );
  const byEnd = new Map<number, { startMs: number; statements: StatementActivity[] }>();
  for (const statement of statements) {
    const series: CumulativeSample[] = samples.all(statement.id).map((s) => ({ timeMs: s.time_ms, calls: s.calls, totalTimeMs: s.total_time_ms, rows: s.rows }));
    for (const interval of statementIntervals(series)) {
      const entry = byEnd.get(interval.endMs) ?? { startMs: interval.startMs, statements: [] };
      entry.startMs = Math.min(entry.startMs, interval.startMs);
      entry.statements.push({ id: statement.fingerprint, query: statement.query, kind: statement.kind, calls: interval.calls, totalTimeMs: interval.totalTimeMs, rows: interval.rows });
      byEnd.set(interval.endMs, entry);
    }
  }
  return [...byEnd.entries()].sort((a, b) => a[0] - b[0]).map(([endMs, entry]) => ({ startMs: entry.startMs, endMs, statements: entry.statements }));
}
