import type { DrInputsRequest } from '../../shared/dr/workspace-inputs.js';
import { findUnit } from '../../shared/units/unit-catalog.js';
import type { WorkspaceDb } from './open-workspace.js';
import { readResourceLoads } from './resource-loads.js';
import { listSeries } from './series-catalog.js';
import { readSeriesPoints } from './series-points.js';
import { loadSystem } from './system-store.js';

/** Replication lag series: named like lag and measured in time. */
const LAG_NAME = /lag|delay|behind/i;

/**
 * What the DR plan editor can learn from the workspace: the storage resource's load (its
 * series summed, as on the Headroom screen) and every replication-lag series.
 */
export function readDrInputsRequest(db: WorkspaceDb, fallbackName: string, horizonMonths: number, seed: number): DrInputsRequest {
  const { config } = loadSystem(db, fallbackName);
  const storage = config.resources.find((r) => r.kind === 'storage');
  const storageLoad = storage === undefined ? undefined : readResourceLoads(db, { ...config, resources: [storage] }).get(storage.id);
  const lags = listSeries(db)
    .filter((s) => LAG_NAME.test(s.name) && findUnit(s.unit)?.dimension === 'time')
    .slice(0, 10)
    .map((s) => ({ series: s.name, unit: s.unit, load: readSeriesPoints(db, s.name) }));
  return {
    storage: storage === undefined || storageLoad === undefined ? null : { series: storage.series, unit: storage.unit, load: storageLoad },
    lags,
    horizonMonths,
    seed,
  };
}
