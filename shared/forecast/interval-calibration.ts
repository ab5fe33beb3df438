import type { ForecastPaths } from './forecast-model.js';
import type { OriginResult } from './backtest.js';

/**
 * Empirical widening of prediction intervals that the backtest shows to be too narrow.
 * Model intervals assume the model is right; a linear trend fitted to storage that
 * really grows like a random walk, for instance, gives 95 % intervals that hold far
 * fewer than 95 % of what happened. Scaling each interval's half-width by the quantile
 * of the backtest's |error| ÷ half-width ratios (the idea of empirical prediction
 * intervals: Williams & Goodman 1971; Lee & Scholtes, IJF 30, 2014) makes the
 * intervals cover on the backtest what they claim. Widening needs 20 backtest points;
 * narrowing needs more evidence — 3 origins and 100 points — and stops at half the
 * model's width: a random-walk interval on a series that keeps returning to its weekly
 * shape is as misleading as one too narrow, but a few lucky origins must not shrink it.
 */

/** Fewest backtest points for which the ratios' quantiles mean anything. */
export const MIN_CALIBRATION_POINTS = 20;
/** Narrowing asks for more: this many points over at least {@link MIN_NARROWING_ORIGINS} origins. */
export const MIN_NARROWING_POINTS = 100;
export const MIN_NARROWING_ORIGINS = 3;
/** Never narrower than this share of the model's own interval. */
export const MIN_NARROWING_FACTOR = 0.5;

export interface IntervalCalibration {
  /** Half-widths of the 80 % interval are multiplied by this. */
  readonly factor80: number;
  /** Half-widths of the 95 % interval are multiplied by this (0.5 – ∞; below 1 only with ample evidence). */
  readonly factor95: number;
  /** Backtest points the factors come from. */
  readonly points: number;
}

/**
 * The widening factors from a backtest's origins; 1 and 1 when there are too few points.
 * @example calibrationFactors(backtest(model, y, options).origins).factor95 // 1.7
 */
export function calibrationFactors(origins: readonly OriginResult[]): IntervalCalibration {
  const r80: number[] = [];
  const r95: number[] = [];
  for (const origin of origins) {
    const f = origin.forecast;
    origin.actual.forEach((a, k) => {
      const mean = f.mean[k] as number;
      const above = a >= mean;
      const hw80 = above ? (f.hi80[k] as number) - mean : mean - (f.lo80[k] as number);
      const hw95 = above ? (f.hi95[k] as number) - mean : mean - (f.lo95[k] as number);
      const error = Math.abs(a - mean);
      if (hw80 > 0) r80.push(error / hw80);
      if (hw95 > 0) r95.push(error / hw95);
    });
  }
  const points = Math.min(r80.length, r95.length);
  if (points < MIN_CALIBRATION_POINTS) return { factor80: 1, factor95: 1, points };
  const mayNarrow = points >= MIN_NARROWING_POINTS && origins.length >= MIN_NARROWING_ORIGINS;
  const bound = (q: number): number => (q >= 1 ? q : mayNarrow ? Math.max(MIN_NARROWING_FACTOR, q) : 1);
  return { factor80: bound(quantile(r80, 0.8)), factor95: bound(quantile(r95, 0.95)), points };
}

/**
 * Scales the intervals of a forecast around its mean; the 95 % interval never ends up
 * inside the 80 % one.
 * @example widenIntervals(paths, { factor80: 1.5, factor95: 1.4, points: 60 }).hi95
 */
export function widenIntervals(paths: ForecastPaths, calibration: IntervalCalibration): ForecastPaths {
  const { factor80, factor95 } = calibration;
  const lo80 = paths.mean.map((m, i) => m - factor80 * (m - (paths.lo80[i] as number)));
  const hi80 = paths.mean.map((m, i) => m + factor80 * ((paths.hi80[i] as number) - m));
  const lo95 = paths.mean.map((m, i) => Math.min(lo80[i] as number, m - factor95 * (m - (paths.lo95[i] as number))));
  const hi95 = paths.mean.map((m, i) => Math.max(hi80[i] as number, m + factor95 * ((paths.hi95[i] as number) - m)));
  return { mean: paths.mean, lo80, hi80, lo95, hi95 };
}

/** Type 7 quantile (R's default). */
function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
