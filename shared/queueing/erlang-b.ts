import { QueueingError } from './queueing-error.js';

/**
 * Erlang's loss formula B(c, A): the probability that an arrival finds all c servers busy
 * in an M/M/c/c system (no waiting room) offered A = λ·S erlangs. It is the stable way
 * into Erlang C, so it lives on its own.
 */

/**
 * Erlang B by the recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) (e.g. Kleinrock,
 * Queueing Systems vol. 1, §3.7; Octave `queueing` package `erlangb`). Every iterate is a
 * probability in [0, 1], so nothing overflows even for thousands of servers — the textbook
 * form Aᶜ/c! / Σ Aᵏ/k! overflows a double near c = 170. Cost O(c).
 * @param servers c, an integer ≥ 0
 * @param offeredLoadErlangs A = λ·S ≥ 0 (arrival rate × mean service time, dimensionless)
 * @returns B(c, A) in [0, 1]
 * @throws {QueueingError} for a non-integer or negative c, or a negative or non-finite A
 * @example erlangB(2, 1) // 0.2
 */
export function erlangB(servers: number, offeredLoadErlangs: number): number {
  if (!Number.isInteger(servers) || servers < 0) throw new QueueingError(`servers must be a whole number ≥ 0, got ${servers}`);
  if (!(offeredLoadErlangs >= 0) || !Number.isFinite(offeredLoadErlangs)) throw new QueueingError(`offered load must be a finite number of erlangs ≥ 0, got ${offeredLoadErlangs}`);
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    const carried = offeredLoadErlangs * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}
