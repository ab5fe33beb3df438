/**
 * A streaming JSON reader for exports too large to parse in one piece (a Prometheus
 * range query, a CloudWatch GetMetricData page): text arrives in chunks of any size,
 * and the elements of chosen arrays are handed over one by one as they complete, then
 * forgotten — memory is bounded by the largest element, not by the file.
 * Everything outside the chosen arrays is assembled as usual, so a handler can read the
 * fields that came before an element (its ancestors, as built so far).
 * Grammar: RFC 8259. Errors name the line and column.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A path pattern: object keys, with '*' standing for any array index. */
export type JsonPathPattern = readonly string[];

export interface StreamingJsonOptions {
  /**
   * Arrays whose elements are streamed, as paths to the array itself
   * (`['data', 'result']`, `['value', '*', 'timeseries']`). Elements are not kept.
   */
  readonly streamArrays: readonly JsonPathPattern[];
  /**
   * Receives each element of a streamed array, which of `streamArrays` matched, and the
   * ancestors from the root down to the array's parent, holding the keys read so far.
   */
  readonly onElement: (element: JsonValue, patternIndex: number, ancestors: readonly JsonValue[]) => void;
  /** Longest single token (string or number) accepted, in characters. */
  readonly maxTokenChars?: number;
  /** Deepest nesting accepted. */
  readonly maxDepth?: number;
}

export class JsonSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, readonly reason: string) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

interface Frame {
  readonly container: JsonValue[] | JsonObject;
  readonly isArray: boolean;
  /** For an object: the key whose value comes next (undefined before it is read). */
  key: string | undefined;
  /** For an object: whether a ':' was read after the key. For both: whether a value was read since the last ','. */
  expectValue: boolean;
  count: number;
  /** The streamed-array pattern this array matches, or -1. */
  readonly streamIndex: number;
  /** The key or index under which this container sits in its parent ('' for the root). */
  readonly segment: string;
}

const DEFAULT_MAX_TOKEN = 64 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 256;

export class StreamingJsonReader {
  private pending = '';
  private readonly stack: Frame[] = [];
  private root: JsonValue | undefined;
  private rootDone = false;
  private line = 1;
  private lineStart = 0;
  private readonly maxTokenChars: number;
  private readonly maxDepth: number;
  private started = false;
  /** Depths (path lengths) of the streamed-array patterns: most arrays need no matching. */
  private readonly streamDepths: ReadonlySet<number>;
  /*
   * An incomplete string or number at the end of a push stays in `pending`. Later chunks that
   * cannot end it wait in `waiting`, unjoined, and the scan resumes where it stopped
   * (`scannedAhead`): an endless token (a hostile file) costs linear time. Rescanning and
   * re-concatenating it on every push was O(n²): 7 s for the 64 MiB accepted, in 1 MiB chunks.
   */
  /** How far into `pending` (which starts with the incomplete token) the last scan got. */
  private scannedAhead = 0;
  private waiting: string[] = [];
  private waitingChars = 0;
  /** For an incomplete string: 1 when the next character to arrive is escaped (a `\` ended the text). */
  private escapeCarry = 0;

  constructor(private readonly options: StreamingJsonOptions) {
    this.maxTokenChars = options.maxTokenChars ?? DEFAULT_MAX_TOKEN;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.streamDepths = new Set(options.streamArrays.map((p) => p.length));
  }

  /** The line being read (1-based): where the element just handed over ends. */
  get currentLine(): number {
    return this.line;
  }

