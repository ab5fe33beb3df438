import type { EncodedChunk } from './chunk-codec.js';
import type { WorkspaceDb } from './open-workspace.js';

/** A prepared insert of encoded chunks into one workspace. */
export function prepareChunkInsert(db: WorkspaceDb): (seriesId: number, chunk: EncodedChunk) => void {
  const insert = db.prepare(
    'INSERT INTO chunk(series_id, start_ms, end_ms, n, v_min, v_max, v_sum, step_ms, times, vals, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (seriesId, c) => {
    insert.run(seriesId, c.startMs, c.endMs, c.n, c.vMin, c.vMax, c.vSum, c.stepMs, c.times, c.vals, c.summary);
  };
}
