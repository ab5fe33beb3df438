/**
 * Starting values for the initial states, as forecast::ets's `initstate` computes them
 * (Hyndman et al. 2008 §2.6.1; Hyndman, Koehler, Snyder & Grose, IJF 2002, §2.6):
 *  - season: a classical decomposition of the whole series when it spans at least three
 *    seasons, otherwise the residuals of a regression on a trend and one Fourier pair;
 *  - level and trend: a least-squares line (or a mean, without a trend) through the first
 *    max(10, 2m) seasonally adjusted values.
 * The likelihood optimiser then refines them together with the smoothing parameters.
 */
import { ForecastError } from '../forecast-model.js';
import { classicalDecomposition } from './classical-decomposition.js';
import { leastSquares } from './least-squares.js';
import { effectivePeriod, type EtsSpec, type EtsStates } from './ets-spec.js';

/**
 * Starting states for `spec` on `y`, with the seasonal states completed by the
 * normalisation (Σs = 0 additive, Σs = m multiplicative) exactly as forecast::ets adds
 * the m-th state.
 * @throws {ForecastError} for fewer than 4 values with a season
 * @example etsInitialStates([1, 2, 3, 4, 5], { error: 'A', trend: 'A', season: 'N', period: 1 }) // level 0, trend 1
 */
export function etsInitialStates(y: readonly number[], spec: EtsSpec): EtsStates {
  const n = y.length;
  const m = effectivePeriod(spec);
  let adjusted: number[] = [...y];
  let seasonal: number[] = [];
  if (spec.season !== 'N') {
    if (n < 4) throw new ForecastError(`${n} values are too few to estimate a season.`);
    const positionEffect = seasonalStart(y, m, spec.season);
    // forecast::ets keeps s₀ … s_{−m+2}: the first season's effects, newest first, without the very first.
    const free: number[] = [];
    for (let k = m - 1; k >= 1; k--) free.push(positionEffect[k] as number);
    if (spec.season === 'A') {
      adjusted = y.map((v, i) => v - (positionEffect[i] as number));
    } else {
      // Negative seasonal indexes would make a multiplicative model meaningless.
      for (let k = 0; k < free.length; k++) free[k] = Math.max(free[k] as number, 1e-2);
      const total = free.reduce((a, b) => a + b, 0);
      if (total > m) {
        const denominator = free.reduce((a, b) => a + b + 1e-2, 0);
        for (let k = 0; k < free.length; k++) free[k] = (free[k] as number) / denominator;
      }
      adjusted = y.map((v, i) => v / Math.max(positionEffect[i] as number, 1e-2));
    }
    const sumFree = free.reduce((a, b) => a + b, 0);
    seasonal = [...free, (spec.season === 'M' ? m : 0) - sumFree];
  }

  const maxn = Math.min(Math.max(10, 2 * m), n);
  const head = adjusted.slice(0, maxn);
  if (spec.trend === 'N') {
    return { level: meanR(head), trend: 0, seasonal };
  }
  const [intercept, slope] = leastSquares([head.map(() => 1), head.map((_, i) => i + 1)], head) as [number, number];
  let level = intercept;
  let trend = slope;
  // With multiplicative errors ℓ₀ + b₀ is the first forecast; keep it away from zero.
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 - 1e-3;
  }
  return { level, trend, seasonal };
}

/**
 * Seasonal effect at every time (y.d$seasonal in forecast's initstate): the decomposition's
 * figure when n ≥ 3m, else y minus a least-squares trend fitted together with one Fourier pair.
 */
function seasonalStart(y: readonly number[], m: number, season: 'A' | 'M'): Float64Array {
  const n = y.length;
  if (n >= 3 * m) return classicalDecomposition(y, m, season === 'A' ? 'additive' : 'multiplicative').seasonal;
  const t = y.map((_, i) => i + 1);
  const columns: number[][] = [y.map(() => 1), t];
  // forecast::fourier(y, 1): sinpi(2t/m) and cospi(2t/m); the sine column vanishes when m = 2.
  if (m > 2) columns.push(t.map((ti) => Math.sin((2 * Math.PI * ti) / m)));
  columns.push(t.map((ti) => Math.cos((2 * Math.PI * ti) / m)));
  const [b0, b1] = leastSquares(columns, y) as [number, number];
  // "Biased method, but we only need a starting point" (forecast's initstate).
  return Float64Array.from(y, (v, i) => (season === 'A' ? v - b0 - b1 * (i + 1) : v / (b0 + b1 * (i + 1))));
}

/** R's mean(): a sum, then one refinement pass (R accumulates in long double; this is the double-precision analogue). */
function meanR(values: readonly number[]): number {
  const n = values.length;
  let s = 0;
  for (const v of values) s += v;
  s /= n;
  let correction = 0;
  for (const v of values) correction += v - s;
  return s + correction / n;
}
