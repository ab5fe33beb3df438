import { describe, expect, it } from 'vitest';
import { sadfIdentityLabel, sadfIdentityValue, sadfUnit } from './sadf-columns.js';

// Column names as `sar` prints them (man sar; https://github.com/sysstat/sysstat).
describe('sadf columns', () => {
  it('gives units by name', () => {
    expect(['%user', '%memused', 'kbmemfree', 'kbswpused', 'rkB/s', 'rxkB/s', 'rd_sec/s', 'pgfault/s', 'tps', 'await', 'ldavg-1'].map(sadfUnit)).toEqual([
      '%', '%', 'KiB', 'KiB', 'KiB/s', 'KiB/s', '/s', '/s', '', '', '',
    ]);
  });
  it('knows the identity columns, and nothing inherited', () => {
    expect(['CPU', 'DEV', 'IFACE', 'INTR', 'FILESYSTEM', '%user', 'constructor', 'toString'].map(sadfIdentityLabel)).toEqual([
      'cpu', 'device', 'iface', 'intr', 'filesystem', undefined, undefined, undefined,
    ]);
  });
  it('names -1 as sar does', () => {
    expect([sadfIdentityValue('CPU', '-1'), sadfIdentityValue('CPU', '3'), sadfIdentityValue('INTR', '-1'), sadfIdentityValue('DEV', ' sda ')]).toEqual(['all', '3', 'sum', 'sda']);
  });
});
