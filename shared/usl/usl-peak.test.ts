import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uslLimitedBy, uslPeak } from './usl-peak.js';
import { uslThroughput } from './usl-model.js';

describe('uslPeak', () => {
  it('puts Schwartz’s Cisco model at N* = 35.57, X ≈ 12,341 (refdata/usl_expected.csv lines 33–34; usl4j)', () => {
    const peak = uslPeak({ sigma: 0.02671591, kappa: 7.690945e-4, lambda: 995.6486 });
    expect(peak.peakN!).toBeCloseTo(Math.sqrt((1 - 0.02671591) / 7.690945e-4), 12);
    expect(Math.floor(peak.peakN!)).toBe(35);
    expect(Math.abs(peak.peakThroughput! / 12341 - 1)).toBeLessThan(2e-4);
    expect(peak.peakWholeN).toBe(36);
    expect(peak.peakWholeThroughput!).toBeGreaterThan(uslThroughput({ sigma: 0.02671591, kappa: 7.690945e-4, lambda: 995.6486 }, 35));
    expect(peak.throughputCeiling).toBe(peak.peakThroughput);
  });

  it('is the maximum of X over N ≥ 1 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), (sigma, kappa, lambda, n) => {
        const model = { sigma, kappa, lambda };
        const peak = uslPeak(model);
        expect(peak.peakN!).toBeGreaterThanOrEqual(1);
        expect(uslThroughput(model, n)).toBeLessThanOrEqual(peak.peakThroughput! * (1 + 1e-12));
        expect(peak.peakWholeThroughput!).toBeLessThanOrEqual(peak.peakThroughput! * (1 + 1e-12));
        expect(Number.isInteger(peak.peakWholeN)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('has no peak when κ = 0: Amdahl’s ceiling λ/σ, or none for linear scaling', () => {
    expect(uslPeak({ sigma: 0.05, kappa: 0, lambda: 100 })).toEqual({ peakN: null, peakThroughput: null, peakWholeN: null, peakWholeThroughput: null, throughputCeiling: 2000 });
    expect(uslPeak({ sigma: 0, kappa: 0, lambda: 100 }).throughputCeiling).toBeNull();
  });

  it('puts the peak at N = 1 when throughput falls from the first worker', () => {
    expect(uslPeak({ sigma: 1, kappa: 0.1, lambda: 7 })).toMatchObject({ peakN: 1, peakThroughput: 7, peakWholeN: 1 });
  });
});

describe('uslLimitedBy', () => {
  it('compares σ(N − 1) with κN(N − 1) at the given N', () => {
    const model = { sigma: 0.02, kappa: 0.001, lambda: 1 };
    expect(uslLimitedBy(model, 10)).toBe('contention');
    expect(uslLimitedBy(model, 20)).toBe('contention');
    expect(uslLimitedBy(model, 21)).toBe('coherency');
    expect(uslLimitedBy({ sigma: 0, kappa: 0, lambda: 1 }, 50)).toBe('linear');
    expect(uslLimitedBy({ sigma: 0, kappa: 1e-9, lambda: 1 }, 50)).toBe('coherency');
    expect(() => uslLimitedBy(model, 1)).toThrow(/N > 1/);
  });
});
