import { uslResponseTimeSeconds, uslThroughput, type UslCoefficients } from '../../../shared/usl/usl-model.js';

/** A measured load-test level, with its latency when the test recorded one. */
export interface MeasuredPoint {
  readonly concurrency: number;
  readonly throughput: number;
  readonly latencyMs: number | null;
}

/** One row of the USL and latency charts: the curves at N, and a measurement when one was taken at N. */
export interface CurveRow {
  readonly n: number;
  readonly fitted: number;
  readonly fittedMs: number;
  readonly whatIf?: number;
  readonly whatIfMs?: number;
  readonly measured?: number;
  readonly measuredMs?: number;
}

const GRID_POINTS = 120;

/**
 * The fitted curve (and the what-if), X(N) and R(N) = N/X(N) by Little's law, from N = 1
 * (or the smallest measured N) to a quarter beyond the furthest of the largest measured N
 * and the peaks — capped at 20× the largest measured N, so that a what-if without a peak
 * does not flatten the measurements into the axis.
 * @example uslRows([{ concurrency: 1, throughput: 900, latencyMs: 1.1 }, …], fit, undefined, [fit.peakN]).length // 120 + the measured points
 */
export function uslRows(points: readonly MeasuredPoint[], base: UslCoefficients, whatIf: UslCoefficients | undefined, peaks: readonly (number | null)[]): CurveRow[] {
  if (points.length === 0) return [];
  const largest = Math.max(...points.map((p) => p.concurrency));
  const smallest = Math.min(1, ...points.map((p) => p.concurrency));
  const furthest = Math.max(largest, ...peaks.filter((p): p is number => p !== null && Number.isFinite(p)));
  const top = Math.min(furthest * 1.25, largest * 20);
  const at = (n: number, measured?: MeasuredPoint): CurveRow => {
    const row: { -readonly [K in keyof CurveRow]: CurveRow[K] } = { n, fitted: uslThroughput(base, n), fittedMs: uslResponseTimeSeconds(base, n) * 1000 };
    if (whatIf !== undefined) {
      row.whatIf = uslThroughput(whatIf, n);
      row.whatIfMs = uslResponseTimeSeconds(whatIf, n) * 1000;
    }
    if (measured !== undefined) {
      row.measured = measured.throughput;
      if (measured.latencyMs !== null && Number.isFinite(measured.latencyMs)) row.measuredMs = measured.latencyMs;
    }
    return row;
  };
  const rows = Array.from({ length: GRID_POINTS }, (_, i) => at(smallest + (i * (top - smallest)) / (GRID_POINTS - 1)));
  for (const p of points) rows.push(at(p.concurrency, p));
  return rows.sort((a, b) => a.n - b.n);
}

/**
 * Axis ticks from 0 at round steps (1, 2, 2.5, 5 × a power of ten), the last at or above
 * `top`, so that an axis ends on a labelled round number.
 * @example roundTicks(14_300, 5) // [0, 5000, 10000, 15000]
 */
export function roundTicks(top: number, count = 8): number[] {
  if (!(top > 0) || !Number.isFinite(top)) return [0];
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let i = 0; i === 0 || (ticks[i - 1] as number) < top - 1e-9 * step; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
