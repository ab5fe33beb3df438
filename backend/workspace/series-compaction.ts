import { CHUNK_POINTS, decodeChunk, encodeChunk } from './chunk-codec.js';
import { prepareChunkInsert } from './chunk-insert.js';
import type { WorkspaceDb } from './open-workspace.js';

interface ChunkExtent {
  readonly id: number;
  readonly start_ms: number;
  readonly end_ms: number;
  readonly n: number;
}

/** Chunks smaller than this are merged with their small neighbours. */
const SMALL_CHUNK = CHUNK_POINTS / 4;

/** What compaction found: duplicates dropped, and those among them whose values disagreed. */
export interface CompactionResult {
  readonly duplicates: number;
  readonly conflicts: number;
  /** The first conflict, for the report: its time, the value replaced and the value kept. */
  readonly example: { readonly timeMs: number; readonly replaced: number; readonly kept: number } | undefined;
}

/**
 * Restores the store's invariant for one series: chunks do not overlap in time and
 * each timestamp appears once. Overlapping chunks (from re-imports, chunked exports
 * with shared boundary points, or unsorted files) are merged; where two chunks hold
 * the same timestamp the newer chunk's value wins, so importing a corrected export
 * replaces what was there. Runs of small chunks are merged too, so repeated small
 * appends do not fragment the series. Reports duplicates dropped and conflicts (the
 * same timestamp with different values), so an import can say what it overwrote.
 */
export function compactSeries(db: WorkspaceDb, seriesId: number): CompactionResult {
  const extents = db
    .prepare<[number], ChunkExtent>('SELECT id, start_ms, end_ms, n FROM chunk WHERE series_id = ? ORDER BY start_ms, id')
    .all(seriesId);
  const result: { duplicates: number; conflicts: number; example: CompactionResult['example'] } = { duplicates: 0, conflicts: 0, example: undefined };
  let cluster: ChunkExtent[] = [];
  let clusterEnd = -Infinity;
  let clusterOverlaps = false;
  const flush = (): void => {
    const small = cluster.filter((c) => c.n < SMALL_CHUNK).length;
    if (cluster.length > 1 && (clusterOverlaps || small > 1)) mergeChunks(db, seriesId, cluster, result);
    cluster = [];
    clusterEnd = -Infinity;
    clusterOverlaps = false;
  };
  for (const extent of extents) {
    const overlaps = extent.start_ms <= clusterEnd;
    const last = cluster[cluster.length - 1];
    const bothSmall = last !== undefined && last.n < SMALL_CHUNK && extent.n < SMALL_CHUNK;
    if (cluster.length > 0 && !overlaps && !bothSmall) flush();
    if (overlaps) clusterOverlaps = true;
    cluster.push(extent);
    clusterEnd = Math.max(clusterEnd, extent.end_ms);
  }
  flush();
  return result;
}

function mergeChunks(
  db: WorkspaceDb,
  seriesId: number,
  cluster: readonly ChunkExtent[],
  result: { duplicates: number; conflicts: number; example: CompactionResult['example'] },
): void {
  const select = db.prepare<[number], { id: number; start_ms: number; n: number; step_ms: number | null; times: Buffer | null; vals: Buffer }>(
    'SELECT id, start_ms, n, step_ms, times, vals FROM chunk WHERE id = ?',
  );
  let total = 0;
  for (const c of cluster) total += c.n;
  const times = new Float64Array(total);
  const values = new Float64Array(total);
  const priority = new Float64Array(total);
  let at = 0;
  for (const c of cluster) {
    const row = select.get(c.id);
    if (row === undefined) continue;
    const decoded = decodeChunk(row);
    times.set(decoded.times, at);
    values.set(decoded.values, at);
    priority.fill(row.id, at, at + row.n);
    at += row.n;
  }
  const order = new Uint32Array(at);
  for (let i = 0; i < at; i++) order[i] = i;
  // Equal times: the newer chunk (higher id) sorts last and wins.
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || (priority[a] as number) - (priority[b] as number));

  const remove = db.prepare('DELETE FROM chunk WHERE id = ?');
  for (const c of cluster) remove.run(c.id);
  const insert = prepareChunkInsert(db);
  const outTimes = new Float64Array(CHUNK_POINTS);
  const outValues = new Float64Array(CHUNK_POINTS);
  let n = 0;
  let kept = 0;
  const write = (): void => {
    if (n === 0) return;
    insert(seriesId, encodeChunk(outTimes, outValues, n));
    n = 0;
  };
  let previousTime = Number.NaN;
  for (let k = 0; k < at; k++) {
    const i = order[k] as number;
    const t = times[i] as number;
    if (t === previousTime) {
      // n ≥ 1 here: the same time as the last point written. Equal values are harmless
      // duplicates (chunked exports repeat boundary points); different ones are conflicts.
      const replaced = outValues[n - 1] as number;
      const newer = values[i] as number;
      if (replaced !== newer) {
        result.conflicts++;
        result.example ??= { timeMs: t, replaced, kept: newer };
      }
      outValues[n - 1] = newer;
      continue;
    }
    if (n === CHUNK_POINTS) write();
    outTimes[n] = t;
    outValues[n] = values[i] as number;
    n++;
    kept++;
    previousTime = t;
  }
  write();
  result.duplicates += at - kept;
}
