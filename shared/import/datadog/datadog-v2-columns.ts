import { formatIsoUtc } from '../../time/format-iso.js';
import { findUnit } from '../../units/unit-catalog.js';
import type { ImportTally } from '../import-tally.js';
import { ImportFormatError, type ImportSink } from '../import-types.js';
import { arrayField, field, isObject, numberField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';
import type { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { jsonKind, jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import { datadogSeriesUnit } from './datadog-series-unit.js';
import { datadogTagLabels } from './datadog-tags.js';
import { MAX_EPOCH_MS, SECONDS_SUSPECT_MS } from './datadog-v1-series.js';

/** A column of values that arrived before the times or the series it needs. */
interface PendingColumn {
  readonly column: JsonValue;
  readonly index: number;
  readonly line: number;
}

/**
 * Reads the columns of a Datadog v2 timeseries response (`POST /api/v2/query/timeseries`,
 * https://docs.datadoghq.com/api/latest/metrics/query-timeseries-data-across-multiple-products/):
 * `data.attributes.times` (epoch ms) is shared by every series; `values[i]` holds series
 * i's value at each time (null for none: a gap), described by `series[i]`
 * (`group_tags`, `query_index`, `unit`).
 *
 * Each `values[i]` is read as it completes when `times` and `series` came before it (the
 * order Datadog writes); when they come after, the columns are held until the end of the
 * document, the only case where memory grows with the file.
 *
 * The response names no metric: a series is named after the file, with its group tags
 * as labels, and `query="<query_index>"` when the response answers several queries.
 * @example
 * const v2 = new DatadogV2ColumnReader(sink, tally, new SeriesHandles(sink), 'cpu', undefined);
 * v2.column([0.5, null], { times: [1636625471000, 1636625531000], series: [{ query_index: 0 }] }, 9);
 */
export class DatadogV2ColumnReader {
  columnCount = 0;
  /** Values seen, imported or not. */
  samplesSeen = 0;
  /** Whether columns had to be held until times and series were read. */
  heldColumns = false;
  /** Whether a time before 1973 was read (seconds mistaken for ms?). */
  sawEarlyTime = false;
  /** Datadog units the unit catalog does not know, kept as written. */
  readonly unknownUnits = new Set<string>();
  private readonly pending: PendingColumn[] = [];
  private timesSource: readonly JsonValue[] | undefined;
  private timesMs = new Float64Array(0);
  private seriesSource: readonly JsonValue[] | undefined;
  private severalQueries = false;

  /**
   * @param fileBase the series base name (the response carries no metric name)
   * @param units the user's unit mapping (series or base name → unit)
   */
  constructor(
    private readonly sink: ImportSink,
    private readonly tally: ImportTally,
    private readonly handles: SeriesHandles,
    private readonly fileBase: string,
    private readonly units: Readonly<Record<string, string>> | undefined,
  ) {}

  /**
   * Reads one element of `data.attributes.values`, or holds it until `times` and `series` are known.
   * @param attributes `data.attributes` as read so far (its keys before `values`)
   * @param line the line where the column ends (where its refused values are reported)
   */
  column(column: JsonValue, attributes: JsonValue | undefined, line: number): void {
    const index = this.columnCount++;
    const times = arrayField(attributes, 'times');
    const series = arrayField(attributes, 'series');
    if (times === undefined || series === undefined) {
      this.pending.push({ column, index, line });
      this.heldColumns = true;
      return;
    }
    this.readColumn(column, index, line, times, series);
  }

  /**
   * Reads the columns held back, now that the whole of `data.attributes` is known.
   * @throws {ImportFormatError} when there are values but no `times` to place them at
   */
  finish(attributes: JsonValue | undefined): void {
    if (this.pending.length === 0) return;
    const times = arrayField(attributes, 'times');
    if (times === undefined) {
      throw new ImportFormatError(1, `data.attributes.times is ${jsonKind(field(attributes, 'times'))}: the ${this.pending.length} value lists have no timestamps`);
    }
    const series = arrayField(attributes, 'series') ?? [];
    for (const { column, index, line } of this.pending) this.readColumn(column, index, line, times, series);
    this.pending.length = 0;
  }

  private readColumn(column: JsonValue, index: number, line: number, times: readonly JsonValue[], series: readonly JsonValue[]): void {
    this.prepareTimes(times, line);
    this.prepareSeries(series);
    const meta = series[index];
    const base = this.fileBase;
    let labels: Record<string, string>;
    if (isObject(meta)) {
      const groupTags = (arrayField(meta, 'group_tags') ?? []).filter((t): t is string => typeof t === 'string');
      labels = datadogTagLabels(groupTags);
      const queryIndex = numberField(meta, 'query_index');
      if (this.severalQueries && queryIndex !== undefined) labels = { ...labels, query: String(queryIndex) };
    } else {
      labels = { series: String(index) };
      this.tally.issue(line, `data.attributes.series[${index}] is ${jsonKind(meta)}: values[${index}] was named by its position`);
    }
    const name = seriesName(base, labels);
    const override = unitOverride(this.units, name, base);
    const fromDatadog = override === undefined ? datadogSeriesUnit(field(meta, 'unit')) : undefined;
    if (fromDatadog !== undefined && findUnit(fromDatadog) === undefined) this.unknownUnits.add(fromDatadog);
    const unit = override ?? fromDatadog ?? '';

    const tally = this.tally;
    if (!Array.isArray(column)) {
      tally.rowsRead++;
      tally.rejectRow(line, `data.attributes.values[${index}] is ${jsonSnippet(column)}, not a list of values (one per time)`);
      return;
    }
    const timesMs = this.timesMs;
    const count = Math.min(column.length, timesMs.length);
    let handle = -1;
    for (let j = 0; j < count; j++) {
      tally.rowsRead++;
      this.samplesSeen++;
      const ms = timesMs[j] ?? Number.NaN;
      if (ms !== ms) {
        tally.rowsRejected++; // its time was reported once, by prepareTimes
        continue;
      }
      const value = column[j];
      if (value === null) {
        tally.cellsMissing++;
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        tally.rowsRejected++;
        tally.rejectValue(line, `${name} at ${formatIsoUtc(ms)}: ${jsonSnippet(value)} is not a number`);
        continue;
      }
      if (handle < 0) handle = this.handles.handle(base, labels, unit, `data.attributes.values[${index}]`);
      this.sink.addPoint(handle, ms, value);
      tally.pointsRead++;
    }
    if (column.length > timesMs.length) {
      const extra = column.length - timesMs.length;
      tally.rowsRead += extra;
      this.samplesSeen += extra;
      tally.rejectRow(line, `${name}: ${column.length} values for ${timesMs.length} times; the last ${extra} have no time and were not imported`);
      tally.rowsRejected += extra - 1;
    } else if (column.length < timesMs.length) {
      tally.issue(line, `${name}: ${column.length} values for ${timesMs.length} times; the last ${timesMs.length - column.length} times have no value`);
    }
  }

  /** Times to ms once per response; a time that is not epoch ms is reported once here. */
  private prepareTimes(times: readonly JsonValue[], line: number): void {
    if (times === this.timesSource) return;
    this.timesSource = times;
    this.timesMs = new Float64Array(times.length);
    for (let j = 0; j < times.length; j++) {
      const time = times[j];
      if (typeof time === 'number' && Math.abs(time) <= MAX_EPOCH_MS) {
        const ms = Math.round(time);
        this.timesMs[j] = ms;
        if (Math.abs(ms) < SECONDS_SUSPECT_MS) this.sawEarlyTime = true;
      } else {
        this.timesMs[j] = Number.NaN;
        this.tally.issue(line, `data.attributes.times[${j}] = ${jsonSnippet(time)} is not epoch milliseconds; the values at that time were not imported`);
      }
    }
  }

  /** Whether the response answers several queries, decided once per `series` list. */
  private prepareSeries(series: readonly JsonValue[]): void {
    if (series === this.seriesSource) return;
    this.seriesSource = series;
    const indexes = new Set<number>();
    for (const meta of series) {
      const queryIndex = numberField(meta, 'query_index');
      if (queryIndex !== undefined) indexes.add(queryIndex);
    }
    this.severalQueries = indexes.size > 1;
  }
}
