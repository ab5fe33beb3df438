import { describe, expect, it } from 'vitest';
import { uslWhatIf } from './usl-what-if.js';
import { uslThroughput } from './usl-model.js';
import { UslError } from './usl-error.js';

describe('uslWhatIf', () => {
  const base = { sigma: 0.04, kappa: 0.001, lambda: 100 };

  it('halving contention raises throughput and moves the peak out', () => {
    const result = uslWhatIf(base, { sigma: 0.02 }, [8, 16, 32]);
    expect(result.coefficients).toEqual({ sigma: 0.02, kappa: 0.001, lambda: 100 });
    expect(result.points[2]!.baseThroughput).toBeCloseTo(uslThroughput(base, 32), 12);
    expect(result.points[2]!.relativeChange).toBeCloseTo(3.232 / 2.612 - 1, 12);
    expect(result.peak.peakN!).toBeGreaterThan(result.basePeak.peakN!);
    expect(result.peak.peakThroughput!).toBeGreaterThan(result.basePeak.peakThroughput!);
  });

  it('scales with λ alone and keeps the peak N', () => {
    const result = uslWhatIf(base, { lambda: 130 }, [4, 64]);
    for (const p of result.points) expect(p.relativeChange).toBeCloseTo(0.3, 12);
    expect(result.peak.peakN).toBe(result.basePeak.peakN);
  });

  it('tells contention from coherency at the reference N', () => {
    expect(uslWhatIf(base, {}, [8]).limitedBy).toBe('contention');
    expect(uslWhatIf(base, { kappa: 0.01 }, [8]).limitedBy).toBe('coherency');
    expect(uslWhatIf(base, { sigma: 0, kappa: 0 }, [8]).limitedBy).toBe('linear');
    expect(uslWhatIf(base, {}, [8], 100).limitedBy).toBe('coherency');
  });

  it('rejects overrides that break the law', () => {
    expect(() => uslWhatIf(base, { sigma: -0.1 }, [8])).toThrow(UslError);
    expect(() => uslWhatIf(base, {}, [0])).toThrow(/concurrencies/);
  });
});
