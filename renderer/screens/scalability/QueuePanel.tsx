import { CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Outcome, QueueSection } from '../../../shared/capacity/scalability.js';
import type { MmcResult } from '../../../shared/queueing/erlang-c.js';
import { formatNumber } from '../../format/format-number.js';
import { formatDate, formatDateTime } from '../../format/format-time.js';
import { formatMs, formatRate, formatShare, queueSentence } from './scalability-format.js';
import { COLORS, ScalabilityPanel, SectionError, TICK } from './ScalabilityPanel.js';
import { roundTicks } from './usl-curves.js';
import { useElementWidth } from '../../charts/use-element-width.js';

interface Props {
  readonly queue: Outcome<QueueSection>;
  readonly unit: string;
}

interface Marker {
  readonly name: string;
  readonly result: MmcResult;
  readonly color: string;
}

/** The CPU as an M/M/c queue: mean response against utilisation, the knee, today's busy hour and six months ahead. */
export function QueuePanel({ queue, unit }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  if (!queue.ok) {
    return (
      <ScalabilityPanel title="CPU as a queue (M/M/c)" testId="queue-panel">
        <SectionError what="The queueing model" error={queue.error} />
      </ScalabilityPanel>
    );
  }
  const q = queue.value;
  const rows = q.curve.points.map((p) => ({ u: p.utilization * 100, ms: p.meanResponseSeconds * 1000 }));
  const knee = q.curve.knee;
  const markers: Marker[] = [
    { name: 'busy hour now', result: q.now, color: COLORS.measured },
    ...(q.future === null
      ? []
      : [
          { name: 'in 6 months (P50)', result: q.future.p50, color: COLORS.whatIf },
          { name: 'in 6 months (P90)', result: q.future.p90, color: COLORS.limit },
        ]),
  ];
  const onCurve = markers.filter((m): m is Marker & { result: MmcResult & { stable: true } } => m.result.stable);
  const offCurve = markers.filter((m) => !m.result.stable);
  const highest = Math.max(...rows.map((r) => r.ms), ...onCurve.map((m) => m.result.meanResponseSeconds * 1000));
  const yTicks = roundTicks(highest * 1.02, 5);
  return (
    <ScalabilityPanel title="CPU as a queue (M/M/c)" testId="queue-panel" chart="cpu-queue" subtitle={`${q.servers} cores, one queue; service demand from the utilisation law S = U·c / λ`}>
      <p className={`sc-sentence${q.now.stable && (q.future === null || q.future.p50.stable) ? '' : ' sc-alarm'}`} data-testid="queue-sentence">
        {queueSentence(q)}
      </p>
      <div className="sc-queue">
        <figure className="sc-chart" ref={ref} data-testid="queue-chart" aria-label={`Mean response time against CPU utilisation for ${q.servers} cores, with the knee at ${formatShare(knee.utilization)}`}>
          <ComposedChart width={width} height={300} data={rows} margin={{ top: 16, right: 24, bottom: 18, left: 8 }}>
            <CartesianGrid stroke={COLORS.grid} />
            <XAxis dataKey="u" type="number" domain={[0, 100]} ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]} tickFormatter={(v: number) => `${v}%`} tick={TICK} stroke={COLORS.axis} label={{ value: 'CPU utilisation ρ', position: 'insideBottom', offset: -10, fontSize: 11, fill: COLORS.tick }} />
            <YAxis type="number" domain={[0, yTicks[yTicks.length - 1] ?? highest]} ticks={yTicks} width={56} tickFormatter={(v: number) => formatNumber(v)} tick={TICK} stroke={COLORS.axis} label={{ value: 'mean response (ms)', angle: -90, position: 'insideLeft', offset: 4, fontSize: 11, fill: COLORS.tick, style: { textAnchor: 'middle' } }} />
            <Tooltip isAnimationActive={false} labelFormatter={(u) => `utilisation ${formatNumber(Number(u))}%`} formatter={(v, name) => [formatMs(Number(v) / 1000), name]} />
            <ReferenceLine x={knee.utilization * 100} stroke={COLORS.peak} strokeDasharray="3 3" />
            <Line dataKey="ms" name="mean response R" stroke={COLORS.fitted} strokeWidth={2} dot={false} isAnimationActive={false} />
            <ReferenceDot x={knee.utilization * 100} y={knee.meanResponseSeconds * 1000} r={5} fill="#fff" stroke={COLORS.peak} strokeWidth={2} label={{ value: `knee ${formatShare(knee.utilization)} (R = ${knee.responseFactor}·S)`, position: 'left', fontSize: 11, fill: COLORS.peak }} />
            {onCurve.map((m) => (
              <ReferenceDot key={m.name} x={m.result.utilization * 100} y={m.result.meanResponseSeconds * 1000} r={5} fill={m.color} stroke="#fff" strokeWidth={1.5} />
            ))}
          </ComposedChart>
          <figcaption className="sc-legend">
            <span><i className="sc-key" style={{ borderColor: COLORS.fitted }} /> mean response</span>
            <span><i className="sc-key sc-key-ring" style={{ borderColor: COLORS.peak }} /> knee</span>
            {onCurve.map((m) => (
              <span key={m.name}>
                <i className="sc-key sc-key-dot" style={{ background: m.color }} /> {m.name}
              </span>
            ))}
          </figcaption>
        </figure>
        <div className="sc-queue-side">
          <table className="data-table compact" data-testid="queue-table">
            <thead>
              <tr>
                <th />
                <th className="num">Load</th>
                <th className="num">ρ</th>
                <th className="num">P(wait)</th>
                <th className="num">Mean response</th>
              </tr>
            </thead>
            <tbody>
              {markers.map((m) => (
                <tr key={m.name}>
                  <td>
                    <i className="sc-key sc-key-dot" style={{ background: m.color }} /> {m.name}
                  </td>
                  <td className="num">{formatRate(m.result.arrivalRatePerSecond, unit)}</td>
                  <td className="num">{formatShare(m.result.utilization)}</td>
                  <td className="num">{m.result.stable ? formatShare(m.result.pWait) : '—'}</td>
                  <td className="num">{m.result.stable ? formatMs(m.result.meanResponseSeconds) : <span className="error-text">does not keep up</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {offCurve.map((m) => (
            <p key={m.name} className="error-text sc-small" data-testid="queue-unstable">
              {m.name}: utilisation {formatShare(m.result.utilization)} ≥ 100 % — the queue would grow without bound.{!m.result.stable ? ` At least ${m.result.minimumStableServers} cores are needed (or load below ${formatRate(m.result.saturationArrivalRatePerSecond, unit)}).` : ''}
            </p>
          ))}
          <dl className="sc-facts">
            <dt>Service demand</dt>
            <dd data-testid="queue-service">{formatMs(q.serviceTimeSeconds)} of CPU per request</dd>
            <dt>Busy hour</dt>
            <dd data-testid="queue-busy-hour">
              {formatDateTime(q.busyHour.startMs)} UTC: {formatRate(q.busyHour.arrivalRatePerSecond, unit)} at {formatShare(q.busyHour.utilizationPct / 100)} CPU
            </dd>
            <dt>Knee</dt>
            <dd>
              {formatShare(knee.utilization)} utilisation ({formatRate(knee.arrivalRatePerSecond, unit)}), where mean response reaches {knee.responseFactor}× the service demand ({formatMs(knee.meanResponseSeconds)})
            </dd>
            {q.future !== null ? (
              <>
                <dt>Six months ahead</dt>
                <dd>
                  {formatDate(q.future.atMs)}: {formatRate(q.future.arrivalP50, unit)} (P50), {formatRate(q.future.arrivalP90, unit)} (P90)
                </dd>
              </>
            ) : null}
          </dl>
          <p className="muted sc-small">M/M/c assumes random arrivals and exponential service times; real CPUs also lose time to locks and caches (the USL above), so treat these as lower bounds.</p>
        </div>
      </div>
    </ScalabilityPanel>
  );
}
