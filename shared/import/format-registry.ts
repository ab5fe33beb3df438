import type { ImportSink, StreamingParser } from './import-types.js';
import { GenericCsvParser } from './csv/generic-csv-parser.js';
import type { ImportOptions } from '../api/contract.js';
import type { ImportFormatId } from './format-ids.js';
import { mysqlDigestFormat, pgStatStatementsFormat } from './statements/statement-formats.js';
import { grafanaFormat } from './grafana/grafana-format.js';
import { influxDbCsvFormat } from './influxdb/influxdb-csv-format.js';
import { sadfFormat } from './sadf/sadf-format.js';
import { prometheusFormat } from './prometheus/prometheus-format.js';
import { datadogFormat } from './datadog/datadog-format.js';
import { cloudWatchFormat } from './cloudwatch/cloudwatch-format.js';
import { azureMonitorFormat } from './azure-monitor/azure-monitor-format.js';
import { gcpMonitoringFormat } from './gcp-monitoring/gcp-monitoring-format.js';

/** One file format Headroom reads. */
export interface ImportFormat {
  readonly id: ImportFormatId;
  readonly label: string;
  /**
   * How sure we are (0–1) that a file starting with `head` (its first 64 KiB of text) is
   * in this format: 0.9+ for a signature only this format has, ~0.2 for "plausible".
   */
  sniff(head: string, fileName: string): number;
  /** @param fileName the user's name for the file (a fallback series name for formats that carry none) */
  createParser(sink: ImportSink, options: ImportOptions, fileName: string): StreamingParser;
}

export const genericCsvFormat: ImportFormat = {
  id: 'csv',
  label: 'Generic CSV/TSV (a time column and one column per metric)',
  sniff(head, fileName) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    if (/[,;\t|]/.test(firstLine)) return 0.2;
    return /\.(csv|tsv|txt)$/i.test(fileName) ? 0.1 : 0.01;
  },
  createParser(sink, options) {
    return new GenericCsvParser(sink, {
      timeColumn: options.timeColumn,
      timeFormat: options.timeFormat,
      timeZone: options.timeZone,
      units: options.units,
      delimiter: options.delimiter,
    });
  },
};

/** Every format, most specific first. The generic CSV reader is the fallback. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  prometheusFormat,
  datadogFormat,
  cloudWatchFormat,
  azureMonitorFormat,
  gcpMonitoringFormat,
  pgStatStatementsFormat,
  mysqlDigestFormat,
  influxDbCsvFormat,
  sadfFormat,
  grafanaFormat,
  genericCsvFormat,
];

/**
 * Picks the format of a file from its first characters, or the one the user named.
 * @throws {RangeError} for a format id that does not exist
 */
export function chooseFormat(head: string, fileName: string, requested: string | undefined): ImportFormat {
  if (requested !== undefined && requested !== 'auto') {
    const format = IMPORT_FORMATS.find((f) => f.id === requested);
    if (format === undefined) throw new RangeError(`unknown format '${requested}'; known formats: ${IMPORT_FORMATS.map((f) => f.id).join(', ')}`);
    return format;
  }
  let best = genericCsvFormat;
  let bestScore = -1;
  for (const format of IMPORT_FORMATS) {
    const score = format.sniff(head, fileName);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}
