import { WEEKDAYS, type BackupJob, type BackupKind, type BackupPlan, type BackupSchedule } from './dr-plan.js';

/**
 * The backup runs of one full-backup cycle, laid out on the model's timeline (t = 0 is
 * a Monday 00:00 UTC; the cycle repeats forever in both directions). Each run has a
 * start, an end (its consistency point: an online physical backup is consistent at its
 * end — dr-anchors §3.1), the data it reads, and its chain parent with pgBackRest
 * semantics: a differential depends on the last full, an incremental on the previous
 * backup of any type. A run that would start while another is still running is skipped
 * (one backup at a time per stanza), except fulls, which displace the lower-level run.
 */
export interface BackupTimeline {
  readonly cycleSeconds: number;
  /** Runs per cycle (R). Global run g = c·R + i lies in cycle c. */
  readonly runCount: number;
  readonly kinds: readonly BackupKind[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** GiB read by each run (changed blocks for differentials and incrementals). */
  readonly dataGiB: Float64Array;
  /** How many runs back the chain parent is (0 for a full). */
  readonly parentBack: Int32Array;
  /** GiB of differential/incremental pieces to apply on top of the full to restore this run. */
  readonly chainGiB: Float64Array;
  readonly successProbability: Float64Array;
  readonly fullsPerCycle: number;
  /** Runs dropped because another backup was still running. */
  readonly skippedRuns: number;
  /** True when a full backup takes longer than the interval between fulls. */
  readonly fullsOverlap: boolean;
}

const DAY = 86_400;
const WEEK = 7 * DAY;
const PRIORITY: Readonly<Record<BackupKind, number>> = { full: 3, differential: 2, incremental: 1 };

/** Length of the full-backup cycle in seconds. */
export function fullCycleSeconds(full: BackupJob): number {
  return full.schedule.kind === 'every' ? full.schedule.everySeconds : WEEK;
}

function weeklyStarts(schedule: Extract<BackupSchedule, { kind: 'weekly' }>, cycle: number): number[] {
  const starts: number[] = [];
  for (let week = 0; week * WEEK < cycle; week++) {
    for (const day of schedule.weekdays) for (const hour of schedule.hours) starts.push(week * WEEK + WEEKDAYS.indexOf(day) * DAY + hour * 3600);
  }
  return starts;
}

/**
 * Lays out one cycle of the plan's backups for a database of `sizeGiB`.
 * @param sizeGiB database size (drives full duration when given as a throughput)
 * @param dailyChangedFraction share of blocks changed per day, q: a differential d days
 *   after its full reads S·(1 − (1 − q)^d) (uniform random changes; dr-anchors §3.6)
 * @example buildBackupTimeline(plan.backups, 500, 0.05).runCount
 */
export function buildBackupTimeline(backups: Pick<BackupPlan, 'full' | 'differential' | 'incremental'>, sizeGiB: number, dailyChangedFraction: number): BackupTimeline {
  const cycle = fullCycleSeconds(backups.full);
  const fullStarts = backups.full.schedule.kind === 'every' ? [((backups.full.schedule.startHour * 3600) % cycle + cycle) % cycle] : weeklyStarts(backups.full.schedule, cycle);
  fullStarts.sort((a, b) => a - b);
  const candidates: { kind: BackupKind; start: number; job: BackupJob }[] = fullStarts.map((start) => ({ kind: 'full', start, job: backups.full }));
  for (const [kind, job] of [['differential', backups.differential], ['incremental', backups.incremental]] as const) {
    if (job === null) continue;
    if (job.schedule.kind === 'every') {
      const every = job.schedule.everySeconds;
      fullStarts.forEach((fullStart, i) => {
        const nextFull = fullStarts[i + 1] ?? (fullStarts[0] ?? 0) + cycle;
        for (let t = fullStart + every; t < nextFull - 1e-6; t += every) candidates.push({ kind, start: t % cycle, job });
      });
    } else {
      for (const start of weeklyStarts(job.schedule, cycle)) candidates.push({ kind, start, job });
    }
  }
  // One run per moment: the highest level wins.
  candidates.sort((a, b) => a.start - b.start || PRIORITY[b.kind] - PRIORITY[a.kind]);
  const unique = candidates.filter((c, i) => i === 0 || Math.abs(c.start - (candidates[i - 1]?.start ?? -1)) > 1e-6);

  const q = Math.min(1, Math.max(0, dailyChangedFraction));
  const changed = (days: number): number => sizeGiB * (1 - Math.pow(1 - q, Math.max(0, days)));
  const duration = (job: BackupJob, gib: number): number => job.durationSeconds ?? (gib / (job.throughputGiBPerHour ?? 1)) * 3600;

  // Iterate on the doubled sequence (previous cycle, this cycle) until the kept set is stable:
  // what is kept changes parents, parents change sizes, sizes change durations.
  let kept = unique.map(() => true);
  let layout: { kind: BackupKind; start: number; end: number; data: number; job: BackupJob }[] = [];
  for (let pass = 0; pass < 4; pass++) {
    const sequence = [...unique.map((c, i) => ({ ...c, start: c.start - cycle, index: i })), ...unique.map((c, i) => ({ ...c, index: i }))].filter((c) => kept[c.index]);
    const nextKept = unique.map(() => true);
    let lastFullStart = Number.NEGATIVE_INFINITY;
    let previous: { start: number; end: number; kind: BackupKind; index: number } | null = null;
    const placed: typeof layout = [];
    for (const c of sequence) {
      const since: number = c.kind === 'differential' ? lastFullStart : previous === null ? Number.NEGATIVE_INFINITY : previous.start;
      const data: number = c.kind === 'full' ? sizeGiB : Number.isFinite(since) ? changed((c.start - since) / DAY) : sizeGiB;
      const end: number = c.start + duration(c.job, data);
      if (previous !== null && c.start < previous.end - 1e-6 && c.kind !== 'full') {
        if (c.start >= 0) nextKept[c.index] = false;
        continue;
      }
      if (previous !== null && c.start < previous.end - 1e-6 && previous.kind !== 'full' && c.kind === 'full') {
        if (previous.start >= 0) nextKept[previous.index] = false;
        placed.pop();
      }
      if (c.kind === 'full') lastFullStart = c.start;
      previous = { start: c.start, end, kind: c.kind, index: c.index };
      if (c.start >= 0) placed.push({ kind: c.kind, start: c.start, end, data, job: c.job });
    }
    layout = placed;
    const stable = nextKept.every((k, i) => k === kept[i]);
    kept = nextKept.map((k, i) => k && (kept[i] ?? true));
    if (stable) break;
  }

  const runCount = layout.length;
  const kinds = layout.map((r) => r.kind);
  const starts = Float64Array.from(layout, (r) => r.start);
  const ends = Float64Array.from(layout, (r) => r.end);
  const dataGiB = Float64Array.from(layout, (r) => r.data);
  const successProbability = Float64Array.from(layout, (r) => r.job.successProbability);
  const parentBack = new Int32Array(runCount);
  const chainGiB = new Float64Array(runCount);
  for (let i = 0; i < runCount; i++) {
    const kind = kinds[i];
    if (kind === 'full') continue;
    if (kind === 'incremental') parentBack[i] = 1;
    else {
      let back = 1;
      while (back <= runCount && kinds[(((i - back) % runCount) + runCount) % runCount] !== 'full') back++;
      parentBack[i] = back;
    }
  }
  for (let i = 0; i < runCount; i++) {
    let total = 0;
    let g = i;
    for (let guard = 0; guard <= runCount && kinds[((g % runCount) + runCount) % runCount] !== 'full'; guard++) {
      const j = ((g % runCount) + runCount) % runCount;
      total += dataGiB[j] ?? 0;
      g -= parentBack[j] ?? 1;
    }
    chainGiB[i] = total;
  }
  const fullEnds = layout.filter((r) => r.kind === 'full');
  const fullsOverlap = fullEnds.some((r, i) => r.end - r.start >= ((fullEnds[i + 1]?.start ?? (fullEnds[0]?.start ?? 0) + cycle) - r.start));
  return {
    cycleSeconds: cycle,
    runCount,
    kinds,
    starts,
    ends,
    dataGiB,
    parentBack,
    chainGiB,
    successProbability,
    fullsPerCycle: fullEnds.length,
    skippedRuns: unique.length - runCount,
    fullsOverlap,
  };
}

/** Start of global run g (c·R + i). */
export function runStart(timeline: BackupTimeline, g: number): number {
  const r = timeline.runCount;
  const c = Math.floor(g / r);
  return c * timeline.cycleSeconds + (timeline.starts[g - c * r] ?? 0);
}

/** End (consistency point) of global run g. */
export function runEnd(timeline: BackupTimeline, g: number): number {
  const r = timeline.runCount;
  const c = Math.floor(g / r);
  return c * timeline.cycleSeconds + (timeline.ends[g - c * r] ?? 0);
}

/**
 * The latest global run whose end is ≤ `bound` (−Infinity when none could be: never
 * happens, the timeline is infinite backwards).
 */
export function latestRunEndingBy(timeline: BackupTimeline, bound: number): number {
  const r = timeline.runCount;
  const cycle = timeline.cycleSeconds;
  const c = Math.floor(bound / cycle);
  const tau = bound - c * cycle;
  const ends = timeline.ends;
  // Binary search the last i with ends[i] ≤ tau within this cycle.
  let lo = -1;
  let hi = r;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) <= tau) lo = mid;
    else hi = mid;
  }
  let g = c * r + lo;
  // Runs of the previous cycle can end after this cycle started (ends > cycle): step back.
  while (runEnd(timeline, g) > bound) g--;
  // Runs of this cycle with ends ≤ bound after lo cannot exist (ends are sorted); a run of
  // the next cycle cannot end by `bound` either.
  return g;
}

/**
 * How many runs back from the latest one backups are still retained (pgBackRest /
 * Barman steady state at its lowest point, right after expiry): count retention keeps
 * `full` fulls and their chains; time retention keeps everything needed to reach any
 * point of the window, i.e. one full older than the window.
 */
export function retainedRunWindow(timeline: BackupTimeline, retention: BackupPlan['retention']): number {
  const cycles = retention.kind === 'count' ? Math.ceil(retention.full / Math.max(1, timeline.fullsPerCycle)) : Math.ceil((retention.windowDays * DAY) / timeline.cycleSeconds) + 1;
  // The walk back to a usable backup allocates and loops over this many runs: a retention of
  // 6e10 fulls (valid JSON) threw "Invalid typed array length" or hung (issue #9). Beyond
  // MAX_RETAINED_RUNS every newer run would have to fail, which only a success probability
  // of 0 makes likely, and then nothing is restorable at any depth.
  return Math.min(MAX_RETAINED_RUNS, Math.max(1, cycles) * timeline.runCount + timeline.runCount);
}

/** The deepest walk back through retained runs (≈ 11 years of weekly cycles with hourly backups). */
export const MAX_RETAINED_RUNS = 100_000;
