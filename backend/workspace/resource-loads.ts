import { sumSeries, type ResourceLoad } from '../../shared/capacity/assess-runway.js';
import type { SystemConfig } from '../../shared/capacity/system-config.js';
import type { WorkspaceDb } from './open-workspace.js';
import { findSeriesByName } from './series-catalog.js';
import { readSeriesPoints } from './series-points.js';

/**
 * Each resource's load: its series read and summed. A resource whose series are missing
 * (deleted, renamed) gets no load; the assessment says so for that resource only.
 */
export function readResourceLoads(db: WorkspaceDb, system: SystemConfig): Map<string, ResourceLoad> {
  const loads = new Map<string, ResourceLoad>();
  for (const resource of system.resources) {
    if (!resource.series.every((name) => findSeriesByName(db, name) !== undefined)) continue;
    loads.set(resource.id, sumSeries(resource.series.map((name) => readSeriesPoints(db, name))));
  }
  return loads;
}
