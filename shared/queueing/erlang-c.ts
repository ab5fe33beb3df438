import { erlangB } from './erlang-b.js';
import { QueueingError } from './queueing-error.js';

/**
 * The M/M/c queue (Poisson arrivals, exponential service, c identical servers, one FIFO
 * queue, unlimited waiting room): the standard first model of "how much slower does a
 * pool of c workers get as load rises" — connection pools, worker threads, DB cores.
 *
 * Overload is a result, not an exception: at utilisation ρ = λS/c ≥ 1 the queue has no
 * steady state (it grows without bound), so {@link analyzeMmc} returns
 * `{ stable: false, … }` with the smallest server count that would be stable, and the
 * caller decides how to show it. Malformed input (c = 2.5, S = 0) throws {@link QueueingError}.
 */

/**
 * Erlang's delay formula C(c, A): the probability that an arrival has to wait in an
 * M/M/c queue offered A = λS erlangs. Computed from Erlang B as
 * C = B / (1 − ρ(1 − B)) with ρ = A/c (e.g. Kleinrock, Queueing Systems vol. 1, §3.5;
 * Octave `queueing` package `erlangc`), never through factorials, so it stays accurate
 * for thousands of servers.
 * @param servers c, an integer ≥ 1
 * @param offeredLoadErlangs A = λ·S, with 0 ≤ A < c
 * @returns P(wait) in [0, 1)
 * @throws {QueueingError} for a bad c or A, or A ≥ c (no steady state)
 * @example erlangC(4, 3.5) // 0.7378610940381068 (PDQ's M/M/4 example)
 */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  assertServers(servers);
  if (!(offeredLoadErlangs < servers)) throw new QueueingError(`offered load ${offeredLoadErlangs} erlangs is not below ${servers} servers: the queue has no steady state`);
  const blocking = erlangB(servers, offeredLoadErlangs);
  const utilization = offeredLoadErlangs / servers;
  return blocking / (1 - utilization * (1 - blocking));
}

/** An M/M/c queue: c servers, arrival rate λ, mean service time S. */
export interface MmcInput {
  /** c: identical servers (cores, workers, connections), an integer ≥ 1. */
  readonly servers: number;
  /** λ: mean arrivals per second (Poisson), ≥ 0. */
  readonly arrivalRatePerSecond: number;
  /** S: mean service time of one request on one server in seconds (exponential), > 0. */
  readonly serviceTimeSeconds: number;
}

/** Steady-state measures of a stable M/M/c queue (ρ < 1). */
export interface MmcStable extends MmcInput {
  readonly stable: true;
  /** A = λ·S: the mean number of busy servers, in erlangs. */
  readonly offeredLoadErlangs: number;
  /** ρ = λS/c: the fraction of time each server is busy, in [0, 1). */
  readonly utilization: number;
  /** Erlang C: probability that an arrival waits at all, in [0, 1). */
  readonly pWait: number;
  /** W_q = C·S/(c − A): mean time in queue before service starts, seconds. */
  readonly meanWaitSeconds: number;
  /** R = W_q + S: mean time from arrival to completion, seconds. */
  readonly meanResponseSeconds: number;
  /** L_q = λ·W_q: mean number of requests waiting (Little's law). */
  readonly meanQueueLength: number;
  /** L = λ·R = L_q + A: mean number of requests in the system. */
  readonly meanInSystem: number;
  /** cμ − λ = (c − A)/S, per second: the rate at which the wait-time tail decays. */
  readonly waitDecayRatePerSecond: number;
}

/** An M/M/c queue offered at least as much work as its servers can do (ρ ≥ 1). */
export interface MmcUnstable extends MmcInput {
  readonly stable: false;
  readonly offeredLoadErlangs: number;
  /** ρ = λS/c ≥ 1. */
  readonly utilization: number;
  /** ⌊A⌋ + 1: the fewest servers with ρ < 1 at this arrival rate and service time. */
  readonly minimumStableServers: number;
  /** c/S: arrival rates strictly below this are stable with the given servers. */
  readonly saturationArrivalRatePerSecond: number;
  /** One sentence for the user: what is wrong and what would work. */
  readonly message: string;
}

export type MmcResult = MmcStable | MmcUnstable;

