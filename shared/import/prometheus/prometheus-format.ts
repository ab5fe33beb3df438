import type { ImportFormat } from '../format-registry.js';
import { createPrometheusJsonParser, prometheusParserOptions } from './prometheus-json-parser.js';

/** The text starts a JSON object (after an optional byte-order mark). */
const STARTS_OBJECT = /^\uFEFF?\s*\{/;
/** `"data": {` with `"resultType"` among its first members — Prometheus writes it first. */
const DATA_WITH_RESULT_TYPE = /"data"\s*:\s*\{[\s\S]{0,400}?"resultType"\s*:\s*"(?:matrix|vector|scalar|string)"/;
/** Compatible servers that write the result first: `"data":{"result":[{"metric":{` or a scalar pair. */
const DATA_WITH_SERIES = /"data"\s*:\s*\{\s*"result"\s*:\s*\[\s*(?:\{\s*"metric"\s*:\s*\{|-?\d[\d.]*\s*,\s*")/;
/** The error envelope: `"errorType"` is Prometheus' own word. */
const ERROR_ENVELOPE = /"status"\s*:\s*"error"[\s\S]{0,200}?"errorType"\s*:|"errorType"\s*:[\s\S]{0,400}?"status"\s*:\s*"error"/;

/**
 * Prometheus HTTP API JSON (`/api/v1/query_range`, `/api/v1/query`), as documented at
 * https://prometheus.io/docs/prometheus/latest/querying/api/. Sniffing is a few regular
 * expressions on the head: 0.95 for `"data"` followed closely by `"resultType"`, 0.9
 * for a result that starts with a series or for the error envelope (so that the user
 * reads Prometheus' error rather than a CSV complaint), else 0.
 * @example prometheusFormat.sniff('{"status":"success","data":{"resultType":"matrix","result":[', 'up.json') // 0.95
 */
export const prometheusFormat: ImportFormat = {
  id: 'prometheus',
  label: 'Prometheus HTTP API JSON (query_range, query)',
  sniff(head) {
    if (!STARTS_OBJECT.test(head)) return 0;
    if (DATA_WITH_RESULT_TYPE.test(head)) return 0.95;
    if (DATA_WITH_SERIES.test(head) || ERROR_ENVELOPE.test(head)) return 0.9;
    return 0;
  },
  createParser(sink, options, fileName) {
    return createPrometheusJsonParser(sink, prometheusParserOptions(options, fileName));
  },
};
