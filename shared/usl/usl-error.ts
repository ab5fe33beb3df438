/**
 * The error the USL engine throws when it cannot answer on its input as given (too few
 * distinct concurrency levels, a negative coefficient, a throughput above the model's
 * peak). The message says what is wrong and what would work, so a host can print it as
 * the one line a user reads.
 */
export class UslError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UslError';
  }
}
