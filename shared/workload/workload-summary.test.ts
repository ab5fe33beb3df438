import { describe, expect, it } from 'vitest';
import { syntheticWorkload } from './synthetic-workload.fixture.js';
import { summariseWorkload } from './workload-summary.js';
import { DAY_MS, HOUR_MS, MEAN_MONTH_MS, WEEK_MS } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';

const START = Date.UTC(2026, 0, 1);

describe('summariseWorkload', () => {
  it('finds the daily and weekly cycles, the spikes and the growth of a realistic 90-day series', () => {
    // 90 days of 5-minute data (25 920 points): daily sine (±30 %), weekends at 70 %,
    // 2 %/month compounding growth, 1 % day-to-day and 3 % sample noise, three 2.5× spikes.
    const spikes = [5000, 12_000, 20_000];
    const { times, values } = syntheticWorkload({ days: 90, monthlyGrowth: 0.02, weekendFactor: 0.7, dailyAmplitude: 0.3, dayNoise: 0.01, noise: 0.03, spikes, spikeFactor: 2.5, seed: 2 });
    expect(times).toHaveLength(25_920);
    const s = summariseWorkload(times, values, { name: 'read_qps', unit: 'qps' });
    expect(s).toMatchObject({ name: 'read_qps', unit: 'qps', kind: 'load' });
    expect(s.shape).toMatchObject({ points: 25_920, startMs: START, resolutionMs: 300_000, gapCount: 0, gapMs: 0 });

    if (!s.cycles.ok) throw new Error(s.cycles.error);
    expect(s.cycles.result.daily).toMatchObject({ present: true, label: 'strong' });
    expect(s.cycles.result.weekly.present).toBe(true);
    expect(s.cycles.result.presentPeriodsMs).toEqual([DAY_MS, WEEK_MS]);

    if (!s.outliers.ok) throw new Error(s.outliers.error);
    expect(s.outliers.result.method).toBe('seasonal');
    const listed = s.outliers.result.listed.map((o) => o.index);
    for (const i of spikes) expect(listed).toContain(i);
    // The spikes are the most extreme points of the series.
    const extreme = [...s.outliers.result.listed].sort((a, b) => Math.abs(b.score) - Math.abs(a.score)).slice(0, 3).map((o) => o.index);
    expect(extreme.sort((a, b) => a - b)).toEqual(spikes);
    expect(s.outliers.result.share).toBeLessThan(0.002);

    if (!s.growth.ok) throw new Error(s.growth.error);
    const growth = s.growth.result.overall;
    // Month over month of full months (Jan → Feb → Mar): truth 2 %.
    expect(growth.medianMonthlyChangePct!).toBeGreaterThan(1.5);
    expect(growth.medianMonthlyChangePct!).toBeLessThan(2.5);
    // Daily rate: derivative of 100·0.914·1.02^(t / month) in the middle of the range,
    // 0.914 being the weekly mean of the weekday/weekend factor.
    const truth = ((100 * (5 + 2 * 0.7)) / 7) * (Math.log(1.02) / (MEAN_MONTH_MS / DAY_MS)) * 1.02 ** 1.5;
    expect(growth.slope.perDay).toBeGreaterThan(0.8 * truth);
    expect(growth.slope.perDay).toBeLessThan(1.2 * truth);
    expect(growth.slope.lower).toBeLessThan(truth);
    expect(growth.slope.upper).toBeGreaterThan(truth);

    if (!s.breaks.ok) throw new Error(s.breaks.error);
    expect(s.breaks.result.breaks).toEqual([]);
    expect(s.growth.result.sinceLastBreak).toBeNull();

    if (!s.peaks.ok) throw new Error(s.peaks.error);
    expect(s.peaks.result.peakPeriods.hoursOfDay).toEqual([14, 15]);
    expect(s.queryMix).toBeNull();
    expect(s.headlines.map((h) => h.split(':')[0])).toEqual(['Cycles', 'Peaks', 'Trend', 'Breaks', 'Outliers']);
    // JSON-serialisable as promised: a round trip changes nothing.
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('summarises 13 months of 5-minute data (114k points) quickly', () => {
    const { times, values } = syntheticWorkload({ days: 396, monthlyGrowth: 0.02, weekendFactor: 0.7, dayNoise: 0.01, spikes: [30_000, 90_000], seed: 4 });
    expect(times.length).toBe(114_048);
    const started = performance.now();
    const s = summariseWorkload(times, values, { unit: 'qps' });
    const ms = performance.now() - started;
    // Typically ~0.4 s; the bound only catches an accidental O(n²).
    expect(ms).toBeLessThan(5000);
    expect(s.cycles.ok && s.cycles.result.presentPeriodsMs).toEqual([DAY_MS, WEEK_MS]);
    expect(s.growth.ok && s.growth.result.overall.months.length).toBe(13); // Jan 2026 … Jan 2027
    expect(s.outliers.ok && s.outliers.result.listed.map((o) => o.index)).toEqual(expect.arrayContaining([30_000, 90_000]));
  });

  it('reports growth since the last break, and puts growth first for a size series', () => {
    const { times, values } = syntheticWorkload({ days: 90, stepMs: HOUR_MS, dailyAmplitude: 0, noise: 0.002, dayNoise: 0.002, shiftAtMs: START + 50 * DAY_MS, shiftFactor: 1.4, seed: 6 });
    // Storage grows 0.5 GiB/day before the shift and 2 GiB/day after it.
    for (let i = 0; i < times.length; i++) {
      const day = (times[i]! - START) / DAY_MS;
      values[i] = values[i]! + 0.5 * day + (day >= 50 ? 1.5 * (day - 50) : 0);
    }
    const s = summariseWorkload(times, values, { kind: 'size', unit: 'GiB', name: 'db_size' });
    expect(s.headlines[0]).toMatch(/^Growth: growing \+\d\.\d\d GiB\/day/);
    expect(s.headlines.map((h) => h.split(':')[0])).toEqual(['Growth', 'Breaks', 'Outliers', 'Cycles', 'Peaks']);
    if (!s.breaks.ok || !s.growth.ok) throw new Error('sections should run');
    expect(s.breaks.result.breaks.map((b) => b.date)).toEqual(['2026-02-20']);
    const since = s.growth.result.sinceLastBreak!;
    expect(since.sinceMs).toBe(START + 50 * DAY_MS);
    expect(since.perDay).toBeCloseTo(2, 1);
  });

  it('keeps the other sections when one does not apply', () => {
    // Six hours of 5-minute data: too little for growth and breaks, enough for peaks.
    const times = Array.from({ length: 72 }, (_, i) => START + i * 300_000);
    const s = summariseWorkload(times, times.map((_, i) => 10 + (i % 12)));
    expect(s.growth).toEqual({ ok: false, error: 'a growth rate needs at least two days of data' });
    expect(s.breaks).toEqual({ ok: false, error: 'no full day to look for breaks in (needs days with at least 12 observed hours)' });
    expect(s.peaks.ok).toBe(true);
    expect(s.cycles.ok).toBe(true);
    expect(s.outliers.ok).toBe(true);
    expect(s.headlines).toContain('Trend: not available — a growth rate needs at least two days of data');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('handles one point and a constant series without NaN', () => {
    const one = summariseWorkload([START], [5]);
    expect(one.shape).toMatchObject({ points: 1, resolutionMs: null });
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
    const times = Array.from({ length: 30 * 24 }, (_, i) => START + i * HOUR_MS);
    const flat = summariseWorkload(times, times.map(() => 0));
    expect(flat.peaks.ok && flat.peaks.result.peakToAverage.p99ToMean).toBeNull();
    expect(flat.outliers.ok && flat.outliers.result.count).toBe(0);
    expect(JSON.parse(JSON.stringify(flat))).toEqual(flat);
  });

  it('adds the query mix when statement activity is given, and reports its problems in its section', () => {
    const times = Array.from({ length: 48 }, (_, i) => START + i * HOUR_MS);
    const values = times.map(() => 1);
    const statements = [{ endMs: START + HOUR_MS, statements: [{ id: 'a', query: 'select 1', kind: 'read' as const, calls: 3, totalTimeMs: 6, rows: 3 }] }];
    const s = summariseWorkload(times, values, { statements });
    expect(s.queryMix?.ok).toBe(true);
    expect(s.headlines[s.headlines.length - 1]).toMatch(/^Query mix: reads 100\.0 % of calls/);
    expect(summariseWorkload(times, values, { statements: [] }).queryMix).toEqual({ ok: false, error: 'no statement activity to analyse' });
  });

  it('throws WorkloadError for a series it cannot read at all', () => {
    expect(() => summariseWorkload([], [])).toThrow(WorkloadError);
    expect(() => summariseWorkload([2, 1], [1, 1])).toThrow('times must be sorted ascending: times[1] = 1 comes before times[0] = 2');
    expect(() => summariseWorkload([1, 2], [1, Number.NaN])).toThrow('values[1] is not a finite number (NaN)');
  });
});
