import type { ImportFormat } from '../format-registry.js';
import { InfluxDbCsvParser } from './influxdb-csv-parser.js';

/** A `#datatype` annotation row, or a header starting with the empty annotation column. */
const SIGNATURE = /^(?:#datatype,|,result,table,)/m;

/**
 * How sure we are that a file is InfluxDB annotated CSV
 * (https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/): 0.95 when
 * its head holds a `#datatype,` row or a header row starting `,result,table,`; 0.9 for a
 * header `result,table,…` with Flux's reserved columns (`_time`, `_value`); else 0.
 * Cheap (one regular expression over the head) and never throws.
 * @example sniffInfluxDbCsv('#datatype,string,long\n') // 0.95
 * @example sniffInfluxDbCsv('time,cpu\n') // 0
 */
export function sniffInfluxDbCsv(head: string): number {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (SIGNATURE.test(text)) return 0.95;
  // Exported without annotations and without the empty first column: still Flux's reserved columns.
  return /^result,table,.*\b_(?:time|value|start)\b/m.test(text) ? 0.9 : 0;
}

/**
 * InfluxDB 2.x / Cloud query results as annotated CSV (Flux, `/api/v2/query`,
 * `influx query --raw`, the Data Explorer's CSV download). See {@link InfluxDbCsvParser}.
 * @example
 * const parser = influxDbCsvFormat.createParser(sink, { timeZone: 'UTC' }, 'query.csv');
 * parser.push(text);
 * const summary = parser.end(); // throws ImportFormatError for an error table or an empty file
 */
export const influxDbCsvFormat: ImportFormat = {
  id: 'influxdb-csv',
  label: 'InfluxDB annotated CSV (Flux query results)',
  sniff: (head) => sniffInfluxDbCsv(head),
  createParser: (sink, options) => new InfluxDbCsvParser(sink, { timeZone: options.timeZone, units: options.units }),
};
