import { useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioResult } from '../../../shared/dr/simulate-dr.js';
import { formatSeconds } from './dr-format.js';
import { ChartExport } from '../../charts/ChartExport.js';

interface Props {
  readonly scenario: ScenarioResult;
}

type Metric = 'rto' | 'rpo';

const TICK = { fontSize: 11, fill: '#5b6470' } as const;

/**
 * The simulated cumulative distribution of RPO or RTO — "in what share of events is
 * recovery done within x" — with the target and the worst case marked, so the tail a P95
 * hides is in plain sight.
 */
export function DistributionChart({ scenario }: Props) {
  const [metric, setMetric] = useState<Metric>('rto');
  const figure = useRef<HTMLElement>(null);
  const values = metric === 'rto' ? scenario.cdf.rtoSeconds : scenario.cdf.rpoSeconds;
  const figures = metric === 'rto' ? scenario.rtoSeconds : scenario.rpoSeconds;
  const target = metric === 'rto' ? scenario.targets.rtoSeconds : scenario.targets.rpoSeconds;
  const rows = useMemo(() => scenario.cdf.p.flatMap((p, i) => (values[i] === null || values[i] === undefined ? [] : [{ seconds: values[i] as number, share: p * 100 }])), [scenario, values]);
  const worst = figures.worst;
  const xMax = Math.max(target, worst ?? 0, rows[rows.length - 1]?.seconds ?? 0) * 1.05 || 1;
  const pMeet = metric === 'rto' ? scenario.pMeetRto : scenario.pMeetRpo;
  return (
    <section className="panel" aria-labelledby="dr-cdf-title" data-testid="dr-distribution">
      <div className="panel-head">
        <h2 id="dr-cdf-title">Distribution of {metric.toUpperCase()}</h2>
        <div className="segmented" role="group" aria-label="Which figure">
          {(['rto', 'rpo'] as const).map((m) => (
            <button key={m} type="button" className={metric === m ? 'active' : undefined} aria-pressed={metric === m} onClick={() => setMetric(m)}>
              {m.toUpperCase()}
            </button>
          ))}
        </div>
        <span className="muted">
          share of events recovered within x · target {formatSeconds(target)} met in {(pMeet * 100).toFixed(1)} % · worst {formatSeconds(worst)}
        </span>
        <ChartExport target={figure} name={`${scenario.id}-${metric}-distribution`} />
      </div>
      {rows.length === 0 ? (
        <p className="empty">No simulated recovery: every trial was unrecoverable.</p>
      ) : (
        <figure ref={figure} className="dr-chart" aria-label={`Cumulative distribution of ${metric.toUpperCase()} for ${scenario.label}`}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={rows} margin={{ top: 16, right: 28, bottom: 4, left: 4 }}>
              <CartesianGrid stroke="#e3e6ea" />
              <XAxis dataKey="seconds" type="number" domain={[0, xMax]} tick={TICK} stroke="#b8bec6" tickFormatter={(v: number) => formatSeconds(v)} />
              <YAxis width={44} domain={[0, 100]} tick={TICK} stroke="#b8bec6" tickFormatter={(v: number) => `${v} %`} />
              <Tooltip isAnimationActive={false} formatter={(v) => [`${Number(v).toFixed(1)} %`, 'recovered']} labelFormatter={(v) => `within ${formatSeconds(Number(v))}`} contentStyle={{ fontSize: 12 }} />
              <ReferenceLine x={target} stroke="#c0392b" strokeDasharray="6 3" label={{ value: `target ${formatSeconds(target)}`, position: 'insideTopLeft', fontSize: 11, fill: '#c0392b' }} />
              {worst === null ? null : <ReferenceLine x={worst} stroke="#2c3e50" label={{ value: `worst ${formatSeconds(worst)}`, position: 'insideTopRight', fontSize: 11, fill: '#2c3e50' }} />}
              <ReferenceLine y={95} stroke="#9aa3ad" strokeDasharray="2 3" />
              <Line dataKey="share" type="stepAfter" stroke="#2f6fad" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </section>
  );
}
