import type { Migration } from './migration.js';
import { migration0001 } from './0001-series-and-imports.js';
import { migration0002 } from './0002-load-tests-and-catalog.js';
import { migration0003 } from './0003-series-kind-and-statements.js';
import { migration0004 } from './0004-scenarios.js';
import { migration0005 } from './0005-systems.js';

/** In order; the last one's version is the schema version this build writes. */
export const ALL_MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];

export const LATEST_SCHEMA_VERSION = ALL_MIGRATIONS[ALL_MIGRATIONS.length - 1]?.version ?? 0;
