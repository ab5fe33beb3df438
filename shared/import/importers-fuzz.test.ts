import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseFormat, IMPORT_FORMATS, type ImportFormat } from './format-registry.js';
import { IMPORT_FORMAT_IDS, type ImportFormatId } from './format-ids.js';
import { ImportFormatError, type ImportSink, type StreamingParser } from './import-types.js';
import { RecordTooLongError } from './csv/delimited-text-reader.js';
import { JsonSyntaxError, StreamingJsonReader, type JsonValue } from './json/streaming-json.js';
import { importText } from '../../test/helpers/memory-import-sink.js';
import { mutateJson, mutateText, trimArrays, type FuzzEdit } from '../../test/helpers/import-fuzzing.js';

/**
 * Issue #9, hostile inputs: every registered importer, fed random text, mutations of its
 * real sample exports and a few targeted monsters (endless line, 100k-deep nesting,
 * 1e400/NaN/Infinity), either imports with sane results or refuses with one of the two
 * error kinds the backend turns into a `file:line: reason` message (import-files.ts):
 * ImportFormatError or RecordTooLongError. Never a TypeError, a stack overflow or a hang.
 * The backend's streaming layer (gzip bombs, binary files, endless lines through the
 * file reader) is covered by backend/import/import-files.test.ts.
 */

const EXPORTS = 'samples/exports';

/** Small samples (at most ~80 lines or, for JSON, arrays cut to 4 elements) keep each case fast. */
function csvHead(text: string, lines = 80): string {
  return text.split('\n').slice(0, lines).join('\n');
}

function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(join(EXPORTS, folder))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(EXPORTS, folder, f));
}

function jsonSample(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) return csvHead(text, 6);
  return JSON.stringify(trimArrays(JSON.parse(text) as JsonValue, 4), null, 1);
}

// MySQL 8.0 events_statements_summary_by_digest (column names from the reference manual); no sample file ships for it.
const MYSQL_DIGEST = [
  'snapshot_time,SCHEMA_NAME,DIGEST,DIGEST_TEXT,COUNT_STAR,SUM_TIMER_WAIT,SUM_ROWS_SENT,SUM_ROWS_AFFECTED,FIRST_SEEN,LAST_SEEN',
  '2026-11-01 10:00:00,shop,9f8e7d,SELECT * FROM `orders` WHERE `id` = ?,25,1535983999000,25,0,2026-10-01 00:00:00,2026-11-01 09:59:58',
  '2026-11-01 10:05:00,shop,9f8e7d,SELECT * FROM `orders` WHERE `id` = ?,31,1835983999000,31,0,2026-10-01 00:00:00,2026-11-01 10:04:58',
  '2026-11-01 10:05:00,,,,7,2000000000,0,0,2026-10-01 00:00:00,2026-11-01 09:59:00',
].join('\n');

/** The real sample exports of every format, as small texts. */
function samplesOf(id: ImportFormatId): string[] {
  switch (id) {
    case 'csv':
      return [csvHead(readFileSync(join(EXPORTS, 'orders-db-one-week.csv'), 'utf8')), readFileSync(join(EXPORTS, 'pgbench-load-test.csv'), 'utf8')];
    case 'grafana':
      return filesIn('grafana', /\.csv$/).map((p) => readFileSync(p, 'utf8'));
    case 'influxdb-csv':
      return filesIn('influxdb', /\.csv$/).map((p) => csvHead(readFileSync(p, 'utf8')));
    case 'sadf':
      return filesIn('sadf', /\.csv$/).map((p) => csvHead(readFileSync(p, 'utf8')));
    case 'pg-stat-statements':
      return [csvHead(gunzipSync(readFileSync(join(EXPORTS, 'orders-db', 'pg-stat-statements-hourly.csv.gz'))).toString('utf8'), 40)];
    case 'mysql-digest':
      return [MYSQL_DIGEST];
    case 'prometheus':
      return filesIn('prometheus', /\.json$/).map(jsonSample);
    case 'datadog':
      return filesIn('datadog', /\.json$/).map(jsonSample);
    case 'cloudwatch':
      return filesIn('cloudwatch', /\.jsonl?$/).map(jsonSample);
    case 'azure-monitor':
      return filesIn('azure-monitor', /\.json$/).map(jsonSample);
    case 'gcp-monitoring':
      return filesIn('gcp-monitoring', /\.json$/).map(jsonSample);
  }
}

