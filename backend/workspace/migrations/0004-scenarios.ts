import type { Migration } from './migration.js';

/**
 * Named what-if scenarios (step, ramp, one-off, growth multiplier) saved in the
 * workspace, so the capacity review can compare them and a report can cite them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        changes TEXT NOT NULL CHECK (json_valid(changes)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
