/**
 * The error the queueing models throw when their input cannot describe a queue (a
 * fractional or zero server count, a negative arrival rate, a service time that is not
 * a positive finite number). The message says which input is wrong and what would work.
 * An overloaded queue (utilisation ≥ 1) is not an error: it is an explicit result.
 */
export class QueueingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueingError';
  }
}
