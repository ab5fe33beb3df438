import { ForecastError, type FittedModel, type ForecastModel, type ForecastPaths } from './forecast-model.js';
import { assertSeries, mapPaths } from './forecast-paths.js';
import { fitLinearTrend, type LinearTrendFit } from './linear-trend.js';
import { formatNumber } from './format-number.js';

/**
 * Compound growth y = A·(1 + r)^t: OLS on log y, forecasts and intervals transformed
 * back with exp. Because exp is monotone, the back-transformed OLS prediction interval is
 * an exact interval for a log-normal y; the mean path is the back-transformed centre,
 * i.e. the median (R forecast's default, biasadj = FALSE), not the mean exp(μ + σ²/2).
 */

/** A fitted compound-growth model. */
export interface LogLinearGrowthFit extends FittedModel {
  /** The OLS fit on log y; {@link linearCrossing}(logFit, Math.log(c)) gives exact crossing times of c. */
  readonly logFit: LinearTrendFit;
  /** Growth per step r = e^b − 1 (0.01 = 1 % per step). */
  readonly growthPerStep: number;
}

/**
 * Fits log y = a + b·t by OLS (strictly positive data).
 * @param y evenly spaced finite values > 0, oldest first, at least 3
 * @throws {ForecastError} for fewer than 3 points, non-finite or non-positive values
 * @example fitLogLinearGrowth([100, 110, 121, 133.1]).growthPerStep // ≈ 0.1
 */
export function fitLogLinearGrowth(y: readonly number[]): LogLinearGrowthFit {
  assertSeries(y, 3, 'Compound growth');
  for (let i = 0; i < y.length; i++) {
    if (!((y[i] ?? 0) > 0)) throw new ForecastError(`Compound growth needs strictly positive values; point ${i} is ${y[i]}`);
  }
  const logFit = fitLinearTrend(y.map(Math.log));
  const growthPerStep = Math.expm1(logFit.slope);
  return {
    description: `Compound growth ${formatNumber(growthPerStep * 100)} % per step from ${formatNumber(Math.exp(logFit.intercept))} (log-scale s=${formatNumber(logFit.sigma)})`,
    parameters: { scale: Math.exp(logFit.intercept), growthPerStep, logSigma: logFit.sigma },
    fitted: logFit.fitted.map(Math.exp),
    forecast: (h: number): ForecastPaths => {
      const paths = mapPaths(logFit.forecast(h), Math.exp);
      // exp overflows for explosive growth (or underflows to 0 for collapse): say so instead of returning ∞.
      if (!paths.hi95.every((v) => Number.isFinite(v)) || !paths.lo95.every((v) => v > 0)) {
        throw new ForecastError(`compound growth of ${formatNumber(growthPerStep * 100)} % per step leaves the representable range within ${h} steps`);
      }
      return paths;
    },
    logFit,
    growthPerStep,
  };
}

/** Compound (exponential) growth as a {@link ForecastModel}; seasonal periods are ignored. */
export const logLinearGrowthModel: ForecastModel = {
  id: 'log-linear-growth',
  label: 'Compound growth',
  fit: (y) => fitLogLinearGrowth(y),
};
