import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiFailure } from '../../shared/api/result.js';
import { HEADROOM_APPLICATION_ID, readSqliteHeader } from './workspace-header.js';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations/all-migrations.js';
import { nativeBindingPath } from './native-binding.js';

export type WorkspaceDb = Database.Database;

export interface OpenOptions {
  /** Create a new workspace when the file does not exist. */
  readonly create?: boolean;
  /** Open without writing anything, not even the journal mode (for reports, exports). */
  readonly readonly?: boolean;
}

/** Objects a Headroom workspace may contain; anything else (triggers, views) is refused. */
const ALLOWED_OBJECT_TYPES = new Set(['table', 'index']);

/**
 * Opens (or creates) a workspace file safely, as files from other people must be:
 * the header is checked before SQLite reads the schema; SQLite runs in defensive mode
 * (better-sqlite3's default) with `trusted_schema=OFF`, so nothing in the file can call
 * functions with side effects; triggers and views are refused outright; a quick
 * integrity check runs; a file from a newer Headroom is refused with a clear message.
 * Writable workspaces use WAL and are migrated to the latest schema in one transaction.
 * @throws {ApiFailure} `not-found`, `workspace-invalid` or `workspace-too-new`
 */
export function openWorkspace(path: string, options: OpenOptions = {}): WorkspaceDb {
  const exists = existsSync(path);
  if (!exists && !options.create) throw new ApiFailure('not-found', `${path}: no such workspace file`);
  if (exists) checkHeader(path);

  let db: WorkspaceDb;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: exists, nativeBinding: nativeBindingPath() });
  } catch (error) {
    throw new ApiFailure('workspace-invalid', `${path}: cannot be opened as a workspace (${(error as Error).message})`);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    if (exists) checkContents(db, path);
    if (!options.readonly) {
      if (!exists) {
        // Before WAL, so that the mark lands in the file's own header, where the next
        // open reads it before SQLite parses anything (the WAL is not checkpointed yet).
        // 16 KiB pages hold a chunk's 64 KiB blob in few pages: fewer writes on import.
        db.pragma('page_size = 16384');
        db.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
        migrate(db);
        setMeta(db, 'created_at', new Date().toISOString());
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function tooNew(path: string, version: number): ApiFailure {
  return new ApiFailure(
    'workspace-too-new',
    `${basename(path)} was saved by a newer Headroom (workspace schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Headroom to open it; the file was not changed.`,
    { schemaVersion: version, supported: LATEST_SCHEMA_VERSION },
  );
}

function checkHeader(path: string): void {
  if (statSync(path).isDirectory()) throw new ApiFailure('workspace-invalid', `${path} is a folder, not a workspace file`);
  const header = readSqliteHeader(path);
  if (!header.isSqlite) {
    throw new ApiFailure('workspace-invalid', `${path} is not a Headroom workspace (it is not an SQLite database)`);
  }
  if (header.applicationId !== HEADROOM_APPLICATION_ID) {
    throw new ApiFailure('workspace-invalid', `${path} is an SQLite database but not a Headroom workspace (application id ${header.applicationId})`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) throw tooNew(path, header.userVersion);
}

function checkContents(db: WorkspaceDb, path: string): void {
  // The header was read from the file; a WAL not yet checkpointed may hold newer values.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) throw tooNew(path, version);
  const objects = db.prepare<[], { type: string; name: string }>('SELECT type, name FROM sqlite_schema').all();
  const foreign = objects.find((o) => !ALLOWED_OBJECT_TYPES.has(o.type));
  if (foreign !== undefined) {
    throw new ApiFailure('workspace-invalid', `${path} contains a ${foreign.type} '${foreign.name}' that Headroom never creates; refusing to open it`);
  }
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new ApiFailure('workspace-invalid', `${path} is damaged (SQLite quick_check: ${String(check)})`);
}

/** Applies every migration the file lacks, all in one transaction. */
export function migrate(db: WorkspaceDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = ALL_MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

export function setMeta(db: WorkspaceDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getMeta(db: WorkspaceDb, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}
