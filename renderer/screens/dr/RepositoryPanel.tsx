import { useRef } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrSimulationResult } from '../../../shared/dr/simulate-dr.js';
import { ChartExport } from '../../charts/ChartExport.js';
import { formatGiB } from './dr-format.js';

interface Props {
  readonly result: DrSimulationResult;
}

const TICK = { fontSize: 11, fill: '#5b6470' } as const;

/** Backup repository size under the retention policy over the horizon (one copy, by kind), with its peak and cost. */
export function RepositoryPanel({ result }: Props) {
  const figure = useRef<HTMLElement>(null);
  const rows = result.repository.map((m) => ({ month: m.month, fulls: m.fullsGiB, diffs: m.differentialsGiB + m.incrementalsGiB, wal: m.walGiB }));
  const first = result.repository[0];
  const last = result.repository[result.repository.length - 1];
  const cost = (v: number | null | undefined): string => (v === null || v === undefined ? 'no price given' : `${v.toLocaleString('en-US', { maximumFractionDigits: 0 })} ${result.plan.currency}/month`);
  return (
    <section className="panel" aria-labelledby="dr-repo-title" data-testid="dr-repository">
      <div className="panel-head">
        <h2 id="dr-repo-title">Backup repository</h2>
        <span className="muted">
          {first === undefined || last === undefined
            ? ''
            : `one copy ${formatGiB(first.totalGiB)} now (peak ${formatGiB(first.peakGiB)}) → ${formatGiB(last.totalGiB)} (peak ${formatGiB(last.peakGiB)}) in ${last.month} · ${last.copies} cop${last.copies === 1 ? 'y' : 'ies'} · ${cost(first.monthlyCost)} → ${cost(last.monthlyCost)}`}
        </span>
        <ChartExport target={figure} name="backup-repository-size" />
      </div>
      <figure ref={figure} className="dr-chart" aria-label="Backup repository size over time">
        <ResponsiveContainer width="100%" height={200}>
          <AreaChart data={rows} margin={{ top: 8, right: 28, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="month" tick={TICK} stroke="#b8bec6" interval="preserveStartEnd" minTickGap={24} />
            <YAxis width={72} tick={TICK} stroke="#b8bec6" tickFormatter={(v: number) => formatGiB(v)} />
            <Tooltip isAnimationActive={false} formatter={(v, name) => [formatGiB(Number(v)), name]} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Area dataKey="fulls" name="full backups" stackId="r" stroke="#2f6fad" fill="#2f6fad" fillOpacity={0.5} isAnimationActive={false} />
            <Area dataKey="diffs" name="differentials + incrementals" stackId="r" stroke="#e08a2c" fill="#e08a2c" fillOpacity={0.5} isAnimationActive={false} />
            <Area dataKey="wal" name="archived log" stackId="r" stroke="#4b9e5f" fill="#4b9e5f" fillOpacity={0.5} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
