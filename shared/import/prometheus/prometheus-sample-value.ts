import type { JsonValue } from '../json/streaming-json.js';
import { jsonSnippet } from '../json-snippet.js';

/**
 * Reads one sample value of a Prometheus HTTP API result. Prometheus writes values as
 * JSON strings (`"0.25"`, `"NaN"`, `"+Inf"`) because JSON has no NaN or infinities
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).
 * `"NaN"` is what PromQL yields for "no answer" (0/0, a quantile over no requests): a gap.
 * Infinities are refused — they cannot be stored or modelled — and so is anything else
 * that is not a plain number. A JSON number is accepted too: some compatible servers
 * and hand-made exports write one.
 *
 * `Number()` alone is not enough: it reads `""` and `"  "` as 0, `"0x1F"` as 31,
 * `"Infinity"` as infinite, and `"+Inf"` as NaN (which would turn a refusal into a gap).
 *
 * @param value the second element of a `[ <unix seconds>, "<value>" ]` pair
 * @returns a finite number, null for a gap (`"NaN"`), or undefined when refused
 * @example parsePrometheusValue('0.25') // 0.25
 * @example parsePrometheusValue('NaN') // null
 * @example parsePrometheusValue('+Inf') // undefined
 */
export function parsePrometheusValue(value: JsonValue | undefined): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const number = Number(value);
  if (number === number) {
    if (number === Infinity || number === -Infinity || value.length === 0) return undefined;
    // Number() skips surrounding white space and reads 0x/0b/0o literals; no exporter writes those.
    if (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) return undefined;
    const second = value.charCodeAt(1) | 32;
    if (second === 120 || second === 98 || second === 111) return undefined;
    return number;
  }
  return value === 'NaN' ? null : undefined;
}

/**
 * Why a sample value was refused, for the import report.
 * @example describeRefusedValue('+Inf') // "'+Inf' is infinite; only finite values are imported"
 */
export function describeRefusedValue(value: JsonValue | undefined): string {
  if (value === '+Inf' || value === '-Inf' || value === 'Inf') return `'${value}' is infinite; only finite values are imported`;
  if (typeof value === 'string') return `'${clip(value)}' is not a number`;
  if (typeof value === 'number') return `${value} is infinite; only finite values are imported`;
  if (value === undefined) return 'the value is missing';
  return `${jsonSnippet(value)} is not a number (Prometheus writes values as strings such as "0.5")`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
