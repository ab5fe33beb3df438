import type { Horizon } from '../time/parse-horizon.js';
import { horizonEndMs } from '../time/parse-horizon.js';
import { detectBreaks } from '../workload/structural-breaks.js';
import { detectOutliers } from '../workload/outliers.js';
import { imputeGaps } from '../workload/resample.js';
import type { Aggregation } from '../workload/resample.js';
import { backtest, type BacktestResult } from './backtest.js';
import { chooseModel } from './choose-model.js';
import { ForecastError, type ForecastPaths } from './forecast-model.js';
import { MAX_ABS_VALUE } from './forecast-paths.js';
import { inferPeriods } from './infer-periods.js';
import { autoCandidates, modelByName, type ModelChoiceName } from './model-catalog.js';
import { calibrationFactors, widenIntervals, type IntervalCalibration } from './interval-calibration.js';
import { clampPaths, type PhysicalBounds } from './physical-bounds.js';
import { autoStepMs, futureTimes, stepLabel, toRegularGrid, type GridStep } from './regular-grid.js';
import { applyScenario, type Scenario } from './scenarios.js';

/**
 * The whole forecasting run behind `forecast.run` and `bin/headroom forecast`, in the
 * order a careful analyst would do it by hand, each step visible in the result:
 * regular grid (resampled: mean, max or P95 per step) → explicit imputation of empty
 * steps → robust outliers flagged (and replaced, when asked) → structural breaks, the fit
 * starting after the last one → seasonal periods from the timestamps → the model (chosen
 * by rolling-origin MASE, or named) → forecast with 80/95 % intervals → physical bounds →
 * scenarios on top.
 */

const DAY_MS = 86_400_000;

export interface ForecastRunOptions {
  readonly horizon: Horizon;
  /** Default 'auto'. */
  readonly model?: ModelChoiceName;
  /** A fixed step in ms; default 'auto' (see autoStepMs; calendar months for monthly data). */
  readonly stepMs?: number | 'auto';
  /** How points within one step combine: 'mean' forecasts averages, 'max'/'p95' peaks. Default 'mean'. */
  readonly aggregation?: Extract<Aggregation, 'mean' | 'max' | 'p95'>;
  /** Seasonal periods in steps; default inferred from the timestamps. */
  readonly periods?: readonly number[];
  /** How empty steps are filled; default 'seasonal' when there is a period, else 'linear'. */
  readonly impute?: 'linear' | 'seasonal';
  /** 'flag' shows outliers; 'exclude' also replaces them by imputed values before fitting. Default 'flag'. */
  readonly outliers?: 'flag' | 'exclude';
  /** Where the fit starts: after the last structural break (default), all data, or a time (ms). */
  readonly fitFrom?: 'last-break' | 'all' | number;
  /** The series' unit: '%' bounds forecasts to 0–100; non-negative data stays non-negative. */
  readonly unit?: string;
  readonly scenarios?: readonly Scenario[];
  /** Seed for simulated intervals; default 1 (runs are reproducible). */
  readonly seed?: number;
  /** Rescale intervals the backtest shows too narrow (or, with ample evidence, too wide); default true; see interval-calibration.ts. */
  readonly calibrateIntervals?: boolean;
  /** Rolling origins of the backtest; default 5. */
  readonly origins?: number;
  /** Called between steps (the worker forwards it as job progress). */
  readonly onProgress?: (phase: string, fraction: number) => void;
}

export interface CandidateSummary {
  readonly id: string;
  readonly label: string;
  /** Null when the candidate was skipped (see reason). */
  readonly mase: number | null;
  readonly smape: number | null;
  readonly coverage80: number | null;
  readonly coverage95: number | null;
  readonly skipped: string | null;
}

export interface BacktestSummary {
  readonly mase: number;
  readonly smape: number;
  readonly coverage80: number;
  readonly coverage95: number;
  /** Steps forecast from each origin. */
  readonly h: number;
  readonly origins: number;
}

export interface ForecastBand {
  readonly mean: number[];
  readonly lo80: number[];
  readonly hi80: number[];
  readonly lo95: number[];
  readonly hi95: number[];
}

