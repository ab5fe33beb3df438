import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from './0001-series-and-imports.js';

describe('migration 0001: series and imports', () => {
  it('creates the series, chunk and import tables on an empty database', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(['chunk', 'import_file', 'meta', 'series']);
  });

  it('serves the chart window query from an index (Signal-style EXPLAIN QUERY PLAN check)', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    const plan = db
      .prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT id, start_ms, end_ms, n FROM chunk WHERE series_id = 1 AND end_ms >= 0 AND start_ms <= 10 ORDER BY start_ms')
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX chunk_by_series_(start|end)/);
    expect(plan).not.toMatch(/SCAN chunk\b(?! USING)/);
  });

  it('refuses a chunk that has both or neither of a step and a times blob', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    db.prepare("INSERT INTO series(id, name, created_at, updated_at) VALUES (1, 's', 'x', 'x')").run();
    const insert = db.prepare('INSERT INTO chunk(series_id, start_ms, end_ms, n, v_min, v_max, v_sum, step_ms, summary, times, vals) VALUES (1, 0, 0, 1, 0, 0, 0, ?, x\'00\', ?, x\'00\')');
    expect(() => insert.run(null, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, Buffer.alloc(8))).toThrow(/CHECK/);
  });
});

describe('chunk column order', () => {
  it('keeps the small summary before the large blobs, so overviews do not read the points', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    const columns = db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'chunk\')').all().map((c) => c.name);
    expect(columns.indexOf('summary')).toBeLessThan(columns.indexOf('times'));
    expect(columns.indexOf('times')).toBeLessThan(columns.indexOf('vals'));
  });
});
