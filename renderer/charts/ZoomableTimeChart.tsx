import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatTick } from '../format/format-time.js';
import { formatNumber, formatWithUnit } from '../format/format-number.js';
import { nearestIndex } from './nearest-point.js';
import { ChartExport } from './ChartExport.js';
import { panBy, selectionDomain, timeTicks, zoomAt, type TimeDomain } from './time-domain.js';

export interface ChartLine {
  readonly name: string;
  readonly color: string;
  readonly t: readonly number[];
  readonly v: readonly (number | null)[];
  /** Whether the points are raw samples (true) or min/max per pixel (false). */
  readonly raw: boolean;
}

interface Props {
  readonly title: string;
  readonly unit: string;
  readonly lines: readonly ChartLine[];
  readonly domain: TimeDomain;
  readonly limits: TimeDomain;
  readonly onDomainChange: (domain: TimeDomain) => void;
  readonly onWidth?: (plotWidth: number) => void;
  readonly height?: number;
  readonly busy?: boolean;
}

const Y_AXIS_WIDTH = 64;
const MARGIN = { top: 8, right: 16, bottom: 0, left: 4 };
const X_AXIS_HEIGHT = 24;

/**
 * A time-series chart that zooms with the wheel (around the cursor), selects a range
 * by dragging (Grafana's gesture), pans with shift+wheel or the arrow keys, and shows
 * the nearest value of every line under the cursor. Lines break at gaps in the data.
 */
export function ZoomableTimeChart({ title, unit, lines, domain, limits, onDomainChange, onWidth, height = 220, busy = false }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = Math.max(10, width - plotLeft - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT;

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 800);
      setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => onWidth?.(plotWidth), [plotWidth, onWidth]);

  // Wheel listeners must be non-passive to stop the page from scrolling while zooming.
  const latest = useRef({ domain, limits, onDomainChange });
  useLayoutEffect(() => {
    latest.current = { domain, limits, onDomainChange };
  });
  useEffect(() => {
    const element = overlay.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const { domain: d, limits: l, onDomainChange: change } = latest.current;
      const rect = element.getBoundingClientRect();
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        const delta = event.shiftKey ? event.deltaY : event.deltaX;
        change(panBy(d, delta / rect.width, l));
        return;
      }
      const anchor = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
      change(zoomAt(d, event.deltaY > 0 ? 1.25 : 0.8, anchor, l));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const fractionAt = (event: ReactMouseEvent): number => {
    const rect = overlay.current?.getBoundingClientRect();
    if (rect === undefined) return 0;
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
  };

  const span = domain.to - domain.from;
  const ticks = useMemo(() => timeTicks(domain, Math.max(2, Math.floor(plotWidth / 90))), [domain, plotWidth]);
  const data = useMemo(() => lines.map((line) => line.t.map((t, i) => ({ t, v: line.v[i] ?? null }))), [lines]);
  const hoverTime = hover === null ? null : domain.from + hover * span;
  const hoverValues =
    hoverTime === null
      ? []
      : lines.flatMap((line) => {
          const index = nearestIndex(line.t, line.v, hoverTime);
          const value = index < 0 ? null : line.v[index];
          return value === null || value === undefined ? [] : [{ name: line.name, color: line.color, value, time: line.t[index] as number }];
        });

  return (
    <figure className="chart" aria-label={`${title} chart`} data-testid="time-chart">
      <figcaption className="chart-title">
        <span>{title}</span>
        {busy ? <span className="chart-busy">loading…</span> : null}
        {lines.some((l) => !l.raw) ? <span className="chart-note" title="Each pixel shows the minimum and maximum of the samples it covers; zoom in for raw samples">min/max per pixel</span> : <span className="chart-note">raw samples</span>}
        <ChartExport target={container} name={title} />
      </figcaption>
      <div className="chart-body" ref={container} style={{ height }}>
        <LineChart width={width} height={height} margin={MARGIN}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={[domain.from, domain.to]}
            allowDataOverflow
            ticks={ticks}
            tickFormatter={(t: number) => formatTick(t, span)}
            height={X_AXIS_HEIGHT}
            tick={{ fontSize: 11, fill: '#5b6470' }}
            stroke="#b8bec6"
          />
          <YAxis
            width={Y_AXIS_WIDTH}
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => (unit === '%' ? `${formatNumber(v)}%` : formatNumber(v))}
            tick={{ fontSize: 11, fill: '#5b6470' }}
            stroke="#b8bec6"
            {...(unit !== '' && unit !== '%' ? { label: { value: unit, angle: -90, position: 'insideLeft', fontSize: 11, fill: '#5b6470', dy: 20 } } : {})}
          />
          {lines.map((line, i) => (
            <Line
              key={line.name}
              data={data[i] ?? []}
              dataKey="v"
              name={line.name}
              stroke={line.color}
              strokeWidth={1.2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
        <div
          ref={overlay}
          className="chart-overlay"
          data-testid="chart-overlay"
          tabIndex={0}
          role="application"
          aria-label={`${title}: drag to zoom into a range, wheel to zoom, shift+wheel or arrow keys to pan, double-click to show everything`}
          style={{ left: plotLeft, top: MARGIN.top, width: plotWidth, height: plotHeight }}
          onMouseDown={(event) => {
            if (event.button !== 0) return;
            const at = fractionAt(event);
            setSelection({ start: at, end: at });
          }}
          onMouseMove={(event) => {
            const at = fractionAt(event);
            setHover(at);
            if (selection !== null) setSelection({ ...selection, end: at });
          }}
          onMouseUp={() => {
            if (selection !== null && Math.abs(selection.end - selection.start) > 0.01) {
              onDomainChange(selectionDomain(domain, selection.start, selection.end, limits));
            }
            setSelection(null);
          }}
          onMouseLeave={() => {
            setHover(null);
            setSelection(null);
          }}
          onDoubleClick={() => onDomainChange(limits)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft') onDomainChange(panBy(domain, -0.2, limits));
            else if (event.key === 'ArrowRight') onDomainChange(panBy(domain, 0.2, limits));
            else if (event.key === '+' || event.key === '=') onDomainChange(zoomAt(domain, 0.5, 0.5, limits));
            else if (event.key === '-') onDomainChange(zoomAt(domain, 2, 0.5, limits));
            else if (event.key === '0') onDomainChange(limits);
            else return;
            event.preventDefault();
          }}
        >
          {selection !== null ? (
            <div className="chart-selection" style={{ left: `${Math.min(selection.start, selection.end) * 100}%`, width: `${Math.abs(selection.end - selection.start) * 100}%` }} />
          ) : null}
          {hover !== null && hoverTime !== null ? (
            <>
              <div className="chart-cursor" style={{ left: `${hover * 100}%` }} />
              {hoverValues.length > 0 ? (
                <div className={`chart-tooltip ${hover > 0.6 ? 'left' : 'right'}`} style={{ left: `${hover * 100}%` }}>
                  <div className="chart-tooltip-time">{formatDateTime(hoverValues[0]?.time ?? hoverTime)} UTC</div>
                  {hoverValues.map((h) => (
                    <div key={h.name} className="chart-tooltip-row">
                      <span className="swatch" style={{ background: h.color }} />
                      <span className="chart-tooltip-name">{h.name}</span>
                      <span className="chart-tooltip-value">{formatWithUnit(h.value, unit)}</span>
                    </div>
                  ))}
                </div>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </figure>
  );
}
