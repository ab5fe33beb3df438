import { describe, expect, it } from 'vitest';
import type { InstanceType } from '../api/types.js';
import { catalogFromCsv, catalogToCsv } from './catalog-csv.js';

const one: InstanceType = {
  provider: 'ExampleCloud', instanceClass: 'mem.2xlarge', vcpu: 8, memoryGiB: 64, storageType: 'network SSD, "gp3-like"', maxStorageGiB: 65536, maxIops: 40000, maxThroughputMiBps: 1000,
  networkGbps: 10, maxConnections: 5000, onDemandPerHour: 0.96, committedPerHour: 0.595, storagePerGiBMonth: 0.115, iopsPerMonth: 0.02, currency: 'USD', priceNote: 'sample, not a quote', pricesAsOf: '2026-11-01',
};

describe('catalog CSV', () => {
  it('round-trips, quotes included', () => {
    expect(catalogFromCsv(catalogToCsv([one]))).toEqual({ ok: true, value: [one] });
  });

  it('names the line and the column of a bad cell, a missing column, a duplicate', () => {
    const text = catalogToCsv([one]).replace(',8,64,', ',eight,64,');
    expect(catalogFromCsv(text)).toEqual({ ok: false, error: "line 2, column vcpu: 'eight' is not a number ≥ 0 — write it in digits, e.g. 4" });
    expect(catalogFromCsv('provider,instance_class\nX,y\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^line 1: the header lacks vcpu, memory_gib/) });
    const twice = catalogToCsv([one, one]);
    expect(catalogFromCsv(twice)).toMatchObject({ ok: false, error: expect.stringMatching(/^line 3: ExampleCloud mem.2xlarge appears twice/) });
    expect(catalogFromCsv('')).toMatchObject({ ok: false });
  });
});
