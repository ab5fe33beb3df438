import type { SeriesWindow } from '../../shared/api/types.js';
import { ApiFailure } from '../../shared/api/result.js';
import { BucketExtremes } from '../../shared/series/min-max-downsample.js';
import { GAP_FACTOR } from '../../shared/series/series-shape.js';
import { decodeChunk, float64View, SUMMARY_BLOCK } from './chunk-codec.js';
import type { WorkspaceDb } from './open-workspace.js';
import { findSeriesByName } from './series-catalog.js';

/** A block this many times narrower than a pixel may be drawn whole in one pixel. */
const NARROW_BLOCK_RATIO = 16;

interface ChunkMeta {
  id: number;
  start_ms: number;
  end_ms: number;
  n: number;
  v_min: number;
  v_max: number;
  summary: Buffer;
}

interface ChunkData {
  start_ms: number;
  n: number;
  step_ms: number | null;
  times: Buffer | null;
  vals: Buffer;
}

/**
 * The points to draw for one series over [fromMs, toMs] at `buckets` pixel columns.
 * Zoomed in (few points) it returns the raw samples, plus the nearest sample beyond
 * each edge so the line reaches the frame; zoomed out it returns min and max per
 * pixel (see min-max-downsample), read from chunk and block summaries wherever a
 * block falls inside one pixel (or is under 1/16 of a pixel wide), so a 10 M-point
 * overview reads kilobytes of summaries rather than 80 MB of points.
 * @throws {ApiFailure} `not-found` for an unknown series
 */
export function readSeriesWindow(db: WorkspaceDb, name: string, fromMs: number, toMs: number, buckets: number): SeriesWindow {
  const series = findSeriesByName(db, name);
  if (series === undefined) throw new ApiFailure('not-found', `no series named '${name}' in this workspace`);
  const resolution = series.resolutionMs ?? 0;
  const metas = db
    .prepare<[number, number, number], ChunkMeta>(
      'SELECT id, start_ms, end_ms, n, v_min, v_max, summary FROM chunk WHERE series_id = ? AND end_ms >= ? AND start_ms <= ? ORDER BY start_ms',
    )
    .all(series.id, fromMs, toMs);
  const loadData = db.prepare<[number], ChunkData>('SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE id = ?');
  let pointsInWindow = 0;
  for (const m of metas) pointsInWindow += estimateInside(m, fromMs, toMs);

  if (pointsInWindow <= buckets * 2) {
    return { name, unit: series.unit, ...rawWindow(db, series.id, metas, loadData, fromMs, toMs, resolution), raw: true, pointsInWindow };
  }

  const extremes = new BucketExtremes(fromMs, toMs, buckets);
  for (const meta of metas) {
    const startBucket = extremes.bucketOf(meta.start_ms);
    if (startBucket >= 0 && startBucket === extremes.bucketOf(meta.end_ms)) {
      const mid = (meta.start_ms + meta.end_ms) / 2;
      extremes.addTo(startBucket, mid, meta.v_min, mid, meta.v_max, meta.n);
      continue;
    }
    const blockSpan = (meta.end_ms - meta.start_ms) / Math.max(1, meta.n / SUMMARY_BLOCK);
    let data: ReturnType<typeof decodeChunk> | undefined;
    const points = (): ReturnType<typeof decodeChunk> => {
      if (data === undefined) {
        const row = loadData.get(meta.id);
        if (row === undefined) throw new ApiFailure('internal', `chunk ${meta.id} vanished while reading '${name}'`);
        data = decodeChunk(row);
      }
      return data;
    };
    if (blockSpan < extremes.widthMs) {
      const blocks = meta.summary.byteLength / 32;
      const summary = float64View(meta.summary, blocks * 4);
      for (let b = 0; b < blocks; b++) {
        const first = summary[b * 4] as number;
        const last = summary[b * 4 + 1] as number;
        const bucket = extremes.bucketOf(first);
        const lastBucket = extremes.bucketOf(last);
        if (bucket >= 0 && bucket === lastBucket) {
          const mid = (first + last) / 2;
          extremes.addTo(bucket, mid, summary[b * 4 + 2] as number, mid, summary[b * 4 + 3] as number, 1);
          continue;
        }
        // A block across a pixel boundary but far narrower than a pixel is drawn in the
        // pixel of its middle: its samples move by at most 1/16 of a pixel, invisible,
        // and the overview need not read the points (80 MB for 10 M points) to draw it.
        if (bucket >= 0 && lastBucket >= 0 && (last - first) * NARROW_BLOCK_RATIO < extremes.widthMs) {
          const mid = (first + last) / 2;
          extremes.addTo(extremes.bucketOf(mid), mid, summary[b * 4 + 2] as number, mid, summary[b * 4 + 3] as number, 1);
          continue;
        }
        const { times, values } = points();
        const end = Math.min(meta.n, (b + 1) * SUMMARY_BLOCK);
        for (let i = b * SUMMARY_BLOCK; i < end; i++) extremes.add(times[i] as number, values[i] as number);
      }
      continue;
    }
    const { times, values } = points();
    for (let i = 0; i < meta.n; i++) extremes.add(times[i] as number, values[i] as number);
  }
  const gapMs = Math.max(resolution * GAP_FACTOR, 2 * extremes.widthMs);
  return { name, unit: series.unit, ...extremes.toDisplayPoints(gapMs), raw: false, pointsInWindow };
}

