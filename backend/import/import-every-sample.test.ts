import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiFailure } from '../../shared/api/result.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { openWorkspace, type WorkspaceDb } from '../workspace/open-workspace.js';
import { listSeries } from '../workspace/series-catalog.js';
import { readSeriesPoints } from '../workspace/series-points.js';
import { importFiles } from './import-files.js';

const tempDir = useTempDir();
const never = new AbortController().signal;
const SAMPLES = 'samples/exports';

/** Every sample export, by format folder (samples/exports/<format>/…), except documentation. */
function sampleFiles(): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(SAMPLES)) {
    const path = join(SAMPLES, entry);
    if (statSync(path).isDirectory()) {
      for (const file of readdirSync(path)) if (!file.endsWith('.md')) files.push(join(path, file));
    } else if (!entry.endsWith('.md')) files.push(path);
  }
  return files.sort();
}

/** All points of all series, as the store holds them: name → [time, value][]. */
function contents(db: WorkspaceDb): Map<string, { unit: string; points: [number, number][] }> {
  const out = new Map<string, { unit: string; points: [number, number][] }>();
  for (const s of listSeries(db)) {
    const { times, values } = readSeriesPoints(db, s.name);
    out.set(s.name, { unit: s.unit, points: [...times].map((t, i) => [t, values[i] as number]) });
  }
  return out;
}

async function importInto(workspace: string, files: readonly string[]): Promise<WorkspaceDb> {
  const db = openWorkspace(workspace, { create: true });
  await importFiles(db, files.map((path) => ({ path, name: path })), {}, () => undefined, never);
  return db;
}

describe('every sample export', () => {
  const files = sampleFiles();

  it('has samples for every format family', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`imports ${file}, and its CSV export imports back to identical series`, async () => {
      const dir = tempDir();
      let first: WorkspaceDb;
      try {
        first = await importInto(join(dir, 'first.headroom'), [file]);
      } catch (error) {
        // Some samples are refusals on purpose; they must fail with a located, readable reason.
        expect(error).toBeInstanceOf(ApiFailure);
        expect((error as ApiFailure).message).toMatch(/:\d+: /);
        return;
      }
      const original = contents(first);
      first.close();
      // Round trip: export as CSV (series,timestamp,value,unit), import into a new workspace.
      const csv = ['series,timestamp,value,unit'];
      for (const [name, { unit, points }] of original) {
        for (const [t, v] of points) csv.push([quote(name), new Date(t).toISOString(), String(v), quote(unit)].join(','));
      }
      writeFileSync(join(dir, 'export.csv'), `${csv.join('\n')}\n`);
      const second = await importInto(join(dir, 'second.headroom'), [join(dir, 'export.csv')]);
      expect(contents(second)).toEqual(original);
      second.close();
    });
  }
});

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe('hostile input to the whole import path (fuzz)', () => {
  it('never leaves a half-written workspace: a bad file changes nothing, a good one lands whole', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.headroom');
    const db = openWorkspace(base, { create: true });
    await importFiles(db, [{ path: 'samples/exports/orders-db-one-week.csv', name: 'week.csv' }], {}, () => undefined, never);
    db.close();
    const seeds = sampleFiles().map((f) => readFileSync(f));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 }), fc.constantFrom('flip', 'cut', 'insert')), { maxLength: 8 }),
        async (which, mutations) => {
          let bytes = Buffer.from(seeds[which] ?? Buffer.alloc(0));
          for (const [at, byte, kind] of mutations) {
            const i = bytes.length === 0 ? 0 : at % bytes.length;
            if (kind === 'flip') bytes[i] = byte;
            else if (kind === 'cut') bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(Math.min(bytes.length, i + 1 + (byte % 64)))]);
            else bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
          }
          const workspace = join(dir, `w${run++}.headroom`);
          copyFileSync(base, workspace);
          const input = join(dir, 'mutated.bin');
          writeFileSync(input, bytes);
          const target = openWorkspace(workspace);
          const before = listSeries(target).map((s) => [s.name, s.points]);
          try {
            await importFiles(target, [{ path: input, name: 'mutated' }], {}, () => undefined, never);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiFailure);
            expect((error as ApiFailure).message).not.toMatch(/\n\s+at /);
            expect(listSeries(target).map((s) => [s.name, s.points])).toEqual(before);
          }
          expect(target.pragma('integrity_check', { simple: true })).toBe('ok');
          target.close();
        },
      ),
      { seed: 1124, numRuns: 150 },
    );
  }, 120_000);
});
