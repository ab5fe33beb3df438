/**
 * The shape of a series' time axis: its resolution (the typical sampling interval)
 * and its gaps. Shown on the Data screen and used by every model that needs evenly
 * spaced data, so that imputation is a visible decision and never a silent one.
 */

export interface Gap {
  /** Time of the last sample before the gap (ms since the epoch). */
  readonly afterMs: number;
  /** Time of the first sample after the gap. */
  readonly beforeMs: number;
}

export interface SeriesShape {
  readonly points: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The median interval between consecutive samples, in ms; undefined below 2 points. */
  readonly resolutionMs: number | undefined;
  /** Intervals longer than {@link GAP_FACTOR} × the resolution. */
  readonly gapCount: number;
  /** Time missing inside gaps: each gap's length minus one resolution step, summed. */
  readonly gapMs: number;
  /** The longest gaps, longest first (at most {@link MAX_LISTED_GAPS}). */
  readonly largestGaps: readonly Gap[];
}

/**
 * Evenly spaced times `start + i·step` for i < length, described instead of listed: the
 * workspace stores most chunks this way, and measuring them needs no array at all.
 */
export interface RegularBlock {
  readonly start: number;
  readonly step: number;
  readonly length: number;
}

export type TimeBlock = ArrayLike<number> | RegularBlock;

function isRegular(block: TimeBlock): block is RegularBlock {
  return 'step' in block;
}

function firstTime(block: TimeBlock): number {
  return isRegular(block) ? block.start : (block[0] as number);
}

function lastTime(block: TimeBlock): number {
  return isRegular(block) ? block.start + (block.length - 1) * block.step : (block[block.length - 1] as number);
}

/** An interval counts as a gap when longer than this many resolution steps. */
export const GAP_FACTOR = 1.5;
export const MAX_LISTED_GAPS = 20;

/**
 * Median of positive intervals, over a sample of at most `maxSamples` intervals spread
 * evenly over the series (exact for regular series, close otherwise).
 */
function medianInterval(blocks: Iterable<TimeBlock>, total: number, maxSamples = 100_000): number | undefined {
  if (total < 2) return undefined;
  const stride = Math.max(1, Math.floor((total - 1) / maxSamples));
  const intervals: number[] = [];
  let index = 0;
  let previous: number | undefined;
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (isRegular(block)) {
      // The interval into the block, then (length − 1) intervals of `step`, sampled at the stride.
      if (previous !== undefined && index % stride === 0 && block.start > previous) intervals.push(block.start - previous);
      const sampled = Math.floor((index + block.length - 1) / stride) - Math.floor(index / stride);
      if (block.step > 0) for (let k = 0; k < sampled; k++) intervals.push(block.step);
      index += block.length;
      previous = lastTime(block);
      continue;
    }
    for (let i = 0; i < block.length; i++, index++) {
      const t = block[i] as number;
      if (previous !== undefined && index % stride === 0 && t > previous) intervals.push(t - previous);
      previous = t;
    }
  }
  if (intervals.length === 0) return undefined;
  intervals.sort((a, b) => a - b);
  return intervals[Math.floor((intervals.length - 1) / 2)];
}

/**
 * Computes resolution and gaps of a sorted time axis given as consecutive blocks
 * (the workspace stores series in chunks). Blocks are read twice, one at a time, so a
 * caller can decode them on the fly and a 10 M-point series never sits in memory whole;
 * evenly spaced blocks can be described ({@link RegularBlock}) instead of listed.
 * @param blocks sorted timestamps in ms, as consecutive blocks; an array, or a function
 *   returning a fresh iterable of them for each pass
 * @throws {RangeError} when the blocks hold no point at all
 * @example seriesShape([[0, 60_000, 120_000, 300_000]]).gapCount // 1
 */
export function seriesShape(blocks: readonly TimeBlock[] | (() => Iterable<TimeBlock>)): SeriesShape {
  const pass = typeof blocks === 'function' ? blocks : () => blocks;
  let points = 0;
  for (const block of pass()) points += block.length;
  if (points === 0) throw new RangeError('a series without points has no shape');
  const resolutionMs = medianInterval(pass(), points);
  let startMs = Number.NaN;
  let gapCount = 0;
  let gapMs = 0;
  const gaps: Gap[] = [];
  let previous: number | undefined;
  const threshold = resolutionMs === undefined ? Infinity : resolutionMs * GAP_FACTOR;
  const interval = (from: number, to: number): void => {
    if (to - from > threshold && resolutionMs !== undefined) {
      gapCount++;
      gapMs += to - from - resolutionMs;
      insertLargest(gaps, { afterMs: from, beforeMs: to });
    }
  };
  for (const block of pass()) {
    if (block.length === 0) continue;
    if (previous === undefined) startMs = firstTime(block);
    else interval(previous, firstTime(block));
    if (isRegular(block)) {
      if (block.step > threshold && resolutionMs !== undefined) {
        // Every step inside the block is a gap of the same length.
        for (let i = 1; i < block.length; i++) interval(block.start + (i - 1) * block.step, block.start + i * block.step);
      }
      previous = lastTime(block);
      continue;
    }
    for (let i = 1; i < block.length; i++) interval(block[i - 1] as number, block[i] as number);
    previous = block[block.length - 1] as number;
  }
  const endMs = previous ?? startMs;
  return { points, startMs, endMs, resolutionMs, gapCount, gapMs, largestGaps: gaps };
}

function insertLargest(gaps: Gap[], gap: Gap): void {
  const length = gap.beforeMs - gap.afterMs;
  if (gaps.length === MAX_LISTED_GAPS) {
    const last = gaps[gaps.length - 1];
    if (last !== undefined && last.beforeMs - last.afterMs >= length) return;
    gaps.pop();
  }
  let at = gaps.findIndex((g) => g.beforeMs - g.afterMs < length);
  if (at < 0) at = gaps.length;
  gaps.splice(at, 0, gap);
}
