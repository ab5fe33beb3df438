import type { ResourceAssessment } from '../../../shared/capacity/assess-runway.js';
import { formatWithUnit } from '../../format/format-number.js';
import { formatRunwayDate } from './runway-format.js';

interface Props {
  readonly resources: readonly ResourceAssessment[];
  readonly nowMs: number;
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
}

const BAR_WIDTH = 220;
const TIMELINE_WIDTH = 300;

/** Every resource: headroom now as a bar to capacity (target marked), runway as a P10–P90 range on one timeline. */
export function ResourceTable({ resources, nowMs, selected, onSelect }: Props) {
  const horizonEnd = Math.max(nowMs + 86_400_000, ...resources.map((r) => r.horizonEndMs ?? 0));
  return (
    <section className="panel" aria-label="Resources" data-testid="resource-table">
      <div className="panel-head">
        <h2>Every resource</h2>
        <span className="muted">headroom now (bar: current {`→`} capacity, tick: target) · runway to the target (P10–P90 range, dot: P50) · click for its forecast</span>
      </div>
      <table className="data-table resource-table">
        <thead>
          <tr>
            <th>resource</th>
            <th className="num">current</th>
            <th className="num">capacity</th>
            <th>headroom now</th>
            <th>runway to the target</th>
            <th>P10 / P50 / P90</th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.id} className={`${r.id === selected ? 'selected' : ''}${r.binding ? ' binding' : ''}`} onClick={() => onSelect(r.id)} data-testid={`resource-${r.id}`}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(r.id)} aria-label={`Show the forecast of ${r.resource}`}>
                  {r.resource}
                </button>
                {r.binding ? <span className="binding-tag small">binding</span> : null}
                {r.artificial ? <span className="soft-tag" title="an artificial limit: shown, never binding">soft limit</span> : null}
              </td>
              <td className="num">
                {Number.isFinite(r.current) ? formatWithUnit(r.current, r.unit) : '—'} <span className="muted">{r.statistic}</span>
              </td>
              <td className="num">{r.capacity === null ? '—' : formatWithUnit(r.capacity, r.unit)}</td>
              <td>
                <HeadroomBar resource={r} />
              </td>
              <td>
                <RunwayTimeline resource={r} nowMs={nowMs} endMs={horizonEnd} />
              </td>
              <td className="runway-dates">{describeRunway(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function describeRunway(r: ResourceAssessment): string {
  switch (r.status) {
    case 'exceeded':
      return `over the ${r.targetPct} % target now`;
    case 'crosses':
      return [r.runwayMs.p10, r.runwayMs.p50, r.runwayMs.p90].map((ms) => (ms === null ? 'beyond' : formatRunwayDate(ms))).join(' / ');
    case 'beyond-horizon':
      return `not before ${formatRunwayDate(r.horizonEndMs)}`;
    default:
      return r.problem ?? r.status;
  }
}

function HeadroomBar({ resource: r }: { readonly resource: ResourceAssessment }) {
  if (r.capacity === null || !Number.isFinite(r.current)) return <span className="muted">{r.problem ?? 'no capacity'}</span>;
  const x = (v: number): number => Math.max(0, Math.min(BAR_WIDTH, (v / (r.capacity ?? 1)) * BAR_WIDTH));
  const over = r.threshold !== null && r.current >= r.threshold;
  return (
    <svg width={BAR_WIDTH + 60} height={18} role="img" aria-label={`${r.resource}: ${r.headroomPct?.toFixed(0) ?? '?'} % headroom; target ${r.targetPct} %`}>
      <rect x={0} y={3} width={BAR_WIDTH} height={12} rx={3} fill="#e8ebef" />
      <rect x={0} y={3} width={x(r.current)} height={12} rx={3} fill={over ? '#b3261e' : (r.targetUsedPct ?? 0) > 85 ? '#E69F00' : '#0072B2'} />
      {r.threshold !== null ? <line x1={x(r.threshold)} x2={x(r.threshold)} y1={0} y2={18} stroke="#222" strokeWidth={2} /> : null}
      <text x={BAR_WIDTH + 6} y={13} fontSize={11} fill="#333">
        {r.headroomPct === null ? '' : `${r.headroomPct.toFixed(0)} % free`}
      </text>
    </svg>
  );
}

function RunwayTimeline({ resource: r, nowMs, endMs }: { readonly resource: ResourceAssessment; readonly nowMs: number; readonly endMs: number }) {
  const x = (ms: number): number => Math.max(0, Math.min(TIMELINE_WIDTH, ((ms - nowMs) / (endMs - nowMs)) * TIMELINE_WIDTH));
  const { p10, p50, p90 } = r.runwayMs;
  return (
    <svg width={TIMELINE_WIDTH} height={18} role="img" aria-label={`${r.resource} runway: ${describeRunway(r)}`}>
      <line x1={0} x2={TIMELINE_WIDTH} y1={9} y2={9} stroke="#c9ced6" strokeWidth={2} />
      {r.status === 'exceeded' ? <rect x={0} y={3} width={6} height={12} fill="#b3261e" /> : null}
      {r.status === 'crosses' && p10 !== null ? (
        <>
          <rect x={x(p10)} y={3} width={Math.max(3, x(p90 ?? endMs) - x(p10))} height={12} rx={3} fill={r.artificial ? '#b9c2cc' : '#E69F00'} opacity={0.55} />
          {p90 === null ? <polygon points={`${TIMELINE_WIDTH - 6},3 ${TIMELINE_WIDTH},9 ${TIMELINE_WIDTH - 6},15`} fill="#E69F00" /> : null}
          {p50 !== null ? <circle cx={x(p50)} cy={9} r={5} fill={r.artificial ? '#6b7785' : '#D55E00'} /> : null}
        </>
      ) : null}
      {r.status === 'beyond-horizon' ? (
        <polygon points={`${TIMELINE_WIDTH - 8},3 ${TIMELINE_WIDTH},9 ${TIMELINE_WIDTH - 8},15`} fill="#1b7a3a" />
      ) : null}
    </svg>
  );
}
