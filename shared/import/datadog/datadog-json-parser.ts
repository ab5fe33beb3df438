import type { ImportOptions } from '../../api/contract.js';
import { formatIsoUtc } from '../../time/format-iso.js';
import { ImportTally } from '../import-tally.js';
import { ImportFormatError, type ImportSink, type StreamingParser } from '../import-types.js';
import { field, isObject, numberField, stringField } from '../json/json-access.js';
import { JsonExportParser, type JsonExportHandler } from '../json/json-export-parser.js';
import type { JsonObject, JsonPathPattern, JsonValue } from '../json/streaming-json.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesBaseFromFileName } from '../file-series-base.js';
import { DatadogV1SeriesReader, MAX_EPOCH_MS } from './datadog-v1-series.js';
import { DatadogV2ColumnReader } from './datadog-v2-columns.js';

const V1_DOC = 'https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/';
const V2_DOC = 'https://docs.datadoghq.com/api/latest/metrics/query-timeseries-data-across-multiple-products/';

const NOT_DATADOG =
  'not a Datadog metrics query response: expected {"series":[{"metric":…,"pointlist":[…]}]} (GET /api/v1/query) or {"data":{"attributes":{"times":[…],"values":[…]}}} (POST /api/v2/query/timeseries)';

/** The streamed arrays: v1 `series`, v2 `data.attributes.values` (one value list per series). */
const V1_SERIES = 0;
const V2_VALUES = 1;

/** Options of the Datadog importer, from the import's options. */
export interface DatadogParserOptions {
  /** The user's name for the file: the series name of v2 responses, which carry no metric name. */
  readonly fileName: string;
  /** Unit per series name or base name (`--units`); wins over Datadog's unit. */
  readonly units?: Readonly<Record<string, string>> | undefined;
  /** Whether the user set a time column, format or zone, which this format has no use for. */
  readonly timeOptionsGiven?: boolean | undefined;
}

/**
 * Reads a Datadog metrics query response: v1 (`GET /api/v1/query`,
 * https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/: `series[]`
 * with `pointlist` pairs of epoch ms and value) or v2 (`POST /api/v2/query/timeseries`,
 * https://docs.datadoghq.com/api/latest/metrics/query-timeseries-data-across-multiple-products/:
 * columns `times` and `values[][]`), told apart by content. Elements are streamed: one
 * v1 series, or one v2 value list, in memory at a time. Null values are gaps.
 *
 * @param sink receives the series and points
 * @param options the file name (the series name of v2 responses) and the user's unit mapping
 * @returns a parser to push the file's text into; its `end()` returns the summary
 * @throws {ImportFormatError} from `push`/`end` for text that is not JSON, a Datadog
 *   error response (`status: "error"`, `errors`), a document that is not a query
 *   response, or one without any value
 * @example
 * const parser = createDatadogJsonParser(sink, { fileName: 'cpu.json' });
 * parser.push('{"status":"ok","res_type":"time_series","series":[{"metric":"system.cpu.idle","scope":"host:foo","pointlist":[[1681683300000.0,77.6]]}]}');
 * parser.end().pointsRead; // 1, series 'system.cpu.idle{host="foo"}'
 */
export function createDatadogJsonParser(sink: ImportSink, options: DatadogParserOptions): StreamingParser {
  const tally = new ImportTally();
  return new JsonExportParser('datadog', new DatadogJsonHandler(sink, tally, options), tally, 'the Datadog response holds no data point');
}

/**
 * The Datadog options of an import: the user's file name and `ImportOptions`.
 * @example datadogParserOptions({}, 'cpu.json').fileName // 'cpu.json'
 */
export function datadogParserOptions(options: ImportOptions, fileName: string): DatadogParserOptions {
  return {
    fileName,
    units: options.units,
    timeOptionsGiven: options.timeColumn !== undefined || options.timeZone !== undefined || (options.timeFormat !== undefined && options.timeFormat !== 'auto'),
  };
}

