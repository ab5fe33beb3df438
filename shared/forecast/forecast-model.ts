/**
 * The contract every forecasting model implements. Models work on evenly spaced values
 * (the backend resamples and imputes gaps explicitly before fitting) and produce a mean
 * forecast with 80 % and 95 % prediction intervals for h steps ahead.
 */

/** One forecast: a mean path and nested intervals, each `h` long. */
export interface ForecastPaths {
  readonly mean: readonly number[];
  readonly lo80: readonly number[];
  readonly hi80: readonly number[];
  readonly lo95: readonly number[];
  readonly hi95: readonly number[];
}

/** A model fitted to one series, ready to forecast. */
export interface FittedModel {
  /** The model and its estimated parameters, as people write them: `ETS(M,Ad,M) α=0.71 β=0.02 …`. */
  readonly description: string;
  readonly parameters: Readonly<Record<string, number>>;
  /** Akaike's corrected information criterion, for models fitted by likelihood. */
  readonly aicc?: number;
  /** One-step-ahead fitted values, aligned with the input (NaN where there is none). */
  readonly fitted: readonly number[];
  /**
   * Forecasts `h` steps after the last observation.
   * @throws {ForecastError} for h < 1
   */
  forecast(h: number): ForecastPaths;
}

export interface FitOptions {
  /** Seasonal periods in steps, shortest first (e.g. [24, 168] for hourly data); [] for none. */
  readonly periods: readonly number[];
  /** Seed for models whose intervals are simulated, so results are reproducible. */
  readonly seed?: number;
}

/** A forecasting method. */
export interface ForecastModel {
  readonly id: string;
  readonly label: string;
  /**
   * Fits the model.
   * @param y evenly spaced, finite values, oldest first
   * @throws {ForecastError} when the model does not apply (too short, non-positive data for a multiplicative model, …)
   */
  fit(y: readonly number[], options: FitOptions): FittedModel;
}

/** A model cannot be fitted or used as asked; the message says why and what would work. */
export class ForecastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastError';
  }
}

/** z-scores of the two-sided 80 % and 95 % normal intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Normal intervals around a mean path with per-step standard deviations. */
export function normalPaths(mean: readonly number[], sd: readonly number[]): ForecastPaths {
  return {
    mean,
    lo80: mean.map((m, i) => m - Z80 * (sd[i] ?? 0)),
    hi80: mean.map((m, i) => m + Z80 * (sd[i] ?? 0)),
    lo95: mean.map((m, i) => m - Z95 * (sd[i] ?? 0)),
    hi95: mean.map((m, i) => m + Z95 * (sd[i] ?? 0)),
  };
}
