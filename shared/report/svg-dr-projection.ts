import type { DrSectionOk } from './report-types.js';
import { OPTION_COLORS } from './svg-cost-chart.js';
import { linearScale, n, svgOpen, svgText } from './svg-kit.js';

/**
 * Worst-case RTO of every scenario month by month as the database grows, as a share of
 * its target on a log scale (so 10 min against a 2 min target and 3 days against 8 h read
 * alike): the dashed line is the target; a line above it is a breach, and the month it
 * crosses is when growth breaks the plan. Months without a recovery path are left out.
 */

const WIDTH = 720;
const PLOT_HEIGHT = 200;
const LEFT = 56;
const RIGHT = 14;
const TOP = 12;
const LEGEND_ROW = 15;

/** @example drProjectionSvg(drSection) */
export function drProjectionSvg(s: DrSectionOk): string {
  const months = s.scenarios[0]?.overTime.map((m) => m.month) ?? [];
  const ratios = s.scenarios.map((x) => x.overTime.map((m) => (m.rtoWorst === null || x.rtoTargetSeconds <= 0 ? null : m.rtoWorst / x.rtoTargetSeconds)));
  const finite = ratios.flat().filter((r): r is number => r !== null && r > 0);
  const lo = Math.floor(Math.log10(Math.min(0.1, ...finite)));
  const hi = Math.ceil(Math.log10(Math.max(10, ...finite)));
  const x = linearScale([0, Math.max(1, months.length - 1)], [LEFT, WIDTH - RIGHT]);
  const y = linearScale([lo, hi], [TOP + PLOT_HEIGHT, TOP]);
  const legendRows = Math.ceil(s.scenarios.length / 2);
  const height = TOP + PLOT_HEIGHT + 30 + legendRows * LEGEND_ROW + 6;
  const parts = [svgOpen(WIDTH, height, 'Worst-case RTO of each scenario as a share of its target, month by month', 'chart dr-projection')];
  for (let p = lo; p <= hi; p++) {
    const label = `${Number((100 * 10 ** p).toPrecision(1)).toLocaleString('en-US')} %`;
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${n(y(p))}" y2="${n(y(p))}" stroke="#e3e6ea"/>${svgText(LEFT - 4, y(p), label, { anchor: 'end', baseline: 'middle', size: 9, fill: '#555' })}`);
  }
  parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="6 3"/>${svgText(WIDTH - RIGHT - 2, y(0) - 4, 'target', { anchor: 'end', size: 9, fill: '#c0392b' })}`);
  const step = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((month, i) => {
    const last = i === months.length - 1;
    if (i % step === 0 || last) parts.push(svgText(x(i), TOP + PLOT_HEIGHT + 12, month, { anchor: last ? 'end' : 'middle', size: 9, fill: '#555' }));
  });
  ratios.forEach((series, i) => {
    const color = OPTION_COLORS[i % OPTION_COLORS.length] ?? '#333';
    const pts = series.flatMap((r, m) => (r === null || r <= 0 ? [] : [`${n(x(m))},${n(y(Math.log10(r)))}`]));
    if (pts.length > 1) parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="1.8"/>`);
    else if (pts.length === 1) parts.push(`<circle cx="${pts[0]?.split(',')[0] ?? 0}" cy="${pts[0]?.split(',')[1] ?? 0}" r="2.5" fill="${color}"/>`);
  });
  const legendTop = TOP + PLOT_HEIGHT + 30;
  s.scenarios.forEach((scenario, i) => {
    const lx = LEFT + (i % 2) * ((WIDTH - LEFT) / 2);
    const ly = legendTop + Math.floor(i / 2) * LEGEND_ROW;
    const color = OPTION_COLORS[i % OPTION_COLORS.length] ?? '#333';
    const noPath = (ratios[i] ?? []).every((r) => r === null);
    parts.push(`<line x1="${n(lx)}" x2="${n(lx + 22)}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    parts.push(svgText(lx + 28, ly, `${scenario.label}${noPath ? ' (no recovery in the worst case: not drawn)' : ''}`, { size: 9, baseline: 'middle' }));
  });
  parts.push('</svg>');
  return parts.join('');
}
