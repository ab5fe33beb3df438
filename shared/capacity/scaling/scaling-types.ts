import type { InstanceType } from '../../api/types.js';
import type { ResourceKind } from '../system-config.js';

/**
 * The vocabulary of scaling plans. A plan is a sequence of actions over the horizon;
 * each month it has a configuration (instance, replicas, shards, storage), a capacity per
 * resource and a cost. Loads are the forecast peaks of the current system (per month, at
 * the chosen confidence), transformed by the configuration.
 */

export type OptionKind = 'vertical' | 'read-replicas' | 'sharding' | 'storage' | 'combination';
export type Confidence = 'p50' | 'p90';
export type Pricing = 'on-demand' | 'committed';

export interface Configuration {
  readonly instance: InstanceType;
  /** Read replicas beside the primary (same class). */
  readonly replicas: number;
  /** Shards (each a primary of the same class, with its replicas). */
  readonly shards: number;
  /** Storage allocated per node, GiB. */
  readonly storageGiB: number;
  /** IOPS provisioned per node above the class's baseline; 0 = the class's own limit. */
  readonly provisionedIops: number;
}

export interface ScalingAction {
  /** Month index from the start of the horizon (0 = now). */
  readonly month: number;
  readonly atMs: number;
  /** "Move to mem.4xlarge", "Add a read replica", "Split into 4 shards", "Grow storage to 2 700 GiB". */
  readonly description: string;
}

/** The forecast load of one resource on the current system, per month of the horizon. */
export interface ResourceProjection {
  readonly id: string;
  readonly label: string;
  readonly kind: ResourceKind;
  readonly unit: string;
  readonly artificial: boolean;
  readonly targetPct: number;
  /** A capacity the user fixed (a pool size), kept whatever the instance; null follows the instance. */
  readonly fixedCapacity: number | null;
  /** Peak load per month at the chosen confidence (the forecast's daily statistic; P90 = the 80 % band's top). */
  readonly monthlyPeak: readonly number[];
  /** Load today (the window's statistic). */
  readonly current: number;
}

/** What the workload looks like, for replicas and shards. */
export interface WorkloadShape {
  /** Share of CPU/time spent on reads (query mix: read share of execution time). */
  readonly readShareOfWork: number;
  /** Share of IOPS from reads. */
  readonly readShareOfIops: number;
  /** Peak throughput per month (requests/s), for cost per 1 000 QPS; empty when unknown. */
  readonly monthlyPeakQps: readonly number[];
  /** USL coefficients for sharding efficiency (nodes); undefined: assume `shardingOverhead` only. */
  readonly usl: { readonly sigma: number; readonly kappa: number } | undefined;
  /** Extra load per shard from cross-shard work (fraction, e.g. 0.1). */
  readonly shardingOverhead: number;
}

export interface ScalingInputs {
  readonly months: number;
  /** Month starts, epoch ms, length `months`. */
  readonly monthStartsMs: readonly number[];
  readonly current: Configuration;
  readonly catalog: readonly InstanceType[];
  readonly resources: readonly ResourceProjection[];
  readonly shape: WorkloadShape;
  readonly pricing: Pricing;
  /** Months ahead an action is taken before the month it is needed (lead time), default 1. */
  readonly leadMonths: number;
}

export interface ResourceVerdict {
  readonly id: string;
  readonly label: string;
  /** Highest load ÷ threshold over the horizon on the worst node (≤ 1 is within target). */
  readonly worstUse: number;
  /** First month (index) over the target; null when never. */
  readonly firstBreachMonth: number | null;
}

export interface ScalingOption {
  readonly name: string;
  readonly kind: OptionKind;
  readonly actions: readonly ScalingAction[];
  readonly monthlyCost: readonly number[];
  readonly totalCost: number;
  readonly feasible: boolean;
  /** The last day every target is met (the horizon's end when feasible). */
  readonly meetsTargetsThroughMs: number;
  readonly resources: readonly ResourceVerdict[];
  /** Cost per month per 1 000 requests/s at the horizon's peak; null without a throughput series. */
  readonly costPer1000QpsAtPeak: number | null;
  /** Why it fails, or its caveats (replication lag, migration effort). */
  readonly notes: readonly string[];
  readonly currency: string;
}
