import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import { MIN_ACF, detectCycles } from './detect-cycles.js';
import { syntheticWorkload } from './synthetic-workload.fixture.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from './utc-calendar.js';

const hourly = (n: number, f: (i: number) => number): { times: Float64Array; values: Float64Array } => ({
  times: Float64Array.from({ length: n }, (_, i) => Date.UTC(2026, 0, 5) + i * HOUR_MS),
  values: Float64Array.from({ length: n }, (_, i) => f(i)),
});

describe('detectCycles', () => {
  it('finds a strong daily cycle in 5-minute data on an hourly grid, and no weekly one', () => {
    const { times, values } = syntheticWorkload({ days: 28, dailyAmplitude: 0.3, noise: 0.05 });
    const c = detectCycles(times, values);
    expect(c.stepMs).toBe(HOUR_MS);
    expect(c.gridPoints).toBe(28 * 24);
    expect(c.imputedBuckets).toBe(0);
    expect(c.daily).toMatchObject({ name: 'daily', periodMs: DAY_MS, periodSteps: 24, measurable: true, present: true, label: 'strong' });
    expect(c.daily.strength!).toBeGreaterThan(0.9);
    expect(c.daily.autocorrelation!).toBeGreaterThan(0.8);
    expect(c.weekly.present).toBe(false);
    expect(c.presentPeriodsMs).toEqual([DAY_MS]);
    expect(c.summary).toMatch(/^strong daily cycle \((0\.9\d|1\.00)\)$/);
    expect(c.method).toContain('Wang, Smith & Hyndman 2006');
  });

  it('finds daily and weekly cycles together, the weaker one named so', () => {
    const { times, values } = syntheticWorkload({ days: 42, dailyAmplitude: 0.3, weekendFactor: 0.85, noise: 0.05, seed: 3 });
    const c = detectCycles(times, values);
    expect(c.daily.present).toBe(true);
    expect(c.weekly.present).toBe(true);
    expect(c.presentPeriodsMs).toEqual([DAY_MS, WEEK_MS]);
    expect(c.summary).toMatch(/daily cycle .*, weaker weekly cycle|weekly cycle .*, weaker daily cycle/);
  });

  it('finds a weekly cycle in daily data, where a daily cycle cannot be measured', () => {
    const random = new SeededRandom(2);
    const days = 70;
    const times = Float64Array.from({ length: days }, (_, i) => Date.UTC(2026, 0, 5) + i * DAY_MS);
    const values = Float64Array.from({ length: days }, (_, i) => (i % 7 >= 5 ? 50 : 100) + random.normal());
    const c = detectCycles(times, values);
    expect(c.stepMs).toBe(DAY_MS);
    expect(c.daily.measurable).toBe(false);
    expect(c.daily.strength).toBeNull();
    expect(c.weekly.present).toBe(true);
    expect(c.summary).toContain('too little data for a daily cycle');
  });

  it('finds another cycle that is not a multiple of a day (a 10-hour batch)', () => {
    const random = new SeededRandom(5);
    const { times, values } = hourly(24 * 42, (i) => 10 * Math.sin((2 * Math.PI * i) / 10) + random.normal());
    const c = detectCycles(times, values);
    expect(c.daily.present).toBe(false);
    expect(c.other).toMatchObject({ name: 'other', periodSteps: 10, periodMs: 10 * HOUR_MS, present: true, label: 'strong' });
    expect(c.summary).toBe('strong 10-hour cycle (0.99)');
  });

  it('calls neither a random walk nor a weekend-only pattern "daily"', () => {
    const random = new SeededRandom(5);
    let level = 0;
    const walk = hourly(24 * 42, () => (level += random.normal()));
    expect(detectCycles(walk.times, walk.values).presentPeriodsMs).toEqual([]);
    // Monday 2026-01-05 first: days 5 and 6 of each week are the weekend.
    const weekend = hourly(24 * 42, (i) => (Math.floor(i / 24) % 7 >= 5 ? 50 : 100) + random.normal());
    const c = detectCycles(weekend.times, weekend.values);
    expect(c.daily.present).toBe(false);
    expect(c.weekly.present).toBe(true);
  });

  it('counts and fills gaps before measuring', () => {
    const random = new SeededRandom(7);
    const times: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 24 * 42; i++) {
      if (i % 100 >= 90) continue; // 10-hour outages
      times.push(Date.UTC(2026, 0, 5) + i * HOUR_MS);
      values.push(10 * Math.sin((2 * Math.PI * i) / 24) + random.normal());
    }
    const c = detectCycles(times, values);
    expect(c.imputedBuckets).toBe(24 * 42 - times.length);
    expect(c.daily.present).toBe(true);
  });

  it('says when there is too little data, for one point or a constant', () => {
    const one = detectCycles([0], [1]);
    expect(one.daily.measurable).toBe(false);
    expect(one.weekly.measurable).toBe(false);
    expect(one.other).toBeNull();
    expect(one.summary).toMatch(/^no cycle measurable; too little data for a daily cycle/);
    const flat = hourly(24 * 30, () => 5);
    const c = detectCycles(flat.times, flat.values);
    expect(c.daily).toMatchObject({ measurable: true, present: false, strength: 0, autocorrelation: 0, label: 'none' });
    expect(c.summary).toBe('no daily or weekly cycle detected');
  });

  it('accepts an explicit grid step, and explains bad input', () => {
    const { times, values } = syntheticWorkload({ days: 7, stepMs: 15 * MINUTE_MS });
    const c = detectCycles(times, values, { stepMs: 30 * MINUTE_MS });
    expect(c.stepMs).toBe(30 * MINUTE_MS);
    expect(c.daily.periodSteps).toBe(48);
    expect(c.daily.present).toBe(true);
    expect(() => detectCycles(times, values, { stepMs: -1 })).toThrow('the resampling step must be a positive number of ms, got -1');
    expect(() => detectCycles([], [])).toThrow('the series has no points');
    expect(() => detectCycles([1, 0], [1, 1])).toThrow(/sorted ascending/);
  });

  it('detects a daily sine in 5-minute data as strong, whatever its phase and noise (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true }), (seed, phase, amplitude) => {
        const random = new SeededRandom(seed);
        const n = 21 * 288;
        const times = Float64Array.from({ length: n }, (_, i) => Date.UTC(2026, 1, 2) + i * 5 * MINUTE_MS);
        const values = Float64Array.from({ length: n }, (_, i) => 50 + 10 * amplitude * Math.sin((2 * Math.PI * i) / 288 + phase) + 2 * random.normal());
        const c = detectCycles(times, values);
        expect(c.daily.present).toBe(true);
        expect(c.daily.label).toBe('strong');
        expect(c.weekly.present).toBe(false);
      }),
      // 6048 points a run: 60 runs keep the property near a quarter of a second.
      { seed: 42, numRuns: 60 },
    );
  });

  it('finds no cycle at all in pure noise (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (seed, scale) => {
        const random = new SeededRandom(seed);
        const { times, values } = hourly(24 * 35, () => 100 + scale * random.normal());
        const c = detectCycles(times, values);
        expect(c.presentPeriodsMs).toEqual([]);
        expect(c.daily.autocorrelation!).toBeLessThan(MIN_ACF);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
