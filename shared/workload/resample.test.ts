import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, imputeGaps, resample } from './resample.js';
import { WorkloadError } from './workload-error.js';

/** Sorted integer times (ms) with values, ties allowed. */
const series = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 200 })
  .map((points) => {
    points.sort((a, b) => a[0] - b[0]);
    return { times: points.map((p) => p[0]), values: points.map((p) => p[1]) };
  });

describe('resample', () => {
  it('aggregates into buckets from the epoch and leaves empty buckets null', () => {
    const r = resample([0, 60_000, 240_000], [1, 3, 5], { stepMs: 120_000 });
    expect(r).toEqual({ stepMs: 120_000, aggregation: 'mean', times: [0, 120_000, 240_000], values: [2, null, 5], counts: [2, 0, 1], gaps: [1] });
  });

  it('computes each aggregation by hand', () => {
    const times = [0, 1, 2, 3, 10];
    const values = [4, 1, 3, 2, 7];
    const step = { stepMs: 10 };
    expect(resample(times, values, { ...step, aggregation: 'max' }).values).toEqual([4, 7]);
    expect(resample(times, values, { ...step, aggregation: 'min' }).values).toEqual([1, 7]);
    expect(resample(times, values, { ...step, aggregation: 'sum' }).values).toEqual([10, 7]);
    // Type 7 P95 of 1 2 3 4: h = 2.85 → 3.85.
    expect(resample(times, values, { ...step, aggregation: 'p95' }).values[0]).toBeCloseTo(3.85, 12);
    expect(resample(times, values, { ...step, aggregation: 'mean' }).values).toEqual([2.5, 7]);
  });

  it('aligns buckets to the origin and honours an explicit range (whole buckets)', () => {
    const r = resample([5, 15, 25], [1, 2, 3], { stepMs: 10, originMs: 5 });
    expect(r.times).toEqual([5, 15, 25]);
    expect(r.values).toEqual([1, 2, 3]);
    const ranged = resample([5, 15, 25, 35], [1, 2, 3, 4], { stepMs: 10, startMs: 10, endMs: 30 });
    // Buckets [10, 20) and [20, 30): the points at 5 and 35 are outside and dropped.
    expect(ranged.times).toEqual([10, 20]);
    expect(ranged.values).toEqual([2, 3]);
    const wider = resample([15], [2], { stepMs: 10, startMs: 0, endMs: 40 });
    expect(wider.values).toEqual([null, 2, null, null]);
    expect(wider.gaps).toEqual([0, 2, 3]);
    // A range boundary inside a bucket keeps that whole bucket.
    expect(resample([12, 18], [1, 3], { stepMs: 10, startMs: 15, endMs: 16 }).values).toEqual([2]);
  });

  it('handles one point, repeated times and negative times', () => {
    expect(resample([7], [3], { stepMs: 10 }).values).toEqual([3]);
    expect(resample([0, 0, 0], [1, 2, 6], { stepMs: 10 }).values).toEqual([3]);
    const before = resample([-15, -5], [1, 2], { stepMs: 10 });
    expect(before.times).toEqual([-20, -10]);
    expect(before.values).toEqual([1, 2]);
  });

  it('explains bad input', () => {
    expect(() => resample([], [], { stepMs: 10 })).toThrow(new WorkloadError('the series has no points'));
    expect(() => resample([0], [1], { stepMs: 0 })).toThrow('the resampling step must be a positive number of ms, got 0');
    expect(() => resample([0], [1], { stepMs: Number.NaN })).toThrow(/positive number of ms, got NaN/);
    expect(() => resample([0], [1], { stepMs: 10, originMs: Number.POSITIVE_INFINITY })).toThrow(/origin must be finite/);
    expect(() => resample([0], [1], { stepMs: 10, startMs: 20, endMs: 20 })).toThrow(/endMs \(20\) is not after startMs \(20\)/);
    // Inside one bucket, a reversed range would round to a bucket; it is refused instead.
    expect(() => resample([0], [1], { stepMs: 100, startMs: 10, endMs: 5 })).toThrow(/not after startMs/);
    expect(() => resample([0], [1], { stepMs: 10, startMs: Number.NaN })).toThrow('startMs must be a finite time, got NaN');
    expect(() => resample([0, 10], [1, 2], { stepMs: 10, startMs: 50 })).toThrow(/range is empty/);
    expect(() => resample([0, 1e12], [1, 2], { stepMs: 1 })).toThrow(new RegExp(`is more than ${MAX_BUCKETS}; choose a longer step`));
  });

  it('conserves sums with "sum" and counts every point once (property)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 7, max: 700 }), fc.integer({ min: -500, max: 500 }), ({ times, values }, stepMs, originMs) => {
        const r = resample(times, values, { stepMs, originMs, aggregation: 'sum' });
        const total = values.reduce((a, b) => a + b, 0);
        const bucketTotal = r.values.reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(bucketTotal).toBe(total);
        expect(r.counts.reduce((a, b) => a + b, 0)).toBe(times.length);
        // Gaps are exactly the empty buckets, and only they are null.
        expect(r.gaps).toEqual(r.counts.flatMap((c, k) => (c === 0 ? [k] : [])));
        expect(r.values.every((v, k) => (v === null) === (r.counts[k] === 0))).toBe(true);
        // Every bucket is one step long and the grid covers the data.
        expect(r.times.every((t, k) => k === 0 || t - r.times[k - 1]! === stepMs)).toBe(true);
        expect(r.times[0]!).toBeLessThanOrEqual(times[0]!);
        expect(r.times[r.times.length - 1]! + stepMs).toBeGreaterThan(times[times.length - 1]!);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('keeps min ≤ mean ≤ max and min ≤ p95 ≤ max in every bucket (property)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 700 }), ({ times, values }, stepMs) => {
        const of = (aggregation: 'min' | 'mean' | 'max' | 'p95'): (number | null)[] => resample(times, values, { stepMs, aggregation }).values;
        const [lo, mid, hi, p95] = [of('min'), of('mean'), of('max'), of('p95')];
        lo.forEach((v, k) => {
          if (v === null) return;
          expect(mid[k]!).toBeGreaterThanOrEqual(v - 1e-9);
          expect(mid[k]!).toBeLessThanOrEqual(hi[k]! + 1e-9);
          expect(p95[k]!).toBeGreaterThanOrEqual(v);
          expect(p95[k]!).toBeLessThanOrEqual(hi[k]!);
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('imputeGaps', () => {
  it('interpolates linearly and repeats the edge values', () => {
    expect(imputeGaps([1, null, 3], 'linear')).toEqual({ method: 'linear', values: [1, 2, 3], imputed: [1] });
    expect(imputeGaps([null, null, 4, null, null, 10, null], 'linear').values).toEqual([4, 4, 4, 6, 8, 10, 10]);
    expect(imputeGaps([5], 'linear').values).toEqual([5]);
    expect(imputeGaps([null, 5], 'linear').values).toEqual([5, 5]);
  });

  it("leaves everything as it is with 'none'", () => {
    const input = [1, null, 3];
    const out = imputeGaps(input, 'none');
    expect(out).toEqual({ method: 'none', values: [1, null, 3], imputed: [] });
    expect(out.values).not.toBe(input);
    expect(imputeGaps([], 'none').values).toEqual([]);
  });

  it('fills a gap over a daily peak with a peak (seasonal)', () => {
    // Four "days" of 4 buckets with a peak at phase 2 on a rising level; day 3's peak is missing.
    const day = [0, 5, 20, 5];
    const values: (number | null)[] = Array.from({ length: 16 }, (_, i) => 100 + i + day[i % 4]!);
    values[10] = null;
    const linear = imputeGaps(values, 'linear').values[10]!;
    const seasonal = imputeGaps(values, 'seasonal', 4).values[10]!;
    expect(linear).toBeCloseTo((values[9]! + values[11]!) / 2, 12); // 115: no peak
    // Truth 110 + 20 = 130; one pass of decomposition (as forecast::na.interp does) gets
    // within a percent: the level under the gap is itself estimated from the linear fill.
    expect(seasonal).toBeGreaterThan(128.5);
    expect(seasonal).toBeLessThan(131.5);
  });

  it('refuses what it cannot fill', () => {
    expect(() => imputeGaps([null, null], 'linear')).toThrow('every bucket is empty: there is nothing to impute from');
    expect(() => imputeGaps([], 'seasonal', 2)).toThrow('nothing to impute: the series is empty');
    expect(() => imputeGaps([1, null], 'seasonal')).toThrow('seasonal imputation needs a period of at least 2 buckets, got undefined');
    expect(() => imputeGaps([1, null], 'seasonal', 1)).toThrow(WorkloadError);
    expect(() => imputeGaps([1, null], 'seasonal', 2.5)).toThrow(WorkloadError);
  });

  it('never changes an observed value and fills exactly the gaps (property)', () => {
    const withGaps = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 3 }), { minLength: 1, maxLength: 120 }).filter((v) => v.some((x) => x !== null));
    fc.assert(
      fc.property(withGaps, fc.integer({ min: 2, max: 30 }), fc.constantFrom('linear' as const, 'seasonal' as const), (values, period, method) => {
        const out = imputeGaps(values, method, period);
        expect(out.imputed).toEqual(values.flatMap((v, i) => (v === null ? [i] : [])));
        expect(out.values).toHaveLength(values.length);
        out.values.forEach((v, i) => {
          expect(Number.isFinite(v)).toBe(true);
          if (values[i] !== null) expect(v).toBe(values[i]);
        });
        if (method === 'linear') {
          // Linear fills stay within the observed range.
          const known = values.filter((v): v is number => v !== null);
          out.values.forEach((v) => {
            expect(v).toBeGreaterThanOrEqual(Math.min(...known));
            expect(v).toBeLessThanOrEqual(Math.max(...known));
          });
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
