import { describe, expect, it } from 'vitest';
import { weeklyPeaks } from './timeline-rows.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('weekly peaks of a daily forecast', () => {
  it('takes the busiest day of each whole Monday-to-Sunday week, path by path, leaving out partial weeks at the ends', () => {
    const dates = Array.from({ length: 16 }, (_, i) => new Date(day('2026-11-01') + i * 86_400_000).toISOString().slice(0, 10)); // Sun 1 Nov … Mon 16 Nov
    const times = dates.map(day);
    const mean = [20, 5, 8, 7, 6, 6, 4, 4, 3, 9, 2, 2, 2, 2, 2, 30];
    const band = { mean, lo80: mean.map((v) => v - 1), hi80: mean.map((v) => v + 1), lo95: mean.map((v) => v - 2), hi95: mean.map((v) => v + 2) };
    const rows = weeklyPeaks(times, band);
    expect(rows.map((r) => [new Date(r.t).toISOString().slice(0, 10), r.mean])).toEqual([
      ['2026-11-02', 8],
      ['2026-11-09', 9],
    ]);
    expect(rows[0]?.band80).toEqual([7, 9]);
    expect(rows[0]?.band95).toEqual([6, 10]);
    expect(weeklyPeaks(times.slice(0, 3), { mean: [1, 2, Number.NaN], lo80: [1, 2, 3], hi80: [1, 2, 3], lo95: [1, 2, 3], hi95: [1, 2, 3] }).map((r) => r.mean)).toEqual([1, 2]);
  });
});
