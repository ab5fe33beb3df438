import { findUnit } from '../../units/unit-catalog.js';
import { isKnownTimeZone, WallClockConverter } from '../../time/zone-offset.js';
import { DelimitedTextReader, RecordTooLongError } from '../csv/delimited-text-reader.js';
import { ImportTally } from '../import-tally.js';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type StreamingParser } from '../import-types.js';
import { parseCellNumber, parsePlainDecimalAt } from '../parse-cell-number.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { sadfIdentityLabel, sadfIdentityValue, sadfUnit } from './sadf-columns.js';
import { SadfTimestampReader } from './sadf-timestamp.js';

/** Options of the sadf importer (a subset of ImportOptions). */
export interface SadfOptions {
  /** IANA zone of timestamps written without UTC (`sadf -d -t`/`-T`); UTC when absent. */
  readonly timeZone?: string | undefined;
  /** Unit per series name or column (`{"tps": "IOPS"}`); wins over the name rules. */
  readonly units?: Readonly<Record<string, string>> | undefined;
}

/** One activity block: the columns of its `# hostname;interval;timestamp;…` header. */
interface SadfBlock {
  readonly headerLine: number;
  readonly columns: readonly string[];
  readonly fieldCount: number;
  /** Field indexes of the columns that identify the row's subject (CPU, DEV, IFACE …). */
  readonly identity: readonly number[];
  /** Field indexes of the value columns. */
  readonly values: readonly number[];
  /** Handles (one per value column) by host and identity cells. */
  readonly handles: Map<string, number[]>;
}

const FORMAT_ID = 'sadf';
const HASH = 35; // '#'
/** Distinct headers remembered (a month of daily files concatenated repeats a handful). */
const MAX_BLOCKS = 1000;
const MAX_RESTART_NOTES = 20;
const MAX_RESTARTS_REMEMBERED = 10_000;

/**
 * Reads the output of sysstat's `sadf -d` (`man sadf`; https://github.com/sysstat/sysstat):
 * semicolon-separated records `hostname;interval;timestamp;…`, in activity blocks
 * that each start with their own `# hostname;interval;timestamp;CPU;%user;…` header.
 * Columns are mapped by name (they differ between sysstat versions). One series per
 * value column and subject: `%user{cpu="all",host="db1"}`, `rkB/s{device="dev8-0",host="db1"}`.
 * Units from the column name: `%…` → %, `…kB/s` → KiB/s, `kb…` → KiB (sysstat's kB
 * are 1024 bytes), `…/s` → /s. Timestamps: UTC (default), epoch seconds (`-U`), local
 * time (`-t`/`-T`, read in `options.timeZone`), and old sysstat's `HH-MM-SS`; decimal
 * commas (non-C locales) are read. `LINUX-RESTART` and `COM` records are not data:
 * they are counted and noted.
 *
 * @throws {ImportFormatError} (from push/end) when the file holds no value at all, or is
 *   `sadf -p` output
 * @example
 * const parser = new SadfParser(sink);
 * parser.push('# hostname;interval;timestamp;CPU;%user;%idle\ndb1;600;2016-02-08 15:20:01 UTC;-1;0.60;98.14\n');
 * parser.end(); // sink got %user{cpu="all",host="db1"}: [1454944801000, 0.6], and %idle
 */
export class SadfParser implements StreamingParser {
  private readonly reader: DelimitedTextReader;
  private readonly tally = new ImportTally();
  private readonly series: SeriesHandles;
  private readonly timestamps = new SadfTimestampReader();
  private readonly zone: WallClockConverter | undefined;
  private readonly unknownZone: string | undefined;
  private readonly blocks = new Map<string, SadfBlock>();
  private block: SadfBlock | undefined;
  /** Line of the header read last (a block's header repeats, e.g. after a restart). */
  private blockHeaderLine = 0;
  private lastLine = 0;
  /** The host and identity cells of the last row, and their handles. */
  private lastHost = '';
  private lastIdentity: string[] = [];
  private lastHandles: number[] | undefined;
  private lastTimeText = '';
  private lastTimeMs = Number.NaN;
  private readonly timeKinds = new Set<string>();
  private readonly zoneNames = new Set<string>();
  private sawDashedTime = false;
  private sawDecimalComma = false;
  private sawKibibytes = false;
  private minInterval = Number.POSITIVE_INFINITY;
  private maxInterval = Number.NEGATIVE_INFINITY;
  private lastIntervalText = '';
  private restarts = 0;
  private readonly restartKeys = new Set<string>();
  private comments = 0;
  private otherHashLines = 0;

