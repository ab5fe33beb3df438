import type { StatementKind } from '../querymix/classify-statement.js';
import { WorkloadError } from './workload-error.js';

/**
 * The query mix: how the load splits into reads and writes over time (by calls and by
 * execution time), which statements dominate, and how that changes between the start and
 * the end of the range. Reads are what a replica can take; a mix that drifts towards
 * writes shrinks that option.
 */

/** One statement's activity in one interval (e.g. from differenced pg_stat_statements snapshots). */
export interface StatementActivity {
  /** Stable identity (pg_stat_statements queryid, a MySQL digest). */
  readonly id: string;
  /** Normalised text, for display. */
  readonly query: string;
  /** As classifyStatement decides it (SELECT … FOR UPDATE is a write). */
  readonly kind: StatementKind;
  readonly calls: number;
  /** Total execution time in the interval, ms. */
  readonly totalTimeMs: number;
  readonly rows: number;
}

/** All statements' activity in one interval [startMs, endMs). */
export interface ActivityInterval {
  /** Default: the previous interval's end (the first interval then counts as a point at endMs). */
  readonly startMs?: number;
  readonly endMs: number;
  readonly statements: readonly StatementActivity[];
}

export interface MixPoint {
  readonly startMs: number;
  readonly endMs: number;
  readonly calls: number;
  readonly timeMs: number;
  /** Shares in [0, 1] of the interval's calls and time; null when it has none. DDL and other make up the rest. */
  readonly readCallShare: number | null;
  readonly writeCallShare: number | null;
  readonly readTimeShare: number | null;
  readonly writeTimeShare: number | null;
}

export interface TopStatement {
  readonly id: string;
  readonly query: string;
  readonly kind: StatementKind;
  readonly calls: number;
  readonly totalTimeMs: number;
  readonly rows: number;
  /** totalTimeMs ÷ calls; null without calls. */
  readonly meanTimeMs: number | null;
  /** Share of all statements' time, [0, 1]. */
  readonly timeShare: number;
}

export interface MixShift {
  /** The first and last quarter of the range [first start, last end), by interval end. */
  readonly early: { readonly fromMs: number; readonly toMs: number; readonly intervals: number };
  readonly late: { readonly fromMs: number; readonly toMs: number; readonly intervals: number };
  /** Read share late minus early, in percentage points; null when either quarter has no calls (time). */
  readonly readCallSharePointsChange: number | null;
  readonly readTimeSharePointsChange: number | null;
  /** Statements whose share of time changed most (either way), in points, largest change first. */
  readonly movers: { readonly id: string; readonly query: string; readonly kind: StatementKind; readonly earlyShare: number; readonly lateShare: number; readonly pointsChange: number }[];
}

export interface QueryMixAnalysis {
  readonly intervals: number;
  readonly totalCalls: number;
  readonly totalTimeMs: number;
  /** Over the whole range. */
  readonly overall: MixPoint;
  readonly overTime: MixPoint[];
  readonly top: TopStatement[];
  /** null with fewer than 2 intervals. */
  readonly shift: MixShift | null;
  readonly summary: string;
}

export interface QueryMixOptions {
  /** Statements in the top list and in the movers, default 10. */
  readonly top?: number;
  /** Pool intervals into buckets of this length (by interval end, UTC-aligned) for overTime, e.g. a day; default none. */
  readonly bucketMs?: number;
}

interface Totals {
  calls: number;
  time: number;
  readCalls: number;
  writeCalls: number;
  readTime: number;
  writeTime: number;
}

/**
 * Analyses the query mix. Shares are of all statements' calls (or time), so DDL and
 * "other" (BEGIN, SET …) are the remainder of read + write.
 * @param intervals activity per interval, any order (sorted by end here)
 * @throws {WorkloadError} when there is no interval, an interval has a non-finite or
 *   negative count or time, an interval ends before it starts, or options are invalid
 * @example analyseQueryMix(intervals).shift?.readTimeSharePointsChange // -4.2 (reads lost 4.2 points of time share)
 */
