import { analyzeMmc, type MmcStable } from './erlang-c.js';
import { QueueingError } from './queueing-error.js';

/**
 * Response time against load for an M/M/c queue, and its knee — the "hockey stick" a
 * capacity review needs to see: flat at low utilisation, then steep as ρ → 1.
 *
 * The knee is defined as the utilisation at which the mean response time reaches a
 * fixed multiple k of the bare service time, R(ρ) = k·S (default k = 2: requests spend
 * as long queueing as being served). We chose this over a slope threshold on dR/dρ
 * because it reads in the user's own units ("past this point a request takes twice as
 * long as the work itself"), it needs no step size, and it has a closed form to test
 * against: for one server R = S/(1 − ρ), so the k = 2 knee is ρ = 0.5. Because R/S
 * depends only on c and ρ, the knee utilisation is a property of the server count alone;
 * more servers push it towards 1 (pooling), which is the point the chart should make.
 */

/** Utilisation where the mean response time first reaches this multiple of S, unless told otherwise. */
export const DEFAULT_KNEE_RESPONSE_FACTOR = 2;

/**
 * The knee utilisation ρ_k of an M/M/c queue: the ρ in (0, 1) with R(ρ) = k·S, i.e.
 * W_q = (k − 1)·S. Found by bisection (W_q grows strictly with ρ), to about 1e-12.
 * @param servers c, an integer ≥ 1
 * @param kneeResponseFactor k > 1
 * @returns ρ_k in (0, 1)
 * @throws {QueueingError} for a bad c or k ≤ 1
 * @example kneeUtilization(1) // 0.5 (M/M/1: S/(1 − ρ) = 2S)
 */
export function kneeUtilization(servers: number, kneeResponseFactor = DEFAULT_KNEE_RESPONSE_FACTOR): number {
  if (!(kneeResponseFactor > 1) || !Number.isFinite(kneeResponseFactor)) throw new QueueingError(`knee response factor must be a finite number > 1, got ${kneeResponseFactor}`);
  // With S = 1 s and λ = ρc, R is directly the multiple of S.
  const responseMultiple = (utilization: number): number => {
    const queue = analyzeMmc({ servers, arrivalRatePerSecond: utilization * servers, serviceTimeSeconds: 1 });
    return queue.stable ? queue.meanResponseSeconds : Infinity;
  };
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1e-13) {
    const mid = (lo + hi) / 2;
    if (responseMultiple(mid) < kneeResponseFactor) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** One point of a response-time curve: the queue at one load. */
export type ResponseCurvePoint = Pick<MmcStable, 'utilization' | 'arrivalRatePerSecond' | 'pWait' | 'meanWaitSeconds' | 'meanResponseSeconds'>;

export interface ResponseCurveOptions {
  /** c: identical servers, an integer ≥ 1. */
  readonly servers: number;
  /** S: mean service time in seconds, > 0. */
  readonly serviceTimeSeconds: number;
  /** Highest utilisation on the curve, in (0, 1); default 0.98 (R is unbounded at 1). */
  readonly maxUtilization?: number;
  /** Number of evenly spaced utilisations from 0 to maxUtilization, ≥ 2; default 50. */
  readonly pointCount?: number;
  /** k in the knee definition R = k·S; default {@link DEFAULT_KNEE_RESPONSE_FACTOR}. */
  readonly kneeResponseFactor?: number;
}

export interface ResponseCurve {
  /** Evenly spaced in utilisation; each point also carries its arrival rate λ = ρc/S for plotting against load. */
  readonly points: readonly ResponseCurvePoint[];
  /** The knee (R = k·S) as a point on the same curve, with the factor k used. */
  readonly knee: ResponseCurvePoint & { readonly responseFactor: number };
}

/**
 * Mean response time (and wait, P(wait)) of an M/M/c queue over a range of
 * utilisations, with the knee where R = k·S.
 * @param options servers, service time, range and knee factor
 * @throws {QueueingError} for a bad c or S, maxUtilization outside (0, 1), pointCount < 2, or k ≤ 1
 * @example mmcResponseCurve({ servers: 1, serviceTimeSeconds: 0.01 }).knee.meanResponseSeconds // 0.02
 */
export function mmcResponseCurve(options: ResponseCurveOptions): ResponseCurve {
  const { servers, serviceTimeSeconds, maxUtilization = 0.98, pointCount = 50, kneeResponseFactor = DEFAULT_KNEE_RESPONSE_FACTOR } = options;
  if (!(maxUtilization > 0 && maxUtilization < 1)) throw new QueueingError(`maximum utilisation must be in (0, 1), got ${maxUtilization}`);
  if (!Number.isInteger(pointCount) || pointCount < 2) throw new QueueingError(`point count must be a whole number ≥ 2, got ${pointCount}`);
  const pointAt = (utilization: number): ResponseCurvePoint => {
    const queue = analyzeMmc({ servers, arrivalRatePerSecond: (utilization * servers) / serviceTimeSeconds, serviceTimeSeconds });
    // Unreachable for ρ < 1; kept so a future caller passing ρ ≥ 1 gets a clear error.
    if (!queue.stable) throw new QueueingError(queue.message);
    const { arrivalRatePerSecond, pWait, meanWaitSeconds, meanResponseSeconds } = queue;
    return { utilization, arrivalRatePerSecond, pWait, meanWaitSeconds, meanResponseSeconds };
  };
  const points = Array.from({ length: pointCount }, (_, i) => pointAt((i / (pointCount - 1)) * maxUtilization));
  const knee = { ...pointAt(kneeUtilization(servers, kneeResponseFactor)), responseFactor: kneeResponseFactor };
  return { points, knee };
}
