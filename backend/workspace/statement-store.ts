import type { StatementSample } from '../../shared/import/import-types.js';
import { classifyStatement } from '../../shared/querymix/classify-statement.js';
import { statementIntervals, type CumulativeSample } from '../../shared/querymix/statement-intervals.js';
import { CHUNK_POINTS, encodeChunk } from './chunk-codec.js';
import { prepareChunkInsert } from './chunk-insert.js';
import type { WorkspaceDb } from './open-workspace.js';
import { refreshSeriesShape } from './series-catalog.js';

/** Writes statement snapshots into the workspace (inside the import's transaction). */
export class StatementWriter {
  private readonly ids = new Map<string, number>();
  private readonly upsert;
  private readonly insertSample;
  written = 0;

  constructor(db: WorkspaceDb) {
    this.upsert = db.prepare<[string, string, string | null, string, string | null, string | null, string], { id: number }>(
      `INSERT INTO statement(engine, fingerprint, query_id, query, database_name, user_name, kind) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(engine, fingerprint) DO UPDATE SET query = excluded.query, kind = excluded.kind RETURNING id`,
    );
    // An upsert, not INSERT OR REPLACE: REPLACE deletes and re-inserts, three times slower here.
    this.insertSample = db.prepare(
      `INSERT INTO statement_sample(statement_id, time_ms, calls, total_time_ms, rows, shared_blocks_hit, shared_blocks_read) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(statement_id, time_ms) DO UPDATE SET calls = excluded.calls, total_time_ms = excluded.total_time_ms, rows = excluded.rows,
         shared_blocks_hit = excluded.shared_blocks_hit, shared_blocks_read = excluded.shared_blocks_read`,
    );
  }

  add(sample: StatementSample): void {
    const key = `${sample.engine}\u0000${sample.fingerprint}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const row = this.upsert.get(sample.engine, sample.fingerprint, sample.queryId ?? null, sample.query, sample.database ?? null, sample.user ?? null, classifyStatement(sample.query));
      if (row === undefined) throw new Error('statement upsert returned no row');
      id = row.id;
      this.ids.set(key, id);
    }
    this.insertSample.run(id, sample.timeMs, sample.calls, sample.totalTimeMs, sample.rows, sample.sharedBlocksHit ?? null, sample.sharedBlocksRead ?? null);
    this.written++;
  }
}

/** The query-mix series derived from statement snapshots, with their units. */
export const QUERY_MIX_SERIES = {
  read: { name: 'queries.read_per_s', unit: 'QPS' },
  write: { name: 'queries.write_per_s', unit: 'QPS' },
  other: { name: 'queries.other_per_s', unit: 'QPS' },
  execTime: { name: 'queries.exec_time_ms_per_s', unit: 'ms/s' },
  readShare: { name: 'queries.read_share', unit: 'ratio' },
} as const;

interface Bucket {
  read: number;
  write: number;
  other: number;
  execMs: number;
}

/**
 * Rewrites the query-mix series from every statement's snapshots: per snapshot interval,
 * reads, writes and other statements per second, execution time per second (ms/s, i.e.
 * the average number of statements executing × 1000), and the read share of calls —
 * the input of the read-replica option. Counters are differenced per statement with
 * reset detection (querymix/statement-intervals.ts).
 * @returns the names of the series written
 */
export function writeQueryMixSeries(db: WorkspaceDb, now: string): string[] {
  const buckets = new Map<number, Bucket>();
  const statements = db.prepare<[], { id: number; kind: string }>('SELECT id, kind FROM statement').all();
  const samples = db.prepare<[number], { time_ms: number; calls: number; total_time_ms: number; rows: number }>(
    'SELECT time_ms, calls, total_time_ms, rows FROM statement_sample WHERE statement_id = ? ORDER BY time_ms',
  );
  for (const statement of statements) {
    const series: CumulativeSample[] = samples.all(statement.id).map((s) => ({ timeMs: s.time_ms, calls: s.calls, totalTimeMs: s.total_time_ms, rows: s.rows }));
    for (const interval of statementIntervals(series)) {
      const seconds = (interval.endMs - interval.startMs) / 1000;
      const bucket = buckets.get(interval.endMs) ?? { read: 0, write: 0, other: 0, execMs: 0 };
      const rate = interval.calls / seconds;
      if (statement.kind === 'read') bucket.read += rate;
      else if (statement.kind === 'write') bucket.write += rate;
      else bucket.other += rate;
      bucket.execMs += interval.totalTimeMs / seconds;
      buckets.set(interval.endMs, bucket);
    }
  }
  const times = [...buckets.keys()].sort((a, b) => a - b);
  const written: string[] = [];
  const write = (name: string, unit: string, value: (b: Bucket) => number | undefined, skipIfAllZero = false): void => {
    db.prepare('DELETE FROM series WHERE name = ?').run(name);
    if (times.length === 0) return;
    if (skipIfAllZero && times.every((time) => { const b = buckets.get(time); return b === undefined || value(b) === 0; })) return;
    const id = Number(db.prepare("INSERT INTO series(name, unit, labels, kind, created_at, updated_at) VALUES (?, ?, '{}', 'gauge', ?, ?)").run(name, unit, now, now).lastInsertRowid);
    const insert = prepareChunkInsert(db);
    const t = new Float64Array(CHUNK_POINTS);
    const v = new Float64Array(CHUNK_POINTS);
    let n = 0;
    for (const time of times) {
      const bucket = buckets.get(time);
      const x = bucket === undefined ? undefined : value(bucket);
      if (x === undefined || !Number.isFinite(x)) continue;
      t[n] = time;
      v[n] = x;
      n++;
      if (n === CHUNK_POINTS) {
        insert(id, encodeChunk(t, v, n));
        n = 0;
      }
    }
    if (n > 0) insert(id, encodeChunk(t, v, n));
    refreshSeriesShape(db, id, now);
    if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(id) !== undefined) written.push(name);
  };
  write(QUERY_MIX_SERIES.read.name, QUERY_MIX_SERIES.read.unit, (b) => b.read);
  write(QUERY_MIX_SERIES.write.name, QUERY_MIX_SERIES.write.unit, (b) => b.write);
  // Transaction control and DDL: worth a series only when there are some.
  write(QUERY_MIX_SERIES.other.name, QUERY_MIX_SERIES.other.unit, (b) => b.other, true);
  write(QUERY_MIX_SERIES.execTime.name, QUERY_MIX_SERIES.execTime.unit, (b) => b.execMs);
  write(QUERY_MIX_SERIES.readShare.name, QUERY_MIX_SERIES.readShare.unit, (b) => (b.read + b.write > 0 ? b.read / (b.read + b.write) : undefined));
  return written;
}
