import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import { detectOutliers } from './outliers.js';
import { syntheticWorkload } from './synthetic-workload.fixture.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './utc-calendar.js';

const START = Date.UTC(2026, 0, 5);

describe('detectOutliers — Hampel', () => {
  it('scores a point by the median and MAD of its window (hand-computed)', () => {
    // Window of all 9 points around index 4: median 12, |deviations| 2 0 1 1 38 0 1 2 0 → MAD 1,
    // so the score is 38 / 1.4826 = 25.63.
    const values = [10, 12, 11, 13, 50, 12, 11, 10, 12];
    const times = values.map((_, i) => START + i * HOUR_MS);
    const r = detectOutliers(times, values, { halfWindow: 4 });
    expect(r.method).toBe('hampel');
    expect(r.scores[4]).toBeCloseTo(38 / 1.482602218505602, 10);
    expect(r.flagged).toEqual([4]);
    expect(r.outliers).toEqual([{ index: 4, timeMs: times[4], value: 50, score: r.scores[4] }]);
    expect(r.description).toBe('1 outlier (11.11 % of 9 points) beyond 3.5 robust σ (1.4826·MAD) of the 9 points around each point (Hampel)');
  });

  it('flags dips with a negative score, and honours the threshold', () => {
    const values = [10, 12, 11, 13, -30, 12, 11, 10, 12];
    const times = values.map((_, i) => START + i * HOUR_MS);
    const r = detectOutliers(times, values, { halfWindow: 4 });
    expect(r.flagged).toEqual([4]);
    expect(r.outliers[0]!.score).toBeLessThan(-3.5);
    expect(detectOutliers(times, values, { halfWindow: 4, threshold: 100 }).flagged).toEqual([]);
  });

  it('flags nothing in a constant series, one point or two', () => {
    const times = Array.from({ length: 20 }, (_, i) => START + i * HOUR_MS);
    const flat = detectOutliers(times, times.map(() => 7));
    expect(flat.flagged).toEqual([]);
    expect(flat.scores.every((s) => s === 0)).toBe(true);
    expect(flat.description).toMatch(/^0 outliers \(0\.00 % of 20 points\)/);
    expect(detectOutliers([START], [3]).flagged).toEqual([]);
    expect(detectOutliers([START, START], [3, 100]).flagged).toEqual([]);
  });

  it('flags a lone spike on a flat stretch (MAD 0: mean absolute deviation instead)', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i === 12 ? 8 : 5));
    const r = detectOutliers(values.map((_, i) => START + i * HOUR_MS), values);
    expect(r.flagged).toEqual([12]);
  });

  it('is unchanged by adding a constant (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: -10_000, max: 10_000 }), (values, shift) => {
        const times = values.map((_, i) => START + i * HOUR_MS);
        const a = detectOutliers(times, values);
        const b = detectOutliers(times, values.map((v) => v + shift));
        expect(b.flagged).toEqual(a.flagged);
        b.scores.forEach((s, i) => expect(s).toBeCloseTo(a.scores[i]!, 6));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('flags an injected spike in noise (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 199 }), fc.constantFrom(-1, 1), (seed, at, sign) => {
        const random = new SeededRandom(seed);
        const values = Array.from({ length: 200 }, () => 100 + random.normal());
        values[at] = 100 + sign * 12;
        const r = detectOutliers(values.map((_, i) => START + i * DAY_MS), values);
        expect(r.method).toBe('hampel');
        expect(r.flagged).toContain(at);
        expect(Math.sign(r.scores[at]!)).toBe(sign);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('detectOutliers — seasonal', () => {
  it('is chosen for 7 days or more at hourly resolution or finer', () => {
    const week = syntheticWorkload({ days: 8, stepMs: HOUR_MS });
    expect(detectOutliers(week.times, week.values).method).toBe('seasonal');
    const short = syntheticWorkload({ days: 6, stepMs: HOUR_MS });
    expect(detectOutliers(short.times, short.values).method).toBe('hampel');
    const coarse = syntheticWorkload({ days: 30, stepMs: 2 * HOUR_MS });
    expect(detectOutliers(coarse.times, coarse.values).method).toBe('hampel');
    expect(() => detectOutliers(short.times, short.values, { method: 'seasonal' })).toThrow('seasonal outlier detection needs at least 7 days at a resolution of 1 hour or finer; use the Hampel method');
  });

  it('finds spikes at a daily peak without flagging the peaks themselves', () => {
    const spikes = [1000, 2500, 4100];
    const { times, values } = syntheticWorkload({ days: 28, dailyAmplitude: 0.5, weekendFactor: 0.7, monthlyGrowth: 0.05, spikes, spikeFactor: 1.6, seed: 11 });
    const r = detectOutliers(times, values);
    expect(r.method).toBe('seasonal');
    for (const s of spikes) expect(r.flagged).toContain(s);
    // Noise is Gaussian: beyond 3.5σ is 0.05 % of points; allow a few times that.
    expect(r.flagged.length).toBeLessThan(spikes.length + 0.002 * times.length);
    expect(r.description).toMatch(/per hour of the week, over ±6 weeks.*same 5-minute slot of the 4 weeks before and after/);
  });

  it('flags a level drop of a few hours (an incident) but not the weekend', () => {
    const { times, values } = syntheticWorkload({ days: 35, dailyAmplitude: 0.3, weekendFactor: 0.6, noise: 0.02, seed: 5 });
    const from = 20 * 288 + 120;
    for (let i = from; i < from + 24; i++) values[i] = values[i]! * 0.5; // two hours at half load
    const r = detectOutliers(times, values);
    const inIncident = r.flagged.filter((i) => i >= from && i < from + 24).length;
    expect(inIncident).toBeGreaterThan(20);
    expect(r.flagged.length - inIncident).toBeLessThan(0.002 * times.length);
  });

  it('is unchanged by adding a constant, and never modifies its input', () => {
    const { times, values } = syntheticWorkload({ days: 10, stepMs: 15 * MINUTE_MS, spikes: [300], seed: 2 });
    const copy = Float64Array.from(values);
    const a = detectOutliers(times, values);
    expect(Array.from(values)).toEqual(Array.from(copy));
    const b = detectOutliers(times, values.map((v) => v + 1e4));
    expect(b.flagged).toEqual(a.flagged);
    b.scores.forEach((s, i) => expect(s).toBeCloseTo(a.scores[i]!, 4));
    expect(a.flagged).toContain(300);
  });

  it('flags an injected spike wherever it falls (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 10 * 96 - 1 }), (seed, at) => {
        const { times, values } = syntheticWorkload({ days: 10, stepMs: 15 * MINUTE_MS, spikes: [at], spikeFactor: 1.5, seed });
        const r = detectOutliers(times, values);
        expect(r.method).toBe('seasonal');
        expect(r.flagged).toContain(at);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('detectOutliers — input checks', () => {
  const times = [START, START + HOUR_MS];
  it('explains bad options and input', () => {
    expect(() => detectOutliers(times, [1, 2], { threshold: 0 })).toThrow('the threshold must be a positive number, got 0');
    expect(() => detectOutliers(times, [1, 2], { threshold: Number.POSITIVE_INFINITY })).toThrow(/positive number, got Infinity/);
    expect(() => detectOutliers(times, [1, 2], { halfWindow: 0 })).toThrow('the half-window must be a positive integer, got 0');
    expect(() => detectOutliers(times, [1, 2], { halfWindow: 2.5 })).toThrow(/positive integer, got 2.5/);
    expect(() => detectOutliers(times, [1, 2], { method: 'zscore' as 'hampel' })).toThrow("unknown outlier method 'zscore'; use 'auto', 'seasonal' or 'hampel'");
    expect(() => detectOutliers([], [])).toThrow('the series has no points');
    expect(() => detectOutliers(times, [1, Number.NaN])).toThrow('values[1] is not a finite number (NaN)');
  });
});
