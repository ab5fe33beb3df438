import type { ForecastBand } from '../../../shared/forecast/forecast-run.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** One week of a daily forecast: the highest value of each path in it. */
export interface WeekRow {
  /** The first forecast day of the week (weeks start on Monday, UTC). */
  readonly t: number;
  readonly mean: number;
  readonly band80: [number, number];
  readonly band95: [number, number];
}

/**
 * The weekly peak of a daily forecast, path by path: the busiest day of each week of the
 * mean, and of each band edge. A daily P95 load with a weekly cycle zigzags (weekends
 * low); its weekly peaks are what a limit is reached by, and read at a glance. A partial
 * week at either end is left out (a lone Sunday would read as a drop) unless it is the only one.
 * @example weeklyPeaks([mon, tue], { mean: [5, 8], … })[0]?.mean // 8
 */
export function weeklyPeaks(times: readonly number[], band: ForecastBand): WeekRow[] {
  const rows: { t: number; days: number; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[] = [];
  let week: number | undefined;
  times.forEach((t, i) => {
    const values = { mean: band.mean[i], lo80: band.lo80[i], hi80: band.hi80[i], lo95: band.lo95[i], hi95: band.hi95[i] };
    if (Object.values(values).some((v) => v === undefined || !Number.isFinite(v))) return;
    // The epoch was a Thursday: shifting by 3 days starts weeks on Monday.
    const w = Math.floor((t + 3 * DAY_MS) / WEEK_MS);
    const last = rows[rows.length - 1];
    if (w !== week || last === undefined) {
      week = w;
      rows.push({ t, days: 1, ...(values as { mean: number; lo80: number; hi80: number; lo95: number; hi95: number }) });
      return;
    }
    last.days++;
    last.mean = Math.max(last.mean, values.mean as number);
    last.lo80 = Math.max(last.lo80, values.lo80 as number);
    last.hi80 = Math.max(last.hi80, values.hi80 as number);
    last.lo95 = Math.max(last.lo95, values.lo95 as number);
    last.hi95 = Math.max(last.hi95, values.hi95 as number);
  });
  const whole = rows.length > 1 ? rows.filter((r) => r.days === 7) : rows;
  return (whole.length > 0 ? whole : rows).map((r) => ({ t: r.t, mean: r.mean, band80: [r.lo80, r.hi80], band95: [r.lo95, r.hi95] }));
}
