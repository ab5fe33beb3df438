import type { FittedModel, ForecastModel, ForecastPaths } from './forecast-model.js';
import { assertHorizon } from './forecast-paths.js';

/**
 * An equal-weight forecast combination (Bates & Granger 1969; the M4 lesson that simple
 * combinations are hard to beat): the mean of the members' paths, interval bounds averaged
 * bound by bound (which keeps them nested and widening when every member's are).
 */

/**
 * A model whose forecast is the mean of its members' forecasts.
 * @param members two or more models
 * @example createCombinationModel([thetaModel, seasonalNaiveModel]).fit(y, { periods: [12] })
 */
export function createCombinationModel(members: readonly ForecastModel[]): ForecastModel {
  const label = `Mean of ${members.map((m) => m.label).join(' and ')}`;
  return {
    id: `combination(${members.map((m) => m.id).join('+')})`,
    label,
    fit: (y, options): FittedModel => {
      const fits = members.map((m) => m.fit(y, options));
      const average = (pick: (f: FittedModel) => readonly number[]): number[] => {
        const first = pick(fits[0] as FittedModel);
        const out = new Array<number>(first.length).fill(0);
        for (const f of fits) {
          const values = pick(f);
          for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + (values[i] ?? Number.NaN) / fits.length;
        }
        return out;
      };
      const forecast = (h: number): ForecastPaths => {
        assertHorizon(h);
        return averagePaths(fits.map((f) => f.forecast(h)));
      };
      return {
        description: `Mean of ${fits.map((f) => f.description).join(' | ')}`,
        parameters: { members: fits.length },
        fitted: average((f) => f.fitted),
        forecast,
      };
    },
  };
}

/**
 * The equal-weight combination of forecasts of the same length: each path (mean, lo80, …)
 * averaged step by step. chooseModel scores the combination from its members' backtest
 * forecasts with this, so the result is the same as refitting the combination.
 * @param paths two or more forecasts, all of the same horizon
 * @example averagePaths([theta.forecast(12), snaive.forecast(12)]).mean
 */
export function averagePaths(paths: readonly ForecastPaths[]): ForecastPaths {
  const h = paths[0]?.mean.length ?? 0;
  const mean = (pick: (p: ForecastPaths) => readonly number[]): number[] =>
    Array.from({ length: h }, (_, i) => paths.reduce((s, p) => s + (pick(p)[i] ?? Number.NaN), 0) / paths.length);
  return { mean: mean((p) => p.mean), lo80: mean((p) => p.lo80), hi80: mean((p) => p.hi80), lo95: mean((p) => p.lo95), hi95: mean((p) => p.hi95) };
}
