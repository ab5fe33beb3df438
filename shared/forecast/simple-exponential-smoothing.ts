import { assertSeries } from './forecast-paths.js';
import { minimizeOnInterval } from './golden-section.js';

/**
 * Simple exponential smoothing, ETS(A,N,N), fitted by least squares the way R's
 * forecast::ses does (opt.crit = "mse", the initial level estimated too). The engine of
 * the Theta method; the full ETS family lives in ets/.
 */

/** A fitted SES model. */
export interface SesFit {
  /** Smoothing parameter α in [1e-4, 0.9999] (R's default bounds). */
  readonly alpha: number;
  /** Initial level ℓ₀, the one-step forecast of the first observation. */
  readonly initialLevel: number;
  /** Final level ℓ_T: the point forecast for every horizon. */
  readonly level: number;
  /** Sum of squared one-step errors. */
  readonly sse: number;
  /** σ̂² = SSE/(n − 2): two estimated parameters (α, ℓ₀), as forecast::ets counts them. */
  readonly sigma2: number;
  /** One-step fitted values ℓ_{t−1}, aligned with y. */
  readonly fitted: number[];
}

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;

/**
 * Fits SES by minimising the sum of squared one-step errors over α and ℓ₀ (Hyndman et al.,
 * Forecasting with Exponential Smoothing, 2008, ch. 3). For a given α the errors are linear
 * in ℓ₀ — e_t = c_t − (1 − α)^{t−1}·ℓ₀, with c_t the errors of a run from ℓ₀ = 0 — so the
 * best ℓ₀ is a closed-form least-squares coefficient and only α needs a 1-D search.
 * @param y evenly spaced finite values, oldest first, at least 3
 * @param alpha a fixed α instead of the estimated one
 * @throws {ForecastError} for fewer than 3 points or non-finite values
 * @example fitSes([3, 5, 4, 6, 5]).level
 */
export function fitSes(y: readonly number[], alpha?: number): SesFit {
  assertSeries(y, 3, 'Simple exponential smoothing');
  const n = y.length;
  const data = Float64Array.from(y);
  const profile = (a: number): { sse: number; level0: number } => {
    // One pass: errors from ℓ₀ = 0 and the weights (1 − α)^{t−1} of ℓ₀ in each error.
    let level = 0;
    let weight = 1;
    let scc = 0;
    let scw = 0;
    let sww = 0;
    for (let t = 0; t < n; t++) {
      const e = (data[t] as number) - level;
      scc += e * e;
      scw += e * weight;
      sww += weight * weight;
      level += a * e;
      weight *= 1 - a;
      // Below 1e-150 the weight's terms no longer change the sums (sww ≥ 1), and letting it
      // decay into subnormal numbers makes every later step many times slower on x86.
      if (weight < 1e-150) weight = 0;
    }
    const level0 = scw / sww;
    return { sse: Math.max(0, scc - (scw * scw) / sww), level0 };
  };
  const chosenAlpha = alpha ?? minimizeOnInterval((a) => profile(a).sse, ALPHA_MIN, ALPHA_MAX, 41, 1e-10).x;
  const { level0 } = profile(chosenAlpha);
  const fitted = new Array<number>(n);
  let level = level0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = level;
    const e = (y[t] ?? 0) - level;
    sse += e * e;
    level += chosenAlpha * e;
  }
  return { alpha: chosenAlpha, initialLevel: level0, level, sse, sigma2: sse / (n - 2), fitted };
}
