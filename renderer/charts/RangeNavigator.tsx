import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { Area, AreaChart, XAxis, YAxis } from 'recharts';
import { clampDomain, type TimeDomain } from './time-domain.js';
import { formatDate } from '../format/format-time.js';

interface Props {
  readonly limits: TimeDomain;
  readonly domain: TimeDomain;
  readonly overview: { readonly t: readonly number[]; readonly v: readonly (number | null)[] } | undefined;
  readonly width: number;
  readonly leftInset: number;
  readonly onDomainChange: (domain: TimeDomain) => void;
}

const HEIGHT = 44;

/** The whole time range in miniature, with the visible window as a box to drag (pan) or click (centre). */
export function RangeNavigator({ limits, domain, overview, width, leftInset, onDomainChange }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startDomain: TimeDomain } | null>(null);
  const span = limits.to - limits.from;
  const left = ((domain.from - limits.from) / span) * 100;
  const boxWidth = Math.max(0.5, ((domain.to - domain.from) / span) * 100);
  const data = overview === undefined ? [] : overview.t.map((t, i) => ({ t, v: overview.v[i] ?? null }));

  const timeAt = (clientX: number): number => {
    const rect = track.current?.getBoundingClientRect();
    if (rect === undefined) return limits.from;
    return limits.from + ((clientX - rect.left) / rect.width) * span;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    if (target.dataset['role'] === 'window') {
      drag.current = { startX: event.clientX, startDomain: domain };
      track.current?.setPointerCapture(event.pointerId);
      return;
    }
    const centre = timeAt(event.clientX);
    const half = (domain.to - domain.from) / 2;
    onDomainChange(clampDomain({ from: centre - half, to: centre + half }, limits));
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>): void => {
    const state = drag.current;
    const rect = track.current?.getBoundingClientRect();
    if (state === null || rect === undefined) return;
    const shift = ((event.clientX - state.startX) / rect.width) * span;
    onDomainChange(clampDomain({ from: state.startDomain.from + shift, to: state.startDomain.to + shift }, limits));
  };

  return (
    <div className="navigator" style={{ paddingLeft: leftInset }} aria-label="Time range overview">
      <div
        className="navigator-track"
        ref={track}
        style={{ width, height: HEIGHT }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        data-testid="range-navigator"
      >
        <AreaChart width={width} height={HEIGHT} data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
          <XAxis hide dataKey="t" type="number" domain={[limits.from, limits.to]} allowDataOverflow />
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Area dataKey="v" stroke="#8a94a3" fill="#dfe3e8" strokeWidth={1} isAnimationActive={false} connectNulls={false} />
        </AreaChart>
        <div className="navigator-window" data-role="window" style={{ left: `${left}%`, width: `${boxWidth}%` }} title="Drag to pan" />
      </div>
      <div className="navigator-labels" style={{ width }}>
        <span>{formatDate(limits.from)}</span>
        <span>{formatDate(limits.to)}</span>
      </div>
    </div>
  );
}
