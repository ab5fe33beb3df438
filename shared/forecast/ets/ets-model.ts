/**
 * ETS behind the app's forecasting contract: `etsModel.fit` selects the ETS model with
 * the smallest AICc for the first seasonal period (as forecast::ets(y) does), and the
 * fitted model forecasts with 80 % and 95 % intervals — analytic for the linear models,
 * simulated (seeded) for the multiplicative ones.
 */
import type { FitOptions, FittedModel, ForecastModel } from '../forecast-model.js';
import { fitEts, type EtsFit, type FitEtsOptions } from './ets-fit.js';
import { etsForecastPaths, type IntervalOptions } from './ets-forecast-intervals.js';
import { selectEts } from './ets-select.js';
import { etsLabel, type EtsSpec } from './ets-spec.js';

/**
 * The automatic ETS model. Uses `options.periods[0]` as the season length (none when the
 * list is empty; further periods are ignored — ETS has one season).
 * @example etsModel.fit(airPassengers, { periods: [12] }).description // 'ETS(M,Ad,M) α=0.7096 β=0.0204 γ=0.0001 φ=0.98'
 */
export const etsModel: ForecastModel = {
  id: 'ets',
  label: 'Exponential smoothing (ETS, AICc-selected)',
  fit(y: readonly number[], options: FitOptions): FittedModel {
    const period = options.periods[0] ?? 1;
    const { best } = selectEts(y, period);
    return toFittedModel(best, options.seed === undefined ? {} : { seed: options.seed });
  },
};

/**
 * Fits one given ETS spec and wraps it in the forecasting contract.
 * @throws {ForecastError} when the spec does not apply to the data (see {@link fitEts})
 * @example fitEtsModel(y, { error: 'A', trend: 'Ad', season: 'N', period: 1 }).forecast(6).mean
 */
export function fitEtsModel(y: readonly number[], spec: EtsSpec, options: FitEtsOptions & IntervalOptions = {}): FittedModel {
  return toFittedModel(fitEts(y, spec, options), options);
}

/**
 * Wraps a fitted ETS model in the forecasting contract: the description as people write
 * it, parameters (α, β, γ, φ, σ and the initial states ℓ₀, b₀, s0…s{m−1}, newest season
 * first as R prints them), AICc and one-step fitted values.
 * @example toFittedModel(fitEts(y, spec)).parameters.alpha
 */
export function toFittedModel(fit: EtsFit, options: IntervalOptions = {}): FittedModel {
  const { spec, parameters: p, initialStates } = fit;
  const parameters: Record<string, number> = { alpha: p.alpha };
  const shown = [`α=${round4(p.alpha)}`];
  if (spec.trend !== 'N') {
    parameters.beta = p.beta;
    shown.push(`β=${round4(p.beta)}`);
  }
  if (spec.season !== 'N') {
    parameters.gamma = p.gamma;
    shown.push(`γ=${round4(p.gamma)}`);
  }
  if (spec.trend === 'Ad') {
    parameters.phi = p.phi;
    shown.push(`φ=${round4(p.phi)}`);
  }
  parameters.sigma = Math.sqrt(fit.sigma2);
  parameters.l0 = initialStates.level;
  if (spec.trend !== 'N') parameters.b0 = initialStates.trend;
  initialStates.seasonal.forEach((s, j) => {
    parameters[`s${j}`] = s;
  });
  return {
    description: `${etsLabel(spec)} ${shown.join(' ')}`,
    parameters,
    ...(Number.isFinite(fit.aicc) ? { aicc: fit.aicc } : {}),
    fitted: [...fit.fitted],
    forecast: (h: number) => etsForecastPaths(fit, h, options),
  };
}

/** R's print(round(x, 4)): 0.98 stays 0.98, 1e-4 prints as 0.0001. */
function round4(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
