import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
 * A new workspace appears at `path` only complete (see createWorkspaceFile).
 * @throws {ApiFailure} `not-found`, `bad-input` (created meanwhile), `workspace-invalid` or `workspace-too-new`
 */
export function openWorkspace(path: string, options: OpenOptions = {}): WorkspaceDb {
  if (!existsSync(path)) {
    if (!options.create || options.readonly) throw new ApiFailure('not-found', `${path}: no such workspace file`);
    createWorkspaceFile(path);
  }
  checkHeader(path);

  let db: WorkspaceDb;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  } catch (error) {
    throw new ApiFailure('workspace-invalid', `${path}: cannot be opened as a workspace (${(error as Error).message})`);
  }
  try {
    configure(db);
    checkContents(db, path);
    if (!options.readonly) {
      // Migrate before switching to WAL (issue #9): a failed upgrade then leaves the file
      // byte-for-byte as it was; switching first rewrote its header even when refused.
      migrate(db);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    return db;
  } catch (error) {
    db.close();
    throw asWorkspaceFailure(error, path);
  }
}

/**
 * SQLite's own errors on a damaged or crafted file ("database disk image is malformed",
 * "malformed database schema", a failing migration) as a refusal naming the file, instead
 * of a raw SqliteError (issue #9: fuzzing the file's bytes threw those from openWorkspace).
 */
function asWorkspaceFailure(error: unknown, path: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  return new ApiFailure('workspace-invalid', `${path} cannot be opened as a workspace: it is damaged or was changed outside Headroom (SQLite: ${error.message}); the file was not changed`, {
    sqliteCode: error.code,
  });
}

function configure(db: WorkspaceDb): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
}

/**
 * Creates a workspace file all at once. Setting it up takes several writes (the header's
 * page size and mark, the schema, the creation date, the switch to WAL); done in place, a
 * crash between them left a file at `path` that could not be opened — often empty, "not
 * an SQLite database" — and that blocked creating it again (save-crash.test.ts). So the
 * file is built under a hidden temporary name beside `path`, closed (which folds its WAL
 * back in), and only then linked to `path`: there is either no file there or a complete
 * one. A crash leaves at most the hidden `.…creating` file behind.
 * @throws {ApiFailure} `bad-input` when a file appeared at `path` meanwhile
 */
function createWorkspaceFile(path: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.creating`);
  try {
    const db = new Database(temporary, { nativeBinding: nativeBindingPath() });
    try {
      configure(db);
      // Before WAL, so that the mark lands in the file's own header, where every open
      // reads it before SQLite parses anything.
      // 16 KiB pages hold a chunk's 64 KiB blob in few pages: fewer writes on import.
      db.pragma('page_size = 16384');
      db.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
      migrate(db);
      setMeta(db, 'created_at', new Date().toISOString());
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    publish(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Moves a finished file to `path` without ever replacing a file already there. */
function publish(temporary: string, path: string): void {
  const taken = (): ApiFailure => new ApiFailure('bad-input', `${path} already exists; open it instead, or choose another name`);
  try {
    // A hard link fails rather than replace a file created meanwhile.
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw taken();
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (existsSync(path)) throw taken();
    renameSync(temporary, path);
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
  if (header.userVersion < 0) throw badVersion(path, header.userVersion);
}

/** A negative user_version would make every migration run again over the existing tables (issue #9). */
function badVersion(path: string, version: number): ApiFailure {
  return new ApiFailure('workspace-invalid', `${path} has an invalid schema version ${version}; Headroom never writes that, refusing to open it`);
}

function checkContents(db: WorkspaceDb, path: string): void {
  // The header was read from the file; a WAL not yet checkpointed may hold newer values.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) throw tooNew(path, version);
  if (version < 0) throw badVersion(path, version);
  const objects = db.prepare<[], { type: string; name: string }>('SELECT type, name FROM sqlite_schema').all();
  const foreign = objects.find((o) => !ALLOWED_OBJECT_TYPES.has(o.type));
  if (foreign !== undefined) {
    throw new ApiFailure('workspace-invalid', `${path} contains a ${foreign.type} '${foreign.name}' that Headroom never creates; refusing to open it`);
  }
  checkSchema(db, path, version);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new ApiFailure('workspace-invalid', `${path} is damaged (SQLite quick_check: ${String(check)})`);
}

/** One line per table and index: type, name, table and the SQL that created it. */
function schemaOf(db: WorkspaceDb): Map<string, string> {
  const rows = db.prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>('SELECT type, name, tbl_name, sql FROM sqlite_schema').all();
  return new Map(rows.map((r) => [r.name, `${r.type} on ${r.tbl_name}: ${r.sql ?? ''}`]));
}

/** The schema Headroom's migrations create at each version, built once in memory. */
const expectedSchemas = new Map<number, Map<string, string>>();

function expectedSchema(version: number): Map<string, string> {
  let schema = expectedSchemas.get(version);
  if (schema === undefined) {
    const scratch = new Database(':memory:', { nativeBinding: nativeBindingPath() });
    try {
      for (const migration of ALL_MIGRATIONS) if (migration.version <= version) migration.up(scratch);
      schema = schemaOf(scratch);
    } finally {
      scratch.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

/**
 * The file's tables and indexes must be exactly those Headroom creates at its schema version,
 * down to their SQL (issue #9). Refusing only triggers and views left room for what else a
 * crafted schema can carry into our reads and writes: extra tables and expression indexes,
 * generated columns and CHECK constraints calling functions (zeroblob, printf of 100 MB),
 * known tables redefined without STRICT typing.
 */
function checkSchema(db: WorkspaceDb, path: string, version: number): void {
  const actual = schemaOf(db);
  const expected = expectedSchema(version);
  for (const [name, definition] of actual) {
    // ANALYZE's statistics (someone ran it with the sqlite3 shell): planner hints, never code.
    if (/^sqlite_stat[1-4]$/.test(name) && definition.startsWith('table ')) continue;
    const wanted = expected.get(name);
    const type = definition.slice(0, definition.indexOf(' '));
    const a = type === 'index' ? 'an' : 'a';
    if (wanted === undefined) {
      if (version === 0) throw new ApiFailure('workspace-invalid', `${path} has no schema version, yet ${a} ${type} '${name}' already exists in it; Headroom never creates such a file, refusing to open it`);
      throw new ApiFailure('workspace-invalid', `${path} contains ${a} ${type} '${name}' that Headroom never creates; refusing to open it`);
    }
    if (wanted !== definition) throw new ApiFailure('workspace-invalid', `${path}: its ${type} '${name}' differs from the one Headroom creates (schema ${version}); refusing to open it`);
  }
  const missing = [...expected.keys()].find((name) => !actual.has(name));
  if (missing !== undefined) throw new ApiFailure('workspace-invalid', `${path} lacks '${missing}' of Headroom's schema ${version}; it is damaged or was changed outside Headroom`);
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
