import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { ApiFailure } from '../../shared/api/result.js';
import { LATEST_SCHEMA_VERSION } from './migrations/all-migrations.js';
import { migration0001 } from './migrations/0001-series-and-imports.js';
import { openWorkspace } from './open-workspace.js';
import { HEADROOM_APPLICATION_ID } from './workspace-header.js';

const tempDir = useTempDir();

function failureOf(action: () => unknown): ApiFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('openWorkspace', () => {
  it('creates a WAL workspace at the latest schema, marked as Headroom’s', () => {
    const path = join(tempDir(), 'new.headroom');
    const db = openWorkspace(path, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(HEADROOM_APPLICATION_ID);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    db.close();
  });

  it('runs SQLite in defensive mode: the schema cannot be edited through writable_schema', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    db.pragma('writable_schema = ON');
    expect(() => db.prepare("UPDATE sqlite_schema SET sql = 'x' WHERE name = 'series'").run()).toThrow();
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(failureOf(() => openWorkspace(join(tempDir(), 'absent.headroom'))).code).toBe('not-found');
  });

  it('refuses files that are not SQLite, or SQLite but not ours', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.headroom'), 'just text, not a database');
    expect(failureOf(() => openWorkspace(join(dir, 'notes.headroom'))).message).toMatch(/not an SQLite database/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t(x)');
    other.close();
    expect(failureOf(() => openWorkspace(join(dir, 'other.db'))).message).toMatch(/not a Headroom workspace/);
  });

  it('refuses a workspace from a newer Headroom without changing a byte of it', () => {
    const path = join(tempDir(), 'future.headroom');
    openWorkspace(path, { create: true }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(path);
    const failure = failureOf(() => openWorkspace(path));
    expect(failure.code).toBe('workspace-too-new');
    expect(failure.message).toMatch(new RegExp(`schema ${LATEST_SCHEMA_VERSION + 5}.*up to ${LATEST_SCHEMA_VERSION}.*Update Headroom`));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a workspace that carries a trigger (it would run on our writes)', () => {
    const path = join(tempDir(), 'trap.headroom');
    openWorkspace(path, { create: true }).close();
    const raw = new Database(path);
    raw.exec("CREATE TRIGGER trap AFTER INSERT ON series BEGIN DELETE FROM series; END");
    raw.close();
    expect(failureOf(() => openWorkspace(path)).message).toMatch(/trigger 'trap'/);
  });

  it('opens read-only without changing the file (a colleague’s file, the bundled sample)', () => {
    const dir = tempDir();
    const path = join(dir, 'shared.headroom');
    const db = openWorkspace(path, { create: true });
    db.pragma('journal_mode = DELETE');
    db.close();
    const copy = join(dir, 'copy.headroom');
    copyFileSync(path, copy);
    const before = readFileSync(copy);
    const reader = openWorkspace(copy, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM series').get()).toEqual({ n: 0 });
    reader.close();
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('migrates a workspace of schema 1 to the latest schema, keeping its data', () => {
    const path = join(tempDir(), 'v1.headroom');
    const raw = new Database(path);
    raw.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
    migration0001.up(raw);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO series(name, created_at, updated_at) VALUES ('cpu_pct', 'x', 'x')").run();
    raw.close();
    const db = openWorkspace(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM series').all()).toEqual([{ name: 'cpu_pct' }]);
    expect(db.prepare('SELECT count(*) AS n FROM instance_type').get()).toEqual({ n: 0 });
    db.close();
  });

  it('applies migrations atomically: a failing one leaves the file at its old version', () => {
    const path = join(tempDir(), 'old.headroom');
    const raw = new Database(path);
    raw.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
    raw.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT");
    raw.close();
    // A v0 file with an unexpected table: the first migration fails on 'meta' and nothing is half-applied.
    expect(() => openWorkspace(path)).toThrow(/already exists/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });
});
