/**
 * Point forecasts with 80 % and 95 % prediction intervals for a fitted ETS model:
 *  - linear models (additive error, no multiplicative season): exact Gaussian intervals
 *    from the analytic variance ({@link linearForecastVariance});
 *  - all others (multiplicative errors): quantiles of simulated sample paths
 *    ({@link simulateEtsQuantiles}), around the model's point forecast as the mean.
 *
 * Simulated quantiles carry Monte Carlo noise (about 2 % of the 95 % half-width with 5000
 * paths), enough to make a width dip by a hair from one step to the next. For
 * multiplicative errors the spread relative to the point forecast cannot shrink with the
 * horizon (each step multiplies in one more independent factor 1 + αε), so we take the
 * running maximum of the relative half-widths: it removes the jitter and nothing else.
 * Absolute widths still follow the season in multiplicative-season models — narrower in
 * the trough months than in the peak months, as R's intervals for ETS(M,·,M) are.
 */
import { ForecastError, normalPaths, type ForecastPaths } from '../forecast-model.js';
import type { EtsFit } from './ets-fit.js';
import { isLinearEts, linearForecastVariance } from './ets-forecast-variance.js';
import { etsPointForecast } from './ets-recursion.js';
import { simulateEtsQuantiles } from './ets-simulate.js';

export interface IntervalOptions {
  /** Seed of the simulation (multiplicative models); default 20080101. */
  readonly seed?: number;
  /** Simulated paths; default 5000. */
  readonly paths?: number;
}

/** Default seed, so that a forecast is reproducible even when nobody chose one. */
export const DEFAULT_SIMULATION_SEED = 20080101;

/**
 * Forecasts `horizon` steps after the last observation of a fitted model.
 * @throws {ForecastError} for a horizon below 1 or not whole
 * @example etsForecastPaths(fitEts(y, spec), 12, { seed: 1 }).hi95
 */
export function etsForecastPaths(fit: EtsFit, horizon: number, options: IntervalOptions = {}): ForecastPaths {
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastError(`The horizon must be a whole number of steps ≥ 1; got ${horizon}.`);
  const mean = etsPointForecast(fit.spec, fit.parameters, fit.finalStates, horizon);
  const sigma2 = Math.max(0, fit.sigma2);
  if (isLinearEts(fit.spec)) {
    const variances = linearForecastVariance(fit.spec, fit.parameters, sigma2, horizon);
    return normalPaths(mean, variances.map(Math.sqrt));
  }
  if (sigma2 === 0) return { mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean };

  const [lo95, lo80, hi80, hi95] = simulateEtsQuantiles(fit.spec, fit.parameters, fit.finalStates, Math.sqrt(sigma2), horizon, [0.025, 0.1, 0.9, 0.975], {
    seed: options.seed ?? DEFAULT_SIMULATION_SEED,
    ...(options.paths === undefined ? {} : { paths: options.paths }),
  }) as [Float64Array, Float64Array, Float64Array, Float64Array];

  const out = { lo95: new Array<number>(horizon), lo80: new Array<number>(horizon), hi80: new Array<number>(horizon), hi95: new Array<number>(horizon) };
  const spread = { lo95: 0, lo80: 0, hi80: 0, hi95: 0 };
  for (let h = 0; h < horizon; h++) {
    const centre = mean[h] as number;
    const scale = Math.abs(centre);
    // Relative half-widths, made non-decreasing (see the file comment), and never negative
    // so that the intervals always contain the point forecast and nest.
    const relative = (value: number): number => (scale > 0 ? Math.abs(value - centre) / scale : 0);
    spread.lo80 = Math.max(spread.lo80, centre >= (lo80[h] as number) ? relative(lo80[h] as number) : 0);
    spread.hi80 = Math.max(spread.hi80, (hi80[h] as number) >= centre ? relative(hi80[h] as number) : 0);
    spread.lo95 = Math.max(spread.lo95, spread.lo80, centre >= (lo95[h] as number) ? relative(lo95[h] as number) : 0);
    spread.hi95 = Math.max(spread.hi95, spread.hi80, (hi95[h] as number) >= centre ? relative(hi95[h] as number) : 0);
    out.lo80[h] = centre - spread.lo80 * scale;
    out.hi80[h] = centre + spread.hi80 * scale;
    out.lo95[h] = centre - spread.lo95 * scale;
    out.hi95[h] = centre + spread.hi95 * scale;
  }
  return { mean, ...out };
}
