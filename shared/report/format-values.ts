/**
 * How numbers read in a report: the same rules in HTML tables, chart labels and CSV
 * cells' neighbours, so a figure looks the same wherever it appears.
 */

/**
 * A measurement: whole numbers from 100 (with thousands separators), one decimal from 10,
 * three significant digits below; '—' for null.
 * @example formatAmount(1247.3) // '1,247'
 */
export function formatAmount(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  if (abs >= 100) return Math.round(x).toLocaleString('en-US');
  if (abs >= 10) return x.toFixed(1);
  if (abs === 0) return '0';
  return x.toPrecision(3);
}

/**
 * Money, whole units with thousands separators.
 * @example formatMoney(38263.4, 'USD') // '38,263 USD'
 */
export function formatMoney(x: number | null, currency: string): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${Math.round(x).toLocaleString('en-US')}${currency === '' ? '' : ` ${currency}`}`;
}

/**
 * A fraction (0–1) as a percentage.
 * @example formatShare(0.8123) // '81.2 %'
 */
export function formatShare(x: number | null, decimals = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(decimals)} %`;
}

/**
 * A duration in seconds, in the largest unit that keeps it readable.
 * @example formatSeconds(5400) // '1.5 h'
 */
export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  if (s < 120) return `${formatAmount(s)} s`;
  if (s < 7200) return `${formatAmount(s / 60)} min`;
  if (s < 2 * 86_400) return `${formatAmount(s / 3600)} h`;
  return `${formatAmount(s / 86_400)} d`;
}

/**
 * Bytes in binary units.
 * @example formatBytes(3_063_411) // '2.92 MiB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? String(value) : formatAmount(value)} ${units[unit] ?? 'B'}`;
}
