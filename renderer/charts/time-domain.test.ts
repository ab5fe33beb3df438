import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampDomain, MIN_SPAN_MS, panBy, selectionDomain, timeTicks, zoomAt } from './time-domain.js';

const limits = { from: 0, to: 1_000_000_000 };

describe('time-domain arithmetic', () => {
  it('zooms around the cursor: the time under it stays put', () => {
    const domain = { from: 100_000_000, to: 300_000_000 };
    const zoomed = zoomAt(domain, 0.5, 0.25, limits);
    expect(zoomed).toEqual({ from: 125_000_000, to: 225_000_000 });
    expect(zoomed.from + 0.25 * (zoomed.to - zoomed.from)).toBe(domain.from + 0.25 * (domain.to - domain.from));
  });

  it('never leaves the data, never zooms below a minute, never wider than the data (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_000_000 }), fc.integer({ min: MIN_SPAN_MS, max: 1_000_000_000 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (from, span, factor, anchor) => {
        const domain = clampDomain({ from, to: from + span }, limits);
        for (const next of [zoomAt(domain, factor, anchor, limits), panBy(domain, factor - 50, limits), selectionDomain(domain, anchor, 1 - anchor, limits)]) {
          expect(next.from).toBeGreaterThanOrEqual(limits.from);
          expect(next.to).toBeLessThanOrEqual(limits.to + 1e-6);
          expect(next.to - next.from).toBeGreaterThanOrEqual(Math.min(MIN_SPAN_MS, limits.to - limits.from) - 1e-6);
        }
      }),
      { seed: 23, numRuns: 1000 },
    );
  });

  it('places ticks on round UTC times', () => {
    const day = 86_400_000;
    const ticks = timeTicks({ from: Date.UTC(2026, 0, 1, 5), to: Date.UTC(2026, 0, 4) }, 8);
    expect(ticks.every((t) => t % (12 * 3_600_000) === 0)).toBe(true);
    const months = timeTicks({ from: Date.UTC(2025, 9, 1), to: Date.UTC(2026, 9, 31) }, 8);
    // Two-month steps aligned to the year: Nov, Jan, Mar, …
    expect(months.map((t) => new Date(t).getUTCMonth())).toEqual([10, 0, 2, 4, 6, 8]);
    expect(timeTicks({ from: 0, to: 30 * day }, 5).length).toBeLessThanOrEqual(5);
  });
});
