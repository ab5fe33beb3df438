import { describe, expect, it } from 'vitest';
import { unitFromHeader } from './unit-hints.js';
import { findUnit } from './unit-catalog.js';

describe('unitFromHeader', () => {
  it('reads the suffixes the issue names', () => {
    expect(unitFromHeader('cpu_pct')).toBe('%');
    expect(unitFromHeader('storage_gib')).toBe('GiB');
    expect(unitFromHeader('latency_ms')).toBe('ms');
  });
  it('reads other common forms', () => {
    expect(unitFromHeader('read_iops')).toBe('IOPS');
    expect(unitFromHeader('write-qps')).toBe('QPS');
    expect(unitFromHeader('replication_lag_s')).toBe('s');
    expect(unitFromHeader('active_connections')).toBe('count');
    expect(unitFromHeader('Storage used (GiB)')).toBe('GiB');
    expect(unitFromHeader('latency[ms]')).toBe('ms');
    expect(unitFromHeader('disk.bytes')).toBe('B');
  });
  it('says nothing when there is no hint', () => {
    expect(unitFromHeader('cpu')).toBeUndefined();
    expect(unitFromHeader('load_average')).toBeUndefined();
  });
});

describe('findUnit', () => {
  it('finds units case-insensitively and knows their dimension', () => {
    expect(findUnit('gib')?.id).toBe('GiB');
    expect(findUnit('GiB')?.factor).toBe(1024 ** 3);
    expect(findUnit('ms')?.dimension).toBe('time');
    expect(findUnit('furlongs')).toBeUndefined();
  });
});
