import { resample, type Aggregation } from '../workload/resample.js';
import { medianIntervalMs } from '../workload/series-input.js';
import { ForecastError } from './forecast-model.js';

/**
 * Forecast models need evenly spaced values. This puts raw points on a regular grid:
 * calendar months, quarters or years for data that is reported that way (their length in
 * milliseconds varies, so they are recognised by calendar month), a fixed step otherwise.
 * Empty slots stay null here: imputing them is a separate, visible step.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The step of a grid: a fixed number of ms, or a number of calendar months. */
export type GridStep = { readonly kind: 'fixed'; readonly ms: number } | { readonly kind: 'calendar'; readonly months: 1 | 3 | 12 };

export interface RegularGrid {
  readonly step: GridStep;
  /** 'mean', 'max' or 'p95' of the points in each slot (points per slot is 1 at the native step). */
  readonly aggregation: Aggregation;
  /** Slot starts, epoch ms, ascending. */
  readonly times: number[];
  /** Value of each slot; null where no point fell. */
  readonly values: (number | null)[];
  /** The raw data's typical spacing, ms. */
  readonly nativeStepMs: number;
}

/** Steps the automatic choice tries, shortest first. */
const AUTO_STEPS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, DAY_MS, 7 * DAY_MS];
/** Most slots of history the automatic step keeps: enough for a year of hourly data, fast to fit. */
export const AUTO_MAX_HISTORY = 20_000;
/** Most forecast steps the automatic step allows. */
export const AUTO_MAX_HORIZON = 2_500;

/**
 * The shortest sensible step at or above the data's own spacing that keeps the history
 * and the horizon to a size the models fit quickly (a 13-month 5-minute series becomes
 * hourly; an 18-month horizon on it becomes daily).
 * @param nativeStepMs the data's spacing
 * @param spanMs history length
 * @param horizonMs how far ahead
 * @example autoStepMs(300_000, 90 * 86_400_000, 7 * 86_400_000) // 900000 (15 minutes)
 */
export function autoStepMs(nativeStepMs: number, spanMs: number, horizonMs: number): number {
  const candidates = [nativeStepMs, ...AUTO_STEPS_MS.filter((s) => s > nativeStepMs * 1.01)];
  for (const step of candidates) {
    if (spanMs / step <= AUTO_MAX_HISTORY && horizonMs / step <= AUTO_MAX_HORIZON) return step;
  }
  return candidates[candidates.length - 1] as number;
}

/** Calendar months since year 0, UTC. */
export function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first instant of a month index, UTC. */
export function monthStartMs(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

/**
 * Whether points are monthly, quarterly or yearly: median spacing of 27 days or more and
 * a median step of 1, 3 or 12 calendar months.
 * @example calendarStep([Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1), Date.UTC(2020, 2, 1)]) // { kind: 'calendar', months: 1 }
 */
export function calendarStep(times: ArrayLike<number>): GridStep | undefined {
  const step = medianIntervalMs(times);
  if (step === undefined || step < 27 * DAY_MS) return undefined;
  const months: number[] = [];
  for (let i = 1; i < times.length; i++) months.push(monthIndex(times[i] as number) - monthIndex(times[i - 1] as number));
  months.sort((a, b) => a - b);
  const median = months[Math.floor(months.length / 2)];
  return median === 1 || median === 3 || median === 12 ? { kind: 'calendar', months: median } : undefined;
}

/** Options of {@link toRegularGrid}. */
export interface GridOptions {
  /** A fixed step in ms; default: calendar for monthly/quarterly/yearly data, else the data's spacing. */
  readonly stepMs?: number;
  readonly aggregation?: Aggregation;
}

/**
 * Puts sorted points on a regular grid.
 * @param times epoch ms, ascending, at least 3
 * @param values finite, same length
 * @throws {ForecastError} for fewer than 3 points or points that all share one time
 * @example toRegularGrid(times, values, { stepMs: 3_600_000, aggregation: 'max' }).values
 */
export function toRegularGrid(times: ArrayLike<number>, values: ArrayLike<number>, options: GridOptions = {}): RegularGrid {
  const n = times.length;
  if (n < 3) throw new ForecastError(`a forecast needs at least 3 points; the series has ${n}`);
  const nativeStepMs = medianIntervalMs(times);
  if (nativeStepMs === undefined || !(nativeStepMs > 0)) throw new ForecastError('the points share one timestamp; a forecast needs points spread over time');
  const aggregation = options.aggregation ?? 'mean';
  const calendar = options.stepMs === undefined ? calendarStep(times) : undefined;
  if (calendar?.kind === 'calendar') return calendarGrid(times, values, calendar.months, aggregation, nativeStepMs);
  const stepMs = options.stepMs ?? snapStep(nativeStepMs);
  // Grids of whole minutes, hours and days start on the clock (UTC); odd steps on the first point.
  const originMs = DAY_MS % stepMs === 0 || stepMs % DAY_MS === 0 ? 0 : (times[0] as number);
  const grid = resample(times, values, { stepMs, aggregation, originMs });
  return { step: { kind: 'fixed', ms: stepMs }, aggregation, times: grid.times, values: grid.values, nativeStepMs };
}

/** A median spacing of 299.8 s is a 5-minute series: round to the second, and to the minute when within 1 %. */
function snapStep(ms: number): number {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes >= 1 && Math.abs(ms - minutes * MINUTE_MS) <= 0.01 * ms) return minutes * MINUTE_MS;
  return Math.max(1000, Math.round(ms / 1000) * 1000);
}

