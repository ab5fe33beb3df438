/**
 * Durations as people write them in a DR plan: a number of seconds (`90`), or text with
 * units — `250ms`, `90s`, `15m`, `1.5h`, `7d`, `2w`, and sums such as `1h30m` or `2d 12h`.
 * Months and years are refused: their length varies, and a plan should say what it means.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86_400, w: 604_800 };
const PART = /(\d+(?:\.\d+)?)\s*(ms|sec|min|s|m|h|d|w)/gy;

/**
 * Parses a duration to seconds.
 * @param value a non-negative finite number of seconds, or text such as `"7d"`, `"1h30m"`
 * @returns seconds, or `undefined` when the value is not a duration
 * @example parseDurationSeconds('1h30m') // 5400
 * @example parseDurationSeconds(90) // 90
 */
export function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let index = 0;
  PART.lastIndex = 0;
  while (index < text.length) {
    while (text[index] === ' ') index++;
    if (index >= text.length) break;
    PART.lastIndex = index;
    const match = PART.exec(text);
    if (match === null) return undefined;
    total += Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? Number.NaN);
    index = PART.lastIndex;
  }
  return Number.isFinite(total) ? total : undefined;
}

/**
 * A duration for people, three significant digits in the largest sensible unit.
 * @example formatSeconds(9000) // '2.5 h'
 * @example formatSeconds(null) // 'no recovery'
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'no recovery';
  if (seconds === 0) return '0';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${Number(seconds.toPrecision(3))} s`;
  if (seconds < 7200) return `${Number((seconds / 60).toPrecision(3))} min`;
  if (seconds < 172_800) return `${Number((seconds / 3600).toPrecision(3))} h`;
  return `${Number((seconds / 86_400).toPrecision(3))} d`;
}