const isJsonFormat = (id: ImportFormatId): boolean => ['prometheus', 'datadog', 'cloudwatch', 'azure-monitor', 'gcp-monitoring'].includes(id);

/** Slowest single input seen; a hang would show here (and in vitest's timeout) rather than pass unnoticed. */
let slowestMs = 0;

/**
 * Feeds `text` to the format's parser in chunks and returns what broke the promise (an
 * unexpected error kind, an unlocated or unclear refusal, or an impossible result), or undefined.
 */
function brokenPromise(format: ImportFormat, text: string, chunkSizes: readonly number[], fileName = 'fuzz.txt'): unknown {
  const create = (sink: ImportSink): StreamingParser => format.createParser(sink, {}, fileName);
  const started = performance.now();
  try {
    const { sink, summary } = importText(create, text, chunkSizes);
    const counts = [summary.rowsRead, summary.rowsRejected, summary.cellsRejected, summary.cellsMissing, summary.pointsRead];
    if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return new Error(`bad counts ${JSON.stringify(summary)}`);
    const points = sink.points.flat();
    if (points.length !== summary.pointsRead) return new Error(`pointsRead ${summary.pointsRead} but ${points.length} points added`);
    const bad = points.find(([t, v]) => !Number.isInteger(t) || Math.abs(t) > 8.64e15 || !Number.isFinite(v));
    if (bad !== undefined) return new Error(`a point that is not a finite value at a whole-ms time: ${JSON.stringify(bad)}`);
    const badIssue = summary.issues.find((issue) => !Number.isSafeInteger(issue.line) || issue.line < 1 || !isClear(issue.reason, text));
    if (badIssue !== undefined) return new Error(`an unlocated or unclear issue: ${JSON.stringify(badIssue)}`);
    return undefined;
  } catch (error) {
    if (error instanceof ImportFormatError || error instanceof RecordTooLongError) {
      if (!Number.isSafeInteger(error.line) || error.line < 1) return new Error(`refusal without a line: ${error.message}`);
      if (!isClear(error.message, text)) return new Error(`unclear refusal: ${JSON.stringify(error.message)}`);
      return undefined;
    }
    return error;
  } finally {
    if (text.length < 200_000) slowestMs = Math.max(slowestMs, performance.now() - started);
  }
}

/** A message a person can act on: words, and no `undefined`/`NaN`/`[object Object]` that the input did not hold itself. */
function isClear(message: string, input: string): boolean {
  return /[a-z]{3}/i.test(message) && ['undefined', 'NaN', '[object '].every((leak) => !message.includes(leak) || input.includes(leak));
}

function assertKept(format: ImportFormat, text: string, chunkSizes: readonly number[] = [], fileName?: string): void {
  const broken = brokenPromise(format, text, chunkSizes, fileName);
  if (broken !== undefined) {
    const detail = broken instanceof Error ? (broken.stack ?? broken.message) : String(broken);
    throw new Error(`${format.id} broke its promise on ${JSON.stringify(text.slice(0, 300))}${text.length > 300 ? '…' : ''}\n${detail}`);
  }
}

const chunking = fc.array(fc.integer({ min: 1, max: 257 }), { maxLength: 3 });
const edit: fc.Arbitrary<FuzzEdit> = fc.tuple(fc.nat(), fc.nat(), fc.nat());

/** Replaces the n-th number in a text with a troublesome one. */
const NUMERIC_POISON = ['1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '1e308', '-0', '99999999999999999999999', '0x1F', '1_000', '', '١٢٣'];
function poisonNumber(text: string, nth: number, poison: string): string {
  let index = 0;
  const count = (text.match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi) ?? []).length;
  const target = count === 0 ? -1 : nth % count;
  return text.replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, (match) => (index++ === target ? poison : match));
}

