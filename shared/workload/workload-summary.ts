import { seriesShape } from '../series/series-shape.js';
import { detectCycles, type CycleAnalysis } from './detect-cycles.js';
import { analyseGrowth, type GrowthAnalysis, type RobustSlope } from './growth.js';
import { detectOutliers, type Outlier, type OutlierMethod } from './outliers.js';
import { analysePeaks, type PeakAnalysis } from './peaks.js';
import { analyseQueryMix, type ActivityInterval, type QueryMixAnalysis } from './query-mix.js';
import { checkSeries, type Numbers } from './series-input.js';
import { detectBreaks, type BreakAnalysis } from './structural-breaks.js';
import { DAY_MS, HOUR_MS, hourOfWeekLabel, hourOfWeek } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';

/**
 * One call that runs every workload analysis on a series and returns a JSON-serialisable
 * summary for the UI and reports: no NaN, no Infinity, no typed arrays, null where a
 * value does not exist. An analysis that does not apply (too little data for growth, say)
 * becomes `{ ok: false, error }` in its section and the others still run.
 */

/** 'size' for things that accumulate (storage, rows), 'load' for rates and utilisation. */
export type SeriesKind = 'load' | 'size';

export type Section<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: string };

export interface ShapeSummary {
  readonly points: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Median sampling interval; null below two distinct times. */
  readonly resolutionMs: number | null;
  readonly gapCount: number;
  readonly gapMs: number;
}

export interface OutlierSummary {
  readonly method: OutlierMethod;
  readonly threshold: number;
  readonly count: number;
  /** Share of points flagged, [0, 1]. */
  readonly share: number;
  /** The most extreme outliers (largest |score|), at most `maxOutliers`, in time order. */
  readonly listed: Outlier[];
  readonly description: string;
}

export interface GrowthSummary {
  readonly overall: GrowthAnalysis;
  /** The daily rate since the last structural break, when there is one with ≥ 14 days after it and ≥ 2 days of data there. */
  readonly sinceLastBreak: (RobustSlope & { readonly sinceMs: number }) | null;
}

export interface WorkloadSummary {
  readonly name: string;
  readonly unit: string;
  readonly kind: SeriesKind;
  readonly shape: ShapeSummary;
  readonly cycles: Section<CycleAnalysis>;
  readonly peaks: Section<PeakAnalysis>;
  readonly growth: Section<GrowthSummary>;
  readonly outliers: Section<OutlierSummary>;
  readonly breaks: Section<BreakAnalysis>;
  /** null when no statement activity was given. */
  readonly queryMix: Section<QueryMixAnalysis> | null;
  /** One plain-language line per analysis, most relevant to the kind first. */
  readonly headlines: string[];
}

export interface WorkloadSummaryOptions {
  readonly name?: string;
  readonly unit?: string;
  /** Default 'load'. */
  readonly kind?: SeriesKind;
  /** Statement activity over the same period, for the query-mix section. */
  readonly statements?: readonly ActivityInterval[];
  /** Busiest-window length, default one hour, and how many windows (default 5). */
  readonly busyWindowMs?: number;
  readonly busyWindows?: number;
  /** Outliers listed in the summary, default 50 (all are counted). */
  readonly maxOutliers?: number;
}

/**
 * Runs cycles, peaks, growth, outliers, structural breaks (and the query mix when
 * statements are given) on one series.
 * @param times epoch ms, UTC, sorted ascending
 * @param values finite numbers
 * @throws {WorkloadError} for an empty or invalid series (each analysis's own
 *   limitations are reported in its section instead)
 * @example summariseWorkload(times, cpu, { name: 'cpu_pct', unit: '%' }).headlines
 *   // ['strong daily cycle (0.93), weaker weekly cycle (0.75)', 'peak-to-average 2.4 …', …]
 */
