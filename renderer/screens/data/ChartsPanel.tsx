import { useCallback, useMemo, useState } from 'react';
import type { SeriesSummary } from '../../../shared/api/types.js';
import { RangeNavigator } from '../../charts/RangeNavigator.js';
import { panBy, zoomAt, clampDomain, type TimeDomain } from '../../charts/time-domain.js';
import { useSeriesWindow } from '../../charts/use-series-window.js';
import { ZoomableTimeChart, type ChartLine } from '../../charts/ZoomableTimeChart.js';
import { formatDateTime, formatDuration } from '../../format/format-time.js';
import { formatCount } from '../../format/format-number.js';

interface Props {
  readonly series: readonly SeriesSummary[];
  readonly selected: readonly string[];
  readonly colors: ReadonlyMap<string, string>;
  readonly revision: number;
}

const DAY = 86_400_000;
const PRESETS: readonly { label: string; days: number | null }[] = [
  { label: 'All', days: null },
  { label: '90 d', days: 90 },
  { label: '30 d', days: 30 },
  { label: '7 d', days: 7 },
  { label: '1 d', days: 1 },
];

/**
 * The charts of the selected series, one per unit, sharing one time window that the
 * user zooms and pans; below them, the whole range in miniature.
 */
export function ChartsPanel({ series, selected, colors, revision }: Props) {
  const chosen = useMemo(() => series.filter((s) => selected.includes(s.name)), [series, selected]);
  const limits = useMemo<TimeDomain | null>(() => {
    if (chosen.length === 0) return null;
    const from = Math.min(...chosen.map((s) => s.startMs));
    const to = Math.max(...chosen.map((s) => s.endMs));
    return { from, to: to > from ? to : from + 60_000 };
  }, [chosen]);
  const [requestedDomain, setDomain] = useState<TimeDomain | null>(null);
  const domain = limits === null ? null : requestedDomain === null ? limits : clampDomain(requestedDomain, limits);
  const [plotWidth, setPlotWidth] = useState(900);
  const onWidth = useCallback((w: number) => setPlotWidth(w), []);
  const { result, busy, error } = useSeriesWindow(selected, domain, plotWidth, revision);
  const overviewNames = useMemo(() => selected.slice(0, 1), [selected]);
  const overview = useSeriesWindow(overviewNames, limits, plotWidth, revision);

  const groups = useMemo(() => {
    const byUnit = new Map<string, ChartLine[]>();
    for (const w of result?.series ?? []) {
      const lines = byUnit.get(w.unit) ?? [];
      lines.push({ name: w.name, color: colors.get(w.name) ?? '#333', t: w.t, v: w.v, raw: w.raw });
      byUnit.set(w.unit, lines);
    }
    return [...byUnit.entries()];
  }, [result, colors]);

  if (limits === null || domain === null) {
    return (
      <section className="panel charts-panel empty-charts" aria-label="Charts">
        <p>Select series in the table to chart them. Charts of the same unit share an axis.</p>
      </section>
    );
  }
  const visiblePoints = (result?.series ?? []).reduce((sum, s) => sum + s.pointsInWindow, 0);
  return (
    <section className="panel charts-panel" aria-label="Charts">
      <div className="chart-toolbar" role="toolbar" aria-label="Time window">
        <div className="segmented">
          {PRESETS.map((p) => (
            <button
              key={p.label}
              type="button"
              onClick={() => setDomain(p.days === null ? null : clampDomain({ from: limits.to - p.days * DAY, to: limits.to }, limits))}
            >
              {p.label}
            </button>
          ))}
        </div>
        <div className="segmented">
          <button type="button" aria-label="Pan earlier" onClick={() => setDomain(panBy(domain, -0.25, limits))}>◀</button>
          <button type="button" aria-label="Zoom in" onClick={() => setDomain(zoomAt(domain, 0.5, 0.5, limits))}>+</button>
          <button type="button" aria-label="Zoom out" onClick={() => setDomain(zoomAt(domain, 2, 0.5, limits))}>−</button>
          <button type="button" aria-label="Pan later" onClick={() => setDomain(panBy(domain, 0.25, limits))}>▶</button>
        </div>
        <span className="window-label" data-testid="window-label">
          {formatDateTime(domain.from)} → {formatDateTime(domain.to)} UTC · {formatDuration((domain.to - domain.from) / 1000)} · {formatCount(visiblePoints)} samples
        </span>
        {error !== undefined ? <span className="error-text">{error}</span> : null}
      </div>
      <div className="charts">
        {groups.map(([unit, lines]) => (
          <ZoomableTimeChart
            key={unit}
            title={lines.map((l) => l.name).join(', ')}
            unit={unit}
            lines={lines}
            domain={domain}
            limits={limits}
            onDomainChange={setDomain}
            onWidth={onWidth}
            busy={busy}
          />
        ))}
      </div>
      <RangeNavigator limits={limits} domain={domain} overview={overview.result?.series[0]} width={plotWidth} leftInset={68} onDomainChange={setDomain} />
    </section>
  );
}
