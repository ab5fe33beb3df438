import { GAP_FACTOR } from '../../shared/series/series-shape.js';
import { CHUNK_POINTS, decodeChunk, encodeChunk, type StoredTimes } from './chunk-codec.js';
import { prepareChunkInsert } from './chunk-insert.js';
import type { WorkspaceDb } from './open-workspace.js';
import { refreshSeriesShape } from './series-catalog.js';

/** The unit of a counter's per-second rate: bytes → B/s, a count → /s, seconds → s/s (busy cores). */
export function rateUnit(counterUnit: string): string {
  if (counterUnit === '' || counterUnit === 'count') return '/s';
  return `${counterUnit}/s`;
}

/**
 * Writes the per-second rate of a counter series as a series of its own, `rate(<name>)`
 * (kind 'rate'), replacing any earlier one. Between consecutive samples the rate is
 * Δvalue / Δt; a decrease is a counter reset, read as a restart from zero (the rate is
 * value / Δt, as Prometheus' rate() does); no rate spans a gap longer than 1.5 × the
 * series' resolution. Must run inside the import's transaction.
 * @returns the rate series' name, or undefined when the counter has fewer than two samples
 */
export function writeRateSeries(db: WorkspaceDb, counterId: number, now: string): string | undefined {
  const counter = db.prepare<[number], { name: string; unit: string; labels: string; resolution_ms: number | null }>('SELECT name, unit, labels, resolution_ms FROM series WHERE id = ?').get(counterId);
  if (counter === undefined) return undefined;
  const name = `rate(${counter.name})`;
  db.prepare('DELETE FROM series WHERE name = ?').run(name);
  const rateId = Number(
    db.prepare("INSERT INTO series(name, unit, labels, kind, created_at, updated_at) VALUES (?, ?, ?, 'rate', ?, ?)").run(name, rateUnit(counter.unit), counter.labels, now, now).lastInsertRowid,
  );
  const maxStepMs = counter.resolution_ms === null ? Infinity : counter.resolution_ms * GAP_FACTOR;
  const insert = prepareChunkInsert(db);
  const outTimes = new Float64Array(CHUNK_POINTS);
  const outValues = new Float64Array(CHUNK_POINTS);
  let n = 0;
  let previousTime = Number.NaN;
  let previousValue = Number.NaN;
  const rows = db.prepare<[number], StoredTimes & { vals: Buffer }>('SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE series_id = ? ORDER BY start_ms');
  for (const row of rows.iterate(counterId)) {
    const { times, values } = decodeChunk(row);
    for (let i = 0; i < row.n; i++) {
      const t = times[i] as number;
      const v = values[i] as number;
      const dt = t - previousTime;
      if (dt > 0 && dt <= maxStepMs) {
        const increase = v >= previousValue ? v - previousValue : v;
        outTimes[n] = t;
        outValues[n] = increase / (dt / 1000);
        n++;
        if (n === CHUNK_POINTS) {
          insert(rateId, encodeChunk(outTimes, outValues, n));
          n = 0;
        }
      }
      previousTime = t;
      previousValue = v;
    }
  }
  if (n > 0) insert(rateId, encodeChunk(outTimes, outValues, n));
  refreshSeriesShape(db, rateId, now);
  return db.prepare('SELECT 1 FROM series WHERE id = ?').get(rateId) === undefined ? undefined : name;
}
