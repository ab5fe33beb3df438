import { useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioResult } from '../../../shared/dr/simulate-dr.js';
import { ChartExport } from '../../charts/ChartExport.js';
import { formatGiB, formatSeconds } from './dr-format.js';

interface Props {
  readonly scenario: ScenarioResult;
}

const TICK = { fontSize: 11, fill: '#5b6470' } as const;

/**
 * RTO month by month as the database grows (worst case and expected), against the
 * target: "restore-based RTO breaches its target in <month>".
 */
export function ProjectionChart({ scenario }: Props) {
  const figure = useRef<HTMLElement>(null);
  const rows = scenario.overTime.map((m) => ({ month: m.month, sizeGiB: m.sizeGiB, worst: m.rtoWorst ?? undefined, mean: m.rtoMean, rpoWorst: m.rpoWorst ?? undefined }));
  const target = scenario.targets.rtoSeconds;
  const first = scenario.overTime[0];
  const last = scenario.overTime[scenario.overTime.length - 1];
  const breach = scenario.breach.rtoWorst;
  const headline =
    breach === null
      ? `worst-case RTO stays within ${formatSeconds(target)} through ${last?.month ?? 'the horizon'}`
      : breach === first?.month
        ? `worst-case RTO is over its ${formatSeconds(target)} target already now`
        : `worst-case RTO breaches its ${formatSeconds(target)} target in ${breach}`;
  const top = Math.max(target, ...rows.map((r) => r.worst ?? 0)) * 1.1;
  return (
    <section className="panel" aria-labelledby="dr-projection-title" data-testid="dr-projection">
      <div className="panel-head">
        <h2 id="dr-projection-title">Over time</h2>
        <span className="muted" data-testid="dr-projection-headline">
          {headline}
          {first !== undefined && last !== undefined ? ` · database ${formatGiB(first.sizeGiB)} → ${formatGiB(last.sizeGiB)}` : ''}
        </span>
        <ChartExport target={figure} name={`${scenario.id}-rto-over-time`} />
      </div>
      <figure ref={figure} className="dr-chart" aria-label={`RTO over ${rows.length} months for ${scenario.label}`}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={rows} margin={{ top: 12, right: 28, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="month" tick={TICK} stroke="#b8bec6" interval="preserveStartEnd" minTickGap={24} />
            <YAxis width={64} tick={TICK} stroke="#b8bec6" domain={[0, top]} tickFormatter={(v: number) => formatSeconds(v)} />
            <Tooltip isAnimationActive={false} formatter={(v, name) => [formatSeconds(Number(v)), name]} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={target} stroke="#c0392b" strokeDasharray="6 3" label={{ value: 'RTO target', position: 'insideTopRight', fontSize: 11, fill: '#c0392b' }} />
            <Line dataKey="worst" name="RTO worst case" stroke="#2c3e50" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="mean" name="RTO expected" stroke="#2f6fad" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