  /** Feeds the next piece of text. @throws {JsonSyntaxError} */
  push(chunk: string): void {
    if (this.pending.length > 0 && !this.mayEndPendingToken(chunk)) {
      this.waiting.push(chunk);
      this.waitingChars += chunk.length;
      if (this.pending.length + this.waitingChars > this.maxTokenChars) this.fail('a single value is longer than the reader accepts');
      return;
    }
    let text = this.takePending() + chunk;
    if (!this.started && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    const consumed = this.consume(text, false);
    this.lineStart -= consumed;
    this.pending = text.slice(consumed);
    this.escapeCarry = this.pending.charCodeAt(0) === 34 ? this.scannedAhead - this.pending.length : 0;
    if (this.pending.length > this.maxTokenChars) this.fail('a single value is longer than the reader accepts');
  }

  /** The incomplete token with the chunks that wait behind it, joined; leaves both empty. */
  private takePending(): string {
    const text = this.waiting.length === 0 ? this.pending : this.pending + this.waiting.join('');
    this.pending = '';
    this.waiting = [];
    this.waitingChars = 0;
    return text;
  }

  /** Whether `chunk` may hold the end of the incomplete token in `pending`; tracks escapes across chunks. */
  private mayEndPendingToken(chunk: string): boolean {
    if (this.pending.charCodeAt(0) !== 34) {
      for (let i = 0; i < chunk.length; i++) if (!isScalarChar(chunk.charCodeAt(i))) return true;
      return false;
    }
    // As if the string opened just before the chunk (start -1), resuming past a carried escape.
    const end = findStringEnd(chunk, -1, 1 + this.escapeCarry);
    if (end >= 0) return true;
    this.escapeCarry = -end - 1 - chunk.length;
    return false;
  }

  /**
   * Signals the end of the text and returns the document without the streamed elements.
   * @throws {JsonSyntaxError} when the document is incomplete
   */
  end(): JsonValue {
    const text = this.takePending();
    this.consume(text, true);
    if (!this.rootDone || this.root === undefined) this.fail(this.root === undefined ? 'the file holds no JSON value' : 'the JSON ends before its last bracket closes');
    return this.root as JsonValue;
  }

  private fail(reason: string, at = 0): never {
    throw new JsonSyntaxError(this.line, Math.max(1, at - this.lineStart + 1), reason);
  }

  /** Reads as many complete tokens as `text` holds; returns the characters consumed. */
  private consume(text: string, atEnd: boolean): number {
    let pos = 0;
    const length = text.length;
    // Only the token at position 0 (the incomplete one kept in `pending`) was scanned before.
    const scannedAhead = this.scannedAhead;
    this.scannedAhead = 0;
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 13) {
        pos++;
        continue;
      }
      if (c === 10) {
        pos++;
        this.line++;
        this.lineStart = pos;
        continue;
      }
      if (this.rootDone) this.fail('more text follows the end of the JSON value', pos);
      const frame = this.stack[this.stack.length - 1];
      if (c === 44) {
        // ','
        if (frame === undefined || frame.count === 0 || frame.expectValue || (!frame.isArray && frame.key !== undefined)) this.fail("unexpected ','", pos);
        frame.expectValue = true;
        pos++;
        continue;
      }
      if (c === 58) {
        // ':'
        if (frame === undefined || frame.isArray || frame.key === undefined || frame.expectValue) this.fail("unexpected ':'", pos);
        frame.expectValue = true;
        pos++;
        continue;
      }
      if (c === 125 || c === 93) {
        // '}' or ']'
        if (frame === undefined || frame.isArray !== (c === 93)) this.fail(`unexpected '${String.fromCharCode(c)}'`, pos);
        if (frame.expectValue || (!frame.isArray && frame.key !== undefined)) this.fail(`a value is missing before '${String.fromCharCode(c)}'`, pos);
        this.stack.pop();
        this.complete(frame.container, frame);
        pos++;
        continue;
      }
      // A key or a value starts here.
      if (frame !== undefined && !frame.isArray && frame.key === undefined) {
        if (c !== 34) this.fail('expected a quoted key', pos);
        if (frame.count > 0 && !frame.expectValue) this.fail("expected ',' between members", pos);
        const end = findStringEnd(text, pos, pos === 0 ? scannedAhead : 0);
        if (end < 0) {
          if (atEnd) this.fail('the text ends inside a string', pos);
          this.scannedAhead = -end - 1 - pos;
          return pos;
        }
        const key = decodeString(text, pos, end);
        if (key === undefined) this.fail('an invalid escape or control character inside a key', pos);
        frame.key = key;
        frame.expectValue = false;
        pos = end + 1;
        continue;
      }
      if (frame !== undefined && !frame.expectValue && (frame.isArray ? frame.count > 0 : true)) {
        this.fail(frame.isArray ? "expected ',' between elements" : "expected ':' after the key", pos);
      }
      if (c === 123 || c === 91) {
        // '{' or '['
        if (this.stack.length >= this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`, pos);
        const segment = frame === undefined ? '' : frame.isArray ? String(frame.count) : (frame.key ?? '');
        const isArray = c === 91;
        const streamIndex = isArray ? this.matchStream(segment) : -1;
        const container: JsonValue[] | JsonObject = isArray ? [] : {};
        this.attachOpen(container, frame);
        this.stack.push({ container, isArray, key: undefined, expectValue: false, count: 0, streamIndex, segment });
        pos++;
        continue;
      }
      // A scalar.
      let value: JsonValue;
      let end: number;
      if (c === 34) {
        end = findStringEnd(text, pos, pos === 0 ? scannedAhead : 0);
        if (end < 0) {
          if (atEnd) this.fail('the text ends inside a string', pos);
          this.scannedAhead = -end - 1 - pos;
          return pos;
        }
        const decoded = decodeString(text, pos, end);
        if (decoded === undefined) this.fail('an invalid escape or control character inside a string', pos);
        value = decoded;
        end++;
      } else {
        end = pos === 0 ? scannedAhead : pos;
        while (end < length && isScalarChar(text.charCodeAt(end))) end++;
        if (end === length && !atEnd) {
          this.scannedAhead = end - pos;
          return pos;
        }
        const token = text.slice(pos, end);
        if (token === 'true') value = true;
        else if (token === 'false') value = false;
        else if (token === 'null') value = null;
        else {
          if (!JSON_NUMBER.test(token)) this.fail(token.length === 0 ? `unexpected '${text[pos]}'` : `'${token.slice(0, 20)}' is not a JSON value`, pos);
          value = Number(token);
        }
      }
      this.complete(value, frame);
      pos = end;
    }
    return pos;
  }

  /** Streamed arrays' elements are not attached; the array stays empty. */
  private attachOpen(container: JsonValue[] | JsonObject, parent: Frame | undefined): void {
    if (parent === undefined) {
      this.root = container;
      return;
    }
    if (parent.streamIndex >= 0) return;
    if (parent.isArray) (parent.container as JsonValue[]).push(container);
    else (parent.container as JsonObject)[parent.key ?? ''] = container;
  }

  /** A value (scalar, or a container that just closed) is complete inside `parent`. */
  private complete(value: JsonValue, parentOrSelf: Frame | undefined): void {
    const isClosing = parentOrSelf !== undefined && parentOrSelf.container === value;
    const parent = isClosing ? this.stack[this.stack.length - 1] : parentOrSelf;
    if (parent === undefined) {
      if (!isClosing) this.root = value;
      this.rootDone = true;
      return;
    }
    if (parent.streamIndex >= 0) {
      this.options.onElement(value, parent.streamIndex, this.stack.slice(0, -1).map((f) => f.container));
    } else if (!isClosing) {
      if (parent.isArray) (parent.container as JsonValue[]).push(value);
      else (parent.container as JsonObject)[parent.key ?? ''] = value;
    }
    parent.count++;
    parent.expectValue = false;
    if (!parent.isArray) parent.key = undefined;
  }

  /** Which streamed-array pattern the array opening under `segment` matches, or -1. */
  private matchStream(segment: string): number {
    const depth = this.stack.length;
    if (!this.streamDepths.has(depth)) return -1;
    // The root array's path is []; below it, the keys and indexes that lead to the array.
    const path = depth === 0 ? [] : [...this.stack.slice(1).map((f) => f.segment), segment];
    return this.options.streamArrays.findIndex((pattern) => pattern.length === depth && pattern.every((part, i) => part === '*' ? /^\d+$/.test(path[i] ?? '') : part === path[i]));
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isScalarChar(c: number): boolean {
  // Letters, digits, '+', '-', '.': enough to delimit true/false/null and numbers.
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 43 || c === 45 || c === 46;
}

/**
 * Index of the closing quote of the string opening at `start`; when `text` ends first, a
 * negative number `-1 - next`, where `next` is the index to resume scanning at once more
 * text arrives (past an escaped character that has not arrived yet).
 * @param scannedAhead characters after `start` already scanned (by an earlier, shorter `text`)
 */
function findStringEnd(text: string, start: number, scannedAhead = 0): number {
  let i = Math.max(start + 1, start + scannedAhead);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i;
    if (c === 92) i++; // skip the escaped character
  }
  return -1 - i;
}

/** The string between the quotes at `start` and `end`, unescaped; undefined when invalid. */
function decodeString(text: string, start: number, end: number): string | undefined {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 || c < 32) {
      try {
        return JSON.parse(text.slice(start, end + 1)) as string;
      } catch {
        return undefined;
      }
    }
  }
  return text.slice(start + 1, end);
}
