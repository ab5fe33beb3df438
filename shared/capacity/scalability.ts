import type { Horizon } from '../time/parse-horizon.js';
import { runForecast, type ForecastBand } from '../forecast/forecast-run.js';
import { ForecastError } from '../forecast/forecast-model.js';
import { analyzeMmc, type MmcResult } from '../queueing/erlang-c.js';
import { QueueingError } from '../queueing/queueing-error.js';
import { mmcResponseCurve, type ResponseCurve } from '../queueing/response-curve.js';
import { fitUsl, type UslFit, type UslPoint } from '../usl/fit-usl.js';
import { UslError } from '../usl/usl-error.js';
import type { UslCoefficients } from '../usl/usl-model.js';
import { uslWhatIf, type UslWhatIf } from '../usl/usl-what-if.js';
import { peakOverWindow, type ResourceLoad } from './assess-runway.js';
import { runwayCrossing } from './runway-crossing.js';

/**
 * Scalability of a system, linked to time: the USL fitted to its load test (with
 * what-if coefficients), the date the forecast peak load reaches a chosen fraction of
 * the USL's maximum throughput, and the CPU as an M/M/c queue — its service demand per
 * request from the utilisation law (S = U·c/λ at the busy hour), mean response now and
 * at the forecast peak, and the knee of the curve.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface ScalabilityInput {
  readonly loadTest: { readonly name: string; readonly points: readonly UslPoint[] } | undefined;
  readonly overrides: Partial<UslCoefficients>;
  /** Share of X_max treated as the limit for the timeline (e.g. 0.8). */
  readonly fraction: number;
  /** Production throughput (requests per second), summed from its series. */
  readonly throughput: { readonly series: readonly string[]; readonly load: ResourceLoad } | undefined;
  /** CPU utilisation in percent and the cores it is of. */
  readonly cpu: { readonly load: ResourceLoad; readonly servers: number } | undefined;
  readonly horizon: Horizon;
  /** Where the queueing comparison looks ahead, e.g. 6 months. */
  readonly queueHorizon: Horizon;
  readonly windowDays: number;
}

export interface UslSection {
  readonly loadTest: string;
  readonly fit: UslFit;
  readonly whatIf: UslWhatIf;
  /** N from 1 to beyond the peak, for the curves. */
  readonly concurrencies: number[];
}

export interface UslTimeline {
  readonly series: readonly string[];
  /** P95 of the throughput over the window. */
  readonly currentPeak: number;
  /** fraction × X_max of the what-if model. */
  readonly limit: number;
  readonly fraction: number;
  readonly runwayMs: { readonly p10: number | null; readonly p50: number | null; readonly p90: number | null };
  readonly forecastTimes: number[];
  readonly forecast: ForecastBand;
  readonly model: string;
}

export interface QueueSection {
  readonly servers: number;
  /** CPU service demand per request, seconds. */
  readonly serviceTimeSeconds: number;
  /** The busy hour the demand was measured at. */
  readonly busyHour: { readonly startMs: number; readonly arrivalRatePerSecond: number; readonly utilizationPct: number };
  readonly now: MmcResult;
  /** At the forecast peak (P50 and the pessimistic P90 load) after queueHorizon. */
  readonly future: { readonly atMs: number; readonly arrivalP50: number; readonly arrivalP90: number; readonly p50: MmcResult; readonly p90: MmcResult } | null;
  readonly curve: ResponseCurve;
}

export interface ScalabilityAnalysis {
  readonly usl: Outcome<UslSection>;
  readonly timeline: Outcome<UslTimeline>;
  readonly queue: Outcome<QueueSection>;
}

/**
 * @example analyseScalability({ loadTest, overrides: {}, fraction: 0.8, throughput, cpu, horizon, queueHorizon, windowDays: 14 }).usl
 */
export function analyseScalability(input: ScalabilityInput): ScalabilityAnalysis {
  const usl = uslSection(input);
  const timeline = usl.ok ? uslTimeline(input, usl.value) : { ok: false as const, error: 'needs a USL fit (a load test)' };
  return { usl, timeline, queue: queueSection(input) };
}

function uslSection(input: ScalabilityInput): Outcome<UslSection> {
  if (input.loadTest === undefined) return { ok: false, error: 'no load test in this workspace: import one (concurrency, throughput) on the Data screen' };
  try {
    const fit = fitUsl(input.loadTest.points);
    const largest = Math.max(...input.loadTest.points.map((p) => p.concurrency));
    const peakN = fit.peakN ?? largest;
    const top = Math.max(largest, peakN) * 1.6;
    const concurrencies = Array.from({ length: 80 }, (_, i) => 1 + (i * (top - 1)) / 79);
    const whatIf = uslWhatIf(fit, input.overrides, concurrencies);
    return { ok: true, value: { loadTest: input.loadTest.name, fit, whatIf, concurrencies } };
  } catch (error) {
    if (error instanceof UslError) return { ok: false, error: error.message };
    throw error;
  }
}

