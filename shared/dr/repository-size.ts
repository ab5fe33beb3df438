import { latestRunEndingBy, runEnd, runStart } from './backup-timeline.js';
import type { DrModel } from './dr-model.js';
import { cumulativeWalGiB } from './wal-profile.js';

/**
 * Backup repository size under the plan's retention, with pgBackRest / Barman semantics
 * (dr-anchors §3.6):
 * - count retention keeps the newest `full` completed fulls; while the next full is
 *   being written there are `full + 1` (the peak); time retention keeps every full that
 *   completed inside the window plus the newest one completed before it (it anchors the
 *   window's start — Barman's "first valid backup before the point of recoverability");
 * - differentials and incrementals live as long as the full they depend on (with a
 *   differential count, only the newest that many differentials);
 * - log (WAL) is kept from the start of the oldest retained backup; with archiving, at
 *   least one segment per archive interval is archived even when idle (PostgreSQL
 *   `archive_timeout` forces a switch: 60 s → 1 440 segments a day).
 * Sizes are compressed (`compressionRatio` for backups, the archive's for log). Every
 * retained backup is counted at the current database size, a slight overestimate for a
 * growing database.
 */
export interface RepositorySize {
  readonly fullsGiB: number;
  readonly differentialsGiB: number;
  readonly incrementalsGiB: number;
  readonly walGiB: number;
  /** Time-averaged size of one copy. */
  readonly totalGiB: number;
  /** Largest size of one copy over the cycle (provision for this). */
  readonly peakGiB: number;
  /** Copies: the primary repository and, when planned, the off-site copy. */
  readonly copies: number;
  readonly monthlyCost: number | null;
}

const DAY = 86_400;

/**
 * @example repositorySize(compileDrModel(plan, 12)).peakGiB
 */
export function repositorySize(model: DrModel): RepositorySize {
  const timeline = model.timeline;
  const backups = model.plan.backups;
  const runs = timeline.runCount;
  const cycle = timeline.cycleSeconds;
  const compression = backups.compressionRatio;
  const archiving = model.plan.archiving;
  const walCompression = archiving?.compressionRatio ?? 1;
  // An interval of 0 forces no segment switch (archive_timeout = 0 disables it), so no floor; dividing by it gave Infinity (issue #9).
  const floorGiBPerSecond = archiving === null || archiving.intervalSeconds <= 0 ? 0 : archiving.segmentMiB / 1024 / archiving.intervalSeconds;
  const retention = backups.retention;

  const at = (now: number): { fulls: number; diffs: number; incrs: number; wal: number } => {
    const latest = latestRunEndingBy(timeline, now);
    // The run being written now (if any) counts in full: its space is allocated.
    const next = latest + 1;
    const inProgress = runStart(timeline, next) <= now ? next : null;
    const completedFulls: number[] = [];
    const windowStart = retention.kind === 'time' ? now - retention.windowDays * DAY : Number.NEGATIVE_INFINITY;
    for (let g = latest, guard = 0; guard < runs * 400; g--, guard++) {
      if (timeline.kinds[g - Math.floor(g / runs) * runs] !== 'full') continue;
      completedFulls.push(g);
      if (retention.kind === 'count' ? completedFulls.length >= retention.full : runEnd(timeline, g) < windowStart) break;
    }
    const oldest = completedFulls[completedFulls.length - 1] ?? latest - runs;
    let fulls = 0;
    let diffs = 0;
    let incrs = 0;
    let diffCount = 0;
    const keepDiffs = retention.kind === 'count' ? retention.differential : null;
    for (let g = inProgress ?? latest; g >= oldest; g--) {
      const i = g - Math.floor(g / runs) * runs;
      const stored = (timeline.dataGiB[i] ?? 0) * compression;
      const kind = timeline.kinds[i];
      if (kind === 'full') fulls += stored;
      else if (kind === 'differential') {
        diffCount++;
        if (keepDiffs === null || diffCount <= keepDiffs) diffs += stored;
      } else incrs += stored;
    }
    const span = now - runStart(timeline, oldest);
    const logGiB = Math.max(cumulativeWalGiB(model.wal, now) - cumulativeWalGiB(model.wal, runStart(timeline, oldest)), floorGiBPerSecond * span);
    return { fulls, diffs, incrs, wal: logGiB * walCompression };
  };

  const samples = 512;
  let fulls = 0;
  let diffs = 0;
  let incrs = 0;
  let wal = 0;
  let peak = 0;
  // Start well into the timeline so that every retained backup lies in the past.
  const origin = cycle * 1000;
  for (let k = 0; k < samples; k++) {
    const s = at(origin + ((k + 0.5) / samples) * cycle);
    fulls += s.fulls / samples;
    diffs += s.diffs / samples;
    incrs += s.incrs / samples;
    wal += s.wal / samples;
    peak = Math.max(peak, s.fulls + s.diffs + s.incrs + s.wal);
  }
  for (let i = 0; i < runs; i++) {
    const end = origin + (timeline.ends[i] ?? 0);
    for (const t of [end - 1e-3, end + 1e-3]) {
      const s = at(t);
      peak = Math.max(peak, s.fulls + s.diffs + s.incrs + s.wal);
    }
  }
  const total = fulls + diffs + incrs + wal;
  const copies = backups.offsite === null ? 1 : 2;
  const localPrice = backups.storagePricePerGiBMonth;
  const offsitePrice = backups.offsitePricePerGiBMonth ?? localPrice;
  const monthlyCost = localPrice === null ? null : total * localPrice + (backups.offsite === null ? 0 : total * (offsitePrice ?? 0));
  return { fullsGiB: fulls, differentialsGiB: diffs, incrementalsGiB: incrs, walGiB: wal, totalGiB: total, peakGiB: peak, copies, monthlyCost };
}
