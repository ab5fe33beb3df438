import { driftModel } from './drift.js';
import { etsModel, fitEtsModel } from './ets/ets-model.js';
import { ForecastError, type ForecastModel } from './forecast-model.js';
import { linearTrendModel } from './linear-trend.js';
import { logLinearGrowthModel } from './log-linear-growth.js';
import { createLogisticGrowthModel } from './logistic-growth.js';
import { createMstlModel } from './mstl.js';
import { seasonalNaiveModel } from './seasonal-naive.js';
import { thetaModel } from './theta.js';

/**
 * Every model a user can pick by name (CLI `--model`, the Forecast screen's menu), and
 * the candidates the automatic choice compares. Names are a public contract: scripts
 * pass them, so keep them and add freely.
 */

/** The names `--model` accepts, besides `auto`. */
export const MODEL_NAMES = ['linear', 'log-linear', 'logistic', 'damped', 'ets', 'mstl', 'theta', 'drift', 'snaive'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export type ModelChoiceName = ModelName | 'auto';

/** One line per model for `--help` and the model menu. */
export const MODEL_DESCRIPTIONS: Readonly<Record<ModelChoiceName, string>> = {
  auto: 'the candidate with the lowest rolling-origin MASE (or the mean of the two best when that backtests better)',
  linear: 'OLS linear trend with exact prediction intervals',
  'log-linear': 'compound growth: a linear trend in log space',
  logistic: 'logistic growth towards a cap (100 for percentages, else estimated)',
  damped: 'additive damped trend, ETS(A,Ad,N)',
  ets: 'exponential smoothing: the ETS model with the lowest AICc, as R forecast::ets',
  mstl: 'MSTL for every seasonal period, ETS on the seasonally adjusted series (R stlf)',
  theta: 'Theta method (Assimakopoulos & Nikolopoulos), as R forecast::thetaf',
  drift: 'random walk with drift',
  snaive: 'seasonal naive: the last cycle repeated (naive without a period)',
};

/** ETS does not seasonally model cycles longer than this; MSTL handles them (forecast::ets refuses m > 24 too). */
export const MAX_ETS_SEASON = 24;

const dampedTrendModel: ForecastModel = {
  id: 'damped-trend',
  label: 'Damped trend',
  fit: (y, options) => fitEtsModel(y, { error: 'A', trend: 'Ad', season: 'N', period: 1 }, options.seed === undefined ? {} : { seed: options.seed }),
};

/** ETS on the first period when it is short enough, non-seasonal otherwise. */
const boundedEtsModel: ForecastModel = {
  id: etsModel.id,
  label: etsModel.label,
  fit: (y, options) => etsModel.fit(y, { ...options, periods: options.periods.filter((m) => m <= MAX_ETS_SEASON).slice(0, 1) }),
};

const mstlEtsModel = createMstlModel(etsModel);

/** Whether values are percentages (a cap of 100 is physical, not a guess). */
export interface ModelContext {
  readonly percent: boolean;
}

/**
 * The model behind a name.
 * @throws {ForecastError} for an unknown name, listing the known ones
 * @example modelByName('theta', { percent: false }).label // 'Theta'
 */
export function modelByName(name: string, context: ModelContext): ForecastModel {
  switch (name) {
    case 'linear':
      return linearTrendModel;
    case 'log-linear':
      return logLinearGrowthModel;
    case 'logistic':
      return context.percent ? createLogisticGrowthModel({ cap: 100 }) : createLogisticGrowthModel();
    case 'damped':
      return dampedTrendModel;
    case 'ets':
      return boundedEtsModel;
    case 'mstl':
      return mstlEtsModel;
    case 'theta':
      return thetaModel;
    case 'drift':
      return driftModel;
    case 'snaive':
      return seasonalNaiveModel;
    default:
      throw new ForecastError(`unknown model '${name}'; choose auto or one of ${MODEL_NAMES.join(', ')}`);
  }
}

/**
 * The candidates of the automatic choice for a series with these periods: the seasonal
 * naive baseline first (ties go to the simpler model), then drift, linear trend, damped
 * trend, Theta, and ETS — or, when there are several periods or one ETS cannot model,
 * MSTL + ETS instead.
 * @example autoCandidates([288, 2016], { percent: true }).map((m) => m.id)
 */
export function autoCandidates(periods: readonly number[], context: ModelContext): ForecastModel[] {
  const candidates: ForecastModel[] = [seasonalNaiveModel, driftModel, linearTrendModel, dampedTrendModel, thetaModel];
  // With several periods MSTL + ETS models them all; a one-season ETS beside it costs most
  // of the fit time (a 24-step season on hourly data) and models less.
  if (periods.length > 1 || periods.some((m) => m > MAX_ETS_SEASON)) candidates.push(mstlEtsModel);
  else candidates.push(boundedEtsModel);
  if (context.percent) candidates.push(createLogisticGrowthModel({ cap: 100 }));
  return candidates;
}

/**
 * Whether a name is one `--model` accepts.
 * @example isModelChoiceName('auto') // true
 */
export function isModelChoiceName(name: string): name is ModelChoiceName {
  return name === 'auto' || (MODEL_NAMES as readonly string[]).includes(name);
}
