/**
 * Splits delimited text (CSV, TSV, semicolon-separated) into records, streaming:
 * text arrives in chunks of any size and records may span chunks. Quoting follows
 * RFC 4180 (fields in double quotes, `""` for a quote, line breaks inside quotes),
 * and line numbers are physical lines, so a report can point at what an editor shows.
 */

export type RecordHandler = (fields: string[], line: number) => void;
/**
 * Offered every line without quotes before it is split, as `text[start, end)`; returns
 * true when it consumed the line itself. Lets a parser read fields in place, without
 * making a string per field — the import benchmark's hot path.
 */
export type PlainLineHandler = (text: string, start: number, end: number, line: number) => boolean;

export interface DelimitedTextReaderOptions {
  /** The field separator; detected from the first record when absent. */
  readonly delimiter?: string | undefined;
  /** Lines starting with this character are skipped (never inside quoted fields). */
  readonly commentPrefix?: string | undefined;
  /** A record longer than this many characters is refused (endless lines, binary files). */
  readonly maxRecordChars?: number | undefined;
}

export class RecordTooLongError extends Error {
  constructor(readonly line: number, readonly limit: number) {
    super(`line ${line} is longer than ${limit.toLocaleString('en-US')} characters; this does not look like a delimited text file`);
  }
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
const DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * Picks the delimiter of a header line: the candidate that occurs most often outside
 * quotes; a comma when none occurs (a single-column file).
 * @example detectDelimiter('time;cpu_pct;"mem; used"') // ';'
 */
export function detectDelimiter(headerLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < headerLine.length; i++) {
      const ch = headerLine[i];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === candidate) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export class DelimitedTextReader {
  private pending = '';
  /** Physical line number of the first line in `pending`. */
  private nextLine = 1;
  private delimiter: string | undefined;
  private started = false;
  private readonly commentPrefix: string | undefined;
  private readonly maxRecordChars: number;

  /** Set by a parser that can read plain lines in place (see {@link PlainLineHandler}). */
  onPlainLine: PlainLineHandler | undefined;

  constructor(private readonly onRecord: RecordHandler, options: DelimitedTextReaderOptions = {}) {
    this.delimiter = options.delimiter;
    this.commentPrefix = options.commentPrefix;
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** The delimiter in use (detected or given); undefined before the first record. */
  get detectedDelimiter(): string | undefined {
    return this.delimiter;
  }

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    let text = this.pending.length > 0 ? this.pending + chunk : chunk;
    if (!this.started && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    const consumed = this.consume(text, false);
    this.pending = consumed < text.length ? text.slice(consumed) : '';
    if (this.pending.length > this.maxRecordChars) throw new RecordTooLongError(this.nextLine, this.maxRecordChars);
  }

  /** Signals the end of the text; a last record without a line break is read. */
  end(): void {
    if (this.pending.length > 0) {
      const text = this.pending;
      this.pending = '';
      this.consume(text, true);
    }
  }

  /** Reads complete records from `text`; returns how many characters were consumed. */
  private consume(text: string, atEnd: boolean): number {
    let pos = 0;
    const length = text.length;
    const commentCode = this.commentPrefix?.charCodeAt(0);
    while (pos < length) {
      // One pass finds the line's end and whether it holds a quote. A plain loop on
      // purpose: String.prototype.indexOf with a start position fell off a cliff in
      // V8's optimised code here (a memchr per character; the 2-million-row import took
      // 15–44 s instead of 2 s). bench/import-csv keeps watch over this.
      let newline = pos;
      let hasQuote = false;
      for (; newline < length; newline++) {
        const c = text.charCodeAt(newline);
        if (c === 10) break;
        if (c === 34) hasQuote = true;
      }
      if (newline === length && !atEnd) return pos;
      let lineEnd = newline;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (lineEnd === pos || (commentCode !== undefined && text.charCodeAt(pos) === commentCode)) {
        pos = newline + 1;
        this.nextLine++;
        continue;
      }
      if (this.delimiter === undefined) {
        const line = text.slice(pos, lineEnd);
        const sep = /^sep=(.)$/i.exec(line);
        if (sep?.[1] !== undefined) {
          this.delimiter = sep[1];
          pos = newline + 1;
          this.nextLine++;
          continue;
        }
        this.delimiter = detectDelimiter(line);
      }
      if (!hasQuote) {
        if (this.onPlainLine === undefined || !this.onPlainLine(text, pos, lineEnd, this.nextLine)) {
          this.onRecord(text.slice(pos, lineEnd).split(this.delimiter), this.nextLine);
        }
        pos = newline + 1;
        this.nextLine++;
        continue;
      }
      const quoted = parseQuotedRecord(text, pos, this.delimiter, atEnd);
      if (quoted === undefined) return pos; // the closing quote is in a later chunk
      this.onRecord(quoted.fields, this.nextLine);
      this.nextLine += quoted.lineBreaks + 1;
      pos = quoted.end;
    }
    return pos;
  }
}

interface QuotedRecord {
  readonly fields: string[];
  /** Index just after the record's terminating line break. */
  readonly end: number;
  /** Line breaks inside quoted fields. */
  readonly lineBreaks: number;
}

/**
 * RFC 4180 record starting at `start`; undefined when the text ends inside quotes.
 * Fields are taken as slices (a quoted field with doubled quotes is unescaped once), not
 * built character by character: pg_stat_statements exports quote every query text.
 */
function parseQuotedRecord(text: string, start: number, delimiter: string, atEnd: boolean): QuotedRecord | undefined {
  const fields: string[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let lineBreaks = 0;
  let i = start;
  const length = text.length;
  for (;;) {
    // At the start of a field: skip spaces before an opening quote (lenient, as before).
    let j = i;
    while (j < length && text.charCodeAt(j) === 32) j++;
    if (j < length && text.charCodeAt(j) === 34) {
      let k = j + 1;
      let escaped = false;
      for (;;) {
        if (k >= length) return undefined; // inside quotes at the end of the text
        const c = text.charCodeAt(k);
        if (c === 34) {
          if (k + 1 >= length && !atEnd) return undefined; // might be a doubled quote split across chunks
          if (text.charCodeAt(k + 1) === 34) {
            escaped = true;
            k += 2;
            continue;
          }
          break;
        }
        if (c === 10) lineBreaks++;
        k++;
      }
      let field = text.slice(j + 1, k);
      if (escaped) field = field.replaceAll('""', '"');
      // Text after the closing quote (not RFC 4180, but seen) belongs to the field.
      let m = k + 1;
      while (m < length) {
        const c = text.charCodeAt(m);
        if (c === delimiterCode || c === 10 || (c === 13 && text.charCodeAt(m + 1) === 10)) break;
        m++;
      }
      if (m > k + 1) field += text.slice(k + 1, m);
      fields.push(field);
      i = m;
    } else {
      let m = i;
      while (m < length) {
        const c = text.charCodeAt(m);
        // A CR ends the record only before LF; a lone CR is data, as in the plain path.
        if (c === delimiterCode || c === 10 || (c === 13 && text.charCodeAt(m + 1) === 10)) break;
        m++;
      }
      fields.push(text.slice(i, m));
      i = m;
    }
    if (i >= length) {
      if (!atEnd) return undefined;
      return { fields, end: length, lineBreaks };
    }
    const c = text.charCodeAt(i);
    if (c === delimiterCode) {
      i++;
      continue;
    }
    if (c === 13) return { fields, end: i + 2, lineBreaks }; // CRLF
    return { fields, end: i + 1, lineBreaks }; // '\n'
  }
}
