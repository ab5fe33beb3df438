import type { InstanceType } from '../../api/types.js';
import type { ForecastBand } from '../../forecast/forecast-run.js';
import type { RunwayAssessment } from '../assess-runway.js';
import type { SystemConfig } from '../system-config.js';
import type { Confidence, Pricing, ResourceProjection, ScalingInputs, WorkloadShape } from './scaling-types.js';

/** An average month, ms. */
export const MONTH_MS = 30.436875 * 86_400_000;

/**
 * The peak of a daily forecast in each month of the horizon: the mean path for P50,
 * the 80 % band's top (the 90th percentile) for P90. Months past the forecast keep its last value.
 * @example monthlyPeaks(times, band, starts, 'p90')
 */
export function monthlyPeaks(times: readonly number[], band: ForecastBand, monthStartsMs: readonly number[], confidence: Confidence): number[] {
  const path = confidence === 'p50' ? band.mean : band.hi80;
  return monthStartsMs.map((start, m) => {
    const end = monthStartsMs[m + 1] ?? start + MONTH_MS;
    let peak = -Infinity;
    times.forEach((t, i) => {
      if (t >= start && t < end) peak = Math.max(peak, path[i] as number);
    });
    return Number.isFinite(peak) ? peak : (path[path.length - 1] ?? NaN);
  });
}

export interface ScalingInputOptions {
  readonly months: number;
  readonly confidence: Confidence;
  readonly pricing: Pricing;
  readonly leadMonths?: number;
  /** Month starts (calendar months); default average months from the assessment's last observation. */
  readonly monthStartsMs?: readonly number[];
}

/**
 * The comparison's inputs from the runway assessment (its daily forecast per resource),
 * the system's instance and storage, the catalog and the workload's shape.
 */
export function scalingInputsFrom(assessment: RunwayAssessment, system: SystemConfig, instance: InstanceType, catalog: readonly InstanceType[], shape: WorkloadShape, options: ScalingInputOptions): ScalingInputs {
  const monthStartsMs = options.monthStartsMs ?? Array.from({ length: options.months }, (_, m) => assessment.nowMs + m * MONTH_MS);
  const resources: ResourceProjection[] = assessment.resources
    .filter((r) => Number.isFinite(r.current))
    .map((r) => {
      const config = system.resources.find((c) => c.id === r.id);
      const band = r.forecast === null ? undefined : (r.forecast.scenarios[r.forecast.scenarios.length - 1]?.forecast ?? r.forecast.forecast);
      return {
        id: r.id,
        label: r.resource,
        kind: r.kind,
        unit: r.unit,
        artificial: r.artificial,
        targetPct: r.targetPct,
        fixedCapacity: config?.capacity ?? null,
        monthlyPeak: band === undefined || r.forecast === null ? monthStartsMs.map(() => r.current) : monthlyPeaks(r.forecast.forecastTimes, band, monthStartsMs, options.confidence),
        current: r.current,
      };
    });
  return {
    months: options.months,
    monthStartsMs,
    current: { instance, replicas: 0, shards: 1, storageGiB: system.allocatedStorageGiB ?? instance.maxStorageGiB, provisionedIops: 0 },
    catalog,
    resources,
    shape,
    pricing: options.pricing,
    leadMonths: options.leadMonths ?? 1,
  };
}
