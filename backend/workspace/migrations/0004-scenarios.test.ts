import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from './all-migrations.js';
import { migration0004 } from './0004-scenarios.js';

describe('migration 0004: scenarios', () => {
  it('adds a table of named scenarios whose changes must be JSON', () => {
    const db = new Database(':memory:');
    for (const m of ALL_MIGRATIONS.filter((x) => x.version < 4)) m.up(db);
    migration0004.up(db);
    db.prepare("INSERT INTO scenario(name, changes, created_at, updated_at) VALUES ('launch', '[{\"kind\":\"step\"}]', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO scenario(name, changes, created_at, updated_at) VALUES ('bad', 'not json', 'x', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO scenario(name, changes, created_at, updated_at) VALUES ('launch', '[]', 'x', 'x')").run()).toThrow(/UNIQUE/);
  });
});
