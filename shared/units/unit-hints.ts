import { findUnit } from './unit-catalog.js';

/**
 * Header suffixes that name a unit, as people write them in column names
 * (`cpu_pct`, `storage_gib`, `latency_ms`, `read_iops`). Matched on the last
 * `_`/`-`/`.`-separated token, or on a unit in brackets or parentheses
 * (`storage (GiB)`, `latency[ms]`).
 */
const suffixUnits: Readonly<Record<string, string>> = {
  pct: '%', percent: '%', perc: '%', util: '%', utilization: '%', utilisation: '%',
  ratio: 'ratio', frac: 'ratio', fraction: 'ratio',
  bytes: 'B', byte: 'B', b: 'B',
  kib: 'KiB', mib: 'MiB', gib: 'GiB', tib: 'TiB',
  kb: 'kB', mb: 'MB', gb: 'GB', tb: 'TB',
  ns: 'ns', us: 'us', usec: 'us', micros: 'us', ms: 'ms', msec: 'ms', millis: 'ms',
  s: 's', sec: 's', secs: 's', seconds: 's', second: 's',
  min: 'min', minutes: 'min', hours: 'h',
  iops: 'IOPS', qps: 'QPS', tps: 'TPS', ops: '/s', rps: '/s', persec: '/s', per_s: '/s',
  bps: 'B/s', kibps: 'KiB/s', mibps: 'MiB/s', mbps: 'MB/s',
  count: 'count', connections: 'count', conns: 'count', sessions: 'count', threads: 'count',
};

/**
 * Guesses a series' unit from its column header. Returns undefined when the header
 * carries no recognisable hint; the caller then asks for a mapping or leaves it unitless.
 * @example unitFromHeader('storage_gib') // 'GiB'
 * @example unitFromHeader('Latency (ms)') // 'ms'
 */
export function unitFromHeader(header: string): string | undefined {
  const bracketed = /[[(]\s*([^\])]+?)\s*[\])]\s*$/.exec(header);
  if (bracketed?.[1] !== undefined) {
    const inner = bracketed[1];
    const known = findUnit(inner) ?? suffixHint(inner.toLowerCase());
    if (known !== undefined) return typeof known === 'string' ? known : known.id;
  }
  const tokens = header.toLowerCase().split(/[_\-.\s]+/).filter((t) => t.length > 0);
  if (tokens.length < 2) return undefined;
  const last = tokens[tokens.length - 1] ?? '';
  const lastTwo = tokens.slice(-2).join('_');
  return suffixHint(lastTwo) ?? suffixHint(last);
}

function suffixHint(token: string): string | undefined {
  return Object.hasOwn(suffixUnits, token) ? suffixUnits[token] : undefined;
}
