/**
 * Vendor unit names mapped to the unit catalog (unit-catalog.ts). Each table follows
 * the vendor's documented enum; an unknown name is kept as written (and reported).
 */

/** AWS CloudWatch `StandardUnit` (API reference, MetricDatum.Unit). */
const CLOUDWATCH: Readonly<Record<string, string>> = {
  Seconds: 's', Microseconds: 'us', Milliseconds: 'ms',
  Bytes: 'B', Kilobytes: 'kB', Megabytes: 'MB', Gigabytes: 'GB', Terabytes: 'TB',
  Bits: 'bit', Kilobits: 'kbit', Megabits: 'Mbit', Gigabits: 'Gbit', Terabits: 'Tbit',
  Percent: '%', Count: 'count', None: '',
  'Bytes/Second': 'B/s', 'Kilobytes/Second': 'kB/s', 'Megabytes/Second': 'MB/s', 'Gigabytes/Second': 'GB/s', 'Terabytes/Second': 'TB/s',
  'Bits/Second': 'bit/s', 'Kilobits/Second': 'kbit/s', 'Megabits/Second': 'Mbit/s', 'Gigabits/Second': 'Gbit/s', 'Terabits/Second': 'Tbit/s',
  'Count/Second': '/s',
};

/** Azure Monitor `MetricUnit` (REST API 2018-01-01 and later). */
const AZURE: Readonly<Record<string, string>> = {
  Count: 'count', Bytes: 'B', Seconds: 's', MilliSeconds: 'ms', Milliseconds: 'ms', CountPerSecond: '/s', BytesPerSecond: 'B/s',
  Percent: '%', ByteSeconds: 'B·s', Unspecified: '', Cores: 'cores', MilliCores: 'millicores', NanoCores: 'nanocores', BitsPerSecond: 'bit/s',
};

/** Google Cloud Monitoring units: the UCUM subset its MetricDescriptor documents. */
const GCP: Readonly<Record<string, string>> = {
  '1': '', By: 'B', kBy: 'kB', MBy: 'MB', GBy: 'GB', TBy: 'TB', KiBy: 'KiB', MiBy: 'MiB', GiBy: 'GiB', TiBy: 'TiB',
  bit: 'bit', s: 's', ms: 'ms', us: 'us', ns: 'ns', min: 'min', h: 'h', '%': '%',
  // '10^2.%' is 100 × 1 %: a fraction from 0 to 1 (Cloud Monitoring's CPU utilisation).
  '10^2.%': 'ratio',
  'By/s': 'B/s', 'kBy/s': 'kB/s', 'MiBy/s': 'MiB/s', '1/s': '/s', 's{CPU}': 's', '{request}/s': '/s', '{operation}/s': '/s',
};

/** Datadog unit `name`s (metrics API `unit[].name`) for the families capacity work sees. */
const DATADOG: Readonly<Record<string, string>> = {
  percent: '%', fraction: 'ratio', byte: 'B', kibibyte: 'KiB', mebibyte: 'MiB', gibibyte: 'GiB', tebibyte: 'TiB',
  kilobyte: 'kB', megabyte: 'MB', gigabyte: 'GB', terabyte: 'TB', bit: 'bit',
  nanosecond: 'ns', microsecond: 'us', millisecond: 'ms', second: 's', minute: 'min', hour: 'h',
  operation: 'count', request: 'count', query: 'count', connection: 'count', process: 'count', thread: 'count', transaction: 'count', core: 'cores',
};

function lookup(table: Readonly<Record<string, string>>, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** @example cloudWatchUnit('Percent') // '%' */
export function cloudWatchUnit(name: string | undefined): string | undefined {
  return lookup(CLOUDWATCH, name);
}

/** @example azureUnit('BytesPerSecond') // 'B/s' */
export function azureUnit(name: string | undefined): string | undefined {
  return lookup(AZURE, name);
}

/** @example gcpUnit('By') // 'B' */
export function gcpUnit(name: string | undefined): string | undefined {
  return lookup(GCP, name);
}

/**
 * A Datadog unit pair (numerator, optional denominator) as one unit: `byte`/`second` → B/s.
 * @example datadogUnit([{ name: 'byte' }, { name: 'second' }]) // 'B/s'
 */
export function datadogUnit(pair: readonly ({ readonly name?: unknown } | null | undefined)[] | null | undefined): string | undefined {
  if (pair === null || pair === undefined) return undefined;
  const [numerator, denominator] = pair;
  const top = typeof numerator?.name === 'string' ? lookup(DATADOG, numerator.name) ?? numerator.name : undefined;
  if (top === undefined) return undefined;
  if (denominator === null || denominator === undefined || typeof denominator.name !== 'string') return top;
  if (denominator.name === 'second') return top === 'count' ? '/s' : `${top}/s`;
  return `${top}/${lookup(DATADOG, denominator.name) ?? denominator.name}`;
}
