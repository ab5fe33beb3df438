import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { decodeChunk, CHUNK_POINTS } from './chunk-codec.js';
import { openWorkspace, type WorkspaceDb } from './open-workspace.js';
import { compactSeries } from './series-compaction.js';
import { findSeriesByName, listSeries, refreshSeriesShape, deleteSeries } from './series-catalog.js';
import { SeriesWriter } from './series-writer.js';
import { readSeriesWindow } from './series-window.js';

const tempDir = useTempDir();
const NOW = '2026-01-01T00:00:00.000Z';

/** Writes points into a series as one import would: buffered, flushed, compacted, measured. */
function write(db: WorkspaceDb, name: string, points: readonly (readonly [number, number])[], unit = ''): void {
  db.transaction(() => {
    const writer = new SeriesWriter(db, NOW);
    const sink = writer.sinkForFile();
    const handle = sink.declareSeries({ name, unit, labels: {}, origin: 'test' });
    for (const [t, v] of points) sink.addPoint(handle, t, v);
    writer.flushAll();
    for (const id of writer.touchedSeries()) {
      compactSeries(db, id);
      refreshSeriesShape(db, id, NOW);
    }
  })();
}

function readAll(db: WorkspaceDb, name: string): [number, number][] {
  const series = findSeriesByName(db, name);
  if (series === undefined) return [];
  const rows = db.prepare<[number], { start_ms: number; end_ms: number; n: number; step_ms: number | null; times: Buffer | null; vals: Buffer }>('SELECT * FROM chunk WHERE series_id = ? ORDER BY start_ms').all(series.id);
  const out: [number, number][] = [];
  let previousEnd = -Infinity;
  for (const row of rows) {
    expect(row.start_ms).toBeGreaterThan(previousEnd); // chunks never overlap after compaction
    previousEnd = row.end_ms;
    const { times, values } = decodeChunk(row);
    for (let i = 0; i < row.n; i++) out.push([times[i] as number, values[i] as number]);
  }
  return out;
}

