import { describe, expect, it } from 'vitest';
import { autoStepMs, calendarStep, futureTimes, stepLabel, toRegularGrid } from './regular-grid.js';

const MIN = 60_000;
const DAY = 86_400_000;

describe('toRegularGrid', () => {
  it('recognises monthly data by calendar month and leaves a missing month empty', () => {
    const times = [Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1), Date.UTC(2020, 3, 1), Date.UTC(2020, 4, 1)];
    const grid = toRegularGrid(times, [1, 2, 4, 5]);
    expect(grid.step).toEqual({ kind: 'calendar', months: 1 });
    expect(grid.values).toEqual([1, 2, null, 4, 5]);
    expect(grid.times[2]).toBe(Date.UTC(2020, 2, 1));
  });

  it('snaps a jittery 5-minute series to 5 minutes on the clock and aggregates by max or P95', () => {
    const times = [0, 299_000, 600_500, 900_000, 1_200_000].map((t) => t + Date.UTC(2026, 0, 1));
    const grid = toRegularGrid(times, [1, 2, 3, 4, 5]);
    expect(grid.step).toEqual({ kind: 'fixed', ms: 5 * MIN });
    expect(grid.times[0]).toBe(Date.UTC(2026, 0, 1));
    const hourly = toRegularGrid(times, [1, 2, 3, 4, 5], { stepMs: 60 * MIN, aggregation: 'max' });
    expect(hourly.values).toEqual([5]);
    expect(toRegularGrid(times, [1, 2, 3, 4, 5], { stepMs: 60 * MIN, aggregation: 'p95' }).values[0]).toBeCloseTo(4.8, 10);
  });

  it('refuses too few points, or points that share one time', () => {
    expect(() => toRegularGrid([1, 2], [1, 2])).toThrow(/at least 3 points/);
    expect(() => toRegularGrid([5, 5, 5], [1, 2, 3])).toThrow(/share one timestamp/);
  });
});

describe('the automatic step', () => {
  it('keeps the data’s own step when history and horizon are small, coarsens otherwise', () => {
    expect(autoStepMs(5 * MIN, 30 * DAY, 7 * DAY)).toBe(5 * MIN);
    expect(autoStepMs(5 * MIN, 395 * DAY, 90 * DAY)).toBe(60 * MIN);
    expect(autoStepMs(5 * MIN, 395 * DAY, 548 * DAY)).toBe(DAY);
  });
});

describe('calendar steps and future times', () => {
  it('tells quarterly and yearly data apart and steps through the calendar', () => {
    expect(calendarStep([Date.UTC(2020, 0, 1), Date.UTC(2020, 3, 1), Date.UTC(2020, 6, 1)])).toEqual({ kind: 'calendar', months: 3 });
    expect(calendarStep([Date.UTC(2020, 0, 1), Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)])).toEqual({ kind: 'calendar', months: 12 });
    expect(calendarStep([0, DAY, 2 * DAY])).toBeUndefined();
    expect(futureTimes({ kind: 'calendar', months: 1 }, Date.UTC(1960, 11, 1), 2)).toEqual([Date.UTC(1961, 0, 1), Date.UTC(1961, 1, 1)]);
    expect(stepLabel({ kind: 'fixed', ms: 5 * MIN })).toBe('5 min');
    expect(stepLabel({ kind: 'calendar', months: 3 })).toBe('1 quarter');
  });
});
