import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('repeats its stream for the same seed, and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('draws uniform [0,1) and standard normal deviates with the right moments', () => {
    const random = new SeededRandom(7);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let normalSum = 0;
    let normalSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      sumSquares += u * u;
      const z = random.normal();
      normalSum += z;
      normalSquares += z * z;
    }
    // Uniform(0,1): mean 1/2, variance 1/12; N(0,1): mean 0, variance 1. Tolerances ≈ 5 standard errors.
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSquares / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    expect(Math.abs(normalSum / n)).toBeLessThan(0.012);
    expect(normalSquares / n).toBeCloseTo(1, 1);
  });
});
