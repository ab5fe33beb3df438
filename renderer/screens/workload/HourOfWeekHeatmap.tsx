import { useMemo, useState } from 'react';
import type { HourOfWeekCell } from '../../../shared/workload/peaks.js';
import { formatCount } from '../../format/format-number.js';
import { formatValue, HEAT_GRADIENT, heatColor, heatTextIsDark, hh } from './workload-format.js';

export type HeatStatistic = 'p50' | 'p95' | 'p99';

const STATISTICS: readonly { readonly id: HeatStatistic; readonly label: string }[] = [
  { id: 'p50', label: 'P50' },
  { id: 'p95', label: 'P95' },
  { id: 'p99', label: 'P99' },
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Props {
  readonly cells: readonly HourOfWeekCell[];
  readonly unit: string;
  /** Hours of the week that are peak periods, outlined. */
  readonly peakHours: readonly number[];
}

/**
 * 7 × 24 grid of the hours of the ISO week (UTC), coloured by a percentile of the samples
 * in each hour; hovering (or focusing the grid's description) gives every percentile.
 */
export function HourOfWeekHeatmap({ cells, unit, peakHours }: Props) {
  const [statistic, setStatistic] = useState<HeatStatistic>('p95');
  const [hovered, setHovered] = useState<HourOfWeekCell | null>(null);
  const peak = useMemo(() => new Set(peakHours), [peakHours]);
  const [low, high] = useMemo(() => {
    const values = cells.map((c) => c[statistic]).filter((v): v is number => v !== null);
    return values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)];
  }, [cells, statistic]);
  const position = (v: number): number => (high > low ? (v - low) / (high - low) : 0.5);
  const statLabel = STATISTICS.find((s) => s.id === statistic)?.label ?? statistic;

  return (
    <div className="wl-heatmap-block">
      <div className="wl-heatmap-toolbar">
        <div className="segmented" role="group" aria-label="Percentile shown in the heatmap">
          {STATISTICS.map((s) => (
            <button key={s.id} type="button" aria-pressed={statistic === s.id} className={statistic === s.id ? 'active' : undefined} onClick={() => setStatistic(s.id)} aria-label={`Colour by ${s.label}`}>
              {s.label}
            </button>
          ))}
        </div>
        <div className="wl-legend" aria-label={`Colour scale: ${statLabel} from ${formatValue(low, unit)} to ${formatValue(high, unit)}`}>
          <span className="wl-legend-value">{formatValue(low, unit)}</span>
          <span className="wl-legend-bar" style={{ background: HEAT_GRADIENT }} />
          <span className="wl-legend-value">{formatValue(high, unit)}</span>
          <span className="muted wl-small">
            {statLabel} per hour{unit === '' ? '' : ` (${unit})`} · times in UTC
          </span>
          {peak.size > 0 ? (
            <span className="wl-small">
              <span className="wl-peak-swatch" /> usual peak hour
            </span>
          ) : null}
        </div>
      </div>
      <div className="wl-heatmap" role="grid" aria-label={`${statLabel} by hour of the week, UTC`} data-testid="heatmap" onMouseLeave={() => setHovered(null)}>
        <div role="row" className="wl-heatmap-row wl-heatmap-hours">
          <span role="columnheader" className="wl-heatmap-corner">
            UTC h
          </span>
          {HOURS.map((h) => (
            <span key={h} role="columnheader" className="wl-heatmap-hour" aria-label={`${hh(h)} UTC`}>
              {String(h).padStart(2, '0')}
            </span>
          ))}
        </div>
        {DAYS.map((day, d) => (
          <div key={day} role="row" className="wl-heatmap-row">
            <span role="rowheader" className="wl-heatmap-day" aria-label={day}>
              {day.slice(0, 3)}
            </span>
            {HOURS.map((h) => {
              const cell = cells[d * 24 + h];
              if (cell === undefined) return <span key={h} role="gridcell" className="wl-heatmap-cell empty" />;
              const value = cell[statistic];
              const t = value === null ? 0 : position(value);
              const text = describe(cell, unit);
              return (
                <span
                  key={h}
                  role="gridcell"
                  data-testid="heatmap-cell"
                  className={`wl-heatmap-cell${value === null ? ' empty' : ''}${peak.has(cell.hourOfWeek) ? ' peak' : ''}${hovered === cell ? ' hovered' : ''}`}
                  style={value === null ? undefined : { background: heatColor(t), color: heatTextIsDark(t) ? '#1d232b' : '#fff' }}
                  title={text}
                  aria-label={text}
                  onMouseEnter={() => setHovered(cell)}
                >
                  {value === null ? '' : formatValue(value, '')}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      <p className="wl-heatmap-readout wl-small" aria-live="polite" data-testid="heatmap-readout">
        {hovered === null ? <span className="muted">Point at an hour for its P50, P95, P99, maximum and sample count.</span> : describe(hovered, unit)}
      </p>
    </div>
  );
}

function describe(cell: HourOfWeekCell, unit: string): string {
  const hour = cell.hourOfWeek % 24;
  const when = `${DAYS[Math.floor(cell.hourOfWeek / 24)]?.slice(0, 3) ?? ''} ${hh(hour)}–${hh(hour + 1)} UTC`;
  if (cell.count === 0) return `${when}: no samples`;
  return `${when}: P50 ${formatValue(cell.p50, unit)} · P95 ${formatValue(cell.p95, unit)} · P99 ${formatValue(cell.p99, unit)} · max ${formatValue(cell.max, unit)} · mean ${formatValue(cell.mean, unit)} · ${formatCount(cell.count)} samples`;
}
