import type { WorkloadShape } from '../../shared/capacity/scaling/scaling-types.js';
import type { WorkspaceDb } from './open-workspace.js';
import { findSeriesByName } from './series-catalog.js';
import { readSeriesPoints } from './series-points.js';
import { readStatementActivity } from './statement-activity.js';

const DAY_MS = 86_400_000;

/** Cross-shard work per shard when nothing better is known: a stated assumption, shown in the report. */
export const DEFAULT_SHARDING_OVERHEAD = 0.1;

/**
 * How the workload splits, for replicas: the read share of execution time from the
 * statement statistics (what replicas can take), else the read share of queries; the
 * read share of IOPS from read_iops / write_iops. Over the last `windowDays`.
 */
export function readWorkloadShape(db: WorkspaceDb, windowDays: number, usl: { sigma: number; kappa: number } | undefined): Omit<WorkloadShape, 'monthlyPeakQps'> {
  return {
    readShareOfWork: readShareOfTime(db, windowDays) ?? seriesShare(db, 'read_qps', 'write_qps', windowDays) ?? 0.5,
    readShareOfIops: seriesShare(db, 'read_iops', 'write_iops', windowDays) ?? 0.5,
    usl,
    shardingOverhead: DEFAULT_SHARDING_OVERHEAD,
  };
}

function readShareOfTime(db: WorkspaceDb, windowDays: number): number | undefined {
  const intervals = readStatementActivity(db);
  const end = intervals[intervals.length - 1]?.endMs;
  if (end === undefined) return undefined;
  let read = 0;
  let write = 0;
  for (const interval of intervals) {
    if (interval.endMs <= end - windowDays * DAY_MS) continue;
    for (const s of interval.statements) {
      if (s.kind === 'read') read += s.totalTimeMs;
      else if (s.kind === 'write') write += s.totalTimeMs;
    }
  }
  return read + write > 0 ? read / (read + write) : undefined;
}

function seriesShare(db: WorkspaceDb, readName: string, writeName: string, windowDays: number): number | undefined {
  if (findSeriesByName(db, readName) === undefined || findSeriesByName(db, writeName) === undefined) return undefined;
  const total = (name: string): number => {
    const points = readSeriesPoints(db, name);
    const end = points.times[points.times.length - 1] ?? 0;
    let sum = 0;
    points.times.forEach((t, i) => {
      if (t > end - windowDays * DAY_MS) sum += points.values[i] as number;
    });
    return sum;
  };
  const r = total(readName);
  const w = total(writeName);
  return r + w > 0 ? r / (r + w) : undefined;
}
