import { useMemo, type ReactNode } from 'react';
import type { WorkloadSummary } from '../../../shared/workload/workload-summary.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { defaultSeries, SeriesPicker } from '../../components/SeriesPicker.js';
import { formatCount } from '../../format/format-number.js';
import { formatDateTime, formatDuration } from '../../format/format-time.js';
import { CyclesPanel } from './CyclesPanel.js';
import { GrowthPanel } from './GrowthPanel.js';
import { Headlines } from './Headlines.js';
import { OutliersPanel } from './OutliersPanel.js';
import { PeaksPanel } from './PeaksPanel.js';
import { QueryMixPanel } from './QueryMixPanel.js';
import './workload.css';

interface Props {
  readonly revision: number;
  readonly series: string | undefined;
}

/**
 * The Workload screen: how one series behaves — its cycles, when it peaks, how it grows,
 * where it broke and what stands out — and, for the whole workspace, the query mix.
 */
export function WorkloadScreen({ revision, series }: Props) {
  const key = String(revision);
  const list = useBackendQuery('series.list', {}, key);
  const all = useMemo(() => list.data ?? [], [list.data]);
  const chosen = series ?? defaultSeries(all, /cpu|qps|iops/i);
  // A bookmarked series that is no longer in the workspace is said so, not asked for.
  const missing = chosen !== undefined && list.data !== undefined && !all.some((s) => s.name === chosen);
  const summary = useBackendQuery('workload.summary', chosen === undefined || missing ? null : { series: chosen }, key);
  const mix = useBackendQuery('querymix.summary', {}, key);
  // An answer for another series (the picker just changed) is not shown as this one's.
  const current = summary.data !== undefined && summary.data.name === chosen ? summary.data : undefined;

  let body: ReactNode;
  if (list.error !== undefined) {
    body = (
      <p className="error-text" role="alert">
        The series could not be listed: {list.error}
      </p>
    );
  } else if (list.data === undefined && series === undefined) {
    body = <Loading text="Loading the series…" />;
  } else if (chosen === undefined) {
    body = (
      <p className="empty" data-testid="workload-empty">
        No series in this workspace yet. Import metric exports on the <a href="#data">Data screen</a>, then come back here to see their cycles, peaks and growth.
      </p>
    );
  } else if (missing) {
    body = (
      <p className="error-text" role="alert">
        There is no series named “{chosen}” in this workspace; choose one above.
      </p>
    );
  } else if (summary.error !== undefined && !summary.loading) {
    body = (
      <p className="error-text" role="alert" data-testid="workload-error">
        The workload of {chosen} could not be analysed: {summary.error}
      </p>
    );
  } else if (current === undefined) {
    body = <Loading text={`Analysing ${chosen}…`} />;
  } else {
    body = <Analysis summary={current} />;
  }

  return (
    <div className="screen workload-screen">
      <div className="screen-head">
        <h1>Workload</h1>
        <SeriesPicker screen="workload" series={all} value={chosen} />
        {current !== undefined ? <ShapeLine summary={current} /> : null}
        {current !== undefined && summary.loading ? (
          <span className="muted wl-small" role="status">
            Updating…
          </span>
        ) : null}
      </div>
      {body}
      <QueryMixPanel mix={mix.data} loading={mix.loading && mix.data === undefined} error={mix.error} />
    </div>
  );
}

function Loading({ text }: { readonly text: string }) {
  return (
    <p className="panel wl-loading" role="status" data-testid="workload-loading">
      <span className="wl-spinner" aria-hidden="true" />
      {text}
    </p>
  );
}

function ShapeLine({ summary }: { readonly summary: WorkloadSummary }) {
  const { shape } = summary;
  const parts = [
    `${formatCount(shape.points)} points`,
    `${formatDateTime(shape.startMs)} → ${formatDateTime(shape.endMs)} UTC`,
    shape.resolutionMs === null ? null : `every ${formatDuration(shape.resolutionMs / 1000)}`,
    shape.gapCount === 0 ? 'no gaps' : `${formatCount(shape.gapCount)} gap${shape.gapCount === 1 ? '' : 's'} (${formatDuration(shape.gapMs / 1000)})`,
  ].filter((p): p is string => p !== null);
  return (
    <span className="muted wl-small" data-testid="series-shape">
      {parts.join(' · ')}
    </span>
  );
}

/** The panels, growth first for sizes (storage, rows), cycles and peaks first for loads. */
function Analysis({ summary }: { readonly summary: WorkloadSummary }) {
  const { unit, kind } = summary;
  const cycles = <CyclesPanel key="cycles" cycles={summary.cycles} hourOfWeek={summary.peaks.ok ? summary.peaks.result.hourOfWeek : undefined} unit={unit} />;
  const peaks = <PeaksPanel key="peaks" peaks={summary.peaks} unit={unit} />;
  const growth = <GrowthPanel key="growth" growth={summary.growth} breaks={summary.breaks} unit={unit} kind={kind} />;
  const outliers = <OutliersPanel key="outliers" outliers={summary.outliers} unit={unit} />;
  return (
    <>
      <Headlines lines={summary.headlines} />
      {kind === 'size' ? [growth, outliers, cycles, peaks] : [cycles, peaks, growth, outliers]}
    </>
  );
}
