/**
 * What the columns of a `sadf -d` activity block mean, by name: sysstat renames and
 * adds columns between versions (`rd_sec/s` became `rkB/s`), so nothing is read by
 * position. Column names are those of `sar` (`man sar`; https://github.com/sysstat/sysstat).
 */

/**
 * Text columns that say which CPU, device, interface … a row is about, and the label
 * each becomes. Everything else after `hostname;interval;timestamp` is a value.
 */
const IDENTITY_LABELS: Readonly<Record<string, string>> = {
  CPU: 'cpu', // -u, -P, -m CPU, -n SOFT: -1 is all CPUs
  INTR: 'intr', // -I: -1 is the sum of all interrupts
  DEV: 'device', // -d
  IFACE: 'iface', // -n DEV, -n EDEV
  TTY: 'tty', // -y
  FILESYSTEM: 'filesystem', // -F
  MOUNTPOINT: 'mountpoint', // -F MOUNT
  FCHOST: 'fchost', // -n FC
  DEVICE: 'device', // -m FAN/IN/TEMP: the sensor's device name
  FAN: 'sensor',
  IN: 'sensor',
  TEMP: 'sensor',
  BAT: 'battery', // -m BAT
  BUS: 'bus', // -m USB
  idvendor: 'idvendor',
  idprod: 'idprod',
  manufact: 'manufact',
  product: 'product',
};

/**
 * The label a column becomes when it identifies the row's subject (CPU, DEV, IFACE …),
 * or undefined for a value column.
 * @example sadfIdentityLabel('IFACE') // 'iface'
 * @example sadfIdentityLabel('%user') // undefined
 */
export function sadfIdentityLabel(column: string): string | undefined {
  return Object.hasOwn(IDENTITY_LABELS, column) ? IDENTITY_LABELS[column] : undefined;
}

/**
 * The label value of an identity cell: sadf writes -1 for "all CPUs" and "all
 * interrupts", which sar shows as `all` and `sum`.
 * @example sadfIdentityValue('CPU', '-1') // 'all'
 * @example sadfIdentityValue('DEV', 'dev8-0') // 'dev8-0'
 */
export function sadfIdentityValue(column: string, text: string): string {
  const value = text.trim();
  if (value === '-1') {
    if (column === 'CPU') return 'all';
    if (column === 'INTR') return 'sum';
  }
  return value;
}

/**
 * The unit of a sar value column, from its name: `%…` → %, `…kB/s` → KiB/s and
 * `kb…` → KiB (sysstat's kilobytes are 1024 bytes), other `…/s` → /s, else '' (the
 * name says nothing we can rely on).
 * @example sadfUnit('%iowait') // '%'
 * @example sadfUnit('rxkB/s') // 'KiB/s'
 * @example sadfUnit('kbmemused') // 'KiB'
 * @example sadfUnit('pgfault/s') // '/s'
 * @example sadfUnit('tps') // ''
 */
export function sadfUnit(column: string): string {
  if (column.startsWith('%')) return '%';
  if (column.endsWith('kB/s')) return 'KiB/s';
  if (column.startsWith('kb')) return 'KiB';
  if (column.endsWith('/s')) return '/s';
  return '';
}
