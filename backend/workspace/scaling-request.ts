import { ApiFailure } from '../../shared/api/result.js';
import { sumSeries, type ResourceLoad } from '../../shared/capacity/assess-runway.js';
import type { ScalingRequest } from '../../shared/capacity/scaling/analyse-scaling.js';
import type { Confidence, Pricing } from '../../shared/capacity/scaling/scaling-types.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import { fitUsl } from '../../shared/usl/fit-usl.js';
import { UslError } from '../../shared/usl/usl-error.js';
import type { WorkspaceDb } from './open-workspace.js';
import { listInstanceTypes, listLoadTests } from './reference-tables.js';
import { readResourceLoads } from './resource-loads.js';
import { findSeriesByName, listSeries } from './series-catalog.js';
import { readSeriesPoints } from './series-points.js';
import { loadSystem, systemInstance } from './system-store.js';
import { defaultThroughputSeries } from './throughput-series.js';
import { readWorkloadShape } from './workload-shape.js';

export interface ScalingChoices {
  readonly horizon?: string | undefined;
  readonly confidence?: Confidence | undefined;
  readonly pricing?: Pricing | undefined;
  readonly scenarios?: readonly Scenario[];
}

/**
 * Everything the scaling comparison needs, read from the workspace: the system and its
 * instance, the catalog, each resource's load, production throughput, the workload's
 * read/write shape and the USL of the first load test (sharding efficiency).
 * @throws {ApiFailure} `bad-input` when the system has no instance or the catalog is empty
 */
export function readScalingRequest(db: WorkspaceDb, fallbackName: string, choices: ScalingChoices): Omit<ScalingRequest, 'onProgress'> {
  const { config } = loadSystem(db, fallbackName);
  const instance = systemInstance(db, config);
  const catalog = listInstanceTypes(db);
  if (catalog.length === 0) throw new ApiFailure('bad-input', 'the workspace has no instance catalog; import one (CSV) on the Data screen first');
  if (instance === undefined) throw new ApiFailure('bad-input', 'the system has no instance from the catalog; choose one on the Headroom screen (Instance, resources and targets)');
  const names = defaultThroughputSeries(listSeries(db));
  const throughput: ResourceLoad | undefined = names.length > 0 && names.every((n) => findSeriesByName(db, n) !== undefined) ? sumSeries(names.map((n) => readSeriesPoints(db, n))) : undefined;
  let usl: { sigma: number; kappa: number } | undefined;
  const test = listLoadTests(db)[0];
  if (test !== undefined) {
    try {
      const fit = fitUsl(test.points.map((p) => ({ concurrency: p.concurrency, throughput: p.throughput })));
      usl = { sigma: fit.sigma, kappa: fit.kappa };
    } catch (error) {
      if (!(error instanceof UslError)) throw error;
    }
  }
  return {
    system: config,
    instance,
    catalog,
    loads: readResourceLoads(db, config),
    throughput,
    shape: readWorkloadShape(db, config.windowDays, usl),
    horizon: choices.horizon ?? config.horizon,
    confidence: choices.confidence ?? 'p90',
    pricing: choices.pricing ?? 'on-demand',
    scenarios: choices.scenarios ?? [],
  };
}
