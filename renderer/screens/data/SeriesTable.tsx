import { useMemo, useState } from 'react';
import type { SeriesSummary } from '../../../shared/api/types.js';
import { formatCount } from '../../format/format-number.js';
import { formatDate, formatDuration } from '../../format/format-time.js';

interface Props {
  readonly series: readonly SeriesSummary[];
  readonly selected: readonly string[];
  readonly colors: ReadonlyMap<string, string>;
  readonly onToggle: (name: string) => void;
  readonly onSelectOnly: (names: readonly string[]) => void;
}

/** Every series of the workspace with its shape: unit, points, range, resolution, gaps. */
export function SeriesTable({ series, selected, colors, onToggle, onSelectOnly }: Props) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle.length === 0 ? series : series.filter((s) => s.name.toLowerCase().includes(needle) || s.unit.toLowerCase() === needle);
  }, [series, filter]);
  return (
    <section className="panel series-panel" aria-label="Series">
      <div className="panel-head">
        <h2>Series <span className="muted">({series.length})</span></h2>
        <input className="filter" type="search" placeholder="Filter by name or unit" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter series" />
        <button type="button" className="link" onClick={() => onSelectOnly(shown.map((s) => s.name).slice(0, 32))}>select shown</button>
        <button type="button" className="link" onClick={() => onSelectOnly([])}>clear</button>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="series-table">
          <thead>
            <tr>
              <th aria-label="shown in chart" />
              <th>Name</th>
              <th>Unit</th>
              <th className="num">Points</th>
              <th>From</th>
              <th>To</th>
              <th>Resolution</th>
              <th>Gaps</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const isSelected = selected.includes(s.name);
              const largest = s.largestGaps[0];
              return (
                <tr key={s.name} className={isSelected ? 'selected' : undefined} onClick={() => onToggle(s.name)}>
                  <td>
                    <input type="checkbox" checked={isSelected} onChange={() => onToggle(s.name)} onClick={(e) => e.stopPropagation()} aria-label={`chart ${s.name}`} />
                    {isSelected ? <span className="swatch" style={{ background: colors.get(s.name) }} /> : null}
                  </td>
                  <td className="name" title={s.name}>
                    {s.name}
                    {s.kind !== 'gauge' ? <span className={`kind kind-${s.kind}`} title={s.kind === 'counter' ? 'a cumulative counter (resets read as restarts from zero)' : 'per-second rate derived from a counter'}>{s.kind}</span> : null}
                  </td>
                  <td>{s.unit === '' ? <span className="muted">—</span> : s.unit}</td>
                  <td className="num">{formatCount(s.points)}</td>
                  <td>{formatDate(s.startMs)}</td>
                  <td>{formatDate(s.endMs)}</td>
                  <td>{s.resolutionSeconds === null ? '—' : formatDuration(s.resolutionSeconds)}</td>
                  <td title={largest === undefined ? 'no gaps' : `largest: ${largest.after} → ${largest.before} (${formatDuration(largest.seconds)})`}>
                    {s.gapCount === 0 ? <span className="muted">none</span> : `${s.gapCount} · ${formatDuration(s.gapSeconds)} missing`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="empty">{series.length === 0 ? 'No series yet. Import a CSV export to begin.' : 'No series match the filter.'}</p> : null}
      </div>
    </section>
  );
}
