import { findUnit, type UnitDefinition } from '../../units/unit-catalog.js';

/**
 * Reads a formatted value as Grafana's "Formatted data" CSV writes it — a number, then
 * the unit the panel displays (`45.3%`, `1.2 GB`, `820 MiB`, `12.5 ms`, `3.4 K`). Grafana
 * scales each value on its own (980 MB, then 1.2 GB), so the caller converts to one unit
 * per column. Short-scale suffixes (K, Mil, Bil, Tri, from Grafana's `short` unit) are
 * multipliers, not units. A leading `'` (Grafana's guard against spreadsheet formulas)
 * is dropped.
 */
export interface ValueWithUnit {
  /** The number, after any short-scale multiplier. */
  readonly value: number;
  /** The unit written after it, when it is one the catalog knows. */
  readonly unit: UnitDefinition | undefined;
}

const SHORT_SCALE: Readonly<Record<string, number>> = { K: 1e3, k: 1e3, Mil: 1e6, M: 1e6, Bil: 1e9, B: 1e9, Tri: 1e12, T: 1e12 };
/** Grafana's display names that are not our symbols. */
const ALIASES: Readonly<Record<string, string>> = {
  µs: 'us', 'μs': 'us', sec: 's', mins: 'min', hour: 'h', hours: 'h', Bps: 'B/s', 'B/sec': 'B/s', 'ops/s': '/s', 'req/s': '/s', 'rps': '/s', iops: 'IOPS',
  KB: 'kB', 'KB/s': 'kB/s', 'kBs': 'kB/s', 'MBs': 'MB/s', 'GBs': 'GB/s', 'MiBs': 'MiB/s', 'KiBs': 'KiB/s',
};

const PATTERN = /^\s*'?([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\d\s][^\s]*(?:\s[^\s]+)?)?\s*$/;

/**
 * @returns the value and its unit, or undefined when the text is not a number with a unit
 * @example parseValueWithUnit('1.2 GB') // { value: 1.2, unit: GB }
 * @example parseValueWithUnit('3.4 K') // { value: 3400, unit: undefined }
 */
export function parseValueWithUnit(text: string): ValueWithUnit | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  const suffix = match[2];
  if (suffix === undefined) return { value, unit: undefined };
  const scale = SHORT_SCALE[suffix];
  // 'B' alone is bytes, not billions: a unit wins over a multiplier when both could be meant.
  const unit = findUnit(ALIASES[suffix] ?? suffix);
  if (unit !== undefined && suffix !== 'M' && suffix !== 'T' && suffix !== 'K' && suffix !== 'k') return { value, unit };
  if (scale !== undefined) return { value: value * scale, unit: undefined };
  return unit === undefined ? undefined : { value, unit };
}

/**
 * Converts a value in `from` to `to` when both measure the same thing (GB → GiB);
 * undefined when they do not (ms → GiB).
 * @example convertUnit(1.5, findUnit('GB'), findUnit('MB')) // 1500
 */
export function convertUnit(value: number, from: UnitDefinition, to: UnitDefinition): number | undefined {
  if (from.dimension !== to.dimension) return undefined;
  return (value * from.factor) / to.factor;
}
