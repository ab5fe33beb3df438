import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiFailure } from '../../shared/api/result.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { importFiles } from '../import/import-files.js';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations/all-migrations.js';
import { getMeta, openWorkspace, setMeta, type WorkspaceDb } from './open-workspace.js';
import { listSeries } from './series-catalog.js';
import { readSeriesPoints } from './series-points.js';
import { HEADROOM_APPLICATION_ID } from './workspace-header.js';

/**
 * Issue #9, hostile inputs: a workspace file from someone else is untrusted. Whatever its
 * bytes — random damage, truncation, or a schema crafted to run code (triggers, views,
 * generated columns, CHECKs calling functions), to exhaust memory (a 50 MB blob), or to
 * confuse versioning — openWorkspace either refuses it with an ApiFailure naming the file,
 * leaving it byte-for-byte unchanged, or opens it so that typical reads and writes either
 * work or fail with an Error (never a crash), and nothing stored in the file executes.
 */

const tempDir = useTempDir();
const never = new AbortController().signal;

/** A small but complete workspace (three series, an import record, a meta row), in rollback-journal mode: one file. */
let baseDir = '';
let base = Buffer.alloc(0);

beforeAll(async () => {
  baseDir = mkdtempSync(join(tmpdir(), 'headroom-hostile-'));
  const csv = join(baseDir, 'load.csv');
  const rows = ['time,cpu_pct,read_iops,write_iops'];
  for (let i = 0; i < 300; i++) rows.push(`${new Date(Date.UTC(2026, 0, 1) + i * 300_000).toISOString()},${(20 + (i % 17)).toFixed(1)},${300 + i},${120 + (i % 7)}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  const path = join(baseDir, 'base.headroom');
  const db = openWorkspace(path, { create: true });
  await importFiles(db, [{ path: csv, name: 'load.csv' }], {}, () => undefined, never);
  db.pragma('journal_mode = DELETE');
  db.close();
  base = readFileSync(path);
});

afterAll(() => {
  if (baseDir !== '') rmSync(baseDir, { recursive: true, force: true });
});

type Outcome = { readonly kind: 'refused'; readonly failure: ApiFailure } | { readonly kind: 'opened'; readonly integrity: string; readonly readErrors: readonly string[] };

/** Typical use after an open: list, read every series, read and (when writable) write meta. Errors are collected, not thrown. */
function typicalUse(db: WorkspaceDb, writable: boolean): string[] {
  const errors: string[] = [];
  const attempt = (what: string, action: () => unknown): void => {
    try {
      action();
    } catch (error) {
      if (!(error instanceof Error)) throw new Error(`${what} threw a non-Error: ${String(error)}`);
      errors.push(`${what}: ${error.message}`);
    }
  };
  attempt('listSeries', () => {
    for (const series of listSeries(db).slice(0, 10)) attempt(`read ${series.name}`, () => readSeriesPoints(db, series.name));
  });
  attempt('getMeta', () => getMeta(db, 'created_at'));
  if (writable) attempt('setMeta', () => setMeta(db, 'hostile-test', new Date(0).toISOString()));
  return errors;
}

/**
 * Opens `path` as the app would (writable, or read-only as for reports) and checks the promise:
 * a refusal is an ApiFailure naming the file and leaves it unchanged; an open reports integrity.
 */
function openHostile(path: string, readonly = false): Outcome {
  const before = readFileSync(path);
  let db: WorkspaceDb;
  try {
    db = openWorkspace(path, { readonly });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw new Error(`openWorkspace threw ${String(error)} instead of an ApiFailure`, { cause: error });
    expect(['workspace-invalid', 'workspace-too-new']).toContain(error.code);
    expect(error.message).toContain(basename(path));
    expect(error.message).not.toMatch(/\bundefined\b|\[object /);
    expect(readFileSync(path).equals(before), `a refused file was changed: ${error.message}`).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    return { kind: 'refused', failure: error };
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no result';
    } catch (error) {
      integrity = `integrity_check failed: ${(error as Error).message}`;
    }
    return { kind: 'opened', integrity, readErrors: typicalUse(db, !readonly) };
  } finally {
    db.close();
  }
}

function writeCase(bytes: Uint8Array, name = 'case.headroom'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** A copy of the base workspace changed through a raw connection (what an attacker's tool would do). */
function crafted(change: (raw: Database.Database) => void, name = 'crafted.headroom'): string {
  const path = writeCase(base, name);
  const raw = new Database(path);
  raw.unsafeMode(true);
  change(raw);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  return path;
}

function canaryCount(path: string): number {
  const raw = new Database(path, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM canary').get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

describe('openWorkspace on hostile files (issue #9)', () => {
  it('opens the intact base workspace (the control case)', () => {
    const outcome = openHostile(writeCase(base));
    expect(outcome).toEqual({ kind: 'opened', integrity: 'ok', readErrors: [] });
  });

  it('opens a workspace someone ran ANALYZE on (its statistics tables are planner hints, not code)', () => {
    const path = crafted((raw) => raw.exec('ANALYZE'), 'analyzed.headroom');
    expect(openHostile(path)).toEqual({ kind: 'opened', integrity: 'ok', readErrors: [] });
  });

  it('random byte damage: refused with the file named and unchanged, or opened with integrity reported (200 cases)', () => {
    const pageSize = base.readUInt16BE(16) === 1 ? 65536 : base.readUInt16BE(16);
    // Damage lands in the header, the schema page, or anywhere; 1–8 bytes per case.
    const offset = fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 100, max: pageSize - 1 }), fc.integer({ min: 0, max: base.length - 1 }));
    const tally = { refused: 0, opened: 0, damagedButOpened: 0 };
    fc.assert(
      fc.property(fc.array(fc.tuple(offset, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), fc.boolean(), (flips, readonly) => {
        const bytes = Buffer.from(base);
        for (const [at, xor] of flips) bytes[at] = (bytes[at] ?? 0) ^ xor;
        const outcome = openHostile(writeCase(bytes), readonly);
        if (outcome.kind === 'refused') tally.refused++;
        else {
          tally.opened++;
          if (outcome.integrity !== 'ok' || outcome.readErrors.length > 0) tally.damagedButOpened++;
        }
      }),
      { seed: 0x5a1, numRuns: 200 },
    );
    expect(tally.refused + tally.opened).toBe(200);
  });

  it('truncations (empty, inside the header, mid-page, whole pages missing) are refused or opened safely', () => {
    const pageSize = base.readUInt16BE(16);
    const lengths = [0, 1, 15, 16, 99, 100, 101, 512, pageSize - 1, pageSize, pageSize + 1, 2 * pageSize, Math.floor(base.length / 2), base.length - pageSize, base.length - 1];
    for (const length of lengths) openHostile(writeCase(base.subarray(0, Math.max(0, length))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 1 }), (length) => {
        openHostile(writeCase(base.subarray(0, length)));
      }),
      { seed: 0x5a2, numRuns: 30 },
    );
  });

  it('refuses a negative user_version (it would re-run every migration) without changing the file', () => {
    const path = crafted((raw) => raw.pragma('user_version = -1'));
    const outcome = openHostile(path);
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.failure.message).toMatch(/schema version -1/);
  });

  it('refuses a future user_version and a foreign application_id, unchanged', () => {
    expect(openHostile(crafted((raw) => raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`))).kind).toBe('refused');
    expect(openHostile(crafted((raw) => raw.pragma('user_version = 2147483647'))).kind).toBe('refused');
    expect(openHostile(crafted((raw) => raw.pragma('application_id = 0'))).kind).toBe('refused');
    expect(openHostile(crafted((raw) => raw.pragma(`application_id = ${HEADROOM_APPLICATION_ID + 1}`))).kind).toBe('refused');
  });

  it('a trigger on any table never fires: the file is refused and its canary stays empty', () => {
    const tables = (new Database(writeCase(base), { readonly: true }).prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const path = crafted((raw) => {
          raw.exec('CREATE TABLE canary(fired TEXT)');
          raw.exec(`CREATE TRIGGER trap_${table}_${event.toLowerCase()} AFTER ${event} ON "${table}" BEGIN INSERT INTO canary VALUES ('${table} ${event}'); END`);
        });
        for (const readonly of [false, true]) {
          const outcome = openHostile(path, readonly);
          expect(outcome.kind, `${table} ${event}`).toBe('refused');
        }
        expect(canaryCount(path)).toBe(0);
      }
    }
  });

  it('refuses views, extra tables, extra indexes and changed table definitions (generated columns, CHECKs calling functions)', () => {
    const cases: Record<string, (raw: Database.Database) => void> = {
      'a view': (raw) => raw.exec('CREATE VIEW v AS SELECT * FROM series'),
      'a view that would call a function': (raw) => raw.exec("CREATE VIEW series_names AS SELECT name, printf('%.*c', 100000000, 'x') AS pad FROM series"),
      'an extra table': (raw) => raw.exec('CREATE TABLE canary(fired TEXT)'),
      'an extra index on an expression': (raw) => raw.exec('CREATE INDEX series_len ON series(length(name) * 2)'),
      'a generated column calling a function': (raw) => raw.exec("ALTER TABLE series ADD COLUMN padded TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL"),
      'a known table recreated with a CHECK calling a function': (raw) => {
        raw.exec('DROP TABLE meta');
        raw.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (length(zeroblob(100000000)) > 0)) STRICT");
      },
      'a known table without its STRICT typing': (raw) => {
        raw.exec('DROP TABLE meta');
        raw.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      },
      'a virtual table': (raw) => raw.exec('CREATE VIRTUAL TABLE probe USING fts5(body)'),
    };
    for (const [what, change] of Object.entries(cases)) {
      let path: string;
      try {
        path = crafted(change);
      } catch (error) {
        // This SQLite build cannot even write that schema (e.g. no such module): nothing to test.
        expect((error as Error).message, what).toMatch(/no such module|not authorized/);
        continue;
      }
      for (const readonly of [false, true]) {
        const outcome = openHostile(path, readonly);
        expect(outcome.kind, what).toBe('refused');
        expect(outcome.kind === 'refused' && outcome.failure.message, what).toMatch(/Headroom never creates|differs from|not a Headroom/);
      }
    }
  });

  it('a schema row whose type lies (a trigger filed as a table, via writable_schema) is refused as damaged, not thrown raw', () => {
    const path = crafted((raw) => {
      raw.exec('CREATE TABLE canary(fired TEXT)');
      raw.pragma('writable_schema = ON');
      raw.prepare("INSERT INTO sqlite_schema(type, name, tbl_name, rootpage, sql) VALUES ('table', 'trap', 'series', 0, 'CREATE TRIGGER trap AFTER INSERT ON series BEGIN INSERT INTO canary VALUES (1); END')").run();
    });
    for (const readonly of [false, true]) expect(openHostile(path, readonly).kind).toBe('refused');
  });

  it('a 50 MB blob in a known table opens, reads and writes in bounded memory, or is refused — never a crash', () => {
    const path = crafted((raw) => {
      const chunk = raw.prepare('SELECT id FROM chunk LIMIT 1').get() as { id: number };
      raw.prepare('UPDATE chunk SET vals = zeroblob(50 * 1024 * 1024) WHERE id = ?').run(chunk.id);
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const outcome = openHostile(path);
    expect(['refused', 'opened']).toContain(outcome.kind);
    // Opened today: the blob is data; the chunk reader refuses it with a clear Error instead of decoding 50 MB as points.
    if (outcome.kind === 'opened') expect(outcome.readErrors.join('; ')).toMatch(/chunk blob holds 52428800 bytes/);
    // Reading the series may decode the blob (it is data, not code); it must not multiply it.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 << 20);
  });

  it('PRAGMA tricks stored in the file (page size, auto-vacuum, UTF-16 text, WAL flag without a WAL) open safely with our settings in force', () => {
    const tricks: Record<string, () => string> = {
      'a 512-byte page size': () => crafted((raw) => {
        raw.pragma('page_size = 512');
        raw.exec('VACUUM');
      }),
      'a 64 KiB page size and full auto-vacuum': () => crafted((raw) => {
        raw.pragma('page_size = 65536');
        raw.pragma('auto_vacuum = FULL');
        raw.exec('VACUUM');
      }),
      'UTF-16 text encoding': () => {
        const path = join(tempDir(), 'utf16.headroom');
        const raw = new Database(path);
        raw.pragma("encoding = 'UTF-16le'");
        raw.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
        for (const migration of ALL_MIGRATIONS) migration.up(raw);
        raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
        raw.close();
        return path;
      },
      'the WAL flag set in the header with no WAL file beside it': () => {
        const path = writeCase(base, 'wal-flag.headroom');
        const bytes = readFileSync(path);
        bytes[18] = 2;
        bytes[19] = 2;
        writeFileSync(path, bytes);
        return path;
      },
    };
    for (const [what, make] of Object.entries(tricks)) {
      const path = make();
      for (const readonly of [true, false]) {
        const outcome = openHostile(path, readonly);
        if (outcome.kind === 'opened') expect(outcome, what).toMatchObject({ integrity: 'ok', readErrors: [] });
      }
      const db = openWorkspace(path);
      try {
        expect(db.pragma('trusted_schema', { simple: true }), what).toBe(0);
        expect(db.pragma('journal_mode', { simple: true }), what).toBe('wal');
      } finally {
        db.close();
      }
    }
  });

  it('the bundled sample (a copy — never the original) opens read-only and writable with integrity ok', () => {
    const copy = join(tempDir(), 'sample-copy.headroom');
    copyFileSync('samples/sample-postgres-oltp.headroom', copy);
    expect(openHostile(copy, true)).toMatchObject({ kind: 'opened', integrity: 'ok', readErrors: [] });
    expect(openHostile(copy, false)).toMatchObject({ kind: 'opened', integrity: 'ok', readErrors: [] });
  });
});
