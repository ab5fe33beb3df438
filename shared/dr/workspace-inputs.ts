import type { ResourceLoad } from '../capacity/assess-runway.js';
import { ForecastError } from '../forecast/forecast-model.js';
import { runForecast } from '../forecast/forecast-run.js';
import { parseHorizon } from '../time/parse-horizon.js';
import { findUnit } from '../units/unit-catalog.js';
import { quantileSorted, sortedCopy } from '../workload/robust-statistics.js';

/**
 * What a DR plan can take from the workspace instead of from guesses: the database's
 * size now and its forecast (the same automatic forecast the Headroom screen makes of
 * the storage resource), and replication lag distributions measured from imported lag
 * series. The plan editor offers them; applying them is the user's explicit choice, so
 * a stored plan always says what it assumed.
 */

export interface SizeForecastInput {
  readonly series: readonly string[];
  /** The month of the last point ("now" = month 0 of the plan). */
  readonly startMonth: string;
  readonly currentGiB: number;
  readonly model: string;
  /** Month 0 … horizon: the forecast's point value and its 80 % upper bound (P90). */
  readonly months: readonly { readonly month: number; readonly p50GiB: number; readonly p90GiB: number }[];
}

export interface LagInput {
  readonly series: string;
  readonly windowDays: number;
  readonly points: number;
  readonly p50Seconds: number;
  readonly p99Seconds: number;
  readonly maxSeconds: number;
  /** A lag distribution for the plan: {p50, p99, max}, or one value when there is no spread. */
  readonly suggested: number | { readonly p50: number; readonly p99: number; readonly max: number };
}

export interface DrWorkspaceInputs {
  /** null when no storage resource is configured; `problem` when it cannot be forecast. */
  readonly size: SizeForecastInput | { readonly problem: string } | null;
  readonly lags: readonly LagInput[];
}

export interface DrInputsRequest {
  readonly storage: { readonly series: readonly string[]; readonly unit: string; readonly load: ResourceLoad } | null;
  readonly lags: readonly { readonly series: string; readonly unit: string; readonly load: ResourceLoad }[];
  readonly horizonMonths: number;
  readonly seed: number;
}

const DAY_MS = 86_400_000;
const MONTH_MS = 30.436875 * DAY_MS;
const LAG_WINDOW_DAYS = 30;

/** Factor from `unit` to the dimension's base (bytes, seconds); undefined when it is another kind of unit. */
function factorTo(unit: string, dimension: 'data' | 'time'): number | undefined {
  const found = findUnit(unit);
  return found?.dimension === dimension ? found.factor : undefined;
}

const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/**
 * @example deriveDrInputs({ storage: { series: ['storage_used_gib'], unit: 'GiB', load }, lags: [], horizonMonths: 24, seed: 1 }).size
 */
export function deriveDrInputs(request: DrInputsRequest, onProgress: (phase: string, fraction: number) => void = () => undefined): DrWorkspaceInputs {
  onProgress('forecasting the database size', 0.05);
  return { size: request.storage === null ? null : sizeForecast(request.storage, request.horizonMonths, request.seed), lags: request.lags.flatMap((l) => lagInput(l.series, l.unit, l.load) ?? []) };
}

function sizeForecast(storage: NonNullable<DrInputsRequest['storage']>, horizonMonths: number, seed: number): SizeForecastInput | { problem: string } {
  const bytes = factorTo(storage.unit, 'data');
  if (bytes === undefined) return { problem: `storage is measured in "${storage.unit}", not in bytes: set the storage resource's unit to GiB (Headroom screen)` };
  const toGiB = bytes / 1024 ** 3;
  const { times } = storage.load;
  const values = Float64Array.from(storage.load.values, (v) => v * toGiB);
  const last = times[times.length - 1];
  if (last === undefined) return { problem: `no data in ${storage.series.join(' + ')}` };
  try {
    const result = runForecast(times, values, { horizon: parseHorizon(`${Math.max(1, horizonMonths)}mo`), stepMs: DAY_MS, aggregation: 'max', unit: 'GiB', scenarios: [], seed });
    const ft = result.forecastTimes;
    const at = (ms: number): number => {
      let best = 0;
      for (let i = 0; i < ft.length; i++) if (Math.abs((ft[i] as number) - ms) < Math.abs((ft[best] as number) - ms)) best = i;
      return best;
    };
    const current = values[values.length - 1] as number;
    const months = [{ month: 0, p50GiB: current, p90GiB: current }];
    for (let m = 1; m <= horizonMonths; m++) {
      const i = at(last + m * MONTH_MS);
      months.push({ month: m, p50GiB: Math.max(current, result.forecast.mean[i] ?? current), p90GiB: Math.max(current, result.forecast.hi80[i] ?? current) });
    }
    return { series: storage.series, startMonth: monthOf(last), currentGiB: current, model: result.modelLabel, months };
  } catch (error) {
    if (error instanceof ForecastError) return { problem: `${storage.series.join(' + ')}: ${error.message}` };
    throw error;
  }
}

function lagInput(series: string, unit: string, load: ResourceLoad): LagInput | undefined {
  const seconds = factorTo(unit, 'time');
  const n = load.times.length;
  const end = load.times[n - 1];
  if (seconds === undefined || end === undefined) return undefined;
  const recent: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = load.values[i] as number;
    if ((load.times[i] as number) > end - LAG_WINDOW_DAYS * DAY_MS && Number.isFinite(v)) recent.push(Math.max(0, v * seconds));
  }
  if (recent.length < 10) return undefined;
  const sorted = sortedCopy(recent);
  const p50 = quantileSorted(sorted, 0.5);
  const p99 = quantileSorted(sorted, 0.99);
  const max = sorted[sorted.length - 1] as number;
  const round = (v: number): number => Number(v.toPrecision(3));
  const suggested = p50 > 0 && p99 > p50 ? { p50: round(p50), p99: round(p99), max: round(Math.max(max, p99)) } : round(p99);
  return { series, windowDays: LAG_WINDOW_DAYS, points: recent.length, p50Seconds: p50, p99Seconds: p99, maxSeconds: max, suggested };
}

/**
 * The plan with its database size and growth taken from the workspace's forecast: size
 * now, `startMonth` and a monthly `sizeForecast` (point or P90); other growth fields
 * are removed, since a plan states one kind of growth.
 */
export function applySizeForecast(plan: Readonly<Record<string, unknown>>, size: SizeForecastInput, which: 'p50' | 'p90'): Record<string, unknown> {
  const database = { ...((plan['database'] as Record<string, unknown> | undefined) ?? {}) };
  delete database['monthlyGrowthPct'];
  delete database['monthlyGrowthGiB'];
  const round = (v: number): number => Math.round(v * 10) / 10;
  database['sizeGiB'] = round(size.currentGiB);
  database['sizeForecast'] = size.months.filter((m) => m.month > 0).map((m) => ({ month: m.month, sizeGiB: round(which === 'p50' ? m.p50GiB : m.p90GiB) }));
  return { ...plan, startMonth: size.startMonth, horizonMonths: size.months.length - 1, database };
}
