import type { ScalingSectionOk } from './report-model.js';
import { linearScale, monthTicks, n, niceTicks, svgOpen, svgText, xTimeAxis, yAxis } from './svg-kit.js';

/**
 * Monthly cost of every scaling option over the horizon, as steps (a month costs the same
 * all month). The recommended option is the thick line; options that do not keep every
 * resource under target through the horizon are dashed. The legend sits under the plot.
 */

const WIDTH = 720;
const PLOT_HEIGHT = 210;
const LEFT = 64;
const RIGHT = 14;
const TOP = 12;
const LEGEND_ROW = 15;

/** Distinguishable in colour and in greyscale order. */
export const OPTION_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const monthStart = (month: string): number => Date.parse(`${month}-01T00:00:00Z`);

/** @example costChartSvg(scalingSection) */
export function costChartSvg(s: ScalingSectionOk): string {
  const starts = s.months.map(monthStart);
  const first = starts[0] ?? 0;
  const lastStart = new Date(starts[starts.length - 1] ?? first);
  const end = Date.UTC(lastStart.getUTCFullYear(), lastStart.getUTCMonth() + 1, 1);
  const max = Math.max(0, ...s.options.flatMap((o) => o.monthlyCost));
  const ticks = niceTicks(0, max * 1.05 || 1, 5);
  const x = linearScale([first, end], [LEFT, WIDTH - RIGHT]);
  const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [TOP + PLOT_HEIGHT, TOP]);
  const legendRows = Math.ceil(s.options.length / 2);
  const height = TOP + PLOT_HEIGHT + 30 + legendRows * LEGEND_ROW + 6;
  const parts: string[] = [svgOpen(WIDTH, height, 'Monthly cost of each scaling option over the horizon', 'chart cost-chart')];
  parts.push(yAxis(y, ticks, LEFT, WIDTH - RIGHT, s.currency));
  parts.push(xTimeAxis(x, monthTicks(first - 1, end, 12), TOP, TOP + PLOT_HEIGHT));
  // The recommended line last, so that it is drawn on top.
  const order = s.options.map((o, i) => ({ o, i })).sort((a, b) => Number(a.o.recommended) - Number(b.o.recommended));
  for (const { o, i } of order) {
    const steps: string[] = [];
    o.monthlyCost.forEach((cost, m) => {
      const from = starts[m] ?? first;
      const to = starts[m + 1] ?? end;
      steps.push(`${n(x(from))},${n(y(cost))}`, `${n(x(to))},${n(y(cost))}`);
    });
    const color = OPTION_COLORS[i % OPTION_COLORS.length] ?? '#333';
    parts.push(`<polyline points="${steps.join(' ')}" fill="none" stroke="${color}" stroke-width="${o.recommended ? 3 : 1.3}"${o.feasible ? '' : ' stroke-dasharray="5 3"'}/>`);
  }
  const legendTop = TOP + PLOT_HEIGHT + 30;
  s.options.forEach((o, i) => {
    const column = i % 2;
    const row = Math.floor(i / 2);
    const lx = LEFT + column * ((WIDTH - LEFT) / 2);
    const ly = legendTop + row * LEGEND_ROW;
    const color = OPTION_COLORS[i % OPTION_COLORS.length] ?? '#333';
    parts.push(`<line x1="${n(lx)}" x2="${n(lx + 22)}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="${o.recommended ? 3 : 1.5}"${o.feasible ? '' : ' stroke-dasharray="5 3"'}/>`);
    const label = `${o.name}${o.recommended ? ' (recommended)' : ''}${o.feasible ? '' : ' (misses targets)'}`;
    parts.push(svgText(lx + 28, ly, label.length > 58 ? `${label.slice(0, 57)}…` : label, { size: 9, baseline: 'middle', weight: o.recommended ? 'bold' : 'normal' }));
  });
  parts.push('</svg>');
  return parts.join('');
}
