/**
 * The classical exponential smoothing methods with given parameters, in Holt–Winters'
 * parameterisation (β*, γ smoothing the trend and the season directly):
 *  - simple exponential smoothing (Brown 1959; fpp3 §8.1),
 *  - Holt's linear and exponential trend methods, optionally damped (Holt 1957;
 *    Gardner & McKenzie 1985; fpp3 §8.2),
 *  - Holt–Winters' additive and multiplicative seasonal methods (Winters 1960; fpp3 §8.3).
 *
 * Two conventions of R are reproduced exactly, because other tools and published
 * numbers use them:
 *  - 'stats' = R's `stats::HoltWinters`: starting values from `decompose()` of the first
 *    two seasons (level and slope from a line through the decomposition's trend, the
 *    seasonal figure as seasonal states), recursion from observation m + 1, and the
 *    season updated from the new level: s_t = γ(y_t − ℓ_t) + (1 − γ)s_{t−m};
 *  - 'forecast' = `forecast::hw(initial = "simple")` (fpp2 §7.3): ℓ₀ = mean of the first
 *    season, b₀ = mean of (y_{i+m} − y_i)/m over it, s = y_i − ℓ₀ (or y_i/ℓ₀), recursion
 *    from observation 1, and the season updated from the previous level:
 *    s_t = γ(y_t − ℓ_{t−1} − φb_{t−1}) + (1 − γ)s_{t−m}.
 * For SES and Holt the default start is ℓ₀ = y₁, b₀ = y₂ − y₁ (statsmodels' "known"
 * initialisation in its test suite; also forecast::holt(initial = "simple")).
 */
import { ForecastError } from '../forecast-model.js';
import { classicalDecomposition } from './classical-decomposition.js';
import { leastSquares } from './least-squares.js';
import { assertFinite } from './ets-spec.js';

/** States at the start of a smoothing run. `seasonal[i]` is the factor for the i-th position of the first season. */
export interface SmoothingStart {
  readonly level: number;
  readonly trend: number;
  readonly seasonal: readonly number[];
}

/** The trace of a smoothing run. Arrays are aligned with y; NaN marks times the method does not smooth (its start-up). */
export interface SmoothingResult {
  readonly start: SmoothingStart;
  /** One-step fitted values ŷ_t. */
  readonly fitted: number[];
  /** ℓ_t, b_t and s_t after observation t. */
  readonly level: number[];
  readonly trend: number[];
  readonly seasonal: number[];
  /** Σ(y_t − ŷ_t)² over the smoothed times (R's `SSE`). */
  readonly sse: number;
  /** R's `coefficients`: a = ℓ_n, b = b_n and s1…sm, the seasonal factors of the next m steps. */
  readonly coefficients: { readonly level: number; readonly trend: number; readonly seasonal: readonly number[] };
  /** Point forecasts for h = 1 … horizon. */
  forecast(horizon: number): number[];
}

export interface SesParameters {
  readonly alpha: number;
  /** ℓ₀; default y₁. */
  readonly initialLevel?: number;
}

/**
 * Simple exponential smoothing: ℓ_t = αy_t + (1 − α)ℓ_{t−1}, ŷ_{t+h} = ℓ_t.
 * @throws {ForecastError} for empty or non-finite data, or α outside [0, 1]
 * @example simpleExponentialSmoothing([446.66, 454.47], { alpha: 0.2 }).level // [446.66, 448.22…]
 */
export function simpleExponentialSmoothing(y: readonly number[], params: SesParameters): SmoothingResult {
  return holtLinear(y, { alpha: params.alpha, beta: 0, initialLevel: params.initialLevel ?? (y[0] as number), initialTrend: 0 });
}

