import type { Database } from 'better-sqlite3';

/** One schema step. Each lives in its own file with its own test (DESIGN.md §4). */
export interface Migration {
  /** The schema version this migration produces (1, 2, …). */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
