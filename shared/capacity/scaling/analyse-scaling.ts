import type { InstanceType } from '../../api/types.js';
import { runForecast } from '../../forecast/forecast-run.js';
import { ForecastError } from '../../forecast/forecast-model.js';
import type { Scenario } from '../../forecast/scenarios.js';
import { parseHorizon } from '../../time/parse-horizon.js';
import { assessRunway, type ResourceLoad, type RunwayAssessment } from '../assess-runway.js';
import type { SystemConfig } from '../system-config.js';
import { compareScalingOptions, type ScalingComparison } from './compare-options.js';
import { monthlyPeaks, scalingInputsFrom } from './scaling-inputs.js';
import type { Confidence, Pricing, WorkloadShape } from './scaling-types.js';

/**
 * The budget review's comparison from the workspace's data: runway forecasts per
 * resource (the same as the Headroom screen's), throughput forecast for cost per
 * 1 000 QPS, then every strategy planned, priced and checked month by month.
 */

const DAY_MS = 86_400_000;

export interface ScalingRequest {
  readonly system: SystemConfig;
  readonly instance: InstanceType;
  readonly catalog: readonly InstanceType[];
  readonly loads: ReadonlyMap<string, ResourceLoad>;
  readonly throughput: ResourceLoad | undefined;
  readonly shape: Omit<WorkloadShape, 'monthlyPeakQps'>;
  readonly horizon: string;
  readonly confidence: Confidence;
  readonly pricing: Pricing;
  readonly scenarios?: readonly Scenario[];
  /** Seed of the forecasts' simulations (default 1). */
  readonly seed?: number;
  /**
   * The runway assessment of the same system over the same horizon, when the caller has
   * already made it (a report's capacity section): it is used instead of forecasting
   * every resource a second time.
   */
  readonly assessment?: RunwayAssessment;
  readonly onProgress?: (phase: string, fraction: number) => void;
}

export interface ScalingAnalysis extends ScalingComparison {
  readonly system: string;
  readonly currentInstance: string;
  readonly horizon: string;
  readonly confidence: Confidence;
  readonly pricing: Pricing;
  readonly monthStartsMs: readonly number[];
  readonly shape: WorkloadShape;
}

/**
 * @throws {ForecastError} when the horizon is not a duration
 * @example analyseScaling({ system, instance, catalog, loads, throughput, shape, horizon: '24mo', confidence: 'p90', pricing: 'on-demand' }).recommendation
 */
export function analyseScaling(request: ScalingRequest): ScalingAnalysis {
  const horizon = parseHorizon(request.horizon);
  if (horizon.kind !== 'duration') throw new ForecastError(`the horizon must be a duration such as 24mo, got ${request.horizon}`);
  const months = Math.max(1, Math.round(horizon.unit === 'y' ? horizon.count * 12 : horizon.unit === 'mo' ? horizon.count : (horizon.count * (horizon.unit === 'w' ? 7 : horizon.unit === 'd' ? 1 : 1 / 24)) / 30.436875));
  const system = { ...request.system, horizon: request.horizon };
  const assessment =
    request.assessment ??
    assessRunway(system, request.instance, request.loads, {
      scenarios: request.scenarios ?? [],
      seed: request.seed ?? 1,
      onProgress: (phase, fraction) => request.onProgress?.(phase, fraction * 0.8),
    });
  request.onProgress?.('forecasting throughput', 0.85);
  // Calendar months, from the first one that starts after the last observation: plans
  // and budgets speak in months.
  const now = new Date(assessment.nowMs);
  const monthStartsMs = Array.from({ length: months }, (_, m) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1 + m, 1));
  let monthlyPeakQps: number[] = [];
  if (request.throughput !== undefined && request.throughput.times.length > 2) {
    try {
      const forecast = runForecast(request.throughput.times, request.throughput.values, { horizon, stepMs: DAY_MS, aggregation: 'p95', seed: request.seed ?? 1 });
      monthlyPeakQps = monthlyPeaks(forecast.forecastTimes, forecast.forecast, monthStartsMs, request.confidence);
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
    }
  }
  const shape: WorkloadShape = { ...request.shape, monthlyPeakQps };
  request.onProgress?.('planning and pricing the options', 0.9);
  const inputs = scalingInputsFrom(assessment, system, request.instance, request.catalog, shape, { months, confidence: request.confidence, pricing: request.pricing, monthStartsMs });
  const comparison = compareScalingOptions(inputs);
  request.onProgress?.('done', 1);
  return { ...comparison, system: system.name, currentInstance: request.instance.instanceClass, horizon: request.horizon, confidence: request.confidence, pricing: request.pricing, monthStartsMs, shape };
}
