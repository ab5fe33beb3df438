import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { Outcome, UslSection } from '../../../shared/capacity/scalability.js';
import { uslResponseTimeSeconds } from '../../../shared/usl/usl-model.js';
import { formatNumber } from '../../format/format-number.js';
import { formatConcurrency, formatMs } from './scalability-format.js';
import { COLORS, ScalabilityPanel, SectionError, TICK } from './ScalabilityPanel.js';
import { roundTicks, type CurveRow } from './usl-curves.js';
import { useElementWidth } from '../../charts/use-element-width.js';

interface Props {
  readonly usl: Outcome<UslSection>;
  readonly rows: readonly CurveRow[];
  readonly overridden: boolean;
}

/** Response time against concurrency, R(N) = N/X(N) by Little's law (no think time), from the fit and the what-if. */
export function LatencyPanel({ usl, rows, overridden }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  if (!usl.ok) {
    return (
      <ScalabilityPanel title="Latency curve" testId="latency-panel">
        <SectionError what="The latency curve" error="it follows from the USL fit, which is not available (see above)" />
      </ScalabilityPanel>
    );
  }
  const { fit, whatIf } = usl.value;
  const top = rows[rows.length - 1]?.n ?? 1;
  const highest = Math.max(...rows.map((r) => Math.max(r.fittedMs, overridden ? (r.whatIfMs ?? 0) : 0, r.measuredMs ?? 0)));
  const yTicks = roundTicks(highest * 1.04, 5);
  const hasMeasured = rows.some((r) => r.measuredMs !== undefined);
  const peakN = (overridden ? whatIf.peak.peakN : fit.peakN) ?? null;
  const atPeak = peakN === null ? undefined : uslResponseTimeSeconds(overridden ? whatIf.coefficients : fit, peakN);
  return (
    <ScalabilityPanel title="Latency curve" testId="latency-panel" chart="latency-curve" subtitle="R(N) = N / X(N), Little's law with no think time">
      <figure className="sc-chart" ref={ref} data-testid="latency-chart" aria-label="Response time against concurrency from the fitted USL">
        <ComposedChart width={width} height={260} data={rows as CurveRow[]} margin={{ top: 12, right: 20, bottom: 18, left: 8 }}>
          <CartesianGrid stroke={COLORS.grid} />
          <XAxis dataKey="n" type="number" domain={[0, top]} ticks={roundTicks(top, 6).filter((t) => t <= top)} tick={TICK} stroke={COLORS.axis} label={{ value: 'concurrency N', position: 'insideBottom', offset: -10, fontSize: 11, fill: COLORS.tick }} />
          <YAxis type="number" domain={[0, yTicks[yTicks.length - 1] ?? highest]} ticks={yTicks} width={56} tickFormatter={(v: number) => formatNumber(v)} tick={TICK} stroke={COLORS.axis} label={{ value: 'response (ms)', angle: -90, position: 'insideLeft', offset: 4, fontSize: 11, fill: COLORS.tick, style: { textAnchor: 'middle' } }} />
          <Tooltip isAnimationActive={false} labelFormatter={(n) => `N = ${formatConcurrency(Number(n))}`} formatter={(value, name) => [formatMs(Number(value) / 1000), name]} />
          {peakN !== null ? <ReferenceLine x={peakN} stroke={COLORS.peak} strokeDasharray="3 3" label={{ value: 'N*', position: 'insideTopLeft', fontSize: 11, fill: COLORS.peak }} /> : null}
          <Line dataKey="fittedMs" name="fitted R(N)" stroke={COLORS.fitted} strokeWidth={2} dot={false} isAnimationActive={false} />
          {overridden ? <Line dataKey="whatIfMs" name="what-if R(N)" stroke={COLORS.whatIf} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} /> : null}
          {hasMeasured ? <Scatter data={rows.filter((r) => r.measuredMs !== undefined)} dataKey="measuredMs" name="measured latency" fill={COLORS.measured} isAnimationActive={false} /> : null}
        </ComposedChart>
      </figure>
      <p className="sc-small" data-testid="latency-summary">
        One worker: {formatMs(uslResponseTimeSeconds(overridden ? whatIf.coefficients : fit, 1))} per request.
        {atPeak !== undefined && peakN !== null ? ` At the peak N* ≈ ${formatConcurrency(peakN)}: ${formatMs(atPeak)}; beyond it, latency grows faster than linearly while throughput falls.` : ' Without a peak, latency grows steadily with N.'}
        {hasMeasured ? ' Dots: latency the load test measured.' : ' The load test recorded no latencies.'}
      </p>
    </ScalabilityPanel>
  );
}
