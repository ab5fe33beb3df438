import { unitFromHeader } from '../../units/unit-hints.js';
import { findUnit, type UnitDefinition } from '../../units/unit-catalog.js';
import { parseSeriesName, seriesName } from '../series-naming.js';
import { convertUnit, parseValueWithUnit } from './value-with-unit.js';
import { EPOCH_FACTORS_TO_MS, lastParsedOffsetMs, parseIsoAt, parseIsoTime } from '../../time/parse-timestamp.js';
import { WallClockConverter } from '../../time/zone-offset.js';
import { parseCellNumber, parsePlainDecimalAt } from '../parse-cell-number.js';
import {
  ImportFormatError,
  MAX_REPORTED_ISSUES,
  type DelimitedLayout,
  type ImportFileSummary,
  type ImportIssue,
  type ImportSink,
  type StreamingParser,
} from '../import-types.js';
import { DelimitedTextReader } from './delimited-text-reader.js';
import { inferTimeFormat, looksLikeTimeHeader, TIME_FORMATS, type TimeFormat } from './time-column.js';

/** Options of the generic CSV/TSV importer; every automatic decision can be overridden. */
export interface GenericCsvOptions {
  /** Header name, or 1-based column number, of the time column. */
  readonly timeColumn?: string | undefined;
  readonly timeFormat?: TimeFormat | 'auto' | undefined;
  /** IANA zone for ISO times written without a zone; UTC when absent. */
  readonly timeZone?: string | undefined;
  /** Unit per column header or series name (`{"mem_used": "GiB"}`); wins over hints. */
  readonly units?: Readonly<Record<string, string>> | undefined;
  readonly delimiter?: string | undefined;
  /**
   * Values may carry the unit a dashboard displays (`45.3%`, `1.2 GB`), as Grafana's
   * "Formatted data" export writes them; each column is converted to one unit.
   */
  readonly formattedValues?: boolean | undefined;
  /** Said in the report when times without a zone are read as UTC (the exporter's convention). */
  readonly zoneHint?: string | undefined;
}

/** Columns whose text names the series in long-format files (`series,timestamp,value`). */
const NAME_COLUMNS = new Set(['series', 'metric', 'name', '__name__', 'metric_name', 'series_name']);
const UNIT_COLUMNS = new Set(['unit', 'units']);
/** Data rows read before the columns are classified. */
const SAMPLE_ROWS = 50;

type ColumnRole = 'time' | 'value' | 'name' | 'unit' | 'label';

interface Layout {
  readonly headers: readonly string[];
  readonly roles: readonly ColumnRole[];
  readonly timeIndex: number;
  readonly timeFormat: TimeFormat;
  readonly valueColumns: readonly number[];
  readonly identityColumns: readonly number[];
}

/**
 * Reads a generic delimited metrics file: a header row, one time column (ISO-8601
 * with or without zone, or epoch s/ms/µs/ns), and either one column per metric
 * (wide) or text columns naming the series (long: `series,timestamp,value[,unit]`,
 * `timestamp,host,cpu_pct`). Missing cells are gaps; bad cells and rows are reported
 * with their line and the reason, and the rest of the row is kept.
 */
export class GenericCsvParser implements StreamingParser {
  private readonly reader: DelimitedTextReader;
  private header: { fields: string[]; line: number } | undefined;
  private readonly sampleRows: { fields: string[]; line: number }[] = [];
  private layout: Layout | undefined;
  private readonly seriesHandles = new Map<string, number>();
  private readonly wideHandles: number[] = [];
  private readonly zoneConverter: WallClockConverter | undefined;
  private rowsRead = 0;
  private rowsRejected = 0;
  private cellsRejected = 0;
  private cellsMissing = 0;
  private pointsRead = 0;
  private readonly issues: ImportIssue[] = [];
  private readonly notes: string[] = [];
  /** Per value column, the unit formatted values are converted to (Grafana "Formatted data"). */
  private readonly displayUnits: (UnitDefinition | undefined)[] = [];
  /** Field boundaries of the line being read in place (reused: no allocation per row). */
  private fieldStarts = new Int32Array(0);
  private fieldEnds = new Int32Array(0);

