import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLinearTrend, linearCrossing } from '../forecast/linear-trend.js';
import { runForecast } from '../forecast/forecast-run.js';
import { assessRunway, peakOverWindow, sumSeries, type ResourceLoad } from './assess-runway.js';
import { runwayCrossing } from './runway-crossing.js';
import type { ResourceConfig, SystemConfig } from './system-config.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** Daily values growing by `slope` per day from `level`, with a little deterministic noise. */
function daily(days: number, level: number, slope: number): ResourceLoad {
  let s = 3;
  const noise = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
  const times = Float64Array.from({ length: days }, (_, i) => START + i * DAY);
  return { times, values: Float64Array.from({ length: days }, (_, i) => level + slope * i + noise()) };
}

function resource(id: string, capacity: number, extra: Partial<ResourceConfig> = {}): ResourceConfig {
  return { id, label: id, kind: 'other', series: [id], unit: 'GiB', capacity, targetPct: 80, statistic: 'max', artificial: false, note: '', ...extra };
}

function system(resources: ResourceConfig[]): SystemConfig {
  return { name: 's', instance: null, allocatedStorageGiB: null, windowDays: 14, horizon: '24mo', resources };
}

describe('runway', () => {
  it('reads P10 ≤ P50 ≤ P90 from the upper bound, the mean and the lower bound', () => {
    expect(runwayCrossing({ mean: [1, 2, 3], lo80: [0, 1, 2], hi80: [2, 3, 4], lo95: [0, 0, 1], hi95: [3, 4, 5] }, 3)).toEqual({ p10: 1, p50: 2, p90: undefined });
  });

  it('agrees with the closed-form crossing of the OLS prediction interval for a linear trend', () => {
    // Montgomery, Peck & Vining §2.4.2: the interval ŷ ± t·s·√(1 + 1/n + (x₀ − x̄)²/Sxx);
    // linearCrossing solves it exactly, the runway walks the forecast — same step.
    const load = daily(120, 100, 2);
    const r = runForecast(load.times, load.values, { horizon: { kind: 'steps', steps: 400 }, model: 'linear', stepMs: DAY, calibrateIntervals: false, fitFrom: 'all' });
    const crossing = runwayCrossing(r.forecast, 700);
    const closed = linearCrossing(fitLinearTrend(Array.from(load.values)), 700);
    // Step k (0-based) is h = k + 1 steps ahead; a crossing at real h lands on step ⌈h⌉.
    expect((crossing.p50 ?? NaN) + 1).toBe(Math.ceil(closed.mean ?? NaN));
    expect((crossing.p10 ?? NaN) + 1).toBe(Math.ceil(closed.hi80 ?? NaN));
    expect((crossing.p90 ?? NaN) + 1).toBe(Math.ceil(closed.lo80 ?? NaN));
  });

  it('marks exactly one binding resource — the first to reach its target, never a soft limit', () => {
    const loads = new Map([
      ['disk', daily(200, 500, 2)],
      ['pool', daily(200, 70, 0.5)],
      ['flat', daily(200, 10, 0)],
    ]);
    const a = assessRunway(system([resource('disk', 1500), resource('pool', 100, { artificial: true }), resource('flat', 100)]), undefined, loads);
    expect(a.resources.filter((r) => r.binding).map((r) => r.id)).toEqual(['disk']);
    const disk = a.resources.find((r) => r.id === 'disk');
    expect(disk?.status).toBe('crosses');
    expect(disk?.headroomPct).toBeCloseTo(((1500 - (disk?.current ?? 0)) / 1500) * 100, 10);
    const pool = a.resources.find((r) => r.id === 'pool');
    expect(pool?.status).toBe('exceeded');
    expect(a.resources.find((r) => r.id === 'flat')?.status).toBe('beyond-horizon');
    expect(a.summary).toMatch(/^disk binds first/);
  });

  it('binds the resource with the least headroom when none reaches its target', () => {
    const loads = new Map([
      ['a', daily(100, 30, 0)],
      ['b', daily(100, 60, 0)],
    ]);
    const a = assessRunway(system([resource('a', 100), resource('b', 100)]), undefined, loads);
    expect(a.binding).toBe('b');
    expect(a.summary).toMatch(/no resource reaches its target within the horizon; b has the least headroom/);
  });

  it('moves earlier when growth rises (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 1.1, max: 2, noNaN: true }), (slope, factor) => {
        const runway = (s: number): number => {
          const load = daily(90, 100, s);
          const r = runForecast(load.times, load.values, { horizon: { kind: 'steps', steps: 1500 }, model: 'linear', stepMs: DAY, fitFrom: 'all' });
          return runwayCrossing(r.forecast, 1000).p50 ?? Infinity;
        };
        return runway(slope * factor) <= runway(slope);
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});

describe('loads', () => {
  it('sums series on shared timestamps and takes the peak over the window', () => {
    const sum = sumSeries([
      { times: Float64Array.of(0, 1, 2), values: Float64Array.of(1, 2, 3) },
      { times: Float64Array.of(1, 2, 3), values: Float64Array.of(10, 20, 30) },
    ]);
    expect([...sum.times]).toEqual([1, 2]);
    expect([...sum.values]).toEqual([12, 23]);
    const load = { times: Float64Array.from({ length: 101 }, (_, i) => i * DAY), values: Float64Array.from({ length: 101 }, (_, i) => i) };
    expect(peakOverWindow(load, 'max', 10 * DAY)).toBe(100);
    expect(peakOverWindow(load, 'mean', 10.5 * DAY)).toBe(95);
    // R: quantile(90:100, 0.95) = 99.5
    expect(peakOverWindow(load, 'p95', 10.5 * DAY)).toBeCloseTo(99.5, 10);
  });
});
