import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from './all-migrations.js';
import { migration0005 } from './0005-systems.js';

describe('migration 0005: systems', () => {
  it('adds one JSON configuration per named system', () => {
    const db = new Database(':memory:');
    for (const m of ALL_MIGRATIONS.filter((x) => x.version < 5)) m.up(db);
    migration0005.up(db);
    db.prepare("INSERT INTO system(name, config, updated_at) VALUES ('orders-db', '{}', 'x')").run();
    expect(() => db.prepare("INSERT INTO system(name, config, updated_at) VALUES ('b', 'nope', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO system(name, config, updated_at) VALUES ('orders-db', '{}', 'x')").run()).toThrow(/UNIQUE/);
  });
});