export interface HoltParameters {
  readonly alpha: number;
  /** β* in [0, 1]; 0 freezes the trend at b₀. */
  readonly beta: number;
  /** Damping φ in (0, 1]; default 1. */
  readonly phi?: number;
  /** Exponential (multiplicative) trend: ŷ = ℓ·b^φ; default false. */
  readonly exponential?: boolean;
  /** ℓ₀; default y₁. */
  readonly initialLevel?: number;
  /** b₀; default y₂ − y₁ (y₂/y₁ for an exponential trend). */
  readonly initialTrend?: number;
}

/**
 * Holt's linear (or exponential) trend method, optionally damped:
 * ℓ_t = αy_t + (1 − α)(ℓ_{t−1} + φb_{t−1}),  b_t = β(ℓ_t − ℓ_{t−1}) + (1 − β)φb_{t−1};
 * exponential: ℓ_t = αy_t + (1 − α)ℓ_{t−1}b_{t−1}^φ,  b_t = β·ℓ_t/ℓ_{t−1} + (1 − β)b_{t−1}^φ.
 * @throws {ForecastError} for fewer than 2 values (without explicit starting values), or parameters outside [0, 1]
 * @example holtLinear(ausair, { alpha: 0.8, beta: 0.2 }).forecast(1) // [43.757…]
 */
export function holtLinear(y: readonly number[], params: HoltParameters): SmoothingResult {
  assertFinite(y);
  assertUnit('alpha', params.alpha);
  assertUnit('beta', params.beta);
  const phi = params.phi ?? 1;
  if (!(phi > 0 && phi <= 1)) throw new ForecastError(`φ must lie in (0, 1]; got ${phi}.`);
  const exponential = params.exponential ?? false;
  if ((params.initialLevel === undefined || params.initialTrend === undefined) && y.length < 2) {
    throw new ForecastError('Holt\'s method needs at least 2 values to start from.');
  }
  const y0 = y[0] as number;
  const y1 = y[1] as number;
  const start: SmoothingStart = {
    level: params.initialLevel ?? y0,
    trend: params.initialTrend ?? (exponential ? y1 / y0 : y1 - y0),
    seasonal: [],
  };
  const n = y.length;
  const fitted: number[] = [];
  const level: number[] = [];
  const trend: number[] = [];
  let l = start.level;
  let b = start.trend;
  let sse = 0;
  const { alpha, beta } = params;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const damped = exponential ? Math.pow(b, phi) : phi * b;
    const forecast = exponential ? l * damped : l + damped;
    fitted.push(forecast);
    sse += (yt - forecast) ** 2;
    const previous = l;
    l = alpha * yt + (1 - alpha) * forecast;
    b = exponential ? beta * (l / previous) + (1 - beta) * damped : beta * (l - previous) + (1 - beta) * damped;
    level.push(l);
    trend.push(b);
  }
  const finalLevel = l;
  const finalTrend = b;
  return {
    start,
    fitted,
    level,
    trend,
    seasonal: new Array<number>(n).fill(Number.NaN),
    sse,
    coefficients: { level: finalLevel, trend: finalTrend, seasonal: [] },
    forecast: (horizon) => {
      const out: number[] = [];
      let phiSum = 0;
      let phiPower = 1;
      for (let h = 1; h <= horizon; h++) {
        phiPower *= phi;
        phiSum += phiPower;
        out.push(exponential ? finalLevel * Math.pow(finalTrend, phiSum) : finalLevel + phiSum * finalTrend);
      }
      return out;
    },
  };
}

export interface HoltWintersParameters {
  readonly alpha: number;
  /** β* in [0, 1], or false for no trend. */
  readonly beta: number | false;
  readonly gamma: number;
  /** Damping φ ('forecast' convention only); default 1. */
  readonly phi?: number;
}

export interface HoltWintersOptions {
  readonly period: number;
  /** Whose initialisation and season update to follow; default 'stats' (R's HoltWinters). */
  readonly convention?: 'stats' | 'forecast';
  /** Explicit starting states instead of the convention's. */
  readonly start?: SmoothingStart;
}

