import type { InstanceType } from '../../api/types.js';
import { busiestNodeLoad } from './node-load.js';
import type { Configuration, Pricing, ResourceProjection, ResourceVerdict, ScalingInputs } from './scaling-types.js';

/** Hours in an average month (365.25 × 24 / 12). */
export const HOURS_PER_MONTH = 730.5;

/** A plan: the configuration in force each month. */
export type PlanConfigurations = readonly Configuration[];

/**
 * A resource's capacity under a configuration, in its own unit, per node. A capacity
 * the user fixed (a pool size) stays; the others follow the instance (and the volume).
 * CPU is expressed in percent of the *current* instance's cores, so that a bigger
 * instance shows as more than 100 %: the load stays comparable month to month.
 */
export function capacityUnder(resource: ResourceProjection, config: Configuration, current: InstanceType): number {
  if (resource.fixedCapacity !== null) return resource.fixedCapacity;
  const gib = GIB_PER[resource.unit] ?? 1;
  switch (resource.kind) {
    case 'cpu':
      return resource.unit === '%' ? (100 * config.instance.vcpu) / current.vcpu : config.instance.vcpu;
    case 'memory':
      return config.instance.memoryGiB / gib;
    case 'storage':
      return Math.min(config.storageGiB, config.instance.maxStorageGiB) / gib;
    case 'iops':
      return Math.max(config.instance.maxIops, config.provisionedIops);
    case 'throughput':
      return config.instance.maxThroughputMiBps;
    case 'connections':
      return config.instance.maxConnections;
    default:
      return Infinity;
  }
}

const GIB_PER: Readonly<Record<string, number>> = { B: 1 / 1024 ** 3, KiB: 1 / 1024 ** 2, MiB: 1 / 1024, GiB: 1, TiB: 1024, kB: 1e3 / 1024 ** 3, MB: 1e6 / 1024 ** 3, GB: 1e9 / 1024 ** 3, TB: 1e12 / 1024 ** 3 };

/**
 * Use of each resource's target (busiest node's load ÷ threshold) in a month under a
 * configuration; above 1 is over target.
 */
export function monthUse(inputs: ScalingInputs, config: Configuration, month: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const resource of inputs.resources) {
    const load = resource.monthlyPeak[month] ?? resource.current;
    const node = busiestNodeLoad(resource, load, config, inputs.shape);
    const threshold = (capacityUnder(resource, config, inputs.current.instance) * resource.targetPct) / 100;
    out.set(resource.id, threshold > 0 ? node / threshold : Infinity);
  }
  return out;
}

/** Resources over target in a month (artificial limits never count). */
export function breaches(inputs: ScalingInputs, config: Configuration, month: number): string[] {
  const use = monthUse(inputs, config, month);
  return inputs.resources.filter((r) => !r.artificial && (use.get(r.id) ?? 0) > 1).map((r) => r.id);
}

/** A configuration's cost for one month: nodes × instance, plus storage and provisioned IOPS per node. */
export function monthlyCost(config: Configuration, pricing: Pricing): number {
  const nodes = config.shards * (1 + config.replicas);
  const hourly = pricing === 'committed' ? config.instance.committedPerHour : config.instance.onDemandPerHour;
  return nodes * (hourly * HOURS_PER_MONTH + config.storageGiB * config.instance.storagePerGiBMonth + config.provisionedIops * config.instance.iopsPerMonth);
}

/** Per resource: the worst use over the horizon and the first month over target. */
export function verdicts(inputs: ScalingInputs, plan: PlanConfigurations): ResourceVerdict[] {
  return inputs.resources.map((resource) => {
    let worst = 0;
    let first: number | null = null;
    plan.forEach((config, month) => {
      const use = monthUse(inputs, config, month).get(resource.id) ?? 0;
      worst = Math.max(worst, use);
      if (first === null && use > 1) first = month;
    });
    return { id: resource.id, label: resource.label, worstUse: worst, firstBreachMonth: first };
  });
}
