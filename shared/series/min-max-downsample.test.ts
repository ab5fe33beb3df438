import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minMaxDownsample } from './min-max-downsample.js';

describe('minMaxDownsample', () => {
  it('keeps the extremes of every pixel in time order', () => {
    const result = minMaxDownsample([0, 1, 2, 3], [5, 1, 9, 2], 0, 3, 1, Infinity);
    expect(result).toEqual({ t: [1, 2], v: [1, 9] });
  });

  it('breaks the line at gaps longer than the threshold', () => {
    const result = minMaxDownsample([0, 1, 10, 11], [1, 1, 2, 2], 0, 11, 11, 3);
    expect(result.v).toContain(null);
  });

  it('returns at most two points per pixel and never loses a global extreme (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer(),
        (rawTimes, buckets, seed) => {
          const times = [...rawTimes].sort((a, b) => a - b);
          const values = times.map((t, i) => Math.sin(t * 0.001 + seed) * 100 + (i % 7));
          const from = times[0] as number;
          const to = (times[times.length - 1] as number) + 1;
          const result = minMaxDownsample(times, values, from, to, buckets, Infinity);
          expect(result.t.length).toBeLessThanOrEqual(2 * buckets);
          const shown = result.v.filter((v): v is number => v !== null);
          expect(Math.max(...shown)).toBe(Math.max(...values));
          expect(Math.min(...shown)).toBe(Math.min(...values));
          for (let i = 1; i < result.t.length; i++) expect(result.t[i] as number).toBeGreaterThanOrEqual(result.t[i - 1] as number);
        },
      ),
      { seed: 3, numRuns: 400 },
    );
  });

  it('refuses an empty window', () => {
    expect(() => minMaxDownsample([], [], 5, 5, 10, 1)).toThrow(RangeError);
  });
});
