import { ApiFailure } from '../../shared/api/result.js';
import { decodeChunk, type StoredTimes } from './chunk-codec.js';
import type { WorkspaceDb } from './open-workspace.js';
import { findSeriesByName, type SeriesRecord } from './series-catalog.js';

/** A series' points in a time range, as parallel typed arrays (sorted, one per timestamp). */
export interface SeriesPoints {
  readonly series: SeriesRecord;
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/**
 * Reads a series' points between `fromMs` and `toMs` (inclusive; the whole series by default).
 * @throws {ApiFailure} `not-found` for an unknown series
 */
export function readSeriesPoints(db: WorkspaceDb, name: string, fromMs = -Infinity, toMs = Infinity): SeriesPoints {
  const series = findSeriesByName(db, name);
  if (series === undefined) throw new ApiFailure('not-found', `no series named '${name}' in this workspace`);
  const rows = db
    .prepare<[number, number, number], StoredTimes & { vals: Buffer }>('SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE series_id = ? AND end_ms >= ? AND start_ms <= ? ORDER BY start_ms')
    .all(series.id, Number.isFinite(fromMs) ? fromMs : -8.64e15, Number.isFinite(toMs) ? toMs : 8.64e15);
  let total = 0;
  for (const row of rows) total += row.n;
  const times = new Float64Array(total);
  const values = new Float64Array(total);
  let n = 0;
  for (const row of rows) {
    const chunk = decodeChunk(row);
    for (let i = 0; i < row.n; i++) {
      const t = chunk.times[i] as number;
      if (t < fromMs || t > toMs) continue;
      times[n] = t;
      values[n] = chunk.values[i] as number;
      n++;
    }
  }
  return { series, times: times.subarray(0, n), values: values.subarray(0, n) };
}
