import { describe, expect, it } from 'vitest';
import { dailyMeans } from './daily-means.js';
import { DAY_MS, HOUR_MS } from './utc-calendar.js';

describe('dailyMeans', () => {
  it('averages each UTC day at the mean time of its samples', () => {
    expect(dailyMeans([0, 43_200_000, 86_400_000], [1, 3, 10])).toEqual([
      { day: 0.25, value: 2, samples: 2 },
      { day: 1, value: 10, samples: 1 },
    ]);
  });

  it('skips days without samples and keeps days before the epoch', () => {
    const times = [-DAY_MS + 6 * HOUR_MS, 5 * DAY_MS, 5 * DAY_MS + 12 * HOUR_MS];
    const out = dailyMeans(times, [4, 1, 2]);
    expect(out.map((p) => p.day)).toEqual([-0.75, 5.25]);
    expect(out.map((p) => p.value)).toEqual([4, 1.5]);
  });

  it('counts repeated times as separate samples', () => {
    expect(dailyMeans([0, 0, 0], [1, 2, 6])).toEqual([{ day: 0, value: 3, samples: 3 }]);
  });

  it('rejects invalid input with the shared messages', () => {
    expect(() => dailyMeans([], [])).toThrow('the series has no points');
    expect(() => dailyMeans([2, 1], [1, 1])).toThrow(/sorted ascending/);
  });
});
