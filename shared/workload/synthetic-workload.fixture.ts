/**
 * Synthetic workloads with a known truth (cycles, growth, spikes, shifts), for the
 * workload tests. Test data only: nothing in the engine imports this file. Seeded, so
 * every run sees the same series.
 */
import { SeededRandom } from '../random/seeded-random.js';
import { DAY_MS, MEAN_MONTH_MS, MINUTE_MS, isoWeekday, utcHour } from './utc-calendar.js';

export interface SyntheticOptions {
  /** First sample, epoch ms; default 2026-01-01 00:00 UTC (a Thursday). */
  readonly startMs?: number;
  readonly days: number;
  /** Sampling interval, default 5 minutes. */
  readonly stepMs?: number;
  /** Level at the start, default 100. */
  readonly base?: number;
  /** Relative amplitude of the daily sine (peak at 15:00 UTC), default 0.3. */
  readonly dailyAmplitude?: number;
  /** Factor applied on Saturdays and Sundays, default 1 (no weekly cycle). */
  readonly weekendFactor?: number;
  /** Compound growth per mean month, e.g. 0.02; default 0. */
  readonly monthlyGrowth?: number;
  /** Standard deviation of additive Gaussian noise, as a share of the base; default 0.03. */
  readonly noise?: number;
  /**
   * Standard deviation of a day-to-day level factor (each UTC day's level is multiplied
   * by 1 + dayNoise·N(0, 1)), default 0: real load varies from day to day far more than
   * per-sample noise averaged over a day would suggest.
   */
  readonly dayNoise?: number;
  /** Indexes whose value is multiplied by `spikeFactor`. */
  readonly spikes?: readonly number[];
  readonly spikeFactor?: number;
  /** From this time on, the level is multiplied by `shiftFactor`. */
  readonly shiftAtMs?: number;
  readonly shiftFactor?: number;
  readonly seed?: number;
}

export interface SyntheticSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/**
 * value(t) = base · (1 + g)^(months since start) · (1 + a·sin(2π(hour − 9)/24)) · weekend ·
 * shift · spike · day factor + N(0, (noise·base)²).
 * @example syntheticWorkload({ days: 90, monthlyGrowth: 0.02, weekendFactor: 0.7 })
 */
export function syntheticWorkload(options: SyntheticOptions): SyntheticSeries {
  const startMs = options.startMs ?? Date.UTC(2026, 0, 1);
  const stepMs = options.stepMs ?? 5 * MINUTE_MS;
  const n = Math.round((options.days * DAY_MS) / stepMs);
  const random = new SeededRandom(options.seed ?? 1);
  const base = options.base ?? 100;
  const amplitude = options.dailyAmplitude ?? 0.3;
  const weekend = options.weekendFactor ?? 1;
  const growth = options.monthlyGrowth ?? 0;
  const noise = (options.noise ?? 0.03) * base;
  const spikes = new Set(options.spikes ?? []);
  const dayNoise = options.dayNoise ?? 0;
  const dayFactors = new Map<number, number>();
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = startMs + i * stepMs;
    const hours = utcHour(t) + ((t % 3_600_000) / 3_600_000);
    const daily = 1 + amplitude * Math.sin((2 * Math.PI * (hours - 9)) / 24);
    const weekly = isoWeekday(t) >= 5 ? weekend : 1;
    const trend = (1 + growth) ** ((t - startMs) / MEAN_MONTH_MS);
    const shift = options.shiftAtMs !== undefined && t >= options.shiftAtMs ? (options.shiftFactor ?? 1) : 1;
    const spike = spikes.has(i) ? (options.spikeFactor ?? 3) : 1;
    const day = Math.floor(t / DAY_MS);
    let dayFactor = dayFactors.get(day);
    if (dayFactor === undefined) {
      dayFactor = 1 + dayNoise * random.normal();
      dayFactors.set(day, dayFactor);
    }
    times[i] = t;
    values[i] = base * trend * daily * weekly * shift * spike * dayFactor + noise * random.normal();
  }
  return { times, values };
}
