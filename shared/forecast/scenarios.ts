import type { ForecastPaths } from './forecast-model.js';

/**
 * What-if changes on top of a forecast, for the capacity review's "and if…" questions:
 * a step (+30 % from a date: a launch), a ramp (+50 % reached linearly over a period: a
 * migration of tenants), a one-off addition (+500 GiB on a date: a data import) and a
 * growth multiplier (growth above the last observation × 1.25). Each applies to the mean
 * and both intervals, so the uncertainty moves with the scenario.
 */
export type ScenarioChange =
  | { readonly kind: 'step'; readonly atMs: number; readonly percent: number }
  | { readonly kind: 'ramp'; readonly fromMs: number; readonly toMs: number; readonly percent: number }
  | { readonly kind: 'one-off'; readonly atMs: number; readonly amount: number }
  | { readonly kind: 'growth'; readonly multiplier: number };

export interface Scenario {
  readonly name: string;
  readonly changes: readonly ScenarioChange[];
}

/**
 * Applies a scenario to forecast paths at `times` (ms), with `base` the last observed level
 * (growth multipliers scale the change relative to it). Steps, ramps and one-offs apply
 * from their date on; a one-off adds a constant (data loaded once stays).
 * @example applyScenario(paths, times, 100, { name: 'launch', changes: [{ kind: 'step', atMs: t0, percent: 30 }] })
 */
export function applyScenario(paths: ForecastPaths, times: readonly number[], base: number, scenario: Scenario): ForecastPaths {
  const transform = (value: number, t: number): number => {
    let v = value;
    for (const change of scenario.changes) {
      if (change.kind === 'growth') v = base + (v - base) * change.multiplier;
    }
    let factor = 1;
    let added = 0;
    for (const change of scenario.changes) {
      if (change.kind === 'step' && t >= change.atMs) factor *= 1 + change.percent / 100;
      else if (change.kind === 'ramp' && t >= change.fromMs) {
        const progress = change.toMs <= change.fromMs ? 1 : Math.min(1, (t - change.fromMs) / (change.toMs - change.fromMs));
        factor *= 1 + (change.percent / 100) * progress;
      } else if (change.kind === 'one-off' && t >= change.atMs) added += change.amount;
    }
    return v * factor + added;
  };
  const map = (values: readonly number[]): number[] => values.map((v, i) => transform(v, times[i] ?? 0));
  const lo95 = map(paths.lo95);
  const lo80 = map(paths.lo80);
  const mean = map(paths.mean);
  const hi80 = map(paths.hi80);
  const hi95 = map(paths.hi95);
  // A negative step can swap nothing (factors are positive), but keep the order explicit.
  return { mean, lo80: lo80.map((v, i) => Math.min(v, mean[i] ?? v)), hi80: hi80.map((v, i) => Math.max(v, mean[i] ?? v)), lo95: lo95.map((v, i) => Math.min(v, lo80[i] ?? v)), hi95: hi95.map((v, i) => Math.max(v, hi80[i] ?? v)) };
}
