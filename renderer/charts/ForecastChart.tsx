import { useMemo, useRef, useEffect, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, XAxis, YAxis, Tooltip } from 'recharts';
import { formatDateTime, formatTick } from '../format/format-time.js';
import { formatNumber, formatWithUnit } from '../format/format-number.js';
import { timeTicks } from './time-domain.js';

export interface ForecastChartPoint {
  readonly tMs: number;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

interface Props {
  readonly unit: string;
  readonly history: { readonly t: readonly number[]; readonly v: readonly (number | null)[] };
  readonly forecast: readonly ForecastChartPoint[];
  /** A scenario's mean path, drawn dashed over the forecast. */
  readonly scenario?: readonly ForecastChartPoint[] | undefined;
  readonly scenarioName?: string | undefined;
  /** Horizontal lines, e.g. a capacity threshold. */
  readonly thresholds?: readonly { readonly value: number; readonly label: string }[];
  /** Points marked as outliers on the history. */
  readonly outliers?: readonly { readonly t: number; readonly v: number }[];
  /** The start of the fit window (a structural break), drawn as a vertical line. */
  readonly fitFromMs?: number | undefined;
  readonly height?: number;
}

interface Row {
  t: number;
  actual?: number | null;
  mean?: number;
  band80?: [number, number];
  band95?: [number, number];
  scenario?: number;
  outlier?: number;
}

/**
 * History and forecast on one time axis: the mean path, the 80 % band inside the 95 %
 * band (both always drawn: a forecast without its interval misleads), a scenario as a
 * dashed line, and thresholds. Used by the Forecast screen and, as SVG, by reports.
 */
export function ForecastChart({ unit, history, forecast, scenario, scenarioName, thresholds = [], outliers = [], fitFromMs, height = 320 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 900)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const rows = useMemo<Row[]>(() => {
    const outlierByTime = new Map(outliers.map((o) => [o.t, o.v]));
    const out: Row[] = history.t.map((t, i) => {
      const row: Row = { t, actual: history.v[i] ?? null };
      const o = outlierByTime.get(t);
      if (o !== undefined) row.outlier = o;
      return row;
    });
    const scenarioByTime = new Map((scenario ?? []).map((p) => [p.tMs, p.mean]));
    for (const p of forecast) {
      const row: Row = { t: p.tMs, mean: p.mean, band80: [p.lo80, p.hi80], band95: [p.lo95, p.hi95] };
      const s = scenarioByTime.get(p.tMs);
      if (s !== undefined) row.scenario = s;
      out.push(row);
    }
    return out;
  }, [history, forecast, scenario, outliers]);
  const from = rows[0]?.t ?? 0;
  const to = rows[rows.length - 1]?.t ?? 1;
  const ticks = timeTicks({ from, to }, Math.max(2, Math.floor(width / 110)));
  const lastActual = history.t[history.t.length - 1];
  return (
    <div ref={container} className="forecast-chart" data-testid="forecast-chart">
      <ComposedChart width={width} height={height} data={rows} margin={{ top: 10, right: 20, bottom: 0, left: 4 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        <XAxis dataKey="t" type="number" domain={[from, to]} ticks={ticks} tickFormatter={(t: number) => formatTick(t, to - from)} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" />
        <YAxis width={64} tickFormatter={(v: number) => (unit === '%' ? `${formatNumber(v)}%` : formatNumber(v))} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" domain={['auto', 'auto']} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => `${formatDateTime(Number(t))} UTC`}
          formatter={(value, name) => {
            if (Array.isArray(value)) return [`${formatWithUnit(Number(value[0]), unit)} – ${formatWithUnit(Number(value[1]), unit)}`, name];
            return [formatWithUnit(Number(value), unit), name];
          }}
        />
        <Area dataKey="band95" name="95 % interval" stroke="none" fill="#0072B2" fillOpacity={0.12} isAnimationActive={false} connectNulls={false} />
        <Area dataKey="band80" name="80 % interval" stroke="none" fill="#0072B2" fillOpacity={0.22} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="actual" name="observed" stroke="#333333" strokeWidth={1} dot={false} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="mean" name="forecast" stroke="#0072B2" strokeWidth={2} dot={false} isAnimationActive={false} />
        {scenario !== undefined ? <Line dataKey="scenario" name={scenarioName ?? 'scenario'} stroke="#D55E00" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} /> : null}
        {lastActual !== undefined ? <ReferenceLine x={lastActual} stroke="#8a94a3" strokeDasharray="3 3" label={{ value: 'now', position: 'insideTopRight', fontSize: 11, fill: '#5b6470' }} /> : null}
        {fitFromMs !== undefined ? <ReferenceLine x={fitFromMs} stroke="#E69F00" strokeDasharray="2 4" label={{ value: 'fit from', position: 'insideTopLeft', fontSize: 11, fill: '#7a5c00' }} /> : null}
        {thresholds.map((th) => (
          <ReferenceLine key={th.label} y={th.value} stroke="#b3261e" strokeDasharray="5 3" label={{ value: th.label, position: 'insideBottomLeft', fontSize: 11, fill: '#b3261e' }} />
        ))}
        {outliers.length > 0 ? <Scatter dataKey="outlier" name="outlier" fill="#CC79A7" isAnimationActive={false} /> : null}
      </ComposedChart>
    </div>
  );
}
