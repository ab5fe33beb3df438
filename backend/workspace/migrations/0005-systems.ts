import type { Migration } from './migration.js';

/**
 * Systems: the instance each database runs on and its resources (series, capacity,
 * target, statistic, soft limits), as one validated JSON document per system — the
 * configuration headroom, runway and scaling are judged against.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'systems',
  up(db) {
    db.exec(`
      CREATE TABLE system (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        config TEXT NOT NULL CHECK (json_valid(config)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
