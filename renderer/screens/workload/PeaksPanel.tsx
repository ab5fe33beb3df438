import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeakAnalysis } from '../../../shared/workload/peaks.js';
import type { Section } from '../../../shared/workload/workload-summary.js';
import { formatCount } from '../../format/format-number.js';
import { formatDateTime, formatDuration } from '../../format/format-time.js';
import { HourOfWeekHeatmap } from './HourOfWeekHeatmap.js';
import { Panel, SectionError, Stat } from './Panel.js';
import { useElementWidth } from '../../charts/use-element-width.js';
import { formatShare, formatValue, hh, hourOfDayRanges, hourRanges } from './workload-format.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Where the load peaks: the hour-of-week heatmap, the busiest windows, the peak-to-average ratio and the usual peak hours. */
export function PeaksPanel({ peaks, unit }: { readonly peaks: Section<PeakAnalysis>; readonly unit: string }) {
  return (
    <Panel title="Peaks by hour of week" testId="peaks-panel" subtitle="all times UTC">
      {peaks.ok ? <PeaksBody peaks={peaks.result} unit={unit} /> : <SectionError what="Peak analysis" error={peaks.error} />}
    </Panel>
  );
}

function PeaksBody({ peaks, unit }: { readonly peaks: PeakAnalysis; readonly unit: string }) {
  const ratio = peaks.peakToAverage;
  const periods = peaks.peakPeriods;
  const ranges = hourRanges(periods.hoursOfWeek);
  return (
    <>
      <HourOfWeekHeatmap cells={peaks.hourOfWeek} unit={unit} peakHours={periods.hoursOfWeek} />
      <div className="wl-peaks-grid">
        <div className="wl-peaks-figures">
          <Stat
            label="Peak-to-average"
            testId="peak-to-average"
            value={ratio.p99ToMean === null ? '—' : `${ratio.p99ToMean.toFixed(2)}×`}
            note={
              ratio.p99ToMean === null ? (
                'no ratio: the mean is not positive or no day holds enough samples'
              ) : (
                <>
                  P99 of daily peaks {formatValue(ratio.dailyPeakP99, unit)} ÷ mean {formatValue(ratio.mean, unit)}, over {formatCount(ratio.days)} days
                  {ratio.maxToMean === null ? '' : `; highest day ${formatValue(ratio.dailyPeakMax, unit)} (${ratio.maxToMean.toFixed(2)}×)`}
                </>
              )
            }
          />
          <div className="wl-peak-periods" data-testid="peak-periods">
            <h3>Usual peak periods</h3>
            {periods.hoursOfDay.length > 0 ? (
              <p>
                Hours of the day (all days pooled): <strong>{hourOfDayRanges(periods.hoursOfDay).join(', ')} UTC</strong>
              </p>
            ) : (
              <p className="muted">No hour of the day is busy on most days.</p>
            )}
            {ranges.length > 0 ? (
              <p>
                Hours of the week: <span className="wl-chips">{ranges.map((r) => <span key={r} className="wl-chip">{r}</span>)}</span>
              </p>
            ) : (
              <p className="muted">No hour of the week is busy in most weeks.</p>
            )}
            <p className="muted wl-small">
              An hour is a peak period when at least {formatShare(periods.minShare, 0)} of its samples are above the {Math.round(periods.quantile * 100)}th percentile, each sample taken relative to its{' '}
              {periods.relativeTo.replace(/ \(.*\)$/, '')} so that growth does not make only the latest weeks count.
            </p>
            <HourOfDayShares shares={periods.shareByHourOfDay} minShare={periods.minShare} />
          </div>
        </div>
        <div className="wl-busiest">
          <h3>Busiest windows</h3>
          {peaks.busiestWindows.length === 0 ? (
            <p className="muted">The series is too short for a full window.</p>
          ) : (
            <table className="data-table" data-testid="busiest-windows">
              <thead>
                <tr>
                  <th>#</th>
                  <th>From (UTC)</th>
                  <th>Length</th>
                  <th className="num">Mean</th>
                  <th className="num">Max</th>
                  <th className="num">Samples</th>
                </tr>
              </thead>
              <tbody>
                {peaks.busiestWindows.map((w, i) => (
                  <tr key={w.startMs}>
                    <td>{i + 1}</td>
                    <td>
                      {formatDateTime(w.startMs)} <span className="muted">{WEEKDAYS[new Date(w.startMs).getUTCDay()]}</span>
                    </td>
                    <td>{formatDuration((w.endMs - w.startMs) / 1000)}</td>
                    <td className="num">{formatValue(w.mean, unit)}</td>
                    <td className="num">{formatValue(w.max, unit)}</td>
                    <td className="num">{formatCount(w.samples)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted wl-small">Windows do not overlap; each holds at least half of its expected samples.</p>
        </div>
      </div>
    </>
  );
}

/** Share of each hour of the day's samples in the top decile, against the peak-period line. */
function HourOfDayShares({ shares, minShare }: { readonly shares: readonly (number | null)[]; readonly minShare: number }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const rows = useMemo(() => shares.map((s, h) => ({ h, share: s === null ? null : s * 100 })), [shares]);
  if (!rows.some((r) => r.share !== null)) return null;
  return (
    <figure ref={ref} className="wl-hour-shares" aria-label="Share of samples in the top decile by hour of day, UTC">
      <figcaption className="muted wl-small">Share of each hour&apos;s samples in the top decile, by hour of day (UTC); dashed: the peak-period line.</figcaption>
      <BarChart width={width} height={120} data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#eef0f2" vertical={false} />
        <XAxis dataKey="h" tickFormatter={(h: number) => String(h).padStart(2, '0')} interval={2} tick={{ fontSize: 10, fill: '#5b6470' }} stroke="#b8bec6" />
        <YAxis width={36} domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 10, fill: '#5b6470' }} stroke="#b8bec6" />
        <Tooltip isAnimationActive={false} labelFormatter={(h) => `${hh(Number(h))}–${hh(Number(h) + 1)} UTC`} formatter={(v) => [`${Number(v).toFixed(1)}%`, 'samples in the top decile']} />
        <ReferenceLine y={minShare * 100} stroke="#b3261e" strokeDasharray="4 3" />
        <Bar dataKey="share" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.h} fill={r.share !== null && r.share >= minShare * 100 ? '#D55E00' : '#9bb8d3'} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
}