/**
 * The JsonExportHandler behind {@link createDatadogJsonParser}: hands v1 series and v2
 * value lists to their readers, then checks the envelope (errors, variant) at the end.
 * @example new JsonExportParser('datadog', new DatadogJsonHandler(sink, tally, { fileName: 'q.json' }), tally, 'empty')
 */
export class DatadogJsonHandler implements JsonExportHandler {
  readonly streamArrays: readonly JsonPathPattern[] = [['series'], ['data', 'attributes', 'values']];
  private readonly fileBase: string;
  private readonly v1: DatadogV1SeriesReader;
  private readonly v2: DatadogV2ColumnReader;

  constructor(
    sink: ImportSink,
    private readonly tally: ImportTally,
    private readonly options: DatadogParserOptions,
  ) {
    const handles = new SeriesHandles(sink);
    this.fileBase = seriesBaseFromFileName(options.fileName, 'datadog');
    this.v1 = new DatadogV1SeriesReader(sink, tally, handles, this.fileBase, options.units);
    this.v2 = new DatadogV2ColumnReader(sink, tally, handles, this.fileBase, options.units);
  }

  element(element: JsonValue, patternIndex: number, ancestors: readonly JsonValue[], line: number): void {
    if (patternIndex === V1_SERIES) {
      // Datadog writes status and errors before the series: refuse before any point.
      if (this.v1.seriesCount === 0) checkV1Errors(ancestors[0]);
      this.v1.read(element, this.v1.seriesCount, line);
    } else if (patternIndex === V2_VALUES) {
      this.v2.column(element, ancestors[2], line);
    }
  }

  finish(root: JsonValue): void {
    if (!isObject(root)) throw new ImportFormatError(1, NOT_DATADOG);
    const data = field(root, 'data');
    const attributes = field(data, 'attributes');
    const isV2 = isObject(attributes) || stringField(data, 'type') === 'timeseries_response' || this.v2.columnCount > 0;
    if (!isV2) {
      checkV1Errors(root);
      const isV1 = Object.hasOwn(root, 'series') || Object.hasOwn(root, 'res_type') || this.v1.seriesCount > 0;
      if (!isV1) throw new ImportFormatError(1, NOT_DATADOG);
      this.noteV1(root);
      if (this.tally.pointsRead === 0 && this.tally.firstIssue() === undefined) throw new ImportFormatError(1, this.v1EmptyReason(root));
      return;
    }
    const errors = errorMessage(root);
    try {
      this.v2.finish(attributes);
    } catch (error) {
      // Datadog's own error explains a response without times better than we can.
      if (errors !== undefined && error instanceof ImportFormatError) throw new ImportFormatError(1, `Datadog returned an error: ${errors}`);
      throw error;
    }
    // v2 may answer 200 with data and an `errors` string about part of the request: keep the data, say so.
    if (errors !== undefined) {
      if (this.tally.pointsRead === 0) throw new ImportFormatError(1, `Datadog returned an error: ${errors}`);
      this.tally.issue(1, `Datadog reported an error with the data: ${errors}`);
    }
    this.noteV2(root);
    if (this.tally.pointsRead === 0 && this.tally.firstIssue() === undefined) throw new ImportFormatError(1, this.v2EmptyReason(attributes));
  }

  private noteV1(root: JsonObject): void {
    this.tally.note('Datadog metrics query v1 response (GET /api/v1/query)');
    const query = stringField(root, 'query');
    if (query !== undefined && query.length > 0) this.tally.note(`query: ${query}`);
    const from = numberField(root, 'from_date');
    const to = numberField(root, 'to_date');
    if (from !== undefined && to !== undefined && Math.abs(from) <= MAX_EPOCH_MS && Math.abs(to) <= MAX_EPOCH_MS) {
      this.tally.note(`requested range ${formatIsoUtc(Math.round(from))} – ${formatIsoUtc(Math.round(to))}`);
    }
    const intervals = [...this.v1.intervals].sort((a, b) => a - b);
    if (intervals.length > 0) {
      const listed = intervals.length > 5 ? `${intervals.slice(0, 5).join(', ')}, …` : intervals.join(', ');
      this.tally.note(`point interval ${listed} s (Datadog rolls points up; a longer range gives a longer interval)`);
    }
    if (this.v1.disambiguated) this.tally.note('series of one metric and scope but different expressions are told apart by an expression label');
    this.noteCommon(this.v1.unknownUnits, this.v1.sawEarlyTime);
  }

