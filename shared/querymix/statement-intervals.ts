/**
 * Per-interval activity of one statement from its cumulative counters. pg_stat_statements
 * and MySQL's digest table count from the last reset (or server start); a snapshot series
 * turns into work done between snapshots by differencing. A counter that goes down means
 * a reset (pg_stat_statements_reset(), eviction past pg_stat_statements.max, a restart):
 * the interval then counts from zero, i.e. the newer value itself — an underestimate if
 * work happened before the reset inside the interval, which the `reset` flag makes visible.
 */

export interface CumulativeSample {
  readonly timeMs: number;
  readonly calls: number;
  readonly totalTimeMs: number;
  readonly rows: number;
}

export interface StatementInterval {
  readonly startMs: number;
  readonly endMs: number;
  readonly calls: number;
  readonly totalTimeMs: number;
  readonly rows: number;
  /** The counters went down: a reset happened inside this interval. */
  readonly reset: boolean;
}

/**
 * @param samples one statement's snapshots, sorted by time, distinct times
 * @example statementIntervals([{timeMs: 0, calls: 10, totalTimeMs: 5, rows: 10}, {timeMs: 60_000, calls: 25, totalTimeMs: 9, rows: 25}])
 *   // [{startMs: 0, endMs: 60000, calls: 15, totalTimeMs: 4, rows: 15, reset: false}]
 */
export function statementIntervals(samples: readonly CumulativeSample[]): StatementInterval[] {
  const intervals: StatementInterval[] = [];
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1];
    const after = samples[i];
    if (before === undefined || after === undefined || after.timeMs <= before.timeMs) continue;
    const reset = after.calls < before.calls || after.totalTimeMs < before.totalTimeMs || after.rows < before.rows;
    intervals.push({
      startMs: before.timeMs,
      endMs: after.timeMs,
      calls: reset ? after.calls : after.calls - before.calls,
      totalTimeMs: reset ? after.totalTimeMs : after.totalTimeMs - before.totalTimeMs,
      rows: reset ? after.rows : after.rows - before.rows,
      reset,
    });
  }
  return intervals;
}
