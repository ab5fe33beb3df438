import { defaultResources } from '../shared/capacity/default-resources.js';
import type { SystemConfig } from '../shared/capacity/system-config.js';

/**
 * The sample system: orders-db on a mem.2xlarge (8 vCPU, 64 GiB) with 1 800 GiB of
 * storage allocated, judged with the default targets, plus the PgBouncer pool as a soft
 * limit (a setting, not hardware: shown, never binding). Sized so the story is the one a
 * capacity review meets: storage binds within the year, memory follows, CPU later.
 */
export function sampleSystem(series: readonly { readonly name: string; readonly unit: string }[]): SystemConfig {
  return {
    name: 'orders-db',
    instance: { provider: 'ExampleCloud', instanceClass: 'mem.2xlarge' },
    allocatedStorageGiB: 1800,
    windowDays: 14,
    horizon: '24mo',
    resources: [
      ...defaultResources(series),
      {
        id: 'pool',
        label: 'PgBouncer pool',
        kind: 'connections',
        series: ['active_connections'],
        unit: 'count',
        capacity: 400,
        targetPct: 80,
        statistic: 'p99',
        artificial: true,
        note: 'default_pool_size × pools: a setting to raise, not a hardware limit',
      },
    ],
  };
}
