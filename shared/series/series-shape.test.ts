import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seriesShape } from './series-shape.js';

describe('seriesShape', () => {
  it('measures resolution and gaps of a regular series with holes', () => {
    const minute = 60_000;
    const times = [0, 1, 2, 3, 10, 11, 12, 20].map((m) => m * minute);
    const shape = seriesShape([times.slice(0, 3), times.slice(3)]);
    expect(shape).toMatchObject({ points: 8, startMs: 0, endMs: 20 * minute, resolutionMs: minute, gapCount: 2 });
    // 3→10 misses 6 minutes, 12→20 misses 7.
    expect(shape.gapMs).toBe(13 * minute);
    expect(shape.largestGaps[0]).toEqual({ afterMs: 12 * minute, beforeMs: 20 * minute });
  });

  it('has no resolution for a single point, and refuses an empty series', () => {
    expect(seriesShape([[5]])).toMatchObject({ points: 1, resolutionMs: undefined, gapCount: 0 });
    expect(() => seriesShape([[]])).toThrow(RangeError);
  });

  it('never counts more missing time than the series spans (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 300 }), (raw) => {
        const times = [...raw].sort((a, b) => a - b);
        const shape = seriesShape([times]);
        expect(shape.gapMs).toBeLessThanOrEqual(shape.endMs - shape.startMs);
        expect(shape.gapCount).toBeLessThan(times.length);
        expect(shape.largestGaps.length).toBeLessThanOrEqual(Math.min(20, shape.gapCount));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('seriesShape of described (regular) blocks', () => {
  it('measures a described block exactly as the listed one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 8 }),
        (spec) => {
          const listed: number[][] = [];
          const described: { start: number; step: number; length: number }[] = [];
          let t = 0;
          for (const [length, step, pause] of spec) {
            t += pause * 1000 + 1000;
            listed.push(Array.from({ length }, (_, i) => t + i * step * 1000));
            described.push({ start: t, step: step * 1000, length });
            t += (length - 1) * step * 1000;
          }
          const a = seriesShape(listed);
          const b = seriesShape(described);
          expect(b).toEqual(a);
        },
      ),
      { seed: 29, numRuns: 400 },
    );
  });
});
