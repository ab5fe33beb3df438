import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonSyntaxError, StreamingJsonReader, type JsonPathPattern, type JsonValue } from './streaming-json.js';

function read(text: string, streamArrays: JsonPathPattern[] = [], chunk = text.length) {
  const elements: { element: JsonValue; pattern: number; ancestors: readonly JsonValue[] }[] = [];
  const reader = new StreamingJsonReader({ streamArrays, onElement: (element, pattern, ancestors) => elements.push({ element, pattern, ancestors: structuredClone(ancestors) }) });
  for (let i = 0; i < text.length; i += Math.max(1, chunk)) reader.push(text.slice(i, i + Math.max(1, chunk)));
  const root = reader.end();
  return { root, elements };
}

function syntaxError(text: string): JsonSyntaxError {
  try {
    read(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('StreamingJsonReader', () => {
  it('reads any JSON exactly as JSON.parse does, however it is chunked (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (value, chunk, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(read(text, [], chunk).root).toEqual(JSON.parse(text));
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('streams the elements of chosen arrays and leaves them out of the document', () => {
    const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'a' }, values: [[1, '1']] }, { metric: { job: 'b' }, values: [] }] } });
    const { root, elements } = read(text, [['data', 'result']], 7);
    expect(elements.map((e) => e.element)).toEqual([{ metric: { job: 'a' }, values: [[1, '1']] }, { metric: { job: 'b' }, values: [] }]);
    expect(elements[0]?.ancestors[1]).toEqual({ resultType: 'matrix', result: [] });
    expect(root).toEqual({ status: 'success', data: { resultType: 'matrix', result: [] } });
  });

  it('matches array indexes with *, and hands over the fields read before', () => {
    const text = JSON.stringify({ value: [{ name: 'cpu', unit: 'Percent', timeseries: [{ data: [1] }, { data: [2] }] }, { name: 'mem', timeseries: [{ data: [3] }] }] });
    const { elements } = read(text, [['value', '*', 'timeseries']], 5);
    expect(elements.map((e) => [(e.ancestors[2] as { name: string }).name, e.element])).toEqual([
      ['cpu', { data: [1] }],
      ['cpu', { data: [2] }],
      ['mem', { data: [3] }],
    ]);
  });

  it('streams the elements of a top-level array (path [])', () => {
    const { root, elements } = read('[{"a":1},{"a":2}]', [[]], 3);
    expect(elements.map((e) => e.element)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(root).toEqual([]);
  });

  it('names the line and column of a syntax error', () => {
    const error = syntaxError('{\n  "a": 1,\n  "b": tru\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/'tru' is not a JSON value/);
    expect(syntaxError('[1, 2,]').reason).toMatch(/missing before/);
    expect(syntaxError('{"a" 1}').reason).toMatch(/expected ':'/);
    expect(syntaxError('{"a": 1} x').reason).toMatch(/more text follows/);
    expect(syntaxError('{"a": [1, 2').reason).toMatch(/ends before its last bracket/);
    expect(syntaxError('').reason).toMatch(/no JSON value/);
    expect(syntaxError('["\\q"]').reason).toMatch(/invalid escape/);
  });

  it('refuses what it cannot bound: deep nesting and endless tokens', () => {
    expect(() => new StreamingJsonReader({ streamArrays: [], onElement: () => undefined, maxDepth: 10 }).push('['.repeat(11))).toThrow(/deeper than 10/);
    const reader = new StreamingJsonReader({ streamArrays: [], onElement: () => undefined, maxTokenChars: 100 });
    expect(() => {
      reader.push('["');
      for (let i = 0; i < 5; i++) reader.push('x'.repeat(50));
    }).toThrow(/longer than/);
  });

  it('never throws anything but a JsonSyntaxError on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', 't', 'n', ' ', '\\', 'a', '\n') , maxLength: 60 }), (text) => {
        try {
          read(text, [['*']]);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxError);
        }
      }),
      { seed: 9, numRuns: 3000 },
    );
  });
});