export interface ForecastRunResult {
  /** The fitted model with its parameters, e.g. 'ETS(M,Ad,M) α=0.7096 …'. */
  readonly model: string;
  readonly modelId: string;
  readonly modelLabel: string;
  /** Why this model: the backtest comparison, or 'chosen by hand'. */
  readonly reason: string;
  readonly step: GridStep;
  readonly stepLabel: string;
  readonly aggregation: Aggregation;
  readonly periods: number[];
  /** The regular history the model saw (imputed values filled in; excluded outliers replaced). */
  readonly history: { readonly times: number[]; readonly values: number[] };
  /** Indexes into history that were empty and imputed, and how. */
  readonly imputed: { readonly method: 'linear' | 'seasonal'; readonly indexes: number[] };
  readonly outliers: { readonly method: string; readonly excluded: boolean; readonly points: { readonly t: number; readonly value: number; readonly score: number }[] };
  readonly breaks: { readonly t: number; readonly date: string; readonly changePct: number | null }[];
  /** First time the model was fitted on. */
  readonly fitStartMs: number;
  readonly forecastTimes: number[];
  readonly forecast: ForecastBand;
  readonly backtest: BacktestSummary | null;
  /** How much the intervals were rescaled to match the backtest (factors 1 when they were not). */
  readonly calibration: IntervalCalibration;
  readonly candidates: CandidateSummary[];
  readonly bounds: PhysicalBounds;
  readonly scenarios: { readonly name: string; readonly forecast: ForecastBand }[];
  /** Things the user should know (a break ignored for lack of data, a backtest impossible…). */
  readonly warnings: string[];
}

/**
 * Runs a forecast over raw points.
 * @param times epoch ms, ascending
 * @param values finite numbers, same length
 * @throws {ForecastError} when the series is too short or the options do not apply
 * @example runForecast(times, values, { horizon: { kind: 'steps', steps: 12 } }).forecast.hi95
 */
