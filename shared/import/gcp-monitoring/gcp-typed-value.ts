import { jsonSnippet } from '../json-snippet.js';
import { field, isObject, stringField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';

/** What a point's value gives: a number, undefined for a gap, or why it is refused. */
export type TypedValueReading = number | undefined | { readonly refused: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a Cloud Monitoring `TypedValue` (proto3 JSON) as a number: `doubleValue` (a number,
 * or a string — proto3 JSON writes NaN and ±Infinity as "NaN", "Infinity", which are refused),
 * `int64Value` (a JSON string by the proto3 mapping: read with Number, so beyond 2^53 it is
 * rounded — the caller reports it), `boolValue` (1/0), `distributionValue` (its `mean`; proto3
 * JSON omits a zero mean, so a distribution of count > 0 without one has mean 0; one of count
 * 0 has none and is refused). A missing or empty value is a gap; `stringValue` and anything
 * else is refused.
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/TypedValue
 * https://protobuf.dev/programming-guides/json/
 * @example typedValueNumber({ int64Value: '64' }) // 64
 * @example typedValueNumber({ distributionValue: { count: '0' } }) // { refused: 'a distribution of 0 values has no mean' }
 */
export function typedValueNumber(value: JsonValue | undefined): TypedValueReading {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return { refused: `value ${jsonSnippet(value)} is not a TypedValue` };
  if (Object.hasOwn(value, 'doubleValue')) return double(value['doubleValue'], 'doubleValue');
  if (Object.hasOwn(value, 'int64Value')) {
    const raw = value['int64Value'];
    if (typeof raw === 'string' && INTEGER.test(raw)) return Number(raw);
    // Number.isInteger is false for ±Infinity (a JSON number like 1e999).
    if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
    return { refused: `int64Value ${jsonSnippet(raw)} is not an integer` };
  }
  if (Object.hasOwn(value, 'boolValue')) {
    const raw = value['boolValue'];
    return typeof raw === 'boolean' ? (raw ? 1 : 0) : { refused: `boolValue ${jsonSnippet(raw)} is not true or false` };
  }
  if (Object.hasOwn(value, 'distributionValue')) {
    const distribution = value['distributionValue'];
    if (isObject(distribution) && Object.hasOwn(distribution, 'mean')) return double(distribution['mean'], 'distributionValue.mean');
    const count = field(distribution, 'count');
    const n = typeof count === 'string' && INTEGER.test(count) ? Number(count) : typeof count === 'number' ? count : 0;
    return n > 0 ? 0 : { refused: 'a distribution of 0 values has no mean' };
  }
  if (Object.hasOwn(value, 'stringValue')) return { refused: `stringValue ${jsonSnippet(stringField(value, 'stringValue') ?? value['stringValue'])} is not a number` };
  const keys = Object.keys(value);
  return keys.length === 0 ? undefined : { refused: `${keys.map((k) => `'${k}'`).join(', ')} is not a value type Headroom reads` };
}

function double(raw: JsonValue | undefined, what: string): TypedValueReading {
  // Finite only: JSON numbers beyond the double range (1e999) and '1e999' read as Infinity.
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (Number.isFinite(value)) return value;
  return { refused: `${what} ${jsonSnippet(raw)} is not a finite number` };
}
