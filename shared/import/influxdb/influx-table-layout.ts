import { parseCellNumber } from '../parse-cell-number.js';
import { ImportFormatError } from '../import-types.js';

/**
 * The column roles of one table of an InfluxDB annotated CSV file, decided from its
 * header row and the annotation rows before it (`#group`, `#datatype`, `#default`).
 * Format: https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/
 */

/** How the cells of a value column are read. */
export type InfluxValueKind = 'number' | 'boolean' | 'unsupported';

export interface InfluxValueColumn {
  /** Field index in the record (the annotation column, when present, is index 0). */
  readonly index: number;
  readonly column: string;
  readonly kind: InfluxValueKind;
  /** The `#datatype` cell as written ('' without annotations). */
  readonly datatype: string;
}

/** The annotation rows read before a header; undefined when the file leaves one out. */
export interface InfluxAnnotations {
  group: readonly string[] | undefined;
  datatype: readonly string[] | undefined;
  default: readonly string[] | undefined;
}

export interface InfluxTableLayout {
  readonly headerLine: number;
  /** Fields a record of this table has (annotation column included). */
  readonly fieldCount: number;
  /** Whether records start with the (empty) annotation column. */
  readonly hasAnnotationColumn: boolean;
  /** Column name per field index ('' for the annotation column). */
  readonly names: readonly string[];
  /** `#default` value per field index ('' when none): what an empty cell means. */
  readonly defaults: readonly string[];
  /** `_time`, or `_stop` for aggregates without `_time`. */
  readonly timeIndex: number;
  readonly tableIndex: number;
  readonly measurementIndex: number;
  readonly fieldIndex: number;
  /** Columns whose values label the series (group key, or tags). */
  readonly labels: number[];
  readonly values: InfluxValueColumn[];
  /**
   * Columns of a pivoted table without annotations: tags or fields? Decided from the
   * first data row (numbers are fields) by {@link resolveUndecidedColumns}.
   */
  readonly undecided: number[];
  /** Columns left out and why, for the report. */
  readonly skipped: readonly string[];
  /** Set for the table Flux writes instead of data when a query fails (`error,reference`). */
  readonly error: { readonly messageIndex: number; readonly referenceIndex: number } | undefined;
  readonly annotated: boolean;
  /** `#datatype` of the time column ('' when not annotated). */
  readonly timeDatatype: string;
}

/**
 * A fresh, empty set of annotations (a table exported without them), to be filled as
 * annotation rows arrive.
 * @example buildTableLayout('result,table,_time,_value'.split(','), noAnnotations(), 1).annotated // false
 */
export function noAnnotations(): InfluxAnnotations {
  return { group: undefined, datatype: undefined, default: undefined };
}

/** Columns every Flux table may carry that are neither labels nor values. */
const RESERVED = new Set(['result', 'table', '_start', '_stop', '_time', '_measurement', '_field', '_value']);

/**
 * Decides the column roles of a table from its header row and annotations.
 * Labels: `#group` true columns; without `#group`, the string columns of a `_value`
 * table (its tags). Values: `_value`, or the numeric columns of a pivoted table.
 * @param fields the header record as read (first cell empty when annotated)
 * @param line the header's line, for errors and series origins
 * @throws {ImportFormatError} when the header has no `_time` (nor `_stop`) column and is
 *   not an error table
 * @example buildTableLayout(',result,table,_time,_value,_field,_measurement,host'.split(','), noAnnotations(), 4).labels // [7] (host)
 */
