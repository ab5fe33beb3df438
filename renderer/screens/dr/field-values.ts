/**
 * Text ↔ plan values for the editor's inputs. Whatever the user types is kept: a
 * number when it reads as one, otherwise the text itself, so validation can point at
 * the field ("expected a number, got "12,5"") instead of the input silently eating it.
 */

/** What an input shows for a plan value. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  return JSON.stringify(value);
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A typed number (or the text when it is not one); empty → undefined (the field is removed). */
export function numberEntry(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMERIC.test(t) ? Number(t) : t;
}

/** A duration: plain digits are seconds, anything else ("15m", "1h30m") is kept as written. */
export function durationEntry(text: string): number | string | undefined {
  return numberEntry(text);
}

/** A list of hours: "1, 13" → [1, 13]; anything unreadable is kept as text for validation to name. */
export function hoursEntry(text: string): number[] | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const parts = t.split(/[,\s]+/).filter((p) => p !== '');
  return parts.every((p) => NUMERIC.test(p)) ? parts.map(Number) : t;
}

export type DistributionMode = 'one' | 'range' | 'lognormal';

/** Which form an uncertain input is written in. */
export function distributionMode(value: unknown): DistributionMode {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return 'p50' in value ? 'lognormal' : 'range';
  return 'one';
}

/** The same input rewritten in another form, keeping what it says as far as the form allows. */
export function convertDistribution(value: unknown, to: DistributionMode): unknown {
  const from = distributionMode(value);
  if (from === to) return value;
  const record = (value ?? {}) as Record<string, unknown>;
  const central = from === 'one' ? value : from === 'range' ? record['likely'] : record['p50'];
  const high = from === 'range' ? record['max'] : from === 'lognormal' ? record['p99'] : value;
  if (to === 'one') return central;
  if (to === 'range') return { min: from === 'range' ? record['min'] : central, likely: central, max: high };
  const p50 = typeof central === 'number' && central > 0 ? central : central ?? 1;
  return { p50, p99: typeof p50 === 'number' && (typeof high !== 'number' || high <= p50) ? p50 * 10 : high };
}
