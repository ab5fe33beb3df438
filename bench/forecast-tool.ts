// Headroom's side of bench/forecast-accuracy.mjs and bench/forecast-speed.mjs. Bundled
// by those scripts with esbuild and run as a child process (TypeScript, so it runs the
// real engine in shared/forecast). Commands:
//   accuracy <series.json> <tasks.json> <out.json>   forecasts for every (series, origin)
//   series <kind> <out.csv>                          writes a synthetic 5-minute series
//   speed <kind> <runs> <out.json>                   times fit + forecast on that series
import { readFileSync, writeFileSync } from 'node:fs';
import { etsModel, toFittedModel } from '../shared/forecast/ets/ets-model.js';
import { selectEts } from '../shared/forecast/ets/ets-select.js';
import { createMstlModel } from '../shared/forecast/mstl.js';
import { chooseModel } from '../shared/forecast/choose-model.js';
import { autoCandidates } from '../shared/forecast/model-catalog.js';
import { runForecast } from '../shared/forecast/forecast-run.js';
import type { ForecastPaths } from '../shared/forecast/forecast-model.js';
import { SeededRandom } from '../shared/random/seeded-random.js';

interface Series {
  readonly name: string;
  readonly group: 'monthly' | 'quarterly' | 'yearly' | 'half-hourly';
  /** R's tsp: start as a decimal year (or index), and frequency. */
  readonly start: number;
  readonly frequency: number;
  readonly periods: number[];
  readonly values: number[];
}
interface Task {
  readonly id: number;
  readonly series: string;
  readonly trainLength: number;
  readonly h: number;
}
interface Outcome {
  readonly id: number;
  readonly method: string;
  readonly model: string;
  readonly seconds: number;
  readonly forecast: ForecastPaths;
}

const [command, ...args] = process.argv.slice(2);
const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
const plain = (p: ForecastPaths): ForecastPaths => ({ mean: [...p.mean], lo80: [...p.lo80], hi80: [...p.hi80], lo95: [...p.lo95], hi95: [...p.hi95] });

/** Timestamps the app would see for an R time series: calendar months/quarters/years, or fixed steps. */
function timestampsOf(series: Series, n: number): number[] {
  const { start, frequency } = series;
  if (series.group === 'half-hourly') {
    // taylor: half-hourly demand from Monday 5 June 2000 (Taylor, JORS 54, 2003).
    return Array.from({ length: n }, (_, i) => Date.UTC(2000, 5, 5) + i * 1_800_000);
  }
  const monthsPerStep = frequency === 12 ? 1 : frequency === 4 ? 3 : 12;
  const startYear = Math.floor(start + 1e-9);
  const startMonth = Math.round((start - startYear) * 12);
  // Series indexed 1, 2, … (WWWusage, BJsales) become years from 2000, the app sees no difference.
  const year0 = startYear < 1000 ? 2000 + startYear : startYear;
  return Array.from({ length: n }, (_, i) => Date.UTC(year0, startMonth + i * monthsPerStep, 1));
}

