/**
 * The units a series can carry. A unit has a dimension, and a factor to the dimension's
 * base unit, so that a later model can convert GiB to bytes but never GiB to seconds.
 */
export type Dimension =
  | 'ratio'
  | 'data'
  | 'time'
  | 'rate'
  | 'data-rate'
  | 'count'
  | 'none';

export interface UnitDefinition {
  /** Canonical symbol shown in the UI and written to exports. */
  readonly id: string;
  readonly dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get the dimension's base unit. */
  readonly factor: number;
  readonly label: string;
}

const KIB = 1024;
const units: readonly UnitDefinition[] = [
  { id: '%', dimension: 'ratio', factor: 0.01, label: 'percent' },
  { id: 'ratio', dimension: 'ratio', factor: 1, label: 'ratio (0–1)' },
  { id: 'B', dimension: 'data', factor: 1, label: 'bytes' },
  { id: 'KiB', dimension: 'data', factor: KIB, label: 'kibibytes' },
  { id: 'MiB', dimension: 'data', factor: KIB ** 2, label: 'mebibytes' },
  { id: 'GiB', dimension: 'data', factor: KIB ** 3, label: 'gibibytes' },
  { id: 'TiB', dimension: 'data', factor: KIB ** 4, label: 'tebibytes' },
  { id: 'kB', dimension: 'data', factor: 1e3, label: 'kilobytes' },
  { id: 'MB', dimension: 'data', factor: 1e6, label: 'megabytes' },
  { id: 'GB', dimension: 'data', factor: 1e9, label: 'gigabytes' },
  { id: 'TB', dimension: 'data', factor: 1e12, label: 'terabytes' },
  { id: 'bit', dimension: 'data', factor: 1 / 8, label: 'bits' },
  { id: 'kbit', dimension: 'data', factor: 1e3 / 8, label: 'kilobits' },
  { id: 'Mbit', dimension: 'data', factor: 1e6 / 8, label: 'megabits' },
  { id: 'Gbit', dimension: 'data', factor: 1e9 / 8, label: 'gigabits' },
  { id: 'ns', dimension: 'time', factor: 1e-9, label: 'nanoseconds' },
  { id: 'us', dimension: 'time', factor: 1e-6, label: 'microseconds' },
  { id: 'ms', dimension: 'time', factor: 1e-3, label: 'milliseconds' },
  { id: 's', dimension: 'time', factor: 1, label: 'seconds' },
  { id: 'min', dimension: 'time', factor: 60, label: 'minutes' },
  { id: 'h', dimension: 'time', factor: 3600, label: 'hours' },
  { id: '/s', dimension: 'rate', factor: 1, label: 'per second' },
  { id: 'IOPS', dimension: 'rate', factor: 1, label: 'I/O operations per second' },
  { id: 'QPS', dimension: 'rate', factor: 1, label: 'queries per second' },
  { id: 'TPS', dimension: 'rate', factor: 1, label: 'transactions per second' },
  { id: 'B/s', dimension: 'data-rate', factor: 1, label: 'bytes per second' },
  { id: 'KiB/s', dimension: 'data-rate', factor: KIB, label: 'kibibytes per second' },
  { id: 'MiB/s', dimension: 'data-rate', factor: KIB ** 2, label: 'mebibytes per second' },
  { id: 'kB/s', dimension: 'data-rate', factor: 1e3, label: 'kilobytes per second' },
  { id: 'MB/s', dimension: 'data-rate', factor: 1e6, label: 'megabytes per second' },
  { id: 'GB/s', dimension: 'data-rate', factor: 1e9, label: 'gigabytes per second' },
  { id: 'bit/s', dimension: 'data-rate', factor: 1 / 8, label: 'bits per second' },
  { id: 'Mbit/s', dimension: 'data-rate', factor: 1e6 / 8, label: 'megabits per second' },
  { id: 'Gbit/s', dimension: 'data-rate', factor: 1e9 / 8, label: 'gigabits per second' },
  { id: 'count', dimension: 'count', factor: 1, label: 'count' },
  { id: 'cores', dimension: 'count', factor: 1, label: 'CPU cores' },
  { id: '', dimension: 'none', factor: 1, label: 'no unit' },
];

const byId = new Map(units.map((u) => [u.id, u]));
const byLowerId = new Map(units.map((u) => [u.id.toLowerCase(), u]));

/** All known units, in display order. */
export function knownUnits(): readonly UnitDefinition[] {
  return units;
}

/**
 * Looks a unit up by its symbol, case-insensitively when the exact case is unknown
 * (`gib` → GiB). Returns undefined for an unknown symbol.
 * @example findUnit('GiB')?.dimension // 'data'
 */
export function findUnit(symbol: string): UnitDefinition | undefined {
  return byId.get(symbol) ?? byLowerId.get(symbol.toLowerCase());
}
