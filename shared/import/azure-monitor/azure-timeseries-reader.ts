import { formatIsoUtc } from '../../time/format-iso.js';
import { lastParsedOffsetMs, parseIsoAt } from '../../time/parse-timestamp.js';
import { azureUnit } from '../../units/vendor-units.js';
import type { ImportSink } from '../import-types.js';
import { jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import type { ImportTally } from '../import-tally.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { arrayField, field, isObject, stringField } from '../json/json-access.js';
import type { JsonObject, JsonValue } from '../json/streaming-json.js';

/** The aggregations a data point may carry as keys (`MetricValue`), in report order. */
const AGGREGATIONS = ['average', 'count', 'total', 'minimum', 'maximum'] as const;
const MAX_TIME_MS = 8.64e15;

/**
 * Reads the `timeseries` elements of Azure Monitor metrics (REST `Metrics - List`):
 * `{"metadatavalues":[{"name":{"value":"blobtype"},"value":"PageBlob"}],"data":[{"timeStamp",
 * "count","average",…}]}`. One series per aggregation key — `BlobCapacity{aggregation="count",
 * blobtype="PageBlob"}` — named by the metric's `name.value`, with the dimensions of
 * `metadatavalues` as labels, in the unit `unit` names (azureUnit; an unknown name is kept as
 * written and reported). An aggregation is a key that may be absent: absent at a point while
 * other points of the timeseries carry it, it is a gap there.
 *
 * The metric's `name` and `unit` come before `timeseries` in Azure's output; when they come
 * after (keys sorted, e.g. by `jq -S`), that metric's timeseries are kept until {@link finish}.
 * https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list
 * https://github.com/Azure/azure-rest-api-specs/blob/main/specification/monitor/resource-manager/Microsoft.Insights/stable/2018-01-01/examples/GetMetric.json
 * @example
 * const reader = new AzureTimeseriesReader(sink, tally, 'export');
 * reader.timeseries({ metadatavalues: [], data: [{ timeStamp: '2017-04-14T02:23:00Z', count: 1, average: 245 }] }, metric, 40);
 * reader.finish(); // BlobCapacity{aggregation="average"} 245 B, BlobCapacity{aggregation="count"} 1
 */
export class AzureTimeseriesReader {
  private readonly handles: SeriesHandles;
  private readonly deferred: { readonly element: JsonValue; readonly metric: JsonObject; readonly line: number }[] = [];
  /** Series handles per timeseries element, by aggregation index (-1: not declared yet). */
  private readonly current = [-1, -1, -1, -1, -1];
  private newestFirst = false;

  /**
   * @param fallbackName the series base name when a metric has no name (from the file name)
   * @param units the user's units by series name or base name (`--unit`); they win over `unit`
   */
  constructor(
    private readonly sink: ImportSink,
    private readonly tally: ImportTally,
    private readonly fallbackName: string,
    private readonly units?: Readonly<Record<string, string>>,
  ) {
    this.handles = new SeriesHandles(sink);
  }

  /**
   * One element of a metric's `timeseries` array.
   * @param metric the metric object holding the array, as read so far
   * @param line the line where the element ends (its data points have no line of their own)
   */
  timeseries(element: JsonValue, metric: JsonObject, line: number): void {
    if (Object.hasOwn(metric, 'name') && Object.hasOwn(metric, 'unit')) this.read(element, metric, line);
    else this.deferred.push({ element, metric, line });
  }

  /** Reads the timeseries kept for their metric's name and unit, which are read by now. */
  finish(): void {
    for (const { element, metric, line } of this.deferred.splice(0)) this.read(element, metric, line);
    if (this.newestFirst) this.tally.note('Azure Monitor data points newest first');
  }

  /** The series base name of a metric: `name.value`, else the last part of its `id`. */
  metricName(metric: JsonValue): string {
    const name = field(metric, 'name');
    const text = isObject(name) ? (stringField(name, 'value') ?? stringField(name, 'localizedValue')) : typeof name === 'string' ? name : undefined;
    if (text !== undefined && text.trim().length > 0) return text;
    const id = stringField(metric, 'id');
    const fromId = id?.slice(id.lastIndexOf('/') + 1);
    const base = fromId !== undefined && fromId.length > 0 ? fromId : this.fallbackName;
    this.tally.note(`a metric has no name.value: named '${base}'${fromId !== undefined && fromId.length > 0 ? ' after its id' : ' after the file'}`);
    return base;
  }

  private read(element: JsonValue, metric: JsonObject, line: number): void {
    const base = this.metricName(metric);
    if (!isObject(element)) {
      this.tally.issue(line, `a timeseries of '${base}' is ${jsonSnippet(element)}, not an object`);
      return;
    }
    const dimensions = dimensionsOf(element);
    const data = arrayField(element, 'data') ?? [];
    // Which aggregations this timeseries carries: absent at a point, they are gaps there.
    let present = 0;
    for (const point of data) {
      if (!isObject(point)) continue;
      for (let a = 0; a < AGGREGATIONS.length; a++) if (Object.hasOwn(point, AGGREGATIONS[a] ?? '')) present |= 1 << a;
    }
    const unit = this.unitOf(metric);
    this.current.fill(-1);
    let previousMs = Number.NaN;
    for (const point of data) {
      this.tally.rowsRead++;
      if (!isObject(point)) {
        this.tally.rejectRow(line, `a data point of ${seriesName(base, dimensions)} is ${jsonSnippet(point)}, not an object`);
        continue;
      }
      const stamp = field(point, 'timeStamp') ?? field(point, 'timestamp');
      const timeMs = typeof stamp === 'string' ? isoUtcMs(stamp) : Number.NaN;
      if (Number.isNaN(timeMs)) {
        this.tally.rejectRow(line, `${seriesName(base, dimensions)}: ${stamp === undefined ? 'a data point has no timeStamp' : `timeStamp ${jsonSnippet(stamp)} is not an ISO-8601 time`}`);
        continue;
      }
      if (timeMs < previousMs) this.newestFirst = true;
      previousMs = timeMs;
      let points = 0;
      let refused = 0;
      for (let a = 0; a < AGGREGATIONS.length; a++) {
        if ((present & (1 << a)) === 0) continue;
        const aggregation = AGGREGATIONS[a] ?? '';
        const value = Object.hasOwn(point, aggregation) ? point[aggregation] : undefined;
        if (value === undefined || value === null) {
          this.tally.cellsMissing++;
        } else if (typeof value === 'number' && Number.isFinite(value)) {
          let handle = this.current[a] ?? -1;
          if (handle < 0) {
            const labels = withLabel(dimensions, 'aggregation', aggregation);
            const seriesUnit = unitOverride(this.units, seriesName(base, labels), base) ?? unit;
            handle = this.handles.handle(base, labels, seriesUnit, `value[name=${base}].timeseries[].data[].${aggregation}`);
            this.current[a] = handle;
          }
          this.sink.addPoint(handle, timeMs, value);
          points++;
        } else {
          this.tally.rejectValue(line, `${seriesName(base, withLabel(dimensions, 'aggregation', aggregation))} at ${formatIsoUtc(timeMs)}: ${jsonSnippet(value)} is not a finite number`);
          refused++;
        }
      }
      this.tally.pointsRead += points;
      if (points === 0 && refused > 0) this.tally.rowsRejected++;
    }
  }

  private unitOf(metric: JsonObject): string {
    const vendor = stringField(metric, 'unit');
    if (vendor === undefined) return '';
    const unit = azureUnit(vendor);
    if (unit !== undefined) return unit;
    this.tally.note(`unit '${vendor}' is not an Azure Monitor unit; kept as written`);
    return vendor;
  }
}

/** The dimensions of a timeseries (`metadatavalues`) as labels: `name.value` → `value`. */
function dimensionsOf(timeseries: JsonObject): Record<string, string> {
  let labels: Record<string, string> = {};
  for (const entry of arrayField(timeseries, 'metadatavalues') ?? []) {
    const name = field(entry, 'name');
    const key = isObject(name) ? (stringField(name, 'value') ?? stringField(name, 'localizedValue')) : typeof name === 'string' ? name : undefined;
    const value = stringField(entry, 'value');
    if (key !== undefined && value !== undefined) labels = withLabel(labels, key, value);
  }
  return labels;
}

/** A copy of `labels` with one more; defined, not assigned, so that even `__proto__` is a label. */
function withLabel(labels: Readonly<Record<string, string>>, key: string, value: string): Record<string, string> {
  const out: Record<string, string> = { ...labels };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** An ISO-8601 time as UTC ms (Azure writes UTC with `Z`; a time without a zone is read as UTC). */
function isoUtcMs(text: string): number {
  const wallClockMs = parseIsoAt(text, 0, text.length);
  if (Number.isNaN(wallClockMs)) return Number.NaN;
  const offset = lastParsedOffsetMs();
  const ms = Number.isNaN(offset) ? wallClockMs : wallClockMs - offset;
  return Math.abs(ms) <= MAX_TIME_MS ? ms : Number.NaN;
}
