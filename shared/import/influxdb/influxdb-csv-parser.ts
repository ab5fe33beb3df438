import { findUnit } from '../../units/unit-catalog.js';
import { unitFromHeader } from '../../units/unit-hints.js';
import { lastParsedOffsetMs, parseIsoAt } from '../../time/parse-timestamp.js';
import { isKnownTimeZone, WallClockConverter } from '../../time/zone-offset.js';
import { DelimitedTextReader, RecordTooLongError } from '../csv/delimited-text-reader.js';
import { ImportTally } from '../import-tally.js';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type StreamingParser } from '../import-types.js';
import { parseCellNumber, parsePlainDecimalAt } from '../parse-cell-number.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { buildTableLayout, noAnnotations, resolveUndecidedColumns, type InfluxAnnotations, type InfluxTableLayout, type InfluxValueColumn } from './influx-table-layout.js';

/** Options of the InfluxDB annotated CSV importer (a subset of ImportOptions). */
export interface InfluxDbCsvOptions {
  /** IANA zone for times written without a zone (Flux always writes one); UTC when absent. */
  readonly timeZone?: string | undefined;
  /** Unit per series name, base name or field (`{"cpu_usage_user": "%"}`). */
  readonly units?: Readonly<Record<string, string>> | undefined;
}

const FORMAT_ID = 'influxdb-csv';
const HASH = 35; // '#'

/**
 * Reads InfluxDB annotated CSV, as the `/api/v2/query` API, the `influx query --raw`
 * CLI and the Data Explorer's CSV download write Flux results
 * (https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/):
 * annotation rows (`#group`, `#datatype`, `#default`), a header row whose first
 * (annotation) column is empty, data rows; several tables per file, each with its own
 * annotations and header, separated by blank lines. Also reads files without
 * annotations (`,result,table,_time,…` or `result,table,…`) and pivoted tables (one
 * column per field instead of `_value`/`_field`).
 *
 * Series: `${_measurement}_${_field}` (or `${_measurement}_${column}` for pivoted
 * tables), labelled by the group key columns (tags); times from `_time` in UTC ms,
 * RFC3339Nano truncated to ms; `double`/`long`/`unsignedLong` values as numbers,
 * `boolean` as 1/0. Units are not in the format: from `options.units`, else guessed
 * from the field name (`used_percent` → %).
 *
 * @throws {ImportFormatError} (from push/end) for a Flux error table (`error,reference`),
 *   a header without `_time`, or a file with no value at all
 * @example
 * const parser = new InfluxDbCsvParser(sink);
 * parser.push('#datatype,string,long,dateTime:RFC3339,double,string,string\n,result,table,_time,_value,_field,_measurement\n,,0,2023-01-01T00:52:00Z,15.43,mem,m\n');
 * parser.end(); // sink got m_mem: [1672534320000, 15.43]
 */
export class InfluxDbCsvParser implements StreamingParser {
  private readonly reader: DelimitedTextReader;
  private readonly tally = new ImportTally();
  private readonly series: SeriesHandles;
  private readonly zone: WallClockConverter | undefined;
  private readonly unknownZone: string | undefined;
  private annotations: InfluxAnnotations = noAnnotations();
  /** Line of the first annotation row waiting for its header; 0 when none is. */
  private annotationsLine = 0;
  private layout: InfluxTableLayout | undefined;
  private headersRead = 0;
  private tablesRead = 0;
  private lastTable: string | undefined;
  private lastLine = 0;
  private otherHashRows = 0;
  private sawNanoseconds = false;
  private sawZonelessTime = false;
  /** Field indexes that identify a series in the current table (measurement, field, labels). */
  private identityIndexes: number[] = [];
  /** Identity cells of the last row, and the handles (one per value column) they map to. */
  private lastIdentity: string[] = [];
  private lastHandles: number[] | undefined;
  private handleCache = new Map<string, number[]>();

