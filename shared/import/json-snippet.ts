import type { JsonValue } from './json/streaming-json.js';

/**
 * How an import message quotes a piece of a JSON export: short, and in JSON, so that
 * the user can search the file for it.
 */

const MAX_CHARS = 40;

/**
 * @returns the value as JSON, clipped to 40 characters; 'nothing' for a missing value
 * @example jsonSnippet([1, 'a']) // '[1,"a"]'
 */
export function jsonSnippet(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify writes Infinity (from a literal such as 1e999) as null, which would mislead.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/**
 * @returns what kind of JSON value it is, for "expected an array, found …" messages
 * @example jsonKind(null) // 'null'
 * @example jsonKind({}) // 'an object'
 */
export function jsonKind(value: JsonValue | undefined): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
