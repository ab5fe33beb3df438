import type { CapacityRow } from './report-model.js';
import { linearScale, monthTicks, n, svgOpen, svgText, xTimeAxis } from './svg-kit.js';

/**
 * The runway timeline: one row per resource from now to the forecast's horizon, with the
 * window in which it reaches its threshold (P10 to P90) as a bar and P50 as a tick. The
 * binding resource is drawn in red; a resource already over target shows at "now".
 */

const WIDTH = 720;
const LABEL = 170;
const RIGHT = 16;
const ROW = 24;
const TOP = 10;

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * @param asOf ISO time of the last observation ("now")
 * @example runwayTimelineSvg('2026-10-31T23:55:00Z', section.resources)
 */
export function runwayTimelineSvg(asOf: string, rows: readonly CapacityRow[]): string {
  const nowMs = Date.parse(asOf);
  const ends = rows.map((r) => (r.horizonEnd === null ? Number.NaN : day(r.horizonEnd))).filter(Number.isFinite);
  const endMs = ends.length === 0 ? nowMs + 365 * 86_400_000 : Math.max(...ends);
  const x = linearScale([nowMs, endMs], [LABEL, WIDTH - RIGHT]);
  const plotBottom = TOP + rows.length * ROW;
  const height = plotBottom + 44;
  const parts: string[] = [svgOpen(WIDTH, height, 'Runway per resource: when each reaches its threshold, P10 to P90 with P50', 'chart runway-timeline')];
  parts.push(xTimeAxis(x, monthTicks(nowMs, endMs, 9), TOP, plotBottom));
  rows.forEach((r, i) => {
    const yMid = TOP + i * ROW + ROW / 2;
    const label = `${r.binding ? '▶ ' : ''}${r.resource}${r.artificial ? ' (soft)' : ''}`;
    parts.push(svgText(LABEL - 8, yMid, label, { anchor: 'end', baseline: 'middle', size: 10, weight: r.binding ? 'bold' : 'normal' }));
    const trackEnd = r.horizonEnd === null ? endMs : day(r.horizonEnd);
    parts.push(`<rect x="${n(x(nowMs))}" y="${n(yMid - 4)}" width="${n(Math.max(0, x(trackEnd) - x(nowMs)))}" height="8" fill="#e6efe6" rx="2"/>`);
    const color = r.binding ? '#c0392b' : '#e08e0b';
    if (r.status === 'crosses' && r.runway.p10 !== null) {
      const from = day(r.runway.p10);
      const to = r.runway.p90 === null ? trackEnd : day(r.runway.p90);
      parts.push(`<rect x="${n(x(from))}" y="${n(yMid - 6)}" width="${n(Math.max(2, x(to) - x(from)))}" height="12" fill="${color}" fill-opacity="0.55" rx="2"/>`);
      if (r.runway.p50 !== null) parts.push(`<line x1="${n(x(day(r.runway.p50)))}" x2="${n(x(day(r.runway.p50)))}" y1="${n(yMid - 8)}" y2="${n(yMid + 8)}" stroke="${color}" stroke-width="2.5"/>`);
      const text = r.runway.p50 === null ? `P10 ${r.runway.p10}` : `P50 ${r.runway.p50}`;
      const textX = x(from) - 4;
      parts.push(textX > LABEL + 70 ? svgText(textX, yMid, text, { anchor: 'end', baseline: 'middle', size: 9, fill: '#333' }) : svgText(Math.min(x(to) + 4, WIDTH - RIGHT - 70), yMid, text, { baseline: 'middle', size: 9, fill: '#333' }));
    } else if (r.status === 'exceeded') {
      parts.push(`<rect x="${n(x(nowMs))}" y="${n(yMid - 6)}" width="8" height="12" fill="#c0392b"/>`);
      parts.push(svgText(x(nowMs) + 12, yMid, 'over its target now', { baseline: 'middle', size: 9, fill: '#c0392b', weight: 'bold' }));
    } else if (r.status === 'beyond-horizon') {
      parts.push(svgText(x(trackEnd) - 4, yMid, 'beyond the horizon', { anchor: 'end', baseline: 'middle', size: 9, fill: '#2e7d32' }));
    } else {
      parts.push(svgText(x(nowMs) + 6, yMid, r.status === 'no-capacity' ? 'no capacity known' : 'no forecast', { baseline: 'middle', size: 9, fill: '#777' }));
    }
  });
  parts.push(`<line x1="${n(x(nowMs))}" x2="${n(x(nowMs))}" y1="${TOP - 4}" y2="${n(plotBottom)}" stroke="#333" stroke-width="1"/>`);
  const legendY = plotBottom + 32;
  parts.push(`<rect x="${LABEL}" y="${legendY - 5}" width="24" height="10" fill="#e08e0b" fill-opacity="0.55"/>`);
  parts.push(svgText(LABEL + 30, legendY, 'P10–P90: when the threshold is reached', { baseline: 'middle', size: 9 }));
  parts.push(`<line x1="${LABEL + 250}" x2="${LABEL + 250}" y1="${legendY - 7}" y2="${legendY + 7}" stroke="#e08e0b" stroke-width="2.5"/>`);
  parts.push(svgText(LABEL + 258, legendY, 'P50', { baseline: 'middle', size: 9 }));
  parts.push(`<rect x="${LABEL + 300}" y="${legendY - 5}" width="24" height="10" fill="#c0392b" fill-opacity="0.55"/>`);
  parts.push(svgText(LABEL + 330, legendY, 'binding resource', { baseline: 'middle', size: 9 }));
  parts.push('</svg>');
  return parts.join('');
}