/**
 * Holt–Winters' additive method with given parameters.
 * @throws {ForecastError} for a period below 2, fewer than two seasons of data, or parameters outside [0, 1]
 * @example holtWintersAdditive(austourists, { alpha: 0.441, beta: 0.03, gamma: 0.002 }, { period: 4, convention: 'forecast' }).forecast(1) // [67.7788…]
 */
export function holtWintersAdditive(y: readonly number[], params: HoltWintersParameters, options: HoltWintersOptions): SmoothingResult {
  return holtWinters(y, params, options, false);
}

/**
 * Holt–Winters' multiplicative method with given parameters (seasonal factors scale the level).
 * @throws {ForecastError} as {@link holtWintersAdditive}, and for data containing zeros
 * @example holtWintersMultiplicative(airPassengers, { alpha: 0.2756, beta: 0.0327, gamma: 0.8707 }, { period: 12 }).coefficients.level // ≈ 469.3
 */
export function holtWintersMultiplicative(y: readonly number[], params: HoltWintersParameters, options: HoltWintersOptions): SmoothingResult {
  if (y.some((v) => v === 0)) throw new ForecastError('Multiplicative Holt–Winters needs data without zeros.');
  return holtWinters(y, params, options, true);
}

/**
 * Starting states of a convention (see the file comment).
 * @throws {ForecastError} for fewer than two full seasons
 * @example holtWintersStart(austourists, 4, false, 'forecast').level // 25.5275345
 */
export function holtWintersStart(y: readonly number[], period: number, multiplicative: boolean, convention: 'stats' | 'forecast'): SmoothingStart {
  const m = period;
  if (!Number.isInteger(m) || m < 2) throw new ForecastError(`Holt–Winters needs a season of at least 2 steps; got ${m}.`);
  if (y.length < 2 * m) throw new ForecastError(`Holt–Winters needs at least two full seasons (${2 * m} values); got ${y.length}.`);
  if (convention === 'forecast') {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += y[i] as number;
    const level = sum / m;
    let slope = 0;
    for (let i = 0; i < m; i++) slope += ((y[i + m] as number) - (y[i] as number)) / m;
    const seasonal = y.slice(0, m).map((v) => (multiplicative ? v / level : v - level));
    return { level, trend: slope / m, seasonal };
  }
  // R: st <- decompose(ts(x[1:(2m)], frequency = m)); line through na.omit(st$trend) against 1, 2, …
  const decomposition = classicalDecomposition(y.slice(0, 2 * m), m, multiplicative ? 'multiplicative' : 'additive');
  const trendValues = Array.from(decomposition.trend).filter((v) => !Number.isNaN(v));
  const [intercept, slope] = leastSquares([trendValues.map(() => 1), trendValues.map((_, i) => i + 1)], trendValues) as [number, number];
  return { level: intercept, trend: slope, seasonal: Array.from(decomposition.figure) };
}