  constructor(private readonly sink: ImportSink, private readonly options: GenericCsvOptions = {}) {
    this.reader = new DelimitedTextReader((fields, line) => this.onRecord(fields, line), {
      delimiter: options.delimiter,
      commentPrefix: '#',
    });
    this.reader.onPlainLine = (text, start, end, line) => this.readPlainLine(text, start, end, line);
    const zone = options.timeZone;
    this.zoneConverter = zone !== undefined && zone.toUpperCase() !== 'UTC' ? new WallClockConverter(zone) : undefined;
  }

  push(text: string): void {
    this.reader.push(text);
  }

  end(): ImportFileSummary {
    this.reader.end();
    if (this.header === undefined) throw new ImportFormatError(1, 'the file is empty: expected a header row such as `timestamp,cpu_pct`');
    if (this.layout === undefined && this.sampleRows.length === 0) {
      throw new ImportFormatError(this.header.line, 'the header was found but no data rows follow it');
    }
    if (this.layout === undefined) this.decideLayout();
    if (this.pointsRead === 0) {
      const first = this.issues[0];
      if (first !== undefined) throw new ImportFormatError(first.line, `no value could be read; first problem: ${first.reason}`);
      throw new ImportFormatError(this.header.line, 'the header was found but no data rows with values follow it');
    }
    return {
      format: 'csv',
      rowsRead: this.rowsRead,
      rowsRejected: this.rowsRejected,
      cellsRejected: this.cellsRejected,
      cellsMissing: this.cellsMissing,
      pointsRead: this.pointsRead,
      issues: this.issues,
      notes: this.notes,
    };
  }

  /** @see StreamingParser.describeLayout */
  describeLayout(): DelimitedLayout | undefined {
    const layout = this.layout;
    if (layout === undefined) return undefined;
    return {
      delimiter: this.reader.detectedDelimiter ?? ',',
      columns: layout.headers.map((name, i) => ({
        name,
        role: layout.roles[i] ?? 'label',
        unit: this.displayUnits[i]?.id ?? canonicalUnit(ownValue(this.options.units, name)) ?? unitFromHeader(name) ?? '',
      })),
      timeColumn: layout.headers[layout.timeIndex] ?? '',
      timeFormat: layout.timeFormat,
    };
  }

  private onRecord(fields: string[], line: number): void {
    if (this.header === undefined) {
      this.header = { fields: fields.map((f) => f.trim()), line };
      return;
    }
    if (this.layout === undefined) {
      this.sampleRows.push({ fields, line });
      if (this.sampleRows.length >= SAMPLE_ROWS) this.decideLayout();
      return;
    }
    this.readRow(fields, line);
  }

  private decideLayout(): void {
    const header = this.header;
    if (header === undefined) return;
    const headers = header.fields.map((h, i) => (h.length > 0 ? h : `column ${i + 1}`));
    const column = (i: number): string[] => this.sampleRows.map((r) => r.fields[i] ?? '');
    const timeIndex = this.findTimeColumn(headers, column);
    const timeFormat = this.decideTimeFormat(headers, timeIndex, column(timeIndex));
    const roles: ColumnRole[] = headers.map((h, i) => {
      if (i === timeIndex) return 'time';
      const lower = h.toLowerCase();
      // A unit column of unitless series is empty, not text: its name decides.
      if (UNIT_COLUMNS.has(lower) && column(i).every((cell) => cell.trim() === '' || looksTextual([cell], false))) return 'unit';
      if (looksTextual(column(i), this.options.formattedValues === true)) {
        if (NAME_COLUMNS.has(lower)) return 'name';
        if (UNIT_COLUMNS.has(lower)) return 'unit';
        return 'label';
      }
      return 'value';
    });
    const valueColumns = roles.flatMap((r, i) => (r === 'value' ? [i] : []));
    if (valueColumns.length === 0) {
      throw new ImportFormatError(header.line, `no numeric column besides the time column '${headers[timeIndex]}': expected columns of values such as cpu_pct`);
    }
    const identityColumns = roles.flatMap((r, i) => (r === 'name' || r === 'unit' || r === 'label' ? [i] : []));
    this.layout = { headers, roles, timeIndex, timeFormat, valueColumns, identityColumns };
    this.notes.push(`time column '${headers[timeIndex]}' read as ${describeTimeFormat(timeFormat, this.options.timeZone)}`);
    if (timeFormat === 'iso' && this.options.timeZone === undefined && this.options.zoneHint !== undefined) this.notes.push(this.options.zoneHint);
    this.notes.push(`delimiter ${JSON.stringify(this.reader.detectedDelimiter ?? ',')}`);
    if (identityColumns.length > 0) {
      this.notes.push(`series named by column${identityColumns.length > 1 ? 's' : ''} ${identityColumns.map((i) => `'${headers[i]}'`).join(', ')}`);
    }
    if (this.options.formattedValues === true) {
      for (const index of valueColumns) {
        const unit = column(index).map(parseValueWithUnit).find((v) => v?.unit !== undefined)?.unit;
        if (unit !== undefined) {
          this.displayUnits[index] = unit;
          this.notes.push(`column '${headers[index]}' holds formatted values; all converted to ${unit.id}`);
        }
      }
    }
    if (identityColumns.length === 0) {
      for (const index of valueColumns) this.wideHandles[index] = this.declare(headers[index] ?? '', {}, this.displayUnits[index]?.id, index);
    }
    for (const row of this.sampleRows) this.readRow(row.fields, row.line);
    this.sampleRows.length = 0;
  }

