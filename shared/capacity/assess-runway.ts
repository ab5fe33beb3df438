import type { InstanceType } from '../api/types.js';
import { runForecast, type ForecastRunResult } from '../forecast/forecast-run.js';
import { ForecastError } from '../forecast/forecast-model.js';
import type { Scenario } from '../forecast/scenarios.js';
import { parseHorizon } from '../time/parse-horizon.js';
import { quantileSorted, sortedCopy } from '../workload/robust-statistics.js';
import { resourceCapacity } from './default-resources.js';
import { runwayCrossing } from './runway-crossing.js';
import type { PeakStatistic, ResourceConfig, SystemConfig } from './system-config.js';

/**
 * Headroom and runway of every resource of a system: the current peak against capacity,
 * the forecast of the same statistic per day against the threshold, and the binding
 * resource — the one whose P50 runway ends first (when none ends within the horizon, the
 * one with the least headroom). Artificial limits are assessed but never bind.
 */

const DAY_MS = 86_400_000;

/** A resource's load: the sum of its series, aligned on their common timestamps. */
export interface ResourceLoad {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

export type RunwayStatus = 'exceeded' | 'crosses' | 'beyond-horizon' | 'no-forecast' | 'no-capacity';

export interface ResourceAssessment {
  readonly id: string;
  readonly resource: string;
  readonly kind: ResourceConfig['kind'];
  readonly unit: string;
  readonly series: readonly string[];
  readonly statistic: PeakStatistic;
  readonly artificial: boolean;
  /** null when neither the resource nor the instance gives one. */
  readonly capacity: number | null;
  readonly targetPct: number;
  /** capacity × targetPct / 100. */
  readonly threshold: number | null;
  /** The statistic over the last `windowDays` of raw points. */
  readonly current: number;
  /** (capacity − current) / capacity × 100; null without a capacity. */
  readonly headroomPct: number | null;
  /** current / threshold × 100: how much of the target is used. */
  readonly targetUsedPct: number | null;
  readonly status: RunwayStatus;
  /** Dates (ms) the forecast reaches the threshold: P10 (conservative) ≤ P50 ≤ P90; null where beyond the horizon. */
  readonly runwayMs: { readonly p10: number | null; readonly p50: number | null; readonly p90: number | null };
  readonly horizonEndMs: number | null;
  readonly binding: boolean;
  /** The forecast behind the runway (daily), for drill-down; null when it could not be made. */
  readonly forecast: ForecastRunResult | null;
  readonly note: string;
  readonly problem: string | null;
}

export interface RunwayAssessment {
  readonly system: string;
  readonly nowMs: number;
  readonly resources: ResourceAssessment[];
  /** The id of the binding resource; null only when no resource could be assessed. */
  readonly binding: string | null;
  readonly summary: string;
}

export interface AssessOptions {
  readonly scenarios?: readonly Scenario[];
  /** Called per resource (for progress). */
  readonly onProgress?: (phase: string, fraction: number) => void;
  /** Keep the whole forecast in each assessment (default true; the CLI JSON drops it). */
  readonly seed?: number;
}

/**
 * Assesses every resource.
 * @param loads each resource's load by id (see {@link ResourceLoad})
 * @example assessRunway(system, instance, loads).resources.find((r) => r.binding)?.resource // 'Storage'
 */
export function assessRunway(system: SystemConfig, instance: InstanceType | undefined, loads: ReadonlyMap<string, ResourceLoad>, options: AssessOptions = {}): RunwayAssessment {
  const horizon = parseHorizon(system.horizon);
  const assessed: ResourceAssessment[] = [];
  let nowMs = 0;
  for (const load of loads.values()) nowMs = Math.max(nowMs, load.times[load.times.length - 1] ?? 0);
  system.resources.forEach((resource, index) => {
    options.onProgress?.(`forecasting ${resource.label}`, index / Math.max(1, system.resources.length));
    const load = loads.get(resource.id);
    const capacity = resourceCapacity(resource, system, instance) ?? null;
    const threshold = capacity === null ? null : (capacity * resource.targetPct) / 100;
    const base = { id: resource.id, resource: resource.label, kind: resource.kind, unit: resource.unit, series: resource.series, statistic: resource.statistic, artificial: resource.artificial, capacity, targetPct: resource.targetPct, threshold, note: resource.note };
    if (load === undefined || load.times.length === 0) {
      assessed.push({ ...base, current: NaN, headroomPct: null, targetUsedPct: null, status: 'no-forecast', runwayMs: { p10: null, p50: null, p90: null }, horizonEndMs: null, binding: false, forecast: null, problem: `no data in ${resource.series.join(' + ')}` });
      return;
    }
    const current = peakOverWindow(load, resource.statistic, system.windowDays * DAY_MS);
    const headroomPct = capacity === null || capacity === 0 ? null : ((capacity - current) / capacity) * 100;
    const targetUsedPct = threshold === null || threshold === 0 ? null : (current / threshold) * 100;
    if (threshold === null) {
      assessed.push({ ...base, current, headroomPct, targetUsedPct, status: 'no-capacity', runwayMs: { p10: null, p50: null, p90: null }, horizonEndMs: null, binding: false, forecast: null, problem: `no capacity: choose an instance or give ${resource.label} a capacity` });
      return;
    }
    let forecast: ForecastRunResult;
    try {
      forecast = runForecast(load.times, load.values, {
        horizon,
        stepMs: DAY_MS,
        aggregation: resource.statistic === 'mean' ? 'mean' : resource.statistic === 'p95' ? 'p95' : 'max',
        unit: resource.unit,
        scenarios: options.scenarios ?? [],
        seed: options.seed ?? 1,
      });
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      assessed.push({ ...base, current, headroomPct, targetUsedPct, status: current >= threshold ? 'exceeded' : 'no-forecast', runwayMs: current >= threshold ? { p10: nowMs, p50: nowMs, p90: nowMs } : { p10: null, p50: null, p90: null }, horizonEndMs: null, binding: false, forecast: null, problem: error.message });
      return;
    }
    // A scenario, when given, is what the runway is about: its band replaces the baseline.
    const band = forecast.scenarios[forecast.scenarios.length - 1]?.forecast ?? forecast.forecast;
    const times = forecast.forecastTimes;
    const horizonEndMs = times[times.length - 1] ?? null;
    if (current >= threshold) {
      assessed.push({ ...base, current, headroomPct, targetUsedPct, status: 'exceeded', runwayMs: { p10: nowMs, p50: nowMs, p90: nowMs }, horizonEndMs, binding: false, forecast, problem: null });
      return;
    }
    const crossing = runwayCrossing(band, threshold);
    const at = (i: number | undefined): number | null => (i === undefined ? null : (times[i] ?? null));
    const runwayMs = { p10: at(crossing.p10), p50: at(crossing.p50), p90: at(crossing.p90) };
    assessed.push({ ...base, current, headroomPct, targetUsedPct, status: runwayMs.p10 === null ? 'beyond-horizon' : 'crosses', runwayMs, horizonEndMs, binding: false, forecast, problem: null });
  });
  const binding = chooseBinding(assessed);
  const resources = assessed.map((r) => (r.id === binding ? { ...r, binding: true } : r));
  const bound = resources.find((r) => r.binding);
  options.onProgress?.('done', 1);
  return { system: system.name, nowMs, resources, binding, summary: bound === undefined ? 'no resource could be assessed' : describeBinding(bound) };
}

/** Sooner P50 binds; then sooner P10; a resource without a runway in the horizon only binds when none has one (least headroom to target). */
function chooseBinding(resources: readonly ResourceAssessment[]): string | null {
  const candidates = resources.filter((r) => !r.artificial && r.threshold !== null && Number.isFinite(r.current));
  const pool = candidates.length > 0 ? candidates : resources.filter((r) => Number.isFinite(r.current));
  if (pool.length === 0) return resources[0]?.id ?? null;
  const key = (r: ResourceAssessment): [number, number, number] => [r.runwayMs.p50 ?? Infinity, r.runwayMs.p10 ?? Infinity, -(r.targetUsedPct ?? -Infinity)];
  const sorted = [...pool].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  return sorted[0]?.id ?? null;
}

function describeBinding(r: ResourceAssessment): string {
  const day = (ms: number | null): string => (ms === null ? 'beyond the horizon' : new Date(ms).toISOString().slice(0, 10));
  if (r.status === 'exceeded') return `${r.resource} is already over its ${r.targetPct} % target`;
  if (r.status === 'crosses') return `${r.resource} binds first: it reaches ${r.targetPct} % of capacity around ${day(r.runwayMs.p50)} (P10 ${day(r.runwayMs.p10)}, P90 ${day(r.runwayMs.p90)})`;
  return `no resource reaches its target within the horizon; ${r.resource} has the least headroom (${r.targetUsedPct?.toFixed(0) ?? '?'} % of its target used)`;
}

/**
 * The peak statistic of the points in the last `windowMs` (all points when fewer).
 * @example peakOverWindow({ times, values }, 'p95', 14 * 86_400_000)
 */
export function peakOverWindow(load: ResourceLoad, statistic: PeakStatistic, windowMs: number): number {
  const n = load.times.length;
  const end = load.times[n - 1] ?? 0;
  let start = n - 1;
  while (start > 0 && (load.times[start - 1] as number) > end - windowMs) start--;
  const window = load.values.subarray(start, n);
  if (statistic === 'mean') return window.reduce((s, v) => s + v, 0) / window.length;
  if (statistic === 'max') return window.reduce((m, v) => Math.max(m, v), -Infinity);
  return quantileSorted(sortedCopy(window), statistic === 'p95' ? 0.95 : 0.99);
}

/**
 * Sums several series point by point on the timestamps they share (series exported
 * together share them; a point missing in one is left out rather than guessed).
 * @example sumSeries([{ times: [0, 1], values: [1, 2] }, { times: [0, 1], values: [10, 20] }]).values // [11, 22]
 */
export function sumSeries(parts: readonly ResourceLoad[]): ResourceLoad {
  const first = parts[0];
  if (first === undefined) return { times: new Float64Array(0), values: new Float64Array(0) };
  if (parts.length === 1) return first;
  let acc = new Map<number, number>();
  first.times.forEach((t, i) => acc.set(t, first.values[i] as number));
  for (const part of parts.slice(1)) {
    const next = new Map<number, number>();
    part.times.forEach((t, i) => {
      const a = acc.get(t);
      if (a !== undefined) next.set(t, a + (part.values[i] as number));
    });
    acc = next;
  }
  const times = Float64Array.from([...acc.keys()].sort((a, b) => a - b));
  return { times, values: Float64Array.from(times, (t) => acc.get(t) as number) };
}
