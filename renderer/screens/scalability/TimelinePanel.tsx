import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Outcome, UslTimeline } from '../../../shared/capacity/scalability.js';
import { timeTicks } from '../../charts/time-domain.js';
import { formatWithUnit } from '../../format/format-number.js';
import { formatDate, formatTick } from '../../format/format-time.js';
import { formatRate, formatShare, timelineSentence } from './scalability-format.js';
import { COLORS, ScalabilityPanel, SectionError, TICK } from './ScalabilityPanel.js';
import { weeklyPeaks } from './timeline-rows.js';
import { roundTicks } from './usl-curves.js';
import { useElementWidth } from '../../charts/use-element-width.js';

interface Props {
  readonly timeline: Outcome<UslTimeline>;
  /** X_max of the model in use (the what-if when overridden). */
  readonly xMax: number | null;
  readonly unit: string;
}

/** When forecast peak load reaches the chosen share of X_max: the sentence, and the forecast band against the limit. */
export function TimelinePanel({ timeline, xMax, unit }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const value = timeline.ok ? timeline.value : undefined;
  const rows = useMemo(() => (value === undefined ? [] : weeklyPeaks(value.forecastTimes, value.forecast)), [value]);
  if (!timeline.ok || value === undefined) {
    return (
      <ScalabilityPanel title="When load reaches the limit" testId="timeline-panel">
        <SectionError what="The timeline" error={timeline.ok ? 'no forecast' : timeline.error} />
      </ScalabilityPanel>
    );
  }
  const from = rows[0]?.t ?? 0;
  const to = value.forecastTimes[value.forecastTimes.length - 1] ?? rows[rows.length - 1]?.t ?? 1;
  const highest = Math.max(value.limit, xMax ?? 0, value.currentPeak, ...rows.map((r) => r.band95[1]).filter(Number.isFinite));
  const crossings = (
    [
      ['P10', value.runwayMs.p10],
      ['P50', value.runwayMs.p50],
      ['P90', value.runwayMs.p90],
    ] as const
  ).filter((c): c is readonly ['P10' | 'P50' | 'P90', number] => c[1] !== null && c[1] >= from && c[1] <= to);
  const already = value.currentPeak >= value.limit;
  const yTicks = roundTicks(highest * 1.03, 5);
  return (
    <ScalabilityPanel title="When load reaches the limit" testId="timeline-panel" chart="load-timeline" subtitle={`${value.series.join(' + ')}: P95 per day, forecast by ${value.model}`}>
      <p className={`sc-sentence${already ? ' sc-alarm' : ''}`} data-testid="timeline-sentence">
        {timelineSentence(value, unit)}
      </p>
      <p className="muted sc-small">
        Today&rsquo;s peak load (P95 over the window) is {formatRate(value.currentPeak, unit)}, {formatShare(xMax !== null && xMax > 0 ? value.currentPeak / xMax : Number.NaN)} of X_max.
      </p>
      <figure className="sc-chart" ref={ref} data-testid="timeline-chart" aria-label={`Throughput forecast with its 80 % and 95 % bands against the limit of ${formatRate(value.limit, unit)}`}>
        <ComposedChart width={width} height={280} data={rows} margin={{ top: 12, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="t" type="number" domain={[from, to]} ticks={timeTicks({ from, to }, Math.max(2, Math.floor(width / 110)))} tickFormatter={(t: number) => formatTick(t, to - from)} tick={TICK} stroke={COLORS.axis} />
          <YAxis type="number" domain={[0, yTicks[yTicks.length - 1] ?? highest]} ticks={yTicks} width={64} tickFormatter={(v: number) => formatWithUnit(v, '')} tick={TICK} stroke={COLORS.axis} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(t) => formatDate(Number(t))}
            formatter={(v, name) => (Array.isArray(v) ? [`${formatRate(Number(v[0]), unit)} – ${formatRate(Number(v[1]), unit)}`, name] : [formatRate(Number(v), unit), name])}
          />
          <Area dataKey="band95" name="95 % interval" stroke="none" fill={COLORS.fitted} fillOpacity={0.12} isAnimationActive={false} />
          <Area dataKey="band80" name="80 % interval" stroke="none" fill={COLORS.fitted} fillOpacity={0.22} isAnimationActive={false} />
          <Line dataKey="mean" name="forecast (weekly peak)" stroke={COLORS.fitted} strokeWidth={1.5} dot={false} isAnimationActive={false} />
          {xMax !== null ? <ReferenceLine y={xMax} stroke={COLORS.peak} strokeWidth={1.5} strokeDasharray="3 3" /> : null}
          <ReferenceLine y={value.limit} stroke={COLORS.limit} strokeWidth={1.5} strokeDasharray="5 3" />
          <ReferenceLine y={value.currentPeak} stroke={COLORS.today} strokeWidth={1.5} strokeDasharray="4 3" />
          {crossings.map(([name, t]) => (
            <ReferenceLine key={name} x={t} stroke={name === 'P50' ? COLORS.limit : '#8a94a3'} strokeDasharray={name === 'P50' ? undefined : '3 3'} label={{ value: `${name} ${formatDate(t)}`, position: 'insideTopRight', fontSize: 11, fill: name === 'P50' ? COLORS.limit : COLORS.tick }} />
          ))}
        </ComposedChart>
        <figcaption className="sc-legend">
          <span><i className="sc-key" style={{ borderColor: COLORS.fitted }} /> forecast, weekly peak of the daily P95</span>
          <span><i className="sc-key sc-key-band" /> 80 % and 95 % intervals</span>
          {xMax !== null ? <span><i className="sc-key sc-key-dotted" style={{ borderColor: COLORS.peak }} /> X_max {formatRate(xMax, unit)}</span> : null}
          <span><i className="sc-key sc-key-dashed" style={{ borderColor: COLORS.limit }} /> limit: {formatShare(value.fraction)} of X_max = {formatRate(value.limit, unit)}</span>
          <span><i className="sc-key sc-key-dashed" style={{ borderColor: COLORS.today }} /> today&rsquo;s peak {formatRate(value.currentPeak, unit)}</span>
        </figcaption>
      </figure>
    </ScalabilityPanel>
  );
}
