import type { FittedModel, ForecastModel, ForecastPaths } from './forecast-model.js';
import { assertHorizon, assertSeries, scaledPaths } from './forecast-paths.js';
import { studentTQuantile } from './student-t.js';
import { formatNumber } from './format-number.js';

/**
 * Ordinary least-squares linear trend y = a + b·t with the exact OLS prediction interval
 * (the `predict_linear` every operator knows, plus honest uncertainty). Time t counts
 * steps from the first observation (t = 0); step h ahead is t = n − 1 + h.
 */

/** A fitted linear trend: the contract's FittedModel plus what closed-form runway needs. */
export interface LinearTrendFit extends FittedModel {
  /** a: the line's value at t = 0 (the first observation), in the series' unit. */
  readonly intercept: number;
  /** b: change per step, in the series' unit per step. */
  readonly slope: number;
  /** Number of observations n. */
  readonly n: number;
  /** Mean time t̄ = (n − 1)/2. */
  readonly tMean: number;
  /** Σ(t − t̄)². */
  readonly sxx: number;
  /** Residual standard error s = √(SSR/(n − 2)). */
  readonly sigma: number;
  /** Degrees of freedom n − 2. */
  readonly df: number;
  /** t₀.₉(n − 2): half-width multiplier of the 80 % interval. */
  readonly q80: number;
  /** t₀.₉₇₅(n − 2): half-width multiplier of the 95 % interval. */
  readonly q95: number;
}

/**
 * Fits y = a + b·t by OLS and forecasts with the exact prediction interval
 * ŷ ± t_{1−α/2}(n−2) · s · √(1 + 1/n + (t − t̄)²/Σ(t − t̄)²)
 * (e.g. Montgomery, Peck & Vining, Introduction to Linear Regression Analysis, §2.4.2).
 * @param y evenly spaced finite values, oldest first, at least 3
 * @throws {ForecastError} for fewer than 3 points or non-finite values
 * @example fitLinearTrend([1, 3, 2, 5, 4]).forecast(1).hi95 // [10.451976890758…]
 */
export function fitLinearTrend(y: readonly number[]): LinearTrendFit {
  assertSeries(y, 3, 'Linear trend');
  const n = y.length;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    const dt = t - tMean;
    sxy += dt * ((y[t] ?? 0) - yMean);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * tMean;
  const fitted = new Array<number>(n);
  let ssr = 0;
  for (let t = 0; t < n; t++) {
    const f = intercept + slope * t;
    fitted[t] = f;
    const r = (y[t] ?? 0) - f;
    ssr += r * r;
  }
  const df = n - 2;
  const sigma = Math.sqrt(ssr / df);
  const q80 = studentTQuantile(0.9, df);
  const q95 = studentTQuantile(0.975, df);
  const forecast = (h: number): ForecastPaths => {
    assertHorizon(h);
    const mean = new Array<number>(h);
    const sd = new Array<number>(h);
    for (let k = 1; k <= h; k++) {
      const t = n - 1 + k;
      mean[k - 1] = intercept + slope * t;
      sd[k - 1] = sigma * Math.sqrt(1 + 1 / n + ((t - tMean) * (t - tMean)) / sxx);
    }
    return scaledPaths(mean, sd, q80, q95);
  };
  return {
    description: `Linear trend ${formatNumber(intercept)} + ${formatNumber(slope)}·t per step (s=${formatNumber(sigma)}, n=${n})`,
    parameters: { intercept, slope, sigma, n },
    fitted,
    forecast,
    intercept,
    slope,
    n,
    tMean,
    sxx,
    sigma,
    df,
    q80,
    q95,
  };
}

/** The OLS linear trend as a {@link ForecastModel}; seasonal periods are ignored. */
export const linearTrendModel: ForecastModel = {
  id: 'linear-trend',
  label: 'Linear trend',
  fit: (y) => fitLinearTrend(y),
};

/** Steps after the last observation at which each path first reaches a threshold; undefined if never. */
export interface LinearCrossing {
  readonly mean: number | undefined;
  readonly lo80: number | undefined;
  readonly hi80: number | undefined;
  readonly lo95: number | undefined;
  readonly hi95: number | undefined;
}