/**
 * Solves an M/M/c queue: utilisation, Erlang C, mean wait, mean response time and
 * queue lengths (formulas in e.g. Gross & Harris, Fundamentals of Queueing Theory, §2.3;
 * Gunther, Analyzing Computer System Performance with Perl::PDQ, ch. 2).
 * @param input servers c, arrival rate λ per second, service time S in seconds
 * @returns `{ stable: true, … }` when ρ < 1; `{ stable: false, minimumStableServers, message }` when ρ ≥ 1
 * @throws {QueueingError} when c is not an integer ≥ 1, λ is negative or not finite, S is not a positive finite number, or λ·S overflows
 * @example analyzeMmc({ servers: 4, arrivalRatePerSecond: 0.35 / 60, serviceTimeSeconds: 600 }).meanWaitSeconds // 885.43331284…
 */
export function analyzeMmc(input: MmcInput): MmcResult {
  const { servers, arrivalRatePerSecond, serviceTimeSeconds } = input;
  assertServers(servers);
  if (!Number.isFinite(arrivalRatePerSecond) || arrivalRatePerSecond < 0) throw new QueueingError(`arrival rate must be a finite number of requests per second ≥ 0, got ${arrivalRatePerSecond}`);
  if (!Number.isFinite(serviceTimeSeconds) || !(serviceTimeSeconds > 0)) throw new QueueingError(`service time must be a positive finite number of seconds, got ${serviceTimeSeconds}`);
  const base = { servers, arrivalRatePerSecond, serviceTimeSeconds };
  const offeredLoadErlangs = arrivalRatePerSecond * serviceTimeSeconds;
  // λ·S can overflow although each is finite (1e300 × 1e300): the "unstable" answer then
  // said "use at least Infinity servers" (issue #9).
  if (!Number.isFinite(offeredLoadErlangs)) {
    throw new QueueingError(`the offered load λ·S = ${arrivalRatePerSecond} × ${serviceTimeSeconds} is too large to compute; check the units of the arrival rate (per second) and the service time (seconds)`);
  }
  const utilization = offeredLoadErlangs / servers;
  if (!(utilization < 1)) {
    const minimumStableServers = Math.floor(offeredLoadErlangs) + 1;
    const saturationArrivalRatePerSecond = servers / serviceTimeSeconds;
    return {
      ...base,
      stable: false,
      offeredLoadErlangs,
      utilization,
      minimumStableServers,
      saturationArrivalRatePerSecond,
      message: `utilisation ${utilization.toPrecision(4)} ≥ 1: ${servers} server(s) cannot keep up with ${arrivalRatePerSecond} requests/s at ${serviceTimeSeconds} s each, so the queue grows without bound — use at least ${minimumStableServers} servers or keep arrivals below ${saturationArrivalRatePerSecond.toPrecision(6)}/s`,
    };
  }
  const pWait = erlangC(servers, offeredLoadErlangs);
  const idleServers = servers - offeredLoadErlangs;
  const meanWaitSeconds = (pWait * serviceTimeSeconds) / idleServers;
  const meanQueueLength = (pWait * offeredLoadErlangs) / idleServers;
  return {
    ...base,
    stable: true,
    offeredLoadErlangs,
    utilization,
    pWait,
    meanWaitSeconds,
    meanResponseSeconds: meanWaitSeconds + serviceTimeSeconds,
    meanQueueLength,
    meanInSystem: meanQueueLength + offeredLoadErlangs,
    waitDecayRatePerSecond: idleServers / serviceTimeSeconds,
  };
}

/**
 * Narrows an {@link MmcResult} to the stable case, for callers that cannot show an
 * overloaded queue (a CLI that must print a mean wait).
 * @throws {QueueingError} with the result's own message when ρ ≥ 1
 * @example requireStableMmc(analyzeMmc({ servers: 1, arrivalRatePerSecond: 0.5, serviceTimeSeconds: 1 })).meanResponseSeconds // 2
 */
export function requireStableMmc(result: MmcResult): MmcStable {
  if (!result.stable) throw new QueueingError(result.message);
  return result;
}

function assertServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 1) throw new QueueingError(`servers must be a whole number ≥ 1, got ${servers}`);
}