/** Random text over the characters that matter to delimited and JSON readers. */
const structuredNoise = fc
  .array(fc.constantFrom(...',;\t|"\n\r{}[]:.-+eE0123456789 aNnIifty\\T:Z'.split(''), '1e400', 'NaN', 'null', '"__proto__"', '\uFEFF', '\u0000', '\uD800'), { maxLength: 400 })
  .map((parts) => parts.join(''));
const randomBytesAsText = fc.uint8Array({ maxLength: 600 }).map((bytes) => new TextDecoder('utf-8').decode(bytes));

const FORMATS = IMPORT_FORMATS;

describe('every importer survives hostile input (issue #9)', () => {
  it('registers every format id, and each has a real sample', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual([...IMPORT_FORMAT_IDS].sort());
    for (const format of FORMATS) expect(samplesOf(format.id).length, format.id).toBeGreaterThan(0);
  });

  for (const format of FORMATS) {
    describe(format.id, () => {
      const samples = samplesOf(format.id);

      it('reads its own samples, or refuses them (the error samples) with a located reason', () => {
        for (const sample of samples) assertKept(format, sample);
      });

      it('random text and random bytes: imported sanely or refused clearly', () => {
        fc.assert(
          fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), structuredNoise, randomBytesAsText), chunking, (text, chunks) => {
            assertKept(format, text, chunks);
          }),
          { seed: 0x9001, numRuns: 150 },
        );
      });

      it('text mutations of its samples (deletions, flips, duplicated slices, truncation, odd tokens)', () => {
        fc.assert(
          fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), chunking, (pick, edits, chunks) => {
            const sample = samples[pick % samples.length] ?? '';
            assertKept(format, mutateText(sample, edits), chunks);
          }),
          { seed: 0x9002, numRuns: 250 },
        );
      });

      it('numbers replaced by 1e400, NaN, Infinity and friends', () => {
        fc.assert(
          fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NUMERIC_POISON)), { minLength: 1, maxLength: 4 }), (pick, poisons) => {
            let text = samples[pick % samples.length] ?? '';
            for (const [nth, poison] of poisons) text = poisonNumber(text, nth, poison);
            assertKept(format, text);
          }),
          { seed: 0x9003, numRuns: 120 },
        );
      });

      if (isJsonFormat(format.id)) {
        it('structural JSON mutations (replaced, deleted, duplicated, renamed nodes, __proto__ keys)', () => {
          const documents = samples.filter((s) => s.trimStart().startsWith('{') || s.trimStart().startsWith('[')).flatMap((s) => {
            try {
              return [JSON.parse(s) as JsonValue];
            } catch {
              return []; // JSON Lines
            }
          });
          fc.assert(
            fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), (pick, edits) => {
              const document = documents[pick % documents.length] ?? null;
              assertKept(format, JSON.stringify(mutateJson(document, edits)));
            }),
            { seed: 0x9004, numRuns: 200 },
          );
        });
      }

      it('edge shapes: empty, BOM only, whitespace, one line, duplicated lines, a 100k-deep nesting, a long line', () => {
        const sample = samples[0] ?? '';
        const lines = sample.split('\n');
        const header = lines[0] ?? '';
        const cases = [
          '',
          '\uFEFF',
          '\n\n\n',
          '   \r\n\t',
          header,
          `${header}\n`,
          `${header}\n${header}\n${header}`,
          // a data line repeated until the text is ~150 KB (duplicate timestamps, same series)
          [header, ...Array.from({ length: Math.min(5000, Math.floor(150_000 / Math.max(1, (lines[1] ?? 'x').length))) }, () => lines[1] ?? '')].join('\n'),
          '['.repeat(100_000),
          `{"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
          '{'.repeat(50_000),
          `${'"'.repeat(10_001)}`,
          `${header}\n${'9,'.repeat(60_000)}`,
          sample.replaceAll('\n', '\r'),
          sample.replaceAll('\n', '\u2028'),
          sample + '\u0000'.repeat(20),
        ];
        for (const text of cases) assertKept(format, text, [4096]);
      });

      it('an endless line (6 MiB without a line break) is refused or read in bounded time and memory', () => {
        const before = process.memoryUsage().heapUsed;
        const endless = isJsonFormat(format.id) ? `{"status":"${'x'.repeat(6 << 20)}` : `${samples[0]?.split('\n')[0] ?? 'time,value'}\n${'7'.repeat(6 << 20)}`;
        const started = performance.now();
        assertKept(format, endless, [1 << 20]);
        expect(performance.now() - started).toBeLessThan(10_000);
        // The text itself is 6 Mi one-byte characters; a reader that copies it a few times is fine, one that explodes is not.
        expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 << 20);
      });
    });
  }

  it('auto-detection plus parsing survives mutated samples of every format (the backend path)', () => {
    const all = FORMATS.flatMap((f) => samplesOf(f.id).map((text) => ({ text, name: f.id.includes('csv') || !isJsonFormat(f.id) ? 'export.csv' : 'export.json' })));
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { maxLength: 4 }), chunking, (pick, edits, chunks) => {
        const sample = all[pick % all.length] ?? { text: '', name: 'x' };
        const text = mutateText(sample.text, edits);
        const format = chooseFormat(text.slice(0, 64 * 1024), sample.name, undefined);
        assertKept(format, text, chunks, sample.name);
      }),
      { seed: 0x9005, numRuns: 300 },
    );
    // A single input taking over 2 s is a hang in the making (the largest fuzz input is ~150 KB).
    expect(slowestMs).toBeLessThan(2_000);
  });
});

