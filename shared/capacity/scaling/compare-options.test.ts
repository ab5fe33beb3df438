import { describe, expect, it } from 'vitest';
import type { InstanceType } from '../../api/types.js';
import { compareScalingOptions } from './compare-options.js';
import { monthlyCost } from './evaluate-plan.js';
import { shardShare, withReplicas } from './node-load.js';
import type { ResourceProjection, ScalingInputs, WorkloadShape } from './scaling-types.js';

function instance(size: string, vcpu: number, perHour: number): InstanceType {
  return {
    provider: 'Test', instanceClass: `db.${size}`, vcpu, memoryGiB: vcpu * 8, storageType: 'ssd', maxStorageGiB: 64_000, maxIops: 1000 * vcpu, maxThroughputMiBps: 100 * vcpu,
    networkGbps: 10, maxConnections: 100 * vcpu, onDemandPerHour: perHour, committedPerHour: perHour * 0.6, storagePerGiBMonth: 0.1, iopsPerMonth: 0, currency: 'USD', priceNote: 'test', pricesAsOf: '2026-11-01',
  };
}

const small = instance('small', 4, 1);
const large = instance('large', 8, 2);
const catalog = [small, large];

/** CPU in % of the small instance, growing linearly to `end` % over 12 months. */
function cpu(end: number): ResourceProjection {
  return { id: 'cpu', label: 'CPU', kind: 'cpu', unit: '%', artificial: false, targetPct: 80, fixedCapacity: null, current: 60, monthlyPeak: Array.from({ length: 12 }, (_, m) => 60 + ((end - 60) * m) / 11) };
}

function inputs(resources: ResourceProjection[], shape: Partial<WorkloadShape> = {}): ScalingInputs {
  return {
    months: 12,
    monthStartsMs: Array.from({ length: 12 }, (_, m) => Date.UTC(2027, m, 1)),
    current: { instance: large, replicas: 0, shards: 1, storageGiB: 1000, provisionedIops: 0 },
    catalog,
    resources,
    shape: { readShareOfWork: 0.9, readShareOfIops: 0.9, monthlyPeakQps: [], usl: undefined, shardingOverhead: 0.1, ...shape },
    pricing: 'on-demand',
    leadMonths: 1,
  };
}

describe('node loads', () => {
  it('spreads reads over primary and replicas; every node applies every write', () => {
    // 90 % reads, one replica: 10 + 90/2 = 55 % of the load on each node.
    expect(withReplicas(100, 0.9, 1)).toBeCloseTo(55, 12);
    // Write-heavy (10 % reads): five replicas still leave 90 + 10/6 ≈ 91.7 %.
    expect(withReplicas(100, 0.1, 5)).toBeCloseTo(91.6667, 3);
  });

  it('stops paying beyond the USL peak when sharding a coherency-limited system', () => {
    const shape: WorkloadShape = { readShareOfWork: 0.5, readShareOfIops: 0.5, monthlyPeakQps: [], usl: { sigma: 0.05, kappa: 0.02 }, shardingOverhead: 0 };
    // N* = √((1 − σ)/κ) ≈ 6.9: 4 shards beat 2, 16 are worse than 8.
    expect(shardShare(100, 4, shape)).toBeLessThan(shardShare(100, 2, shape));
    expect(shardShare(100, 16, shape)).toBeGreaterThan(shardShare(100, 8, shape));
    // Hand-computed: 100/4 × (1 + 0.05·3 + 0.02·4·3) = 25 × 1.39 = 34.75.
    expect(shardShare(100, 4, shape)).toBeCloseTo(34.75, 10);
  });

  it('prices nodes, storage and the pricing model', () => {
    // 2 nodes × (2 $/h × 730.5 h + 1000 GiB × 0.1 $) = 3 122 $.
    expect(monthlyCost({ instance: large, replicas: 1, shards: 1, storageGiB: 1000, provisionedIops: 0 }, 'on-demand')).toBeCloseTo(3122, 6);
    expect(monthlyCost({ instance: large, replicas: 0, shards: 1, storageGiB: 0, provisionedIops: 0 }, 'committed')).toBeCloseTo(2 * 0.6 * 730.5, 6);
  });
});

describe('compareScalingOptions', () => {
  it('recommends read replicas for a read-heavy CPU-bound system already on the largest instance', () => {
    const result = compareScalingOptions(inputs([cpu(120)]));
    const byName = new Map(result.options.map((o) => [o.name, o]));
    expect(byName.get('Scale up when needed')?.feasible).toBe(false);
    expect(byName.get('Scale up when needed')?.notes[0]).toMatch(/^CPU over its target from 2027-0/);
    expect(byName.get('Add read replicas when needed')?.feasible).toBe(true);
    expect(result.recommendation.recommended).toBe('Add read replicas when needed');
    const replicas = byName.get('Add read replicas when needed');
    expect(replicas?.actions.map((a) => a.description)).toEqual(['Add a read replica']);
  });

  it('does not offer replicas as a fix for a write-heavy load', () => {
    const result = compareScalingOptions(inputs([cpu(120)], { readShareOfWork: 0.1 }));
    expect(result.options.find((o) => o.name === 'Add read replicas when needed')?.feasible).toBe(false);
    expect(result.recommendation.recommended).toBe('Shard when needed');
  });

  it('never recommends an option more expensive than a feasible alternative', () => {
    const result = compareScalingOptions({ ...inputs([cpu(70)]), current: { instance: small, replicas: 0, shards: 1, storageGiB: 1000, provisionedIops: 0 } });
    const feasible = result.options.filter((o) => o.feasible);
    const chosen = result.options.find((o) => o.name === result.recommendation.recommended);
    expect(chosen?.totalCost).toBe(Math.min(...feasible.map((o) => o.totalCost)));
    expect(result.recommendation.sensitivity.map((s) => s.growth)).toEqual(['−25 %', '+25 %']);
  });
});
