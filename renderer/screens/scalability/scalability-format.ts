import type { QueueSection, UslTimeline } from '../../../shared/capacity/scalability.js';
import type { MmcResult } from '../../../shared/queueing/erlang-c.js';
import { formatNumber, formatWithUnit } from '../../format/format-number.js';
import { formatDate } from '../../format/format-time.js';

/**
 * Words and numbers of the Scalability screen: pure, so that the sentences a capacity
 * review quotes are tested without a browser.
 */

/** Seconds as milliseconds: `0.582 ms`, `12.4 ms`; `—` for a non-finite value. */
export function formatMs(seconds: number): string {
  return Number.isFinite(seconds) ? `${formatNumber(seconds * 1000)} ms` : '—';
}

/**
 * A rate to the request: `13,020 QPS` rather than `13k QPS`, so that a what-if that moves
 * X_max by 2 % shows it; very large or small rates as formatWithUnit.
 */
export function formatRate(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 100 && abs < 1e6) return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  return formatWithUnit(value, unit);
}

/** A share as percent with a space, as the Headroom screen writes targets: `80 %`. */
export function formatShare(fraction: number): string {
  return Number.isFinite(fraction) ? `${formatNumber(fraction * 100)} %` : '—';
}

/** A USL coefficient: 3 significant digits, never in exponent form for the usual sizes (`0.000399`). */
export function formatCoefficient(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-6 && abs < 1) return Number(value.toPrecision(3)).toString();
  return formatNumber(value);
}

/** A concurrency: whole numbers as they are, others to one decimal (`N* ≈ 49.3`). */
export function formatConcurrency(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return Number.isInteger(n) ? formatNumber(n) : n.toFixed(1);
}

/**
 * When forecast peak load reaches the chosen share of X_max.
 * @example timelineSentence({ fraction: 0.8, limit: 10400, currentPeak: 8000, runwayMs: { p10: d1, p50: d2, p90: null }, … }, 'QPS')
 *   // 'Forecast peak load reaches 80 % of X_max (10.4k QPS) around 2027-09-01 (P10 2027-03-15, P90 beyond the horizon).'
 */
export function timelineSentence(timeline: Pick<UslTimeline, 'fraction' | 'limit' | 'currentPeak' | 'runwayMs' | 'forecastTimes'>, unit: string): string {
  const { fraction, limit, currentPeak, runwayMs } = timeline;
  const share = `${formatShare(fraction)} of X_max (${formatRate(limit, unit)})`;
  if (currentPeak >= limit) return `Today's peak load (${formatRate(currentPeak, unit)}) already exceeds ${share}.`;
  const date = (ms: number | null): string => (ms === null ? 'beyond the horizon' : formatDate(ms));
  if (runwayMs.p50 === null) {
    const end = timeline.forecastTimes[timeline.forecastTimes.length - 1];
    const within = end === undefined ? 'within the horizon' : `within the horizon (to ${formatDate(end)})`;
    const early = runwayMs.p10 === null ? '' : `; the pessimistic P10 path reaches it around ${formatDate(runwayMs.p10)}`;
    return `Forecast peak load does not reach ${share} ${within}${early}.`;
  }
  return `Forecast peak load reaches ${share} around ${date(runwayMs.p50)} (P10 ${date(runwayMs.p10)}, P90 ${date(runwayMs.p90)}).`;
}

function overloaded(result: MmcResult & { stable: false }): string {
  return `the CPU queue would not keep up (utilisation ${formatShare(result.utilization)} on ${result.servers} cores): it needs at least ${result.minimumStableServers} cores`;
}

/**
 * Mean response of the CPU queue today and at the forecast peak.
 * @example queueSentence(section) // 'At the forecast peak in 6 months (around 2027-04-26), mean response grows from 0.582 ms to 0.612 ms (P90 load: 0.693 ms).'
 */
export function queueSentence(queue: Pick<QueueSection, 'now' | 'future'>): string {
  const { now, future } = queue;
  if (!now.stable) return `At today's busy hour ${overloaded(now)}.`;
  if (future === null) return `Mean response at today's busy hour is ${formatMs(now.meanResponseSeconds)}; there is no throughput forecast six months ahead to compare with.`;
  const when = `At the forecast peak in 6 months (around ${formatDate(future.atMs)})`;
  if (!future.p50.stable) return `${when}, ${overloaded(future.p50)}; today's mean response is ${formatMs(now.meanResponseSeconds)}.`;
  const verb = future.p50.meanResponseSeconds >= now.meanResponseSeconds ? 'grows' : 'falls';
  const p90 = future.p90.stable ? formatMs(future.p90.meanResponseSeconds) : `${overloaded(future.p90)}`;
  return `${when}, mean response ${verb} from ${formatMs(now.meanResponseSeconds)} to ${formatMs(future.p50.meanResponseSeconds)} (P90 load: ${p90}).`;
}
