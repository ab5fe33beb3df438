import { field, isObject, stringField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';

/**
 * The vendor's message when a file holds an Azure error response instead of metrics:
 * the ARM error envelope `{"error":{"code","message"}}` (Metrics - List answers 400/403/404
 * with it), or the bare `{"code","message"}` some older endpoints return.
 * https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list (ErrorResponse)
 * @returns `code: message`, or undefined when the document is not an error response
 * @example azureErrorMessage({ error: { code: 'BadRequest', message: 'Invalid interval' } }) // 'BadRequest: Invalid interval'
 */
export function azureErrorMessage(document: JsonValue): string | undefined {
  if (!isObject(document)) return undefined;
  const error = field(document, 'error');
  if (isObject(error)) return codeAndMessage(stringField(error, 'code'), stringField(error, 'message'));
  if (Object.hasOwn(document, 'value')) return undefined;
  const code = stringField(document, 'code');
  const message = stringField(document, 'message');
  return code !== undefined && message !== undefined ? codeAndMessage(code, message) : undefined;
}

function codeAndMessage(code: string | undefined, message: string | undefined): string {
  const text = [code, message].filter((p): p is string => p !== undefined && p.trim().length > 0).join(': ');
  if (text.length === 0) return 'an error response without a code or message';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