  private findTimeColumn(headers: readonly string[], column: (i: number) => string[]): number {
    const requested = this.options.timeColumn;
    const line = this.header?.line ?? 1;
    if (requested !== undefined) {
      const byName = headers.findIndex((h) => h === requested);
      if (byName >= 0) return byName;
      const byNumber = Number(requested);
      if (Number.isInteger(byNumber) && byNumber >= 1 && byNumber <= headers.length) return byNumber - 1;
      throw new ImportFormatError(line, `time column '${requested}' is not in the header (${headers.join(', ')})`);
    }
    const named = headers.findIndex(looksLikeTimeHeader);
    if (named >= 0) return named;
    const iso = headers.findIndex((_, i) => inferTimeFormat(column(i)) === 'iso');
    if (iso >= 0) return iso;
    const firstFormat = inferTimeFormat(column(0));
    if (firstFormat !== undefined && this.sampleRows.length > 0) return 0;
    throw new ImportFormatError(
      line,
      `no timestamp column: expected a header row with a column of ISO-8601 times or epoch seconds/milliseconds (for example 'timestamp,cpu_pct'); name it with --time-column`,
    );
  }

  private decideTimeFormat(headers: readonly string[], timeIndex: number, samples: string[]): TimeFormat {
    const requested = this.options.timeFormat;
    if (requested !== undefined && requested !== 'auto') {
      if (!TIME_FORMATS.includes(requested)) throw new ImportFormatError(1, `unknown time format '${String(requested)}'`);
      return requested;
    }
    const inferred = inferTimeFormat(samples);
    if (inferred === undefined) {
      const firstRow = this.sampleRows[0];
      throw new ImportFormatError(
        firstRow?.line ?? this.header?.line ?? 1,
        `column '${headers[timeIndex]}' holds neither ISO-8601 times nor epoch numbers (first value '${samples[0] ?? ''}'); set the format with --time-format iso|epoch-s|epoch-ms|epoch-us|epoch-ns`,
      );
    }
    return inferred;
  }

