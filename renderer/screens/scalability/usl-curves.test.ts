import { describe, expect, it } from 'vitest';
import { roundTicks, uslRows } from './usl-curves.js';

const base = { sigma: 0.03, kappa: 0.0004, lambda: 900 };
const points = [1, 2, 4, 8, 16, 32, 64, 128].map((n) => ({ concurrency: n, throughput: (900 * n) / (1 + 0.03 * (n - 1) + 0.0004 * n * (n - 1)), latencyMs: n === 4 ? null : 1 }));

describe('USL chart rows', () => {
  it('spans the measurements and the peak, with R(N) = N/X(N) and the measurements on their N', () => {
    const rows = uslRows(points, base, undefined, [Math.sqrt(0.97 / 0.0004)]);
    expect(rows).toHaveLength(120 + points.length);
    expect(rows[0]?.n).toBe(1);
    expect(rows[rows.length - 1]?.n).toBeCloseTo(160, 6);
    const at8 = rows.find((r) => r.measured !== undefined && r.n === 8);
    expect(at8?.fittedMs).toBeCloseTo((8 / (at8?.fitted ?? 0)) * 1000, 9);
    expect(rows.find((r) => r.n === 4 && r.measured !== undefined)?.measuredMs).toBeUndefined();
    expect(rows.every((r) => r.whatIf === undefined)).toBe(true);
  });

  it('adds the what-if curve and caps the range when the what-if has no peak', () => {
    const rows = uslRows(points, base, { ...base, kappa: 0 }, [49, null]);
    expect(rows[rows.length - 1]?.n).toBeCloseTo(160, 6);
    expect(rows.every((r) => r.whatIf !== undefined && Number.isFinite(r.whatIfMs))).toBe(true);
    expect(uslRows(points, base, undefined, [1e6])[120 + points.length - 1]?.n).toBe(2560);
  });

  it('puts axis ticks on round numbers, the last at or above the top', () => {
    expect(roundTicks(160)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160]);
    expect(roundTicks(14_300, 5)).toEqual([0, 5000, 10_000, 15_000]);
    expect(roundTicks(3.96, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(roundTicks(Number.NaN)).toEqual([0]);
  });
});
