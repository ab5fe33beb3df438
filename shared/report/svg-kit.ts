import { escapeHtml } from './escape-html.js';
import { formatAmount } from './format-values.js';

/**
 * The few pieces every report chart is drawn from: linear scales, "nice" value ticks,
 * calendar-month time ticks, and escaped SVG text. Charts are plain SVG strings with
 * a viewBox, so they scale to the page, print sharply and need no script.
 */

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
}

/**
 * A linear map from `domain` to `range` (a zero-width domain maps to the range's middle).
 * @example linearScale([0, 10], [0, 100])(2.5) // 25
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number): number => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain });
}

/**
 * About `count` round tick values (1, 2 or 5 × 10^k apart) covering [min, max].
 * @example niceTicks(0, 1440, 5) // [0, 500, 1000, 1500]
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? max) < max) ticks.push((ticks[ticks.length - 1] ?? 0) + step);
  return ticks;
}

/**
 * First-of-month instants (UTC) between two times, every 1, 2, 3, 6 or 12 months so that
 * there are at most `maxTicks`.
 * @example monthTicks(Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 1), 8).length // 6
 */
export function monthTicks(startMs: number, endMs: number, maxTicks: number): number[] {
  const start = new Date(startMs);
  const months = (new Date(endMs).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(endMs).getUTCMonth() - start.getUTCMonth() + 1;
  const every = [1, 2, 3, 6, 12, 24].find((m) => months / m <= maxTicks) ?? 24;
  const ticks: number[] = [];
  for (let m = 1; m <= months; m++) {
    const t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
    const month = new Date(t).getUTCMonth();
    if (t > endMs) break;
    if ((every >= 12 ? month === 0 : month % every === 0) && t >= startMs) ticks.push(t);
  }
  return ticks;
}

/** 'Mar 2027' (or '2027' on January ticks when ticks are a year apart). */
export function monthLabel(ms: number): string {
  const d = new Date(ms);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** A number for an SVG attribute: two decimals at most. */
export function n(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0';
}

export interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly size?: number;
  readonly weight?: 'bold' | 'normal';
  readonly fill?: string;
  readonly baseline?: 'middle' | 'hanging' | 'auto';
}

/** An SVG <text> with escaped content. */
export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const attributes = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${options.size ?? 10}"`,
    options.anchor === undefined || options.anchor === 'start' ? '' : `text-anchor="${options.anchor}"`,
    options.weight === 'bold' ? 'font-weight="bold"' : '',
    options.fill === undefined ? '' : `fill="${options.fill}"`,
    options.baseline === undefined || options.baseline === 'auto' ? '' : `dominant-baseline="${options.baseline}"`,
  ].filter((a) => a !== '');
  return `<text ${attributes.join(' ')}>${escapeHtml(text)}</text>`;
}

/**
 * Opens an <svg> of a fixed aspect that scales to its container's width. Inline SVG in
 * HTML needs no namespace attribute, and leaving it out keeps every URL out of a report.
 */
export function svgOpen(width: number, height: number, label: string, className: string): string {
  return `<svg class="${className}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}" font-family="Helvetica, Arial, sans-serif">`;
}

/** Horizontal grid lines and value labels on the left for a y scale. */
export function yAxis(y: Scale, ticks: readonly number[], left: number, right: number, unit: string): string {
  return ticks
    .map((t) => `<line x1="${n(left)}" x2="${n(right)}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="#e3e6ea" stroke-width="1"/>${svgText(left - 4, y(t), `${formatAmount(t)}${unit === '' ? '' : ` ${unit}`}`, { anchor: 'end', baseline: 'middle', size: 9, fill: '#555' })}`)
    .join('');
}

/** Month ticks and labels under the plot. */
export function xTimeAxis(x: Scale, ticks: readonly number[], top: number, bottom: number): string {
  return ticks
    .map((t) => `<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${n(top)}" y2="${n(bottom)}" stroke="#eef0f2" stroke-width="1"/>${svgText(x(t), bottom + 12, monthLabel(t), { anchor: 'middle', size: 9, fill: '#555' })}`)
    .join('');
}

/** A polyline's `points` attribute, skipping non-finite values. */
export function points(xs: readonly number[], ys: readonly number[], x: Scale, y: Scale): string {
  const out: string[] = [];
  xs.forEach((t, i) => {
    const v = ys[i];
    if (v !== undefined && Number.isFinite(v)) out.push(`${n(x(t))},${n(y(v))}`);
  });
  return out.join(' ');
}

/** A closed band between a lower and an upper curve, for <polygon points>. */
export function band(xs: readonly number[], lower: readonly number[], upper: readonly number[], x: Scale, y: Scale): string {
  const top = xs.map((t, i) => `${n(x(t))},${n(y(upper[i] ?? 0))}`);
  const bottom = xs.map((t, i) => `${n(x(t))},${n(y(lower[i] ?? 0))}`).reverse();
  return [...top, ...bottom].join(' ');
}