export function analyseQueryMix(intervals: readonly ActivityInterval[], options: QueryMixOptions = {}): QueryMixAnalysis {
  const topN = options.top ?? 10;
  if (!(Number.isInteger(topN) && topN > 0)) throw new WorkloadError(`the number of top statements must be a positive integer, got ${topN}`);
  if (options.bucketMs !== undefined && !(options.bucketMs > 0 && Number.isFinite(options.bucketMs))) throw new WorkloadError(`the bucket length must be a positive number of ms, got ${options.bucketMs}`);
  if (intervals.length === 0) throw new WorkloadError('no statement activity to analyse');
  // Checked before sorting, so that a message's index is the caller's index (and a NaN
  // end cannot scramble the sort first).
  intervals.forEach((interval, i) => {
    if (!Number.isFinite(interval.endMs)) throw new WorkloadError(`interval ${i} has no finite end (${interval.endMs})`);
    if (interval.startMs !== undefined && !Number.isFinite(interval.startMs)) throw new WorkloadError(`interval ${i} has a start that is not a finite time (${interval.startMs})`);
    if (interval.startMs !== undefined && !(interval.startMs <= interval.endMs)) throw new WorkloadError(`interval ${i} ends (${interval.endMs}) before it starts (${interval.startMs})`);
    for (const s of interval.statements) {
      for (const [name, v] of [['calls', s.calls], ['totalTimeMs', s.totalTimeMs], ['rows', s.rows]] as const) {
        if (!(Number.isFinite(v) && v >= 0)) throw new WorkloadError(`statement ${s.id} in interval ${i} has ${name} = ${v}; counts and times must be finite and ≥ 0`);
      }
    }
  });
  const sorted = [...intervals].sort((a, b) => a.endMs - b.endMs);
  const startOf = (i: number): number => sorted[i]?.startMs ?? sorted[i - 1]?.endMs ?? (sorted[i] as ActivityInterval).endMs;

  const overTime: MixPoint[] = [];
  const bucketMs = options.bucketMs;
  let current: { startMs: number; endMs: number; totals: Totals } | undefined;
  let currentKey: number | undefined;
  const all = emptyTotals();
  const byStatement = new Map<string, { query: string; kind: StatementKind; calls: number; time: number; rows: number }>();
  sorted.forEach((interval, i) => {
    const totals = emptyTotals();
    for (const s of interval.statements) {
      add(totals, s);
      add(all, s);
      const entry = byStatement.get(s.id) ?? { query: s.query, kind: s.kind, calls: 0, time: 0, rows: 0 };
      entry.calls += s.calls;
      entry.time += s.totalTimeMs;
      entry.rows += s.rows;
      byStatement.set(s.id, entry);
    }
    // A bucket holds the intervals ending in (k·bucket, (k+1)·bucket]: an hourly snapshot at 00:00 closes the previous day.
    const key = bucketMs === undefined ? i : Math.ceil(interval.endMs / bucketMs) - 1;
    if (current !== undefined && key === currentKey) {
      merge(current.totals, totals);
      current.endMs = interval.endMs;
    } else {
      if (current !== undefined) overTime.push(point(current.startMs, current.endMs, current.totals));
      current = { startMs: bucketMs === undefined ? startOf(i) : key * bucketMs, endMs: bucketMs === undefined ? interval.endMs : (key + 1) * bucketMs, totals };
      currentKey = key;
    }
  });
  if (current !== undefined) overTime.push(point(current.startMs, current.endMs, current.totals));
  // The earliest start, not the first interval's: with explicit starts, an interval that
  // ends later may start earlier (a long snapshot next to short ones).
  let rangeStart = startOf(0);
  for (let i = 1; i < sorted.length; i++) rangeStart = Math.min(rangeStart, startOf(i));
  const rangeEnd = (sorted[sorted.length - 1] as ActivityInterval).endMs;

  const top: TopStatement[] = [...byStatement.entries()]
    .sort((a, b) => b[1].time - a[1].time || b[1].calls - a[1].calls || a[0].localeCompare(b[0]))
    .slice(0, topN)
    .map(([id, s]) => ({ id, query: s.query, kind: s.kind, calls: s.calls, totalTimeMs: s.time, rows: s.rows, meanTimeMs: s.calls > 0 ? s.time / s.calls : null, timeShare: all.time > 0 ? s.time / all.time : 0 }));

  const shift = sorted.length >= 2 ? mixShift(sorted, rangeStart, rangeEnd, topN) : null;
  const overall = point(rangeStart, rangeEnd, all);
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const parts = [`reads ${pct(overall.readCallShare)} of calls and ${pct(overall.readTimeShare)} of time`];
  const first = top[0];
  if (first !== undefined) parts.push(`top statement ${pct(first.timeShare)} of time (${first.kind})`);
  const change = shift?.readTimeSharePointsChange;
  if (change !== undefined && change !== null) parts.push(`read share of time ${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)} points from the first to the last quarter`);
  return { intervals: sorted.length, totalCalls: all.calls, totalTimeMs: all.time, overall, overTime, top, shift, summary: parts.join('; ') };
}

