import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeChunk, encodeChunk, SUMMARY_BLOCK } from './chunk-codec.js';

const row = (c: ReturnType<typeof encodeChunk>) => ({ start_ms: c.startMs, n: c.n, step_ms: c.stepMs, times: c.times, vals: c.vals });

describe('chunk codec', () => {
  it('stores evenly spaced times as a step, not a blob', () => {
    const times = Float64Array.from({ length: 300 }, (_, i) => 1_700_000_000_000 + i * 60_000);
    const values = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i));
    const chunk = encodeChunk(times, values, 300);
    expect(chunk.stepMs).toBe(60_000);
    expect(chunk.times).toBeNull();
    expect(chunk.summary.byteLength).toBe(Math.ceil(300 / SUMMARY_BLOCK) * 32);
    const decoded = decodeChunk(row(chunk));
    expect([...decoded.times]).toEqual([...times]);
    expect([...decoded.values]).toEqual([...values]);
  });

  it('round-trips any sorted times and finite values, with exact min/max/sum (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 600 }),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 600, maxLength: 600 }),
        (rawTimes, rawValues) => {
          const times = Float64Array.from([...rawTimes].sort((a, b) => a - b));
          const values = Float64Array.from(rawValues.slice(0, times.length));
          const chunk = encodeChunk(times, values, times.length);
          const decoded = decodeChunk(row(chunk));
          expect([...decoded.times]).toEqual([...times]);
          expect([...decoded.values]).toEqual([...values]);
          expect(chunk.vMin).toBe(Math.min(...values));
          expect(chunk.vMax).toBe(Math.max(...values));
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  it('decodes blobs that SQLite hands back at an unaligned offset', () => {
    const times = Float64Array.from([1, 5, 6]);
    const values = Float64Array.from([0.5, 1.5, 2.5]);
    const chunk = encodeChunk(times, values, 3);
    const shifted = Buffer.alloc(chunk.vals.byteLength + 1);
    chunk.vals.copy(shifted, 1);
    const decoded = decodeChunk({ ...row(chunk), vals: shifted.subarray(1) });
    expect([...decoded.values]).toEqual([0.5, 1.5, 2.5]);
  });
});
