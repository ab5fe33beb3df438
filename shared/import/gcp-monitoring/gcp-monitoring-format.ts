import type { ImportFormat } from '../format-registry.js';
import { GcpMonitoringParser } from './gcp-monitoring-parser.js';

/**
 * Google Cloud Monitoring `projects.timeSeries.list` JSON. Sniffing wants the camel-case
 * `"timeSeries"` key together with `"metricKind"` or `"points"` (Azure spells it `timeseries`).
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list
 * @example gcpMonitoringFormat.sniff('{"timeSeries":[{"metricKind":"GAUGE"', 'ts.json') // 0.95
 */
export const gcpMonitoringFormat: ImportFormat = {
  id: 'gcp-monitoring',
  label: 'Google Cloud Monitoring JSON (projects.timeSeries.list)',
  sniff(head) {
    return /"timeSeries"\s*:/.test(head) && /"(?:metricKind|points)"\s*:/.test(head) ? 0.95 : 0;
  },
  createParser(sink, options, fileName) {
    return new GcpMonitoringParser(sink, fileName, options.units);
  },
};