function estimateInside(meta: ChunkMeta, fromMs: number, toMs: number): number {
  if (meta.start_ms >= fromMs && meta.end_ms <= toMs) return meta.n;
  const span = meta.end_ms - meta.start_ms;
  if (span <= 0) return meta.n;
  const overlap = Math.min(toMs, meta.end_ms) - Math.max(fromMs, meta.start_ms);
  return Math.ceil((meta.n * Math.max(0, overlap)) / span);
}

function rawWindow(
  db: WorkspaceDb,
  seriesId: number,
  metas: readonly ChunkMeta[],
  loadData: { get(id: number): ChunkData | undefined },
  fromMs: number,
  toMs: number,
  resolution: number,
): { t: number[]; v: (number | null)[] } {
  const t: number[] = [];
  const v: (number | null)[] = [];
  const gapMs = resolution > 0 ? resolution * GAP_FACTOR : Infinity;
  const push = (time: number, value: number): void => {
    const last = t[t.length - 1];
    if (last !== undefined && time - last > gapMs) {
      t.push((time + last) / 2);
      v.push(null);
    }
    t.push(time);
    v.push(value);
  };
  // The neighbour before the window is in the first chunk when that chunk starts earlier.
  const first = metas[0];
  const before =
    first !== undefined && first.start_ms < fromMs
      ? undefined
      : db
          .prepare<[number, number], ChunkData>('SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE series_id = ? AND end_ms < ? ORDER BY end_ms DESC LIMIT 1')
          .get(seriesId, fromMs);
  if (before !== undefined) {
    const d = decodeChunk(before);
    push(d.times[before.n - 1] as number, d.values[before.n - 1] as number);
  }
  let afterPushed = false;
  for (const meta of metas) {
    const row = loadData.get(meta.id);
    if (row === undefined) continue;
    const { times, values } = decodeChunk(row);
    for (let i = 0; i < row.n; i++) {
      const time = times[i] as number;
      if (time < fromMs) {
        if (i + 1 < row.n && (times[i + 1] as number) >= fromMs) push(time, values[i] as number);
        continue;
      }
      push(time, values[i] as number);
      if (time > toMs) {
        afterPushed = true;
        break;
      }
    }
    if (afterPushed) break;
  }
  if (!afterPushed) {
    const after = db
      .prepare<[number, number], ChunkData>('SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE series_id = ? AND start_ms > ? ORDER BY start_ms LIMIT 1')
      .get(seriesId, toMs);
    if (after !== undefined) {
      const d = decodeChunk(after);
      push(d.times[0] as number, d.values[0] as number);
    }
  }
  return { t, v };
}
