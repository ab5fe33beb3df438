import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { MixPoint, QueryMixAnalysis } from '../../../shared/workload/query-mix.js';
import { timeTicks } from '../../charts/time-domain.js';
import { formatCount } from '../../format/format-number.js';
import { formatDate, formatDateTime, formatTick } from '../../format/format-time.js';
import { Panel, Stat } from './Panel.js';
import { useElementWidth } from '../../charts/use-element-width.js';
import { formatBigCount, formatMs, formatPoints, formatShare } from './workload-format.js';

type Basis = 'calls' | 'time';
const DAY_MS = 86_400_000;
const MAX_CHART_POINTS = 400;

interface Props {
  readonly mix: QueryMixAnalysis | null | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
}

/** The workspace's statement mix: read/write shares over time, the top statements and how the mix moved. */
export function QueryMixPanel({ mix, loading, error }: Props) {
  return (
    <Panel title="Query mix" testId="querymix-panel" chart="query-mix" subtitle="whole workspace, from statement statistics">
      {error !== undefined ? (
        <p className="error-text" role="alert">
          The query mix could not be analysed: {error}
        </p>
      ) : mix === undefined || loading ? (
        <p className="muted wl-loading" role="status">
          Analysing the statements…
        </p>
      ) : mix === null ? (
        <div className="wl-empty-mix" data-testid="querymix-empty">
          <p>
            <strong>No statement statistics in this workspace.</strong> The query mix (reads vs writes, top statements) comes from snapshots of <code>pg_stat_statements</code> (PostgreSQL) or{' '}
            <code>performance_schema.events_statements_summary_by_digest</code> (MySQL).
          </p>
          <p className="muted">
            Export them periodically, e.g. <code>psql --csv -c &quot;SELECT now() AS snapshot_time, * FROM pg_stat_statements&quot;</code> every hour, and import the files on the Data screen.
          </p>
        </div>
      ) : (
        <MixBody mix={mix} />
      )}
    </Panel>
  );
}