  constructor(private readonly sink: ImportSink, private readonly options: InfluxDbCsvOptions = {}) {
    this.series = new SeriesHandles(sink);
    this.reader = new DelimitedTextReader((fields, line) => this.onRecord(fields, line), { delimiter: ',' });
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
    const layout = this.layout;
    if (layout?.error !== undefined) throw new ImportFormatError(layout.headerLine, 'InfluxDB returned an error table (error,reference) without a message instead of data');
    if (layout === undefined) {
      if (this.annotationsLine > 0) throw new ImportFormatError(this.annotationsLine, 'annotation rows (#datatype, #group, #default) but no header row such as `,result,table,_time,_value,_field,_measurement` after them');
      throw new ImportFormatError(Math.max(1, this.lastLine), 'the file is empty: expected InfluxDB annotated CSV (a header such as `,result,table,_time,_value,_field,_measurement`)');
    }
    if (this.annotationsLine > 0) this.tally.issue(this.annotationsLine, 'annotation rows at the end of the file, without a header row after them (a cut-off file?)');
    this.tally.note(`${this.tablesRead} table${this.tablesRead === 1 ? '' : 's'} read (${this.headersRead} header row${this.headersRead === 1 ? '' : 's'})`);
    if (this.sawNanoseconds) this.tally.note('RFC3339Nano times truncated to whole milliseconds');
    if (this.sawZonelessTime) this.tally.note(`times without a zone read as ${this.zone?.timeZone ?? 'UTC'}`);
    if (this.otherHashRows > 0) this.tally.note(`${this.otherHashRows} row${this.otherHashRows === 1 ? '' : 's'} starting with '#' that are not annotations skipped`);
    if (this.tally.rowsRead === 0) {
      // No point was read, so this throws, naming the header.
      return this.tally.summary(FORMAT_ID, layout.headerLine, `the table header at line ${layout.headerLine} is not followed by any data row`);
    }
    return this.tally.summary(FORMAT_ID, this.lastLine, 'no data row holds a value');
  }

  private onRecord(fields: string[], line: number): void {
    this.lastLine = line;
    const first = fields[0] ?? '';
    if (first.charCodeAt(0) === HASH) {
      this.readAnnotation(fields, line);
      return;
    }
    const layout = this.layout;
    if (layout === undefined || this.annotationsLine > 0 || looksLikeHeader(fields)) {
      this.readHeader(fields, line);
      return;
    }
    this.readRow(fields, line, layout);
  }

  private readAnnotation(fields: string[], line: number): void {
    const name = (fields[0] ?? '').trim().toLowerCase();
    const kind = name === '#group' ? 'group' : name === '#datatype' ? 'datatype' : name === '#default' ? 'default' : undefined;
    if (kind === undefined) {
      this.otherHashRows++;
      return;
    }
    if (this.annotationsLine === 0) {
      // The first annotation after data starts the next table's block.
      this.annotations = noAnnotations();
      this.annotationsLine = line;
    }
    this.annotations[kind] = fields;
  }

  private readHeader(fields: string[], line: number): void {
    const previous = this.layout;
    if (previous?.error !== undefined) throw new ImportFormatError(previous.headerLine, 'InfluxDB returned an error table (error,reference) without a message instead of data');
    const annotations = this.annotations;
    const annotationsLine = this.annotationsLine;
    this.annotations = noAnnotations();
    this.annotationsLine = 0;
    const layout = buildTableLayout(fields, annotations, line);
    for (const kind of ['group', 'datatype', 'default'] as const) {
      const row = annotations[kind];
      if (row !== undefined && row.length !== fields.length) {
        this.tally.issue(annotationsLine, `the #${kind} row has ${row.length} cells; the header (line ${line}) has ${fields.length}`);
      }
    }
    this.layout = layout;
    this.headersRead++;
    this.lastTable = undefined;
    if (layout.error !== undefined) return;
    if (!layout.annotated) this.tally.note('no annotation rows: tags are the text columns, values the numeric ones (or _value)');
    if (layout.names[layout.timeIndex] === '_stop') this.tally.note("no '_time' column: times taken from '_stop' (the end of each aggregate's window)");
    if (layout.timeDatatype === 'dateTime:RFC3339Nano') this.sawNanoseconds = true;
    for (const reason of layout.skipped) this.tally.note(reason);
    this.startLayout(layout);
  }

