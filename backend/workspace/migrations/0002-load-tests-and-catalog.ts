import type { Migration } from './migration.js';

/**
 * Load tests (concurrency or nodes vs throughput, for USL fits) and the instance
 * catalog (sizes, limits and prices, for scaling options).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'load-tests-and-catalog',
  up(db) {
    db.exec(`
      CREATE TABLE load_test (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE load_test_point (
        load_test_id INTEGER NOT NULL REFERENCES load_test(id) ON DELETE CASCADE,
        concurrency REAL NOT NULL CHECK (concurrency > 0),
        throughput REAL NOT NULL CHECK (throughput >= 0),
        latency_ms REAL,
        PRIMARY KEY (load_test_id, concurrency)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE instance_type (
        id INTEGER PRIMARY KEY,
        provider TEXT NOT NULL,
        instance_class TEXT NOT NULL,
        vcpu REAL NOT NULL CHECK (vcpu > 0),
        memory_gib REAL NOT NULL CHECK (memory_gib > 0),
        storage_type TEXT NOT NULL,
        max_storage_gib REAL NOT NULL,
        max_iops REAL NOT NULL,
        max_throughput_mibps REAL NOT NULL,
        network_gbps REAL NOT NULL,
        max_connections INTEGER NOT NULL,
        on_demand_per_hour REAL NOT NULL,
        committed_per_hour REAL NOT NULL,
        storage_per_gib_month REAL NOT NULL,
        iops_per_month REAL NOT NULL,
        currency TEXT NOT NULL,
        price_note TEXT NOT NULL,
        prices_as_of TEXT NOT NULL,
        UNIQUE (provider, instance_class)
      ) STRICT;
    `);
  },
};
