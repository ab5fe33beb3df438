import { CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { Outcome, UslSection, UslTimeline } from '../../../shared/capacity/scalability.js';
import type { UslCoefficientInterval, UslFit } from '../../../shared/usl/fit-usl.js';
import { formatWithUnit } from '../../format/format-number.js';
import { formatCoefficient, formatConcurrency, formatRate, formatShare } from './scalability-format.js';
import { COLORS, ScalabilityPanel, SectionError, TICK } from './ScalabilityPanel.js';
import { roundTicks, type CurveRow } from './usl-curves.js';
import { useElementWidth } from '../../charts/use-element-width.js';

interface Props {
  readonly usl: Outcome<UslSection>;
  readonly timeline: Outcome<UslTimeline>;
  readonly rows: readonly CurveRow[];
  readonly overridden: boolean;
  readonly unit: string;
}

const LIMIT_WORDS = {
  contention: 'contention (σ: serialised work, queueing for a shared resource)',
  coherency: 'coherency (κ: workers keeping each other’s data consistent)',
  linear: 'nothing yet: σ = κ = 0, linear scaling',
} as const;

/** The load test against the Universal Scalability Law: points, fitted curve, peak, today's load, and the fit's numbers. */
export function UslPanel({ usl, timeline, rows, overridden, unit }: Props) {
  if (!usl.ok) {
    return (
      <ScalabilityPanel title="Universal Scalability Law" testId="usl-panel">
        <SectionError what="The USL fit" error={usl.error} />
      </ScalabilityPanel>
    );
  }
  const { fit, whatIf, loadTest } = usl.value;
  return (
    <ScalabilityPanel title="Universal Scalability Law" testId="usl-panel" chart="usl-fit" subtitle={`${loadTest}: ${fit.points.length} load levels, X(N) = λN / (1 + σ(N − 1) + κN(N − 1))`}>
      <div className="sc-usl">
        <UslChart fit={fit} whatIf={overridden ? whatIf.peak : undefined} timeline={timeline.ok ? timeline.value : undefined} rows={rows} unit={unit} />
        <div className="sc-usl-side">
          <Coefficients fit={fit} unit={unit} />
          <Residuals fit={fit} unit={unit} />
        </div>
      </div>
    </ScalabilityPanel>
  );
}

interface ChartProps {
  readonly fit: UslFit;
  readonly whatIf: { readonly peakN: number | null; readonly peakThroughput: number | null } | undefined;
  readonly timeline: UslTimeline | undefined;
  readonly rows: readonly CurveRow[];
  readonly unit: string;
}

function UslChart({ fit, whatIf, timeline, rows, unit }: ChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const top = rows[rows.length - 1]?.n ?? 1;
  const highest = Math.max(...rows.map((r) => Math.max(r.fitted, r.whatIf ?? 0, r.measured ?? 0)), timeline?.currentPeak ?? 0);
  const yTicks = roundTicks(highest * 1.08, 5);
  const yTop = yTicks[yTicks.length - 1] ?? highest;
  const label = (value: string, position: 'insideBottomRight', fill: string) => ({ value, position, fontSize: 11, fill });
  return (
    <figure className="sc-chart" ref={ref} data-testid="usl-chart" aria-label={`Throughput against concurrency: ${fit.points.length} measured points, the fitted USL curve${whatIf !== undefined ? ', the what-if curve' : ''} and the peak`}>
      <ComposedChart width={width} height={380} data={rows as CurveRow[]} margin={{ top: 16, right: 24, bottom: 18, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="n" type="number" domain={[0, top]} ticks={roundTicks(top).filter((t) => t <= top)} tick={TICK} stroke={COLORS.axis} label={{ value: 'concurrency N (workers, connections)', position: 'insideBottom', offset: -10, fontSize: 11, fill: COLORS.tick }} />
        <YAxis type="number" domain={[0, yTop]} ticks={yTicks} width={64} tickFormatter={(v: number) => formatWithUnit(v, '')} tick={TICK} stroke={COLORS.axis} label={{ value: `throughput (${unit})`, angle: -90, position: 'insideLeft', offset: 4, fontSize: 11, fill: COLORS.tick, style: { textAnchor: 'middle' } }} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(n) => `N = ${formatConcurrency(Number(n))}`}
          formatter={(value, name) => [formatWithUnit(Number(value), unit), name]}
        />
        {timeline !== undefined ? <ReferenceLine y={timeline.currentPeak} stroke={COLORS.today} strokeDasharray="4 3" label={label(`today's peak load ${formatRate(timeline.currentPeak, unit)}`, 'insideBottomRight', COLORS.today)} /> : null}
        {timeline !== undefined ? <ReferenceLine y={timeline.limit} stroke={COLORS.limit} strokeDasharray="2 4" /> : null}
        {fit.peakN !== null ? <ReferenceLine x={fit.peakN} stroke={COLORS.peak} strokeDasharray="3 3" /> : null}
        <Line dataKey="fitted" name="fitted USL" stroke={COLORS.fitted} strokeWidth={2} dot={false} isAnimationActive={false} />
        {whatIf !== undefined ? <Line dataKey="whatIf" name="what-if" stroke={COLORS.whatIf} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} /> : null}
        <Scatter data={rows.filter((r) => r.measured !== undefined)} dataKey="measured" name="measured" fill={COLORS.measured} isAnimationActive={false} />
        {fit.peakN !== null && fit.peakThroughput !== null ? <ReferenceDot x={fit.peakN} y={fit.peakThroughput} r={6} fill="#fff" stroke={COLORS.peak} strokeWidth={2} /> : null}
        {whatIf?.peakN !== null && whatIf?.peakN !== undefined && whatIf.peakThroughput !== null && whatIf.peakN <= top ? <ReferenceDot x={whatIf.peakN} y={whatIf.peakThroughput} r={5} fill="#fff" stroke={COLORS.whatIf} strokeWidth={2} /> : null}
      </ComposedChart>
      <figcaption className="sc-legend">
        <span><i className="sc-key sc-key-dot" style={{ background: COLORS.measured }} /> measured</span>
        <span><i className="sc-key" style={{ borderColor: COLORS.fitted }} /> fitted USL</span>
        {whatIf !== undefined ? <span><i className="sc-key sc-key-dashed" style={{ borderColor: COLORS.whatIf }} /> what-if</span> : null}
        <span>
          <i className="sc-key sc-key-ring" style={{ borderColor: COLORS.peak }} /> {fit.peakN !== null && fit.peakThroughput !== null ? `peak: X_max ${formatRate(fit.peakThroughput, unit)} at N* ≈ ${formatConcurrency(fit.peakN)}` : 'no peak (κ = 0)'}
        </span>
        {whatIf !== undefined ? (
          <span>
            <i className="sc-key sc-key-ring" style={{ borderColor: COLORS.whatIf }} /> {whatIf.peakN !== null && whatIf.peakThroughput !== null ? `what-if peak: ${formatRate(whatIf.peakThroughput, unit)} at N* ≈ ${formatConcurrency(whatIf.peakN)}` : 'what-if: no peak (κ = 0)'}
          </span>
        ) : null}
        {timeline !== undefined ? <span><i className="sc-key sc-key-dashed" style={{ borderColor: COLORS.today }} /> today&rsquo;s peak load (P95 over the window)</span> : null}
        {timeline !== undefined ? <span><i className="sc-key sc-key-dotted" style={{ borderColor: COLORS.limit }} /> limit: {formatShare(timeline.fraction)} of X_max = {formatRate(timeline.limit, unit)}</span> : null}
      </figcaption>
    </figure>
  );
}

function Coefficients({ fit, unit }: { readonly fit: UslFit; readonly unit: string }) {
  const interval = (i: UslCoefficientInterval | undefined, format: (v: number) => string): string => (i === undefined ? 'no interval' : `${format(i.lower95)} – ${format(i.upper95)}`);
  const lambdaFormat = (v: number): string => formatRate(v, unit);
  const rows = [
    { id: 'sigma', name: 'σ contention', value: formatCoefficient(fit.sigma), ci: interval(fit.intervals?.sigma, formatCoefficient), bound: fit.sigmaAtBound },
    { id: 'kappa', name: 'κ coherency', value: formatCoefficient(fit.kappa), ci: interval(fit.intervals?.kappa, formatCoefficient), bound: fit.kappaAtBound },
    { id: 'lambda', name: 'λ one worker', value: lambdaFormat(fit.lambda), ci: interval(fit.intervals?.lambda, lambdaFormat), bound: false },
  ];
  return (
    <div className="sc-coefficients">
      <table className="data-table compact" data-testid="usl-coefficients">
        <thead>
          <tr>
            <th>Coefficient</th>
            <th className="num">Fitted</th>
            <th>95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`coefficient-${r.id}`}>
              <td>{r.name}</td>
              <td className="num">{r.value}</td>
              <td>
                {r.ci}
                {r.bound ? <span className="sc-tag" title="The fit pinned this coefficient to its bound: its interval is only indicative">on its bound</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="sc-facts">
        <dt>Peak</dt>
        <dd data-testid="usl-peak">
          {fit.peakN !== null && fit.peakThroughput !== null
            ? `X_max ${formatRate(fit.peakThroughput, unit)} at N* ≈ ${formatConcurrency(fit.peakN)} (best whole N: ${fit.peakWholeN ?? '—'})`
            : fit.throughputCeiling !== null
              ? `no peak (κ = 0): throughput approaches λ/σ = ${formatWithUnit(fit.throughputCeiling, unit)}`
              : 'no peak and no ceiling: the load test scales linearly'}
        </dd>
        <dt>R²</dt>
        <dd data-testid="usl-r2">
          {fit.r2.toFixed(4)}
          {fit.residualStandardError !== undefined ? <span className="muted"> · residual standard error {formatWithUnit(fit.residualStandardError, unit)}</span> : null}
        </dd>
        <dt>Limited by</dt>
        <dd data-testid="usl-limited-by">{LIMIT_WORDS[fit.limitedBy]} at the largest measured N</dd>
      </dl>
      {fit.warnings.length > 0 ? (
        <ul className="sc-warnings" data-testid="usl-warnings" aria-label="Warnings about the fit">
          {fit.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="muted sc-small" data-testid="usl-warnings">No warnings: enough points, no coefficient on a bound, the peak inside the measured range.</p>
      )}
    </div>
  );
}

function Residuals({ fit, unit }: { readonly fit: UslFit; readonly unit: string }) {
  const largest = Math.max(...fit.residuals.map((r) => Math.abs(r)), 0);
  return (
    <details className="sc-residuals" data-testid="usl-residuals" open>
      <summary>Residuals: measured − fitted at each load level</summary>
      <table className="data-table compact">
        <thead>
          <tr>
            <th className="num">N</th>
            <th className="num">Measured</th>
            <th className="num">Fitted</th>
            <th className="num">Residual</th>
            <th aria-label="residual, as a bar" />
          </tr>
        </thead>
        <tbody>
          {fit.points.map((p, i) => {
            const residual = fit.residuals[i] ?? 0;
            const share = largest > 0 ? Math.abs(residual) / largest : 0;
            return (
              <tr key={`${p.concurrency}-${i}`}>
                <td className="num">{formatConcurrency(p.concurrency)}</td>
                <td className="num">{formatRate(p.throughput, unit)}</td>
                <td className="num">{formatRate(fit.fitted[i] ?? Number.NaN, unit)}</td>
                <td className="num">
                  {residual > 0 ? '+' : ''}
                  {formatWithUnit(residual, unit)} <span className="muted">({formatShare(p.throughput > 0 ? residual / p.throughput : Number.NaN)})</span>
                </td>
                <td className="sc-bar-cell">
                  <span className={`sc-bar ${residual < 0 ? 'negative' : 'positive'}`} style={{ width: `${(share * 50).toFixed(1)}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
