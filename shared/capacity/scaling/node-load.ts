import type { Configuration, ResourceProjection, WorkloadShape } from './scaling-types.js';

/**
 * How a configuration spreads one resource's load over its nodes, relative to the
 * current single primary. Reads are balanced over the primary and its replicas; every
 * node still applies every write (the primary executes them, each replica replays them),
 * so each carries the writes plus its share of the reads — replicas cannot help a
 * write-heavy load. Shards split data and work; each does 1/N of the work, plus
 * the cross-shard overhead, divided by the USL's efficiency at N nodes
 * (1 / (1 + σ(N − 1) + κN(N − 1)) — Gunther), which is why sharding stops paying beyond
 * the USL's peak. Storage and memory are per copy: replicas do not relieve them; shards do.
 * @returns the load on the busiest node, in the resource's unit on the *current* instance's
 *   scale (CPU % is rescaled to the new instance by capacity, see evaluate-plan.ts)
 */
export function busiestNodeLoad(resource: ResourceProjection, load: number, config: Configuration, shape: WorkloadShape): number {
  const perShard = shardShare(load, config.shards, shape);
  switch (resource.kind) {
    case 'storage':
    case 'memory':
      return perShard;
    case 'cpu':
    case 'connections':
    case 'throughput':
      return withReplicas(perShard, shape.readShareOfWork, config.replicas);
    case 'iops':
      return withReplicas(perShard, shape.readShareOfIops, config.replicas);
    default:
      return perShard;
  }
}

/** Every node: all the writes plus 1/(replicas + 1) of the reads. */
export function withReplicas(load: number, readShare: number, replicas: number): number {
  if (replicas <= 0) return load;
  return load * (1 - readShare) + (load * readShare) / (replicas + 1);
}

/** One shard's part of the load, including cross-shard overhead and lost efficiency. */
export function shardShare(load: number, shards: number, shape: WorkloadShape): number {
  if (shards <= 1) return load;
  const usl = shape.usl;
  const inefficiency = usl === undefined ? 1 : 1 + usl.sigma * (shards - 1) + usl.kappa * shards * (shards - 1);
  return (load / shards) * (1 + shape.shardingOverhead) * inefficiency;
}
