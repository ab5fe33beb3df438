import type { JsonValue as Json } from '../../shared/import/json/streaming-json.js';

/**
 * Deterministic mutations of valid exports for fuzz tests: the random choices come in as
 * plain numbers (from fast-check in the tests), so a failing case replays from its seed.
 * Pure code shared by the CloudWatch, Azure Monitor and Cloud Monitoring test suites.
 */

/** One edit: [kind, position, argument], each any non-negative integer. */
export type FuzzEdit = readonly [number, number, number];

const ALPHABET = '{}[]",:0123456789.-+eE\n \t\\ntrufalsTZ';
const TOKENS = ['NaN', '"NaN"', '1e999', '-0', 'null', 'true', '"\\ud800"', '"__proto__"', '{"__proto__":{"x":1}}', '[]', '{}', '"2024-02-30T00:00:00Z"', '"9007199254740993"', '\uFEFF', '<'];

/**
 * Applies text edits: delete a range, insert or replace a character, duplicate a slice,
 * truncate, insert a troublesome token.
 * @example mutateText('{"a":1}', [[4, 3, 0]]) // '{"a"' (truncated at 4)
 */
export function mutateText(text: string, edits: readonly FuzzEdit[]): string {
  let out = text;
  for (const [kind, position, argument] of edits) {
    const at = position % (out.length + 1);
    switch (kind % 6) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + (argument % 20));
        break;
      case 1:
        out = out.slice(0, at) + (ALPHABET[argument % ALPHABET.length] ?? '') + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + (ALPHABET[argument % ALPHABET.length] ?? '') + out.slice(at + 1);
        break;
      case 3:
        out = out.slice(0, at) + out.slice(at, at + 1 + (argument % 60)) + out.slice(at);
        break;
      case 4:
        out = out.slice(0, at);
        break;
      default:
        out = out.slice(0, at) + (TOKENS[argument % TOKENS.length] ?? '') + out.slice(at);
    }
  }
  return out;
}


const REPLACEMENTS: readonly Json[] = [
  null, true, false, 0, -1, 1.5, 1e300, -1e300, 1392769080, 1392769080000, '', 'NaN', 'Infinity', '12', '9007199254740993', '-3',
  '2014-02-19T00:18:00Z', '2014-02-19T00:18:00.123456789+05:30', '2024-02-30T00:00:00Z', 'x'.repeat(300), [], {}, [null], [1, 'a'], { value: 'x' },
  { doubleValue: 'NaN' }, { int64Value: '18446744073709551615' }, { distributionValue: { count: '0' } }, { boolValue: 'yes' },
  { name: {} }, { name: { value: '__proto__' }, value: 'x' }, { Code: 1, Value: null }, { error: { code: 400, message: 'bad' } },
];

/**
 * Applies structural edits to a parsed document: replace a node (picked by its index in a
 * depth-first walk) with a troublesome value, delete it, duplicate it, or rename a key.
 * @example mutateJson({ a: [1] }, [[0, 2, 0]]) // { a: [null] }
 */
export function mutateJson(document: Json, edits: readonly FuzzEdit[]): Json {
  let root = clone(document);
  for (const [kind, position, argument] of edits) {
    const slots: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
    const walk = (node: Json): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          slots.push({ parent: node, key: i });
          walk(child);
        });
      } else if (node !== null && typeof node === 'object') {
        for (const key of Object.keys(node)) {
          slots.push({ parent: node, key });
          walk(node[key] ?? null);
        }
      }
    };
    walk(root);
    const slot = slots[position % Math.max(1, slots.length)];
    if (slot === undefined) {
      root = REPLACEMENTS[argument % REPLACEMENTS.length] ?? null;
      continue;
    }
    const { parent, key } = slot;
    const replacement = clone(REPLACEMENTS[argument % REPLACEMENTS.length] ?? null);
    if (Array.isArray(parent) && typeof key === 'number') {
      if (kind % 4 === 0) parent[key] = replacement;
      else if (kind % 4 === 1) parent.splice(key, 1);
      else parent.splice(key, 0, clone(parent[key] ?? null));
    } else if (!Array.isArray(parent) && typeof key === 'string') {
      const value = parent[key] ?? null;
      if (kind % 4 === 0) parent[key] = replacement;
      else if (kind % 4 === 1) Reflect.deleteProperty(parent, key);
      else if (kind % 4 === 2) parent[`${key}_`] = clone(value);
      else {
        Reflect.deleteProperty(parent, key);
        Object.defineProperty(parent, ['__proto__', 'Label', 'value', 'unit', 'points'][argument % 5] ?? 'x', { value, enumerable: true, configurable: true, writable: true });
      }
    }
  }
  return root;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/**
 * A copy of a document with every array cut to its first `max` elements: small documents
 * that keep every shape of the original, so that structural fuzzing is fast on any sample.
 * @example trimArrays({ a: [1, 2, 3] }, 2) // { a: [1, 2] }
 */
export function trimArrays(document: Json, max: number): Json {
  if (Array.isArray(document)) return document.slice(0, max).map((item) => trimArrays(item, max));
  if (document === null || typeof document !== 'object') return document;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(document)) {
    Object.defineProperty(out, key, { value: trimArrays(document[key] ?? null, max), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