  private readRow(fields: string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) return;
    this.rowsRead++;
    if (fields.length !== layout.headers.length) {
      if (!(fields.length === 1 && (fields[0] ?? '').trim() === '')) {
        this.reject(line, `the row has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${layout.headers.length}`);
      }
      this.rowsRejected++;
      return;
    }
    const timeText = fields[layout.timeIndex] ?? '';
    const timeMs = this.parseTime(timeText);
    if (timeMs === undefined) {
      this.rowsRejected++;
      this.reject(line, `column '${layout.headers[layout.timeIndex]}': '${clip(timeText)}' is not ${layout.timeFormat === 'iso' ? 'an ISO-8601 date-time' : `an epoch time (${layout.timeFormat})`}`);
      return;
    }
    let pointsInRow = 0;
    let badInRow = 0;
    const decimalComma = this.reader.detectedDelimiter !== ',';
    for (const index of layout.valueColumns) {
      const text = fields[index] ?? '';
      const value = this.parseValue(index, text, decimalComma);
      if (!this.keepCell(value, line, index, text, 0, text.length)) {
        if (value === undefined) badInRow++;
        continue;
      }
      const handle = layout.identityColumns.length === 0 ? this.wideHandles[index] : this.handleForLongRow(fields, index, layout);
      if (handle === undefined) continue;
      this.sink.addPoint(handle, timeMs, value);
      pointsInRow++;
    }
    this.pointsRead += pointsInRow;
    if (pointsInRow === 0 && badInRow > 0) this.rowsRejected++;
  }

  /**
   * The fast path for wide files: reads an unquoted line in place — field boundaries,
   * numbers and times straight from the text, without a string per field. Any
   * row it cannot read plainly (wrong field count, odd time, …) goes to readRow, which
   * reports it; cells that are not plain decimals go through parseCellNumber.
   */
  private readPlainLine(text: string, start: number, end: number, line: number): boolean {
    const layout = this.layout;
    if (layout === undefined || layout.identityColumns.length > 0) return false;
    const count = layout.headers.length;
    if (this.fieldStarts.length !== count) {
      this.fieldStarts = new Int32Array(count);
      this.fieldEnds = new Int32Array(count);
    }
    const delimiter = this.reader.detectedDelimiter ?? ',';
    const delimiterCode = delimiter.charCodeAt(0);
    let pos = start;
    for (let f = 0; f < count; f++) {
      // A plain loop, not indexOf(delimiter, pos): V8's optimised indexOf with a
      // variable needle fell off a performance cliff here (30× slower on 2 M rows).
      let next = pos;
      while (next < end && text.charCodeAt(next) !== delimiterCode) next++;
      if (next < end && f === count - 1) return false; // more fields than the header
      this.fieldStarts[f] = pos;
      this.fieldEnds[f] = next;
      pos = next + 1;
      if (next === end && f < count - 1) return false; // fewer fields than the header
    }
    const timeMs = this.parseTimeAt(text, this.fieldStarts[layout.timeIndex] as number, this.fieldEnds[layout.timeIndex] as number);
    if (Number.isNaN(timeMs)) return false;
    this.rowsRead++;
    let pointsInRow = 0;
    let badInRow = 0;
    for (const index of layout.valueColumns) {
      const s = this.fieldStarts[index] as number;
      const e = this.fieldEnds[index] as number;
      let value: number | null | undefined = parsePlainDecimalAt(text, s, e);
      if (Number.isNaN(value)) value = this.parseValue(index, text.slice(s, e), delimiter !== ',');
      if (!this.keepCell(value, line, index, text, s, e)) {
        if (value === undefined) badInRow++;
        continue;
      }
      const handle = this.wideHandles[index];
      if (handle === undefined) continue;
      this.sink.addPoint(handle, timeMs, value);
      pointsInRow++;
    }
    this.pointsRead += pointsInRow;
    if (pointsInRow === 0 && badInRow > 0) this.rowsRejected++;
    return true;
  }

  /** The time in `text[start, end)` as UTC ms, or NaN (the slow path then reports the row). */
  private parseTimeAt(text: string, start: number, end: number): number {
    const format = this.layout?.timeFormat;
    if (format === 'iso') {
      const wallClockMs = parseIsoAt(text, start, end);
      if (Number.isNaN(wallClockMs)) return Number.NaN;
      const offset = lastParsedOffsetMs();
      if (!Number.isNaN(offset)) return wallClockMs - offset;
      return this.zoneConverter === undefined ? wallClockMs : this.zoneConverter.toUtc(wallClockMs);
    }
    if (format === undefined) return Number.NaN;
    const value = parsePlainDecimalAt(text, start, end);
    if (Number.isNaN(value)) return Number.NaN;
    const ms = Math.round(value * EPOCH_FACTORS_TO_MS[format]);
    return Math.abs(ms) <= 8.64e15 ? ms : Number.NaN;
  }

  private parseTime(text: string): number | undefined {
    const format = this.layout?.timeFormat;
    if (format === 'iso') {
      const parsed = parseIsoTime(text);
      if (parsed === undefined) return undefined;
      if (parsed.offsetMs !== undefined) return parsed.wallClockMs - parsed.offsetMs;
      return this.zoneConverter === undefined ? parsed.wallClockMs : this.zoneConverter.toUtc(parsed.wallClockMs);
    }
    if (format === undefined) return undefined;
    const trimmed = text.trim();
    if (trimmed.length === 0) return undefined;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return undefined;
    const ms = Math.round(value * EPOCH_FACTORS_TO_MS[format]);
    return Math.abs(ms) <= 8.64e15 ? ms : undefined;
  }

  private handleForLongRow(fields: string[], valueIndex: number, layout: Layout): number {
    let key = String(valueIndex);
    for (const i of layout.identityColumns) key += `\u0000${fields[i] ?? ''}`;
    const known = this.seriesHandles.get(key);
    if (known !== undefined) return known;
    let baseName: string | undefined;
    let unit: string | undefined;
    const labels: Record<string, string> = {};
    for (const i of layout.identityColumns) {
      const value = (fields[i] ?? '').trim();
      const role = layout.roles[i];
      if (role === 'name') baseName = value;
      else if (role === 'unit') unit = value;
      else labels[layout.headers[i] ?? `column ${i + 1}`] = value;
    }
    const column = layout.headers[valueIndex] ?? '';
    const name = baseName === undefined ? column : layout.valueColumns.length > 1 ? `${baseName}.${column}` : baseName;
    const handle = this.declare(name, labels, unit, valueIndex);
    this.seriesHandles.set(key, handle);
    return handle;
  }

  private declare(baseName: string, labels: Record<string, string>, unitFromFile: string | undefined, valueIndex: number): number {
    // A header written as a Prometheus selector (Grafana names series `{__name__="up", job="node"}`)
    // becomes a base name and labels, so it merges with the same series from other exports.
    const selector = Object.keys(labels).length === 0 ? parseSeriesName(baseName) : undefined;
    const base = selector === undefined ? baseName : selector.base === '' ? 'value' : selector.base;
    const allLabels = selector === undefined ? labels : { ...selector.labels, ...labels };
    const name = seriesName(base, allLabels);
    const column = this.layout?.headers[valueIndex] ?? '';
    const mapped = ownValue(this.options.units, name) ?? ownValue(this.options.units, baseName) ?? ownValue(this.options.units, column);
    // A unit column says the unit, also when it is empty (a unitless series): hints from names only fill in where nothing was said.
    const hasUnitColumn = this.layout?.roles.includes('unit') === true;
    const unit = canonicalUnit(mapped ?? unitFromFile) ?? (hasUnitColumn ? (unitFromFile ?? '') : (unitFromHeader(base) ?? unitFromHeader(column) ?? ''));
    return this.sink.declareSeries({ name, unit, labels: allLabels, origin: `column '${column}'` });
  }

  /** A cell's value: a number, null for a gap, undefined for text that is not a value. */
  private parseValue(column: number, text: string, decimalComma: boolean): number | null | undefined {
    const value = parseCellNumber(text, decimalComma);
    if (value !== undefined || this.options.formattedValues !== true) return value;
    const formatted = parseValueWithUnit(text);
    if (formatted === undefined) return undefined;
    const target = this.displayUnits[column];
    if (formatted.unit === undefined) return formatted.value;
    if (target === undefined) return undefined; // a unit in a column that showed none before
    return convertUnit(formatted.value, formatted.unit, target);
  }

  /** Counts a gap, or names a cell that is not a number; true when `value` is one to keep. */
  private keepCell(value: number | null | undefined, line: number, column: number, text: string, start: number, end: number): value is number {
    if (value === null) {
      this.cellsMissing++;
      return false;
    }
    if (value === undefined) {
      this.cellsRejected++;
      this.reject(line, `column '${this.layout?.headers[column] ?? column + 1}': '${clip(text.slice(start, end))}' is not a number`);
      return false;
    }
    return true;
  }

  private reject(line: number, reason: string): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ line, reason });
  }
}

/** A mapping's own entry: a series named `constructor` must not find Object.prototype's. */
function ownValue(map: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

function canonicalUnit(unit: string | undefined): string | undefined {
  if (unit === undefined || unit.trim().length === 0) return undefined;
  return findUnit(unit.trim())?.id ?? unit.trim();
}

/** A column is textual when most of its non-empty sample cells are not numbers. */
function looksTextual(samples: readonly string[], formattedValues: boolean): boolean {
  let text = 0;
  let numeric = 0;
  for (const s of samples) {
    const value = parseCellNumber(s, false);
    if (value === null) continue;
    if (value === undefined && !/^[+-]?\d+,\d+$/.test(s.trim()) && !(formattedValues && parseValueWithUnit(s) !== undefined)) text++;
    else numeric++;
  }
  return text > numeric;
}

function describeTimeFormat(format: TimeFormat, zone: string | undefined): string {
  if (format === 'iso') return `ISO-8601 (times without a zone read as ${zone ?? 'UTC'})`;
  return { 'epoch-s': 'epoch seconds', 'epoch-ms': 'epoch milliseconds', 'epoch-us': 'epoch microseconds', 'epoch-ns': 'epoch nanoseconds' }[format];
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