function emptyTotals(): Totals {
  return { calls: 0, time: 0, readCalls: 0, writeCalls: 0, readTime: 0, writeTime: 0 };
}

function add(t: Totals, s: StatementActivity): void {
  t.calls += s.calls;
  t.time += s.totalTimeMs;
  if (s.kind === 'read') {
    t.readCalls += s.calls;
    t.readTime += s.totalTimeMs;
  } else if (s.kind === 'write') {
    t.writeCalls += s.calls;
    t.writeTime += s.totalTimeMs;
  }
}

function merge(into: Totals, from: Totals): void {
  into.calls += from.calls;
  into.time += from.time;
  into.readCalls += from.readCalls;
  into.writeCalls += from.writeCalls;
  into.readTime += from.readTime;
  into.writeTime += from.writeTime;
}

function point(startMs: number, endMs: number, t: Totals): MixPoint {
  const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
  return {
    startMs,
    endMs,
    calls: t.calls,
    timeMs: t.time,
    readCallShare: share(t.readCalls, t.calls),
    writeCallShare: share(t.writeCalls, t.calls),
    readTimeShare: share(t.readTime, t.time),
    writeTimeShare: share(t.writeTime, t.time),
  };
}

/** First vs last quarter of the range, by interval end. */
function mixShift(sorted: readonly ActivityInterval[], rangeStart: number, rangeEnd: number, topN: number): MixShift {
  const quarter = (rangeEnd - rangeStart) / 4;
  const earlyTo = rangeStart + quarter;
  const lateFrom = rangeEnd - quarter;
  const early = sorted.filter((x) => x.endMs <= earlyTo);
  const late = sorted.filter((x) => x.endMs > lateFrom);
  const sum = (xs: readonly ActivityInterval[]): { totals: Totals; time: Map<string, { query: string; kind: StatementKind; time: number }> } => {
    const totals = emptyTotals();
    const time = new Map<string, { query: string; kind: StatementKind; time: number }>();
    for (const x of xs) {
      for (const s of x.statements) {
        add(totals, s);
        const entry = time.get(s.id) ?? { query: s.query, kind: s.kind, time: 0 };
        entry.time += s.totalTimeMs;
        time.set(s.id, entry);
      }
    }
    return { totals, time };
  };
  const a = sum(early);
  const b = sum(late);
  const pa = point(rangeStart, earlyTo, a.totals);
  const pb = point(lateFrom, rangeEnd, b.totals);
  const points = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : (y - x) * 100);
  const ids = new Set([...a.time.keys(), ...b.time.keys()]);
  const movers = [...ids]
    .map((id) => {
      const ea = a.time.get(id);
      const eb = b.time.get(id);
      const earlyShare = a.totals.time > 0 ? (ea?.time ?? 0) / a.totals.time : 0;
      const lateShare = b.totals.time > 0 ? (eb?.time ?? 0) / b.totals.time : 0;
      // Every id comes from one of the two maps, so the fallback is never used.
      const meta = eb ?? ea ?? { query: '', kind: 'other' satisfies StatementKind };
      return { id, query: meta.query, kind: meta.kind, earlyShare, lateShare, pointsChange: (lateShare - earlyShare) * 100 };
    })
    .sort((x, y) => Math.abs(y.pointsChange) - Math.abs(x.pointsChange) || x.id.localeCompare(y.id))
    .slice(0, topN);
  return {
    early: { fromMs: rangeStart, toMs: earlyTo, intervals: early.length },
    late: { fromMs: lateFrom, toMs: rangeEnd, intervals: late.length },
    readCallSharePointsChange: points(pa.readCallShare, pb.readCallShare),
    readTimeSharePointsChange: points(pa.readTimeShare, pb.readTimeShare),
    movers,
  };
}
