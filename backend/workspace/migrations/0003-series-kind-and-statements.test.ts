import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from './0001-series-and-imports.js';
import { migration0002 } from './0002-load-tests-and-catalog.js';
import { migration0003 } from './0003-series-kind-and-statements.js';

function atVersion2(): Database.Database {
  const db = new Database(':memory:');
  migration0001.up(db);
  migration0002.up(db);
  return db;
}

describe('migration 0003: series kind and statements', () => {
  it('marks existing series as gauges and keeps them', () => {
    const db = atVersion2();
    db.prepare("INSERT INTO series(name, created_at, updated_at) VALUES ('cpu_pct', 'x', 'x')").run();
    migration0003.up(db);
    expect(db.prepare('SELECT name, kind FROM series').all()).toEqual([{ name: 'cpu_pct', kind: 'gauge' }]);
    expect(() => db.prepare("UPDATE series SET kind = 'sometimes'").run()).toThrow(/CHECK/);
  });

  it('keeps one sample per statement and time, found by statement through the key', () => {
    const db = atVersion2();
    migration0003.up(db);
    db.prepare("INSERT INTO statement(id, engine, fingerprint, query_id, query, kind) VALUES (1, 'postgres', 'q1', '-9187233148923423400', 'SELECT 1', 'read')").run();
    const insert = db.prepare('INSERT INTO statement_sample(statement_id, time_ms, calls, total_time_ms, rows) VALUES (1, ?, ?, 0, 0)');
    insert.run(1000, 5);
    expect(() => insert.run(1000, 6)).toThrow(/UNIQUE|PRIMARY/);
    const plan = db.prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT * FROM statement_sample WHERE statement_id = 1 ORDER BY time_ms').all().map((r) => r.detail).join(' ');
    expect(plan).toMatch(/SEARCH statement_sample USING PRIMARY KEY/);
    expect(db.prepare('SELECT query_id FROM statement').get()).toEqual({ query_id: '-9187233148923423400' });
  });
});
