import { describe, expect, it } from 'vitest';
import type { StatementKind } from '../querymix/classify-statement.js';
import { analyseQueryMix, type ActivityInterval, type StatementActivity } from './query-mix.js';
import { DAY_MS, HOUR_MS } from './utc-calendar.js';

const T0 = Date.UTC(2026, 3, 13);
const stmt = (id: string, kind: StatementKind, calls: number, totalTimeMs: number, rows = 0): StatementActivity => ({ id, query: `q ${id}`, kind, calls, totalTimeMs, rows });

describe('analyseQueryMix', () => {
  it('splits calls and time into reads and writes per interval and overall (hand-computed)', () => {
    const intervals: ActivityInterval[] = [
      { startMs: T0, endMs: T0 + HOUR_MS, statements: [stmt('r1', 'read', 80, 400), stmt('w1', 'write', 20, 600)] },
      { endMs: T0 + 2 * HOUR_MS, statements: [stmt('r1', 'read', 60, 300), stmt('w1', 'write', 30, 600), stmt('b', 'other', 10, 100)] },
    ];
    const r = analyseQueryMix(intervals);
    expect(r.intervals).toBe(2);
    expect(r.totalCalls).toBe(200);
    expect(r.totalTimeMs).toBe(2000);
    expect(r.overTime[0]).toEqual({ startMs: T0, endMs: T0 + HOUR_MS, calls: 100, timeMs: 1000, readCallShare: 0.8, writeCallShare: 0.2, readTimeShare: 0.4, writeTimeShare: 0.6 });
    // The second interval starts where the first ended; 'other' is the remainder of the shares.
    expect(r.overTime[1]).toEqual({ startMs: T0 + HOUR_MS, endMs: T0 + 2 * HOUR_MS, calls: 100, timeMs: 1000, readCallShare: 0.6, writeCallShare: 0.3, readTimeShare: 0.3, writeTimeShare: 0.6 });
    expect(r.overall).toMatchObject({ startMs: T0, endMs: T0 + 2 * HOUR_MS, readCallShare: 0.7, writeCallShare: 0.25, readTimeShare: 0.35, writeTimeShare: 0.6 });
    expect(r.top.map((s) => [s.id, s.totalTimeMs, s.calls, s.timeShare])).toEqual([
      ['w1', 1200, 50, 0.6],
      ['r1', 700, 140, 0.35],
      ['b', 100, 10, 0.05],
    ]);
    expect(r.top[0]!.meanTimeMs).toBe(24);
    // Quarters of [T0, T0 + 2 h): the first interval (ends at 1 h) is after the first
    // half hour, so the early quarter is empty and the change is undefined.
    expect(r.shift!.early.intervals).toBe(0);
    expect(r.shift!.readCallSharePointsChange).toBeNull();
    expect(r.summary).toBe('reads 70.0 % of calls and 35.0 % of time; top statement 60.0 % of time (write)');
  });

  it('measures the shift between the first and the last quarter, and the movers', () => {
    // Eight hourly intervals; reads take 80 % of time early and 50 % late.
    const intervals: ActivityInterval[] = Array.from({ length: 8 }, (_, h) => ({
      startMs: T0 + h * HOUR_MS,
      endMs: T0 + (h + 1) * HOUR_MS,
      statements: h < 4 ? [stmt('r', 'read', 8, 800), stmt('w', 'write', 2, 200)] : [stmt('r', 'read', 5, 500), stmt('w', 'write', 5, 500)],
    }));
    const r = analyseQueryMix(intervals.slice().reverse(), { top: 1 });
    expect(r.shift!.early).toEqual({ fromMs: T0, toMs: T0 + 2 * HOUR_MS, intervals: 2 });
    expect(r.shift!.late).toEqual({ fromMs: T0 + 6 * HOUR_MS, toMs: T0 + 8 * HOUR_MS, intervals: 2 });
    expect(r.shift!.readTimeSharePointsChange).toBeCloseTo(-30, 10);
    expect(r.shift!.readCallSharePointsChange).toBeCloseTo(-30, 10);
    expect(r.shift!.movers).toHaveLength(1);
    expect(r.shift!.movers[0]).toMatchObject({ id: 'r', kind: 'read', earlyShare: 0.8, lateShare: 0.5 });
    expect(r.top).toHaveLength(1);
    expect(r.summary).toContain('read share of time −30.0 points from the first to the last quarter');
    // Sorted by end, whatever the input order.
    expect(r.overTime.map((p) => p.endMs)).toEqual(intervals.map((i) => i.endMs));
  });

  it('pools intervals into UTC buckets, a snapshot at midnight closing the previous day', () => {
    const intervals: ActivityInterval[] = [6, 12, 24, 30].map((h) => ({ endMs: T0 + h * HOUR_MS, statements: [stmt('r', 'read', 1, 10)] }));
    const r = analyseQueryMix(intervals, { bucketMs: DAY_MS });
    expect(r.overTime.map((p) => [p.startMs, p.endMs, p.calls])).toEqual([
      [T0, T0 + DAY_MS, 3],
      [T0 + DAY_MS, T0 + 2 * DAY_MS, 1],
    ]);
  });

  it('starts the range at the earliest start, not the first end', () => {
    const r = analyseQueryMix([
      { startMs: T0 + HOUR_MS, endMs: T0 + 2 * HOUR_MS, statements: [stmt('a', 'read', 1, 1)] },
      { startMs: T0, endMs: T0 + 3 * HOUR_MS, statements: [stmt('b', 'write', 1, 1)] },
    ]);
    expect(r.overall.startMs).toBe(T0);
  });

  it('handles intervals without statements or time', () => {
    const r = analyseQueryMix([{ endMs: T0, statements: [] }]);
    expect(r.overall).toMatchObject({ calls: 0, readCallShare: null, readTimeShare: null, startMs: T0, endMs: T0 });
    expect(r.top).toEqual([]);
    expect(r.shift).toBeNull();
    expect(r.summary).toBe('reads n/a of calls and n/a of time');
    const idle = analyseQueryMix([{ endMs: T0, statements: [stmt('x', 'read', 3, 0)] }]);
    expect(idle.top[0]!.timeShare).toBe(0);
    expect(analyseQueryMix([{ endMs: T0, statements: [stmt('x', 'read', 0, 5)] }]).top[0]!.meanTimeMs).toBeNull();
  });

  it("names the caller's interval in its messages", () => {
    const ok: ActivityInterval = { endMs: T0 + 5 * HOUR_MS, statements: [] };
    expect(() => analyseQueryMix([])).toThrow('no statement activity to analyse');
    // Index 1 in the caller's array, although it sorts first.
    expect(() => analyseQueryMix([ok, { endMs: T0, statements: [stmt('s1', 'read', -1, 0)] }])).toThrow('statement s1 in interval 1 has calls = -1; counts and times must be finite and ≥ 0');
    expect(() => analyseQueryMix([ok, { endMs: Number.NaN, statements: [] }])).toThrow('interval 1 has no finite end (NaN)');
    expect(() => analyseQueryMix([{ startMs: T0 + 1, endMs: T0, statements: [] }])).toThrow(`interval 0 ends (${T0}) before it starts (${T0 + 1})`);
    expect(() => analyseQueryMix([{ startMs: Number.NEGATIVE_INFINITY, endMs: T0, statements: [] }])).toThrow('interval 0 has a start that is not a finite time (-Infinity)');
    expect(() => analyseQueryMix([ok, { endMs: T0, statements: [stmt('s2', 'write', 1, Number.NaN)] }])).toThrow(/totalTimeMs = NaN/);
    expect(() => analyseQueryMix([ok], { top: 0 })).toThrow('the number of top statements must be a positive integer, got 0');
    expect(() => analyseQueryMix([ok], { bucketMs: -5 })).toThrow('the bucket length must be a positive number of ms, got -5');
  });
});