export function runForecast(times: ArrayLike<number>, values: ArrayLike<number>, options: ForecastRunOptions): ForecastRunResult {
  const progress = options.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const seed = options.seed ?? 1;
  progress('resampling', 0.02);
  const n = times.length;
  if (n < 3) throw new ForecastError(`a forecast needs at least 3 points; the series has ${n}`);
  // Checked here, before resampling: beyond ±1e100 the models refuse anyway, and the
  // workload steps would throw a WorkloadError that callers catching ForecastError (the
  // runway) did not expect (issue #9).
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && Math.abs(v) > MAX_ABS_VALUE) throw new ForecastError(`point ${i} is ${v}, beyond ±${MAX_ABS_VALUE} where the models overflow; use a larger unit`);
  }
  const spanMs = (times[n - 1] as number) - (times[0] as number);
  const horizonMsGuess = options.horizon.kind === 'duration' ? horizonEndMs(options.horizon, times[n - 1] as number) - (times[n - 1] as number) : 0;
  const requestedStep = options.stepMs ?? 'auto';
  let grid = toRegularGrid(times, values, { aggregation: options.aggregation ?? 'mean' });
  if (grid.step.kind === 'fixed') {
    const stepMs = requestedStep === 'auto' ? autoStepMs(grid.step.ms, spanMs, Math.max(horizonMsGuess, options.horizon.kind === 'steps' ? options.horizon.steps * grid.step.ms : 0)) : requestedStep;
    if (stepMs !== grid.step.ms) grid = toRegularGrid(times, values, { stepMs, aggregation: options.aggregation ?? 'mean' });
  } else if (typeof requestedStep === 'number') {
    grid = toRegularGrid(times, values, { stepMs: requestedStep, aggregation: options.aggregation ?? 'mean' });
  }
  const step = grid.step;

  // Periods first (imputation by season needs them), from the whole grid.
  const periods = [...(options.periods ?? inferPeriods(grid.times))].sort((a, b) => a - b);
  const percent = (options.unit ?? '').trim() === '%' || /^percent$/i.test((options.unit ?? '').trim());

  progress('filling gaps', 0.08);
  const impute = options.impute ?? (periods.length > 0 ? 'seasonal' : 'linear');
  const filled = imputeGaps(grid.values, impute, impute === 'seasonal' ? periods[0] : undefined);
  if (filled.imputed.length > 0) warnings.push(`${filled.imputed.length} empty step${filled.imputed.length === 1 ? ' was' : 's were'} filled by ${impute} imputation`);
  let historyValues = filled.values;

  progress('looking for outliers', 0.12);
  const outlierResult = detectOutliers(grid.times, historyValues);
  const excluded = options.outliers === 'exclude';
  if (excluded && outlierResult.flagged.length > 0) {
    const withHoles: (number | null)[] = historyValues.slice();
    for (const i of outlierResult.flagged) withHoles[i] = null;
    historyValues = imputeGaps(withHoles, impute, impute === 'seasonal' ? periods[0] : undefined).values;
  }

  progress('looking for structural breaks', 0.18);
  const breaks: ForecastRunResult['breaks'] = [];
  let fitStartIndex = 0;
  const dailyOrFiner = step.kind === 'fixed' && step.ms <= DAY_MS;
  if (dailyOrFiner && spanMs >= 28 * DAY_MS) {
    const analysis = detectBreaks(grid.times, historyValues);
    for (const b of analysis.breaks) breaks.push({ t: b.timeMs, date: b.date, changePct: b.changePct });
    if ((options.fitFrom ?? 'last-break') === 'last-break' && breaks.length > 0) fitStartIndex = indexAtOrAfter(grid.times, analysis.fitStartMs);
  }
  if (typeof options.fitFrom === 'number') fitStartIndex = indexAtOrAfter(grid.times, options.fitFrom);
  const longest = periods.length > 0 ? Math.max(...periods) : 0;
  const minFit = Math.max(10, 2 * longest + 2);
  if (grid.times.length - fitStartIndex < minFit && fitStartIndex > 0) {
    warnings.push(`the fit would start at the last structural break, leaving ${grid.times.length - fitStartIndex} steps (fewer than ${minFit}); all the history is used instead`);
    fitStartIndex = 0;
  }
  const y = historyValues.slice(fitStartIndex);
  const fitPeriods = periods.filter((m) => y.length >= 2 * m);
  if (fitPeriods.length < periods.length) warnings.push(`period${periods.length - fitPeriods.length === 1 ? '' : 's'} ${periods.filter((m) => !fitPeriods.includes(m)).join(', ')} left out: the fit window holds fewer than two cycles`);

  const lastMs = grid.times[grid.times.length - 1] as number;
  const h = horizonSteps(options.horizon, step, lastMs);
  const forecastTimes = futureTimes(step, lastMs, h);

  // Backtest on windows of at most h steps, leaving room for a few origins.
  const minTrain = Math.max(3, Math.min(2 * (fitPeriods.length > 0 ? Math.max(...fitPeriods) : 0) + 1, Math.floor(y.length / 2)));
  const backtestH = Math.min(h, Math.max(1, Math.floor((y.length - minTrain) / 3)));
  // Long histories hold enough forecast errors in 3 origins, and each origin is a full refit.
  const backtestOptions = { h: backtestH, periods: fitPeriods, origins: options.origins ?? (y.length > 5000 ? 3 : 5), minTrainLength: minTrain, seed };
  const context = { percent };
  let modelLabel: string;
  let modelId: string;
  let reason: string;
  let fit;
  let backtestResult: BacktestResult | null = null;
  let candidates: CandidateSummary[] = [];
  const modelName = options.model ?? 'auto';
  progress(modelName === 'auto' ? 'comparing models by backtest' : 'backtesting', 0.25);
  if (modelName === 'auto') {
    const choice = chooseModel(y, autoCandidates(fitPeriods, context), backtestOptions);
    fit = choice.fit;
    modelLabel = choice.model.label;
    modelId = choice.model.id;
    reason = choice.reason;
    backtestResult = choice.backtest;
    candidates = choice.candidates.map((c) =>
      c.status === 'scored'
        ? { id: c.id, label: c.label, mase: c.backtest.mase, smape: c.backtest.smape, coverage80: c.backtest.coverage80, coverage95: c.backtest.coverage95, skipped: null }
        : { id: c.id, label: c.label, mase: null, smape: null, coverage80: null, coverage95: null, skipped: c.reason },
    );
  } else {
    const model = modelByName(modelName, context);
    modelLabel = model.label;
    modelId = model.id;
    try {
      backtestResult = backtest(model, y, backtestOptions);
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      warnings.push(`no backtest: ${error.message}`);
    }
    progress('fitting', 0.8);
    fit = model.fit(y, { periods: fitPeriods, seed });
    reason = `${model.label} chosen by hand`;
    candidates = [
      backtestResult === null
        ? { id: model.id, label: model.label, mase: null, smape: null, coverage80: null, coverage95: null, skipped: 'could not be backtested' }
        : { id: model.id, label: model.label, mase: backtestResult.mase, smape: backtestResult.smape, coverage80: backtestResult.coverage80, coverage95: backtestResult.coverage95, skipped: null },
    ];
  }

  progress('forecasting', 0.92);
  const bounds = physicalBounds(historyValues, percent);
  const calibration: IntervalCalibration =
    backtestResult !== null && (options.calibrateIntervals ?? true) ? calibrationFactors(backtestResult.origins) : { factor80: 1, factor95: 1, points: 0 };
  const changed = (f: number): boolean => f > 1.05 || f < 0.95;
  if (changed(calibration.factor80) || changed(calibration.factor95)) {
    const verb = calibration.factor80 >= 1 && calibration.factor95 >= 1 ? 'widened' : calibration.factor80 <= 1 && calibration.factor95 <= 1 ? 'narrowed' : 'rescaled';
    warnings.push(
      `the model's intervals held ${pct(backtestResult?.coverage80)} and ${pct(backtestResult?.coverage95)} of the backtest (not 80 % and 95 %): ${verb} ×${calibration.factor80.toFixed(2)} (80 %) and ×${calibration.factor95.toFixed(2)} (95 %) to match`,
    );
  }
  const paths = clampPaths(widenIntervals(fit.forecast(h), calibration), bounds);
  const base = y[y.length - 1] as number;
  const scenarios = (options.scenarios ?? []).map((scenario) => ({
    name: scenario.name,
    forecast: toBand(clampPaths(applyScenario(paths, forecastTimes, base, scenario), bounds)),
  }));
  progress('done', 1);
  return {
    model: fit.description,
    modelId,
    modelLabel,
    reason,
    step,
    stepLabel: stepLabel(step),
    aggregation: grid.aggregation,
    periods: fitPeriods,
    history: { times: grid.times, values: historyValues },
    imputed: { method: impute, indexes: filled.imputed },
    outliers: {
      method: outlierResult.description,
      excluded,
      points: outlierResult.outliers.map((o) => ({ t: o.timeMs, value: o.value, score: o.score })),
    },
    breaks,
    fitStartMs: grid.times[fitStartIndex] as number,
    forecastTimes,
    forecast: toBand(paths),
    backtest:
      backtestResult === null
        ? null
        : { mase: backtestResult.mase, smape: backtestResult.smape, coverage80: backtestResult.coverage80, coverage95: backtestResult.coverage95, h: backtestResult.h, origins: backtestResult.origins.length },
    calibration,
    candidates,
    bounds,
    scenarios,
    warnings,
  };
}