function uslTimeline(input: ScalabilityInput, usl: UslSection): Outcome<UslTimeline> {
  if (input.throughput === undefined) return { ok: false, error: 'no throughput series to compare with the load test (read and write queries per second)' };
  const peak = usl.whatIf.peak.peakThroughput;
  if (peak === null) return { ok: false, error: 'the model has no peak (κ = 0): throughput keeps rising towards λ/σ, so there is no date to reach' };
  const limit = peak * input.fraction;
  try {
    const { load } = input.throughput;
    const forecast = runForecast(load.times, load.values, { horizon: input.horizon, stepMs: DAY_MS, aggregation: 'p95' });
    const crossing = runwayCrossing(forecast.forecast, limit);
    const at = (i: number | undefined): number | null => (i === undefined ? null : (forecast.forecastTimes[i] ?? null));
    const currentPeak = peakOverWindow(load, 'p95', input.windowDays * DAY_MS);
    const already = currentPeak >= limit;
    const last = load.times[load.times.length - 1] ?? 0;
    return {
      ok: true,
      value: {
        series: input.throughput.series,
        currentPeak,
        limit,
        fraction: input.fraction,
        runwayMs: already ? { p10: last, p50: last, p90: last } : { p10: at(crossing.p10), p50: at(crossing.p50), p90: at(crossing.p90) },
        forecastTimes: forecast.forecastTimes,
        forecast: forecast.forecast,
        model: forecast.model,
      },
    };
  } catch (error) {
    if (error instanceof ForecastError) return { ok: false, error: error.message };
    throw error;
  }
}

function queueSection(input: ScalabilityInput): Outcome<QueueSection> {
  if (input.cpu === undefined) return { ok: false, error: 'needs a CPU series in percent and an instance (its vCPU count)' };
  if (input.throughput === undefined) return { ok: false, error: 'needs a throughput series (queries per second) beside the CPU' };
  try {
    const busy = busyHour(input.cpu.load, input.throughput.load, input.windowDays * DAY_MS);
    if (busy === undefined) return { ok: false, error: 'CPU and throughput share no hour with load in the window' };
    const servers = input.cpu.servers;
    // Utilisation law: U = λ·S/c, so the CPU time one request costs is S = U·c/λ.
    const serviceTimeSeconds = ((busy.utilizationPct / 100) * servers) / busy.arrivalRatePerSecond;
    const now = analyzeMmc({ servers, arrivalRatePerSecond: busy.arrivalRatePerSecond, serviceTimeSeconds });
    let future: QueueSection['future'] = null;
    try {
      const { load } = input.throughput;
      // Daily P95: trends show at this step (an hourly model sees a level and noise).
      const forecast = runForecast(load.times, load.values, { horizon: input.queueHorizon, stepMs: DAY_MS, aggregation: 'p95' });
      // Growth of the weekly peak, first forecast week to last, applied to the measured busy
      // hour: smooth forecast against smooth forecast, so noise in today's busiest hour
      // does not read as growth or decline.
      const n = forecast.forecastTimes.length;
      const week = Math.min(7, Math.max(1, Math.floor(n / 2)));
      const peakOf = (values: readonly number[], from: number, to: number): { value: number; index: number } => {
        let index = from;
        for (let i = from; i < to; i++) if ((values[i] as number) > (values[index] as number)) index = i;
        return { value: values[index] as number, index };
      };
      const first = peakOf(forecast.forecast.mean, 0, week);
      const last = peakOf(forecast.forecast.mean, n - week, n);
      const lastHigh = peakOf(forecast.forecast.hi80, n - week, n);
      if (!(first.value > 0)) throw new ForecastError('the throughput forecast has no positive peak');
      const arrivalP50 = busy.arrivalRatePerSecond * (last.value / first.value);
      const arrivalP90 = busy.arrivalRatePerSecond * (lastHigh.value / first.value);
      const best = last.index;
      future = {
        atMs: forecast.forecastTimes[best] as number,
        arrivalP50,
        arrivalP90,
        p50: analyzeMmc({ servers, arrivalRatePerSecond: arrivalP50, serviceTimeSeconds }),
        p90: analyzeMmc({ servers, arrivalRatePerSecond: arrivalP90, serviceTimeSeconds }),
      };
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
    }
    return {
      ok: true,
      value: { servers, serviceTimeSeconds, busyHour: { startMs: busy.startMs, arrivalRatePerSecond: busy.arrivalRatePerSecond, utilizationPct: busy.utilizationPct }, now, future, curve: mmcResponseCurve({ servers, serviceTimeSeconds, pointCount: 60 }) } };
  } catch (error) {
    if (error instanceof QueueingError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * The hour of the window with the highest mean CPU, with the mean throughput in that hour.
 */
function busyHour(cpu: ResourceLoad, throughput: ResourceLoad, windowMs: number): { startMs: number; utilizationPct: number; arrivalRatePerSecond: number } | undefined {
  const end = Math.max(cpu.times[cpu.times.length - 1] ?? 0, throughput.times[throughput.times.length - 1] ?? 0);
  const hourly = (load: ResourceLoad): Map<number, { sum: number; n: number; max: number }> => {
    const out = new Map<number, { sum: number; n: number; max: number }>();
    load.times.forEach((t, i) => {
      if (t <= end - windowMs) return;
      const h = Math.floor(t / HOUR_MS) * HOUR_MS;
      const v = load.values[i] as number;
      const cell = out.get(h) ?? { sum: 0, n: 0, max: -Infinity };
      cell.sum += v;
      cell.n++;
      cell.max = Math.max(cell.max, v);
      out.set(h, cell);
    });
    return out;
  };
  const cpuHours = hourly(cpu);
  const tpHours = hourly(throughput);
  let best: { startMs: number; utilizationPct: number; arrivalRatePerSecond: number } | undefined;
  for (const [h, c] of cpuHours) {
    const tp = tpHours.get(h);
    if (tp === undefined || tp.sum <= 0) continue;
    const u = c.sum / c.n;
    if (best === undefined || u > best.utilizationPct) best = { startMs: h, utilizationPct: u, arrivalRatePerSecond: tp.sum / tp.n };
  }
  return best;
}
