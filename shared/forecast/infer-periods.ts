/**
 * Seasonal periods from timestamps, as the CLI and the app need them when the user does
 * not say: the calendar's cycles (day, week, year) expressed in steps of the series'
 * resolution, keeping only periods with at least two full cycles of data (fewer cannot be
 * told apart from trend; R's mstl drops them too).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * Infers the seasonal periods of an evenly spaced series from its timestamps:
 * monthly → [12], quarterly → [4], yearly → [], weekly → [52], daily → [7],
 * sub-daily steps that divide a day → [steps per day, steps per week] (hourly [24, 168],
 * half-hourly [48, 336], 5-minute [288, 2016], 1-minute [1440, 10080]); other spacings → [].
 * Monthly, quarterly and yearly data are recognised by calendar months (UTC), since their
 * spacing in milliseconds varies with month length; the others by the median spacing
 * (within 1 %). Periods with fewer than two full cycles (n < 2m) are left out.
 * @param timestampsMs sample times in ms since the epoch, ascending
 * @returns periods in steps, shortest first
 * @example inferPeriods(hourlyTimesForThreeWeeks) // [24, 168]
 * @example inferPeriods(monthlyTimesForOneYear) // [] (fewer than 24 months)
 */
export function inferPeriods(timestampsMs: readonly number[]): number[] {
  const n = timestampsMs.length;
  if (n < 3) return [];
  const diffs: number[] = [];
  for (let i = 1; i < n; i++) diffs.push((timestampsMs[i] ?? 0) - (timestampsMs[i - 1] ?? 0));
  const step = median(diffs);
  if (!(step > 0)) return [];
  let candidates: number[];
  if (step >= 27 * DAY) {
    const months: number[] = [];
    for (let i = 1; i < n; i++) months.push(monthIndex(timestampsMs[i] ?? 0) - monthIndex(timestampsMs[i - 1] ?? 0));
    const monthStep = median(months);
    candidates = monthStep === 1 ? [12] : monthStep === 3 ? [4] : [];
  } else if (near(step, WEEK)) {
    candidates = [52];
  } else if (near(step, DAY)) {
    candidates = [7];
  } else if (step < DAY) {
    // Snap to a whole second, then require the step to tile a day exactly.
    const snapped = Math.round(step / 1000) * 1000;
    candidates = snapped > 0 && near(step, snapped) && DAY % snapped === 0 ? [DAY / snapped, WEEK / snapped] : [];
  } else {
    candidates = [];
  }
  return candidates.filter((m) => n >= 2 * m);
}

function near(value: number, target: number): boolean {
  return Math.abs(value - target) <= 0.01 * target;
}

/** Calendar months since year 0 (UTC). */
function monthIndex(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
