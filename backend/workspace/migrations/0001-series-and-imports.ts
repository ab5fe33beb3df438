import type { Migration } from './migration.js';

/**
 * Series stored as chunks of typed arrays (DESIGN.md §4): one row per ≤ 8192 points,
 * never one row per point, so tens of millions of points stay a few thousand rows.
 * Each chunk keeps its min/max/sum, and a small summary blob with the first/last time and
 * min/max of every block of 128 points, so a zoomed-out chart of 10 M points reads
 * kilobytes of summaries instead of the points themselves. The summary comes before the
 * large blobs on purpose: SQLite reads a row's columns in order, through the overflow
 * pages of every blob before the one asked for.
 * Times are ms since the epoch; `step_ms` replaces the times blob when they are regular.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'series-and-imports',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        unit TEXT NOT NULL DEFAULT '',
        labels TEXT NOT NULL DEFAULT '{}',
        points INTEGER NOT NULL DEFAULT 0,
        start_ms INTEGER,
        end_ms INTEGER,
        resolution_ms REAL,
        gap_count INTEGER NOT NULL DEFAULT 0,
        gap_ms REAL NOT NULL DEFAULT 0,
        largest_gaps TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE chunk (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        n INTEGER NOT NULL CHECK (n > 0),
        v_min REAL NOT NULL,
        v_max REAL NOT NULL,
        v_sum REAL NOT NULL,
        step_ms INTEGER,
        summary BLOB NOT NULL,
        times BLOB,
        vals BLOB NOT NULL,
        CHECK ((step_ms IS NULL) <> (times IS NULL))
      ) STRICT;
      CREATE INDEX chunk_by_series_start ON chunk(series_id, start_ms);
      CREATE INDEX chunk_by_series_end ON chunk(series_id, end_ms);

      CREATE TABLE import_file (
        id INTEGER PRIMARY KEY,
        imported_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL,
        cells_rejected INTEGER NOT NULL,
        cells_missing INTEGER NOT NULL,
        points INTEGER NOT NULL,
        series TEXT NOT NULL,
        issues TEXT NOT NULL,
        notes TEXT NOT NULL
      ) STRICT;
    `);
  },
};
