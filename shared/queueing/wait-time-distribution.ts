import type { MmcStable } from './erlang-c.js';
import { QueueingError } from './queueing-error.js';

/**
 * The distribution of the time a request waits before service in a stable M/M/c queue
 * with FIFO order. The wait is 0 with probability 1 − C and otherwise exponential with
 * rate cμ − λ, so P(W_q > t) = C·e^{−(cμ−λ)t} (Gross & Harris, Fundamentals of Queueing
 * Theory, §2.3.1). Means hide the tail that users feel; these give percentiles and
 * service levels ("95 % start within 20 ms").
 */

/**
 * P(W_q > t): the probability that a request waits longer than t before service starts.
 * @param queue a stable result of {@link analyzeMmc}
 * @param waitSeconds t ≥ 0, seconds
 * @returns a probability in [0, pWait]
 * @throws {QueueingError} for a negative or non-finite t
 * @example waitExceedanceProbability(requireStableMmc(analyzeMmc({ servers: 12, arrivalRatePerSecond: 100 / 1800, serviceTimeSeconds: 180 })), 20) // 0.35984…
 */
export function waitExceedanceProbability(queue: MmcStable, waitSeconds: number): number {
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new QueueingError(`wait time must be a finite number of seconds ≥ 0, got ${waitSeconds}`);
  return queue.pWait * Math.exp(-queue.waitDecayRatePerSecond * waitSeconds);
}

/**
 * Service level P(W_q ≤ t) = 1 − C·e^{−(cμ−λ)t}: the share of requests whose service starts
 * within t (the call-centre "80 % answered within 20 s").
 * @param queue a stable result of {@link analyzeMmc}
 * @param waitSeconds t ≥ 0, seconds
 * @throws {QueueingError} for a negative or non-finite t
 * @example serviceLevel(requireStableMmc(analyzeMmc({ servers: 12, arrivalRatePerSecond: 100 / 1800, serviceTimeSeconds: 180 })), 20) // 0.64016…
 */
export function serviceLevel(queue: MmcStable, waitSeconds: number): number {
  return 1 - waitExceedanceProbability(queue, waitSeconds);
}

/**
 * The p-quantile of the wait before service: the smallest t with P(W_q ≤ t) ≥ p. It is 0
 * when at least a share p of requests do not wait at all (1 − C ≥ p), and otherwise
 * t = ln(C/(1 − p)) / (cμ − λ).
 * @param queue a stable result of {@link analyzeMmc}
 * @param probability p in (0, 1), e.g. 0.95 for the 95th percentile
 * @returns seconds ≥ 0
 * @throws {QueueingError} for p outside (0, 1)
 * @example waitPercentileSeconds(requireStableMmc(analyzeMmc({ servers: 1, arrivalRatePerSecond: 0.5, serviceTimeSeconds: 1 })), 0.95) // ln(10)/0.5 = 4.6051…
 */
export function waitPercentileSeconds(queue: MmcStable, probability: number): number {
  if (!(probability > 0 && probability < 1)) throw new QueueingError(`percentile must be a probability in (0, 1), got ${probability}`);
  const tail = 1 - probability;
  if (queue.pWait <= tail) return 0;
  return Math.log(queue.pWait / tail) / queue.waitDecayRatePerSecond;
}
