import type { JsonObject, JsonValue } from './streaming-json.js';

/** Narrowing helpers for reading vendor JSON defensively: wrong types give undefined, never a throw. */

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function stringField(value: JsonValue | undefined, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

export function numberField(value: JsonValue | undefined, key: string): number | undefined {
  const v = field(value, key);
  return typeof v === 'number' ? v : undefined;
}

export function arrayField(value: JsonValue | undefined, key: string): JsonValue[] | undefined {
  const v = field(value, key);
  return Array.isArray(v) ? v : undefined;
}

/** String-valued entries of an object (labels, tags, dimensions); other values are skipped. */
export function stringRecord(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
