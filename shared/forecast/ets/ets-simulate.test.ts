import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileType8, selectQuantileType8, simulateEtsQuantiles } from './ets-simulate.js';
import type { EtsSpec } from './ets-spec.js';

describe('quantileType8', () => {
  it("matches R's quantile(1:10, c(0.1, 0.5, 0.9), type = 8)", () => {
    // Hyndman & Fan (1996) definition 8: position (n + 1/3)p + 1/3 → 1.3667, 5.5, 9.6333.
    const sorted = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileType8(sorted, 0.1)).toBeCloseTo(1 + 1 / 3 + 1 / 30, 12);
    expect(quantileType8(sorted, 0.5)).toBe(5.5);
    expect(quantileType8(sorted, 0.9)).toBeCloseTo(9 + 2 / 3 - 1 / 30, 12);
    expect(quantileType8(sorted, 0.001)).toBe(1);
    expect(quantileType8(sorted, 0.999)).toBe(10);
  });

  it('gives exactly the same value by selection as after sorting (property, with ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (ints, p) => {
        const values = Float64Array.from(ints, (v) => v / 4);
        const sorted = Float64Array.from(values).sort();
        expect(selectQuantileType8(values, p)).toBe(quantileType8(sorted, p));
      }),
      { seed: 3, numRuns: 1000 },
    );
    expect(selectQuantileType8(Float64Array.of(4, 1, 3, 2), 0.5)).toBe(2.5);
    expect(selectQuantileType8(Float64Array.of(1, Number.NaN, 3), 0.5)).toBe(quantileType8(Float64Array.of(1, 3, Number.NaN), 0.5));
  });
});

describe('simulateEtsQuantiles', () => {
  const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N', period: 1 };
  const params = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
  const states = { level: 100, trend: 0, seasonal: [] };

  it('is reproducible from its seed, and changes with it', () => {
    const a = simulateEtsQuantiles(spec, params, states, 0.05, 5, [0.1, 0.9], { seed: 1, paths: 500 });
    const b = simulateEtsQuantiles(spec, params, states, 0.05, 5, [0.1, 0.9], { seed: 1, paths: 500 });
    const c = simulateEtsQuantiles(spec, params, states, 0.05, 5, [0.1, 0.9], { seed: 2, paths: 500 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reproduces the exact distribution of ETS(M,N,N) one and two steps ahead', () => {
    // y₁ = ℓ(1 + ε₁) is N(ℓ, (σℓ)²); y₂ = ℓ(1 + αε₁)(1 + ε₂) has variance ℓ²[(1 + α²σ²)(1 + σ²) − 1].
    const sigma = 0.05;
    const [q16, q84] = simulateEtsQuantiles(spec, params, states, sigma, 2, [0.158655, 0.841345], { seed: 9, paths: 100_000 });
    expect((q84![0]! - q16![0]!) / 2).toBeCloseTo(100 * sigma, 1);
    const sd2 = 100 * Math.sqrt((1 + 0.25 * sigma * sigma) * (1 + sigma * sigma) - 1);
    expect(Math.abs((q84![1]! - q16![1]!) / 2 / sd2 - 1)).toBeLessThan(0.02);
  });

  it('collapses to the point forecast when σ = 0', () => {
    const seasonal: EtsSpec = { error: 'M', trend: 'Ad', season: 'M', period: 3 };
    const out = simulateEtsQuantiles(seasonal, { alpha: 0.3, beta: 0.1, gamma: 0.1, phi: 0.9 }, { level: 10, trend: 1, seasonal: [0.5, 1, 1.5] }, 0, 4, [0.025, 0.975], { seed: 1, paths: 10 });
    // (10 + φ_h)·s with φ_h = 0.9, 1.71, 2.439, 3.0951 and s cycling 1.5, 1, 0.5, 1.5.
    const expected = [10.9 * 1.5, 11.71, 12.439 * 0.5, 13.0951 * 1.5];
    for (const q of out) Array.from(q).forEach((v, h) => expect(v).toBeCloseTo(expected[h]!, 9));
  });

  it('refuses nonsense', () => {
    expect(() => simulateEtsQuantiles(spec, params, states, -1, 2, [0.5], { seed: 1 })).toThrow(RangeError);
    expect(() => simulateEtsQuantiles(spec, params, states, 0.1, 2, [0.5], { seed: 1, paths: 1 })).toThrow(RangeError);
  });
});
