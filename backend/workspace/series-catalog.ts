import type { SeriesSummary } from '../../shared/api/types.js';
import { seriesShape, type Gap } from '../../shared/series/series-shape.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { decodeTimes, type StoredTimes } from './chunk-codec.js';
import type { WorkspaceDb } from './open-workspace.js';

interface SeriesRow {
  id: number;
  name: string;
  unit: string;
  kind: 'gauge' | 'counter' | 'rate';
  labels: string;
  points: number;
  start_ms: number | null;
  end_ms: number | null;
  resolution_ms: number | null;
  gap_count: number;
  gap_ms: number;
  largest_gaps: string;
}

export interface SeriesRecord {
  readonly id: number;
  readonly name: string;
  readonly unit: string;
  readonly points: number;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly resolutionMs: number | null;
}

/** Every series with points, by name. */
export function listSeries(db: WorkspaceDb): SeriesSummary[] {
  const rows = db.prepare<[], SeriesRow>('SELECT * FROM series WHERE points > 0 ORDER BY name').all();
  return rows.map(toSummary);
}

export function findSeriesByName(db: WorkspaceDb, name: string): SeriesRecord | undefined {
  const row = db.prepare<[string], SeriesRow>('SELECT * FROM series WHERE name = ?').get(name);
  if (row === undefined) return undefined;
  return { id: row.id, name: row.name, unit: row.unit, points: row.points, startMs: row.start_ms, endMs: row.end_ms, resolutionMs: row.resolution_ms };
}

function toSummary(row: SeriesRow): SeriesSummary {
  const startMs = row.start_ms ?? 0;
  const endMs = row.end_ms ?? 0;
  const gaps = JSON.parse(row.largest_gaps) as Gap[];
  return {
    name: row.name,
    unit: row.unit,
    kind: row.kind,
    labels: JSON.parse(row.labels) as Record<string, string>,
    points: row.points,
    start: formatIsoUtc(startMs),
    end: formatIsoUtc(endMs),
    startMs,
    endMs,
    resolutionSeconds: row.resolution_ms === null ? null : row.resolution_ms / 1000,
    gapCount: row.gap_count,
    gapSeconds: row.gap_ms / 1000,
    largestGaps: gaps.map((g) => ({ after: formatIsoUtc(g.afterMs), before: formatIsoUtc(g.beforeMs), seconds: (g.beforeMs - g.afterMs) / 1000 })),
  };
}

/**
 * Re-measures a series from its chunks (points, range, resolution, gaps) and stores
 * the result on the series row; a series left without points is deleted.
 */
export function refreshSeriesShape(db: WorkspaceDb, seriesId: number, now: string): void {
  const points = db.prepare<[number], { n: number | null }>('SELECT sum(n) AS n FROM chunk WHERE series_id = ?').get(seriesId)?.n ?? 0;
  if (points === 0) {
    db.prepare('DELETE FROM series WHERE id = ?').run(seriesId);
    return;
  }
  const select = db.prepare<[number], StoredTimes>('SELECT start_ms, n, step_ms, times FROM chunk WHERE series_id = ? ORDER BY start_ms');
  const shape = seriesShape(function* () {
    for (const row of select.iterate(seriesId)) yield row.step_ms === null ? decodeTimes(row) : { start: row.start_ms, step: row.step_ms, length: row.n };
  });
  db.prepare(
    'UPDATE series SET points = ?, start_ms = ?, end_ms = ?, resolution_ms = ?, gap_count = ?, gap_ms = ?, largest_gaps = ?, updated_at = ? WHERE id = ?',
  ).run(shape.points, shape.startMs, shape.endMs, shape.resolutionMs ?? null, shape.gapCount, shape.gapMs, JSON.stringify(shape.largestGaps), now, seriesId);
}

/** Deletes series (and their chunks) by name; returns how many existed. */
export function deleteSeries(db: WorkspaceDb, names: readonly string[]): number {
  const remove = db.prepare('DELETE FROM series WHERE name = ?');
  let deleted = 0;
  db.transaction(() => {
    for (const name of names) deleted += remove.run(name).changes;
  }).immediate();
  return deleted;
}
