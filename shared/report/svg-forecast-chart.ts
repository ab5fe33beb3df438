import type { ForecastSummary } from './report-model.js';
import { formatAmount } from './format-values.js';
import { band, linearScale, monthTicks, n, niceTicks, points, svgOpen, svgText, xTimeAxis, yAxis } from './svg-kit.js';

/**
 * A resource's forecast: the daily history, the forecast mean with its 80 % and 95 %
 * intervals, the threshold the runway is judged against, and "now". The y axis is sized
 * to the history, the 80 % band and the threshold; a 95 % band taller than that is cut at
 * the top (and the chart says so) rather than flattening everything else.
 */

const WIDTH = 720;
const HEIGHT = 230;
const LEFT = 64;
const RIGHT = 14;
const TOP = 22;
const BOTTOM = 30;

function finiteMax(...lists: readonly (readonly number[])[]): number {
  let max = -Infinity;
  for (const list of lists) for (const v of list) if (Number.isFinite(v) && v > max) max = v;
  return max;
}

function finiteMin(...lists: readonly (readonly number[])[]): number {
  let min = Infinity;
  for (const list of lists) for (const v of list) if (Number.isFinite(v) && v < min) min = v;
  return min;
}

/** @example forecastChartSvg(section.forecasts[0]) */
export function forecastChartSvg(f: ForecastSummary): string {
  const c = f.chart;
  const t0 = c.historyTimesMs[0] ?? c.forecastTimesMs[0] ?? 0;
  const t1 = c.forecastTimesMs[c.forecastTimesMs.length - 1] ?? c.historyTimesMs[c.historyTimesMs.length - 1] ?? t0 + 1;
  const top = Math.max(finiteMax(c.history, c.hi80, c.mean), f.threshold ?? -Infinity);
  const bottom = Math.min(0, finiteMin(c.history, c.lo95));
  const ticks = niceTicks(bottom, Number.isFinite(top) ? top * 1.05 : 1, 5);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  const clipped = finiteMax(c.hi95) > yMax;
  const x = linearScale([t0, t1], [LEFT, WIDTH - RIGHT]);
  const raw = linearScale([yMin, yMax], [HEIGHT - BOTTOM, TOP]);
  const y = Object.assign((v: number) => raw(Math.min(yMax, Math.max(yMin, v))), { domain: raw.domain });
  const parts: string[] = [svgOpen(WIDTH, HEIGHT, `Forecast of ${f.resource} with 80 and 95 percent intervals and its threshold`, 'chart forecast-chart')];
  parts.push(yAxis(y, ticks, LEFT, WIDTH - RIGHT, f.unit));
  parts.push(xTimeAxis(x, monthTicks(t0, t1, 10), TOP, HEIGHT - BOTTOM));
  if (c.forecastTimesMs.length > 0) {
    parts.push(`<polygon points="${band(c.forecastTimesMs, c.lo95, c.hi95, x, y)}" fill="#d6e4f5"/>`);
    parts.push(`<polygon points="${band(c.forecastTimesMs, c.lo80, c.hi80, x, y)}" fill="#a9c6ea"/>`);
    parts.push(`<polyline points="${points(c.forecastTimesMs, c.mean, x, y)}" fill="none" stroke="#1f5fa8" stroke-width="1.6"/>`);
    const now = c.forecastTimesMs[0] ?? t0;
    parts.push(`<line x1="${n(x(now))}" x2="${n(x(now))}" y1="${TOP}" y2="${HEIGHT - BOTTOM}" stroke="#666" stroke-dasharray="3 3"/>`);
    parts.push(svgText(x(now) + 3, TOP + 8, 'now', { size: 9, fill: '#666' }));
  }
  parts.push(`<polyline points="${points(c.historyTimesMs, c.history, x, y)}" fill="none" stroke="#222" stroke-width="1.1"/>`);
  if (f.threshold !== null) {
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${n(y(f.threshold))}" y2="${n(y(f.threshold))}" stroke="#c0392b" stroke-width="1.4" stroke-dasharray="6 3"/>`);
    parts.push(svgText(LEFT + 4, y(f.threshold) - 4, `threshold ${formatAmount(f.threshold)} ${f.unit}`, { size: 9, fill: '#c0392b' }));
  }
  const legend: [string, string][] = [
    ['#222', 'history (daily)'],
    ['#1f5fa8', 'forecast mean'],
    ['#a9c6ea', '80 % interval'],
    ['#d6e4f5', '95 % interval'],
    ['#c0392b', 'threshold'],
  ];
  let lx = LEFT;
  for (const [color, label] of legend) {
    parts.push(`<rect x="${n(lx)}" y="4" width="14" height="8" fill="${color}"/>`);
    parts.push(svgText(lx + 18, 8, label, { size: 9, baseline: 'middle' }));
    lx += 30 + label.length * 5;
  }
  if (clipped) parts.push(svgText(WIDTH - RIGHT, 8, '95 % band cut at the top', { size: 9, anchor: 'end', baseline: 'middle', fill: '#777' }));
  parts.push('</svg>');
  return parts.join('');
}