/**
 * When the mean line and the 80/95 % prediction bounds of a linear trend first reach a
 * threshold, in closed form (for runway: "full in h steps", with the pessimistic and the
 * optimistic date). For a bound m + b·u ± k·√(A + u²/Sxx) = c (u = t − t̄, A = 1 + 1/n,
 * k = q·s) squaring gives (b² − k²/Sxx)u² − 2(c − m)b·u + (c − m)² − k²A = 0; a root is
 * kept when it lies on the right branch (sign of c − m − b·u matches the bound's side).
 *
 * Each time is the first h ≥ 0 (real, in steps after the last observation) at which the
 * path is at or beyond the threshold in `direction` — `'up'`: value ≥ threshold,
 * `'down'`: value ≤ threshold; 0 when it already is at h = 0 (the last observation's
 * time), undefined when it never gets there. The path at integer steps agrees with
 * `fit.forecast(H)`: for a time τ > 0 the first step k with the path past the threshold is ⌈τ⌉.
 * For rising series the hi95 time is the earliest ("pessimistic") runway.
 * @param fit a {@link LinearTrendFit}
 * @param threshold the capacity or limit, in the series' unit
 * @param direction `'up'` or `'down'`; by default the direction of the slope
 * @example linearCrossing(fitLinearTrend([10, 20, 30, 40]), 100).mean // 6
 */
export function linearCrossing(fit: LinearTrendFit, threshold: number, direction: 'up' | 'down' = fit.slope >= 0 ? 'up' : 'down'): LinearCrossing {
  const past = direction === 'up' ? (v: number) => v >= threshold : (v: number) => v <= threshold;
  const offset = fit.n - 1 - fit.tMean; // u = h + offset
  const meanAtCentre = fit.intercept + fit.slope * fit.tMean;
  const a = 1 + 1 / fit.n;
  const bound = (side: -1 | 0 | 1, q: number): number | undefined => {
    const k = side === 0 ? 0 : q * fit.sigma;
    const value = (h: number): number => {
      const u = h + offset;
      return meanAtCentre + fit.slope * u + side * k * Math.sqrt(a + (u * u) / fit.sxx);
    };
    if (past(value(0))) return 0;
    const d = threshold - meanAtCentre;
    const candidates: number[] = [];
    if (k === 0) {
      if (fit.slope !== 0) candidates.push(d / fit.slope);
    } else {
      const qa = fit.slope * fit.slope - (k * k) / fit.sxx;
      const qb = -2 * d * fit.slope;
      const qc = d * d - k * k * a;
      for (const u of quadraticRoots(qa, qb, qc)) {
        // Squaring merged both bounds: keep roots where k·√(…) = side·(d − b·u) holds.
        if (side * (d - fit.slope * u) >= -1e-9 * (Math.abs(d) + Math.abs(fit.slope * u) + 1)) candidates.push(u);
      }
    }
    let best: number | undefined;
    for (const u of candidates) {
      const h = u - offset;
      if (h > 0 && Number.isFinite(h) && (best === undefined || h < best)) best = h;
    }
    return best;
  };
  return {
    mean: bound(0, 0),
    lo80: bound(-1, fit.q80),
    hi80: bound(1, fit.q80),
    lo95: bound(-1, fit.q95),
    hi95: bound(1, fit.q95),
  };
}

/** Real roots of a·x² + b·x + c = 0, in the form that avoids cancellation (Numerical Recipes §5.6). */
function quadraticRoots(a: number, b: number, c: number): number[] {
  // No relative test for a "small" a: the coefficients carry different powers of u, and the
  // stable form below already tends to the linear root c/q → −c/b as a → 0.
  if (a === 0) return b === 0 ? [] : [-c / b];
  let disc = b * b - 4 * a * c;
  // A tangent bound gives a double root that rounding can push just below zero.
  if (disc < 0 && disc > -1e-12 * b * b) disc = 0;
  if (disc < 0) return [];
  const q = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
  const roots = [q / a];
  if (q !== 0) roots.push(c / q);
  return roots;
}
