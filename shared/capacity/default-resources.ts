import type { InstanceType } from '../api/types.js';
import type { ResourceConfig, ResourceKind, SystemConfig } from './system-config.js';

/**
 * Sensible starting targets, each with its reason (all editable):
 * - CPU at 80 % of P95 load: AWS Compute Optimizer judges CPU on a high percentile
 *   (P99.5 by default, P95/P90 selectable) with 20 % headroom — P95 of busy-hour load
 *   at 80 % leaves room for the peaks above it and for latency (see queueing).
 * - Storage at 80 % of allocated: the usual alert level, time to grow a volume.
 * - Connections at 80 % of max_connections (P99: bursts are what refuse connections).
 * - Memory at 90 % of RAM: a database uses memory as cache on purpose, so it is judged
 *   late; mark it artificial when its growth is only cache.
 * - IOPS and throughput at 80 % of the provisioned limit (P95).
 */
interface Rule {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly label: string;
  readonly name: RegExp;
  readonly units: readonly string[];
  readonly targetPct: number;
  readonly statistic: ResourceConfig['statistic'];
  readonly note: string;
  /** Sum every matching series (read + write IOPS) instead of taking the first. */
  readonly sum: boolean;
}

const DATA_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'kB', 'MB', 'GB', 'TB'];

const RULES: readonly Rule[] = [
  { kind: 'cpu', id: 'cpu', label: 'CPU', name: /cpu/i, units: ['%'], targetPct: 80, statistic: 'p95', note: 'P95 of load at 80 % leaves room for bursts and keeps queueing delay low', sum: false },
  { kind: 'memory', id: 'memory', label: 'Memory', name: /mem/i, units: DATA_UNITS, targetPct: 90, statistic: 'max', note: 'databases fill memory with cache on purpose: judged late, at 90 %', sum: false },
  { kind: 'storage', id: 'storage', label: 'Storage', name: /storage|disk|db_size|database_size|size/i, units: DATA_UNITS, targetPct: 80, statistic: 'max', note: '80 % of allocated storage: time left to grow the volume', sum: false },
  { kind: 'iops', id: 'iops', label: 'IOPS', name: /iops/i, units: ['IOPS', 'count/s', '1/s', ''], targetPct: 80, statistic: 'p95', note: 'read + write IOPS at 80 % of the provisioned limit', sum: true },
  { kind: 'connections', id: 'connections', label: 'Connections', name: /conn/i, units: ['count', ''], targetPct: 80, statistic: 'p99', note: '80 % of max_connections at P99: bursts are what get refused', sum: false },
];

/**
 * Default resources for the series a workspace holds.
 * @example defaultResources([{ name: 'cpu_pct', unit: '%' }])[0]?.targetPct // 80
 */
export function defaultResources(series: readonly { readonly name: string; readonly unit: string }[]): ResourceConfig[] {
  const out: ResourceConfig[] = [];
  for (const rule of RULES) {
    const matching = series.filter((s) => rule.name.test(s.name) && rule.units.includes(s.unit) && !s.name.startsWith('queries.'));
    const first = matching[0];
    if (first === undefined) continue;
    const chosen = rule.sum ? matching.filter((s) => s.unit === first.unit) : [first];
    out.push({
      id: rule.id,
      label: rule.label,
      kind: rule.kind,
      series: chosen.map((s) => s.name),
      unit: first.unit,
      capacity: null,
      targetPct: rule.targetPct,
      statistic: rule.statistic,
      artificial: false,
      note: rule.note,
    });
  }
  return out;
}

/** A system configuration to start from: the default resources, a 14-day window, 24 months ahead. */
export function defaultSystemConfig(name: string, series: readonly { readonly name: string; readonly unit: string }[], instance: InstanceType | undefined): SystemConfig {
  return {
    name,
    instance: instance === undefined ? null : { provider: instance.provider, instanceClass: instance.instanceClass },
    allocatedStorageGiB: null,
    windowDays: 14,
    horizon: '24mo',
    resources: defaultResources(series),
  };
}

const GIB_PER: Readonly<Record<string, number>> = { B: 1 / 1024 ** 3, KiB: 1 / 1024 ** 2, MiB: 1 / 1024, GiB: 1, TiB: 1024, kB: 1e3 / 1024 ** 3, MB: 1e6 / 1024 ** 3, GB: 1e9 / 1024 ** 3, TB: 1e12 / 1024 ** 3 };

/**
 * A resource's capacity: its own when set, else from the instance (in the resource's unit).
 * @returns undefined when neither says (the resource cannot be judged)
 * @example resourceCapacity(cpu, system, instance) // 100 (percent)
 */
export function resourceCapacity(resource: ResourceConfig, system: SystemConfig, instance: InstanceType | undefined): number | undefined {
  if (resource.capacity !== null) return resource.capacity;
  const perGiB = GIB_PER[resource.unit];
  switch (resource.kind) {
    case 'cpu':
      return resource.unit === '%' ? 100 : instance?.vcpu;
    case 'memory':
      return instance === undefined || perGiB === undefined ? undefined : instance.memoryGiB / perGiB;
    case 'storage': {
      const gib = system.allocatedStorageGiB ?? instance?.maxStorageGiB;
      return gib === undefined || perGiB === undefined ? undefined : gib / perGiB;
    }
    case 'iops':
      return instance?.maxIops;
    case 'throughput':
      return instance?.maxThroughputMiBps;
    case 'connections':
      return instance?.maxConnections;
    default:
      return undefined;
  }
}