function calendarGrid(times: ArrayLike<number>, values: ArrayLike<number>, months: 1 | 3 | 12, aggregation: Aggregation, nativeStepMs: number): RegularGrid {
  const first = monthIndex(times[0] as number);
  const slot = (ms: number): number => Math.floor((monthIndex(ms) - first) / months);
  const slots = slot(times[times.length - 1] as number) + 1;
  const buckets: number[][] = Array.from({ length: slots }, () => []);
  for (let i = 0; i < times.length; i++) buckets[slot(times[i] as number)]?.push(values[i] as number);
  const gridValues = buckets.map((b) => (b.length === 0 ? null : aggregateSlot(b, aggregation)));
  const gridTimes = Array.from({ length: slots }, (_, k) => monthStartMs(first + k * months));
  return { step: { kind: 'calendar', months }, aggregation, times: gridTimes, values: gridValues, nativeStepMs };
}

function aggregateSlot(values: number[], aggregation: Aggregation): number {
  if (values.length === 1) return values[0] as number;
  if (aggregation === 'max') return Math.max(...values);
  if (aggregation === 'min') return Math.min(...values);
  const sum = values.reduce((s, v) => s + v, 0);
  if (aggregation === 'sum') return sum;
  if (aggregation === 'p95') {
    const sorted = [...values].sort((a, b) => a - b);
    const h = (sorted.length - 1) * 0.95;
    const lo = Math.floor(h);
    return (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
  }
  return sum / values.length;
}

/**
 * The times of the next h slots after the grid's last one.
 * @example futureTimes({ kind: 'calendar', months: 1 }, Date.UTC(1960, 11, 1), 2) // [Jan 1961, Feb 1961]
 */
export function futureTimes(step: GridStep, lastMs: number, h: number): number[] {
  const out: number[] = [];
  if (step.kind === 'fixed') {
    for (let k = 1; k <= h; k++) out.push(lastMs + k * step.ms);
  } else {
    const last = monthIndex(lastMs);
    for (let k = 1; k <= h; k++) out.push(monthStartMs(last + k * step.months));
  }
  return out;
}

/**
 * Human label of a step: '5 min', '1 h', '1 day', '1 month', '1 quarter', '1 year'.
 * @example stepLabel({ kind: 'fixed', ms: 3_600_000 }) // '1 h'
 */
export function stepLabel(step: GridStep): string {
  if (step.kind === 'calendar') return step.months === 1 ? '1 month' : step.months === 3 ? '1 quarter' : '1 year';
  const ms = step.ms;
  if (ms % (7 * DAY_MS) === 0) return `${ms / (7 * DAY_MS)} week${ms === 7 * DAY_MS ? '' : 's'}`;
  if (ms % DAY_MS === 0) return `${ms / DAY_MS} day${ms === DAY_MS ? '' : 's'}`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS} h`;
  if (ms % MINUTE_MS === 0) return `${ms / MINUTE_MS} min`;
  return `${ms / 1000} s`;
}
