import { type FittedModel, type ForecastModel, type ForecastPaths } from './forecast-model.js';
import { assertHorizon, assertPeriods, assertSeries, shiftPaths } from './forecast-paths.js';
import { stlDecomposition, type StlOptions } from './stl-decomposition.js';

/**
 * MSTL: STL for several seasonal periods (Bandara, Hyndman & Bergmeir, "MSTL: A
 * Seasonal-Trend Decomposition Algorithm for Time Series with Multiple Seasonal Patterns",
 * 2021), as R's forecast::mstl: periods shortest first, each STL run on the series with the
 * other seasonal components removed, the whole sweep repeated (2 iterations); seasonal
 * windows 7 + 4i for the i-th period (11, 15, …); periods with fewer than two full cycles
 * (m ≥ n/2) dropped. Forecasting as R's stlf/stlm: each seasonal component by seasonal
 * naive on its last cycle, the seasonally adjusted series (trend + remainder) by a
 * pluggable model, whose intervals are kept (the seasonal parts treated as known).
 */

/** An MSTL decomposition y = trend + Σ seasonal_i + remainder. */
export interface MstlResult {
  /** The periods actually used (those with at least two full cycles), shortest first. */
  readonly periods: readonly number[];
  /** One seasonal component per used period, in the same order. */
  readonly seasonals: readonly Float64Array[];
  readonly trend: Float64Array;
  readonly remainder: Float64Array;
  /** y minus all seasonal components (trend + remainder). */
  readonly seasonallyAdjusted: Float64Array;
}

/** Options of {@link mstlDecomposition}. */
export interface MstlOptions {
  /** Sweeps over all periods (R's iterate, default 2; 1 when there is a single period). */
  readonly iterations?: number;
  /** Seasonal window per period; default 7 + 4·(i + 1) for the i-th (R's 7 + 4·seq(6)). */
  readonly seasonalWindows?: readonly number[];
  /** Further STL options (robustness, trend window, …) for every STL run. */
  readonly stl?: Omit<StlOptions, 'seasonalWindow'>;
}

/**
 * Decomposes a series with one or more seasonal periods by MSTL.
 * @param y evenly spaced finite values, oldest first
 * @param periods seasonal periods in steps (any order; sorted shortest first)
 * @param options iterations, seasonal windows, STL options
 * @throws {ForecastError} for non-finite values or bad periods
 * @example mstlDecomposition(y, [24, 168]).seasonals // [daily, weekly]
 * @example mstlDecomposition(fiveMinute, [288, 2016]).trend
 */
export function mstlDecomposition(y: readonly number[], periods: readonly number[], options: MstlOptions = {}): MstlResult {
  assertSeries(y, 1, 'MSTL');
  assertPeriods(periods);
  const n = y.length;
  const used = [...new Set(periods)].filter((m) => m < n / 2).sort((a, b) => a - b);
  const adjusted = Float64Array.from(y);
  const seasonals = used.map(() => new Float64Array(n));
  let trend: Float64Array | undefined;
  const iterations = used.length === 1 ? 1 : Math.max(1, options.iterations ?? 2);
  for (let sweep = 0; sweep < iterations; sweep++) {
    for (let i = 0; i < used.length; i++) {
      const m = used[i] as number;
      const seasonal = seasonals[i] as Float64Array;
      // Put this component back, re-estimate it from the series without the others.
      for (let t = 0; t < n; t++) adjusted[t] = (adjusted[t] as number) + (seasonal[t] as number);
      const window = options.seasonalWindows?.[i] ?? 7 + 4 * (i + 1);
      const fit = stlDecomposition(adjusted, m, { ...options.stl, seasonalWindow: window });
      seasonal.set(fit.seasonal);
      for (let t = 0; t < n; t++) adjusted[t] = (adjusted[t] as number) - (seasonal[t] as number);
      trend = fit.trend;
    }
  }
  // Without usable periods there is no STL trend; R smooths with supsmu, we keep the series as trend.
  const finalTrend = trend ?? Float64Array.from(adjusted);
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = (adjusted[t] as number) - (finalTrend[t] as number);
  return { periods: used, seasonals, trend: finalTrend, remainder, seasonallyAdjusted: adjusted };
}

/**
 * MSTL forecasting with a pluggable model for the seasonally adjusted series (R's
 * stlf/stlm with method = model): ŷ_{T+h} = trendModel forecast of (y − Σ S_i) at h +
 * Σ_i S_i[T − m_i + 1 + ((h − 1) mod m_i)], intervals from the trend model shifted by the
 * same seasonal values. The app plugs in the automatic ETS model.
 * @param trendModel the model for the seasonally adjusted series (fitted with periods [])
 * @param options MSTL options
 * @example createMstlModel(driftModel).fit(y, { periods: [24, 168] }).forecast(48)
 */
export function createMstlModel(trendModel: ForecastModel, options: MstlOptions = {}): ForecastModel {
  return {
    id: `mstl-${trendModel.id}`,
    label: `MSTL + ${trendModel.label}`,
    fit: (y, fitOptions): FittedModel => {
      const decomposition = mstlDecomposition(y, fitOptions.periods, options);
      const n = y.length;
      const trendFit = trendModel.fit(Array.from(decomposition.seasonallyAdjusted), { ...fitOptions, periods: [] });
      const fitted = trendFit.fitted.map((f, t) => {
        let s = 0;
        for (const seasonal of decomposition.seasonals) s += seasonal[t] as number;
        return f + s;
      });
      const forecast = (h: number): ForecastPaths => {
        assertHorizon(h);
        const offsets = new Array<number>(h).fill(0);
        decomposition.periods.forEach((m, i) => {
          const seasonal = decomposition.seasonals[i] as Float64Array;
          for (let k = 0; k < h; k++) offsets[k] = (offsets[k] ?? 0) + (seasonal[n - m + (k % m)] as number);
        });
        return shiftPaths(trendFit.forecast(h), offsets);
      };
      const used = decomposition.periods.length > 0 ? `periods ${decomposition.periods.join(', ')}` : 'no usable period';
      return {
        description: `MSTL (${used}) + ${trendFit.description}`,
        // No AICc: the trend model's likelihood is of the adjusted series, not comparable with other models'.
        parameters: { ...trendFit.parameters, seasonalComponents: decomposition.periods.length },
        fitted,
        forecast,
      };
    },
  };
}
