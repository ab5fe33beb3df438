import type { ImportFormat } from '../format-registry.js';
import { AzureMonitorParser } from './azure-monitor-parser.js';

/**
 * Azure Monitor metrics JSON (REST `Metrics - List`). Sniffing wants the lower-case
 * `"timeseries"` key together with `"metadatavalues"` (dimensions), or with the response's
 * `"timespan"`, `"interval"` and `"value"`: Cloud Monitoring spells it `timeSeries`.
 * https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list
 * @example azureMonitorFormat.sniff('{"timespan":"…","interval":"PT1M","value":[{"timeseries":[', 'm.json') // 0.95
 */
export const azureMonitorFormat: ImportFormat = {
  id: 'azure-monitor',
  label: 'Azure Monitor metrics JSON (Metrics - List REST API, az monitor metrics list)',
  sniff(head) {
    if (!/"timeseries"\s*:/.test(head)) return 0;
    if (/"metadatavalues"\s*:/.test(head)) return 0.95;
    return /"timespan"\s*:/.test(head) && /"interval"\s*:/.test(head) && /"value"\s*:/.test(head) ? 0.95 : 0;
  },
  createParser(sink, options, fileName) {
    return new AzureMonitorParser(sink, fileName, options.units);
  },
};
