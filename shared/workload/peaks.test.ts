import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import { analysePeaks, busiestWindows, hourOfWeekPercentiles, peakPeriods, peakToAverage } from './peaks.js';
import { syntheticWorkload } from './synthetic-workload.fixture.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from './utc-calendar.js';

const MONDAY = Date.UTC(2026, 3, 13);

describe('hourOfWeekPercentiles', () => {
  it('computes type-7 percentiles per hour of the week (hand-computed)', () => {
    // Monday 09:00–10:00 holds 1, 2, 3, 4 (minutes 0, 15, 30, 45): P50 2.5, P95 3.85, P99 3.97.
    const times = [0, 15, 30, 45].map((m) => MONDAY + 9 * HOUR_MS + m * MINUTE_MS);
    const cells = hourOfWeekPercentiles(times, [4, 2, 1, 3]);
    expect(cells).toHaveLength(168);
    const cell = cells[9]!;
    expect(cell).toMatchObject({ hourOfWeek: 9, label: 'Mon 09:00', count: 4, mean: 2.5, p50: 2.5, max: 4 });
    expect(cell.p95).toBeCloseTo(3.85, 12);
    expect(cell.p99).toBeCloseTo(3.97, 12);
    expect(cells[10]).toEqual({ hourOfWeek: 10, label: 'Mon 10:00', count: 0, mean: null, p50: null, p95: null, p99: null, max: null });
  });

  it('pools the same hour of different weeks, and puts Sunday 23:00 last', () => {
    const cells = hourOfWeekPercentiles([MONDAY + 6 * DAY_MS + 23 * HOUR_MS, MONDAY + WEEK_MS + 6 * DAY_MS + 23 * HOUR_MS], [1, 3]);
    expect(cells[167]).toMatchObject({ label: 'Sun 23:00', count: 2, p50: 2, max: 3 });
  });

  it('explains bad input', () => {
    expect(() => hourOfWeekPercentiles([], [])).toThrow('the series has no points');
  });

  it('keeps P50 ≤ P95 ≤ P99 ≤ max and counts every sample once (property)', () => {
    const sample = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * WEEK_MS }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(sample, (points) => {
        points.sort((a, b) => a[0] - b[0]);
        const cells = hourOfWeekPercentiles(points.map((p) => MONDAY + p[0]), points.map((p) => p[1]));
        expect(cells.reduce((s, c) => s + c.count, 0)).toBe(points.length);
        for (const c of cells) {
          if (c.count === 0) continue;
          expect(c.p50!).toBeLessThanOrEqual(c.p95!);
          expect(c.p95!).toBeLessThanOrEqual(c.p99!);
          expect(c.p99!).toBeLessThanOrEqual(c.max!);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('busiestWindows', () => {
  const minutes = (values: number[]): { times: number[]; values: number[] } => ({ times: values.map((_, i) => MONDAY + i * MINUTE_MS), values });

  it('takes the highest-mean windows greedily, without overlap (hand-computed)', () => {
    // 3-minute windows over 1 1 9 9 9 1 1 5 5 5 1: best starts at minute 2 (mean 9), then
    // minute 7 (mean 5); a window at minute 3 or 4 overlaps the first and is skipped.
    const { times, values } = minutes([1, 1, 9, 9, 9, 1, 1, 5, 5, 5, 1]);
    const top = busiestWindows(times, values, { windowMs: 3 * MINUTE_MS, count: 2 });
    expect(top).toEqual([
      { startMs: times[2], endMs: times[2]! + 3 * MINUTE_MS, mean: 9, max: 9, samples: 3 },
      { startMs: times[7], endMs: times[7]! + 3 * MINUTE_MS, mean: 5, max: 5, samples: 3 },
    ]);
  });

  it('breaks ties by the earliest window and returns fewer when the series is short', () => {
    const { times, values } = minutes([2, 2, 2, 2]);
    const top = busiestWindows(times, values, { windowMs: 2 * MINUTE_MS, count: 5 });
    expect(top.map((w) => w.startMs)).toEqual([times[0], times[2]]);
    expect(busiestWindows([MONDAY], [3], { windowMs: HOUR_MS })).toEqual([{ startMs: MONDAY, endMs: MONDAY + HOUR_MS, mean: 3, max: 3, samples: 1 }]);
  });

  it('lets no window win inside a monitoring gap on a couple of samples', () => {
    // Minute data with a 50-minute hole after minute 30; the two samples at its far edge are high.
    const times: number[] = [];
    const values: number[] = [];
    for (let m = 0; m < 180; m++) {
      if (m > 30 && m < 80) continue;
      times.push(MONDAY + m * MINUTE_MS);
      values.push(m === 80 || m === 81 ? 50 : 10 + (m % 7));
    }
    const [best] = busiestWindows(times, values, { windowMs: HOUR_MS, count: 1 });
    expect(best!.samples).toBeGreaterThanOrEqual(30);
  });

  it('counts every sample of a repeated start time', () => {
    // Two samples at minute 0 (0 and 100), then 1s: the window starting there includes both.
    const times = [MONDAY, MONDAY, MONDAY + MINUTE_MS, MONDAY + 2 * MINUTE_MS, MONDAY + 3 * MINUTE_MS];
    const values = [0, 100, 1, 1, 1];
    const [best] = busiestWindows(times, values, { windowMs: 2 * MINUTE_MS, count: 1, minCoverage: 0 });
    expect(best).toMatchObject({ startMs: MONDAY, samples: 3, mean: 101 / 3 });
  });

  it('explains bad options', () => {
    expect(() => busiestWindows([0], [1], { windowMs: 0 })).toThrow('the window must be a positive number of ms, got 0');
    expect(() => busiestWindows([0], [1], { windowMs: HOUR_MS, count: 0 })).toThrow('the number of windows must be a positive integer, got 0');
    expect(() => busiestWindows([0], [1], { windowMs: HOUR_MS, minCoverage: 2 })).toThrow('the least coverage must be a share in [0, 1], got 2');
    expect(() => busiestWindows([0], [1], { windowMs: HOUR_MS, minCoverage: Number.NaN })).toThrow(/least coverage/);
  });

  it('returns non-overlapping windows, busiest first, each the true mean of its samples (property)', () => {
    const sample = fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 150 });
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 6 }), (points, windowMin, count) => {
        points.sort((a, b) => a[0] - b[0]);
        const times = points.map((p) => MONDAY + p[0] * MINUTE_MS);
        const values = points.map((p) => p[1]);
        const top = busiestWindows(times, values, { windowMs: windowMin * MINUTE_MS, count });
        expect(top.length).toBeLessThanOrEqual(count);
        top.forEach((w, k) => {
          if (k > 0) expect(w.mean).toBeLessThanOrEqual(top[k - 1]!.mean);
          const inside = values.filter((_, i) => times[i]! >= w.startMs && times[i]! < w.endMs);
          expect(w.samples).toBe(inside.length);
          expect(w.mean).toBeCloseTo(inside.reduce((a, b) => a + b, 0) / inside.length, 9);
          expect(w.max).toBe(Math.max(...inside));
          top.forEach((o, j) => j !== k && expect(w.startMs < o.endMs && o.startMs < w.endMs).toBe(false));
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('peakToAverage', () => {
  it('divides the P99 and the maximum of the daily peaks by the mean (hand-computed)', () => {
    // Hourly data, 3 full days with peaks 10, 20, 30 and everything else 1.
    const times: number[] = [];
    const values: number[] = [];
    for (let h = 0; h < 72; h++) {
      times.push(MONDAY + h * HOUR_MS);
      values.push(h === 10 ? 10 : h === 30 ? 20 : h === 50 ? 30 : 1);
    }
    const r = peakToAverage(times, values);
    const mean = (69 + 60) / 72;
    expect(r.mean).toBeCloseTo(mean, 12);
    expect(r.days).toBe(3);
    // Type 7 P99 of 10 20 30: h = 1.98 → 20 + 0.98·10 = 29.8.
    expect(r.dailyPeakP99!).toBeCloseTo(29.8, 12);
    expect(r.dailyPeakMax).toBe(30);
    expect(r.p99ToMean!).toBeCloseTo(29.8 / mean, 12);
    expect(r.maxToMean!).toBeCloseTo(30 / mean, 12);
  });

  it('leaves out days with less than half their samples', () => {
    const times = [...Array.from({ length: 24 }, (_, h) => MONDAY + h * HOUR_MS), MONDAY + DAY_MS + 3 * HOUR_MS];
    const values = [...Array.from({ length: 24 }, () => 2), 1000];
    const r = peakToAverage(times, values);
    expect(r.days).toBe(1);
    expect(r.dailyPeakMax).toBe(2);
  });

  it('gives no ratio when the mean is not positive', () => {
    const r = peakToAverage([MONDAY, MONDAY + HOUR_MS], [-1, 1]);
    expect(r.mean).toBe(0);
    expect(r.p99ToMean).toBeNull();
    expect(r.maxToMean).toBeNull();
  });
});

describe('peakPeriods', () => {
  it('finds the hours around a daily peak at 15:00 UTC, even with strong growth', () => {
    const { times, values } = syntheticWorkload({ days: 56, dailyAmplitude: 0.4, monthlyGrowth: 0.3, noise: 0.02, seed: 8 });
    const p = peakPeriods(times, values);
    expect(p.relativeTo).toBe('weekly level (ratio)');
    expect(p.hoursOfDay).toEqual([14, 15]);
    // Every day contributes its peak hours, the first weeks as much as the last.
    expect(p.hoursOfWeek).toHaveLength(14);
    expect(p.hourOfWeekLabels[0]).toBe('Mon 14:00');
    expect(p.shareByHourOfDay).toHaveLength(24);
    expect(p.shareByHourOfWeek).toHaveLength(168);
  });

  it('has no peak period in a constant series, and works relative to a level that is not positive', () => {
    const times = Array.from({ length: 24 * 14 }, (_, h) => MONDAY + h * HOUR_MS);
    expect(peakPeriods(times, times.map(() => 5)).hoursOfDay).toEqual([]);
    const centred = peakPeriods(times, times.map((t) => ((t / HOUR_MS) % 24 === 3 ? 10 : -1)));
    expect(centred.relativeTo).toBe('weekly level (difference)');
    expect(centred.hoursOfDay).toEqual([3]);
  });

  it('marks cells without samples as null', () => {
    // Relative to their day's level 1.5: 0.67 and 1.33; the type-7 P90 is 1.27, so only 01:00 is high.
    const p = peakPeriods([MONDAY, MONDAY + HOUR_MS], [1, 2]);
    expect(p.shareByHourOfWeek[0]).toBe(0);
    expect(p.shareByHourOfWeek[1]).toBe(1);
    expect(p.shareByHourOfWeek[2]).toBeNull();
  });

  it('explains bad options', () => {
    expect(() => peakPeriods([0], [1], { quantile: 1 })).toThrow('the quantile must be in (0, 1), got 1');
    expect(() => peakPeriods([0], [1], { minShare: 0 })).toThrow('the share must be in (0, 1], got 0');
  });
});

describe('analysePeaks', () => {
  it('combines all the measures with the given options', () => {
    const random = new SeededRandom(1);
    const { times, values } = syntheticWorkload({ days: 14, seed: random.nextUint32() });
    const r = analysePeaks(times, values, { windowMs: 2 * HOUR_MS, windows: 3, quantile: 0.8 });
    expect(r.hourOfWeek).toHaveLength(168);
    expect(r.busiestWindows).toHaveLength(3);
    expect(r.busiestWindows[0]!.endMs - r.busiestWindows[0]!.startMs).toBe(2 * HOUR_MS);
    expect(r.peakPeriods.quantile).toBe(0.8);
    expect(r.peakToAverage.days).toBe(14);
    expect(r.peakToAverage.p99ToMean!).toBeGreaterThan(1.2);
  });
});