describe('the series store', () => {
  it('stores a large series in chunks, not one row per point', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    const points = Array.from({ length: 100_000 }, (_, i) => [i * 60_000, i % 97] as const);
    write(db, 'cpu_pct', points, '%');
    expect(db.prepare('SELECT count(*) AS n FROM chunk').get()).toEqual({ n: Math.ceil(100_000 / CHUNK_POINTS) });
    const [summary] = listSeries(db);
    expect(summary).toMatchObject({ name: 'cpu_pct', unit: '%', points: 100_000, resolutionSeconds: 60, gapCount: 0 });
    db.close();
  });

  it('merges a re-import without duplicating points, the newer value winning', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    write(db, 's', [[0, 1], [60, 1], [120, 1]]);
    write(db, 's', [[120, 2], [180, 2]]);
    expect(readAll(db, 's')).toEqual([[0, 1], [60, 1], [120, 2], [180, 2]]);
    db.close();
  });

  it('behaves like a map from time to the last written value, however imports overlap (property)', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    let run = 0;
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -5, max: 5 })), { maxLength: 12_000 }), { minLength: 1, maxLength: 4 }), (imports) => {
        const name = `series-${run++}`;
        const expected = new Map<number, number>();
        for (const points of imports) {
          write(db, name, points);
          for (const [t, v] of points) expected.set(t, v);
        }
        const want = [...expected.entries()].sort((a, b) => a[0] - b[0]);
        expect(readAll(db, name)).toEqual(want);
        const summary = findSeriesByName(db, name);
        expect(summary?.points ?? 0).toBe(want.length);
      }),
      { seed: 17, numRuns: 40 },
    );
    db.close();
  });

  it('deletes series with their chunks', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    write(db, 'a', [[0, 1]]);
    write(db, 'b', [[0, 1]]);
    expect(deleteSeries(db, ['a', 'nope'])).toBe(1);
    expect(listSeries(db).map((s) => s.name)).toEqual(['b']);
    expect(db.prepare('SELECT count(*) AS n FROM chunk').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('readSeriesWindow', () => {
  const minute = 60_000;
  const make = (): WorkspaceDb => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    const points: [number, number][] = [];
    for (let i = 0; i < 200_000; i++) if (i < 50_000 || i >= 50_100) points.push([i * minute, Math.sin(i / 500) * 50 + (i % 13)]);
    write(db, 'x', points);
    return db;
  };

  it('returns raw samples (with one neighbour beyond each edge) when zoomed in', () => {
    const db = make();
    const window = readSeriesWindow(db, 'x', 1000 * minute, 1100 * minute, 800);
    expect(window.raw).toBe(true);
    expect(window.t[0]).toBe(999 * minute);
    expect(window.t[window.t.length - 1]).toBe(1101 * minute);
    expect(window.t.length).toBe(103);
    db.close();
  });

  it('returns min and max per pixel when zoomed out, true to a brute-force scan within a pixel', () => {
    const db = make();
    const from = 0;
    const to = 200_000 * minute;
    const buckets = 700;
    const window = readSeriesWindow(db, 'x', from, to, buckets);
    expect(window.raw).toBe(false);
    expect(window.t.length).toBeLessThanOrEqual(2 * buckets + 10);
    const all = readAll(db, 'x');
    const width = (to - from) / buckets;
    const bucketOf = (t: number): number => Math.min(buckets - 1, Math.floor((t - from) / width));
    const shown = new Map<number, number[]>();
    window.t.forEach((t, i) => {
      const v = window.v[i];
      if (v !== null && v !== undefined) shown.set(bucketOf(t), [...(shown.get(bucketOf(t)) ?? []), v]);
    });
    const truth = new Map<number, [number, number]>();
    for (const [t, v] of all) {
      const [lo, hi] = truth.get(bucketOf(t)) ?? [Infinity, -Infinity];
      truth.set(bucketOf(t), [Math.min(lo, v), Math.max(hi, v)]);
    }
    // Blocks narrower than 1/16 pixel may be drawn one pixel over: compare with the neighbours.
    const near = (b: number, pick: 0 | 1) => [b - 1, b, b + 1].map((k) => truth.get(k)?.[pick]).filter((x): x is number => x !== undefined);
    for (const [b, values] of shown) {
      expect(Math.min(...values), `bucket ${b}`).toBeGreaterThanOrEqual(Math.min(...near(b, 0)));
      expect(Math.max(...values), `bucket ${b}`).toBeLessThanOrEqual(Math.max(...near(b, 1)));
    }
    const allShown = [...shown.values()].flat();
    expect(Math.min(...allShown)).toBe(all.reduce((m, p) => Math.min(m, p[1]), Infinity));
    expect(Math.max(...allShown)).toBe(all.reduce((m, p) => Math.max(m, p[1]), -Infinity));
    db.close();
  });

  it('is exact per pixel when zoomed in to where blocks are wide', () => {
    const db = make();
    const from = 10_000 * minute;
    const to = 14_000 * minute;
    const buckets = 1000;
    const window = readSeriesWindow(db, 'x', from, to, buckets);
    expect(window.raw).toBe(false);
    const all = readAll(db, 'x').filter(([t]) => t >= from && t <= to);
    const width = (to - from) / buckets;
    const bucketOf = (t: number): number => Math.min(buckets - 1, Math.floor((t - from) / width));
    const truth = new Map<number, number[]>();
    for (const [t, v] of all) truth.set(bucketOf(t), [...(truth.get(bucketOf(t)) ?? []), v]);
    const shown = new Map<number, number[]>();
    window.t.forEach((t, i) => {
      const v = window.v[i];
      if (v !== null && v !== undefined) shown.set(bucketOf(t), [...(shown.get(bucketOf(t)) ?? []), v]);
    });
    for (const [b, values] of truth) {
      expect(Math.min(...(shown.get(b) ?? [])), `bucket ${b}`).toBe(Math.min(...values));
      expect(Math.max(...(shown.get(b) ?? [])), `bucket ${b}`).toBe(Math.max(...values));
    }
    db.close();
  });

  it('breaks the line at the gap in the data', () => {
    const db = make();
    const window = readSeriesWindow(db, 'x', 49_000 * minute, 51_000 * minute, 4000);
    const gapIndex = window.v.indexOf(null);
    expect(gapIndex).toBeGreaterThan(0);
    expect(window.t[gapIndex - 1]).toBe(49_999 * minute);
    expect(window.t[gapIndex + 1]).toBe(50_100 * minute);
    db.close();
  });
});