if (command === 'accuracy') {
  const [seriesPath, tasksPath, outPath] = args as [string, string, string];
  const allSeries = new Map((JSON.parse(readFileSync(seriesPath, 'utf8')) as Series[]).map((s) => [s.name, s]));
  const tasks = JSON.parse(readFileSync(tasksPath, 'utf8')) as Task[];
  const outcomes: Outcome[] = [];
  const mstlEts = createMstlModel(etsModel);
  for (const task of tasks) {
    const series = allSeries.get(task.series);
    if (series === undefined) throw new Error(`no series ${task.series}`);
    const y = series.values.slice(0, task.trainLength);
    const periods = series.periods;
    const record = (method: string, run: () => { model: string; forecast: ForecastPaths }): void => {
      const started = process.hrtime.bigint();
      const { model, forecast } = run();
      outcomes.push({ id: task.id, method, model, seconds: seconds(started), forecast: plain(forecast) });
    };
    if (series.group === 'half-hourly') {
      // R's stlf: MSTL, then ETS on the seasonally adjusted series.
      record('ets', () => {
        const fit = mstlEts.fit(y, { periods, seed: 1 });
        return { model: fit.description, forecast: fit.forecast(task.h) };
      });
    } else {
      // Like-for-like with R's ets(): the AICc-selected ETS on the series' own frequency
      // (what etsModel.fit does, unrolled to keep the final states).
      let legacy: ForecastPaths | undefined;
      record('ets', () => {
        const { best } = selectEts(y, periods[0] ?? 1);
        const fit = toFittedModel(best, { seed: 1 });
        const forecast = fit.forecast(task.h);
        // Diagnostic, not timed: the same fit with forecast 8.20's damped-trend sum for
        // multiplicative seasons, which adds (φ − φ^h)·b to step h (see etsPointForecast),
        // to tell that difference from others.
        const { phi } = best.parameters;
        const { trend, seasonal } = best.finalStates;
        const m = seasonal.length;
        const mean = forecast.mean.map((f, i) => (best.spec.trend === 'Ad' && best.spec.season === 'M' ? f + (phi - phi ** (i + 1)) * trend * (seasonal[m - 1 - (i % m)] ?? 1) : f));
        legacy = { ...forecast, mean };
        return { model: fit.description, forecast };
      });
      if (legacy !== undefined) outcomes.push({ id: task.id, method: 'ets-forecast-8.20', model: '', seconds: 0, forecast: plain(legacy) });
    }
    // The automatic choice as the engine offers it: rolling-origin MASE over the catalogue's
    // candidates, the model's own intervals (no calibration, no bounds).
    record('auto-raw', () => {
      const n = y.length;
      const longest = periods.length > 0 ? Math.max(...periods) : 0;
      const minTrain = Math.max(3, Math.min(2 * longest + 1, Math.floor(n / 2)));
      const backtestH = Math.min(task.h, Math.max(1, Math.floor((n - minTrain) / 3)));
      const choice = chooseModel(y, autoCandidates(periods, { percent: false }), { h: backtestH, periods, origins: 5, minTrainLength: minTrain, seed: 1 });
      return { model: choice.model.label, forecast: choice.fit.forecast(task.h) };
    });
    // The whole app pipeline (forecast.run / `headroom forecast`): grid, imputation,
    // outliers, breaks, the automatic choice, calibrated intervals, physical bounds.
    record('app', () => {
      const times = timestampsOf(series, y.length);
      const result = runForecast(times, y, { horizon: { kind: 'steps', steps: task.h }, model: 'auto', seed: 1 });
      return { model: `${result.modelLabel} | ${result.model}`, forecast: result.forecast };
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  writeFileSync(outPath, JSON.stringify(outcomes));
} else if (command === 'series' || command === 'speed') {
  const kind = args[0] as '90d' | '13mo';
  const y = syntheticFiveMinute(kind === '90d' ? 90 * 288 : 396 * 288);
  if (command === 'series') {
    writeFileSync(args[1] as string, y.map((v) => v.toPrecision(10)).join('\n') + '\n');
  } else {
    const runs = Number(args[1] ?? 3);
    const h = kind === '90d' ? 7 * 288 : 30 * 288;
    const times = y.map((_, i) => Date.UTC(2024, 0, 1) + i * 300_000);
    const mstlEts = createMstlModel(etsModel);
    const rows: { method: string; run: number; seconds: number; model: string; points: number }[] = [];
    for (let run = 0; run <= runs; run++) {
      let started = process.hrtime.bigint();
      const fit = mstlEts.fit(y, { periods: [288, 2016], seed: 1 });
      const paths = fit.forecast(h);
      rows.push({ method: 'mstl-ets', run, seconds: seconds(started), model: fit.description, points: y.length });
      if (!((paths.hi95[h - 1] ?? 0) > (paths.lo95[h - 1] ?? 0))) throw new Error('no interval');
      started = process.hrtime.bigint();
      const result = runForecast(times, y, { horizon: { kind: 'steps', steps: h }, model: 'auto', seed: 1, unit: '%' });
      rows.push({ method: 'app-auto', run, seconds: seconds(started), model: `${result.modelLabel} on ${result.stepLabel} steps (${result.history.values.length} points): ${result.model}`, points: result.history.values.length });
      if (kind === '90d') {
        // The automatic choice on the native 5-minute values (what the app avoids by resampling).
        started = process.hrtime.bigint();
        const choice = chooseModel(y, autoCandidates([288, 2016], { percent: true }), { h: 2016, periods: [288, 2016], origins: 5, seed: 1 });
        choice.fit.forecast(h);
        rows.push({ method: 'auto-native', run, seconds: seconds(started), model: choice.model.label, points: y.length });
      }
      process.stderr.write('.');
    }
    writeFileSync(args[2] as string, JSON.stringify(rows));
  }
} else {
  throw new Error(`unknown command ${command}`);
}

/**
 * A utilisation-like 5-minute series: a slowly growing level with random-walk wander,
 * a daily cycle with a lunchtime shoulder, a weekday/weekend difference, and noise.
 */
function syntheticFiveMinute(n: number): number[] {
  const random = new SeededRandom(2016);
  const y = new Array<number>(n);
  let wander = 0;
  for (let i = 0; i < n; i++) {
    const day = (i % 288) / 288;
    const weekday = Math.floor(i / 288) % 7;
    wander += 0.02 * random.normal();
    wander *= 0.999;
    const daily = 12 * Math.sin(2 * Math.PI * (day - 0.3)) + 4 * Math.sin(4 * Math.PI * day);
    const weekly = weekday >= 5 ? -6 : 0;
    y[i] = 35 + (10 * i) / n + wander + (weekday >= 5 ? 0.5 : 1) * daily + weekly + 1.5 * random.normal();
  }
  return y;
}