  /** Resets the per-table caches once the value and label columns are known. */
  private startLayout(layout: InfluxTableLayout): void {
    if (layout.undecided.length > 0) return;
    const identity: number[] = [];
    if (layout.measurementIndex >= 0) identity.push(layout.measurementIndex);
    if (layout.fieldIndex >= 0) identity.push(layout.fieldIndex);
    identity.push(...layout.labels);
    this.identityIndexes = identity;
    this.lastIdentity = identity.map(() => '');
    this.lastHandles = undefined;
    this.handleCache = new Map();
    if (layout.values.length === 0) {
      this.tally.issue(layout.headerLine, 'the table has no numeric column (no _value, no double/long/unsignedLong/boolean column); its rows are skipped');
    }
    if (layout.values.some((v) => v.kind === 'boolean')) this.tally.note('boolean values read as 1 (true) and 0 (false)');
    if (layout.labels.length > 0) this.tally.note(`series labelled by ${layout.labels.map((i) => `'${layout.names[i] ?? ''}'`).join(', ')}`);
  }

  private readRow(fields: string[], line: number, layout: InfluxTableLayout): void {
    if (layout.error !== undefined) {
      const message = cell(fields, layout.error.messageIndex, layout).trim();
      const reference = layout.error.referenceIndex >= 0 ? cell(fields, layout.error.referenceIndex, layout).trim() : '';
      throw new ImportFormatError(line, `InfluxDB returned an error instead of data: ${message.length > 0 ? clip(message, 500) : '(no message)'}${reference.length > 0 ? ` (reference ${clip(reference)})` : ''}`);
    }
    this.tally.rowsRead++;
    if (fields.length !== layout.fieldCount) {
      this.tally.rejectRow(line, `the row has ${fields.length} field${fields.length === 1 ? '' : 's'}; the table header (line ${layout.headerLine}) has ${layout.fieldCount}`);
      return;
    }
    if (layout.hasAnnotationColumn && (fields[0] ?? '').trim() !== '') {
      this.tally.rejectRow(line, `unexpected text '${clip(fields[0] ?? '')}' in the first column (data rows leave the annotation column empty)`);
      return;
    }
    if (layout.undecided.length > 0) {
      resolveUndecidedColumns(layout, fields);
      this.startLayout(layout);
    }
    this.countTable(fields, layout);
    if (layout.values.length === 0) {
      this.tally.rowsRejected++;
      return;
    }
    const timeText = cell(fields, layout.timeIndex, layout);
    const timeMs = this.readTime(timeText, line);
    if (Number.isNaN(timeMs)) {
      this.tally.rejectRow(line, `column '${layout.names[layout.timeIndex] ?? ''}': '${clip(timeText)}' is not an RFC3339 time`);
      return;
    }
    const handles = this.handlesFor(fields, layout);
    let points = 0;
    let bad = 0;
    let v = -1;
    for (const column of layout.values) {
      v++;
      const text = cell(fields, column.index, layout);
      const value = readValue(column, text);
      if (value === null) {
        this.tally.cellsMissing++;
        continue;
      }
      if (value === undefined) {
        bad++;
        this.tally.rejectValue(line, valueProblem(column, text));
        continue;
      }
      let handle = handles[v] ?? -1;
      if (handle < 0) {
        // Declared on its first value, so that a column of refused cells leaves no empty series.
        handle = this.declare(fields, layout, column);
        handles[v] = handle;
      }
      this.sink.addPoint(handle, timeMs, value);
      points++;
    }
    this.tally.pointsRead += points;
    if (points === 0 && bad > 0) this.tally.rowsRejected++;
  }

  private countTable(fields: string[], layout: InfluxTableLayout): void {
    const table = layout.tableIndex >= 0 ? cell(fields, layout.tableIndex, layout) : '';
    if (table !== this.lastTable) {
      this.tablesRead++;
      this.lastTable = table;
    }
  }

  /** UTC ms of an RFC3339 time, or NaN. */
  private readTime(text: string, line: number): number {
    const wallClockMs = parseIsoAt(text, 0, text.length);
    if (Number.isNaN(wallClockMs)) return Number.NaN;
    // RFC3339Nano: more than 3 fraction digits (`…:00.123456789Z`); parseIsoAt truncates them.
    if (!this.sawNanoseconds && text.charCodeAt(19) === 46 && isDigit(text.charCodeAt(23))) this.sawNanoseconds = true;
    const offsetMs = lastParsedOffsetMs();
    if (!Number.isNaN(offsetMs)) return wallClockMs - offsetMs;
    if (this.unknownZone !== undefined) throw new ImportFormatError(line, `unknown time zone '${this.unknownZone}' for times written without a zone`);
    this.sawZonelessTime = true;
    return this.zone === undefined ? wallClockMs : this.zone.toUtc(wallClockMs);
  }