  private noteV2(root: JsonObject): void {
    this.tally.note('Datadog v2 timeseries response (POST /api/v2/query/timeseries)');
    this.tally.note(`the response names no metric: series are named after the file ('${this.fileBase}') and their group tags`);
    if (this.v2.heldColumns) this.tally.note('the values came before the times: they were held in memory until the times were read');
    const from = numberField(root, 'from_date');
    const to = numberField(root, 'to_date');
    if (from !== undefined && to !== undefined && Math.abs(from) <= MAX_EPOCH_MS && Math.abs(to) <= MAX_EPOCH_MS) {
      this.tally.note(`requested range ${formatIsoUtc(Math.round(from))} – ${formatIsoUtc(Math.round(to))}`);
    }
    this.noteCommon(this.v2.unknownUnits, this.v2.sawEarlyTime);
  }

  private noteCommon(unknownUnits: ReadonlySet<string>, sawEarlyTime: boolean): void {
    for (const unit of unknownUnits) this.tally.note(`Datadog unit '${unit}' is not in the unit catalog; kept as written`);
    if (sawEarlyTime) this.tally.note('some times fall before 1973: Datadog writes epoch milliseconds; were these seconds?');
    if (this.options.timeOptionsGiven === true) this.tally.note('time column, format and zone options do not apply: Datadog timestamps are epoch milliseconds (UTC)');
  }

  private v1EmptyReason(root: JsonObject): string {
    const query = stringField(root, 'query');
    const what = query !== undefined && query.length > 0 ? ` for ${query}` : '';
    if (this.v1.seriesCount === 0) return `the query returned no series ("series" is empty${what}): nothing matched it in the requested range (${V1_DOC})`;
    const series = this.v1.seriesCount === 1 ? 'the series holds' : `the ${this.v1.seriesCount} series hold`;
    if (this.v1.samplesSeen === 0) return `${series} no point`;
    return `${series} only null values (${this.v1.samplesSeen}): there is no value to import`;
  }

  private v2EmptyReason(attributes: JsonValue | undefined): string {
    const times = field(attributes, 'times');
    if (Array.isArray(times) && times.length === 0) return `the response holds no timestamps (data.attributes.times is empty) (${V2_DOC})`;
    if (this.v2.columnCount === 0) return `the response holds no series (data.attributes.values is ${Array.isArray(field(attributes, 'values')) ? 'empty' : 'missing'}) (${V2_DOC})`;
    if (this.v2.samplesSeen === 0) return 'the value lists hold no value';
    return `every value is null (${this.v2.samplesSeen}): there is no value to import`;
  }
}

/** @throws {ImportFormatError} for a v1 error: `status: "error"` or an `errors` list */
function checkV1Errors(root: JsonValue | undefined): void {
  const errors = errorMessage(root);
  if (errors !== undefined) throw new ImportFormatError(1, `Datadog returned an error: ${errors}`);
  if (stringField(root, 'status') === 'error') {
    throw new ImportFormatError(1, `Datadog returned an error: ${stringField(root, 'error') ?? stringField(root, 'message') ?? 'no message'}`);
  }
}

/** The `errors` of a response (a list of strings in error responses, a string in v2), or undefined. */
function errorMessage(root: JsonValue | undefined): string | undefined {
  const errors = field(root, 'errors');
  if (typeof errors === 'string') return errors.length > 0 ? errors : undefined;
  if (!Array.isArray(errors)) return undefined;
  // Strings in v1; JSON:API error objects ({"status","title","detail"}) in some v2 answers.
  const messages = errors.map((e) => (typeof e === 'string' ? e : (stringField(e, 'detail') ?? stringField(e, 'title') ?? JSON.stringify(e))));
  return messages.length > 0 ? messages.join('; ') : undefined;
}