function MixBody({ mix }: { readonly mix: QueryMixAnalysis }) {
  const [basis, setBasis] = useState<Basis>('calls');
  const { overall, shift } = mix;
  return (
    <>
      <p className="wl-small">{mix.summary}</p>
      <div className="wl-stats">
        <Stat label="Reads, of calls" testId="read-call-share" value={formatShare(overall.readCallShare)} note={`writes ${formatShare(overall.writeCallShare)}`} />
        <Stat label="Reads, of time" value={formatShare(overall.readTimeShare)} note={`writes ${formatShare(overall.writeTimeShare)}`} />
        <Stat label="Calls" value={formatBigCount(mix.totalCalls)} note={`in ${formatCount(mix.intervals)} snapshot intervals`} />
        <Stat label="Execution time" value={formatMs(mix.totalTimeMs)} note={`${formatDate(overall.startMs)} → ${formatDate(overall.endMs)}`} />
      </div>
      <div className="wl-mix-chart-head">
        <h3 className="wl-subhead">Read / write share over time</h3>
        <div className="segmented" role="group" aria-label="Share of">
          <button type="button" aria-pressed={basis === 'calls'} className={basis === 'calls' ? 'active' : undefined} onClick={() => setBasis('calls')} aria-label="Share of calls">
            of calls
          </button>
          <button type="button" aria-pressed={basis === 'time'} className={basis === 'time' ? 'active' : undefined} onClick={() => setBasis('time')} aria-label="Share of execution time">
            of time
          </button>
        </div>
      </div>
      <MixChart points={mix.overTime} basis={basis} />
      <h3 className="wl-subhead">Top statements by total time</h3>
      <div className="table-scroll">
        <table className="data-table wl-statements" data-testid="top-statements">
          <thead>
            <tr>
              <th>Statement</th>
              <th>Kind</th>
              <th className="num">Calls</th>
              <th className="num">Total time</th>
              <th className="num">Mean time</th>
              <th className="num">Share of time</th>
            </tr>
          </thead>
          <tbody>
            {mix.top.map((s) => (
              <tr key={s.id}>
                <td className="wl-query" title={s.query}>
                  {s.query}
                </td>
                <td>
                  <span className={`wl-kind wl-kind-${s.kind}`}>{s.kind}</span>
                </td>
                <td className="num">{formatBigCount(s.calls)}</td>
                <td className="num">{formatMs(s.totalTimeMs)}</td>
                <td className="num">{formatMs(s.meanTimeMs)}</td>
                <td className="num">
                  <span className="wl-share-cell">
                    <span className="wl-share-bar" style={{ width: `${Math.max(1, Math.round(s.timeShare * 60))}px` }} />
                    {formatShare(s.timeShare)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="wl-subhead">Mix shift: first quarter vs last quarter of the range</h3>
      {shift === null ? (
        <p className="muted">Needs at least two snapshot intervals.</p>
      ) : (
        <div data-testid="mix-shift">
          <p>
            Early {formatDate(shift.early.fromMs)} → {formatDate(shift.early.toMs)} ({formatCount(shift.early.intervals)} intervals) vs late {formatDate(shift.late.fromMs)} →{' '}
            {formatDate(shift.late.toMs)} ({formatCount(shift.late.intervals)} intervals): read share of calls <strong>{formatPoints(shift.readCallSharePointsChange)}</strong>, of time{' '}
            <strong>{formatPoints(shift.readTimeSharePointsChange)}</strong>.
          </p>
          {shift.movers.length > 0 ? (
            <table className="data-table wl-statements" data-testid="movers">
              <thead>
                <tr>
                  <th>Statement (largest change of time share first)</th>
                  <th>Kind</th>
                  <th className="num">Early</th>
                  <th className="num">Late</th>
                  <th className="num">Change</th>
                </tr>
              </thead>
              <tbody>
                {shift.movers.slice(0, 5).map((m) => (
                  <tr key={m.id}>
                    <td className="wl-query" title={m.query}>
                      {m.query}
                    </td>
                    <td>
                      <span className={`wl-kind wl-kind-${m.kind}`}>{m.kind}</span>
                    </td>
                    <td className="num">{formatShare(m.earlyShare)}</td>
                    <td className="num">{formatShare(m.lateShare)}</td>
                    <td className="num">{formatPoints(m.pointsChange)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      )}
    </>
  );
}

interface MixRow {
  readonly t: number;
  readonly read: number | null;
  readonly write: number | null;
  readonly other: number | null;
}

/** Read, write and other shares (in %) per bucket, pooled to at most MAX_CHART_POINTS buckets (days, then weeks). */
function pool(points: readonly MixPoint[], basis: Basis): { rows: MixRow[]; bucket: string } {
  const span = points.length === 0 ? 0 : (points[points.length - 1] as MixPoint).endMs - (points[0] as MixPoint).startMs;
  const bucketMs = points.length <= MAX_CHART_POINTS ? 0 : span / DAY_MS <= MAX_CHART_POINTS ? DAY_MS : 7 * DAY_MS;
  const buckets = new Map<number, { total: number; read: number; write: number }>();
  for (const p of points) {
    const total = basis === 'calls' ? p.calls : p.timeMs;
    const readShare = basis === 'calls' ? p.readCallShare : p.readTimeShare;
    const writeShare = basis === 'calls' ? p.writeCallShare : p.writeTimeShare;
    // An interval belongs to the bucket its end falls in (an hourly snapshot at 00:00 closes
    // the previous day); weeks start on Monday, 4 days after the epoch (a Thursday).
    const offset = bucketMs === 7 * DAY_MS ? 4 * DAY_MS : 0;
    const key = bucketMs === 0 ? p.endMs : Math.floor((p.endMs - 1 - offset) / bucketMs) * bucketMs + offset;
    const b = buckets.get(key) ?? { total: 0, read: 0, write: 0 };
    b.total += total;
    b.read += (readShare ?? 0) * total;
    b.write += (writeShare ?? 0) * total;
    buckets.set(key, b);
  }
  const rows = [...buckets.entries()].map(([t, b]): MixRow => {
    if (!(b.total > 0)) return { t, read: null, write: null, other: null };
    const read = (b.read / b.total) * 100;
    const write = (b.write / b.total) * 100;
    return { t, read, write, other: Math.max(0, 100 - read - write) };
  });
  return { rows, bucket: bucketMs === 0 ? 'snapshot interval' : bucketMs === DAY_MS ? 'day' : 'week' };
}

function MixChart({ points, basis }: { readonly points: readonly MixPoint[]; readonly basis: Basis }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const { rows, bucket } = useMemo(() => pool(points, basis), [points, basis]);
  if (rows.length === 0) return <p className="muted">No intervals to draw.</p>;
  const from = (rows[0] as MixRow).t;
  const to = (rows[rows.length - 1] as MixRow).t;
  const ticks = to > from ? timeTicks({ from, to }, Math.max(2, Math.floor(width / 110))) : [from];
  return (
    <figure ref={ref} className="wl-mix-chart" data-testid="mix-chart" aria-label={`Read and write share of ${basis === 'calls' ? 'calls' : 'execution time'} per ${bucket}`}>
      <AreaChart width={width} height={220} data={rows} margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        <XAxis dataKey="t" type="number" domain={[from, to]} ticks={ticks} tickFormatter={(t: number) => formatTick(t, to - from)} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" />
        <YAxis width={44} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#b8bec6" />
        <Tooltip isAnimationActive={false} labelFormatter={(t) => `${bucket === 'snapshot interval' ? 'interval ending' : `${bucket} from`} ${formatDateTime(Number(t))} UTC`} formatter={(v, n) => [`${Number(v).toFixed(1)}%`, n]} />
        <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Area type="linear" dataKey="read" name="reads" stackId="mix" stroke="#0072B2" fill="#0072B2" fillOpacity={0.55} isAnimationActive={false} connectNulls={false} />
        <Area type="linear" dataKey="write" name="writes" stackId="mix" stroke="#D55E00" fill="#D55E00" fillOpacity={0.55} isAnimationActive={false} connectNulls={false} />
        <Area type="linear" dataKey="other" name="DDL and other" stackId="mix" stroke="#999999" fill="#cccccc" fillOpacity={0.6} isAnimationActive={false} connectNulls={false} />
      </AreaChart>
      <figcaption className="muted wl-small">
        Share of {basis === 'calls' ? 'calls' : 'execution time'} per {bucket} (UTC){bucket === 'snapshot interval' ? '' : `, pooled from ${formatCount(points.length)} snapshot intervals`}.
      </figcaption>
    </figure>
  );
}
