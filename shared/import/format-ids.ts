/**
 * Every import format, by the id `--format` takes. One id per vendor family: a family's
 * parser tells its variants apart by content (CloudWatch get-metric-statistics vs
 * GetMetricData, Datadog v1 vs v2, Grafana 7+ vs legacy) and says which in the report.
 */
export const IMPORT_FORMAT_IDS = [
  'csv',
  'grafana',
  'prometheus',
  'cloudwatch',
  'datadog',
  'azure-monitor',
  'gcp-monitoring',
  'influxdb-csv',
  'sadf',
  'pg-stat-statements',
  'mysql-digest',
] as const;

export type ImportFormatId = (typeof IMPORT_FORMAT_IDS)[number];
