/**
 * The error every workload analysis throws when it cannot run on its input as given
 * (empty series, unsorted times, a non-finite value, too little data for the question).
 * The message says what is wrong and what would work; callers such as the workload
 * summary catch it per section, so one inapplicable analysis never hides the others.
 */
export class WorkloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkloadError';
  }
}