  /**
   * The handles (one per value column, -1 until declared) of the row's series. Rows of
   * one table share their identity, so comparing with the last row avoids a key per row.
   */
  private handlesFor(fields: string[], layout: InfluxTableLayout): number[] {
    const indexes = this.identityIndexes;
    let handles = this.lastHandles;
    if (handles !== undefined) {
      for (let k = 0; k < indexes.length; k++) {
        if (cell(fields, indexes[k] ?? -1, layout) !== this.lastIdentity[k]) {
          handles = undefined;
          break;
        }
      }
      if (handles !== undefined) return handles;
    }
    for (let k = 0; k < indexes.length; k++) this.lastIdentity[k] = cell(fields, indexes[k] ?? -1, layout);
    const key = this.lastIdentity.join('\u0000');
    handles = this.handleCache.get(key);
    if (handles === undefined) {
      handles = layout.values.map(() => -1);
      this.handleCache.set(key, handles);
    }
    this.lastHandles = handles;
    return handles;
  }

  private declare(fields: string[], layout: InfluxTableLayout, column: InfluxValueColumn): number {
    const measurement = layout.measurementIndex >= 0 ? cell(fields, layout.measurementIndex, layout) : '';
    const labels: Record<string, string> = {};
    for (const index of layout.labels) {
      const value = cell(fields, index, layout);
      if (value !== '') labels[layout.names[index] ?? ''] = value;
    }
    const fieldCell = layout.fieldIndex >= 0 ? cell(fields, layout.fieldIndex, layout) : '';
    const field = column.column === '_value' && fieldCell !== '' ? fieldCell : column.column;
    const base = measurement !== '' ? `${measurement}_${field}` : field;
    const origin =
      column.column === '_value'
        ? `_measurement '${measurement}', _field '${field}' (table header at line ${layout.headerLine})`
        : `column '${column.column}' (table header at line ${layout.headerLine})`;
    return this.series.handle(base, labels, this.unitFor(seriesName(base, labels), base, field), origin);
  }

  private unitFor(name: string, base: string, field: string): string {
    const units = this.options.units;
    const mapped = units === undefined ? undefined : [name, base, field].map((k) => (Object.hasOwn(units, k) ? units[k] : undefined)).find((u) => u !== undefined);
    if (mapped !== undefined && mapped.trim().length > 0) return findUnit(mapped.trim())?.id ?? mapped.trim();
    return unitFromHeader(field) ?? '';
  }
}

/** The cell at `index`, or the table's `#default` for it when the cell is empty. */
function cell(fields: readonly string[], index: number, layout: InfluxTableLayout): string {
  const text = fields[index] ?? '';
  return text === '' ? (layout.defaults[index] ?? '') : text;
}

/** A number, null for a gap (empty, NaN), undefined for text that is not a value. */
function readValue(column: InfluxValueColumn, text: string): number | null | undefined {
  if (column.kind === 'number') {
    const plain = parsePlainDecimalAt(text, 0, text.length);
    return Number.isNaN(plain) ? parseCellNumber(text, false) : plain;
  }
  if (text === '') return null;
  if (column.kind === 'boolean') {
    if (text === 'true') return 1;
    if (text === 'false') return 0;
  }
  return undefined;
}

function valueProblem(column: InfluxValueColumn, text: string): string {
  if (column.kind === 'boolean') return `column '${column.column}': '${clip(text)}' is not true or false`;
  if (column.kind === 'unsupported') return `column '${column.column}' has datatype '${clip(column.datatype)}': '${clip(text)}' is not a number`;
  return `column '${column.column}': '${clip(text)}' is not a number`;
}

/**
 * A header of a table without annotations, after a blank line: `result,table,…`,
 * `,result,table,…`, or any row naming `_time` (which no data cell is).
 */
function looksLikeHeader(fields: readonly string[]): boolean {
  const a = fields[0];
  const b = fields[1];
  if (a === 'result' && b === 'table') return true;
  if (a === '' && b === 'result' && fields[2] === 'table') return true;
  return fields.includes('_time');
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function asFormatError(error: unknown): unknown {
  if (error instanceof RecordTooLongError) return new ImportFormatError(error.line, error.message);
  return error;
}
