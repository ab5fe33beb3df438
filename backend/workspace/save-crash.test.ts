import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../shared/random/seeded-random.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { BackendService } from '../service/backend-service.js';
import { AppSettings } from '../settings/app-settings.js';
import { getMeta, openWorkspace, type WorkspaceDb } from './open-workspace.js';
import { catalogFor, CRASH_SCENARIO_NAME, decisionFor, readStoredGenerations, SAVE_KINDS, scenarioFor, systemFor, type SaveKind } from './save-crash-fixture.js';
import { HEADROOM_APPLICATION_ID } from './workspace-header.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(root, 'samples', 'sample-postgres-oltp.headroom');
const tempDir = useTempDir();

/**
 * The child and the compute worker are bundled from the sources here (esbuild, well under
 * a second), so the test never runs a stale build; better-sqlite3 stays external and is
 * found through NODE_PATH.
 */
let bundleDir = '';
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'headroom-save-crash-'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: { child: join(root, 'backend/workspace/save-crash-child.ts'), 'compute-worker': join(root, 'backend/compute/compute-worker.ts') },
    outdir: bundleDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // CommonJS, as the desktop build's backend: its require() finds better-sqlite3 through NODE_PATH.
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: ['better-sqlite3'],
    define: { __HEADROOM_VERSION__: JSON.stringify(version) },
  });
}, 30_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/** Everything in the workspace that saving must not touch: the sample's series, imports, load tests, statements, other scenarios, meta. */
function untouchedContent(db: WorkspaceDb): string {
  const hash = createHash('sha256');
  const skip: Readonly<Record<string, string>> = { instance_type: '0', system: '0', scenario: `name <> '${CRASH_SCENARIO_NAME}'`, meta: "key <> 'scaling_decision'" };
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(`\0${name}\0`);
    // Ordered by every column: some tables are WITHOUT ROWID.
    const columns = db.prepare<[], { cid: number }>(`PRAGMA table_info("${name}")`).all().map((c) => c.cid + 1);
    for (const row of db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}" WHERE ${skip[name] ?? '1'} ORDER BY ${columns.join(', ')}`).raw().iterate()) {
      for (const cell of row as unknown as unknown[]) hash.update(Buffer.isBuffer(cell) ? cell : `${typeof cell}:${String(cell)}\u0001`);
    }
  }
  return hash.digest('hex');
}

