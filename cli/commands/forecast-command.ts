import { forecastRunInputSchema } from '../../shared/api/forecast-schema.js';
import { MODEL_DESCRIPTIONS, MODEL_NAMES } from '../../shared/forecast/model-catalog.js';
import { runForecast, type ForecastBand, type ForecastRunOptions, type ForecastRunResult } from '../../shared/forecast/forecast-run.js';
import { ForecastError } from '../../shared/forecast/forecast-model.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { parseHorizon } from '../../shared/time/parse-horizon.js';
import { WorkloadError } from '../../shared/workload/workload-error.js';
import { listScenarios } from '../../backend/workspace/scenario-store.js';
import { readSeriesPoints, type SeriesPoints } from '../../backend/workspace/series-points.js';
import { InputError, UsageError } from '../cli-errors.js';
import { listOption, requiredString, stringOption, type Command, type ParsedCommand } from '../command.js';
import { readInputSeries } from '../input-series.js';
import { openForReading } from '../open-for-reading.js';
import { createProgressLine } from '../progress-line.js';

const STEP_UNITS_MS: Readonly<Record<string, number>> = { s: 1000, min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Forecast a series with 80 % and 95 % prediction intervals, the model chosen by backtest (or by you), its accuracy shown.',
  usage: 'forecast (--input <file> | --workspace <w> --series <name>) --horizon <steps|90d|18mo> [--model auto|linear|ets|mstl|theta|snaive|…] [--json]',
  allowPositionals: false,
  options: {
    input: { type: 'string', short: 'i', valueName: 'file', description: 'a file with timestamp,value columns (or any format `import` reads)' },
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'read the series from this workspace instead' },
    series: { type: 'string', short: 's', valueName: 'name', description: 'the series (required with --workspace, or when --input holds several)' },
    horizon: { type: 'string', valueName: 'steps|dur', description: 'how far ahead: a number of steps (12) or a duration (90d, 6w, 18mo, 2y)' },
    model: { type: 'string', valueName: 'name', description: `auto (default) or ${MODEL_NAMES.join(', ')}` },
    step: { type: 'string', valueName: 'dur', description: 'resample to this step (5min, 1h, 1d); default automatic (calendar months for monthly data)' },
    aggregate: { type: 'string', valueName: 'how', description: 'within a step: mean (default; forecasts averages), max or p95 (forecasts peaks)' },
    period: { type: 'string', multiple: true, valueName: 'steps', description: 'seasonal period in steps (repeatable); default inferred from the timestamps' },
    impute: { type: 'string', valueName: 'how', description: 'fill empty steps: seasonal (default with a period) or linear' },
    'exclude-outliers': { type: 'boolean', description: 'replace robust (MAD) outliers by imputed values before fitting (default: flag only)' },
    'fit-from': { type: 'string', valueName: 'when', description: 'last-break (default), all, or an ISO date: where the fit window starts' },
    scenario: { type: 'string', multiple: true, valueName: 'name', description: 'apply a scenario saved in the workspace (repeatable)' },
    seed: { type: 'string', valueName: 'n', description: 'seed of simulated intervals (default 1; runs are reproducible)' },
    json: { type: 'boolean', description: 'print JSON: {"model","points":[{"t","mean","lo80","hi80","lo95","hi95"}],"backtest":{"mase","smape","coverage80","coverage95"},…}' },
  },
  details: [
    'Models:',
    ...(['auto', ...MODEL_NAMES] as const).map((name) => `  ${name.padEnd(11)}${MODEL_DESCRIPTIONS[name]}`),
    '',
    'Seasonal periods come from the timestamps: monthly → 12, quarterly → 4, yearly → none,',
    'daily → 7, hourly → 24 and 168, half-hourly → 48 and 336, 5-minute → 288 and 2016.',
    'The backtest refits the model at several origins and scores what it would have said:',
    'MASE (below 1 beats the seasonal naive forecast), sMAPE (%), and the share of actual',
    'values inside the 80 % and 95 % intervals. Percentages stay within 0–100 and sizes',
    'non-negative. See docs/models.md.',
    '',
    'Exit status: 0 forecast made; 1 the input cannot be forecast (the reason is printed); 2 bad usage.',
  ].join('\n'),
  async run(parsed) {
    const options = forecastOptionsFrom(parsed);
    const input = stringOption(parsed, 'input');
    const workspace = stringOption(parsed, 'workspace');
    if ((input === undefined) === (workspace === undefined)) throw new UsageError('give either --input <file> or --workspace <w> --series <name>', 'forecast');
    let points: SeriesPoints;
    const scenarios: Scenario[] = [];
    const scenarioNames = listOption(parsed, 'scenario');
    if (workspace !== undefined) {
      const name = requiredString(parsed, 'series', 'forecast');
      const db = openForReading(workspace);
      try {
        points = readSeriesPoints(db, name);
        const saved = listScenarios(db);
        for (const scenarioName of scenarioNames) {
          const found = saved.find((s) => s.name === scenarioName);
          if (found === undefined) throw new InputError(`${workspace} has no scenario '${scenarioName}'${saved.length > 0 ? `; it has ${saved.map((s) => s.name).join(', ')}` : ''}`);
          scenarios.push(found);
        }
      } finally {
        db.close();
      }
    } else {
      if (scenarioNames.length > 0) throw new UsageError('--scenario needs --workspace (scenarios are saved in a workspace)', 'forecast');
      points = await readInputSeries(input ?? '', stringOption(parsed, 'series'));
    }
    const json = parsed.values['json'] === true;
    const progress = createProgressLine();
    let result: ForecastRunResult;
    try {
      result = runForecast(points.times, points.values, { ...options, unit: points.series.unit, scenarios, onProgress: (phase) => progress.update(`${phase}…`) });
    } catch (error) {
      if (error instanceof ForecastError || error instanceof WorkloadError) throw new InputError(`${input ?? `${workspace ?? ''} ${points.series.name}`}: ${error.message}`);
      throw error;
    } finally {
      progress.clear();
    }
    process.stdout.write(json ? `${JSON.stringify(forecastJson(result, points), null, 2)}\n` : describeForecast(result, points));
    return 0;
  },
};

