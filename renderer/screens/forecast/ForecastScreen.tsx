import { useMemo, useRef, useState } from 'react';
import { ChartExport } from '../../charts/ChartExport.js';
import type { ApiInput } from '../../../shared/api/contract.js';
import { minMaxDownsample } from '../../../shared/series/min-max-downsample.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { ForecastChart, type ForecastChartPoint } from '../../charts/ForecastChart.js';
import { SeriesPicker, defaultSeries } from '../../components/SeriesPicker.js';
import { ForecastControls, type ForecastSettings, DEFAULT_SETTINGS } from './ForecastControls.js';
import { HorizonTable } from './HorizonTable.js';
import { ModelPanel } from './ModelPanel.js';
import { ScenarioPanel } from './ScenarioPanel.js';
import { useForecast } from './use-forecast.js';
import type { Scenario } from '../../../shared/forecast/scenarios.js';

interface Props {
  readonly revision: number;
  readonly series: string | undefined;
}

/** Display points of the history: enough for the chart's width, peaks kept (min/max per pixel). */
const HISTORY_BUCKETS = 1200;

/**
 * The Forecast screen: one series' history and forecast with its 80 % and 95 % bands,
 * the model chosen and why, how it fared in the backtest, and scenarios on top.
 */
export function ForecastScreen({ revision, series }: Props) {
  const list = useBackendQuery('series.list', {}, String(revision));
  const all = list.data ?? [];
  const name = series ?? defaultSeries(all, /storage|disk|size|gib/i);
  const [settings, setSettings] = useState<ForecastSettings>(DEFAULT_SETTINGS);
  const chartPanel = useRef<HTMLElement>(null);
  const [applied, setApplied] = useState<readonly string[]>([]);
  const [draft, setDraft] = useState<Scenario>();
  const [scenarioRevision, setScenarioRevision] = useState(0);
  const input = useMemo<Omit<ApiInput<'forecast.run'>, 'requestId'> | null>(() => {
    if (name === undefined) return null;
    return {
      series: name,
      horizon: settings.horizon,
      model: settings.model,
      aggregation: settings.aggregation,
      outliers: settings.excludeOutliers ? 'exclude' : 'flag',
      fitFrom: settings.fitFrom,
      scenarioNames: [...applied],
      ...(draft === undefined ? {} : { scenarios: [{ name: draft.name, changes: [...draft.changes] }] }),
    };
  }, [name, settings, applied, draft]);
  const forecast = useForecast(input, `${revision}/${scenarioRevision}`);
  const result = forecast.result !== undefined && forecast.result.series === name ? forecast.result : undefined;

  const history = useMemo(() => {
    if (result === undefined) return { t: [], v: [] };
    const times = result.history.times;
    const from = times[0] ?? 0;
    const to = times[times.length - 1] ?? 1;
    if (times.length <= HISTORY_BUCKETS * 2) return { t: times, v: result.history.values };
    // The history is on a regular grid with its gaps imputed: no line breaks to find.
    return minMaxDownsample(times, result.history.values, from, to + 1, HISTORY_BUCKETS, Infinity);
  }, [result]);
  const toPoints = (band: { mean: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] }): ForecastChartPoint[] =>
    (result?.forecastTimes ?? []).map((tMs, i) => ({ tMs, mean: band.mean[i] ?? 0, lo80: band.lo80[i] ?? 0, hi80: band.hi80[i] ?? 0, lo95: band.lo95[i] ?? 0, hi95: band.hi95[i] ?? 0 }));
  const points = result === undefined ? [] : toPoints(result.forecast);
  const shownScenario = result?.scenarios[result.scenarios.length - 1];

  return (
    <div className="screen forecast-screen">
      <div className="screen-head">
        <h1>Forecast</h1>
        <SeriesPicker screen="forecast" series={all} value={name} />
        {forecast.running !== undefined ? (
          <span className="computing" role="status" data-testid="forecast-status">
            {forecast.running.phase}… <button type="button" onClick={forecast.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>
      {name === undefined ? <p className="muted">Import a series on the Data screen to forecast it.</p> : null}
      <ForecastControls settings={settings} onChange={setSettings} />
      {forecast.error !== undefined ? (
        <p className="error-text" role="alert" data-testid="forecast-error">
          {forecast.error}
        </p>
      ) : null}
      <section className="panel" aria-label="Forecast chart" ref={chartPanel}>
        {result === undefined ? (
          <p className="muted">{forecast.running !== undefined ? 'Fitting models…' : 'No forecast yet.'}</p>
        ) : (
          <>
            <div className="panel-head">
              <h2 data-testid="forecast-model">{result.model}</h2>
              <ChartExport target={chartPanel} name={`forecast-${result.series}`} />
            </div>
            <ForecastChart
              unit={result.unit}
              history={history}
              forecast={points}
              scenario={shownScenario === undefined ? undefined : toPoints(shownScenario.forecast)}
              scenarioName={shownScenario?.name}
              outliers={result.outliers.points.slice(0, 500).map((o) => ({ t: o.t, v: o.value }))}
              fitFromMs={result.fitStartMs > (result.history.times[0] ?? 0) ? result.fitStartMs : undefined}
              height={360}
            />
            <p className="chart-legend muted">
              Dark line: observed ({result.aggregation} per {result.stepLabel}); blue: forecast with its 80 % (darker) and 95 % bands
              {shownScenario !== undefined ? `; dashed orange: scenario “${shownScenario.name}”` : ''}
              {result.outliers.points.length > 0 ? `; pink dots: ${result.outliers.points.length} outliers (${result.outliers.excluded ? 'excluded from the fit' : 'flagged, still fitted'})` : ''}. Times in UTC.
            </p>
          </>
        )}
      </section>
      {result !== undefined ? (
        <div className="forecast-panels">
          <ModelPanel result={result} />
          <HorizonTable result={result} />
        </div>
      ) : null}
      <ScenarioPanel
        revision={revision + scenarioRevision}
        applied={applied}
        onApply={setApplied}
        onDraft={setDraft}
        onSaved={() => setScenarioRevision((r) => r + 1)}
        lastObservedMs={result?.history.times[result.history.times.length - 1]}
      />
    </div>
  );
}
