import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImportFormatError, type ImportSink, type SeriesDeclaration, type StatementSample } from '../import-types.js';
import { StatementSnapshotParser } from './statement-snapshot-parser.js';
import { mysqlDigestFormat, pgStatStatementsFormat } from './statement-formats.js';

class StatementMemory implements ImportSink {
  readonly samples: StatementSample[] = [];
  declareSeries(_declaration: SeriesDeclaration): number {
    return 0;
  }
  addPoint(): void {}
  statementSample(sample: StatementSample): void {
    this.samples.push(sample);
  }
}

function read(engine: 'postgres' | 'mysql', text: string, options = {}, chunk = text.length) {
  const sink = new StatementMemory();
  const parser = new StatementSnapshotParser(engine, sink, options);
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  return { summary: parser.end(), samples: sink.samples };
}

// PostgreSQL 13+ column names (https://www.postgresql.org/docs/current/pgstatstatements.html), as
// `psql --csv -c "SELECT now() AS snapshot_time, * FROM pg_stat_statements"` prints them: timestamptz
// as `2026-11-01 10:00:00.123456+00`, the query text quoted with its line breaks and commas.
const PG13 = [
  'snapshot_time,userid,dbid,toplevel,queryid,query,plans,total_plan_time,calls,total_exec_time,min_exec_time,rows,shared_blks_hit,shared_blks_read',
  '2026-11-01 10:00:00.123456+00,10,16384,t,-9187233148923423400,"SELECT o.id, o.total\nFROM orders o WHERE o.customer_id = $1",0,0,1200,845.5,0.2,1200,50000,120',
  '2026-11-01 10:00:00.123456+00,10,16384,t,3735928559,"UPDATE orders SET status = $1 WHERE id = $2",0,0,300,410.25,0.9,300,9000,40',
  '2026-11-01 10:05:00.2+00,10,16384,t,-9187233148923423400,"SELECT o.id, o.total\nFROM orders o WHERE o.customer_id = $1",0,0,1800,1290,0.2,1800,76000,150',
  '2026-11-01 10:05:00.2+00,10,16384,t,3735928559,"UPDATE orders SET status = $1 WHERE id = $2",0,0,420,560.5,0.9,420,12500,52',
].join('\n');

describe('pg_stat_statements snapshots', () => {
  it('reads PostgreSQL 13+ snapshots, keeping the 64-bit queryid exact', () => {
    const { samples, summary } = read('postgres', PG13);
    expect(samples).toHaveLength(4);
    expect(samples[0]).toMatchObject({
      engine: 'postgres',
      queryId: '-9187233148923423400',
      query: 'SELECT o.id, o.total\nFROM orders o WHERE o.customer_id = $1',
      timeMs: Date.UTC(2026, 10, 1, 10, 0, 0, 123),
      calls: 1200,
      totalTimeMs: 845.5,
      rows: 1200,
      sharedBlocksHit: 50000,
      sharedBlocksRead: 120,
    });
    expect(samples[0]?.fingerprint).toBe(samples[2]?.fingerprint);
    expect(summary.notes.join(' ')).toMatch(/2 statements in 2 snapshots; total_exec_time \(PostgreSQL 13 or later\)/);
  });

  it('reads PostgreSQL 12 and earlier (total_time), epoch snapshot times and semicolons', () => {
    const text = 'ts;queryid;query;calls;total_time;rows\n1793527200;42;SELECT 1;10;5.5;10\n1793527500;42;SELECT 1;16;8;16\n';
    const { samples, summary } = read('postgres', text);
    expect(samples.map((s) => [s.timeMs, s.calls, s.totalTimeMs])).toEqual([
      [1793527200000, 10, 5.5],
      [1793527500000, 16, 8],
    ]);
    expect(summary.notes.join(' ')).toMatch(/total_time \(PostgreSQL 12 or earlier\)/);
  });

  it('gives the same samples however the text is chunked (property)', () => {
    const whole = read('postgres', PG13).samples;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), (chunk) => {
        expect(read('postgres', PG13, {}, chunk).samples).toEqual(whole);
      }),
      { seed: 5, numRuns: 80 },
    );
  });

  it('refuses snapshots without a time column, saying how to export them', () => {
    expect(() => read('postgres', 'queryid,query,calls,total_exec_time,rows\n1,SELECT 1,1,1,1\n')).toThrow(ImportFormatError);
    expect(() => read('postgres', 'queryid,query,calls,total_exec_time,rows\n1,SELECT 1,1,1,1\n')).toThrow(/snapshot_time.*psql --csv/);
  });

  it('reports rows it cannot read with their line, and keeps the rest', () => {
    const text = `${PG13}\nnot a time,10,16384,t,7,SELECT 2,0,0,1,1,1,1,1,1\n2026-11-01 10:05:00+00,10,16384,t,8,SELECT 3,0,0,lots,1,1,1,1,1\n`;
    const { samples, summary } = read('postgres', text);
    expect(samples).toHaveLength(4);
    expect(summary.issues).toEqual([
      { line: 8, reason: "snapshot time 'not a time' is not an ISO-8601 time or epoch number" },
      { line: 9, reason: "column 'calls': 'lots' is not a number" },
    ]);
  });

  it('is recognised from its header', () => {
    expect(pgStatStatementsFormat.sniff(PG13, 'pgss.csv')).toBeGreaterThan(0.9);
    expect(mysqlDigestFormat.sniff(PG13, 'pgss.csv')).toBe(0);
  });
});

// MySQL 8.0 performance_schema.events_statements_summary_by_digest
// (https://dev.mysql.com/doc/refman/8.0/en/performance-schema-statement-summary-tables.html): timers in
// picoseconds — the manual's example shows SUM_TIMER_WAIT 1535983999000 for 25 statements, about 1.54 s.
const MYSQL = [
  'snapshot_time,SCHEMA_NAME,DIGEST,DIGEST_TEXT,COUNT_STAR,SUM_TIMER_WAIT,SUM_ROWS_SENT,SUM_ROWS_AFFECTED,FIRST_SEEN,LAST_SEEN',
  '2026-11-01 10:00:00,shop,9f8e7d,SELECT * FROM `orders` WHERE `id` = ?,25,1535983999000,25,0,2026-10-01 00:00:00,2026-11-01 09:59:58',
  '2026-11-01 10:00:00,,,,7,2000000000,0,0,2026-10-01 00:00:00,2026-11-01 09:59:00',
].join('\n');

describe('MySQL statement digests', () => {
  it('reads digests with picosecond timers as milliseconds, and the overflow row', () => {
    const { samples } = read('mysql', MYSQL, { timeZone: 'Europe/Berlin' });
    expect(samples[0]).toMatchObject({ engine: 'mysql', queryId: '9f8e7d', database: 'shop', calls: 25, rows: 25, timeMs: Date.UTC(2026, 10, 1, 9) });
    expect(samples[0]?.totalTimeMs).toBeCloseTo(1535.983999, 6);
    expect(samples[1]).toMatchObject({ queryId: undefined, fingerprint: '|(overflow)', calls: 7 });
    expect(mysqlDigestFormat.sniff(MYSQL, 'digest.csv')).toBeGreaterThan(0.9);
  });
});