function holtWinters(y: readonly number[], params: HoltWintersParameters, options: HoltWintersOptions, multiplicative: boolean): SmoothingResult {
  assertFinite(y);
  assertUnit('alpha', params.alpha);
  if (params.beta !== false) assertUnit('beta', params.beta);
  assertUnit('gamma', params.gamma);
  const convention = options.convention ?? 'stats';
  const m = options.period;
  const start = options.start ?? holtWintersStart(y, m, multiplicative, convention);
  if (start.seasonal.length !== m) throw new ForecastError(`${m} seasonal starting values expected, got ${start.seasonal.length}.`);
  const phi = params.phi ?? 1;
  if (convention === 'stats' && phi !== 1) throw new ForecastError('R\'s HoltWinters has no damping; use the forecast convention for φ < 1.');
  const hasTrend = params.beta !== false;
  const beta = params.beta === false ? 0 : params.beta;
  const { alpha, gamma } = params;
  const n = y.length;
  // R's HoltWinters consumes the first season for its start; forecast::hw smooths from the first value.
  const first = convention === 'stats' ? m : 0;
  const fitted = new Array<number>(n).fill(Number.NaN);
  const level = new Array<number>(n).fill(Number.NaN);
  const trend = new Array<number>(n).fill(Number.NaN);
  const seasonal = new Array<number>(n).fill(Number.NaN);
  // history[k] = the seasonal state for position k of the cycle, in time order.
  const history = [...start.seasonal];
  let l = start.level;
  let b = hasTrend ? start.trend : 0;
  let sse = 0;
  for (let t = first; t < n; t++) {
    const yt = y[t] as number;
    const s = history[(t - first) % m] as number;
    const levelForecast = l + phi * b;
    const forecast = multiplicative ? levelForecast * s : levelForecast + s;
    fitted[t] = forecast;
    sse += (yt - forecast) ** 2;
    const previous = l;
    l = alpha * (multiplicative ? yt / s : yt - s) + (1 - alpha) * levelForecast;
    if (hasTrend) b = beta * (l - previous) + (1 - beta) * phi * b;
    const seasonBase = convention === 'stats' ? l : levelForecast;
    const newSeason = gamma * (multiplicative ? yt / seasonBase : yt - seasonBase) + (1 - gamma) * s;
    history[(t - first) % m] = newSeason;
    level[t] = l;
    trend[t] = b;
    seasonal[t] = newSeason;
  }
  const finalLevel = l;
  const finalTrend = b;
  // Next m factors: position of time n in the cycle onwards.
  const next = Array.from({ length: m }, (_, h) => history[(n - first + h) % m] as number);
  return {
    start,
    fitted,
    level,
    trend,
    seasonal,
    sse,
    coefficients: { level: finalLevel, trend: hasTrend ? finalTrend : 0, seasonal: next },
    forecast: (horizon) => {
      const out: number[] = [];
      let phiSum = 0;
      let phiPower = 1;
      for (let h = 1; h <= horizon; h++) {
        phiPower *= phi;
        phiSum += phiPower;
        const base = finalLevel + phiSum * (hasTrend ? finalTrend : 0);
        const s = next[(h - 1) % m] as number;
        out.push(multiplicative ? base * s : base + s);
      }
      return out;
    },
  };
}

function assertUnit(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new ForecastError(`${name} must lie in [0, 1]; got ${value}.`);
}

/**
 * Σ(y_t − ŷ_t)² of R's `HoltWinters` filter (the 'stats' convention) without building a
 * trace: the objective {@link fitHoltWinters} minimises. Parameters are clamped to [0, 1]
 * as R's `hw()` does before calling its C filter.
 * @example holtWintersSse(co2, holtWintersStart(co2, 12, false, 'stats'), 0.5126, 0.0095, 0.4729, 12, false) // ≈ 43.13
 */
export function holtWintersSse(
  y: ArrayLike<number>,
  start: SmoothingStart,
  alpha: number,
  beta: number | false,
  gamma: number,
  period: number,
  multiplicative: boolean,
): number {
  const clamp = (v: number): number => Math.max(Math.min(v, 1), 0);
  const a = clamp(alpha);
  const g = clamp(gamma);
  const hasTrend = beta !== false;
  const bt = beta === false ? 0 : clamp(beta);
  const m = period;
  const history = Float64Array.from(start.seasonal);
  let l = start.level;
  let b = hasTrend ? start.trend : 0;
  let sse = 0;
  let slot = 0;
  for (let t = m; t < y.length; t++) {
    const yt = y[t] as number;
    const s = history[slot] as number;
    const levelForecast = l + b;
    const forecast = multiplicative ? levelForecast * s : levelForecast + s;
    const residual = yt - forecast;
    sse += residual * residual;
    const previous = l;
    l = a * (multiplicative ? yt / s : yt - s) + (1 - a) * levelForecast;
    if (hasTrend) b = bt * (l - previous) + (1 - bt) * b;
    history[slot] = g * (multiplicative ? yt / l : yt - l) + (1 - g) * s;
    slot = slot + 1 === m ? 0 : slot + 1;
  }
  return sse;
}