describe('the streaming JSON reader under endless tokens (issue #9)', () => {
  /** Reads `text` pushed in pieces whose sizes cycle through `sizes`. */
  function readChunked(text: string, sizes: readonly number[]): JsonValue {
    const reader = new StreamingJsonReader({ streamArrays: [], onElement: () => undefined });
    for (let at = 0, i = 0; at < text.length; i++) {
      const size = Math.max(1, sizes[i % sizes.length] ?? 1);
      reader.push(text.slice(at, at + size));
      at += size;
    }
    return reader.end();
  }

  it('resumes strings, keys and numbers across chunks exactly, with escapes split at any boundary (property)', () => {
    const escapeHeavy = fc.string({ unit: fc.constantFrom('\\', '"', 'a', '\n', '\u00e9', 'é', '\t', '/', '\ud83d\ude00'), maxLength: 30 });
    const document = fc.array(fc.tuple(escapeHeavy, fc.oneof(escapeHeavy, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(true))), { maxLength: 5 });
    fc.assert(
      fc.property(document, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), (pairs, sizes) => {
        const value = Object.fromEntries(pairs.map(([k, v], i) => [`${k}${i}`, [v, -12345678.5e-3]]));
        const text = JSON.stringify(value);
        expect(readChunked(text, sizes)).toEqual(JSON.parse(text));
      }),
      { seed: 0x9006, numRuns: 400 },
    );
  });

  it('scans an endless string or number once, not once per chunk (was O(n²): 5.5 s for 16 MiB in 64 KiB pieces)', () => {
    for (const [open, unit] of [['["', 'x\\"'], ['[1', '234'], ['{"', 'k\\\\']] as const) {
      const reader = new StreamingJsonReader({ streamArrays: [], onElement: () => undefined });
      const piece = unit.repeat((64 << 10) / unit.length);
      const started = performance.now();
      reader.push(open);
      for (let i = 0; i < 256; i++) reader.push(piece);
      expect(() => reader.end()).toThrow(JsonSyntaxError);
      // Linear takes ~0.1 s here; quadratic took 4–6 s.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('refuses a token beyond 64 MiB without holding more than the token', () => {
    const reader = new StreamingJsonReader({ streamArrays: [], onElement: () => undefined });
    const piece = 'x'.repeat(1 << 20);
    reader.push('"');
    expect(() => {
      for (let i = 0; i < 80; i++) reader.push(piece);
    }).toThrow(/longer than the reader accepts/);
  });
});
