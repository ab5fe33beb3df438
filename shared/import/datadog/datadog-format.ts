import type { ImportFormat } from '../format-registry.js';
import { createDatadogJsonParser, datadogParserOptions } from './datadog-json-parser.js';

/** The text starts a JSON object (after an optional byte-order mark). */
const STARTS_OBJECT = /^\uFEFF?\s*\{/;
/** v1 (`GET /api/v1/query`): fields only Datadog's metrics query writes. */
const V1_SIGNATURE = /"(?:res_type|pointlist)"\s*:/;
/** v2 (`POST /api/v2/query/timeseries`): its resource type. */
const V2_TYPE = /"timeseries_response"/;
const V2_TIMES = /"times"\s*:\s*\[/;
const V2_ATTRIBUTES = /"attributes"\s*:\s*\{/;
/** An error response, `{"errors":["Bad Request"]}`: plausible, other APIs answer alike. */
const ERRORS_ONLY = /^\uFEFF?\s*\{\s*"errors"\s*:\s*\[/;

/**
 * Datadog metrics query JSON: v1 `GET /api/v1/query`
 * (https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/) and v2
 * `POST /api/v2/query/timeseries`
 * (https://docs.datadoghq.com/api/latest/metrics/query-timeseries-data-across-multiple-products/).
 * Sniffing is a few regular expressions on the head: 0.95 for `"res_type"`/`"pointlist"`
 * (v1) or `"timeseries_response"`, or `"times"` with `"attributes"` (v2); 0.3 for a bare
 * `{"errors":[…]}`; else 0.
 * @example datadogFormat.sniff('{"status":"ok","res_type":"time_series","series":[', 'cpu.json') // 0.95
 */
export const datadogFormat: ImportFormat = {
  id: 'datadog',
  label: 'Datadog metrics query JSON (API v1 query, v2 timeseries)',
  sniff(head) {
    if (!STARTS_OBJECT.test(head)) return 0;
    if (V1_SIGNATURE.test(head) || V2_TYPE.test(head) || (V2_TIMES.test(head) && V2_ATTRIBUTES.test(head))) return 0.95;
    return ERRORS_ONLY.test(head) ? 0.3 : 0;
  },
  createParser(sink, options, fileName) {
    return createDatadogJsonParser(sink, datadogParserOptions(options, fileName));
  },
};
