import { describe, expect, it } from 'vitest';
import { autocorrelation } from './autocorrelation.js';
import { SeededRandom } from '../random/seeded-random.js';

describe('autocorrelation', () => {
  it('matches the definition by hand', () => {
    // x̄ = 2.5, deviations −1.5 −0.5 0.5 1.5: Σd² = 5, lag 1: 0.75 − 0.25 + 0.75 = 1.25 → 0.25.
    const r = autocorrelation([1, 2, 3, 4], 2);
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(0.25, 14);
    expect(r[2]).toBeCloseTo((-1.5 * 0.5 + -0.5 * 1.5) / 5, 14);
  });

  it('gives the same values through the FFT for long series', () => {
    const random = new SeededRandom(8);
    const x = Array.from({ length: 6000 }, (_, t) => Math.sin(t / 7) + random.normal());
    const viaFft = autocorrelation(x, 1000); // 6e6 products: FFT route
    const direct = autocorrelation(x.slice(), 600); // 3.6e6: direct route
    for (let k = 0; k <= 600; k += 37) expect(viaFft[k]).toBeCloseTo(direct[k]!, 10);
  });

  it('is all zeros for a constant series', () => {
    expect(Array.from(autocorrelation([3, 3, 3, 3], 2))).toEqual([0, 0, 0]);
  });
});
