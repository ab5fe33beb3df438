import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import type { DailyPoint } from './daily-means.js';
import { acceleration, analyseGrowth, monthlyGrowth, theilSen } from './growth.js';
import { DAY_MS, HOUR_MS } from './utc-calendar.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

const points = (xs: readonly number[], ys: readonly number[]): DailyPoint[] => xs.map((day, i) => ({ day, value: ys[i]!, samples: 1 }));
const START = Date.UTC(2026, 0, 1);

function refColumn(file: string, column: number): number[] {
  const text = readFileSync(refdataUrl(`${file}`), 'utf8');
  const rows = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return rows.slice(1).map((line) => Number(line.split(',')[column]));
}

describe('theilSen', () => {
  it('is the median pairwise slope, with a Conover intercept (hand-computed)', () => {
    // Slopes of (1,1) (2,3) (3,2) (4,5) (5,4): −1 −1 ⅓ ½ ¾ 1 1 4/3 2 3 → median (¾ + 1)/2 = 0.875,
    // as R mblm(y ~ x, repeated = FALSE) defines it. Intercept at x = 1: median of
    // y − 0.875(x − 1) = 1, 2.125, 0.25, 2.375, 0.5 → 1.
    const fit = theilSen(points([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]));
    expect(fit.perDay).toBeCloseTo(0.875, 14);
    expect(fit.intercept).toBeCloseTo(1, 14);
    expect(fit.points).toBe(5);
  });

  it("gives Sen's (1968) 95 % interval, as scipy.stats.theilslopes does", () => {
    // scipy.stats.theilslopes(y, x=range(10), alpha=0.95) → slope 1.0, low 0.94, high 1.0666…:
    // N = 45 slopes, Var(S) = 10·9·25/18 = 125, C = 1.96·√125 = 21.91, ranks
    // round((45 − C)/2) = 12th and round((45 + C)/2) + 1 = 34th smallest slope. The residuals'
    // lag-1 autocorrelation is negative (−0.72), so no widening applies.
    const y = [2.1, 2.9, 4.2, 4.8, 6.3, 6.8, 8.1, 9.4, 9.7, 11.2];
    const fit = theilSen(points([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], y));
    expect(fit.perDay).toBeCloseTo(1, 12);
    expect(fit.lower).toBeCloseTo(0.94, 12);
    expect(fit.upper).toBeCloseTo(1.0666666666666667, 12);
    expect(fit.residualAutocorrelation).toBe(0);
    expect(fit.intercept).toBeCloseTo(2.1, 12);
  });

  it('widens the interval for autocorrelated residuals', () => {
    const random = new SeededRandom(4);
    let ar = 0;
    const ys = Array.from({ length: 120 }, (_, i) => {
      ar = 0.8 * ar + random.normal();
      return 2 * i + ar;
    });
    const fit = theilSen(points(ys.map((_, i) => i), ys));
    expect(fit.residualAutocorrelation).toBeGreaterThan(0.5);
    expect(fit.lower).toBeLessThan(2);
    expect(fit.upper).toBeGreaterThan(2);
  });

  it('shrugs off a few wild points that would tip least squares', () => {
    const ys = Array.from({ length: 30 }, (_, i) => 10 + 0.5 * i);
    ys[27] = 500;
    ys[28] = 800;
    expect(theilSen(points(ys.map((_, i) => i), ys)).perDay).toBeCloseTo(0.5, 12);
  });

  it('pools long series and still reports the line at the first day', () => {
    const xs = Array.from({ length: 2500 }, (_, i) => 100 + i);
    const fit = theilSen(points(xs, xs.map((x) => 7 + 0.25 * (x - 100))));
    expect(fit.points).toBe(1250); // groups of ⌈2500 / 2000⌉ = 2 days
    expect(fit.perDay).toBeCloseTo(0.25, 12);
    expect(fit.intercept).toBeCloseTo(7, 9);
  });

  it('needs two distinct days', () => {
    expect(() => theilSen(points([3, 3], [1, 2]))).toThrow('a growth rate needs at least two days of data');
    expect(() => theilSen([])).toThrow(/at least two days/);
    expect(theilSen(points([0, 1], [1, 3])).perDay).toBe(2);
  });

  it('returns the slope of an exact line, with a zero-width interval (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (n, slope, level) => {
        const xs = Array.from({ length: n }, (_, i) => i * 1.5);
        const fit = theilSen(points(xs, xs.map((x) => level + slope * x)));
        expect(fit.perDay).toBeCloseTo(slope, 6);
        expect(fit.upper - fit.lower).toBeCloseTo(0, 6);
        expect(fit.intercept).toBeCloseTo(level, 4);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('monthlyGrowth', () => {
  it('compares full calendar months only, by their mean', () => {
    // Daily points over Jan–Mar 2026 plus Apr 1–10: January mean 10, February 20, March 25.
    const days: DailyPoint[] = [];
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2026, 3, 11); d += DAY_MS) {
      const month = new Date(d).getUTCMonth();
      days.push({ day: d / DAY_MS + 0.5, value: [10, 20, 25, 99][month]!, samples: 1 });
    }
    const months = monthlyGrowth(days);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months[0]!.changePct).toBeNull();
    expect(months[1]!.changePct).toBeCloseTo(100, 12);
    expect(months[2]!.changePct).toBeCloseTo(25, 12);
  });

  it('skips a month with too few days and does not compare across it', () => {
    const days: DailyPoint[] = [];
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2026, 3, 1); d += DAY_MS) {
      const date = new Date(d);
      // February has only its first and last days: not full.
      if (date.getUTCMonth() === 1 && date.getUTCDate() > 1 && date.getUTCDate() < 28) continue;
      days.push({ day: d / DAY_MS, value: 10, samples: 1 });
    }
    const months = monthlyGrowth(days);
    expect(months.map((m) => [m.month, m.changePct])).toEqual([
      ['2026-01', null],
      ['2026-03', null],
    ]);
  });

  it('gives no change when the previous month mean is not positive', () => {
    const days: DailyPoint[] = [];
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2026, 2, 1); d += DAY_MS) days.push({ day: d / DAY_MS, value: d < Date.UTC(2026, 1, 1) ? 0 : 5, samples: 1 });
    expect(monthlyGrowth(days).map((m) => m.changePct)).toEqual([null, null]);
    expect(monthlyGrowth([])).toEqual([]);
  });
});