/** Runs the child until `delay` ms after it is ready, kills it with SIGKILL, and returns what it wrote. */
async function runUntilKilled(args: readonly string[], delay: number, where: string): Promise<string> {
  const child = spawn(process.execPath, [join(bundleDir, 'child.cjs'), ...args], { env: { ...process.env, NODE_PATH: join(root, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  // 'close', not 'exit': the lines written just before the kill may still be in the pipe at 'exit'.
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const startedAt = Date.now();
  while (!output.includes('ready\n')) {
    if (child.exitCode !== null || Date.now() - startedAt > 15_000) throw new Error(`the child did not start: ${output}${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  const code = await closed;
  expect(code, `${where}: the child ended by itself: ${output.slice(-500)}${errors}`).toBeNull();
  expect(output, where).not.toMatch(/^error /m);
  return output;
}

interface ChildLog {
  /** By kind, the generation of the last call that returned, and of the last one begun. */
  readonly acked: Readonly<Record<string, number>>;
  readonly begun: Readonly<Record<string, number>>;
  /** The kind whose call (other than the simulation, which runs alongside) was in flight when the kill came. */
  readonly inFlight: string | undefined;
}

function readLog(output: string): ChildLog {
  const acked: Record<string, number> = {};
  const begun: Record<string, number> = {};
  let inFlight: string | undefined;
  for (const line of output.split('\n')) {
    const match = /^(begin|ack) (\w+) (\d+)$/.exec(line);
    if (match?.[2] === undefined) continue;
    const kind = match[2];
    if (match[1] === 'begin') {
      begun[kind] = Number(match[3]);
      if (kind !== 'dr') inFlight = kind;
    } else {
      acked[kind] = Number(match[3]);
      if (kind === inFlight) inFlight = undefined;
    }
  }
  return { acked, begun, inFlight };
}

/**
 * Issue #9: killing the app while it saves — or while it simulates — leaves the workspace
 * sound, every save that returned kept, and the save in flight either wholly there or not
 * at all. A child process saves the catalog (by the editor's save and by CSV import), the
 * system, a scenario and the scaling decision through the backend's handlers, over and
 * over, while a DR simulation runs in its compute worker; SIGKILL comes at a seeded random
 * moment; then the workspace is opened as the app would open it and checked.
 */
describe('saves and simulations killed with SIGKILL', () => {
  it('leave the workspace sound: each save all-or-none, every returned save kept, nothing else changed', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.headroom');
    copyFileSync(SAMPLE, workspace);
    // Generation 1 of everything, saved in this process, is the state the first kill must preserve.
    const service = new BackendService({ host: 'browser', settings: new AppSettings(join(dir, 'settings')) });
    service.openWorkspace(workspace);
    for (const [method, input] of [
      ['catalog.save', { instances: catalogFor(1) }],
      ['system.save', systemFor(1)],
      ['scenario.save', scenarioFor(1)],
      ['decision.save', decisionFor(1)],
    ] as const) {
      expect(await service.call(method, input), method).toMatchObject({ ok: true });
    }
    await service.close();
    let db = openWorkspace(workspace);
    // The sample's 95 000 statement samples would only slow the comparison below; its series stay.
    db.prepare('DELETE FROM statement_sample').run();
    const untouched = untouchedContent(db);
    let stored = Object.fromEntries(SAVE_KINDS.map((kind) => [kind, 1])) as Record<SaveKind, number>;
    db.close();

    const random = new SeededRandom(20_260_9);
    const interrupted: Record<string, { old: number; new: number }> = {};
    let simulationRunning = 0;
    for (let attempt = 0; attempt < 24; attempt++) {
      const first = Math.max(...Object.values(stored)) + 1;
      const delay = 30 + Math.floor(random.next() * 400);
      const where = `attempt ${attempt}, killed ${delay} ms after start`;
      const output = await runUntilKilled(['save', workspace, join(dir, 'settings'), join(bundleDir, 'compute-worker.cjs'), String(first)], delay, where);
      const log = readLog(output);
      if ((log.begun.dr ?? 0) > (log.acked.dr ?? 0)) simulationRunning++;

      db = openWorkspace(workspace);
      try {
        expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        const generations = readStoredGenerations(db);
        for (const kind of SAVE_KINDS) {
          const found = generations[kind];
          if (!found.ok) throw new Error(`${where}: ${found.problem}`);
          // Kept: the last save that returned. Otherwise only the one begun after it, complete.
          const kept = log.acked[kind] ?? stored[kind];
          const begun = log.begun[kind];
          const allowed = begun !== undefined && begun > kept ? [kept, begun] : [kept];
          expect(allowed, `${where}: ${kind} is generation ${found.generation}`).toContain(found.generation);
          if (kind === log.inFlight) {
            const tally = (interrupted[kind] ??= { old: 0, new: 0 });
            if (found.generation === kept) tally.old++;
            else tally.new++;
          }
          stored = { ...stored, [kind]: found.generation };
        }
        expect(untouchedContent(db), `${where}: something besides the saved values changed`).toBe(untouched);
      } finally {
        db.close();
      }
    }
    // The kills did land inside saves, and the simulation was running alongside.
    const interruptedSaves = Object.values(interrupted).reduce((sum, t) => sum + t.old + t.new, 0);
    expect(interruptedSaves, JSON.stringify(interrupted)).toBeGreaterThanOrEqual(12);
    expect(simulationRunning).toBeGreaterThanOrEqual(12);
  }, 90_000);

  it('while creating a workspace leaves either no file or a complete workspace, never one that cannot be opened', async () => {
    const random = new SeededRandom(9);
    let interrupted = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const dir = tempDir();
      const folder = join(dir, 'workspaces');
      mkdirSync(folder);
      const delay = 30 + Math.floor(random.next() * 300);
      const where = `attempt ${attempt}, killed ${delay} ms after start`;
      const log = readLog(await runUntilKilled(['create', folder, join(dir, 'settings')], delay, where));
      const created = log.acked['create'] ?? 0;
      const begun = log.begun['create'] ?? 0;
      if (begun > created) interrupted++;
      for (let n = 1; n <= begun; n++) {
        const path = join(folder, `w${n}.headroom`);
        // The one in flight may be missing; every one that returned must be there.
        if (n > created && !existsSync(path)) continue;
        const db = openWorkspace(path);
        try {
          expect(db.pragma('application_id', { simple: true }), `${where}: w${n}`).toBe(HEADROOM_APPLICATION_ID);
          expect(db.pragma('journal_mode', { simple: true }), `${where}: w${n}`).toBe('wal');
          expect(getMeta(db, 'created_at') ?? '(missing)', `${where}: w${n}`).toMatch(/^\d{4}-/);
        } finally {
          db.close();
        }
      }
      // At most the hidden file of the one in flight (and its journal) is left over.
      const leftovers = readdirSync(folder).filter((name) => !/^w\d+\.headroom(-wal|-shm)?$/.test(name));
      const partial = new Set(leftovers.map((name) => name.replace(/-(journal|wal|shm)$/, '')));
      expect([...partial].every((name) => /^\.w\d+\.headroom\.[\w-]+\.creating$/.test(name)) && partial.size <= 1, `${where}: ${leftovers.join(', ')}`).toBe(true);
      // The settings file (recent workspaces) is written atomically too.
      expect(() => new AppSettings(join(dir, 'settings')).recent(), where).not.toThrow();
      expect(readdirSync(join(dir, 'settings')).filter((name) => name.includes('unreadable')), where).toEqual([]);
    }
    expect(interrupted).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