  constructor(private readonly sink: ImportSink, private readonly options: SadfOptions = {}) {
    this.series = new SeriesHandles(sink);
    this.reader = new DelimitedTextReader((fields, line) => this.onRecord(fields, line), { delimiter: ';' });
    const zone = options.timeZone;
    const wanted = zone !== undefined && zone.toUpperCase() !== 'UTC';
    this.zone = wanted && isKnownTimeZone(zone) ? new WallClockConverter(zone) : undefined;
    this.unknownZone = wanted && this.zone === undefined ? zone : undefined;
  }

  push(text: string): void {
    try {
      this.reader.push(text);
    } catch (error) {
      throw asFormatError(error);
    }
  }

  end(): ImportFileSummary {
    try {
      this.reader.end();
    } catch (error) {
      throw asFormatError(error);
    }
    this.writeNotes();
    if (this.blocks.size === 0 && this.tally.firstIssue() === undefined) {
      throw new ImportFormatError(Math.max(1, this.lastLine), 'no sadf -d header line: expected a line such as `# hostname;interval;timestamp;CPU;%user;…` (export with `sadf -d`)');
    }
    return this.tally.summary(FORMAT_ID, this.block === undefined ? Math.max(1, this.lastLine) : this.blockHeaderLine, 'the header lines are not followed by any data line');
  }

  private onRecord(fields: string[], line: number): void {
    this.lastLine = line;
    const first = fields[0] ?? '';
    if (first.charCodeAt(0) === HASH || first === 'hostname') {
      if (isHeader(fields)) this.readHeader(fields, line);
      else this.otherHashLines++; // block separators (`#+Processor`), comments
      return;
    }
    const fourth = fields[3];
    if (fourth !== undefined) {
      if (fourth.startsWith('LINUX-RESTART')) {
        this.readRestart(fields, line);
        return;
      }
      if (fourth.startsWith('COM ') && (fields[1] ?? '').trim() === '-1') {
        this.comments++;
        return;
      }
    }
    this.readRow(fields, line);
  }

  private readHeader(fields: string[], line: number): void {
    const key = fields.join(';');
    let block = this.blocks.get(key);
    if (block === undefined) {
      const columns = fields.map((f, i) => (i === 0 ? 'hostname' : f.trim()));
      const identity: number[] = [];
      const values: number[] = [];
      for (let i = 3; i < columns.length; i++) {
        const name = columns[i] ?? '';
        if (name === '') continue; // a trailing ';'
        if (sadfIdentityLabel(name) !== undefined) identity.push(i);
        else values.push(i);
      }
      if (values.length === 0) this.tally.issue(line, 'the header names no value column; the lines of this block are skipped');
      block = { headerLine: line, columns, fieldCount: fields.length, identity, values, handles: new Map() };
      if (this.blocks.size >= MAX_BLOCKS) this.blocks.clear();
      this.blocks.set(key, block);
    }
    this.block = block;
    this.blockHeaderLine = line;
    this.lastHandles = undefined;
    this.lastIdentity = block.identity.map(() => '');
  }

  private readRestart(fields: string[], line: number): void {
    const host = (fields[0] ?? '').trim();
    const timeText = fields[2] ?? '';
    const key = `${host}\u0000${timeText.trim()}`;
    if (this.restartKeys.has(key)) return; // sadf repeats it in every activity block
    if (this.restartKeys.size < MAX_RESTARTS_REMEMBERED) this.restartKeys.add(key);
    this.restarts++;
    if (this.restarts > MAX_RESTART_NOTES) return;
    const timeMs = this.readTime(timeText, line);
    const cpus = /\((\d+) CPU\)/.exec(fields[3] ?? '')?.[1];
    const when = Number.isNaN(timeMs) ? `'${clip(timeText.trim())}'` : new Date(timeMs).toISOString();
    this.tally.note(`system restarted at ${when}${host.length > 0 ? ` on ${clip(host)}` : ''}${cpus === undefined ? '' : ` (${cpus} CPUs)`} (line ${line})`);
  }

