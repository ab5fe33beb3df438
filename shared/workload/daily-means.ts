import { checkSeries, type Numbers } from './series-input.js';
import { DAY_MS, utcDay } from './utc-calendar.js';

/**
 * Daily means, the unit of analysis for growth and structural breaks: day-to-day
 * changes are what a capacity plan extrapolates, and a day averages out the daily cycle.
 */

/** A daily mean: time in days since the epoch (fractional: the mean of its samples' times) and the mean value. */
export interface DailyPoint {
  readonly day: number;
  readonly value: number;
  /** Samples averaged. */
  readonly samples: number;
}

/**
 * Daily means of a series: one point per UTC day with samples.
 * @throws {WorkloadError} for an empty or invalid series
 * @example dailyMeans([0, 43_200_000, 86_400_000], [1, 3, 10]) // [{ day: 0.25, value: 2, samples: 2 }, { day: 1, value: 10, samples: 1 }]
 */
export function dailyMeans(times: Numbers, values: Numbers): DailyPoint[] {
  const n = checkSeries(times, values);
  const out: DailyPoint[] = [];
  let i = 0;
  while (i < n) {
    const day = utcDay(times[i] as number);
    let sumT = 0;
    let sumV = 0;
    let j = i;
    for (; j < n && utcDay(times[j] as number) === day; j++) {
      sumT += (times[j] as number) / DAY_MS - day;
      sumV += values[j] as number;
    }
    out.push({ day: day + sumT / (j - i), value: sumV / (j - i), samples: j - i });
    i = j;
  }
  return out;
}
