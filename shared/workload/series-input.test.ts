import { describe, expect, it } from 'vitest';
import { checkSeries, medianIntervalMs } from './series-input.js';
import { WorkloadError } from './workload-error.js';

describe('checkSeries', () => {
  it('returns the number of points of a valid series, ties allowed', () => {
    expect(checkSeries([0, 60_000], [1, 2])).toBe(2);
    expect(checkSeries([0, 0, 5], [1, 2, 3])).toBe(3);
    expect(checkSeries(Float64Array.of(1), Float64Array.of(-4))).toBe(1);
    expect(checkSeries([], [], true)).toBe(0);
  });

  it('names the problem and the index', () => {
    expect(() => checkSeries([], [])).toThrow(new WorkloadError('the series has no points'));
    expect(() => checkSeries([1, 2], [1])).toThrow('times and values differ in length (2 times, 1 values)');
    expect(() => checkSeries([0, Number.NaN], [1, 2])).toThrow('times[1] is not a finite time (NaN)');
    expect(() => checkSeries([0, 1], [1, Number.POSITIVE_INFINITY])).toThrow('values[1] is not a finite number (Infinity)');
    expect(() => checkSeries([0, 10, 5], [1, 2, 3])).toThrow('times must be sorted ascending: times[2] = 5 comes before times[1] = 10');
  });

  it('throws WorkloadError, not a generic error', () => {
    try {
      checkSeries([1], [Number.NaN]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkloadError);
      expect((error as WorkloadError).name).toBe('WorkloadError');
    }
  });
});

describe('medianIntervalMs', () => {
  it('is robust to a gap and ignores repeated times', () => {
    expect(medianIntervalMs([0, 300_000, 600_000, 3_600_000])).toBe(300_000);
    expect(medianIntervalMs([0, 0, 60_000, 60_000, 120_000])).toBe(60_000);
  });

  it('is undefined below two distinct times', () => {
    expect(medianIntervalMs([])).toBeUndefined();
    expect(medianIntervalMs([5])).toBeUndefined();
    expect(medianIntervalMs([5, 5, 5])).toBeUndefined();
  });

  it('samples long series and still finds the step', () => {
    const times = Float64Array.from({ length: 100_001 }, (_, i) => i * 300_000 + (i % 1000 === 0 ? 7 : 0));
    expect(medianIntervalMs(times)).toBe(300_000);
  });
});