export function summariseWorkload(times: Numbers, values: Numbers, options: WorkloadSummaryOptions = {}): WorkloadSummary {
  const n = checkSeries(times, values);
  const kind = options.kind ?? 'load';
  const unit = options.unit ?? '';
  const maxOutliers = options.maxOutliers ?? 50;
  const shape = seriesShape([times]);
  const cycles = section(() => detectCycles(times, values));
  const peaks = section(() => analysePeaks(times, values, { windowMs: options.busyWindowMs ?? HOUR_MS, windows: options.busyWindows ?? 5 }));
  const breaks = section(() => detectBreaks(times, values));
  const growth = section((): GrowthSummary => {
    const overall = analyseGrowth(times, values, { unit });
    const last = breaks.ok ? breaks.result.breaks[breaks.result.breaks.length - 1] : undefined;
    const lastTime = times[n - 1] as number;
    const since = last !== undefined && lastTime - last.timeMs >= 14 * DAY_MS ? sinceBreak(times, values, unit, last.timeMs) : null;
    return { overall, sinceLastBreak: since };
  });
  const outliers = section((): OutlierSummary => {
    const found = detectOutliers(times, values);
    const listed = [...found.outliers]
      .sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.index - b.index)
      .slice(0, maxOutliers)
      .sort((a, b) => a.index - b.index);
    return { method: found.method, threshold: found.threshold, count: found.flagged.length, share: found.flagged.length / n, listed, description: found.description };
  });
  const queryMix = options.statements === undefined ? null : section(() => analyseQueryMix(options.statements ?? []));
  const summary: WorkloadSummary = {
    name: options.name ?? '',
    unit,
    kind,
    shape: { points: shape.points, startMs: shape.startMs, endMs: shape.endMs, resolutionMs: shape.resolutionMs ?? null, gapCount: shape.gapCount, gapMs: shape.gapMs },
    cycles,
    peaks,
    growth,
    outliers,
    breaks,
    queryMix,
    headlines: headlines(kind, unit, cycles, peaks, growth, outliers, breaks, queryMix),
  };
  assertFinite(summary, 'summary');
  return summary;
}

/**
 * The growth rate since a break, or null when the data after it cannot give one (a
 * monitoring gap can leave fewer than two days with data even 14 days after the break):
 * that must not cost the overall growth its section.
 */
function sinceBreak(times: Numbers, values: Numbers, unit: string, sinceMs: number): (RobustSlope & { readonly sinceMs: number }) | null {
  try {
    return { ...analyseGrowth(times, values, { unit, sinceMs }).slope, sinceMs };
  } catch (error) {
    if (error instanceof WorkloadError) return null;
    throw error;
  }
}

/** Runs one analysis; a WorkloadError (the analysis does not apply) becomes the section's error. Other errors are bugs and propagate. */
function section<T>(run: () => T): Section<T> {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (error instanceof WorkloadError) return { ok: false, error: error.message };
    throw error;
  }
}

function headlines(
  kind: SeriesKind,
  unit: string,
  cycles: Section<CycleAnalysis>,
  peaks: Section<PeakAnalysis>,
  growth: Section<GrowthSummary>,
  outliers: Section<OutlierSummary>,
  breaks: Section<BreakAnalysis>,
  queryMix: Section<QueryMixAnalysis> | null,
): string[] {
  const line = <T>(s: Section<T>, label: string, text: (r: T) => string): string => `${label}: ${s.ok ? text(s.result) : `not available — ${s.error}`}`;
  const peakText = (p: PeakAnalysis): string => {
    const ratio = p.peakToAverage.p99ToMean;
    const busiest = p.busiestWindows[0];
    const parts = [ratio === null ? 'no peak-to-average ratio (mean not positive or no full day)' : `peak-to-average ${ratio.toFixed(2)} (P99 of daily peaks ÷ mean)`];
    if (busiest !== undefined) parts.push(`busiest hour from ${new Date(busiest.startMs).toISOString().slice(0, 16).replace('T', ' ')} UTC (${hourOfWeekLabel(hourOfWeek(busiest.startMs))}), mean ${busiest.mean.toPrecision(4)}${unit ? ` ${unit}` : ''}`);
    if (p.peakPeriods.hoursOfDay.length > 0) parts.push(`usually busy at ${p.peakPeriods.hoursOfDay.map((h) => `${String(h).padStart(2, '0')}:00`).join(', ')} UTC`);
    return parts.join('; ');
  };
  const lines = {
    cycles: line(cycles, 'Cycles', (c) => c.summary),
    peaks: line(peaks, 'Peaks', peakText),
    growth: line(growth, kind === 'size' ? 'Growth' : 'Trend', (g) => g.overall.summary),
    breaks: line(breaks, 'Breaks', (b) => b.summary),
    outliers: line(outliers, 'Outliers', (o) => o.description),
  };
  const ordered = kind === 'size' ? [lines.growth, lines.breaks, lines.outliers, lines.cycles, lines.peaks] : [lines.cycles, lines.peaks, lines.growth, lines.breaks, lines.outliers];
  if (queryMix !== null) ordered.push(line(queryMix, 'Query mix', (q) => q.summary));
  return ordered;
}

/** A non-finite number in the summary is a bug; fail loudly rather than hand NaN to the UI. */
function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`workload summary: ${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}
