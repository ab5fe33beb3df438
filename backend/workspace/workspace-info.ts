import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { WorkspaceInfo } from '../../shared/api/types.js';
import { getMeta, type WorkspaceDb } from './open-workspace.js';

/** Summary of an open workspace for the title bar and `workspace.current`. */
export function describeWorkspace(db: WorkspaceDb, path: string): WorkspaceInfo {
  const counts = db.prepare<[], { series: number; points: number | null }>('SELECT count(*) AS series, sum(points) AS points FROM series WHERE points > 0').get();
  let sizeBytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      sizeBytes += statSync(path + suffix).size;
    } catch {
      // no WAL file: nothing to add
    }
  }
  return {
    path,
    name: basename(path).replace(/\.headroom$/, ''),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    createdAt: getMeta(db, 'created_at') ?? '',
    seriesCount: counts?.series ?? 0,
    pointCount: counts?.points ?? 0,
    sizeBytes,
  };
}
