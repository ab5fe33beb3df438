import type { Migration } from './migration.js';

/**
 * Series get a kind (gauge, counter, or a rate derived from a counter), and the query
 * mix gets its tables: statements (pg_stat_statements entries, MySQL digests) and their
 * cumulative counters as captured at each snapshot. Per-interval deltas are computed
 * from the samples when needed (with reset detection), so nothing derived is stored
 * that could disagree with its source.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'series-kind-and-statements',
  up(db) {
    db.exec(`
      ALTER TABLE series ADD COLUMN kind TEXT NOT NULL DEFAULT 'gauge' CHECK (kind IN ('gauge', 'counter', 'rate'));
      ALTER TABLE import_file ADD COLUMN statement_samples INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE statement (
        id INTEGER PRIMARY KEY,
        engine TEXT NOT NULL CHECK (engine IN ('postgres', 'mysql')),
        fingerprint TEXT NOT NULL,
        query_id TEXT,
        query TEXT NOT NULL,
        database_name TEXT,
        user_name TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('read', 'write', 'ddl', 'other')),
        UNIQUE (engine, fingerprint)
      ) STRICT;

      CREATE TABLE statement_sample (
        statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
        time_ms INTEGER NOT NULL,
        calls REAL NOT NULL,
        total_time_ms REAL NOT NULL,
        rows REAL NOT NULL,
        shared_blocks_hit REAL,
        shared_blocks_read REAL,
        PRIMARY KEY (statement_id, time_ms)
      ) STRICT, WITHOUT ROWID;

    `);
  },
};
