import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from './0001-series-and-imports.js';
import { migration0002 } from './0002-load-tests-and-catalog.js';

describe('migration 0002: load tests and the instance catalog', () => {
  it('adds its tables on top of schema 1 without touching the series', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    db.prepare("INSERT INTO series(name, created_at, updated_at) VALUES ('cpu', 'x', 'x')").run();
    migration0002.up(db);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['instance_type', 'load_test', 'load_test_point', 'series']));
    expect(db.prepare('SELECT count(*) AS n FROM series').get()).toEqual({ n: 1 });
  });

  it('keeps load-test points meaningful (positive concurrency, non-negative throughput)', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    migration0002.up(db);
    db.prepare("INSERT INTO load_test(id, name) VALUES (1, 't')").run();
    expect(() => db.prepare('INSERT INTO load_test_point VALUES (1, 0, 10, NULL)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO load_test_point VALUES (1, 4, -1, NULL)').run()).toThrow(/CHECK/);
  });
});
