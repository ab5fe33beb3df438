import { describe, expect, it } from 'vitest';
import type { InstanceType } from '../api/types.js';
import { defaultResources, defaultSystemConfig, resourceCapacity } from './default-resources.js';

const instance: InstanceType = {
  provider: 'X', instanceClass: 'mem.2xlarge', vcpu: 8, memoryGiB: 64, storageType: 'ssd', maxStorageGiB: 65536, maxIops: 40000, maxThroughputMiBps: 1000,
  networkGbps: 10, maxConnections: 5000, onDemandPerHour: 1, committedPerHour: 0.6, storagePerGiBMonth: 0.1, iopsPerMonth: 0.02, currency: 'USD', priceNote: '', pricesAsOf: '2026-11-01',
};

describe('default resources', () => {
  const series = [
    { name: 'cpu_pct', unit: '%' },
    { name: 'memory_used_gib', unit: 'GiB' },
    { name: 'storage_used_gib', unit: 'GiB' },
    { name: 'read_iops', unit: 'IOPS' },
    { name: 'write_iops', unit: 'IOPS' },
    { name: 'active_connections', unit: 'count' },
    { name: 'queries.read_per_s', unit: 'QPS' },
  ];

  it('finds CPU, memory, storage, IOPS (read + write) and connections with documented targets', () => {
    const resources = defaultResources(series);
    expect(resources.map((r) => [r.id, r.series, r.targetPct, r.statistic])).toEqual([
      ['cpu', ['cpu_pct'], 80, 'p95'],
      ['memory', ['memory_used_gib'], 90, 'max'],
      ['storage', ['storage_used_gib'], 80, 'max'],
      ['iops', ['read_iops', 'write_iops'], 80, 'p95'],
      ['connections', ['active_connections'], 80, 'p99'],
    ]);
    expect(resources.every((r) => r.note.length > 10)).toBe(true);
  });

  it('takes capacities from the instance, storage from the allocation, in the resource’s unit', () => {
    const config = { ...defaultSystemConfig('db', series, instance), allocatedStorageGiB: 1800 };
    const capacity = (id: string): number | undefined => resourceCapacity(config.resources.find((r) => r.id === id) ?? config.resources[0]!, config, instance);
    expect([capacity('cpu'), capacity('memory'), capacity('storage'), capacity('iops'), capacity('connections')]).toEqual([100, 64, 1800, 40000, 5000]);
    const mib = { ...config.resources[1]!, unit: 'MiB' };
    expect(resourceCapacity(mib, config, instance)).toBe(65536);
    expect(resourceCapacity(config.resources[3]!, config, undefined)).toBeUndefined();
  });
});
