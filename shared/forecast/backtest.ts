import { ForecastError, type ForecastModel, type ForecastPaths } from './forecast-model.js';
import { assertHorizon, assertPeriods, assertSeries } from './forecast-paths.js';
import { intervalCoverage, meanAbsoluteScaledError, seasonalNaiveScale, symmetricMape } from './accuracy.js';

/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy", IJF
 * 16, 2000; fpp3 §5.10 "time series cross-validation"): the model is refitted at several
 * origins on the data before each origin only, forecasts h steps, and is scored against
 * what happened. Origins are spaced so that the last forecast ends at the series' end.
 */

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Steps forecast from each origin. */
  readonly h: number;
  /** Seasonal periods (shortest first) passed to the model; the first also scales MASE. */
  readonly periods: readonly number[];
  /** Number of origins wanted (default 5); fewer when the series is short. */
  readonly origins?: number;
  /** Steps between consecutive origins (default h: windows that do not overlap). */
  readonly spacing?: number;
  /** The fewest training points an origin may have (default max(3, 2·longest period + 1)). */
  readonly minTrainLength?: number;
  /** Passed to the model for reproducible simulated intervals. */
  readonly seed?: number;
}

/** One origin's forecast and scores. */
export interface OriginResult {
  /** Observations the model was fitted on: y[0 … trainLength − 1]. */
  readonly trainLength: number;
  readonly forecast: ForecastPaths;
  readonly actual: readonly number[];
  readonly mase: number;
  readonly smape: number;
  readonly coverage80: number;
  readonly coverage95: number;
}

/** A model's backtest over all origins. */
export interface BacktestResult {
  readonly modelId: string;
  readonly label: string;
  readonly h: number;
  readonly origins: readonly OriginResult[];
  /** Mean of the origins' MASE (each scaled by its own training data). */
  readonly mase: number;
  /** Mean of the origins' sMAPE, in percent. */
  readonly smape: number;
  /** Share of all forecast actuals inside the 80 % interval. */
  readonly coverage80: number;
  /** Share of all forecast actuals inside the 95 % interval. */
  readonly coverage95: number;
}

/**
 * The training lengths of the origins: n − h, n − h − spacing, … (oldest first), keeping
 * those with at least `minTrainLength` points, at most `origins` of them.
 * @param n series length
 * @param options horizon, periods, origins, spacing, minimum training length
 * @throws {ForecastError} when not even one origin fits
 * @example backtestOrigins(144, { h: 12, periods: [12] }) // [84, 96, 108, 120, 132]
 */
export function backtestOrigins(n: number, options: BacktestOptions): number[] {
  assertHorizon(options.h);
  assertPeriods(options.periods);
  const wanted = options.origins ?? 5;
  const spacing = options.spacing ?? options.h;
  if (!Number.isInteger(wanted) || wanted < 1) throw new ForecastError(`a backtest needs at least one origin, got ${wanted}`);
  if (!Number.isInteger(spacing) || spacing < 1) throw new ForecastError(`origins must be at least one step apart, got ${spacing}`);
  const longest = options.periods.length > 0 ? Math.max(...options.periods) : 0;
  const minTrain = options.minTrainLength ?? Math.max(3, 2 * longest + 1);
  const lengths: number[] = [];
  for (let i = 0; i < wanted; i++) {
    const trainLength = n - options.h - i * spacing;
    if (trainLength < minTrain) break;
    lengths.push(trainLength);
  }
  if (lengths.length === 0) {
    throw new ForecastError(`the series (${n} points) is too short to backtest ${options.h} steps ahead with at least ${minTrain} training points`);
  }
  return lengths.reverse();
}

/**
 * Backtests a model by rolling origin. Each fit sees only y[0 … origin − 1].
 * MASE follows Hyndman & Koehler (2006): mean |y − ŷ| over the h steps divided by the
 * in-sample MAE of seasonal naive with the first period on that origin's training data
 * (naive when there is no period or the training data are shorter than one period + 1).
 * @param model the model
 * @param y evenly spaced finite values, oldest first
 * @param options horizon, periods, origins, spacing
 * @throws {ForecastError} when the series is too short or the model fails at an origin
 * @example backtest(thetaModel, airPassengers, { h: 12, periods: [12] }).mase
 */
export function backtest(model: ForecastModel, y: readonly number[], options: BacktestOptions): BacktestResult {
  const fitOptions = options.seed === undefined ? { periods: options.periods } : { periods: options.periods, seed: options.seed };
  return scoreBacktest(model.id, model.label, y, options, (trainLength) => model.fit(y.slice(0, trainLength), fitOptions).forecast(options.h));
}

/**
 * Scores forecasts made at the backtest's origins, whoever made them: `forecastAt` gets
 * an origin's training length and returns the h-step forecast from it. {@link backtest}
 * fits a model there; chooseModel averages two models' stored forecasts, which scores a
 * combination without fitting its members again.
 * @param modelId the id the result carries
 * @param label the name the result carries
 * @param y evenly spaced finite values, oldest first
 * @param options horizon, periods, origins, spacing
 * @param forecastAt the forecast from the first `trainLength` values, h steps long
 * @throws {ForecastError} when the series is too short, or as forecastAt throws
 * @example scoreBacktest('mean', 'Mean', y, { h: 12, periods: [12] }, (n) => model.fit(y.slice(0, n), { periods: [12] }).forecast(12))
 */
export function scoreBacktest(modelId: string, label: string, y: readonly number[], options: BacktestOptions, forecastAt: (trainLength: number) => ForecastPaths): BacktestResult {
  assertSeries(y, 2, 'A backtest');
  const lengths = backtestOrigins(y.length, options);
  const m = options.periods[0] ?? 1;
  const origins: OriginResult[] = [];
  let inside80 = 0;
  let inside95 = 0;
  let count = 0;
  for (const trainLength of lengths) {
    const training = y.slice(0, trainLength);
    const actual = y.slice(trainLength, trainLength + options.h);
    const forecast = forecastAt(trainLength);
    let scale = seasonalNaiveScale(training, trainLength > m ? m : 1);
    if (!(scale > 0) && m > 1) scale = seasonalNaiveScale(training, 1);
    const coverage80 = intervalCoverage(actual, forecast.lo80, forecast.hi80);
    const coverage95 = intervalCoverage(actual, forecast.lo95, forecast.hi95);
    inside80 += coverage80 * actual.length;
    inside95 += coverage95 * actual.length;
    count += actual.length;
    origins.push({
      trainLength,
      forecast,
      actual,
      mase: meanAbsoluteScaledError(actual, forecast.mean, scale),
      smape: symmetricMape(actual, forecast.mean),
      coverage80,
      coverage95,
    });
  }
  const mean = (pick: (o: OriginResult) => number): number => origins.reduce((s, o) => s + pick(o), 0) / origins.length;
  return {
    modelId,
    label,
    h: options.h,
    origins,
    mase: mean((o) => o.mase),
    smape: mean((o) => o.smape),
    coverage80: inside80 / count,
    coverage95: inside95 / count,
  };
}