export function buildTableLayout(fields: readonly string[], annotations: InfluxAnnotations, line: number): InfluxTableLayout {
  const hasAnnotationColumn = (fields[0] ?? '').trim() === '';
  const names = fields.map((f, i) => (i === 0 && hasAnnotationColumn ? '' : f.trim()));
  const annotated = annotations.group !== undefined || annotations.datatype !== undefined || annotations.default !== undefined;
  const defaults = names.map((_, i) => annotations.default?.[i] ?? '');
  const find = (name: string): number => names.indexOf(name, hasAnnotationColumn ? 1 : 0);
  const base = {
    headerLine: line,
    fieldCount: fields.length,
    hasAnnotationColumn,
    names,
    defaults,
    tableIndex: find('table'),
    measurementIndex: find('_measurement'),
    fieldIndex: find('_field'),
    annotated,
  };
  const errorIndex = find('error');
  if (errorIndex >= 0 && find('_time') < 0 && find('_value') < 0) {
    return {
      ...base,
      timeIndex: -1,
      labels: [],
      values: [],
      undecided: [],
      skipped: [],
      error: { messageIndex: errorIndex, referenceIndex: find('reference') },
      timeDatatype: '',
    };
  }
  const timeIndex = find('_time') >= 0 ? find('_time') : find('_stop');
  if (timeIndex < 0) {
    const shown = names.filter((n) => n.length > 0).slice(0, 12).join(',');
    throw new ImportFormatError(line, `not an InfluxDB table header: no '_time' column (nor '_stop'); the header is '${clip(shown, 120)}'`);
  }
  const hasValueColumn = find('_value') >= 0;
  const labels: number[] = [];
  const values: InfluxValueColumn[] = [];
  const undecided: number[] = [];
  const skipped: string[] = [];
  for (let i = hasAnnotationColumn ? 1 : 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const datatype = (annotations.datatype?.[i] ?? '').trim();
    if (name === '_value') {
      values.push({ index: i, column: name, kind: valueKind(datatype), datatype });
      continue;
    }
    if (RESERVED.has(name)) continue;
    const grouped = (annotations.group?.[i] ?? '').trim().toLowerCase() === 'true';
    if (grouped) {
      labels.push(i);
      continue;
    }
    if (datatype.length > 0) {
      const kind = valueKind(datatype);
      if (datatype === 'string') {
        // A non-grouped string column is a tag of a `_value` table (after group() or
        // without #group), but a string field of a pivoted table that has a group key.
        if (hasValueColumn || annotations.group === undefined) labels.push(i);
        else skipped.push(`column '${name}' holds text (a string field); not imported`);
      } else if (kind !== 'unsupported') {
        values.push({ index: i, column: name, kind, datatype });
      } else if (!datatype.startsWith('dateTime')) {
        skipped.push(`column '${name}' has datatype '${datatype}', which is not a number; not imported`);
      }
      continue;
    }
    if (hasValueColumn) labels.push(i);
    else if (annotations.group !== undefined) values.push({ index: i, column: name, kind: 'number', datatype: '' });
    else undecided.push(i);
  }
  return { ...base, timeIndex, labels, values, undecided, skipped, error: undefined, timeDatatype: (annotations.datatype?.[timeIndex] ?? '').trim() };
}

/**
 * Classifies the columns of a pivoted table without annotations from its first data
 * row: a number (or an empty cell) makes a value column, text a label. Mutates `layout`.
 * @example
 * const layout = buildTableLayout(',result,table,_time,host,load'.split(','), noAnnotations(), 1);
 * resolveUndecidedColumns(layout, ',_result,0,2024-01-01T00:00:00Z,db1,0.5'.split(','));
 * layout.labels // [4] (host); layout.values[0].column // 'load'
 */
export function resolveUndecidedColumns(layout: InfluxTableLayout, fields: readonly string[]): void {
  for (const index of layout.undecided) {
    const text = fields[index] ?? '';
    const cell = text === '' ? (layout.defaults[index] ?? '') : text;
    if (parseCellNumber(cell, false) === undefined) layout.labels.push(index);
    else layout.values.push({ index, column: layout.names[index] ?? '', kind: 'number', datatype: '' });
  }
  layout.values.sort((a, b) => a.index - b.index);
  layout.labels.sort((a, b) => a - b);
  layout.undecided.length = 0;
}

function valueKind(datatype: string): InfluxValueKind {
  switch (datatype) {
    case '':
    case 'double':
    case 'long':
    case 'unsignedLong':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'unsupported';
  }
}

/** Shortens text quoted in a message. */
function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
