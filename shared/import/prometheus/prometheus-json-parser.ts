import type { ImportOptions } from '../../api/contract.js';
import { formatIsoUtc } from '../../time/format-iso.js';
import { ImportTally } from '../import-tally.js';
import { ImportFormatError, type ImportSink, type SeriesKind, type StreamingParser } from '../import-types.js';
import { arrayField, field, isObject, stringField } from '../json/json-access.js';
import { JsonExportParser, type JsonExportHandler } from '../json/json-export-parser.js';
import type { JsonObject, JsonPathPattern, JsonValue } from '../json/streaming-json.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { seriesBaseFromFileName } from '../file-series-base.js';
import { prometheusSeriesKind, prometheusUnit } from './prometheus-metric-name.js';
import { describeRefusedValue, parsePrometheusValue } from './prometheus-sample-value.js';
import { jsonKind, jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';

/** The API documentation every message of this importer refers to. */
const API_DOC = 'https://prometheus.io/docs/prometheus/latest/querying/api/';

const NOT_PROMETHEUS =
  'not a Prometheus HTTP API response: expected {"status":"success","data":{"resultType":"matrix","result":[…]}} as /api/v1/query_range or /api/v1/query return it';

/**
 * Unix seconds at or beyond this (the year 5138) are milliseconds written by mistake —
 * the factor-of-1000 bug of mixing the API's seconds with the exposition format's ms.
 */
const MAX_ABS_SECONDS = 1e11;

/** Options of the Prometheus importer, from the import's options. */
export interface PrometheusParserOptions {
  /** The user's name for the file: the series name when a result has no `__name__`. */
  readonly fileName: string;
  /** Unit per series name or base name (`--units`); wins over the name's suffix. */
  readonly units?: Readonly<Record<string, string>> | undefined;
  /** Whether the user set a time column, format or zone, which this format has no use for. */
  readonly timeOptionsGiven?: boolean | undefined;
}

/**
 * Reads a Prometheus HTTP API response — `/api/v1/query_range` (`resultType` "matrix"),
 * `/api/v1/query` ("vector", "scalar") — as documented at
 * https://prometheus.io/docs/prometheus/latest/querying/api/ (response envelope and
 * "Expression query result formats").
 *
 * The elements of `data.result` are streamed one by one: memory holds one series at a
 * time, however many series the file has (Prometheus caps a series at 11,000 points
 * per query). Timestamps are float Unix seconds, rounded to the millisecond; values are
 * strings where `"NaN"` is a gap and infinities are refused. A series is named by its
 * `__name__` and other labels (`up{instance="a:9090",job="node"}`), or after the file
 * when a function such as rate() dropped `__name__`, so every chunk of a split export
 * names its series alike.
 *
 * @param sink receives the series and points
 * @param options the file name (a fallback series name) and the user's unit mapping
 * @returns a parser to push the file's text into; its `end()` returns the summary
 * @throws {ImportFormatError} from `push`/`end` for text that is not JSON, a Prometheus
 *   error response (`status: "error"`), a document that is not a query response, or one
 *   without any value
 * @example
 * const parser = createPrometheusJsonParser(sink, { fileName: 'up.json' });
 * parser.push('{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up"},"value":[1435781451.781,"1"]}]}}');
 * parser.end().pointsRead; // 1, at 1435781451781 ms
 */
export function createPrometheusJsonParser(sink: ImportSink, options: PrometheusParserOptions): StreamingParser {
  const tally = new ImportTally();
  const handler = new PrometheusJsonHandler(sink, tally, options);
  return new JsonExportParser('prometheus', handler, tally, 'the Prometheus response holds no sample');
}

/**
 * The Prometheus options of an import: the user's file name and `ImportOptions`.
 * @example prometheusParserOptions({ units: { up: 'count' } }, 'up.json').units // { up: 'count' }
 */
export function prometheusParserOptions(options: ImportOptions, fileName: string): PrometheusParserOptions {
  return {
    fileName,
    units: options.units,
    timeOptionsGiven: options.timeColumn !== undefined || options.timeZone !== undefined || (options.timeFormat !== undefined && options.timeFormat !== 'auto'),
  };
}

/** One element of `data.result` that is not a series: half of a scalar's `[time, "value"]`. */
interface LoosePart {
  readonly value: JsonValue;
  readonly line: number;
  readonly index: number;
}

/**
 * The JsonExportHandler behind {@link createPrometheusJsonParser}: turns each streamed
 * element of `data.result` into points, and checks the envelope at the end.
 * @example new JsonExportParser('prometheus', new PrometheusJsonHandler(sink, tally, { fileName: 'q.json' }), tally, 'empty')
 */
export class PrometheusJsonHandler implements JsonExportHandler {
  readonly streamArrays: readonly JsonPathPattern[] = [['data', 'result']];
  private readonly handles: SeriesHandles;
  private readonly fileBase: string;
  private elementCount = 0;
  private seriesCount = 0;
  private unnamedSeries = 0;
  private samplesSeen = 0;
  /** A scalar result is `[time, "value"]`: two elements, told apart from a mistake only by resultType. */
  private readonly looseParts: LoosePart[] = [];

  // The series being read. Fields rather than an object per series: the per-sample
  // path reads them without allocating.
  private base = '';
  private labels: Readonly<Record<string, string>> = {};
  private name = '';
  private unit = '';
  private kind: SeriesKind = 'gauge';
  private origin = '';
  /** The sink's handle, or -1 until the series' first value (a series of gaps is not declared). */
  private handle = -1;

  constructor(
    private readonly sink: ImportSink,
    private readonly tally: ImportTally,
    private readonly options: PrometheusParserOptions,
  ) {
    this.handles = new SeriesHandles(sink);
    this.fileBase = seriesBaseFromFileName(options.fileName, 'prometheus');
  }

  element(element: JsonValue, _patternIndex: number, ancestors: readonly JsonValue[], line: number): void {
    const index = this.elementCount++;
    const resultType = stringField(ancestors[1], 'resultType');
    if (index === 0) {
      // Prometheus writes status and resultType before the result: refuse early, before any point.
      checkStatus(ancestors[0]);
      if (resultType !== undefined) checkResultType(resultType);
    }
    if (isObject(element)) {
      this.readSeries(element, index, line);
      return;
    }
    if ((resultType === undefined || resultType === 'scalar') && this.looseParts.length < 2) {
      this.looseParts.push({ value: element, line, index });
      return;
    }
    this.rejectLoosePart({ value: element, line, index });
  }

  finish(root: JsonValue): void {
    if (!isObject(root)) throw new ImportFormatError(1, NOT_PROMETHEUS);
    checkStatus(root);
    const data = field(root, 'data');
    const resultType = stringField(data, 'resultType');
    const result = field(data, 'result');
    if (!isObject(data) || (result === undefined && resultType === undefined)) throw new ImportFormatError(1, NOT_PROMETHEUS);
    if (resultType !== undefined) checkResultType(resultType);
    if (!Array.isArray(result)) {
      throw new ImportFormatError(1, `data.result is ${jsonKind(result)}: expected an array of series (${API_DOC})`);
    }
    if (resultType === 'scalar') this.readScalar();
    else for (const part of this.looseParts) this.rejectLoosePart(part);
    this.noteHowRead(root, resultType);
    if (this.tally.pointsRead === 0 && this.tally.firstIssue() === undefined) throw new ImportFormatError(1, this.emptyReason(resultType));
  }

  private readSeries(series: JsonObject, index: number, line: number): void {
    this.seriesCount++;
    const metric = field(series, 'metric');
    let metricName: string | undefined;
    const labels: [string, string][] = [];
    if (isObject(metric)) {
      for (const key of Object.keys(metric)) {
        const value = metric[key];
        if (typeof value !== 'string') continue;
        if (key === '__name__') metricName = value;
        else labels.push([key, value]);
      }
    }
    if (metricName === undefined) this.unnamedSeries++;
    this.base = metricName ?? this.fileBase;
    // fromEntries, not assignment: a label named __proto__ stays a label.
    this.labels = Object.fromEntries(labels);
    this.name = seriesName(this.base, this.labels);
    // A file name is not a metric name, and rate() of a counter is not a counter.
    this.kind = metricName === undefined ? 'gauge' : prometheusSeriesKind(metricName);
    this.unit = unitOverride(this.options.units, this.name, this.base) ?? prometheusUnit(this.base);
    this.origin = `data.result[${index}]`;
    this.handle = -1;

    const values = field(series, 'values');
    const value = field(series, 'value');
    if (Array.isArray(values)) for (let i = 0; i < values.length; i++) this.readPair(values[i], line);
    else if (values !== undefined) this.tally.rejectRow(line, `${this.name}: "values" is ${jsonKind(values)}, not a list of [ <unix seconds>, "<value>" ] pairs`);
    if (value !== undefined) this.readPair(value, line);
    if (values === undefined && value === undefined) {
      const histogram = field(series, 'histograms') !== undefined || field(series, 'histogram') !== undefined;
      this.tally.rejectRow(
        line,
        histogram
          ? `${this.name}: native histogram samples are not imported; export histogram_quantile(…) or rate(…_count) instead`
          : `${this.name}: the series has neither "values" (range query) nor "value" (instant query)`,
      );
    }
  }

  /** One `[ <unix seconds>, "<value>" ]` pair of the current series. */
  private readPair(pair: JsonValue | undefined, line: number): void {
    this.tally.rowsRead++;
    this.samplesSeen++;
    if (!Array.isArray(pair) || pair.length < 2) {
      this.tally.rejectRow(line, `${this.name}: ${jsonSnippet(pair)} is not a [ <unix seconds>, "<value>" ] pair`);
      return;
    }
    const seconds = pair[0];
    if (typeof seconds !== 'number' || !(Math.abs(seconds) < MAX_ABS_SECONDS)) {
      const hint = typeof seconds === 'number' ? ' (is it in milliseconds?)' : '';
      this.tally.rejectRow(line, `${this.name}: timestamp ${jsonSnippet(seconds)} is not Unix seconds${hint}`);
      return;
    }
    const ms = Math.round(seconds * 1000);
    const raw = pair[1];
    const value = parsePrometheusValue(raw);
    if (value === null) {
      this.tally.cellsMissing++;
      return;
    }
    if (value === undefined) {
      this.tally.rowsRejected++;
      this.tally.rejectValue(line, `${this.name} at ${formatIsoUtc(ms)}: ${describeRefusedValue(raw)}`);
      return;
    }
    if (this.handle < 0) this.handle = this.handles.handle(this.base, this.labels, this.unit, this.origin, this.kind);
    this.sink.addPoint(this.handle, ms, value);
    this.tally.pointsRead++;
  }

  /** A scalar result: `data.result` is one `[time, "value"]` pair, named after the file. */
  private readScalar(): void {
    const [time, value] = this.looseParts;
    const line = value?.line ?? time?.line ?? 1;
    this.base = this.fileBase;
    this.labels = {};
    this.name = this.fileBase;
    this.kind = 'gauge';
    this.unit = unitOverride(this.options.units, this.name, this.base) ?? prometheusUnit(this.base);
    this.origin = 'data.result (scalar)';
    this.handle = -1;
    if (this.seriesCount > 0 || time === undefined || value === undefined) {
      this.tally.rowsRead++;
      this.tally.rejectRow(line, 'a scalar result should be data.result = [ <unix seconds>, "<value>" ]');
      return;
    }
    this.seriesCount++;
    this.readPair([time.value, value.value], line);
  }

  private rejectLoosePart(part: LoosePart): void {
    this.tally.rowsRead++;
    this.tally.rejectRow(part.line, `data.result[${part.index}] is ${jsonSnippet(part.value)}, not a series such as {"metric":{…},"values":[…]}`);
  }

  private noteHowRead(root: JsonObject, resultType: string | undefined): void {
    if (resultType === 'matrix') this.tally.note('Prometheus range query result (resultType "matrix")');
    else if (resultType === 'vector') this.tally.note('Prometheus instant query result (resultType "vector"): one sample per series');
    else if (resultType === 'scalar') this.tally.note(`Prometheus scalar result: one sample, named after the file ('${this.fileBase}')`);
    else this.tally.note('Prometheus query result without a resultType: read as a list of series');
    // PromQL's own annotations already say what they are ("PromQL info: …").
    for (const warning of arrayField(root, 'warnings') ?? []) if (typeof warning === 'string') this.tally.note(warning.startsWith('PromQL ') ? warning : `Prometheus warning: ${warning}`);
    for (const info of arrayField(root, 'infos') ?? []) if (typeof info === 'string') this.tally.note(info.startsWith('PromQL ') ? info : `Prometheus info: ${info}`);
    if (this.unnamedSeries > 0) {
      const count = this.unnamedSeries === 1 ? '1 series has' : `${this.unnamedSeries} series have`;
      this.tally.note(`${count} no __name__ (a function such as rate() drops it) and took the file's name: '${this.fileBase}'`);
    }
    if (this.options.timeOptionsGiven === true) this.tally.note('time column, format and zone options do not apply: Prometheus timestamps are Unix seconds (UTC)');
  }

  private emptyReason(resultType: string | undefined): string {
    if (this.seriesCount === 0) {
      return resultType === 'scalar'
        ? 'the scalar result holds no sample'
        : 'the query returned no series (data.result is empty): nothing matched it in the queried time range';
    }
    const series = this.seriesCount === 1 ? 'the series holds' : `the ${this.seriesCount} series hold`;
    if (this.samplesSeen === 0) return `${series} no sample`;
    return `${series} only NaN samples (${this.samplesSeen}): there is no value to import`;
  }
}

/** @throws {ImportFormatError} for Prometheus' error envelope, naming its errorType and message */
function checkStatus(root: JsonValue | undefined): void {
  if (stringField(root, 'status') !== 'error') return;
  throw new ImportFormatError(1, `Prometheus returned an error (${stringField(root, 'errorType') ?? 'no errorType'}): ${stringField(root, 'error') ?? 'no message'}`);
}

/** @throws {ImportFormatError} for result types that hold no numbers */
function checkResultType(resultType: string): void {
  if (resultType === 'matrix' || resultType === 'vector' || resultType === 'scalar') return;
  if (resultType === 'string') throw new ImportFormatError(1, 'the query returned a string (resultType "string"), not numbers; export a numeric query');
  if (resultType === 'streams') throw new ImportFormatError(1, 'this is a Loki log query result (resultType "streams"), not metrics; export a metric query such as rate({…}[5m])');
  throw new ImportFormatError(1, `unknown resultType "${resultType.slice(0, 40)}": expected "matrix", "vector" or "scalar" (${API_DOC})`);
}
