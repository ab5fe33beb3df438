import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAD_TO_SIGMA, MEAN_AD_TO_SIGMA, mean, median, medianInPlace, quantileSorted, robustScale, rollingMedian, sortedCopy } from './robust-statistics.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('matches R quantile(type = 7)', () => {
    // R: quantile(1:10, c(0.1, 0.25, 0.5, 0.9)) → 1.90 3.25 5.50 9.10. By hand: h = 9p,
    // so p = 0.1 → 1 + 0.9 = 1.9; p = 0.25 → 3 + 0.25 = 3.25; p = 0.9 → 9 + 0.1 = 9.1.
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileSorted(x, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(x, 0.5)).toBe(5.5);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(9.1, 12);
    // R: quantile(c(1, 2, 3, 4), 0.95) → 3.85 (h = 2.85: 3 + 0.85·1).
    expect(quantileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
  });

  it('returns the extremes at p = 0 and p = 1, and the value of a single point', () => {
    expect(quantileSorted([2, 5, 9], 0)).toBe(2);
    expect(quantileSorted([2, 5, 9], 1)).toBe(9);
    expect(quantileSorted([7], 0.99)).toBe(7);
  });

  it('refuses no values and a probability outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(/probability outside \[0, 1\]: 1.5/);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(RangeError);
  });

  it('is monotone in p and stays within its neighbours (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p, q) => {
        const sorted = sortedCopy(values);
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = quantileSorted(sorted, lo);
        const b = quantileSorted(sorted, hi);
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(sorted[0]!);
        expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3, 100])).toBe(4);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([-1])).toBe(-1);
    expect(median([2, 2, 2, 2])).toBe(2);
  });

  it('does not reorder its input', () => {
    const x = [3, 1, 2];
    median(x);
    expect(x).toEqual([3, 1, 2]);
  });

  it('medianInPlace uses only the first `size` values', () => {
    expect(medianInPlace(Float64Array.of(3, 1, 2, 9), 3)).toBe(2);
    expect(medianInPlace(Float64Array.of(4, 1, 100, -100), 2)).toBe(2.5);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/a median of no values/);
  });

  it('equals the type-7 quantile at ½ of the sorted values (property; quickselect vs sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(finite, fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 200 }), (values) => {
        expect(median(values)).toBe(quantileSorted(sortedCopy(values), 0.5));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('stays fast on sorted and constant inputs (median-of-three pivot)', () => {
    const sorted = Float64Array.from({ length: 200_000 }, (_, i) => i);
    const constant = new Float64Array(200_000).fill(4);
    expect(median(sorted)).toBe(99_999.5);
    expect(median(constant)).toBe(4);
  });
});

describe('robustScale (1.4826·MAD)', () => {
  it('matches R mad()', () => {
    // The consistency constant is 1/Φ⁻¹(¾) = 1.482602218…, which R rounds to 1.4826.
    expect(MAD_TO_SIGMA).toBeCloseTo(1.4826, 4);
    // R: mad(c(1, 2, 3, 4, 100)) → 1.4826 (median 3, |deviations| 2 1 0 1 97, their median 1).
    expect(robustScale([1, 2, 3, 4, 100], 3)).toBeCloseTo(1.4826, 4);
    // R: mad(c(1:9, 100)) → 3.7065 (median 5.5, median |deviation| 2.5).
    expect(robustScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 5.5)).toBeCloseTo(3.7065, 4);
  });

  it('falls back to 1.2533 × the mean absolute deviation when more than half the values equal the centre', () => {
    // |deviations| 0 0 0 0 10 → MAD 0; mean |deviation| 2 → 2·√(π/2).
    expect(robustScale([5, 5, 5, 5, 15], 5)).toBeCloseTo(2 * MEAN_AD_TO_SIGMA, 12);
    expect(MEAN_AD_TO_SIGMA).toBeCloseTo(Math.sqrt(Math.PI / 2), 15);
  });

  it('is 0 for a constant sample and refuses no values', () => {
    expect(robustScale([3, 3, 3], 3)).toBe(0);
    expect(() => robustScale([], 0)).toThrow(RangeError);
  });

  it('is unchanged by a shift of sample and centre together, and scales with them (property)', () => {
    fc.assert(
      // Integers, so that the shift is exact and only the statistic is under test.
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: -1000, max: 1000 }), (values, shift) => {
        const c = median(values);
        const base = robustScale(values, c);
        expect(robustScale(values.map((v) => v + shift), c + shift)).toBeCloseTo(base, 9);
        expect(robustScale(values.map((v) => 3 * v), 3 * c)).toBeCloseTo(3 * base, 9);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('mean', () => {
  it('is the arithmetic mean and refuses no values', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe('rollingMedian', () => {
  it('matches its hand-computed examples (windows clipped at the ends)', () => {
    expect(Array.from(rollingMedian([1, 9, 2, 8, 3], 1))).toEqual([5, 2, 8, 3, 5.5]);
    expect(Array.from(rollingMedian([1, 2, 3, 4, 5], 1, true))).toEqual([2, 2, 3, 4, 4]);
  });

  it('returns the series itself for half-width 0, and x[i] when its window holds only x[i]', () => {
    expect(Array.from(rollingMedian([4, 1, 7], 0))).toEqual([4, 1, 7]);
    expect(Array.from(rollingMedian([4, 1, 7], 0, true))).toEqual([4, 1, 7]);
    expect(Array.from(rollingMedian([6], 5, true))).toEqual([6]);
    expect(Array.from(rollingMedian([], 3))).toEqual([]);
  });

  it('refuses a half-width that is not a non-negative integer', () => {
    expect(() => rollingMedian([1, 2], -1)).toThrow(/non-negative integer, got -1/);
    expect(() => rollingMedian([1, 2], 1.5)).toThrow(RangeError);
  });

  it('equals the median of each clipped window computed naively (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (values, half, exclude) => {
        const got = rollingMedian(values, half, exclude);
        values.forEach((_, i) => {
          const window: number[] = [];
          for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) if (!(exclude && j === i)) window.push(values[j]!);
          const expected = window.length === 0 ? values[i]! : median(window);
          expect(got[i]).toBe(expected);
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
