/**
 * What Headroom knows about a system: the instance it runs on (from the workspace's
 * instance catalog) and, per resource, which series measure it, its capacity, the
 * utilisation target it is judged against, and which statistic of the load counts.
 * Stored in the workspace and editable; defaults come from default-resources.ts.
 */

export type ResourceKind = 'cpu' | 'memory' | 'storage' | 'iops' | 'throughput' | 'connections' | 'other';

/**
 * The load statistic a resource is judged on: a high percentile or the maximum of the
 * raw points over the window (current peak), and the same statistic per day for the
 * forecast — except p99, forecast on daily maxima (the resampler's peaks), which is the
 * more cautious choice.
 */
export type PeakStatistic = 'p95' | 'p99' | 'max' | 'mean';

export interface ResourceConfig {
  /** Stable key, e.g. 'cpu', 'storage'. */
  readonly id: string;
  readonly label: string;
  readonly kind: ResourceKind;
  /** Series whose sum is the resource's load (read_iops + write_iops). */
  readonly series: readonly string[];
  /** Unit of the load and the capacity. */
  readonly unit: string;
  /** Capacity in `unit`; null takes it from the instance (kind decides which field). */
  readonly capacity: number | null;
  /** The threshold as a percentage of capacity (e.g. 80). */
  readonly targetPct: number;
  readonly statistic: PeakStatistic;
  /** A soft limit (a pool size, a cache that fills by design): shown, but never binding. */
  readonly artificial: boolean;
  /** Why this target, in a sentence (shown beside it). */
  readonly note: string;
}

export interface SystemConfig {
  readonly name: string;
  /** The instance from the catalog; null when not chosen (capacities must then be given). */
  readonly instance: { readonly provider: string; readonly instanceClass: string } | null;
  /** Storage allocated to the database (GiB); null uses the instance's maximum. */
  readonly allocatedStorageGiB: number | null;
  /** Days of recent history the current peak is taken over. */
  readonly windowDays: number;
  /** How far runway looks ahead, e.g. '24mo'. */
  readonly horizon: string;
  readonly resources: readonly ResourceConfig[];
}
