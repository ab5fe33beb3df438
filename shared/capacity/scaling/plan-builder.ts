import type { InstanceType } from '../../api/types.js';
import { breaches, monthlyCost, type PlanConfigurations } from './evaluate-plan.js';
import type { Configuration, ScalingAction, ScalingInputs } from './scaling-types.js';

/**
 * Builds a plan month by month, the way an operator would: keep the configuration until
 * a resource is forecast over its target `leadMonths` ahead, then take the cheapest
 * allowed action that clears every breach then — or, when none clears them all, the one
 * that clears most for longest. A plan that cannot be rescued keeps its breach (and is
 * reported infeasible from that month).
 */

export type ActionKind = 'size-up' | 'replica' | 'shard' | 'storage';

interface Candidate {
  readonly config: Configuration;
  readonly description: string;
}

export const MAX_REPLICAS = 5;
export const MAX_SHARDS = 16;
/** Storage grows by half each time (a volume grown in steps, not by a byte). */
export const STORAGE_GROWTH = 1.5;

/** Instances of the same family, bigger than this one, smallest first ("mem.4xlarge" after "mem.2xlarge"). */
export function largerInstances(instance: InstanceType, catalog: readonly InstanceType[]): InstanceType[] {
  const family = instance.instanceClass.split('.')[0];
  return catalog
    .filter((i) => i.provider === instance.provider && i.instanceClass.split('.')[0] === family && (i.vcpu > instance.vcpu || (i.vcpu === instance.vcpu && i.memoryGiB > instance.memoryGiB)))
    .sort((a, b) => a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB);
}

function candidates(config: Configuration, allowed: readonly ActionKind[], catalog: readonly InstanceType[]): Candidate[] {
  const out: Candidate[] = [];
  if (allowed.includes('size-up')) {
    const next = largerInstances(config.instance, catalog)[0];
    if (next !== undefined) out.push({ config: { ...config, instance: next }, description: `Move to ${next.instanceClass} (${next.vcpu} vCPU, ${next.memoryGiB} GiB)` });
  }
  if (allowed.includes('replica') && config.replicas < MAX_REPLICAS) {
    out.push({ config: { ...config, replicas: config.replicas + 1 }, description: config.replicas === 0 ? 'Add a read replica' : `Add a read replica (${config.replicas + 1} in all)` });
  }
  if (allowed.includes('shard') && config.shards * 2 <= MAX_SHARDS) {
    const shards = config.shards * 2;
    out.push({ config: { ...config, shards }, description: config.shards === 1 ? `Split into ${shards} shards` : `Reshard from ${config.shards} to ${shards} shards` });
  }
  if (allowed.includes('storage') && config.storageGiB * STORAGE_GROWTH <= config.instance.maxStorageGiB) {
    const storageGiB = Math.ceil((config.storageGiB * STORAGE_GROWTH) / 100) * 100;
    out.push({ config: { ...config, storageGiB }, description: `Grow storage to ${storageGiB.toLocaleString('en-US')} GiB` });
  }
  return out;
}

/** Months from `from` until the first breach under `config` (the horizon's length when none). */
function monthsClear(inputs: ScalingInputs, config: Configuration, from: number): number {
  for (let m = from; m < inputs.months; m++) if (breaches(inputs, config, m).length > 0) return m - from;
  return inputs.months - from;
}

/**
 * The plan with the allowed kinds of action, starting from `start` (the current
 * configuration by default).
 * @returns the configuration in force each month and the actions taken
 */
export function buildPlan(inputs: ScalingInputs, allowed: readonly ActionKind[], start: Configuration = inputs.current, firstActions: readonly ScalingAction[] = []): { configurations: PlanConfigurations; actions: ScalingAction[] } {
  const configurations: Configuration[] = [];
  const actions: ScalingAction[] = [...firstActions];
  let config = start;
  for (let month = 0; month < inputs.months; month++) {
    // Look ahead by the lead time; near the horizon's end, as far as it goes.
    const lookAt = Math.min(inputs.months - 1, month + inputs.leadMonths);
    // Several steps may be needed at once (a breach far over target): up to four per month.
    for (let step = 0; step < 4; step++) {
      const due = [...new Set([...breaches(inputs, config, month), ...breaches(inputs, config, lookAt)])];
      if (due.length === 0) break;
      const options = candidates(config, allowed, inputs.catalog).map((c) => ({
        ...c,
        clearsAll: breaches(inputs, c.config, month).length === 0 && breaches(inputs, c.config, lookAt).length === 0,
        remaining: new Set([...breaches(inputs, c.config, month), ...breaches(inputs, c.config, lookAt)]).size,
        clear: monthsClear(inputs, c.config, month),
        cost: monthlyCost(c.config, inputs.pricing),
      }));
      if (options.length === 0) break;
      const clearNow = monthsClear(inputs, config, month);
      const clearing = options.filter((o) => o.clearsAll);
      const chosen =
        clearing.length > 0
          ? clearing.sort((a, b) => a.cost - b.cost || b.clear - a.clear)[0]
          : options.sort((a, b) => a.remaining - b.remaining || b.clear - a.clear || a.cost - b.cost)[0];
      // A step that neither removes a breach nor buys time is no step (a bigger instance does not grow a volume).
      if (chosen === undefined || (!chosen.clearsAll && chosen.remaining >= due.length && chosen.clear <= clearNow)) break;
      config = chosen.config;
      actions.push({ month, atMs: inputs.monthStartsMs[month] ?? 0, description: chosen.description });
    }
    configurations.push(config);
  }
  return { configurations, actions };
}
