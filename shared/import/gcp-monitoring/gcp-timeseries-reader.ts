import { formatIsoUtc } from '../../time/format-iso.js';
import { lastParsedOffsetMs, parseIsoAt } from '../../time/parse-timestamp.js';
import { gcpUnit } from '../../units/vendor-units.js';
import type { ImportSink, SeriesKind } from '../import-types.js';
import { jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import type { ImportTally } from '../import-tally.js';
import { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { arrayField, field, isObject, stringField } from '../json/json-access.js';
import type { JsonObject, JsonValue } from '../json/streaming-json.js';
import { typedValueNumber } from './gcp-typed-value.js';

const MAX_TIME_MS = 8.64e15;
/** How many series the report names for int64 values beyond 2^53. */
const MAX_PRECISION_NOTES = 10;
/** ListTimeSeriesResponse.unit when the series' units differ. */
const NOT_A_UNIT = '{not_a_unit}';

/**
 * Reads the `timeSeries` elements of Cloud Monitoring `projects.timeSeries.list` JSON:
 * `{"metric":{"type","labels"},"resource":{"type","labels"},"metricKind","valueType",
 * "points":[{"interval":{"startTime","endTime"},"value":{…}}],"unit"}`. One series per time
 * series, named by `metric.type`, labelled with the metric's and the resource's labels plus
 * `resource_type` (a resource label whose key a metric label already uses becomes
 * `resource.<key>`); each point at `interval.endTime` (RFC 3339, nanoseconds truncated to ms);
 * values as {@link typedValueNumber} reads them. `CUMULATIVE` series are counters; `DELTA`
 * values are per-interval amounts (noted). Unit from `unit` (gcpUnit: `10^2.%` is a 0–1
 * fraction, 'ratio'; unknown units are kept as written and reported).
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/TimeSeries
 * @example
 * const reader = new GcpTimeSeriesReader(sink, tally, 'export');
 * reader.timeSeries({ metric: { type: 'compute.googleapis.com/nat/allocated_ports' }, resource: { type: 'gce_instance' }, metricKind: 'GAUGE', valueType: 'INT64',
 *   points: [{ interval: { endTime: '2019-09-24T16:58:53.699Z' }, value: { int64Value: '64' } }] }, page, 30);
 * // compute.googleapis.com/nat/allocated_ports{resource_type="gce_instance"}: 64 at 2019-09-24T16:58:53.699Z
 */
export class GcpTimeSeriesReader {
  private readonly handles: SeriesHandles;
  private readonly imprecise = new Set<string>();
  private newestFirst = false;
  /** `timeSeries` entries read (a series split over pages counts once per page), for the report. */
  count = 0;

  /**
   * @param fallbackName the series base name when a time series has no metric type (from the file name)
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
   * One element of a `timeSeries` array.
   * @param page the ListTimeSeriesResponse holding the array, as read so far (for its `unit`)
   * @param line the line where the element ends (its points have no line of their own)
   */
  timeSeries(element: JsonValue, page: JsonObject, line: number): void {
    this.count++;
    if (!isObject(element)) {
      this.tally.issue(line, `a timeSeries entry is ${jsonSnippet(element)}, not an object`);
      return;
    }
    const metric = field(element, 'metric');
    let type = nonEmpty(stringField(metric, 'type'));
    if (type === undefined) {
      type = this.fallbackName;
      this.tally.note(`a time series has no metric.type: named '${type}' after the file`);
    }
    const labels = labelsOf(metric, field(element, 'resource'));
    const name = seriesName(type, labels);
    const kind = this.kindOf(type, stringField(element, 'metricKind'));
    const vendorUnit = this.unitOf(stringField(element, 'unit') ?? stringField(page, 'unit'));
    const unit = unitOverride(this.units, name, type) ?? vendorUnit;
    let handle = -1;
    let previousMs = Number.NaN;
    for (const point of arrayField(element, 'points') ?? []) {
      this.tally.rowsRead++;
      const endTime = field(field(point, 'interval'), 'endTime');
      const timeMs = typeof endTime === 'string' ? rfc3339Ms(endTime) : Number.NaN;
      if (Number.isNaN(timeMs)) {
        const why = !isObject(point)
          ? `a point is ${jsonSnippet(point)}, not an object`
          : endTime === undefined
            ? 'a point has no interval.endTime'
            : `interval.endTime ${jsonSnippet(endTime)} is not an RFC 3339 time`;
        this.tally.rejectRow(line, `${name}: ${why}`);
        continue;
      }
      if (timeMs < previousMs) this.newestFirst = true;
      previousMs = timeMs;
      const raw = field(point, 'value');
      const value = typedValueNumber(raw);
      if (typeof value === 'number') {
        if (handle < 0) handle = this.handles.handle(type, labels, unit, `timeSeries[metric.type=${type}].points[]`, kind);
        this.sink.addPoint(handle, timeMs, value);
        this.tally.pointsRead++;
        if (!Number.isSafeInteger(value) && typeof field(raw, 'int64Value') === 'string') this.notePrecisionLoss(name, stringField(raw, 'int64Value') ?? '', timeMs);
      } else if (value === undefined) {
        this.tally.cellsMissing++;
      } else {
        this.tally.rejectValue(line, `${name} at ${formatIsoUtc(timeMs)}: ${value.refused}`);
        this.tally.rowsRejected++;
      }
    }
  }

  /** Notes what holds for every time series read. */
  finish(): void {
    if (this.newestFirst) this.tally.note('Cloud Monitoring points newest first, as timeSeries.list returns them');
  }

  private kindOf(type: string, metricKind: string | undefined): SeriesKind {
    if (metricKind === 'CUMULATIVE') {
      this.tally.note(`${type}: metricKind CUMULATIVE, imported as a counter (values accumulate from interval.startTime)`);
      return 'counter';
    }
    if (metricKind === 'DELTA') this.tally.note(`${type}: metricKind DELTA, values are per-interval amounts (interval.startTime to endTime), stamped at endTime`);
    return 'gauge';
  }

  private unitOf(vendor: string | undefined): string {
    if (vendor === undefined || vendor === NOT_A_UNIT) return '';
    const unit = gcpUnit(vendor);
    if (vendor === '10^2.%') this.tally.note("unit '10^2.%' is a fraction from 0 to 1 (100 × 1 %): imported as 'ratio'");
    if (unit !== undefined) return unit;
    this.tally.note(`unit '${vendor}' is not a known Cloud Monitoring unit; kept as written`);
    return vendor;
  }

  private notePrecisionLoss(name: string, text: string, timeMs: number): void {
    if (this.imprecise.has(name)) return;
    this.imprecise.add(name);
    // Bounded: one note per series, for the first few series.
    if (this.imprecise.size > MAX_PRECISION_NOTES) {
      if (this.imprecise.size === MAX_PRECISION_NOTES + 1) this.tally.note('more series have int64 values beyond 2^53; they are not listed');
      return;
    }
    this.tally.note(`${name}: int64Value ${text} at ${formatIsoUtc(timeMs)} is beyond 2^53 and loses precision (imported as ${Number(text)}); later ones are not listed`);
  }
}

/** Metric labels, resource labels and `resource_type`, defined (not assigned) so that any key is kept. */
function labelsOf(metric: JsonValue | undefined, resource: JsonValue | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  const define = (key: string, value: string): void => {
    Object.defineProperty(labels, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const metricLabels = field(metric, 'labels');
  if (isObject(metricLabels)) for (const key of Object.keys(metricLabels)) {
    const value = metricLabels[key];
    if (typeof value === 'string') define(key, value);
  }
  const resourceLabels = field(resource, 'labels');
  if (isObject(resourceLabels)) for (const key of Object.keys(resourceLabels)) {
    const value = resourceLabels[key];
    if (typeof value !== 'string') continue;
    if (!Object.hasOwn(labels, key) || labels[key] === value) define(key, value);
    else define(`resource.${key}`, value);
  }
  const resourceType = stringField(resource, 'type');
  if (resourceType !== undefined) define(Object.hasOwn(labels, 'resource_type') ? 'resource.type' : 'resource_type', resourceType);
  return labels;
}

/** An RFC 3339 time as UTC ms; fractions beyond ms (Cloud Monitoring writes nanoseconds) are truncated. */
function rfc3339Ms(text: string): number {
  const wallClockMs = parseIsoAt(text, 0, text.length);
  if (Number.isNaN(wallClockMs)) return Number.NaN;
  const offset = lastParsedOffsetMs();
  const ms = Number.isNaN(offset) ? wallClockMs : wallClockMs - offset;
  return Math.abs(ms) <= MAX_TIME_MS ? ms : Number.NaN;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text !== undefined && text.trim().length > 0 ? text : undefined;
}