describe('acceleration', () => {
  const ramp = (days: number, f: (d: number) => number): DailyPoint[] => Array.from({ length: days }, (_, d) => ({ day: d, value: f(d), samples: 1 }));

  it('calls an exact straight line steady and a bend accelerating', () => {
    const line = acceleration(ramp(60, (d) => 100 + 2 * d), 'GiB');
    expect(line).toMatchObject({ verdict: 'steady', significant: false, z: null, firstHalfPerDay: 2, secondHalfPerDay: 2 });
    expect(line.description).toContain('exact data');
    const random = new SeededRandom(9);
    const bend = acceleration(ramp(120, (d) => 100 + d + (d > 60 ? 2 * (d - 60) : 0) + random.normal()), 'GiB');
    expect(bend.verdict).toBe('accelerating');
    expect(bend.secondHalfPerDay!).toBeCloseTo(3, 0);
    expect(bend.firstHalfPerDay!).toBeCloseTo(1, 0);
    // (3 − 1) per day over the 60 days between the halves' midpoints ≈ 1.97 months.
    expect(bend.changePerDayPerMonth!).toBeCloseTo(2 / (60 / 30.436875), 0);
    expect(bend.description).toMatch(/^accelerating: the growth rate changed by \+\d\.\d\d GiB\/day per month \(significant, z = \d+\.\d\)$/);
    const slowing = acceleration(ramp(120, (d) => 100 + 3 * d - (d > 60 ? 2 * (d - 60) : 0) + random.normal()));
    expect(slowing.verdict).toBe('decelerating');
  });

  it('needs 14 days in each half', () => {
    expect(acceleration([]).verdict).toBe('insufficient data');
    const short = acceleration(ramp(20, (d) => d));
    expect(short).toMatchObject({ verdict: 'insufficient data', firstHalfPerDay: null, z: null, significant: false });
    expect(short.description).toContain('needs 14 days in each half');
  });

  it('rarely calls noise around one straight line accelerating (a 5 % test)', () => {
    let alarms = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const random = new SeededRandom(seed);
      if (acceleration(ramp(120, (d) => 500 + 3 * d + 5 * random.normal())).significant) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(10);
  });
});