function forecastOptionsFrom(parsed: ParsedCommand): Omit<ForecastRunOptions, 'unit' | 'scenarios' | 'onProgress'> {
  const horizonText = requiredString(parsed, 'horizon', 'forecast');
  let horizon;
  try {
    horizon = parseHorizon(horizonText);
  } catch (error) {
    throw new UsageError(`--horizon: ${(error as Error).message}`, 'forecast');
  }
  const model = stringOption(parsed, 'model') ?? 'auto';
  const checked = forecastRunInputSchema.pick({ model: true, aggregation: true, impute: true }).safeParse({
    model,
    aggregation: stringOption(parsed, 'aggregate'),
    impute: stringOption(parsed, 'impute'),
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const flag = { model: '--model', aggregation: '--aggregate', impute: '--impute' }[String(issue?.path[0] ?? '')] ?? 'an option';
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`, 'forecast');
  }
  const stepText = stringOption(parsed, 'step');
  let stepMs: number | undefined;
  if (stepText !== undefined) {
    const match = /^(\d+(?:\.\d+)?)\s*(s|min|m|h|d|w)$/.exec(stepText.trim().toLowerCase());
    if (match === null) throw new UsageError(`--step: '${stepText}' is not a step such as 30s, 5min, 1h, 1d, 1w`, 'forecast');
    stepMs = Number(match[1]) * (STEP_UNITS_MS[match[2] ?? ''] ?? 0);
    if (!(stepMs >= 1000)) throw new UsageError('--step: at least one second', 'forecast');
  }
  const periods = listOption(parsed, 'period').map((text) => {
    const m = Number(text);
    if (!Number.isInteger(m) || m < 2) throw new UsageError(`--period: '${text}' is not a whole number of steps ≥ 2`, 'forecast');
    return m;
  });
  const fitFromText = stringOption(parsed, 'fit-from');
  let fitFrom: ForecastRunOptions['fitFrom'];
  if (fitFromText === 'all' || fitFromText === 'last-break') fitFrom = fitFromText;
  else if (fitFromText !== undefined) {
    const ms = Date.parse(fitFromText);
    if (!Number.isFinite(ms)) throw new UsageError(`--fit-from: '${fitFromText}' is not last-break, all or an ISO date`, 'forecast');
    fitFrom = ms;
  }
  const seedText = stringOption(parsed, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) throw new UsageError(`--seed: '${seedText}' is not a whole number ≥ 0`, 'forecast');
  return {
    horizon,
    model: checked.data.model ?? 'auto',
    ...(stepMs === undefined ? {} : { stepMs }),
    ...(checked.data.aggregation === undefined ? {} : { aggregation: checked.data.aggregation }),
    ...(periods.length === 0 ? {} : { periods }),
    ...(checked.data.impute === undefined ? {} : { impute: checked.data.impute }),
    ...(parsed.values['exclude-outliers'] === true ? { outliers: 'exclude' as const } : {}),
    ...(fitFrom === undefined ? {} : { fitFrom }),
    ...(seed === undefined ? {} : { seed }),
  };
}

/** Non-finite numbers (an undefined MASE) as null, which JSON can say. */
function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

function pointsOf(times: readonly number[], band: ForecastBand): { t: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[] {
  return times.map((t, i) => ({
    t: formatIsoUtc(t),
    mean: band.mean[i] as number,
    lo80: band.lo80[i] as number,
    hi80: band.hi80[i] as number,
    lo95: band.lo95[i] as number,
    hi95: band.hi95[i] as number,
  }));
}

/** The documented JSON shape (docs/cli.md): keep these fields; add freely. */
export function forecastJson(result: ForecastRunResult, points: SeriesPoints): unknown {
  return {
    series: points.series.name,
    unit: points.series.unit,
    model: result.model,
    modelId: result.modelId,
    reason: result.reason,
    step: result.stepLabel,
    aggregation: result.aggregation,
    periods: result.periods,
    fitStart: formatIsoUtc(result.fitStartMs),
    points: pointsOf(result.forecastTimes, result.forecast),
    backtest:
      result.backtest === null
        ? null
        : { mase: finite(result.backtest.mase), smape: finite(result.backtest.smape), coverage80: result.backtest.coverage80, coverage95: result.backtest.coverage95, h: result.backtest.h, origins: result.backtest.origins },
    calibration: result.calibration,
    candidates: result.candidates.map((c) => ({ ...c, mase: finite(c.mase), smape: finite(c.smape) })),
    bounds: result.bounds,
    imputed: { method: result.imputed.method, count: result.imputed.indexes.length, at: result.imputed.indexes.map((i) => formatIsoUtc(result.history.times[i] as number)) },
    outliers: { method: result.outliers.method, excluded: result.outliers.excluded, points: result.outliers.points.map((o) => ({ t: formatIsoUtc(o.t), value: o.value, score: o.score })) },
    breaks: result.breaks.map((b) => ({ t: formatIsoUtc(b.t), changePct: b.changePct })),
    scenarios: result.scenarios.map((s) => ({ name: s.name, points: pointsOf(result.forecastTimes, s.forecast) })),
    warnings: result.warnings,
  };
}

function describeForecast(result: ForecastRunResult, points: SeriesPoints): string {
  const unit = points.series.unit === '' ? '' : ` ${points.series.unit}`;
  const num = (x: number): string => (Math.abs(x) >= 1000 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toPrecision(3));
  const lines = [`${points.series.name}${unit}: ${result.model}`, `  ${result.reason}`];
  if (result.backtest !== null) {
    const b = result.backtest;
    lines.push(`  backtest (${b.origins} origins × ${b.h} steps): MASE ${Number.isFinite(b.mase) ? b.mase.toFixed(2) : '∞'}, sMAPE ${b.smape.toFixed(1)} %, inside the 80 % interval ${(b.coverage80 * 100).toFixed(0)} %, inside the 95 % interval ${(b.coverage95 * 100).toFixed(0)} %`);
  }
  lines.push(`  step ${result.stepLabel} (${result.aggregation}), periods ${result.periods.length > 0 ? result.periods.join(', ') : 'none'}, fit from ${formatIsoUtc(result.fitStartMs)}`);
  for (const w of result.warnings) lines.push(`  note: ${w}`);
  if (result.outliers.points.length > 0) lines.push(`  ${result.outliers.points.length} outlier${result.outliers.points.length === 1 ? '' : 's'} ${result.outliers.excluded ? 'excluded' : 'flagged (not excluded; --exclude-outliers to replace them)'}`);
  lines.push('', ['time'.padEnd(24), 'mean'.padStart(10), '80 % interval'.padStart(24), '95 % interval'.padStart(24)].join(''));
  const n = result.forecastTimes.length;
  // Long horizons: print about 40 rows, always the first and the last.
  const every = Math.max(1, Math.ceil(n / 40));
  for (let i = 0; i < n; i++) {
    if (i % every !== 0 && i !== n - 1) continue;
    const f = result.forecast;
    lines.push(
      [
        formatIsoUtc(result.forecastTimes[i] as number).padEnd(24),
        num(f.mean[i] as number).padStart(10),
        `${num(f.lo80[i] as number)} – ${num(f.hi80[i] as number)}`.padStart(24),
        `${num(f.lo95[i] as number)} – ${num(f.hi95[i] as number)}`.padStart(24),
      ].join(''),
    );
  }
  if (every > 1) lines.push(`(every ${every}th of ${n} steps; --json for all)`);
  return `${lines.join('\n')}\n`;
}
