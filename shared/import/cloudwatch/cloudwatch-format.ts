import type { ImportFormat } from '../format-registry.js';
import { CloudWatchParser } from './cloudwatch-parser.js';

/**
 * AWS CloudWatch JSON exports: `aws cloudwatch get-metric-statistics` (`"Datapoints"`) and
 * GetMetricData (`"MetricDataResults"`), one response or a JSON array of pages. Sniffing
 * looks for either array's key in the first 64 KiB: only CloudWatch uses those names.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * @example cloudWatchFormat.sniff('{"Datapoints": [', 'cpu.json') // 0.95
 */
export const cloudWatchFormat: ImportFormat = {
  id: 'cloudwatch',
  label: 'AWS CloudWatch JSON (get-metric-statistics, GetMetricData)',
  sniff(head) {
    return /"(?:Datapoints|MetricDataResults)"\s*:/.test(head) ? 0.95 : 0;
  },
  createParser(sink, options, fileName) {
    return new CloudWatchParser(sink, fileName, options.units);
  },
};