  private readRow(fields: string[], line: number): void {
    this.tally.rowsRead++;
    const block = this.block;
    if (block === undefined) {
      if (fields.length === 1 && (fields[0] ?? '').includes('\t')) {
        throw new ImportFormatError(line, 'tab-separated lines: this looks like `sadf -p` output; export with `sadf -d` (semicolon-separated)');
      }
      this.tally.rejectRow(line, 'a data line before any header line (`# hostname;interval;timestamp;…`)');
      return;
    }
    if (fields.length !== block.fieldCount) {
      this.tally.rejectRow(line, `the line has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header of its block (line ${this.blockHeaderLine}) has ${block.fieldCount}`);
      return;
    }
    if (block.values.length === 0) {
      this.tally.rowsRejected++;
      return;
    }
    const timeText = fields[2] ?? '';
    const timeMs = this.readTime(timeText, line);
    if (Number.isNaN(timeMs)) {
      this.tally.rejectRow(line, `column 'timestamp': '${clip(timeText)}' is not a sadf timestamp (YYYY-MM-DD HH:MM:SS [UTC], or epoch seconds)`);
      return;
    }
    this.noteInterval(fields[1] ?? '');
    const handles = this.handlesFor(fields, block);
    let points = 0;
    let bad = 0;
    let v = -1;
    for (const index of block.values) {
      v++;
      const text = fields[index] ?? '';
      let value: number | null | undefined = parsePlainDecimalAt(text, 0, text.length);
      if (Number.isNaN(value)) {
        value = parseCellNumber(text, true);
        if (typeof value === 'number' && !this.sawDecimalComma && text.includes(',')) this.sawDecimalComma = true;
      }
      if (value === null) {
        this.tally.cellsMissing++;
        continue;
      }
      if (value === undefined) {
        bad++;
        this.tally.rejectValue(line, `column '${block.columns[index] ?? ''}': '${clip(text)}' is not a number`);
        continue;
      }
      let handle = handles[v] ?? -1;
      if (handle < 0) {
        // Declared on its first value, so that a column of gaps or refused cells leaves no empty series.
        handle = this.declare(fields, block, index);
        handles[v] = handle;
      }
      this.sink.addPoint(handle, timeMs, value);
      points++;
    }
    this.tally.pointsRead += points;
    if (points === 0 && bad > 0) this.tally.rowsRejected++;
  }

  /** UTC ms of a timestamp cell, or NaN. Rows of one sample share theirs, so the last is kept. */
  private readTime(text: string, line: number): number {
    if (text === this.lastTimeText) return this.lastTimeMs;
    const reader = this.timestamps;
    let ms = reader.read(text);
    if (Number.isNaN(ms)) return ms;
    if (reader.kind === 'local') {
      if (this.unknownZone !== undefined) throw new ImportFormatError(line, `unknown time zone '${this.unknownZone}' for timestamps written without UTC`);
      if (this.zone !== undefined) ms = this.zone.toUtc(ms);
      if (reader.zoneName !== '' && this.zoneNames.size < 10) this.zoneNames.add(reader.zoneName);
    }
    this.timeKinds.add(reader.kind);
    if (reader.dashed) this.sawDashedTime = true;
    this.lastTimeText = text;
    this.lastTimeMs = ms;
    return ms;
  }

  private noteInterval(text: string): void {
    if (text === this.lastIntervalText) return;
    this.lastIntervalText = text;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    if (seconds < this.minInterval) this.minInterval = seconds;
    if (seconds > this.maxInterval) this.maxInterval = seconds;
  }

  /**
   * The handles (one per value column, -1 until declared) of the row's series;
   * consecutive rows of one subject reuse the last ones without building a key.
   */
  private handlesFor(fields: string[], block: SadfBlock): number[] {
    const host = fields[0] ?? '';
    const identity = block.identity;
    let handles = this.lastHandles;
    if (handles !== undefined && host === this.lastHost) {
      for (let k = 0; k < identity.length; k++) {
        if (fields[identity[k] ?? -1] !== this.lastIdentity[k]) {
          handles = undefined;
          break;
        }
      }
      if (handles !== undefined) return handles;
    }
    this.lastHost = host;
    let key = host;
    for (let k = 0; k < identity.length; k++) {
      const cell = fields[identity[k] ?? -1] ?? '';
      this.lastIdentity[k] = cell;
      key += `\u0000${cell}`;
    }
    handles = block.handles.get(key);
    if (handles === undefined) {
      handles = block.values.map(() => -1);
      block.handles.set(key, handles);
    }
    this.lastHandles = handles;
    return handles;
  }

