import { field, isObject, numberField, stringField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';

/**
 * The vendor's message when a file holds a Google API error response instead of time
 * series: `{"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}`.
 * https://cloud.google.com/apis/design/errors#http_mapping
 * @returns `STATUS (code): message`, or undefined when the document is not an error response
 * @example gcpErrorMessage({ error: { code: 400, message: 'Field filter had an invalid value', status: 'INVALID_ARGUMENT' } }) // 'INVALID_ARGUMENT (400): Field filter had an invalid value'
 */
export function gcpErrorMessage(document: JsonValue): string | undefined {
  const error = field(document, 'error');
  if (!isObject(error)) return undefined;
  const status = stringField(error, 'status');
  const code = numberField(error, 'code');
  const message = stringField(error, 'message');
  const head = [status, code === undefined ? undefined : status === undefined ? String(code) : `(${code})`].filter((p) => p !== undefined).join(' ');
  const text = [head, message].filter((p) => p !== undefined && p.length > 0).join(': ');
  if (text.length === 0) return 'an error response without a code or message';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
