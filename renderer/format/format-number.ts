/** Numbers for people: 3 significant digits, thousands separated, SI suffix for big values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 1) return trim(value);
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A value with its unit: `45.3 %`, `1.2k IOPS`, `820 GiB`. */
export function formatWithUnit(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit === '' || unit === 'count') return number;
  if (unit === '%') return `${number}%`;
  return `${number} ${unit}`;
}

/** A count with separators: 1,234,567. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Bytes as KiB/MiB/GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