  private declare(fields: string[], block: SadfBlock, valueIndex: number): number {
    const labels: Record<string, string> = {};
    const host = (fields[0] ?? '').trim();
    if (host !== '') labels['host'] = host;
    for (const index of block.identity) {
      const column = block.columns[index] ?? '';
      const value = sadfIdentityValue(column, fields[index] ?? '');
      const label = sadfIdentityLabel(column);
      if (label !== undefined && value !== '') labels[label] = value;
    }
    const column = block.columns[valueIndex] ?? '';
    const unit = this.unitFor(seriesName(column, labels), column);
    if (unit === 'KiB' || unit === 'KiB/s') this.sawKibibytes = true;
    return this.series.handle(column, labels, unit, `column '${column}' (header at line ${block.headerLine})`);
  }

  private unitFor(name: string, column: string): string {
    const units = this.options.units;
    const mapped = units === undefined ? undefined : Object.hasOwn(units, name) ? units[name] : Object.hasOwn(units, column) ? units[column] : undefined;
    if (mapped !== undefined && mapped.trim().length > 0) return findUnit(mapped.trim())?.id ?? mapped.trim();
    return sadfUnit(column);
  }

  private writeNotes(): void {
    const note = (text: string): void => this.tally.note(text);
    note(`${this.blocks.size} activity block${this.blocks.size === 1 ? '' : 's'} (header lines \`# hostname;interval;timestamp;…\`); columns mapped by name`);
    if (this.timeKinds.has('utc')) note('timestamps in UTC (the sadf default)');
    if (this.timeKinds.has('epoch')) note('timestamps in epoch seconds (sadf -U)');
    if (this.timeKinds.has('local')) {
      const written = this.zoneNames.size > 0 ? `, written with the zone abbreviation ${[...this.zoneNames].join(', ')}` : '';
      note(
        this.zone === undefined
          ? `timestamps in local time without a UTC offset (sadf -t/-T${written}) read as UTC; set the time zone option to the server's zone if they are not`
          : `timestamps in local time without a UTC offset (sadf -t/-T${written}) read in ${this.zone.timeZone}`,
      );
    }
    if (this.sawDashedTime) note('times of day written HH-MM-SS (old sysstat versions)');
    if (this.sawDecimalComma) note('decimal commas (a non-C locale) read as decimal points');
    if (this.sawKibibytes) note('sysstat kB are 1024 bytes: kB/s columns imported as KiB/s, kb… columns as KiB');
    if (this.minInterval <= this.maxInterval) {
      note(this.minInterval === this.maxInterval ? `sampling interval ${this.minInterval} s` : `sampling interval varies from ${this.minInterval} to ${this.maxInterval} s`);
    }
    if (this.restarts > 0) note(`${this.restarts} restart record${this.restarts === 1 ? '' : 's'} (LINUX-RESTART) skipped: they are not data`);
    if (this.comments > 0) note(`${this.comments} comment record${this.comments === 1 ? '' : 's'} (COM) skipped`);
    if (this.otherHashLines > 0) note(`${this.otherHashLines} other line${this.otherHashLines === 1 ? '' : 's'} starting with '#' (block separators) skipped`);
  }
}

/** `# hostname;interval;timestamp;…` (or without `#`, as very old sysstat wrote it). */
function isHeader(fields: readonly string[]): boolean {
  const first = fields[0] ?? '';
  const name = first.charCodeAt(0) === HASH ? first.slice(1).trim() : first;
  return name === 'hostname' && (fields[1] ?? '').trim() === 'interval' && (fields[2] ?? '').trim() === 'timestamp';
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function asFormatError(error: unknown): unknown {
  if (error instanceof RecordTooLongError) return new ImportFormatError(error.line, error.message);
  return error;
}
