import { describe, expect, it } from 'vitest';
import { weeklyPeaks } from './timeline-rows.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('weekly peaks of a daily forecast', () => {
  it('takes the busiest day of each Monday-to-Sunday week, path by path, and skips non-finite days', () => {
    const times = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-08', '2026-11-09', '2026-11-10'].map(day); // Sun, Mon, Tue, Sun, Mon, Tue
    const mean = [5, 8, 7, 4, 9, Number.NaN];
    const band = { mean, lo80: mean.map((v) => v - 1), hi80: mean.map((v) => v + 1), lo95: mean.map((v) => v - 2), hi95: mean.map((v) => v + 2) };
    const rows = weeklyPeaks(times, band);
    expect(rows.map((r) => [new Date(r.t).toISOString().slice(0, 10), r.mean])).toEqual([
      ['2026-11-01', 5],
      ['2026-11-02', 8],
      ['2026-11-09', 9],
    ]);
    expect(rows[1]?.band80).toEqual([7, 9]);
    expect(rows[1]?.band95).toEqual([6, 10]);
  });
});
