import type { ImportFormat } from '../format-registry.js';
import { GenericCsvParser } from '../csv/generic-csv-parser.js';

/**
 * Grafana's CSV exports, both generations:
 * - 7+ "Inspect → Data → Download CSV" (`toCSV()` in @grafana/data): quoted headers with
 *   doubled quotes, CRLF, a delimiter that follows the browser's locale, a `sep=` line
 *   for "Download for Excel", series named as Prometheus selectors, and with "Formatted
 *   data" times in the dashboard's time zone and values with units (`45.3%`, `1.2 GB`);
 * - ≤ 6.x panel "Export CSV" (pinned by Grafana's file_export.test.ts): semicolons,
 *   literal `null`, quoted times, series as rows (`"Series";"Time";"Value"`) or columns.
 * Both are delimited text with a time column, so the generic reader reads them, with
 * formatted values and selector headers turned on.
 * Docs: https://grafana.com/docs/grafana/latest/panels-visualizations/panel-inspector/
 */
export const grafanaFormat: ImportFormat = {
  id: 'grafana',
  label: 'Grafana CSV (Download CSV, 7+; Export CSV, ≤ 6.x)',
  sniff(head) {
    const lines = head.split(/\r?\n/, 3);
    const first = (lines[0] ?? '').replace(/^\uFEFF/, '');
    const header = /^sep=.$/i.test(first) ? (lines[1] ?? '') : first;
    if (/^"Series";"Time";"Value"$/.test(header.trim())) return 0.95;
    if (/\{__name__=""/.test(header)) return 0.9;
    if (/^"?Time"?[,;\t]/.test(header) && (/^sep=/i.test(first) || /^"Time"/.test(header) || /;null(;|\r?\n|$)/.test(head))) return 0.6;
    return 0;
  },
  createParser(sink, options) {
    return new GenericCsvParser(sink, {
      timeColumn: options.timeColumn,
      timeFormat: options.timeFormat,
      timeZone: options.timeZone,
      units: options.units,
      delimiter: options.delimiter,
      formattedValues: true,
      zoneHint: 'Grafana writes formatted times in the dashboard’s time zone: set --timezone to it if it is not UTC',
    });
  },
};