function pct(x: number | undefined): string {
  return x === undefined ? '?' : `${(x * 100).toFixed(0)} %`;
}

/** Forecast steps for a horizon: given, or enough steps to reach the horizon's end. */
function horizonSteps(horizon: Horizon, step: GridStep, lastMs: number): number {
  if (horizon.kind === 'steps') return horizon.steps;
  const endMs = horizonEndMs(horizon, lastMs);
  if (step.kind === 'fixed') return Math.max(1, Math.ceil((endMs - lastMs) / step.ms));
  const times = futureTimes(step, lastMs, 2000);
  const index = times.findIndex((t) => t >= endMs);
  return Math.max(1, index < 0 ? times.length : index + 1);
}

/** Utilisation stays within 0–100 %; data that was never negative stays non-negative. */
function physicalBounds(values: readonly number[], percent: boolean): PhysicalBounds {
  const nonNegative = values.every((v) => v >= 0);
  if (percent && nonNegative && values.every((v) => v <= 100)) return { lower: 0, upper: 100 };
  return nonNegative ? { lower: 0 } : {};
}

function indexAtOrAfter(times: readonly number[], ms: number): number {
  const i = times.findIndex((t) => t >= ms);
  return i < 0 ? times.length - 1 : i;
}

function toBand(paths: ForecastPaths): ForecastBand {
  return { mean: [...paths.mean], lo80: [...paths.lo80], hi80: [...paths.hi80], lo95: [...paths.lo95], hi95: [...paths.hi95] };
}
