import { useMemo, useRef } from 'react';
import { ChartExport } from '../../charts/ChartExport.js';
import type { ResourceAssessment } from '../../../shared/capacity/assess-runway.js';
import { ForecastChart, type ForecastChartPoint } from '../../charts/ForecastChart.js';
import { screenHref } from '../../app/screen-route.js';
import { formatWithUnit } from '../../format/format-number.js';
import { formatRunwayDate } from './runway-format.js';

interface Props {
  readonly resource: ResourceAssessment;
}

/** One resource's daily forecast against its threshold and capacity, with the runway dates marked in words. */
export function ResourceDrillDown({ resource: r }: Props) {
  const f = r.forecast;
  const points = useMemo<ForecastChartPoint[]>(() => {
    if (f === null) return [];
    const band = f.scenarios[f.scenarios.length - 1]?.forecast ?? f.forecast;
    return f.forecastTimes.map((tMs, i) => ({ tMs, mean: band.mean[i] ?? 0, lo80: band.lo80[i] ?? 0, hi80: band.hi80[i] ?? 0, lo95: band.lo95[i] ?? 0, hi95: band.hi95[i] ?? 0 }));
  }, [f]);
  const section = useRef<HTMLElement>(null);
  const thresholds = [
    ...(r.threshold === null ? [] : [{ value: r.threshold, label: `target ${r.targetPct} % (${formatWithUnit(r.threshold, r.unit)})` }]),
    ...(r.capacity === null ? [] : [{ value: r.capacity, label: `capacity ${formatWithUnit(r.capacity, r.unit)}` }]),
  ];
  return (
    <section className="panel" aria-label={`Forecast of ${r.resource}`} data-testid="resource-drilldown" ref={section}>
      <div className="panel-head">
        <h2>
          {r.resource}: {r.statistic} per day against its target
        </h2>
        {r.series.length === 1 ? (
          <a className="muted" href={screenHref('forecast', r.series[0])}>
            open in the Forecast screen →
          </a>
        ) : (
          <span className="muted">{r.series.join(' + ')}</span>
        )}
        {f === null ? null : <ChartExport target={section} name={`runway-${r.id}`} />}
      </div>
      {f === null ? (
        <p className="warn-text">{r.problem ?? 'no forecast'}</p>
      ) : (
        <>
          <ForecastChart unit={r.unit} history={{ t: f.history.times, v: f.history.values }} forecast={points} thresholds={thresholds} fitFromMs={f.fitStartMs > (f.history.times[0] ?? 0) ? f.fitStartMs : undefined} height={300} />
          <p className="chart-legend muted">
            {f.model} — {f.reason}. Runway: P10 {formatRunwayDate(r.runwayMs.p10)}, P50 {formatRunwayDate(r.runwayMs.p50)}, P90 {formatRunwayDate(r.runwayMs.p90)}
            {f.backtest !== null ? `; backtest MASE ${Number.isFinite(f.backtest.mase) ? f.backtest.mase.toFixed(2) : '—'}, ${(f.backtest.coverage80 * 100).toFixed(0)} % inside the 80 % interval` : ''}.
            {r.note !== '' ? ` Target: ${r.note}.` : ''}
          </p>
        </>
      )}
    </section>
  );
}
