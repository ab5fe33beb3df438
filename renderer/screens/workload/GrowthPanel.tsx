import type { BreakAnalysis } from '../../../shared/workload/structural-breaks.js';
import type { GrowthSummary, Section, SeriesKind } from '../../../shared/workload/workload-summary.js';
import { formatCount } from '../../format/format-number.js';
import { formatDate } from '../../format/format-time.js';
import { Method, Panel, SectionError, Stat } from './Panel.js';
import { formatChangePct, formatPerDay, formatValue } from './workload-format.js';

const MEAN_MONTH_DAYS = 30.436875;

interface Props {
  readonly growth: Section<GrowthSummary>;
  readonly breaks: Section<BreakAnalysis>;
  readonly unit: string;
  readonly kind: SeriesKind;
}

/** Growth (or, for a load, trend): the robust daily rate, month over month, acceleration, and the structural breaks. */
export function GrowthPanel({ growth, breaks, unit, kind }: Props) {
  return (
    <Panel title={kind === 'size' ? 'Growth' : 'Trend and growth'} testId="growth-panel" subtitle={growth.ok ? growth.result.overall.summary : undefined}>
      <div className="wl-growth">
        <div className="wl-growth-main">{growth.ok ? <GrowthBody growth={growth.result} unit={unit} /> : <SectionError what="Growth" error={growth.error} />}</div>
        <div className="wl-growth-side">
          <BreaksBlock breaks={breaks} unit={unit} />
        </div>
      </div>
    </Panel>
  );
}

function GrowthBody({ growth, unit }: { readonly growth: GrowthSummary; readonly unit: string }) {
  const { overall, sinceLastBreak } = growth;
  const { slope, acceleration } = overall;
  return (
    <>
      <div className="wl-stats">
        <Stat
          label="Daily rate"
          testId="growth-rate"
          value={formatPerDay(slope.perDay, unit)}
          note={
            <>
              95% CI {formatPerDay(slope.lower, unit)} to {formatPerDay(slope.upper, unit)}
              <br />≈ {formatPerDay(slope.perDay * MEAN_MONTH_DAYS, unit).replace('/day', '/month').replace(' per day', ' per month')} · {formatCount(slope.points)} daily means over {formatCount(overall.days)} days
            </>
          }
        />
        {sinceLastBreak !== null ? (
          <Stat
            label={`Since the break of ${formatDate(sinceLastBreak.sinceMs)}`}
            testId="growth-since-break"
            value={formatPerDay(sinceLastBreak.perDay, unit)}
            note={`95% CI ${formatPerDay(sinceLastBreak.lower, unit)} to ${formatPerDay(sinceLastBreak.upper, unit)} · ${formatCount(sinceLastBreak.points)} daily means`}
          />
        ) : null}
        <Stat
          label="Acceleration"
          testId="growth-acceleration"
          value={<span className={`wl-verdict wl-verdict-${acceleration.verdict.replace(' ', '-')}`}>{acceleration.verdict}</span>}
          note={
            acceleration.firstHalfPerDay === null || acceleration.secondHalfPerDay === null ? (
              acceleration.description
            ) : (
              <>
                first half {formatPerDay(acceleration.firstHalfPerDay, unit)}, second half {formatPerDay(acceleration.secondHalfPerDay, unit)}
                {acceleration.z === null ? '' : ` (z = ${acceleration.z.toFixed(1)}, ${acceleration.significant ? 'significant' : 'not significant'} at 5%)`}
              </>
            )
          }
        />
      </div>
      <h3 className="wl-subhead">Month over month</h3>
      {overall.months.length === 0 ? (
        <p className="muted">No full month of data.</p>
      ) : (
        <div className="table-scroll wl-months-scroll">
          <table className="data-table compact" data-testid="month-table">
            <thead>
              <tr>
                <th>Month (UTC)</th>
                <th className="num">Mean of daily means</th>
                <th className="num">Change</th>
                <th aria-label="change, as a bar" />
              </tr>
            </thead>
            <tbody>
              {overall.months.map((m) => (
                <tr key={m.month}>
                  <td>{m.month}</td>
                  <td className="num">{formatValue(m.mean, unit)}</td>
                  <td className={`num${m.changePct !== null && m.changePct < 0 ? ' wl-negative' : ''}`}>{formatChangePct(m.changePct)}</td>
                  <td className="wl-change-bar-cell">{m.changePct === null ? null : <ChangeBar pct={m.changePct} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted wl-small">
        Median month-over-month change: <strong>{formatChangePct(overall.medianMonthlyChangePct)}</strong>
      </p>
      <Method text={overall.method} />
    </>
  );
}

/** A small horizontal bar around zero, ±15 % at full width. */
function ChangeBar({ pct }: { readonly pct: number }) {
  const half = Math.min(50, (Math.abs(pct) / 15) * 50);
  return (
    <span className="wl-change-bar" aria-hidden="true">
      <span className={`wl-change-bar-fill${pct < 0 ? ' negative' : ''}`} style={pct < 0 ? { right: '50%', width: `${half}%` } : { left: '50%', width: `${half}%` }} />
    </span>
  );
}

function BreaksBlock({ breaks, unit }: { readonly breaks: Section<BreakAnalysis>; readonly unit: string }) {
  if (!breaks.ok) {
    return (
      <>
        <h3 className="wl-subhead">Structural breaks</h3>
        <SectionError what="Break detection" error={breaks.error} />
      </>
    );
  }
  const result = breaks.result;
  return (
    <div data-testid="breaks">
      <h3 className="wl-subhead">Structural breaks</h3>
      <p>{result.summary}</p>
      {result.breaks.length > 0 ? (
        <table className="data-table compact" data-testid="breaks-table">
          <thead>
            <tr>
              <th>From (UTC)</th>
              <th className="num">Jump</th>
              <th className="num">Level before → after</th>
              <th className="num">Slope before → after</th>
            </tr>
          </thead>
          <tbody>
            {result.breaks.map((b) => (
              <tr key={b.timeMs}>
                <td>{b.date}</td>
                <td className="num">{formatChangePct(b.changePct)}</td>
                <td className="num">
                  {formatValue(b.levelBefore, unit)} → {formatValue(b.levelAfter, unit)}
                </td>
                <td className="num">
                  {formatPerDay(b.slopeBefore, unit)} → {formatPerDay(b.slopeAfter, unit)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.segments.length > 0 ? (
        <>
          <h3 className="wl-subhead">Regimes</h3>
          <ul className="wl-segments">
            {result.segments.map((s) => (
              <li key={s.startMs}>
                {formatDate(s.startMs)} → {formatDate(s.endMs - 1)} ({formatCount(s.days)} days): mean {formatValue(s.mean, unit)}, {formatPerDay(s.slopePerDay, unit)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.oddDays.length > 0 ? <p className="muted wl-small">Left out of the search as one-off days: {result.oddDays.join(', ')}.</p> : null}
      <Method text={result.method} />
    </div>
  );
}
