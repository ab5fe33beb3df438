/**
 * A forecast horizon as people write it: a number of steps (`12`), or a duration —
 * `90d`, `6w`, `18mo`, `2y`, `36h`. Months are calendar months from the last observation.
 */
export type Horizon = { readonly kind: 'steps'; readonly steps: number } | { readonly kind: 'duration'; readonly unit: 'h' | 'd' | 'w' | 'mo' | 'y'; readonly count: number };

/**
 * @throws {RangeError} for text that is none of those forms
 * @example parseHorizon('18mo') // { kind: 'duration', unit: 'mo', count: 18 }
 */
export function parseHorizon(text: string): Horizon {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) {
    const steps = Number(trimmed);
    if (steps < 1) throw new RangeError('the horizon must be at least one step');
    return { kind: 'steps', steps };
  }
  const match = /^(\d+(?:\.\d+)?)\s*(h|d|w|mo|m|y)$/.exec(trimmed);
  if (match === null) throw new RangeError(`horizon '${text}' is not a number of steps or a duration such as 90d, 6w, 18mo, 2y`);
  const count = Number(match[1]);
  if (!(count > 0)) throw new RangeError('the horizon must be positive');
  const unit = match[2] === 'm' ? 'mo' : (match[2] as 'h' | 'd' | 'w' | 'mo' | 'y');
  return { kind: 'duration', unit, count };
}

/** The end of a duration horizon after `fromMs` (calendar months and years in UTC). */
export function horizonEndMs(horizon: Extract<Horizon, { kind: 'duration' }>, fromMs: number): number {
  const hour = 3_600_000;
  if (horizon.unit === 'h') return fromMs + horizon.count * hour;
  if (horizon.unit === 'd') return fromMs + horizon.count * 24 * hour;
  if (horizon.unit === 'w') return fromMs + horizon.count * 7 * 24 * hour;
  const months = horizon.unit === 'y' ? horizon.count * 12 : horizon.count;
  const whole = Math.floor(months);
  const d = new Date(fromMs);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + whole, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return end + (months - whole) * 30.44 * 24 * hour;
}