describe('analyseGrowth', () => {
  it('returns the slope of an exact ramp sampled every 5 minutes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.double({ min: -50, max: 50, noNaN: true }), fc.integer({ min: 0, max: 287 }), (days, perDay, offset) => {
        const n = days * 288;
        const times = Float64Array.from({ length: n }, (_, i) => START + (offset + i) * 300_000);
        const values = Float64Array.from({ length: n }, (_, i) => 1000 + (perDay * (times[i]! - START)) / DAY_MS);
        const g = analyseGrowth(times, values);
        expect(g.slope.perDay).toBeCloseTo(perDay, 6);
        expect(g.slope.upper - g.slope.lower).toBeCloseTo(0, 6);
        // The line's value at the mean time of the first (partial) day's samples: offset … 287.
        const firstDayMeanMs = ((offset + 287) / 2) * 300_000;
        expect(g.slope.intercept).toBeCloseTo(1000 + (perDay * firstDayMeanMs) / DAY_MS, 4);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('measures 2 %/month compounding growth as about +2 % month over month', () => {
    const times: number[] = [];
    const values: number[] = [];
    for (let t = START; t < Date.UTC(2026, 6, 1); t += HOUR_MS) {
      times.push(t);
      values.push(500 * 1.02 ** ((t - START) / (30.436875 * DAY_MS)));
    }
    const g = analyseGrowth(times, values, { unit: 'GiB' });
    expect(g.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    for (const m of g.months.slice(1)) expect(m.changePct!).toBeCloseTo(2, 0);
    expect(g.medianMonthlyChangePct!).toBeCloseTo(2, 1);
    expect(g.slope.perDay).toBeGreaterThan(0.3);
    expect(g.summary).toMatch(/^growing \+0\.\d{3} GiB\/day \(95 % CI \+0\.\d{3} to \+0\.\d{3}\); month over month \+\d\.\d\d % \(median of 5\); accelerating/);
    expect(g.unit).toBe('GiB');
    expect(g.days).toBe(181);
  });

  it('is flat and steady for a constant series', () => {
    const times = Array.from({ length: 60 }, (_, i) => START + i * DAY_MS);
    const g = analyseGrowth(times, times.map(() => 42));
    expect(g.slope).toMatchObject({ perDay: 0, lower: 0, upper: 0, intercept: 42 });
    expect(g.acceleration.verdict).toBe('steady');
    expect(g.summary).toMatch(/^flat ±0\.000 per day/);
  });

  it('starts at sinceMs when given', () => {
    const times = Array.from({ length: 60 }, (_, i) => START + i * DAY_MS);
    const values = times.map((_, i) => (i < 30 ? 100 + i : 200 + 5 * (i - 30)));
    expect(analyseGrowth(times, values, { sinceMs: START + 30 * DAY_MS }).slope.perDay).toBeCloseTo(5, 12);
    expect(analyseGrowth(times, values, { sinceMs: START + 30 * DAY_MS }).days).toBe(30);
  });

  it('fits the monthly co2 series like scipy.stats.theilslopes: +1.311 ppm/year (Mauna Loa, R datasets)', () => {
    const co2 = refColumn('co2_maunaloa_r.csv', 2);
    const years = refColumn('co2_maunaloa_r.csv', 0);
    const months = refColumn('co2_maunaloa_r.csv', 1);
    const times = co2.map((_, i) => Date.UTC(years[i]!, months[i]! - 1, 1));
    const g = analyseGrowth(times, co2, { unit: 'ppm' });
    // 468 monthly points are fitted one by one (no pooling below 2000).
    // scipy.stats.theilslopes(co2, days since 1970 of each month's first day) gives slope
    // 1.310989 ppm/year (× 365.25), Sen interval 1.28687 … 1.33509 ppm/year.
    expect(g.slope.points).toBe(468);
    expect(g.slope.perDay * 365.25).toBeCloseTo(1.310989, 6);
    // The yearly cycle leaves the residuals strongly autocorrelated, so our interval is
    // widened beyond scipy's plain Sen interval, and contains it.
    expect(g.slope.residualAutocorrelation).toBeGreaterThan(0.5);
    expect(g.slope.lower * 365.25).toBeLessThan(1.28687);
    expect(g.slope.upper * 365.25).toBeGreaterThan(1.33509);
    // Monthly samples leave no calendar month "full".
    expect(g.months).toEqual([]);
    expect(g.medianMonthlyChangePct).toBeNull();
  });

  it('explains what it cannot do', () => {
    expect(() => analyseGrowth([START], [1])).toThrow('a growth rate needs at least two days of data');
    expect(() => analyseGrowth([START, START + HOUR_MS], [1, 2])).toThrow('a growth rate needs at least two days of data');
    expect(() => analyseGrowth([START, START + DAY_MS], [1, 2], { sinceMs: START + 5 * DAY_MS })).toThrow('no data at or after the start of the growth window');
    expect(() => analyseGrowth([START, START + DAY_MS], [1, 2], { sinceMs: Number.NaN })).toThrow('the start of the growth window must be a finite time, got NaN');
    expect(() => analyseGrowth([], [])).toThrow('the series has no points');
  });
});
