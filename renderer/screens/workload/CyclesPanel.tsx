import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Cycle, CycleAnalysis } from '../../../shared/workload/detect-cycles.js';
import type { HourOfWeekCell } from '../../../shared/workload/peaks.js';
import type { Section } from '../../../shared/workload/workload-summary.js';
import { formatNumber } from '../../format/format-number.js';
import { Method, Panel, SectionError } from './Panel.js';
import { useElementWidth } from '../../charts/use-element-width.js';
import { formatPeriod, formatValue } from './workload-format.js';

interface Props {
  readonly cycles: Section<CycleAnalysis>;
  /** The hour-of-week percentiles, drawn as the typical week; absent when peaks do not apply. */
  readonly hourOfWeek: readonly HourOfWeekCell[] | undefined;
  readonly unit: string;
}

/** Daily, weekly and other cycles: strength meters, autocorrelation, and the typical week they come from. */
export function CyclesPanel({ cycles, hourOfWeek, unit }: Props) {
  return (
    <Panel title="Cycles" testId="cycles-panel" chart="cycles" subtitle={cycles.ok ? cycles.result.summary : undefined}>
      {cycles.ok ? (
        <div className="wl-cycles">
          <div className="wl-cycle-list">
            <CycleMeter cycle={cycles.result.daily} />
            <CycleMeter cycle={cycles.result.weekly} />
            {cycles.result.other !== null ? <CycleMeter cycle={cycles.result.other} /> : <p className="muted wl-small">No other repeating period in the remainder.</p>}
            <p className="muted wl-small">
              Strength F = share of the variance the cycle explains (0–1; weak &lt; 0.3 ≤ moderate &lt; 0.6 ≤ strong). Measured on a {formatPeriod(cycles.result.stepMs)} grid of{' '}
              {formatNumber(cycles.result.gridPoints)} points{cycles.result.imputedBuckets > 0 ? `, ${formatNumber(cycles.result.imputedBuckets)} empty buckets filled first` : ''}.
            </p>
            <Method text={cycles.result.method} />
          </div>
          {hourOfWeek !== undefined ? <TypicalWeek cells={hourOfWeek} unit={unit} /> : null}
        </div>
      ) : (
        <SectionError what="Cycle detection" error={cycles.error} />
      )}
    </Panel>
  );
}

function CycleMeter({ cycle }: { readonly cycle: Cycle }) {
  const name = cycle.name === 'other' ? `Other (${formatPeriod(cycle.periodMs)})` : cycle.name === 'daily' ? 'Daily' : 'Weekly';
  const strength = cycle.strength ?? 0;
  const verdict = !cycle.measurable ? 'not measurable' : cycle.present ? `${cycle.label} cycle` : 'not present';
  return (
    <div className={`wl-cycle${cycle.present ? ' present' : ''}`} data-testid={`cycle-${cycle.name}`}>
      <div className="wl-cycle-head">
        <strong>{name}</strong>
        <span className={`wl-badge wl-badge-${cycle.present ? cycle.label : 'none'}`} data-testid="cycle-label">
          {verdict}
        </span>
        <span className="muted wl-small">period {formatPeriod(cycle.periodMs)}</span>
      </div>
      {cycle.measurable && cycle.strength !== null ? (
        <>
          <div className="wl-meter" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={strength} aria-label={`${name} cycle strength`}>
            <div className="wl-meter-fill" style={{ width: `${Math.min(100, Math.max(0, strength * 100))}%` }} />
            <div className="wl-meter-mark" style={{ left: '30%' }} />
            <div className="wl-meter-mark" style={{ left: '60%' }} />
          </div>
          <div className="wl-cycle-figures">
            <span>
              strength <strong data-testid="cycle-strength">{strength.toFixed(2)}</strong>
            </span>
            <span>
              autocorrelation at the period <strong>{cycle.autocorrelation === null ? '—' : cycle.autocorrelation.toFixed(2)}</strong>
            </span>
          </div>
        </>
      ) : (
        <p className="muted wl-small">Too little data: a {cycle.name} cycle needs three full periods ({formatPeriod(cycle.periodMs * 3)}) on a grid finer than the period.</p>
      )}
    </div>
  );
}

const DAY_TICKS = [0, 24, 48, 72, 96, 120, 144];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** P50 and P95 by hour of the week: the shape that the daily and weekly cycles summarise. */
function TypicalWeek({ cells, unit }: { readonly cells: readonly HourOfWeekCell[]; readonly unit: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(520);
  const rows = useMemo(() => cells.map((c) => ({ h: c.hourOfWeek, label: c.label, p50: c.p50, p95: c.p95 })), [cells]);
  const hasData = rows.some((r) => r.p50 !== null);
  return (
    <figure className="wl-typical-week" ref={ref} aria-label="Typical week: median and P95 by hour of the week, UTC">
      <figcaption className="wl-small">
        <strong>Typical week</strong> <span className="muted">— P50 and P95 per hour of the week{unit === '' || unit === '%' ? '' : ` (${unit})`}, UTC</span>
      </figcaption>
      {hasData ? (
        <LineChart width={width} height={200} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis dataKey="h" type="number" domain={[0, 168]} ticks={DAY_TICKS} tickFormatter={(h: number) => DAY_NAMES[Math.floor(h / 24)] ?? ''} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" />
          <YAxis width={52} tickFormatter={(v: number) => (unit === '%' ? `${formatNumber(v)}%` : formatNumber(v))} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" domain={['auto', 'auto']} />
          <Tooltip isAnimationActive={false} labelFormatter={(_h, payload) => `${String(payload[0]?.payload?.label ?? '')} UTC`} formatter={(v, n) => [formatValue(Number(v), unit), n]} />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          <Line dataKey="p50" name="P50 (median)" stroke="#0072B2" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="p95" name="P95" stroke="#D55E00" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      ) : (
        <p className="empty">No samples to draw.</p>
      )}
    </figure>
  );
}
