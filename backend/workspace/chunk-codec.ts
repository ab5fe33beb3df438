import { endianness } from 'node:os';

/**
 * Encodes a chunk of a series — sorted times and their values — as stored in the
 * `chunk` table: values as little-endian float64; times as an integer step when they
 * are evenly spaced (most exports), else as float64 ms.
 */

if (endianness() !== 'LE') {
  // Blobs are raw typed-array bytes; every platform Electron ships on is little-endian.
  throw new Error('Headroom workspaces need a little-endian machine');
}

/** Points per chunk: large enough that 10 M points are ~1 200 rows, small enough to zoom fast. */
export const CHUNK_POINTS = 8192;

export interface EncodedChunk {
  readonly startMs: number;
  readonly endMs: number;
  readonly n: number;
  readonly vMin: number;
  readonly vMax: number;
  readonly vSum: number;
  readonly stepMs: number | null;
  readonly times: Buffer | null;
  readonly vals: Buffer;
  /** Per block of {@link SUMMARY_BLOCK} points: first time, last time, min, max (float64 each). */
  readonly summary: Buffer;
}

/** Points per summary block inside a chunk. */
export const SUMMARY_BLOCK = 128;

export interface DecodedChunk {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/** Encodes the first `n` points (times must be sorted ascending and distinct). */
export function encodeChunk(times: Float64Array, values: Float64Array, n: number): EncodedChunk {
  if (n < 1) throw new RangeError('a chunk needs at least one point');
  let vMin = Infinity;
  let vMax = -Infinity;
  let vSum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < vMin) vMin = v;
    if (v > vMax) vMax = v;
    vSum += v;
  }
  const startMs = times[0] as number;
  const endMs = times[n - 1] as number;
  const stepMs = regularStep(times, n);
  const blocks = Math.ceil(n / SUMMARY_BLOCK);
  const summary = new Float64Array(blocks * 4);
  for (let b = 0; b < blocks; b++) {
    const first = b * SUMMARY_BLOCK;
    const last = Math.min(n, first + SUMMARY_BLOCK) - 1;
    let min = Infinity;
    let max = -Infinity;
    for (let i = first; i <= last; i++) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    summary[b * 4] = times[first] as number;
    summary[b * 4 + 1] = times[last] as number;
    summary[b * 4 + 2] = min;
    summary[b * 4 + 3] = max;
  }
  return {
    startMs,
    endMs,
    n,
    vMin,
    vMax,
    vSum,
    stepMs,
    times: stepMs === null ? Buffer.from(times.buffer, times.byteOffset, n * 8) : null,
    vals: Buffer.from(values.buffer, values.byteOffset, n * 8),
    summary: Buffer.from(summary.buffer),
  };
}

function regularStep(times: Float64Array, n: number): number | null {
  if (n === 1) return 0;
  const start = times[0] as number;
  const step = (times[1] as number) - start;
  if (!Number.isInteger(step) || step <= 0 || !Number.isInteger(start)) return null;
  for (let i = 2; i < n; i++) if (times[i] !== start + i * step) return null;
  return step;
}

export interface StoredTimes {
  readonly start_ms: number;
  readonly n: number;
  readonly step_ms: number | null;
  readonly times: Buffer | null;
}

/** Turns stored bytes back into typed arrays (copying only when SQLite's buffer is misaligned). */
export function decodeChunk(row: StoredTimes & { readonly vals: Buffer }): DecodedChunk {
  return { times: decodeTimes(row), values: float64View(row.vals, row.n) };
}

/** The times of a stored chunk, without touching its values. */
export function decodeTimes(row: StoredTimes): Float64Array {
  if (row.times !== null) return float64View(row.times, row.n);
  const times = new Float64Array(row.n);
  const step = row.step_ms ?? 0;
  for (let i = 0; i < row.n; i++) times[i] = row.start_ms + i * step;
  return times;
}

export function float64View(bytes: Buffer, n: number): Float64Array {
  if (bytes.byteLength !== n * 8) throw new Error(`chunk blob holds ${bytes.byteLength} bytes, expected ${n * 8}`);
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, n);
  const copy = new Float64Array(n);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}
