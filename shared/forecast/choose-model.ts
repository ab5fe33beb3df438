import { ForecastError, type FittedModel, type ForecastModel } from './forecast-model.js';
import { backtest, backtestOrigins, scoreBacktest, type BacktestOptions, type BacktestResult } from './backtest.js';
import { averagePaths, createCombinationModel } from './combination.js';

/**
 * Automatic model choice by backtest: every candidate is evaluated on the same rolling
 * origins, the lowest MASE wins (scale-free, defined for zeros, Hyndman & Koehler 2006),
 * optionally replaced by the mean of the two best when that combination backtests better.
 * The caller supplies the candidates, so the app can add ETS and MSTL; a candidate that
 * does not apply (ForecastError) is skipped with its reason.
 */

/** Options of {@link chooseModel}. */
export interface ChooseModelOptions extends BacktestOptions {
  /** Also try the mean of the two best candidates (kept only if its MASE is lower). Default true. */
  readonly combine?: boolean;
}

/** How one candidate fared. */
export type CandidateOutcome =
  | { readonly id: string; readonly label: string; readonly status: 'scored'; readonly backtest: BacktestResult }
  | { readonly id: string; readonly label: string; readonly status: 'skipped'; readonly reason: string };

/** The chosen model, fitted to the whole series, and why. */
export interface ModelChoice {
  readonly model: ForecastModel;
  /** The chosen model fitted on all of y, ready to forecast. */
  readonly fit: FittedModel;
  readonly backtest: BacktestResult;
  /** E.g. "Theta chosen: MASE 0.62 vs Drift 0.71, Seasonal naive 1.00 over 4 origins of 12 steps". */
  readonly reason: string;
  /** Every candidate, best first, then the skipped ones; the combination too when tried. */
  readonly candidates: readonly CandidateOutcome[];
}

/**
 * Chooses among candidate models by rolling-origin MASE and fits the winner to all data.
 * @param y evenly spaced finite values, oldest first
 * @param candidates the models to compare (e.g. theta, seasonal naive, drift, ETS, MSTL)
 * @param options horizon, periods, origins, combination
 * @throws {ForecastError} when no candidate can be backtested (reasons listed) or the series is too short
 * @example chooseModel(y, [thetaModel, seasonalNaiveModel, driftModel], { h: 12, periods: [12] }).reason
 */
export function chooseModel(y: readonly number[], candidates: readonly ForecastModel[], options: ChooseModelOptions): ModelChoice {
  if (candidates.length === 0) throw new ForecastError('no candidate models to choose from');
  const fitOptions = options.seed === undefined ? { periods: options.periods } : { periods: options.periods, seed: options.seed };
  const originCount = backtestOrigins(y.length, options).length;
  const scored: { model: ForecastModel; result: BacktestResult }[] = [];
  const skipped: Extract<CandidateOutcome, { status: 'skipped' }>[] = [];
  for (const model of candidates) {
    try {
      scored.push({ model, result: backtest(model, y, options) });
    } catch (error) {
      // Only "does not apply" is a reason to skip; anything else is a bug and must surface.
      if (!(error instanceof ForecastError)) throw error;
      skipped.push({ id: model.id, label: model.label, status: 'skipped', reason: error.message });
    }
  }
  if (scored.length === 0) {
    throw new ForecastError(`no candidate model could be backtested: ${skipped.map((s) => `${s.label} (${s.reason})`).join('; ')}`);
  }
  // Stable sort: on equal MASE the caller's order (simpler models first, say) decides.
  scored.sort((a, b) => a.result.mase - b.result.mase);
  const ranked = [...scored];
  let note = '';
  const first = scored[0];
  const second = scored[1];
  if ((options.combine ?? true) && first !== undefined && second !== undefined) {
    const combination = createCombinationModel([first.model, second.model]);
    try {
      // The members' forecasts at every origin are already in their backtests: average
      // them instead of fitting both models again (same numbers, half the work).
      const result = scoreBacktest(combination.id, combination.label, y, options, (trainLength) => {
        const forecasts = [first.result, second.result].flatMap((r) => r.origins.filter((o) => o.trainLength === trainLength).map((o) => o.forecast));
        return forecasts.length === 2 ? averagePaths(forecasts) : combination.fit(y.slice(0, trainLength), fitOptions).forecast(options.h);
      });
      if (result.mase < first.result.mase) ranked.unshift({ model: combination, result });
      else note = `; the mean of the two best (MASE ${formatScore(result.mase)}) did not beat ${first.model.label}`;
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
    }
  }
  // Refit on all data; a winner that cannot be refitted (rare) yields to the next best.
  for (const [index, winner] of ranked.entries()) {
    let fit: FittedModel;
    try {
      fit = winner.model.fit(y, fitOptions);
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      skipped.push({ id: winner.model.id, label: winner.model.label, status: 'skipped', reason: `refit on all data failed: ${error.message}` });
      continue;
    }
    const others = ranked.filter((_, i) => i !== index).map((r) => `${r.model.label} ${formatScore(r.result.mase)}`);
    const versus = others.length > 0 ? ` vs ${others.join(', ')}` : '';
    const skippedText = skipped.length > 0 ? `; skipped ${skipped.map((s) => `${s.label} (${s.reason})`).join(', ')}` : '';
    const reason = `${winner.model.label} chosen: MASE ${formatScore(winner.result.mase)}${versus} over ${originCount} origin${originCount === 1 ? '' : 's'} of ${options.h} step${options.h === 1 ? '' : 's'}${note}${skippedText}`;
    return {
      model: winner.model,
      fit,
      backtest: winner.result,
      reason,
      candidates: [...ranked.map((r): CandidateOutcome => ({ id: r.model.id, label: r.model.label, status: 'scored', backtest: r.result })), ...skipped],
    };
  }
  throw new ForecastError(`no candidate model could be fitted to the whole series: ${skipped.map((s) => s.label).join(', ')}`);
}

/** MASE with two decimals; ∞ for an undefined scale with errors. */
function formatScore(mase: number): string {
  return Number.isFinite(mase) ? mase.toFixed(2) : '∞';
}
