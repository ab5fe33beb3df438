/** The visible time window of a chart, and the pure arithmetic of zooming and panning it. */
export interface TimeDomain {
  readonly from: number;
  readonly to: number;
}

/** Never zoom in further than this (ms): below a few samples a chart says nothing. */
export const MIN_SPAN_MS = 60_000;

/**
 * Zooms by `factor` (< 1 in, > 1 out) keeping the time under the cursor where it is.
 * @param anchor where the cursor is, as a fraction of the width (0 left … 1 right)
 */
export function zoomAt(domain: TimeDomain, factor: number, anchor: number, limits: TimeDomain): TimeDomain {
  const span = domain.to - domain.from;
  const newSpan = Math.min(limits.to - limits.from, Math.max(MIN_SPAN_MS, span * factor));
  const at = domain.from + anchor * span;
  return clampDomain({ from: at - anchor * newSpan, to: at - anchor * newSpan + newSpan }, limits);
}

/** Pans by a fraction of the visible span (negative: earlier). */
export function panBy(domain: TimeDomain, fraction: number, limits: TimeDomain): TimeDomain {
  const shift = (domain.to - domain.from) * fraction;
  return clampDomain({ from: domain.from + shift, to: domain.to + shift }, limits);
}

/** Keeps a window inside the data's limits without changing its span (unless it is wider). */
export function clampDomain(domain: TimeDomain, limits: TimeDomain): TimeDomain {
  const span = Math.min(domain.to - domain.from, limits.to - limits.from);
  let from = Math.max(limits.from, domain.from);
  if (from + span > limits.to) from = limits.to - span;
  return { from, to: from + span };
}

/** The domain for a selection between two fractions of the width (in any order). */
export function selectionDomain(domain: TimeDomain, a: number, b: number, limits: TimeDomain): TimeDomain {
  const span = domain.to - domain.from;
  const left = domain.from + Math.min(a, b) * span;
  const right = domain.from + Math.max(a, b) * span;
  if (right - left < MIN_SPAN_MS) {
    const middle = (left + right) / 2;
    return clampDomain({ from: middle - MIN_SPAN_MS / 2, to: middle + MIN_SPAN_MS / 2 }, limits);
  }
  return clampDomain({ from: left, to: right }, limits);
}

/** Round, readable tick positions for a time axis (UTC hours, days, months). */
export function timeTicks(domain: TimeDomain, maxTicks: number): number[] {
  const span = domain.to - domain.from;
  const hour = 3_600_000;
  const day = 24 * hour;
  const steps = [
    60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day,
  ];
  const step = steps.find((s) => span / s <= maxTicks);
  if (step !== undefined) {
    const ticks: number[] = [];
    const offset = step === 7 * day || step === 14 * day ? 4 * day : 0; // weeks start on Monday (1970-01-05)
    for (let t = Math.ceil((domain.from - offset) / step) * step + offset; t <= domain.to; t += step) ticks.push(t);
    return ticks;
  }
  const monthsPerTick = [1, 2, 3, 6, 12, 24, 60].find((m) => span / (m * 30.44 * day) <= maxTicks) ?? 120;
  const ticks: number[] = [];
  const start = new Date(domain.from);
  let year = start.getUTCFullYear();
  let month = Math.ceil(start.getUTCMonth() / monthsPerTick) * monthsPerTick;
  for (;;) {
    const t = Date.UTC(year, month, 1);
    if (t > domain.to) break;
    if (t >= domain.from) ticks.push(t);
    month += monthsPerTick;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
  }
  return ticks;
}
